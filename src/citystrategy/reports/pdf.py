"""The PDF writer: the report's HTML page (:mod:`citystrategy.reports.html`) printed by WeasyPrint.

The PDF is the web page with its print style (A4, each section on a new page, a table's header
repeated on every page, rows not split) and, for paper only: a title page (the title, the
strategy, the city and the date), a table of contents with the page of each entry, and the page
number and the number of pages in the footer of every page but the title page ("strona 3 z 40",
in the report's language). The document's title, author, subject and date are its properties.

Tables are laid out with fixed column widths measured from their texts (each column at least its
longest word, so no word or number is split and no table runs off the page; a table whose words
do not fit even so gets a smaller type), which takes WeasyPrint less than half the time of
its automatic layout. The long data table is printed only up to :data:`PDF_DATA_ROWS_SHOWN` rows;
past that the PDF says how many rows it has and that the report's workbook (.xlsx) holds them.

WeasyPrint needs Pango from the system, which a machine may lack, so it is an extra
(``pip install 'citystrategy[pdf]'``) imported only when a PDF is written; without it
:func:`write_pdf` raises :class:`~citystrategy.errors.MissingExtraError`, which says what to
install. Nothing is fetched from the network: the page has no external resources. The charts
are PNG images inside the page (WeasyPrint draws matplotlib's SVG twenty times slower), the same
drawings as the Word document's when both share a
:class:`~citystrategy.reports.charts.ChartImages`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Final

from citystrategy._arguments import instance
from citystrategy._i18n import pgettext
from citystrategy._output import atomic_path
from citystrategy.errors import MissingExtraError
from citystrategy.reports.charts import ChartImages
from citystrategy.reports.document import Report
from citystrategy.reports.html import _render

__all__ = ["PDF_DATA_ROWS_SHOWN", "PDF_LIBRARIES", "write_pdf"]

#: The system libraries WeasyPrint needs, as Debian and Ubuntu install them.
PDF_LIBRARIES: Final = "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
#: The most rows of the long data the PDF prints as a table; longer data is only counted, and the
#: sentence that counts it names the report's workbook (.xlsx), which holds every row. Kielce's
#: 224 rows would be 30 pages of the same few columns, and their values are in section 3.
PDF_DATA_ROWS_SHOWN: Final = 100
_PLACEHOLDER: Final = re.compile(r"(\{page\}|\{pages\})")
_COUNTERS: Final = {"{page}": "counter(page)", "{pages}": "counter(pages)"}


def _weasyprint() -> Any:
    """WeasyPrint's ``HTML`` class, or the error that says how to install it."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # the extra, or Pango, is missing
        raise MissingExtraError(
            ".pdf", "pdf", "weasyprint", PDF_LIBRARIES, str(error) or type(error).__name__
        ) from error
    return HTML


def _css_string(text: str) -> str:
    r"""*text* as a CSS string: quotes and backslashes escaped, ``<`` never literal.

    >>> _css_string('strona "3" <z>')
    '"strona \\22 3\\22  \\3c z>"'
    """
    escaped = []
    for char in text:
        if char in '"\\<\n\r\f':
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _page_footer_style(locale: str) -> str:
    """The footer of each page, "page 3 of 40" in *locale*, as a CSS rule of the page.

    The translator's sentence keeps its placeholders ``{page}`` and ``{pages}`` in the order the
    language needs; each becomes a CSS counter.

    >>> print(_page_footer_style("pl_PL"))
    @page { @bottom-center { content: "strona " counter(page) " z " counter(pages); font-size: 8pt; color: #4a4a4a; } }
    """
    sentence = pgettext("page footer", "page {page} of {pages}", locale)
    parts = [
        _COUNTERS.get(part) or _css_string(part) for part in _PLACEHOLDER.split(sentence) if part
    ]
    content = " ".join(parts)
    return f"@page {{ @bottom-center {{ content: {content}; font-size: 8pt; color: #4a4a4a; }} }}"


def write_pdf(
    report: Report,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    images: ChartImages | None = None,
) -> Path:
    """Write the report as a PDF; return its path.

    Args:
        report: The report.
        path: The file to write.
        force: Replace the file if it exists.
        images: The charts' renderer, shared with the other formats of the same run (see
            :func:`citystrategy.reports.html.to_html`).

    The file is written whole or not at all; an existing file is replaced only with *force*.

    Raises:
        ArgumentTypeError: If *report* is not a Report, or *path* is not a path.
        MissingExtraError: If WeasyPrint (the ``pdf`` extra) or the system libraries it needs
            cannot be loaded.
        OutputExistsError: If *path* exists and *force* is false.
        OSError: If the file cannot be written.
    """
    instance(report, "report", Report, "a Report")
    html_class = _weasyprint()
    page = _page(report, images)
    with atomic_path(path, force=force) as temporary:
        html_class(string=page).write_pdf(temporary)
    return Path(os.fspath(path))


def _page(report: Report, images: ChartImages | None = None) -> str:
    """The HTML page WeasyPrint prints: the paged style, the footer, the data table shortened."""
    return _render(
        report,
        images=images,
        paged=True,
        extra_style=_page_footer_style(report.locale),
        data_rows=PDF_DATA_ROWS_SHOWN,
    )
