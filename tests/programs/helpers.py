"""Helpers of the programme-catalogue tests: the source document and small look-ups."""

from __future__ import annotations

import re
from pathlib import Path

from citystrategy.model import Catalogue, Participant, ParticipantRole, Program

#: The source document, verbatim, after one comment line naming it.
EXCERPT = Path(__file__).parents[1] / "data" / "zmp_projekty_excerpt.txt"


def read_excerpt() -> str:
    """The source document as printed (markdown emphasis kept), without the comment line."""
    lines = EXCERPT.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# Projekty Związku Miast Polskich")
    return "\n".join(lines[1:])


def plain(text: str) -> str:
    """*text* without markdown emphasis (``**``, ``*``) and with every run of spaces as one."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def codes(programs: tuple[Program, ...]) -> list[str]:
    """The codes of *programs*, in order."""
    return [program.code for program in programs]


def with_role(program: Program, role: ParticipantRole) -> list[Participant]:
    """The participants of *program* with *role*, in catalogue order."""
    return [p for p in program.participants if p.role is role]


def official_names(participants: list[Participant]) -> list[str]:
    """The official (TERC) names of *participants*, in order."""
    return [p.territory.name for p in participants]


def participant(catalogue: Catalogue, code: str, name: str) -> Participant:
    """The one participant of programme *code* whose official name is *name*."""
    found = [p for p in catalogue.program(code).participants if p.territory.name == name]
    assert len(found) == 1, found
    return found[0]
