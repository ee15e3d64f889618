"""Writing a report to a file in the format its name asks for.

>>> sorted(FORMATS)
['.docx', '.html', '.md', '.pdf', '.xlsx']
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Final

from citystrategy.errors import ArgumentTypeError, OutputExistsError, UnsupportedFormatError

if TYPE_CHECKING:
    from citystrategy.reports.document import Report

__all__ = ["FORMATS", "check_target", "write_report"]

#: The report formats, by file extension: the writer's module and function.
FORMATS: Final = {
    ".xlsx": ("citystrategy.reports.excel", "write_excel"),
    ".md": ("citystrategy.reports.markdown", "write_markdown"),
    ".html": ("citystrategy.reports.html", "write_html"),
    ".pdf": ("citystrategy.reports.pdf", "write_pdf"),
    ".docx": ("citystrategy.reports.word", "write_word"),
}


def check_target(path: str | os.PathLike[str], *, force: bool = False) -> str:
    """The format (extension) of *path*, checked before the work of making a report starts.

    Raises:
        UnsupportedFormatError: If the extension is none of :data:`FORMATS`, listing those there
            are.
        OutputExistsError: If *path* exists and *force* is false.

    >>> check_target("raport-kielce-2023.XLSX")
    '.xlsx'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError("path", path, "a file path (str or os.PathLike)")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormatError(str(target), target.suffix, tuple(FORMATS))
    if not force and (target.exists() or target.is_symlink()):
        raise OutputExistsError(str(target))
    return suffix


def write_report(report: Report, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write *report* to *path*, in the format its extension names (see :data:`FORMATS`).

    The file is written whole or not at all, and an existing file is replaced only with *force*.

    Raises:
        UnsupportedFormatError: If the extension is none of :data:`FORMATS` (a ``ValueError``),
            listing those there are.
        OutputExistsError: If *path* exists and *force* is false (a ``FileExistsError``).
    """
    module, name = FORMATS[check_target(path, force=force)]
    writer = getattr(import_module(module), name)
    written: Path = writer(report, Path(path), force=force)
    return written
