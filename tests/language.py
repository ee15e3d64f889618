"""Checks that a text a user reads is in one language: no identifiers, no words of the other.

Data (strategy titles, goal and indicator names, city names, project titles) is in the language
its source was written in; pass those names as *names* so that only the software's own words are
checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["english_words", "identifiers", "polish_words"]

#: snake_case words (``target_contradicts_direction``), not file names or paths.
_IDENTIFIER = re.compile(r"(?<![\w./\\-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./\\(])")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


#: English words that never occur in Polish text, and Polish words that never occur in English
#: ("to", "on", "no", "do", "we", "limit", "program", "partner" and "status" are both).


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ENGLISH: frozenset[str] = _vocabulary(
    """
    the of and or is are not with without from for in at by this that which when
    total goal goals target targets value values project projects indicator indicators year years
    findings finding error errors warning warnings note notes base latest change status progress
    achieved funder lead member members participant city cities programme programmes programs
    share cost costs grant budget unknown missing none than between within
    higher lower better worse improved worsened unchanged significant assessable
    """
)
_POLISH: frozenset[str] = _vocabulary(
    """
    i w z ze na od nie oraz lub jest są brak cel cele celu celów wskaźnik wskaźniki
    wskaźnika wartość wartości docelowa bazowa rok roku lata lat razem koszt koszty udział
    projekt projekty projektów uwaga uwagi uwag błąd błędy błędów ostrzeżenie ostrzeżenia
    informacja informacje informacji postęp regres osiągnięty poprawa pogorszenie miasto miasta
    miast programy uczestnik członek dotyczy rodzaj opis waga zł tys mln
    """
)


def _quoted(names: Iterable[str]) -> set[str]:
    """*names*, and each name quoted as English quotes it (``'a'``) also as Polish does
    (``„a”``): a quoted value is the same name in either language's quotes."""
    found = set(names)
    found |= {_QUOTED.sub(r"„\1”", name) for name in found}
    return found


_QUOTED = re.compile(r"'([^']*)'")


def _strip(text: str, names: Iterable[str]) -> str:
    for name in sorted(_quoted(names), key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return text


def identifiers(text: str, *, names: Iterable[str] = ()) -> list[str]:
    """The snake_case identifiers in *text*, outside *names*."""
    return sorted(set(_IDENTIFIER.findall(_strip(text, names))))


def _words(text: str, vocabulary: frozenset[str], names: Iterable[str]) -> list[str]:
    words = _WORD.findall(_strip(text, names))
    # One-letter words count only as written: Polish "i" and "w", not the English "I".
    found = {word for word in words if (word if len(word) == 1 else word.lower()) in vocabulary}
    return sorted(found)


def english_words(text: str, *, names: Iterable[str] = ()) -> list[str]:
    """English words in *text* (meant to be Polish), outside *names*."""
    return _words(text, _ENGLISH, names)


def polish_words(text: str, *, names: Iterable[str] = ()) -> list[str]:
    """Polish words in *text* (meant to be English), outside *names*."""
    return _words(text, _POLISH, names)
