"""The shipped ZMP catalogue checked against its source document and the facts of zmp.md.

Expected values are copied from the source document (``tests/data/zmp_projekty_excerpt.txt``)
and computed by hand; every raw text the catalogue keeps must occur in the document, so that
nothing is invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from importlib.resources import files
from typing import NamedTuple

import pytest

from citystrategy.model import (
    Catalogue,
    FigureKind,
    MembershipStatus,
    ParticipantRole,
    PartnerRole,
    RateKind,
    TerritoryKind,
)
from citystrategy.money import Money
from tests.programs.helpers import official_names, participant, plain, with_role

#: Every programme of the document, in document order, with its name.
PROGRAMS = {
    "ZMP-SMUP": "System monitorowania usług publicznych",
    "ZMP-MRL": "Monitoring rozwoju lokalnego na poziomie miejskim i wewnątrz-miejskim",
    "ZMP-USLUGI-ADM": (
        "Podnoszenie jakości i efektywności usług administracyjnych w miastach w zakresie "
        "podatków i opłat lokalnych oraz zarządzania nieruchomościami"
    ),
    "ZMP-OSWIATA": (
        "Wspieranie kadry JST w zarządzaniu oświatą ukierunkowane na rozwój uczniów i "
        "kluczowych kompetencji uczniów"
    ),
    "ZMP-PPP": "Rozwój partnerstwa publiczno-prywatnego w Polsce",
    "ZMP-FIRMY-RODZINNE": (
        "Wsparcie przedsiębiorczości rodzinnej – lokalne centra kompetencji rozwoju firm rodzinnych"
    ),
    "ZMP-STULECIE": (
        "ZMP i miasta w odbudowie niepodległości Sto lat Związku Miast Polskich – wspólny "
        "obraz pamięci"
    ),
    "ZMP-PDP": "Przestrzeń dla partycypacji",
    "ZMP-URBACT": "Krajowy Punkt Kontaktowy URBACT",
    "ZMP-WYPEDZENI": (
        "Wystawa „Wypędzeni 1939... Deportacje obywateli polskich z ziem wcielonych do III Rzeszy”"
    ),
    "ZMP-PL-UA": (
        "Zarządzanie miastem i gminą miejsko-wiejską w modelu partnerstwa i współpracy – "
        "adaptacja do warunków ukraińskich"
    ),
}

#: The one programme whose title the document does not print (zmp.md gives it).
UNTITLED = "ZMP-PL-UA"


# --- the programmes ---------------------------------------------------------------------------


def test_eleven_programmes_in_document_order(catalogue: Catalogue) -> None:
    """The catalogue holds the 11 programmes of the document, in document order, once each."""
    assert [p.code for p in catalogue.programs] == list(PROGRAMS)


def test_catalogue_heading(catalogue: Catalogue) -> None:
    """The catalogue is ZMP's and its title is the source document's title."""
    assert (catalogue.code, catalogue.name) == ("zmp", "Związek Miast Polskich")
    assert catalogue.title == "Projekty Związku Miast Polskich realizowane z miastami i dla miast"


@pytest.mark.parametrize(("code", "name"), list(PROGRAMS.items()), ids=list(PROGRAMS))
def test_programme_name(catalogue: Catalogue, source: str, code: str, name: str) -> None:
    """Each programme has its name verbatim; every printed title occurs in the document."""
    program = catalogue.program(code)
    assert program.name == name
    assert program.operator == "Związek Miast Polskich"
    if code != UNTITLED:
        assert name in source


# --- money figures ----------------------------------------------------------------------------


class Fig(NamedTuple):
    """A money figure the document states, with its value worked out by hand."""

    code: str
    kind: FigureKind
    printed: str  #: the figure as the document prints it
    amount: Decimal
    currency: str
    precision: Decimal
    qualifier: str = ""
    holder: str = ""


FIGURES = {
    "ppp-total": Fig(
        "ZMP-PPP", FigureKind.TOTAL_VALUE, "10,9 mln zł", Decimal(10_900_000), "PLN", Decimal(10**5)
    ),
    "ppp-consortium": Fig(
        "ZMP-PPP",
        FigureKind.OPERATOR_SHARE,
        "1,6 mln zł",
        Decimal(1_600_000),
        "PLN",
        Decimal(10**5),
        holder="konsorcjum ZMP i ZPP",
    ),
    "firms-total": Fig(
        "ZMP-FIRMY-RODZINNE",
        FigureKind.TOTAL_VALUE,
        "2,8 mln zł",
        Decimal(2_800_000),
        "PLN",
        Decimal(10**5),
    ),
    "centenary-total": Fig(
        "ZMP-STULECIE", FigureKind.TOTAL_VALUE, "140 750 zł", Decimal(140_750), "PLN", Decimal(1)
    ),
    "centenary-grant": Fig(
        "ZMP-STULECIE", FigureKind.GRANT, "115 tys. zł", Decimal(115_000), "PLN", Decimal(1000)
    ),
    "pdp-total": Fig(
        "ZMP-PDP",
        FigureKind.TOTAL_VALUE,
        "2 mln zł",
        Decimal(2_000_000),
        "PLN",
        Decimal(10**6),
        qualifier="prawie",
    ),
    "pdp-eu": Fig(
        "ZMP-PDP", FigureKind.EU_COFINANCING, "1,7 mln", Decimal(1_700_000), "PLN", Decimal(10**5)
    ),
    "pdp-zmp": Fig(
        "ZMP-PDP",
        FigureKind.OPERATOR_SHARE,
        "182 tys. zł",
        Decimal(182_000),
        "PLN",
        Decimal(1000),
        holder="ZMP",
    ),
    "urbact-city-year": Fig(
        "ZMP-URBACT",
        FigureKind.PER_CITY_BUDGET,
        "30 tys. €",
        Decimal(30_000),
        "EUR",
        Decimal(1000),
        qualifier="powyżej",
    ),
    "exhibition-cost": Fig(
        "ZMP-WYPEDZENI", FigureKind.TOTAL_VALUE, "50 tys. zł", Decimal(50_000), "PLN", Decimal(1000)
    ),
    "pl-ua-total": Fig(
        "ZMP-PL-UA", FigureKind.TOTAL_VALUE, "295 tys. zł", Decimal(295_000), "PLN", Decimal(1000)
    ),
    "pl-ua-grant": Fig(
        "ZMP-PL-UA", FigureKind.GRANT, "261 tys. zł", Decimal(261_000), "PLN", Decimal(1000)
    ),
}


@pytest.mark.parametrize("expected", FIGURES.values(), ids=list(FIGURES))
def test_stated_figure(catalogue: Catalogue, source: str, expected: Fig) -> None:
    """Each figure of the document is there, parsed exactly, with its precision and qualifier."""
    assert expected.printed in source
    figure = catalogue.program(expected.code).figure(expected.kind)
    assert figure is not None
    assert figure.raw.startswith(expected.printed)
    assert figure.money == Money(expected.amount, expected.currency)
    assert figure.precision == expected.precision
    assert figure.qualifier == expected.qualifier
    assert figure.holder == expected.holder
    assert (figure.stated, figure.source) == (True, "doc")


def test_per_city_figure_is_per_year_and_city(catalogue: Catalogue) -> None:
    """URBACT's 30 tys. € is a budget per city and per year ("każdego miasta … na rok")."""
    figure = catalogue.program("ZMP-URBACT").figure(FigureKind.PER_CITY_BUDGET)
    assert figure is not None
    assert set(re.split(r"[,\s]+", figure.per)) == {"year", "city"}


def test_eu_share_without_currency_is_marked(catalogue: Catalogue, source: str) -> None:
    """The document prints "1,7 mln" without a currency; the zł taken from the total is noted."""
    assert "**1,7 mln** środków UE" in source
    figure = catalogue.program("ZMP-PDP").figure(FigureKind.EU_COFINANCING)
    assert figure is not None
    assert figure.raw in ("1,7 mln", "1,7 mln zł")
    if figure.raw != "1,7 mln":
        assert "bez waluty" in figure.note


@pytest.mark.parametrize("code", list(PROGRAMS), ids=list(PROGRAMS))
def test_no_invented_figures(catalogue: Catalogue, code: str) -> None:
    """A programme has exactly the figures the document states for it, no other."""
    expected = sorted((f.kind.value, f.amount) for f in FIGURES.values() if f.code == code)
    found = sorted((f.kind.value, f.money.amount) for f in catalogue.program(code).figures)
    assert found == expected


# --- rates ------------------------------------------------------------------------------------


class RateCase(NamedTuple):
    """A rate the document states."""

    code: str
    kind: RateKind
    printed: str
    percent: Decimal
    precision: Decimal


RATES = {
    "ppp-100": RateCase("ZMP-PPP", RateKind.FUNDING_RATE, "100%", Decimal(100), Decimal(1)),
    "urbact-refund-85": RateCase(
        "ZMP-URBACT", RateKind.REFUND_RATE, "85%", Decimal(85), Decimal(1)
    ),
    "urbact-own-15": RateCase(
        "ZMP-URBACT", RateKind.OWN_CONTRIBUTION_RATE, "15%", Decimal(15), Decimal(1)
    ),
    "exhibition-90": RateCase(
        "ZMP-WYPEDZENI", RateKind.FUNDING_RATE, "90 %", Decimal(90), Decimal(1)
    ),
    "pl-ua-88-6": RateCase(
        "ZMP-PL-UA", RateKind.FUNDING_RATE, "88,6%", Decimal("88.6"), Decimal("0.1")
    ),
}


