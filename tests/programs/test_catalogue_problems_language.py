"""The catalogue reader's problems are records: worded in Polish and in English on demand.

Each problem of a member list or of catalogue.toml keeps its place (a line and column, or a
key) and its values; :func:`citystrategy.reports.describe_error` words it in either language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citystrategy.errors import DataFileError, Problem
from citystrategy.io.catalogue_files import read_catalogue
from citystrategy.reports import describe_error
from tests.factories import data_file_error
from tests.language import english_words, identifiers, polish_words

KIELCE = "Kielce,świętokrzyskie,2661011,,gmina miejska,yes,"


def _replace(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of *old* in the file at *path* by *new*."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _error(directory: Path) -> DataFileError:
    return data_file_error(read_catalogue, directory)


def _problems(error: DataFileError, locale: str) -> list[str]:
    """The problem lines of *error* worded in *locale*, without the heading."""
    return [line.strip() for line in describe_error(error, locale=locale).splitlines()[1:]]


def _only(error: DataFileError) -> Problem:
    (record,) = error.records
    return record


def test_a_wrong_voivodeship_is_a_record_worded_in_both_languages(zmp_dir: Path) -> None:
    """The row's line and column are kept, and the message names what the code implies."""
    _replace(zmp_dir / "members.csv", KIELCE, KIELCE.replace("świętokrzyskie", "mazowieckie"))
    error = _error(zmp_dir)
    record = _only(error)
    assert (record.line, record.column, record.key) == (167, "voivodeship", None)
    assert dict(record.message.values) == {
        "expected": "świętokrzyskie",
        "code": "2661011",
        "name": "Kielce",
        "found": "mazowieckie",
    }
    assert _problems(error, "pl_PL") == [
        "wiersz 167, kolumna „voivodeship”: oczekiwano „świętokrzyskie” (województwo kodu "
        "„2661011”) dla „Kielce”, znaleziono „mazowieckie”"
    ]
    assert _problems(error, "en_GB") == [
        "line 167, column 'voivodeship': expected 'świętokrzyskie' (the voivodeship of "
        "'2661011') for 'Kielce', found 'mazowieckie'"
    ]


def test_a_flag_that_is_neither_yes_nor_no(zmp_dir: Path) -> None:
    """city_with_powiat_rights must be yes or no; the offending text is shown in both languages."""
    _replace(zmp_dir / "members.csv", KIELCE, KIELCE.replace(",yes,", ",tak,"))
    error = _error(zmp_dir)
    assert _only(error).column == "city_with_powiat_rights"
    assert _problems(error, "pl_PL") == [
        "wiersz 167, kolumna „city_with_powiat_rights”: oczekiwano „yes” albo „no”, "
        "znaleziono „tak”"
    ]
    assert _problems(error, "en_GB") == [
        "line 167, column 'city_with_powiat_rights': expected 'yes' or 'no', found 'tak'"
    ]


def test_a_row_of_the_wrong_length_in_both_languages(zmp_dir: Path) -> None:
    """A short row names its line and the two counts, in a form with no plural to agree."""
    path = zmp_dir / "members.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[166] = "Kielce,świętokrzyskie,2661011"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _error(zmp_dir)
    assert dict(_only(error).message.values) == {"expected": 9, "found": 3}
    assert _problems(error, "pl_PL") == ["wiersz 167: oczekiwano komórek: 9, znaleziono: 3"]
    assert _problems(error, "en_GB") == ["line 167: expected 9 cells, found 3"]


def test_an_unknown_source_and_a_rate_not_as_printed(zmp_dir: Path) -> None:
    """Two problems of catalogue.toml, each at its key, read as Polish and as English."""
    path = zmp_dir / "catalogue.toml"
    text = path.read_text(encoding="utf-8")
    first = text.index('source = "zmp-pages"')
    path.write_text(
        text[:first] + 'source = "zmp-strony"' + text[first + len('source = "zmp-pages"') :],
        encoding="utf-8",
    )
    _replace(path, 'rate = "85%"', "rate = 85")
    error = _error(zmp_dir)
    assert all(record.key is not None and record.line is None for record in error.records)
    polish = _problems(error, "pl_PL")
    english = _problems(error, "en_GB")
    assert len(polish) == len(english) == 2
    assert any(".source: nieznane źródło „zmp-strony” (znane: doc, " in line for line in polish), (
        polish
    )
    assert any(
        line.endswith(".rate: oczekiwano stawki zapisanej jak w druku, np. „85%”, znaleziono 85")
        for line in polish
    ), polish
    assert any(".source: unknown source 'zmp-strony' (known: doc, " in line for line in english), (
        english
    )
    assert any(
        line.endswith(".rate: expected a rate as printed, e.g. '85%', found 85") for line in english
    ), english


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        (
            KIELCE,
            KIELCE.replace("2661011", "2661013").replace("miejska", "miejsko-wiejska"),
            "teryt_town",
        ),
        (KIELCE, KIELCE.replace("gmina miejska", "gmina wiejska"), "gmina_kind"),
    ],
    ids=["urban-rural-without-town", "kind-digit"],
)
def test_member_list_problems_read_as_one_language(
    zmp_dir: Path, old: str, new: str, column: str
) -> None:
    """Polish has no English phrase and no identifier but the file's own names; and vice versa."""
    _replace(zmp_dir / "members.csv", old, new)
    error = _error(zmp_dir)
    assert [record.column for record in error.records] == [column]
    names = ["members.csv", str(zmp_dir), "Kielce", "gmina miejska", "gmina wiejska"]
    names += ["gmina miejsko-wiejska"]
    names += [record.column or "" for record in error.records]
    polish = describe_error(error, locale="pl_PL")
    english = describe_error(error, locale="en_GB")
    assert identifiers(polish, names=names) == identifiers(english, names=names) == []
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []
