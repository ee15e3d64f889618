"""The PDF writer: the Kielce report printed by WeasyPrint, read back with pypdf as a reader sees it."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from citystrategy.cli import main
from citystrategy.errors import MissingExtraError, OutputExistsError
from citystrategy.model import Strategy
from citystrategy.reports.annual import annual_report
from citystrategy.reports.document import Column, ColumnKind, Report, Table
from citystrategy.reports.pdf import PDF_DATA_ROWS_SHOWN, PDF_LIBRARIES, _page, write_pdf
from tests.language import english_words, polish_words

NBSP = "\xa0"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def page_texts(path: Path) -> list[str]:
    """The text of each page, no-break spaces read as spaces."""
    return [page.extract_text().replace(NBSP, " ") for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def kielce_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``citystrategy report kielce --year 2023 -o raport.pdf``, written once for the module."""
    path = tmp_path_factory.mktemp("pdf") / "raport.pdf"
    assert main(["report", "kielce", "--year", "2023", "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def pages(kielce_pdf: Path) -> list[str]:
    """Its pages' text."""
    return page_texts(kielce_pdf)


def test_title_page(pages: list[str], kielce_pdf: Path) -> None:
    """The first page is the title, the strategy, the city and the date, with no page number."""
    first = pages[0].splitlines()
    assert (
        " ".join(first[:2]).replace("\xa0", " ") == "Roczny raport z realizacji strategii w 2023 r."
    )
    assert "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City" in first
    assert "Kielce" in first
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} r\.", first[-1])
    assert "strona" not in pages[0]
    metadata = PdfReader(kielce_pdf).metadata
    assert metadata is not None
    assert metadata.title == "Roczny raport z realizacji strategii w 2023\xa0r."
    assert metadata.author == "Kielce"


def test_every_page_but_the_first_is_numbered(pages: list[str]) -> None:
    """Each page's footer is "strona N z M", M the number of pages."""
    total = len(pages)
    assert total > 20
    for number, text in enumerate(pages[1:], start=2):
        assert text.rstrip().endswith(f"strona {number} z {total}"), number


def test_contents_give_the_right_pages(pages: list[str]) -> None:
    """The table of contents lists the sections with the pages they start on."""
    toc = pages[1]
    assert toc.startswith("Spis treści")
    entries = re.findall(r"^(.+?) \.{3,} ?(\d+)$", toc, re.MULTILINE)
    titles = [title for title, _ in entries]
    for title in (
        "Podsumowanie",
        "2. Zrealizowane działania i ich koszt",
        "3. Wartość wskaźników",
        "Cel strategiczny 1. Miasto dla każdego",
        "7. Opis dalszych działań",
        "Dane",
    ):
        assert title in titles
    numbers = [int(number) for _, number in entries]
    assert numbers == sorted(numbers)
    assert numbers[0] == 3
    for title, number in entries:
        assert title in pages[int(number) - 1].replace("\n", " "), (title, number)


def test_figures_of_sections_2_and_3(pages: list[str]) -> None:
    """The declared total, goal 1's computed cost, the computed total and the city's revenue."""
    text = "\n".join(pages)
    section_2 = text[
        text.index("\n2. Zrealizowane działania i ich koszt\n") : text.index(
            "\n3. Wartość wskaźników\n"
        )
    ]
    for figure in ("85 665 519,74 zł", "33 992 885,47 zł", "119 738 036,31 zł", "514 239,53 zł"):
        assert figure in section_2
    section_3 = text[
        text.index("\n3. Wartość wskaźników\n") : text.index("\nOcena realizacji celów\n")
    ]
    assert "1 679 523 470,54 zł" in section_3
    assert english_words(" ".join(pages[:2]), names=["Smart City"]) == []


def test_sections_start_on_new_pages(pages: list[str]) -> None:
    """Each numbered section's heading is the first line of a page."""
    starts = {text.splitlines()[0] for text in pages}
    for title in (
        "1. Informacje wstępne",
        "2. Zrealizowane działania i ich koszt",
        "4. Problemy i ryzyka",
    ):
        assert title in starts


def test_english_pdf(kielce: Strategy, tmp_path: Path) -> None:
    """In English: "Contents", "page 2 of N", English number formats."""
    full = annual_report(kielce, 2023, locale="en_GB", data=False)
    report = Report(title=full.title, sections=full.sections[:1], locale="en_GB", author="Kielce")
    path = write_pdf(report, tmp_path / "report.pdf")
    texts = page_texts(path)
    assert texts[1].startswith("Contents")
    assert texts[1].rstrip().endswith(f"page 2 of {len(texts)}")
    assert "PLN 119,738,036.31" in texts[2]
    assert polish_words(texts[1], names=["Summary"]) == []


def test_an_existing_pdf_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --force the existing file stays, refused before any work; write_pdf refuses too."""
    path = tmp_path / "raport.pdf"
    path.write_bytes(b"stary")
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, out) == (2, "")
    assert "już istnieje i pozostał bez zmian" in err
    with pytest.raises(OutputExistsError):
        write_pdf(Report(title="R"), path)
    assert path.read_bytes() == b"stary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.pdf"]


def test_force_replaces_a_pdf(tmp_path: Path) -> None:
    """With force the file is replaced by a whole PDF."""
    path = tmp_path / "raport.pdf"
    path.write_bytes(b"stary")
    write_pdf(Report(title="Nowy"), path, force=True)
    assert path.read_bytes().startswith(b"%PDF-")
    assert page_texts(path)[0].strip() == "Nowy"


class _Unloadable(importlib.abc.MetaPathFinder):
    """A finder for which WeasyPrint is there but its system library is not (Pango missing)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """Fail to load weasyprint as cffi does without Pango."""
        if fullname == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': No such file or directory")
        return None


def test_missing_weasyprint_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without WeasyPrint the CLI says, in Polish, to install the pdf extra; nothing is written."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if not installed
    with pytest.raises(MissingExtraError) as caught:
        write_pdf(Report(title="R"), tmp_path / "r.pdf")
    assert isinstance(caught.value, ImportError)
    assert caught.value.extra == "pdf"
    assert caught.value.libraries == PDF_LIBRARIES
    assert "pip install 'citystrategy[pdf]'" in str(caught.value)
    path = tmp_path / "raport.pdf"
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(
        "citystrategy: błąd: zapis plików .pdf wymaga pakietu Pythona „weasyprint”"
    )
    assert "pip install 'citystrategy[pdf]'" in err
    assert "libpango-1.0-0" in err
    assert list(tmp_path.iterdir()) == []


def test_missing_pango_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """WeasyPrint whose Pango cannot be loaded (an OSError) is the same clear error."""
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Unloadable(), *sys.meta_path])
    with pytest.raises(MissingExtraError, match=r"libpango-1\.0-0"):
        write_pdf(Report(title="R"), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


#: Where a line may break inside a word as well as at a space: after a hyphen or a slash.
_PARTS = re.compile(r"[\s/\-]+")


def test_tables_fit_their_columns_and_the_page(kielce: Strategy) -> None:
    """In the Kielce PDF no cell's text runs past its cell, no cell past the page, no word split."""
    document = HTML(string=_page(annual_report(kielce, 2023))).render()
    cells, overflowing, split = 0, [], []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        page_right = page_box.content_box_x() + page_box.width
        for cell in page_box.descendants():
            if not isinstance(cell, boxes.TableCellBox):
                continue
            cells += 1
            right = cell.content_box_x() + cell.width
            if cell.border_box_x() + cell.border_width() > page_right + 0.5:
                overflowing.append((number, "".join(cell.element.itertext())))
            words = set(_PARTS.split(" ".join(cell.element.itertext())))
            for text in cell.descendants():
                if not isinstance(text, boxes.TextBox):
                    continue
                if text.position_x + text.width > right + 0.5:
                    overflowing.append((number, text.text))
                split += [(number, w) for w in _PARTS.split(text.text) if w and w not in words]
    assert cells > 2000  # section 3's tables: 112 indicators in 17 columns
    assert overflowing == []
    assert split == []


def test_the_long_data_table_is_counted_and_the_workbook_named(
    kielce: Strategy, pages: list[str]
) -> None:
    """Kielce's 224 observations are past the PDF's limit: the data section counts them."""
    count = len(kielce.observations)
    assert count > PDF_DATA_ROWS_SHOWN
    data = next(text for text in pages if text.startswith("Dane\n"))
    sentence = (
        f"Tabela danych ma {count} wiersze i nie jest tu pokazana; zawiera ją skoroszyt raportu "
        "(.xlsx)."
    )
    assert sentence in data.replace("\n", " ")


def test_a_short_data_table_is_printed(tmp_path: Path) -> None:
    """Data within the limit is printed as its table, every row."""
    frame = pd.DataFrame({"year": [2022, 2023], "value": [12.5, 5.25]})
    columns = (
        Column("year", "Rok", ColumnKind.YEAR),
        Column("value", "Wartość", ColumnKind.NUMBER),
    )
    report = Report(title="R", data=Table(frame, columns), data_title="Dane")
    text = "\n".join(page_texts(write_pdf(report, tmp_path / "r.pdf")))
    assert "Rok Wartość" in text
    assert "2022 12,5" in text
    assert "2023 5,25" in text


def test_charts_are_as_wide_as_their_pages_text(kielce: Strategy) -> None:
    """Bars on a landscape page are drawn for its 267 mm of text; pies keep their 7,2 inches."""
    page = _page(annual_report(kielce, 2023))
    found: dict[tuple[bool, bool], set[int]] = {}
    for section in re.findall(r"<section .*?</section>", page, flags=re.DOTALL):
        wide = ' class="wide"' in section.split(">", 1)[0]
        for alt, width in re.findall(
            r'<img [^>]*alt="([^"]*)"[^>]*style="width: ([0-9.]+)in', section
        ):
            pie = alt.startswith("Wykres")  # section 3's costs by goal: pies
            found.setdefault((wide, pie), set()).add(round(float(width) * 25.4))
    # A4 landscape less two 15 mm margins: 297 - 30 mm; a pie (and its legend) 7,2 in, 183 mm
    assert found == {(True, False): {267}, (True, True): {183}}


def test_a_chart_taller_than_its_page_is_printed_in_parts_that_fit(kielce: Strategy) -> None:
    """Each goal's scores (20 and more indicators) are drawn in parts within a landscape page's
    160 mm, their text never scaled down; each part is captioned, the parts in order."""
    page = _page(annual_report(kielce, 2023))
    (section,) = [
        s
        for s in re.findall(r"<section .*?</section>", page, flags=re.DOTALL)
        if "Postęp wskaźników" in s
    ]
    assert ' class="wide"' in section.split(">", 1)[0]
    pictures = re.findall(
        r'<img [^>]*alt="([^"]*)"[^>]*style="width: [0-9.]+in; height: ([0-9.]+)in', section
    )
    assert all(float(height) * 25.4 <= 160 for _, height in pictures)
    for goal in "1234":
        title = f"Postęp wskaźników celu strategicznego {goal} (wynik od −5 do +5)"
        parts = [alt for alt, _ in pictures if alt.startswith(title)]
        assert len(parts) >= 2
        assert parts == [f"{title}, część {n} z {len(parts)}" for n in range(1, len(parts) + 1)]
