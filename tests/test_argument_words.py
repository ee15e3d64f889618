"""What a refused argument should have been, worded in Polish and in English."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citystrategy.errors import CityStrategyError
from citystrategy.reports import describe_error
from citystrategy.territories import check_teryt
from citystrategy.units import check_unit
from tests.language import english_words, identifiers, polish_words


def _raise_text() -> object:
    """A number where a code (text) is expected."""
    return check_teryt(5)  # type: ignore[arg-type]


#: A call that refuses an argument, and its message in Polish and in English.
CASES: dict[str, tuple[Callable[[], object], str, str]] = {
    "a-string": (
        _raise_text,
        "„code” – dozwolone: tekst (podano 5 typu int)",
        "'code' must be a string (got 5 of type int)",
    ),
    "one-of": (
        lambda: check_teryt("26", "county"),
        "„level” – dozwolone: jedna z wartości „voivodeship”, „powiat”, „gmina” (podano „county”)",
        "'level' must be one of 'voivodeship', 'powiat', 'gmina' (got 'county')",
    ),
    "unit": (
        lambda: check_unit("kwh na mieszkańca"),
        "jednostka „kwh na mieszkańca” nie pasuje: oczekiwano jednostki z rejestru citystrategy",
        "unit 'kwh na mieszkańca' does not fit: expected a unit of the citystrategy registry",
    ),
}
NAMES: tuple[str, ...] = ("voivodeship", "powiat", "gmina", "county", "citystrategy", "int")
NAMES += ("kwh na mieszkańca", "code", "level")


@pytest.mark.parametrize("case", sorted(CASES))
def test_what_was_expected_is_worded_in_both_languages(case: str) -> None:
    """The "expected" part of an argument or unit error is a message of the catalogue."""
    call, polish, english = CASES[case]
    with pytest.raises(CityStrategyError) as raised:
        call()
    assert str(raised.value) == english
    assert describe_error(raised.value, locale="en_GB") == english
    shown = describe_error(raised.value, locale="pl_PL")
    assert shown == polish
    assert identifiers(shown, names=NAMES) == []
    assert english_words(shown, names=NAMES) == []
    assert polish_words(english, names=NAMES) == []
