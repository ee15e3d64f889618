"""The cache of parsed package data: the same object as a fresh read, invalidated by any change."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from citystrategy import _cache
from citystrategy.cities import kielce
from citystrategy.errors import DataFileError
from citystrategy.io.catalogue_files import read_catalogue
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Catalogue, Strategy
from citystrategy.programs import zmp

KIELCE_DATA = files("citystrategy.cities.kielce") / "data"
ZMP_DATA = files("citystrategy.programs.zmp") / "data"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, named by the environment variable."""
    place = tmp_path / "cache"
    monkeypatch.setenv(_cache.ENVIRONMENT, str(place))
    return place


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of Kielce's data folder that a test may edit."""
    target = tmp_path / "kielce"
    shutil.copytree(str(KIELCE_DATA), target)
    return target


def _never() -> Strategy:
    raise AssertionError("read although an entry was expected")


def _entries(folder: Path) -> list[str]:
    """The entries under *folder*, every installation's."""
    return sorted(path.name for path in folder.rglob("*.pickle"))


def test_the_folder_is_moved_by_the_environment_variable(folder: Path) -> None:
    """CITYSTRATEGY_CACHE_DIR names the folder the entries go to."""
    assert _cache.cache_folder() == folder


@pytest.mark.parametrize("xdg", [None, "", "relative/path", "/absolute/cache"])
def test_without_the_variable_the_folder_is_the_users_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: str | None
) -> None:
    """Unset, the entries go where platformdirs puts the user's cache, under citystrategy/data."""
    import platformdirs

    monkeypatch.delenv(_cache.ENVIRONMENT, raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    expected = platformdirs.user_cache_path("citystrategy", appauthor=False) / "data"
    assert _cache.cache_folder() == expected
    if sys.platform == "linux" and xdg == "/absolute/cache":
        assert expected == Path("/absolute/cache/citystrategy/data")


def test_cached_kielce_equals_a_fresh_read(folder: Path) -> None:
    """The strategy stored and the one loaded back both equal a fresh read of the folder."""
    fresh = read_strategy(KIELCE_DATA)
    stored = _cache.cached(
        "strategy-kielce", KIELCE_DATA, lambda: read_strategy(KIELCE_DATA), Strategy
    )
    loaded = _cache.cached("strategy-kielce", KIELCE_DATA, _never, Strategy)
    assert stored == fresh
    assert loaded == fresh
    assert loaded is not stored  # it came from the file
    assert len(loaded.indicators) == 112
    assert [p.name for p in _cache.entry_folder().iterdir()] == [
        f"strategy-kielce-{_cache.key('strategy-kielce', KIELCE_DATA)}.pickle"
    ]
    assert _cache.entry_folder().parent == folder


def test_cached_zmp_catalogue_equals_a_fresh_read(folder: Path) -> None:
    """The ZMP catalogue loaded back from its entry equals a fresh read."""
    fresh = read_catalogue(ZMP_DATA)
    _cache.cached("catalogue-zmp", ZMP_DATA, lambda: read_catalogue(ZMP_DATA), Catalogue)

    def never() -> Catalogue:
        raise AssertionError("read although an entry was expected")

    assert _cache.cached("catalogue-zmp", ZMP_DATA, never, Catalogue) == fresh


def test_the_adapters_load_what_a_fresh_read_gives(folder: Path) -> None:
    """kielce.load and zmp.load, through the cache, equal a fresh read of their folders."""
    assert kielce.load() == read_strategy(KIELCE_DATA)
    assert zmp.load() == read_catalogue(ZMP_DATA)


def test_editing_a_file_invalidates_the_entry(folder: Path, copy: Path) -> None:
    """A changed file gives another key: the folder is read afresh and the old entry removed."""
    reads = []

    def read() -> Strategy:
        reads.append(1)
        return read_strategy(copy)

    before = _cache.cached("strategy-copy", copy, read, Strategy)
    old = _entries(folder)
    toml = copy / "strategy.toml"
    text = toml.read_text(encoding="utf-8")
    assert before.title in text
    toml.write_text(text.replace(before.title, "Strategia zmieniona"), encoding="utf-8")
    after = _cache.cached("strategy-copy", copy, read, Strategy)
    assert len(reads) == 2
    assert after.title == "Strategia zmieniona"
    assert after == read_strategy(copy)
    assert len(_entries(folder)) == 1
    assert _entries(folder) != old
    assert _cache.cached("strategy-copy", copy, _never, Strategy) == after


def test_a_new_file_in_the_folder_invalidates_the_entry(folder: Path, copy: Path) -> None:
    """A file added to the folder changes the key as well."""
    first = _cache.key("strategy-copy", copy)
    (copy / "notes.txt").write_text("x", encoding="utf-8")
    assert _cache.key("strategy-copy", copy) != first


def test_a_changed_module_changes_the_key(tmp_path: Path) -> None:
    """The code's state in the key changes when a module's size or time changes."""
    (tmp_path / "sub").mkdir()
    module = tmp_path / "sub" / "reader.py"
    module.write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ignored.py").write_text("", encoding="utf-8")

    def state() -> str:
        digest = hashlib.sha256()
        _cache._code_state(digest, str(tmp_path))
        return digest.hexdigest()

    first = state()
    assert state() == first
    module.write_text("A = 22\n", encoding="utf-8")
    assert state() != first
    second = state()
    os.utime(module, ns=(1, 1))
    assert state() != second
    third = state()
    (tmp_path / "data" / "ignored.py").write_text("B = 2\n", encoding="utf-8")
    assert state() == third  # data folders hold no code


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(object())[:-3]])
def test_a_corrupt_entry_is_removed_and_read_afresh(folder: Path, content: bytes) -> None:
    """An entry that cannot be unpickled is a miss: read again, and written anew."""
    path = (
        _cache.entry_folder()
        / f"strategy-kielce-{_cache.key('strategy-kielce', KIELCE_DATA)}.pickle"
    )
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    strategy = _cache.cached(
        "strategy-kielce", KIELCE_DATA, lambda: read_strategy(KIELCE_DATA), Strategy
    )
    assert strategy == read_strategy(KIELCE_DATA)
    with path.open("rb") as stream:
        assert pickle.load(stream) == strategy


