"""Helpers shared by the readers of data folders: collected problems, typed TOML access."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from citystrategy import _arguments
from citystrategy.errors import CityStrategyError, DataFileError

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


@dataclass
class Problems:
    """Problems found in one file; raised together when the file has been read."""

    path: str
    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise DataFileError(self.path, self.items)

    def fail(self, where: str, message: str) -> NoReturn:
        """Add a problem the file cannot be read past, and raise every problem so far."""
        self.add(where, message)
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
        problems.fail("file", "not found")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.fail(f"line {line}", _not_utf8(data, error))


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    """Why *data* is not UTF-8, with the encoding it probably is and how to save it right."""
    byte = data[error.start : error.start + 1]
    found = f"not UTF-8 (byte {byte!r} at {error.start})"
    fix = "save it as UTF-8 (in Excel: 'CSV UTF-8', or 'Text' with the encoding UTF-8)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return f"{found}: it is UTF-16, as Excel's 'Unicode text' saves; {fix}"
    try:
        data.decode("cp1250")
    except UnicodeDecodeError:
        return f"{found}; {fix}"
    return f"{found}: it looks like Windows-1250, as Polish Excel saves plain text; {fix}"


def read_toml(file: Traversable) -> dict[str, Any]:
    problems = Problems(str(file))
    text = read_text(file, problems)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.add("syntax", str(error))
        problems.raise_if_any()
        raise  # unreachable


def get_enum(kind: type[E], raw: str, where: str, problems: Problems) -> E | None:
    try:
        return kind(raw)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in kind)
        problems.add(where, f"{raw!r} is not one of {allowed}")
        return None


def call(
    problems: Problems, where: str, build: Callable[..., T], /, *args: Any, **kwargs: Any
) -> T | None:
    """``build(*args, **kwargs)``, or ``None`` with the error recorded as a problem."""
    try:
        return build(*args, **kwargs)
    except CityStrategyError as error:
        problems.add(where, str(error))
        return None


def check_keys(table: Mapping[str, Any], known: set[str], where: str, problems: Problems) -> None:
    """A key that the format does not know is a problem: a typo must never pass silently."""
    unknown = sorted(set(table) - known)
    if unknown:
        message = (
            f"unknown key(s) {', '.join(map(repr, unknown))} (known: {', '.join(sorted(known))})"
        )
        problems.add(where, message)