@pytest.mark.parametrize("expected", RATES.values(), ids=list(RATES))
def test_stated_rate(catalogue: Catalogue, source: str, expected: RateCase) -> None:
    """Each rate of the document is there verbatim, in percent, with its precision."""
    assert expected.printed in source
    rate = catalogue.program(expected.code).rate(expected.kind)
    assert rate is not None
    assert rate.raw == expected.printed
    assert rate.percent == expected.percent
    assert rate.precision == expected.precision
    assert (rate.stated, rate.source) == (True, "doc")


@pytest.mark.parametrize("code", list(PROGRAMS), ids=list(PROGRAMS))
def test_no_invented_rates(catalogue: Catalogue, code: str) -> None:
    """A programme has exactly the rates the document states for it."""
    expected = sorted((r.kind.value, r.percent) for r in RATES.values() if r.code == code)
    found = sorted((r.kind.value, r.percent) for r in catalogue.program(code).rates)
    assert found == expected


# --- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "printed", "years"),
    [
        ("ZMP-PPP", "2017-2019", (2017, 2019)),
        ("ZMP-FIRMY-RODZINNE", "2018-2020", (2018, 2020)),
        ("ZMP-STULECIE", "czerwiec–listopad 2018", (2018, 2018)),
    ],
    ids=["ppp", "family-firms", "centenary"],
)
def test_printed_period(
    catalogue: Catalogue, source: str, code: str, printed: str, years: tuple[int, int]
) -> None:
    """A period the document prints is kept verbatim, with its first and last year."""
    program = catalogue.program(code)
    assert printed in source
    assert program.period == printed
    assert (program.start_year, program.end_year) == years


def test_exhibition_runs_in_2018(catalogue: Catalogue, source: str) -> None:
    """The exhibition's presentations and cost are those of 2018 ("Prezentacje w roku 2018")."""
    assert "Prezentacje w roku 2018" in source
    program = catalogue.program("ZMP-WYPEDZENI")
    assert (program.start_year, program.end_year) == (2018, 2018)


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("ZMP-MRL", dt.date(2018, 5, 1), dt.date(2020, 2, 28)),
        ("ZMP-SMUP", dt.date(2017, 1, 1), None),
    ],
    ids=["mrl", "smup"],
)
def test_dates_from_zmp_md(
    catalogue: Catalogue, code: str, start: dt.date, end: dt.date | None
) -> None:
    """MRL ran 1.05.2018–28.02.2020 and SMUP's concept phase began 1.01.2017 (zmp.md)."""
    program = catalogue.program(code)
    assert (program.start_date, program.end_date) == (start, end)
    assert program.start_year == start.year


def test_pdp_years_from_its_pages(catalogue: Catalogue) -> None:
    """Przestrzeń dla partycypacji ran from September 2016 to the end of 2021 (zmp.md)."""
    program = catalogue.program("ZMP-PDP")
    assert (program.start_year, program.end_year) == (2016, 2021)


# --- cities -----------------------------------------------------------------------------------

PPP_SITES = [
    "Gdańsk",
    "Kobylnica",
    "Konstancin-Jeziorna",
    "Kraków",
    "Nowy Sącz",
    "Oława",
    "Płock",
    "Sierpc",
    "Sopot",
    "Sołec Zdrój",
    "Świdnica",
    "Warszawa",
]
FAMILY_FIRMS = [
    "Chorzów",
    "Częstochowa",
    "Gdynia",
    "Grodzisk Mazowiecki",
    "Kalisz",
    "Kutno",
    "Starogard Gdański",
]
PDP_I = [
    "Brzeziny",
    "Bydgoszcz",
    "Cieszyń",
    "Gorzów Wlkp.",
    "Kielce",
    "Kórnik",
    "Legnica",
    "Olsztyn",
    "Piaseczno",
    "Rawa Mazowiecka",
    "Rybnik",
    "Serock",
    "Starachowice",
    "Tychy",
    "Wałbrzych",
    "Warszawa",
    "Wołomin",
]
URBACT = [
    "Bielsko-Biała",
    "Gdańsk",
    "Gdynia",
    "Katowice",
    "Koszalin",
    "Kraków",
    "Lublin",
    "Łódź",
    "Poznań",
    "Radlin",
    "Toruń",
    "Warszawa",
    "Wrocław",
]


def test_ppp_has_exactly_the_twelve_sites(catalogue: Catalogue, source: str) -> None:
    """PPP's sites are the 12 places the document lists under "12 miejsc realizujących PPP"."""
    assert "12 miejsc realizujących PPP:\n\n" + ", ".join(PPP_SITES) + "\n" in source
    sites = with_role(catalogue.program("ZMP-PPP"), ParticipantRole.SITE)
    assert [p.printed_name for p in sites] == PPP_SITES
    assert len(sites) == 12


def test_solec_zdroj_is_the_terc_name(catalogue: Catalogue) -> None:
    """The printed "Sołec Zdrój" is the TERC gmina Solec-Zdrój; the printed name is kept."""
    site = participant(catalogue, "ZMP-PPP", "Solec-Zdrój")
    assert site.printed_name == "Sołec Zdrój"


