"""Tests of citystrategy.reports.findings: findings worded in Polish and English, and as JSON."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from citystrategy.cli import main
from citystrategy.costs import Figure
from citystrategy.errors import ArgumentError
from citystrategy.model import Direction, Strategy, TargetKind, ValueRange
from citystrategy.money import Money
from citystrategy.reports import describe_finding, findings_data, format_findings, kind_name
from citystrategy.validation import Finding, FindingKind, Measure, ValidationReport, check
from tests.factories import (
    make_broken_strategy,
    make_indicator,
    make_observation,
    make_project,
    make_strategy,
    make_target,
)
from tests.language import english_words, identifiers, polish_words


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
            "limit 40\xa0µg/m³ spełniony już w roku bazowym, 2022\xa0r.: 24\xa0µg/m³",
        ),
        (
            FindingKind.LIMIT_NOT_MET,
            "KIE-2.4-03",
            "limit 45\xa0µg/m³ nie jest spełniony w 2023\xa0r.: 47\xa0µg/m³",
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
            "kod T-1.1-01 występuje 2 razy wśród wskaźników",
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
            "udział z badania opinii powinien być w procentach (jest: liczba)",
        ),
    ],
    ids=["target-kind", "met-at-base", "no-cost", "unknown-unit", "share-unit", "survey-unit"],
)
def test_data_findings_in_polish(strategy: Strategy, kind: FindingKind, expected: str) -> None:
    """Target, cost and unit findings are worded in Polish."""
    assert expected in {describe_finding(f) for f in check(strategy).of_kind(kind)}


def test_english_locale_gives_the_english_message(kielce_report: ValidationReport) -> None:
    """In English the finding is worded from the same values, with English figures."""
    finding = _one(kielce_report, FindingKind.TARGET_CONTRADICTS_DIRECTION, "KIE-1.1-02")
    assert describe_finding(finding, locale="en_GB") == finding.message
    assert finding.message == (
        "lower is better, yet the target 60% is not below the base value 39.5% (2022)"
    )


def test_finding_without_its_values_is_an_error() -> None:
    """A finding built by hand without the values its wording needs is a clear error."""
    finding = Finding(kind=FindingKind.MISSING_VALUE, code="X")
    with pytest.raises(ArgumentError, match="'year'"):
        describe_finding(finding)


def test_format_findings_polish_table(kielce_report: ValidationReport) -> None:
    """The text table has Polish headers and severities, most serious first, and the counts."""
    text = format_findings(kielce_report, title="Strategia")
    lines = text.splitlines()
    assert lines[0] == "Uwagi do danych: Strategia"
    assert lines[2].split() == ["Waga", "Rodzaj", "Dotyczy", "Opis"]
    assert lines[4].startswith("ostrzeżenie")
    assert lines[-1] == "Razem: 44 uwagi (0 błędów, 19 ostrzeżeń, 25 informacji)"


def test_format_findings_english_and_empty() -> None:
    """English headers, and a plain sentence when there is nothing to report."""
    clean = check(make_strategy())
    assert format_findings(clean, locale="en_GB").splitlines()[-1] == "No findings."
    assert format_findings(clean).splitlines()[-1] == "Brak uwag."
    broken = format_findings(check(make_broken_strategy("duplicate-project")), locale="en_GB")
    assert "Severity" in broken
    assert "error" in broken


def test_findings_data_is_json_with_typed_values(kielce_report: ValidationReport) -> None:
    """The JSON data carry every finding with its values: exact decimals as strings."""
    data = json.loads(json.dumps(findings_data(kielce_report, locale="en_GB")))
    assert data["ok"] is True
    assert len(data["findings"]) == 44
    total = next(
        f
        for f in data["findings"]
        if f["kind"] == "declared_figure_mismatch" and f["code"] == "total"
    )
    assert total["values"] == {
        "year": 2023,
        "figure": "cost",
        "declared": {"amount": "85665519.74", "currency": "PLN"},
        "computed": {"amount": "119738036.31", "currency": "PLN"},
    }
    assert total["message"] == (
        "the report for 2023 declares the cost in total: PLN\xa085,665,519.74; the project "
        "data give PLN\xa0119,738,036.31"
    )
    polish = findings_data(kielce_report)  # the reader's language: Polish by default
    said = next(f["message"] for f in polish["findings"] if f == total | {"message": f["message"]})
    assert said == (
        "raport za 2023\xa0r. podaje koszt łącznie: 85\xa0665\xa0519,74\xa0zł; z danych o "
        "projektach wynika 119\xa0738\xa0036,31\xa0zł"
    )
    assert [f["kind"] for f in polish["findings"]] == [f["kind"] for f in data["findings"]]
    limit = next(f for f in data["findings"] if f["code"] == "KIE-2.4-04")
    assert limit["values"]["target"] == {
        "value": "30",
        "unit": "microgram / meter ** 3",
        "raw": "30 ug/m3",
    }


@pytest.mark.parametrize(
    ("strategy", "kind", "expected"),
    [
        (
            _with_values(4, 146, unit="percent", target=None),
            FindingKind.VALUE_OUT_OF_RANGE,
            "wartość 146% za 2023\xa0r. jest poza zakresem przyjętym dla tej jednostki "
            "(od 0% do 100%)",
        ),
        (
            _with_values(-4, 5, unit="person", target=None),
            FindingKind.VALUE_OUT_OF_RANGE,
            "wartość -4\xa0osoby za 2022\xa0r. jest poza zakresem przyjętym dla tej jednostki "
            "(co najmniej 0\xa0osób)",
        ),
        (
            _with_values(
                4, 5, unit="day", target=None, value_range=ValueRange(high=Decimal("4.5"))
            ),
            FindingKind.VALUE_OUT_OF_RANGE,
            "wartość 5\xa0dni za 2023\xa0r. jest poza zakresem podanym dla wskaźnika "
            "(najwyżej 4,5\xa0dnia)",
        ),
        (
            make_strategy(
                indicators=(make_indicator(unit="person", target=None),),
                observations=(make_observation(value=Decimal("170.5"), raw="170,5"),),
            ),
            FindingKind.VALUE_NOT_WHOLE,
            "wartość 170,5\xa0osoby za 2023\xa0r. nie jest liczbą całkowitą, a wskaźnik liczy całe "
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
            "wartość docelowa 146% jest poza zakresem przyjętym dla tej jednostki (od 0% do 100%)",
        ),
        (
            make_strategy(projects=(make_project(name="=SUMA(A1:A3)"),)),
            FindingKind.FORMULA_LIKE_TEXT,
            "nazwa zaczyna się od znaku „=” (=SUMA(A1:A3)): arkusz kalkulacyjny potraktuje ten "
            "tekst jako formułę",
        ),
        (
            make_strategy(
                survey_responses_indicator="T-1.1-01",
                observations=(make_observation(value=Decimal(0), raw="0"),),
            ),
            FindingKind.SURVEY_SAMPLE_UNUSABLE,
            "wartość 0 za 2023\xa0r. to liczebność próby badania ankietowego, a nie jest liczbą "
            "całkowitą większą od 0: odsetki z badania za 2023\xa0r. nie mają przedziału ufności "
            "ani testu istotności zmiany",
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
        "survey-sample",
    ],
)
def test_plausibility_findings_in_polish(
    strategy: Strategy, kind: FindingKind, expected: str
) -> None:
    """Plausibility and target-year findings are worded in Polish, with Polish numbers."""
    assert [describe_finding(f) for f in check(strategy).of_kind(kind)] == [expected]


def test_an_unusable_sample_in_english() -> None:
    """In English, the finding names the size and its year, and what the survey shares lose."""
    strategy = make_strategy(
        survey_responses_indicator="T-1.1-01",
        observations=(make_observation(value=Decimal("-3"), raw="-3"),),
    )
    (finding,) = check(strategy).of_kind(FindingKind.SURVEY_SAMPLE_UNUSABLE)
    assert describe_finding(finding, locale="en_GB") == (
        "the value -3 for 2023 is the survey's sample size, yet it is not a whole number above 0: "
        "the survey shares of 2023 get no confidence interval and no change test"
    )
    assert kind_name(finding.kind, locale="en_GB") == "unusable sample size"
    assert kind_name(finding.kind) == "błędna liczebność próby"


def test_plausibility_findings_in_english() -> None:
    """In English, the finding names the value, the year and the range, in English figures."""
    (finding,) = check(_with_values(4, 146, unit="percent", target=None)).of_kind(
        FindingKind.VALUE_OUT_OF_RANGE
    )
    assert describe_finding(finding, locale="en_GB") == (
        "the value 146% for 2023 is outside the range assumed for its unit (from 0% to 100%)"
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
    assert format_findings(report).endswith("Razem: 1 uwaga (1 błąd, 0 ostrzeżeń, 0 informacji)")
    english = format_findings(report, locale="en_GB")
    assert english.endswith("Total: 1 finding (1 error, 0 warnings, 0 notes)")


def test_kielce_totals_line_in_both_languages(kielce_report: ValidationReport) -> None:
    """Kielce's 44 findings: 'Razem: 44 uwagi (… 19 ostrzeżeń, 25 informacji)' and English."""
    assert format_findings(kielce_report).splitlines()[-1] == (
        "Razem: 44 uwagi (0 błędów, 19 ostrzeżeń, 25 informacji)"
    )
    assert format_findings(kielce_report, locale="en_GB").splitlines()[-1] == (
        "Total: 44 findings (0 errors, 19 warnings, 25 notes)"
    )


