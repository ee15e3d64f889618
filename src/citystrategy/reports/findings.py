r"""The findings of :func:`citystrategy.check`, worded for people (Polish or English) or as JSON.

>>> from citystrategy import check
>>> from citystrategy.cities import kielce
>>> report = check(kielce.load())
>>> describe_finding(report.of_kind("target_contradicts_direction")[0])
'destymulanta (im mniej, tym lepiej), a wartość docelowa 60% nie jest niższa od wartości bazowej 39,5% (2022\xa0r.)'
>>> describe_finding(report.of_kind("declared_figure_mismatch")[0])
'raport za 2023\xa0r. podaje koszt łącznie: 85\xa0665\xa0519,74\xa0zł; z danych o projektach wynika 119\xa0738\xa0036,31\xa0zł'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from citystrategy._arguments import instance, member
from citystrategy.costs import Figure
from citystrategy.errors import UnitError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    LocaleLike,
    format_count,
    format_money,
    format_number,
    format_percent,
    format_value,
    get_label,
    get_language,
    get_locale,
)
from citystrategy.model import Direction, TargetKind
from citystrategy.money import Money
from citystrategy.reports.text import render_table
from citystrategy.validation import Finding, FindingKind, Severity, ValidationReport

__all__ = ["describe_finding", "findings_data", "format_findings", "kind_name"]

_K = FindingKind

#: Polish wording of each finding, by kind and variant (``None``: any variant).
_POLISH: Final[dict[tuple[FindingKind, str | None], str]] = {
    (_K.DUPLICATE_CODE, None): "kod {code} powtarza się {count} razy ({what})",
    (_K.UNKNOWN_GOAL, "indicator"): "wskaźnik mierzy nieistniejący cel {goal}",
    (_K.UNKNOWN_GOAL, "project"): "projekt powiązany z nieistniejącym celem {goal}",
    (_K.UNKNOWN_ACTION_DIRECTION, None): (
        "projekt powiązany z nieistniejącym kierunkiem działań {direction}"
    ),
    (_K.UNKNOWN_INDICATOR, "observations"): "wartości nieistniejącego wskaźnika {code}",
    (_K.UNKNOWN_INDICATOR, "survey"): "wskaźnik liczby odpowiedzi w badaniu {code} nie istnieje",
    (_K.LEVEL_MISMATCH, "impact"): "wskaźnik oddziaływania przypisany do celu operacyjnego {goal}",
    (_K.LEVEL_MISMATCH, "result"): "wskaźnik rezultatu przypisany do celu strategicznego {goal}",
    (_K.UNIT_MISMATCH, "unknown"): "nieznana jednostka {unit}",
    (
        _K.UNIT_MISMATCH,
        "survey",
    ): "udział z badania opinii powinien być w procentach (jest: {unit})",
    (_K.UNIT_MISMATCH, "share"): "nazwa („{word}”) wskazuje udział, a jednostką nie są procenty",
    (_K.UNIT_MISMATCH, "count"): "nazwa („{word}”) wskazuje liczbę, a wartości są w procentach",
    (_K.TARGET_KIND_CONTRADICTS_DIRECTION, None): (
        "wartość docelowa „{found_label}”, choć {direction_label}"
    ),
    (_K.TARGET_CONTRADICTS_DIRECTION, None): (
        "{direction_label}, a wartość docelowa {target} nie jest {better} od wartości bazowej "
        "{base} ({year}\xa0r.)"
    ),
    (_K.TARGET_MET_AT_BASE, None): (
        "wartość docelowa {target} jest równa wartości bazowej {base} ({year}\xa0r.)"
    ),
    (_K.BOUND_ALREADY_SATISFIED, None): "limit {target} już spełniony: {base} w {year}\xa0r.",
    (_K.LIMIT_NOT_MET, None): "limit {target} nie jest spełniony w {year}\xa0r.: {value}",
    (
        _K.TARGET_ALREADY_MET,
        None,
    ): "wartość docelowa {target} osiągnięta już w {year}\xa0r.: {value}",
    (_K.MISSING_VALUE, None): "brak wartości za {year}\xa0r. ({marker}): {text}",
    (_K.COST_NOT_STATED, None): "brak kosztu projektu „{name}”",
    (_K.NEGATIVE_COST, None): "ujemny koszt projektu „{name}”: {cost} {currency}",
    (_K.MIXED_CURRENCIES, None): (
        "koszty projektów w kilku walutach ({currencies}): sum nie da się policzyć"
    ),
    (_K.MIXED_CURRENCIES, "declared"): (
        "raport za {year}\xa0r. podaje koszty w {declared_currencies}, a koszty projektów są "
        "w {currency}: nie da się ich porównać"
    ),
    (_K.DECLARED_FIGURE_MISMATCH, None): (
        "raport za {year}\xa0r. podaje {figure_label} {scope}: {declared}; "
        "z danych o projektach wynika {computed}"
    ),
    (_K.DECLARED_FIGURE_UNVERIFIABLE, None): (
        "raport za {year}\xa0r. podaje {figure_label} {scope}: {declared}; "
        "dane o projektach nie pozwalają tego sprawdzić"
    ),
    (_K.VALUE_OUT_OF_RANGE, "declared"): (
        "wartość {value} za {year}\xa0r. jest poza zakresem podanym dla wskaźnika ({range_label})"
    ),
    (_K.VALUE_OUT_OF_RANGE, None): (
        "wartość {value} za {year}\xa0r. jest poza zakresem możliwym dla tej jednostki "
        "({range_label})"
    ),
    (_K.TARGET_OUT_OF_RANGE, "declared"): (
        "wartość docelowa {target} jest poza zakresem podanym dla wskaźnika ({range_label})"
    ),
    (_K.TARGET_OUT_OF_RANGE, None): (
        "wartość docelowa {target} jest poza zakresem możliwym dla tej jednostki ({range_label})"
    ),
    (_K.FORMULA_LIKE_TEXT, None): (
        "{field_label} zaczyna się od znaku „{start}” ({text}): arkusz kalkulacyjny "
        "potraktuje ten tekst jako formułę"
    ),
    (_K.VALUE_NOT_WHOLE, None): (
        "wartość {value} za {year}\xa0r. nie jest liczbą całkowitą, a wskaźnik liczy całe "
        "sztuki lub osoby"
    ),
    (_K.TARGET_YEAR_BEFORE_BASE, None): (
        "rok docelowy {target_year} jest wcześniejszy niż rok bazowy {year} (pierwszy rok "
        "z wartością)"
    ),
}
_WHAT: Final = {
    "strategic goal": "cele strategiczne",
    "operational goal": "cele operacyjne",
    "action direction": "kierunki działań",
    "indicator": "wskaźniki",
    "project": "projekty",
}
_FIGURES: Final = {
    "projects": "liczbę projektów",
    "implementers": "liczbę realizatorów",
    "cost": "koszt",
    "share": "udział",
}
#: Kinds whose finding is about the whole report when its code is ``"total"``.
_DECLARED: Final = (_K.DECLARED_FIGURE_MISMATCH, _K.DECLARED_FIGURE_UNVERIFIABLE)
#: Short Polish names of the kinds, for the "Rodzaj" column (English reads the kind itself).
_KIND_NAMES: Final[dict[FindingKind, str]] = {
    _K.DUPLICATE_CODE: "powtórzony kod",
    _K.UNKNOWN_GOAL: "nieznany cel",
    _K.UNKNOWN_ACTION_DIRECTION: "nieznany kierunek działań",
    _K.UNKNOWN_INDICATOR: "nieznany wskaźnik",
    _K.LEVEL_MISMATCH: "poziom wskaźnika",
    _K.UNIT_MISMATCH: "jednostka",
    _K.TARGET_KIND_CONTRADICTS_DIRECTION: "rodzaj celu a kierunek",
    _K.TARGET_CONTRADICTS_DIRECTION: "wartość docelowa a kierunek",
    _K.TARGET_MET_AT_BASE: "cel równy wartości bazowej",
    _K.BOUND_ALREADY_SATISFIED: "limit już spełniony",
    _K.LIMIT_NOT_MET: "limit niespełniony",
    _K.TARGET_ALREADY_MET: "cel już osiągnięty",
    _K.MISSING_VALUE: "brak wartości",
    _K.COST_NOT_STATED: "brak kosztu",
    _K.NEGATIVE_COST: "ujemny koszt",
    _K.MIXED_CURRENCIES: "kilka walut",
    _K.DECLARED_FIGURE_MISMATCH: "niezgodność z raportem",
    _K.DECLARED_FIGURE_UNVERIFIABLE: "nie do sprawdzenia",
    _K.VALUE_OUT_OF_RANGE: "wartość poza zakresem",
    _K.VALUE_NOT_WHOLE: "wartość niecałkowita",
    _K.TARGET_YEAR_BEFORE_BASE: "rok docelowy przed bazowym",
    _K.TARGET_OUT_OF_RANGE: "cel poza zakresem",
    _K.FORMULA_LIKE_TEXT: "tekst jak formuła",
}


#: The noun counted in the totals line for each severity, in every language format_count knows.
_SEVERITY_NOUNS: Final = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "info",
}


def kind_name(kind: FindingKind, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The kind of a finding in words: Polish, or English for other locales.

    >>> (
    ...     kind_name(FindingKind.TARGET_ALREADY_MET),
    ...     kind_name(FindingKind.TARGET_ALREADY_MET, locale="en"),
    ... )
    ('cel już osiągnięty', 'target already met')
    """
    kind = member(FindingKind, kind, "kind")
    if get_language(get_locale(locale)) == "pl":
        return _KIND_NAMES[kind]
    return kind.value.replace("_", " ")


_LABELS: Final[dict[str, dict[str, Any]]] = {
    "pl": {
        "title": "Uwagi do danych strategii {title}",
        "none": "Brak uwag.",
        "severity": {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"},
        "counts": "Razem: {total} ({errors}, {warnings}, {infos})",
        "columns": ("Waga", "Rodzaj", "Dotyczy", "Opis"),
        "total": "razem",
    },
    "en": {
        "title": "Findings on the data of {title}",
        "none": "No findings.",
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "counts": "Total: {total} ({errors}, {warnings}, {infos})",
        "columns": ("Severity", "Kind", "About", "Message"),
        "total": "total",
    },
}


def _figure(figure: str, value: str, currency: str, locale: LocaleLike) -> str:
    if not value:
        return "–"
    if figure == Figure.COST and currency:
        return format_money(Money(Decimal(value), currency), locale=locale)
    if figure == Figure.COST:  # a finding built without its currency: the bare amount
        return format_number(Decimal(value), locale=locale)
    if figure == Figure.SHARE:
        return format_percent(Decimal(value), decimals=None, locale=locale)
    return value


#: Polish names of the text fields :data:`FindingKind.FORMULA_LIKE_TEXT` names.
_TEXT_FIELDS: Final = {
    "name": "nazwa",
    "note": "uwaga",
    "description": "opis",
    "aliases": "nazwa w tabeli raportu",
    "implementer": "realizator",
}


def _range_label(low: str, high: str, unit: str, locale: LocaleLike) -> str:
    """A plausible range in Polish words: ``od 0% do 100%``, ``co najmniej 0 osób``."""

    def number(value: str) -> str:
        try:
            return format_value(Decimal(value), unit, locale=locale)
        except UnitError:  # a unit without a label: the bare number
            return format_number(Decimal(value), locale=locale)

    if low and high:
        return f"od {number(low)} do {number(high)}"
    if low:
        return f"co najmniej {number(low)}"
    return f"najwyżej {number(high)}" if high else "bez ograniczeń"


def describe_finding(finding: Finding, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The finding in words, in the locale's language (Polish, or English for other locales).

    Values from the source are shown as printed; declared and computed figures are formatted.
    """
    instance(finding, "finding", Finding, "a Finding")
    loc = get_locale(locale)
    template = _POLISH.get((finding.kind, finding.variant)) or _POLISH.get((finding.kind, None))
    if get_language(loc) != "pl" or template is None:
        return finding.message
    values: dict[str, Any] = dict(finding.details)
    values["code"] = finding.code
    values["what"] = _WHAT.get(finding.variant, finding.variant)
    if "direction" in values and values["direction"] in set(Direction):
        direction = Direction(values["direction"])
        values["direction_label"] = get_label(direction, locale=loc)
        values["better"] = "wyższa" if direction is Direction.HIGHER_IS_BETTER else "niższa"
    if finding.found in set(TargetKind):
        values["found_label"] = get_label(TargetKind(finding.found), locale=loc)
    if finding.kind in (_K.VALUE_OUT_OF_RANGE, _K.TARGET_OUT_OF_RANGE):
        ends = values.get("low", ""), values.get("high", "")
        values["range_label"] = _range_label(*ends, values.get("unit", ""), loc)
    if finding.kind is _K.FORMULA_LIKE_TEXT:
        values["field_label"] = _TEXT_FIELDS.get(values.get("field", ""), values.get("field", ""))
    if "figure" in values:
        figure = values["figure"]
        values["figure_label"] = _FIGURES.get(figure, figure)
        values["scope"] = f"dla celu {values['goal']}" if values.get("goal") else "łącznie"
        currency = values.get("currency", "")
        values["declared"] = _figure(figure, values.get("declared", ""), currency, loc)
        values["computed"] = _figure(figure, values.get("computed", ""), currency, loc)
    try:
        return template.format(**values)
    except KeyError:  # a finding built without the details its wording needs
        return finding.message


def findings_data(report: ValidationReport) -> dict[str, Any]:
    """The findings as JSON-ready data (messages in English, plus every detail)."""
    instance(report, "report", ValidationReport, "a ValidationReport")
    return {
        "strategy": report.strategy,
        "ok": report.ok,
        "counts": {kind.value: count for kind, count in report.counts().items()},
        "findings": [
            {
                "kind": f.kind.value,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
                "expected": f.expected,
                "found": f.found,
                "details": dict(f.details),
            }
            for f in report
        ],
    }


def format_findings(
    report: ValidationReport, *, title: str = "", locale: LocaleLike = DEFAULT_LOCALE
) -> str:
    """The findings as a text table, most serious first, worded in the locale's language."""
    instance(report, "report", ValidationReport, "a ValidationReport")
    loc = get_locale(locale)
    t = _LABELS[get_language(loc)]
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    findings = sorted(report, key=lambda f: order[f.severity])
    lines = [t["title"].format(title=title or report.strategy), ""]
    if not findings:
        return "\n".join([*lines, t["none"]])
    severity = t["severity"]
    rows = [
        [
            severity[f.severity.value],
            kind_name(f.kind, locale=loc),
            t["total"] if f.kind in _DECLARED and f.code == "total" else f.code,
            describe_finding(f, locale=loc),
        ]
        for f in findings
    ]
    lines.append(render_table(t["columns"], rows, align="llll"))
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    lines += [
        "",
        t["counts"].format(
            total=len(findings),
            errors=format_count(
                counts[Severity.ERROR], _SEVERITY_NOUNS[Severity.ERROR], locale=loc
            ),
            warnings=format_count(
                counts[Severity.WARNING], _SEVERITY_NOUNS[Severity.WARNING], locale=loc
            ),
            infos=format_count(counts[Severity.INFO], _SEVERITY_NOUNS[Severity.INFO], locale=loc),
        ),
    ]
    return "\n".join(lines)