def test_ppp_training_venues(catalogue: Catalogue, source: str) -> None:
    """The trainings for financial services were in Gdańsk, Katowice, Poznań and Warszawa."""
    printed = "**szkolenia dla służb finansowych** w Gdańsku, Katowicach, Poznaniu i Warszawie"
    assert printed in source
    venues = with_role(catalogue.program("ZMP-PPP"), ParticipantRole.TRAINING_VENUE)
    assert official_names(venues) == ["Gdańsk", "Katowice", "Poznań", "Warszawa"]
    assert [p.printed_name for p in venues] == ["Gdańsku", "Katowicach", "Poznaniu", "Warszawie"]


def test_family_firms_seven_cities(catalogue: Catalogue, source: str) -> None:
    """The family-firms project has the 7 cities the document lists, no other."""
    assert ", ".join(FAMILY_FIRMS) + "\n" in source
    program = catalogue.program("ZMP-FIRMY-RODZINNE")
    assert [p.printed_name for p in program.participants] == FAMILY_FIRMS
    assert official_names(list(program.participants)) == FAMILY_FIRMS


def test_pdp_first_edition_seventeen_member_cities(catalogue: Catalogue, source: str) -> None:
    """Przestrzeń dla partycypacji I has its 17 member cities, each of edition I."""
    assert "17 miast członkowskich: " + ", ".join(PDP_I) + "\n" in source
    program = catalogue.program("ZMP-PDP")
    members = with_role(program, ParticipantRole.MEMBER_CITY)
    assert [p.printed_name for p in members] == PDP_I
    assert {p.edition for p in members} == {"I"}
    assert len(program.participants) == 17


@pytest.mark.parametrize(
    ("printed", "official"),
    [("Cieszyń", "Cieszyn"), ("Gorzów Wlkp.", "Gorzów Wielkopolski")],
    ids=["cieszyn", "gorzow"],
)
def test_pdp_printed_names_resolved(catalogue: Catalogue, printed: str, official: str) -> None:
    """A misprinted or abbreviated name is kept as printed beside its official TERC name."""
    found = [p for p in catalogue.program("ZMP-PDP").participants if p.printed_name == printed]
    assert len(found) == 1
    assert found[0].territory.name == official


def test_urbact_thirteen_cities(catalogue: Catalogue, source: str) -> None:
    """The URBACT contact point lists 13 cities, in the document's order."""
    program = catalogue.program("ZMP-URBACT")
    assert official_names(list(program.participants)) == URBACT
    for name in URBACT:
        assert name in source


@pytest.mark.parametrize(
    ("name", "role", "networks", "note"),
    [
        ("Gdańsk", ParticipantRole.NETWORK_LEAD, ("BoostInno",), "3 sieci"),
        ("Lublin", ParticipantRole.NETWORK_MEMBER, (), "3 sieci"),
        ("Poznań", ParticipantRole.NETWORK_LEAD, ("Gen-Y City",), "2 sieci"),
        (
            "Bielsko-Biała",
            ParticipantRole.NETWORK_MEMBER,
            (),
            "Agencja Rozwoju Regionalnego SA Bielsko-Biała, we współpracy z miastem",
        ),
    ],
    ids=["gdansk", "lublin", "poznan", "bielsko-biala"],
)
def test_urbact_networks(
    catalogue: Catalogue,
    source: str,
    name: str,
    role: ParticipantRole,
    networks: tuple[str, ...],
    note: str,
) -> None:
    """Gdańsk is in 3 networks and leads BoostInno, Lublin in 3, Poznań in 2 and leads Gen-Y City."""
    found = participant(catalogue, "ZMP-URBACT", name)
    assert found.role is role
    assert found.networks == networks
    assert note in found.note
    assert f"{name} ({note}" in source


def test_urbact_others_are_plain_members(catalogue: Catalogue) -> None:
    """The other URBACT cities are network members with no network named."""
    program = catalogue.program("ZMP-URBACT")
    others = [p for p in program.participants if p.territory.name not in ("Gdańsk", "Poznań")]
    assert {p.role for p in others} == {ParticipantRole.NETWORK_MEMBER}
    assert all(p.networks == () for p in others)


def test_polish_ukrainian_participants(catalogue: Catalogue, source: str) -> None:
    """Three Polish cities with TERYT codes and three Ukrainian local governments without."""
    assert "Polskie miasta: Gąbin (k/Płocka), Grodzisk Mazowiecki, Płock" in source
    program = catalogue.program("ZMP-PL-UA")
    polish = [p for p in program.participants if p.territory.kind is not TerritoryKind.FOREIGN]
    ukrainian = [p for p in program.participants if p.territory.kind is TerritoryKind.FOREIGN]
    assert official_names(polish) == ["Gąbin", "Grodzisk Mazowiecki", "Płock"]
    assert [p.territory.teryt for p in polish] == ["1419063", "1405043", "1462011"]
    assert [p.printed_name for p in ukrainian] == [
        "miasto Żytomierz",
        "Emilczyńska OTG",
        "Stanisziwska OTG",
    ]
    assert [p.territory.teryt for p in ukrainian] == [None, None, None]
    for p in ukrainian:
        assert p.printed_name in source