def test_an_entry_of_another_type_is_read_afresh(folder: Path) -> None:
    """An entry that unpickles to something else than the expected type is not returned."""
    path = (
        _cache.entry_folder()
        / f"strategy-kielce-{_cache.key('strategy-kielce', KIELCE_DATA)}.pickle"
    )
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps({"title": "not a strategy"}))
    strategy = _cache.cached(
        "strategy-kielce", KIELCE_DATA, lambda: read_strategy(KIELCE_DATA), Strategy
    )
    assert isinstance(strategy, Strategy)
    assert strategy == read_strategy(KIELCE_DATA)


def test_a_folder_that_cannot_be_written_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder that is a file: the data are read every time, without an error."""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(_cache.ENVIRONMENT, str(blocker / "cache"))
    reads = []

    def read() -> Strategy:
        reads.append(1)
        return read_strategy(KIELCE_DATA)

    assert _cache.cached("strategy-kielce", KIELCE_DATA, read, Strategy) == read()
    _cache.cached("strategy-kielce", KIELCE_DATA, read, Strategy)
    assert len(reads) == 3


def test_a_reading_error_is_raised_and_not_stored(folder: Path, copy: Path) -> None:
    """A folder that fails to read raises as the reader does, and leaves no entry."""
    (copy / "indicators.tsv").write_text("not\ta\ttable\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        _cache.cached("strategy-copy", copy, lambda: read_strategy(copy), Strategy)
    assert not folder.exists() or _entries(folder) == []


def test_each_installation_keeps_its_own_entries(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another installation's entry of the same kind is left alone, not removed."""
    _cache.cached("strategy-kielce", KIELCE_DATA, lambda: read_strategy(KIELCE_DATA), Strategy)
    mine = _entries(folder)
    monkeypatch.setattr(_cache, "_PACKAGE", Path("/elsewhere/citystrategy"))
    monkeypatch.setattr(_cache, "key", lambda kind, data: "0" * 32)
    _cache.cached("strategy-kielce", KIELCE_DATA, lambda: read_strategy(KIELCE_DATA), Strategy)
    assert len({p.parent for p in folder.rglob("*.pickle")}) == 2
    assert set(mine) < set(_entries(folder))


def test_a_fresh_process_loads_kielce_from_the_entry(folder: Path) -> None:
    """A second command's process finds the entry the first one wrote, without reading."""
    code = (
        "import sys\n"
        "from citystrategy.cities import kielce\n"
        "import citystrategy.io.strategy_files as files\n"
        "def fail(*args):\n"
        "    raise SystemExit('read')\n"
        "files.read_strategy = fail\n"
        "print(len(kielce.load().indicators))\n"
    )
    env = {**os.environ, _cache.ENVIRONMENT: str(folder)}
    first = subprocess.run(
        [sys.executable, "-c", "from citystrategy.cities import kielce; kielce.load()"],
        env=env,
        check=True,
        timeout=120,
    )
    assert first.returncode == 0
    second = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (second.returncode, second.stdout.strip()) == (0, "112")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "kielce"],
        ["summary", "kielce", "--year", "2023"],
        ["assess", "kielce", "--year", "2023"],
        ["programs", "list"],
    ],
)
def test_commands_served_from_the_cache_import_no_reader(folder: Path, argv: list[str]) -> None:
    """Once the entries exist, a command imports none of the readers (citystrategy.io)."""
    code = (
        "import contextlib, io, sys\n"
        "from citystrategy.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('citystrategy.io')))\n"
    )
    env = {**os.environ, _cache.ENVIRONMENT: str(folder)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs[0] != "[]"  # the first run reads the data and writes the entries
    assert runs[1] == "[]"
