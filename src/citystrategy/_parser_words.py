"""argparse's own words (``usage:``, its section titles, its parse errors) from the catalogue.

argparse words its usage line, its section titles and its errors through the module-level
``_`` and ``ngettext`` of the standard library's gettext, domain ``argparse``, which has no
Polish catalogue. :func:`argparse_words` lets argparse take those words from citystrategy's
catalogue for the time a parser is built and used, and gives argparse's functions back after;
the messages argparse shows a user of the command are translated there (:data:`MESSAGES`).

>>> import argparse
>>> with argparse_words("pl_PL"):
...     parser = argparse.ArgumentParser(prog="citystrategy", add_help=False)
...     _ = parser.add_argument("city")
...     print(parser.format_usage(), end="")
użycie: citystrategy city
>>> argparse._("usage: ")
'usage: '
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from citystrategy import _i18n
from citystrategy._i18n import N_, Nn_

__all__ = ["MESSAGES", "PLURALS", "argparse_words"]

#: The messages of argparse (Python 3.11 to 3.13) that a user of the command can meet, as
#: argparse writes them (its msgids), so that the catalogue translates them.
MESSAGES: Final = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unexpected option string: %s"),
)
#: argparse's messages with a plural (``expected 2 arguments``).
PLURALS: Final = (Nn_("expected %s argument", "expected %s arguments"),)


@contextmanager
def argparse_words(locale: str) -> Iterator[None]:
    """Within the block, argparse words its usage, section titles and errors in *locale*.

    argparse's own functions are given back at the end, even when the block raises
    (``SystemExit`` from ``--help`` or a usage error).
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(message: str) -> str:
        return _i18n.gettext(message, locale)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return _i18n.ngettext(singular, plural, count, locale)

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
