"""Reading a programme catalogue folder, and the errors that bad catalogue data gets.

Every corruption is made on a copy of the shipped ZMP data folder (the ``zmp_dir`` fixture); the
error must name the file, the programme and the field, and quote the offending text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

from citystrategy.errors import CurrencyMismatchError, DataFileError, ModelError
from citystrategy.io.catalogue_files import check_teryt, read_catalogue, read_members
from citystrategy.model import Catalogue, Program, ProgramEvent, Rate, RateKind
from citystrategy.money import Money
from tests.factories import data_file_error


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first *old* in *path* with *new* (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def read_error(directory: Path) -> DataFileError:
    """The DataFileError that reading the catalogue in *directory* raises."""
    return data_file_error(read_catalogue, directory)


# --- the shipped folder -----------------------------------------------------------------------


def test_copied_folder_reads_as_the_adapter_loads(zmp_dir: Path, catalogue: Catalogue) -> None:
    """Reading the copied data folder gives the catalogue zmp.load() returns."""
    assert read_catalogue(zmp_dir) == catalogue


def test_folder_as_a_string_path(zmp_dir: Path, catalogue: Catalogue) -> None:
    """The folder may be given as a string."""
    assert read_catalogue(str(zmp_dir)) == catalogue


def test_members_are_read_with_their_codes(zmp_dir: Path) -> None:
    """members.csv gives 168 territories (ZMP's partial list), Kielce with its code 2661011."""
    members = read_members(zmp_dir / "members.csv")
    assert len(members) == 168
    assert {m.name: m.teryt for m in members}["Kielce"] == "2661011"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("2661011", None),
        ("0861011", None),
        ("1405043", None),
        ("1405044", None),
        ("12345", "expected 2, 4 or 7 digits"),
        ("26610111", "expected 2, 4 or 7 digits"),
        ("266101a", "expected 2, 4 or 7 digits"),
        ("", "expected 2, 4 or 7 digits"),
        ("9999999", "voivodeship '99' does not exist"),
        ("2761011", "voivodeship '27' does not exist"),
        ("0161011", "voivodeship '01' does not exist"),
        ("2661010", "gmina kind '0' does not exist (expected 1–5)"),
        ("2661017", "gmina kind '7' does not exist (expected 1–5)"),
    ],
    ids=[
        "kielce",
        "gorzow",
        "grodzisk-gmina",
        "grodzisk-town",
        "short",
        "long",
        "letter",
        "empty",
        "all-nines",
        "voivodeship-27",
        "voivodeship-01",
        "kind-0",
        "kind-7",
    ],
)
def test_check_teryt(code: str, reason: str | None) -> None:
    """check_teryt says why a code is not a TERC code, or None if it is one."""
    assert check_teryt(code) == reason


@pytest.mark.parametrize(
    "code", ["2661", "26", "12345", ""], ids=["powiat", "voivodeship", "5", "0"]
)
def test_check_teryt_of_a_gmina_wants_7_digits(code: str) -> None:
    """Asked for a gmina code, check_teryt refuses a code of another length, saying so."""
    assert check_teryt(code, "gmina") == "expected 7 digits"


@pytest.mark.parametrize("code", ["2600011", "2661001"], ids=["powiat-00", "gmina-00"])
def test_check_teryt_refuses_number_zero(code: str) -> None:
    """TERC numbers powiats and gminas from 01: a powiat or gmina number 00 does not exist."""
    assert check_teryt(code) is not None


# --- corrupt copies ---------------------------------------------------------------------------

GDANSK_PPP = 'name = "Gdańsk"\nofficial_name = "Gdańsk"\nteryt = "2261011"'
KIELCE = 'name = "Kielce"\nofficial_name = "Kielce"\nteryt = "2661011"'
ZYTOMIERZ = 'name = "miasto Żytomierz"\nofficial_name = "Żytomierz"\nteryt = ""'
PPP_TOTAL = 'amount = "10,9 mln zł"\nqualifier = ""'


