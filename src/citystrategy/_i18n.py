"""The words citystrategy shows its users, from gettext message catalogues.

Messages are written in English in the code, marked for babel's extractor, and translated in
``locale/<language>/LC_MESSAGES/citystrategy.po``: the ``.po`` files are the source. A wheel
carries them compiled (``.mo``, built by ``hatch_build.py``) and without the ``.po``; in a source
checkout whose ``.mo`` is missing or older than its ``.po`` the ``.po`` is compiled and kept as the
``.mo``, so an edited catalogue takes effect at once (:func:`load`). English needs no catalogue: the messages are English.

Every function takes the locale explicitly (nothing is read from the environment):

>>> [ngettext("project", "projects", n, "pl_PL") for n in (1, 2, 5, 22)]
['projekt', 'projekty', 'projektów', 'projekty']
>>> ngettext("project", "projects", 2, "en_GB")
'projects'

The Polish catalogue has CLDR's four plural forms (one, few, many, other), as Transifex writes
them: whole numbers never reach the fourth, which is the form of a count that is not whole,
the genitive singular (``1,5 projektu``). English uses its plural there.

>>> from decimal import Decimal
>>> ngettext("project", "projects", Decimal("1.5"), "pl")
'projektu'

To add or change a message: write it in English in the code inside ``gettext(...)``,
``ngettext(...)``, ``pgettext(...)`` or, for a table of messages translated later, ``N_(...)``
(``Nn_(singular, plural)`` for a pair); then run babel's tools as ``docs/howto/translate.md``
shows, and translate the new entries in the ``.po``. ``tests/test_messages.py`` fails while any message lacks its Polish
translation or the catalogue holds one the code no longer uses.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import io
import os
import tempfile
from decimal import Decimal
from importlib.resources import as_file, files
from pathlib import Path
from typing import Final

from babel import Locale

__all__ = [
    "DOMAIN",
    "KEYWORDS",
    "LANGUAGES",
    "N_",
    "Nn_",
    "gettext",
    "language",
    "load",
    "ngettext",
    "pgettext",
]

#: The gettext domain: the catalogues' file name.
DOMAIN: Final = "citystrategy"
#: Languages with a catalogue; every other language shows the English messages.
LANGUAGES: Final = ("pl",)
#: The extraction keywords beyond babel's defaults (``pybabel extract -k``): ``Nn_`` for pairs;
#: ``_text`` and ``_t``, the command line's words (``citystrategy.cli``).
KEYWORDS: Final = ("Nn_:1,2", "_text:1", "_t:1")
#: The index of the plural form of a count that is not whole (CLDR's "other").
_FRACTION_FORM: Final = 3


def N_(message: str) -> str:
    """Mark *message* for extraction without translating it (for tables translated later)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; translate it later with :func:`ngettext`."""
    return singular, plural


def language(locale: Locale | str) -> str:
    """The language whose catalogue serves *locale*: ``"pl"`` or ``"en"``."""
    code = locale.language if isinstance(locale, Locale) else str(locale)
    code = code.replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else "en"


def _compile(po: bytes) -> bytes:
    from babel.messages import mofile, pofile  # only in a checkout with a stale .mo

    buffer = io.BytesIO()
    mofile.write_mo(buffer, pofile.read_po(io.BytesIO(po)))
    return buffer.getvalue()


def _keep(mo: Path, compiled: bytes) -> None:
    """Write *compiled* to *mo* whole or not at all; a folder that cannot be written is left."""
    try:
        descriptor, name = tempfile.mkstemp(dir=mo.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(compiled)
        os.replace(name, mo)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)


def load(folder: Path) -> _gettext.GNUTranslations:
    """The catalogue of *folder* (``…/LC_MESSAGES``): its ``.mo``, or its ``.po`` compiled.

    A wheel carries the ``.mo`` alone. In a source checkout the ``.po`` is compiled when the
    ``.mo`` is missing or older, and the result is kept as the ``.mo`` (git-ignored) where the
    folder can be written, so an edited catalogue takes effect at once and is compiled once.
    """
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as stream:
            return _gettext.GNUTranslations(stream)
    compiled = _compile(po.read_bytes())
    _keep(mo, compiled)
    return _gettext.GNUTranslations(io.BytesIO(compiled))


@functools.cache
def translations(code: str) -> _gettext.NullTranslations:
    """The translations of the language *code* (``"pl"``), or the English identity."""
    if code not in LANGUAGES:
        return _gettext.NullTranslations()
    with as_file(files("citystrategy") / "locale" / code / "LC_MESSAGES") as folder:
        return load(folder)


def gettext(message: str, locale: Locale | str) -> str:
    """*message* in the language of *locale*."""
    return translations(language(locale)).gettext(message)


def pgettext(context: str, message: str, locale: Locale | str) -> str:
    """*message* in the language of *locale*, in *context* (a column title, a role)."""
    return translations(language(locale)).pgettext(context, message)


def ngettext(singular: str, plural: str, count: int | Decimal, locale: Locale | str) -> str:
    """The form of *singular* / *plural* that agrees with *count* in the language of *locale*.

    Whole counts follow the catalogue's plural rule (Polish: ``1 projekt``, ``2 projekty``,
    ``5 projektów``); a count that is not whole takes the fourth Polish form (``projektu``) and
    the English plural.
    """
    catalogue = translations(language(locale))
    whole = int(count)
    if whole == count:
        return catalogue.ngettext(singular, plural, abs(whole))
    if isinstance(catalogue, _gettext.GNUTranslations):
        # gettext's plural rule takes whole numbers only; the catalogue keeps every form under
        # (msgid, index), the layout of the standard library's GNUTranslations.
        forms: dict[object, str] = catalogue._catalog  # type: ignore[attr-defined]
        form = forms.get((singular, _FRACTION_FORM))
        if form:
            return form
    return catalogue.ngettext(singular, plural, 2)
