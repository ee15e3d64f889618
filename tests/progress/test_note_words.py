"""The progress notes are worded once: English in the method, Polish from the catalogue."""

from __future__ import annotations

import pytest

from citystrategy.formatting import get_label
from citystrategy.model import Direction
from citystrategy.progress import NOTES, Note, assess_series
from tests.language import english_words, identifiers, polish_words


@pytest.mark.parametrize("note", list(Note), ids=lambda note: note.value)
def test_each_note_has_one_wording(note: Note) -> None:
    """The English label is the method's text; the Polish one is its translation, in Polish."""
    assert get_label(note, locale="en_GB") == NOTES[note]
    polish = get_label(note, locale="pl_PL")
    assert polish != NOTES[note]
    assert identifiers(polish) == []
    assert english_words(polish, names=("Open SDG",)) == []
    assert polish_words(NOTES[note], names=("Open SDG",)) == []


def test_an_assessment_words_its_notes_as_reports_do() -> None:
    """Assessment.note_texts is the English the reports show (a base year moved: 2021 for 2020)."""
    result = assess_series(
        {2021: 10.0, 2023: 12.0},
        direction=Direction.HIGHER_IS_BETTER,
        target=20.0,
        base_year=2020,
        target_year=2030,
    )
    assert Note.BASE_YEAR_MOVED in result.notes
    assert result.note_texts == tuple(get_label(n, locale="en_GB") for n in result.notes)
    assert "no value in the base year: the first later year was used" in result.note_texts
