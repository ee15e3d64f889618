r"""The findings of :func:`citystrategy.check`, worded for people (Polish or English) or as JSON.

A finding is a record (kind, variant, typed values); the words come from the message catalogue
and every figure is formatted from its value and unit in the chosen locale.

>>> from citystrategy import check
>>> from citystrategy.cities import kielce
>>> report = check(kielce.load())
>>> describe_finding(report.of_kind("target_contradicts_direction")[0])
'destymulanta (im mniej, tym lepiej), a wartość docelowa 60% nie jest niższa od wartości bazowej 39,5% (2022\xa0r.)'
>>> describe_finding(report.of_kind("target_contradicts_direction")[0], locale="en_GB")
'lower is better, yet the target 60% is not below the base value 39.5% (2022)'
>>> describe_finding(report.of_kind("declared_figure_mismatch")[0])
'raport za 2023\xa0r. podaje koszt łącznie: 85\xa0665\xa0519,74\xa0zł; z danych o projektach wynika 119\xa0738\xa0036,31\xa0zł'
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Final

from babel import Locale

from citystrategy._arguments import instance, member
from citystrategy._i18n import gettext, pgettext
from citystrategy.costs import Figure
from citystrategy.errors import ArgumentError, UnitError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    UNIT_LABELS,
    LocaleLike,
    format_count,
    format_money,
    format_number,
    format_value,
    get_label,
    get_locale,
)
from citystrategy.model import ValueRange
from citystrategy.money import Money
from citystrategy.reports._json import Why, no_blank_texts, put
from citystrategy.reports.text import _fill, _width, render_table
from citystrategy.validation import (
    Finding,
    FindingKind,
    FindingValue,
    Measure,
    Severity,
    ValidationReport,
)

__all__ = ["describe_finding", "findings_data", "format_findings", "kind_name"]

_K = FindingKind
#: Kinds whose finding is about the whole report when its variant is ``"total"``.
_DECLARED: Final = (_K.DECLARED_FIGURE_MISMATCH, _K.DECLARED_FIGURE_UNVERIFIABLE)


@functools.cache
def _kind_names(language: str) -> dict[FindingKind, str]:
    """Short names of the kinds in *language*, for the "Kind" column."""

    return {
        _K.DUPLICATE_CODE: pgettext("finding kind", "duplicate code", language),
        _K.UNKNOWN_GOAL: pgettext("finding kind", "unknown goal", language),
        _K.UNKNOWN_ACTION_DIRECTION: pgettext("finding kind", "unknown action direction", language),
        _K.UNKNOWN_INDICATOR: pgettext("finding kind", "unknown indicator", language),
        _K.LEVEL_MISMATCH: pgettext("finding kind", "indicator level", language),
        _K.UNIT_MISMATCH: pgettext("finding kind", "unit", language),
        _K.TARGET_KIND_CONTRADICTS_DIRECTION: pgettext(
            "finding kind", "target kind against direction", language
        ),
        _K.TARGET_CONTRADICTS_DIRECTION: pgettext(
            "finding kind", "target against direction", language
        ),
        _K.TARGET_MET_AT_BASE: pgettext("finding kind", "target equals base value", language),
        _K.BOUND_ALREADY_SATISFIED: pgettext("finding kind", "limit already met", language),
        _K.LIMIT_NOT_MET: pgettext("finding kind", "limit not met", language),
        _K.TARGET_ALREADY_MET: pgettext("finding kind", "target already met", language),
        _K.MISSING_VALUE: pgettext("finding kind", "missing value", language),
        _K.COST_NOT_STATED: pgettext("finding kind", "no cost", language),
        _K.NEGATIVE_COST: pgettext("finding kind", "negative cost", language),
        _K.MIXED_CURRENCIES: pgettext("finding kind", "mixed currencies", language),
        _K.DECLARED_FIGURE_MISMATCH: pgettext(
            "finding kind", "disagrees with the report", language
        ),
        _K.DECLARED_FIGURE_UNVERIFIABLE: pgettext("finding kind", "cannot be verified", language),
        _K.VALUE_OUT_OF_RANGE: pgettext("finding kind", "value out of range", language),
        _K.VALUE_NOT_WHOLE: pgettext("finding kind", "value not whole", language),
        _K.TARGET_YEAR_BEFORE_BASE: pgettext("finding kind", "target year before base", language),
        _K.TARGET_OUT_OF_RANGE: pgettext("finding kind", "target out of range", language),
        _K.FORMULA_LIKE_TEXT: pgettext("finding kind", "text like a formula", language),
        _K.SURVEY_SAMPLE_UNUSABLE: pgettext("finding kind", "unusable sample size", language),
    }


#: The noun counted in the totals line for each severity (a key of ``formatting.NOUNS``).
_SEVERITY_NOUNS: Final = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "info",
}


def kind_name(kind: FindingKind, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The kind of a finding in words, in the locale's language (Polish or English).

    >>> (
    ...     kind_name(FindingKind.TARGET_ALREADY_MET),
    ...     kind_name(FindingKind.TARGET_ALREADY_MET, locale="en"),
    ... )
    ('cel już osiągnięty', 'target already met')
    """
    kind = member(FindingKind, kind, "kind")
    return _kind_names(get_locale(locale).language)[kind]


