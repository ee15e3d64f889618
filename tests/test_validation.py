"""Tests of citystrategy.validation.check: findings on Kielce's data and on synthetic strategies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from citystrategy.model import Direction, Level, Strategy, Target, TargetKind, ValueRange
from citystrategy.money import Money
from citystrategy.validation import (
    Finding,
    FindingKind,
    Measure,
    Severity,
    ValidationReport,
    check,
    plausible_range,
)
from tests.factories import (
    make_broken_strategy,
    make_declared,
    make_indicator,
    make_link,
    make_missing,
    make_observation,
    make_project,
    make_report,
    make_strategy,
    make_target,
)

#: The report's footnote on "- *", as printed under section 3.
BDL_FOOTNOTE = (
    "na dzień sporządzenia raportu brak danych w Bazie Danych Lokalnych GUS "
    "(dane zostaną dopisane po ich udostępnieniu)."
)


def codes(report: ValidationReport, kind: FindingKind) -> set[str]:
    """Codes of the findings of one kind."""
    return {f.code for f in report.of_kind(kind)}


def only(report: ValidationReport, kind: FindingKind, code: str) -> Finding:
    """The one finding of *kind* about *code*."""
    found = [f for f in report.of_kind(kind) if f.code == code]
    assert len(found) == 1, found
    return found[0]


# --- Kielce --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "target", "base"),
    [
        ("KIE-1.1-02", "60", "39.5"),  # long-term unemployed: lower is better
        ("KIE-1.1-04", "254", "181"),  # waiting for a care home (DPS)
        ("KIE-1.1-05", "585", "371"),  # homeless per 100 000 inhabitants
        ("KIE-4.3-04", "45", "51.24"),  # protected areas: higher is better
    ],
    ids=["long-term-unemployed", "dps-waiting-list", "homeless", "protected-areas"],
)
def test_target_contradicts_direction(
    kielce_report: ValidationReport, code: str, target: str, base: str
) -> None:
    """A target on the wrong side of the 2022 base value is flagged with both values shown."""
    finding = only(kielce_report, FindingKind.TARGET_CONTRADICTS_DIRECTION, code)
    assert finding.severity is Severity.WARNING
    shown = finding.detail("target"), finding.detail("base")
    assert all(isinstance(value, Measure) for value in shown)
    assert [value.value for value in shown if isinstance(value, Measure)] == [
        Decimal(target),
        Decimal(base),
    ]
    assert finding.detail("year") == 2022


def test_long_term_unemployed_expected_and_found(kielce_report: ValidationReport) -> None:
    """The contradiction on KIE-1.1-02 says what was expected (below 39.5) and found (60)."""
    finding = only(kielce_report, FindingKind.TARGET_CONTRADICTS_DIRECTION, "KIE-1.1-02")
    assert finding.expected == Measure(Decimal("39.5"), "percent", "39,5%")
    assert finding.found == Measure(Decimal(60), "percent", "60%")


@pytest.mark.parametrize(
    "code",
    ["KIE-2.4-01", "KIE-2.4-02", "KIE-2.4-05", "KIE-2.4-06"],
    ids=["pm2.5", "pm10", "no2", "so2"],
)
def test_legal_limits_are_satisfied_bounds(kielce_report: ValidationReport, code: str) -> None:
    """The PM2.5/PM10/NO2/SO2 legal limits are bounds already satisfied, not contradictions."""
    finding = only(kielce_report, FindingKind.BOUND_ALREADY_SATISFIED, code)
    assert finding.severity is Severity.INFO
    target = finding.detail("target")
    assert isinstance(target, Measure)
    assert target.unit == "microgram / meter ** 3"
    assert "µg/m³" in finding.message
    assert code not in codes(kielce_report, FindingKind.TARGET_CONTRADICTS_DIRECTION)


@pytest.mark.parametrize("code", ["KIE-2.4-03", "KIE-2.4-04"], ids=["o3", "nox"])
def test_unmet_bound_is_no_finding(kielce_report: ValidationReport, code: str) -> None:
    """O3 "<45" (50, 47) and NOx 30 (48, 39) are not met: neither satisfied nor contradicted."""
    about = {f.kind for f in kielce_report if f.code == code}
    assert FindingKind.BOUND_ALREADY_SATISFIED not in about
    assert FindingKind.TARGET_CONTRADICTS_DIRECTION not in about


def test_missing_values(kielce_report: ValidationReport) -> None:
    """The four "- *" values of 2023 are info findings carrying the BDL footnote."""
    findings = kielce_report.of_kind(FindingKind.MISSING_VALUE)
    assert {f.code for f in findings} == {"KIE-3.3-02", "KIE-3.3-03", "KIE-3.3-04", "KIE-3.4-01"}
    for finding in findings:
        assert finding.severity is Severity.INFO
        assert "2023" in finding.message
        assert BDL_FOOTNOTE in finding.message


def test_count_name_with_percent_values(kielce_report: ValidationReport) -> None:
    """ "Liczba osób żyjących poniżej granicy ubóstwa" with percent values is a unit mismatch."""
    finding = only(kielce_report, FindingKind.UNIT_MISMATCH, "KIE-1.1-03")
    assert finding.found == "percent"
    assert "Liczba" in finding.message


@pytest.mark.parametrize("code", ["KIE-3.1-03", "KIE-3.1-04"], ids=["cit", "pit"])
def test_tax_share_per_inhabitant_is_an_amount(kielce_report: ValidationReport, code: str) -> None:
    """ "Udział w podatku … na mieszkańca" is PLN per inhabitant, not a misnamed share."""
    assert code not in codes(kielce_report, FindingKind.UNIT_MISMATCH)


def test_only_one_unit_mismatch(kielce_report: ValidationReport) -> None:
    """KIE-1.1-03 is the only unit mismatch in Kielce's data."""
    assert codes(kielce_report, FindingKind.UNIT_MISMATCH) == {"KIE-1.1-03"}