def _m(value: str, unit: str) -> Measure:
    return Measure(Decimal(value), unit)


_PERCENT_RANGE = ValueRange(low=Decimal(0), high=Decimal(100))
_K = FindingKind
#: One finding of every kind and variant, built from typed values as check() builds them.
_EVERY_CASE: list[Finding] = [
    *(
        Finding(kind=_K.DUPLICATE_CODE, code="1.1", variant=what, values={"count": 2})
        for what in ("strategic goal", "operational goal", "action direction", "indicator")
    ),
    Finding(kind=_K.DUPLICATE_CODE, code="P-1", variant="project", values={"count": 3}),
    Finding(kind=_K.UNKNOWN_GOAL, code="T-1", variant="indicator", values={"goal": "9.9"}),
    Finding(kind=_K.UNKNOWN_GOAL, code="P-1", variant="project", values={"goal": "1.9"}),
    Finding(kind=_K.UNKNOWN_ACTION_DIRECTION, code="P-1", values={"action_direction": "1.1-99"}),
    Finding(kind=_K.UNKNOWN_INDICATOR, code="T-9", variant="observations"),
    Finding(kind=_K.UNKNOWN_INDICATOR, code="T-9", variant="survey"),
    Finding(kind=_K.LEVEL_MISMATCH, code="T-1", variant="impact", values={"goal": "1.1"}),
    Finding(kind=_K.LEVEL_MISMATCH, code="T-1", variant="result", values={"goal": "1"}),
    Finding(kind=_K.UNIT_MISMATCH, code="T-1", variant="unknown", values={"unit": "banan"}),
    Finding(kind=_K.UNIT_MISMATCH, code="T-1", variant="survey", values={"unit": "count"}),
    Finding(kind=_K.UNIT_MISMATCH, code="T-1", variant="share", values={"word": "Odsetek"}),
    Finding(kind=_K.UNIT_MISMATCH, code="T-1", variant="count", values={"word": "Liczba"}),
    Finding(
        kind=_K.TARGET_KIND_CONTRADICTS_DIRECTION,
        code="T-1",
        expected=TargetKind.AT_LEAST,
        found=TargetKind.AT_MOST,
        values={"direction": Direction.HIGHER_IS_BETTER},
    ),
    *(
        Finding(
            kind=_K.TARGET_CONTRADICTS_DIRECTION,
            code="T-1",
            values={
                "direction": direction,
                "target": _m("60", "percent"),
                "base": _m("39.5", "percent"),
                "year": 2022,
            },
        )
        for direction in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)
    ),
    Finding(
        kind=_K.TARGET_MET_AT_BASE,
        code="T-1",
        values={"target": _m("10", "day"), "base": _m("10", "day"), "year": 2022},
    ),
    Finding(
        kind=_K.BOUND_ALREADY_SATISFIED,
        code="T-1",
        values={
            "target": _m("40", "microgram / meter ** 3"),
            "base": _m("24", "microgram / meter ** 3"),
            "year": 2022,
        },
    ),
    Finding(
        kind=_K.LIMIT_NOT_MET,
        code="T-1",
        values={
            "target": _m("30", "microgram / meter ** 3"),
            "value": _m("39", "microgram / meter ** 3"),
            "year": 2023,
        },
    ),
    Finding(
        kind=_K.TARGET_ALREADY_MET,
        code="T-1",
        values={"target": _m("16500", "person"), "value": _m("24324", "person"), "year": 2023},
    ),
    Finding(
        kind=_K.MISSING_VALUE,
        code="T-1",
        values={"year": 2023, "marker": "- *", "text": "brak danych w BDL"},
    ),
    Finding(kind=_K.COST_NOT_STATED, code="P-1", values={"name": "Budowa drogi"}),
    Finding(
        kind=_K.NEGATIVE_COST,
        code="P-1",
        values={"name": "Budowa drogi", "cost": Money(Decimal("-5.00"))},
    ),
    Finding(
        kind=_K.MIXED_CURRENCIES,
        code="x-2030",
        variant="projects",
        values={"currencies": ("EUR", "PLN")},
    ),
    Finding(
        kind=_K.MIXED_CURRENCIES,
        code="x-2030",
        variant="declared",
        values={"year": 2023, "currency": "EUR", "declared_currencies": ("PLN",)},
    ),
    *(
        Finding(
            kind=kind,
            code=goal or "total",
            variant="goal" if goal else "total",
            values={
                "year": 2023,
                "figure": figure,
                "declared": declared,
                "computed": None if kind is _K.DECLARED_FIGURE_UNVERIFIABLE else declared,
                **({"goal": goal} if goal else {}),
            },
        )
        for kind in (_K.DECLARED_FIGURE_MISMATCH, _K.DECLARED_FIGURE_UNVERIFIABLE)
        for goal in ("", "2")
        for figure, declared in (
            (Figure.PROJECTS, Decimal(12)),
            (Figure.IMPLEMENTERS, Decimal(7)),
            (Figure.COST, Money(Decimal("1234.5"))),
            (Figure.SHARE, _m("9.1", "percent")),
        )
    ),
    *(
        Finding(
            kind=_K.VALUE_OUT_OF_RANGE,
            code="T-1",
            variant=variant,
            values={"year": 2023, "value": _m("146", "percent"), "unit": "percent", "range": r},
        )
        for variant, r in (
            ("assumed", _PERCENT_RANGE),
            ("declared", ValueRange(low=Decimal(0))),
            ("declared", ValueRange(high=Decimal(3))),
            ("declared", ValueRange()),
        )
    ),
    Finding(
        kind=_K.VALUE_NOT_WHOLE,
        code="T-1",
        values={"year": 2023, "value": _m("170.5", "person"), "unit": "person"},
    ),
    Finding(
        kind=_K.TARGET_YEAR_BEFORE_BASE, code="T-1", values={"target_year": 2022, "year": 2023}
    ),
    *(
        Finding(
            kind=_K.TARGET_OUT_OF_RANGE,
            code="T-1",
            variant=variant,
            values={"target": _m("146", "percent"), "unit": "percent", "range": _PERCENT_RANGE},
        )
        for variant in ("assumed", "declared")
    ),
    *(
        Finding(
            kind=_K.FORMULA_LIKE_TEXT,
            code="P-1",
            variant=field,
            values={"field": field, "start": "=", "text": "=SUMA(A1)"},
        )
        for field in ("name", "note", "description", "aliases", "implementer")
    ),
    Finding(
        kind=_K.SURVEY_SAMPLE_UNUSABLE,
        code="T-1.1-01",
        values={"year": 2023, "value": _m("12.5", "count"), "unit": "count"},
    ),
]
_CASE_IDS = [f"{i}-{f.kind.value}-{f.variant}" for i, f in enumerate(_EVERY_CASE)]
#: Data in the cases above, in the language of its source.
_DATA_NAMES = ("banan", "Odsetek", "Liczba", "brak danych w BDL", "Budowa drogi", "=SUMA(A1)")