def _template(finding: Finding, locale: Locale) -> str:
    """The catalogue's wording of *finding*'s kind and variant, with named placeholders."""
    kind, variant = finding.kind, finding.variant
    total = finding.detail("goal") is None
    if kind is _K.DUPLICATE_CODE:
        return {
            "strategic goal": gettext(
                "the code {code} occurs {count} times among the strategic goals", locale
            ),
            "operational goal": gettext(
                "the code {code} occurs {count} times among the operational goals", locale
            ),
            "action direction": gettext(
                "the code {code} occurs {count} times among the action directions", locale
            ),
            "project": gettext("the code {code} occurs {count} times among the projects", locale),
        }.get(variant, gettext("the code {code} occurs {count} times among the indicators", locale))
    if kind is _K.UNKNOWN_GOAL and variant == "project":
        return gettext("the project is linked to the unknown goal {goal}", locale)
    if kind is _K.UNKNOWN_GOAL:
        return gettext("the indicator measures the unknown goal {goal}", locale)
    if kind is _K.UNKNOWN_ACTION_DIRECTION:
        return gettext(
            "the project is linked to the unknown action direction {action_direction}", locale
        )
    if kind is _K.UNKNOWN_INDICATOR and variant == "survey":
        return gettext("the indicator of survey responses {code} does not exist", locale)
    if kind is _K.UNKNOWN_INDICATOR:
        return gettext("values of the unknown indicator {code}", locale)
    if kind is _K.LEVEL_MISMATCH and variant == "result":
        return gettext("a result indicator assigned to the strategic goal {goal}", locale)
    if kind is _K.LEVEL_MISMATCH:
        return gettext("an impact indicator assigned to the operational goal {goal}", locale)
    if kind is _K.UNIT_MISMATCH:
        return {
            "survey": gettext("a survey share should be in percent (it is: {unit})", locale),
            "share": gettext(
                "the name (“{word}”) says a share, but the unit is not percent", locale
            ),
            "count": gettext(
                "the name (“{word}”) says a count, but the values are percentages", locale
            ),
        }.get(variant, gettext("unknown unit {unit}", locale))
    if kind is _K.TARGET_KIND_CONTRADICTS_DIRECTION:
        return gettext("a target “{found}”, although {direction}", locale)
    if (
        kind is _K.TARGET_CONTRADICTS_DIRECTION
        and finding.detail("direction") == "higher_is_better"
    ):
        return gettext(
            "{direction}, yet the target {target} is not above the base value {base} ({year})",
            locale,
        )
    if kind is _K.TARGET_CONTRADICTS_DIRECTION:
        return gettext(
            "{direction}, yet the target {target} is not below the base value {base} ({year})",
            locale,
        )
    simple: dict[FindingKind, Callable[[], str]] = {
        _K.TARGET_MET_AT_BASE: lambda: gettext(
            "the target {target} equals the base value {base} ({year})", locale
        ),
        _K.BOUND_ALREADY_SATISFIED: lambda: gettext(
            "the limit {target} is already met in the base year, {year}: {base}", locale
        ),
        _K.LIMIT_NOT_MET: lambda: gettext(
            "the limit {target} is not met in {year}: {value}", locale
        ),
        _K.TARGET_ALREADY_MET: lambda: gettext(
            "the target {target} is already met in {year}: {value}", locale
        ),
        _K.MISSING_VALUE: lambda: gettext("no value for {year} ({marker}): {text}", locale),
        _K.COST_NOT_STATED: lambda: gettext("no cost is stated for the project “{name}”", locale),
        _K.NEGATIVE_COST: lambda: gettext(
            "the cost of the project “{name}” is negative: {cost}", locale
        ),
        _K.VALUE_NOT_WHOLE: lambda: gettext(
            "the value {value} for {year} is not a whole number, yet the indicator counts "
            "whole things or people",
            locale,
        ),
        _K.TARGET_YEAR_BEFORE_BASE: lambda: gettext(
            "the target year {target_year} is before the base year {year} (the first year "
            "with a value)",
            locale,
        ),
        _K.FORMULA_LIKE_TEXT: lambda: gettext(
            "{field} starts with “{start}” ({text}): a spreadsheet would run it as a formula",
            locale,
        ),
        _K.SURVEY_SAMPLE_UNUSABLE: lambda: gettext(
            "the value {value} for {year} is the survey's sample size, yet it is not a whole "
            "number above 0: the survey shares of {year} get no confidence interval and no "
            "change test",
            locale,
        ),
    }
    if kind in simple:
        return simple[kind]()
    if kind is _K.MIXED_CURRENCIES and variant == "declared":
        return gettext(
            "the report for {year} declares costs in {declared_currencies}, the project costs "
            "are in {currency}: they cannot be compared",
            locale,
        )
    if kind is _K.MIXED_CURRENCIES:
        return gettext(
            "the project costs are in several currencies ({currencies}): totals cannot be computed",
            locale,
        )
    declared = {
        (_K.DECLARED_FIGURE_MISMATCH, True): lambda: gettext(
            "the report for {year} declares {figure} in total: {declared}; the project data "
            "give {computed}",
            locale,
        ),
        (_K.DECLARED_FIGURE_MISMATCH, False): lambda: gettext(
            "the report for {year} declares {figure} for goal {goal}: {declared}; the project "
            "data give {computed}",
            locale,
        ),
        (_K.DECLARED_FIGURE_UNVERIFIABLE, True): lambda: gettext(
            "the report for {year} declares {figure} in total: {declared}; the project data "
            "cannot confirm it",
            locale,
        ),
        (_K.DECLARED_FIGURE_UNVERIFIABLE, False): lambda: gettext(
            "the report for {year} declares {figure} for goal {goal}: {declared}; the project "
            "data cannot confirm it",
            locale,
        ),
        (_K.VALUE_OUT_OF_RANGE, True): lambda: gettext(
            "the value {value} for {year} is outside the range declared for the indicator "
            "({range})",
            locale,
        ),
        (_K.VALUE_OUT_OF_RANGE, False): lambda: gettext(
            "the value {value} for {year} is outside the range assumed for its unit ({range})",
            locale,
        ),
        (_K.TARGET_OUT_OF_RANGE, True): lambda: gettext(
            "the target {target} is outside the range declared for the indicator ({range})",
            locale,
        ),
        (_K.TARGET_OUT_OF_RANGE, False): lambda: gettext(
            "the target {target} is outside the range assumed for its unit ({range})", locale
        ),
    }
    flag = (
        variant == "declared" if kind in (_K.VALUE_OUT_OF_RANGE, _K.TARGET_OUT_OF_RANGE) else total
    )
    return declared[kind, flag]()


