"""Plain-text tables for terminals and logs."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Final

from citystrategy._arguments import each, integer
from citystrategy.errors import ArgumentError, ArgumentTypeError

__all__ = ["render_table"]

#: What each row of a table must be.
_ROW = "a row (a sequence of strings)"
#: Spaces between two columns.
_GAP = 2
#: A wrapped column keeps its longest word whole, up to this many characters.
_WHOLE_WORD = 30


def render_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    align: str | None = None,
    footer: Sequence[Sequence[str]] = (),
    width: int | None = None,
) -> str:
    """Render cells (already formatted strings) as an aligned text table.

    Cells are never cut. With a *width* (a terminal's), a table wider than that wraps its
    text columns (the left-aligned ones, the widest first) at spaces, each row taking as many
    lines as its longest cell needs; numbers (right-aligned) stay on one line, and their titles,
    and words among them (a reason in place of a missing value), wrap when they are wider than
    the numbers. A no-break space never breaks. A table whose
    numbers and words do not fit side by side even then is laid out as records: each row's
    first cell on a line of its own, then its other cells as ``title: cell``, as many to a
    line as fit, wrapped at spaces (a single word wider than *width*, which cannot be broken,
    stays whole). Without *width* (a file, a pipe) every cell stays on its one line.

    Args:
        header: Column titles.
        rows: The body rows, each as long as *header*.
        align: One letter per column, ``l`` or ``r``; numbers read best right-aligned. By
            default the first column is left-aligned and the rest right-aligned.
        footer: Rows printed under a rule (totals).
        width: The widest line wanted, in characters (``shutil.get_terminal_size().columns``
            in a terminal), or ``None`` never to wrap. A table that cannot shrink to it (its
            numbers and words are wider) is laid out as records rather than cut.

    Raises:
        ArgumentError: If a row or *align* does not match the header, or *width* is under 1
            (a ``ValueError``).
        ArgumentTypeError: If a title or a cell is not a string, a row is not a sequence, or
            *width* is not an int.

    >>> print(render_table(["Cel", "Koszt"], [["1", "5 zł"], ["2", "10 zł"]]))
    Cel  Koszt
    ---  -----
    1     5 zł
    2    10 zł
    >>> rows = [["KIE-1.1-01", "Stopa bezrobocia rejestrowanego w Kielcach", "4,6%"]]
    >>> print(render_table(["Kod", "Wskaźnik", "Obecnie"], rows, align="llr", width=37))
    Kod         Wskaźnik          Obecnie
    ----------  ----------------  -------
    KIE-1.1-01  Stopa bezrobocia     4,6%
                rejestrowanego w
                Kielcach
    >>> print(render_table(["Kod", "Wskaźnik", "Obecnie"], rows, align="llr", width=26))
    KIE-1.1-01
      Wskaźnik: Stopa
        bezrobocia
        rejestrowanego w
        Kielcach
      Obecnie: 4,6%
    """
    header = each(header, "header", str, "a column title (a string)")
    rows = each(rows, "rows", Sequence, _ROW)  # type: ignore[type-abstract]
    footer = each(footer, "footer", Sequence, _ROW)  # type: ignore[type-abstract]
    columns = len(header)
    align = align or "l" + "r" * (columns - 1)
    if len(align) != columns or set(align) - {"l", "r"}:
        raise ArgumentError("align", align, f"one 'l' or 'r' per column ({columns})")
    body = [list(header), *map(list, rows), *map(list, footer)]
    for row in body:
        if len(row) != columns:
            raise ArgumentError("rows", row, f"a row of {columns} cells, as many as the header")
        for cell in row:
            if not isinstance(cell, str):
                raise ArgumentTypeError("rows", cell, "a formatted cell (a string)")
    limit = _width(width)
    widths = [max(len(row[i]) for row in body) for i in range(columns)]
    if limit is not None:
        widths = _fit(widths, body, align, limit)
        if columns > 1 and sum(widths) + _GAP * (columns - 1) > limit:
            return _records(header, rows, footer, limit)

    def lines_of(cells: Sequence[str], *, title: bool = False) -> list[str]:
        wrapped = [
            _wrap(cell, w) if (a == "l" or title or " " in cell) and len(cell) > w else [cell]
            for cell, w, a in zip(cells, widths, align, strict=True)
        ]
        height = max(len(parts) for parts in wrapped)
        out = []
        for i in range(height):
            parts = [
                (part[i] if i < len(part) else "").ljust(w)
                if a == "l"
                else (part[i] if i < len(part) else "").rjust(w)
                for part, w, a in zip(wrapped, widths, align, strict=True)
            ]
            out.append((" " * _GAP).join(parts).rstrip())
        return out

    rule = (" " * _GAP).join("-" * w for w in widths)
    lines = [*lines_of(header, title=True), rule, *(text for r in rows for text in lines_of(r))]
    if footer:
        lines += [rule, *(text for r in footer for text in lines_of(r))]
    return "\n".join(lines)


#: How records indent their cells, and the continuation of a cell that wraps.
_INDENT: Final = "  "


def _records(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    footer: Sequence[Sequence[str]],
    limit: int,
) -> str:
    """The table as records within *limit* characters, for a table too wide to fit as columns.

    Each row starts with its first cell; its other cells follow as ``title: cell``, indented,
    short ones as many to a line as fit, a long one (a name) on lines of its own, wrapped at
    spaces; an empty cell is left out. Records are separated by an empty line, the footer's by a rule.

    >>> print(
    ...     _records(
    ...         ["Cel", "Koszt", "Udział"], [["1", "5 zł", "50%"]], [["Razem", "10 zł", ""]], 20
    ...     )
    ... )
    1
      Koszt: 5 zł
      Udział: 50%
    --------------------
    Razem
      Koszt: 10 zł
    """

    def record(cells: Sequence[str]) -> list[str]:
        lines = _fill(cells[0], limit, indent=_INDENT).split("\n")
        line = ""
        for title, cell in zip(header[1:], cells[1:], strict=True):
            if not cell:
                continue
            item = f"{title}: {cell}"
            long = len(_INDENT + item) > limit // 2  # a name: on a line (or lines) of its own
            if line and not long and len(line) + _GAP + len(item) <= limit:
                line += " " * _GAP + item
                continue
            if line:
                lines.append(line)
            line = _INDENT + item
            if long:
                lines += _fill(line, limit, indent=_INDENT * 2).split("\n")
                line = ""
        return [*lines, line] if line else lines

    blocks = ["\n".join(record(row)) for row in rows]
    text = "\n\n".join(blocks)
    if footer:
        totals = "\n".join(line for row in footer for line in record(row))
        text += ("\n" if text else "") + "-" * min(limit, 40) + "\n" + totals
    return text


def _width(width: int | None) -> int | None:
    """*width* checked: ``None`` or a number of characters, 1 or more.

    Raises:
        ArgumentError: If *width* is under 1 (a ``ValueError``).
        ArgumentTypeError: If *width* is not an int.
    """
    if width is None:
        return None
    if integer(width, "width") < 1:
        raise ArgumentError("width", width, "a number of characters, 1 or more")
    return width


def _fill(text: str, width: int | None, *, indent: str = "") -> str:
    """*text* as it is, or within *width* characters (a terminal's), continued with *indent*.

    Lines are broken at (breaking) spaces only; a word longer than *width* (an address) is
    printed whole on a line of its own rather than cut.

    >>> print(_fill("  - Stopa bezrobocia rejestrowanego w Kielcach", 24, indent="    "))
      - Stopa bezrobocia
        rejestrowanego w
        Kielcach
    """
    if width is None:
        return text
    return textwrap.fill(
        text, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
    )


def _wrap(cell: str, width: int) -> list[str]:
    """*cell* in lines of at most *width* characters, broken at (breaking) spaces."""
    return textwrap.wrap(cell, width, break_on_hyphens=False) or [""]


def _fit(widths: list[int], body: list[list[str]], align: str, limit: int) -> list[int]:
    """Column widths that fit *limit*: the widest columns give up a character at a time, a text
    column down to its longest word (or :data:`_WHOLE_WORD`, whichever is smaller), a number
    column down to its widest number, its title wrapping at spaces (*body* starts with the
    titles)."""
    floors = []
    for i, a in enumerate(align):
        words = [len(word) for row in body for word in row[i].split(" ")]
        if a == "l":
            floors.append(min(max(words, default=0), _WHOLE_WORD))
        else:
            title = max(len(word) for word in body[0][i].split(" "))
            # words among the numbers (why a value is missing) wrap as a title does
            numbers = max((len(row[i]) for row in body[1:] if " " not in row[i]), default=0)
            said = max(
                (len(word) for row in body[1:] if " " in row[i] for word in row[i].split(" ")),
                default=0,
            )
            floors.append(max(numbers, min(title, _WHOLE_WORD), min(said, _WHOLE_WORD)))
    widths = list(widths)
    excess = sum(widths) + _GAP * (len(widths) - 1) - limit
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break  # as narrow as it gets: wider than asked, never cut
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths
