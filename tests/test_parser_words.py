"""argparse's own words and the operating system's reasons, in Polish and in English."""

from __future__ import annotations

import argparse
import errno

import pytest

from citystrategy._parser_words import argparse_words
from citystrategy._system import CatalogueWords, os_reason
from citystrategy.cli import main
from tests.language import english_words, identifiers, polish_words

#: The command's syntax, typed as written in any language.
SYNTAX = ("CITY", "--year", "--format", "--locale", "COMMAND", "xml", "text", "json", "csv")
SUBCOMMANDS = ("summary", "check", "assess", "programs", "cities", "territories", "init")
NAMES = (*SYNTAX, *SUBCOMMANDS, "citystrategy", "kielce", "YEAR", "LOCALE")


def _stderr(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard error of a usage error: exit code 2, nothing on stdout."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


#: argparse's errors: the arguments, then the last line in Polish and in English.
PARSE_ERRORS = {
    "required": (
        ["summary"],
        "citystrategy: błąd: wymagane argumenty: MIASTO, --year",  # the placeholder in Polish
        "citystrategy: error: the following arguments are required: CITY, --year",
    ),
    "choice": (
        ["check", "kielce", "--format", "xml"],
        "citystrategy: błąd: argument --format: nieprawidłowy wybór: 'xml' "
        "(do wyboru: 'text', 'json', 'csv')",
        "citystrategy: error: argument --format: invalid choice: 'xml' "
        "(choose from 'text', 'json', 'csv')",
    ),
    "unrecognized": (
        ["cities", "--zzz"],
        "citystrategy: błąd: nierozpoznane argumenty: --zzz",
        "citystrategy: error: unrecognized arguments: --zzz",
    ),
    "no-value": (
        ["check", "kielce", "--year"],
        "citystrategy: błąd: argument --year: oczekiwano jednej wartości",
        "citystrategy: error: argument --year: expected one argument",
    ),
}


@pytest.mark.parametrize("case", sorted(PARSE_ERRORS))
def test_argparse_errors_in_both_languages(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's usage line and errors are worded by the catalogue: Polish, or English on request."""
    argv, polish, english = PARSE_ERRORS[case]
    err = _stderr(argv, capsys)
    assert err.startswith("użycie: citystrategy")
    assert err.splitlines()[-1] == polish
    assert identifiers(err, names=NAMES) == []
    assert english_words(err, names=NAMES) == []
    assert "usage:" not in err
    assert "error:" not in err
    err = _stderr([*argv, "--locale", "en"], capsys)
    assert err.startswith("usage: citystrategy")
    assert err.splitlines()[-1] == english
    assert polish_words(err, names=NAMES) == []


def test_argparse_gets_its_own_words_back() -> None:
    """Outside the block (and after a SystemExit inside it) argparse words things as it did."""
    gettext = argparse._  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(prog="p", add_help=False)
    with pytest.raises(SystemExit), argparse_words("pl_PL"):
        parser.parse_args(["--zzz"])
    assert argparse._ is gettext  # type: ignore[attr-defined]
    assert parser.format_usage() == "usage: p\n"
    with argparse_words("en_GB"):
        assert parser.format_usage() == "usage: p\n"
    with argparse_words("pl"):
        assert parser.format_usage() == "użycie: p\n"


def test_polish_help_has_polish_section_titles(capsys: pytest.CaptureFixture[str]) -> None:
    """--help titles its sections in the chosen language."""
    assert main(["summary", "--help"]) == 0
    polish = capsys.readouterr().out
    assert "\nargumenty pozycyjne:\n" in polish
    assert "\nopcje:\n" in polish
    assert main(["summary", "--help", "--locale", "en"]) == 0
    english = capsys.readouterr().out
    assert "\npositional arguments:\n" in english
    assert "\noptions:\n" in english


@pytest.mark.parametrize(
    ("number", "polish", "english"),
    [
        (errno.ENOTEMPTY, "folder nie jest pusty", "the folder is not empty"),
        (errno.EEXIST, "już istnieje", "it exists already"),
        (errno.ENAMETOOLONG, "nazwa pliku jest za długa", "the file name is too long"),
        (
            errno.ENOTRECOVERABLE,
            "system odmówił wykonania operacji (błąd ENOTRECOVERABLE)",
            "the system refused the operation (ENOTRECOVERABLE: 'State not recoverable')",
        ),
    ],
    ids=["ENOTEMPTY", "EEXIST", "ENAMETOOLONG", "rare"],
)
def test_os_reasons_are_worded_by_the_catalogue(number: int, polish: str, english: str) -> None:
    """A common errno is a sentence of the catalogue; a rare one its name in a sentence."""
    reason = os_reason(OSError(number, "State not recoverable"))
    assert reason.render(CatalogueWords("pl_PL")) == polish
    assert reason.render(CatalogueWords("en_GB")) == english
    assert english_words(polish, names=("ENOTRECOVERABLE",)) == []


def test_a_rare_os_error_reads_as_polish_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An errno outside the common ones is worded in Polish, its name kept for a search."""

    def refuse(slug: str) -> None:
        raise OSError(errno.ENOTRECOVERABLE, "State not recoverable", "dane/strategy.toml")

    monkeypatch.setattr("citystrategy.cities.open_city", refuse)
    err = _stderr(["check", "dane"], capsys)
    assert err == (
        "citystrategy: błąd: system odmówił wykonania operacji (błąd ENOTRECOVERABLE): "
        "„dane/strategy.toml”\n"
    )
    assert english_words(err, names=("ENOTRECOVERABLE", "citystrategy")) == []
    err = _stderr(["check", "dane", "--locale", "en"], capsys)
    assert "State not recoverable" in err
    assert polish_words(err) == []
