"""A data folder with several annual reports: ``reports/<year>.toml`` beside strategy.toml's own."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib.resources import files
from pathlib import Path

import attrs
import pytest

from citystrategy.cities.kielce import load
from citystrategy.errors import DataFileError, ModelError
from citystrategy.io import write_strategy
from citystrategy.io.strategy_files import FILES, REPORTS_FOLDER, read_strategy
from citystrategy.model import AnnualReport, ReportSection, Strategy
from citystrategy.reports import describe_error
from tests.language import english_words, identifiers, polish_words

SHIPPED = Path(str(files("citystrategy.cities.kielce") / "data"))

#: reports/2024.toml as the canonical layout writes it, typed out by hand from the format.
EXPECTED_2024 = """# citystrategy: the annual report on 2024: its period, date, declared figures and texts,
# and its list of the projects completed in 2024 (as completed.toml is for strategy.toml's).

introduction = "Raport za 2024 r. przygotowany z formularzy jednostek."

[report]
year = 2024
period_start = 2024-01-01
period_end = 2024-12-31

[[sections]]
section = 4
title = "Problemy"
text = "Brak."

[[project]]
lp = 1
code = "KIE-P-03"
description = "Wykonano roboty budowlane."

[[project]]
lp = 2
code = "KIE-P-05"
description = "Zakupiono wyposażenie."
"""


@pytest.fixture(scope="module")
def kielce() -> Strategy:
    """The shipped Kielce strategy."""
    return load()


def _report_2024(**changes: object) -> AnnualReport:
    """A report on 2024 being drawn up: its year and period, no date yet."""
    values: dict[str, object] = {
        "year": 2024,
        "period_start": dt.date(2024, 1, 1),
        "period_end": dt.date(2024, 12, 31),
        "introduction": "Raport za 2024 r. przygotowany z formularzy jednostek.",
        "sections": [ReportSection(section=4, title="Problemy", text="Brak.")],
    }
    values.update(changes)
    return AnnualReport(**values)  # type: ignore[arg-type]


def _with_2024(kielce: Strategy) -> Strategy:
    """Kielce with a 2024 report and two projects completed in 2024, described."""
    done = {"KIE-P-03": "Wykonano roboty budowlane.", "KIE-P-05": "Zakupiono wyposażenie."}
    projects = [
        attrs.evolve(p, completed_in=2024, description=done[p.code]) if p.code in done else p
        for p in kielce.projects
    ]
    return attrs.evolve(kielce, reports=[_report_2024(), *kielce.reports], projects=projects)


def test_a_second_report_is_written_to_its_own_file_and_reads_back_equal(
    kielce: Strategy, tmp_path: Path
) -> None:
    """The 2024 report goes to reports/2024.toml, its list numbered from 1; the rest as shipped."""
    strategy = _with_2024(kielce)
    folder = write_strategy(strategy, tmp_path / "kielce-2024", like=SHIPPED)
    assert (folder / REPORTS_FOLDER / "2024.toml").read_text("utf-8") == EXPECTED_2024
    for name in FILES:
        if name != "projects.tsv":
            assert (folder / name).read_bytes() == (SHIPPED / name).read_bytes(), name
    found = read_strategy(folder)
    assert [r.year for r in found.reports] == [2023, 2024]
    assert found.report(2024).drawn_up_on is None
    assert found.project("KIE-P-03").list_number == 1
    assert found.project("KIE-P-05").list_number == 2
    assert found.project("KIE-P-01").list_number == 2  # the 2023 list keeps its numbers
    numbered = {"KIE-P-03": 1, "KIE-P-05": 2}
    expected = [
        attrs.evolve(p, list_number=numbered[p.code]) if p.code in numbered else p
        for p in strategy.projects
    ]
    assert found == attrs.evolve(strategy, projects=expected)


def test_the_reports_are_in_the_order_of_their_years(kielce: Strategy) -> None:
    """However they are given, a strategy's reports come oldest first."""
    assert [r.year for r in _with_2024(kielce).reports] == [2023, 2024]


def test_two_reports_on_one_year_are_refused(kielce: Strategy) -> None:
    """A strategy has one report a year."""
    with pytest.raises(ModelError, match=r"two annual reports on 2023"):
        attrs.evolve(kielce, reports=[*kielce.reports, *kielce.reports])


def test_a_described_project_of_a_year_without_a_report_is_refused(
    kielce: Strategy, tmp_path: Path
) -> None:
    """A project described as completed in 2025 has no list to go on: said, and nothing written."""
    projects = [
        attrs.evolve(p, completed_in=2025, description="Zrobione.") if p.code == "KIE-P-03" else p
        for p in kielce.projects
    ]
    with pytest.raises(ModelError) as caught:
        write_strategy(attrs.evolve(kielce, projects=projects), tmp_path / "k")
    assert list(tmp_path.iterdir()) == []
    polish = describe_error(caught.value, locale="pl")
    english = describe_error(caught.value, locale="en")
    assert "no annual report on 2025" in english
    assert "„KIE-P-03”" in polish
    assert "2025" in polish
    names = [kielce.title, "KIE-P-03", "kielce-2030"]
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []
    assert identifiers(polish, names=names) == identifiers(english, names=names) == []


@pytest.fixture
def folder(kielce: Strategy, tmp_path: Path) -> Path:
    """Kielce with the 2024 report, written to a folder the tests then break."""
    return write_strategy(_with_2024(kielce), tmp_path / "kielce-2024", like=SHIPPED)


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