@pytest.mark.parametrize(
    ("code", "declared", "computed"),
    [
        ("total", "85665519.74", "119738036.31"),
        ("1", "514239.53", "33992885.47"),
        ("3", "7777279.37", "8371150.00"),
    ],
    ids=["total", "goal-1", "goal-3"],
)
def test_declared_cost_mismatch(
    kielce_report: ValidationReport, code: str, declared: str, computed: str
) -> None:
    """A declared cost that disagrees with the project data names both figures."""
    findings = [
        f
        for f in kielce_report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH)
        if f.code == code and f.detail("figure") == "cost"
    ]
    assert len(findings) == 1
    assert (findings[0].found, findings[0].expected) == (
        Money(Decimal(declared)),
        Money(Decimal(computed)),
    )


def test_declared_goal_two_and_four_cost_agree(kielce_report: ValidationReport) -> None:
    """Goals 2 and 4 declare the cost the project data give: no cost finding for them."""
    about_cost = {
        f.code
        for f in kielce_report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH)
        if f.detail("figure") == "cost"
    }
    assert about_cost == {"total", "1", "3"}


def test_declared_implementers_unverifiable(kielce_report: ValidationReport) -> None:
    """Implementer counts that the data cannot confirm are info findings, not mismatches."""
    assert codes(kielce_report, FindingKind.DECLARED_FIGURE_UNVERIFIABLE) == {
        "total",
        "1",
        "2",
        "4",
    }


def test_kielce_report_is_ok(kielce_report: ValidationReport) -> None:
    """Kielce's data have warnings and infos but no errors."""
    assert kielce_report.ok is True
    assert all(f.severity is not Severity.ERROR for f in kielce_report)
    assert kielce_report.strategy == "kielce-2030"


