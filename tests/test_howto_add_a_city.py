"""The commands of docs/howto/add-a-city.md run as written, in order, in an empty folder."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from citystrategy.cli import main

HOWTO = Path(__file__).parent.parent / "docs" / "howto" / "add-a-city.md"


def sh_commands(text: str) -> list[list[str]]:
    """The command lines of every ```sh block of *text*, split as a shell would."""
    blocks = re.findall(r"^```sh\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    return [shlex.split(line) for block in blocks for line in block.splitlines() if line.strip()]


def test_howto_has_the_commands_of_its_steps() -> None:
    """The how-to shows init, check, summary and assess on a folder, as citystrategy commands."""
    commands = sh_commands(HOWTO.read_text(encoding="utf-8"))
    assert {argv[0] for argv in commands} == {"citystrategy"}
    assert [argv[1] for argv in commands] == ["init", "check", "summary", "assess", "check"]
    assert all(argv[2] == "./moje-miasto" for argv in commands)


def test_howto_commands_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command of the how-to exits with 0 and writes nothing on stderr."""
    monkeypatch.chdir(tmp_path)
    for argv in sh_commands(HOWTO.read_text(encoding="utf-8")):
        code = main(argv[1:])
        captured = capsys.readouterr()
        assert (argv, code, captured.err) == (argv, 0, "")
        assert captured.out
    assert (tmp_path / "moje-miasto" / "strategy.toml").is_file()
