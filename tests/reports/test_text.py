"""Tests of render_table: cells are never cut; within a terminal's width text columns wrap."""

from __future__ import annotations

import re

import pytest

from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.reports import render_table

NAME = "Stopa bezrobocia rejestrowanego w Kielcach"
ROWS = [["KIE-1.1-01", NAME, "4,6%"], ["KIE-1.1-02", "Udział osób bezrobotnych", "36,3%"]]


def test_without_a_width_every_cell_stays_whole_on_its_line() -> None:
    """No width (a file, a pipe): the name is printed whole, however wide the table gets."""
    text = render_table(["Kod", "Wskaźnik", "Obecnie"], ROWS, align="llr")
    lines = text.splitlines()
    assert len(lines) == 4
    assert NAME in lines[2]
    assert "…" not in text
    assert len(lines[1]) == 10 + 2 + len(NAME) + 2 + 7


def test_a_width_wraps_the_widest_text_column_at_spaces() -> None:
    """Within 40 columns the name wraps at spaces; codes and numbers stay on one line."""
    text = render_table(["Kod", "Wskaźnik", "Obecnie"], ROWS, align="llr", width=40)
    # 40 = 10 (code) + 2 + 19 (name) + 2 + 7 (current), written out by hand
    assert text.splitlines() == [
        "Kod         Wskaźnik             Obecnie",
        "----------  -------------------  -------",
        "KIE-1.1-01  Stopa bezrobocia        4,6%",
        "            rejestrowanego w",
        "            Kielcach",
        "KIE-1.1-02  Udział osób            36,3%",
        "            bezrobotnych",
    ]


def test_polish_letters_count_as_one_column_each() -> None:
    """ż, ó, ł, ć, ę, ś, ą, ź and ń are one column wide: the table is exactly as wide as asked."""
    rows = [["1", "zażółć gęślą jaźń zażółć gęślą jaźń", "5"]]
    text = render_table(["Nr", "Tekst", "Liczba"], rows, align="llr", width=30)
    lines = text.splitlines()
    assert max(len(line) for line in lines) == 30
    assert lines[2].startswith("1   zażółć gęślą jaźń")


def test_no_break_spaces_never_break_and_numbers_never_wrap() -> None:
    """A figure with no-break spaces and a right-aligned column stay whole when space is short."""
    rows = [["Budżet obywatelski miasta Kielce", "10\xa0000\xa0000\xa0zł"]]
    text = render_table(["Nazwa", "Kwota"], rows, align="lr", width=28)
    assert "10\xa0000\xa0000\xa0zł" in text
    assert text.splitlines()[2:] == [
        "Budżet         10\xa0000\xa0000\xa0zł",
        "obywatelski",
        "miasta Kielce",
    ]


def test_a_table_that_cannot_shrink_is_wider_not_cut() -> None:
    """When numbers and words are wider than the terminal, every character is still printed."""
    rows = [["Niepełnosprawnych", "123\xa0456\xa0789,00\xa0zł"]]
    text = render_table(["Nazwa", "Kwota"], rows, align="lr", width=10)
    assert "Niepełnosprawnych" in text.replace("\n", "")
    assert "123\xa0456\xa0789,00\xa0zł" in text


@pytest.mark.parametrize(
    ("width", "error"),
    [(0, ArgumentError), (-5, ArgumentError), (12.5, ArgumentTypeError), ("80", ArgumentTypeError)],
    ids=["zero", "negative", "float", "string"],
)
def test_a_bad_width_is_refused(width: object, error: type[Exception]) -> None:
    """A width is a whole number of characters, 1 or more."""
    with pytest.raises(error, match="width"):
        render_table(["a"], [["1"]], width=width)  # type: ignore[arg-type]


def test_a_number_columns_title_wraps_when_it_is_wider_than_its_numbers() -> None:
    """A long title over short numbers wraps at its spaces; the numbers keep their one line."""
    rows = [["Kielce", "6", "514\xa0239,53\xa0zł"]]
    text = render_table(["Miasto", "Projekty (raport)", "Koszt (raport)"], rows, width=31)
    # 31 = 6 (city) + 2 + 8 ("Projekty", "(raport)") + 2 + 13 (the amount), written out by hand
    assert text.splitlines() == [
        "Miasto  Projekty          Koszt",
        "        (raport)       (raport)",
        "------  --------  -------------",
        "Kielce         6  514\xa0239,53\xa0zł",
    ]


NAMES = [
    "Odsetek kielczanek i kielczan uważających, że Miasto Kielce zapewnia równe warunki do życia",
    "Stopa bezrobocia rejestrowanego w Kielcach",
]
WIDE = [
    [code, name, "1\xa0579\xa0375\xa0948,66\xa0zł", "1\xa0679\xa0523\xa0470,54\xa0zł", "regres"]
    for code, name in zip(("KIE-1-01", "KIE-1.1-01"), NAMES, strict=True)
]
WIDE_HEADER = ["Kod", "Wskaźnik", "Poprzednio", "Obecnie", "Ocena"]


@pytest.mark.parametrize("width", [30, 40, 60])
def test_a_table_too_wide_for_its_figures_becomes_records_within_the_width(width: int) -> None:
    """Figures too wide side by side: each row a record, no line over the width, names whole."""
    text = render_table(WIDE_HEADER, WIDE, align="llrrl", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    records = text.split("\n\n")
    assert [record.splitlines()[0] for record in records] == ["KIE-1-01", "KIE-1.1-01"]
    for record, row in zip(records, WIDE, strict=True):
        words = re.split("[ \n]+", record.strip())  # a no-break space is not a break
        for title, cell in zip(WIDE_HEADER[1:], row[1:], strict=True):
            assert f"{title}:" in words
            assert " ".join(cell.split(" ")) in " ".join(words)  # every word, in order
    assert "-" * 10 not in text  # no column rules: not a table any more


def test_a_table_that_fits_stays_a_table() -> None:
    """The same rows in a terminal wide enough stay columns under a rule."""
    text = render_table(WIDE_HEADER, WIDE, align="llrrl", width=200)
    assert text.splitlines()[1].startswith("-" * 10 + "  ")
    assert NAMES[0] in text


def test_records_keep_the_footer_under_a_rule_and_leave_empty_cells_out() -> None:
    """A footer (totals) follows the records under a rule; an empty cell is not shown."""
    footer = [["Razem", "", "1\xa0579\xa0375\xa0948,66\xa0zł", "", ""]]
    text = render_table(WIDE_HEADER, WIDE, align="llrrl", footer=footer, width=40)
    head, _, totals = text.rpartition("-" * 40 + "\n")
    assert head.endswith("Ocena: regres\n")
    assert totals == "Razem\n  Poprzednio: 1\xa0579\xa0375\xa0948,66\xa0zł"
