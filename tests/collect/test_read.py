"""Filled forms back in: values through the Polish parser, every bad entry located by cell."""

from __future__ import annotations

import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from citystrategy.collect import MAX_FORM_BYTES, MAX_UNPACKED_BYTES, read_form, write_forms
from citystrategy.errors import FormError, FormProblem
from citystrategy.model import Strategy
from citystrategy.money import Money
from citystrategy.reports import describe_error
from tests.collect.helpers import fill, row_of
from tests.language import english_words, identifiers, polish_words

IND = "Wskaźniki"
PRJ = "Projekty"


@pytest.fixture(scope="module")
def blank(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The empty 2024 form of strategic goal 1, as sent."""
    forms = write_forms(kielce, 2024, tmp_path_factory.mktemp("sent"))
    return forms[0]


@pytest.fixture
def form(blank: Path, tmp_path: Path) -> Path:
    """A copy of the blank form for one test to fill."""
    return Path(shutil.copy(blank, tmp_path / blank.name))


def problems_of(path: Path, **kwargs: object) -> tuple[FormProblem, ...]:
    """The problems reading *path* reports, checked to be a FormError that is a ValueError."""
    with pytest.raises(FormError) as caught:
        read_form(path, **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    return caught.value.problems


def located(problem: FormProblem) -> tuple[str | None, str | None, str | None]:
    """The sheet, the cell and the text of a problem."""
    return problem.sheet, problem.cell, problem.text


def test_values_typed_as_a_person_does(form: Path, kielce: Strategy) -> None:
    """Numbers, text with a decimal comma, '12,5 %', groups of thousands and a reason read back."""
    fill(
        form,
        {
            (IND, "I2"): 6.1,  # KIE-1-01, percent: a number typed in the cell
            (IND, "I3"): "12,5 %",  # KIE-1.1-01: text with the unit
            (IND, "I4"): "35,0",  # KIE-1.1-02: a decimal comma, trailing zero kept
            (IND, "J5"): "- * brak danych w terminie (jeszcze nieopublikowane)",  # KIE-1.1-03
            (IND, "I6"): "1 234",  # KIE-1.1-04 (persons): a group of thousands
            (IND, "K6"): "z rejestru DPS",
            (IND, "I7"): 412,  # KIE-1.1-05
        },
    )
    filled = read_form(form, strategy=kielce, year=2024)
    assert (filled.strategy, filled.year, filled.unit) == (kielce.code, 2024, "goal:1")
    values = {v.indicator: v for v in filled.values}
    assert values["KIE-1-01"].value == Decimal("6.1")
    assert values["KIE-1.1-01"].value == Decimal("12.5")
    assert values["KIE-1.1-02"].value == Decimal("35.0")
    assert (values["KIE-1.1-03"].value, values["KIE-1.1-03"].marker) == (None, "- *")
    assert values["KIE-1.1-04"].value == Decimal(1234)
    assert values["KIE-1.1-04"].comment == "z rejestru DPS"
    assert values["KIE-1.1-05"].value == Decimal(412)
    assert (values["KIE-1.1-06"].value, values["KIE-1.1-06"].marker) == (None, None)
    assert (values["KIE-1-01"].sheet, values["KIE-1-01"].cell) == (IND, "I2")
    assert len(filled.values) == 24


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (74500000, "74500000.00"),
        ("74 500 000 zł", "74500000.00"),
        ("1,5 mln zł", "1500000.00"),
        ("1,2345678 mln zł", "1234567.80"),
        (300000.5, "300000.50"),
    ],
)
def test_a_cost_is_kept_to_the_grosz(form: Path, typed: object, kept: str) -> None:
    """However it is typed, a cost has two decimals, as the data folder writes costs."""
    fill(form, {(PRJ, "E2"): "tak", (PRJ, "F2"): typed})
    cost = read_form(form).projects[0].cost
    assert cost is not None
    assert cost.amount.as_tuple() == Decimal(kept).as_tuple()


@pytest.mark.parametrize("typed", ["1,234567891 mln zł", 1234.567])
def test_a_cost_in_fractions_of_a_grosz_is_refused(form: Path, typed: object) -> None:
    """1,234567891 mln zł is 1 234 567,891 zł: a cost has no fraction of a grosz."""
    fill(form, {(PRJ, "E2"): "tak", (PRJ, "F2"): typed})
    with pytest.raises(FormError) as raised:
        read_form(form)
    (problem,) = raised.value.problems
    assert (problem.sheet, problem.cell) == (PRJ, "F2")
    assert "grosze" in str(problem.message)


def test_a_percentage_typed_with_its_sign_is_not_a_fraction(form: Path, kielce: Strategy) -> None:
    """Excel stores '12,5%' typed in a cell as 0.125 with a percent format: read as 12,5."""
    workbook = openpyxl.load_workbook(form)
    workbook[IND]["I2"] = 0.125
    workbook[IND]["I2"].number_format = "0.0%"
    workbook.save(form)
    (value,) = [v for v in read_form(form).values if v.indicator == "KIE-1-01"]
    assert value.value == Decimal("12.5")


def test_money_and_project_results(form: Path, kielce: Strategy) -> None:
    """„tak” with „1 234,50 zł” and a description; „nie”; an empty row stays unknown."""
    fill(
        form,
        {
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): "1 234 567,50 zł",
            (PRJ, "G2"): "Wykonano termomodernizację budynku.",
            (PRJ, "E3"): "nie",
            (PRJ, "E4"): "tak",
            (PRJ, "F4"): 2500000.25,
        },
    )
    projects = read_form(form).projects
    assert projects[0].completed is True
    assert projects[0].cost == Money(Decimal("1234567.50"), "PLN")
    assert projects[0].description == "Wykonano termomodernizację budynku."
    assert (projects[1].completed, projects[1].cost) == (False, None)
    assert projects[2].cost == Money(Decimal("2500000.25"), "PLN")
    assert projects[3].completed is None
    assert (projects[0].sheet, projects[0].cell) == (PRJ, "E2")


def test_every_bad_entry_is_located(form: Path) -> None:
    """A formula, a dot, a value with a reason, an unknown reason, a date, a bad cost: all at once."""
    import datetime as dt

    fill(
        form,
        {
            (IND, "I2"): "=1+1",
            (IND, "I3"): "12.5",
            (IND, "I4"): "7",
            (IND, "J4"): "x nie dotyczy",
            (IND, "J5"): "nie wiem",
            (IND, "I6"): dt.datetime(2024, 5, 12),
            (IND, "I7"): "12,5 kg",
            (PRJ, "E2"): "może",
            (PRJ, "E3"): "tak",
            (PRJ, "F3"): "1,234 zł",
            (PRJ, "E4"): "nie",
            (PRJ, "G4"): "coś zrobiono",
            (PRJ, "E5"): "tak",
            (PRJ, "F5"): -5,
        },
    )
    problems = problems_of(form)
    assert {p.path for p in problems} == {str(form)}
    assert [located(p) for p in problems] == [
        (IND, "I2", "=1+1"),
        (IND, "I3", "12.5"),
        (IND, "I4", "7"),
        (IND, "J5", "nie wiem"),
        (IND, "I6", "2024-05-12"),
        (IND, "I7", "12,5 kg"),
        (PRJ, "E2", "może"),
        (PRJ, "F3", "1,234 zł"),
        (PRJ, "E4", "nie"),
        (PRJ, "F5", "-5"),
    ]
    texts = [str(p.message) for p in problems]
    assert texts[0].startswith("a formula is not read")
    assert "a dot is not a decimal separator" in texts[1]
    assert texts[2] == "a value and a reason for a missing value: keep only one of them"
    assert "unknown unit 'kg'" in texts[5]
    assert "did you mean '1 234 zł'?" in texts[7]


def test_an_out_of_range_value_is_read(form: Path) -> None:
    """146 (%) is outside 0–100 but read: plausibility is a warning of the merge, not an error."""
    fill(form, {(IND, "I2"): 146})
    (value,) = [v for v in read_form(form).values if v.indicator == "KIE-1-01"]
    assert value.value == Decimal(146)


def test_a_form_of_another_year_is_refused(blank: Path) -> None:
    """Read for 2025, the 2024 form is refused, naming both years."""
    (problem,) = problems_of(blank, year=2025)
    assert (problem.sheet, problem.cell) == (None, None)
    assert str(problem.message) == "a form for 2024, not for 2025"


def test_a_form_of_another_strategy_is_refused(blank: Path, kielce: Strategy) -> None:
    """A strategy of another code refuses the form."""
    other = attrs.evolve(kielce, code="radom-2030")
    (problem,) = problems_of(blank, strategy=other)
    assert str(problem.message) == "a form of the strategy 'kielce-2030', not of 'radom-2030'"


def test_a_changed_indicator_list_is_refused(blank: Path, kielce: Strategy) -> None:
    """Once an indicator of the unit is removed, the old form's fingerprint no longer matches."""
    other = attrs.evolve(kielce, indicators=kielce.indicators[1:])
    (problem,) = problems_of(blank, strategy=other)
    assert "another fingerprint" in str(problem.message)


def test_moved_rows_are_refused(form: Path) -> None:
    """Two rows swapped (codes and names moved) are refused at both code cells."""
    workbook = openpyxl.load_workbook(form)
    sheet = workbook[IND]
    for column in "AB":
        sheet[f"{column}2"].value, sheet[f"{column}3"].value = (
            sheet[f"{column}3"].value,
            sheet[f"{column}2"].value,
        )
    sheet["I2"] = 4.0
    workbook.save(form)
    problems = problems_of(form)
    assert [located(p) for p in problems] == [
        (IND, "A2", "KIE-1.1-01"),
        (IND, "A3", "KIE-1-01"),
    ]
    assert "rows were moved" in str(problems[0].message)


def test_an_inserted_row_is_refused(form: Path, kielce: Strategy) -> None:
    """A value typed below the last row of the form is refused, not dropped."""
    last = row_of(form, IND, "KIE-1.3-09")
    fill(form, {(IND, f"A{last + 1}"): "KIE-9-99", (IND, f"I{last + 1}"): 5})
    (problem,) = problems_of(form)
    assert located(problem) == (IND, f"A{last + 1}", "KIE-9-99")


def test_a_changed_identification_sheet_is_refused(form: Path) -> None:
    """Editing the codes of the hidden sheet breaks its fingerprint."""
    fill(form, {("citystrategy", "C14"): "KIE-2-01"})
    (problem,) = problems_of(form)
    assert problem.sheet == "citystrategy"
    assert "fingerprint" in str(problem.message)


def test_a_copy_of_the_cells_is_not_a_form(form: Path, tmp_path: Path) -> None:
    """A workbook without the identification sheet is refused."""
    workbook = openpyxl.load_workbook(form)
    del workbook["citystrategy"]
    workbook.save(form)
    (problem,) = problems_of(form)
    assert str(problem.message).startswith("not a citystrategy form")


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    """A CSV renamed .xlsx, and a zip without a workbook, are refused before parsing."""
    text = tmp_path / "formularz.xlsx"
    text.write_text("kod;wartość\nKIE-1-01;5,2\n", encoding="utf-8")
    (problem,) = problems_of(text)
    assert str(problem.message) == "not an Excel workbook (.xlsx): the file is not a zip archive"
    archive = tmp_path / "archiwum.xlsx"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("dane.txt", "nic")
    (problem,) = problems_of(archive)
    assert "a zip archive without a workbook" in str(problem.message)


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    """A file over MAX_FORM_BYTES (20 MB) is refused by its size alone."""
    assert MAX_FORM_BYTES == 20 * 1024 * 1024
    big = tmp_path / "duzy.xlsx"
    with big.open("wb") as stream:
        stream.truncate(MAX_FORM_BYTES + 1)
    (problem,) = problems_of(big)
    assert str(problem.message) == (
        "20971521 bytes is larger than a form may be (20971520 bytes at most)"
    )


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A small archive that would unpack past MAX_UNPACKED_BYTES is refused unopened."""
    bomb = tmp_path / "bomba.xlsx"
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        with zipped.open("xl/workbook.xml", "w", force_zip64=True) as part:
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
                part.write(chunk)
    assert bomb.stat().st_size < MAX_FORM_BYTES
    (problem,) = problems_of(bomb)
    assert "more than a form may hold" in str(problem.message)


def test_a_workbook_with_macros_is_refused(form: Path, tmp_path: Path) -> None:
    """An archive with a VBA project is refused: a form never has macros."""
    macro = tmp_path / "makra.xlsx"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(macro, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\x00")
    (problem,) = problems_of(macro)
    assert "macros" in str(problem.message)


def test_openpyxl_parses_with_defusedxml() -> None:
    """defusedxml is installed, so openpyxl parses every form's XML with it."""
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_form_errors_in_both_languages(form: Path, locale: str) -> None:
    """A form's problems read in one language, the file, sheet and typed text as given."""
    fill(form, {(IND, "I2"): "=1+1", (IND, "I3"): "12.5", (PRJ, "E2"): "może"})
    with pytest.raises(FormError) as caught:
        read_form(form, year=2025)
    with pytest.raises(FormError) as located_errors:
        read_form(form)
    names = [str(form), IND, PRJ, "=1+1", "12.5", "może", "'tak'", "'nie'"]  # the form's words
    for error in (caught.value, located_errors.value):
        text = describe_error(error, locale=locale)
        assert identifiers(text, names=names) == []
        if locale == "pl_PL":
            assert english_words(text, names=names) == []
        else:
            assert polish_words(text, names=names) == []
    text = describe_error(located_errors.value, locale=locale)
    if locale == "pl_PL":
        assert "arkusz „Wskaźniki”, komórka I2: formuła nie jest odczytywana" in text
        assert text.startswith("3 problemy w formularzach:")
    else:
        assert "sheet 'Wskaźniki', cell I2: a formula is not read" in text
        assert text.startswith("3 problems in the forms:")


def test_a_refused_cell_is_quoted_as_the_form_shows_it(form: Path) -> None:
    """A number with a decimal comma, a date without a time: never Python's own writing."""
    import datetime as dt

    fill(
        form,
        {
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): 449292.205,  # tenths of a grosz, typed as a number
            (IND, "I3"): dt.datetime(2024, 5, 3),  # a date in a value cell
        },
    )
    texts = {(p.sheet, p.cell): p.text for p in problems_of(form)}
    assert texts[(PRJ, "F2")] == "449292,205"
    assert texts[(IND, "I3")] == "2024-05-03"


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        (
            "pl",
            "wartość logiczna (PRAWDA lub FAŁSZ) nie jest liczbą: wpisz liczbę (wpisano „PRAWDA”)",
        ),
        ("en", "a logical value (TRUE or FALSE) is not a number: type the number (found 'PRAWDA')"),
    ],
)
def test_a_logical_value_is_quoted_as_the_spreadsheet_shows_it(
    form: Path, locale: str, shown: str
) -> None:
    """TRUE typed in a value cell is refused, quoted as a Polish Excel writes it, not as Python."""
    fill(form, {(IND, "I3"): True})
    (problem,) = [p for p in problems_of(form) if p.cell == "I3"]
    assert problem.text == "PRAWDA"
    with pytest.raises(FormError) as caught:
        read_form(form)
    assert shown in describe_error(caught.value, locale=locale)


