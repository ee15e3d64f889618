"""The territory register: the 66 cities with powiat rights and the ZMP gminas, found by any
spelling of their names or by their codes, and the one TERYT validator."""

from __future__ import annotations

import csv
import io
import shutil
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest

from citystrategy.errors import (
    AmbiguousTerritoryError,
    DataFileError,
    ModelError,
    TerytError,
    UnknownTerritoryError,
)
from citystrategy.model import Territory, TerritoryKind, TerritoryRegister, TerytLevel
from citystrategy.reports import describe_error
from citystrategy.territories import (
    _member_territories,
    check_teryt,
    find_territories,
    find_territory,
    get_territory,
    list_territories,
    load_register,
    read_cities,
    territory_data,
    validate_teryt,
)
from tests.factories import data_file_error
from tests.language import english_words, identifiers, polish_words

DATA = files("citystrategy.territories") / "data" / "cities_with_powiat_rights.csv"
ZMP_DATA = files("citystrategy.programs.zmp") / "data"


def _rows(file: object) -> list[dict[str, str]]:
    """The rows of a packaged CSV file, read with the csv module."""
    assert hasattr(file, "read_text")
    return list(csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))))


#: The rows of the packaged cities file, read independently of the library.
CITIES = _rows(DATA)


def ascii_folded(name: str) -> str:
    """*name* in lower case without diacritics (``Łódź`` -> ``lodz``), as a user may type it."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# --- the 66 cities ---------------------------------------------------------------------------


def test_the_file_has_the_66_cities() -> None:
    """The packaged file lists the 66 cities with powiat rights, each once."""
    assert len(CITIES) == 66
    assert len({row["teryt_gmina"] for row in CITIES}) == 66


@pytest.mark.parametrize("row", CITIES, ids=[row["city"] for row in CITIES])
def test_every_city_is_found_by_name_and_codes(row: dict[str, str]) -> None:
    """Each city is found by its name, its folded lower-case name, its gmina and powiat codes."""
    found = {
        get_territory(row["city"]),
        get_territory(ascii_folded(row["city"])),
        get_territory(row["city"].upper()),
        get_territory(row["teryt_gmina"]),
        get_territory(row["teryt_powiat"]),
    }
    assert len(found) == 1
    (city,) = found
    assert city.name == row["city"]
    assert city.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS
    assert (city.teryt, city.powiat_code) == (row["teryt_gmina"], row["teryt_powiat"])
    assert city.voivodeship == row["voivodeship"]
    assert city.bdl_powiat_id == row["bdl_unit_powiat"]
    assert city.bdl_name == row["bdl_unit_name"]


@pytest.mark.parametrize("row", CITIES, ids=[row["city"] for row in CITIES])
def test_every_city_is_found_by_its_bdl_name(row: dict[str, str]) -> None:
    """BDL's unit name ("Powiat m. st. Warszawa", "Powiat m. Wałbrzych od 2013") finds the city."""
    assert get_territory(row["bdl_unit_name"]).teryt == row["teryt_gmina"]


@pytest.mark.parametrize(
    ("name", "powiat", "gmina", "bdl"),
    [
        ("Kielce", "2661", "2661011", "052615261000"),
        ("Warszawa", "1465", "1465011", "071412865000"),
        ("Gorzów Wielkopolski", "0861", "0861011", "020811361000"),
        ("Świnoujście", "3263", "3263011", "023216663000"),
        ("Wałbrzych", "0265", "0265011", "030210365000"),
    ],
    ids=["kielce", "warszawa", "gorzow", "swinoujscie", "walbrzych"],
)
def test_golden_codes(name: str, powiat: str, gmina: str, bdl: str) -> None:
    """Codes as the TERC register and GUS BDL give them (cities_with_powiat_rights.csv)."""
    city = get_territory(name)
    assert (city.powiat_code, city.teryt, city.bdl_powiat_id) == (powiat, gmina, bdl)
    assert city.bdl_gmina_id == bdl[:9] + "011"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Gorzów Wlkp.", "Gorzów Wielkopolski"),
        ("gorzow wlkp", "Gorzów Wielkopolski"),
        ("Piotrków Tryb.", "Piotrków Trybunalski"),
        ("Ruda Śl.", "Ruda Śląska"),
        ("Siemianowice Śl.", "Siemianowice Śląskie"),
        ("Piekary Sl.", "Piekary Śląskie"),
        ("Ostrowiec Św.", "Ostrowiec Świętokrzyski"),
        ("Kostrzyn n. Odrą", "Kostrzyn nad Odrą"),
        ("Bielsko - Biała", "Bielsko-Biała"),
        ("Bielsko Biała", "Bielsko-Biała"),
        ("bielsko-biala", "Bielsko-Biała"),
        ("Jastrzębie Zdrój", "Jastrzębie-Zdrój"),
        ("Jastrzębie – Zdrój", "Jastrzębie-Zdrój"),
        ("Lądek Zdrój", "Lądek-Zdrój"),
        ("m. st. Warszawa", "Warszawa"),
        ("Miasto Kielce", "Kielce"),
        ("  Łódź ", "Łódź"),
        ("świętokrzyskie", "świętokrzyskie"),
    ],
)
def test_spellings(query: str, name: str) -> None:
    """Abbreviations, hyphens with or without spaces, prefixes and case all find the territory."""
    assert get_territory(query).name == name


