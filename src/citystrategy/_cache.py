"""A cache of the packaged data as parsed (Kielce's strategy, the ZMP catalogue) between runs.

Reading and parsing Kielce's folder takes about 40 ms and the ZMP catalogue about 60 ms; the
objects they give, pickled, load in about 5 ms each. Each command is a fresh process, so without
a cache it would parse the same unchanging package files every time.

An entry is the pickled object in the user's cache folder (``$XDG_CACHE_HOME/citystrategy`` or
``~/.cache/citystrategy`` on Linux, the platform's own elsewhere; the environment variable
``CITYSTRATEGY_CACHE_DIR`` moves it), in a sub-folder per installation, named by a key that hashes everything the parsed object
depends on: the kind, the content of every file of the folder read, the size and modification
time of each of citystrategy's Python files (another version, or an edited reader in a source
checkout, never meets an entry of the old code), and Python's version. A changed file therefore means a
different key, a miss and a fresh read, never an old result. An entry is written atomically (a
temporary file renamed over it); one that cannot be read (cut short, of another layout) or is not
of the expected type is removed and read afresh. A cache folder that cannot be written means no
cache: the data are read every time, as without it. Reading errors are never cached: they are
raised as the reader raises them.

Only package data go through it (their folder is part of the installation, and the tests hold a
cached object equal to a freshly read one); a user's own strategy folder is always read afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final, TypeVar

__all__ = ["ENVIRONMENT", "cache_folder", "cached", "entry_folder", "key"]

#: The environment variable that moves the cache folder.
ENVIRONMENT: Final = "CITYSTRATEGY_CACHE_DIR"

#: citystrategy's own folder: the Python files whose changes invalidate every entry.
_PACKAGE: Final = Path(__file__).parent

_T = TypeVar("_T")


def cache_folder() -> Path:
    """The folder the entries are kept in: ``$CITYSTRATEGY_CACHE_DIR``, else the user's cache."""
    moved = os.environ.get(ENVIRONMENT)
    if moved:
        return Path(moved)
    if sys.platform in ("win32", "darwin") or hasattr(sys, "getandroidapilevel"):
        import platformdirs  # pint's own dependency; units.py keeps pint's cache beside this

        return platformdirs.user_cache_path("citystrategy", appauthor=False) / "data"
    # what platformdirs says on Linux and the other Unixes, without importing it (a test
    # keeps the two equal): the XDG base directory, when it is set to an absolute path
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "citystrategy" / "data"


def entry_folder() -> Path:
    """The entries of this installation: a sub-folder of :func:`cache_folder` named by where
    citystrategy is installed, so that two environments (whose keys differ) never remove each
    other's entries, and each keeps only its latest one of a kind."""
    where = hashlib.sha256(str(_PACKAGE).encode()).hexdigest()[:16]
    return cache_folder() / where


def _files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    """Every file under *folder* with its path relative to it, in a fixed order."""
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _files(entry, name + "/")
        elif entry.is_file():
            yield name, entry


#: Folders of the package that hold no code (data, catalogues, templates, bytecode).
_NOT_CODE: Final = frozenset({"__pycache__", "data", "locale", "skeleton", "templates"})


def _code_state(digest: hashlib._Hash, folder: str = str(_PACKAGE), prefix: str = "") -> None:
    """Feed *digest* the path, size and modification time of each of citystrategy's modules."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.endswith(".py") and entry.is_file():
            state = entry.stat()
            digest.update(f"{prefix}{entry.name}\0{state.st_size}\0{state.st_mtime_ns}\0".encode())
        elif entry.name not in _NOT_CODE and entry.is_dir():
            _code_state(digest, entry.path, f"{prefix}{entry.name}/")


def key(kind: str, folder: Traversable) -> str:
    """The entry's key: a hash of *kind*, *folder*'s files, citystrategy's code and Python.

    citystrategy's version is in it through its code: installing another version replaces its
    files, so their sizes and times change (``importlib.metadata``, which would name the version,
    takes longer to import than the whole cache saves).
    """
    digest = hashlib.sha256()
    head = f"{kind}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0"
    digest.update(head.encode())
    for name, entry in _files(folder):
        content = entry.read_bytes()
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    _code_state(digest)
    return digest.hexdigest()[:32]


def _load(path: Path, expected: type[_T]) -> _T | None:
    """The entry at *path*; ``None`` when there is none, and (removed) when it is unusable."""
    try:
        with path.open("rb") as stream:
            value = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # cut short, of another layout, unreadable: any failure is a miss
        value = None
    if isinstance(value, expected):
        return value
    with contextlib.suppress(OSError):  # a folder of someone else's: the entry stays
        path.unlink(missing_ok=True)
    return None


def _store(path: Path, value: object, kind: str) -> None:
    """Write *value* at *path* atomically, and remove the older entries of *kind*."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, path)
    finally:
        Path(name).unlink(missing_ok=True)
    for old in path.parent.glob(f"{kind}-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def cached(kind: str, folder: Traversable, read: Callable[[], _T], expected: type[_T]) -> _T:
    """``read()``, or the entry that an earlier ``read()`` of the same *folder* left.

    Args:
        kind: What is read (``"strategy-kielce"``): names the entries, and is part of the key.
        folder: The package folder *read* reads; its files' content is part of the key.
        read: Reads the folder afresh; its errors pass through and nothing is stored.
        expected: The type *read* returns; an entry of another type is removed and read again.
    """
    try:
        path = entry_folder() / f"{kind}-{key(kind, folder)}.pickle"
    except OSError:  # the folder's files cannot be listed: read, which says why
        return read()
    value = _load(path, expected)
    if value is not None:
        return value
    value = read()
    with contextlib.suppress(OSError, pickle.PicklingError):  # read-only, full: no cache
        _store(path, value, kind)
    return value
