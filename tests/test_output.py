"""Writing files: never over an existing file unless asked, never half a file."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from citystrategy._output import atomic_path, write_bytes, write_text
from citystrategy.errors import ArgumentTypeError, OutputExistsError, UnsupportedFormatError
from citystrategy.reports import describe_error


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    """A second write without force fails with the path named and the old content intact."""
    target = tmp_path / "raport.md"
    write_text(target, "stary")
    with pytest.raises(OutputExistsError, match=r"raport\.md") as caught:
        write_text(target, "nowy")
    assert isinstance(caught.value, FileExistsError)
    assert target.read_text(encoding="utf-8") == "stary"
    assert "już istnieje" in describe_error(caught.value)


def test_force_replaces(tmp_path: Path) -> None:
    """With force the new content replaces the old one."""
    target = tmp_path / "raport.xlsx"
    write_bytes(target, b"old")
    write_bytes(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_an_error_while_writing_leaves_no_file_and_the_old_one_intact(tmp_path: Path) -> None:
    """An exception inside the block removes the temporary file and does not touch the target."""
    target = tmp_path / "raport.xlsx"
    target.write_bytes(b"previous")

    def crash() -> None:
        with atomic_path(target, force=True) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        crash()
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.xlsx"]


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    """The check is made again before the rename, so a file created meanwhile survives."""
    target = tmp_path / "raport.md"

    def race() -> None:
        with atomic_path(target) as temporary:
            temporary.write_text("mine", encoding="utf-8")
            target.write_text("theirs", encoding="utf-8")

    with pytest.raises(OutputExistsError):
        race()
    assert target.read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.md"]


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    """A target in a folder that does not exist fails before anything is written."""
    with pytest.raises(FileNotFoundError):
        write_text(tmp_path / "brak" / "raport.md", "x")


def test_a_path_must_be_a_path() -> None:
    """Bytes or a number are not paths."""
    with pytest.raises(ArgumentTypeError):
        write_text(b"raport.md", "x")  # type: ignore[arg-type]


def test_unsupported_format_lists_the_supported_ones() -> None:
    """The error names the extension and the formats there are, in both languages, and pickles."""
    error = UnsupportedFormatError("raport.pdf", ".pdf", (".xlsx", ".md"))
    assert (
        str(error)
        == "raport.pdf: no report format has the extension .pdf; the formats are .xlsx, .md"
    )
    assert "obsługiwane formaty to .xlsx, .md" in describe_error(error)
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.suffix, again.supported) == ("raport.pdf", ".pdf", (".xlsx", ".md"))
    assert isinstance(error, ValueError)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """A new file is readable as any file the user makes (the umask's), not private like a temp."""
    umask = os.umask(0o022)
    try:
        target = write_text(tmp_path / "raport.md", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    """Replacing a file with force keeps the permissions it had."""
    target = tmp_path / "raport.md"
    target.write_text("stary", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "nowy", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
