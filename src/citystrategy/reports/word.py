r"""The Word writer: a :class:`~citystrategy.reports.document.Report` as a ``.docx`` document.

This is the only module that imports python-docx, and it does so inside its functions, so
importing :mod:`citystrategy.reports` (or this module) costs nothing until a document is made.

What the document holds, all of it plain paragraphs and tables that stay editable:

* a title page: the report's title in Word's *Title* style, its subject (*Subtitle*), the author
  and the date, then a table of contents: a ``TOC \o "1-3" \h \z \u`` field that Word fills
  when it updates the fields (the document asks it to on opening, and F9 does it any time);
* every section on a new page, in the report's order, its title and headings in Word's built-in
  *Heading 1* to *Heading 3* styles, so that the table of contents and the navigation pane list
  them; a section holding a table of more than :data:`PORTRAIT_COLUMNS` columns is on A4
  landscape, the others on A4 portrait;
* tables in the built-in *Table Grid* style, the header row repeated on every page and no row
  split across pages, every cell written by :func:`citystrategy.reports.cells.cell_text` in the
  report's language (``85 665 519,74 zł``), numbers right-aligned, a missing value as its reason
  (in grey italics), a status as a symbol and its words on the colours of :data:`TONE_COLOURS`;
  a table's title above it in Word's *Caption* style and its note under it;
* charts as pictures: each :class:`~citystrategy.reports.document.Chart` drawn as a PNG by
  :mod:`citystrategy.reports.charts` (once per run, shared through
  :class:`~citystrategy.reports.charts.ChartImages`) as wide as the page's text, its title
  not in the picture but once, as a caption under it (in Word's *Caption* style), and as the
  picture's alternative text;
* the long data as a table when it is short, else a sentence with its number of rows (as the
  Markdown writer does);
* the document's properties (title, subject, author, date, language), the language set on the
  styles too so that Word checks the spelling in Polish (or English), A4 pages with 2,5 cm
  margins and the page number in the footer.

Text from the data is text: python-docx writes it as XML character data, so a name that begins
with ``=`` or holds ``<script>`` shows as it is. Characters XML cannot hold (control characters
other than tab and line breaks) are shown as their visible symbols (U+2400 onwards), never
dropped.

>>> import pandas as pd
>>> from decimal import Decimal
>>> from citystrategy.reports.document import Column, ColumnKind, Report, Section, Table
>>> frame = pd.DataFrame({"goal": ["1"], "cost": [Decimal("33992885.47")]})
>>> table = Table(frame, (Column("goal", "Cel"), Column("cost", "Koszt", kind=ColumnKind.MONEY)))
>>> document = to_word(Report(title="Raport", sections=(Section("Koszty", (table,)),)))
>>> [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
[('Heading 1', 'Koszty')]
>>> document.tables[0].rows[1].cells[1].text
'33\xa0992\xa0885,47\xa0zł'
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Final
from xml.sax.saxutils import escape

from citystrategy._arguments import instance, integer
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import gettext, ngettext, pgettext
from citystrategy._output import atomic_path
from citystrategy.errors import ArgumentError
from citystrategy.formatting import format_date, format_number, get_locale
from citystrategy.reports.cells import NUMERIC_KINDS, STATUS_ICONS, _is_missing, cell_text
from citystrategy.reports.document import (
    Chart,
    Column,
    ColumnKind,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Section,
    Table,
    Tone,
)
from citystrategy.reports.excel import TONE_COLOURS
from citystrategy.reports.markdown import DATA_ROWS_SHOWN

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section as WordSection
    from docx.text.paragraph import Paragraph as WordParagraph

    from citystrategy.reports.charts import ChartImages

__all__ = [
    "PORTRAIT_COLUMNS",
    "TABLE_STYLE",
    "to_word",
    "write_word",
]

#: The most columns a table may have for its section to be on a portrait page.
PORTRAIT_COLUMNS: Final = 6
#: The built-in table style of every table.
TABLE_STYLE: Final = "Table Grid"

#: The font of the text (the headings keep the theme's, which is the same).
_FONT: Final = "Calibri"
#: A4 in twentieths of a point (twips), and its margins (2,5 cm).
_A4: Final = (11906, 16838)
_MARGIN: Final = 1418
_TWIPS_PER_POINT: Final = 20
_TWIPS_PER_INCH: Final = 1440
_EMU_PER_TWIP: Final = 635
#: The height kept under a chart for its caption (twips, 1,5 cm).
_CAPTION_ROOM: Final = 850
#: The font size (points) of a table's cells, by its number of columns (up to, size).
_TABLE_POINTS: Final = ((8, 9.0), (12, 8.0))
_WIDEST_TABLE_POINTS: Final = 7.0
#: The fewest characters a text column is narrowed to where not all words fit.
_NARROWEST: Final = 4
#: The left and right padding of a cell (twips).
_CELL_PADDING: Final = 57
#: A character's average width, in ems, for sizing columns (a bold one is wider).
_EM_PER_CHARACTER: Final = 0.5
#: Line height in a table's cells, in font sizes.
_LINE_SPACING: Final = 1.2
#: The longest line a column is sized for (characters); longer text wraps.
_LONGEST_LINE: Final = 60
#: Colours: a table's header row, the text of a missing value's reason, the titles and captions
#: (the template's blue darkened to a WCAG AA contrast of 6,6:1 on white).
_HEADER_FILL: Final = "DBE5F1"
_REASON_COLOUR: Final = "595959"
_TITLE_COLOUR: Final = "365F91"
#: Characters XML 1.0 cannot hold; C0 controls are shown as their control pictures.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Where a line of a cell may break (ASCII white space; never a no-break space).
_BREAKS: Final = re.compile(r"[ \t]+")
#: The elements of ``w:settings`` that come after ``w:updateFields`` in the schema.
_AFTER_UPDATE_FIELDS: Final = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def _xml_text(text: str) -> str:
    """*text* with every character XML cannot hold replaced by a visible one."""
    return _NOT_XML.sub(_visible, text.replace("\r\n", "\n").replace("\r", "\n"))


def _language_tag(locale: str) -> str:
    """The BCP 47 tag of *locale* (``pl-PL``, ``en-GB``) for Word's language settings."""
    loc = get_locale(locale)
    return f"{loc.language}-{loc.territory}" if loc.territory else loc.language


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    return OxmlElement(tag, {qn(f"w:{key}"): value for key, value in attributes.items()})