@pytest.mark.parametrize(
    ("code", "count"),
    [
        ("ZMP-SMUP", 0),
        ("ZMP-MRL", 0),
        ("ZMP-USLUGI-ADM", 0),
        ("ZMP-OSWIATA", 0),
        ("ZMP-PPP", 16),
        ("ZMP-FIRMY-RODZINNE", 7),
        ("ZMP-STULECIE", 0),
        ("ZMP-PDP", 17),
        ("ZMP-URBACT", 13),
        ("ZMP-WYPEDZENI", 0),
        ("ZMP-PL-UA", 6),
    ],
    ids=list(PROGRAMS),
)
def test_participant_counts(catalogue: Catalogue, code: str, count: int) -> None:
    """Each programme has as many participations as the document names (PPP: 12 sites + 4)."""
    assert len(catalogue.program(code).participants) == count


# --- TERYT codes ------------------------------------------------------------------------------


def member_rows(name: str = "members.csv") -> list[dict[str, str]]:
    """The rows of a packaged member list, read independently with the csv module."""
    data = files("citystrategy.programs.zmp") / "data" / name
    return list(csv.DictReader(io.StringIO(data.read_text(encoding="utf-8"))))


def members_csv() -> dict[str, str]:
    """Name -> TERC gmina code of every row of the packaged members.csv, read independently."""
    return {row["name"]: row["teryt_gmina"] for row in member_rows()}


def test_every_polish_participant_has_a_terc_code(catalogue: Catalogue) -> None:
    """Every Polish participant has a 7-digit TERC code of a real voivodeship and gmina kind."""
    voivodeships = {f"{n:02d}" for n in range(2, 33, 2)}
    for program in catalogue.programs:
        for p in program.participants:
            if p.territory.kind is TerritoryKind.FOREIGN:
                assert p.territory.teryt is None
                continue
            code = p.territory.teryt
            assert code is not None, (program.code, p)
            assert re.fullmatch(r"[0-9]{7}", code), (program.code, p)
            assert code[:2] in voivodeships, (program.code, p)
            assert code[6] in "123", (program.code, p)


def test_member_cities_have_the_member_list_codes(catalogue: Catalogue) -> None:
    """A participant that is on members.csv has exactly the code members.csv gives it."""
    members = members_csv()
    checked = 0
    for program in catalogue.programs:
        for p in program.participants:
            for name in {p.territory.name, p.printed_name}:
                if name in members:
                    assert p.territory.teryt == members[name], (program.code, name)
                    checked += 1
    assert checked >= 17 + 6  # PdP I's 17 member cities, and Kraków, Warszawa, Toruń … elsewhere


def test_loaded_members_are_the_member_list(catalogue: Catalogue) -> None:
    """The catalogue's members are the 168 rows of members.csv with their codes."""
    members = members_csv()
    assert len(members) == 168  # data/README.md: 168 cited members, about 43% of 389
    assert {m.teryt for m in catalogue.members} == set(members.values())
    assert len(catalogue.members) == 168


@pytest.mark.parametrize(
    ("file", "status", "rows"),
    [
        ("members.csv", MembershipStatus.MEMBER, 168),
        ("members_indirect.csv", MembershipStatus.PROBABLY, 28),
        ("not_members.csv", MembershipStatus.NOT_MEMBER, 6),
    ],
    ids=["members", "probable", "not-members"],
)
def test_membership_statuses_are_the_member_lists(
    catalogue: Catalogue, file: str, status: MembershipStatus, rows: int
) -> None:
    """Each status has one membership per row of its list, with the row's code, source and date."""
    listed = member_rows(file)
    assert len(listed) == rows  # the counts data/README.md states
    found = {m.territory.teryt: m for m in catalogue.memberships if m.status is status}
    assert len(found) == rows
    for row in listed:
        membership = found[row["teryt_gmina"]]
        assert membership.territory.name == row["name"]
        assert (membership.source, membership.as_of, membership.note) == (
            row["membership_source"],
            row["as_of"],
            row["note"],
        )
        assert membership.territory.town_teryt == (row["teryt_town"] or None)


def test_every_membership_has_one_status(catalogue: Catalogue) -> None:
    """The three lists name 202 territories, each once: 168 + 28 + 6 rows."""
    codes = [m.territory.teryt for m in catalogue.memberships]
    assert len(codes) == len(set(codes)) == 168 + 28 + 6


