"""Reading the TSV files of a strategy data folder: header, row shape, unique keys."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Final

from citystrategy._i18n import N_
from citystrategy.io._files import (
    FILE,
    HEADER,
    Place,
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

    def where(self, column: str | None = None) -> Place:
        return Place(line=self.line, column=column)


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
        problems.add(FILE, N_("empty: expected a header row"))
        problems.raise_if_any()
    if "\t" not in lines[0] and (separator := _separator(lines[0])) is not None:
        # a spreadsheet's "CSV" export: one problem for the file, not one per row
        message = N_(
            "the columns are separated by {separator!r}, not by tabs: save the sheet as "
            "'Text (tab-delimited)' or replace the separators with tabs (header {header!r})"
        )
        problems.add(HEADER, message, separator=separator, header=lines[0])
        problems.raise_if_any()
    header = lines[0].split("\t")
    missing = [column for column in required if column not in header]
    if missing:
        problems.add(HEADER, N_("missing column(s) {columns}"), columns=tuple(missing))
    unknown = [
        c
        for c in header
        if c not in required and c not in optional and not (pattern and pattern.fullmatch(c))
    ]
    if unknown:
        known = (*required, *optional)
        if pattern:
            message = N_("unknown column(s) {columns} (known: {known} or {pattern!r})")
            problems.add(
                HEADER, message, columns=tuple(unknown), known=known, pattern=pattern.pattern
            )
        else:
            message = N_("unknown column(s) {columns} (known: {known})")
            problems.add(HEADER, message, columns=tuple(unknown), known=known)
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        problems.add(HEADER, N_("repeated column(s) {columns}"), columns=tuple(duplicates))
    rows: list[Row] = []
    keys: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            message = N_("expected {expected} cells, found {found}: {line!r}")
            if len(cells) > len(header) and not "".join(cells[len(header) :]).strip():
                message = N_(
                    "expected {expected} cells, found {found}: {line!r} (empty cells after the "
                    "last column: a tab at the end of the line?)"
                )
            values = {"expected": len(header), "found": len(cells), "line": line}
            problems.add(Place(line=number), message, **values)
            continue
        for column, cell in zip(header, cells, strict=True):
            if cell != cell.strip():
                problems.add(
                    Place(line=number, column=column), N_("spaces around {cell!r}"), cell=cell
                )
        row = Row(number, dict(zip(header, cells, strict=True)))
        if key is not None and row[key] in keys:
            problems.add(row.where(key), N_("repeated {key} {value!r}"), key=key, value=row[key])
        keys.add(row[key] if key is not None else "")
        rows.append(row)
    problems.raise_if_any()
    return rows, header
