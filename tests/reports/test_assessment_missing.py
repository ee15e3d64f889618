"""assess's text says that a value is missing in words, never with a sign alone: ``–`` is GUS's
sign for "no occurrence", a reason of its own, so "no value" must not look like it. A long
reason (the report's footnote on '- *') is said under the notes, not in the value's cell."""

from __future__ import annotations

import re

import attrs
import pytest

from citystrategy.cli import main
from citystrategy.model import Strategy
from citystrategy.progress import assess, assess_goals
from citystrategy.reports import format_assessment
from tests.collect.helpers import tsv
from tests.language import english_words, identifiers, polish_words
from tests.reports.test_assessment import _names

#: Kielce's indicators without a 2023 value: '- *', no data in GUS BDL at the report date.
LATE = ("KIE-3.3-02", "KIE-3.3-03", "KIE-3.3-04", "KIE-3.4-01")
#: The 2023 report's footnote on '- *' (strategy.toml), as a cell quotes it (no final stop).
FOOTNOTE = (
    "na dzień sporządzenia raportu brak danych w Bazie Danych Lokalnych GUS (dane zostaną "
    "dopisane po ich udostępnieniu)"
)


def _text(strategy: Strategy, locale: str = "pl_PL", width: int | None = None) -> str:
    table = assess(strategy, year=2023)
    goals = assess_goals(strategy, year=2023, table=table)
    targets = {indicator.code: indicator.target for indicator in strategy.indicators}
    return format_assessment(table, goals, year=2023, targets=targets, width=width, locale=locale)


def _line(text: str, code: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(code + " "))


def test_the_shipped_values_are_missing_with_the_footnote() -> None:
    """The four indicators are '- *' in 2023 in the shipped data."""
    rows = {row["code"]: row for row in tsv("indicators.tsv")}
    assert [rows[code]["value_2023"] for code in LATE] == ["- *"] * 4


#: The value cell of a '- *' value, whose reason is long: that there is none.
NONE = {"pl_PL": "brak wartości za 2023\xa0r.", "en_GB": "no value for 2023"}


def _note(text: str, code: str) -> str:
    """The note on *code* under the tables, its wrapped lines (indented further) joined."""
    lines = text.splitlines()
    first = lines.index(next(line for line in lines if line.startswith(f"  {code}: ")))
    parts = [lines[first].strip()]
    for line in lines[first + 1 :]:
        if not line.startswith("    "):
            break
        parts.append(line.strip())
    return " ".join(parts)


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_a_missing_value_says_so_and_its_reason_is_noted(kielce: Strategy, locale: str) -> None:
    """The value cell of a '- *' value says there is none, not '–'; the report's footnote is
    said under the notes, once for each indicator."""
    text = _text(kielce, locale)
    lines = text.splitlines()
    assert lines[2].split()[3] == ("Obecnie" if locale == "pl_PL" else "Current")
    low, high = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[3])][3]
    for code in LATE:
        assert _line(text, code)[low:high].strip() == NONE[locale]  # the whole cell, not '–'
        assert FOOTNOTE not in _line(text, code)
    if locale == "pl_PL":
        for code in LATE:
            assert FOOTNOTE in _note(text, code)
        assert english_words(text, names=_names(kielce)) == []
    else:
        assert polish_words(text, names=[*_names(kielce), FOOTNOTE]) == []
    assert identifiers(text, names=_names(kielce)) == []


@pytest.mark.parametrize(
    ("locale", "legend"),
    [("pl_PL", "x – nie obliczono: brak potrzebnych wartości"),
     ("en_GB", "x: not computed, the values it needs are missing")],
    ids=["pl", "en"],
)  # fmt: skip
def test_what_cannot_be_computed_is_gus_x_said_once(
    kielce: Strategy, locale: str, legend: str
) -> None:
    """A change and a score without this year's value are GUS's 'x' (cannot be filled in), not
    its '–' (no occurrence, which would read as no change), with the sign said under the tables;
    a table with every figure computed has no legend."""
    text = _text(kielce, locale)
    for code in LATE:
        cells = _line(text, code).split()
        assert cells[-1] == "x"  # the score
    assert text.splitlines().count(legend) == 1
    assert "  –  " not in text
    computed = attrs.evolve(
        kielce,
        indicators=[i for i in kielce.indicators if i.code not in LATE],
        observations=[o for o in kielce.observations if o.indicator not in LATE],
    )
    whole = _text(computed, locale)
    assert legend not in whole


@pytest.mark.parametrize(
    ("locale", "words"),
    [("pl_PL", "brak wartości za 2023\xa0r."), ("en_GB", "no value for 2023")],
    ids=["pl", "en"],
)
def test_a_value_the_data_do_not_hold_says_so(kielce: Strategy, locale: str, words: str) -> None:
    """An indicator with no observation of the year: 'no value for 2023' in words."""
    kept = [o for o in kielce.observations if not (o.indicator == "KIE-1.1-02" and o.year == 2023)]
    text = _text(attrs.evolve(kielce, observations=kept), locale)
    line = _line(text, "KIE-1.1-02")
    assert words in line
    assert "  –  " not in line.split(words)[0]  # no sign in the value's place


def test_in_a_terminal_the_table_stays_within_the_width(kielce: Strategy) -> None:
    """Within 160 columns the table stays a table, and the footnote wraps under the notes."""
    text = _text(kielce, width=160)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 160
    assert lines[2].startswith("Kod ")  # columns, not records
    assert "brak wartości za" in _line(text, "KIE-3.3-02")  # wrapped within its column
    assert FOOTNOTE in _note(text, "KIE-3.3-02")


def test_records_say_there_is_no_value_under_its_title(kielce: Strategy) -> None:
    """A narrow terminal's records: 'Obecnie: brak wartości za 2023 r.', wrapped at spaces."""
    text = _text(kielce, width=60)
    record = text.split("\n\nKIE-3.3-02\n", 1)[1].split("\n\n", 1)[0]
    flat = " ".join(part.strip() for part in record.splitlines())
    assert f"Obecnie: {NONE['pl_PL']}" in flat
    assert max(len(line) for line in text.splitlines() if " " in line.strip()) <= 60


def test_the_command_says_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    """`assess kielce --year 2023`: the footnote under the notes of each '- *' value."""
    assert main(["assess", "kielce", "--year", "2023"]) == 0
    out = capsys.readouterr().out
    for code in LATE:
        assert NONE["pl_PL"] in _line(out, code)
        assert FOOTNOTE in _note(out, code)
