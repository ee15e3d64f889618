"""Tests of citystrategy.reports.findings: findings worded in Polish and English, and as JSON."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from citystrategy.model import Strategy, TargetKind, ValueRange
from citystrategy.reports import describe_finding, findings_data, format_findings, kind_name
from citystrategy.validation import Finding, FindingKind, ValidationReport, check
from tests.factories import (
    make_broken_strategy,
    make_indicator,
    make_observation,
    make_project,
    make_strategy,
    make_target,
)


def _one(report: ValidationReport, kind: FindingKind, code: str) -> Finding:
    found = [f for f in report.of_kind(kind) if f.code == code]
    assert len(found) == 1, found
    return found[0]


def _with_values(*values: int, **indicator: object) -> Strategy:
    """One indicator ``T-1.1-01`` with values for 2022, 2023, … in order."""
    observations = [
        make_observation(year=2022 + i, value=Decimal(v), raw=str(v)) for i, v in enumerate(values)
    ]
    return make_strategy(indicators=(make_indicator(**indicator),), observations=observations)


@pytest.mark.parametrize(
    ("kind", "code", "expected"),
    [
        (
            FindingKind.TARGET_CONTRADICTS_DIRECTION,
            "KIE-1.1-02",
            "destymulanta (im mniej, tym lepiej), a wartość docelowa 60% nie jest niższa od "
            "wartości bazowej 39,5% (2022\xa0r.)",
        ),
        (
            FindingKind.TARGET_CONTRADICTS_DIRECTION,
            "KIE-4.3-04",
            "stymulanta (im więcej, tym lepiej), a wartość docelowa 45% nie jest wyższa od "
            "wartości bazowej 51,24% (2022\xa0r.)",
        ),
        (
            FindingKind.DECLARED_FIGURE_MISMATCH,
            "total",
            "raport za 2023\xa0r. podaje koszt łącznie: 85\xa0665\xa0519,74\xa0zł; z danych o "
            "projektach wynika 119\xa0738\xa0036,31\xa0zł",
        ),
        (
            FindingKind.BOUND_ALREADY_SATISFIED,
            "KIE-2.4-02",
            "limit 40 ug/m3 już spełniony: 24 w 2022\xa0r.",
        ),
        (
            FindingKind.LIMIT_NOT_MET,
            "KIE-2.4-03",
            "limit <45 nie jest spełniony w 2023\xa0r.: 47",
        ),
        (
            FindingKind.TARGET_ALREADY_MET,
            "KIE-1.3-05",
            "wartość docelowa 9% osiągnięta już w 2023\xa0r.: 13,3%",
        ),
        (
            FindingKind.UNIT_MISMATCH,
            "KIE-1.1-03",
            "nazwa („Liczba”) wskazuje liczbę, a wartości są w procentach",
        ),
        (
            FindingKind.MISSING_VALUE,
            "KIE-3.4-01",
            "brak wartości za 2023\xa0r. (- *): na dzień sporządzenia raportu brak danych w Bazie "
            "Danych Lokalnych GUS (dane zostaną dopisane po ich udostępnieniu).",
        ),
    ],
    ids=[
        "contradiction-lower",
        "contradiction-higher",
        "declared-total",
        "limit",
        "limit-not-met",
        "met",
        "unit",
        "missing",
    ],
)
def test_kielce_findings_in_polish(
    kielce_report: ValidationReport, kind: FindingKind, code: str, expected: str
) -> None:
    """Kielce's findings read as Polish sentences with the values as the report prints them."""
    assert describe_finding(_one(kielce_report, kind, code)) == expected


def test_declared_share_is_formatted_as_percent(kielce_report: ValidationReport) -> None:
    """A declared share and the computed one are written as Polish percentages."""
    shares = [
        f for f in kielce_report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH) if f.code == "1"
    ]
    texts = {describe_finding(f) for f in shares}
    assert (
        "raport za 2023\xa0r. podaje udział dla celu 1: 0,6%; z danych o projektach wynika 28,4%"
        in texts
    )


def test_unverifiable_implementers_in_polish(kielce_report: ValidationReport) -> None:
    """A declared figure the data cannot confirm says so in Polish."""
    finding = _one(kielce_report, FindingKind.DECLARED_FIGURE_UNVERIFIABLE, "2")
    assert describe_finding(finding) == (
        "raport za 2023\xa0r. podaje liczbę realizatorów dla celu 2: 1; dane o projektach nie "
        "pozwalają tego sprawdzić"
    )


