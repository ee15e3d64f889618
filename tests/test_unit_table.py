"""The table of known units (``citystrategy._unit_table``) says what the registry says.

The readers, the checks and the formatting read a unit's canonical name, dimensions and exact
factor from that table, so that a command that converts nothing inexact never imports pint.
Here every entry is computed again from the registry, and the table must hold exactly the
units of the packaged data, of the parser's aliases and of the code's own unit names.
Regenerate it when this fails (``units.txt`` or the data changed)::

    python tests/test_unit_table.py > src/citystrategy/_unit_table.py
    ruff format src/citystrategy/_unit_table.py
"""

from __future__ import annotations

import csv
from importlib.resources import files
from typing import Final

from citystrategy import units
from citystrategy._unit_table import ENTRIES
from citystrategy.compare.panel import PANEL_VARIABLES
from citystrategy.io.parse import UNIT_ALIASES
from citystrategy.money import CURRENCIES
from citystrategy.validation import WHOLE_UNITS

#: Unit names the code itself writes or compares with (beside the data's and the aliases').
CODE_UNITS: Final = ("percent", "percentage_point", "count", "day", "inhabitant", "person")


def _data_units() -> set[str]:
    """The unit column of every packaged city's ``indicators.tsv``."""
    found = set()
    for city in files("citystrategy.cities").iterdir():
        table = city / "data" / "indicators.tsv"
        if table.is_file():
            rows = csv.DictReader(table.read_text(encoding="utf-8").splitlines(), delimiter="\t")
            found |= {row["unit"] for row in rows if row["unit"]}
    return found


def spellings() -> list[str]:
    """The units the table must know: as written, their canonical names and numerators."""
    written = (
        _data_units()
        | set(UNIT_ALIASES.values())
        | {v.unit for v in PANEL_VARIABLES.values()}
        | set(CURRENCIES)
        | set(WHOLE_UNITS)
        | set(CODE_UNITS)
    )
    names = written | {units.check_unit(unit) for unit in written}
    # an indicator in PLN / inhabitant takes a value printed in PLN (its numerator)
    names |= {name.split("/", 1)[0].strip() for name in set(names) if "/" in name}
    return sorted(names)


def expected() -> dict[str, units.UnitFacts]:
    """Every spelling's facts, computed from the registry (never from the table)."""
    return {name: units._facts_from_registry(name) for name in spellings()}


def test_table_says_what_the_registry_says() -> None:
    """Every entry of the table equals the registry's answer, and no spelling is missing."""
    table = {name: units.unit_facts(name) for name in ENTRIES}
    assert table == expected()


def test_table_answers_without_pint() -> None:
    """A known unit's canonical name and facts come from the table, an unknown from pint."""
    assert units._KNOWN["MWh"] == units._facts_from_registry("MWh")
    assert units.check_unit("MWh") == "megawatt_hour"
    assert "furlong" not in ENTRIES
    assert units.check_unit("furlong") == "furlong"


def render() -> str:
    """The module ``_unit_table.py``, made from the registry (format it with ruff)."""
    lines = [
        '"""The facts of the units the packaged data use, as the registry gives them.',
        "",
        "Made by ``python tests/test_unit_table.py`` (then ``ruff format``); do not edit by hand:",
        "``tests/test_unit_table.py`` checks every entry against the registry. Each entry is a",
        "spelling's canonical name, its units and its dimensions with their powers (sorted), and",
        "its exact factor to its base units (numerator, denominator, base units) or ``None``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final, TypeAlias",
        "",
        "_Powers: TypeAlias = tuple[tuple[str, float], ...]",
        "_Root: TypeAlias = tuple[int, int, tuple[tuple[str, int], ...]] | None",
        "",
        "ENTRIES: Final[dict[str, tuple[str, _Powers, _Powers, _Root]]] = {",
    ]
    for name, facts in expected().items():
        root = None if facts.root is None else (*facts.root[0].as_integer_ratio(), facts.root[1])
        entry = (facts.canonical, facts.units, facts.dimensionality, root)
        lines.append(f"    {name!r}: {entry!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