def test_every_kind_has_a_case() -> None:
    """The cases below cover every kind of finding."""
    assert {f.kind for f in _EVERY_CASE} == set(FindingKind)


@pytest.mark.parametrize("finding", _EVERY_CASE, ids=_CASE_IDS)
def test_every_finding_reads_as_polish(finding: Finding) -> None:
    """Each kind and variant is worded in Polish: no identifier, no English word."""
    text = describe_finding(finding)
    assert identifiers(text, names=_DATA_NAMES) == []
    assert english_words(text, names=_DATA_NAMES) == []
    assert text != describe_finding(finding, locale="en_GB")  # translated, not the English


@pytest.mark.parametrize("finding", _EVERY_CASE, ids=_CASE_IDS)
def test_every_finding_reads_as_english(finding: Finding) -> None:
    """Each kind and variant is worded in English: no identifier, no Polish word."""
    text = describe_finding(finding, locale="en_GB")
    assert text == finding.message
    assert identifiers(text, names=_DATA_NAMES) == []
    assert polish_words(text, names=_DATA_NAMES) == []
    assert kind_name(finding.kind, locale="en_GB") != kind_name(finding.kind)


@pytest.mark.parametrize(
    ("index", "polish", "english"),
    [
        (
            _EVERY_CASE.index(next(f for f in _EVERY_CASE if f.kind is _K.LIMIT_NOT_MET)),
            "limit 30\xa0µg/m³ nie jest spełniony w 2023\xa0r.: 39\xa0µg/m³",
            "the limit 30\xa0µg/m³ is not met in 2023: 39\xa0µg/m³",
        ),
        (
            _EVERY_CASE.index(next(f for f in _EVERY_CASE if f.kind is _K.TARGET_ALREADY_MET)),
            "wartość docelowa 16\xa0500\xa0osób osiągnięta już w 2023\xa0r.: 24\xa0324\xa0osoby",
            "the target 16,500\xa0people is already met in 2023: 24,324\xa0people",
        ),
        (
            _EVERY_CASE.index(next(f for f in _EVERY_CASE if f.kind is _K.NEGATIVE_COST)),
            "ujemny koszt projektu „Budowa drogi”: -5,00\xa0zł",
            "the cost of the project “Budowa drogi” is negative: -PLN\xa05.00",
        ),
        (
            _EVERY_CASE.index(next(f for f in _EVERY_CASE if f.kind is _K.VALUE_NOT_WHOLE)),
            "wartość 170,5\xa0osoby za 2023\xa0r. nie jest liczbą całkowitą, a wskaźnik liczy "
            "całe sztuki lub osoby",
            "the value 170.5\xa0people for 2023 is not a whole number, yet the indicator counts "
            "whole things or people",
        ),
    ],
    ids=["limit-not-met", "target-met", "negative-cost", "not-whole"],
)
def test_figures_follow_the_locale(index: int, polish: str, english: str) -> None:
    """Figures are formatted from value and unit: Polish separators and cases, English ones."""
    finding = _EVERY_CASE[index]
    assert (describe_finding(finding), describe_finding(finding, locale="en_GB")) == (
        polish,
        english,
    )


