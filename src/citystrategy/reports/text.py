"""Plain-text tables for terminals and logs."""

from __future__ import annotations

from collections.abc import Sequence

from citystrategy._arguments import each
from citystrategy.errors import ArgumentError, ArgumentTypeError

__all__ = ["render_table"]

#: What each row of a table must be.
_ROW = "a row (a sequence of strings)"


def render_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    align: str | None = None,
    footer: Sequence[Sequence[str]] = (),
) -> str:
    """Render cells (already formatted strings) as an aligned text table.

    Args:
        header: Column titles.
        rows: The body rows, each as long as *header*.
        align: One letter per column, ``l`` or ``r``; numbers read best right-aligned. By
            default the first column is left-aligned and the rest right-aligned.
        footer: Rows printed under a rule (totals).

    Raises:
        ArgumentError: If a row or *align* does not match the header (a ``ValueError``).
        ArgumentTypeError: If a title or a cell is not a string, or a row is not a sequence.

    >>> print(render_table(["Cel", "Koszt"], [["1", "5 zł"], ["2", "10 zł"]]))
    Cel  Koszt
    ---  -----
    1     5 zł
    2    10 zł
    """
    header = each(header, "header", str, "a column title (a string)")
    rows = each(rows, "rows", Sequence, _ROW)  # type: ignore[type-abstract]
    footer = each(footer, "footer", Sequence, _ROW)  # type: ignore[type-abstract]
    width = len(header)
    align = align or "l" + "r" * (width - 1)
    if len(align) != width or set(align) - {"l", "r"}:
        raise ArgumentError("align", align, f"one 'l' or 'r' per column ({width})")
    body = [list(header), *map(list, rows), *map(list, footer)]
    for row in body:
        if len(row) != width:
            raise ArgumentError("rows", row, f"a row of {width} cells, as many as the header")
        for cell in row:
            if not isinstance(cell, str):
                raise ArgumentTypeError("rows", cell, "a formatted cell (a string)")
    widths = [max(len(row[i]) for row in body) for i in range(width)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.ljust(w) if a == "l" else cell.rjust(w)
            for cell, w, a in zip(cells, widths, align, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [line(header), rule, *(line(r) for r in rows)]
    if footer:
        lines += [rule, *(line(r) for r in footer)]
    return "\n".join(lines)
