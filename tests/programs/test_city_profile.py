"""city_profile: a city's programmes and membership, the city found through the register."""

from __future__ import annotations

import csv
import io
from collections import Counter
from importlib.resources import files

import pytest

from citystrategy.errors import TerytError, UnknownCatalogueError, UnknownTerritoryError
from citystrategy.model import MembershipStatus, TerritoryKind
from citystrategy.programs import city_profile
from tests.programs.helpers import codes


def _rows(package: str, name: str) -> list[dict[str, str]]:
    """The rows of a packaged CSV file, read with the csv module."""
    data = files(package) / "data" / name
    return list(csv.DictReader(io.StringIO(data.read_text(encoding="utf-8"))))


CITIES = _rows("citystrategy.territories", "cities_with_powiat_rights.csv")
#: Each member list with the status its rows have.
LISTS = {
    "members.csv": MembershipStatus.MEMBER,
    "members_indirect.csv": MembershipStatus.PROBABLY,
    "not_members.csv": MembershipStatus.NOT_MEMBER,
}


def _listed_status() -> dict[str, MembershipStatus]:
    """TERC gmina code -> the status of the list that names it, read independently."""
    return {
        row["teryt_gmina"]: status
        for name, status in LISTS.items()
        for row in _rows("citystrategy.programs.zmp", name)
    }


@pytest.mark.parametrize("row", CITIES, ids=[row["city"] for row in CITIES])
def test_every_city_has_a_profile(row: dict[str, str]) -> None:
    """Each of the 66 cities has a profile under its name and codes, with its listed status."""
    expected = _listed_status().get(row["teryt_gmina"], MembershipStatus.UNKNOWN)
    for query in (row["city"], row["teryt_gmina"], row["teryt_powiat"]):
        profile = city_profile(query)
        assert profile.territory is not None
        assert profile.territory.teryt == row["teryt_gmina"]
        assert profile.query == query
        assert profile.status is expected


def test_status_counts_of_the_66_cities() -> None:
    """The 66 cities' statuses are counted as the member lists flag them, the rest unknown."""
    flagged: Counter[MembershipStatus] = Counter(
        status
        for name, status in LISTS.items()
        for row in _rows("citystrategy.programs.zmp", name)
        if row["city_with_powiat_rights"] == "yes"
    )
    flagged[MembershipStatus.UNKNOWN] = 66 - sum(flagged.values())
    found = Counter(city_profile(row["teryt_gmina"]).status for row in CITIES)
    assert found == flagged
    assert found[MembershipStatus.MEMBER] == 39  # data/README.md: 168 members, 39 of the 66


def test_radom_is_a_city_in_no_programme() -> None:
    """Radom, on no member list and in no programme, has an empty profile: membership unknown."""
    profile = city_profile("Radom")
    assert profile.territory is not None
    assert (profile.territory.teryt, profile.territory.kind) == (
        "1463011",
        TerritoryKind.CITY_WITH_POWIAT_RIGHTS,
    )
    assert (profile.member, profile.status, profile.membership) == (
        None,
        MembershipStatus.UNKNOWN,
        None,
    )
    assert profile.participations == ()


def test_register_spellings_reach_the_catalogue() -> None:
    """Ostrowiec Św. and Gorzów Wlkp., spelled as people write them, find their records."""
    assert city_profile("Ostrowiec Św.").status is MembershipStatus.PROBABLY
    gorzow = city_profile("Gorzów Wlkp.")
    assert (gorzow.status, codes(gorzow.programs)) == (MembershipStatus.MEMBER, ["ZMP-PDP"])


def test_a_printed_name_is_looked_up_in_the_catalogue() -> None:
    """'Gdańsku', a name the register does not know, is found as a programme prints it."""
    profile = city_profile("Gdańsku")
    assert profile.territory is not None
    assert profile.territory.bdl_powiat_id == "042214361000"  # the register's Gdańsk
    assert profile.status is MembershipStatus.MEMBER
    assert codes(profile.programs) == ["ZMP-PPP", "ZMP-URBACT"]


def test_a_foreign_partner() -> None:
    """Żytomierz, outside the register, is the catalogue's foreign partner."""
    profile = city_profile("Żytomierz")
    assert profile.territory is not None
    assert profile.territory.kind is TerritoryKind.FOREIGN
    assert codes(profile.programs) == ["ZMP-PL-UA"]


def test_an_unknown_city_is_an_error_with_close_names() -> None:
    """A name neither the register nor the catalogue knows is an UnknownTerritoryError."""
    with pytest.raises(UnknownTerritoryError, match=r"did you mean 'Radom \(1463011\)'"):
        city_profile("Radomm")


def test_a_bad_code_is_an_error() -> None:
    """A code that is no TERYT code is a TerytError, not an unknown city."""
    with pytest.raises(TerytError, match="'26610111'"):
        city_profile("26610111")


def test_an_unknown_catalogue() -> None:
    """An unknown catalogue is an UnknownCatalogueError."""
    with pytest.raises(UnknownCatalogueError, match="'zpp'"):
        city_profile("Kielce", catalogue="zpp")
