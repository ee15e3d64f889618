"""Every public function refuses bad arguments and unknown codes with a CityStrategyError that is
also the matching builtin, and says what it got."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import CodeType, TracebackType
from typing import Any

import attrs
import pandas as pd
import pytest

import citystrategy
from citystrategy import check, cities, costs, errors, frames, funding, io, territories, units
from citystrategy import collect as cl
from citystrategy import compare as cmp
from citystrategy import formatting as fmt
from citystrategy import progress as pr
from citystrategy import reports as rp
from citystrategy.errors import (
    ArgumentError,
    ArgumentTypeError,
    AssessmentError,
    CityStrategyError,
    FrameError,
    ModelError,
    TerytError,
    UnknownCodeError,
    UnknownTerritoryError,
    UnsupportedFormatError,
    YearError,
    ZeroAmountError,
)
from citystrategy.io import bdl, catalogue_files
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Catalogue, Strategy, TerritoryKind
from citystrategy.money import ExchangeRate, Money
from citystrategy.percent import Percent, as_percent, fraction_level
from citystrategy.programs import city_profile, get_program, zmp
from citystrategy.reports import comparison
from citystrategy.reports.annual import annual_report, summary_section
from citystrategy.reports.cells import cell_text, table_rows
from citystrategy.reports.charts import ChartImages, indicator_chart, render_chart
from citystrategy.reports.csv import to_csv, write_csv
from citystrategy.reports.document import infer_columns
from citystrategy.reports.excel import excel_number_format
from citystrategy.reports.html import to_html, write_html
from citystrategy.reports.markdown import to_markdown, write_markdown
from citystrategy.reports.pdf import write_pdf
from citystrategy.reports.site import site_slug, write_site
from citystrategy.reports.tables import indicators as rt
from citystrategy.reports.tables import programs as rtp
from citystrategy.reports.tables import projects as report_tables
from citystrategy.reports.word import to_word, write_word
from citystrategy.reports.writers import check_target, write_report
from citystrategy.units import Q_
from citystrategy.validation import plausible_range
from tests.test_reference_doc import MODULES


def bad(value: object) -> Any:
    """*value* typed as Any, to pass it where the signature forbids it."""
    return value


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """The shipped ZMP catalogue."""
    return zmp.load()


@attrs.frozen
class Case:
    """A call with a bad argument, the builtin its error must also be, and a text it must show."""

    call: Callable[[Strategy, Catalogue], object]
    builtin: type[Exception]
    error: type[CityStrategyError]
    shows: str


HIB = "higher_is_better"
SERIES = {2020: 1.0, 2021: 2.0}
RATE = ExchangeRate(base="EUR", quote="PLN", rate=Decimal("4.3480"), on=dt.date(2023, 12, 29))

CASES: dict[str, Case] = {
    "form-groups-by": Case(
        lambda s, c: cl.form_groups(s, 2024, by="unit"), ValueError, ArgumentError, "'unit'"
    ),
    "source-kind-indicator": Case(
        lambda s, c: cl.source_kind(bad("KIE-1-01")),
        TypeError,
        ArgumentTypeError,
        "'KIE-1-01'",
    ),
    "write-forms-year": Case(
        lambda s, c: cl.write_forms(s, bad("2024"), "formularze"),
        TypeError,
        ArgumentTypeError,
        "'2024'",
    ),
    "merge-forms-factor": Case(
        lambda s, c: cl.merge_forms(s, 2024, [], change_factor=1), ValueError, ArgumentError, "1"
    ),
    "form-paths-item": Case(
        lambda s, c: cl.form_paths([bad(5)]), TypeError, ArgumentTypeError, "5"
    ),
    "form-status-year": Case(
        lambda s, c: cl.form_status(s, bad("2024"), []), TypeError, ArgumentTypeError, "'2024'"
    ),
    "status-titles-locale": Case(
        lambda s, c: cl.status_titles("xx_YY"), ValueError, ArgumentError, "'xx_YY'"
    ),
    "log-frame-result": Case(
        lambda s, c: cl.log_frame(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "log-table-result": Case(
        lambda s, c: cl.log_table(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "write-merge-result": Case(
        lambda s, c: cl.write_merge(bad("x"), "kielce-2024"), TypeError, ArgumentTypeError, "'x'"
    ),
    "read-form-path": Case(lambda s, c: cl.read_form(bad(5)), TypeError, ArgumentTypeError, "5"),
    "write-template-strategy": Case(
        lambda s, c: cl.write_template("strategia.xlsx", strategy=bad("kielce")),
        TypeError,
        ArgumentTypeError,
        "'kielce'",
    ),
    "read-template-path": Case(
        lambda s, c: cl.read_template(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "percent-bool": Case(lambda s, c: Percent(bad(True)), TypeError, ArgumentTypeError, "True"),
    "percent-text": Case(lambda s, c: Percent("85%"), ValueError, ArgumentError, "'85%'"),
    "as-percent-bare": Case(
        lambda s, c: as_percent(Decimal("0.85"), "rate"),
        TypeError,
        ArgumentTypeError,
        "Percent(85)",
    ),
    "fraction-level-percent": Case(
        lambda s, c: fraction_level(95, "level"), ValueError, ArgumentError, "95"
    ),
    "infer-columns-not-frame": Case(
        lambda s, c: infer_columns(bad([1, 2])), TypeError, ArgumentTypeError, "[1, 2]"
    ),
    "cell-text-column": Case(
        lambda s, c: cell_text(1, bad("money")), TypeError, ArgumentTypeError, "'money'"
    ),
    "table-rows-frame": Case(
        lambda s, c: table_rows(bad([1, 2])), TypeError, ArgumentTypeError, "[1, 2]"
    ),
    "to-markdown-report": Case(
        lambda s, c: to_markdown(bad("raport")), TypeError, ArgumentTypeError, "'raport'"
    ),
    "write-markdown-report": Case(
        lambda s, c: write_markdown(bad("raport"), "r.md"), TypeError, ArgumentTypeError, "'raport'"
    ),
    "to-html-report": Case(
        lambda s, c: to_html(bad("raport")), TypeError, ArgumentTypeError, "'raport'"
    ),
    "write-html-report": Case(
        lambda s, c: write_html(bad("raport"), "r.html"), TypeError, ArgumentTypeError, "'raport'"
    ),
    "write-site-strategy": Case(
        lambda s, c: write_site(bad("kielce"), 2023, "site"),
        TypeError,
        ArgumentTypeError,
        "'kielce'",
    ),
    "site-slug-code": Case(lambda s, c: site_slug(bad(7)), TypeError, ArgumentTypeError, "7"),
    "write-pdf-report": Case(
        lambda s, c: write_pdf(bad("raport"), "r.pdf"), TypeError, ArgumentTypeError, "'raport'"
    ),
    "to-word-report": Case(
        lambda s, c: to_word(bad("raport")), TypeError, ArgumentTypeError, "'raport'"
    ),
    "write-word-report": Case(
        lambda s, c: write_word(bad("raport"), "r.docx"), TypeError, ArgumentTypeError, "'raport'"
    ),
    "write-csv-frame": Case(
        lambda s, c: write_csv(bad([1, 2]), bad(None)), TypeError, ArgumentTypeError, "[1, 2]"
    ),
    "to-csv-frame": Case(
        lambda s, c: to_csv(bad([1, 2]), "x.csv"), TypeError, ArgumentTypeError, "[1, 2]"
    ),
    "annual-report-year": Case(
        lambda s, c: annual_report(s, bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    "summary-section-strategy": Case(
        lambda s, c: summary_section(bad("kielce"), 2023), TypeError, ArgumentTypeError, "'kielce'"
    ),
    "check-target-format": Case(
        lambda s, c: check_target("raport.odt"), ValueError, UnsupportedFormatError, "raport.odt"
    ),
    "write-report-path": Case(
        lambda s, c: write_report(annual_report(s, 2023, data=False), bad(5)),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "excel-number-format-kind": Case(
        lambda s, c: excel_number_format("euro"), ValueError, ArgumentError, "'euro'"
    ),
    "write-excel-not-report": Case(
        lambda s, c: rp.write_excel(bad("raport"), "raport.xlsx"),
        TypeError,
        ArgumentTypeError,
        "'raport'",
    ),
    "render-chart-not-chart": Case(
        lambda s, c: render_chart(bad("Wykres 1")), TypeError, ArgumentTypeError, "'Wykres 1'"
    ),
    "indicator-chart-not-indicator": Case(
        lambda s, c: indicator_chart(bad("KIE-1-01"), s.observations),
        TypeError,
        ArgumentTypeError,
        "'KIE-1-01'",
    ),
    "chart-images-svg-not-chart": Case(
        lambda s, c: ChartImages().svg(bad("Wykres 1")), TypeError, ArgumentTypeError, "'Wykres 1'"
    ),
    "chart-images-png-not-chart": Case(
        lambda s, c: ChartImages().png(bad("Wykres 1")), TypeError, ArgumentTypeError, "'Wykres 1'"
    ),
    "chart-images-png-pages-not-chart": Case(
        lambda s, c: ChartImages().png_pages(bad("Wykres 1"), height=6),
        TypeError,
        ArgumentTypeError,
        "'Wykres 1'",
    ),
    "programs-table-not-programs": Case(
        lambda s, c: rtp.programs_table(bad(["ZMP-PPP"])), TypeError, ArgumentTypeError, "'ZMP-PPP'"
    ),
    "programs-report-name": Case(
        lambda s, c: rtp.programs_report(c.programs, catalogue_name=bad(5)),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "program-report-code": Case(
        lambda s, c: rtp.program_report(bad("ZMP-PPP")), TypeError, ArgumentTypeError, "'ZMP-PPP'"
    ),
    "profile-table-name": Case(
        lambda s, c: rtp.profile_table(bad("Kielce")), TypeError, ArgumentTypeError, "'Kielce'"
    ),
    "profile-report-locale": Case(
        lambda s, c: rtp.profile_report(
            city_profile("Kielce"), catalogue_name="ZMP", locale="xx_YY"
        ),
        ValueError,
        ArgumentError,
        "'xx_YY'",
    ),
    # look-ups by an unknown code
    "goal": Case(lambda s, c: s.goal("9.9"), KeyError, UnknownCodeError, "'9.9'"),
    "indicator": Case(lambda s, c: s.indicator("X"), KeyError, UnknownCodeError, "'X'"),
    "project": Case(lambda s, c: s.project("P-0"), KeyError, UnknownCodeError, "'P-0'"),
    "report": Case(lambda s, c: s.report(1999), KeyError, UnknownCodeError, "1999"),
    "catalogue-program": Case(
        lambda s, c: c.program("ZMP-NONE"), KeyError, UnknownCodeError, "'ZMP-NONE'"
    ),
    "noun": Case(
        lambda s, c: fmt.format_count(2, "spaceship"), KeyError, UnknownCodeError, "'spaceship'"
    ),
    # years outside the data, and years that are not ints
    "check-year-without-report": Case(
        lambda s, c: check(s, year=1999), ValueError, YearError, "1999"
    ),
    "check-year-str": Case(
        lambda s, c: check(s, year=bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    "compare-declared-year": Case(
        lambda s, c: costs.compare_declared(s, 2022), ValueError, YearError, "2022"
    ),
    "discrepancies-year-str": Case(
        lambda s, c: costs.discrepancies(s, bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    "completed-total-year-str": Case(
        lambda s, c: costs.completed_total(s, bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    "completed-projects-year-str": Case(
        lambda s, c: costs.completed_projects(s, bad("2023")),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "completed-by-goal-outside-period": Case(
        lambda s, c: costs.completed_by_goal(s, 1999), ValueError, YearError, "1999"
    ),
    "completed-summary-outside-period": Case(
        lambda s, c: costs.completed_summary(s, 2031), ValueError, YearError, "2031"
    ),
    "summary-data-year-float": Case(
        lambda s, c: rp.summary_data(s, bad(2023.0)), TypeError, ArgumentTypeError, "2023.0"
    ),
    "introduction-table-no-report": Case(
        lambda s, c: report_tables.introduction_table(s, 2022), KeyError, YearError, "2022"
    ),
    "completed-projects-table-year-str": Case(
        lambda s, c: report_tables.completed_projects_table(s, bad("2023")),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "goal-costs-table-no-report": Case(
        lambda s, c: report_tables.goal_costs_table(s, 2025), ValueError, YearError, "2025"
    ),
    "goal-spending-table-outside-period": Case(
        lambda s, c: report_tables.goal_spending_table(s, 2040), ValueError, YearError, "2040"
    ),
    "report-texts-table-year-float": Case(
        lambda s, c: report_tables.report_texts_table(s, bad(2023.0)),
        TypeError,
        ArgumentTypeError,
        "2023.0",
    ),
    "adopted-documents-table-no-report": Case(
        lambda s, c: report_tables.adopted_documents_table(s, 2030), KeyError, YearError, "2030"
    ),
    "introduction-section-locale": Case(
        lambda s, c: report_tables.introduction_section(s, 2023, locale="xx_YY"),
        ValueError,
        ArgumentError,
        "'xx_YY'",
    ),
    "projects-section-no-report": Case(
        lambda s, c: report_tables.projects_section(s, 2024), KeyError, YearError, "2024"
    ),
    "texts-sections-strategy": Case(
        lambda s, c: report_tables.texts_sections(bad("kielce"), 2023),
        TypeError,
        ArgumentTypeError,
        "'kielce'",
    ),
    "observation-year-str": Case(
        lambda s, c: s.observation("KIE-1-01", bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    "catalogue-by-year-str": Case(
        lambda s, c: c.by_year(bad("2020")), TypeError, ArgumentTypeError, "'2020'"
    ),
    "assess-year-str": Case(
        lambda s, c: pr.assess(s, year=bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    "assess-year-before-data": Case(
        lambda s, c: pr.assess(s, year=1999), ValueError, YearError, "1999"
    ),
    "assess-year-after-data": Case(
        lambda s, c: pr.assess(s, year=2100), ValueError, YearError, "2100"
    ),
    "assess-goals-year-str": Case(
        lambda s, c: pr.assess_goals(s, year=bad("2023")), TypeError, ArgumentTypeError, "'2023'"
    ),
    # assessment options
    "assess-method": Case(
        lambda s, c: pr.assess(s, year=2023, method="median"), ValueError, ArgumentError, "median"
    ),
    "assess-window-zero": Case(
        lambda s, c: pr.assess(s, year=2023, window=0), ValueError, ArgumentError, "0"
    ),
    "assess-window-str": Case(
        lambda s, c: pr.assess(s, year=2023, window=bad("2")), TypeError, ArgumentTypeError, "'2'"
    ),
    "assess-base-year-str": Case(
        lambda s, c: pr.assess(s, year=2023, base_year=bad("2022")),
        TypeError,
        ArgumentTypeError,
        "'2022'",
    ),
    "assess-alpha": Case(
        lambda s, c: pr.assess(s, year=2023, alpha=2.0), ValueError, ArgumentError, "2.0"
    ),
    "assess-zero": Case(
        lambda s, c: pr.assess(s, year=2023, zero="ignore"), ValueError, ArgumentError, "ignore"
    ),
    "assess-thresholds-tuple": Case(
        lambda s, c: pr.assess(s, year=2023, thresholds=bad((0.9, 0.5))),
        TypeError,
        ArgumentTypeError,
        "(0.9, 0.5)",
    ),
    "assess-goals-min-coverage": Case(
        lambda s, c: pr.assess_goals(s, year=2023, min_coverage=Percent(150)),
        ValueError,
        ArgumentError,
        "150",
    ),
    "assess-goals-min-coverage-bare": Case(
        lambda s, c: pr.assess_goals(s, year=2023, min_coverage=bad(0.6)),
        TypeError,
        ArgumentTypeError,
        "Percent(85)",
    ),
    "assess-goals-min-coverage-str": Case(
        lambda s, c: pr.assess_goals(s, year=2023, min_coverage=bad("0.5")),
        TypeError,
        ArgumentTypeError,
        "'0.5'",
    ),
    "assess-goals-unknown-option": Case(
        lambda s, c: pr.assess_goals(s, year=2023, windows=3),
        TypeError,
        ArgumentTypeError,
        "'windows'",
    ),
    # the annual report's indicator tables and sections
    "values-table-not-strategy": Case(
        lambda s, c: rt.indicator_values_table(bad("kielce"), 2023),
        TypeError,
        ArgumentTypeError,
        "'kielce'",
    ),
    "values-table-options": Case(
        lambda s, c: rt.indicator_values_table(s, 2023, options=bad({"window": 5})),
        TypeError,
        ArgumentTypeError,
        "{'window': 5}",
    ),
    "goal-scores-table-bare-coverage": Case(
        lambda s, c: rt.goal_scores_table(s, 2023, min_coverage=bad(60)),
        TypeError,
        ArgumentTypeError,
        "60",
    ),
    "findings-table-not-report": Case(
        lambda s, c: rt.findings_table(bad([])), TypeError, ArgumentTypeError, "[]"
    ),
    "observations-table-not-strategy": Case(
        lambda s, c: rt.observations_table(bad(None)), TypeError, ArgumentTypeError, "None"
    ),
    "indicators-section-locale": Case(
        lambda s, c: rt.indicators_section(s, 2023, locale="xx_YY"),
        ValueError,
        ArgumentError,
        "'xx_YY'",
    ),
    "goal-scores-section-year": Case(
        lambda s, c: rt.goal_scores_section(s, bad("2023")),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "findings-section-year": Case(
        lambda s, c: rt.findings_section(s, year=bad(2023.0)),
        TypeError,
        ArgumentTypeError,
        "2023.0",
    ),
    "data-table-block-not-strategy": Case(
        lambda s, c: rt.data_table_block(bad("kielce")), TypeError, ArgumentTypeError, "'kielce'"
    ),
    "assess-goals-table-columns": Case(
        lambda s, c: pr.assess_goals(s, year=2023, table=pd.DataFrame({"code": ["X"]})),
        ValueError,
        AssessmentError,
        "goal",
    ),
    "assess-frame-method": Case(
        lambda s, c: pr.assess_frame(
            s.observations_frame(), pr.indicator_metadata(s), method="median"
        ),
        ValueError,
        ArgumentError,
        "median",
    ),
    "assess-frame-year-str": Case(
        lambda s, c: pr.assess_frame(
            s.observations_frame(), pr.indicator_metadata(s), year=bad("2023")
        ),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "assess-frame-observation-columns": Case(
        lambda s, c: pr.assess_frame(pd.DataFrame({"x": [1]}), pr.indicator_metadata(s)),
        ValueError,
        FrameError,
        "territory",
    ),
    "assess-frame-metadata-columns": Case(
        lambda s, c: pr.assess_frame(s.observations_frame(), pd.DataFrame({"x": [1]})),
        ValueError,
        AssessmentError,
        "indicator",
    ),
    "assess-frame-metadata-text": Case(
        lambda s, c: pr.assess_frame(
            s.observations_frame(), pr.indicator_metadata(s).assign(target="dużo")
        ),
        ValueError,
        AssessmentError,
        "'target'",
    ),
    "assess-series-method": Case(
        lambda s, c: pr.assess_series(SERIES, direction=HIB, method="median"),
        ValueError,
        ArgumentError,
        "median",
    ),
    "assess-series-window": Case(
        lambda s, c: pr.assess_series(SERIES, direction=HIB, window=-1),
        ValueError,
        ArgumentError,
        "-1",
    ),
    "assess-series-year-str": Case(
        lambda s, c: pr.assess_series(SERIES, direction=HIB, year=bad("2021")),
        TypeError,
        ArgumentTypeError,
        "'2021'",
    ),
    "assess-series-target-str": Case(
        lambda s, c: pr.assess_series(SERIES, direction=HIB, target=bad("5")),
        TypeError,
        ArgumentTypeError,
        "'5'",
    ),
    "assess-series-value-str": Case(
        lambda s, c: pr.assess_series({2020: bad("1,5"), 2021: 2.0}, direction=HIB),
        ValueError,
        AssessmentError,
        "'1,5'",
    ),
    "assess-series-values-int": Case(
        lambda s, c: pr.assess_series(bad(5), direction=HIB),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "assess-series-range-one-bound": Case(
        lambda s, c: pr.assess_series(SERIES, direction="within_range", target_range=bad((1,))),
        TypeError,
        ArgumentTypeError,
        "(1,)",
    ),
    "year-on-year-unit": Case(
        lambda s, c: pr.year_on_year(SERIES, direction=HIB, unit=bad(None)),
        TypeError,
        ArgumentTypeError,
        "None",
    ),
    "year-on-year-alpha": Case(
        lambda s, c: pr.year_on_year(SERIES, direction=HIB, unit="percent", alpha=0.0),
        ValueError,
        ArgumentError,
        "0.0",
    ),
    "thresholds-str": Case(
        lambda s, c: pr.Thresholds(bad("0.9"), 0.5), TypeError, ArgumentTypeError, "'0.9'"
    ),
    "status-from-score-nan": Case(
        lambda s, c: pr.status_from_score(float("nan")), ValueError, ArgumentError, "nan"
    ),
    "limit-factor-str": Case(
        lambda s, c: pr.limit_factor(bad("5"), 100.0), TypeError, ArgumentTypeError, "'5'"
    ),
    "wilson-interval-n-float": Case(
        lambda s, c: pr.wilson_interval(Percent(50), bad(2.5)), TypeError, ArgumentTypeError, "2.5"
    ),
    "wilson-interval-bare-share": Case(
        lambda s, c: pr.wilson_interval(bad(0.052), 248), TypeError, ArgumentTypeError, "0.052"
    ),
    "progress-options-window": Case(
        lambda s, c: pr.ProgressOptions(window=0), ValueError, ArgumentError, "0"
    ),
    "two-proportion-str": Case(
        lambda s, c: pr.two_proportion_p_value(bad("0.1"), 10, 0.2, 10),
        TypeError,
        ArgumentTypeError,
        "'0.1'",
    ),
    "format-assessment-method": Case(
        lambda s, c: rp.format_assessment(pr.assess(s, year=2023), year=2023, method="median"),
        ValueError,
        ArgumentError,
        "median",
    ),
    "format-assessment-bare-coverage": Case(
        lambda s, c: rp.format_assessment(pr.assess(s, year=2023), year=2023, min_coverage=0.6),
        TypeError,
        ArgumentTypeError,
        "Percent(",
    ),
    "format-assessment-table": Case(
        lambda s, c: rp.format_assessment(pd.DataFrame({"code": ["X"]}), year=2023),
        ValueError,
        AssessmentError,
        "status",
    ),
    # options of other calculations
    "of-kind": Case(
        lambda s, c: check(s).of_kind("no_such_kind"), ValueError, ArgumentError, "no_such_kind"
    ),
    "goal-costs-level": Case(
        lambda s, c: costs.goal_costs(s, level="district"), ValueError, ArgumentError, "district"
    ),
    "program-figure-kind": Case(
        lambda s, c: c.programs[0].figure("budget"), ValueError, ArgumentError, "budget"
    ),
    "program-rate-kind": Case(
        lambda s, c: c.programs[0].rate("interest"), ValueError, ArgumentError, "interest"
    ),
    "catalogue-profile-int": Case(
        lambda s, c: c.profile(bad(2661011)), TypeError, ArgumentTypeError, "2661011"
    ),
    "catalogue-by-theme-none": Case(
        lambda s, c: c.by_theme(bad(None)), TypeError, ArgumentTypeError, "None"
    ),
    "get-program-int": Case(lambda s, c: get_program(bad(1)), TypeError, ArgumentTypeError, "1"),
    "funding-total-kind": Case(
        lambda s, c: funding.total(c.programs, "budget"), ValueError, ArgumentError, "budget"
    ),
    "funding-grant-float-rate": Case(
        lambda s, c: funding.grant(Money(100), bad(0.85)), TypeError, ArgumentTypeError, "0.85"
    ),
    "funding-grant-not-money": Case(
        lambda s, c: funding.grant(bad(100), Percent(85)), TypeError, ArgumentTypeError, "100"
    ),
    "funding-grant-decimal-rate": Case(
        lambda s, c: funding.grant(Money(100), bad(Decimal("0.85"))),
        TypeError,
        ArgumentTypeError,
        "Percent(85) for 85%",
    ),
    "own-contribution-int-rate": Case(
        lambda s, c: funding.own_contribution(Money(100), bad(85)),
        TypeError,
        ArgumentTypeError,
        "Q_(85, 'percent')",
    ),
    "funding-rate-of-zero": Case(
        lambda s, c: funding.funding_rate(Money(1), Money(0)),
        ZeroDivisionError,
        ZeroAmountError,
        "0 PLN",
    ),
    "rate-interval-zero-precision": Case(
        lambda s, c: funding.rate_interval(Money(1), Money(10), total_precision=Decimal(0)),
        ValueError,
        ArgumentError,
        "Decimal('0')",
    ),
    "rate-interval-zero-total": Case(
        lambda s, c: funding.rate_interval(Money(0), Money(0)),
        ValueError,
        ArgumentError,
        "Decimal('0')",
    ),
    "to-currency-not-rate": Case(
        lambda s, c: funding.to_currency(Money(1), bad(4)), TypeError, ArgumentTypeError, "4"
    ),
    "money-float": Case(lambda s, c: Money(bad(1.5)), TypeError, ArgumentTypeError, "1.5"),
    "money-ratio-zero": Case(
        lambda s, c: Money(1).ratio(Money(0)), ZeroDivisionError, ZeroAmountError, "1 PLN"
    ),
    "exchange-rate-date-str": Case(
        lambda s, c: ExchangeRate(base="EUR", quote="PLN", rate=4, on=bad("2023-12-29")),
        TypeError,
        ArgumentTypeError,
        "'2023-12-29'",
    ),
    "exchange-rate-convert": Case(
        lambda s, c: RATE.convert(bad(Decimal(1))), TypeError, ArgumentTypeError, "Decimal('1')"
    ),
    "check-unit-int": Case(
        lambda s, c: units.check_unit(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "to-quantity-str": Case(
        lambda s, c: units.to_quantity(bad("1"), "percent"), TypeError, ArgumentTypeError, "'1'"
    ),
    "validate-long-not-frame": Case(
        lambda s, c: frames.validate_long(bad("frame")), TypeError, ArgumentTypeError, "'frame'"
    ),
    "render-table-align": Case(
        lambda s, c: rp.render_table(["a", "b"], [["1", "2"]], align="c"),
        ValueError,
        ArgumentError,
        "'c'",
    ),
    "render-table-row": Case(
        lambda s, c: rp.render_table(["a", "b"], [["1"]]), ValueError, ArgumentError, "['1']"
    ),
    "render-table-width": Case(
        lambda s, c: rp.render_table(["a"], [["1"]], width=0), ValueError, ArgumentError, "0"
    ),
    "format-assessment-column": Case(
        lambda s, c: rp.format_assessment(pr.assess(s, year=2023), year=2023, columns=["kod", "x"]),
        ValueError,
        ArgumentError,
        "'Wartość docelowa'",
    ),
    "format-target-raw-text": Case(
        lambda s, c: fmt.format_target(bad("14,3%"), "percent"),
        TypeError,
        ArgumentTypeError,
        "14,3%",
    ),
    # formatting
    "format-date-str": Case(
        lambda s, c: fmt.format_date(bad("2022-06-09")), TypeError, ArgumentTypeError, "2022-06-09"
    ),
    "format-date-style": Case(
        lambda s, c: fmt.format_date(dt.date(2022, 6, 9), style="short"),
        ValueError,
        ArgumentError,
        "'short'",
    ),
    "locale-unknown": Case(
        lambda s, c: fmt.format_number(1, locale="xx_XX"), ValueError, ArgumentError, "'xx_XX'"
    ),
    "locale-none": Case(
        lambda s, c: fmt.format_number(1, locale=bad(None)), TypeError, ArgumentTypeError, "None"
    ),
    "report-locale": Case(
        lambda s, c: rp.format_findings(check(s), locale="klingon"),
        ValueError,
        ArgumentError,
        "'klingon'",
    ),
    "summary-locale": Case(
        lambda s, c: rp.format_summary(s, 2023, locale="xx"), ValueError, ArgumentError, "'xx'"
    ),
    "format-number-str": Case(
        lambda s, c: fmt.format_number(bad("12")), TypeError, ArgumentTypeError, "'12'"
    ),
    "format-number-none": Case(
        lambda s, c: fmt.format_number(bad(None)), TypeError, ArgumentTypeError, "None"
    ),
    "format-number-nan": Case(
        lambda s, c: fmt.format_number(float("nan")), ValueError, ArgumentError, "nan"
    ),
    "format-number-negative-decimals": Case(
        lambda s, c: fmt.format_number(Decimal("1.5"), decimals=-1), ValueError, ArgumentError, "-1"
    ),
    "format-number-decimals-str": Case(
        lambda s, c: fmt.format_number(Decimal("1.5"), decimals=bad("2")),
        TypeError,
        ArgumentTypeError,
        "'2'",
    ),
    "format-number-grouping": Case(
        lambda s, c: fmt.format_number(12345, grouping="sometimes"),
        ValueError,
        ArgumentError,
        "'sometimes'",
    ),
    "format-number-rounding": Case(
        lambda s, c: fmt.format_number(Decimal("1.5"), rounding="HALF_UP"),
        ValueError,
        ArgumentError,
        "'HALF_UP'",
    ),
    "format-number-separator": Case(
        lambda s, c: fmt.format_number(12345, separator=bad(0)), TypeError, ArgumentTypeError, "0"
    ),
    "format-money-decimal": Case(
        lambda s, c: fmt.format_money(bad(Decimal(1))), TypeError, ArgumentTypeError, "Decimal('1')"
    ),
    "format-money-negative-decimals": Case(
        lambda s, c: fmt.format_money(Money(1), decimals=-2), ValueError, ArgumentError, "-2"
    ),
    "format-money-scaled-scale": Case(
        lambda s, c: fmt.format_money_scaled(Money(115000), scale="k"),
        ValueError,
        ArgumentError,
        "'k'",
    ),
    "format-money-scaled-decimals": Case(
        lambda s, c: fmt.format_money_scaled(Money(115000), decimals=-1),
        ValueError,
        ArgumentError,
        "-1",
    ),
    "format-percent-str": Case(
        lambda s, c: fmt.format_percent(bad("5,2")), TypeError, ArgumentTypeError, "'5,2'"
    ),
    "format-percentage-points-str": Case(
        lambda s, c: fmt.format_percentage_points(bad("0,6")), TypeError, ArgumentTypeError, "'0,6'"
    ),
    "format-count-str": Case(
        lambda s, c: fmt.format_count(bad("2"), "project"), TypeError, ArgumentTypeError, "'2'"
    ),
    "format-count-forms": Case(
        lambda s, c: fmt.format_count(2, ("dom", "domy")), ValueError, ArgumentError, "'domy'"
    ),
    "format-quantity-number": Case(
        lambda s, c: fmt.format_quantity(bad(Decimal(5))), TypeError, ArgumentTypeError, "Decimal"
    ),
    "format-quantity-decimals": Case(
        lambda s, c: fmt.format_quantity(Q_(Decimal(5), "MWh"), decimals=-1),
        ValueError,
        ArgumentError,
        "-1",
    ),
    "format-value-str": Case(
        lambda s, c: fmt.format_value(bad("5"), "percent"), TypeError, ArgumentTypeError, "'5'"
    ),
    "format-missing-locale": Case(
        lambda s, c: fmt.format_missing(locale="zz"), ValueError, ArgumentError, "'zz'"
    ),
    # a whole object of the wrong kind, or a text that is not a string
    "check-none": Case(lambda s, c: check(bad(None)), TypeError, ArgumentTypeError, "None"),
    "check-str": Case(lambda s, c: check(bad("x")), TypeError, ArgumentTypeError, "'x'"),
    "assess-none": Case(
        lambda s, c: pr.assess(bad(None), year=2023), TypeError, ArgumentTypeError, "None"
    ),
    "assess-goals-none": Case(
        lambda s, c: pr.assess_goals(bad(None), year=2023), TypeError, ArgumentTypeError, "None"
    ),
    "indicator-metadata-str": Case(
        lambda s, c: pr.indicator_metadata(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "survey-samples-str": Case(
        lambda s, c: pr.survey_samples(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "parse-period-text": Case(
        lambda s, c: pr.parse_period("abc"), ValueError, AssessmentError, "'abc'"
    ),
    "plausible-range-none": Case(
        lambda s, c: plausible_range(bad(None)), TypeError, ArgumentTypeError, "None"
    ),
    "format-summary-str": Case(
        lambda s, c: rp.format_summary(bad("x"), 2023), TypeError, ArgumentTypeError, "'x'"
    ),
    "summary-data-str": Case(
        lambda s, c: rp.summary_data(bad("x"), 2023), TypeError, ArgumentTypeError, "'x'"
    ),
    "format-findings-str": Case(
        lambda s, c: rp.format_findings(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "findings-data-str": Case(
        lambda s, c: rp.findings_data(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "findings-data-locale": Case(
        lambda s, c: rp.findings_data(check(s), locale="xx"), ValueError, ArgumentError, "'xx'"
    ),
    "describe-finding-str": Case(
        lambda s, c: rp.describe_finding(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "describe-error-str": Case(
        lambda s, c: rp.describe_error(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "describe-problem-str": Case(
        lambda s, c: rp.describe_problem(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "assessment-data-str": Case(
        lambda s, c: rp.assessment_data(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "assessment-data-goals-str": Case(
        lambda s, c: rp.assessment_data(pd.DataFrame(), bad("g")),
        TypeError,
        ArgumentTypeError,
        "'g'",
    ),
    "format-programs-str": Case(
        lambda s, c: rp.format_programs(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "format-programs-item": Case(
        lambda s, c: rp.format_programs(bad((c.programs[0], 5))),
        TypeError,
        ArgumentTypeError,
        "'programs[1]'",
    ),
    "format-program-str": Case(
        lambda s, c: rp.format_program(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "program-data-str": Case(
        lambda s, c: rp.program_data(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "format-program-links-str": Case(
        lambda s, c: rp.format_program_links(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "format-program-links-pair": Case(
        lambda s, c: rp.format_program_links(bad(((1, 2),))),
        TypeError,
        ArgumentTypeError,
        "(1, 2)",
    ),
    "format-city-profile-str": Case(
        lambda s, c: rp.format_city_profile(bad("x"), "ZMP"), TypeError, ArgumentTypeError, "'x'"
    ),
    "format-city-profile-name": Case(
        lambda s, c: rp.format_city_profile(c.profile("Kielce"), bad(None)),
        TypeError,
        ArgumentTypeError,
        "None",
    ),
    "profile-data-str": Case(
        lambda s, c: rp.profile_data(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "render-table-header-int": Case(
        lambda s, c: rp.render_table(bad(5), []), TypeError, ArgumentTypeError, "5"
    ),
    "render-table-cell-int": Case(
        lambda s, c: rp.render_table(["a"], [bad([7])]), TypeError, ArgumentTypeError, "7"
    ),
    "observations-to-long-str": Case(
        lambda s, c: frames.observations_to_long(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "to-wide-str": Case(lambda s, c: frames.to_wide(bad("x")), TypeError, ArgumentTypeError, "'x'"),
    "check-rates-str": Case(
        lambda s, c: funding.check_rates(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "derived-figures-str": Case(
        lambda s, c: funding.derived_figures(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "own-contribution-not-money": Case(
        lambda s, c: funding.own_contribution(bad(100), Percent(85)),
        TypeError,
        ArgumentTypeError,
        "100",
    ),
    "funding-total-int": Case(
        lambda s, c: funding.total(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "money-sum-int": Case(lambda s, c: Money.sum(bad(5)), TypeError, ArgumentTypeError, "5"),
    "money-sum-of-ints": Case(
        lambda s, c: Money.sum(bad([1])), TypeError, ArgumentTypeError, "'amounts[0]'"
    ),
    "money-zero-currency": Case(lambda s, c: Money.zero("XYZ"), ValueError, ModelError, "'XYZ'"),
    "money-ratio-int": Case(lambda s, c: Money(1).ratio(bad(1)), TypeError, ArgumentTypeError, "1"),
    "catalogue-for-city-int": Case(
        lambda s, c: c.for_city(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "catalogue-member-int": Case(lambda s, c: c.member(bad(5)), TypeError, ArgumentTypeError, "5"),
    "catalogue-participations-int": Case(
        lambda s, c: c.participations(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "catalogue-territory-int": Case(
        lambda s, c: c.territory(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    # costs take a Strategy
    **{
        f"costs-{function.__name__}-str": Case(
            lambda s, c, function=function: function(bad("x")),  # type: ignore[misc]
            TypeError,
            ArgumentTypeError,
            "'x'",
        )
        for function in (
            costs.catalogue_total,
            costs.project_currencies,
            costs.strategy_currency,
            costs.goal_costs,
        )
    },
    **{
        f"costs-{function.__name__}-str": Case(
            lambda s, c, function=function: function(bad("x"), 2023),  # type: ignore[misc]
            TypeError,
            ArgumentTypeError,
            "'x'",
        )
        for function in (
            costs.completed_projects,
            costs.completed_total,
            costs.completed_by_goal,
            costs.completed_summary,
            costs.compare_declared,
            costs.discrepancies,
            costs.declared_summary,
        )
    },
    "declared-summary-year": Case(
        lambda s, c: costs.declared_summary(s, 2022), KeyError, YearError, "2022"
    ),
    "indicators-of-unknown": Case(
        lambda s, c: s.indicators_of("9.9"), KeyError, UnknownCodeError, "'9.9'"
    ),
    "observations-of-unknown": Case(
        lambda s, c: s.observations_of("X"), KeyError, UnknownCodeError, "'X'"
    ),
    "is-met-str": Case(
        lambda s, c: s.indicator("KIE-1-01").target.is_met(bad("5")),  # type: ignore[union-attr]
        TypeError,
        ArgumentTypeError,
        "'5'",
    ),
    "kind-name-unknown": Case(
        lambda s, c: rp.kind_name(bad("no_such_kind")), ValueError, ArgumentError, "'no_such_kind'"
    ),
    # catalogue files
    "check-teryt-int": Case(
        lambda s, c: catalogue_files.check_teryt(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "read-catalogue-int": Case(
        lambda s, c: catalogue_files.read_catalogue(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "read-members-int": Case(
        lambda s, c: catalogue_files.read_members(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "read-memberships-int": Case(
        lambda s, c: catalogue_files.read_memberships(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "read-memberships-status": Case(
        lambda s, c: catalogue_files.read_memberships("members.csv", "maybe"),
        ValueError,
        ArgumentError,
        "'maybe'",
    ),
    "catalogue-membership-int": Case(
        lambda s, c: c.membership(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    # the territory register
    "check-teryt-level": Case(
        lambda s, c: territories.check_teryt("2661011", "county"),
        ValueError,
        ArgumentError,
        "'county'",
    ),
    "teryt-problem-int": Case(
        lambda s, c: territories.teryt_problem(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "validate-teryt-kind-9": Case(
        lambda s, c: territories.validate_teryt("2661019"), ValueError, TerytError, "'2661019'"
    ),
    "get-territory-int": Case(
        lambda s, c: territories.get_territory(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "get-territory-unknown": Case(
        lambda s, c: territories.get_territory("Radomm"),
        KeyError,
        UnknownTerritoryError,
        "'Radomm'",
    ),
    "get-territory-bad-code": Case(
        lambda s, c: territories.get_territory("26610111"), ValueError, TerytError, "'26610111'"
    ),
    "find-territory-int": Case(
        lambda s, c: territories.find_territory(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "find-territories-int": Case(
        lambda s, c: territories.find_territories(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "read-cities-int": Case(
        lambda s, c: territories.read_cities(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "territory-data-str": Case(
        lambda s, c: territories.territory_data(bad("Kielce")),
        TypeError,
        ArgumentTypeError,
        "'Kielce'",
    ),
    "register-get-int": Case(
        lambda s, c: territories.load_register().get(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "register-find-int": Case(
        lambda s, c: territories.load_register().find(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "register-search-int": Case(
        lambda s, c: territories.load_register().search(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "city-profile-unknown": Case(
        lambda s, c: city_profile("Atlantyda"), KeyError, UnknownTerritoryError, "'Atlantyda'"
    ),
    # cities, folders and files
    "get-city-int": Case(lambda s, c: cities.get_city(bad(5)), TypeError, ArgumentTypeError, "5"),
    "is-folder-path-int": Case(
        lambda s, c: cities.is_folder_path(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "open-city-int": Case(lambda s, c: cities.open_city(bad(5)), TypeError, ArgumentTypeError, "5"),
    "folder-open-int": Case(
        lambda s, c: cities.FolderAdapter.open(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    # init_folder checks its arguments before it looks at the file system
    "init-folder-path-int": Case(
        lambda s, c: cities.init_folder(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "init-folder-name-int": Case(
        lambda s, c: cities.init_folder("nowe", name=bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "init-folder-teryt-int": Case(
        lambda s, c: cities.init_folder("nowe", teryt=bad(2661011)),
        TypeError,
        ArgumentTypeError,
        "2661011",
    ),
    "init-folder-kind": Case(
        lambda s, c: cities.init_folder("nowe", kind="county"),
        ValueError,
        ArgumentError,
        "'county'",
    ),
    "init-folder-locale": Case(
        lambda s, c: cities.init_folder("nowe", locale="xx"), ValueError, ArgumentError, "'xx'"
    ),
    "read-strategy-int": Case(
        lambda s, c: read_strategy(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "write-strategy-str": Case(
        lambda s, c: io.write_strategy(bad("kielce"), "out"),
        TypeError,
        ArgumentTypeError,
        "'kielce'",
    ),
    "write-strategy-directory-int": Case(
        lambda s, c: io.write_strategy(s, bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "parse-money-int": Case(lambda s, c: io.parse_money(bad(5)), TypeError, ArgumentTypeError, "5"),
    "parse-money-currency-int": Case(
        lambda s, c: io.parse_money("5 zł", currency=bad(1)), TypeError, ArgumentTypeError, "1"
    ),
    "parse-decimal-none": Case(
        lambda s, c: io.parse_decimal(bad(None)), TypeError, ArgumentTypeError, "None"
    ),
    "parse-value-int": Case(lambda s, c: io.parse_value(bad(5)), TypeError, ArgumentTypeError, "5"),
    "parse-percent-int": Case(
        lambda s, c: io.parse_percent(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "parse-quantity-int": Case(
        lambda s, c: io.parse_quantity(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "parse-quantity-unit-int": Case(
        lambda s, c: io.parse_quantity("5 MWh", unit=bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "get-language-int": Case(
        lambda s, c: fmt.get_language(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "get-locale-int": Case(lambda s, c: fmt.get_locale(bad(5)), TypeError, ArgumentTypeError, "5"),
    "format-count-noun-int": Case(
        lambda s, c: fmt.format_count(2, bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "get-label-str": Case(
        lambda s, c: fmt.get_label(bad("higher_is_better")),
        TypeError,
        ArgumentTypeError,
        "'higher_is_better'",
    ),
    # cross-city comparison
    "compare-read-panel-int": Case(
        lambda s, c: cmp.read_panel(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-read-long-csv-int": Case(
        lambda s, c: cmp.read_long_csv(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-monitoring-frame-str": Case(
        lambda s, c: cmp.monitoring_frame(bad("Kielce")), TypeError, ArgumentTypeError, "'Kielce'"
    ),
    "compare-peer-group-from-data-int": Case(
        lambda s, c: cmp.PeerGroup.from_data(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-explicit-group-str": Case(
        lambda s, c: cmp.explicit_group("Kielce"), TypeError, ArgumentTypeError, "'Kielce'"
    ),
    "compare-peer-group-unknown": Case(
        lambda s, c: cmp.peer_group("galaxy"), ValueError, ArgumentError, "'galaxy'"
    ),
    "compare-population-class-of-year-str": Case(
        lambda s, c: cmp.population_class_of(cmp.sample_panel(), "Kielce", year=bad("2023")),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "compare-population-classes-bounds": Case(
        lambda s, c: cmp.population_classes(cmp.sample_panel(), year=2023, bounds=[3, 1]),
        ValueError,
        ArgumentError,
        "[3, 1]",
    ),
    "compare-population-group-bounds": Case(
        lambda s, c: cmp.population_group(cmp.sample_panel(), year=2023, low=5, high=1),
        ValueError,
        ArgumentError,
        "'high'",
    ),
    "compare-similar-group-k-0": Case(
        lambda s, c: cmp.similar_group(
            cmp.sample_panel(), "Kielce", indicators=["population"], year=2023, k=0
        ),
        ValueError,
        ArgumentError,
        "'k'",
    ),
    "compare-territory-name-int": Case(
        lambda s, c: cmp.territory_name(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-voivodeship-group-unknown": Case(
        lambda s, c: cmp.voivodeship_group("mazowsze"), ValueError, ArgumentError, "'mazowsze'"
    ),
    "compare-zmp-group-unknown": Case(
        lambda s, c: cmp.zmp_group("unknown"), ValueError, ArgumentError, "'unknown'"
    ),
    "compare-caveats-for-int": Case(
        lambda s, c: cmp.caveats_for(bad(5), "area_km2", year=2023),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "compare-compare-year-str": Case(
        lambda s, c: cmp.compare(
            cmp.sample_panel(),
            focus="Kielce",
            peers=["Lublin"],
            indicators=["population"],
            year=bad("2023"),
        ),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "compare-density-name-int": Case(
        lambda s, c: cmp.density(cmp.sample_panel(), name=bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-per-inhabitants-per": Case(
        lambda s, c: cmp.per_inhabitants(cmp.sample_panel(), "area_km2", per=7),
        ValueError,
        ArgumentError,
        "'per'",
    ),
    "compare-synthetic-index-int": Case(
        lambda s, c: cmp.synthetic_index(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-known-indicator-unknown": Case(
        lambda s, c: cmp.known_indicator(cmp.sample_panel(), "crime"),
        KeyError,
        UnknownCodeError,
        "'crime'",
    ),
    "compare-rank-within-by-int": Case(
        lambda s, c: cmp.rank_within(cmp.sample_panel(), by=bad(5)),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "comparison-csv-int": Case(
        lambda s, c: comparison.comparison_csv(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "comparison-data-int": Case(
        lambda s, c: comparison.comparison_data(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "comparison-report-int": Case(
        lambda s, c: comparison.comparison_report(bad(5), spec="benchmark"),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "format-comparison-int": Case(
        lambda s, c: comparison.format_comparison(bad(5), spec="benchmark"),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    "indicator-name-int": Case(
        lambda s, c: comparison.indicator_name(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "compare-dispersion-indicator-int": Case(
        lambda s, c: cmp.dispersion(cmp.sample_panel(), indicator=bad(5), year=2023),
        TypeError,
        ArgumentTypeError,
        "5",
    ),
    # the GUS BDL client: arguments are checked before any request (offline: no network)
    "bdl-client-tries": Case(
        lambda s, c: bdl.Client(offline=True, tries=0), ValueError, ArgumentError, "0"
    ),
    "bdl-client-base-url": Case(
        lambda s, c: bdl.Client(offline=True, base_url="notaurl"),
        ValueError,
        ArgumentError,
        "'notaurl'",
    ),
    "bdl-variable-str": Case(
        lambda s, c: _bdl().variable(bad("60270")), TypeError, ArgumentTypeError, "'60270'"
    ),
    "bdl-search-variables": Case(
        lambda s, c: _bdl().search_variables(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "bdl-unit": Case(lambda s, c: _bdl().unit(bad(5)), TypeError, ArgumentTypeError, "5"),
    "bdl-search-units": Case(
        lambda s, c: _bdl().search_units("Kielce", level="county"),
        ValueError,
        ArgumentError,
        "'county'",
    ),
    "bdl-units": Case(lambda s, c: _bdl().units(level=9), ValueError, ArgumentError, "9"),
    "bdl-by-variable-years": Case(
        lambda s, c: _bdl().data_by_variable(60270, unit_level=5, years=bad("2023")),
        TypeError,
        ArgumentTypeError,
        "'2023'",
    ),
    "bdl-by-unit-variables": Case(
        lambda s, c: _bdl().data_by_unit("023000000000", variables=bad(9), years=[2023]),
        TypeError,
        ArgumentTypeError,
        "9",
    ),
    "bdl-variable-json": Case(
        lambda s, c: bdl.Variable.from_json(bad([])), TypeError, ArgumentTypeError, "[]"
    ),
    "bdl-unit-json": Case(
        lambda s, c: bdl.Unit.from_json(bad("x")), TypeError, ArgumentTypeError, "'x'"
    ),
    "bdl-registry-unit": Case(
        lambda s, c: bdl.registry_unit(bad(5)), TypeError, ArgumentTypeError, "5"
    ),
    "bdl-to-teryt": Case(
        lambda s, c: bdl.to_teryt(bad(52615261000)), TypeError, ArgumentTypeError, "52615261000"
    ),
}


def _bdl() -> bdl.Client:
    """A BDL client that works offline from an empty folder: it never reaches the network."""
    import tempfile

    return bdl.Client(offline=True, cache_dir=Path(tempfile.gettempdir()) / "citystrategy-no-bdl")


def _raised(case: Case, strategy: Strategy, catalogue: Catalogue) -> pytest.ExceptionInfo[Any]:
    """What *case*'s call raised, checked to be the typed error that is also the builtin."""
    with pytest.raises(case.error) as caught:
        case.call(strategy, catalogue)
    assert isinstance(caught.value, CityStrategyError)
    assert isinstance(caught.value, case.builtin)
    assert case.shows in str(caught.value)
    return caught


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_argument_is_a_typed_error(case: Case, kielce: Strategy, catalogue: Catalogue) -> None:
    """The call raises the typed error, which is a CityStrategyError and the builtin too."""
    _raised(case, kielce, catalogue)


