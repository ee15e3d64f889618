"""The command's conventions: --version, --format, --locale, closed pipes, full disks, start-up."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import citystrategy
from citystrategy import cli
from citystrategy.cli import main
from citystrategy.model import Strategy, TerritoryKind
from tests.factories import make_report, make_strategy

ROOT = Path(__file__).resolve().parents[1]
#: The version pyproject.toml declares, read independently of the installed metadata.
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
#: The message for an unsupported locale, by the language it is written in.
#: The prefix of an error line, by language.
PREFIX = {"pl": "citystrategy: błąd: ", "en": "citystrategy: error: "}
UNSUPPORTED = {
    "pl": "nieobsługiwane ustawienia regionalne „{locale}”; obsługiwane: pl, pl_PL, en, en_GB",
    "en": "unsupported locale {locale!r}; supported: pl, pl_PL, en, en_GB",
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def command(*argv: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``python -m citystrategy ARGV`` in a child process, its output captured as text."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "citystrategy", *argv],
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        **kwargs,
    )


# --- --version and --help ------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the name and the version pyproject.toml declares, and exits 0."""
    assert VERSION == "0.1.0"
    assert run(["--version"], capsys) == (0, f"citystrategy {VERSION}\n", "")


def test_package_version_is_the_metadata_version() -> None:
    """citystrategy.__version__ is the installed package's version."""
    assert citystrategy.__version__ == VERSION


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """--help prints the usage with every command and --version, and exits 0."""
    code, out, err = run(["--help"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("użycie: citystrategy ")
    for word in ("summary", "check", "assess", "programs", "cities", "init", "--version"):
        assert word in out


def test_csv_help_says_how_formulas_are_neutralised(capsys: pytest.CaptureFixture[str]) -> None:
    """The help of a command with CSV output says that formula-like cells get an apostrophe."""
    _, polish, _ = run(["check", "--help"], capsys)
    assert "są poprzedzone apostrofem" in " ".join(polish.split())
    _, english, _ = run(["check", "--help", "--locale", "en"], capsys)
    assert "begin with an apostrophe" in " ".join(english.split())


def test_territory_kinds_are_the_model_s() -> None:
    """The --kind choices the parser lists without importing the model are the model's."""
    assert list(cli._TERRITORY_KINDS) == [kind.value for kind in TerritoryKind]


# --- --format ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "formats"),
    [
        (["summary", "kielce", "--year", "2023", "--format", "xlsx"], ["text", "json", "csv"]),
        (["programs", "show", "ZMP-PPP", "--format", "csv"], ["text", "json"]),
        (["check", "kielce", "--format", "table"], ["text", "json", "csv"]),
        (["assess", "kielce", "--year", "2023", "--format", "xml"], ["text", "json", "csv"]),
    ],
    ids=["summary-xlsx", "programs-show-csv", "check-table", "assess-xml"],
)
def test_unsupported_format_is_a_usage_error(
    argv: list[str], formats: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A format a command lacks is a usage error (exit 2) naming the formats it has."""
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("użycie: citystrategy ")
    last = err.splitlines()[-1]
    assert last.startswith("citystrategy: błąd: argument --format: nieprawidłowy wybór: ")
    assert repr(argv[-1]) in last
    for name in formats:
        assert repr(name) in last


def test_check_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """check --format csv has one row per finding, the same findings as the JSON output."""
    code, out, err = run(["check", "kielce", "--format", "csv"], capsys)
    assert (code, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))  # Polish: ";" between cells
    assert rows[0] == ["severity", "kind", "code", "description"]
    data = json.loads(_output(["check", "kielce", "--format", "json"], capsys))
    expected = [[f["severity"], f["kind"], f["code"]] for f in data["findings"]]
    assert [row[:3] for row in rows[1:]] == expected
    assert len(rows) == 1 + sum(data["counts"].values())
    unit = next(row for row in rows if row[1] == "unit_mismatch")
    assert unit[2:] == [
        "KIE-1.1-03",
        "nazwa („Liczba”) wskazuje liczbę, a wartości są w procentach",
    ]


def test_check_csv_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """The description column follows --locale; the codes do not."""
    out = _output(["check", "kielce", "--format", "csv"], capsys)
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    english = list(
        csv.reader(
            io.StringIO(_output(["check", "kielce", "--format", "csv", "--locale", "en"], capsys))
        )
    )
    assert [row[:3] for row in english] == [row[:3] for row in rows]
    assert english[1][3] != rows[1][3]
    assert "target" in english[1][3]


def _output(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard output of a successful ``main(argv)``."""
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize(
    ("locale", "delimiter", "point"), [("pl", ";", ","), ("en", ",", ".")], ids=["pl", "en"]
)
def test_assess_csv_numbers(
    locale: str, delimiter: str, point: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """assess CSV: exact values as written, the locale's decimal symbol, no exponent or noise."""
    argv = ["assess", "kielce", "--year", "2023", "--format", "csv", "--locale", locale]
    rows = list(csv.DictReader(io.StringIO(_output(argv, capsys)), delimiter=delimiter))
    assert len(rows) == 112
    first = rows[0]
    assert (first["code"], first["value"], first["previous_value"]) == (
        "KIE-1-01",
        f"5{point}2",
        f"12{point}3",
    )
    assert first["change"] == f"-7{point}1"  # a number, not neutralised as text
    assert first["survey"] == "true"
    assert first["target_raw"] == "14,3%"  # the printed text, kept as it is
    missing = next(row for row in rows if row["code"] == "KIE-3.3-03")
    assert missing["value"] == ""  # no value for 2023
    other = "." if point == "," else ","
    for row in rows:
        for name in ("value", "progress", "score", "p_value", "interval_low", "target_value"):
            cell = row[name]
            assert "e" not in cell.lower()
            assert other not in cell
            if cell:
                number = Decimal(cell.replace(point, "."))  # a plain number
                assert len(number.as_tuple().digits) <= 15  # no float noise past 15 digits


class FakeAdapter:
    """A city adapter serving a given strategy."""

    slug = "testowo"
    name = "Testowo"
    teryt = "2661011"

    def __init__(self, strategy: Strategy) -> None:
        """Keep the strategy load() returns."""
        self.strategy = strategy

    def load(self) -> Strategy:
        """The strategy."""
        return self.strategy


def test_csv_neutralises_formulas(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name that a spreadsheet would run as a formula reaches the CSV prefixed with "'"."""
    formula = '=HYPERLINK("http://example.invalid","x")'
    base = make_strategy(reports=(make_report(),))
    named = [attrs.evolve(i, name=formula) if i.code == "T-1.1-01" else i for i in base.indicators]
    strategy = attrs.evolve(base, indicators=tuple(named))
    monkeypatch.setattr("citystrategy.cities.open_city", lambda slug: FakeAdapter(strategy))
    out = _output(["assess", "testowo", "--year", "2023", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out), delimiter=";"))
    assert {row["code"]: row["name"] for row in rows}["T-1.1-01"] == "'" + formula
    out = _output(
        ["assess", "testowo", "--year", "2023", "--format", "csv", "--locale", "en"], capsys
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["code"]: row["name"] for row in rows}["T-1.1-01"] == "'" + formula


def test_cities_formats(capsys: pytest.CaptureFixture[str]) -> None:
    """cities gives the same city in text, JSON and CSV."""
    assert _output(["cities"], capsys).splitlines()[-1].split() == ["kielce", "Kielce", "2661011"]
    assert json.loads(_output(["cities", "--format", "json"], capsys)) == [
        {"slug": "kielce", "name": "Kielce", "teryt": "2661011"}
    ]
    polish = _output(["cities", "--format", "csv"], capsys)
    assert polish == "slug;name;teryt\r\nkielce;Kielce;2661011\r\n"
    english = _output(["cities", "--format", "csv", "--locale", "en"], capsys)
    assert english == "slug,name,teryt\r\nkielce,Kielce,2661011\r\n"  # RFC 4180


def test_init_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """init --format json names the folder written and its files, all of which exist."""
    data = json.loads(_output(["init", str(tmp_path / "nowe"), "--format", "json"], capsys))
    assert data["folder"] == str(tmp_path / "nowe")
    assert data["files"]
    assert all((tmp_path / "nowe" / name).is_file() for name in data["files"])


# --- --locale ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("pl", "pl_PL"),
        ("pl_PL", "pl_PL"),
        ("pl-PL", "pl_PL"),
        ("PL_pl", "pl_PL"),
        ("en", "en_GB"),
        ("en_GB", "en_GB"),
        ("en-GB", "en_GB"),
        ("EN-gb", "en_GB"),
    ],
)
def test_locale_spellings(
    spelling: str, canonical: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every spelling of a supported locale gives the output of its canonical name."""
    argv = ["summary", "kielce", "--year", "2023", "--locale"]
    assert _output([*argv, spelling], capsys) == _output([*argv, canonical], capsys)


def test_locales_differ(capsys: pytest.CaptureFixture[str]) -> None:
    """pl and en are two different outputs (the spellings above are not all English)."""
    argv = ["summary", "kielce", "--year", "2023", "--locale"]
    assert "119\xa0738\xa0036,31" in _output([*argv, "pl"], capsys)
    assert "119,738,036.31" in _output([*argv, "en"], capsys)


@pytest.mark.parametrize(
    ("locale", "language"),
    [("de_DE", "pl"), ("xx", "pl"), ("en_US", "en"), ("pl_DE", "pl"), ("", "pl"), ("plPL", "pl")],
)
@pytest.mark.parametrize(
    "argv",
    [
        ["summary", "kielce", "--year", "2023"],
        ["check", "kielce"],
        ["assess", "kielce", "--year", "2023"],
        ["programs", "list"],
        ["cities"],
    ],
    ids=lambda argv: argv[0],
)
def test_unsupported_locale_is_a_usage_error(
    argv: list[str], locale: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unsupported locale is a usage error listing the supported ones, never a traceback.

    It is worded in the language the locale names when the command has it (en_US: English),
    otherwise in Polish, the default.
    """
    code, out, err = run([*argv, "--locale", locale], capsys)
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    message = UNSUPPORTED[language].format(locale=locale)
    assert err.splitlines()[-1] == PREFIX[language] + f"argument --locale: {message}"


def test_locale_with_equals_sign(capsys: pytest.CaptureFixture[str]) -> None:
    """--locale=en works as --locale en does."""
    argv = ["summary", "kielce", "--year", "2023"]
    assert _output([*argv, "--locale=en"], capsys) == _output([*argv, "--locale", "en"], capsys)


# --- errors --------------------------------------------------------------------------------------


def test_command_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A CityStrategyError from the library is one „citystrategy: błąd:” line, exit 2."""
    code, out, err = run(["programs", "list", "--catalogue", "zpp"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("citystrategy: błąd: ")
    assert err.count("\n") == 1
    assert "„zpp”" in err


def test_no_output_before_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A command that fails prints nothing on stdout (its output is written only when done)."""
    code, out, _ = run(["assess", "kielce", "--year", "2023", "--window", "0"], capsys)
    assert (code, out) == (2, "")


# --- closed pipes and full disks -----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["check", "kielce"], ["assess", "kielce", "--year", "2023", "--format", "json"], ["--help"]],
    ids=["check", "assess-json", "help"],
)
def test_closed_pipe_ends_quietly(argv: list[str]) -> None:
    """A reader that has closed the pipe before the output comes: no traceback, exit 0."""
    child = subprocess.Popen(
        [sys.executable, "-m", "citystrategy", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # the reader is gone before the first byte
    err = child.stderr.read().decode("utf-8")
    child.stderr.close()
    assert child.wait(timeout=120) == 0
    assert err == ""


def test_head_reads_the_first_line() -> None:
    """`citystrategy check kielce | head -1` prints the title and nothing on stderr."""
    shell = f"{sys.executable} -m citystrategy check kielce | head -1"
    result = subprocess.run(
        ["sh", "-c", shell], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Uwagi do danych: Strategia Rozwoju Miasta Kielce")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


@pytest.mark.parametrize(
    "argv",
    [["check", "kielce"], ["programs", "list", "--format", "json"], ["--help"], ["--version"]],
    ids=["check", "programs-json", "help", "version"],
)
@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("pl", "nie można zapisać wyniku: brak miejsca na urządzeniu"),
        ("en", "cannot write the output: no space left on the device"),
    ],
)
def test_full_disk_is_one_line_and_an_exit_code(argv: list[str], locale: str, message: str) -> None:
    """Output to a full disk: one error line on stderr in the chosen language, exit 2."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = command(*argv, "--locale", locale, stdout=full)
    assert result.returncode == 2
    assert result.stderr == PREFIX[locale] + f"{message}\n"


# --- start-up ------------------------------------------------------------------------------------

HEAVY = ("pandas", "numpy", "pint")


def _loaded_after(code: str) -> list[str]:
    """The heavy modules loaded once *code* has run in a fresh interpreter."""
    probe = code + f"\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_help_loads_no_heavy_module() -> None:
    """Importing the CLI and parsing --help or --version loads neither pandas, NumPy nor pint."""
    code = (
        "import contextlib, io\n"
        "import citystrategy.cli as cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert cli.main(['--help']) == 0\n"
        "    assert cli.main(['--version']) == 0\n"
        "    assert cli.main(['check', '--help']) == 0\n"
    )
    assert _loaded_after(code) == []


def test_package_import_loads_no_heavy_module() -> None:
    """`import citystrategy` loads nothing heavy; `from citystrategy import Q_` loads pint only."""
    assert _loaded_after("import citystrategy") == []
    assert _loaded_after("from citystrategy import Q_\nassert Q_(1, 'MWh').to('GJ').m == 3.6") == [
        "numpy",  # pint imports NumPy when it is installed
        "pint",
    ]


def test_formatting_and_reports_need_no_pandas() -> None:
    """The text reports but assess's, and progress's enumerations, load no pandas."""
    code = (
        "from citystrategy.progress import Status\n"
        "from citystrategy.reports import format_findings\n"
        "from citystrategy.validation import check\n"
    )
    assert "pandas" not in _loaded_after(code)


def test_lazy_names_resolve() -> None:
    """Every name of __all__ resolves, on the package and on progress and reports."""
    from citystrategy import progress, reports

    for module in (citystrategy, progress, reports):
        for name in module.__all__:
            assert getattr(module, name) is not None
        assert set(module.__all__) <= set(dir(module))
        with pytest.raises(AttributeError, match="no_such_name"):
            module.no_such_name  # noqa: B018


def test_lazy_table_is_all() -> None:
    """The package's table of lazy names is its __all__ (with __version__)."""
    assert sorted([*citystrategy._EXPORTS, "__version__"]) == sorted(citystrategy.__all__)


def test_q_is_the_registry_s() -> None:
    """`from citystrategy import Q_` is the shared registry's quantity: 31 791 MWh = 114 447,6 GJ."""
    from citystrategy import Q_, ureg

    quantity = Q_(Decimal("31791.00"), "MWh").to("GJ")
    assert quantity.magnitude == Decimal("114447.6")
    assert quantity._REGISTRY is ureg
