"""Write TOML documents for the data folder, keeping the layout of an earlier version of the file.

A document is a tree of :class:`Table` s whose entries are :class:`Value` s (a scalar or a list of
scalars, with the model's value and how to read a file's value back into it), tables and arrays of
tables. :func:`render` writes it in the canonical layout: keys in the order given, a table header
before each table with keys of its own (a blank line before it), a string with a line break or
too long for a line of 100 characters as a multi-line string starting on a new line, a list on one
line when it fits in 100 characters.

Given the text of an earlier version of the file (a *template*), :func:`render` keeps its layout
for everything still there: the order of keys and tables, the comments and blank lines before each
key or header, and the exact text of every value that reads as the same value (so ``"0,6%"`` stays
as written). A value that changed is written anew in the canonical form after the comments that
preceded it (its comment at the end of the line is dropped: it spoke of the old value); what the
template has and the document has not is left out; what is new is written where the canonical
layout puts it among its neighbours.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

#: A path in a document: keys, with the 0-based index of each element of an array of tables.
Path = tuple[str | int, ...]

_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_LINE: Final = 100


def _identity(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Value:
    """A key's value: what is written, and how to tell that a template's value is the same.

    Attributes:
        toml: The value as TOML gives it (str, int, bool, date, or a list of these).
        read: Reads a TOML value of the file into the model's value; it raises (any exception)
            for a value it cannot read.
        model: The model's value, compared with ``read(template value)``.
        optional: The value is the field's default: written only where the template writes it.
    """

    toml: Any
    read: Callable[[Any], Any] = _identity
    model: Any = None
    optional: bool = False

    def same(self, found: Any) -> bool:
        """Whether a template's TOML value *found* reads as this value."""
        expected = self.toml if self.model is None else self.model
        try:
            return bool(self.read(found) == expected)
        except Exception:
            return False


@dataclass
class Table:
    """A TOML table: values, tables and arrays of tables, in the order they are written."""

    entries: dict[str, Value | Table | list[Table]] = field(default_factory=dict)

    def values(self) -> Iterator[tuple[str, Value]]:
        return ((k, v) for k, v in self.entries.items() if isinstance(v, Value))

    def children(self) -> Iterator[tuple[str, Table | list[Table]]]:
        return ((k, v) for k, v in self.entries.items() if not isinstance(v, Value))


# --- writing values ------------------------------------------------------------------------