_NO_ARGUMENTS = "takes no arguments"

#: Public callables without a case, each with the reason. Operators are not collected: ``Money + 1``
#: keeps Python's own TypeError, since Money returns NotImplemented as the operator protocol asks.
EXEMPT: dict[str, str] = {
    "citystrategy.cities.base.CityAdapter.load": _NO_ARGUMENTS,
    "citystrategy.io.bdl._client.Client.close": _NO_ARGUMENTS,
    # any attribute BDL sends is kept as a flag, verbatim: there is no bad argument
    "citystrategy.io.bdl._values.flag": "any value is a flag (an attribute as BDL sent it)",
    "citystrategy.cities.folder.FolderAdapter.load": _NO_ARGUMENTS,
    "citystrategy.cities.kielce.KielceAdapter.load": _NO_ARGUMENTS,
    "citystrategy.cities.kielce.load": _NO_ARGUMENTS,
    "citystrategy.cities.list_cities": _NO_ARGUMENTS,
    "citystrategy.programs.base.CatalogueAdapter.load": _NO_ARGUMENTS,
    "citystrategy.programs.list_programs": _NO_ARGUMENTS,
    "citystrategy.territories.list_territories": _NO_ARGUMENTS,
    "citystrategy.compare.panel.sample_panel": _NO_ARGUMENTS,
    "citystrategy.compare.peers.benchmark_group": _NO_ARGUMENTS,
    "citystrategy.compare.peers.powiat_rights_group": _NO_ARGUMENTS,
    "citystrategy.compare.peers.PeerGroup.to_data": _NO_ARGUMENTS,
    "citystrategy.programs.zmp.ZmpAdapter.load": _NO_ARGUMENTS,
    "citystrategy.programs.zmp.load": _NO_ARGUMENTS,
    "citystrategy.model.program.Program.years": _NO_ARGUMENTS,
    "citystrategy.model.strategy.Strategy.observations_frame": _NO_ARGUMENTS,
    "citystrategy.validation._findings.ValidationReport.counts": _NO_ARGUMENTS,
    # a bad command line is exit status 2 with argparse's message (tests/test_cli.py); an argv
    # that is not a list of strings is a programming error argparse reports itself
    "citystrategy.cli.main": "takes a command line, whose errors are an exit status",
    # like dict.get: a key the finding has no value under gives "", as documented, since the
    # keys differ by kind and reports ask for optional ones
    "citystrategy.validation._findings.Finding.detail": "an absent key is documented as ''",
    # the words of a language are a protocol describe_error implements (its Case checks the
    # locale); these methods take only the Words object, or nothing
    "citystrategy.errors.Message.render": "takes only a Words object, a protocol",
    "citystrategy.errors.Problem.render": "takes only a Words object, a protocol",
    "citystrategy.errors.Problem.where": _NO_ARGUMENTS,
    "citystrategy.errors.FormProblem.render": "takes only a Words object, a protocol",
    "citystrategy.errors.FormProblem.what": _NO_ARGUMENTS,
    "citystrategy.errors.FormProblem.where": _NO_ARGUMENTS,
    "citystrategy.collect.merge.MergeResult.error": _NO_ARGUMENTS,
    "citystrategy.collect.merge.MergeWarning.to_problem": _NO_ARGUMENTS,
    "citystrategy.errors.Words.gettext": "a protocol's method, implemented by describe_error",
    "citystrategy.errors.Words.ngettext": "a protocol's method, implemented by describe_error",
    "citystrategy.errors.Words.number": "a protocol's method, implemented by describe_error",
}


