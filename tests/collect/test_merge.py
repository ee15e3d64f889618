"""The filled forms merged: new observations and projects, where each came from, and warnings."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import attrs
import openpyxl
import pytest

from citystrategy.cli import main
from citystrategy.collect import (
    LOG_COLUMNS,
    MergeResult,
    MergeWarning,
    WarningKind,
    form_status,
    log_frame,
    log_table,
    merge_forms,
    write_forms,
    write_merge,
)
from citystrategy.errors import FormError
from citystrategy.formatting import format_date, format_number
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Strategy
from citystrategy.money import Money
from citystrategy.reports import describe_error
from citystrategy.reports.cells import reason_words
from tests.collect.helpers import fill, row_of
from tests.language import english_words, polish_words

IND = "Wskaźniki"
PRJ = "Projekty"
#: The shipped Kielce data folder, whose layout and README a merge keeps.
SHIPPED = files("citystrategy.cities.kielce") / "data"
#: The strategy's title, which a README quotes.
KIELCE = "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City"


@pytest.fixture(scope="module")
def sent(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Kielce's 2024 forms by goal, and the one form of by='all', as sent."""
    folder = tmp_path_factory.mktemp("sent")
    return [*write_forms(kielce, 2024, folder), *write_forms(kielce, 2024, folder, by="all")]


def copy(path: Path, folder: Path) -> Path:
    """A copy of a sent form, to fill."""
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(path, folder / path.name))


def fill_all(path: Path) -> None:
    """Type every indicator's 2023 value again (or, where it is missing, the reason '- *')."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[IND]
    for row in range(2, sheet.max_row + 1):
        previous = sheet[f"E{row}"].value
        if isinstance(previous, int | float):
            sheet[f"I{row}"] = previous
        else:
            sheet[f"J{row}"] = "- * brak danych w terminie (jeszcze nieopublikowane)"
    workbook.save(path)


@pytest.fixture(scope="module")
def filled(sent: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four forms filled as people do, with a project completed and odd values."""
    folder = tmp_path_factory.mktemp("back")
    forms = [copy(path, folder) for path in sent[:4]]
    for form in forms:
        fill_all(form)
    goal_1, goal_2 = forms[:2]
    dps = row_of(goal_1, IND, "KIE-1.1-04")  # persons on the DPS waiting list: 170 in 2023
    homeless = row_of(goal_1, IND, "KIE-1.1-05")  # per 100 000: 371 (2022), 425 (2023)
    fill(
        goal_1,
        {
            (IND, "I2"): "6,1",
            (IND, "K2"): "badanie ankietowe 2024",
            (IND, "I3"): 146,  # unemployment 146%: outside 0–100
            (IND, f"I{dps}"): 400,  # 400 / 170 = 2,35: beyond the factor 2
            (IND, f"I{homeless}"): 520,  # above 425 + 20% of 425 = 510, only 1,22 times 2023
            (IND, "I4"): None,
            (IND, "J4"): ". brak danych: nieznane lub objęte tajemnicą",
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): "5 200 000,00 zł",
            (PRJ, "G2"): "Staże i bony szkoleniowe dla 120 osób.",
        },
    )
    permits = row_of(goal_2, IND, "KIE-2.1-01")
    fill(goal_2, {(IND, f"I{permits}"): 55})
    return forms