def test_kielce_counts(kielce_report: ValidationReport) -> None:
    """counts() lists only kinds that occur, with the number of findings of each."""
    counts = kielce_report.counts()
    assert counts[FindingKind.MISSING_VALUE] == 4
    assert counts[FindingKind.BOUND_ALREADY_SATISFIED] == 4
    assert counts[FindingKind.UNIT_MISMATCH] == 1
    assert FindingKind.DUPLICATE_CODE not in counts
    assert sum(counts.values()) == len(kielce_report)


def test_check_with_a_year_without_report(kielce: Strategy) -> None:
    """Checking the declared figures of a year without a report raises KeyError."""
    with pytest.raises(KeyError):
        check(kielce, year=2022)


def test_of_kind_accepts_the_value_and_refuses_unknown_kinds(
    kielce_report: ValidationReport,
) -> None:
    """of_kind takes a FindingKind or its string value; an unknown kind is a ValueError."""
    assert kielce_report.of_kind("missing_value") == kielce_report.of_kind(
        FindingKind.MISSING_VALUE
    )
    with pytest.raises(ValueError, match="no_such_kind"):
        kielce_report.of_kind("no_such_kind")


# --- synthetic strategies --------------------------------------------------------------------


def test_consistent_strategy_has_no_findings() -> None:
    """The factories' default strategy is consistent: no finding at all."""
    report = check(make_strategy())
    assert report.findings == ()
    assert report.ok is True
    assert len(report) == 0


@pytest.mark.parametrize(
    ("case", "kind", "code"),
    [
        ("duplicate-indicator", FindingKind.DUPLICATE_CODE, "T-1.1-01"),
        ("duplicate-project", FindingKind.DUPLICATE_CODE, "T-P-01"),
        ("indicator-unknown-goal", FindingKind.UNKNOWN_GOAL, "T-1.1-01"),
        ("link-unknown-goal", FindingKind.UNKNOWN_GOAL, "T-P-01"),
        ("link-unknown-strategic-goal", FindingKind.UNKNOWN_GOAL, "T-P-01"),
        ("unknown-direction", FindingKind.UNKNOWN_ACTION_DIRECTION, "T-P-01"),
        ("unknown-indicator", FindingKind.UNKNOWN_INDICATOR, "T-9.9-01"),
        ("unknown-survey-indicator", FindingKind.UNKNOWN_INDICATOR, "T-9.9-02"),
        ("impact-on-operational", FindingKind.LEVEL_MISMATCH, "T-1.1-01"),
        ("result-on-strategic", FindingKind.LEVEL_MISMATCH, "T-1.1-01"),
    ],
    ids=[
        "duplicate-indicator",
        "duplicate-project",
        "indicator-unknown-goal",
        "link-unknown-goal",
        "link-unknown-strategic-goal",
        "unknown-direction",
        "unknown-indicator",
        "unknown-survey-indicator",
        "impact-on-operational",
        "result-on-strategic",
    ],
)
def test_broken_links_are_errors(case: str, kind: FindingKind, code: str) -> None:
    """Broken codes and links are error findings, never exceptions; the report is not ok."""
    report = check(make_broken_strategy(case))
    findings = [f for f in report if f.kind is kind]
    assert [f.code for f in findings] == [code]
    assert findings[0].severity is Severity.ERROR
    assert report.ok is False


def test_finding_messages_name_the_unknown_codes() -> None:
    """Findings carry the offending goal, direction or indicator code, and their messages name it."""

    def first(case: str) -> Finding:
        return check(make_broken_strategy(case)).findings[0]

    assert first("indicator-unknown-goal").detail("goal") == "9.9"
    assert first("link-unknown-goal").detail("goal") == "1.9"
    assert first("unknown-direction").detail("action_direction") == "1.1-99"
    assert first("unknown-indicator").code == "T-9.9-01"
    assert first("link-unknown-goal").message.endswith(" 1.9")
    assert first("unknown-direction").message.endswith(" 1.1-99")


