"""docs/reference.md lists every public name; regenerate it with
``python tests/test_reference_doc.py > docs/reference.md``."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType

#: Public modules, in the order of the reference.
MODULES = (
    "citystrategy",
    "citystrategy.model",
    "citystrategy.money",
    "citystrategy.units",
    "citystrategy.percent",
    "citystrategy.errors",
    "citystrategy.territories",
    "citystrategy.io",
    "citystrategy.io.parse",
    "citystrategy.io.strategy_files",
    "citystrategy.io.catalogue_files",
    "citystrategy.cities",
    "citystrategy.cities.kielce",
    "citystrategy.programs",
    "citystrategy.programs.zmp",
    "citystrategy.funding",
    "citystrategy.frames",
    "citystrategy.costs",
    "citystrategy.progress",
    "citystrategy.validation",
    "citystrategy.formatting",
    "citystrategy.reports",
    "citystrategy.cli",
)
#: Modules that only re-export names documented elsewhere.
REEXPORTS = ("citystrategy", "citystrategy.io")
#: Descriptions of names that carry no docstring or ``#:`` comment of their own.
EXTRA = {
    "__version__": "The installed version.",
    "ureg": "The one pint unit registry of citystrategy, with the units of `units.txt`.",
    "Q_": 'Build a quantity with a Decimal magnitude, e.g. `Q_(Decimal("17"), "µg/m³")`.',
    "ParsedValue": "What `parse_value` returns: `Amount | MissingValue | SameAsAbove | CostReference`.",
    "KIELCE": "The registered Kielce adapter.",
    "CITIES": "Every registered city adapter by slug.",
}
REFERENCE = Path(__file__).parent.parent / "docs" / "reference.md"


def _first_line(obj: object) -> str:
    return (inspect.getdoc(obj) or "").split("\n")[0]


def _constant(module: ModuleType, name: str) -> str:
    """The ``#:`` comment above *name*'s definition, in the module or, for a package, in its
    submodules."""
    sources = [inspect.getsource(module)]
    if hasattr(module, "__path__"):
        sources += [
            path.read_text(encoding="utf-8")
            for path in sorted(Path(module.__path__[0]).glob("*.py"))
        ]
    for source in sources:
        found = re.search(r"((?:^#:.*\n)+)^" + re.escape(name) + r"\b", source, re.MULTILINE)
        if found is not None:
            return " ".join(line[2:].strip() for line in found.group(1).splitlines())
    return EXTRA.get(name, "")


def _entry(module: ModuleType, name: str) -> str:
    obj = getattr(module, name)
    if name in ("ureg", "Q_", "__version__", "ParsedValue"):
        return f"- **`{name}`**: {EXTRA[name]}"
    if inspect.isclass(obj):
        if issubclass(obj, Warning):
            kind = "warning"
        elif issubclass(obj, BaseException):
            kind = "exception"
        else:
            kind = "enum" if hasattr(obj, "__members__") else "class"
        members = getattr(obj, "__members__", {})
        extra = ""
        if kind == "enum":
            extra = (
                " Members: " + ", ".join(f"`{k}` (`{v.value}`)" for k, v in members.items()) + "."
            )
        return f"- **`{name}`** ({kind}): {_first_line(obj)}{extra}"
    if callable(obj):
        signature = str(inspect.signature(obj)).replace("'", "")
        return f"- **`{name}{signature}`**: {_first_line(obj)}"
    return f"- **`{name}`** (constant): {_constant(module, name)}"


def render() -> str:
    """The reference, from the modules' ``__all__`` and docstrings."""
    homes: dict[int, str] = {}
    for module_name in MODULES:
        if module_name in REEXPORTS:
            continue
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) or inspect.isfunction(obj) or name in ("ureg", "Q_"):
                homes.setdefault(id(obj), f"{module_name}.{name}")
    lines = [
        "# Reference",
        "",
        "The public API: every name in the `__all__` of each public module, with its signature and",
        "the first line of its docstring. Names not listed here are private and may change. The full",
        "docstrings (arguments, return values, errors, examples) are in the code: `help(name)`.",
        "",
        "`citystrategy` and `citystrategy.io` re-export names documented in their own modules.",
        "",
    ]
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        summary = (module.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        lines += [f"## `{module_name}`", "", summary, ""]
        for name in module.__all__:
            home = homes.get(id(getattr(module, name)))
            if module_name in REEXPORTS and home is not None:
                lines.append(f"- `{name}`: see `{home}`.")
            else:
                lines.append(_entry(module, name))
        lines.append("")
    return "\n".join(lines)


def test_reference_is_current() -> None:
    """docs/reference.md is what the public modules say (regenerate it if this fails)."""
    assert REFERENCE.read_text(encoding="utf-8") == render()


def test_every_public_name_is_documented() -> None:
    """Every name in every public __all__ has an entry with a description."""
    text = REFERENCE.read_text(encoding="utf-8")
    for module_name in MODULES:
        section = text.split(f"## `{module_name}`\n", 1)[1].split("\n## ", 1)[0]
        for name in importlib.import_module(module_name).__all__:
            entry = next((line for line in section.splitlines() if f"`{name}" in line), "")
            assert entry, f"{module_name}.{name} is not in docs/reference.md"
            assert not entry.rstrip().endswith(":"), f"{module_name}.{name} has no description"


if __name__ == "__main__":
    print(render(), end="")