def _field(
    paragraph: WordParagraph, instruction: str, shown: str = "", *, end: bool = True
) -> None:
    """A field (``PAGE``, ``TOC`` …) at the end of *paragraph*, *shown* until Word updates it;
    without *end*, its result goes on in the paragraphs that follow (see :func:`_contents`)."""
    from docx.oxml.ns import qn

    begin = paragraph.add_run()._r
    begin.append(_element("w:fldChar", fldCharType="begin", dirty="true"))
    code = paragraph.add_run()._r
    text = _element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run(shown)
    if end:
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


# --- the document's settings ---------------------------------------------------------------


def _settings(document: Document, locale: str) -> None:
    """Word updates the fields on opening, checks the spelling anew, in the report's language."""
    from docx.oxml.ns import qn

    settings = document.settings.element
    for found in settings.findall(qn("w:proofState")):  # "already checked": it is not
        settings.remove(found)
    if settings.find(qn("w:updateFields")) is None:
        settings.insert_element_before(
            _element("w:updateFields", val="true"), *_AFTER_UPDATE_FIELDS
        )
    language = _language_tag(locale)
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)
    polish = language.startswith("pl")
    for tag, value in (("w:decimalSymbol", "," if polish else "."), ("w:listSeparator", ";")):
        found = settings.find(qn(tag))
        if found is not None:
            found.set(qn("w:val"), value if polish else ("," if tag == "w:listSeparator" else "."))


