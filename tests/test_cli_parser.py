"""The command's parser builds only the chosen command's arguments; its help stays the same."""

from __future__ import annotations

import argparse

import pytest

from citystrategy.cli import _chosen_command, _parser


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The sub-commands of *parser* by name (empty if it has none)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _helps(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> dict[tuple[str, ...], str]:
    """The help of *parser* and of each of its sub-commands, nested, by command path."""
    helps = {prefix: parser.format_help()}
    for name, sub in _commands(parser).items():
        helps.update(_helps(sub, (*prefix, name)))
    return helps


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_each_command_built_alone_has_the_help_of_the_whole_parser(locale: str) -> None:
    """Built for one command, the parser gives that command and the main help word for word."""
    whole = _helps(_parser(locale))
    commands = {path[0] for path in whole if path}
    assert {"assess", "check", "summary", "programs", "collect", "compare"} <= commands
    for command in commands:
        alone = _helps(_parser(locale, [command, "--help"]))
        assert alone[()] == whole[()]
        chosen = {path: text for path, text in alone.items() if path[:1] == (command,)}
        assert chosen == {path: text for path, text in whole.items() if path[:1] == (command,)}


def test_the_other_commands_get_no_arguments() -> None:
    """A command that does not run is registered (name and help) without its arguments."""
    commands = _commands(_parser("pl_PL", ["assess", "kielce", "--year", "2023"]))
    assert {a.dest for a in commands["assess"]._actions} >= {"city", "year", "method", "columns"}
    assert [a.dest for a in commands["summary"]._actions] == []


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["assess", "kielce"], "assess"),
        (["--locale", "en", "check", "kielce"], "check"),
        (["--loc", "en", "summary"], "summary"),
        (["--locale=en", "programs", "list"], "programs"),
        (["--", "cities"], "cities"),
        (["--help"], None),
        (["--locale"], None),
        ([], None),
    ],
)
def test_the_chosen_command_is_the_first_positional_argument(
    argv: list[str], command: str | None
) -> None:
    """The command is the first argument that is neither an option nor --locale's value."""
    assert _chosen_command(argv) == command
