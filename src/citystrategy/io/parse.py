r"""Parse the values of Polish reports and spreadsheets exactly.

Every function takes the raw text and a ``field`` name (and optionally a ``location``) so that
a :class:`~citystrategy.errors.ParseError` says what was read, where, and why it was refused.
Numbers come back as :class:`~decimal.Decimal`, exactly as written; nothing is guessed.

Accepted: a decimal comma; groups of three digits separated by a space, a no-break space
(U+00A0), a narrow no-break space (U+202F) or a thin space (U+2009); a minus written as
``-``, ``−`` (U+2212) or ``–`` (en dash), and a plus (``+0,6 p.p.``); scale words ``tys.``, ``mln``, ``mld``; units through
an explicit alias table (``zł``, ``PLN``, ``€``, ``EUR``, ``%``, ``p.p.``, ``MWh``, ``ug/m3`` …);
bounds ``<``, ``<=``, ``≤``, ``>``, ``>=``, ``≥``; the GUS missing-data signs; ``jw.``;
a reference to a cost given under another goal.

Refused: a dot as decimal point or group separator (``1.5``, ``1.234``), ``NaN``,
``Infinity``, exponents (``1e30``), underscores, groups that are not three digits, unknown
units, empty text, and numbers of more than :data:`MAX_DIGITS` digits (too large to compute
with exactly). :func:`parse_money` also refuses amounts finer than a grosz or a cent unless asked
for them: ``1,234 zł`` is most likely ``1 234 zł`` with a misplaced thousands separator.

With an English ``locale`` (an English data-entry form), numbers are read as English writes
them: a decimal point, groups of three digits separated by a comma or a space (``1,234,567.89``);
a decimal comma is refused there, and so is a single comma before three digits with no decimal
point (``1,234``), which is 1234 in English but 1,234 in Polish: nothing is guessed.

>>> parse_value("8 818 970,62 zł")
Amount(number=Decimal('8818970.62'), unit='PLN', bound=None, raw='8 818 970,62 zł', scale=None)
>>> parse_value("<45").bound
<Bound.LT: '<'>
>>> parse_decimal("1.5", field="value", location="row 3")
Traceback (most recent call last):
...
citystrategy.errors.ParseError: cannot parse value '1.5': a dot is not a decimal separator in Polish text; write a comma (row 3)
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Final, TypeAlias

from attrs import frozen

from citystrategy import _arguments
from citystrategy._exact import to_unit
from citystrategy._i18n import N_
from citystrategy._i18n import language as _language
from citystrategy.errors import Message, ParseError, UnitError, UnitName
from citystrategy.money import Money
from citystrategy.units import check_unit, unit_facts

if TYPE_CHECKING:
    import pint

__all__ = [
    "MAX_DIGITS",
    "MISSING_MARKERS",
    "SCALES",
    "UNIT_ALIASES",
    "Amount",
    "Bound",
    "CostReference",
    "MissingValue",
    "ParsedValue",
    "SameAsAbove",
    "parse_decimal",
    "parse_money",
    "parse_percent",
    "parse_quantity",
    "parse_value",
]

#: Characters accepted between groups of three digits.
_GROUP_SPACES: Final = " \u00a0\u202f\u2009"
#: Spaces around units and scale words.
_SPACES: Final = " \t\u00a0\u202f\u2009"
#: Characters accepted as a minus sign.
_MINUS: Final = "-\u2212\u2013"

#: Unit spellings found in Polish documents -> canonical units of the registry.
UNIT_ALIASES: Final = {
    "zł": "PLN",
    "zł.": "PLN",
    "PLN": "PLN",
    "€": "EUR",
    "EUR": "EUR",
    "euro": "EUR",
    "%": "percent",
    "p.p.": "percentage_point",
    "pp": "percentage_point",
    "pkt proc.": "percentage_point",
    "p. proc.": "percentage_point",
    "MWh": "megawatt_hour",
    "kWh": "kilowatt_hour",
    "GJ": "gigajoule",
    "ug/m3": "microgram / meter ** 3",
    "µg/m3": "microgram / meter ** 3",
    "µg/m³": "microgram / meter ** 3",
    "μg/m³": "microgram / meter ** 3",  # Greek mu, U+03BC
    "μg/m3": "microgram / meter ** 3",
    "km": "kilometer",
    "m": "meter",
    "m²": "meter ** 2",
    "m2": "meter ** 2",
    "m³": "meter ** 3",
    "m3": "meter ** 3",
    "km²": "kilometer ** 2",
    "km2": "kilometer ** 2",
    "dni": "day",
    "dzień": "day",
    "dnia": "day",  # 1,5 dnia
    "days": "day",
    "day": "day",
    "os.": "person",
    "osób": "person",
    "osoby": "person",  # 2–4 osoby, as a unit alone names them, 1,5 osoby
    "osoba": "person",
    "persons": "person",
    "people": "person",
    "person": "person",
}

#: Most significant digits a number may have: sums of many such numbers stay exact in the
#: default decimal context (28 digits). A longer number is refused, never rounded.
MAX_DIGITS: Final = 18

#: Scale words: ``115 tys. zł`` is 115 000 zł.
SCALES: Final = {"tys.": Decimal(1_000), "mln": Decimal(1_000_000), "mld": Decimal(1_000_000_000)}
#: The scale words an English text may use besides :data:`SCALES`, the words and abbreviations
#: English formatting writes (``PLN 115k``, ``PLN 10.9m``, ``PLN 1.6bn``). ``m`` is a scale word
#: only before a currency (``10.9m PLN``) or after one (``PLN 10.9m``): alone, ``1.5 m`` is a
#: metre. ``b``, ``mn``, ``M`` and ``K`` are not read: nothing is guessed.
_ENGLISH_SCALES: Final = {
    "thousand": Decimal(1_000),
    "k": Decimal(1_000),
    "million": Decimal(1_000_000),
    "m": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
}
#: Scale words that may stand only beside a currency.
_CURRENCY_ONLY_SCALES: Final = frozenset({"m"})
#: The currencies of the registry a scale word may stand before in the list of known units.
_CURRENCIES: Final = ("PLN", "EUR")
#: The SI prefix of each scale: ``tys. zł`` is the registry's ``kiloPLN``.
_SCALE_PREFIXES: Final = {
    Decimal(1_000): "kilo",
    Decimal(1_000_000): "mega",
    Decimal(1_000_000_000): "giga",
}
#: A currency written before an English amount, as English formatting writes it (``PLN 1.6bn``,
#: ``€30.50``).
_LEADING_CURRENCY_RE: Final = re.compile(r"(?P<currency>PLN|EUR|€)[ \u00a0]?(?=[0-9<>≤≥])")

#: GUS signs for missing data and what they mean ("- *" is the Kielce report's own footnote sign).
MISSING_MARKERS: Final = {
    "- *": N_("no data at the report date (footnote '*')"),
    "-*": N_("no data at the report date (footnote '*')"),
    "–": N_("no occurrence (GUS sign '–')"),
    "-": N_("no occurrence (GUS sign '–')"),
    ".": N_("no data, not known or confidential (GUS sign '.')"),
    "x": N_("not applicable (GUS sign 'x')"),
}

_SAME_AS_ABOVE: Final = frozenset({"jw.", "j.w.", "jw", "Jw."})
_COST_REFERENCE_RE: Final = re.compile(
    r"koszt realizacji projektu podany w celu (?:nr|numer) ?(?P<goal>[0-9]+(?:\.[0-9]+)?)\.?",
    re.IGNORECASE,
)

_NUMBER_RE: Final = re.compile(
    rf"""
    (?P<bound><=|>=|≤|≥|<|>)?\s*
    (?P<sign>[{_MINUS}+])?
    (?P<int>[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}})+|[0-9]+)
    (?:,(?P<frac>[0-9]+))?
    (?P<rest>.*)
    """,
    re.VERBOSE | re.DOTALL,
)
#: A number as English text writes it: a decimal point, groups of three digits separated by a
#: comma or a space (``1,234,567.89``, ``1 234 567.89``).
_ENGLISH_NUMBER_RE: Final = re.compile(
    rf"""
    (?P<bound><=|>=|≤|≥|<|>)?\s*
    (?P<sign>[{_MINUS}+])?
    (?P<int>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}})+|[0-9]+)
    (?:\.(?P<frac>[0-9]+))?
    (?P<rest>.*)
    """,
    re.VERBOSE | re.DOTALL,
)
_BOUND_NAMES: Final = {"≤": "<=", "≥": ">="}


class Bound(StrEnum):
    """A bound written before a number, as in ``<45``."""

    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="


@frozen
class Amount:
    """A number, with the unit and bound written beside it.

    Attributes:
        number: The number, exact, with any scale word applied.
        unit: Canonical unit from the text (``"PLN"``, ``"percent"``), or ``None`` if none.
        bound: The bound written before it, if any.
        raw: The text as read.
        scale: The factor of a scale word (``tys.`` is 1000), if one was written.
    """

    number: Decimal
    unit: str | None
    bound: Bound | None
    raw: str
    scale: Decimal | None = None


@frozen
class MissingValue:
    """A sign for missing data (``- *``, ``–``, ``.``, ``x``), never a zero.

    Attributes:
        marker: The sign, normalised (surrounding spaces removed).
        meaning: What the sign means in GUS usage or in the source's footnote.
        raw: The text as read.
    """

    marker: str
    meaning: str
    raw: str


@frozen
class SameAsAbove:
    """``jw.`` (jak wyżej): the same as in the row above."""

    raw: str


@frozen
class CostReference:
    """ "Koszt realizacji projektu podany w Celu nr N": the cost is stated under goal N.

    Attributes:
        goal: Code of the goal under which the cost is given.
        raw: The text as read.
    """

    goal: str
    raw: str


#: What :func:`parse_value` can return.
ParsedValue: TypeAlias = Amount | MissingValue | SameAsAbove | CostReference


def _fail(raw: str, field: str, reason: str | Message, location: str | None) -> ParseError:
    return ParseError(raw, field, reason, location)


def _clean(raw: str) -> str:
    """Strip outer whitespace and fold inner runs of plain spaces (not group spaces)."""
    return raw.strip(" \t\r\n\u00a0\u202f\u2009")


def _diagnose(text: str, *, english: bool = False) -> str:
    """Say why *text* is not a Polish number (an English one if *english*)."""
    lowered = text.lower()
    if re.search(r"\b(nan|inf|infinity)\b", lowered):
        return N_("not a number (NaN and infinities are not values)")
    if english and re.search(r"\d[eE][+\-\u2212]?\d", text):
        return N_("an exponent is not a number to type; write the number in full")
    if re.search(r"\d[eE][+\-\u2212]?\d", text):
        return N_("an exponent is not a Polish number; write the number in full")
    if "_" in text:
        return N_("underscores are not digit separators")
    if english:
        if re.search(r"\d\.\d+\.\d", text):
            return N_("more than one decimal point")
        if re.search(r"\d,\d", text):
            return N_("a comma is not a decimal separator in English text; write a point")
        return N_("no number found") if not re.search(r"[0-9]", text) else N_("not a number")
    if (
        re.search(r"\d\.\d{3}(?!\d)", text)
        and re.search(r"\d\.\d{3}(?:[.,\s]|$)", text)
        and "," in text
    ):
        return N_("a dot does not group digits in Polish text; group them with a space")
    if re.search(r"\d\.\d", text):
        return N_("a dot is not a decimal separator in Polish text; write a comma")
    if re.search(r"\d,\d+,\d", text):
        return N_("more than one decimal comma")
    if re.search(r"[^\W0-9_]*\d", text) and not re.search(r"[0-9]", text):
        return N_("only ASCII digits 0-9 are read")
    if not re.search(r"[0-9]", text):
        return N_("no number found")
    return N_("not a Polish number")


def _starts_with_digit(text: str) -> bool:
    return text[:1] in "0123456789" and text[:1] != ""


def _english(locale: str) -> bool:
    """Whether *locale* writes numbers in English (a decimal point), not in Polish."""
    _arguments.text(locale, "locale")
    return _language(locale) == "en"


def _split(
    raw: str, field: str, location: str | None, *, english: bool = False
) -> tuple[Decimal, str, Bound | None, Decimal | None]:
    """Split *raw* into the number (scale applied), the unit text, the bound and the scale."""
    text = _clean(raw)
    if not text:
        raise _fail(raw, field, N_("empty text is not a value"), location)
    if english:
        return _split_english(raw, text, field, location)
    match = _NUMBER_RE.fullmatch(text)
    if match is None or not match["int"]:
        raise _fail(raw, field, _diagnose(text), location)
    rest = match["rest"]
    if _starts_with_digit(rest) or (rest[:1] in "._" and _starts_with_digit(rest[1:])):
        reason = _diagnose(text)
        if reason == "not a Polish number":
            reason = N_("digits must be grouped in threes, with a space between groups")
        raise _fail(raw, field, reason, location)
    if rest[:1] in _GROUP_SPACES and _starts_with_digit(rest[1:]):
        raise _fail(raw, field, N_("digits must be grouped in threes"), location)
    if rest[:1] == "," and _starts_with_digit(rest[1:]):
        raise _fail(raw, field, N_("more than one decimal comma"), location)
    if rest[:1] == ",":
        raise _fail(raw, field, N_("a decimal comma must be followed by digits"), location)
    if re.match(r"[eE][+\-\u2212]?[0-9]", rest):
        raise _fail(raw, field, _diagnose(text), location)
    return _number(raw, match, field, location)


def _split_english(
    raw: str, text: str, field: str, location: str | None
) -> tuple[Decimal, str, Bound | None, Decimal | None]:
    """:func:`_split` of a number written in English: ``1,234.5``, ``1 234.5``, ``12.5 %``.

    A single comma before three digits and no decimal point (``1,234``) is refused as
    ambiguous: in English it groups thousands, but the same text typed by someone who writes
    Polish numbers means 1,234 (one and a quarter), a value a thousand times smaller. Nothing is
    guessed; retyping it as ``1234`` or ``1.234`` costs a moment.
    """
    leading = _LEADING_CURRENCY_RE.match(text)
    if leading is not None:  # 'PLN 1.6bn' as '1.6bn PLN'
        text = f"{text[leading.end() :]} {leading['currency']}"
    match = _ENGLISH_NUMBER_RE.fullmatch(text)
    if match is None or not match["int"]:
        raise _fail(raw, field, _diagnose(text, english=True), location)
    rest = match["rest"]
    if match["int"].count(",") == 1 and match["frac"] is None and not rest.startswith((",", ".")):
        whole = match["int"].replace(",", "")
        template = N_(
            "{text!r} is ambiguous: a comma groups thousands in English but marks decimals "
            "in Polish; type {whole!r} for the whole number or {decimal!r} for the decimal one"
        )
        values = {"text": match["int"], "whole": whole, "decimal": match["int"].replace(",", ".")}
        raise _fail(raw, field, Message(template, values), location)
    if _starts_with_digit(rest) or (rest[:1] in ",._" and _starts_with_digit(rest[1:])):
        reason = _diagnose(text, english=True)
        if reason == "not a number":
            reason = N_("digits must be grouped in threes")
        raise _fail(raw, field, reason, location)
    if rest[:1] in _GROUP_SPACES and _starts_with_digit(rest[1:]):
        raise _fail(raw, field, N_("digits must be grouped in threes"), location)
    if rest[:1] == ".":
        raise _fail(raw, field, N_("a decimal point must be followed by digits"), location)
    if re.match(r"[eE][+\-\u2212]?[0-9]", rest):
        raise _fail(raw, field, _diagnose(text, english=True), location)
    return _number(raw, match, field, location, english=True)


def _number(
    raw: str, match: re.Match[str], field: str, location: str | None, *, english: bool = False
) -> tuple[Decimal, str, Bound | None, Decimal | None]:
    """The number of a matched text, its unit text, bound and scale (the rest of :func:`_split`).

    An English text (*english*) may also use the scale words of :data:`_ENGLISH_SCALES`.
    """
    rest = match["rest"]
    digits = re.sub(f"[{_GROUP_SPACES},]", "", match["int"])
    number = Decimal(f"{digits}.{match['frac']}" if match["frac"] is not None else digits)
    if match["sign"] and match["sign"] != "+":
        number = -number
    unit_text = rest.strip(_SPACES)
    scale = None
    scales = {**SCALES, **_ENGLISH_SCALES} if english else SCALES
    for word, factor in scales.items():
        after = unit_text[len(word) :].strip(_SPACES)
        if word in _CURRENCY_ONLY_SCALES and UNIT_ALIASES.get(after) not in _CURRENCIES:
            continue
        if unit_text == word or (unit_text.startswith(word) and unit_text[len(word)] in _SPACES):
            number *= factor
            scale = factor
            unit_text = unit_text[len(word) :].strip(_SPACES)
            break
    if len(number.as_tuple().digits) > MAX_DIGITS:
        count = len(number.as_tuple().digits)
        template = N_("{count} digits are too many to compute with exactly (at most {most})")
        raise _fail(raw, field, Message(template, {"count": count, "most": MAX_DIGITS}), location)
    bound = match["bound"]
    return number, unit_text, Bound(_BOUND_NAMES.get(bound, bound)) if bound else None, scale


#: The units a text may name, each once, in the order of :data:`UNIT_ALIASES`.
_WRITABLE_UNITS: Final = tuple(dict.fromkeys(UNIT_ALIASES.values()))


def _accepted_units(expected: str | None) -> tuple[str, ...]:
    """The units a value for *expected* may be written in (all of them if ``None``), as units
    of the registry: *expected* first, then each unit of :data:`UNIT_ALIASES` that fits it,
    each currency followed by itself with each scale word of :data:`SCALES` (``tys. zł`` is
    ``kiloPLN``). What fits is what :func:`_fit_unit` accepts, so the list is what is read.

    >>> _accepted_units("kiloPLN")
    ('kiloPLN', 'PLN', 'megaPLN', 'gigaPLN')
    """
    written = [(Decimal(1), unit) for unit in _WRITABLE_UNITS]
    written += [(factor, unit) for unit in _CURRENCIES for factor in SCALES.values()]
    accepted = [
        _SCALE_PREFIXES.get(factor, "") + unit
        for factor, unit in written
        if expected is None or _fit_unit(Amount(factor, unit, None, ""), expected) is not None
    ]
    if expected is None:
        return tuple(dict.fromkeys(accepted))
    return tuple(dict.fromkeys([expected, *accepted]))


def _unit(
    unit_text: str, raw: str, field: str, location: str | None, expected: str | None = None
) -> str | None:
    """The canonical unit of *unit_text* (``None`` if empty).

    An unknown unit's message lists the units that may be written instead, as a reader writes
    them (:class:`~citystrategy.errors.UnitName`: ``'MWh'``, ``'zł'``, ``'mln zł'``, in the
    reader's language): those that fit *expected* when it is given (its own first), else all of
    them (:func:`_accepted_units`).
    """
    if not unit_text:
        return None
    try:
        return UNIT_ALIASES[unit_text]
    except KeyError:
        if re.match(r"[,.]\d", unit_text):  # "4 ,2": a space before the decimal separator
            template = N_("a space inside the number, before {separator!r}: type it without one")
            reason = Message(template, {"separator": unit_text[0]})
            raise _fail(raw, field, reason, location) from None
        known = _accepted_units(expected)
        reason = Message(
            N_("unknown unit {unit!r} (known: {known})"),
            {"unit": unit_text, "known": tuple(UnitName(unit) for unit in known)},
        )
        raise _fail(raw, field, reason, location) from None


def _fit_unit(amount: Amount, unit: str) -> Decimal | Message | None:
    """The number of *amount* in *unit*, exactly; why not (a message), or ``None`` when the
    unit printed beside it does not fit *unit*.

    The one rule of what a printed unit may be, shared by the data-folder readers and the
    forms: a printed unit fits when it converts to *unit*, or when it is the numerator of
    *unit* (``46,10 zł`` for an indicator in ``PLN / inhabitant``); no unit is *unit* itself.
    The conversion uses a ratio built from the registry's definitions and applies it in
    Decimal: ``1 234,5 kWh`` is ``1,2345 MWh``; ``31 791 GJ`` (8 830,8(3) MWh, a repeating
    decimal) is refused rather than rounded. Percent and a count are both dimensionless to
    pint, but ``102 %`` is never 1,02 of a count.

    >>> _fit_unit(Amount(Decimal("46.10"), "PLN", None, "46,10 zł"), "PLN / inhabitant")
    Decimal('46.10')
    >>> _fit_unit(Amount(Decimal("1234.5"), "kilowatt_hour", None, "1 234,5 kWh"), "megawatt_hour")
    Decimal('1.2345')
    >>> _fit_unit(Amount(Decimal("102"), "percent", None, "102 %"), "count") is None
    True
    """
    if amount.unit is None:
        return amount.number
    # the units' facts (the registry's answers, from the table of known units when it has them)
    printed = unit_facts(amount.unit)
    expected = unit_facts(unit)
    if not printed.dimensionality or not expected.dimensionality:
        return amount.number if printed.units == expected.units else None
    if printed.dimensionality == expected.dimensionality:
        return to_unit(amount.number, amount.unit, unit)
    numerator = unit.split("/", 1)[0].strip()
    if "/" in unit and "*" not in numerator and unit_facts(numerator).units == printed.units:
        return amount.number
    return None


def parse_value(
    raw: str, *, field: str = "value", location: str | None = None, locale: str = "pl_PL"
) -> ParsedValue:
    """Read one cell of a Polish report: an amount, a missing sign, ``jw.`` or a cost reference.

    Args:
        raw: The cell, as printed.
        field: What the cell holds, for error messages.
        location: Where the cell is (file, row, column), for error messages.
        locale: How the number is written: Polish (``12,5``) by default; an English locale
            reads ``12.5`` and ``1,234.5``, and refuses ``1,234`` as ambiguous.

    Raises:
        ParseError: If the text is none of these.
        ArgumentTypeError: If *raw* is not a string.

    >>> parse_value("- *")
    MissingValue(marker='- *', meaning="no data at the report date (footnote '*')", raw='- *')
    >>> parse_value("Koszt realizacji projektu podany w Celu nr 2")
    CostReference(goal='2', raw='Koszt realizacji projektu podany w Celu nr 2')
    >>> parse_value("20 ug/m3").unit
    'microgram / meter ** 3'
    """
    _arguments.text(raw, "raw")
    english = _english(locale)
    text = _clean(raw)
    marker = re.sub(f"[{_SPACES}]+", " ", text)
    if marker in MISSING_MARKERS:
        return MissingValue(marker, MISSING_MARKERS[marker], raw)
    if text in _SAME_AS_ABOVE:
        return SameAsAbove(raw)
    reference = _COST_REFERENCE_RE.fullmatch(text)
    if reference is not None:
        return CostReference(reference["goal"], raw)
    number, unit_text, bound, scale = _split(raw, field, location, english=english)
    return Amount(number, _unit(unit_text, raw, field, location), bound, raw, scale)


def parse_decimal(
    raw: str, *, field: str = "value", location: str | None = None, locale: str = "pl_PL"
) -> Decimal:
    r"""Read a plain Polish number (no unit, no bound); *locale* as in :func:`parse_value`.

    >>> parse_decimal("38\u00a0266\u202f276")
    Decimal('38266276')
    >>> parse_decimal("−0,5")
    Decimal('-0.5')
    >>> parse_decimal("1,234.5", locale="en")
    Decimal('1234.5')
    """
    _arguments.text(raw, "raw")
    number, unit_text, bound, scale = _split(raw, field, location, english=_english(locale))
    if unit_text or bound is not None or scale is not None:
        message = N_("expected a plain number, without a unit, a scale word or a bound")
        raise _fail(raw, field, message, location)
    return number


def _subunit_problem(
    number: Decimal, raw: str, scale: Decimal | None = None, *, english: bool = False
) -> str | Message | None:
    """Why *number*, read from *raw*, is not a whole number of grosze or cents (``None`` if it is).

    Written without a scale word, an amount may have at most two decimals: three decimals are
    most likely a thousands separator written as a comma. With a scale word (``1,2345 mln zł``)
    the amount itself must be whole grosze.

    >>> str(_subunit_problem(Decimal("8818.970"), "8 818,970 zł"))
    "three decimals look like a misplaced thousands separator; a thousands separator is a space (did you mean '8 818 970 zł'?)"
    >>> str(_subunit_problem(Decimal("0.005"), "0,005 zł"))
    '3 decimals: an amount of money has at most two (grosze or cents)'
    >>> _subunit_problem(Decimal("1234500.0000"), "1,2345 mln zł", Decimal(1_000_000)) is None
    True
    """
    exponent = number.as_tuple().exponent
    if scale is None and isinstance(exponent, int) and exponent < -2:
        if exponent == -3 and abs(number) >= 1 and not english:  # '0,005 zł' is none
            meant = raw.strip().replace(",", " ", 1)
            template = N_(
                "three decimals look like a misplaced thousands separator; a thousands "
                "separator is a space (did you mean {meant!r}?)"
            )
            return Message(template, {"meant": meant})
        template = N_("{count} decimals: an amount of money has at most two (grosze or cents)")
        return Message(template, {"count": -exponent})
    if scale is not None and number * 100 != (number * 100).to_integral_value():
        return N_("not a whole number of grosze or cents")
    return None


def parse_money(
    raw: str,
    *,
    currency: str | None = None,
    field: str = "amount",
    location: str | None = None,
    allow_subunit: bool = False,
    locale: str = "pl_PL",
) -> Money:
    """Read an amount of money: ``8 818 970,62 zł``, ``140 002 443 zł``, ``115 tys. zł``, ``30 000 €``.

    Args:
        raw: The text.
        currency: Currency to assume when the text names none; if ``None``, it must name one.
        field: What the text holds, for error messages.
        location: Where it is, for error messages.
        allow_subunit: Accept amounts finer than a grosz or a cent (a unit price such as
            ``0,0525 zł``); by default they are refused, since three decimals are most likely a
            thousands separator written as a comma.
        locale: How the number is written (as in :func:`parse_value`).

    Raises:
        ParseError: If the text is not an amount of money, names another currency than
            *currency*, or has more than two decimals and *allow_subunit* is false.
        ArgumentTypeError: If *raw* or *currency* is not a string.

    >>> parse_money("140 002 443 zł")
    Money(amount=Decimal('140002443'), currency='PLN')
    >>> parse_money("10,9 mln zł").amount
    Decimal('10900000.0')
    >>> parse_money("1,234 zł")
    Traceback (most recent call last):
    ...
    citystrategy.errors.ParseError: cannot parse amount '1,234 zł': three decimals look like a misplaced thousands separator; a thousands separator is a space (did you mean '1 234 zł'?)
    >>> parse_money("0,0525 zł", allow_subunit=True).amount
    Decimal('0.0525')
    """
    _arguments.text(raw, "raw")
    if currency is not None:
        _arguments.text(currency, "currency")
    english = _english(locale)
    number, unit_text, bound, scale = _split(raw, field, location, english=english)
    if bound is not None:
        raise _fail(raw, field, N_("an amount of money cannot be a bound"), location)
    unit = _unit(unit_text, raw, field, location)
    if unit is None:
        if currency is None:
            raise _fail(
                raw, field, "no currency given (expected 'zł', 'PLN', '€' or 'EUR')", location
            )
        unit = currency
    if unit not in ("PLN", "EUR"):
        found = unit_text or unit
        template = N_("{found!r} is not a currency citystrategy knows (PLN, EUR)")
        raise _fail(raw, field, Message(template, {"found": found}), location)
    if currency is not None and unit != currency:
        template = N_("expected an amount in {currency}, found {unit}")
        raise _fail(raw, field, Message(template, {"currency": currency, "unit": unit}), location)
    problem = None if allow_subunit else _subunit_problem(number, raw, scale, english=english)
    if problem is not None:
        raise _fail(raw, field, problem, location)
    return Money(number, unit)


def parse_percent(
    raw: str, *, field: str = "percent", location: str | None = None, locale: str = "pl_PL"
) -> Decimal:
    """Read a percentage, in percent units: ``5,2 %`` and ``14,3%`` give 5.2 and 14.3.

    *locale* says how the number is written (as in :func:`parse_value`).

    Raises:
        ParseError: If the text has no ``%`` sign or is not a number.
        ArgumentTypeError: If *raw* is not a string.

    >>> parse_percent("5,2 %")
    Decimal('5.2')
    """
    _arguments.text(raw, "raw")
    number, unit_text, bound, _scale = _split(raw, field, location, english=_english(locale))
    if unit_text != "%" or bound is not None:
        raise _fail(raw, field, N_("expected a percentage such as '5,2%'"), location)
    return number


def parse_quantity(
    raw: str,
    *,
    unit: str | None = None,
    field: str = "value",
    location: str | None = None,
    locale: str = "pl_PL",
) -> pint.Quantity[Decimal]:
    """Read a number with its unit (``31791,00 MWh``) into a quantity with a Decimal magnitude.

    Args:
        raw: The text.
        unit: Unit to assume when the text names none, and to convert to when it names a
            compatible one; ``None`` to take the unit from the text.
        field: What the text holds, for error messages.
        location: Where it is, for error messages.
        locale: How the number is written (as in :func:`parse_value`).

    A unit named in the text fits *unit* when it converts to it or is its numerator (``47,80
    zł`` for a value in ``PLN / inhabitant``), the rule the data-folder readers follow too.
    The conversion is exact (a ratio built from the registry's definitions, applied to the
    Decimal): ``114 447,6 GJ`` is ``31 791 MWh``. A value whose conversion is not a finite decimal
    (``31 791 GJ`` in MWh, since 1 GJ is 5/18 MWh) is refused rather than rounded.

    Raises:
        ParseError: If the text is not a number, names no unit and *unit* is ``None``, or names a
            unit that cannot be converted to *unit*, or not exactly.
        ArgumentTypeError: If *raw* or *unit* is not a string.

    >>> parse_quantity("31791,00 MWh")
    <Quantity(31791.00, 'megawatt_hour')>
    """
    _arguments.text(raw, "raw")
    if unit is not None:
        _arguments.text(unit, "unit")
    number, unit_text, bound, _scale = _split(raw, field, location, english=_english(locale))
    if bound is not None:
        raise _fail(raw, field, N_("a bound is not a quantity; use parse_value"), location)
    expected = None
    if unit is not None:
        try:
            expected = check_unit(unit)
        except UnitError:
            reason = Message(N_("unknown unit {unit!r}"), {"unit": unit})
            raise _fail(raw, field, reason, location) from None
    found = _unit(unit_text, raw, field, location, expected)
    if found is None and expected is None:
        raise _fail(raw, field, N_("no unit given"), location)
    from citystrategy.units import Q_  # a quantity needs pint and the registry

    if expected is None:
        assert found is not None
        quantity: pint.Quantity[Decimal] = Q_(number, check_unit(found))
        return quantity
    exact = _fit_unit(Amount(number, found, None, raw), expected)
    if exact is None:
        assert found is not None
        reason = Message(
            N_("{found!r} cannot be converted to {unit!r}"),
            {"found": UnitName(check_unit(found)), "unit": UnitName(expected)},
        )
        raise _fail(raw, field, reason, location)
    if isinstance(exact, Message):
        raise _fail(raw, field, exact, location)
    result: pint.Quantity[Decimal] = Q_(exact, expected)
    return result