@pytest.mark.parametrize(
    ("case", "kind", "expected"),
    [
        (
            "duplicate-indicator",
            FindingKind.DUPLICATE_CODE,
            "kod T-1.1-01 powtarza się 2 razy (wskaźniki)",
        ),
        (
            "indicator-unknown-goal",
            FindingKind.UNKNOWN_GOAL,
            "wskaźnik mierzy nieistniejący cel 9.9",
        ),
        (
            "link-unknown-goal",
            FindingKind.UNKNOWN_GOAL,
            "projekt powiązany z nieistniejącym celem 1.9",
        ),
        (
            "unknown-direction",
            FindingKind.UNKNOWN_ACTION_DIRECTION,
            "projekt powiązany z nieistniejącym kierunkiem działań 1.1-99",
        ),
        (
            "unknown-indicator",
            FindingKind.UNKNOWN_INDICATOR,
            "wartości nieistniejącego wskaźnika T-9.9-01",
        ),
        (
            "unknown-survey-indicator",
            FindingKind.UNKNOWN_INDICATOR,
            "wskaźnik liczby odpowiedzi w badaniu T-9.9-02 nie istnieje",
        ),
        (
            "impact-on-operational",
            FindingKind.LEVEL_MISMATCH,
            "wskaźnik oddziaływania przypisany do celu operacyjnego 1.1",
        ),
        (
            "result-on-strategic",
            FindingKind.LEVEL_MISMATCH,
            "wskaźnik rezultatu przypisany do celu strategicznego 1",
        ),
    ],
    ids=[
        "duplicate",
        "indicator-goal",
        "link-goal",
        "direction",
        "indicator",
        "survey-indicator",
        "impact-level",
        "result-level",
    ],
)
def test_structural_findings_in_polish(case: str, kind: FindingKind, expected: str) -> None:
    """Broken codes and links are worded in Polish, naming the offending code."""
    findings = check(make_broken_strategy(case)).of_kind(kind)
    assert expected in {describe_finding(f) for f in findings}


@pytest.mark.parametrize(
    ("strategy", "kind", "expected"),
    [
        (
            _with_values(4, 5, target=make_target(kind=TargetKind.AT_MOST, value=Decimal(10))),
            FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION,
            "wartość docelowa „co najwyżej”, choć stymulanta (im więcej, tym lepiej)",
        ),
        (
            _with_values(10, 12, target=make_target(value=Decimal(10), raw="10")),
            FindingKind.TARGET_MET_AT_BASE,
            "wartość docelowa 10 jest równa wartości bazowej 10 (2022\xa0r.)",
        ),
        (
            make_strategy(projects=(make_project(cost=None, name="Bez kosztu"),)),
            FindingKind.COST_NOT_STATED,
            "brak kosztu projektu „Bez kosztu”",
        ),
        (
            _with_values(4, 5, unit="banan"),
            FindingKind.UNIT_MISMATCH,
            "nieznana jednostka banan",
        ),
        (
            _with_values(4, 5, name="Odsetek mieszkańców"),
            FindingKind.UNIT_MISMATCH,
            "nazwa („Odsetek”) wskazuje udział, a jednostką nie są procenty",
        ),
        (
            _with_values(4, 5, name="Opinia mieszkańców", survey=True),
            FindingKind.UNIT_MISMATCH,
            "udział z badania opinii powinien być w procentach (jest: count)",
        ),
    ],
    ids=["target-kind", "met-at-base", "no-cost", "unknown-unit", "share-unit", "survey-unit"],
)
def test_data_findings_in_polish(strategy: Strategy, kind: FindingKind, expected: str) -> None:
    """Target, cost and unit findings are worded in Polish."""
    assert expected in {describe_finding(f) for f in check(strategy).of_kind(kind)}


def test_english_locale_gives_the_english_message(kielce_report: ValidationReport) -> None:
    """Outside Polish, the finding's own English message is used."""
    finding = _one(kielce_report, FindingKind.TARGET_CONTRADICTS_DIRECTION, "KIE-1.1-02")
    assert describe_finding(finding, locale="en_GB") == finding.message
    assert "lower is better" in finding.message


def test_finding_without_details_falls_back_to_message() -> None:
    """A finding built by hand without the details its wording needs keeps its own message."""
    finding = Finding(kind=FindingKind.MISSING_VALUE, code="X", message="no value")
    assert describe_finding(finding) == "no value"


def test_format_findings_polish_table(kielce_report: ValidationReport) -> None:
    """The text table has Polish headers and severities, most serious first, and the counts."""
    text = format_findings(kielce_report, title="Strategia")
    lines = text.splitlines()
    assert lines[0] == "Uwagi do danych strategii Strategia"
    assert lines[2].split() == ["Waga", "Rodzaj", "Dotyczy", "Opis"]
    assert lines[4].startswith("ostrzeżenie")
    assert lines[-1] == "Razem: 44 (0 błędów, 19 ostrzeżeń, 25 informacji)"


def test_format_findings_english_and_empty() -> None:
    """English headers, and a plain sentence when there is nothing to report."""
    clean = check(make_strategy())
    assert format_findings(clean, locale="en_GB").splitlines()[-1] == "No findings."
    assert format_findings(clean).splitlines()[-1] == "Brak uwag."
    broken = format_findings(check(make_broken_strategy("duplicate-project")), locale="en_GB")
    assert "Severity" in broken
    assert "error" in broken


