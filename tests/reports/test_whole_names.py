"""Every table keeps its names whole: one line each in a file or a pipe, wrapped in a terminal.

A table is read back from its text by the rule under its titles (``----  ------``): the dashes
give each column's span. Piped, each name must be one cell of one line; within a width, every
line must fit and the pieces of a wrapped name, joined with spaces, must give the name back.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence

import pytest

from citystrategy.cli import main
from citystrategy.costs import completed_by_goal
from citystrategy.model import Catalogue, CityProfile, Program, Strategy
from citystrategy.programs import city_profile, get_program, zmp
from citystrategy.reports import (
    describe_finding,
    format_city_profile,
    format_findings,
    format_program,
    format_program_links,
    format_programs,
    format_summary,
)
from citystrategy.validation import ValidationReport

CATALOGUE: Catalogue = zmp.load()
#: A city in two of the programmes with the longest names (90 and 113 characters).
CITY = "Grodzisk Mazowiecki"
RULE = re.compile(r"-+(?: {2}-+)*")
LOCALES = ["pl_PL", "en_GB"]

Table = list[list[str]]  # per column, the column's piece on each line of the body


def tables(text: str) -> list[Table]:
    """The tables of *text*: for each, every column's pieces, line by line, footers left out."""
    found = []
    lines = text.splitlines()
    n = 0
    while n < len(lines):
        if not RULE.fullmatch(lines[n]):
            n += 1
            continue
        spans = [(m.start(), m.end()) for m in re.finditer("-+", lines[n])]
        body = []
        n += 1
        while n < len(lines) and lines[n] and not RULE.fullmatch(lines[n]):
            body.append(lines[n])
            n += 1
        while n < len(lines) and lines[n]:  # a footer: its rule and its rows
            n += 1
        found.append([[line[start:end].strip() for line in body] for start, end in spans])
    return found


def rejoined(pieces: Sequence[str], expected: Sequence[str]) -> list[str]:
    """The cells that *pieces* (one column, line by line) hold, read as *expected*'s names.

    Each name takes as many non-empty pieces as it needs to reach its length, joined with
    spaces; a name cut or run into the next one reads differently from *expected*.
    """
    queue = [piece for piece in pieces if piece]
    cells = []
    for name in expected:
        cell = queue.pop(0) if queue else ""
        while len(cell) < len(name) and queue:
            cell += " " + queue.pop(0)
        cells.append(cell)
    assert not queue, f"pieces left over: {queue}"
    return cells


def rows_by(table: Table, key: int) -> list[list[str]]:
    """The rows of *table*, each starting on a line where column *key* is not empty."""
    rows: list[list[list[str]]] = []
    for line in range(len(table[0])):
        if table[key][line]:
            rows.append([[] for _ in table])
        for column, pieces in zip(rows[-1], table, strict=True):
            if pieces[line]:
                column.append(pieces[line])
    return [[" ".join(column) for column in row] for row in rows]


def fits(text: str, width: int) -> list[str]:
    """The lines of *text* wider than *width*."""
    return [line for line in text.splitlines() if len(line) > width]


def _profile() -> CityProfile:
    return city_profile(CITY)


def _profile_names(profile: CityProfile) -> list[str]:
    return [program.name for program, _ in profile.participations]


def _link_names(strategy: Strategy) -> list[str]:
    names = []
    for link in strategy.program_links:
        program = get_program(link.catalogue).load().program(link.program)
        names.append(f"{link.program}: {program.name}")
    return names


def _goal_names(strategy: Strategy) -> list[str]:
    return [f"{row.goal}. {row.name}" for row in completed_by_goal(strategy, 2023)]


def _findings(report: ValidationReport, locale: str) -> list[str]:
    return sorted(describe_finding(f, locale=locale) for f in report)


# --- the library: no width, then a width --------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_without_a_width_every_programme_name_is_whole(locale: str) -> None:
    """The programme list holds each name whole on one line, the 141-character one included."""
    text = format_programs(CATALOGUE.programs, locale=locale)
    [table] = tables(text)
    assert table[1] == [p.name for p in CATALOGUE.programs]
    assert max(len(p.name) for p in CATALOGUE.programs) == 141
    assert "…" not in text


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("locale", LOCALES)
def test_within_a_width_programme_names_wrap_and_read_whole(locale: str, width: int) -> None:
    """Within the width every line fits; the wrapped names joined back are the names."""
    text = format_programs(CATALOGUE.programs, locale=locale, width=width)
    assert fits(text, width) == []
    [table] = tables(text)
    names = [p.name for p in CATALOGUE.programs]
    assert rejoined(table[1], names) == names
    assert len(table[1]) > len(names)  # some did wrap


