"""Locales: the one default, and how a locale name becomes a babel ``Locale``."""

from __future__ import annotations

from typing import Final, TypeAlias

from babel import Locale, UnknownLocaleError

from citystrategy.errors import ArgumentError, ArgumentTypeError

__all__ = ["DEFAULT_LOCALE", "LocaleLike", "get_language", "get_locale"]

#: Locale used when none is passed. Never read from the environment.
DEFAULT_LOCALE: Final = Locale.parse("pl_PL")

#: A locale: a babel ``Locale`` or a name such as ``"pl_PL"`` or ``"en_GB"``.
LocaleLike: TypeAlias = Locale | str


def get_locale(locale: LocaleLike) -> Locale:
    """The babel locale for *locale*; the environment is never read.

    Raises:
        ArgumentTypeError: If *locale* is neither a ``Locale`` nor a string (``None``
            included); a ``TypeError`` too.
        ArgumentError: If babel does not know the locale (a ``ValueError`` too).

    >>> get_locale("pl_PL").language
    'pl'
    """
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):  # None would make babel read the environment
        raise ArgumentTypeError("locale", locale, "a babel Locale or a locale name")
    try:
        return Locale.parse(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        expected = "a locale babel knows (e.g. 'pl_PL', 'en_GB')"
        raise ArgumentError("locale", locale, expected) from None


def get_language(locale: LocaleLike) -> str:
    """The language of citystrategy's words for *locale*: ``"pl"``, or ``"en"`` for all others.

    Numbers and dates follow any babel locale; words (nouns, labels, unit names) exist in
    Polish and English only.

    >>> get_language("pl_PL"), get_language("de_DE")
    ('pl', 'en')
    """
    return "pl" if get_locale(locale).language == "pl" else "en"


_locale = get_locale


def _language(locale: Locale) -> str:
    return "pl" if locale.language == "pl" else "en"