def _figure_name(figure: Figure, locale: Locale) -> str:
    """A declared figure as the object of "declares" (Polish accusative: ``liczbę projektów``)."""
    return {
        Figure.PROJECTS: pgettext("declared figure", "the number of projects", locale),
        Figure.IMPLEMENTERS: pgettext("declared figure", "the number of implementers", locale),
        Figure.COST: pgettext("declared figure", "the cost", locale),
        Figure.SHARE: pgettext("declared figure", "the share", locale),
    }[figure]


def _field_name(field: str, locale: Locale) -> str:
    """A text field of a formula-like finding, as the subject of a sentence."""
    names = {
        "name": pgettext("text field", "the name", locale),
        "note": pgettext("text field", "the note", locale),
        "description": pgettext("text field", "the description", locale),
        "aliases": pgettext("text field", "a name in a report table", locale),
        "implementer": pgettext("text field", "the implementer's name", locale),
    }
    return names.get(field, field)


def _unit_name(unit: str, locale: Locale) -> str:
    """A unit in words: its label, ``a count`` for plain counts, the unit itself if unknown."""
    if unit == "count":
        return pgettext("unit", "a count", locale)
    labels = UNIT_LABELS.get(unit)
    if labels is None:
        return unit  # not a unit of the registry: shown as the data give it
    label = labels["pl" if locale.language == "pl" else "en"]
    if label.startswith("noun:"):  # the plural of a counted noun: "dni", "days"
        return format_count(5, label.removeprefix("noun:"), locale=locale).partition(" ")[2]
    return label or unit


