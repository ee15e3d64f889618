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
    "citystrategy.io.strategy_writer",
    "citystrategy.io.catalogue_files",
    "citystrategy.io.bdl",
    "citystrategy.cities",
    "citystrategy.cities.kielce",
    "citystrategy.programs",
    "citystrategy.programs.zmp",
    "citystrategy.funding",
    "citystrategy.frames",
    "citystrategy.costs",
    "citystrategy.progress",
    "citystrategy.validation",
    "citystrategy.compare",
    "citystrategy.formatting",
    "citystrategy.reports",
    "citystrategy.reports.tables.indicators",
    "citystrategy.reports.cells",
    "citystrategy.reports.markdown",
    "citystrategy.reports.html",
    "citystrategy.reports.word",
    "citystrategy.reports.csv",
    "citystrategy.reports.tables.projects",
    "citystrategy.reports.tables.programs",
    "citystrategy.reports.excel",
    "citystrategy.reports.charts",
    "citystrategy.reports.site",
    "citystrategy.reports.pdf",
    "citystrategy.reports.comparison",
    "citystrategy.collect",
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
#: The convention for rates, shares and levels, written once for the whole API.
RATES_SECTION = (
    "## Rates, shares and levels",
    "",
    "A bare `0.85` could mean 85% or 0,85%, so no public function takes a bare number where a",
    "rate or a share is expected:",
    "",
    "- **Rates and shares passed as arguments are percent**, given as a `Percent` (`Percent(85)`",
    '  is 85%) or as a pint quantity in percent (`Q_(85, "percent")`; a dimensionless quantity',
    '  converts, `Q_(0.85, "")` is 85%). A bare `int`, `float` or `Decimal` is an',
    "  `ArgumentTypeError` (a `TypeError`) whose message shows how to pass it",
    '  (`funding.grant(total, Decimal("0.85"))` fails). `citystrategy.percent.as_percent` does',
    "  the check.",
    "- **Rates a function computes are returned as `Percent`**, so that they can be passed back",
    "  (`grant(total, funding_rate(paid, total))`).",
    "- **Statistical levels keep their usual fraction form**: `alpha=0.05`, a confidence level",
    "  `0.95`, checked to lie strictly between 0 and 1 (`citystrategy.percent.fraction_level`).",
    "- **Measurements are data in their unit, not rate arguments.** An indicator value of 14,3%",
    '  is `Decimal("14.3")` with the unit `percent`, as printed in the source (`Observation.value`,',
    "  the `value` column of a frame); a change of a percentage is in percentage points. Record",
    "  fields that hold a rate or a share as data say so in their name or their docstring",
    "  (`Rate.percent`, `DeclaredGoalFigures.share`, `GoalCompletion.share`, `RateCheck.computed`:",
    "  numbers of percent). `formatting.format_percent` formats a number in percent (never a",
    "  fraction: `4.6` is `4,6%`) or a `Percent`; `format_percentage_points` a number in p.p.",
    "",
)
#: How the data behind ``--format json`` is typed, written once for every command.
JSON_SECTION = (
    "## JSON data",
    "",
    "The `*_data` functions of `citystrategy.reports` build what `--format json` prints; every",
    "command types its data the same way:",
    "",
    '- **Exact decimals are strings**: money amounts (`"33992885.47"`, with its currency in a',
    "  key beside it), values in an indicator's unit and targets, as printed in the source. A",
    "  money amount is never a float. Integers (counts, years, the counts a report declares)",
    "  are JSON numbers. A finding's",
    '  `details` keep the texts as the source prints them (`"49,1%"`), for tracing.',
    "- **Computed numbers are strings rounded as the text shows them**, never a float and never a",
    "  string of more than 16 significant digits: shares of a cost to one decimal, checked",
    "  funding rates to two, survey intervals to one, scores to one (indicators) or two (goals),",
    "  a goal's coverage to whole percent, p-values to three significant digits, and the",
    "  progress measure, which the text does not show, to two decimals of a percent.",
    "- **Rates and shares are in percent**, in a key that ends in `_percent` (`share_percent`,",
    "  `coverage_percent`, `progress_percent`, `computed_percent`, `low_percent`,",
    "  `high_percent`) or is `percent`",
    "  itself (a programme's `rates`, exact as stated).",
    "- **A missing value is `null` with its reason beside it**, in a key named after it with the",
    '  suffix `_missing`: `"value": null, "value_missing": "missing_in_source"`. Reasons are',
    "  snake_case codes: `not_stated` (the source does not give it), `missing_in_source` (the",
    "  source marks the value missing; `missing_reason` and `missing_marker` say how),",
    "  `no_value` (there",
    "  is no value to compute it from), `not_assessable`, `not_a_survey`, `not_checkable` (see",
    "  `reason`), `not_applicable` (a kind of finding with no expected or found value),",
    "  `several_currencies`, `not_money`, `whole_strategy` (a row about the whole",
    "  strategy, not one goal), `foreign` (a territory outside Poland has no TERYT code),",
    "  `not_found` (nothing matches the query), `partial_list` (a city missing from a member",
    "  list known to be partial, such as ZMP's: its membership is unknown).",
    "- **A text is never empty**: a text that is not there is `null` with its reason, `not_stated`",
    "  where the source gives none (a figure's `qualifier`, `holder` or `note`, a programme's",
    "  `period`), `not_applicable` where it does not apply (a finding's `variant`; an indicator's",
    "  `missing` and `missing_marker` when its value is there, its `notes` when it has none).",
    "",
)


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
        *RATES_SECTION,
        *JSON_SECTION,
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