def _escape(text: str, *, multiline: bool) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"' and not multiline:
            out.append('\\"')
        elif char == "\n" and multiline:
            out.append("\n")
        elif char == "\t":
            out.append("\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    escaped = "".join(out)
    if multiline:
        # no run of three quotes inside, and no quote just before the closing delimiter
        escaped = escaped.replace('"""', '""\\"')
        if escaped.endswith('"'):
            escaped = escaped[:-1] + '\\"'
    return escaped


def string(text: str) -> str:
    """*text* as a TOML string: basic, or multi-line starting on a new line if it has a line break."""
    if "\n" in text or "\r" in text:
        return '"""\n' + _escape(text.replace("\r", "\\r"), multiline=True) + '"""'
    return '"' + _escape(text, multiline=False) + '"'


def scalar(value: Any) -> str:
    """One TOML value in its canonical text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    msg = f"no TOML form for {value!r}"
    raise TypeError(msg)


def key(name: str) -> str:
    """A key, bare when it can be, else quoted."""
    return name if _BARE_KEY.fullmatch(name) else string(name)


def keyval(name: str, value: Any) -> str:
    """``name = value`` in the canonical form, with its line break.

    A string longer than the line (100 characters) is a multi-line string starting on a new line.
    """
    start = f"{key(name)} = "
    if isinstance(value, str) and len(start) + len(string(value)) > _LINE:
        return start + '"""\n' + _escape(value.replace("\r", "\\r"), multiline=True) + '"""\n'
    if not isinstance(value, list):
        return start + scalar(value) + "\n"
    items = [scalar(item) for item in value]
    inline = start + "[" + ", ".join(items) + "]"
    if len(inline) <= _LINE and not any("\n" in item for item in items):
        return inline + "\n"
    return start + "[\n" + "".join(f"    {item},\n" for item in items) + "]\n"


def _header(path: Path, array: bool) -> str:
    keys = ".".join(key(part) for part in path if isinstance(part, str))
    return f"[[{keys}]]\n" if array else f"[{keys}]\n"


# --- reading a template --------------------------------------------------------------------


@dataclass
class _Item:
    before: str
    text: str
    value: Any = None


@dataclass
class Layout:
    """What a template says of its layout: its items by path, and the order of keys per table.

    Attributes:
        items: Key-value and header items by path (a header's path is its table's).
        order: The keys of each table (values and sub-tables) in the template's order, by the
            table's path; also by the table's *shape* (its path with every index 0) so that an
            element the template lacks is ordered as the template's first one.
        tail: Comments and blank lines after the last item.
    """

    items: dict[Path, _Item] = field(default_factory=dict)
    order: dict[Path, list[str]] = field(default_factory=dict)
    tail: str = ""

    def _note(self, table: Path, name: str) -> None:
        for path in (table, _shape(table)):
            keys = self.order.setdefault(path, [])
            if name not in keys:
                keys.append(name)


def _shape(path: Path) -> Path:
    return tuple(0 if isinstance(part, int) else part for part in path)


_KEY_TOKEN: Final = re.compile(r'\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)\s*')


def _keys(text: str) -> list[str] | None:
    """The dotted keys at the start of *text* (``a."b c".d``), or ``None``."""
    found: list[str] = []
    position = 0
    while True:
        match = _KEY_TOKEN.match(text, position)
        if match is None:
            return None
        token = match[1]
        found.append(next(iter(tomllib.loads(f"{token} = 0"))) if token[0] in "\"'" else token)
        position = match.end()
        if text[position : position + 1] != ".":
            return found if position else None
        position += 1


def _value_at(data: dict[str, Any], keys: list[str]) -> Any:
    for name in keys:
        data = data[name]
    return data


def read_layout(text: str) -> Layout:
    """The layout of the TOML document *text* (which must be valid TOML)."""
    layout = Layout()
    lines = text.splitlines(keepends=True)
    arrays: dict[Path, int] = {}
    table: Path = ()
    before: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            before.append(line)
            index += 1
            continue
        if stripped.startswith("["):
            array = stripped.startswith("[[")
            keys = _keys(stripped[2:] if array else stripped[1:]) or []
            table = _resolve(keys, array, arrays, layout)
            layout.items[table] = _Item("".join(before), line)
            before = []
            index += 1
            continue
        keys = _keys(line) or []
        end = index + 1
        while True:
            chunk = "".join(lines[index:end])
            try:
                data = tomllib.loads(chunk)
                break
            except tomllib.TOMLDecodeError:
                if end >= len(lines):
                    raise
                end += 1
        path = (*table, *keys)
        for depth in range(len(keys)):
            layout._note((*table, *keys[:depth]), keys[depth])
        layout.items[path] = _Item("".join(before), chunk, _value_at(data, keys))
        before = []
        index = end
    layout.tail = "".join(before)
    return layout


def _resolve(keys: list[str], array: bool, arrays: dict[Path, int], layout: Layout) -> Path:
    path: Path = ()
    for depth, name in enumerate(keys):
        layout._note(path, name)
        path = (*path, name)
        if depth == len(keys) - 1 and array:
            count = arrays.get(path, 0)
            arrays[path] = count + 1
            path = (*path, count)
        elif path in arrays:
            path = (*path, arrays[path] - 1)
    return path


# --- rendering -----------------------------------------------------------------------------


def _ordered(table: Table, path: Path, layout: Layout | None) -> list[str]:
    names = list(table.entries)
    if layout is None:
        return names
    known = layout.order.get(path) or layout.order.get(_shape(path)) or []
    rank = {name: number for number, name in enumerate(known)}
    # the template's order for the keys it has; a new key right after its canonical predecessor
    placed = [name for name in known if name in table.entries]
    for number, name in enumerate(names):
        if name in rank:
            continue
        previous = [n for n in names[:number] if n in placed]
        placed.insert(placed.index(previous[-1]) + 1 if previous else 0, name)
    return placed


def render(document: Table, template: str | None = None) -> str:
    """The text of *document*, in the canonical layout or in that of *template* (see above)."""
    layout = None if template is None else read_layout(template)
    out: list[str] = []
    _table(document, (), layout, out, header=None)
    text = "".join(out)
    if layout is not None:
        text += layout.tail
    return text


def _table(
    table: Table, path: Path, layout: Layout | None, out: list[str], header: bool | None
) -> None:
    names = [
        name
        for name in _ordered(table, path, layout)
        if not (
            isinstance(entry := table.entries[name], Value)
            and entry.optional
            and (layout is None or (*path, name) not in layout.items)
        )
    ]
    values = [name for name in names if isinstance(table.entries[name], Value)]
    children = [name for name in names if not isinstance(table.entries[name], Value)]
    kept = layout.items.get(path) if layout is not None else None
    if header is not None and (values or header or kept is not None):
        before = kept.before if kept is not None else ("\n" if out else "")
        out.append(before + (kept.text if kept is not None else _header(path, header)))
    for name in values:
        value = table.entries[name]
        assert isinstance(value, Value)
        item = layout.items.get((*path, name)) if layout is not None else None
        if item is None:
            out.append(keyval(name, value.toml))
        elif value.same(item.value):
            out.append(item.before + item.text)
        else:
            out.append(item.before + keyval(name, value.toml))
    for name in children:
        child = table.entries[name]
        if isinstance(child, Table):
            _table(child, (*path, name), layout, out, header=False)
        elif isinstance(child, list):
            for number, element in enumerate(child):
                _table(element, (*path, name, number), layout, out, header=True)
