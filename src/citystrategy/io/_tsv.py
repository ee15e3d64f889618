"""Reading the TSV files of a strategy data folder: header, row shape, unique keys."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Final

from citystrategy.io._files import (
    Problems,
    read_text,
)

#: The two values of a yes/no column.
YES_NO: Final = {"yes": True, "no": False}
#: A year as the files write it.
YEAR_RE: Final = re.compile(r"[12][0-9]{3}")


@dataclass(frozen=True)
class Row:
    """One data row of a TSV file: its line number and cells by column."""

    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def where(self, column: str | None = None) -> str:
        return f"line {self.line}" + ("" if column is None else f", column {column!r}")


def _separator(header: str) -> str | None:
    """The separator a header without tabs uses instead (``;`` or ``,``), if any."""
    counts = {separator: header.count(separator) for separator in ";,"}
    separator = max(counts, key=lambda s: counts[s])
    return separator if counts[separator] else None


def read_tsv(
    file: Traversable,
    required: tuple[str, ...],
    *,
    key: str | None = None,
    optional: tuple[str, ...] = (),
    pattern: re.Pattern[str] | None = None,
) -> tuple[list[Row], list[str]]:
    """Read a TSV file; check its header, the shape of every row and that *key* is unique.

    A column that is neither required, optional nor matching *pattern* is a problem: a
    misspelt column must never be silently ignored. A header separated by ``;`` or ``,``
    instead of tabs (a spreadsheet's CSV export) is one problem for the whole file.
    """
    problems = Problems(str(file))
    text = read_text(file, problems)
    lines = text.splitlines()
    if not lines:
        problems.add("file", "empty: expected a header row")
        problems.raise_if_any()
    if "\t" not in lines[0] and (separator := _separator(lines[0])) is not None:
        # a spreadsheet's "CSV" export: one problem for the file, not one per row
        message = (
            f"the columns are separated by {separator!r}, not by tabs: save the sheet as "
            f"'Text (tab-delimited)' or replace the separators with tabs (header {lines[0]!r})"
        )
        problems.add("line 1 (header)", message)
        problems.raise_if_any()
    header = lines[0].split("\t")
    missing = [column for column in required if column not in header]
    if missing:
        problems.add("line 1 (header)", f"missing column(s) {', '.join(map(repr, missing))}")
    unknown = [
        c
        for c in header
        if c not in required and c not in optional and not (pattern and pattern.fullmatch(c))
    ]
    if unknown:
        known = ", ".join(repr(c) for c in (*required, *optional))
        extra = f" or {pattern.pattern!r}" if pattern else ""
        message = f"unknown column(s) {', '.join(map(repr, unknown))} (known: {known}{extra})"
        problems.add("line 1 (header)", message)
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        problems.add("line 1 (header)", f"repeated column(s) {', '.join(map(repr, duplicates))}")
    rows: list[Row] = []
    keys: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            message = f"expected {len(header)} cells, found {len(cells)}: {line!r}"
            if len(cells) > len(header) and not "".join(cells[len(header) :]).strip():
                message += " (empty cells after the last column: a tab at the end of the line?)"
            problems.add(f"line {number}", message)
            continue
        for column, cell in zip(header, cells, strict=True):
            if cell != cell.strip():
                problems.add(f"line {number}, column {column!r}", f"spaces around {cell!r}")
        row = Row(number, dict(zip(header, cells, strict=True)))
        if key is not None and row[key] in keys:
            problems.add(row.where(key), f"repeated {key} {row[key]!r}")
        keys.add(row[key] if key is not None else "")
        rows.append(row)
    problems.raise_if_any()
    return rows, header
