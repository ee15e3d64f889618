"""A strategy from a workbook: the template written, filled as a person does, read back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import openpyxl
import pytest

from citystrategy.cli import main
from citystrategy.collect import read_template, write_forms, write_template
from citystrategy.errors import FormError, FormProblem, OutputExistsError
from citystrategy.io import write_strategy
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import (
    Direction,
    ImplementerKind,
    Level,
    Observation,
    Strategy,
    TargetKind,
)
from citystrategy.money import Money
from citystrategy.reports import describe_error
from tests.collect.helpers import tsv
from tests.language import english_words, identifiers, polish_words

SHIPPED = files("citystrategy.cities.kielce") / "data"
#: The Polish sheet names, as a person sees them in the spreadsheet.
META, GOALS, DIRS, IND, PROJ = "Strategia", "Cele", "Kierunki działań", "Wskaźniki", "Projekty"


@pytest.fixture(scope="module")
def shipped() -> Strategy:
    """Kielce as read_strategy reads the shipped folder."""
    return read_strategy(SHIPPED)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, kielce: Strategy) -> Path:
    """Kielce's strategy exported into a template."""
    folder = tmp_path_factory.mktemp("template")
    return write_template(folder / "strategia.xlsx", strategy=kielce)


@pytest.fixture(scope="module")
def imported(exported: Path) -> Strategy:
    """The exported Kielce template read back."""
    return read_template(exported)


# --- (1) Kielce exported and imported back ---------------------------------------------------


def test_goals_and_directions_come_back(imported: Strategy, shipped: Strategy) -> None:
    """Every strategic and operational goal and action direction, with its code and name."""
    assert [(g.code, g.name) for g in imported.strategic_goals] == [
        (g.code, g.name) for g in shipped.strategic_goals
    ]
    assert [(o.code, o.name, o.strategic_code) for o in imported.operational_goals] == [
        (o.code, o.name, o.strategic_code) for o in shipped.operational_goals
    ]
    assert [(d.code, d.goal_code, d.name) for d in imported.action_directions] == [
        (d.code, d.goal_code, d.name) for d in shipped.action_directions
    ]
    assert len(imported.action_directions) == len(tsv("action_directions.tsv"))


def test_indicators_come_back(imported: Strategy, shipped: Strategy) -> None:
    """Units, directions, levels, targets (kind, value, range, year, limit) of all indicators."""
    assert len(imported.indicators) == len(shipped.indicators) == len(tsv("indicators.tsv"))
    for mine, theirs in zip(imported.indicators, shipped.indicators, strict=True):
        assert (mine.code, mine.goal_code, mine.name) == (
            theirs.code,
            theirs.goal_code,
            theirs.name,
        )
        assert (mine.unit, mine.direction, mine.level) == (
            theirs.unit,
            theirs.direction,
            theirs.level,
        )
        assert (mine.survey, mine.responsible) == (theirs.survey, theirs.responsible)
        if theirs.target is None:
            assert mine.target is None
            continue
        assert mine.target is not None
        got, want = mine.target, theirs.target
        assert (got.kind, got.value, got.low, got.high, got.year, got.limit) == (
            want.kind,
            want.value,
            want.low,
            want.high,
            want.year,
            want.limit,
        ), mine.code
    first = imported.indicator("KIE-1-01")
    assert first.target is not None
    # indicators.tsv: target "14,3%", at_least, percent, higher_is_better
    assert (first.unit, first.target.value, first.target.kind) == (
        "percent",
        Decimal("14.3"),
        TargetKind.AT_LEAST,
    )
    assert first.direction is Direction.HIGHER_IS_BETTER


def test_base_values_are_the_earliest_values(imported: Strategy, shipped: Strategy) -> None:
    """Each indicator's base is its earliest value in the shipped data, or its missing sign."""
    earliest: dict[str, Observation] = {}
    for obs in shipped.observations:
        if obs.indicator not in earliest or obs.year < earliest[obs.indicator].year:
            earliest[obs.indicator] = obs
    got = {obs.indicator: obs for obs in imported.observations}
    assert set(got) == set(earliest)
    for code, want in earliest.items():
        mine = got[code]
        assert (mine.year, mine.value) == (want.year, want.value), code
        marker = want.missing.marker if want.missing else None
        assert (mine.missing.marker if mine.missing else None) == marker
    # indicators.tsv: KIE-1-01 has "12,3 %" in value_2022
    assert got["KIE-1-01"].value == Decimal("12.3")