def test_a_file_named_otherwise_than_its_year_is_an_error(folder: Path) -> None:
    """reports/2025.toml holding the report on 2024 is located, with the name to give it."""
    (folder / REPORTS_FOLDER / "2024.toml").rename(folder / REPORTS_FOLDER / "2025.toml")
    with pytest.raises(DataFileError, match=r"report\.year.*name it '2024\.toml'") as caught:
        read_strategy(folder)
    assert caught.value.path.endswith("2025.toml")


def test_a_second_report_on_the_year_of_strategy_toml_is_an_error(folder: Path) -> None:
    """reports/2023.toml beside strategy.toml's report on 2023 names where the first one is."""
    file = folder / REPORTS_FOLDER / "2024.toml"
    _edit(file, "year = 2024\nperiod_start = 2024-01-01", "year = 2023\nperiod_start = 2023-01-01")
    _edit(file, "period_end = 2024-12-31", "period_end = 2023-12-31")
    _edit(
        file,
        '[[project]]\nlp = 1\ncode = "KIE-P-03"\ndescription = "Wykonano roboty budowlane."\n\n',
        "",
    )
    _edit(
        file, '[[project]]\nlp = 2\ncode = "KIE-P-05"\ndescription = "Zakupiono wyposażenie."\n', ""
    )
    file.rename(folder / REPORTS_FOLDER / "2023.toml")
    with pytest.raises(
        DataFileError, match=r"a second report on 2023 \(the first is in strategy\.toml\)"
    ):
        read_strategy(folder)


def test_a_report_outside_the_period_is_an_error(folder: Path) -> None:
    """A report on 2031 of a strategy for 2022–2030 is located at its year."""
    file = folder / REPORTS_FOLDER / "2024.toml"
    _edit(file, "year = 2024", "year = 2031")
    file.rename(folder / REPORTS_FOLDER / "2031.toml")
    with pytest.raises(DataFileError, match=r"report\.year.*2031 is outside the strategy's period"):
        read_strategy(folder)


def test_a_project_on_the_list_of_another_year_is_an_error(folder: Path) -> None:
    """A project completed in 2023 (projects.tsv) on the 2024 list is named, with its list."""
    _edit(folder / REPORTS_FOLDER / "2024.toml", 'code = "KIE-P-05"', 'code = "KIE-P-01"')
    with pytest.raises(DataFileError) as caught:
        read_strategy(folder)
    assert caught.value.path.endswith("2024.toml")
    assert (
        "'KIE-P-01' was completed in 2023 (projects.tsv), so it belongs to the list of the report on 2023"
        in str(caught.value)
    )


def test_a_project_of_the_later_report_in_completed_toml_is_an_error(folder: Path) -> None:
    """completed.toml is the list of strategy.toml's report (2023), not of the one on 2024."""
    text = (folder / REPORTS_FOLDER / "2024.toml").read_text("utf-8")
    listed = text[text.index("[[project]]") :]
    (folder / REPORTS_FOLDER / "2024.toml").write_text(text[: text.index("[[project]]")], "utf-8")
    completed = folder / "completed.toml"
    completed.write_text(
        completed.read_text("utf-8")
        + "\n"
        + listed.replace("lp = 1", "lp = 101").replace("lp = 2", "lp = 102"),
        "utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        read_strategy(folder)
    assert caught.value.path.endswith("completed.toml")
    assert (
        "'KIE-P-03' was completed in 2024 (projects.tsv), so it belongs to the list of the report on 2024, not of the report on 2023"
        in str(caught.value)
    )


def test_a_report_file_without_a_report_or_with_an_unknown_table_is_an_error(folder: Path) -> None:
    """Every table of a report file is one it knows, and [report] is there."""
    file = folder / REPORTS_FOLDER / "2024.toml"
    _edit(file, "[report]", "[raport]")
    with pytest.raises(DataFileError, match=r"missing table \[report\]") as caught:
        read_strategy(folder)
    assert "raport" in str(caught.value)


def test_other_files_in_the_reports_folder_are_not_read(folder: Path) -> None:
    """A README beside the report files is left alone."""
    (folder / REPORTS_FOLDER / "README.md").write_text("Raporty roczne.\n", "utf-8")
    assert [r.year for r in read_strategy(folder).reports] == [2023, 2024]


def test_a_folder_with_its_reports_only_in_the_reports_folder_reads(
    kielce: Strategy, folder: Path, tmp_path: Path
) -> None:
    """strategy.toml without a [report]: every report may live in reports/ (no completed list)."""
    bare = tmp_path / "bare"
    shutil.copytree(folder, bare)
    text = (bare / "strategy.toml").read_text("utf-8")
    for start, end in (
        ("[[sections]]", "[[other_documents]]"),
        ("[report]", "[[strategic_goals]]"),
        ("introduction = ", "# The survey"),
    ):
        text = text[: text.index(start)] + text[text.index(end) :]
    (bare / "strategy.toml").write_text(text, "utf-8")
    (bare / "completed.toml").write_text("", "utf-8")
    projects = (bare / "projects.tsv").read_text("utf-8").replace("\t2023\t", "\t\t")
    (bare / "projects.tsv").write_text(projects, "utf-8")
    found = read_strategy(bare)
    assert [r.year for r in found.reports] == [2024]
    assert found.report(2024).introduction.startswith("Raport za 2024 r.")