@pytest.fixture(scope="module")
def values_only(filled: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The filled forms with the project answers cleared: values only."""
    folder = tmp_path_factory.mktemp("values")
    forms = [copy(path, folder) for path in filled]
    fill(forms[0], {(PRJ, "E2"): None, (PRJ, "F2"): None, (PRJ, "G2"): None})
    return forms


@pytest.fixture(scope="module")
def merged(kielce: Strategy, filled: list[Path]) -> MergeResult:
    """The two filled forms merged into Kielce's data."""
    return merge_forms(kielce, 2024, filled)


def test_values_become_observations_of_the_year(merged: MergeResult, kielce: Strategy) -> None:
    """Each value given is a 2024 observation; a reason is a missing value with its sign."""
    assert merged.ok
    strategy = merged.strategy
    one = strategy.observation("KIE-1-01", 2024)
    assert one is not None
    assert (one.value, one.raw) == (Decimal("6.1"), "6,1")
    reason = strategy.observation("KIE-1.1-02", 2024)
    assert reason is not None
    assert reason.value is None
    assert reason.missing is not None
    assert (reason.missing.marker, reason.raw) == (".", ".")
    permits = strategy.observation("KIE-2.1-01", 2024)
    assert permits is not None
    assert permits.value == 55
    bdl = strategy.observation("KIE-3.3-02", 2024)  # '- *' in 2023: the reason typed again
    assert bdl is not None
    assert bdl.missing is not None
    # the reason chosen from the form's list, not the strategy's meaning of '- *' for 2023
    assert (bdl.missing.code, bdl.missing.marker) == ("missing", "- *")
    # kept as the list's message, which each reader reads in their language
    assert bdl.missing.text == "no data yet at the deadline (not yet published)"
    assert (
        reason_words(bdl.missing.text, "pl_PL")
        == "brak danych w terminie (jeszcze nieopublikowane)"
    )
    assert len([o for o in strategy.observations if o.year == 2024]) == 112
    assert len(strategy.observations) == len(kielce.observations) + 112
    assert kielce.observation("KIE-1-01", 2024) is None  # the input is left as it was


def test_projects_completed_in_the_year(merged: MergeResult, kielce: Strategy) -> None:
    """The project marked 'tak' is completed in 2024 with its reported cost and description."""
    code = "KIE-P-03"  # the first open project of goal 1: 'Zawodowy bumerang'
    project = merged.strategy.project(code)
    assert project.completed_in == 2024
    assert project.reported_cost == Money(Decimal("5200000.00"), "PLN")
    assert project.cost == Money(Decimal("5156229.23"), "PLN")  # goal table 1's, as it was
    assert project.description == "Staże i bony szkoleniowe dla 120 osób."
    assert project.links == kielce.project(code).links
    assert kielce.project(code).completed_in is None


def test_the_log_says_where_each_value_came_from(merged: MergeResult, filled: list[Path]) -> None:
    """File, sheet, the value's own cell, unit and comment of every merged value and project."""
    first = merged.log[0]
    assert (first.kind, first.code, first.value) == ("indicator", "KIE-1-01", Decimal("6.1"))
    assert (first.file, first.sheet, first.cell) == (str(filled[0]), IND, "I2")
    assert first.unit == "Cel strategiczny 1. Miasto dla każdego"
    assert first.comment == "badanie ankietowe 2024"
    assert first.marker is None
    entries = {entry.code: entry for entry in merged.log}
    reason = entries["KIE-1.1-02"]  # '.' chosen from the list in J4, I4 left empty
    assert (reason.value, reason.marker, reason.cell) == (None, ".", "J4")
    project = entries["KIE-P-03"]  # 'tak' in E2, the cost in F2, the work done in G2
    assert (project.kind, project.year, project.cell) == ("project", 2024, "F2")
    assert (project.value, project.currency) == (Decimal("5200000.00"), "PLN")
    assert project.description == "Staże i bony szkoleniowe dla 120 osób."
    assert len(merged.log) == 113


def test_a_sign_typed_as_the_value_is_logged_at_its_cell(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """'- *' typed in the value's cell is logged there, a reason chosen in its own cell."""
    form = copy(sent[0], tmp_path)
    fill_all(form)
    fill(form, {(IND, "I2"): "- *", (IND, "I3"): None, (IND, "J3"): "x nie dotyczy"})
    entries = {e.code: e for e in merge_forms(kielce, 2024, [form]).log}
    assert (entries["KIE-1-01"].marker, entries["KIE-1-01"].cell) == ("- *", "I2")
    assert (entries["KIE-1.1-01"].marker, entries["KIE-1.1-01"].cell) == ("x", "J3")


def test_plausibility_warnings(merged: MergeResult) -> None:
    """Out of range, beyond the change factor, outside the history: warned, merged all the same."""
    kinds = {(w.indicator, w.kind) for w in merged.warnings}
    assert ("KIE-1.1-01", WarningKind.OUT_OF_RANGE) in kinds
    assert ("KIE-1.1-04", WarningKind.CHANGE) in kinds
    assert ("KIE-1.1-05", WarningKind.OUTSIDE_HISTORY) in kinds
    assert ("KIE-1.1-05", WarningKind.CHANGE) not in kinds
    assert ("KIE-1-01", WarningKind.CHANGE) not in kinds  # 6,1 against 5,2
    change = next(w for w in merged.warnings if w.indicator == "KIE-1.1-04")
    assert str(change.message) == (
        "'KIE-1.1-04': 400 is 2.4 times the value of 2023 (170), more than 2 times it"
    )
    history = next(w for w in merged.warnings if w.indicator == "KIE-1.1-05")
    assert "(371 to 425) by more than the margin of 20%" in str(history.message)
    assert (history.sheet, history.file.endswith(".xlsx")) == (IND, True)


def test_merging_the_same_value_again_warns_of_nothing(
    merged: MergeResult, filled: list[Path], tmp_path: Path
) -> None:
    """Forms merged again into their own merge replace nothing; a changed value is said, grouped."""
    again = merge_forms(merged.strategy, 2024, filled)
    assert [w for w in again.warnings if w.kind is WarningKind.REPLACES] == []
    big = [  # a value of goal 2 with thousands to group
        o
        for o in merged.strategy.observations
        if o.year == 2024 and o.indicator.startswith("KIE-2") and (o.value or 0) >= 10_000
    ]
    known = big[0]
    assert known.value is not None
    changed = copy(filled[1], tmp_path)
    fill(changed, {(IND, f"I{row_of(changed, IND, known.indicator)}"): float(known.value) + 1})
    forms = [changed if path == filled[1] else path for path in filled]
    result = merge_forms(merged.strategy, 2024, forms)
    (replaced,) = [w for w in result.warnings if w.kind is WarningKind.REPLACES]
    polish = describe_error(FormError([replaced.to_problem()]), locale="pl_PL")
    shown = format_number(known.value, locale="pl_PL")
    assert "\xa0" in shown  # grouped, as the forms show numbers
    assert f"„{known.indicator}”: zastępuje wartość {shown}, którą dane miały już" in polish


def test_a_history_of_one_value_is_said_as_one(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """Earlier years all at 170: "every earlier year (170)", never "(170 to 170)"."""
    observations = tuple(
        attrs.evolve(o, value=Decimal(170), raw="170")
        if (o.indicator, o.year) == ("KIE-1.1-04", 2022)
        else o
        for o in kielce.observations
    )
    strategy = attrs.evolve(kielce, observations=observations)
    form = copy(sent[0], tmp_path)
    fill_all(form)
    fill(form, {(IND, f"I{row_of(form, IND, 'KIE-1.1-04')}"): 400})
    history = next(
        w
        for w in merge_forms(strategy, 2024, [form]).warnings
        if (w.indicator, w.kind) == ("KIE-1.1-04", WarningKind.OUTSIDE_HISTORY)
    )
    assert str(history.message) == (
        "'KIE-1.1-04': 400 differs from the value of every earlier year (170) by more than the "
        "margin of 20%"
    )
    polish = describe_error(FormError([history.to_problem()]), locale="pl_PL")
    assert (
        "400 odbiega od wartości z każdego z poprzednich lat (170) o więcej niż margines 20%"
        in (polish)
    )


def test_warnings_in_both_languages(merged: MergeResult) -> None:
    """A warning located as a problem reads in Polish or in English."""
    from citystrategy.errors import FormError

    error = FormError([w.to_problem() for w in merged.warnings])
    names = [w.file for w in merged.warnings] + [
        IND,
        "'KIE-1.1-01'",
        "'KIE-1.1-04'",
        "'KIE-1.1-05'",
    ]
    polish = describe_error(error, locale="pl_PL")
    assert "400 to 2,4-krotność wartości z 2023\xa0r. (170), ponad 2-krotny wzrost" in polish
    # the range as the form shows it, and no Python number quoted as if typed
    assert "leży poza zakresem wiarygodnych wartości 0–100" in polish
    assert "wpisano" not in polish
    assert english_words(polish, names=names) == []
    assert polish_words(describe_error(error, locale="en_GB"), names=names) == []


def _change_of_dps(
    kielce: Strategy, sent: Path, folder: Path, typed: str, factor: int = 2
) -> tuple[MergeWarning, FormError, list[str]]:
    """The change warning when *typed* is the 2024 value of the persons waiting for a DPS place
    (170 in 2023), with that warning as a form error and the names its text may hold.

    The indicator is taken as a rate (per thousand inhabitants) here: a count of persons is
    whole, and the merge refuses 1,5 of it before any warning.
    """
    form = copy(sent, folder)
    fill_all(form)
    dps = row_of(form, IND, "KIE-1.1-04")
    fill(form, {(IND, f"I{dps}"): typed})
    rate = attrs.evolve(kielce.indicator("KIE-1.1-04"), unit="count / thousand_inhabitants")
    indicators = [rate if i.code == rate.code else i for i in kielce.indicators]
    strategy = attrs.evolve(kielce, indicators=indicators)
    result = merge_forms(strategy, 2024, [form], change_factor=factor)
    change = next(
        w for w in result.warnings if (w.indicator, w.kind) == ("KIE-1.1-04", WarningKind.CHANGE)
    )
    return change, FormError([change.to_problem()]), [str(form), IND, "'KIE-1.1-04'"]


@pytest.mark.parametrize(
    ("factor", "english", "polish"),
    [
        (2, "is less than a half of", "to mniej niż połowa wartości"),
        (3, "is less than a third of", "to mniej niż jedna trzecia wartości"),
        (5, "is less than 1/5 of", "to mniej niż 1/5 wartości"),
    ],
)
def test_a_fall_is_worded_as_a_part_of_the_previous_value(
    kielce: Strategy, sent: list[Path], tmp_path: Path, factor: int, english: str, polish: str
) -> None:
    """A fall reads as less than a half (a third, 1/N) of the previous value, never 0,00 times."""
    # 170 / 1,5 = 113,3: about 110 times smaller
    change, error, names = _change_of_dps(kielce, sent[0], tmp_path, "1,5", factor)
    assert str(change.message) == (
        f"'KIE-1.1-04': 1.5 {english} the value of 2023 (170): about 110 times smaller"
    )
    worded = describe_error(error, locale="pl_PL")
    assert f"1,5 {polish} z 2023\xa0r. (170): około 110 razy mniej" in worded
    assert "0,00" not in worded
    assert english_words(worded, names=names) == []
    english_text = describe_error(error, locale="en_GB")
    assert "about 110 times smaller" in english_text
    assert polish_words(english_text, names=names) == []


@pytest.mark.parametrize(
    ("typed", "english", "polish"),
    [
        # 25 / 170 = 14,7%: a share a reader says, never "1/6,8"
        ("25", "about 15%", "około 15% tej wartości"),
        ("84,9", "about 49.9%", "około 49,9% tej wartości"),  # 49,94%: not "50%"
        ("1", "about 170 times smaller", "około 170 razy mniej"),  # under 1%: so many times
        ("0,1", "about 1,700 times smaller", "około 1700 razy mniej"),
        ("0,01", "about 17,000 times smaller", "około 17\u00a0000 razy mniej"),
    ],
)
def test_a_fall_says_how_much_is_left_as_a_reader_says_it(
    kielce: Strategy, sent: list[Path], tmp_path: Path, typed: str, english: str, polish: str
) -> None:
    """A fall to a part of the value: a share in percent, or so many times smaller below 1%."""
    _, error, names = _change_of_dps(kielce, sent[0], tmp_path, typed)
    worded = describe_error(error, locale="pl_PL")
    assert worded.endswith(f"z 2023\xa0r. (170): {polish}"), worded
    assert "1/" not in worded.split("(170): ")[1]
    assert english_words(worded, names=names) == []
    english_text = describe_error(error, locale="en_GB")
    assert english_text.endswith(f"the value of 2023 (170): {english}"), english_text
    assert polish_words(english_text, names=names) == []


def test_a_rise_near_the_factor_keeps_the_figures_that_show_it(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """341 against 170 is 2.0059 times: shown as 2.01 (2.0, two figures, would not be above 2)."""
    form = copy(sent[0], tmp_path)
    fill_all(form)
    dps = row_of(form, IND, "KIE-1.1-04")
    fill(form, {(IND, f"I{dps}"): 341})
    result = merge_forms(kielce, 2024, [form])
    change = next(w for w in result.warnings if w.indicator == "KIE-1.1-04")
    assert "341 is 2.01 times the value of 2023 (170)" in str(change.message)


def test_the_same_indicator_with_different_values_is_an_error(
    kielce: Strategy, filled: list[Path], sent: list[Path], tmp_path: Path
) -> None:
    """The one form for all says 7 for KIE-1-01 where goal 1's says 6,1: an error at both."""
    everything = copy(sent[4], tmp_path)
    fill(everything, {(IND, "I2"): 7, (PRJ, "E2"): "nie"})
    result = merge_forms(kielce, 2024, [*filled, everything])
    assert not result.ok
    messages = [(p.path, p.cell, str(p.message)) for p in result.errors]
    assert messages[0] == (
        str(everything),
        "I2",
        f"'KIE-1-01' is given '7' here and '6,1' in {filled[0]}, sheet 'Wskaźniki', cell I2: "
        "keep one value",
    )
    assert "also on" in messages[1][2]
    error = result.error()
    assert error is not None
    assert len(error.problems) == 2


def test_a_bad_form_makes_the_merge_fail(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """A formula in one form is an error of the merge, located; the merge is not ok."""
    bad = copy(sent[2], tmp_path)
    fill(bad, {(IND, "I3"): "=1+1"})
    result = merge_forms(kielce, 2024, [bad])
    assert not result.ok
    found = [(p.sheet, p.cell, p.text) for p in result.errors]
    assert (IND, "I3", "=1+1") in found
    assert (IND, "I3", None) not in found  # the refused cell is not also 'empty'


def test_empty_rows_and_forms_not_returned_are_errors(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """A data folder needs every value or its reason: an empty row and a missing form are errors."""
    form = copy(sent[0], tmp_path)
    fill_all(form)
    fill(form, {(IND, "I3"): None})
    result = merge_forms(kielce, 2024, [form])
    assert not result.ok
    located = [(p.sheet, p.cell) for p in result.errors if p.sheet is not None]
    assert located == [(IND, "I3")]
    missing = [str(p.message) for p in result.errors if p.sheet is None]
    assert missing == [
        "no form came back from 'Cel strategiczny 2. Miasto sprawne i aktywne': its 32 indicators "
        "have no value for 2024",
        "no form came back from 'Cel strategiczny 3. Miasto rozwijające się': its 34 indicators "
        "have no value for 2024",
        "no form came back from 'Cel strategiczny 4. Miasto, w którym chce się żyć': its 22 "
        "indicators have no value for 2024",
    ]
    with pytest.raises(FormError):
        write_merge(result, tmp_path / "kielce-2024")
    assert not (tmp_path / "kielce-2024").exists()
    assert not (tmp_path / "kielce-2024-log.csv").exists()


def test_a_form_named_twice_is_read_once(
    kielce: Strategy, values_only: list[Path], tmp_path: Path
) -> None:
    """`formularze/ formularze/*.xlsx` names each form twice: read once, nothing refused."""
    once = merge_forms(kielce, 2024, values_only)
    folder = values_only[0].parent
    twice = merge_forms(kielce, 2024, [folder, *values_only, values_only[0].resolve()])
    assert twice.ok
    assert (twice.strategy, twice.forms) == (once.strategy, once.forms)
    status = form_status(kielce, 2024, [folder, folder])
    assert status["errors"].tolist() == [0, 0, 0, 0]


def test_a_form_that_is_no_workbook_is_not_also_missing(
    kielce: Strategy, values_only: list[Path], tmp_path: Path
) -> None:
    """A text file saved under a form's name is refused as such, not also as a form not back."""
    broken = tmp_path / values_only[0].name
    broken.write_text("Wartość 2024: 6,1", encoding="utf-8")
    result = merge_forms(kielce, 2024, [broken, *values_only[1:]])
    assert [(p.path, p.sheet) for p in result.errors] == [(str(broken), None)]
    assert "zip" in str(result.errors[0].message)


def test_a_form_not_back_is_named_as_it_was_sent(kielce: Strategy, values_only: list[Path]) -> None:
    """A Polish form not back is named by its Polish file, whatever language the merge speaks."""
    result = merge_forms(kielce, 2024, values_only[1:], locale="en_GB")
    assert [p.path for p in result.errors] == [values_only[0].name]
    assert values_only[0].name == "cel-strategiczny-1-miasto-dla-kazdego.xlsx"


def test_the_merge_is_written_as_a_data_folder(
    kielce: Strategy, values_only: list[Path], tmp_path: Path
) -> None:
    """The folder reads back as the merged strategy; the log CSV beside it has a row per value."""
    merged = merge_forms(kielce, 2024, values_only)
    assert merged.ok
    folder, log = write_merge(merged, tmp_path / "kielce-2024")
    assert log == tmp_path / "kielce-2024-log.csv"
    back = read_strategy(folder)
    assert set(back.observations) == set(merged.strategy.observations)
    assert back.projects == merged.strategy.projects
    assert back.indicators == merged.strategy.indicators
    with log.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0][:4] == ["Rodzaj", "Kod", "Rok", "Wartość lub koszt"]
    assert len(rows) == 1 + len(merged.log)
    assert rows[1][:4] == ["wskaźnik", "KIE-1-01", "2024", "6,1"]


def test_the_merge_writes_the_report_on_its_year_with_the_completed_projects(
    merged: MergeResult, kielce: Strategy, tmp_path: Path
) -> None:
    """The 2024 report (not yet dated) and its list of completed projects go to reports/2024.toml."""
    folder, _ = write_merge(merged, tmp_path / "kielce-2024")
    found = read_strategy(folder)
    assert [r.year for r in found.reports] == [2023, 2024]
    report = found.report(2024)
    assert (report.period_start, report.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert report.drawn_up_on is None
    assert found.report(2023) == kielce.report(2023)
    project = found.project("KIE-P-03")
    assert (project.completed_in, project.list_number) == (2024, 1)
    assert project.description == "Staże i bony szkoleniowe dla 120 osób."
    assert project.reported_cost == Money(Decimal("5200000.00"), "PLN")
    assert project.cost == kielce.project("KIE-P-03").cost
    text = (folder / "reports" / "2024.toml").read_text("utf-8")
    entry = 'code = "KIE-P-03"\ncost = "5 200 000,00 zł"\ndescription = "Staże i bony szkoleniowe'
    assert entry in text
    assert found.project("KIE-P-01").list_number == kielce.project("KIE-P-01").list_number


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_collect_merge_command(
    locale: str, values_only: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect merge kielce FORMS -o DIR` writes the folder and the log, warnings listed."""
    filled = values_only
    target = tmp_path / "kielce-2024"
    code = main(
        ["collect", "merge", "kielce", *map(str, filled), "-o", str(target), "--locale", locale]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert (target / "indicators.tsv").is_file()
    assert (tmp_path / "kielce-2024-log.csv").is_file()
    names = [str(target), str(tmp_path / "kielce-2024-log.csv"), *map(str, filled), IND]
    names += ["'KIE-1.1-01'", "'KIE-1.1-04'", "'KIE-1.1-05'"]
    log = (tmp_path / "kielce-2024-log.csv").read_text("utf-8-sig")
    header, first = log.splitlines()[:2]
    if locale == "pl":
        assert "wartości za 2024\xa0r.: 112; zrealizowane projekty: 0" in out
        assert english_words(out, names=names) == []
        assert header.startswith("Rodzaj;Kod;Rok;Wartość lub koszt;")
        assert first.startswith("wskaźnik;KIE-1-01;2024;6,1;")
    else:
        assert "values of 2024: 112; projects completed: 0" in out
        assert polish_words(out, names=names) == []
        assert header.startswith("Kind,Code,Year,Value or cost,")
        assert first.startswith("indicator,KIE-1-01,2024,6.1,")


def test_the_warnings_of_one_cell_are_said_under_its_place(
    values_only: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A value out of range, far beyond last year's and its history: its cell named once."""
    form = copy(values_only[0], tmp_path / "back")
    fill(form, {(IND, "I3"): 146})  # the unemployment rate 146% against 4,6% in 2022 and 2023
    code = main(["collect", "merge", "kielce", str(form), *map(str, values_only[1:]), "-o", str(tmp_path / "out")])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    lines = out.splitlines()
    place = f"  {form}, arkusz „Wskaźniki”, komórka I3:"
    assert lines.count(place) == 1
    said = lines[lines.index(place) + 1 : lines.index(place) + 4]
    assert said == [
        "    „KIE-1.1-01”: 146 leży poza zakresem wiarygodnych wartości 0–100",
        "    „KIE-1.1-01”: 146 to 32-krotność wartości z 2023\xa0r. (4,6), ponad 2-krotny wzrost",
        "    „KIE-1.1-01”: 146 odbiega od wartości z każdego z poprzednich lat (4,6) o więcej niż"
        " margines 20%",
    ]
    alone = [line for line in lines if "„KIE-1.1-05”" in line]  # one warning: one line
    assert len(alone) == 1
    assert alone[0].startswith(f"  {form}, arkusz „Wskaźniki”, komórka I")


def test_collect_merge_with_errors_writes_nothing(
    sent: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With an error, the command exits 2, names the cell on stderr and writes nothing."""
    form = copy(sent[0], tmp_path / "back")
    fill(form, {(IND, "I2"): "=1+1"})
    target = tmp_path / "kielce-2024"
    code = main(["collect", "merge", "kielce", str(form), "-o", str(target)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "komórka I2: formuła nie jest odczytywana" in err
    assert not target.exists()


def test_values_that_cannot_be_are_errors_at_their_cells(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """A negative number of persons, half a decision and an amount with tenths of a grosz are
    refused, not warned."""
    forms = [copy(path, tmp_path) for path in sent[:4]]
    for form in forms:
        fill_all(form)
    persons = row_of(forms[0], IND, "KIE-1.1-04")  # persons waiting for a care home
    revenue = row_of(forms[2], IND, "KIE-3.1-01")  # budget revenue, in zł
    decisions = row_of(forms[0], IND, "KIE-1.2-04")  # decisions issued: a count
    fill(forms[0], {(IND, f"I{persons}"): -5, (IND, f"I{decisions}"): "107,5"})
    fill(forms[2], {(IND, f"I{revenue}"): "1 729 909 174,6562"})
    result = merge_forms(kielce, 2024, forms)
    found = {(Path(p.path).name, p.sheet, p.cell): p for p in result.errors}
    negative = found[(forms[0].name, IND, f"I{persons}")]
    assert (
        str(negative.message) == "'KIE-1.1-04' counts things or people: its value is not negative"
    )
    money = found[(forms[2].name, IND, f"I{revenue}")]
    assert money.text == "1 729 909 174,6562"
    assert "at most two decimals" in str(money.message)
    half = found[(forms[0].name, IND, f"I{decisions}")]
    assert str(half.message) == "'KIE-1.2-04' counts things or people: its value is a whole number"
    assert len(result.errors) == 3
    polish = describe_error(result.error(), locale="pl")  # type: ignore[arg-type]
    assert "„KIE-1.1-04” liczy rzeczy lub osoby: jego wartość nie może być ujemna" in polish


def test_every_project_completed_in_the_year_is_on_its_list(
    merged: MergeResult, kielce: Strategy
) -> None:
    """A project marked completed without a description still goes on the 2024 list, numbered."""
    code = "KIE-P-05"
    undescribed = attrs.evolve(kielce.project(code), completed_in=2024)
    strategy = attrs.evolve(
        merged.strategy,
        projects=[undescribed if p.code == code else p for p in kielce.projects],
    )
    forms_merged = merge_forms(strategy, 2024, [])
    numbers = {
        p.code: p.list_number for p in forms_merged.strategy.projects if p.completed_in == 2024
    }
    assert numbers == {code: 1}


def test_the_command_lists_every_problem(
    sent: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forms sent back empty: all 112 empty rows are listed, none left as "and N more"."""
    forms = [copy(path, tmp_path / "back") for path in sent[:4]]
    code = main(["collect", "merge", "kielce", *map(str, forms), "-o", str(tmp_path / "k")])
    err = capsys.readouterr().err
    assert code == 2
    assert "112 problemów w formularzach:" in err
    assert err.count("nie ma wartości ani przyczyny jej braku") == 112
    assert "więcej" not in err
    assert not (tmp_path / "k").exists()


#: The Polish log's header: one column per fact, titled as a strategy office reads it.
POLISH_HEADER = [
    "Rodzaj",
    "Kod",
    "Rok",
    "Wartość lub koszt",
    "Jednostka miary",
    "Przyczyna braku wartości",
    "Wykonane prace",
    "Plik",
    "Arkusz",
    "Komórka",
    "Jednostka odpowiedzialna",
    "Komentarz",
]


def _log_names(merged: MergeResult, *more: str) -> list[str]:
    """The data's own names in a log: files, sheets, units, comments, works, codes."""
    names = [*more, IND, PRJ]
    for entry in merged.log:
        names += [entry.file, entry.unit, entry.comment, entry.description, entry.code]
    return names


def test_the_polish_log_is_a_table_excel_opens(merged: MergeResult, tmp_path: Path) -> None:
    """Polish headers and kinds, one fact per column, ';' and decimal commas; csv and pandas agree."""
    import pandas as pd

    _, log = write_merge(merged, tmp_path / "kielce-2024")
    raw = log.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark: Excel reads UTF-8
    with log.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    assert list(rows[0]) == POLISH_HEADER
    by_code = {row["Kod"]: row for row in rows}
    first = by_code["KIE-1-01"]
    assert (first["Rodzaj"], first["Rok"], first["Wartość lub koszt"]) == (
        "wskaźnik",
        "2024",
        "6,1",
    )
    assert (first["Komórka"], first["Komentarz"]) == ("I2", "badanie ankietowe 2024")
    assert first["Jednostka miary"] == "%"  # KIE-1-01 is in percent (indicators.tsv)
    reason = by_code["KIE-1.1-02"]  # '.' chosen in J4
    assert reason["Wartość lub koszt"] == ""
    assert reason["Przyczyna braku wartości"] == "brak danych: nieznane lub objęte tajemnicą"
    assert reason["Komórka"] == "J4"
    bdl = by_code["KIE-3.3-02"]  # '- *' chosen: words, never an apostrophe before a sign
    assert bdl["Przyczyna braku wartości"] == "brak danych w terminie (jeszcze nieopublikowane)"
    project = by_code["KIE-P-03"]
    assert (project["Rodzaj"], project["Rok"]) == ("projekt", "2024")
    assert (project["Wartość lub koszt"], project["Komórka"]) == ("5200000,00", "F2")
    assert project["Jednostka miary"] == "zł"  # a cost's currency
    assert project["Wykonane prace"] == "Staże i bony szkoleniowe dla 120 osób."
    assert not [cell for row in rows for cell in row.values() if cell.startswith("'")]
    text = raw.decode("utf-8-sig")
    names = _log_names(merged, str(log))
    assert english_words(text, names=names) == []
    frame = pd.read_csv(log, sep=";", decimal=",", encoding="utf-8-sig", dtype={"Kod": str})
    assert list(frame.columns) == POLISH_HEADER
    values = frame.set_index("Kod")["Wartość lub koszt"]
    assert values["KIE-1-01"] == pytest.approx(6.1)
    assert values["KIE-P-03"] == pytest.approx(5_200_000)
    assert pd.isna(values["KIE-1.1-02"])
    assert frame["Rok"].dtype.kind == "i"


def test_the_english_log_is_plain_csv(merged: MergeResult, tmp_path: Path) -> None:
    """In English: English headers and kinds, ',' between cells and a decimal point."""
    import pandas as pd

    _, log = write_merge(merged, tmp_path / "kielce-2024", locale="en_GB")
    raw = log.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with log.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0])[:5] == [
        "Kind",
        "Code",
        "Year",
        "Value or cost",
        "Unit of measure",
    ]
    by_code = {row["Code"]: row for row in rows}
    assert (by_code["KIE-1-01"]["Kind"], by_code["KIE-1-01"]["Value or cost"]) == (
        "indicator",
        "6.1",
    )
    assert (
        by_code["KIE-1.1-02"]["Reason for a missing value"] == "no data: not known or confidential"
    )
    assert (by_code["KIE-P-03"]["Kind"], by_code["KIE-P-03"]["Value or cost"]) == (
        "project",
        "5200000.00",
    )
    assert by_code["KIE-P-03"]["Work done"] == "Staże i bony szkoleniowe dla 120 osób."
    assert polish_words(raw.decode("utf-8"), names=_log_names(merged, str(log))) == []
    frame = pd.read_csv(log, dtype={"Code": str})
    assert frame.set_index("Code")["Value or cost"]["KIE-P-03"] == pytest.approx(5_200_000)


def test_the_log_frame_keeps_stable_keys_and_exact_values(merged: MergeResult) -> None:
    """For programs: the LOG_COLUMNS keys, exact Decimals, the missing-value sign, the currency."""
    frame = log_frame(merged)
    assert tuple(frame.columns) == LOG_COLUMNS
    rows = frame.set_index("code")
    assert rows.loc["KIE-1-01", "kind"] == "indicator"
    assert rows.loc["KIE-1-01", "value"] == Decimal("6.1")
    assert rows.loc["KIE-1.1-02", "marker"] == "."
    assert rows.loc["KIE-P-03", "value"] == Decimal("5200000.00")
    assert rows.loc["KIE-P-03", "currency"] == "PLN"
    table = log_table(merged, locale="pl_PL")
    assert [column.title for column in table.columns] == POLISH_HEADER


def test_the_merged_folder_says_what_it_holds(
    merged: MergeResult, filled: list[Path], tmp_path: Path
) -> None:
    """README.md: the data it was merged into, the year, the forms, the date, the log's name."""
    before = dt.date.today()
    folder, log = write_merge(merged, tmp_path / "kielce-2024", like=SHIPPED)
    after = dt.date.today()
    text = (folder / "README.md").read_text("utf-8")
    first, *_ = text.splitlines()
    assert first == "# Dane za 2024\xa0r. scalone z formularzy"
    dates = {format_date(day, style="long") for day in (before, after)}
    assert any(f"z 4 formularzy, scalone {date} poleceniem" in text for date in dates)
    assert "dostarczane z citystrategy" in text
    assert f"Plik `{log.name}` obok folderu" in text
    assert all(f"- `{path.name}`" in text for path in filled)
    shipped = (SHIPPED / "README.md").read_text("utf-8")
    assert text.endswith("\n---\n\n" + shipped)  # the earlier folder's description follows
    names = [
        *(path.name for path in filled),
        log.name,
        "citystrategy collect merge",
        *dates,
        KIELCE,
        *_SOURCE_WORDS,
        _source_example(merged),
    ]
    assert english_words(text.split("\n---\n")[0], names=names) == []


#: The file and columns the README names, as they are spelt.
_SOURCE_WORDS = ("indicators.tsv", "value_2024", "source_2024")


def _source_example(merged: MergeResult) -> str:
    """The first source_2024 cell, which the README quotes as its example (the data's words)."""
    return next(o.source for o in merged.strategy.observations if o.year == 2024 and o.source)


def test_a_folder_without_a_readme_gets_one(
    merged: MergeResult, filled: list[Path], tmp_path: Path
) -> None:
    """Written in the canonical layout, in English: the README is the section alone."""
    folder, log = write_merge(merged, tmp_path / "k", locale="en_GB")
    text = (folder / "README.md").read_text("utf-8")
    assert text.startswith("# Data of 2024 merged from the forms\n")
    assert "from 4 forms, merged on" in text
    assert 'the strategy "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City"' in text
    assert "---" not in text
    names = [*(p.name for p in filled), log.name, merged.strategy.title, *_SOURCE_WORDS]
    assert f"(`{_source_example(merged)}`)" in text
    names.append(_source_example(merged))
    assert polish_words(text, names=names) == []
    assert read_strategy(folder) == read_strategy(write_merge(merged, tmp_path / "k2")[0])


@pytest.fixture(scope="module")
def undescribed(values_only: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The values-only forms with goal 1's second project marked 'tak' and nothing more."""
    folder = tmp_path_factory.mktemp("undescribed")
    forms = [copy(path, folder) for path in values_only]
    fill(forms[0], {(PRJ, "E3"): "tak"})
    return forms


def test_a_project_completed_without_cost_or_description_is_warned(
    kielce: Strategy, undescribed: list[Path]
) -> None:
    """'tak' alone: merged with the data's cost, and warned at the cost's and the work's cells."""
    result = merge_forms(kielce, 2024, undescribed)
    assert result.ok
    code = "KIE-P-05"  # row 3 of goal 1's projects: 1 001 400,00 zł in projects.tsv
    kept = [(w.kind, w.indicator, w.sheet, w.cell) for w in result.warnings if w.sheet == PRJ]
    assert kept == [
        (WarningKind.NO_COST, code, PRJ, "F3"),
        (WarningKind.NO_DESCRIPTION, code, PRJ, "G3"),
    ]
    assert result.strategy.project(code).cost == Money(Decimal("1001400.00"), "PLN")
    assert result.strategy.project(code).completed_in == 2024
    entry = next(e for e in result.log if e.code == code)
    assert (entry.cell, entry.value, entry.description) == ("E3", None, "")
    error = FormError([w.to_problem() for w in result.warnings if w.sheet == PRJ])
    polish = describe_error(error, locale="pl")
    assert (
        f"{undescribed[0]}, arkusz „Projekty”, komórka F3: projekt „KIE-P-05” oznaczono jako "
        "zrealizowany, ale bez kosztu: zostaje koszt zapisany w danych" in polish
    )
    assert "komórka G3: projekt „KIE-P-05” oznaczono jako zrealizowany, ale bez opisu" in polish
    names = [str(undescribed[0]), PRJ, "'KIE-P-05'"]
    assert english_words(polish, names=names) == []
    english = describe_error(error, locale="en")
    assert "cell F3: the project 'KIE-P-05' is marked completed, but without its cost" in english
    assert polish_words(english, names=names) == []


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_status_and_merge_list_the_kept_cost(
    locale: str, undescribed: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect status` and `collect merge` list the project warnings with file, sheet, cell."""
    assert main(["collect", "status", "kielce", *map(str, undescribed), "--locale", locale]) == 0
    status = capsys.readouterr().out
    target = tmp_path / "kielce-2024"
    argv = ["collect", "merge", "kielce", *map(str, undescribed), "-o", str(target)]
    assert main([*argv, "--locale", locale]) == 0
    merge = capsys.readouterr().out
    sheet = {"pl": "arkusz „Projekty”", "en": "sheet 'Projekty'"}[locale]
    cell = {"pl": "komórka F3: projekt „KIE-P-05”", "en": "cell F3: the project 'KIE-P-05'"}
    for out in (status, merge):
        line = next(line for line in out.splitlines() if "F3" in line)
        assert line.startswith(f"  {undescribed[0]}, ")
        assert sheet in line
        assert cell[locale] in line
    names = [str(target), str(tmp_path / "kielce-2024-log.csv"), *map(str, undescribed), IND, PRJ]
    names += ["'KIE-1.1-01'", "'KIE-1.1-04'", "'KIE-1.1-05'", "'KIE-P-05'", *GOAL_NAMES]
    for out in (status, merge):
        if locale == "pl":
            assert english_words(out, names=names) == []
        else:
            assert polish_words(out, names=names) == []
    readme = (target / "README.md").read_text("utf-8").split("\n---\n")[0]
    if locale == "pl":
        assert readme.startswith("# Dane za 2024\xa0r.")
    else:
        assert readme.startswith("# Data of 2024 merged from the forms")
        assert polish_words(readme, names=[*(p.name for p in undescribed), *names, KIELCE]) == []


GOAL_NAMES = [
    "Cel strategiczny 1. Miasto dla każdego",
    "Cel strategiczny 2. Miasto sprawne i aktywne",
    "Cel strategiczny 3. Miasto rozwijające się",
    "Cel strategiczny 4. Miasto, w którym chce się żyć",
    # the goals' own names, after "Strategic goal N." where the reader reads English
    "Miasto dla każdego",
    "Miasto sprawne i aktywne",
    "Miasto rozwijające się",
    "Miasto, w którym chce się żyć",
]


def test_errors_are_listed_in_the_order_a_person_fixes_them(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """By file, then sheet in the form's order, then row and column: I2, I6, I9, I10, E2."""
    forms = [copy(path, tmp_path) for path in sent[:2]]
    for form in forms:
        fill_all(form)
    goal_1, goal_2 = forms
    persons = row_of(goal_1, IND, "KIE-1.1-04")
    assert persons == 6
    fill(
        goal_1,
        {
            (IND, "I2"): None,  # empty: found after every form is read
            (IND, f"I{persons}"): -5,  # impossible: found as the value is merged
            (IND, "I9"): None,
            (IND, "I10"): "=1+1",  # a formula: found as the form is read
            (PRJ, "E2"): "może",
        },
    )
    fill(goal_2, {(IND, "I3"): None})
    result = merge_forms(kielce, 2024, [goal_2, goal_1])  # goal 2's form read first
    located = [(Path(p.path).name, p.sheet, p.cell) for p in result.errors if p.sheet]
    assert located == [
        (goal_1.name, IND, "I2"),
        (goal_1.name, IND, "I6"),
        (goal_1.name, IND, "I9"),
        (goal_1.name, IND, "I10"),
        (goal_1.name, PRJ, "E2"),
        (goal_2.name, IND, "I3"),
    ]
    # the forms not returned (goals 3 and 4) come after the forms' own cells
    assert [p.sheet for p in result.errors[-2:]] == [None, None]


@pytest.mark.parametrize("typed", [0, -3, "12,5"])
def test_an_unusable_sample_size_is_refused_at_its_cell(
    kielce: Strategy, sent: list[Path], tmp_path: Path, typed: object
) -> None:
    """A survey sample size of 0, negative or fractional is refused at its cell, saying what to do."""
    form = copy(sent[0], tmp_path)  # goal 1's form: KIE-1.3-06, the survey's responses
    fill_all(form)
    row = row_of(form, IND, "KIE-1.3-06")
    fill(form, {(IND, f"I{row}"): typed})
    result = merge_forms(kielce, 2024, [form])
    mine = [p for p in result.errors if Path(p.path) == form]  # the other forms: not returned
    assert [(p.sheet, p.cell, p.text) for p in mine] == [(IND, f"I{row}", str(typed))]
    english = str(mine[0])
    assert (
        "'KIE-1.3-06' is the number of the survey's responses, the sample size of the survey "
        "shares: a whole number above 0; if there was no survey, leave the cell empty and choose "
        "the reason"
    ) in english
    polish = describe_error(result.error(), locale="pl")  # type: ignore[arg-type]
    assert (
        "„KIE-1.3-06” to liczba odpowiedzi w badaniu ankietowym, czyli liczebność próby odsetków "
        "z badania: liczba całkowita większa od 0; jeśli badania nie przeprowadzono, zostaw "
        "komórkę pustą i wybierz przyczynę braku wartości"
    ) in polish
    names = [str(form), IND, "'KIE-1.3-06'", str(typed)]
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []


def test_an_empty_sample_cell_with_a_reason_is_merged(
    kielce: Strategy, sent: list[Path], tmp_path: Path
) -> None:
    """Without a survey the cell stays empty with a reason, as the refusal says: no error."""
    form = copy(sent[0], tmp_path)
    fill_all(form)
    row = row_of(form, IND, "KIE-1.3-06")
    reason = "- * brak danych w terminie (jeszcze nieopublikowane)"
    fill(form, {(IND, f"I{row}"): None, (IND, f"J{row}"): reason})
    result = merge_forms(kielce, 2024, [form])
    assert [p for p in result.errors if Path(p.path) == form] == []
    merged = result.strategy.observation("KIE-1.3-06", 2024)
    assert merged is not None
    assert (merged.value, merged.raw) == (None, "- *")