def _measure(value: Decimal, unit: str, locale: Locale) -> str:
    try:
        return format_value(value, unit, locale=locale)
    except UnitError:  # a unit without a label (reported as such): the bare number
        return format_number(value, locale=locale)


def _range(plausible: ValueRange, unit: str, locale: Locale) -> str:
    """A plausible range in words: ``od 0% do 100%``, ``co najmniej 0 osób``."""
    low = None if plausible.low is None else _measure(plausible.low, unit, locale)
    high = None if plausible.high is None else _measure(plausible.high, unit, locale)
    if low is not None and high is not None:
        return pgettext("range", "from {low} to {high}", locale).format(low=low, high=high)
    if low is not None:
        return pgettext("range", "at least {low}", locale).format(low=low)
    if high is not None:
        return pgettext("range", "at most {high}", locale).format(high=high)
    return pgettext("range", "unbounded", locale)


def _shown(key: str, value: FindingValue, finding: Finding, locale: Locale) -> str:
    """One typed value of a finding, formatted in *locale*."""
    if value is None:
        return "–"
    if isinstance(value, Measure):
        return _measure(value.value, value.unit, locale)
    if isinstance(value, Money):
        return format_money(value, locale=locale)
    if isinstance(value, ValueRange):
        unit = finding.detail("unit")
        return _range(value, unit if isinstance(unit, str) else "count", locale)
    if isinstance(value, Figure):
        return _figure_name(value, locale)
    if isinstance(value, Enum):
        return get_label(value, locale=locale)
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, int):
        return str(value)  # years and counts of codes: never grouped (2023, not 2 023)
    if isinstance(value, Decimal):
        return format_number(value, locale=locale)
    if key == "unit":
        return _unit_name(value, locale)
    if key == "field":
        return _field_name(value, locale)
    if key == "text" and finding.kind is FindingKind.MISSING_VALUE:
        return gettext(
            value, locale
        )  # GUS's signs in the reader's language; a city's own text as it is
    return value