# --- the register as a whole -------------------------------------------------------------------


def test_the_register_holds_voivodeships_cities_and_zmp_gminas() -> None:
    """16 voivodeships, the 66 cities, and every other gmina of the three ZMP lists, once each."""
    other = {
        row["teryt_gmina"]
        for name in ("members.csv", "members_indirect.csv", "not_members.csv")
        for row in _rows(ZMP_DATA / name)
        if row["city_with_powiat_rights"] == "no"
    }
    register = list_territories()
    kinds = [t.kind for t in register]
    assert kinds.count(TerritoryKind.VOIVODESHIP) == 16
    assert kinds.count(TerritoryKind.CITY_WITH_POWIAT_RIGHTS) == 66
    assert {t.teryt for t in register if t.kind is TerritoryKind.GMINA} == other
    assert len(register) == 16 + 66 + len(other)
    assert [t.teryt for t in register] == sorted(t.teryt or "" for t in register)


def test_zmp_cities_are_the_registers_cities() -> None:
    """A ZMP list's city with powiat rights is the register's city of that code and name."""
    for name in ("members.csv", "members_indirect.csv", "not_members.csv"):
        for row in _rows(ZMP_DATA / name):
            found = get_territory(row["teryt_gmina"])
            assert found.name == row["name"]
            assert (found.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS) == (
                row["city_with_powiat_rights"] == "yes"
            )


def test_town_code_finds_the_urban_rural_gmina() -> None:
    """The town part's code (kind 4) finds its urban-rural gmina: Bierutów 0214024 -> 0214023."""
    bierutow = get_territory("0214024")
    assert (bierutow.name, bierutow.teryt, bierutow.town_teryt) == (
        "Bierutów",
        "0214023",
        "0214024",
    )


def test_the_register_is_read_once() -> None:
    """load_register returns the same register each time."""
    assert load_register() is load_register()


# --- unknown, ambiguous and bad -------------------------------------------------------------


def test_unknown_name_lists_close_matches() -> None:
    """An unknown name is an UnknownTerritoryError (a KeyError) naming the closest territories."""
    with pytest.raises(UnknownTerritoryError) as caught:
        get_territory("Radomm")
    assert isinstance(caught.value, KeyError)
    assert caught.value.close[0] == "Radom (1463011)"
    assert str(caught.value).startswith(
        "no territory 'Radomm' in the territory register (did you mean 'Radom (1463011)'"
    )


def test_unknown_code_of_a_real_powiat() -> None:
    """A valid code of a territory the register lacks (powiat kielecki, 2604) is unknown."""
    with pytest.raises(UnknownTerritoryError, match="'2604'"):
        get_territory("2604")
    assert find_territory("2604") is None


def test_ambiguous_name_lists_every_match() -> None:
    """A name two territories share is an AmbiguousTerritoryError listing both, with codes."""
    register = TerritoryRegister(
        territories=[
            Territory(name="Nowe Miasto", kind=TerritoryKind.GMINA, teryt="1420062"),
            Territory(name="Nowe Miasto", kind=TerritoryKind.GMINA, teryt="3012062"),
        ]
    )
    with pytest.raises(AmbiguousTerritoryError) as caught:
        register.get("nowe miasto")
    assert isinstance(caught.value, KeyError)
    assert caught.value.matches == ("Nowe Miasto (1420062)", "Nowe Miasto (3012062)")
    assert "give its TERYT code" in str(caught.value)
    assert register.get("3012062").teryt == "3012062"


