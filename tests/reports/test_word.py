"""The Word writer: the document read back with python-docx, as Word would show it."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENTATION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section as WordSection
from docx.shared import Length
from docx.table import Table as WordTable

from citystrategy.cli import main
from citystrategy.errors import ArgumentError, ArgumentTypeError, OutputExistsError
from citystrategy.model import Strategy
from citystrategy.reports import charts
from citystrategy.reports.annual import annual_report
from citystrategy.reports.cells import STATUS_ICONS
from citystrategy.reports.charts import PNG_DPI, ChartImages, render_chart
from citystrategy.reports.document import (
    Chart,
    ChartKind,
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
from citystrategy.reports.word import TABLE_STYLE, to_word, write_word
from citystrategy.reports.writers import write_report
from tests.language import english_words, identifiers, polish_words

NBSP = "\xa0"
#: The report's figures (kielce.md, the report's sections 2 and 3): the declared cost of the
#: year, goal 1's cost and the sum of the project tables' costs, the city's revenue in 2023.
DECLARED = f"85{NBSP}665{NBSP}519,74{NBSP}zł"
GOAL_1 = f"33{NBSP}992{NBSP}885,47{NBSP}zł"
COMPUTED = f"119{NBSP}738{NBSP}036,31{NBSP}zł"
REVENUE = f"1{NBSP}679{NBSP}523{NBSP}470,54{NBSP}zł"
#: The section titles of the Kielce report (sections 1–7 as the report names them), between the
#: summary in front and the goals' scores and the findings the library adds.
POLISH_SECTIONS = [
    "Podsumowanie",
    "1. Informacje wstępne",
    "2. Zrealizowane działania i ich koszt",
    "3. Wartość wskaźników",
    "Ocena realizacji celów",
    "4. Problemy i ryzyka",
    "5. Opis działań podjętych przez zespół ds. realizacji strategii",
    "6. Wnioski i rekomendacje",
    "7. Opis dalszych działań",
    "Uwagi do danych",
    "Dane",
]


@pytest.fixture(scope="module")
def report(kielce: Strategy) -> Report:
    """Kielce's 2023 report in Polish."""
    return annual_report(kielce, 2023)


