"""Amounts in thousands of zł typed with scale words, in a Polish and in an English form."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from citystrategy.collect import read_form, write_forms
from citystrategy.errors import FormError
from citystrategy.io.parse import Amount, parse_value
from citystrategy.model import Strategy
from citystrategy.reports import describe_error
from tests.collect.helpers import fill, row_of
from tests.language import english_words, identifiers, polish_words

#: Nakłady inwestycyjne w przedsiębiorstwach, in thousands of zł (kPLN).
INVESTMENT = "KIE-3.3-02"
SHEETS = {"pl": "Wskaźniki", "en": "Indicators"}


@pytest.fixture(scope="module")
def blanks(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The empty 2024 form of strategic goal 3 (which has the investment indicator), per language."""
    folder = tmp_path_factory.mktemp("sent")
    return {
        language: write_forms(kielce, 2024, folder / language, locale=language)[2]
        for language in ("pl", "en")
    }


def _typed(blanks: dict[str, Path], tmp_path: Path, language: str, text: str) -> Path:
    """A copy of the *language* form with *text* typed as the investment indicator's value."""
    form = Path(shutil.copy(blanks[language], tmp_path / blanks[language].name))
    sheet = SHEETS[language]
    fill(form, {(sheet, f"I{row_of(form, sheet, INVESTMENT)}"): text})
    return form


def _value(form: Path, kielce: Strategy) -> Decimal | None:
    (value,) = [v for v in read_form(form, strategy=kielce).values if v.indicator == INVESTMENT]
    assert value.unit == "kiloPLN"
    return value.value


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pl", "1,6 mld zł"),
        ("pl", "1 600 mln zł"),
        ("pl", "1 600 000 tys. zł"),
        ("pl", "1 600 000 000 zł"),
        ("en", "1.6 bn PLN"),
        ("en", "1.6 billion PLN"),
        ("en", "PLN 1.6bn"),  # as English formatting writes it
        ("en", "1600 million PLN"),  # "1,600" alone is refused as ambiguous
        ("en", "1600m PLN"),
        ("en", "PLN 1600m"),
        ("en", "1,600,000 thousand PLN"),
        ("en", "1,600,000k PLN"),
        ("en", "1,600,000,000 PLN"),
        ("en", "1.6 mld zł"),  # the Polish scale words stay readable in an English form
    ],
)
def test_a_scaled_amount_is_read_in_thousands(
    blanks: dict[str, Path], tmp_path: Path, kielce: Strategy, language: str, text: str
) -> None:
    """1,6 mld zł is 1 600 000 tys. zł, in every spelling each form's language accepts."""
    form = _typed(blanks, tmp_path, language, text)
    assert _value(form, kielce) == Decimal(1_600_000)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("1.5 m", "1.5", "meter"),  # alone, 'm' is a metre, not a million
        ("10.9m PLN", "10900000", "PLN"),
        ("€30.50", "30.50", "EUR"),
        ("PLN 5,200,000.00", "5200000", "PLN"),
        ("115k", "115000", None),
    ],
)
def test_english_scale_words_are_read_only_where_unambiguous(
    text: str, number: str, unit: str | None
) -> None:
    """'m' is a million only beside a currency; a currency may stand before the number."""
    parsed = parse_value(text, locale="en")
    assert isinstance(parsed, Amount)
    assert (parsed.number, parsed.unit) == (Decimal(number), unit)


@pytest.mark.parametrize("text", ["1,6 bn PLN", "1,6 billion PLN", "PLN 1,6"])
def test_a_polish_text_does_not_take_english_scale_words(text: str) -> None:
    """Polish text keeps its own words: 'bn' and a leading 'PLN' are not read there."""
    from citystrategy.errors import ParseError

    with pytest.raises(ParseError):
        parse_value(text)


@pytest.mark.parametrize(
    ("form_language", "locale", "listed"),
    [
        ("pl", "pl", "(znane: „tys. zł”, „zł”, „mln zł”, „mld zł”)"),
        ("pl", "en", "(known: 'thousand PLN', 'PLN', 'million PLN', 'billion PLN')"),
        ("en", "en", "(known: 'thousand PLN', 'PLN', 'million PLN', 'billion PLN')"),
        ("en", "pl", "(znane: „tys. zł”, „zł”, „mln zł”, „mld zł”)"),
    ],
)
def test_an_unknown_unit_lists_every_unit_the_cell_takes(
    blanks: dict[str, Path],
    tmp_path: Path,
    kielce: Strategy,
    form_language: str,
    locale: str,
    listed: str,
) -> None:
    """The list of an unknown unit in a kPLN cell is what is read: each listed unit is taken."""
    text = "1,6 kg" if form_language == "pl" else "1.6 kg"
    form = _typed(blanks, tmp_path, form_language, text)
    with pytest.raises(FormError) as caught:
        read_form(form, strategy=kielce)
    said = describe_error(caught.value, locale=locale)
    assert listed in said
    names = [str(form), SHEETS[form_language], text]
    assert identifiers(said, names=names) == []
    if locale == "pl":
        assert english_words(said, names=names) == []
    else:
        assert polish_words(said, names=names) == []
    match = re.search(r"\((?:znane|known): (.*?)\)", said)
    assert match is not None
    number = "1,6" if form_language == "pl" else "1.6"
    for label in re.findall(r"'([^']*)'", match[1]):
        if (form_language, locale) == ("pl", "en"):
            continue  # English labels, as the reader reads; a Polish form takes Polish ones
        accepted = _typed(blanks, tmp_path, form_language, f"{number} {label}")
        assert _value(accepted, kielce) is not None, label
