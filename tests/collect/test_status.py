"""Completeness per unit of the returned forms, and the collect commands in both languages."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from citystrategy.cli import main
from citystrategy.collect import STATUS_COLUMNS, form_groups, form_status, write_forms
from citystrategy.model import Strategy
from tests.collect.helpers import fill, row_of
from tests.language import english_words, identifiers, polish_words

IND = "Wskaźniki"
PRJ = "Projekty"


@pytest.fixture(scope="module")
def sent(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four 2024 forms of Kielce, as sent."""
    return write_forms(kielce, 2024, tmp_path_factory.mktemp("sent"))


@pytest.fixture
def returned(sent: list[Path], tmp_path: Path) -> Path:
    """A folder with two of the four forms back: goal 1 partly filled, goal 2 blank."""
    folder = tmp_path / "formularze"
    folder.mkdir()
    goal_1 = Path(shutil.copy(sent[0], folder))
    shutil.copy(sent[1], folder)
    fill(
        goal_1,
        {
            (IND, "I2"): 6.1,
            (IND, "I3"): "4,2",
            (IND, "J4"): "x nie dotyczy",
            (IND, "I5"): "=2*2",  # refused: counts as an error and as missing
            (PRJ, "E2"): "tak",
            (PRJ, "E3"): "nie",
        },
    )
    return folder


def test_completeness_per_unit(kielce: Strategy, returned: Path) -> None:
    """Goal 1: 2 of 24 filled, 1 with a reason, 21 without, 2 of 10 projects answered, 1 error."""
    frame = form_status(kielce, 2024, [returned])
    assert tuple(frame.columns) == STATUS_COLUMNS
    rows = {row["unit"]: row for row in frame.to_dict(orient="records")}
    assert list(rows) == ["goal:1", "goal:2", "goal:3", "goal:4"]
    one = rows["goal:1"]
    assert one["returned"] is True
    assert (one["indicators"], one["filled"], one["missing_with_reason"]) == (24, 2, 1)
    assert one["missing_without_reason"] == 21
    assert (one["projects"], one["projects_answered"], one["errors"]) == (10, 2, 1)
    # every expected entry counts: 3 of 24 indicators and 2 of 10 projects, 5 of 34
    assert one["completeness_percent"] == pytest.approx(14.7)
    assert rows["goal:2"]["returned"] is True
    assert rows["goal:2"]["completeness_percent"] == 0
    assert rows["goal:3"]["returned"] is False
    assert rows["goal:3"]["file"] == ""


def test_a_form_of_another_year_is_listed_apart(kielce: Strategy, returned: Path) -> None:
    """Read as 2025 forms, the two files come back as rows of no unit, with their error."""
    frame = form_status(kielce, 2025, [returned])
    stray = frame[frame["unit"] == ""]
    assert sorted(stray["file"]) == sorted(p.name for p in returned.iterdir())
    assert list(stray["errors"]) == [1, 1]
    assert not frame[frame["unit"] != ""]["returned"].any()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of the command."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