def test_duplicate_message_counts_the_copies() -> None:
    """A duplicate-code finding says how many items share the code."""
    finding = check(make_broken_strategy("duplicate-indicator")).of_kind(
        FindingKind.DUPLICATE_CODE
    )[0]
    assert (finding.variant, finding.detail("count")) == ("indicator", 2)
    assert finding.message == "the code T-1.1-01 occurs 2 times among the indicators"


def _with_indicator(*values: int, **indicator: object) -> Strategy:
    """A strategy with one indicator ``T-1.1-01`` and its values for 2021, 2022, … in order."""
    observations = [
        make_observation(year=2021 + index, value=Decimal(value), raw=str(value))
        for index, value in enumerate(values)
    ]
    return make_strategy(indicators=(make_indicator(**indicator),), observations=observations)


def test_target_kind_contradicting_direction() -> None:
    """An at_most target for a higher-is-better indicator is flagged with both kinds."""
    strategy = _with_indicator(4, 5, target=make_target(kind=TargetKind.AT_MOST, value=Decimal(10)))
    finding = only(check(strategy), FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION, "T-1.1-01")
    assert (finding.expected, finding.found) == ("at_least", "at_most")
    assert finding.severity is Severity.WARNING


def test_bound_target_contradicts_a_band_direction() -> None:
    """An at_least target for a within-range (nominanta) indicator is flagged: it wants a band."""
    strategy = _with_indicator(
        4,
        5,
        direction=Direction.WITHIN_RANGE,
        target=make_target(kind=TargetKind.AT_LEAST, value=Decimal(10)),
    )
    finding = only(check(strategy), FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION, "T-1.1-01")
    assert (finding.expected, finding.found) == ("within_range", "at_least")


def test_exactly_target_fits_any_direction() -> None:
    """An exactly target does not contradict a direction."""
    strategy = _with_indicator(4, 5, target=make_target(kind=TargetKind.EXACTLY))
    assert check(strategy).of_kind(FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION) == ()


@pytest.mark.parametrize(
    ("direction", "kind", "values", "target"),
    [
        (Direction.HIGHER_IS_BETTER, TargetKind.AT_LEAST, (20, 25), 10),
        (Direction.LOWER_IS_BETTER, TargetKind.AT_MOST, (20, 15), 30),
    ],
    ids=["higher-is-better-target-below", "lower-is-better-target-above"],
)
def test_target_on_the_wrong_side_of_the_base(
    direction: Direction, kind: TargetKind, values: tuple[int, int], target: int
) -> None:
    """A target that would be a step back from the base value contradicts the direction."""
    strategy = _with_indicator(
        *values, direction=direction, target=make_target(kind=kind, value=Decimal(target))
    )
    report = check(strategy)
    assert codes(report, FindingKind.TARGET_CONTRADICTS_DIRECTION) == {"T-1.1-01"}
    assert report.of_kind(FindingKind.TARGET_ALREADY_MET) == ()


def test_target_equal_to_base() -> None:
    """A target equal to the base value is met at the base."""
    strategy = _with_indicator(10, 12, target=make_target(value=Decimal(10)))
    report = check(strategy)
    assert codes(report, FindingKind.TARGET_MET_AT_BASE) == {"T-1.1-01"}
    assert report.of_kind(FindingKind.TARGET_CONTRADICTS_DIRECTION) == ()


def test_target_already_met_in_latest_year() -> None:
    """A target met in the latest year (but not at the base) is reported as already met."""
    strategy = _with_indicator(4, 8, 11, target=make_target(value=Decimal(10)))
    finding = only(check(strategy), FindingKind.TARGET_ALREADY_MET, "T-1.1-01")
    assert "2023" in finding.message
    assert finding.severity is Severity.INFO


def test_target_not_yet_met_is_no_finding() -> None:
    """Progress toward a target not yet met gives no target finding."""
    assert check(_with_indicator(4, 8, 9, target=make_target(value=Decimal(10)))).findings == ()