def test_findings_data_is_json_with_details(kielce_report: ValidationReport) -> None:
    """The JSON data carry every finding with its details as strings."""
    data = json.loads(json.dumps(findings_data(kielce_report)))
    assert data["ok"] is True
    assert len(data["findings"]) == 44
    total = next(
        f
        for f in data["findings"]
        if f["kind"] == "declared_figure_mismatch" and f["code"] == "total"
    )
    assert total["details"] == {
        "year": "2023",
        "figure": "cost",
        "goal": "",
        "declared": "85665519.74",
        "computed": "119738036.31",
        "currency": "PLN",
    }


@pytest.mark.parametrize(
    ("strategy", "kind", "expected"),
    [
        (
            _with_values(4, 146, unit="percent", target=None),
            FindingKind.VALUE_OUT_OF_RANGE,
            "wartość 146 za 2023\xa0r. jest poza zakresem możliwym dla tej jednostki "
            "(od 0% do 100%)",
        ),
        (
            _with_values(-4, 5, unit="person", target=None),
            FindingKind.VALUE_OUT_OF_RANGE,
            "wartość -4 za 2022\xa0r. jest poza zakresem możliwym dla tej jednostki "
            "(co najmniej 0\xa0osób)",
        ),
        (
            _with_values(
                4, 5, unit="day", target=None, value_range=ValueRange(high=Decimal("4.5"))
            ),
            FindingKind.VALUE_OUT_OF_RANGE,
            "wartość 5 za 2023\xa0r. jest poza zakresem podanym dla wskaźnika "
            "(najwyżej 4,5\xa0dnia)",
        ),
        (
            make_strategy(
                indicators=(make_indicator(unit="person", target=None),),
                observations=(make_observation(value=Decimal("170.5"), raw="170,5"),),
            ),
            FindingKind.VALUE_NOT_WHOLE,
            "wartość 170,5 za 2023\xa0r. nie jest liczbą całkowitą, a wskaźnik liczy całe "
            "sztuki lub osoby",
        ),
        (
            make_strategy(
                indicators=(make_indicator(target=make_target(year=2022)),),
                observations=(make_observation(year=2023),),
            ),
            FindingKind.TARGET_YEAR_BEFORE_BASE,
            "rok docelowy 2022 jest wcześniejszy niż rok bazowy 2023 (pierwszy rok z wartością)",
        ),
        (
            _with_values(4, 5, unit="percent", target=make_target(value=Decimal(146), raw="146%")),
            FindingKind.TARGET_OUT_OF_RANGE,
            "wartość docelowa 146% jest poza zakresem możliwym dla tej jednostki (od 0% do 100%)",
        ),
        (
            make_strategy(projects=(make_project(name="=SUMA(A1:A3)"),)),
            FindingKind.FORMULA_LIKE_TEXT,
            "nazwa zaczyna się od znaku „=” (=SUMA(A1:A3)): arkusz kalkulacyjny potraktuje ten "
            "tekst jako formułę",
        ),
    ],
    ids=[
        "share-above-100",
        "negative-persons",
        "declared-range",
        "not-whole",
        "target-year",
        "target-above-100",
        "formula",
    ],
)
def test_plausibility_findings_in_polish(
    strategy: Strategy, kind: FindingKind, expected: str
) -> None:
    """Plausibility and target-year findings are worded in Polish, with Polish numbers."""
    assert [describe_finding(f) for f in check(strategy).of_kind(kind)] == [expected]


def test_plausibility_findings_in_english() -> None:
    """In English, the finding's message names the value, the year and the range."""
    (finding,) = check(_with_values(4, 146, unit="percent", target=None)).of_kind(
        FindingKind.VALUE_OUT_OF_RANGE
    )
    assert describe_finding(finding, locale="en_GB") == (
        "the value 146 of 2023 is outside the assumed plausible range 0..100 (percent)"
    )


def test_every_kind_has_a_polish_name() -> None:
    """The check table never shows an internal key: every kind has a Polish name."""
    names = {kind: kind_name(kind) for kind in FindingKind}
    assert all(name and "_" not in name for name in names.values())
    assert len(set(names.values())) == len(names)
    assert kind_name(FindingKind.MIXED_CURRENCIES, locale="en_GB") == "mixed currencies"


def test_totals_line_takes_the_plural_forms() -> None:
    """'1 błąd', '2 błędy', '5 błędów': the totals line follows the Polish plural rules."""
    report = check(make_broken_strategy("duplicate-project"))
    counts = report.counts()
    assert sum(counts.values()) == 1  # one duplicate code, nothing else
    assert format_findings(report).endswith("Razem: 1 (1 błąd, 0 ostrzeżeń, 0 informacji)")
    english = format_findings(report, locale="en_GB")
    assert english.endswith("Total: 1 (1 error, 0 warnings, 0 notes)")
