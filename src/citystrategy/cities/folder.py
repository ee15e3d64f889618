"""A city's own strategy data folder, used wherever a registered city is, and a new one to start from.

A strategy data folder holds the files of :data:`citystrategy.io.strategy_files.FILES` (the format
the Kielce adapter ships, documented in the README.md that :func:`init_folder` writes into each
new folder). :class:`FolderAdapter` serves such a folder as a city adapter, so that everything
that takes a city takes a folder too; :func:`citystrategy.cities.open_city` chooses between a
registered city and a folder.

The skeleton :func:`init_folder` writes is package data (``cities/skeleton/``), like the Kielce
data: a made-up town with one strategic goal, two operational goals, five indicators of different
kinds and three projects, one of them completed. It loads with
:func:`~citystrategy.io.strategy_files.read_strategy` and passes :func:`citystrategy.check` with
no error.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Final

from attrs import field, frozen

from citystrategy._arguments import member
from citystrategy._arguments import path as path_argument
from citystrategy._arguments import text as text_argument
from citystrategy._i18n import N_
from citystrategy._system import os_reason
from citystrategy.errors import Message, StrategyFolderError
from citystrategy.model import Strategy, Territory, TerritoryKind

__all__ = ["SKELETON_FILES", "FolderAdapter", "init_folder"]

#: The files `init_folder` writes: the six data files and a README.md explaining them.
SKELETON_FILES: tuple[str, ...]  # made on first use (PEP 562): the readers load only then


def _data_files() -> tuple[str, ...]:
    """The files of a strategy data folder; the readers are imported when first needed, so a
    registered city served from the cache imports none of them."""
    from citystrategy.io.strategy_files import FILES

    return FILES


def _skeleton_files() -> tuple[str, ...]:
    return (*_data_files(), "README.md")


def __getattr__(name: str) -> object:
    """:data:`SKELETON_FILES`, made and kept on first use."""
    if name != "SKELETON_FILES":
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = _skeleton_files()
    return globals()[name]


def _shown(path: str | os.PathLike[str]) -> str:
    return os.fspath(path)


@frozen(kw_only=True)
class FolderAdapter:
    """A strategy data folder served as a city adapter; open one with `FolderAdapter.open`.

    Its name and TERYT code are the territory of the folder's ``strategy.toml``. The folder is
    read once, when it is opened, so that every problem in it shows at once.

    Attributes:
        path: The folder.
        strategy: The strategy read from it.
    """

    path: Path
    strategy: Strategy = field(repr=False, eq=False)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> FolderAdapter:
        """Read the strategy data folder at *path*.

        Raises:
            StrategyFolderError: If *path* does not exist, is a file, or lacks some of the
                files of a strategy data folder (all of them are named).
            DataFileError: If a file is malformed (with every problem of that file).
            ArgumentTypeError: If *path* is neither a string nor a path object.
        """
        folder = Path(path_argument(path, "path"))
        if not folder.exists():
            raise StrategyFolderError(_shown(path), Message(N_("no such folder")))
        if not folder.is_dir():
            template = N_("is a file, not a folder (expected a folder with {files})")
            problem = Message(template, {"files": ", ".join(_data_files())})
            raise StrategyFolderError(_shown(path), problem)
        missing = [name for name in _data_files() if not (folder / name).is_file()]
        if missing:
            template = N_(
                "lacks {missing} (a strategy data folder has {files}; "
                "`citystrategy init` writes a new one)"
            )
            values = {"missing": ", ".join(missing), "files": ", ".join(_data_files())}
            raise StrategyFolderError(_shown(path), Message(template, values))
        from citystrategy.io.strategy_files import read_strategy

        return cls(path=folder, strategy=read_strategy(folder))

    @property
    def slug(self) -> str:
        """The folder as it is named on the command line: ``"./moje-miasto"``, never a bare name.

        A bare name would mean a registered city if one had that slug, so a relative folder in
        the current directory gets a leading ``./``.
        """
        text = str(self.path)
        separators = {os.sep, os.altsep or os.sep}
        if self.path.is_absolute() or text in (os.curdir, os.pardir):
            return text
        if not any(separator in text for separator in separators):
            return os.curdir + os.sep + text
        return text

    @property
    def name(self) -> str:
        """The territory's name from ``strategy.toml``."""
        return self.strategy.territory.name

    @property
    def teryt(self) -> str | None:
        """The territory's TERYT (TERC) code from ``strategy.toml``, if it gives one."""
        return self.strategy.territory.teryt

    def load(self) -> Strategy:
        """Return the strategy read from the folder."""
        return self.strategy


#: The comment of ``strategy.toml``'s TERYT line, by language: without a code, and with one.
_TERYT_COMMENTS: Final = {
    "en": (
        "the 7-digit TERC code of the gmina (rejestr TERC, GUS): voivodeship 2 digits, powiat 2, "
        "gmina 2, gmina type 1",
        "the TERC code of the territory (rejestr TERC, GUS)",
    ),
    "pl": (
        "7-cyfrowy kod TERC gminy (rejestr TERC, GUS): województwo 2 cyfry, powiat 2, gmina 2, "
        "rodzaj gminy 1",
        "kod TERC jednostki (rejestr TERC, GUS)",
    ),
}