class Corruption(NamedTuple):
    """One edit of catalogue.toml, and what the error must name besides the file."""

    old: str
    new: str
    program: str
    field: str
    offending: str


CORRUPTIONS = {
    "teryt-all-nines": Corruption(
        GDANSK_PPP, GDANSK_PPP.replace("2261011", "9999999"), "ZMP-PPP", "teryt", "'9999999'"
    ),
    "teryt-five-digits": Corruption(
        GDANSK_PPP, GDANSK_PPP.replace("2261011", "12345"), "ZMP-PPP", "teryt", "'12345'"
    ),
    "teryt-empty-for-a-polish-city": Corruption(
        GDANSK_PPP, GDANSK_PPP.replace("2261011", ""), "ZMP-PPP", "teryt", "Gdańsk"
    ),
    "teryt-differs-from-member-list": Corruption(
        KIELCE, KIELCE.replace("2661011", "1462011"), "ZMP-PDP", "teryt", "'2661011'"
    ),
    "foreign-with-teryt": Corruption(
        ZYTOMIERZ, ZYTOMIERZ.replace('teryt = ""', 'teryt = "1462011"'), "ZMP-PL-UA", "teryt", "UA"
    ),
    "rate-above-100": Corruption('rate = "100%"', 'rate = "120%"', "ZMP-PPP", "rate", "120"),
    "rate-not-a-percentage": Corruption(
        'rate = "88,6%"', 'rate = "88,6"', "ZMP-PL-UA", "rate", "'88,6'"
    ),
    "end-year-before-start-year": Corruption(
        "start_year = 2017\nend_year = 2019",
        "start_year = 2017\nend_year = 2016",
        "ZMP-PPP",
        "end_year",
        "2016",
    ),
    "end-date-before-start-date": Corruption(
        "end_date = 2020-02-28", "end_date = 2018-02-28", "ZMP-MRL", "end_date", "2018-02-28"
    ),
    "event-end-before-start": Corruption(
        "end = 2018-04-07", "end = 2017-04-07", "ZMP-WYPEDZENI", "events", "2017-04-07"
    ),
    "unknown-source": Corruption(
        'name = "Ministerstwo Rozwoju"\nrole = "partner"\nsource = "doc"',
        'name = "Ministerstwo Rozwoju"\nrole = "partner"\nsource = "dok"',
        "ZMP-PPP",
        "source",
        "'dok'",
    ),
    "unknown-key": Corruption(
        PPP_TOTAL, PPP_TOTAL.replace("qualifier", "qualifer"), "ZMP-PPP", "figures", "'qualifer'"
    ),
    "dot-decimal-amount": Corruption(
        PPP_TOTAL, PPP_TOTAL.replace("10,9", "10.9"), "ZMP-PPP", "amount", "'10.9 mln zł'"
    ),
    "sub-grosz-amount": Corruption(
        PPP_TOTAL,
        PPP_TOTAL.replace("10,9 mln zł", "1,234 zł"),
        "ZMP-PPP",
        "amount",
        "thousands separator",
    ),
    "amount-without-currency": Corruption(
        PPP_TOTAL, PPP_TOTAL.replace("10,9 mln zł", "10,9 mln"), "ZMP-PPP", "amount", "'10,9 mln'"
    ),
    "amount-in-unknown-currency": Corruption(
        PPP_TOTAL, PPP_TOTAL.replace("zł", "USD"), "ZMP-PPP", "amount", "USD"
    ),
    "unknown-figure-kind": Corruption(
        'kind = "total_value"\namount = "10,9 mln zł"',
        'kind = "total"\namount = "10,9 mln zł"',
        "ZMP-PPP",
        "kind",
        "'total'",
    ),
    "unknown-role": Corruption(
        KIELCE + '\ncountry = "PL"\nkind = "city_with_powiat_rights"\nrole = "member_city"',
        KIELCE + '\ncountry = "PL"\nkind = "city_with_powiat_rights"\nrole = "member"',
        "ZMP-PDP",
        "role",
        "'member'",
    ),
    "unknown-edition": Corruption(
        KIELCE
        + '\ncountry = "PL"\nkind = "city_with_powiat_rights"\nrole = "member_city"\n'
        + 'edition = "I"',
        KIELCE
        + '\ncountry = "PL"\nkind = "city_with_powiat_rights"\nrole = "member_city"\n'
        + 'edition = "III"',
        "ZMP-PDP",
        "edition",
        "'III'",
    ),
    "repeated-code": Corruption(
        'code = "ZMP-MRL"', 'code = "ZMP-SMUP"', "ZMP-SMUP", "repeated", "programme code"
    ),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS.values(), ids=list(CORRUPTIONS))