def test_projects_come_back(imported: Strategy, shipped: Strategy) -> None:
    """Costs to the grosz, goal links with their directions, implementers."""
    assert [p.code for p in imported.projects] == [p.code for p in shipped.projects]
    for mine, theirs in zip(imported.projects, shipped.projects, strict=True):
        assert (mine.name, mine.cost, mine.responsible) == (
            theirs.name,
            theirs.cost,
            theirs.responsible,
        )
        assert mine.operational_goals == theirs.operational_goals
        want: dict[str, set[str]] = {goal: set() for goal in theirs.operational_goals}
        for link in theirs.links:
            want[link.operational_goal] |= set(link.action_directions)
        assert {link.operational_goal: set(link.action_directions) for link in mine.links} == want
        assert mine.implementer == theirs.implementer
    # goal_links.tsv, row 1 of table 1: KIE-P-01 costs 8 818 970,62 zł
    assert imported.project("KIE-P-01").cost == Money(Decimal("8818970.62"), "PLN")
    internal = [p for p in imported.projects if p.implementer and p.implementer.kind]
    assert internal, "the shipped data name internal implementers"
    assert all(p.implementer and p.implementer.kind is ImplementerKind.INTERNAL for p in internal)


def test_metadata_comes_back(imported: Strategy, shipped: Strategy) -> None:
    """Code, title, territory, period, adoption."""
    assert (imported.code, imported.title, imported.territory) == (
        shipped.code,
        shipped.title,
        shipped.territory,
    )
    assert (imported.period_start, imported.period_end) == (2022, 2030)
    assert (imported.adopted_on, imported.adopted_by, imported.resolution) == (
        dt.date(2022, 6, 9),
        "Rada Miasta Kielce",
        "Nr LXII/1256/2022",
    )


def test_the_import_is_a_data_folder(imported: Strategy, tmp_path: Path) -> None:
    """write_strategy writes it, and read_strategy reads the folder back."""
    folder = write_strategy(imported, tmp_path / "kielce")
    back = read_strategy(folder)
    assert [i.code for i in back.indicators] == [i.code for i in imported.indicators]
    assert [p.cost for p in back.projects] == [p.cost for p in imported.projects]


# --- (2) an empty template filled the way a person does ---------------------------------------


def _fill(path: Path, sheets: dict[str, dict[str, object]], target: Path | None = None) -> Path:
    """Type the cells of each sheet into the workbook at *path* with openpyxl and save it."""
    workbook = openpyxl.load_workbook(path)
    for sheet, cells in sheets.items():
        for cell, value in cells.items():
            workbook[sheet][cell] = value  # type: ignore[assignment]
    saved = target or path
    workbook.save(saved)
    return saved


def _row(*values: object, start: str = "A", row: int) -> dict[str, object]:
    return {f"{chr(ord(start) + i)}{row}": v for i, v in enumerate(values) if v is not None}


def _small_city() -> dict[str, dict[str, object]]:
    """A made-up city: 2 strategic goals, 3 indicators, 2 projects, typed as a person types."""
    return {
        META: {
            "B2": "nowe-2035",
            "B3": "Strategia Rozwoju Miasta Nowe 2035",
            "B4": "Nowe",
            "B5": "0411044",
            "B6": "gmina",
            "B7": 2025,
            "B8": 2035,
            "B9": "12.03.2025",
            "B10": "Rada Miejska w Nowem",
            "B11": "Nr X/100/2025",
        },
        GOALS: {
            **_row("1", "Miasto przyjazne mieszkańcom", None, row=2),
            **_row("1.1", "Dostępne usługi publiczne", "1", row=3),
            **_row("2", "Miasto zielone", None, row=4),
            **_row("2.1", "Czyste powietrze", "2", row=5),
        },
        DIRS: {
            **_row("1.1-01", "1.1", "Rozwój e-usług", row=2),
            **_row("2.1-01", "2.1", "Wymiana źródeł ciepła", row=3),
        },
        IND: {
            # code, goal, name, unit, direction, kind, target, year, limit, base year, base
            **_row(
                "N-1",
                "1",
                "Odsetek mieszkańców zadowolonych z usług",
                "%",
                "stymulanta",
                "co najmniej",
                "60,5 %",
                None,
                None,
                2024,
                "52,5 %",
                "tak",
                row=2,
            ),
            **_row(
                "N-2",
                "1.1",
                "Liczba spraw załatwionych przez internet",
                "liczba",
                "stymulanta (im więcej, tym lepiej)",
                "co najmniej",
                12000,
                2030,
                None,
                2024,
                "1 234",
                row=3,
            ),
            **_row(
                "N-3",
                "2.1",
                "Średnioroczne stężenie pyłu PM10",
                "µg/m³",
                "destymulanta",
                "co najwyżej",
                "<40",
                None,
                None,
                2023,
                27.5,
                row=4,
            ),
        },
        PROJ: {
            **_row(
                "N-P-1",
                "Platforma e-usług",
                "1 234 567,89 zł",
                None,
                "1.1",
                "1.1-01",
                "Urząd Miejski",
                "wewnętrzny",
                "Wydział Informatyki",
                row=2,
            ),
            **_row(
                "N-P-2",
                "Program wymiany pieców",
                250000.5,
                "PLN",
                "2.1; 1.1",
                "2.1-01",
                row=3,
            ),
        },
    }


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """An empty Polish template, filled with the small city."""
    empty = write_template(tmp_path / "pusty.xlsx")
    return _fill(empty, _small_city(), tmp_path / "nowe.xlsx")