def _styles(document: Document, locale: str) -> None:
    """The language on the default run properties; titles in a blue of AA contrast."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    language = _language_tag(locale)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = (
        None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    )
    if run_properties is not None:
        lang = run_properties.find(qn("w:lang"))
        if lang is None:
            lang = _element("w:lang")
            run_properties.append(lang)
        lang.set(qn("w:val"), language)
    document.styles["Normal"].font.name = _FONT  # the template's theme has a serif body
    dark = RGBColor.from_string(_TITLE_COLOUR)
    for name in (
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Title",
        "Subtitle",
        "Caption",
        "TOC Heading",
    ):
        document.styles[name].font.color.rgb = dark


def _properties(document: Document, report: Report) -> None:
    created = report.created
    when = (
        dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)
        if created is not None
        else dt.datetime.now(dt.UTC).replace(microsecond=0)
    )
    core = document.core_properties
    core.title = report.title
    core.subject = report.subject
    core.author = report.author
    core.last_modified_by = report.author
    core.created = when
    core.modified = when
    core.language = _language_tag(report.locale)
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.revision = 1


def _page(section: WordSection, *, landscape: bool) -> None:
    """A4 with 2,5 cm margins, in portrait or landscape."""
    from docx.enum.section import WD_ORIENTATION
    from docx.shared import Twips

    short, long = _A4
    section.orientation = WD_ORIENTATION.LANDSCAPE if landscape else WD_ORIENTATION.PORTRAIT
    section.page_width = Twips(long if landscape else short)
    section.page_height = Twips(short if landscape else long)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(_MARGIN))
    section.header_distance = Twips(708)
    section.footer_distance = Twips(708)


def _footer(section: WordSection) -> None:
    """The page number, centred, in the footer every later section shares."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE", "1")


def _body_width(*, landscape: bool) -> int:
    """The width of an A4 page's text (twips), in portrait or landscape."""
    return _A4[landscape] - 2 * _MARGIN


def _body_height(*, landscape: bool) -> int:
    """The height of an A4 page's text (twips), in portrait or landscape."""
    return _A4[not landscape] - 2 * _MARGIN


# --- text ----------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    """Plain text as paragraphs: a blank line separates them, a line break stays one."""
    parts = re.split(r"\n[ \t]*\n", _xml_text(text))
    return [part.strip("\n") for part in parts if part.strip()]


def _heading(document: Document, text: str, level: int) -> None:
    document.add_paragraph(" ".join(_xml_text(text).split()), style=f"Heading {level}")


def _caption(document: Document, text: str, *, keep_with_next: bool) -> None:
    paragraph = document.add_paragraph(_xml_text(text), style="Caption")
    paragraph.paragraph_format.keep_with_next = keep_with_next


def _title_page(document: Document, report: Report) -> None:
    locale = report.locale
    document.add_paragraph(_xml_text(report.title), style="Title")
    if report.subject:
        document.add_paragraph(_xml_text(report.subject), style="Subtitle")
    about = [report.author] if report.author else []
    if report.created is not None:
        about.append(format_date(report.created, locale=locale))
    if about:
        document.add_paragraph(_xml_text(" · ".join(about)))
    document.add_paragraph(pgettext("document", "Contents", locale), style="TOC Heading")
    waiting = gettext(
        "Page numbers appear when Word updates the table of contents: choose Yes when Word "
        "asks, or click here and press F9.",
        locale,
    )
    note = document.add_paragraph()
    _field(note, r'TOC \o "1-3" \h \z \u', waiting, end=False)
    note.runs[-1].italic = True


def _contents(document: Document) -> None:
    """Fill the table of contents' field with the headings (levels 1 to 3), without page
    numbers, so that a viewer which does not update fields (LibreOffice, a browser's preview)
    shows the contents too; Word replaces them with its own on updating the field.

    The entries are in Word's built-in *TOC 1* to *TOC 3* styles, added if the template lacks
    them; the last one closes the field.
    """
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    paragraphs = document.paragraphs
    note = next(p for p in paragraphs if p._p.xpath(".//w:instrText[contains(., 'TOC')]"))
    headings = [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in paragraphs
        if p.style is not None and p.style.name in ("Heading 1", "Heading 2", "Heading 3")
    ]
    styles = document.styles
    names = {style.name for style in styles}
    for level in (1, 2, 3):
        if f"toc {level}" not in names:
            style = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.element.set(qn("w:styleId"), f"TOC{level}")
            style.paragraph_format.left_indent = Cm(0.5 * (level - 1))
            style.paragraph_format.space_after = Pt(3)
    last = note
    for level, text in headings:
        entry = last.insert_paragraph_before(text, style=styles[f"toc {level}"])
        last._p.addnext(entry._p)  # moved after *last*
        last = entry
    last.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


