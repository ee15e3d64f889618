"""Derived figures, a zero own contribution and partners' roles, worded in Polish and English."""

from __future__ import annotations

from decimal import Decimal

import pytest

from citystrategy.cli import main
from citystrategy.errors import ModelError
from citystrategy.funding import derived_figures
from citystrategy.model import Catalogue, Derivation, Figure, FigureKind
from citystrategy.money import Money
from citystrategy.programs import zmp
from citystrategy.reports import format_program, program_data
from tests.language import english_words, identifiers, polish_words

CATALOGUE: Catalogue = zmp.load()


def _shown(code: str, locale: str) -> str:
    """``format_program`` of the catalogue's programme *code* in *locale*."""
    return format_program(CATALOGUE.program(code), sources=CATALOGUE.sources, locale=locale)


def _line(text: str, start: str) -> str:
    """The line of *text* that starts with *start* (after spaces)."""
    return next(line for line in text.splitlines() if line.lstrip().startswith(start))


def test_derived_figures_are_records() -> None:
    """The source's 90% of 50 tys. zł gives the grant and the own contribution as records."""
    grant, own = derived_figures(CATALOGUE.program("ZMP-WYPEDZENI"))
    assert (grant.derivation, own.derivation) == (
        Derivation.RATE_OF_TOTAL,
        Derivation.TOTAL_LESS_GRANT,
    )
    assert (grant.note, own.note) == ("", "")  # no English sentence to re-word
    assert [f.get("derivation") for f in program_data(CATALOGUE.program("ZMP-WYPEDZENI"))["figures"]] == [None, "rate_of_total", "total_less_grant"]  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "grant", "own"),
    [
        (
            "pl_PL",
            "wyliczona: 90% wartości całkowitej",
            "wyliczona: wartość całkowita minus dofinansowanie",
        ),
        ("en_GB", "derived: 90% of the total value", "derived: the total value less the grant"),
    ],
)
def test_how_a_figure_was_derived_is_worded(locale: str, grant: str, own: str) -> None:
    """The Source column says how a derived figure was derived, in the locale."""
    text = _shown("ZMP-WYPEDZENI", locale)
    assert _line(text, "dofinansowanie" if locale == "pl_PL" else "grant").endswith(grant)
    assert _line(text, "wkład własny" if locale == "pl_PL" else "own contribution").endswith(own)
    assert " of " not in _line(text, "dofinansowanie") if locale == "pl_PL" else True


@pytest.mark.parametrize(
    ("locale", "own", "partner"),
    [
        ("pl_PL", "wkład własny 0 zł", "Europejski Fundusz Społeczny (PO WER) – finansujący"),
        ("en_GB", "own contribution PLN 0", "Europejski Fundusz Społeczny (PO WER) – funder"),
    ],
)
def test_a_zero_own_contribution_and_a_bracketed_partner(
    locale: str, own: str, partner: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """PPP is 100% funded (10,9 mln zł): its own contribution reads 0 zł, not 0 tys. zł; the
    funder's role follows a dash after the brackets its name ends with."""
    for text in (_shown("ZMP-PPP", locale), None):
        if text is None:
            assert main(["programs", "show", "ZMP-PPP", "--locale", locale]) == 0
            text = capsys.readouterr().out
        assert own in " ".join(_line(text, own.split()[0]).split())
        assert "0 tys." not in text
        assert f"  - {partner}\n" in text
        assert ") (" not in text
        words = (" ".join(_line(text, own.split()[0]).split()), _line(text, "- Europejski"))
        for line in words:
            names = ("Europejski Fundusz Społeczny (PO WER)",)
            assert identifiers(line, names=names) == []
            if locale == "pl_PL":
                assert english_words(line, names=names) == []
            else:
                assert polish_words(line, names=names) == []


def test_a_stated_figure_has_no_derivation() -> None:
    """A figure a source states cannot claim to be derived."""
    with pytest.raises(ModelError, match="derivation"):
        Figure(
            kind=FigureKind.GRANT,
            money=Money(Decimal(1)),
            precision=Decimal(1),
            derivation=Derivation.RATE_OF_TOTAL,
        )