def test_ambiguous_abbreviation() -> None:
    """An abbreviation that begins two names ("Nowe M.") is ambiguous, not a guess."""
    register = TerritoryRegister(
        territories=[
            Territory(name="Nowe Miasteczko", kind=TerritoryKind.GMINA, teryt="0807053"),
            Territory(name="Nowe Miasto", kind=TerritoryKind.GMINA, teryt="1420062"),
        ]
    )
    with pytest.raises(AmbiguousTerritoryError, match=r"'Nowe M\.' names 2 territories"):
        register.get("Nowe M.")


def test_a_register_refuses_a_repeated_code() -> None:
    """Two territories of one register never share a code."""
    with pytest.raises(ModelError, match="'2661011'"):
        TerritoryRegister(
            territories=[
                Territory(name="Kielce", kind=TerritoryKind.GMINA, teryt="2661011"),
                Territory(name="Kielce bis", kind=TerritoryKind.GMINA, teryt="2661011"),
            ]
        )


BAD_CODES = {
    "six-digits": ("266101", "expected 2, 4 or 7 digits"),
    "eight-digits": ("26610111", "expected 2, 4 or 7 digits"),
    "three-digits": ("266", "expected 2, 4 or 7 digits"),
    "letter": ("26a1011", "expected 2, 4 or 7 digits"),
    "letter-o": ("2661O11", "expected 2, 4 or 7 digits"),
    "kind-0": ("2661010", "gmina kind '0' does not exist (expected 1–5)"),
    "kind-9": ("2661019", "gmina kind '9' does not exist (expected 1–5)"),
    "kind-8": ("1465088", "gmina kind '8' does not exist (expected 1–5)"),
    "voivodeship-27": ("2761011", "voivodeship '27' does not exist"),
    "voivodeship-00": ("00", "voivodeship '00' does not exist"),
    "powiat-00": ("2600", "powiat number 00 does not exist"),
    "gmina-00": ("2661001", "gmina number 00 does not exist"),
}


@pytest.mark.parametrize(("code", "reason"), BAD_CODES.values(), ids=BAD_CODES.keys())
def test_bad_codes_are_refused_with_the_offending_text(code: str, reason: str) -> None:
    """check_teryt says why; validate_teryt and get_territory raise a TerytError showing it."""
    assert check_teryt(code) == reason
    with pytest.raises(TerytError) as caught:
        validate_teryt(code)
    assert (caught.value.code, caught.value.reason) == (code, reason)
    assert str(caught.value) == f"{code!r} is not a TERYT code: {reason}"
    assert isinstance(caught.value, ValueError)
    with pytest.raises(TerytError, match=repr(code)):
        get_territory(code)


@pytest.mark.parametrize(
    ("code", "level"),
    [("02", TerytLevel.VOIVODESHIP), ("3263", TerytLevel.POWIAT), ("0214024", TerytLevel.GMINA)],
    ids=["voivodeship", "powiat", "town"],
)
def test_valid_codes_and_their_level(code: str, level: TerytLevel) -> None:
    """A valid code's level is told by its length; asked for another level it is refused."""
    assert check_teryt(code) is None
    assert validate_teryt(code) is level
    assert validate_teryt(code, level) is level
    other = TerytLevel.POWIAT if level is not TerytLevel.POWIAT else TerytLevel.GMINA
    with pytest.raises(TerytError, match=r"expected [0-9] digits"):
        validate_teryt(code, other, location="line 3")


def test_validate_teryt_names_the_location() -> None:
    """A location given is shown after the reason."""
    with pytest.raises(TerytError, match=r"expected 7 digits \(line 3\)$"):
        validate_teryt("2661", "gmina", location="line 3")


# --- search and data ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("Ruda", ["Nowa Ruda", "Ruda Śląska"]),
        ("gorzow", ["Gorzów Wielkopolski"]),
        ("Gorzów Wlkp.", ["Gorzów Wielkopolski"]),
        ("2661", ["Kielce"]),
        ("Atlantyda", []),
    ],
    ids=["ruda", "gorzow", "gorzow-wlkp", "kielce-powiat", "none"],
)
def test_find_territories(query: str, names: list[str]) -> None:
    """A search matches a part of a folded name, or the beginning of a code."""
    assert [t.name for t in find_territories(query)] == names


