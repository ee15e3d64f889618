"""City look-ups in the ZMP catalogue: by name or TERYT, by theme, by year, and city profiles."""

from __future__ import annotations

import pytest

from citystrategy.model import Catalogue, MembershipStatus, ParticipantRole, TerritoryKind
from citystrategy.programs import get_program, list_programs, zmp
from tests.programs.helpers import codes, official_names, with_role

PLOCK = ["ZMP-PPP", "ZMP-PL-UA"]
GDANSK = ["ZMP-PPP", "ZMP-URBACT"]


# --- for_city ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kielce", ["ZMP-PDP"]),
        ("2661011", ["ZMP-PDP"]),
        ("Płock", PLOCK),
        ("plock", PLOCK),
        ("PŁOCK", PLOCK),
        ("1462011", PLOCK),
        ("Gdańsk", GDANSK),
        ("GDANSK", GDANSK),
        ("gdańsk", GDANSK),
        ("2261011", GDANSK),
        ("Gorzów Wlkp.", ["ZMP-PDP"]),
        ("Gorzów Wielkopolski", ["ZMP-PDP"]),
        ("Gorzow Wielkopolski", ["ZMP-PDP"]),
        ("gorzow wlkp", ["ZMP-PDP"]),
        ("0861011", ["ZMP-PDP"]),
        ("Cieszyn", ["ZMP-PDP"]),
        ("Cieszyń", ["ZMP-PDP"]),
        ("Solec-Zdrój", ["ZMP-PPP"]),
        ("Sołec Zdrój", ["ZMP-PPP"]),
        ("Grodzisk Mazowiecki", ["ZMP-FIRMY-RODZINNE", "ZMP-PL-UA"]),
        ("Grodzisk Maz.", ["ZMP-FIRMY-RODZINNE", "ZMP-PL-UA"]),
        ("Starogard Gd.", ["ZMP-FIRMY-RODZINNE"]),
        ("Gąbin", ["ZMP-PL-UA"]),
        ("Żytomierz", ["ZMP-PL-UA"]),
        ("Warszawa", ["ZMP-PPP", "ZMP-PDP", "ZMP-URBACT"]),
        ("Katowice", ["ZMP-PPP", "ZMP-URBACT"]),
        ("Poznań", ["ZMP-PPP", "ZMP-URBACT"]),
        ("Toruń", ["ZMP-URBACT"]),
        (" Kielce ", ["ZMP-PDP"]),
    ],
    ids=[
        "kielce",
        "kielce-teryt",
        "plock",
        "plock-ascii",
        "plock-upper",
        "plock-teryt",
        "gdansk",
        "gdansk-upper-ascii",
        "gdansk-lower",
        "gdansk-teryt",
        "gorzow-wlkp",
        "gorzow-full",
        "gorzow-ascii",
        "gorzow-lower-no-dot",
        "gorzow-teryt",
        "cieszyn",
        "cieszyn-as-printed",
        "solec-terc",
        "solec-as-printed",
        "grodzisk",
        "grodzisk-abbreviated",
        "starogard-abbreviated",
        "gabin",
        "zytomierz",
        "warszawa",
        "katowice",
        "poznan",
        "torun",
        "spaces",
    ],
)
def test_for_city(catalogue: Catalogue, query: str, expected: list[str]) -> None:
    """for_city finds a city by name or TERYT, whatever its diacritics, case or abbreviation."""
    assert codes(catalogue.for_city(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Rawa Maz.", ["ZMP-PDP"]), ("Grodzisk Maz.", ["ZMP-FIRMY-RODZINNE", "ZMP-PL-UA"])],
    ids=["feminine-rawa", "masculine-grodzisk"],
)
def test_abbreviated_adjective_of_either_gender(
    catalogue: Catalogue, query: str, expected: list[str]
) -> None:
    """ "Maz." abbreviates Mazowiecka as well as Mazowiecki: Rawa Maz. is Rawa Mazowiecka."""
    assert codes(catalogue.for_city(query)) == expected


def test_gorzow_spellings_agree(catalogue: Catalogue) -> None:
    """ "Gorzów Wlkp.", "Gorzów Wielkopolski" and "Gorzow Wielkopolski" are one city."""
    found = [
        catalogue.for_city(name)
        for name in ("Gorzów Wlkp.", "Gorzów Wielkopolski", "Gorzow Wielkopolski")
    ]
    assert found[0] == found[1] == found[2] != ()


@pytest.mark.parametrize(
    "query",
    ["Szczecin", "Atlantyda", "9999999", "2661012", "Kielce-Zachód", ""],
    ids=["not-a-participant", "no-such-city", "bad-code", "unknown-code", "near-name", "empty"],
)
def test_unknown_city_takes_part_in_nothing(catalogue: Catalogue, query: str) -> None:
    """A city or code the catalogue does not know gives no programmes, not an error."""
    assert catalogue.for_city(query) == ()
    assert catalogue.participations(query) == ()


def test_each_programme_once(catalogue: Catalogue) -> None:
    """Gdańsk is a PPP site and a PPP training venue, yet PPP is listed once."""
    assert codes(catalogue.for_city("Gdańsk")) == GDANSK
    roles = [(p.code, x.role) for p, x in catalogue.participations("Gdańsk")]
    assert roles == [
        ("ZMP-PPP", ParticipantRole.SITE),
        ("ZMP-PPP", ParticipantRole.TRAINING_VENUE),
        ("ZMP-URBACT", ParticipantRole.NETWORK_LEAD),
    ]


# --- the "Done when" ------------------------------------------------------------------


def test_kielce_took_part_in_pdp_first_edition(catalogue: Catalogue) -> None:
    """Kielce's programmes: Przestrzeń dla partycypacji, edition I, as a member city."""
    ((program, role),) = catalogue.participations("Kielce")
    assert program.name == "Przestrzeń dla partycypacji"
    assert (role.edition, role.role) == ("I", ParticipantRole.MEMBER_CITY)
    edition = next(e for e in program.editions if e.code == role.edition)
    assert edition.name == "Przestrzeń dla partycypacji I"


def test_plock_took_part_in_ppp_and_pl_ua(catalogue: Catalogue) -> None:
    """Płock was a PPP site and the Polish partner city of Żytomierz."""
    found = [(p.code, x.role) for p, x in catalogue.participations("Płock")]
    assert found == [
        ("ZMP-PPP", ParticipantRole.SITE),
        ("ZMP-PL-UA", ParticipantRole.PARTNER_CITY),
    ]
    assert catalogue.program("ZMP-PPP").name == "Rozwój partnerstwa publiczno-prywatnego w Polsce"


def test_gdansk_urbact_networks(catalogue: Catalogue) -> None:
    """Gdańsk's URBACT participation carries its networks: 3, leading BoostInno."""
    urbact = [x for p, x in catalogue.participations("Gdańsk") if p.code == "ZMP-URBACT"]
    assert len(urbact) == 1
    assert urbact[0].networks == ("BoostInno",)
    assert "3 sieci" in urbact[0].note


# --- the cities of a programme ----------------------------------------------------------------


def test_cities_of_ppp(catalogue: Catalogue) -> None:
    """The PPP sites, as territories with TERYT codes, and Płock among them."""
    sites = with_role(catalogue.program("ZMP-PPP"), ParticipantRole.SITE)
    assert len(sites) == 12
    assert "Płock" in official_names(sites)
    assert all(p.territory.teryt for p in sites)


def test_cities_of_pl_ua(catalogue: Catalogue) -> None:
    """The Polish–Ukrainian project has 3 Polish and 3 Ukrainian territories."""
    kinds = [p.territory.kind for p in catalogue.program("ZMP-PL-UA").participants]
    assert kinds.count(TerritoryKind.FOREIGN) == 3
    assert len(kinds) == 6


# --- by theme and by year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("partnerstwo publiczno-prywatne", ["ZMP-PPP"]),
        ("Partnerstwo Publiczno-Prywatne", ["ZMP-PPP"]),
        ("partycypacja", ["ZMP-PDP"]),
        ("oswiata", ["ZMP-OSWIATA"]),
        ("URBACT", ["ZMP-URBACT"]),
        ("firmy rodzinne", ["ZMP-FIRMY-RODZINNE"]),
        ("wystawa", ["ZMP-WYPEDZENI"]),
        ("kosmonautyka", []),
    ],
    ids=[
        "ppp",
        "ppp-case",
        "pdp",
        "education-ascii",
        "urbact",
        "family-firms",
        "exhibition",
        "none",
    ],
)
def test_by_theme(catalogue: Catalogue, theme: str, expected: list[str]) -> None:
    """by_theme matches part of a theme tag, whatever its case and diacritics."""
    assert codes(catalogue.by_theme(theme)) == expected