@pytest.mark.parametrize(
    ("code", "name", "teryt"),
    [
        ("ZMP-PPP", "Gdańsk", "2261011"),
        ("ZMP-PPP", "Kraków", "1261011"),
        ("ZMP-PPP", "Płock", "1462011"),
        ("ZMP-PPP", "Warszawa", "1465011"),
        ("ZMP-FIRMY-RODZINNE", "Kutno", "1002011"),
        ("ZMP-PDP", "Kielce", "2661011"),
        ("ZMP-URBACT", "Poznań", "3064011"),
        ("ZMP-URBACT", "Toruń", "0463011"),
        ("ZMP-URBACT", "Lublin", "0663011"),
    ],
    ids=["gdansk", "krakow", "plock", "warszawa", "kutno", "kielce", "poznan", "torun", "lublin"],
)
def test_known_terc_codes(catalogue: Catalogue, code: str, name: str, teryt: str) -> None:
    """Cities carry their TERC codes (as of 2024-01-01)."""
    found = [p for p in catalogue.program(code).participants if p.territory.name == name]
    assert found
    assert {p.territory.teryt for p in found} == {teryt}


def test_kielce_takes_part_in_pdp_first_edition(catalogue: Catalogue) -> None:
    """Kielce (2661011) is a member city of Przestrzeń dla partycypacji I."""
    kielce = participant(catalogue, "ZMP-PDP", "Kielce")
    assert kielce.territory.teryt == "2661011"
    assert kielce.territory.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS
    assert (kielce.role, kielce.edition) == (ParticipantRole.MEMBER_CITY, "I")


# --- partners ---------------------------------------------------------------------------------

PARTNERS = {
    "ZMP-PPP": [
        "Ministerstwo Rozwoju",
        "Związek Powiatów Polskich",
        "Konfederacja Lewiatan",
        "Fundacja Centrum PPP",
    ],
    "ZMP-FIRMY-RODZINNE": ["Stowarzyszenie Inicjatywa Firm Rodzinnych"],
    "ZMP-PDP": [
        "Pracownia Badań i Innowacji Społecznych „Stocznia”",
        "Fundacja Napraw Sobie Miasto",
        "Fundacja Inicjatyw Społeczno-Ekonomicznych",
        "Pracownia Zrównoważonego Rozwoju",
    ],
    "ZMP-WYPEDZENI": ["IPN Oddział w Poznaniu", "Samorząd Województwa Wielkopolskiego"],
    "ZMP-PL-UA": ["Związek Miast Ukrainy", "miasto Płock"],
}


@pytest.mark.parametrize(("code", "names"), list(PARTNERS.items()), ids=list(PARTNERS))
def test_partners_of_the_document(
    catalogue: Catalogue, source: str, code: str, names: list[str]
) -> None:
    """The partners the document names are there verbatim, in its order, sourced to it."""
    found = [p.name for p in catalogue.program(code).partners if p.source == "doc"]
    assert found == names
    for name in names:
        assert name in source


def test_stocznia_leads_pdp(catalogue: Catalogue) -> None:
    """Stocznia is the lead partner (lider) of Przestrzeń dla partycypacji."""
    program = catalogue.program("ZMP-PDP")
    assert program.lead_partner == "Pracownia Badań i Innowacji Społecznych „Stocznia”"
    roles = {p.name: p.role for p in program.partners}
    assert roles[program.lead_partner] is PartnerRole.LEAD_PARTNER
    assert {r for n, r in roles.items() if n != program.lead_partner} == {PartnerRole.PARTNER}


# --- events -----------------------------------------------------------------------------------

VENUES = [
    ("Dokumentationszentrum Prora", "1 stycznia do 7 kwietnia", (1, 1), (4, 7), "DE"),
    ("Muzeum Narodowe w Szczecinie", "29 marca – 6 kwietnia", (3, 29), (4, 6), "PL"),
    ("Kulmhof / Chelmno nad Nerem", "25 kwietnia – 20 września", (4, 25), (9, 20), "PL"),
    ("Ratusz w Schwedt", "9 października – 23 listopada", (10, 9), (11, 23), "DE"),
]


def test_exhibition_four_venues_of_2018(catalogue: Catalogue, source: str) -> None:
    """The exhibition's four 2018 presentations, with the dates as printed and as dates."""
    events = [e for e in catalogue.program("ZMP-WYPEDZENI").events if e.source == "doc"]
    assert len(events) == 4
    for event, (name, raw, start, end, country) in zip(events, VENUES, strict=True):
        assert name in source
        assert raw in source
        assert (event.name, event.raw, event.country) == (name, raw, country)
        assert event.start == dt.date(2018, *start)
        assert event.end == dt.date(2018, *end)


def test_other_dated_events(catalogue: Catalogue) -> None:
    """The dated events of zmp.md: a PPP study visit, the URBACT call, the PL–UA workshop."""
    expected = {
        "ZMP-PPP": (dt.date(2018, 4, 18), dt.date(2018, 4, 18), "Gdańsk"),
        "ZMP-URBACT": (dt.date(2019, 4, 17), dt.date(2019, 4, 17), ""),
        "ZMP-PL-UA": (dt.date(2018, 12, 14), dt.date(2018, 12, 15), "Płock"),
    }
    for code, (start, end, place) in expected.items():
        (event,) = catalogue.program(code).events
        assert (event.start, event.end, event.place) == (start, end, place)