def test_corruption_names_programme_and_field(zmp_dir: Path, corruption: Corruption) -> None:
    """A corrupt catalogue is a DataFileError naming the file, programme, field and text."""
    replace_once(zmp_dir / "catalogue.toml", corruption.old, corruption.new)
    error = read_error(zmp_dir)
    message = str(error)
    assert "catalogue.toml" in message
    assert len(error.problems) == 1, error.problems
    (problem,) = error.problems
    assert corruption.program in problem
    assert corruption.field in problem
    assert corruption.offending in problem


def test_stated_must_be_a_boolean(zmp_dir: Path) -> None:
    """``stated = "false"`` (a string) is refused, not read as true."""
    replace_once(
        zmp_dir / "catalogue.toml",
        'holder = ""\nstated = true',
        'holder = ""\nstated = "false"',
    )
    error = read_error(zmp_dir)
    assert "ZMP-PPP" in str(error)
    assert "stated" in str(error)


def test_one_code_for_two_cities(zmp_dir: Path) -> None:
    """Płock given Kielce's code 2661011 is refused: one TERYT code cannot name two cities."""
    plock = 'name = "Płock"\nofficial_name = "Płock"\nteryt = "1462011"'
    replace_once(zmp_dir / "catalogue.toml", plock, plock.replace("1462011", "2661011"))
    error = read_error(zmp_dir)
    assert "ZMP-PPP" in str(error)
    assert "2661011" in str(error)


def test_every_problem_at_once(zmp_dir: Path) -> None:
    """Several corruptions are reported together, each naming its programme."""
    file = zmp_dir / "catalogue.toml"
    replace_once(file, 'rate = "100%"', 'rate = "120%"')
    replace_once(file, KIELCE, KIELCE.replace("2661011", "12345"))
    replace_once(file, "end = 2018-04-07", "end = 2017-04-07")
    error = read_error(zmp_dir)
    assert len(error.problems) == 3
    joined = "\n".join(error.problems)
    for program in ("ZMP-PPP", "ZMP-PDP", "ZMP-WYPEDZENI"):
        assert program in joined


def test_not_toml(zmp_dir: Path) -> None:
    """A syntax error in catalogue.toml is a DataFileError naming the file."""
    replace_once(zmp_dir / "catalogue.toml", "[catalogue]", "[catalogue")
    assert "catalogue.toml" in str(read_error(zmp_dir))


def test_missing_catalogue_file(zmp_dir: Path) -> None:
    """A folder without catalogue.toml is a DataFileError saying so."""
    (zmp_dir / "catalogue.toml").unlink()
    assert "not found" in str(read_error(zmp_dir))


# --- members.csv ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "offending"),
    [("266101", "'266101'"), ("2761011", "'27'"), ("2661010", "'0'")],
    ids=["six-digits", "voivodeship-27", "kind-0"],
)
def test_bad_member_code(zmp_dir: Path, new: str, offending: str) -> None:
    """A bad code in members.csv is a DataFileError naming its line, column and city."""
    replace_once(
        zmp_dir / "members.csv", "Kielce,świętokrzyskie,2661011,", f"Kielce,świętokrzyskie,{new},"
    )
    error = read_error(zmp_dir)
    (problem,) = error.problems
    assert "members.csv" in str(error)
    assert "line 167" in problem
    assert "teryt_gmina" in problem
    assert "'Kielce'" in problem
    assert offending in problem


