"""Writing files safely: never over an existing file unless asked, and never half a file.

A writer gets a temporary file in the target's own folder, writes it whole, flushes it to disk and
renames it over the target in one step (:func:`os.replace`). A crash or an error while writing
leaves the temporary file removed and the previous file, if any, as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from citystrategy.errors import ArgumentTypeError, OutputExistsError

__all__ = ["atomic_directory", "atomic_path", "write_bytes", "write_text"]


def _target(path: object) -> Path:
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise ArgumentTypeError("path", path, "a file path (str or os.PathLike)")
    return Path(os.fspath(path))


def _mode(target: Path) -> int:
    """The permissions the file gets: the replaced file's, or what a new file gets (the umask's)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _refuse_existing(target: Path, force: bool) -> None:
    if not force and (target.exists() or target.is_symlink()):
        raise OutputExistsError(str(target))


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, force: bool = False) -> Iterator[Path]:
    """A temporary path to write *path*'s content to; renamed to *path* when the block ends well.

    Raises:
        OutputExistsError: If *path* exists and *force* is false (checked before and after
            writing, so a file that appeared meanwhile is not replaced either).
        OSError: If the folder does not exist or cannot be written.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "a.txt") as temporary:
    ...     _ = temporary.write_text("one", encoding="utf-8")
    >>> (folder / "a.txt").read_text(encoding="utf-8"), sorted(p.name for p in folder.iterdir())
    ('one', ['a.txt'])
    """
    target = _target(path)
    _refuse_existing(target, force)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as error:  # a missing or read-only folder: said of the file asked for
        raise type(error)(error.errno, error.strerror, str(target)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        _refuse_existing(target, force)
        os.chmod(temporary, _mode(target))  # mkstemp's file is private (0600)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(path: str | os.PathLike[str], content: bytes, *, force: bool = False) -> Path:
    """Write *content* to *path* atomically (see :func:`atomic_path`); return the path."""
    with atomic_path(path, force=force) as temporary:
        temporary.write_bytes(content)
    return _target(path)


def write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    force: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "\n",
) -> Path:
    """Write *text* to *path* atomically (see :func:`atomic_path`); return the path."""
    with (
        atomic_path(path, force=force) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as out,
    ):
        out.write(text)
    return _target(path)


@contextlib.contextmanager
def atomic_directory(path: str | os.PathLike[str], *, force: bool = False) -> Iterator[Path]:
    """A new temporary folder beside *path* to fill; renamed to *path* when the block ends well.

    With *force*, an existing *path* is moved aside first and removed only once the new folder is
    in its place; if that rename fails, it is moved back. An error inside the block removes the
    temporary folder and leaves *path* as it was.

    Raises:
        OutputExistsError: If *path* exists and *force* is false (checked before and after
            filling the folder).
        OSError: If the parent folder does not exist or cannot be written.

    >>> import tempfile, pathlib
    >>> parent = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_directory(parent / "data") as temporary:
    ...     _ = (temporary / "a.txt").write_text("one", encoding="utf-8")
    >>> sorted(p.name for p in parent.iterdir()), (parent / "data" / "a.txt").read_text("utf-8")
    (['data'], 'one')
    """
    target = _target(path)
    _refuse_existing(target, force)
    parent = target.absolute().parent
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise type(error)(error.errno, error.strerror, str(target)) from None
    try:
        yield temporary
        _refuse_existing(target, force)
        os.chmod(temporary, 0o777 & ~_umask())  # mkdtemp's folder is private (0700)
        if target.exists() or target.is_symlink():
            aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            aside.rmdir()
            os.replace(target, aside)
            try:
                os.replace(temporary, target)
            except BaseException:
                os.replace(aside, target)
                raise
            if aside.is_dir() and not aside.is_symlink():
                shutil.rmtree(aside, ignore_errors=True)
            else:
                aside.unlink(missing_ok=True)
        else:
            os.replace(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
