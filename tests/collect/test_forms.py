"""Forms out: one protected, validated XLSX form per unit, identified by a very hidden sheet."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import attrs
import openpyxl
import pytest

from citystrategy.collect import (
    GroupBy,
    SourceKind,
    form_groups,
    source_kind,
    write_forms,
)
from citystrategy.errors import OutputExistsError
from citystrategy.model import Missing, Strategy
from tests.collect.helpers import row_of, tsv
from tests.language import english_words, identifiers, polish_words

GOAL_1 = "cel-strategiczny-1-miasto-dla-kazdego.xlsx"


@pytest.fixture(scope="module")
def forms(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four Polish forms of Kielce for 2024, grouped by strategic goal."""
    return write_forms(kielce, 2024, tmp_path_factory.mktemp("forms"))


def test_groups_by_goal_follow_the_data_files(kielce: Strategy) -> None:
    """By goal: each strategic goal's indicators, and its open projects by their first goal."""
    indicators = Counter(row["goal"].split(".")[0] for row in tsv("indicators.tsv"))
    completed = {row["code"] for row in tsv("projects.tsv") if row["completed_in"]}
    first_goal: dict[str, str] = {}
    for row in tsv("goal_links.tsv"):
        first_goal.setdefault(row["project"], row["operational_goal"].split(".")[0])
    projects = Counter(goal for code, goal in first_goal.items() if code not in completed)
    groups = form_groups(kielce, 2024, by="goal")
    assert [g.key for g in groups] == ["goal:1", "goal:2", "goal:3", "goal:4"]
    assert {g.key: len(g.indicators) for g in groups} == {
        f"goal:{k}": n for k, n in indicators.items()
    }
    assert {g.key: len(g.projects) for g in groups} == {f"goal:{k}": n for k, n in projects.items()}
    assert groups[0].name == "Cel strategiczny 1. Miasto dla każdego"


def test_projects_completed_before_the_year_are_left_out(kielce: Strategy) -> None:
    """The 2023 forms still list the ten projects completed in 2023; the 2024 ones do not."""
    completed = {row["code"] for row in tsv("projects.tsv") if row["completed_in"] == "2023"}
    assert len(completed) == 10
    listed_2024 = {p.code for g in form_groups(kielce, 2024) for p in g.projects}
    listed_2023 = {p.code for g in form_groups(kielce, 2023) for p in g.projects}
    assert not completed & listed_2024
    assert completed <= listed_2023
    assert len(listed_2023) == len(kielce.projects)


def test_source_classification_of_kielce(kielce: Strategy) -> None:
    """Survey: survey=yes (29); GUS BDL: the four '- *' values (not in BDL); the rest records."""
    rows = tsv("indicators.tsv")
    survey = {row["code"] for row in rows if row["survey"] == "yes"}
    bdl = {row["code"] for row in rows if "- *" in (row["value_2023"], row["value_2022"])}
    assert bdl == {"KIE-3.3-02", "KIE-3.3-03", "KIE-3.3-04", "KIE-3.4-01"}
    groups = {g.key: {i.code for i in g.indicators} for g in form_groups(kielce, 2024, by="source")}
    assert groups["source:survey"] == survey
    assert len(survey) == 29
    assert groups["source:bdl"] == bdl
    assert len(groups["source:records"]) == 112 - 29 - 4
    missing = [o.missing for o in kielce.observations if o.missing and o.indicator == "KIE-3.3-02"]
    assert source_kind(kielce.indicator("KIE-3.3-02")) is SourceKind.RECORDS  # without reasons
    assert source_kind(kielce.indicator("KIE-3.3-02"), missing) is SourceKind.BDL


def test_one_form_for_all(kielce: Strategy) -> None:
    """by='all' puts every indicator and every open project on one form."""
    (group,) = form_groups(kielce, 2024, by=GroupBy.ALL)
    assert len(group.indicators) == 112
    assert len(group.projects) == 34


def test_a_form_per_goal_is_written(forms: list[Path]) -> None:
    """Four files, named after the goals, each with the four sheets."""
    assert next(p.name for p in forms) == GOAL_1
    assert len(forms) == 4
    workbook = openpyxl.load_workbook(forms[0])
    assert workbook.sheetnames == ["Instrukcja", "Wskaźniki", "Projekty", "citystrategy"]
    assert workbook["citystrategy"].sheet_state == "veryHidden"
    for name in ("Instrukcja", "Wskaźniki", "Projekty"):
        assert workbook[name].sheet_state == "visible"
        assert workbook[name].protection.sheet is True
        assert workbook[name].protection.password is None