def test_satisfied_limit_is_not_a_contradiction() -> None:
    """A limit target already satisfied at the base is a bound finding, not a contradiction."""
    strategy = _with_indicator(
        18,
        17,
        direction=Direction.LOWER_IS_BETTER,
        target=make_target(kind=TargetKind.AT_MOST, value=Decimal(20), limit=True),
    )
    report = check(strategy)
    assert codes(report, FindingKind.BOUND_ALREADY_SATISFIED) == {"T-1.1-01"}
    assert report.of_kind(FindingKind.TARGET_CONTRADICTS_DIRECTION) == ()


def test_missing_values_do_not_count_as_base() -> None:
    """A missing base value is skipped: the first value present is the base."""
    observations = (
        make_observation(year=2021, value=None, missing=make_missing(), raw="- *"),
        make_observation(year=2022, value=Decimal(10), raw="10"),
        make_observation(year=2023, value=Decimal(12), raw="12"),
    )
    strategy = make_strategy(indicators=(make_indicator(),), observations=observations)
    report = check(strategy)
    assert codes(report, FindingKind.TARGET_MET_AT_BASE) == {"T-1.1-01"}
    assert codes(report, FindingKind.MISSING_VALUE) == {"T-1.1-01"}


def test_project_without_cost() -> None:
    """A project without a stated cost is a warning naming the project."""
    strategy = make_strategy(projects=(make_project(cost=None, name="Bez kosztu"),))
    finding = only(check(strategy), FindingKind.COST_NOT_STATED, "T-P-01")
    assert "Bez kosztu" in finding.message
    assert finding.severity is Severity.WARNING
    assert check(strategy).ok is True


@pytest.mark.parametrize(
    ("name", "unit", "survey"),
    [
        ("Odsetek mieszkańców", "count", False),
        ("Liczba mieszkańców", "percent", False),
        ("Ocena miasta", "count", True),
        ("Liczba zadań", "bogus_unit", False),
    ],
    ids=["share-name-count-unit", "count-name-percent-unit", "survey-not-percent", "unknown-unit"],
)
def test_unit_mismatch(name: str, unit: str, survey: bool) -> None:
    """Units that do not fit the name, a survey share not in percent and unknown units."""
    strategy = make_strategy(
        indicators=(make_indicator(name=name, unit=unit, survey=survey),), observations=()
    )
    finding = only(check(strategy), FindingKind.UNIT_MISMATCH, "T-1.1-01")
    assert finding.found == unit


def test_declared_mismatch_on_synthetic_report() -> None:
    """A declared total that disagrees with the completed project is named with both figures."""
    declared = make_declared(total_cost=Money(Decimal("999.99")))
    strategy = make_strategy(reports=(make_report(declared=declared),))
    finding = only(check(strategy), FindingKind.DECLARED_FIGURE_MISMATCH, "total")
    assert (finding.found, finding.expected) == (Money(Decimal("999.99")), Money(Decimal(1000)))
    assert "PLN\xa0999.99" in finding.message
    assert "PLN\xa01,000.00" in finding.message
    assert check(strategy, year=2023).findings == check(strategy).findings


def test_check_collects_every_problem_at_once() -> None:
    """Several problems in one strategy are all reported, and check does not raise."""
    strategy = make_strategy(
        indicators=(
            make_indicator(),
            make_indicator(),
            make_indicator(code="T-9-01", goal_code="9", level=Level.IMPACT),
        ),
        projects=(make_project(cost=None, links=(make_link(action_directions=("x",)),)),),
        observations=(make_observation(indicator="T-0"),),
    )
    report = check(strategy)
    assert {f.kind for f in report} >= {
        FindingKind.DUPLICATE_CODE,
        FindingKind.UNKNOWN_GOAL,
        FindingKind.UNKNOWN_ACTION_DIRECTION,
        FindingKind.UNKNOWN_INDICATOR,
        FindingKind.COST_NOT_STATED,
    }
    assert report.ok is False
    assert all(isinstance(f, Finding) and f.code for f in report)