def _public_callables() -> Iterator[tuple[str, Callable[..., object]]]:
    """Each public function, and each public method and named constructor of a public class, of
    every public module: its qualified name and the function itself.

    Enums and exceptions are left out (their constructors are Python's own), and so are
    constants and classes' plain constructors (attrs-generated; checked by their validators).
    """
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield f"{obj.__module__}.{obj.__qualname__}", obj
            elif inspect.isclass(obj) and not issubclass(obj, (BaseException, Enum)):
                for attribute in dir(obj):
                    static = inspect.getattr_static(obj, attribute)
                    if attribute.startswith("_") or isinstance(static, property):
                        continue
                    method = getattr(obj, attribute)
                    function = getattr(method, "__func__", method)
                    if inspect.isfunction(function) and function.__module__.startswith(
                        "citystrategy"
                    ):
                        yield f"{function.__module__}.{function.__qualname__}", function


def _code(function: Callable[..., object]) -> CodeType:
    """The code object that runs when *function* is called (unwrapping decorators)."""
    code: CodeType = inspect.unwrap(function).__code__
    return code


def _entry_point(traceback: TracebackType | None, publics: dict[CodeType, str]) -> str | None:
    """The outermost public callable in *traceback*: the one whose bad argument was refused."""
    while traceback is not None:
        found = publics.get(traceback.tb_frame.f_code)
        if found is not None:
            return found
        traceback = traceback.tb_next
    return None


