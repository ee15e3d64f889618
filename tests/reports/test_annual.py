"""The standard annual report: its outline, its summary and its figures, in both languages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from citystrategy.errors import (
    ArgumentTypeError,
    OutputExistsError,
    UnsupportedFormatError,
    YearError,
)
from citystrategy.model import Strategy
from citystrategy.reports.annual import annual_report, summary_section
from citystrategy.reports.document import Paragraph, Report, Table
from citystrategy.reports.markdown import to_markdown
from citystrategy.reports.writers import check_target, write_report
from tests.language import english_words, identifiers, polish_words

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def report(kielce: Strategy) -> Report:
    """Kielce's 2023 report in Polish."""
    return annual_report(kielce, 2023)


def _paragraphs(report: Report, index: int) -> str:
    blocks = report.sections[index].blocks
    return "\n".join(block.text for block in blocks if isinstance(block, Paragraph))


def test_outline_follows_the_report(report: Report) -> None:
    """The summary, sections 1–3, the goals, the texts of 4–7 and the findings, in that order."""
    assert [section.sheet for section in report.sections] == [
        "Podsumowanie",
        "1. Informacje wstępne",
        "2. Projekty i koszty",
        "3. Wskaźniki",
        "Cele",
        "4. Problemy i ryzyka",
        "5. Działania zespołu",
        "6. Wnioski",
        "7. Opis dalszych działań",
        "Uwagi",
    ]
    assert report.title == "Roczny raport z realizacji strategii w 2023\xa0r."
    assert report.data is not None
    assert report.data_title == "Dane"
    assert report.locale == "pl_PL"


def test_english_outline(kielce: Strategy) -> None:
    """With locale en_GB the titles are English and the data sheet is "Data"."""
    english = annual_report(kielce, 2023, locale="en_GB", data=False)
    assert [s.sheet for s in english.sections][:4] == [
        "Summary",
        "1. Introduction",
        "2. Projects and costs",
        "3. Indicators",
    ]
    assert english.data is None
    text = _paragraphs(english, 0)
    names = [kielce.title, kielce.territory.name]
    assert polish_words(text, names=names) == []
    assert identifiers(text) == []
    # a sentence ends with its full stop (the Polish one ends with the date's "r.")
    assert "; drawn up on 20/06/2024." in text
    polish = _paragraphs(annual_report(kielce, 2023, data=False), 0)
    assert "; raport sporządzono 20.06.2024\xa0r.\n" in polish


def test_summary_gives_the_computed_and_the_declared_cost(report: Report) -> None:
    """10 projects at 119 738 036,31 zł from the project tables, 85 665 519,74 zł as declared."""
    text = _paragraphs(report, 0).replace(NBSP, " ")
    assert "Projekty zrealizowane w 2023 r.: 10, o łącznym koszcie 119 738 036,31 zł" in text
    assert "Raport podaje 85 665 519,74 zł" in text
    assert "od 01.01.2023 r. do 31.12.2023 r.; raport sporządzono 20.06.2024 r." in text
    assert (
        english_words(text, names=["Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City"])
        == []
    )


def test_summary_counts_every_indicator_once(kielce: Strategy) -> None:
    """The status table's counts add up to the 112 indicators; shares to 100%."""
    section = summary_section(kielce, 2023)
    statuses = next(t for t in section.tables if t.name == "statuses")
    assert int(statuses.frame["count"].sum()) == 112
    assert float(statuses.frame["share"].sum()) == pytest.approx(100)


def test_markdown_carries_the_figures_of_sections_2_and_3(report: Report) -> None:
    """The declared total, goal 1's computed cost and the revenue indicator, exact to the grosz."""
    text = to_markdown(report).replace(NBSP, " ")
    for figure in ("85 665 519,74 zł", "33 992 885,47 zł", "514 239,53 zł", "1 679 523 470,54 zł"):
        assert figure in text