def test_limit_not_met_in_the_latest_year(kielce_report: ValidationReport) -> None:
    """O3 (47 against "<45") and NOx (39 against 30) break their limits in 2023: warnings."""
    assert codes(kielce_report, FindingKind.LIMIT_NOT_MET) == {"KIE-2.4-03", "KIE-2.4-04"}
    finding = only(kielce_report, FindingKind.LIMIT_NOT_MET, "KIE-2.4-03")
    assert finding.severity is Severity.WARNING
    assert "2023" in finding.message
    assert "47" in finding.message


def test_limit_breached_after_being_met() -> None:
    """A limit met in the base year but broken in the latest year gives both findings."""
    limit = make_target(kind=TargetKind.AT_MOST, value=Decimal(40), limit=True, raw="40 ug/m3")
    strategy = make_strategy(
        indicators=(make_indicator(direction=Direction.LOWER_IS_BETTER, target=limit),),
        observations=(
            make_observation(year=2022, value=Decimal(24), raw="24"),
            make_observation(year=2023, value=Decimal(55), raw="55"),
        ),
    )
    report = check(strategy)
    assert codes(report, FindingKind.BOUND_ALREADY_SATISFIED) == {"T-1.1-01"}
    assert codes(report, FindingKind.LIMIT_NOT_MET) == {"T-1.1-01"}


def test_negative_cost_is_a_warning() -> None:
    """A negative project cost is reported, not silently summed."""
    strategy = make_strategy(projects=(make_project(cost=Money(Decimal("-5.00"))),))
    finding = only(check(strategy), FindingKind.NEGATIVE_COST, "T-P-01")
    assert finding.severity is Severity.WARNING
    assert finding.detail("cost") == Money(Decimal("-5.00"))
    assert finding.message.endswith("is negative: -PLN\xa05.00")


def test_mixed_currencies_are_a_finding_not_an_exception() -> None:
    """Costs in PLN and EUR make check report an error instead of raising while summing."""
    strategy = make_strategy(
        projects=(
            make_project(),
            make_project(code="T-P-02", name="W euro", cost=Money(Decimal(10), "EUR")),
        ),
        reports=(make_report(),),
    )
    report = check(strategy)
    assert codes(report, FindingKind.MIXED_CURRENCIES) == {"test-2030"}
    assert report.ok is False
    assert report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH) == ()


# --- plausibility and target years -----------------------------------------------------------


def _valued(unit: str, *values: str, **indicator: object) -> Strategy:
    """One indicator ``T-1.1-01`` in *unit*, no target unless given, with *values* for 2022, …"""
    observations = [
        make_observation(year=2022 + i, value=Decimal(v), raw=v) for i, v in enumerate(values)
    ]
    return make_strategy(
        indicators=(make_indicator(**{"unit": unit, "target": None, **indicator}),),
        observations=observations,
    )


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("percent", "0..100"),
        ("count", "0.."),
        ("person", "0.."),
        ("inhabitant", "0.."),
        ("PLN", "0.."),
        ("kPLN", "0.."),
        ("EUR", "0.."),
        ("PLN / inhabitant", "0.."),
        ("day", None),
        ("microgram / meter ** 3", None),
        ("count / thousand_inhabitants", None),
        ("banan", None),
    ],
)
def test_plausible_range_assumed_from_the_unit(unit: str, expected: str | None) -> None:
    """Percent lies in 0..100; counts, persons and money are not negative; other units: none."""
    found = plausible_range(make_indicator(unit=unit))
    assert (None if found is None else str(found)) == expected


def test_declared_range_is_the_plausible_range() -> None:
    """A declared value_range replaces the one assumed from the unit."""
    declared = ValueRange(low=Decimal(-10), high=Decimal(10))
    assert plausible_range(make_indicator(unit="percent", value_range=declared)) == declared


