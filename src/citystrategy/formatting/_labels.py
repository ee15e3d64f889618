"""Words from the message catalogue: unit labels, money scale words, enumeration labels."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from decimal import Decimal
from enum import Enum
from typing import Final

from babel import Locale

from citystrategy._i18n import gettext, ngettext, pgettext
from citystrategy.errors import ArgumentTypeError
from citystrategy.formatting._locales import DEFAULT_LOCALE, LocaleLike, _language, _locale

__all__ = ["UNIT_LABELS", "get_label"]

#: Unit symbols, the same in every language.
_UNIT_SYMBOLS: Final = {
    "count": "",  # plain counts: the bare number
    "megawatt_hour": "MWh",
    "kilowatt_hour": "kWh",
    "gigajoule": "GJ",
    "microgram / meter ** 3": "µg/m³",
    "kilometer": "km",
    "meter": "m",
    "meter ** 2": "m²",
    "meter ** 3": "m³",
    "kilometer ** 2": "km²",
    "percent": "%",
    "EUR": "€",
}
#: Units written as a counted noun of :data:`NOUNS` (``58 dni``).
_NOUN_UNITS: Final = ("day", "person", "inhabitant")


@functools.cache
def _unit_words(language: str) -> dict[str, str]:
    """Unit labels made of words, in *language*, from the catalogue."""
    return {
        "percentage_point": pgettext("unit", "pp", language),
        "PLN": pgettext("unit", "PLN", language),
        "kiloPLN": pgettext("unit", "thousand PLN", language),
        "megaPLN": pgettext("unit", "million PLN", language),
        "gigaPLN": pgettext("unit", "billion PLN", language),
        "PLN / inhabitant": pgettext("unit", "PLN per inhabitant", language),
        "PLN / kilometer": pgettext("unit", "PLN/km", language),
        "kiloEUR": pgettext("unit", "thousand EUR", language),
        "megaEUR": pgettext("unit", "million EUR", language),
        "gigaEUR": pgettext("unit", "billion EUR", language),
        "EUR / inhabitant": pgettext("unit", "EUR per inhabitant", language),
        "EUR / kilometer": pgettext("unit", "EUR/km", language),
        "meter / hundred_thousand_inhabitants": pgettext(
            "unit", "m per 100,000 inhabitants", language
        ),
        "person / hundred_thousand_inhabitants": pgettext(
            "unit", "people per 100,000 inhabitants", language
        ),
        "count / hundred_thousand_inhabitants": pgettext(
            "unit", "per 100,000 inhabitants", language
        ),
        "count / thousand_inhabitants": pgettext("unit", "per 1,000 inhabitants", language),
        # the comparison panel's units
        "PLN / month": pgettext("unit", "PLN a month", language),
        "1 / ten_thousand_inhabitants": pgettext("unit", "per 10,000 inhabitants", language),
        "inhabitant / kilometer ** 2": pgettext("unit", "inhabitants per km²", language),
    }


def _unit_labels(language: str) -> dict[str, str]:
    """Every unit label in *language*; ``noun:day`` takes the plural form of a noun."""
    nouns = {unit: f"noun:{unit}" for unit in _NOUN_UNITS}
    return {**_UNIT_SYMBOLS, **nouns, **_unit_words(language)}


def unit_name(unit: str, language: str) -> str:
    """How a reader names *unit* in *language* (``"pl"``, ``"en"``): its symbol or words, a
    counted noun in the nominative plural, as a unit stands alone (``osoby``, ``dni``;
    ``people``), "liczba" for a plain count; a unit without a label as it is written."""
    label = _unit_labels(language).get(unit)
    if label is None:
        return unit
    if label.startswith("noun:"):
        from citystrategy.formatting import NOUNS

        return ngettext(*NOUNS[label.removeprefix("noun:")], 2, language)
    return label or pgettext("unit", "number", language)


def unit_names(unit: str, language: str) -> tuple[str, ...]:
    """Every way a reader writes *unit* in *language*: :func:`unit_name`, and each form of a
    counted noun (``osoba``, ``osoby``, ``osób``), so that ``254 osób`` and ``254 osoby`` are
    both read."""
    label = _unit_labels(language).get(unit, "")
    name = unit_name(unit, language)
    if not label.startswith("noun:"):
        return (name,)
    from decimal import Decimal

    from citystrategy.formatting import NOUNS

    forms = NOUNS[label.removeprefix("noun:")]
    counts = (1, 2, 5, Decimal("1.5"))
    return tuple(dict.fromkeys([name, *(ngettext(*forms, n, language) for n in counts)]))


class _UnitLabels(Mapping[str, Mapping[str, str]]):
    """The unit labels by unit, then language (``"pl"``, ``"en"``), read from the catalogue."""

    def __getitem__(self, unit: str) -> Mapping[str, str]:
        if unit not in _unit_labels("en"):
            raise KeyError(unit)
        return {language: _unit_labels(language)[unit] for language in ("pl", "en")}

    def __iter__(self) -> Iterator[str]:
        return iter(_unit_labels("en"))

    def __len__(self) -> int:
        return len(_unit_labels("en"))


#: Unit labels by unit, then language, as the catalogue gives them. A label starting with
#: ``noun:`` takes the plural form of that noun (``58 dni``); an empty label prints the bare
#: number (plain counts).
UNIT_LABELS: Final[Mapping[str, Mapping[str, str]]] = _UnitLabels()


def _scales(locale: Locale) -> tuple[tuple[Decimal, str], ...]:
    """Scale words for :func:`format_money_scaled`, largest first."""
    return (
        (Decimal(10) ** 9, pgettext("money scale", "bn", locale)),
        (Decimal(10) ** 6, pgettext("money scale", "m", locale)),
        (Decimal(10) ** 3, pgettext("money scale", "k", locale)),
    )


def _enum_key(member: Enum) -> tuple[type[Enum], str]:
    """An enumeration member as a key that tells apart members of equal value."""
    return type(member), str(member.value)


def _enum_labels(language: str, member: Enum) -> dict[tuple[type[Enum], str], str]:
    """The labels in *language* that may hold *member*'s: the progress method's enumerations
    (which need NumPy) are labelled only for their own members, so that labelling a direction
    does not load the progress method."""
    if type(member).__module__.startswith("citystrategy.progress"):
        return _progress_labels(language)
    return _model_labels(language)


@functools.cache
def _model_labels(language: str) -> dict[tuple[type[Enum], str], str]:
    """Labels of the model's enumerations in *language*, by enumeration and value.

    Members of different enumerations may share a value (``not_assessable``), so each
    enumeration has its own message context.
    """
    from citystrategy.model import Direction, Level, ParticipantRole, TargetKind

    return {
        _enum_key(Direction.HIGHER_IS_BETTER): pgettext("direction", "higher is better", language),
        _enum_key(Direction.LOWER_IS_BETTER): pgettext("direction", "lower is better", language),
        _enum_key(Direction.WITHIN_RANGE): pgettext("direction", "within a range", language),
        _enum_key(TargetKind.AT_LEAST): pgettext("target kind", "at least", language),
        _enum_key(TargetKind.AT_MOST): pgettext("target kind", "at most", language),
        _enum_key(TargetKind.EXACTLY): pgettext("target kind", "exactly", language),
        _enum_key(TargetKind.WITHIN_RANGE): pgettext("target kind", "within", language),
        _enum_key(Level.IMPACT): pgettext("level", "impact indicator", language),
        _enum_key(Level.RESULT): pgettext("level", "result indicator", language),
        _enum_key(ParticipantRole.SITE): pgettext("participant role", "site", language),
        _enum_key(ParticipantRole.MEMBER_CITY): pgettext(
            "participant role", "member city", language
        ),
        _enum_key(ParticipantRole.PARTICIPANT): pgettext(
            "participant role", "participant", language
        ),
        _enum_key(ParticipantRole.TRAINING_VENUE): pgettext(
            "participant role", "training venue", language
        ),
        _enum_key(ParticipantRole.NETWORK_MEMBER): pgettext(
            "participant role", "network member", language
        ),
        _enum_key(ParticipantRole.NETWORK_LEAD): pgettext(
            "participant role", "network lead", language
        ),
        _enum_key(ParticipantRole.PARTNER_CITY): pgettext(
            "participant role", "partner city", language
        ),
        _enum_key(ParticipantRole.VENUE): pgettext("participant role", "venue", language),
    }


@functools.cache
def _progress_labels(language: str) -> dict[tuple[type[Enum], str], str]:
    """Labels of the progress method's enumerations (statuses, trends, notes) in *language*."""
    from citystrategy.progress import NOTES, Status, Trend

    return {
        _enum_key(Status.TARGET_ACHIEVED): pgettext("status", "target achieved", language),
        _enum_key(Status.SUBSTANTIAL_PROGRESS): pgettext(
            "status", "substantial progress", language
        ),
        _enum_key(Status.MODERATE_PROGRESS): pgettext("status", "moderate progress", language),
        _enum_key(Status.LIMITED_PROGRESS): pgettext("status", "limited progress", language),
        _enum_key(Status.DETERIORATION): pgettext("status", "deterioration", language),
        _enum_key(Status.NOT_ASSESSABLE): pgettext("status", "not assessable", language),
        _enum_key(Trend.IMPROVED): pgettext("trend", "improved", language),
        _enum_key(Trend.WORSENED): pgettext("trend", "worsened", language),
        _enum_key(Trend.UNCHANGED): pgettext("trend", "unchanged", language),
        _enum_key(Trend.NOT_SIGNIFICANT): pgettext("trend", "not significant", language),
        _enum_key(Trend.NOT_ASSESSABLE): pgettext("trend", "not assessable", language),
        **{_enum_key(note): gettext(text, language) for note, text in NOTES.items()},
    }


def get_label(member: Enum, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The human label of an enumeration member of the model.

    >>> from citystrategy.model import Direction
    >>> get_label(Direction.LOWER_IS_BETTER)
    'destymulanta (im mniej, tym lepiej)'
    """
    language = _language(_locale(locale))
    if not isinstance(member, Enum):
        raise ArgumentTypeError("member", member, "a member of an enumeration of the model")
    label = _enum_labels(language, member).get(_enum_key(member))
    return str(member.value) if label is None else label
