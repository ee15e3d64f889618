"""The merge log's costs and reasons, the merged folder's README and its units, both languages."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from citystrategy.collect import log_table, merge_forms, write_forms, write_merge
from citystrategy.model import Strategy
from tests.collect.helpers import fill
from tests.language import english_words, identifiers, polish_words

IND = "Wskaźniki"
PRJ = "Projekty"


@pytest.fixture(scope="module")
def filled(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four 2024 forms, every value the 2023 one (or a reason), three projects completed."""
    import openpyxl

    forms = write_forms(kielce, 2024, tmp_path_factory.mktemp("forms"))
    for path in forms:
        book = openpyxl.load_workbook(path)
        sheet = book[IND]
        for row in range(2, sheet.max_row + 1):
            previous = sheet.cell(row, 5).value
            if not isinstance(previous, int | float):
                previous = sheet.cell(row, 4).value
            if isinstance(previous, int | float):
                sheet.cell(row, 9).value = previous
            elif sheet.cell(row, 1).value:
                sheet.cell(row, 10).value = "- * brak danych w terminie (jeszcze nieopublikowane)"
        projects = book[PRJ]
        for row in range(2, projects.max_row + 1):
            if projects.cell(row, 1).value:
                projects.cell(row, 5).value = "nie"
        book.save(path)
    fill(
        forms[0],
        {
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): 5200000,  # a whole number typed in a number cell
            (PRJ, "G2"): "Staże i bony szkoleniowe dla 120 osób.",
            (PRJ, "E3"): "tak",  # no cost given
            (PRJ, "E4"): "tak",
            (PRJ, "F4"): "104 550 zł",  # typed as text, without grosze
        },
    )
    return forms


def _rows(table_locale: str, kielce: Strategy, forms: list[Path]) -> dict[str, list[str]]:
    """The project rows of the log's CSV file, by code, as a spreadsheet user reads them."""
    import io

    from citystrategy.reports.csv import write_csv

    result = merge_forms(kielce, 2024, forms)
    assert result.error() is None
    out = io.StringIO()
    write_csv(log_table(result, locale=table_locale), out, locale=table_locale)
    delimiter = ";" if table_locale.startswith("pl") else ","
    rows = list(csv.reader(out.getvalue().splitlines(), delimiter=delimiter))
    return {row[1]: row for row in rows[1:] if row[1].startswith("KIE-P")}


@pytest.mark.parametrize(
    ("locale", "costs", "kept"),
    [
        ("pl_PL", ["5200000,00", "", "104550,00"], "bez kosztu w formularzu: zostaje koszt"),
        ("en_GB", ["5200000.00", "", "104550.00"], "no cost in the form: the cost the data has"),
    ],
)
def test_every_cost_of_the_log_is_written_to_the_grosz(
    filled: list[Path], kielce: Strategy, locale: str, costs: list[str], kept: str
) -> None:
    """Costs typed 5200000 and '104 550 zł' are logged alike; a missing one says what stands."""
    rows = _rows(locale, kielce, filled)
    assert [rows[code][3] for code in ("KIE-P-03", "KIE-P-05", "KIE-P-07")] == costs
    reason = rows["KIE-P-05"][5]
    assert reason.startswith(kept)
    assert rows["KIE-P-03"][5] == rows["KIE-P-07"][5] == ""
    # the catalogue has a cost for KIE-P-05: it stands, as the warning no_cost says
    (project,) = [p for p in kielce.projects if p.code == "KIE-P-05"]
    assert project.cost is not None
    if locale == "pl_PL":
        assert english_words(reason) == []
    else:
        assert polish_words(reason) == []


def test_a_project_without_a_cost_anywhere_says_so(
    filled: list[Path], kielce: Strategy, tmp_path: Path
) -> None:
    """With no cost in the data either, the log's reason says that there is none."""
    import attrs

    stripped = attrs.evolve(
        kielce,
        projects=[
            attrs.evolve(p, cost=None) if p.code == "KIE-P-05" else p for p in kielce.projects
        ],
    )
    rows = _rows("pl_PL", stripped, filled)
    assert rows["KIE-P-05"][5] == "bez kosztu w formularzu, a w danych też go nie ma"
    assert _rows("en_GB", stripped, filled)["KIE-P-05"][5] == (
        "no cost in the form, and the data has none"
    )


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_the_readme_documents_the_source_column(
    filled: list[Path], kielce: Strategy, tmp_path: Path, locale: str
) -> None:
    """The merged folder's README says what value_2024 and source_2024 of indicators.tsv hold."""
    result = merge_forms(kielce, 2024, filled)
    folder, _log = write_merge(result, tmp_path / "kielce-2024", locale=locale)
    header = (folder / "indicators.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert "source_2024" in header
    text = (folder / "README.md").read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines() if "`source_2024`" in line)
    # the example is a cell of the column as written
    rows = (folder / "indicators.tsv").read_text(encoding="utf-8").splitlines()[1:]
    sources = {row.split("\t")[header.index("source_2024")] for row in rows}
    example = paragraph.split("(`")[1].split("`)")[0]
    assert example in sources
    words = paragraph.replace(example, "")
    names = ["indicators.tsv", "value_2024", "source_2024"]
    assert identifiers(words, names=names) == []
    if locale == "pl_PL":
        assert "kolumna `source_2024` – skąd pochodzi każda z nich" in words
        assert english_words(words, names=names) == []
    else:
        assert "the column `source_2024` where each came from" in words
        assert polish_words(words, names=names) == []


def test_a_folder_written_without_like_spells_units_as_data_folders_do(
    filled: list[Path], kielce: Strategy, tmp_path: Path
) -> None:
    """Without like=, indicators.tsv writes 'MWh' and 'kPLN', not 'megawatt_hour', and reads back."""
    from citystrategy.io.strategy_files import read_strategy

    result = merge_forms(kielce, 2024, filled)
    folder, _log = write_merge(result, tmp_path / "kielce-2024")
    lines = (folder / "indicators.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    units = {row.split("\t")[0]: row.split("\t")[header.index("unit")] for row in lines[1:] if row}
    assert units["KIE-2.4-09"] == "MWh"
    assert units["KIE-3.3-02"] == "kPLN"
    assert units["KIE-3.3-03"] == "MPLN"
    assert units["KIE-4.2-01"] == "PLN / km"
    text = "\n".join(lines)
    for name in ("megawatt_hour", "kiloPLN", "megaPLN", "PLN / kilometer"):
        assert name not in text
    again = read_strategy(folder)
    assert [i.unit for i in again.indicators] == [i.unit for i in result.strategy.indicators]
    # with like=, the template's own spelling is kept, byte for byte as before
    shipped = tmp_path / "shipped"
    from importlib.resources import as_file, files

    with as_file(files("citystrategy.cities.kielce") / "data") as source:
        shutil.copytree(source, shipped)
    liked, _log = write_merge(result, tmp_path / "liked", like=str(shipped))
    liked_lines = (liked / "indicators.tsv").read_text(encoding="utf-8").splitlines()
    shipped_lines = (shipped / "indicators.tsv").read_text(encoding="utf-8").splitlines()
    unit_at = shipped_lines[0].split("\t").index("unit")
    liked_at = liked_lines[0].split("\t").index("unit")
    assert [line.split("\t")[liked_at] for line in liked_lines[1:]] == [
        line.split("\t")[unit_at] for line in shipped_lines[1:]
    ]
