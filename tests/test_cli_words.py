"""The command's own words (help, usage errors, write failures) in Polish and in English."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from citystrategy import _i18n
from citystrategy.cli import main
from tests.language import english_words, identifiers, polish_words

ROOT = Path(__file__).resolve().parents[1]

#: argparse's own words, which stay argparse's in every language (its usage line, its section
#: titles, the prefix of its errors), and the ``prog: error:`` prefix the command shares with it.
ARGPARSE = ("usage:", "positional arguments", "options:", "citystrategy: error:", "argument")
#: The prefix of an error line, by language.
PREFIX = {"pl": "citystrategy: błąd: ", "en": "citystrategy: error: "}
#: The command's syntax, typed as written in any language: commands, options, metavars, choices.
SYNTAX = (
    "--year",
    "YEAR",
    "CITY",
    "summary",
    "check",
    "assess",
    "programs",
    "cities",
    "territories",
    "search",
    "init",
    "list",
    "show",
    "city",
    "code,name,target,status",  # the keys --columns takes
    "'population:100000-250000'",  # the example of --peers
    "voivodeship:xx",
    "unemployment_rate,population_density",  # compare's example of indicators
    "60270=lower",
    "--base-url",
    "--base-year",
    "--indicators",
    "=higher|lower",
    "territory,indicator,unit,year,value[,flag,source]",  # the columns of a long CSV
    "--cache-dir",
    "'--base-year'",
    "city_with_powiat_rights",  # --kind's choices, TerritoryKind's values
    "functional_area",
)
#: Data shown as examples: names and paths in the language of their source.
DATA = ("Kielce", "Przykładowo", "Gorzów Wlkp.", "Gorzów", "./moje-miasto")
NAMES = ARGPARSE + SYNTAX + DATA


def _stderr(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard error of ``main(argv)``, which must fail with exit code 2 and no output."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert "Traceback" not in captured.err
    return captured.err


def _assert_polish(text: str) -> None:
    """*text* holds no identifier and no English word outside the names it may show."""
    assert identifiers(text, names=NAMES) == []
    assert english_words(text, names=NAMES) == []


def _assert_english(text: str) -> None:
    """*text* holds no identifier and no Polish word outside the names it may show."""
    assert identifiers(text, names=NAMES) == []
    assert polish_words(text, names=NAMES) == []


# --- usage errors --------------------------------------------------------------------------------

#: A comparison of Kielce with the cities of its size class.
COMPARE = ["compare", "kielce", "--peers", "population:100000-250000", "--indicators", "unemployment_rate", "--year", "2023"]  # fmt: skip

#: Each usage error the command finds after parsing: its arguments and its message, whose
#: figures are written for the language (150,5 in Polish, 150.5 in English).
USAGE_ERRORS = {
    "year-without-report": (
        ["summary", "kielce", "--year", "2022"],
        "Kielce: brak raportu za 2022\xa0r. (raporty: ",
        "Kielce has no report on 2022 (reports: ",
    ),
    "window": (
        ["assess", "kielce", "--year", "2023", "--window", "0"],
        "--window musi wynosić co najmniej 1 (podano 0)",
        "--window must be at least 1 (got 0)",
    ),
    "min-coverage": (
        ["assess", "kielce", "--year", "2023", "--min-coverage", "150.5"],
        "--min-coverage musi mieścić się w przedziale 0–100 (podano 150,5)",
        "--min-coverage must lie between 0 and 100 (got 150.5)",
    ),
    "columns-with-csv": (
        ["assess", "kielce", "--year", "2023", "--format", "csv", "--columns", "code"],
        "--columns wybiera kolumny tabeli tekstowej; --format csv zawiera wszystkie",
        "--columns chooses the text table's columns; --format csv has all",
    ),
    "unknown-programme": (
        ["programs", "show", "ZMP-NOPE"],
        "nieznany program „ZMP-NOPE”; znane programy: ZMP-SMUP, ZMP-MRL,",
        "unknown programme 'ZMP-NOPE'; known: ZMP-SMUP, ZMP-MRL,",
    ),
    # the library's refusals, named by the option that gave the value
    "base-year": (
        [*COMPARE, "--base-year", "2023"],
        "„--base-year” – dozwolone: rok wcześniejszy niż 2023 (podano 2023)",
        "'--base-year' must be a year before 2023 (got 2023)",
    ),
    "voivodeship": (
        [*COMPARE[:3], "voivodeship:xx", *COMPARE[4:]],
        "„--peers” – dozwolone: nazwa województwa lub jego kod TERC (podano „xx”)",
        "'--peers' must be a voivodeship's name or TERC code (got 'xx')",
    ),
    "peers": (
        [*COMPARE[:3], "similar", *COMPARE[4:]],
        "„--peers” – dozwolone: grupa porównawcza, np. „population:100000-250000” (podano „similar”)",
        "'--peers' must be a peer group such as 'population:100000-250000' (got 'similar')",
    ),
    "search-without-text": (
        ["territories", "search"],
        "„territories search” wymaga TEKSTU, np. Gorzów albo 2661",
        "'territories search' needs a TEXT, e.g. Gorzów or 2661",
    ),
}


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_usage_errors_in_both_languages(
    case: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each usage error is one line in the chosen language, with nothing of the other one."""
    argv, polish, english = USAGE_ERRORS[case]
    err = _stderr([*argv, "--locale", language], capsys)
    assert err.count("\n") == 1
    assert err.startswith(PREFIX[language] + (polish if language == "pl" else english))
    (_assert_polish if language == "pl" else _assert_english)(err)