# --- tables --------------------------------------------------------------------------------


def _tone(value: object, column: Column) -> Tone | None:
    """The tone of a status cell's code, if its column gives one."""
    for key in (value, value.value if isinstance(value, Enum) else None):
        try:
            if key is not None and key in column.tones:
                return Tone(column.tones[key])
        except TypeError:  # an unhashable value has no tone
            return None
    return None


class _Shown:
    """The text of one cell and how it is shown."""

    __slots__ = ("reason", "text", "tone")

    def __init__(self, text: str, *, tone: Tone | None = None, reason: bool = False) -> None:
        self.text = text
        self.tone = tone
        self.reason = reason


def _cells(table: Table, locale: str) -> list[list[_Shown]]:
    """Every cell of *table*, row by row: its text, its tone, whether it gives a reason."""
    rows = []
    for record in table.frame.to_dict("records"):
        row = {str(key): value for key, value in record.items()}
        cells = []
        for column in table.columns:
            value = row[column.key]
            text = _xml_text(cell_text(value, column, row, locale=locale))
            if _is_missing(value):
                cells.append(_Shown(text, reason=bool(column.reason_key) and text != "–"))
                continue
            tone = _tone(value, column) if column.kind is ColumnKind.STATUS else None
            if tone is not None:
                text = f"{STATUS_ICONS[tone]} {text}"
            cells.append(_Shown(text, tone=tone))
        rows.append(cells)
    return rows


def _lengths(text: str) -> tuple[int, int]:
    """The longest unbreakable run and the longest line of *text*, in characters."""
    lines = text.split("\n")
    words = [word for line in lines for word in _BREAKS.split(line)]
    longest_word = max((len(word) for word in words), default=0)
    longest_line = max((len(line) for line in lines), default=0)
    return longest_word, min(longest_line, _LONGEST_LINE)


def _widths(
    titles: Sequence[str],
    rows: Sequence[Sequence[_Shown]],
    numeric: Sequence[bool],
    points: float,
    space: int,
) -> list[int]:
    """Column widths (twips) that fill *space*.

    Each column gets room for its longest line where all fit, else for its longest word; where
    not even the words fit, numbers keep their room (a number never breaks) and the text
    columns share the rest, Word breaking their longest words.
    """
    count = len(titles)
    words, lines = [0] * count, [0] * count
    for cells in rows:
        for index, cell in enumerate(cells):
            word, line = _lengths(cell.text)
            words[index], lines[index] = max(words[index], word), max(lines[index], line)
    titled = [_lengths(title) for title in titles]
    character = points * _EM_PER_CHARACTER * _TWIPS_PER_POINT
    padding = 2 * _CELL_PADDING + 20
    bold = 1.1  # a header's bold characters are wider
    low = [
        max(word, math.ceil(title * bold), 2) * character + padding
        for word, (title, _) in zip(words, titled, strict=True)
    ]
    high = [
        max(line, math.ceil(title_line * bold)) * character + padding
        for line, (_, title_line) in zip(lines, titled, strict=True)
    ]
    high = [max(h, lo) for h, lo in zip(high, low, strict=True)]
    base = [
        (word * character if right else _NARROWEST * character) + padding
        for word, right in zip(words, numeric, strict=True)
    ]
    base = [min(b, lo) for b, lo in zip(base, low, strict=True)]
    if sum(high) <= space:
        widths = [h * space / sum(high) for h in high]
    elif sum(low) <= space:
        share = (space - sum(low)) / (sum(high) - sum(low))
        widths = [lo + (h - lo) * share for lo, h in zip(low, high, strict=True)]
    elif sum(base) < space:
        share = (space - sum(base)) / (sum(low) - sum(base))
        widths = [b + (lo - b) * share for b, lo in zip(base, low, strict=True)]
    else:  # not even the numbers fit
        widths = [lo * space / sum(low) for lo in low]
    result = [int(w) for w in widths]
    result[-1] += space - sum(result)
    return result