def describe_finding(finding: Finding, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The finding in words, in the locale's language (Polish, or English for other locales).

    Every figure is formatted from its value and unit in *locale*; names and codes are shown
    as the data give them.

    Raises:
        ArgumentTypeError: If *finding* is not a Finding (a ``TypeError`` too).
        ArgumentError: If *finding* lacks a value its wording needs (a ``ValueError`` too).
    """
    instance(finding, "finding", Finding, "a Finding")
    loc = get_locale(locale)
    values: dict[str, Any] = {
        key: _shown(key, value, finding, loc) for key, value in finding.values
    }
    values["code"] = finding.code
    values["found"] = _shown("found", finding.found, finding, loc)
    template = _template(finding, loc)
    try:
        text = template.format(**values)
    except KeyError as missing:
        expected = f"a finding with the value {missing.args[0]!r} its wording needs"
        raise ArgumentError("finding", finding, expected) from None
    return text


def _json_value(value: FindingValue) -> object:
    """A typed value as JSON: exact decimals as strings, money and measures as objects."""
    if isinstance(value, Measure):
        return {"value": str(value.value), "unit": value.unit, "raw": value.raw}
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, ValueRange):
        ends = (value.low, value.high)
        return {"low": _json_value(ends[0]), "high": _json_value(ends[1])}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Enum):
        return value.value
    return value


def findings_data(
    report: ValidationReport, *, locale: LocaleLike = DEFAULT_LOCALE
) -> dict[str, Any]:
    """The findings as JSON-ready data: each with its message in *locale* and its typed values.

    The keys and codes (``kind``, ``severity``) are the same in every language, for programs;
    ``message`` is what a reader reads, as ``citystrategy check`` prints it. Exact decimals are
    strings; money is ``{"amount", "currency"}``; a value in a unit is ``{"value", "unit",
    "raw"}`` (``raw``: the text the source printed).

    Raises:
        ArgumentTypeError: If *report* is not a ValidationReport.
        ArgumentError: If *locale* is not one citystrategy supports.
    """
    instance(report, "report", ValidationReport, "a ValidationReport")
    get_locale(locale)
    findings = [_finding_data(f, locale) for f in report]
    return {
        "strategy": report.strategy,
        "ok": report.ok,
        "counts": {kind.value: count for kind, count in report.counts().items()},
        "findings": no_blank_texts(findings, Why.NOT_APPLICABLE),
    }


def _finding_data(finding: Finding, locale: LocaleLike) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "code": finding.code,
        "variant": finding.variant,
        "message": describe_finding(finding, locale=locale),
    }
    put(record, "expected", _json_value(finding.expected), Why.NOT_APPLICABLE)
    put(record, "found", _json_value(finding.found), Why.NOT_APPLICABLE)
    values: dict[str, Any] = {}
    for key, value in finding.values:
        put(values, key, _json_value(value), Why.NO_VALUE)
    record["values"] = values
    return record


@functools.cache
def _words(language: str) -> dict[str, str]:
    """The table's words in *language*."""
    return {
        "title": gettext("Findings on the data of {title}", language),
        "none": gettext("No findings.", language),
        "counts": gettext("Total: {findings} ({errors}, {warnings}, {notes})", language),
        "total": pgettext("finding subject", "total", language),
        Severity.ERROR: pgettext("severity", "error", language),
        Severity.WARNING: pgettext("severity", "warning", language),
        Severity.INFO: pgettext("severity", "note", language),
    }


def _columns(language: str) -> tuple[str, ...]:
    return (
        pgettext("findings column", "Severity", language),
        pgettext("findings column", "Kind", language),
        pgettext("findings column", "About", language),
        pgettext("findings column", "Description", language),
    )


def format_findings(
    report: ValidationReport,
    *,
    title: str = "",
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """The findings as a text table, most serious first, worded in the locale's language.

    The totals line counts with the language's plural forms (``Razem: 44 uwagi (0 błędów,
    19 ostrzeżeń, 25 informacji)``).

    Args:
        report: The result of :func:`citystrategy.validation.check`.
        title: The strategy's title, for the heading (default: the report's strategy).
        width: The widest line wanted (a terminal's width): descriptions wrap within it (see
            :func:`~citystrategy.reports.render_table`); ``None`` (a file, a pipe) never
            wraps. Nothing is ever cut.
        locale: Language and number format.
    """
    instance(report, "report", ValidationReport, "a ValidationReport")
    width = _width(width)
    loc = get_locale(locale)
    t = _words(loc.language)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    findings = sorted(report, key=lambda f: order[f.severity])
    lines = [_fill(t["title"].format(title=title or report.strategy), width), ""]
    if not findings:
        return "\n".join([*lines, t["none"]])
    rows = [
        [
            t[f.severity],
            kind_name(f.kind, locale=loc),
            t["total"] if f.kind in _DECLARED and f.variant == "total" else f.code,
            describe_finding(f, locale=loc),
        ]
        for f in findings
    ]
    lines.append(render_table(_columns(loc.language), rows, align="llll", width=width))
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}

    def count(severity: Severity) -> str:
        return format_count(counts[severity], _SEVERITY_NOUNS[severity], locale=loc)

    totals = t["counts"].format(
        findings=format_count(len(findings), "finding", locale=loc),
        errors=count(Severity.ERROR),
        warnings=count(Severity.WARNING),
        notes=count(Severity.INFO),
    )
    lines += ["", _fill(totals, width)]
    return "\n".join(lines)
