"""GUS's signs for a missing value are worded in the reader's language; a city's own text stays."""

from __future__ import annotations

import attrs
import pytest

from citystrategy.cities.kielce import load
from citystrategy.io.parse import MISSING_MARKERS
from citystrategy.model import Missing, Strategy
from citystrategy.reports import describe_finding
from citystrategy.reports.annual import annual_report
from citystrategy.reports.cells import cell_text
from citystrategy.reports.document import Column, ColumnKind
from citystrategy.reports.markdown import to_markdown
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


#: KIE-1.1-01's 2023 value, replaced by GUS's sign "x" with the meaning the data keeps for it
#: (its English words, as the reader and the merge store a sign without a meaning of its own).
CODE = "KIE-1.1-01"


@pytest.fixture(scope="module")
def without_value() -> Strategy:
    """Kielce with KIE-1.1-01 missing in 2023 for GUS's "not applicable"."""
    shipped = load()
    missing = Missing(code="missing", marker="x", text=MISSING_MARKERS["x"])
    observations = tuple(
        attrs.evolve(o, value=None, missing=missing) if (o.indicator, o.year) == (CODE, 2023) else o
        for o in shipped.observations
    )
    return attrs.evolve(shipped, observations=observations)


def test_polish_report_words_the_sign_in_polish(without_value: Strategy) -> None:
    """Section 3, the findings and the data table say "nie dotyczy", never the English words."""
    text = to_markdown(annual_report(without_value, 2023), data_rows=1000)
    assert "not applicable" not in text
    assert "GUS sign" not in text
    words = "nie dotyczy: wypełnienie pozycji niemożliwe lub niecelowe (znak GUS „x”)"
    assert f"| brak wartości za 2023\xa0r. (x): {words} |" in text  # section 3
    assert f"| brak wartości | {CODE} | brak wartości za 2023\xa0r. (x): {words} |" in text
    assert f"| {CODE} | 2023 | – | % | x: {words} |" in text  # the data


def test_english_report_words_the_sign_in_english(without_value: Strategy) -> None:
    """The English report keeps the English words."""
    text = to_markdown(annual_report(without_value, 2023, locale="en_GB"), data_rows=1000)
    assert "not applicable (GUS sign 'x')" in text
    assert "nie dotyczy" not in text
