"""The report says, under each goal's indicator table, whose target contradicts its direction:
their status ("cel osiągnięty") says nothing of progress, as ``assess`` marks with (!)."""

from __future__ import annotations

import pytest

from citystrategy import check
from citystrategy.model import Strategy
from citystrategy.reports.document import Table
from citystrategy.reports.tables import indicators_section
from citystrategy.validation import FindingKind

CONTRADICTS = {
    FindingKind.TARGET_CONTRADICTS_DIRECTION,
    FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION,
}


def _notes(strategy: Strategy, locale: str) -> dict[str, str]:
    section = indicators_section(strategy, 2023, locale=locale)
    tables = [block for block in section.blocks if isinstance(block, Table) and block.note]
    return {table.name: table.note for table in tables}


@pytest.mark.parametrize(
    ("locale", "one", "many"),
    [
        ("pl_PL", "Wartość docelowa wskaźnika {} jest sprzeczna", "Wartości docelowe wskaźników {} są sprzeczne"),
        ("en_GB", "The target of {} contradicts", "The targets of {} contradict"),
    ],
    ids=["pl", "en"],
)  # fmt: skip
def test_each_goal_names_its_contradicting_targets(
    kielce: Strategy, locale: str, one: str, many: str
) -> None:
    """The codes are those the data checks find, goal by goal, in the table's order."""
    found = {f.code for f in check(kielce).findings if f.kind in CONTRADICTS}
    expected: dict[str, list[str]] = {}
    for indicator in kielce.indicators:
        if indicator.code in found:
            expected.setdefault(f"goal_{indicator.goal_code.split('.')[0]}", []).append(
                indicator.code
            )
    notes = _notes(kielce, locale)
    assert set(notes) == set(expected) == {"goal_1", "goal_2", "goal_3", "goal_4"}
    for name, codes in expected.items():
        shown = ", ".join(codes)
        assert notes[name].startswith((one if len(codes) == 1 else many).format(shown))
    assert expected["goal_2"] == ["KIE-2.3-01"]
