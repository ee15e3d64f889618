"""A catalogue is read from its ``.mo``, or compiled once from a newer ``.po`` and kept."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from citystrategy import _i18n

PO = Path(__file__).resolve().parents[1] / "src/citystrategy/locale/pl/LC_MESSAGES/citystrategy.po"
MESSAGE = "project"


def _po(text: str) -> str:
    """The header of the shipped catalogue and one message translated as *text*."""
    header = PO.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return f'{header}\n\nmsgid "{MESSAGE}"\nmsgstr "{text}"\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An ``LC_MESSAGES`` folder holding a ``.po`` that translates ``project`` as ``projekt``."""
    (tmp_path / f"{_i18n.DOMAIN}.po").write_text(_po("projekt"), encoding="utf-8")
    return tmp_path


def test_a_missing_mo_is_compiled_and_kept(folder: Path) -> None:
    """Without a ``.mo`` the ``.po`` is compiled, and its ``.mo`` written for the next run."""
    assert _i18n.load(folder).gettext(MESSAGE) == "projekt"
    mo = folder / f"{_i18n.DOMAIN}.mo"
    assert mo.is_file()
    assert sorted(path.name for path in folder.iterdir()) == ["citystrategy.mo", "citystrategy.po"]
    (folder / f"{_i18n.DOMAIN}.po").unlink()  # the next run reads the kept .mo alone
    assert _i18n.load(folder).gettext(MESSAGE) == "projekt"


def test_a_newer_po_replaces_the_mo(folder: Path) -> None:
    """A ``.po`` edited after its ``.mo`` takes effect at once."""
    _i18n.load(folder)
    po, mo = folder / f"{_i18n.DOMAIN}.po", folder / f"{_i18n.DOMAIN}.mo"
    po.write_text(_po("przedsięwzięcie"), encoding="utf-8")
    os.utime(mo, (po.stat().st_mtime - 10, po.stat().st_mtime - 10))
    assert _i18n.load(folder).gettext(MESSAGE) == "przedsięwzięcie"
    assert mo.stat().st_mtime >= po.stat().st_mtime


def test_an_mo_newer_than_its_po_is_read_as_it_is(folder: Path) -> None:
    """The ``.po`` is not read again while the ``.mo`` is at least as new."""
    _i18n.load(folder)
    po, mo = folder / f"{_i18n.DOMAIN}.po", folder / f"{_i18n.DOMAIN}.mo"
    po.write_text(_po("przedsięwzięcie"), encoding="utf-8")
    os.utime(po, (mo.stat().st_mtime - 10, mo.stat().st_mtime - 10))
    assert _i18n.load(folder).gettext(MESSAGE) == "projekt"


def test_a_folder_that_cannot_be_written_still_serves_the_po(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only checkout compiles the ``.po`` in memory and writes nothing."""

    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert _i18n.load(folder).gettext(MESSAGE) == "projekt"
    assert [path.name for path in folder.iterdir()] == ["citystrategy.po"]


def test_a_failed_write_leaves_no_partial_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``.mo`` that cannot be put in place leaves neither it nor its temporary file."""

    def refuse(source: str, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    assert _i18n.load(folder).gettext(MESSAGE) == "projekt"
    assert [path.name for path in folder.iterdir()] == ["citystrategy.po"]


def test_the_wheel_leaves_out_the_po() -> None:
    """The wheel's files exclude ``*.po``, so an installed package never compiles its catalogue."""
    import tomllib

    config = tomllib.loads((PO.parents[5] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "*.po" in config["tool"]["hatch"]["build"]["targets"]["wheel"]["exclude"]