# --- outputs and editions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "quantity", "qualifier", "words"),
    [
        ("ZMP-PPP", Decimal(1200), "ponad", "przedstawicieli miast i gmin przeszkolonych"),
        ("ZMP-PPP", Decimal(11), "", "numerów Biuletynu PPP"),
        ("ZMP-STULECIE", Decimal(80), "ok.", "miast nadesłało materiały"),
        ("ZMP-STULECIE", Decimal(3), "", "Samorządni i Niepodlegli"),
    ],
    ids=["ppp-1200-trained", "ppp-11-bulletins", "centenary-80-cities", "centenary-3-cities"],
)
def test_outputs(
    catalogue: Catalogue,
    source_plain: str,
    code: str,
    quantity: Decimal,
    qualifier: str,
    words: str,
) -> None:
    """Named quantities are kept with their number and qualifier, text verbatim."""
    found = [o for o in catalogue.program(code).outputs if words in o.text]
    assert len(found) == 1
    output = found[0]
    assert (output.quantity, output.qualifier, output.source) == (quantity, qualifier, "doc")
    assert output.text in source_plain


def test_centenary_outputs_archive_and_book(catalogue: Catalogue, source_plain: str) -> None:
    """The centenary project produced an online archive, a book and an exhibition."""
    texts = [o.text for o in catalogue.program("ZMP-STULECIE").outputs if o.source == "doc"]
    assert any(t.startswith("archiwum internetowe") for t in texts)
    assert any("„Sto lat Związku Miast Polskich 1917-2018”" in t for t in texts)
    for text in texts:
        assert text in source_plain


def test_pdp_editions(catalogue: Catalogue, source: str) -> None:
    """Editions I (25 gminas, 17 members, 2016–2018) and II (22 gminas, nabór trwa, 2019–2021)."""
    assert "25 gmin w projekcie; 17 miast członkowskich" in source
    assert "22 gminy w projekcie – nabór trwa" in source
    first, second = catalogue.program("ZMP-PDP").editions
    assert (first.code, first.name) == ("I", "Przestrzeń dla partycypacji I")
    assert (first.participants_stated, first.members_stated) == (25, 17)
    assert (first.start_year, first.end_year) == (2016, 2018)
    assert (second.code, second.name) == ("II", "Przestrzeń dla partycypacji II")
    assert (second.participants_stated, second.members_stated) == (22, None)
    assert second.status == "nabór trwa"
    assert (second.start_year, second.end_year) == (2019, 2021)


# --- texts verbatim, sources, notes -----------------------------------------------------------


def test_descriptions_verbatim(catalogue: Catalogue, source_plain: str) -> None:
    """Every line of a programme's description occurs in the document (emphasis removed)."""
    for program in catalogue.programs:
        for line in program.description.splitlines():
            assert plain(line) in source_plain, (program.code, line)


def test_document_facts_occur_in_the_document(
    catalogue: Catalogue, source: str, source_plain: str
) -> None:
    """Nothing sourced to the document is invented: its printed texts occur in the document."""
    for program in catalogue.programs:
        for p in program.participants:
            if p.source == "doc":
                assert p.printed_name in source, (program.code, p.printed_name)
        for partner in program.partners:
            if partner.source == "doc":
                assert partner.name in source, (program.code, partner.name)
        for event in program.events:
            if event.source == "doc":
                assert event.name in source, (program.code, event)
                assert event.raw in source, (program.code, event)
        for output in program.outputs:
            if output.source == "doc":
                assert output.text in source_plain, (program.code, output.text)
        for rate in program.rates:
            if rate.source == "doc":
                assert rate.raw in source, (program.code, rate.raw)


def test_every_fact_names_a_known_source(catalogue: Catalogue) -> None:
    """Each programme and each of its facts cites a source key of the catalogue."""
    keys = {s.key for s in catalogue.sources}
    assert "doc" in keys
    for program in catalogue.programs:
        cited = [
            ("programme", program.source),
            *(("figure " + f.raw, f.source) for f in program.figures),
            *(("rate " + r.raw, r.source) for r in program.rates),
            *(("partner " + x.name, x.source) for x in program.partners),
            *(("participant " + x.printed_name, x.source) for x in program.participants),
            *(("event " + e.name, e.source) for e in program.events),
            *(("output " + o.text, o.source) for o in program.outputs),
            *(("edition " + e.code, e.source) for e in program.editions),
            *(("note " + n.text, n.source) for n in program.notes),
        ]
        for fact, key in cited:
            assert key in keys, (program.code, fact, key)


