"""Strategy folders as spreadsheets save them: a byte order mark, ';' or ',' for tabs, long lists.

Each case changes a copy of the Kielce folder (the ``kielce_dir`` fixture) the way Excel or
LibreOffice would when saving it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citystrategy.errors import DataFileError
from citystrategy.io.strategy_files import FILES, read_strategy
from citystrategy.model import Strategy
from tests.io.test_strategy_files import read_error


def only_problem(directory: Path, file: str) -> str:
    """The one problem that reading *directory* reports, checked to be in *file*."""
    error = read_error(directory)
    assert error.path == str(directory / file)
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


@pytest.mark.parametrize("name", FILES, ids=list(FILES))
def test_byte_order_mark_is_accepted(kielce_dir: Path, kielce: Strategy, name: str) -> None:
    """A file saved as 'UTF-8 with BOM' (Excel's CSV UTF-8) reads as without one."""
    path = kielce_dir / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_strategy(kielce_dir) == kielce


@pytest.mark.parametrize("separator", [";", ","], ids=["semicolon", "comma"])
def test_file_separated_by_semicolons_is_one_problem(kielce_dir: Path, separator: str) -> None:
    """A ';'- or ','-separated export gets one problem that says so, not one per row."""
    path = kielce_dir / "projects.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("\t", separator), encoding="utf-8")
    problem = only_problem(kielce_dir, "projects.tsv")
    assert problem.startswith("line 1 (header): ")
    assert f"separated by {separator!r}, not by tabs" in problem


def test_long_list_of_problems_is_cut_at_twenty() -> None:
    """The text lists 20 problems then 'and N more'; .problems keeps them all."""
    error = DataFileError("x.tsv", [f"line {n}: bad" for n in range(2, 27)])
    lines = str(error).split("\n  ")
    assert lines[0] == "x.tsv: 25 problems"
    assert lines[1:21] == [f"line {n}: bad" for n in range(2, 22)]
    assert lines[21:] == ["and 5 more"]
    assert len(error.problems) == 25


def test_twenty_problems_are_all_listed() -> None:
    """Up to 20 problems, every one is in the text and none is summarised."""
    error = DataFileError("x.tsv", [f"line {n}: bad" for n in range(2, 22)])
    assert "more" not in str(error)
    assert str(error).count("\n  ") == 20


def test_many_bad_cells_of_a_folder_are_cut_in_the_text(kielce_dir: Path) -> None:
    """A file with every survey flag wrong keeps every problem but shows twenty."""
    path = kielce_dir / "indicators.tsv"
    text = path.read_text(encoding="utf-8")
    count = text.count("\tpercent\tyes\t")
    path.write_text(text.replace("\tpercent\tyes\t", "\tpercent\ttak\t"), encoding="utf-8")
    error = read_error(kielce_dir)
    assert count > 20
    assert len(error.problems) == count
    assert str(error).endswith(f"\n  and {count - 20} more")


def test_windows_1250_file_is_named_with_its_line_and_the_fix(kielce_dir: Path) -> None:
    """A file Polish Excel saved as plain text (Windows-1250) says where, what it is and what to do."""
    path = kielce_dir / "projects.tsv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1250"))
    first = next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())
    problem = only_problem(kielce_dir, "projects.tsv")
    assert problem.startswith(f"line {first}: not UTF-8 (byte ")
    assert "it looks like Windows-1250" in problem
    assert "save it as UTF-8" in problem


def test_utf16_file_is_named_as_such(kielce_dir: Path) -> None:
    """A file saved as Excel's 'Unicode text' (UTF-16) is named as UTF-16."""
    path = kielce_dir / "indicators.tsv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    problem = only_problem(kielce_dir, "indicators.tsv")
    assert problem.startswith("line 1: not UTF-8")
    assert "it is UTF-16, as Excel's 'Unicode text' saves" in problem


def test_trailing_tab_is_named(kielce_dir: Path) -> None:
    """A row ending in a tab says so, rather than only counting its cells."""
    path = kielce_dir / "action_directions.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] += "\t"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem = only_problem(kielce_dir, "action_directions.tsv")
    assert problem.startswith("line 2: expected 3 cells, found 4")
    assert problem.endswith("(empty cells after the last column: a tab at the end of the line?)")
