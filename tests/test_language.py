"""The language checks of tests/language.py find what they look for."""

from __future__ import annotations

from tests.language import english_words, identifiers, polish_words


def test_the_checks_find_what_they_look_for() -> None:
    """An identifier, an English word in Polish and a Polish word in English are found; names
    and file names are not."""
    assert identifiers("rodzaj target_contradicts_direction w pliku value_2023.tsv") == [
        "target_contradicts_direction"
    ]
    assert english_words("cel osiągnięty: target achieved") == ["achieved", "target"]
    assert polish_words("I saw 2 goals, brak danych w 2023") == ["brak", "w"]
    assert english_words("Miasto for everyone", names=["Miasto for everyone"]) == []
