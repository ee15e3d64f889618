"""Territories, their codes and memberships: the invariants the model classes keep."""

from __future__ import annotations

from typing import Any

import pytest

from citystrategy.errors import ModelError
from citystrategy.model import (
    Catalogue,
    CityProfile,
    Membership,
    MembershipStatus,
    Territory,
    TerritoryKind,
)

KIELCE = Territory(name="Kielce", kind=TerritoryKind.CITY_WITH_POWIAT_RIGHTS, teryt="2661011")
BIERUTOW = Territory(
    name="Bierutów", kind=TerritoryKind.GMINA, teryt="0214023", town_teryt="0214024"
)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": TerritoryKind.GMINA, "teryt": "2661"}, "a gmina has 7 digits (got '2661')"),
        (
            {"kind": TerritoryKind.CITY_WITH_POWIAT_RIGHTS, "teryt": "26"},
            "a city with powiat rights has 7 digits",
        ),
        ({"kind": TerritoryKind.POWIAT, "teryt": "2661011"}, "a powiat has 4 digits"),
        ({"kind": TerritoryKind.VOIVODESHIP, "teryt": "2661"}, "a voivodeship has 2 digits"),
        ({"kind": TerritoryKind.GMINA, "teryt": "2661019"}, "gmina kind '9'"),
        ({"kind": TerritoryKind.GMINA, "teryt": "2761011"}, "voivodeship '27'"),
        (
            {"kind": TerritoryKind.GMINA, "teryt": "2661011", "town_teryt": "2661014"},
            "'town_teryt'",
        ),
        (
            {"kind": TerritoryKind.GMINA, "teryt": "0214023", "town_teryt": "0214034"},
            "'0214034'",
        ),
        ({"kind": TerritoryKind.GMINA, "town_teryt": "0214024"}, "'town_teryt'"),
        (
            {
                "kind": TerritoryKind.CITY_WITH_POWIAT_RIGHTS,
                "teryt": "2661011",
                "bdl_powiat_id": "05261526100",
            },
            "12 digits (got '05261526100')",
        ),
        (
            {"kind": TerritoryKind.GMINA, "teryt": "2604123", "bdl_powiat_id": "052615261000"},
            "only a city with powiat rights",
        ),
    ],
    ids=[
        "gmina-with-powiat-code",
        "city-with-voivodeship-code",
        "powiat-with-gmina-code",
        "voivodeship-with-powiat-code",
        "kind-9",
        "voivodeship-27",
        "town-of-an-urban-gmina",
        "town-of-another-gmina",
        "town-without-gmina",
        "short-bdl-id",
        "bdl-id-of-a-gmina",
    ],
)
def test_territory_refuses(fields: dict[str, Any], message: str) -> None:
    """A code of the wrong level for its kind, a bad town code or BDL id is a ModelError."""
    with pytest.raises(ModelError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Territory(name="Przykładowo", **fields)


def test_a_district_takes_any_level_of_code() -> None:
    """Kinds without a level of their own (district, functional area) take any valid code."""
    assert Territory(name="KOF", kind=TerritoryKind.FUNCTIONAL_AREA, teryt="2604").teryt == "2604"


def test_codes_of_a_city_with_powiat_rights() -> None:
    """Kielce answers to its gmina and powiat codes; Bierutów to its gmina's and its town's."""
    assert KIELCE.codes == ("2661011", "2661")
    assert BIERUTOW.codes == ("0214023", "0214024")
    assert (KIELCE.voivodeship_code, KIELCE.voivodeship, KIELCE.powiat_code) == (
        "26",
        "świętokrzyskie",
        "2661",
    )
    assert KIELCE.bdl_gmina_id is None


def test_a_territory_without_a_code() -> None:
    """A territory without a code has no voivodeship, powiat or codes."""
    osiedle = Territory(name="Ślichowice", kind=TerritoryKind.DISTRICT)
    assert (osiedle.voivodeship, osiedle.powiat_code, osiedle.codes) == (None, None, ())


@pytest.mark.parametrize(
    "status",
    [MembershipStatus.MEMBER, MembershipStatus.PROBABLY, MembershipStatus.NOT_MEMBER],
    ids=["member", "probably", "not-member"],
)
def test_evidence_needs_a_source(status: MembershipStatus) -> None:
    """A membership that says anything but "unknown" names its source."""
    with pytest.raises(ModelError, match="needs its 'source'"):
        Membership(territory=KIELCE, status=status, source=" ")
    assert Membership(territory=KIELCE, status=MembershipStatus.UNKNOWN).source == ""


def _member(territory: Territory, status: MembershipStatus) -> Membership:
    return Membership(territory=territory, status=status, source="https://miasta.pl")


def test_catalogue_members_default_to_the_confirmed_memberships() -> None:
    """Catalogue.members defaults to the territories whose membership is confirmed."""
    catalogue = Catalogue(
        code="zmp",
        name="ZMP",
        memberships=[
            _member(KIELCE, MembershipStatus.MEMBER),
            _member(BIERUTOW, MembershipStatus.PROBABLY),
        ],
    )
    assert catalogue.members == (KIELCE,)
    assert catalogue.profile("0214024").status is MembershipStatus.PROBABLY
    assert catalogue.profile("2661").member is True


def test_catalogue_refuses_two_memberships_of_one_territory() -> None:
    """A territory has one membership in a catalogue."""
    with pytest.raises(ModelError, match="two memberships"):
        Catalogue(
            code="zmp",
            name="ZMP",
            memberships=[
                _member(KIELCE, MembershipStatus.MEMBER),
                _member(KIELCE, MembershipStatus.NOT_MEMBER),
            ],
        )


def test_catalogue_refuses_members_the_memberships_contradict() -> None:
    """Members given beside memberships must be the confirmed ones."""
    with pytest.raises(ModelError, match="'members' differs"):
        Catalogue(
            code="zmp",
            name="ZMP",
            members=[BIERUTOW],
            memberships=[_member(KIELCE, MembershipStatus.MEMBER)],
        )


def test_complete_member_list_makes_the_unlisted_non_members() -> None:
    """Against a complete member list, a city not on it is not a member, without a source."""
    catalogue = Catalogue(code="x", name="X", members=[KIELCE], members_complete=True)
    profile = catalogue.profile("Radom")
    assert (profile.member, profile.status, profile.membership) == (
        False,
        MembershipStatus.NOT_MEMBER,
        None,
    )


@pytest.mark.parametrize(
    ("member", "status"),
    [(True, MembershipStatus.PROBABLY), (None, MembershipStatus.MEMBER)],
    ids=["member-but-probably", "unknown-but-member"],
)
def test_profile_status_agrees_with_member(member: bool | None, status: MembershipStatus) -> None:
    """A profile's status and its yes/no/unknown agree."""
    with pytest.raises(ModelError, match="contradicts"):
        CityProfile(query="x", territory=None, member=member, participations=(), status=status)


@pytest.mark.parametrize(
    ("member", "status"),
    [
        (True, MembershipStatus.MEMBER),
        (False, MembershipStatus.NOT_MEMBER),
        (None, MembershipStatus.UNKNOWN),
    ],
    ids=["yes", "no", "unknown"],
)
def test_profile_status_defaults_to_what_member_says(
    member: bool | None, status: MembershipStatus
) -> None:
    """Without a status, a profile's status is the one its yes/no/unknown says."""
    profile = CityProfile(query="x", territory=None, member=member, participations=())
    assert profile.status is status


def test_profile_status_agrees_with_its_membership() -> None:
    """The membership a profile quotes has the profile's status."""
    with pytest.raises(ModelError, match="differs from its membership"):
        CityProfile(
            query="Kielce",
            territory=KIELCE,
            member=None,
            participations=(),
            status=MembershipStatus.UNKNOWN,
            membership=_member(KIELCE, MembershipStatus.PROBABLY),
        )