@pytest.mark.parametrize(
    ("unit", "values", "year", "value"),
    [
        ("percent", ("146", "20"), "2022", "146"),
        ("percent", ("20", "-4.6"), "2023", "-4.6"),
        ("person", ("-1", "3"), "2022", "-1"),
        ("PLN", ("100", "-0.01"), "2023", "-0.01"),
    ],
    ids=["share-above-100", "negative-share", "negative-persons", "negative-money"],
)
def test_value_out_of_range_is_a_warning(
    unit: str, values: tuple[str, ...], year: str, value: str
) -> None:
    """A value outside the plausible range is a warning naming indicator, year and value."""
    finding = only(check(_valued(unit, *values)), FindingKind.VALUE_OUT_OF_RANGE, "T-1.1-01")
    assert finding.severity is Severity.WARNING
    assert (finding.detail("year"), finding.detail("value")) == (
        int(year),
        Measure(Decimal(value), unit, value),
    )
    assert f"for {year} is outside the range assumed for its unit" in finding.message
    assert finding.variant == "assumed"


def test_value_outside_a_declared_range() -> None:
    """A value above a declared upper end is reported as outside the declared range."""
    strategy = _valued(
        "day", "30", "400", value_range=ValueRange(low=Decimal(0), high=Decimal(366))
    )
    finding = only(check(strategy), FindingKind.VALUE_OUT_OF_RANGE, "T-1.1-01")
    assert (finding.detail("year"), str(finding.detail("range")), finding.variant) == (
        2023,
        "0..366",
        "declared",
    )


def test_values_on_the_ends_of_the_range_are_plausible() -> None:
    """0 % and 100 % are inside 0..100: no finding."""
    assert not check(_valued("percent", "0", "100")).of_kind(FindingKind.VALUE_OUT_OF_RANGE)


@pytest.mark.parametrize("unit", ["count", "person", "inhabitant"])
def test_fractional_count_is_a_warning(unit: str) -> None:
    """170,5 of a count of people or things is not a whole number: a warning naming it."""
    finding = only(check(_valued(unit, "181", "170.5")), FindingKind.VALUE_NOT_WHOLE, "T-1.1-01")
    assert finding.severity is Severity.WARNING
    assert finding.detail("year") == 2023
    assert finding.detail("value") == Measure(Decimal("170.5"), unit, "170.5")


def test_whole_count_with_decimal_zeros_is_whole() -> None:
    """'170,0' persons is whole: no finding."""
    assert not check(_valued("person", "170.0")).of_kind(FindingKind.VALUE_NOT_WHOLE)


def test_fraction_of_a_rate_is_fine() -> None:
    """A count per 1000 inhabitants may be fractional: no finding."""
    strategy = _valued("count / thousand_inhabitants", "2.5", "3.25")
    assert not check(strategy).of_kind(FindingKind.VALUE_NOT_WHOLE)


def test_target_year_before_the_base_year_is_a_warning() -> None:
    """A target due in 2022 when the first value is from 2023 is a warning naming both years."""
    strategy = make_strategy(
        indicators=(make_indicator(target=make_target(year=2022)),),
        observations=(make_observation(year=2023),),
    )
    finding = only(check(strategy), FindingKind.TARGET_YEAR_BEFORE_BASE, "T-1.1-01")
    assert finding.severity is Severity.WARNING
    assert (finding.detail("target_year"), finding.detail("year")) == (2022, 2023)


def test_target_year_of_the_base_year_is_fine() -> None:
    """A target due in the base year itself is no finding of that kind."""
    strategy = make_strategy(
        indicators=(make_indicator(target=make_target(year=2023)),),
        observations=(make_observation(year=2023),),
    )
    assert not check(strategy).of_kind(FindingKind.TARGET_YEAR_BEFORE_BASE)