def test_every_public_callable_has_a_case(kielce: Strategy, catalogue: Catalogue) -> None:
    """Each public callable is the entry point of some case's error, or exempt with a reason."""
    publics = {_code(function): name for name, function in _public_callables()}
    exercised = {
        _entry_point(_raised(case, kielce, catalogue).tb, publics) for case in CASES.values()
    }
    missing = sorted(set(publics.values()) - exercised - set(EXEMPT))
    assert missing == [], f"no case raises through {missing}: add one, or exempt it with a reason"
    assert set(EXEMPT) <= set(publics.values()), "an exemption names no public callable"
    assert not set(EXEMPT) & exercised, "an exempt callable has a case after all"


def test_every_case_uses_an_exported_error() -> None:
    """Each error the cases expect is in errors.__all__ (no private error class escapes)."""
    assert {case.error.__name__ for case in CASES.values()} <= set(errors.__all__)


def test_unknown_indicator_names_what_exists(kielce: Strategy) -> None:
    """An unknown indicator code suggests the closest codes and lists a few of the 112 known."""
    with pytest.raises(UnknownCodeError) as caught:
        kielce.indicator("KIE-1-1")
    error = caught.value
    assert (error.kind, error.code) == ("indicator", "KIE-1-1")
    assert error.known == tuple(i.code for i in kielce.indicators)
    assert len(error.known) == 112
    text = str(error)
    assert text.startswith("unknown indicator 'KIE-1-1' (did you mean 'KIE-1-01'")
    assert text.endswith("and 104 more")


