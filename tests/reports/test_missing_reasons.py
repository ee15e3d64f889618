"""GUS's signs for a missing value are worded in the reader's language; a city's own text stays."""

from __future__ import annotations

import attrs
import pytest

from citystrategy.cities.kielce import load
from citystrategy.io.parse import MISSING_MARKERS
from citystrategy.model import Missing
from citystrategy.reports import describe_finding
from citystrategy.reports.cells import cell_text
from citystrategy.reports.document import Column, ColumnKind
from citystrategy.validation import FindingKind, check
from tests.language import english_words, polish_words

WORDS = {
    "x": (
        "nie dotyczy: wypełnienie pozycji niemożliwe lub niecelowe (znak GUS „x”)",
        "not applicable (GUS sign 'x')",
    ),
    ".": (
        "brak danych: nieznane lub objęte tajemnicą (znak GUS „.”)",
        "no data, not known or confidential (GUS sign '.')",
    ),
    "–": ("zjawisko nie wystąpiło (znak GUS „–”)", "no occurrence (GUS sign '–')"),
}


@pytest.mark.parametrize("marker", list(WORDS))
def test_a_gus_sign_is_worded_in_both_languages(marker: str) -> None:
    """A value missing with a GUS sign reads in Polish in the findings and in the tables."""
    kielce = load()
    missing = Missing(code="missing", marker=marker, text=MISSING_MARKERS[marker])
    first = kielce.observations[0]
    changed = attrs.evolve(first, value=None, missing=missing, raw=marker)
    strategy = attrs.evolve(kielce, observations=[changed, *kielce.observations[1:]])
    finding = next(
        f
        for f in check(strategy)
        if f.kind is FindingKind.MISSING_VALUE
        and f.code == first.indicator
        and f.detail("year") == first.year
    )
    polish, english = WORDS[marker]
    assert describe_finding(finding, locale="pl").endswith(polish)
    assert describe_finding(finding, locale="en").endswith(english)
    assert english_words(describe_finding(finding, locale="pl"), names=[first.indicator]) == []
    column = Column("value", kind=ColumnKind.NUMBER, reason_key="why")
    assert cell_text(None, column, {"why": missing.text}) == polish
    assert cell_text(None, column, {"why": missing.text}, locale="en_GB") == english
    assert polish_words(english) == []


def test_a_citys_own_reason_is_shown_as_it_is() -> None:
    """Kielce's own text for '- *' is Polish already and is not translated again."""
    column = Column("value", kind=ColumnKind.NUMBER, reason_key="why")
    own = "na dzień sporządzenia raportu brak danych w Bazie Danych Lokalnych GUS"
    assert cell_text(None, column, {"why": own}) == own