def test_money_stays_exact_in_the_tables(report: Report) -> None:
    """The cost tables hold Decimals, never floats."""
    tables = [t for section in report.sections for t in section.tables]
    costs = [t for t in tables if "cost" in t.frame.columns]
    assert costs
    values = [v for t in costs for v in t.frame["cost"].dropna()]
    assert values
    assert all(isinstance(v, Decimal) for v in values)


def test_a_year_without_a_report_is_refused(kielce: Strategy) -> None:
    """A year the strategy has no report on is a YearError naming it."""
    with pytest.raises(YearError, match="1999"):
        annual_report(kielce, 1999)


def test_arguments_are_checked(kielce: Strategy) -> None:
    """A strategy must be a Strategy and a year an int."""
    with pytest.raises(ArgumentTypeError):
        annual_report("kielce", 2023)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        annual_report(kielce, "2023")  # type: ignore[arg-type]


def test_write_report_follows_the_extension(report: Report, tmp_path: Path) -> None:
    """.md writes Markdown; an unknown extension is refused with the formats listed."""
    path = write_report(report, tmp_path / "raport.md")
    assert path.read_text(encoding="utf-8").startswith("# Roczny raport")
    with pytest.raises(UnsupportedFormatError, match=r"\.xlsx, \.md"):
        write_report(report, tmp_path / "raport.odt")
    assert not (tmp_path / "raport.odt").exists()


def test_an_existing_report_is_kept_without_force(report: Report, tmp_path: Path) -> None:
    """The target is checked before any work, and kept; force replaces it."""
    target = tmp_path / "raport.md"
    target.write_text("stary", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        check_target(target)
    with pytest.raises(OutputExistsError):
        write_report(report, target)
    assert target.read_text(encoding="utf-8") == "stary"
    write_report(report, target, force=True)
    assert target.read_text(encoding="utf-8").startswith("# Roczny raport")


def test_summary_tables_are_typed(kielce: Strategy) -> None:
    """Counts are integers and shares numbers, so a writer formats them natively."""
    section = summary_section(kielce, 2023)
    kinds = {
        t.name: [c.kind.value for c in t.columns] for t in section.tables if isinstance(t, Table)
    }
    assert kinds == {
        "statuses": ["status", "integer", "percent"],
        "finding_counts": ["status", "integer"],
    }


def test_the_indicators_are_assessed_once(
    kielce: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary and section 3 share one indicator table: the progress method runs once."""
    from citystrategy.reports.tables import indicator_values_table as real

    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    for module in ("annual", "tables._indicator_sections"):  # wherever a section could call it
        monkeypatch.setattr(f"citystrategy.reports.{module}.indicator_values_table", counted)
    report = annual_report(kielce, 2023, data=False)
    assert len(calls) == 1
    assert report.sections[3].sheet == "3. Wskaźniki"


def test_a_p_value_under_0_001_reads_as_such(report: Report) -> None:
    """KIE-4-01's fall from 38,5% to 22,2% (p about 0.00003) and KIE-1.3-08's (p = 0.000625)
    read "< 0,001" in the report's survey table, as in assess, never "0,000" or "0,001"."""
    text = to_markdown(report)
    codes = ("| KIE-4-01 |", "| KIE-1.3-08 |")
    survey = [
        line for line in text.splitlines() if any(c in line for c in codes) and "p.p." in line
    ]
    assert len(survey) == 2  # section 3's rows, with the change and the test
    assert all(f"<{NBSP}0,001" in row for row in survey)
    assert "| 0,000 |" not in text


@pytest.mark.parametrize(
    ("locale", "due"), [("pl_PL", "| 30 czerwca |"), ("en_GB", "| 30 June |")], ids=["pl", "en"]
)
def test_the_report_s_due_day_is_in_the_report_s_language(
    kielce: Strategy, locale: str, due: str
) -> None:
    """The ordinance's "do dnia 30 czerwca" (strategy.toml: "30 czerwca") reads 30 June in
    English, not the Polish words under an English heading."""
    text = to_markdown(annual_report(kielce, 2023, locale=locale))
    line = next(
        line for line in text.splitlines() if "raportu rocznego" in line or "due by" in line
    )
    assert line.endswith(due)
