"""Why a TERYT code is refused, worded by the catalogue in Polish and in English."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import citystrategy.model as model
from citystrategy.cli import main
from citystrategy.errors import Message, ModelError, TerytError
from citystrategy.model import Territory, TerritoryKind
from citystrategy.model._validators import _ENTITIES
from citystrategy.reports import describe_error
from citystrategy.territories import check_teryt, teryt_problem, validate_teryt
from tests.language import english_words, identifiers, polish_words

#: A code, the level asked for, and its reason in Polish and in English (TERC: 16
#: voivodeships with even codes 02–32, gmina kinds 1–5, 2, 4 or 7 digits).
REASONS = {
    "voivodeship": (
        "2761011",
        None,
        "województwo „27” nie istnieje",
        "voivodeship '27' does not exist",
    ),
    "gmina-kind": (
        "2661019",
        None,
        "rodzaj gminy „9” nie istnieje (oczekiwano 1–5)",
        "gmina kind '9' does not exist (expected 1–5)",
    ),
    "gmina-length": ("2661", "gmina", "kod ma 7 cyfr", "expected 7 digits"),
    "powiat-length": ("26", "powiat", "kod ma 4 cyfry", "expected 4 digits"),
    "length": ("266", None, "kod ma 2, 4 lub 7 cyfr", "expected 2, 4 or 7 digits"),
}
NAMES = ("TERYT", "Przykładowo", "Territory", "citystrategy")


@pytest.mark.parametrize("case", sorted(REASONS))
def test_teryt_reasons_in_both_languages(case: str) -> None:
    """Each reason is a template with its values: Polish from the catalogue, English as given."""
    code, level, polish, english = REASONS[case]
    assert check_teryt(code, level) == english
    reason = teryt_problem(code, level)
    assert reason is not None
    assert str(reason) == english
    with pytest.raises(TerytError) as raised:
        validate_teryt(code, level)
    assert describe_error(raised.value, locale="pl") == f"„{code}” nie jest kodem TERYT: {polish}"
    assert describe_error(raised.value, locale="en") == f"{code!r} is not a TERYT code: {english}"
    for text in (polish, describe_error(raised.value, locale="pl")):
        assert english_words(text, names=NAMES) == []
        assert identifiers(text) == []
    assert polish_words(describe_error(raised.value, locale="en"), names=NAMES) == []


def test_a_territory_with_a_bad_code_words_its_reason() -> None:
    """Territory's own checks are worded by the catalogue, the code's reason nested inside."""
    with pytest.raises(ModelError) as raised:
        Territory(name="Przykładowo", kind=TerritoryKind.GMINA, teryt="2761011")
    polish = describe_error(raised.value, locale="pl")
    assert polish.endswith(
        "„teryt” musi być kodem TERYT (województwo „27” nie istnieje; podano „2761011”)"
    )
    assert english_words(polish, names=NAMES) == []
    with pytest.raises(ModelError) as raised:
        Territory(name="Przykładowo", kind=TerritoryKind.CITY_WITH_POWIAT_RIGHTS, teryt="2661")
    assert describe_error(raised.value, locale="pl").endswith(
        "kod TERYT miasta na prawach powiatu ma 7 cyfr (podano „2661”)"
    )
    assert str(raised.value).endswith(
        "the TERYT code of a city with powiat rights has 7 digits (got '2661')"
    )


@pytest.mark.parametrize(
    ("argv", "polish", "english"),
    [
        (
            ["territories", "search", "2761011"],
            "citystrategy: błąd: „2761011” nie jest kodem TERYT: województwo „27” nie istnieje\n",
            "citystrategy: error: '2761011' is not a TERYT code: voivodeship '27' does not exist\n",
        ),
        (
            ["init", "{tmp}/x", "--teryt", "2661", "--kind", "gmina"],
            "citystrategy: błąd: jednostka terytorialna „Przykładowo”: kod TERYT gminy ma 7 cyfr (podano „2661”)\n",
            "citystrategy: error: territory 'Przykładowo': the TERYT code of a gmina has 7 digits "
            "(got '2661')\n",
        ),
    ],
    ids=["territories", "init"],
)
def test_teryt_reasons_on_the_command_line(
    argv: list[str], polish: str, english: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command words a refused code in the chosen language, as one line."""
    argv = [arg.format(tmp=tmp_path) for arg in argv]
    assert main(argv) == 2
    assert capsys.readouterr().err == polish
    assert main([*argv, "--locale", "en"]) == 2
    err = capsys.readouterr().err
    assert err == english
    assert polish_words(err, names=NAMES) == []


def test_a_blank_name_is_worded_by_the_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The model's field checks (a blank name) read as Polish, or English on request."""
    with pytest.raises(ModelError) as raised:
        Territory(name=" ", kind=TerritoryKind.GMINA)
    assert describe_error(raised.value, locale="pl") == (
        "jednostka terytorialna: pole „name” nie może być puste (podano „ ”)"
    )
    assert str(raised.value) == "a territory: 'name' must not be blank (got ' ')"
    assert main(["init", str(tmp_path / "x"), "--name", " "]) == 2
    err = capsys.readouterr().err
    assert err == (
        "citystrategy: błąd: jednostka terytorialna: pole „name” nie może być puste (podano „ ”)\n"
    )
    assert english_words(err, names=NAMES) == []
    assert main(["init", str(tmp_path / "x"), "--name", " ", "--locale", "en"]) == 2
    assert polish_words(capsys.readouterr().err, names=NAMES) == []


def test_every_model_class_is_named_by_the_catalogue() -> None:
    """A model error names its object in words (``cel strategiczny '1'``), never by a class name."""
    classes = {
        name
        for name in model.__all__
        if isinstance(getattr(model, name), type) and attrs.has(getattr(model, name))
    }
    assert classes == set(_ENTITIES)
    for name in classes:
        _attribute, named, unnamed = _ENTITIES[name]
        for template in (named, unnamed):
            if template:
                polish = describe_error(
                    ModelError(Message(template, {"key": "X"}), "?"), locale="pl"
                )
                assert name not in polish
                assert english_words(polish, names=["'X'", "X"]) == []