def test_indicator_sheet_layout(forms: list[Path]) -> None:
    """Headers, previous values as numbers, the input column 'Wartość 2024', frozen header."""
    sheet = openpyxl.load_workbook(forms[0])["Wskaźniki"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [
        "Kod",
        "Wskaźnik",
        "Jednostka",
        "Wartość 2022",
        "Wartość 2023",
        "Wartość docelowa",
        "Kierunek zmiany pożądanej",
        "Zakres wiarygodnych wartości",
        "Wartość 2024",
        "Przyczyna braku wartości",
        "Uwagi",
    ]
    assert sheet.freeze_panes == "C2"
    row = [cell.value for cell in sheet[2]]
    # indicators.tsv: KIE-1-01 5,2 % (2023), 12,3 % (2022), target 14,3%
    assert row[:8] == [
        "KIE-1-01",
        "Odsetek kielczanek i kielczan uważających, że Miasto Kielce zapewnia równe warunki do "
        "życia i rozwoju wszystkim swoim mieszkańcom",
        "%",
        12.3,
        5.2,
        "≥\xa014,3%",
        "stymulanta (im więcej, tym lepiej)",
        "0–100",
    ]
    assert sheet["D2"].number_format == "#,##0.0"
    assert sheet["A2"].protection.locked is True
    assert sheet["D2"].protection.locked is True
    for column in "IJK":
        assert sheet[f"{column}2"].protection.locked is False
        assert sheet[f"{column}2"].fill.fgColor.rgb == "FFFFF2CC"


def test_missing_previous_value_shows_its_sign(forms: list[Path]) -> None:
    """KIE-3.3-02 has '- *' for 2023 in the data; the form shows the sign, not 0."""
    path = forms[2]
    row = row_of(path, "Wskaźniki", "KIE-3.3-02")
    sheet = openpyxl.load_workbook(path)["Wskaźniki"]
    assert sheet[f"E{row}"].value == "- *"
    assert sheet[f"D{row}"].value == 1594522  # '1 594 522' in 2022
    # the sign's meaning, strategy.toml's footnote of '- *' (the report's), in a note on the cell
    comment = sheet[f"E{row}"].comment
    assert comment is not None
    assert comment.text == (
        "na dzień sporządzenia raportu brak danych w Bazie Danych Lokalnych GUS (dane zostaną "
        "dopisane po ich udostępnieniu)."
    )


def test_a_missing_value_without_a_sign_is_said_in_words(kielce: Strategy, tmp_path: Path) -> None:
    """A missing 2023 value without a sign reads "brak wartości", never a dash (GUS's "none")."""
    observations = tuple(
        attrs.evolve(o, value=None, raw="", missing=Missing(code="not_stated"))
        if (o.indicator, o.year) == ("KIE-1-01", 2023)
        else o
        for o in kielce.observations
    )
    path = write_forms(attrs.evolve(kielce, observations=observations), 2024, tmp_path)[0]
    row = row_of(path, "Wskaźniki", "KIE-1-01")
    cell = openpyxl.load_workbook(path)["Wskaźniki"][f"E{row}"]
    assert (cell.value, cell.comment) == ("brak wartości", None)


def test_validations_are_there(forms: list[Path]) -> None:
    """A decimal in the plausible range (a warning), a list of reasons, a yes/no list."""
    workbook = openpyxl.load_workbook(forms[0])
    rules = {str(v.sqref): v for v in workbook["Wskaźniki"].data_validations.dataValidation}
    value = rules["I2"]
    assert (value.type, value.operator, value.formula1, value.formula2) == (
        "decimal",
        None,  # OOXML's default operator: between
        "0",
        "100",
    )
    assert value.errorStyle == "warning"
    assert value.prompt is not None
    assert "Przecinek dziesiętny: 12,5" in value.prompt
    count_row = row_of(forms[0], "Wskaźniki", "KIE-1.1-04")  # persons: 0 or more
    count = rules[f"I{count_row}"]
    assert (count.type, count.operator, count.formula1) == ("decimal", "greaterThanOrEqual", "0")
    # the survey's sample size (strategy.toml's survey_responses_indicator): one response or more
    sample_row = row_of(forms[0], "Wskaźniki", "KIE-1.3-06")
    sample = rules[f"I{sample_row}"]
    assert (sample.type, sample.operator, sample.formula1) == ("decimal", "greaterThanOrEqual", "1")
    assert workbook["Wskaźniki"][f"H{sample_row}"].value == "≥\xa01"
    reasons = rules["J2"]
    assert reasons.type == "list"
    assert reasons.formula1 == "'citystrategy'!$G$1:$G$4"
    listed = [workbook["citystrategy"][f"G{n}"].value for n in range(1, 5)]
    assert listed[0] == "- * brak danych w terminie (jeszcze nieopublikowane)"
    assert [item.split(" ")[0] for item in listed] == ["-", "–", ".", "x"]
    projects = {str(v.sqref): v for v in workbook["Projekty"].data_validations.dataValidation}
    assert projects["E2"].type == "list"
    assert [workbook["citystrategy"][f"H{n}"].value for n in (1, 2)] == ["tak", "nie"]
    assert (projects["F2"].type, projects["F2"].operator) == ("decimal", "greaterThanOrEqual")


def test_hidden_sheet_identifies_the_form(forms: list[Path], kielce: Strategy) -> None:
    """Strategy, year, unit and a SHA-256 of the codes as the visible sheets list them."""
    workbook = openpyxl.load_workbook(forms[0])
    hidden = workbook["citystrategy"]
    meta = {hidden[f"A{n}"].value: hidden[f"B{n}"].value for n in range(1, 12)}
    assert meta["strategy"] == kielce.code
    assert meta["year"] == "2024"
    assert meta["unit"] == "goal:1"
    codes = [c.value for c in workbook["Wskaźniki"]["A"][1:]]
    projects = [c.value for c in workbook["Projekty"]["A"][1:]]
    lines = [f"indicator\t{c}" for c in codes] + [f"project\t{c}" for c in projects]
    assert meta["fingerprint"] == hashlib.sha256("\n".join(lines).encode()).hexdigest()
    rows = [
        (hidden[f"A{n}"].value, hidden[f"B{n}"].value, hidden[f"C{n}"].value)
        for n in range(14, 14 + len(codes) + len(projects))
    ]
    assert rows[0] == ("Wskaźniki", 2, "KIE-1-01")
    assert rows[len(codes)] == ("Projekty", 2, projects[0])


def test_existing_forms_are_kept(kielce: Strategy, tmp_path: Path) -> None:
    """Writing again refuses before writing anything; force=True replaces the forms."""
    write_forms(kielce, 2024, tmp_path, by="all")
    (path,) = tmp_path.iterdir()
    before = path.read_bytes()
    with pytest.raises(OutputExistsError):
        write_forms(kielce, 2024, tmp_path, by="all")
    assert path.read_bytes() == before
    assert write_forms(kielce, 2024, tmp_path, by="all", force=True) == [path]


def _texts(path: Path) -> tuple[str, list[str]]:
    """The words a person reads on a form (instructions, headers, messages) and the data names."""
    workbook = openpyxl.load_workbook(path)
    texts = [str(c.value) for row in workbook.worksheets[0].iter_rows() for c in row if c.value]
    texts += [str(c.value) for c in workbook.worksheets[1][1]]
    texts += [str(c.value) for c in workbook.worksheets[2][1]]
    for sheet in workbook.worksheets[1:3]:
        for rule in sheet.data_validations.dataValidation:
            texts += [rule.prompt or "", rule.error or "", rule.promptTitle or ""]
    texts += [str(workbook["citystrategy"][f"G{n}"].value) for n in range(1, 5)]
    names = [
        str(workbook["citystrategy"]["B6"].value),
        "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City",
    ]
    return "\n".join(texts), names


def test_polish_form_has_no_english(forms: list[Path]) -> None:
    """The instructions, headers and input messages of a Polish form are Polish."""
    text, names = _texts(forms[0])
    assert "Co oznaczają kolory" in text
    assert english_words(text, names=names) == []
    assert identifiers(text, names=names) == []


def test_english_form_has_no_polish(kielce: Strategy, tmp_path: Path) -> None:
    """locale='en_GB' writes the same form in English (sheet names too)."""
    (path,) = write_forms(kielce, 2024, tmp_path, by="all", locale="en_GB")
    assert openpyxl.load_workbook(path).sheetnames[:3] == ["Instructions", "Indicators", "Projects"]
    text, names = _texts(path)
    assert "What the colours mean" in text
    assert polish_words(text, names=names) == []
    assert identifiers(text, names=names) == []


def test_importing_collect_loads_no_spreadsheet_library() -> None:
    """xlsxwriter and openpyxl are loaded when a form is written or read, not on import."""
    code = (
        "import sys, citystrategy.collect, citystrategy.reports;"
        "print('xlsxwriter' in sys.modules, 'openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False False"


def test_a_responsible_unit_gets_its_own_form(kielce: Strategy) -> None:
    """Indicators and projects naming their unit go on its form; the rest by the rule."""
    import attrs

    indicators = [
        attrs.evolve(i, responsible="Wydział Edukacji") if i.goal_code == "3.5" else i
        for i in kielce.indicators
    ]
    projects = [attrs.evolve(p, responsible="Wydział Edukacji") for p in kielce.projects[:3]]
    strategy = attrs.evolve(
        kielce, indicators=indicators, projects=[*projects, *kielce.projects[3:]]
    )
    groups = {g.key: g for g in form_groups(strategy, 2024)}
    unit = groups["unit:Wydział Edukacji"]
    assert unit.name == "Wydział Edukacji"
    assert unit.file_name == "wydzial-edukacji.xlsx"
    assert [i.code for i in unit.indicators] == [f"KIE-3.5-0{n}" for n in range(1, 7)]
    assert [p.code for p in unit.projects] == ["KIE-P-03"]  # P-01 and P-02: completed in 2023
    assert len(groups["goal:3"].indicators) == 34 - 6


def test_an_english_form_says_to_type_english_numbers(kielce: Strategy, tmp_path: Path) -> None:
    """An English form asks for a decimal point everywhere and records its locale for the reader."""
    (path,) = write_forms(kielce, 2024, tmp_path, by="all", locale="en")
    text, _ = _texts(path)
    assert "with a decimal point: 12.5 (not 12,5)" in text
    assert "A decimal point: 12.5." in text
    assert "in złoty: 1 234 567.89." in text
    assert "(1,234) is refused as ambiguous" in text
    assert "decimal comma" not in text
    assert "12,5" not in text.replace("(not 12,5)", "")
    assert openpyxl.load_workbook(path)["citystrategy"]["B8"].value == "en"


def test_a_polish_form_says_to_type_a_decimal_comma(forms: list[Path]) -> None:
    """A Polish form keeps the decimal comma in its instructions and input messages."""
    text, _ = _texts(forms[0])
    assert "z przecinkiem dziesiętnym: 12,5 (nie 12.5)" in text
    assert "Przecinek dziesiętny: 12,5." in text
    assert "kropk" not in text
    assert openpyxl.load_workbook(forms[0])["citystrategy"]["B8"].value == "pl_PL"


@pytest.mark.parametrize("year", [20233, 1999, 2031], ids=str)
def test_a_year_outside_the_strategy_is_refused(
    kielce: Strategy, year: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped year (20233), or one before or after 2022–2030, gets no forms, no status and
    no merge: an error naming the strategy's years, and nothing written."""
    from citystrategy.cli import main
    from citystrategy.collect import form_status, merge_forms
    from citystrategy.errors import ArgumentError

    for call in (
        lambda: write_forms(kielce, year, tmp_path / "f"),
        lambda: form_status(kielce, year, [tmp_path]),
        lambda: merge_forms(kielce, year, [tmp_path]),
    ):
        with pytest.raises(ArgumentError, match="a year of the strategy, 2022 to 2030"):
            call()
    code = main(["collect", "forms", "kielce", "--year", str(year), "-o", str(tmp_path / "f")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        f"citystrategy: błąd: „--year” – dozwolone: rok z okresu strategii, od 2022 do 2030 "
        f"(podano {year})\n"
    )
    assert not (tmp_path / "f").exists()