def test_document_is_the_doc_source(catalogue: Catalogue) -> None:
    """The source "doc" is the document the catalogue is built from."""
    doc = next(s for s in catalogue.sources if s.key == "doc")
    assert doc.title == "Projekty Związku Miast Polskich realizowane z miastami i dla miast"


@pytest.mark.parametrize(
    ("code", "source_key", "words"),
    [
        ("ZMP-WYPEDZENI", "organisers-page", ["28 marca", "30 kwietnia"]),
        ("ZMP-URBACT", "urbact", ["70%", "85%"]),
        ("ZMP-PDP", "pdp-pages", ["Fundacja Pracownia Zrównoważonego Rozwoju"]),
        ("ZMP-FIRMY-RODZINNE", "gdynia-page", ["Opole Lubelskie"]),
    ],
    ids=["szczecin-dates", "urbact-70", "pdp-partners", "opole-lubelskie"],
)
def test_disagreements_are_notes(
    catalogue: Catalogue, code: str, source_key: str, words: list[str]
) -> None:
    """Where another source disagrees, its figure is a note citing it; the document's is kept."""
    notes = [n.text for n in catalogue.program(code).notes if n.source == source_key]
    assert any(all(word in text for word in words) for text in notes), notes


def test_document_figures_kept_over_others(catalogue: Catalogue) -> None:
    """The document's Szczecin dates, URBACT rate, PdP partners and 7 firms' cities are kept."""
    szczecin = next(e for e in catalogue.program("ZMP-WYPEDZENI").events if "Szczecin" in e.name)
    assert (szczecin.start, szczecin.end) == (dt.date(2018, 3, 29), dt.date(2018, 4, 6))
    urbact = catalogue.program("ZMP-URBACT").rate(RateKind.REFUND_RATE)
    assert urbact is not None
    assert urbact.percent == 85
    pdp = [p.name for p in catalogue.program("ZMP-PDP").partners]
    assert "Fundacja Napraw Sobie Miasto" in pdp
    firms = official_names(list(catalogue.program("ZMP-FIRMY-RODZINNE").participants))
    assert "Opole Lubelskie" not in firms


#: Participants the document prints in a locative, misspelt or abbreviated: (programme, as
#: printed, nominative), read from the document by hand.
PRINTED_FORMS = [
    ("ZMP-PPP", "Gdańsku", "Gdańsk"),
    ("ZMP-PPP", "Katowicach", "Katowice"),
    ("ZMP-PPP", "Poznaniu", "Poznań"),
    ("ZMP-PPP", "Warszawie", "Warszawa"),
    ("ZMP-PPP", "Sołec Zdrój", "Solec-Zdrój"),
    ("ZMP-PDP", "Cieszyń", "Cieszyn"),
    ("ZMP-PDP", "Gorzów Wlkp.", "Gorzów Wielkopolski"),
    ("ZMP-PL-UA", "Gąbin (k/Płocka)", "Gąbin"),
    ("ZMP-PL-UA", "miasto Żytomierz", "Żytomierz"),
]


@pytest.mark.parametrize(
    ("code", "printed", "nominative"), PRINTED_FORMS, ids=[p for _, p, _ in PRINTED_FORMS]
)
def test_participants_are_named_in_the_nominative(
    catalogue: Catalogue, source_plain: str, code: str, printed: str, nominative: str
) -> None:
    """The printed form is an alias quoted in the note; the name is the nominative."""
    assert printed in source_plain
    (found,) = [p for p in catalogue.program(code).participants if p.printed_name == printed]
    assert found.territory.name == nominative
    assert re.search(f"„(w (… )?)?{re.escape(printed)}”", found.note), found.note
    by_printed = {(p.code, x.role) for p, x in catalogue.participations(printed)}
    by_name = {(p.code, x.role) for p, x in catalogue.participations(nominative)}
    assert (code, found.role) in by_printed & by_name


def test_every_other_printed_form_is_listed(catalogue: Catalogue) -> None:
    """No participant other than those above is printed differently from its name."""
    differing = {
        (program.code, p.printed_name)
        for program in catalogue.programs
        for p in program.participants
        if p.printed_name and p.printed_name != p.territory.name
    }
    assert differing == {(code, printed) for code, printed, _ in PRINTED_FORMS}


def test_notes_events_and_outputs_are_in_polish(catalogue: Catalogue) -> None:
    """The catalogue's own texts hold no English word (the document is Polish)."""
    from tests.language import english_words

    texts = [
        text
        for program in catalogue.programs
        for text in (
            *(n.text for n in program.notes),
            *(o.text for o in program.outputs),
            *(e.name for e in program.events),
            *(e.note for e in program.events),
            *(e.raw for e in program.events),
            *(p.note for p in program.participants),
            *(f.note for f in program.figures),
            *(r.note for r in program.rates),
            *(e.note for e in program.editions),
        )
    ]
    names = ("Gen-Y City", "m.in.")  # a network's name; "m.in." is Polish (między innymi)
    english = {text: words for text in texts if (words := english_words(text, names=names))}
    assert english == {}