@pytest.fixture(scope="module")
def polish(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Document:
    """Kielce's 2023 report, written as .docx in Polish and read back."""
    path = tmp_path_factory.mktemp("word") / "raport.docx"
    write_word(report, path)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def english(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Document:
    """Kielce's 2023 report, written as .docx in English and read back."""
    path = tmp_path_factory.mktemp("word") / "report.docx"
    write_word(annual_report(kielce, 2023, locale="en_GB"), path)
    return docx.Document(str(path))


def styled(document: Document, prefix: str) -> list[tuple[str, str]]:
    """The (style, text) of every paragraph whose style name begins with *prefix*."""
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name is not None and p.style.name.startswith(prefix)
    ]


def rows(table: WordTable) -> list[list[str]]:
    """The text of every cell of *table*, row by row."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_with(document: Document, header: str) -> WordTable:
    """The first table whose header row holds a cell *header*."""
    return next(t for t in document.tables if header in rows(t)[0])


def pictured_sections(document: Document) -> list[WordSection]:
    """The section of each picture of *document*, in order."""
    found, index = [], 0
    sections = document.sections
    for paragraph in document.paragraphs:
        found += [sections[index]] * len(paragraph._p.xpath(".//pic:pic"))
        if paragraph._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            index += 1  # the paragraph ends its section
    return found


def _whole_titles(titles: list[str]) -> list[str]:
    """*titles* of pictures with each chart drawn in parts (``…, część 1 z 3``) named once."""
    wholes: list[str] = []
    for title in titles:
        found = re.fullmatch(r"(.*), część (\d+) z (\d+)", title)
        if found is None:
            wholes.append(title)
        elif found[2] == "1":
            wholes.append(found[1])
        else:
            assert wholes[-1] == found[1], f"{title!r} does not follow its chart's part"
    return wholes


def _pictures(document: Document) -> list[bytes]:
    """The image of each picture of *document*, in order."""
    found = []
    for paragraph in document.paragraphs:
        for blip in paragraph._p.xpath(".//a:blip"):
            found.append(document.part.related_parts[blip.get(qn("r:embed"))].blob)
    return found


def test_headings_use_word_s_styles_in_the_report_s_order(polish: Document) -> None:
    """The title is in Title, sections in Heading 1 in the report's order, goals in Heading 2."""
    assert styled(polish, "Title") == [
        ("Title", "Roczny raport z realizacji strategii w 2023\xa0r.")
    ]
    assert [text for _, text in styled(polish, "Heading 1")] == POLISH_SECTIONS
    goals = [text for style, text in styled(polish, "Heading 2") if text.startswith("Cel ")]
    assert goals == [
        "Cel strategiczny 1. Miasto dla każdego",
        "Cel strategiczny 2. Miasto sprawne i aktywne",
        "Cel strategiczny 3. Miasto rozwijające się",
        "Cel strategiczny 4. Miasto, w którym chce się żyć",
    ]
    levels = {style for style, _ in styled(polish, "Heading")}
    assert levels == {"Heading 1", "Heading 2", "Heading 3"}


def test_a_table_of_contents_field_that_word_updates(polish: Document) -> None:
    """A TOC field of headings 1–3 after the title, and Word asked to update fields on opening."""
    body = polish.element.body
    codes = [t.text for t in body.iter(qn("w:instrText"))]
    assert codes[0].strip() == r'TOC \o "1-3" \h \z \u'
    assert styled(polish, "TOC Heading") == [("TOC Heading", "Spis treści")]
    update = polish.settings.element.find(qn("w:updateFields"))
    assert update is not None
    assert update.get(qn("w:val")) == "true"
    footer = polish.sections[0].footer._element
    assert [t.text.strip() for t in footer.iter(qn("w:instrText"))] == ["PAGE"]
    assert all(section.footer.is_linked_to_previous for section in polish.sections[1:])


def contents(document: Document) -> list[tuple[str, str]]:
    """The paragraphs of the table of contents' field result (style, text), read from the XML:
    from the one with the field's ``separate`` to the one with its ``end``."""
    found: list[tuple[str, str]] = []
    state = "before"
    for paragraph in document.paragraphs:
        kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
        codes = "".join(t.text or "" for t in paragraph._p.iter(qn("w:instrText")))
        if state == "before" and "TOC" in codes:
            assert kinds == ["begin", "separate"]
            state = "in"
        if state == "in":
            found.append((paragraph.style.name if paragraph.style else "", paragraph.text))
            if "end" in kinds:
                return found
    raise AssertionError("the table of contents' field has no end")


@pytest.mark.parametrize("language", ["polish", "english"])
def test_the_contents_shows_the_headings_before_word_updates_it(
    language: str, request: pytest.FixtureRequest
) -> None:
    """The contents field's result already lists every heading of levels 1–3, in order and
    indented by level, after a note that the page numbers come when Word updates it."""
    document: Document = request.getfixturevalue(language)
    entries = contents(document)
    note, *listed = entries
    assert "F9" in note[1]
    headings = [
        (f"toc {style.removeprefix('Heading ')}", text)
        for style, text in ((p.style.name if p.style else "", p.text) for p in document.paragraphs)
        if style in ("Heading 1", "Heading 2", "Heading 3")
    ]
    assert len(headings) > 20
    assert listed == headings
    assert listed[0] == ("toc 1", "Podsumowanie" if language == "polish" else "Summary")
    indents = [document.styles[f"toc {level}"].paragraph_format.left_indent for level in (1, 2, 3)]
    assert [round(0 if indent is None else indent.cm, 2) for indent in indents] == [0, 0.5, 1]
    ids = {document.styles[f"toc {level}"].style_id for level in (1, 2, 3)}
    assert ids == {"TOC1", "TOC2", "TOC3"}  # Word's built-in ones, which it fills in


def test_cost_tables_carry_the_figures_of_section_2(polish: Document) -> None:
    """Goal 1's cost, the computed and the declared totals, exact to the grosz and right-aligned."""
    table = table_with(polish, "Koszt (raport)")
    found = rows(table)
    header = found[0]
    cost, declared = header.index("Koszt"), header.index("Koszt (raport)")
    by_goal = {row[0]: row for row in found[1:]}
    assert by_goal["1. Miasto dla każdego"][cost] == GOAL_1
    assert by_goal["Razem"][cost] == COMPUTED
    assert by_goal["Razem"][declared] == DECLARED
    money = table.rows[1].cells[cost].paragraphs[0]
    assert money.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    name = table.rows[1].cells[0].paragraphs[0]
    assert name.alignment is None  # text keeps the style's left alignment


def test_indicator_tables_carry_the_revenue_of_section_3(polish: Document) -> None:
    """The city's revenue in 2023 (goal 3's table) reads 1 679 523 470,54 zł."""
    table = next(
        t for t in polish.tables if "Wskaźnik" in rows(t)[0] and "Dochody miasta" in str(rows(t))
    )
    header, *body = rows(table)
    (revenue,) = (row for row in body if row[2] == "Dochody miasta")
    assert revenue[header.index("Wartość w 2023\xa0r.")] == REVENUE


@pytest.mark.parametrize(
    ("language", "name", "target"),
    [
        ("polish", "Dochody miasta", f"1{NBSP}746{NBSP}990{NBSP}947,00{NBSP}zł"),
        ("english", "Dochody miasta", f"PLN{NBSP}1,746,990,947.00"),
    ],
)
def test_money_targets_show_their_grosze_beside_the_values(
    language: str, name: str, target: str, request: pytest.FixtureRequest
) -> None:
    """The revenue's target (printed "1 746 990 947 zł" in the source) has two decimals as its
    values (1 679 523 470,54 zł) do, in either language; no money cell of the goals' tables
    lacks its grosze."""
    document: Document = request.getfixturevalue(language)
    found = [rows(t) for t in document.tables if name in str(rows(t))]
    (revenue,) = (row for table in found for row in table[1:] if row[2] == name)
    assert target in revenue
    amount = re.compile(r"([≥≤]\xa0)?(PLN\xa0)?[-−]?\d[\d\xa0,.]*(\xa0zł)?")
    amounts = [
        cell
        for table in document.tables
        for row in rows(table)[1:]
        for cell in row
        if amount.fullmatch(cell) and (cell.endswith(f"{NBSP}zł") or f"PLN{NBSP}" in cell)
    ]
    assert len(amounts) > 20
    whole = [cell for cell in amounts if not re.search(r"[.,]\d\d(\xa0zł)?$", cell)]
    assert whole == []


def test_header_rows_repeat_and_rows_do_not_split(polish: Document) -> None:
    """Each table's first row repeats on every page; no row breaks unless it holds a long text."""
    assert len(polish.tables) > 10
    for table in polish.tables:
        assert table.style is not None
        assert table.style.name == TABLE_STYLE
        first, *others = table.rows
        assert first._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert first._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        for row in others:
            assert row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
            longest = max(len(cell.text) for cell in row.cells)
            whole = row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
            if longest < 200:
                assert whole  # a row of short cells never breaks
            if not whole:
                assert longest > 400  # only a long description may


def test_a_row_higher_than_half_a_page_may_break() -> None:
    """A row too high to keep whole may break across pages (Word would cut it off)."""
    frame = pd.DataFrame({"n": [1, 2], "text": ["krótki opis", "długi opis prac " * 600]})
    document = to_word(Report(title="R", sections=(Section("S", (Table(frame),)),)))
    marks = [
        row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        for row in document.tables[0].rows
    ]
    assert marks == [True, True, False]


def test_tables_fit_the_page_and_wide_ones_go_landscape(polish: Document) -> None:
    """Pages are A4; a section with a table of many columns is landscape, and tables fit."""
    for section in polish.sections:
        assert section.page_width is not None
        assert section.page_height is not None
        size = sorted([round(section.page_width.mm), round(section.page_height.mm)])
        assert size == [210, 297]
    orientations = [section.orientation for section in polish.sections]
    # the title page, the summary, section 1, section 2 (15 columns), section 3 (16 columns)
    assert orientations[:5] == [
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.LANDSCAPE,
        WD_ORIENTATION.LANDSCAPE,
    ]
    for section in polish.sections:
        assert section.left_margin is not None
        assert round(section.left_margin.mm) == 25
    for table in polish.tables:
        width = table._tbl.tblPr.find(qn("w:tblW"))
        assert width is not None
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert sum(widths) == int(width.get(qn("w:w")))
        assert sum(widths) <= 16838 - 2 * 1418  # A4 landscape's text width, in twips


def test_charts_are_pictures_with_alternative_text_and_a_caption(
    report: Report, polish: Document
) -> None:
    """Every Chart block is a picture, in order, its title as alt text and as the caption under it."""
    charts = [block for section in report.sections for block in section.blocks]
    chart_titles = [block.title for block in charts if isinstance(block, Chart)]
    assert len(chart_titles) == 6  # Wykres 1 and 2, and the four goals' scores
    body = polish.element.body
    titles = [str(doc_pr.get("descr")) for doc_pr in body.iter(qn("wp:docPr"))]
    assert len(polish.inline_shapes) == len(titles)
    assert _whole_titles(titles) == chart_titles
    # the pies fit a page; each goal's scores of 20 and more indicators take two pages or more
    assert [titles.count(title) for title in chart_titles[:2]] == [1, 1]
    assert all(f"{title}, część 2 z " in " ".join(titles) for title in chart_titles[2:])
    paragraphs = polish.paragraphs
    pictured = [n for n, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]
    captions = [paragraphs[n + 1] for n in pictured]
    assert [(c.style.name if c.style else "", c.text) for c in captions] == [
        ("Caption", title) for title in titles
    ]
    assert all(paragraphs[n].paragraph_format.keep_with_next for n in pictured)
    for shape, section in zip(polish.inline_shapes, pictured_sections(polish), strict=True):
        assert shape.width is not None
        assert shape.height is not None
        assert section.page_width is not None
        assert section.page_height is not None
        assert 0 < shape.width.mm <= section.page_width.mm - 50 + 0.1
        assert 0 < shape.height.mm <= section.page_height.mm - 50 - 15 + 0.1  # and a caption
    for shape, image in zip(polish.inline_shapes, _pictures(polish), strict=True):
        height = int.from_bytes(image[20:24], "big") / PNG_DPI  # the IHDR chunk's
        assert shape.height is not None
        assert abs(shape.height.inches - height) < 0.01  # drawn to fit: never made smaller
    images = [part for part in polish.part.package.parts if part.content_type == "image/png"]
    assert len(images) == len(titles)
    assert all(image.blob.startswith(b"\x89PNG") for image in images)


def test_chart_images_are_shared_and_in_the_report_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given images are drawn once and reused; images of another locale are refused."""
    frame = pd.DataFrame({"goal": ["1", "2"], "cost": [Decimal("75.00"), Decimal("25.00")]})
    table = Table(frame, (Column("goal", "Cel"), Column("cost", "Koszt", kind=ColumnKind.MONEY)))
    chart = Chart(ChartKind.PIE, "Wykres 1. Nakłady", table, "goal", ("cost",))
    report = Report(title="R", sections=(Section("S", (chart,)),))
    images = ChartImages("pl_PL")
    drawn: list[bytes] = []
    render = charts.render_chart

    def counted(*args: Any, **kwargs: Any) -> bytes:
        drawn.append(render(*args, **kwargs))
        return drawn[-1]

    monkeypatch.setattr(charts, "render_chart", counted)
    blobs = []
    for _ in range(2):
        document = to_word(report, images=images)
        (image,) = [p for p in document.part.package.parts if p.content_type == "image/png"]
        blobs.append(image.blob)
    assert len(drawn) == 1
    assert blobs == [drawn[0], drawn[0]]
    with pytest.raises(ArgumentError, match="images"):
        write_word(report, tmp_path / "r.docx", images=ChartImages("en_GB"))
    with pytest.raises(ArgumentTypeError, match="images"):
        to_word(report, images="obrazki")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_chart_s_title_is_its_caption_not_in_the_picture(
    report: Report, polish: Document
) -> None:
    """A chart's picture is drawn as wide as the page's text without its title, which its
    caption (and alt text) gives once."""
    sections = pictured_sections(polish)
    paragraphs = polish.paragraphs
    pictured = [n for n, p in enumerate(paragraphs) if p._p.xpath(".//pic:pic")]
    images = {part.partname: part.blob for part in polish.part.package.parts}
    chart_blocks = {b.title: b for s in report.sections for b in s.blocks if isinstance(b, Chart)}
    assert len(pictured) == len(sections)
    compared = 0
    for n, section in zip(pictured, sections, strict=True):
        (blip,) = paragraphs[n]._p.xpath(".//a:blip")
        part = polish.part.related_parts[blip.get(qn("r:embed"))]
        caption = paragraphs[n + 1]
        chart = chart_blocks.get(caption.text)
        if chart is None:  # a part of a chart taller than a page: the test above
            continue
        compared += 1
        assert caption.style is not None
        assert caption.style.name == "Caption"
        assert section.page_width is not None
        assert section.left_margin is not None
        assert section.right_margin is not None
        text_width = Length(section.page_width - section.left_margin - section.right_margin).inches
        untitled = render_chart(chart, format="png", width=text_width, titled=False)
        titled = render_chart(chart, format="png", width=text_width)
        assert images[part.partname] == untitled != titled
    assert compared == 2  # the pies, drawn whole


def test_statuses_are_words_with_a_symbol_on_their_tone(polish: Document) -> None:
    """A status reads as its symbol and words, on the fill and in the font colour of its tone."""
    table = table_with(polish, "Ocena")
    header = rows(table)[0]
    column = header.index("Ocena")
    cells = [row.cells[column] for row in table.rows[1:]]
    regress = next(cell for cell in cells if cell.text.endswith("regres"))
    assert regress.text == f"{STATUS_ICONS[Tone.BAD]} regres"
    font, fill = TONE_COLOURS[Tone.BAD]
    properties = regress._tc.tcPr
    assert properties is not None
    shading = properties.find(qn("w:shd"))
    assert shading is not None
    assert shading.get(qn("w:fill")) == fill.lstrip("#")
    colour = regress.paragraphs[0].runs[0].font.color.rgb
    assert str(colour) == font.lstrip("#")


def test_a_missing_value_shows_its_reason() -> None:
    """A missing value is its row's reason, in grey italics; without a reason an en dash."""
    frame = pd.DataFrame(
        {"value": [Decimal("5.2"), None, None], "why": ["", "brak danych w GUS BDL", ""]}
    )
    table = Table(frame, (Column("value", "Wartość", kind=ColumnKind.PERCENT, reason_key="why"),))
    document = to_word(Report(title="R", sections=(Section("S", (table,)),)))
    cells = [row.cells[0] for row in document.tables[0].rows]
    assert [cell.text for cell in cells] == ["Wartość", "5,2%", "brak danych w GUS BDL", "–"]
    reason = cells[2].paragraphs[0].runs[0]
    assert reason.italic is True
    assert str(reason.font.color.rgb) == "595959"
    assert cells[3].paragraphs[0].runs[0].italic is None


def test_core_properties_and_the_spelling_language(kielce: Strategy, polish: Document) -> None:
    """Title, subject, author, date and language come from the report; styles are in Polish."""
    core = polish.core_properties
    assert core.title == "Roczny raport z realizacji strategii w 2023\xa0r."
    assert core.subject == kielce.title
    assert core.author == "Kielce"
    assert core.language == "pl-PL"
    assert core.created is not None
    assert core.created.date() == dt.date.today()
    assert core.comments == ""
    defaults = polish.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang is not None
    assert lang.get(qn("w:val")) == "pl-PL"
    assert polish.settings.element.find(qn("w:proofState")) is None  # Word checks anew


def test_the_english_report(english: Document) -> None:
    """In English: English headings and number format, language en-GB, the writer's words too."""
    headings = [text for _, text in styled(english, "Heading 1")]
    assert headings[:4] == [
        "Summary",
        "1. Introduction",
        "2. Projects carried out and their cost",
        "3. Indicator values",
    ]
    assert headings[-1] == "Data"
    table = table_with(english, "Cost (report)")
    total = next(row for row in rows(table) if row[0] == "Total")
    assert f"PLN{NBSP}85,665,519.74" in total
    assert english.core_properties.language == "en-GB"
    assert styled(english, "TOC Heading") == [("TOC Heading", "Contents")]


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_the_writer_s_own_words_are_in_the_report_s_language(locale: str) -> None:
    """The contents heading, its note and the data sentence are in the report's language."""
    frame = pd.DataFrame({"year": range(2000, 2005), "value": [1.5] * 5})
    report = Report(title="R", locale=locale, data=Table(frame), data_title="D")
    document = to_word(report, data_rows=0)
    text = "\n".join(p.text for p in document.paragraphs)
    assert identifiers(text) == []
    if locale == "pl_PL":
        assert "Tabela danych ma 5 wierszy i nie jest tu pokazana" in text
        assert "naciśnij F9" in text
        assert english_words(text, names=["Word", "R", "D"]) == []
    else:
        assert "The data table has 5 rows and is not shown here" in text
        assert polish_words(text, names=["Word", "R", "D"]) == []


NAMES = [
    '=HYPERLINK("http://example.invalid","x")',
    "=1+1",
    "<script>alert(1)</script>",
    "a &amp; b ]]> <!-- c -->",
    "pierwszy wiersz\ndrugi wiersz",
]


def test_names_stay_literal_text(tmp_path: Path) -> None:
    """Formula-like names, markup and line breaks read back as exactly their text."""
    frame = pd.DataFrame({"name": NAMES})
    blocks = (Heading("<b>Cel</b> =1", 2), Paragraph(NAMES[2]), Table(frame, title=NAMES[0]))
    report = Report(title=NAMES[2], sections=(Section("S", blocks),))
    document = docx.Document(str(write_word(report, tmp_path / "r.docx")))
    assert [row[0] for row in rows(document.tables[0])] == ["name", *NAMES]
    assert styled(document, "Heading 2") == [("Heading 2", "<b>Cel</b> =1")]
    assert styled(document, "Title") == [("Title", NAMES[2])]
    texts = [p.text for p in document.paragraphs]
    assert NAMES[2] in texts
    assert NAMES[0] in texts  # the table's caption
    assert not list(document.element.body.iter(qn("w:fldSimple")))
    codes = [t.text.strip() for t in document.element.body.iter(qn("w:instrText"))]
    assert codes == [r'TOC \o "1-3" \h \z \u']  # no field but the contents


def test_control_characters_are_shown_not_dropped() -> None:
    """A control character XML cannot hold is shown as its visible symbol."""
    frame = pd.DataFrame({"name": ["dzwonek\x07 i\x0bpionowy tabulator"]})
    document = to_word(Report(title="R", sections=(Section("S", (Table(frame),)),)))
    assert rows(document.tables[0])[1] == ["dzwonek\u2407 i\u240bpionowy tabulator"]


def test_paragraphs_page_breaks_and_notes() -> None:
    """Blank lines separate paragraphs, a line break stays one, a page break is a break."""
    frame = pd.DataFrame({"n": [1]})
    blocks = (
        Paragraph("pierwszy\ndrugi wiersz\n\nnowy akapit"),
        PageBreak(),
        Table(frame, title="Tabela 1.", note="Źródło: raport."),
    )
    document = to_word(Report(title="R", sections=(Section("S", blocks),)))
    texts = [p.text for p in document.paragraphs]
    assert "pierwszy\ndrugi wiersz" in texts
    assert "nowy akapit" in texts
    breaks = [b for b in document.element.body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    assert len(breaks) == 1
    assert styled(document, "Caption") == [("Caption", "Tabela 1.")]
    note = next(p for p in document.paragraphs if p.text == "Źródło: raport.")
    assert note.runs[0].italic is True
    caption = next(p for p in document.paragraphs if p.text == "Tabela 1.")
    assert caption.paragraph_format.keep_with_next is True


def test_short_data_is_a_table() -> None:
    """Data within the limit is a table under a heading of its own."""
    frame = pd.DataFrame({"year": [2000, 2001], "value": [1.5, 2.25]})
    document = to_word(Report(title="R", data=Table(frame), data_title="Dane"))
    assert styled(document, "Heading 1") == [("Heading 1", "Dane")]
    assert rows(document.tables[0]) == [["year", "value"], ["2000", "1,5"], ["2001", "2,25"]]


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    """write_word refuses an existing file and leaves it as it was; force replaces it."""
    path = tmp_path / "raport.docx"
    path.write_bytes(b"stary")
    with pytest.raises(OutputExistsError):
        write_word(Report(title="R"), path)
    assert path.read_bytes() == b"stary"
    assert write_word(Report(title="Nowy"), path, force=True) == path
    assert docx.Document(str(path)).core_properties.title == "Nowy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.docx"]


def test_write_report_writes_docx(tmp_path: Path) -> None:
    """The .docx extension chooses the Word writer."""
    path = write_report(Report(title="R"), tmp_path / "R.DOCX")
    assert docx.Document(str(path)).core_properties.title == "R"


def test_bad_arguments(tmp_path: Path) -> None:
    """Not a report, a negative row limit or a force that is not a bool is a typed error."""
    with pytest.raises(ArgumentTypeError, match="'report'"):
        to_word("raport")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="data_rows"):
        to_word(Report(title="R"), data_rows=-1)
    with pytest.raises(ArgumentTypeError, match="force"):
        write_word(Report(title="R"), tmp_path / "r.docx", force="yes")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_the_report_and_keeps_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``citystrategy report kielce --year 2023 -o x.docx`` writes it; again needs --force."""
    path = tmp_path / "x.docx"
    argv = ["report", "kielce", "--year", "2023", "-o", str(path)]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (f"zapisano raport w pliku {path}\n", "")
    document = docx.Document(str(path))
    assert [text for _, text in styled(document, "Heading 1")] == POLISH_SECTIONS
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {DECLARED, GOAL_1, COMPUTED, REVENUE} <= cells
    before = path.read_bytes()
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "już istnieje" in captured.err
    assert "--force" in captured.err
    assert path.read_bytes() == before
    assert main([*argv, "--force"]) == 0
    capsys.readouterr()


def test_importing_the_writer_does_not_import_python_docx() -> None:
    """python-docx is loaded when a document is made, not when the writer is imported."""
    code = "import sys, citystrategy.reports.word; print('docx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"