def test_unknown_code_is_still_a_key_error(kielce: Strategy) -> None:
    """Callers that catch KeyError keep working, and the message is not the quoted repr."""
    with pytest.raises(KeyError) as caught:
        kielce.project("P-0")
    assert str(caught.value).startswith("unknown project 'P-0'")


def test_unknown_report_year_names_the_years_there_are(kielce: Strategy) -> None:
    """Strategy.report on a year without a report names the years it has reports on."""
    with pytest.raises(UnknownCodeError, match=r"unknown annual report 2022.*known: 2023$"):
        kielce.report(2022)


def test_year_error_names_the_years_with_data(kielce: Strategy) -> None:
    """assess on a year outside the data names the years the strategy has observations for."""
    with pytest.raises(YearError) as caught:
        pr.assess(kielce, year=2030)
    error = caught.value
    assert (error.argument, error.value, error.years) == ("year", 2030, (2022, 2023))
    assert str(error) == "no data for 2030 ('year'); the years with observed values: 2022, 2023"


def test_check_year_error_is_both_a_value_and_a_key_error(kielce: Strategy) -> None:
    """check on a year without a declaring report is a ValueError and, as before, a KeyError."""
    with pytest.raises(YearError) as caught:
        check(kielce, year=2022)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, KeyError)
    assert caught.value.years == (2023,)