def _skeleton(name: str, teryt: str | None, kind: TerritoryKind, language: str) -> dict[str, str]:
    """The text of each skeleton file in *language*, the territory filled into ``strategy.toml``.

    The README and the comments of ``strategy.toml`` are in the reader's language (Polish in
    ``skeleton/pl``); the data files, Polish data with the columns' keys, are the same in both.
    """
    root = files("citystrategy.cities") / "skeleton"
    local = root / language
    texts = {
        file: ((local / file) if (local / file).is_file() else (root / file)).read_text(
            encoding="utf-8"
        )
        for file in _skeleton_files()
    }
    without, with_code = _TERYT_COMMENTS.get(language, _TERYT_COMMENTS["en"])
    if teryt is None:
        teryt_line = f'# territory_teryt = "0000000"  # {without}'
    else:
        teryt_line = f'territory_teryt = "{teryt}"  # {with_code}'
    texts["strategy.toml"] = Template(texts["strategy.toml"]).substitute(
        # JSON string syntax is valid TOML basic-string syntax: quotes and backslashes escaped
        title=json.dumps(f"Strategia Rozwoju {name} 2030", ensure_ascii=False),
        name=json.dumps(name, ensure_ascii=False),
        teryt_line=teryt_line,
        kind=kind.value,
    )
    return texts


def _new_folder(parent: Path, name: str) -> Path:
    """A new empty hidden folder in *parent* (with the default permissions, unlike mkdtemp)."""
    while True:
        candidate = parent / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        return candidate


def init_folder(
    path: str | os.PathLike[str],
    *,
    name: str = "Przykładowo",
    teryt: str | None = None,
    kind: TerritoryKind | str = TerritoryKind.GMINA,
    locale: str = "pl_PL",
) -> Path:
    """Write a small, valid, commented strategy data folder at *path* to start from.

    The folder is written whole or not at all: the files go into a new hidden folder beside
    *path*, are read back with :func:`~citystrategy.io.strategy_files.read_strategy`, and the
    folder is then renamed to *path*. Nothing is ever overwritten.

    Args:
        path: The folder to create; it may exist if it is empty. Its parent must exist.
        name: The city's or gmina's official name.
        teryt: Its TERYT (TERC) code: 7 digits for a gmina or a city with powiat rights
            (voivodeship 2, powiat 2, gmina 2, gmina type 1), 4 for a powiat, 2 for a
            voivodeship; ``None`` to write the key commented out, with an example.
        kind: What kind of territory it is (a member of :class:`TerritoryKind` or its value).
        locale: The language of the README and of the comments in ``strategy.toml``
            (``pl_PL``, the default, or ``en_GB``); the data and the keys are the same in both.

    Returns:
        The folder written.

    Raises:
        StrategyFolderError: If *path* is a file or a folder that is not empty, or its parent
            folder does not exist.
        ModelError: If *name* is blank or *teryt* is not a TERYT code of that kind.
        ArgumentTypeError: If *path* is not a path, or *name* or *teryt* is not a string.
        ArgumentError: If *kind* names no :class:`TerritoryKind`, or *locale* is not one
            citystrategy supports.
        StrategyFolderError: Also if the folder cannot be written (nothing is left behind).

    >>> import tempfile
    >>> from citystrategy.io.strategy_files import read_strategy
    >>> with tempfile.TemporaryDirectory() as parent:
    ...     folder = init_folder(Path(parent) / "moje-miasto", name="Przykładowo")
    ...     strategy = read_strategy(folder)
    >>> strategy.territory.name, len(strategy.indicators), len(strategy.projects)
    ('Przykładowo', 5, 3)
    """
    target = Path(path_argument(path, "path"))
    text_argument(name, "name")
    if teryt is not None:
        text_argument(teryt, "teryt")
    kind = member(TerritoryKind, kind, "kind")
    from citystrategy.formatting import get_language  # babel: only when a folder is written

    language = get_language(locale)
    shown = _shown(path)
    if target.is_symlink() or target.exists():
        if not target.is_dir():
            problem = Message(N_("exists and is a file; init writes a new folder"))
            raise StrategyFolderError(shown, problem)
        if any(target.iterdir()):
            template = N_(
                "exists and is not empty; init never overwrites: give a new or an empty folder"
            )
            raise StrategyFolderError(shown, Message(template))
    parent = target.absolute().parent
    if not parent.is_dir():
        if parent.exists():
            template = N_("the folder to create it in, {parent!r}, is a file")
        else:
            template = N_("the folder to create it in, {parent!r}, is missing")
        raise StrategyFolderError(shown, Message(template, {"parent": str(parent)}))
    # raises ModelError for a bad name, or a code that is no TERYT code of that kind
    Territory(name=name, kind=kind, teryt=teryt)
    texts = _skeleton(name, teryt, kind, language)
    try:
        temporary = _new_folder(parent, target.name)
    except OSError as error:
        problem = Message(N_("cannot be written here ({reason})"), {"reason": os_reason(error)})
        raise StrategyFolderError(shown, problem) from None
    try:
        for file, text in texts.items():
            (temporary / file).write_text(text, encoding="utf-8", newline="\n")
        from citystrategy.io.strategy_files import read_strategy

        read_strategy(temporary)  # never leave a folder that does not load
        if target.is_dir():
            target.rmdir()  # empty, as checked above; rmdir refuses if that changed meanwhile
        temporary.rename(target)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        problem = Message(N_("cannot be written here ({reason})"), {"reason": os_reason(error)})
        raise StrategyFolderError(shown, problem) from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target