_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _attribute(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _runs_xml(text: str) -> str:
    """A run's content: the text, its line breaks ``w:br`` and its tabs ``w:tab``."""
    parts = []
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append("<w:br/>")
        for index, piece in enumerate(line.split("\t")):
            if index:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(parts)


def _cell_xml(cell: _Shown, width: int, size: int, *, right: bool, header: bool) -> str:
    fill = _HEADER_FILL if header else ""
    colour = _REASON_COLOUR if cell.reason else ""
    if cell.tone is not None:
        font, background = TONE_COLOURS[cell.tone]
        colour, fill = font.lstrip("#"), background.lstrip("#")
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    alignment = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    look = ("<w:b/>" if header else "") + ("<w:i/>" if cell.reason else "")
    look += f'<w:color w:val="{colour}"/>' if colour else ""
    look += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f"<w:p>{alignment}<w:r><w:rPr>{look}</w:rPr>{_runs_xml(cell.text)}</w:r></w:p></w:tc>"
    )


def _height(cells: Sequence[_Shown], widths: Sequence[int], points: float) -> float:
    """About how high a row of *cells* is (twips) in columns of *widths*."""
    character = points * _EM_PER_CHARACTER * _TWIPS_PER_POINT
    lines = 1
    for cell, width in zip(cells, widths, strict=True):
        room = max(1.0, (width - 2 * _CELL_PADDING) / character)
        lines = max(
            lines, sum(max(1, math.ceil(len(line) / room)) for line in cell.text.split("\n"))
        )
    return lines * points * _LINE_SPACING * _TWIPS_PER_POINT