def test_by_theme_ppp_abbreviation(catalogue: Catalogue) -> None:
    """ "PPP", the CLI's own example of a theme (--theme PPP), finds the PPP programme."""
    assert "ZMP-PPP" in codes(catalogue.by_theme("PPP"))


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2015, []),
        (2016, ["ZMP-PDP"]),
        (2019, ["ZMP-MRL", "ZMP-PPP", "ZMP-FIRMY-RODZINNE", "ZMP-PDP"]),
        (2021, ["ZMP-PDP"]),
        (2022, []),
    ],
    ids=["2015", "2016", "2019", "2021", "2022"],
)
def test_by_year(catalogue: Catalogue, year: int, expected: list[str]) -> None:
    """by_year lists the programmes whose years include *year*."""
    assert codes(catalogue.by_year(year)) == expected


def test_by_year_2018(catalogue: Catalogue) -> None:
    """2018 has MRL, PPP, the family firms, the centenary, PdP and the exhibition."""
    found = codes(catalogue.by_year(2018))
    for code in (
        "ZMP-MRL",
        "ZMP-PPP",
        "ZMP-FIRMY-RODZINNE",
        "ZMP-STULECIE",
        "ZMP-PDP",
        "ZMP-WYPEDZENI",
    ):
        assert code in found