@pytest.mark.parametrize("locale", LOCALES)
def test_a_city_profile_keeps_its_programme_names_whole(locale: str) -> None:
    """Piped, a profile names each programme whole; within 110 columns it wraps, still whole.

    (Its seven columns, at their longest words, need 104.)
    """
    profile = _profile()
    names = _profile_names(profile)
    assert max(map(len, names)) > 50  # once cut at 49 characters
    piped = format_city_profile(profile, CATALOGUE.name, locale=locale)
    assert tables(piped)[0][1] == names
    wrapped = format_city_profile(profile, CATALOGUE.name, locale=locale, width=110)
    assert fits(wrapped, 110) == []
    assert rejoined(tables(wrapped)[0][1], names) == names


@pytest.mark.parametrize("program", CATALOGUE.programs, ids=lambda p: p.code)
def test_a_programme_keeps_its_participants_whole_and_fits_a_width(program: Program) -> None:
    """Every programme fits 80 columns; its title and its participants' names read whole."""
    sources = CATALOGUE.sources
    piped = format_program(program, sources=sources, locale="pl_PL")
    assert piped.splitlines()[0] == f"{program.code}: {program.name}"
    text = format_program(program, sources=sources, locale="pl_PL", width=80)
    assert fits(text, 80) == []
    title = text.split("\n\n")[0]
    assert " ".join(line.strip() for line in title.splitlines()) == piped.splitlines()[0]
    names = [p.territory.name for p in program.participants]
    if names:
        assert tables(piped)[-1][0] == names
        assert rejoined(tables(text)[-1][0], names) == names


@pytest.mark.parametrize("locale", LOCALES)
def test_findings_keep_every_description_whole(
    kielce_report: ValidationReport, locale: str
) -> None:
    """Piped, each finding is one line; within 100 columns each wraps and reads whole."""
    expected = _findings(kielce_report, locale)
    assert max(map(len, expected)) > 100
    piped = format_findings(kielce_report, locale=locale)
    [table] = tables(piped)
    assert sorted(table[3]) == expected
    text = format_findings(kielce_report, locale=locale, width=100)
    assert fits(text, 100) == []
    [table] = tables(text)
    assert sorted(row[3] for row in rows_by(table, 0)) == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_the_summary_keeps_goal_names_whole(kielce: Strategy, locale: str) -> None:
    """The cost table's goal names and every goal line read whole, wrapped within 100 columns."""
    names = _goal_names(kielce)
    piped = format_summary(kielce, 2023, locale=locale)
    assert tables(piped)[0][0] == names
    for goal in kielce.strategic_goals:
        assert any(goal.name in line for line in piped.splitlines()), goal.code
    text = format_summary(kielce, 2023, locale=locale, width=100)
    assert fits(text, 100) == []
    assert rejoined(tables(text)[0][0], names) == names
    flowing = " ".join(line.strip() for line in text.splitlines())
    for goal in kielce.strategic_goals:
        for operational in goal.operational_goals:
            assert f"{operational.code} {operational.name}" in flowing, operational.code


def test_programme_links_keep_names_whole(kielce: Strategy) -> None:
    """The programmes linked to the goals are named whole, piped and within 60 columns."""
    names = _link_names(kielce)
    links = tuple(
        (link, get_program(link.catalogue).load().program(link.program))
        for link in kielce.program_links
    )
    assert tables(format_program_links(links))[0][0] == names
    text = format_program_links(links, width=60)
    assert fits(text, 60) == []
    assert rejoined(tables(text)[0][0], names) == names


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_programs(CATALOGUE.programs, width=0),
        lambda: format_programs((), width=0),
        lambda: format_program(CATALOGUE.programs[0], width=-1),
        lambda: format_city_profile(_profile(), "ZMP", width=0),
        lambda: format_program_links((), width=0),
    ],
    ids=["programs", "no-programs", "program", "profile", "links"],
)
def test_a_width_under_one_is_refused_even_for_an_empty_table(call: Callable[[], str]) -> None:
    """A width is checked before anything is formatted, whether or not a table is printed."""
    with pytest.raises(ValueError, match="width"):
        call()


# --- the command: piped, then in a terminal ------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert (code in (0, 1), err) == (True, "")
    return out