def test_a_missing_file_says_why_in_the_readers_language(tmp_path: Path) -> None:
    """A form that is not there: the reason in Polish, not the system's English."""
    from citystrategy.reports import describe_error

    with pytest.raises(FormError) as caught:
        read_form(tmp_path / "brak.xlsx")
    polish = describe_error(caught.value, locale="pl")
    assert "No such file" not in polish
    assert "nie można odczytać pliku" in polish


@pytest.fixture(scope="module")
def blank_english(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The empty English 2024 form of strategic goal 1, as `collect forms --locale en` sends it."""
    forms = write_forms(kielce, 2024, tmp_path_factory.mktemp("sent-en"), locale="en")
    return forms[0]


@pytest.fixture
def english_form(blank_english: Path, tmp_path: Path) -> Path:
    """A copy of the blank English form for one test to fill."""
    return Path(shutil.copy(blank_english, tmp_path / blank_english.name))


def test_an_english_form_is_read_with_a_decimal_point(english_form: Path, kielce: Strategy) -> None:
    """Text typed in an English form is read as English numbers: '4.2', '1,234.5', 'yes'."""
    ind, prj = "Indicators", "Projects"
    rows = {code: row_of(english_form, ind, code) for code in ("KIE-1-01", "KIE-1.1-01")}
    rows |= {code: row_of(english_form, ind, code) for code in ("KIE-1.1-04", "KIE-1.3-04")}
    fill(
        english_form,
        {
            (ind, f"I{rows['KIE-1-01']}"): "4.2",  # percent, typed as text
            (ind, f"I{rows['KIE-1.1-01']}"): "12.5 %",
            (ind, f"I{rows['KIE-1.1-04']}"): "1,234,567",  # persons, thousands grouped
            (ind, f"I{rows['KIE-1.3-04']}"): "47.80 PLN per inhabitant",  # as column 'Unit' says
            (prj, "E2"): "yes",
            (prj, "F2"): "1,234,567.50 zł",
            (prj, "E3"): "no",
        },
    )
    filled = read_form(english_form, strategy=kielce, year=2024)
    values = {v.indicator: v.value for v in filled.values}
    assert values["KIE-1-01"] == Decimal("4.2")
    assert values["KIE-1.1-01"] == Decimal("12.5")
    assert values["KIE-1.1-04"] == Decimal(1234567)
    assert values["KIE-1.3-04"] == Decimal("47.80")
    assert filled.projects[0].completed is True
    assert filled.projects[0].cost == Money(Decimal("1234567.50"), "PLN")
    assert filled.projects[1].completed is False


def test_an_english_form_refuses_a_decimal_comma_and_an_ambiguous_comma(
    english_form: Path,
) -> None:
    """'4,2' is refused with what to type; '1,234' is ambiguous; a number cell shows '0.125'."""
    ind = "Indicators"
    fill(english_form, {(ind, "I2"): "4,2", (ind, "I3"): "1,234", (ind, "I4"): "12,5 %"})
    workbook = openpyxl.load_workbook(english_form)
    workbook["Projects"]["E2"] = "yes"
    workbook["Projects"]["F2"] = 449292.205  # tenths of a grosz
    workbook.save(english_form)
    problems = problems_of(english_form)
    assert [located(p) for p in problems] == [
        (ind, "I2", "4,2"),
        (ind, "I3", "1,234"),
        (ind, "I4", "12,5 %"),
        ("Projects", "F2", "449292.205"),
    ]
    english = [str(p.message) for p in problems]
    assert english[0] == (
        "not a value: a comma is not a decimal separator in English text; write a point"
    )
    assert english[1] == (
        "not a value: '1,234' is ambiguous: a comma groups thousands in English but marks "
        "decimals in Polish; type '1234' for the whole number or '1.234' for the decimal one"
    )
    polish = describe_error(FormError(problems), locale="pl")
    assert "„1,234” jest niejednoznaczne" in polish
    assert english_words(polish, names=[str(english_form), ind, "Projects"]) == []


def test_a_polish_form_keeps_the_decimal_comma(form: Path) -> None:
    """The same texts in a Polish form: '4,2' is 4,2 and '4.2' is refused, as before."""
    fill(form, {(IND, "I2"): "4,2"})
    assert read_form(form).values[0].value == Decimal("4.2")
    fill(form, {(IND, "I2"): "4.2"})
    (problem,) = problems_of(form)
    assert "a dot is not a decimal separator in Polish text" in str(problem.message)


@pytest.mark.parametrize("typed", ["47,80 zł", "47,80 zł na mieszkańca", "47,80"])
def test_a_value_per_inhabitant_may_be_typed_in_zloty(
    form: Path, kielce: Strategy, typed: str
) -> None:
    """'47,80 zł' for an indicator in zł per inhabitant is read, as the data folder reader does."""
    row = row_of(form, IND, "KIE-1.3-04")
    fill(form, {(IND, f"I{row}"): typed})
    (value,) = [v for v in read_form(form, strategy=kielce).values if v.indicator == "KIE-1.3-04"]
    assert (value.value, value.unit) == (Decimal("47.80"), "PLN / inhabitant")
    assert value.raw == typed


@pytest.mark.parametrize("typed", ["170 osób", "172 osoby", "1 osoba", "170"])
def test_a_count_of_persons_may_be_typed_with_any_form_of_its_noun(
    form: Path, kielce: Strategy, typed: str
) -> None:
    """The unit column says 'osoby', as a unit stands alone; '170 osób', '172 osoby' and
    '1 osoba' are all read, each as Polish inflects it after its number."""
    row = row_of(form, IND, "KIE-1.1-04")  # persons waiting for a place in a care home
    book = openpyxl.load_workbook(form)
    assert book[IND][f"C{row}"].value == "osoby"
    fill(form, {(IND, f"I{row}"): typed})
    (value,) = [v for v in read_form(form, strategy=kielce).values if v.indicator == "KIE-1.1-04"]
    assert value.value == Decimal(typed.split()[0])


@pytest.mark.parametrize(
    ("locale", "listed"),
    [
        ("pl", "(znane: „zł na mieszkańca”, „zł”, „tys. zł”, „mln zł”, „mld zł”)"),
        (
            "en",
            "(known: 'PLN per inhabitant', 'PLN', 'thousand PLN', 'million PLN', 'billion PLN')",
        ),
    ],
)
def test_an_unknown_unit_lists_what_the_cell_takes(form: Path, locale: str, listed: str) -> None:
    """'47,80 kg' is refused with the units the cell takes, as the reader writes them."""
    row = row_of(form, IND, "KIE-1.3-04")
    fill(form, {(IND, f"I{row}"): "47,80 kg"})
    with pytest.raises(FormError) as caught:
        read_form(form)
    text = describe_error(caught.value, locale=locale)
    assert listed in text
    names = [str(form), IND, "47,80 kg"]
    assert identifiers(text, names=names) == []
    assert "PLN / inhabitant" not in text
    if locale == "pl":
        assert english_words(text, names=names) == []
    else:
        assert polish_words(text, names=names) == []


def test_a_polish_form_names_the_field_in_polish(form: Path) -> None:
    """A refused amount reads as Polish throughout: no 'value' or 'value_2024' in the text."""
    fill(form, {(IND, "I2"): "1e5", (PRJ, "E2"): "tak", (PRJ, "F2"): "abc zł"})
    with pytest.raises(FormError) as caught:
        read_form(form)
    polish = describe_error(caught.value, locale="pl")
    names = [str(form), IND, PRJ, "1e5", "abc zł"]
    assert identifiers(polish, names=names) == []
    assert english_words(polish, names=names) == []
    assert "value" not in polish


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_an_english_form_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str
) -> None:
    """`collect forms --locale en`, filled in English, merged: '4,2' refused, '4.2' read as 4,2."""
    from citystrategy.cli import main
    from citystrategy.io.strategy_files import read_strategy

    sent = tmp_path / "forms"
    assert main(["collect", "forms", "kielce", "--year", "2024", "--by", "all", "--locale", "en", "-o", str(sent)]) == 0  # fmt: skip
    (path,) = sent.glob("*.xlsx")
    first, second = (row_of(path, "Indicators", code) for code in ("KIE-1-01", "KIE-1.3-04"))
    last = openpyxl.load_workbook(path, read_only=True)["Indicators"].max_row
    assert isinstance(last, int)
    typed: dict[tuple[str, str], object] = {("Indicators", f"I{row}"): "- *" for row in range(2, last + 1)}  # fmt: skip
    typed |= {("Indicators", f"I{first}"): "4.2", ("Indicators", f"I{second}"): "47,80 zł"}
    fill(path, typed)
    capsys.readouterr()
    merged = tmp_path / "merged"
    merge = ["collect", "merge", "kielce", str(path), "--by", "all", "-o", str(merged)]
    assert main([*merge, "--locale", locale]) != 0
    err = capsys.readouterr().err
    names = [str(path), "Indicators", "47,80 zł"]
    assert f"I{second}" in err
    assert not merged.exists()
    assert identifiers(err, names=names) == []
    if locale == "pl":
        assert "przecinek nie oddziela części dziesiętnej w tekście angielskim" in err
        assert english_words(err, names=names) == []
    else:
        assert "a comma is not a decimal separator in English text; write a point" in err
        assert polish_words(err, names=names) == []
    fill(path, {("Indicators", f"I{second}"): "47.80 zł"})
    assert main([*merge, "--locale", locale]) == 0
    observations = {(o.indicator, o.year): o.value for o in read_strategy(merged).observations}
    assert observations[("KIE-1-01", 2024)] == Decimal("4.2")
    assert observations[("KIE-1.3-04", 2024)] == Decimal("47.80")