def test_smup_ran_in_2018(catalogue: Catalogue) -> None:
    """SMUP's concept phase ran 1.01.2017–31.12.2018 (zmp.md), so 2018 is one of its years."""
    assert "ZMP-SMUP" in codes(catalogue.by_year(2018))


# --- profiles ---------------------------------------------------------------------------------


def test_profile_of_kielce(catalogue: Catalogue) -> None:
    """Kielce is a ZMP member (since 1990) and took part in PdP I."""
    profile = catalogue.profile("Kielce")
    assert profile.member is True
    assert profile.territory is not None
    assert profile.territory.teryt == "2661011"
    assert codes(profile.programs) == ["ZMP-PDP"]


@pytest.mark.parametrize(
    ("query", "programs"),
    [("Płock", PLOCK), ("Kalisz", ["ZMP-FIRMY-RODZINNE"]), ("Nowy Sącz", ["ZMP-PPP"])],
    ids=["plock", "kalisz", "nowy-sacz"],
)
def test_membership_unknown_off_the_partial_list(
    catalogue: Catalogue, query: str, programs: list[str]
) -> None:
    """A city missing from the partial member lists is of unknown membership, not a non-member."""
    profile = catalogue.profile(query)
    assert profile.member is None
    assert profile.status is MembershipStatus.UNKNOWN
    assert profile.membership is None
    assert codes(profile.programs) == programs
    assert catalogue.members_complete is False


@pytest.mark.parametrize(
    ("query", "as_of"),
    [("Gdańsk", "2019-02-21"), ("Katowice", "2019-02-21")],
    ids=["gdansk", "katowice"],
)
def test_cities_the_new_member_list_confirms(catalogue: Catalogue, query: str, as_of: str) -> None:
    """Gdańsk and Katowice, unknown on the old list of 129, are members with a dated source."""
    profile = catalogue.profile(query)
    assert (profile.member, profile.status) == (True, MembershipStatus.MEMBER)
    assert profile.membership is not None
    assert profile.membership.as_of == as_of
    assert profile.membership.source.startswith("http")