def test_member_list_missing_column(zmp_dir: Path) -> None:
    """members.csv without its teryt_gmina column is refused, naming the column."""
    file = zmp_dir / "members.csv"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("teryt_gmina", "teryt", 1), encoding="utf-8")
    assert "teryt_gmina" in str(read_error(zmp_dir))


# --- the model's own checks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "percent", [Decimal(120), Decimal("100.01"), Decimal(-1)], ids=["120", "100.01", "minus-1"]
)
def test_rate_outside_0_100(percent: Decimal) -> None:
    """Rate refuses a percentage above 100 or below 0, quoting it."""
    with pytest.raises(ModelError, match="between 0% and 100%"):
        Rate(kind=RateKind.FUNDING_RATE, percent=percent, precision=Decimal(1), raw=f"{percent}%")


def test_rate_bounds_allowed() -> None:
    """0% and 100% are rates."""
    for percent in (Decimal(0), Decimal(100)):
        rate = Rate(kind=RateKind.FUNDING_RATE, percent=percent, precision=Decimal(1))
        assert rate.percent == percent


def test_program_end_year_before_start_year() -> None:
    """A programme ending the year before it starts is a ModelError naming it and the field."""
    with pytest.raises(ModelError, match="'end_year' 2016 is before 'start_year' 2017") as caught:
        Program(code="ZMP-X", name="X", start_year=2017, end_year=2016)
    assert "ZMP-X" in str(caught.value)


def test_program_end_date_before_start_date() -> None:
    """A programme ending on a day before it starts is a ModelError naming the field."""
    with pytest.raises(ModelError, match="'end_date'"):
        Program(
            code="ZMP-X",
            name="X",
            start_date=dt.date(2018, 5, 1),
            end_date=dt.date(2018, 4, 30),
        )


def test_event_end_before_start() -> None:
    """An event ending before it starts is a ModelError naming it."""
    with pytest.raises(ModelError, match="Prora"):
        ProgramEvent(
            name="Dokumentationszentrum Prora",
            start=dt.date(2018, 4, 7),
            end=dt.date(2018, 1, 1),
        )


def test_one_day_event_and_one_year_programme() -> None:
    """An event on one day and a programme within one year are valid."""
    day = dt.date(2018, 4, 18)
    assert ProgramEvent(name="wizyta studyjna", start=day, end=day).end == day
    assert list(Program(code="ZMP-X", name="X", start_year=2018, end_year=2018).years()) == [2018]