def test_a_filled_template_becomes_a_data_folder(filled: Path, tmp_path: Path) -> None:
    """The filled template, imported and written, reads back with every value as typed."""
    folder = write_strategy(read_template(filled), tmp_path / "nowe")
    strategy = read_strategy(folder)
    assert (strategy.code, strategy.territory.name, strategy.territory.teryt) == (
        "nowe-2035",
        "Nowe",
        "0411044",
    )
    assert (strategy.period_start, strategy.period_end) == (2025, 2035)
    assert strategy.adopted_on == dt.date(2025, 3, 12)
    assert [g.code for g in strategy.strategic_goals] == ["1", "2"]
    assert [o.code for o in strategy.operational_goals] == ["1.1", "2.1"]
    n1, n2, n3 = strategy.indicators
    assert (n1.unit, n1.level, n1.survey) == ("percent", Level.IMPACT, True)
    assert n1.target is not None
    assert (n1.target.value, n1.target.year) == (Decimal("60.5"), 2035)
    assert (n2.unit, n2.level, n2.direction) == ("count", Level.RESULT, Direction.HIGHER_IS_BETTER)
    assert n2.target is not None
    assert (n2.target.value, n2.target.year) == (Decimal(12000), 2030)
    assert n3.direction is Direction.LOWER_IS_BETTER
    assert n3.target is not None
    assert (n3.target.kind, n3.target.value, n3.target.limit) == (
        TargetKind.AT_MOST,
        Decimal(40),
        True,
    )
    assert strategy.observation("N-1", 2024) is not None
    values = {(o.indicator, o.year): o.value for o in strategy.observations}
    assert values[("N-1", 2024)] == Decimal("52.5")
    assert values[("N-2", 2024)] == Decimal(1234)
    assert values[("N-3", 2023)] == Decimal("27.5")
    # N-3 has no 2024 value and N-1 no 2023 value: a missing sign, never a zero
    assert values[("N-3", 2024)] is None
    assert values[("N-1", 2023)] is None
    p1, p2 = strategy.projects
    assert p1.cost == Money(Decimal("1234567.89"), "PLN")
    assert p2.cost == Money(Decimal("250000.5"), "PLN")
    assert p1.implementer is not None
    assert p1.implementer.kind is ImplementerKind.INTERNAL
    assert p1.responsible == "Wydział Informatyki"
    assert p2.operational_goals == ("2.1", "1.1")
    assert [link.action_directions for link in p2.links] == [("2.1-01",), ()]


