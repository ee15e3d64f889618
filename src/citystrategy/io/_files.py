"""Helpers shared by the readers of data folders: collected problems, typed TOML access."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, NoReturn, TypeVar

from citystrategy import _arguments
from citystrategy._i18n import N_
from citystrategy.errors import CityStrategyError, DataFileError, Message, Problem

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """Where in a file a problem is: a line (with its column, or the header) or the whole file."""

    line: int | None = None
    column: str | None = None
    header: bool = False
    whole_file: bool = False

    def problem(self, message: Message) -> Problem:
        return Problem(
            message=message,
            line=self.line,
            column=self.column,
            header=self.header,
            whole_file=self.whole_file,
        )


#: The whole file (missing, empty, unreadable).
FILE: Final = Place(whole_file=True)
#: The header line of a table.
HEADER: Final = Place(line=1, header=True)


def _place(where: Place | str) -> Place | str:
    return FILE if where == "file" else where


@dataclass
class Problems:
    """Problems found in one file; raised together when the file has been read.

    A problem is recorded at a :class:`Place` or at a key of a TOML file (its path, e.g.
    ``"strategic_goals[2].name"``), with an English template marked with ``N_`` and its values
    (``problems.add(row.where("goal"), N_("unknown goal {code!r}"), code=code)``); a
    :class:`~citystrategy.errors.DataFileError` words it in any language.
    """

    path: str
    items: list[Problem] = field(default_factory=list)

    def add(self, where: Place | str, message: str | Message, /, **values: object) -> None:
        """Record a problem: *message* is an English template of *values*, or a Message."""
        text = message if isinstance(message, Message) else Message(message, values)
        place = _place(where)
        if isinstance(place, Place):
            self.items.append(place.problem(text))
        else:
            self.items.append(Problem(message=text, key=place))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataFileError(self.path, self.items)

    def fail(self, where: Place | str, message: str, /, **values: object) -> NoReturn:
        """Add a problem the file cannot be read past, and raise every problem so far."""
        self.add(where, message, **values)
        raise DataFileError(self.path, self.items)


def as_traversable(directory: object, argument: str = "directory") -> Traversable:
    """*directory* (a path, a string or package data) as a Traversable.

    Raises:
        ArgumentTypeError: If it is none of these.
    """
    if isinstance(directory, Traversable):
        return directory
    return Path(_arguments.path(directory, argument))


def read_text(file: Traversable, problems: Problems) -> str:
    """The text of *file*, UTF-8 with or without the byte order mark spreadsheets write."""
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        problems.fail(FILE, N_("not found"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.add(Place(line=line), _not_utf8(data, error))
        problems.raise_if_any()
        raise  # unreachable


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> Message:
    """Why *data* is not UTF-8, with the encoding it probably is and how to save it right."""
    values = {"byte": data[error.start : error.start + 1], "offset": error.start}
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        template = N_(
            "not UTF-8 (byte {byte!r} at {offset}): it is UTF-16, as Excel's 'Unicode text' "
            "saves; save it as UTF-8 (in Excel: 'CSV UTF-8', or 'Text' with the encoding UTF-8)"
        )
        return Message(template, values)
    try:
        data.decode("cp1250")
    except UnicodeDecodeError:
        template = N_(
            "not UTF-8 (byte {byte!r} at {offset}); save it as UTF-8 (in Excel: 'CSV UTF-8', "
            "or 'Text' with the encoding UTF-8)"
        )
        return Message(template, values)
    template = N_(
        "not UTF-8 (byte {byte!r} at {offset}): it looks like Windows-1250, as Polish Excel "
        "saves plain text; save it as UTF-8 (in Excel: 'CSV UTF-8', or 'Text' with the "
        "encoding UTF-8)"
    )
    return Message(template, values)


def read_toml(file: Traversable) -> dict[str, Any]:
    problems = Problems(str(file))
    text = read_text(file, problems)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's own English words name the line and the column
        problems.items.append(
            Problem(message=Message(N_("syntax: {detail}"), {"detail": str(error)}))
        )
        problems.raise_if_any()
        raise  # unreachable


def get_enum(kind: type[E], raw: str, where: Place | str, problems: Problems) -> E | None:
    try:
        return kind(raw)
    except ValueError:
        allowed = tuple(member.value for member in kind)
        problems.add(where, N_("{raw!r} is not one of {allowed}"), raw=raw, allowed=allowed)
        return None


def call(
    problems: Problems, where: Place | str, build: Callable[..., T], /, *args: Any, **kwargs: Any
) -> T | None:
    """``build(*args, **kwargs)``, or ``None`` with the error recorded as a problem."""
    try:
        return build(*args, **kwargs)
    except CityStrategyError as error:
        problems.add(where, error.to_message())
        return None


def check_keys(
    table: Mapping[str, Any], known: set[str], where: Place | str, problems: Problems
) -> None:
    """A key that the format does not know is a problem: a typo must never pass silently."""
    unknown = sorted(set(table) - known)
    if unknown:
        template = N_("unknown key(s) {unknown} (known: {known})")
        problems.add(where, template, unknown=tuple(unknown), known=", ".join(sorted(known)))