#: The units' names: each goal's own (Polish) name after "Strategic goal N." in English.
NAMES = [
    "Miasto dla każdego",
    "Miasto sprawne i aktywne",
    "Miasto rozwijające się",
    "Miasto, w którym chce się żyć",
]
GOALS = [f"Cel strategiczny {n}. {name}" for n, name in enumerate(NAMES, start=1)]
ENGLISH_GOALS = [f"Strategic goal {n}. {name}" for n, name in enumerate(NAMES, start=1)]


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_collect_forms_command(
    locale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect forms kielce -o DIR` writes the 2024 forms (the year after the last report)."""
    folder = tmp_path / "formularze"
    code, out, err = run(
        ["collect", "forms", "kielce", "-o", str(folder), "--locale", locale], capsys
    )
    assert (code, err) == (0, "")
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4
    assert all(name in out for name in names)
    words = [str(folder), *names]
    assert identifiers(out, names=words) == []
    if locale == "pl":
        assert out.startswith(f"zapisano 4 formularze za 2024\xa0r. w folderze {folder}:")
        assert english_words(out, names=words) == []
    else:
        assert out.startswith(f"wrote 4 forms for 2024 in {folder}:")
        assert polish_words(out, names=words) == []
    code, out, err = run(
        ["collect", "forms", "kielce", "-o", str(folder), "--locale", locale], capsys
    )
    assert code == 2
    assert "--force" in err


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_collect_status_command(
    locale: str, returned: Path, kielce: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect status kielce DIR` prints the completeness table in one language."""
    code, out, err = run(["collect", "status", "kielce", str(returned), "--locale", locale], capsys)
    assert (code, err) == (0, "")

    # forms not back are named as they were sent: in Polish, whatever the reader's language
    files = [group.file_name for group in form_groups(kielce, 2024)]
    files += [path.name for path in returned.iterdir()]
    names = [*GOALS, *NAMES, *files, str(returned), IND, PRJ, "=2*2"]  # the files' and forms' words
    assert identifiers(out, names=names) == []
    lines = out.splitlines()
    named = GOALS if locale == "pl" else ENGLISH_GOALS  # the units in the reader's language
    goal_1 = next(line for line in lines if line.startswith(named[0]))
    if locale == "pl":
        assert lines[0] == "formularze za 2024\xa0r.: zwrócono 2 z 4"
        assert goal_1.split()[-7:] == ["tak", "2/24", "1", "21", "2/10", "1", "14,7%"]
        # what the merge refuses, counted by hand: goal 1's 20 empty rows and its formula, goal
        # 2's 32 empty rows, the forms of goals 3 and 4 not returned
        said = "55 problemów uniemożliwia scalenie:"
        assert english_words(out, names=names) == []
    else:
        assert lines[0] == "forms for 2024: 2 of 4 returned"
        assert goal_1.split()[-7:] == ["yes", "2/24", "1", "21", "2/10", "1", "14.7%"]
        said = "55 problems stand in the way of the merge:"
        assert polish_words(out, names=names) == []
        assert "Cel strategiczny" not in out
    # every problem counted is listed under the count, each naming its file
    listed = lines[lines.index(said) + 1 :]
    assert len(listed) == 55
    assert all(line.startswith(f"  {returned}") or "'" in line or "„" in line for line in listed)
    assert sum(f"{returned}{os.sep}cel-strategiczny-1" in line for line in listed) == 21


def test_collect_status_json(returned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives the frame's records, a missing completeness as null."""
    code, out, _ = run(["collect", "status", "kielce", str(returned), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["year"] == 2024
    assert [u["unit"] for u in data["units"]] == ["goal:1", "goal:2", "goal:3", "goal:4"]
    assert data["units"][0]["filled"] == 2
    assert (data["units"][0]["projects_answered"], data["units"][0]["projects"]) == (2, 10)
    assert [u["returned"] for u in data["units"]] == [True, True, False, False]  # JSON booleans
    assert '"returned": true' in out
    # E2 'tak' with neither a cost nor the work done: two warnings of the merge
    assert data["merge"] == {"errors": 55, "warnings": 2}


@pytest.mark.parametrize(("locale", "delimiter"), [("pl", ";"), ("en", ",")])
def test_collect_status_csv(
    locale: str, delimiter: str, returned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format csv is keyed and typed as every command's CSV is (the JSON's keys, true and
    false), its figures in the locale's decimals, its units named in the reader's language."""
    argv = ["collect", "status", "kielce", str(returned), "--format", "csv", "--locale", locale]
    code, out, _ = run(argv, capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out), delimiter=delimiter))
    assert list(rows[0]) == list(STATUS_COLUMNS)
    assert [row["returned"] for row in rows] == ["true", "true", "false", "false"]
    assert [row["file"] != "" for row in rows] == [True, True, False, False]
    assert [rows[0]["projects_answered"], rows[0]["projects"]] == ["2", "10"]
    assert rows[0]["completeness_percent"] == {"pl": "14,7", "en": "14.7"}[locale]
    named = GOALS if locale == "pl" else ENGLISH_GOALS  # the units in the reader's language
    assert [row["unit_name"] for row in rows] == named


def test_the_grouping_is_taken_from_the_forms(kielce: Strategy, tmp_path: Path) -> None:
    """Forms written by source are counted by source without saying so again."""
    forms = write_forms(kielce, 2024, tmp_path, by="source")
    frame = form_status(kielce, 2024, forms[:1])
    assert list(frame["unit"]) == ["source:survey", "source:records", "source:bdl"]
    assert list(frame["returned"]) == [True, False, False]
    assert list(frame["indicators"]) == [29, 79, 4]


def _copied(returned: Path) -> tuple[Path, Path]:
    """Goal 1's form in *returned* and a copy of it beside it, as a file manager names one."""
    form = next(p for p in sorted(returned.iterdir()) if "-1-" in p.name)
    copy = Path(shutil.copy(form, returned / f"{form.stem} (kopia).xlsx"))
    return form, copy


def test_a_form_that_came_back_twice_is_one_problem(kielce: Strategy, returned: Path) -> None:
    """A copied form: one problem naming both files, its rows not counted or refused again."""
    from citystrategy.collect import merge_forms

    before = merge_forms(kielce, 2024, [returned])
    form, copy = _copied(returned)
    frame = form_status(kielce, 2024, [returned])
    one = frame[frame["unit"] == "goal:1"].iloc[0]
    assert (one["filled"], one["errors"]) == (2, 2)  # the formula, and the copy
    assert form.name in one["file"]
    assert copy.name in one["file"]
    result = merge_forms(kielce, 2024, [returned])
    assert len(result.errors) == len(before.errors) + 1
    assert len(result.duplicates) == 1
    duplicate = result.duplicates[0]
    assert duplicate in result.errors
    # the copy sorts first ("(kopia)" after a space, before ".xlsx"), but the form is the file
    # with the name it was sent under: named first, and where its cells' problems are
    assert str(duplicate.message) == (
        f"this form came back twice: {form} and {copy} (the same unit and strategy): keep one"
    )
    assert not [p for p in result.errors if "also on" in str(p.message)]
    assert duplicate.path == str(form)
    assert not [p for p in result.errors if p.path == str(copy)]
    formula = [p for p in result.errors if p.cell == "I5" and "-1-" in Path(p.path).name]
    assert [(p.path, p.sheet) for p in formula] == [(str(form), IND)]


def test_every_problem_of_a_copied_form_names_the_form(kielce: Strategy, returned: Path) -> None:
    """Cell problems and the duplicate name the same file, the one the values were read from."""
    from citystrategy.collect import merge_forms

    form, copy = _copied(returned)
    renamed = Path(shutil.move(form, returned / "cel-1 (moja wersja).xlsx"))  # neither is 'sent'
    result = merge_forms(kielce, 2024, [returned])
    (duplicate,) = result.duplicates
    first, second = sorted([renamed, copy], key=lambda path: path.name)
    assert str(duplicate.message).startswith(f"this form came back twice: {first} and {second}")
    goal_1 = [p for p in result.errors if p.path in {str(renamed), str(copy)}]
    assert len(goal_1) == 22  # the duplicate, the formula and 20 empty rows
    assert {p.path for p in goal_1} == {str(first)} == {duplicate.path}
    values = {entry.file for entry in result.log}
    assert str(second) not in values


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_the_status_names_a_form_that_came_back_twice(
    locale: str, kielce: Strategy, returned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`collect status` and `collect merge` name both files of a copied form, in one language."""
    form, copy = _copied(returned)
    names = [*GOALS, *NAMES, str(returned), IND, PRJ, "=2*2"]
    names += [path.name for path in returned.iterdir()]
    names += [group.file_name for group in form_groups(kielce, 2024)]  # the forms as sent
    code, out, err = run(["collect", "status", "kielce", str(returned), "--locale", locale], capsys)
    assert (code, err) == (0, "")
    named = GOALS if locale == "pl" else ENGLISH_GOALS
    goal_1 = next(line for line in out.splitlines() if line.startswith(named[0]))
    assert goal_1.split()[-2] == "2"
    if locale == "pl":
        said = f"ten formularz odesłano dwukrotnie: {form} i {copy} (ta sama jednostka i strategia)"
        assert "56 problemów uniemożliwia scalenie" in out
        assert english_words(out, names=names) == []
    else:
        said = f"this form came back twice: {form} and {copy} (the same unit and strategy)"
        assert "56 problems stand in the way" in out
        assert polish_words(out, names=names) == []
    assert out.count(said) == 1
    argv = ["collect", "merge", "kielce", str(returned), "-o", str(returned.parent / "out")]
    code, out, err = run([*argv, "--locale", locale], capsys)
    assert code != 0
    assert err.count(said) == 1
    assert not (returned.parent / "out").exists()


def test_excel_lock_files_are_not_forms(kielce: Strategy, returned: Path) -> None:
    """Excel's ~$ lock file beside an open form is skipped, in a folder and named by a glob."""
    from citystrategy.collect import form_paths, merge_forms

    forms = sorted(returned.iterdir())
    lock = returned / f"~${forms[0].name}"
    lock.write_bytes(b"\x0bJan Kowalski" + b" " * 41 + b"\x00" * 111)  # 165 bytes, as Excel's
    assert form_paths([returned]) == forms
    assert form_paths(sorted(returned.glob("*.xlsx"))) == forms  # formularze/*.xlsx
    before = merge_forms(kielce, 2024, forms)
    after = merge_forms(kielce, 2024, sorted(returned.glob("*.xlsx")))
    assert after.errors == before.errors
    assert str(lock) not in after.forms
    # a workbook someone saved under such a name is a form all the same
    lock.unlink()
    saved = Path(shutil.copy(forms[1], returned / f"~${forms[1].name}"))
    assert saved in form_paths([returned])


def test_values_the_merge_refuses_are_errors_not_filled(kielce: Strategy, returned: Path) -> None:
    """A negative count, a survey share over 100% and tenths of a grosz: the merge refuses each
    (one error per cell), and the status counts them as errors, not as filled values."""
    from citystrategy.collect import merge_forms

    goal_1 = next(returned.glob("*-1-*.xlsx"))
    refused = {
        "KIE-1.2-04": -5,  # a number of decisions
        "KIE-1.1-07": "105%",  # a share of the survey's answers
        "KIE-1.3-03": "8 400 000,005 zł",  # the civic budget's amount
    }
    cells = {(IND, f"I{row_of(goal_1, IND, code)}"): value for code, value in refused.items()}
    fill(goal_1, cells)
    result = merge_forms(kielce, 2024, [returned])
    refused_cells = {(p.sheet, p.cell) for p in result.errors if p.path == str(goal_1)}
    assert set(cells) <= refused_cells
    one = form_status(kielce, 2024, [returned]).set_index("unit").loc["goal:1"]
    # as before (2 filled, 1 with a reason, the formula) with three values refused
    assert (one["filled"], one["missing_with_reason"], one["errors"]) == (2, 1, 4)
    assert one["missing_without_reason"] == 24 - 2 - 1
    assert one["completeness_percent"] == pytest.approx(100 * 5 / 34, abs=0.05)