def _kielce_names(strategy: Strategy) -> list[str]:
    """The data's own words in Kielce's findings: the title, source footnotes, name openings."""
    footnotes = [o.missing.text for o in strategy.observations if o.missing is not None]
    openings = [i.name.split()[0] for i in strategy.indicators]
    return [strategy.title, *footnotes, *openings]


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_check_kielce_reads_as_polish(kielce: Strategy, capsys: pytest.CaptureFixture[str]) -> None:
    """`citystrategy check kielce`: Polish words only, no identifier, 'razem' for the total."""
    out = _cli(["check", "kielce"], capsys)
    names = _kielce_names(kielce)
    assert identifiers(out, names=names) == []
    assert english_words(out, names=names) == []
    assert "µg/m³" in out
    assert "ug/m3" not in out
    assert " total " not in out
    assert out.rstrip().endswith("Razem: 44 uwagi (0 błędów, 19 ostrzeżeń, 25 informacji)")


def test_check_kielce_reads_as_english(
    kielce: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check kielce --locale en_GB`: English words and English figures only."""
    out = _cli(["check", "kielce", "--locale", "en_GB"], capsys)
    names = _kielce_names(kielce)
    assert identifiers(out, names=names) == []
    assert polish_words(out, names=names) == []
    assert "PLN\xa085,665,519.74" in out  # not '85 665 519,74 zł', nor '85665519.74'
    assert "39,5%" not in out
    assert "39.5%" in out
    assert out.rstrip().endswith("Total: 44 findings (0 errors, 19 warnings, 25 notes)")


@pytest.mark.parametrize(
    ("unit", "polish", "english"),
    [
        ("PLN", "zł", "PLN"),
        ("day", "dni", "days"),
        ("kiloPLN", "tys. zł", "thousand PLN"),
        ("banan", "banan", "banan"),
    ],
    ids=["currency", "noun", "scaled-currency", "unknown"],
)
def test_a_unit_is_named_in_words(unit: str, polish: str, english: str) -> None:
    """A wrong unit is named by its label in each language, a currency too (not '1')."""
    finding = Finding(
        kind=FindingKind.UNIT_MISMATCH, code="T", variant="survey", values={"unit": unit}
    )
    assert describe_finding(finding).endswith(f"(jest: {polish})")
    assert describe_finding(finding, locale="en_GB").endswith(f"(it is: {english})")
