"""pint, NumPy and pandas load only where a command or a call needs them (start-up time).

Each probe runs in a fresh interpreter, since this test session has imported everything.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "numpy", "pint")


def _loaded_after(code: str) -> list[str]:
    """The heavy modules loaded once *code* has run in a fresh interpreter."""
    probe = code + f"\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def _cli(*argv: str) -> str:
    """Code that runs the command line on *argv*, its output thrown away."""
    return (
        "import contextlib, io\n"
        "from citystrategy.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({list(argv)!r})\n"
    )


def test_reading_and_checking_kielce_loads_nothing_heavy() -> None:
    """Kielce's units are in the table of known units: reading and checking need no pint."""
    code = (
        "from citystrategy.cities import kielce\n"
        "from citystrategy.validation import check\n"
        "strategy = kielce.load()\n"
        "assert strategy.indicators and check(strategy).findings\n"
    )
    assert _loaded_after(code) == []


def test_check_and_programs_commands_load_nothing_heavy() -> None:
    """`check kielce` and `programs list` load neither pandas, NumPy nor pint."""
    assert _loaded_after(_cli("check", "kielce")) == []
    assert _loaded_after(_cli("programs", "list")) == []


def test_summary_command_loads_nothing_heavy() -> None:
    """`summary kielce` reads its cost table as plain rows: neither pandas, NumPy nor pint."""
    assert _loaded_after(_cli("summary", "kielce", "--year", "2023")) == []
    assert _loaded_after(_cli("summary", "kielce", "--year", "2023", "--format", "json")) == []


def test_assess_command_loads_pandas_but_not_pint() -> None:
    """`assess kielce` needs pandas (its tables are frames) but converts no unit with pint."""
    assert _loaded_after(_cli("assess", "kielce", "--year", "2023")) == ["pandas", "numpy"]


def test_a_unit_outside_the_table_asks_the_registry() -> None:
    """A unit the table does not know is answered by pint's registry, which loads then."""
    code = (
        "from citystrategy.units import check_unit\n"
        "assert check_unit('MWh') == 'megawatt_hour'\n"
        "import sys\n"
        "assert 'pint' not in sys.modules\n"
        "assert check_unit('furlong / fortnight') == 'furlong / fortnight'\n"
    )
    assert _loaded_after(code) == ["numpy", "pint"]


def test_a_quantity_loads_the_registry_once() -> None:
    """parse_quantity builds a pint quantity of the one registry, `citystrategy.ureg`."""
    code = (
        "import citystrategy\n"
        "from citystrategy import units\n"
        "from citystrategy.io.parse import parse_quantity\n"
        "quantity = parse_quantity('1 234,5 kWh', unit='MWh')\n"
        "assert str(quantity.magnitude) == '1.2345'\n"
        "assert quantity._REGISTRY is units.ureg is citystrategy.ureg\n"
        "assert units.Q_ is units.ureg.Quantity\n"
    )
    assert _loaded_after(code) == ["numpy", "pint"]


def test_a_direction_label_does_not_load_the_progress_method() -> None:
    """Labelling a model enumeration loads no NumPy; a status is labelled as before."""
    code = (
        "from citystrategy.formatting import get_label\n"
        "from citystrategy.model import Direction\n"
        "assert get_label(Direction.LOWER_IS_BETTER, locale='en') == 'lower is better'\n"
    )
    assert _loaded_after(code) == []
    status = (
        "from citystrategy.formatting import get_label\n"
        "from citystrategy.progress import Status\n"
        "assert get_label(Status.DETERIORATION, locale='en') == 'deterioration'\n"
    )
    assert _loaded_after(status) == ["numpy"]


def test_assess_builds_no_programme_catalogue_classes() -> None:
    """A strategy loads, and `assess` runs, without the programme catalogue's model classes."""
    probe = _cli("assess", "kielce", "--year", "2023") + (
        "import sys\nprint('citystrategy.model.program' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "False"