def test_search_puts_the_exact_match_first() -> None:
    """The territory the name itself names comes first, then names with a word beginning so."""
    assert [t.teryt for t in find_territories("Radom")] == ["1463011", "1012011"]  # Radomsko
    assert [t.name for t in find_territories("Góra")] == ["Góra", "Jelenia Góra", "Zielona Góra"]


def test_search_by_voivodeship_code() -> None:
    """A voivodeship code finds the voivodeship and every territory in it."""
    found = find_territories("26")
    assert found[0].kind is TerritoryKind.VOIVODESHIP
    assert {t.voivodeship for t in found} == {"świętokrzyskie"}
    assert "Kielce" in {t.name for t in found}


def test_territory_data() -> None:
    """A territory's data has every code and id, None where there is none."""
    assert territory_data(get_territory("Kielce")) == {
        "teryt": "2661011",
        "name": "Kielce",
        "kind": "city_with_powiat_rights",
        "voivodeship": "świętokrzyskie",
        "powiat": "2661",
        "town_teryt": None,
        "bdl_powiat_id": "052615261000",
        "bdl_gmina_id": "052615261011",
        "bdl_name": "Powiat m. Kielce",
    }


# --- the cities file: validated on load, every problem located ----------------------------------


@pytest.fixture
def cities_file(tmp_path: Path) -> Path:
    """A copy of the packaged cities file, to corrupt."""
    target = tmp_path / "cities_with_powiat_rights.csv"
    target.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    return target


KIELCE_ROW = "Kielce,świętokrzyskie,2661,2661011,052615261000,Powiat m. Kielce"
#: A change to Kielce's row (old text, new text), where the problem is, and what it shows.
CORRUPT = {
    "powiat-letter": (",2661,", ",26a1,", "column 'teryt_powiat'", "'26a1'"),
    "gmina-kind-9": (",2661011,", ",2661019,", "column 'teryt_gmina'", "'9'"),
    "gmina-of-another-powiat": (",2661011,", ",2662011,", "column 'teryt_gmina'", "'2662011'"),
    "voivodeship": (",świętokrzyskie,", ",mazowieckie,", "column 'voivodeship'", "'mazowieckie'"),
    "bdl-gmina-id": (
        ",052615261000,",
        ",052615261011,",
        "column 'bdl_unit_powiat'",
        "'052615261011'",
    ),
    "bdl-short": (",052615261000,", ",05261526000,", "line 58", "'05261526000'"),
    "blank-name": ("Kielce,", ",", "line 58", "'name' must not be blank"),
}


@pytest.mark.parametrize(("old", "new", "where", "shows"), CORRUPT.values(), ids=CORRUPT.keys())
def test_bad_city_row_is_located(
    cities_file: Path, old: str, new: str, where: str, shows: str
) -> None:
    """A bad cell is a DataFileError naming the file, the line, the column and the text."""
    text = cities_file.read_text(encoding="utf-8")
    assert KIELCE_ROW in text
    cities_file.write_text(
        text.replace(KIELCE_ROW, KIELCE_ROW.replace(old, new, 1)), encoding="utf-8"
    )
    error = data_file_error(read_cities, cities_file)
    (problem,) = error.problems
    assert "cities_with_powiat_rights.csv" in str(error)
    assert problem.startswith("line 58")
    assert where in problem
    assert shows in problem


#: The data a problem of the cities file shows as it is: columns, codes, names, offending text.
CITY_NAMES = (
    "cities_with_powiat_rights.csv",
    "'teryt_powiat'",
    "'teryt_gmina'",
    "'voivodeship'",
    "'bdl_unit_powiat'",
    "bdl_powiat_id",
    "'name'",
    "Kielce",
    "świętokrzyskie",
    "mazowieckie",
)


