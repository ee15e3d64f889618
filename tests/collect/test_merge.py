"""The filled forms merged: new observations and projects, where each came from, and warnings."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from citystrategy.collect import MergeResult, WarningKind, merge_forms, write_forms
from citystrategy.model import Strategy
from citystrategy.money import Money
from citystrategy.reports import describe_error
from tests.collect.helpers import fill, row_of
from tests.language import english_words, polish_words

IND = "Wskaźniki"
PRJ = "Projekty"


@pytest.fixture(scope="module")
def sent(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Kielce's 2024 forms by goal, and the one form of by='all', as sent."""
    folder = tmp_path_factory.mktemp("sent")
    return [*write_forms(kielce, 2024, folder), *write_forms(kielce, 2024, folder, by="all")]


def copy(path: Path, folder: Path) -> Path:
    """A copy of a sent form, to fill."""
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(path, folder / path.name))


@pytest.fixture(scope="module")
def filled(sent: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Goal 1 and goal 2 filled as people do, with a project completed and odd values."""
    folder = tmp_path_factory.mktemp("back")
    goal_1, goal_2 = copy(sent[0], folder), copy(sent[1], folder)
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
            (IND, "J4"): ". brak danych: nieznane lub objęte tajemnicą",
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): "5 200 000,00 zł",
            (PRJ, "G2"): "Staże i bony szkoleniowe dla 120 osób.",
        },
    )
    bdl = row_of(goal_2, IND, "KIE-2.1-01")
    fill(goal_2, {(IND, f"I{bdl}"): 55})
    return [goal_1, goal_2]


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
    assert strategy.observation("KIE-2.1-01", 2024) is not None
    assert strategy.observation("KIE-1.1-06", 2024) is None  # left empty: nothing merged
    assert len([o for o in strategy.observations if o.year == 2024]) == 6
    assert len(strategy.observations) == len(kielce.observations) + 6
    assert kielce.observation("KIE-1-01", 2024) is None  # the input is left as it was


def test_projects_completed_in_the_year(merged: MergeResult, kielce: Strategy) -> None:
    """The project marked 'tak' is completed in 2024 with its new cost and description."""
    code = "KIE-P-03"  # the first open project of goal 1: 'Zawodowy bumerang'
    project = merged.strategy.project(code)
    assert project.completed_in == 2024
    assert project.cost == Money(Decimal("5200000.00"), "PLN")
    assert project.description == "Staże i bony szkoleniowe dla 120 osób."
    assert project.links[0].cost_cell == "5200000,00 zł"
    assert kielce.project(code).completed_in is None


def test_the_log_says_where_each_value_came_from(merged: MergeResult, filled: list[Path]) -> None:
    """File, sheet, cell, unit and comment of every merged value and project."""
    first = merged.log[0]
    assert (first.kind, first.code, first.value) == ("indicator", "KIE-1-01", "6,1")
    assert (first.file, first.sheet, first.cell) == (str(filled[0]), IND, "I2")
    assert first.unit == "Cel strategiczny 1. Miasto dla każdego"
    assert first.comment == "badanie ankietowe 2024"
    project = next(entry for entry in merged.log if entry.kind == "project")
    assert (project.code, project.cell, project.value) == ("KIE-P-03", "E2", "2024 5200000,00")
    assert len(merged.log) == 7


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
        "'KIE-1.1-04': 400 is 2.35 times the value of 2023 (170), beyond the factor 2"
    )
    history = next(w for w in merged.warnings if w.indicator == "KIE-1.1-05")
    assert "(371 to 425) by more than the margin of 20%" in str(history.message)
    assert (history.sheet, history.file.endswith(".xlsx")) == (IND, True)


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
    assert "400 to 2,35 raza wartość z 2023 r. (170)" in polish
    assert english_words(polish, names=names) == []
    assert polish_words(describe_error(error, locale="en_GB"), names=names) == []


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
    assert [(p.sheet, p.cell, p.text) for p in result.errors] == [(IND, "I3", "=1+1")]