def test_argument_error_keeps_its_fields() -> None:
    """An ArgumentError keeps the argument's name, the value and what was expected."""
    with pytest.raises(ArgumentError) as caught:
        pr.assess_series(SERIES, direction=HIB, window=0)
    error = caught.value
    assert (error.argument, error.value) == ("window", 0)
    assert str(error) == "'window' must be a number of years, 1 or more (got 0)"


def test_argument_type_error_says_the_type() -> None:
    """An ArgumentTypeError names the type it got, so '2023' and 2023 are told apart."""
    with pytest.raises(ArgumentTypeError) as caught:
        fmt.format_date(bad("2022-06-09"))
    assert str(caught.value) == ("'date' must be a datetime.date (got '2022-06-09' of type str)")


def test_new_errors_are_exported_at_the_top() -> None:
    """The new error classes can be imported from citystrategy itself."""
    for name in ("ArgumentError", "ArgumentTypeError", "UnknownCodeError", "YearError"):
        assert getattr(citystrategy, name) is getattr(errors, name)
        assert name in citystrategy.__all__


@pytest.mark.parametrize(
    "error",
    [
        UnknownCodeError("goal", "9", []),
        YearError("year", 2023, [], "years whose annual report declares figures"),
    ],
    ids=["no-codes", "no-years"],
)
def test_errors_with_nothing_known_pickle_and_say_so(error: CityStrategyError) -> None:
    """An error about an empty collection says there is none, and survives a pickle."""
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert "none" in str(error)


def test_assess_goals_takes_what_assess_takes() -> None:
    """assess_goals and assess take the same options: one ProgressOptions plus its fields."""
    goals = set(inspect.signature(pr.assess_goals).parameters) - {"min_coverage", "table"}
    assert goals == set(inspect.signature(pr.assess).parameters)


def test_a_year_given_as_text_is_suggested_as_the_year(kielce: Strategy) -> None:
    """Strategy.report("2023") suggests the year 2023 itself, not the text '2023'."""
    with pytest.raises(UnknownCodeError) as caught:
        kielce.report(bad("2023"))
    assert str(caught.value) == "unknown annual report '2023' (did you mean 2023?); known: 2023"


def test_init_folder_takes_a_kind_by_its_value(tmp_path: Path) -> None:
    """init_folder(kind="powiat") is kind=TerritoryKind.POWIAT: the folder reads back as a powiat."""
    folder = cities.init_folder(tmp_path / "powiat", name="Powiat Przykładowy", kind="powiat")
    assert read_strategy(folder).territory.kind is TerritoryKind.POWIAT
