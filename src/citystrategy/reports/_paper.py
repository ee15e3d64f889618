r"""Column widths for the printed report: a fixed table layout, measured once in Python.

WeasyPrint's automatic table layout measures every cell's text twice (its narrowest and its
widest form) before it places a row, and it is most of the time a PDF takes; its maintainers
advise a fixed layout with the columns' widths given (Kozea/WeasyPrint issues 1296 and 545). The
widths here come from the same rule as the automatic layout (CSS 2.1, 17.5.2.2): each column
gets at least its widest unbreakable word (a number with its no-break spaces, ``85 665 519,74
zł``, is one word), and what is left of the page is shared in proportion to how much wider each
column's longest line would like to be. Texts are measured in DejaVu Sans, the first font of the
style sheet, with the advance widths of the font matplotlib ships (the same font files), regular
for cells and bold for the header.

>>> widths(((("Kod",), ("KIE-1-01",)), (("Wartość",), ("5,2%",))), (False, True), wide=False)
(('44.91%', '55.09%'), '')

Four columns of a title held together by no-break spaces do not fit a portrait page in 8 pt:

>>> widths(
...     [(("Nazwa",), ("Roczny\xa0raport\xa0z\xa0realizacji\xa0strategii",))] * 4,
...     [False] * 4,
...     wide=False,
... )
(('25.00%', '25.00%', '25.00%', '25.00%'), '6.9pt')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

#: The printed page's text width in points, and the tables' font size there: A4 portrait
#: (210 mm less two 15 mm margins) in 8 pt, a wide section's A4 landscape (297 mm less
#: two 15 mm) in 6.5 pt, as ``report.css`` prints them (``@media print``).
_PAGE_WIDTH: Final = {False: 180 / 25.4 * 72, True: 267 / 25.4 * 72}
_FONT_SIZE: Final = {False: 8.0, True: 6.5}
#: A cell's horizontal padding and borders in points (0.25rem on each side at 10 pt, 1px rules).
_CELL_EXTRA: Final = 2 * 0.25 * 10 + 0.75
#: What WeasyPrint's measure may add to ours (kerning, hinting): a margin of safety.
_SAFETY: Final = 1.04
#: Where a line may break: ordinary spaces (never a no-break space or a narrow one).
_BREAKS: Final = re.compile(r"[ \t\n]+")
#: The smallest font size a table is made to fit the page with, in points.
_SMALLEST: Final = 5.0
#: The header's footnote mark (``<sup>1</sup>``) at the style sheets' smaller size.
_MARK: Final = 0.7


@functools.cache
def _font(bold: bool) -> FreeTypeFont:
    """DejaVu Sans (bold for the header) as matplotlib ships it, at 1000 units to the em."""
    from matplotlib import get_data_path
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(get_data_path()) / "fonts" / "ttf" / name), 1000)


@functools.cache
def _advance(char: str, bold: bool) -> float:
    """The advance width of *char* in em."""
    return float(_font(bold).getlength(char)) / 1000


def _em(text: str, bold: bool = False) -> float:
    return sum(_advance(char, bold) for char in text)


def _measure(lines: Sequence[str], bold: bool) -> tuple[float, float]:
    """The narrowest and the widest width (in em) *lines* can take: longest word, longest line."""
    narrow = wide = 0.0
    for line in lines:
        wide = max(wide, _em(line, bold))
        for word in _BREAKS.split(line):
            narrow = max(narrow, _em(word, bold))
    return narrow, wide


def text_width(wide: bool) -> float:
    """The printed page's text width in inches: A4 portrait, or landscape when *wide*."""
    return _PAGE_WIDTH[wide] / 72


def widths(
    columns: Sequence[tuple[tuple[str, ...], ...]], marked: Sequence[bool], *, wide: bool
) -> tuple[tuple[str, ...], str]:
    """The width of each column in percent of the table, and the table's font size if smaller.

    The widths are CSS values (``"12.5%"``). If even the columns' longest words do not fit the
    page at the tables' size, the table's text is made as much smaller as it must (down to
    :data:`_SMALLEST` points), so that no word is split and nothing runs off the page; the size
    is then the second value (``"5.8pt"``), else it is ``""``.

    Args:
        columns: For each column its header's lines first, then each cell's lines.
        marked: For each column whether its header carries a footnote mark.
        wide: The table is on a landscape page (a wide section).
    """
    size = _FONT_SIZE[wide]
    total = _PAGE_WIDTH[wide]
    narrow: list[float] = []  # in em
    widest: list[float] = []
    for cells, mark in zip(columns, marked, strict=True):
        low, high = _measure(cells[0], bold=True) if cells else (0.0, 0.0)
        if mark:
            low, high = low + _MARK, high + _MARK
        for lines in cells[1:]:
            cell_low, cell_high = _measure(lines, bold=False)
            low, high = max(low, cell_low), max(high, cell_high)
        narrow.append(low * _SAFETY)
        widest.append(high * _SAFETY)
    if not narrow:
        return (), ""
    extra = _CELL_EXTRA * len(narrow)
    font = ""
    if sum(narrow) * size + extra > total:  # even the words do not fit: a smaller text
        size = max(_SMALLEST, (total - extra) / sum(narrow))
        font = f"{size:.1f}pt"
    low_pt = [width * size + _CELL_EXTRA for width in narrow]
    high_pt = [width * size + _CELL_EXTRA for width in widest]
    if sum(high_pt) <= total:  # every line fits whole: share the page as the lines ask
        chosen = high_pt
    elif sum(low_pt) >= total:  # the words just fit (or not even at the smallest size)
        chosen = low_pt
    else:
        room = total - sum(low_pt)
        stretch = [high - low for low, high in zip(low_pt, high_pt, strict=True)]
        chosen = [
            low + room * part / sum(stretch) for low, part in zip(low_pt, stretch, strict=True)
        ]
    whole = sum(chosen)
    return tuple(f"{100 * width / whole:.2f}%" for width in chosen), font