@pytest.mark.parametrize(
    ("argv", "polish", "english"),
    [
        (["assess", "kielce", "--year", "abc"],
         "argument --year: oczekiwano liczby całkowitej, np. 2023, podano „abc”",
         "argument --year: expected a whole number such as 2023, found 'abc'"),
        (["assess", "kielce", "--year", "2023", "--min-coverage", "sześćdziesiąt"],
         "argument --min-coverage: oczekiwano liczby, np. 60 albo 62,5, podano „sześćdziesiąt”",
         "argument --min-coverage: expected a number such as 60 or 62.5, found 'sześćdziesiąt'"),
        (["assess", "kielce", "--year", "2023", "--window", "x"],
         "argument --window: oczekiwano liczby całkowitej lat, np. 3, podano „x”",
         "argument --window: expected a whole number of years such as 3, found 'x'"),
        (["territories", "kielce"],
         "argument DZIAŁANIE: nieprawidłowy wybór: 'kielce' (do wyboru: 'search')",
         "argument ACTION: invalid choice: 'kielce' (choose from 'search')"),
        (["bdl", "fetch", "60270", "--level", "powiat", "--years", "2023-2021", "-o", "b.csv"],
         "argument --years: przedział lat „2023-2021” jest odwrócony: wpisz najpierw wcześniejszy"
         " rok, np. 2021-2023",
         "argument --years: the years '2023-2021' run backwards: write the earlier year first,"
         " e.g. 2021-2023"),
    ],
    ids=["year", "min-coverage", "window", "territories-action", "years-backwards"],
)  # fmt: skip
def test_a_value_argparse_cannot_read_says_what_it_expects(
    argv: list[str], polish: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not argparse's "invalid int value": what is expected, as the reader writes it."""
    for language, said in (("pl", polish), ("en", english)):
        err = _stderr([*argv, "--locale", language], capsys)
        assert err.splitlines()[-1] == PREFIX[language] + said
    assert main(["assess", "kielce", "--year", "2023", "--min-coverage", "62,5"]) == 0
    assert "pokrycie co najmniej 62,5%" in capsys.readouterr().out


def test_usage_errors_are_polish_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --locale every usage error reads as with --locale pl."""
    for argv, polish, _english in USAGE_ERRORS.values():
        assert _stderr(argv, capsys).startswith(PREFIX["pl"] + polish)


@pytest.mark.parametrize(
    ("locale", "message", "check"),
    [
        (
            "de_DE",
            "nieobsługiwane ustawienia regionalne „de_DE”; obsługiwane: pl, pl_PL, en, en_GB",
            _assert_polish,
        ),
        (
            "en_US",
            "unsupported locale 'en_US'; supported: pl, pl_PL, en, en_GB",
            _assert_english,
        ),
    ],
)
def test_an_unsupported_locale_is_worded_in_the_language_it_names(
    locale: str, message: str, check: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """en_US is refused in English, de_DE in Polish, the default; the usage line is argparse's."""
    err = _stderr(["check", "kielce", "--locale", locale], capsys)
    prefix = PREFIX["en" if locale == "en_US" else "pl"]
    assert err.splitlines()[-1] == f"{prefix}argument --locale: {message}"
    assert callable(check)
    check(err.splitlines()[-1])


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("pl", "brak uprawnień: „dane/strategy.toml”"),
        ("en", "permission denied: 'dane/strategy.toml'"),
    ],
)
def test_an_os_error_is_worded_by_the_catalogue(
    language: str, message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file the command may not read is one line naming it, not the C library's English."""

    def refuse(slug: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "dane/strategy.toml")

    monkeypatch.setattr("citystrategy.cities.open_city", refuse)
    err = _stderr(["check", "dane", "--locale", language], capsys)
    assert err == PREFIX[language] + f"{message}\n"
    (_assert_polish if language == "pl" else _assert_english)(err)


class _FullDisk:
    """A standard output on a full disk: every write fails with ENOSPC."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        """Nothing is buffered."""

    def isatty(self) -> bool:
        """A file, as /dev/full is."""
        return False


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("pl", "nie można zapisać wyniku: brak miejsca na urządzeniu"),
        ("en", "cannot write the output: no space left on the device"),
    ],
)
def test_a_full_disk_is_worded_in_the_chosen_language(
    language: str, message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Output that cannot be written is one line in the chosen language and exit code 2."""
    monkeypatch.setattr("sys.stdout", _FullDisk())
    assert main(["cities", "--locale", language]) == 2
    err = capsys.readouterr().err
    assert err == PREFIX[language] + f"{message}\n"
    (_assert_polish if language == "pl" else _assert_english)(err)


# --- --help --------------------------------------------------------------------------------------

COMMANDS = [
    [],
    ["summary"],
    ["check"],
    ["assess"],
    ["programs"],
    ["programs", "list"],
    ["programs", "show"],
    ["programs", "city"],
    ["cities"],
    ["territories"],
    ["init"],
    ["compare"],
    ["bdl", "fetch"],
    ["bdl", "search"],
]


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The help ``main(argv)`` prints, with exit code 0 and nothing on stderr."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    return captured.out


@pytest.mark.parametrize("command", COMMANDS, ids=lambda argv: " ".join(argv) or "citystrategy")
def test_help_in_polish_and_english(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """--help is Polish by default and English with --locale en_GB, but for argparse's words."""
    polish = _help([*command, "--help"], capsys)
    english = _help([*command, "--help", "--locale", "en_GB"], capsys)
    assert "wyświetl tę pomoc i zakończ" in polish
    assert "show this help message and exit" in english
    _assert_polish(polish)
    _assert_english(english)
    assert polish.startswith("użycie: citystrategy")  # argparse's words, from the catalogue
    assert english.startswith("usage: citystrategy")
    # the same usage line, but for the placeholders, which are words too
    usage = polish.splitlines()[0].removeprefix("użycie: ")
    for pl, en in PLACEHOLDERS.items():
        usage = re.sub(rf"\b{pl}\b", en, usage)
    assert english.splitlines()[0].removeprefix("usage: ") == usage
    for word in ("usage:", "positional arguments", "options:"):
        assert word not in polish
    for en in PLACEHOLDERS.values():  # (territories' help quotes TEXT in a sentence)
        assert en == "TEXT" or not re.search(rf"\b{en}\b", polish), en


#: The placeholders of the help (argparse's metavars), in Polish and in English.
PLACEHOLDERS = {
    "MIASTO": "CITY",
    "ROK": "YEAR",
    "JĘZYK": "LOCALE",
    "POLECENIE": "COMMAND",
    "DZIAŁANIE": "ACTION",
    "TEKST": "TEXT",
    "PROCENT": "PERCENT",
    "KOLUMNY": "COLUMNS",
    "KATALOG": "CATALOGUE",
    "TEMAT": "THEME",
    "KOD": "CODE",
    "NAZWA": "NAME",
    "GRUPA": "PEERS",
    "WSKAŹNIKI": "INDICATORS",
    "WSKAŹNIK": "INDICATOR",
    "ADRES": "ADDRESS",
    "LATA": "YEARS",
    "PLIK": "FILE",
}


@pytest.mark.parametrize(
    ("command", "polish", "english"),
    [
        (["summary"], ["MIASTO", "--year ROK", "--locale JĘZYK"], ["CITY", "--year YEAR"]),
        (["report"], ["MIASTO", "-o PLIK", "--output PLIK"], ["CITY", "-o FILE"]),
        (["assess"], ["--min-coverage PROCENT", "--columns KOLUMNY"], ["--min-coverage PERCENT"]),
        (["bdl", "fetch"], ["ZMIENNA", "-o PLIK"], ["VARIABLE", "-o FILE"]),
    ],
)
def test_placeholders_are_in_the_helps_language(
    command: list[str], polish: list[str], english: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The help's placeholders read ROK, PLIK, MIASTO, JĘZYK in Polish; YEAR, FILE … in English."""
    polish_help = _help([*command, "--help"], capsys)
    english_help = _help([*command, "--help", "--locale", "en_GB"], capsys)
    assert all(word in polish_help for word in polish), polish_help
    assert all(word in english_help for word in english), english_help


def test_a_missing_argument_is_named_by_its_polish_placeholder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "summary --year 2023" without a city says MIASTO is required in Polish, CITY in English."""
    assert main(["summary", "--year", "2023"]) == 2
    assert "wymagane argumenty: MIASTO" in capsys.readouterr().err
    assert main(["summary", "--year", "2023", "--locale", "en"]) == 2
    assert "the following arguments are required: CITY" in capsys.readouterr().err


def test_help_of_an_option_shows_its_default_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """assess --help words each option in the chosen language, defaults included."""
    polish = " ".join(_help(["assess", "--help"], capsys).split())
    english = " ".join(_help(["assess", "--help", "--locale", "en"], capsys).split())
    assert "okno kroczące N lat (domyślnie: od pierwszego roku)" in polish
    assert "rolling window of N years (default: from the first year)" in english
    assert "w procentach (domyślnie: 60)" in polish
    assert "percent of scored indicators a goal needs (default: 60)" in english


# --- the extraction keywords ---------------------------------------------------------------------


def test_the_howto_extracts_with_every_keyword() -> None:
    """The pybabel command of docs/howto/translate.md names every keyword of _i18n.KEYWORDS."""
    howto = (ROOT / "docs" / "howto" / "translate.md").read_text(encoding="utf-8")
    command = next(line for line in howto.splitlines() if line.startswith("pybabel extract"))
    assert sorted(re.findall(r"-k (\S+)", command)) == sorted(_i18n.KEYWORDS)
    assert {"_text:1", "_t:1"} <= set(_i18n.KEYWORDS)


def test_locale_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """--locale before the command words its help and its errors; the last --locale counts."""
    english = _help(["--locale", "en_GB", "--help"], capsys)
    assert "show this help message and exit" in english
    _assert_english(english)
    err = _stderr(["--locale", "en", "summary", "kielce", "--year", "2022"], capsys)
    assert err.startswith("citystrategy: error: Kielce has no report on 2022")
    err = _stderr(
        ["--locale", "en", "summary", "kielce", "--year", "2022", "--locale", "pl"], capsys
    )
    assert err.startswith("citystrategy: błąd: Kielce: brak raportu za 2022\xa0r.")