def test_check_runs_on_the_imported_folder(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`citystrategy check` reads the folder and reports on it (no unreadable data)."""
    folder = tmp_path / "nowe"
    assert main(["collect", "import", str(filled), "-o", str(folder)]) == 0
    capsys.readouterr()
    code = main(["check", str(folder)])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert err == ""
    assert out.strip()


# --- (3) bad entries ------------------------------------------------------------------------


def _problems(path: Path) -> list[FormProblem]:
    with pytest.raises(FormError) as raised:
        read_template(path)
    return list(raised.value.problems)


def _at(problems: list[FormProblem], sheet: str, cell: str) -> FormProblem:
    found = [p for p in problems if (p.sheet, p.cell) == (sheet, cell)]
    assert len(found) == 1, [str(p) for p in problems]
    return found[0]


def test_every_bad_entry_is_named_at_its_cell(filled: Path, tmp_path: Path) -> None:
    """A wrong direction word, '12,5,0', an unknown goal, a repeated code, a goal under a
    missing goal, a target in another unit: all at once, each with its sheet, cell and text."""
    bad = _fill(
        filled,
        {
            IND: {
                "E2": "rosnąco",
                "K3": "12,5,0",
                "B4": "9",
                **_row("N-1", "1", "Drugi wskaźnik", "%", "stymulanta", row=5),
                "J5": 2024,
                "K5": 3,
                "G2": "5 zł",
            },
            GOALS: _row("3.1", "Cel bez celu strategicznego", "3", row=6),
        },
        tmp_path / "zle.xlsx",
    )
    problems = _problems(bad)
    direction = _at(problems, IND, "E2")
    assert direction.text == "rosnąco"
    words = describe_error(FormError([direction]), locale="pl")
    assert "to nie jest kierunek zmiany pożądanej z listy" in words
    assert _at(problems, IND, "K3").text == "12,5,0"
    assert _at(problems, IND, "B4").text == "9"
    duplicate = _at(problems, IND, "A5")
    assert (duplicate.text, duplicate.message.values["first"]) == ("N-1", 2)
    assert _at(problems, GOALS, "C6").text == "3"
    unit = _at(problems, IND, "G2")
    assert unit.text == "5 zł"
    # the units as the workbook shows them, not as registry keys
    assert "'zł'" in str(unit)
    assert "'%'" in str(unit)
    assert len(problems) == 6
    assert all(p.path == str(bad) for p in problems)


def test_a_formula_is_refused_with_its_cell(filled: Path, tmp_path: Path) -> None:
    """A formula typed in a cell is never evaluated: refused, its cell and text named."""
    bad = _fill(filled, {PROJ: {"C3": "=1000*250"}}, tmp_path / "formula.xlsx")
    problem = _at(_problems(bad), PROJ, "C3")
    assert problem.text == "=1000*250"
    assert "formuła" in describe_error(FormError([problem]), locale="pl")


def test_a_file_that_is_not_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text file named .xlsx is refused before any parsing, and no folder is written."""
    fake = tmp_path / "strategia.xlsx"
    fake.write_text("kod;nazwa\n1;Cel\n", encoding="utf-8")
    (problem,) = _problems(fake)
    assert (problem.path, problem.sheet) == (str(fake), None)
    assert "zip" in str(problem)
    folder = tmp_path / "nowe"
    assert main(["collect", "import", str(fake), "-o", str(folder)]) == 2
    _, err = capsys.readouterr()
    assert "to nie jest skoroszyt" in err or "skoroszyt" in err
    assert not folder.exists()


def test_a_data_form_is_said_to_be_one(
    kielce: Strategy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A form of the monitoring cycle given to `collect import` is one problem that says what
    it is and which command takes it, not 23 missing sheets and moved columns."""
    (form, *_) = write_forms(kielce, 2024, tmp_path / "formularze")
    (problem,) = _problems(form)
    assert (problem.path, problem.sheet, problem.cell) == (str(form), None, None)
    folder = tmp_path / "nowe"
    assert main(["collect", "import", str(form), "-o", str(folder)]) == 2
    _, err = capsys.readouterr()
    assert err.splitlines()[1:] == [
        f"  {form}: to formularz danych za jeden rok (citystrategy collect forms), a nie "
        "skoroszyt strategii: scal go z danymi poleceniem citystrategy collect merge"
    ]
    assert not folder.exists()


def test_bad_entries_through_the_cli_write_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect import` prints one line per problem on stderr, exits 2 and writes no folder."""
    bad = _fill(filled, {IND: {"E2": "rosnąco", "K3": "12,5,0"}}, tmp_path / "zle.xlsx")
    folder = tmp_path / "nowe"
    code = main(["collect", "import", str(bad), "-o", str(folder)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    lines = err.strip().splitlines()
    assert "2 problemy" in lines[0]
    assert any("arkusz „Wskaźniki”, komórka E2" in line and "„rosnąco”" in line for line in lines)
    assert any("komórka K3" in line and "„12,5,0”" in line for line in lines)
    assert english_words(err, names=[str(bad), "rosnąco", "12,5,0", IND]) == []
    assert not folder.exists()


# --- (4) the words of the template ----------------------------------------------------------


def _words_of(path: Path, sheets: list[str]) -> str:
    """Every text of the headers and instructions of *sheets* (row 1 and the whole of the
    instructions and the strategy sheet)."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    texts = []
    try:
        for index, name in enumerate(sheets):
            for row in workbook[name].iter_rows(values_only=True):
                texts += [str(value) for value in row if isinstance(value, str)]
                if index > 1:
                    break  # a table: its header row only
    finally:
        workbook.close()
    return "\n".join(texts)


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_headers_and_instructions_in_one_language(locale: str, tmp_path: Path) -> None:
    """The Polish template has no English word, the English one no Polish word, neither an
    identifier."""
    path = write_template(tmp_path / "t.xlsx", locale=locale)
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheets = list(workbook.sheetnames)
    workbook.close()
    expected = (
        ["Instrukcja", META, GOALS, DIRS, IND, PROJ]
        if locale == "pl"
        else ["Instructions", "Strategy", "Goals", "Action directions", "Indicators", "Projects"]
    )
    assert sheets[:6] == expected
    text = _words_of(path, sheets[:6])
    names = ["citystrategy collect import", "moje-miasto-2030", "TERC", "TERYT", "gmina"]
    assert identifiers(text, names=names) == []
    if locale == "pl":
        assert "Kierunek zmiany pożądanej" in text
        assert english_words(text, names=names) == []
    else:
        assert "Direction of improvement" in text
        assert polish_words(text, names=names) == []


def test_an_english_template_reads_back(tmp_path: Path) -> None:
    """A template in English, filled in English words, reads as the Polish one does."""
    path = write_template(tmp_path / "en.xlsx", locale="en")
    city = _small_city()
    sheets = dict(zip([META, GOALS, DIRS, IND, PROJ], ["Strategy", "Goals", "Action directions", "Indicators", "Projects"], strict=True))  # fmt: skip
    english = {sheets[name]: cells for name, cells in city.items()}
    english["Indicators"] |= {"E2": "higher is better", "F2": "at least", "L2": "yes"}
    # numbers typed the English way: a decimal point, groups of thousands by commas
    english["Indicators"] |= {"G2": "60.5 %", "K2": "52.5 %", "K3": "1 234"}
    english["Projects"] |= {"C2": "1,234,567.89 zł", "H2": "internal"}
    strategy = read_template(_fill(path, english))
    assert strategy.indicators[0].direction is Direction.HIGHER_IS_BETTER
    assert strategy.indicators[0].survey is True
    target = strategy.indicators[0].target
    assert target is not None
    assert target.value == Decimal("60.5")
    assert strategy.projects[0].cost == Money(Decimal("1234567.89"), "PLN")


@pytest.mark.parametrize(
    ("locale", "typed", "expected"),
    [
        ("pl", "60.5 %", "kropka nie oddziela części dziesiętnej; wpisz przecinek"),
        ("en", "60,5 %", "a comma is not a decimal separator in English text; write a point"),
    ],
)
def test_numbers_are_read_the_way_the_template_asks(
    locale: str, typed: str, expected: str, tmp_path: Path
) -> None:
    """A Polish template refuses a decimal point, an English one a decimal comma, at the cell,
    and each says how to type the number its way."""
    path = write_template(tmp_path / "t.xlsx", locale=locale)
    sheet = IND if locale == "pl" else "Indicators"
    city = _small_city()
    sheets = dict(zip([META, GOALS, DIRS, IND, PROJ], ["Strategy", "Goals", "Action directions", "Indicators", "Projects"], strict=True))  # fmt: skip
    cells = city if locale == "pl" else {sheets[name]: c for name, c in city.items()}
    if locale == "en":
        cells["Indicators"] |= {"E2": "higher is better", "F2": "at least", "L2": "yes"}
        cells["Projects"] |= {"C2": "1,234,567.89 zł", "H2": "internal"}
        cells["Indicators"] |= {"K2": "52.5 %", "K3": "1234"}
    cells[sheet]["G2"] = typed
    with pytest.raises(FormError) as caught:
        read_template(_fill(path, cells))
    problems = caught.value.problems
    assert [(p.sheet, p.cell, p.text) for p in problems] == [(sheet, "G2", typed)]
    said = describe_error(caught.value, locale="pl_PL" if locale == "pl" else "en_GB")
    assert expected in said


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_the_instructions_ask_for_the_templates_decimal_sign(locale: str, tmp_path: Path) -> None:
    """The instructions sheet asks for the decimal sign the template is read with."""
    path = write_template(tmp_path / "t.xlsx", locale=locale)
    workbook = openpyxl.load_workbook(path, read_only=True)
    text = " ".join(
        str(cell)
        for row in workbook.worksheets[0].iter_rows(values_only=True)
        for cell in row
        if cell
    )
    workbook.close()
    if locale == "pl":
        assert "z przecinkiem dziesiętnym: 12,5 (nie 12.5)" in text
    else:
        assert "with a decimal point: 12.5 (not 12,5)" in text


# --- (5) the commands -----------------------------------------------------------------------


def test_collect_template_and_import_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect template kielce -o FILE`, then `collect import FILE -o FOLDER`, in Polish."""
    workbook = tmp_path / "strategia.xlsx"
    assert main(["collect", "template", "kielce", "-o", str(workbook)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"zapisano {workbook}\n", "")
    folder = tmp_path / "kielce"
    assert main(["collect", "import", str(workbook), "-o", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == f"zapisano {folder}: 22 cele, 112 wskaźników, 44 projekty\n"
    assert english_words(out, names=[str(folder)]) == []
    assert read_strategy(folder).indicator("KIE-1-01").unit == "percent"
    # an existing file is not replaced without --force
    assert main(["collect", "template", "-o", str(workbook)]) == 2
    _, err = capsys.readouterr()
    assert "--force" in err
    assert main(["collect", "template", "-o", str(workbook), "--force"]) == 0


def test_collect_import_command_in_english(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary line in English."""
    folder = tmp_path / "nowe"
    code = main(["collect", "import", str(filled), "-o", str(folder), "--locale", "en"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == f"wrote {folder}: 4 goals, 3 indicators, 2 projects\n"
    assert polish_words(out, names=[str(folder)]) == []


def test_write_template_refuses_an_existing_file(tmp_path: Path) -> None:
    """Without force, an existing file stays as it is."""
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"keep")
    with pytest.raises(OutputExistsError):
        write_template(path)
    assert path.read_bytes() == b"keep"


def test_the_workbook_guides_the_typing(exported: Path) -> None:
    """Headers frozen and locked, lists as data validations, columns wide enough to read."""
    workbook = openpyxl.load_workbook(exported)
    indicators = workbook[IND]
    assert indicators.freeze_panes == "C2"
    assert indicators.protection.sheet is True
    assert indicators["A1"].protection.locked is True
    assert indicators["A2"].protection.locked is False
    lists = {
        str(rule.sqref).split(":")[0]: rule.formula1
        for rule in indicators.data_validations.dataValidation
        if rule.type == "list"
    }
    assert set(lists) >= {"B2", "E2", "F2"}  # goal, direction, target kind
    lists_sheet = workbook["listy"]
    assert lists_sheet.sheet_state == "hidden"
    column = lists["E2"].split("!")[1].split(":")[0].replace("$", "")[0]
    directions = [cell.value for cell in lists_sheet[column] if cell.value]
    assert directions == [
        "stymulanta (im więcej, tym lepiej)",
        "destymulanta (im mniej, tym lepiej)",
        "nominanta (w przedziale)",
    ]
    goal_column = lists["B2"].split("!")[1].split(":")[0].replace("$", "")[0]
    goal_codes = [cell.value for cell in lists_sheet[goal_column] if cell.value]
    assert goal_codes[:3] == ["1", "1.1", "1.2"]
    width = indicators.column_dimensions["C"].width
    assert width is not None
    assert width >= 60
    assert workbook.sheetnames[0] == "Instrukcja"


def test_a_target_year_outside_the_period_and_a_stray_value(filled: Path, tmp_path: Path) -> None:
    """A target year after the strategy's last year, and a value typed below the fields of the
    strategy sheet, are named at their cells rather than lost."""
    bad = _fill(filled, {IND: {"H3": 2040}, META: {"B14": "przypis"}}, tmp_path / "rok.xlsx")
    problems = _problems(bad)
    assert _at(problems, IND, "H3").text == "2040"
    assert "2025–2035" in str(_at(problems, IND, "H3"))
    assert _at(problems, META, "B14").text == "przypis"
    assert len(problems) == 2