def _table_xml(
    rows: Sequence[Sequence[_Shown]],
    widths: Sequence[int],
    right: Sequence[bool],
    *,
    points: float,
    style: str,
    title: str,
    height: int,
) -> str:
    """A table's WordprocessingML: the header row repeated on each page, no row split.

    A row higher than half of *height* (a page's text) may break across pages: kept whole, it
    could not fit on a page, and Word cuts off what does not.
    """
    size = round(points * 2)  # half-points
    caption = f'<w:tblCaption w:val="{_attribute(title[:255])}"/>' if title else ""
    parts = [
        f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblStyle w:val="{_attribute(style)}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{_CELL_PADDING}" w:type="dxa"/>'
        f'<w:right w:w="{_CELL_PADDING}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>{caption}</w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    for index, cells in enumerate(rows):
        header = index == 0
        whole = header or _height(cells, widths, points) <= height / 2
        parts.append("<w:tr><w:trPr>" + ("<w:cantSplit/>" if whole else ""))
        parts.append(("<w:tblHeader/>" if header else "") + "</w:trPr>")
        parts += [
            _cell_xml(cell, width, size, right=numeric, header=header)
            for cell, width, numeric in zip(cells, widths, right, strict=True)
        ]
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _table(document: Document, table: Table, locale: str, *, landscape: bool) -> None:
    from docx.oxml import parse_xml
    from docx.shared import Pt

    if table.title:
        _caption(document, table.title, keep_with_next=bool(table.columns))
    if table.columns:
        columns = table.columns
        titles = [_xml_text(column.title) for column in columns]
        rows = _cells(table, locale)
        points = next(
            (size for most, size in _TABLE_POINTS if len(columns) <= most), _WIDEST_TABLE_POINTS
        )
        right = [column.kind in NUMERIC_KINDS for column in columns]
        widths = _widths(titles, rows, right, points, _body_width(landscape=landscape))
        style = document.styles[TABLE_STYLE].style_id
        shown = [[_Shown(title) for title in titles], *rows]
        xml = _table_xml(
            shown,
            widths,
            right,
            points=points,
            style=style,
            title=_xml_text(table.title),
            height=_body_height(landscape=landscape),
        )
        after = document.add_paragraph()  # a table is followed by a paragraph in Word
        after.paragraph_format.space_after = Pt(0)
        after._p.addprevious(parse_xml(xml))
    if table.note:
        for text in _paragraphs(table.note):
            document.add_paragraph(text).runs[0].italic = True


# --- charts --------------------------------------------------------------------------------


def _chart(document: Document, chart: Chart, images: ChartImages, *, landscape: bool) -> None:
    """A chart as a picture (PNG), its title as alternative text and as a caption under it.

    The picture is drawn as wide as the page's text (its labels wrapped to it) and without its
    title, which the caption gives once. A chart taller than the page with its caption (a bar
    chart of many indicators) is drawn in parts that fit it, each with its caption
    (``ChartImages.png_pages``); a picture is made smaller only if a part still does not fit.
    """
    from docx.shared import Emu

    inches = _body_width(landscape=landscape) / _TWIPS_PER_INCH
    room = _body_height(landscape=landscape) - _CAPTION_ROOM  # twips
    parts = images.png_pages(chart, width=inches, height=room / _TWIPS_PER_INCH, titled=False)
    for part, drawn in parts:
        picture = document.add_paragraph()
        picture.paragraph_format.keep_with_next = True
        shape = picture.add_run().add_picture(io.BytesIO(drawn))
        width, height = shape.width, shape.height
        if width is not None and height is not None and width > 0 and height > 0:
            wide = _body_width(landscape=landscape) * _EMU_PER_TWIP
            high = room * _EMU_PER_TWIP
            scale = min(1.0, wide / width, high / height)  # the page's text, with its caption
            shape.width, shape.height = Emu(round(width * scale)), Emu(round(height * scale))
        properties = shape._inline.docPr
        properties.set("descr", _xml_text(part.title))  # the picture's alternative text
        properties.set("name", _xml_text(part.title)[:255])
        _caption(document, part.title, keep_with_next=False)


# --- the document ----------------------------------------------------------------------------


def _landscape(section: Section) -> bool:
    tables = [block for block in section.blocks if isinstance(block, Table)]
    return any(len(table.columns) > PORTRAIT_COLUMNS for table in tables)


def _data(report: Report, limit: int) -> Section | None:
    data = report.data
    if data is None:
        return None
    title = report.data_title or pgettext("sheet", "Data", report.locale)
    count = len(data.frame)
    if count <= limit:
        return Section(title, (Heading(title), data))
    sentence = ngettext(
        "The data table has {count} row and is not shown here; the report's workbook (.xlsx) "
        "holds it.",
        "The data table has {count} rows and is not shown here; the report's workbook (.xlsx) "
        "holds it.",
        count,
        report.locale,
    )
    number = format_number(count, decimals=0, locale=report.locale)
    return Section(title, (Heading(title), Paragraph(sentence.format(count=number))))


def _section(document: Document, section: Section, locale: str, images: ChartImages) -> None:
    from docx.enum.section import WD_SECTION_START

    word_section = document.add_section(WD_SECTION_START.NEW_PAGE)
    landscape = _landscape(section)
    _page(word_section, landscape=landscape)
    blocks = section.blocks
    first = blocks[0] if blocks else None
    if not (isinstance(first, Heading) and first.level == 1):
        _heading(document, section.title, 1)
    for block in blocks:
        if isinstance(block, Heading):
            _heading(document, block.text, block.level)
        elif isinstance(block, Paragraph):
            for text in _paragraphs(block.text):
                document.add_paragraph(text)
        elif isinstance(block, Table):
            _table(document, block, locale, landscape=landscape)
        elif isinstance(block, Chart):
            _chart(document, block, images, landscape=landscape)
        elif isinstance(block, PageBreak):
            from docx.enum.text import WD_BREAK

            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _images(images: ChartImages | None, locale: str) -> ChartImages:
    """*images*, checked to be drawn in *locale*; new ones if ``None``."""
    from citystrategy.reports.charts import ChartImages

    if images is None:
        return ChartImages(locale)
    instance(images, "images", ChartImages, "a ChartImages")
    if str(get_locale(images.locale)) != str(get_locale(locale)):
        raise ArgumentError("images", images.locale, f"charts drawn in the report's {locale!r}")
    return images


def to_word(
    report: Report, *, images: ChartImages | None = None, data_rows: int = DATA_ROWS_SHOWN
) -> Document:
    r"""The report as a Word document in memory (a python-docx ``Document``).

    See the module's description for what it holds; :func:`write_word` saves it.

    Args:
        report: The report.
        images: The run's chart images (:class:`~citystrategy.reports.charts.ChartImages`),
            so that a chart another writer has drawn is not drawn again; ``None``: drawn here.
        data_rows: The most rows of :attr:`Report.data` written out as a table; longer data
            is a sentence with its number of rows.

    Raises:
        ArgumentTypeError: If *report* is not a Report, *images* not ChartImages, *data_rows*
            not an int, or a value does not fit its column's kind.
        ArgumentError: If *data_rows* is negative, *images* are drawn in another locale than
            the report's, or a chart cannot be drawn (as
            :func:`~citystrategy.reports.charts.render_chart` says).

    >>> from citystrategy.reports.document import Heading, Paragraph, Report, Section
    >>> report = Report(
    ...     title="Raport", sections=(Section("1", (Heading("Wstęp"), Paragraph("ok"))),)
    ... )
    >>> document = to_word(report)
    >>> [(p.style.name, p.text) for p in document.paragraphs if p.text][:2]
    [('Title', 'Raport'), ('TOC Heading', 'Spis treści')]
    >>> document.core_properties.language
    'pl-PL'
    """
    instance(report, "report", Report, "a Report")
    limit = integer(data_rows, "data_rows")
    if limit < 0:
        raise ArgumentError("data_rows", data_rows, "0 or more rows")
    locale = report.locale
    charts = _images(images, locale)
    import docx

    document = docx.Document()
    _settings(document, locale)
    _styles(document, locale)
    _properties(document, report)
    first = document.sections[0]
    _page(first, landscape=False)
    _footer(first)
    _title_page(document, report)
    data = _data(report, limit)
    for section in (*report.sections, *([data] if data is not None else [])):
        _section(document, section, locale, charts)
    _contents(document)
    return document


def write_word(
    report: Report,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    images: ChartImages | None = None,
    data_rows: int = DATA_ROWS_SHOWN,
) -> Path:
    """Write *report* as a Word document (see :func:`to_word`) at *path*; return the path.

    The file is written whole or not at all, and an existing file is replaced only with *force*
    (checked before the document is made).

    Args:
        report: The report.
        path: The ``.docx`` file to write.
        force: Replace *path* if it exists.
        images: The run's chart images, shared with other writers; ``None``: drawn here.
        data_rows: The most rows of the long data written out as a table.

    Raises:
        ArgumentTypeError: If *report* is not a Report, *path* not a path, *force* not a bool,
            *images* not ChartImages, or a value does not fit its column's kind.
        ArgumentError: If *data_rows* is negative, *images* are in another locale, or a chart
            cannot be drawn.
        OutputExistsError: If *path* exists and *force* is false.
        OSError: If the file cannot be written.

    >>> import tempfile, pathlib
    >>> from citystrategy.reports.document import Report
    >>> written = write_word(Report(title="Raport"), pathlib.Path(tempfile.mkdtemp()) / "r.docx")
    >>> written.name
    'r.docx'
    """
    instance(report, "report", Report, "a Report")
    target = path_argument(path, "path")
    instance(force, "force", bool, "True or False")
    integer(data_rows, "data_rows")
    charts = _images(images, report.locale)
    with atomic_path(target, force=force) as temporary:
        to_word(report, images=charts, data_rows=data_rows).save(str(temporary))
    return Path(os.fspath(target))
