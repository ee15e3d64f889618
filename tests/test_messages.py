"""The Polish catalogue translates every message the code marks, and no more."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from citystrategy import _i18n

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "src" / "citystrategy" / "locale" / "pl" / "LC_MESSAGES" / "citystrategy.po"
MessageId = str | tuple[str, str]


def _keywords() -> dict[str, Any]:
    """babel's default keywords and citystrategy's own (``Nn_`` for pairs)."""
    keywords: dict[str, Any] = dict(DEFAULT_KEYWORDS)
    for keyword in _i18n.KEYWORDS:
        name, _, spec = keyword.partition(":")
        keywords[name] = tuple(int(index) for index in spec.split(","))
    return keywords


@pytest.fixture(scope="module")
def extracted() -> set[tuple[str | None, MessageId]]:
    """(context, msgid) of every message marked in the code."""
    found: set[tuple[str | None, MessageId]] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "src"), method_map=[("**.py", "python")], keywords=_keywords()
    ):
        found.add((context, message if isinstance(message, str) else (message[0], message[1])))
    return found


@pytest.fixture(scope="module")
def polish() -> Catalog:
    """The Polish catalogue, as babel reads it."""
    with PO.open("rb") as stream:
        return read_po(stream, abort_invalid=True)


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_every_marked_message_has_a_polish_translation(
    extracted: set[tuple[str | None, MessageId]], polish: Catalog
) -> None:
    """Each message, and each of the four Polish plural forms, is translated."""
    untranslated = []
    for context, message_id in sorted(extracted, key=repr):
        entry = polish.get(_key(message_id), context=context)
        string = None if entry is None else entry.string
        strings = (string,) if isinstance(string, str) else tuple(string or ())
        expected = 1 if isinstance(message_id, str) else 4
        if entry is None or len(strings) != expected or not all(strings):
            untranslated.append((context, message_id))
    assert untranslated == []


def test_the_catalogue_holds_no_message_the_code_does_not_use(
    extracted: set[tuple[str | None, MessageId]], polish: Catalog
) -> None:
    """An entry left over from removed code is an error, not dead weight."""
    used = {(context, _key(message_id)) for context, message_id in extracted}
    unused = [
        (entry.context, entry.id)
        for entry in polish
        if entry.id and (entry.context, _key(entry.id)) not in used
    ]
    assert unused == []


def test_the_catalogue_is_valid(polish: Catalog) -> None:
    """babel's checks (placeholders, plural counts) find nothing wrong."""
    problems = [(entry.id, errors) for entry, errors in polish.check() if errors]
    assert problems == []
    assert polish.num_plurals == 4


def test_a_year_is_never_parted_from_its_abbreviation(polish: Catalog) -> None:
    """``2024\xa0r.``, never ``2024 r.``, which a line may break between the year and "r."
    (Polish typography keeps them together with a non-breaking space)."""
    year = re.compile(r"(\{[a-z_]+\}|\b\d{4}) r\.")
    broken = []
    for entry in polish:
        strings = (entry.string,) if isinstance(entry.string, str) else tuple(entry.string or ())
        broken += [(entry.id, s) for s in strings if year.search(s)]
    assert broken == []


def test_a_project_is_realised_as_the_report_says(polish: Catalog) -> None:
    """A project of a year's list is "zrealizowany" (the Kielce report's "Projekty
    zrealizowane"), never "zakończony", in every message of the catalogue."""
    ended = re.compile(r"zakończ(ono|on[yea]|onych)")
    said = []
    for entry in polish:
        strings = (entry.string,) if isinstance(entry.string, str) else tuple(entry.string or ())
        said += [(entry.id, s) for s in strings if "projekt" in s and ended.search(s)]
    assert said == []


def test_the_plural_rule_agrees_with_cldr_for_whole_numbers() -> None:
    """The catalogue's Plural-Forms picks CLDR's category for every whole number to 1000."""
    index = {"one": 0, "few": 1, "many": 2}
    rule = Locale("pl").plural_form
    translations = _i18n.translations("pl")
    for n in range(1001):
        form = translations.ngettext("project", "projects", n)
        assert form == ("projekt", "projekty", "projektów")[index[rule(n)]], n


def test_languages_without_a_catalogue_show_the_english_messages() -> None:
    """English needs no catalogue; German falls back to English, with English plurals."""
    assert _i18n.language("pl-PL") == _i18n.language("pl_PL") == "pl"
    assert _i18n.language("de_DE") == "en"
    assert _i18n.ngettext("project", "projects", 1, "en_GB") == "project"
    assert _i18n.ngettext("project", "projects", 0, "de") == "projects"


def test_no_translation_runs_on_into_another_entry() -> None:
    """A translation begun on its msgstr line has no continuation lines: the catalogue writes a
    wrapped one as `msgstr ""` and its lines, so a line after a filled msgstr is a stray piece of
    another entry (as a line-based merge of the file can leave)."""
    lines = PO.read_text(encoding="utf-8").splitlines()
    stray = [
        (number + 2, lines[number + 1])
        for number, line in enumerate(lines[:-1])
        if re.match(r'msgstr(\[\d\])? ".+"$', line) and lines[number + 1].startswith('"')
    ]
    assert stray == []