@pytest.mark.parametrize(("old", "new", "where", "shows"), CORRUPT.values(), ids=CORRUPT.keys())
def test_bad_city_row_in_both_languages(
    cities_file: Path, old: str, new: str, where: str, shows: str
) -> None:
    """A bad row of a cities file reads as Polish (the line, no English) or English (no Polish)."""
    text = cities_file.read_text(encoding="utf-8")
    cities_file.write_text(
        text.replace(KIELCE_ROW, KIELCE_ROW.replace(old, new, 1)), encoding="utf-8"
    )
    error = data_file_error(read_cities, cities_file)
    names = (*CITY_NAMES, str(cities_file), repr(new.strip(",")))
    polish = describe_error(error, locale="pl")
    assert "\n  wiersz 58" in polish
    assert english_words(polish, names=names) == []
    assert identifiers(polish, names=names) == []
    english = describe_error(error, locale="en")
    assert english == str(error)
    assert polish_words(english, names=names) == []


def test_a_repeated_city_and_a_short_row_in_polish(cities_file: Path) -> None:
    """The repeated line and the count of cells are worded in Polish, in full sentences."""
    text = cities_file.read_text(encoding="utf-8").replace(KIELCE_ROW, "Kielce,świętokrzyskie,2661")
    cities_file.write_text(text + KIELCE_ROW + "\n" + KIELCE_ROW + "\n", encoding="utf-8")
    polish = describe_error(data_file_error(read_cities, cities_file), locale="pl")
    assert "\n  wiersz 58: oczekiwano komórek: 6, znaleziono: 3" in polish
    assert (
        "\n  wiersz 69, kolumna „teryt_gmina”: „2661011” dla „Kielce” powtarza wiersz 68" in polish
    )


def test_repeated_city_is_located(cities_file: Path) -> None:
    """A city listed twice is refused at its second line."""
    with cities_file.open("a", encoding="utf-8") as stream:
        stream.write(KIELCE_ROW + "\n")
    (problem,) = data_file_error(read_cities, cities_file).problems
    assert problem == "line 68, column 'teryt_gmina': '2661011' for 'Kielce' repeats line 58"


def test_missing_city_column(cities_file: Path) -> None:
    """A cities file without its bdl_unit_powiat column is refused, naming the column."""
    text = cities_file.read_text(encoding="utf-8")
    cities_file.write_text(text.replace("bdl_unit_powiat", "bdl", 1), encoding="utf-8")
    (problem,) = data_file_error(read_cities, cities_file).problems
    assert problem == "line 1 (header): missing column(s) 'bdl_unit_powiat'"


def test_short_city_row(cities_file: Path) -> None:
    """A row with fewer cells than the header is a problem naming its line."""
    text = cities_file.read_text(encoding="utf-8")
    cities_file.write_text(text.replace(KIELCE_ROW, "Kielce,świętokrzyskie,2661"), encoding="utf-8")
    assert data_file_error(read_cities, cities_file).problems == (
        "line 58: expected 6 cells, found 3",
    )


def test_the_packaged_cities_read_back() -> None:
    """read_cities on the packaged file gives the register's 66 cities."""
    cities = read_cities(DATA)
    assert len(cities) == 66
    assert set(cities) <= set(list_territories())


@pytest.fixture
def zmp_copy(tmp_path: Path) -> Path:
    """A copy of the ZMP member lists, to corrupt."""
    target = tmp_path / "zmp"
    target.mkdir()
    for name in ("members.csv", "members_indirect.csv", "not_members.csv"):
        shutil.copyfile(str(ZMP_DATA / name), target / name)
    return target


def test_a_zmp_list_that_calls_a_gmina_a_city_is_refused(zmp_copy: Path) -> None:
    """A member list row that says "city with powiat rights" of a gmina that is not one is located."""
    file = zmp_copy / "members.csv"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "Bolesławiec,dolnośląskie,0201011,,gmina miejska,no",
            "Bolesławiec,dolnośląskie,0201011,,gmina miejska,yes",
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        _member_territories(read_cities(DATA), zmp_copy)
    (problem,) = caught.value.problems
    assert problem.startswith("line 3, column 'city_with_powiat_rights': 'Bolesławiec' (0201011)")


def test_a_zmp_list_that_calls_a_city_a_gmina_is_refused(zmp_copy: Path) -> None:
    """A member list row that denies Kielce its powiat rights is located."""
    file = zmp_copy / "members.csv"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "Kielce,świętokrzyskie,2661011,,gmina miejska,yes",
            "Kielce,świętokrzyskie,2661011,,gmina miejska,no",
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        _member_territories(read_cities(DATA), zmp_copy)
    (problem,) = caught.value.problems
    assert "is the city 'Kielce'" in problem
    assert problem.startswith("line 167")