@pytest.mark.parametrize(
    ("target", "found"),
    [
        (make_target(value=Decimal(146), raw="146%"), "146"),
        (
            make_target(
                kind=TargetKind.WITHIN_RANGE,
                value=None,
                low=Decimal(-5),
                high=Decimal(5),
                raw="-5–5",
            ),
            "-5",
        ),
    ],
    ids=["share-target-above-100", "range-target-below-0"],
)
def test_target_out_of_range_is_a_warning(target: Target, found: str) -> None:
    """A target a percentage can never reach is a warning naming the target as printed."""
    strategy = _valued("percent", "20", "30", target=target)
    finding = only(check(strategy), FindingKind.TARGET_OUT_OF_RANGE, "T-1.1-01")
    assert finding.severity is Severity.WARNING
    assert finding.found == Measure(Decimal(found), "percent", target.raw)
    assert finding.detail("target") == finding.found
    assert str(finding.detail("range")) == "0..100"


def test_target_inside_the_range_is_no_finding() -> None:
    """A 100% target of a share is plausible: no finding."""
    strategy = _valued("percent", "20", "30", target=make_target(value=Decimal(100)))
    assert not check(strategy).of_kind(FindingKind.TARGET_OUT_OF_RANGE)


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ('=HYPERLINK("http://example.com")', True),
        ("+48 41 367 00 00", True),
        ("@SUMA(A1:A3)", True),
        ("-2+3", True),
        ("- budowa ścieżek rowerowych", False),
        ("Budowa ścieżek rowerowych", False),
    ],
    ids=["equals", "plus", "at", "minus-formula", "list-item", "plain"],
)
def test_formula_like_project_name(name: str, flagged: bool) -> None:
    """A text a spreadsheet would run as a formula is a warning; a '- ' list item is not."""
    strategy = make_strategy(projects=(make_project(name=name),))
    found = check(strategy).of_kind(FindingKind.FORMULA_LIKE_TEXT)
    assert [(f.code, f.variant, f.found) for f in found] == (
        [("T-P-01", "name", name)] if flagged else []
    )
    if flagged:
        assert found[0].severity is Severity.WARNING


def _sampled(*values: str) -> Strategy:
    """The count ``T-1.1-01`` as the survey-responses indicator, with *values* for 2022, 2023, …"""
    observations = [
        make_observation(year=2022 + i, value=Decimal(v.replace(",", ".")), raw=v)
        for i, v in enumerate(values)
    ]
    return make_strategy(survey_responses_indicator="T-1.1-01", observations=observations)


@pytest.mark.parametrize("size", ["0", "-3", "12,5"])
def test_an_unusable_survey_sample_is_an_error(size: str) -> None:
    """A sample size of 0, negative or fractional is an error on its year; 593 is none."""
    report = check(_sampled("593", size))
    (finding,) = report.of_kind(FindingKind.SURVEY_SAMPLE_UNUSABLE)
    assert (finding.code, finding.detail("year")) == ("T-1.1-01", 2023)
    assert finding.found == Measure(Decimal(size.replace(",", ".")), "count", size)
    assert finding.severity is Severity.ERROR
    assert not report.ok
    assert "is the survey's sample size, yet it is not a whole number above 0" in finding.message


def test_usable_survey_samples_and_other_counts_are_no_finding(
    kielce_report: ValidationReport,
) -> None:
    """Whole sizes above 0 (Kielce's 593 and 248) are fine; a 0 of another count is no sample."""
    assert kielce_report.of_kind(FindingKind.SURVEY_SAMPLE_UNUSABLE) == ()
    assert check(_sampled("593", "248")).of_kind(FindingKind.SURVEY_SAMPLE_UNUSABLE) == ()
    zero = make_strategy(observations=(make_observation(value=Decimal(0), raw="0"),))
    assert check(zero).of_kind(FindingKind.SURVEY_SAMPLE_UNUSABLE) == ()