def _terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """Make the standard output look like a terminal *width* columns wide."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", str(width))


def test_piped_commands_print_every_name_whole(
    capsys: pytest.CaptureFixture[str], kielce: Strategy, kielce_report: ValidationReport
) -> None:
    """Not a terminal: programmes, profiles, findings and goals are each on one line, whole."""
    out = _run(["programs", "list"], capsys)
    assert tables(out)[0][1] == [p.name for p in CATALOGUE.programs]
    out = _run(["programs", "city", CITY], capsys)
    assert tables(out)[0][1] == _profile_names(_profile())
    out = _run(["check", "kielce"], capsys)
    assert sorted(tables(out)[0][3]) == _findings(kielce_report, "pl_PL")
    out = _run(["summary", "kielce", "--year", "2023"], capsys)
    assert tables(out)[0][0] == _goal_names(kielce)
    assert tables(out)[1][0] == _link_names(kielce)
    out = _run(["assess", "kielce", "--year", "2023"], capsys)
    longest = max(kielce.indicators, key=lambda i: len(i.name))
    assert any(longest.name in line for line in out.splitlines())


@pytest.mark.parametrize(
    ("argv", "width"),
    [
        (["programs", "list"], 80),
        (["programs", "show", "ZMP-PPP"], 80),
        (["programs", "show", "ZMP-PL-UA", "--locale", "en"], 80),
        (["programs", "city", CITY], 110),
        (["check", "kielce"], 80),
        (["check", "kielce", "--locale", "en"], 80),
        (["assess", "kielce", "--year", "2023"], 80),
        (["assess", "kielce", "--year", "2023", "--locale", "en"], 80),
        (["summary", "kielce", "--year", "2023"], 80),
        (["summary", "kielce", "--year", "2023", "--locale", "en"], 80),
        (["compare", "Kielce", "--indicators", "unemployment_rate", "--year", "2023"], 80),
        (
            [
                "compare",
                "Kielce",
                "--indicators",
                "unemployment_rate",
                "--year",
                "2023",
                "--locale",
                "en",
            ],
            80,
        ),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_in_a_terminal_every_line_fits_its_width(
    argv: list[str],
    width: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a terminal each command wraps within its width; piped, the same output is wider."""
    piped = _run(argv, capsys)
    assert fits(piped, width) != []
    _terminal(monkeypatch, width)
    out = _run(argv, capsys)
    assert fits(out, width) == []


def test_in_a_terminal_names_read_whole_once_joined(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, kielce: Strategy
) -> None:
    """In a terminal the wrapped names of the programme list and the summary join back whole."""
    _terminal(monkeypatch, 80)
    out = _run(["programs", "list", "--locale", "en"], capsys)
    names = [p.name for p in CATALOGUE.programs]
    assert fits(out, 80) == []
    assert rejoined(tables(out)[0][1], names) == names
    _terminal(monkeypatch, 100)
    out = _run(["summary", "kielce", "--year", "2023"], capsys)
    assert fits(out, 100) == []
    assert rejoined(tables(out)[0][0], _goal_names(kielce)) == _goal_names(kielce)


def _record_names(text: str, title: str) -> dict[str, str]:
    """The names of a table laid out as records (:func:`render_table` when too wide), by the
    first cell of each record: the ``title: …`` cell with its continuation lines rejoined."""
    names = {}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        for n, line in enumerate(lines):
            if line.startswith(f"  {title}: "):
                pieces = [line.removeprefix(f"  {title}: ")]
                pieces += [rest.strip() for rest in lines[n + 1 :] if rest.startswith("    ")]
                names[lines[0]] = " ".join(pieces)
    return names


@pytest.mark.parametrize(("locale", "title"), [("pl", "Wskaźnik"), ("en", "Indicator")])
@pytest.mark.parametrize("width", [80, 100])
def test_in_a_terminal_the_assessment_wraps_every_name_whole(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kielce: Strategy,
    locale: str,
    title: str,
    width: int,
) -> None:
    """assess in a terminal too narrow for its figures side by side: records, names whole."""
    longest = max(kielce.indicators, key=lambda i: len(i.name))
    assert len(longest.name) == 463
    _terminal(monkeypatch, width)
    out = _run(["assess", "kielce", "--year", "2023", "--locale", locale], capsys)
    assert fits(out, width) == []
    assert not any(longest.name in line for line in out.splitlines())
    names = _record_names(out, title)
    assert list(names) == [i.code for i in kielce.indicators]
    for indicator in kielce.indicators:
        assert names[indicator.code].startswith(indicator.name), indicator.code