def test_money_sum_of_pln_and_eur() -> None:
    """Money.sum of złoty and euro raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        Money.sum([Money(Decimal(50_000), "PLN"), Money(Decimal(30_000), "EUR")])


def test_budget_figures_in_two_currencies_are_refused(tmp_path: Path) -> None:
    """A programme whose total is in euro and grant in złoty is refused on load, naming both."""
    import shutil
    from importlib.resources import as_file, files

    from citystrategy.errors import DataFileError
    from citystrategy.io.catalogue_files import read_catalogue

    with as_file(files("citystrategy.programs.zmp") / "data") as data:
        shutil.copytree(data, tmp_path / "data")
    path = tmp_path / "data" / "catalogue.toml"
    text = path.read_text(encoding="utf-8").replace(
        'amount = "295 tys. zł"', 'amount = "295 tys. €"', 1
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_catalogue(tmp_path / "data")
    message = str(caught.value)
    assert "programs[ZMP-PL-UA].figures" in message
    assert "'295 tys. €'" in message
    assert "'261 tys. zł'" in message


# --- structuring from the model's fields -------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'quantity = "10"\nqualifier = ""',
            'quantity = "10"\nqualifier = 12.5',
            "programs[ZMP-SMUP].outputs[1].qualifier: expected text, found a number with a fraction 12.5",
        ),
        (
            'name = "Główny Urząd Statystyczny"\nrole = "partner"',
            'name = "Główny Urząd Statystyczny"\nrole = "partner"\nrola = "lider"',
            "programs[ZMP-SMUP].partners[4]: unknown key(s) 'rola'",
        ),
        (
            'name = "Główny Urząd Statystyczny"\nrole = "partner"',
            'name = "Główny Urząd Statystyczny"\nrole = "sponsor"',
            "programs[ZMP-SMUP].partners[4].role: expected one of 'partner', 'lead_partner', 'funder', found text 'sponsor'",
        ),
        (
            'text = "dwie wizyty studyjne poświęcone norweskiemu systemowi KOSTRA"\nquantity = ""',
            'text = "dwie wizyty studyjne poświęcone norweskiemu systemowi KOSTRA"\nquantity = 2.5',
            "programs[ZMP-SMUP].outputs[2].quantity: expected a whole number, found 2.5",
        ),
        (
            'kind = "total_value"\namount = "10,9 mln zł"',
            'kind = "total_value"\namount = 10900000',
            "programs[ZMP-PPP].figures[1].amount: expected an amount of money as printed",
        ),
        (
            'code = "ZMP-SMUP"\nname = "System monitorowania usług publicznych"',
            'code = "ZMP-SMUP"\nname = ["System monitorowania usług publicznych"]',
            "programs[ZMP-SMUP].name: expected text, found a list",
        ),
    ],
    ids=[
        "float-for-text",
        "unknown-key",
        "unknown-role",
        "fraction-for-a-count",
        "amount-as-number",
        "list-for-text",
    ],
)
def test_values_are_checked_against_the_model_fields(
    zmp_dir: Path, old: str, new: str, problem: str
) -> None:
    """A value of the wrong type or an unknown key is a problem with its path; nothing is stringified."""
    replace_once(zmp_dir / "catalogue.toml", old, new)
    error = read_error(zmp_dir)
    assert len(error.problems) == 1
    assert error.problems[0].startswith(problem)


def test_missing_required_key_and_every_part_collected(zmp_dir: Path) -> None:
    """A part without its required key and a bad part elsewhere are both reported, each located."""
    path = zmp_dir / "catalogue.toml"
    replace_once(path, 'name = "Główny Urząd Statystyczny"\n', "")
    replace_once(path, 'quantity = "40"', 'quantity = "czterdzieści"')
    problems = read_error(zmp_dir).problems
    assert problems == (
        "programs[ZMP-SMUP].partners[4]: missing key 'name'",
        "programs[ZMP-SMUP].outputs[4].quantity: expected a whole number, found 'czterdzieści'",
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Kielce,świętokrzyskie,2661011", "line 167: expected 9 cells, found 3"),
        (
            "Kielce,świętokrzyskie,2661011,,gmina miejska,yes,https://polishcities.eu,2024,,x",
            "line 167: expected 9 cells, found 10",
        ),
    ],
    ids=["short-row", "long-row"],
)
def test_member_row_of_the_wrong_length(zmp_dir: Path, row: str, problem: str) -> None:
    """A row with fewer or more cells than the header is a problem naming its line."""
    path = zmp_dir / "members.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[166] = row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_error(zmp_dir).problems == (problem,)


def test_blank_member_name_is_located(zmp_dir: Path) -> None:
    """A member without a name is refused at its line, not as an unlocated model error."""
    replace_once(zmp_dir / "members.csv", "Kielce,świętokrzyskie,", ",świętokrzyskie,")
    (problem,) = read_error(zmp_dir).problems
    assert problem.startswith("line 167: a territory: 'name' must not be blank")


def test_missing_catalogue_table(zmp_dir: Path) -> None:
    """A catalogue.toml without its [catalogue] table says so."""
    replace_once(zmp_dir / "catalogue.toml", "[catalogue]", "[katalog]")
    problems = read_error(zmp_dir).problems
    assert "catalogue: missing table [catalogue]" in problems