def test_probable_member(catalogue: Catalogue) -> None:
    """Sopot sits on the ZMP Board (2024): a probable member, whose 'member' is not known."""
    profile = catalogue.profile("Sopot")
    assert (profile.member, profile.status) == (None, MembershipStatus.PROBABLY)
    assert profile.membership is not None
    assert profile.membership.as_of == "2024-06-18"


def test_former_member(catalogue: Catalogue) -> None:
    """Szczecin left ZMP in 2016: not a member, with the source that says so."""
    profile = catalogue.profile("Szczecin")
    assert (profile.member, profile.status) == (False, MembershipStatus.NOT_MEMBER)
    assert profile.membership is not None
    assert profile.membership.note.startswith("LEFT:")
    assert profile.territory is not None
    assert profile.territory.teryt == "3262011"


def test_printed_name_finds_the_membership(catalogue: Catalogue) -> None:
    """'Gdańsku', as a programme prints it, has Gdańsk's membership."""
    assert catalogue.profile("Gdańsku").status is MembershipStatus.MEMBER


def test_town_code_finds_the_urban_rural_gmina(catalogue: Catalogue) -> None:
    """The town code of Bierutów (0214024) finds the member gmina Bierutów (0214023)."""
    profile = catalogue.profile("0214024")
    assert profile.territory is not None
    assert (profile.territory.teryt, profile.status) == ("0214023", MembershipStatus.MEMBER)


def test_profile_by_teryt(catalogue: Catalogue) -> None:
    """A profile by TERYT code is the profile by name."""
    assert catalogue.profile("1462011").participations == catalogue.profile("Płock").participations
    assert catalogue.profile("0861011").member is True


def test_profile_of_a_member_without_programmes(catalogue: Catalogue) -> None:
    """A member city that took part in nothing has a profile with no participations."""
    profile = catalogue.profile("Bolesławiec")
    assert profile.member is True
    assert profile.territory is not None
    assert profile.territory.teryt == "0201011"
    assert profile.participations == ()


def test_profile_of_an_unknown_city(catalogue: Catalogue) -> None:
    """An unknown city has no territory, unknown membership and no participations."""
    profile = catalogue.profile("Atlantyda")
    assert (profile.territory, profile.member, profile.participations) == (None, None, ())
    assert profile.programs == ()


def test_profile_of_a_foreign_partner(catalogue: Catalogue) -> None:
    """Żytomierz is a foreign territory, without TERYT, in the Polish–Ukrainian project."""
    profile = catalogue.profile("Żytomierz")
    assert profile.territory is not None
    assert profile.territory.kind is TerritoryKind.FOREIGN
    assert profile.territory.teryt is None
    assert codes(profile.programs) == ["ZMP-PL-UA"]


# --- the adapter ------------------------------------------------------------------------------


def test_zmp_is_registered() -> None:
    """The ZMP catalogue is registered under "zmp" and loads the same shared catalogue."""
    assert "zmp" in list_programs()
    adapter = get_program("ZMP")
    assert adapter.name == "Związek Miast Polskich"
    assert adapter.load() is zmp.load()


def test_unknown_catalogue() -> None:
    """An unknown catalogue slug is a KeyError naming the known ones."""
    with pytest.raises(KeyError, match="zmp"):
        get_program("zpp")


def test_inflected_printed_name_stands_for_the_territory() -> None:
    """'Gdańsku' (printed for a training venue) finds every programme of Gdańsk, URBACT too."""
    from citystrategy.programs import zmp

    catalogue = zmp.load()
    assert [p.code for p in catalogue.for_city("Gdańsku")] == [
        p.code for p in catalogue.for_city("Gdańsk")
    ]
    assert "ZMP-URBACT" in [p.code for p in catalogue.for_city("Warszawie")]


def test_total_of_nothing_is_unknown() -> None:
    """No programme states an own contribution: the total is None, not 0 zł."""
    from citystrategy.funding import total
    from citystrategy.programs import zmp

    assert total(zmp.load().programs, "own_contribution") is None
