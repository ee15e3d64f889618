"""Territories: the units a strategy or an observation refers to, their TERYT codes, a register
to look them up in, and their membership of an organisation.

:func:`check_teryt` is the one TERYT (TERC) validator of the library: every reader, model class
and look-up that takes a code asks it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from citystrategy._arguments import member, text
from citystrategy._i18n import N_, Nn_
from citystrategy.errors import (
    AmbiguousTerritoryError,
    Message,
    ModelError,
    TerytError,
    UnknownTerritoryError,
)
from citystrategy.model._names import normalise_name
from citystrategy.model._validators import entity, non_blank

__all__ = [
    "TERYT_LENGTHS",
    "VOIVODESHIPS",
    "Membership",
    "MembershipStatus",
    "Territory",
    "TerritoryKind",
    "TerritoryRegister",
    "TerytLevel",
    "check_teryt",
    "teryt_problem",
    "validate_teryt",
]

#: The 16 voivodeships by their TERC code, with their official (lower-case) names.
VOIVODESHIPS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "02": "dolnośląskie",
        "04": "kujawsko-pomorskie",
        "06": "lubelskie",
        "08": "lubuskie",
        "10": "łódzkie",
        "12": "małopolskie",
        "14": "mazowieckie",
        "16": "opolskie",
        "18": "podkarpackie",
        "20": "podlaskie",
        "22": "pomorskie",
        "24": "śląskie",
        "26": "świętokrzyskie",
        "28": "warmińsko-mazurskie",
        "30": "wielkopolskie",
        "32": "zachodniopomorskie",
    }
)


class TerytLevel(StrEnum):
    """The level of a TERYT (TERC) code, told by its length."""

    VOIVODESHIP = "voivodeship"  #: 2 digits
    POWIAT = "powiat"  #: 4 digits: voivodeship and powiat
    GMINA = "gmina"  #: 7 digits: voivodeship, powiat, gmina and the gmina kind


#: Digits of a TERYT code at each level.
TERYT_LENGTHS: Final[Mapping[TerytLevel, int]] = MappingProxyType(
    {TerytLevel.VOIVODESHIP: 2, TerytLevel.POWIAT: 4, TerytLevel.GMINA: 7}
)
#: TERC gmina kinds (the 7th digit): 1 urban, 2 rural, 3 urban-rural, 4 the town and 5 the rural
#: part of an urban-rural gmina. Districts (8, 9) are not gminas.
_GMINA_KINDS: Final = frozenset("12345")
_DIGITS_RE: Final = re.compile(r"[0-9]+")


def check_teryt(code: str, level: TerytLevel | str | None = None) -> str | None:
    """Why *code* is not a TERYT (TERC) code, of *level* if given, or ``None`` if it is one.

    A voivodeship code has 2 digits, a powiat code 4 and a gmina code 7, the last being the gmina
    kind (1–5). The voivodeship must exist, and powiats and gminas are numbered from 01.

    >>> check_teryt("2661011") is None, check_teryt("2661") is None, check_teryt("26") is None
    (True, True, True)
    >>> check_teryt("2761011"), check_teryt("2661019")
    ("voivodeship '27' does not exist", "gmina kind '9' does not exist (expected 1–5)")
    >>> check_teryt("2661", "gmina")
    'expected 7 digits'

    Raises:
        ArgumentTypeError: If *code* is not a string.
        ArgumentError: If *level* is not a :class:`TerytLevel` or its value.
    """
    reason = teryt_problem(code, level)
    return None if reason is None else str(reason)


def teryt_problem(code: str, level: TerytLevel | str | None = None) -> Message | None:
    """Why *code* is not a TERYT (TERC) code, as a message to word in any language, or ``None``.

    :func:`check_teryt` gives the same reason in English.

    >>> reason = teryt_problem("2761011")
    >>> reason.template, reason.values
    ('voivodeship {code!r} does not exist', {'code': '27'})

    Raises:
        ArgumentTypeError: If *code* is not a string.
        ArgumentError: If *level* is not a :class:`TerytLevel` or its value.
    """
    text(code, "code")
    wanted = None if level is None else member(TerytLevel, level, "level")
    if wanted is not None and len(code) != TERYT_LENGTHS[wanted]:
        singular, plural = Nn_("expected {count} digit", "expected {count} digits")
        return Message(singular, {"count": TERYT_LENGTHS[wanted]}, plural=plural)
    if not _DIGITS_RE.fullmatch(code) or len(code) not in TERYT_LENGTHS.values():
        return Message(N_("expected 2, 4 or 7 digits"))
    if code[:2] not in VOIVODESHIPS:
        return Message(N_("voivodeship {code!r} does not exist"), {"code": code[:2]})
    if len(code) >= 4 and code[2:4] == "00":
        return Message(N_("powiat number 00 does not exist"))
    if len(code) == 7 and code[4:6] == "00":
        return Message(N_("gmina number 00 does not exist"))
    if len(code) == 7 and code[6] not in _GMINA_KINDS:
        template = N_("gmina kind {kind!r} does not exist (expected 1–5)")
        return Message(template, {"kind": code[6]})
    return None


def validate_teryt(
    code: str, level: TerytLevel | str | None = None, *, location: str | None = None
) -> TerytLevel:
    """The level of the TERYT code *code*, which must be a valid one (of *level* if given).

    >>> validate_teryt("2661011")
    <TerytLevel.GMINA: 'gmina'>

    Raises:
        TerytError: If it is not one, saying why and showing the code.
        ArgumentTypeError: If *code* is not a string.
        ArgumentError: If *level* is not a :class:`TerytLevel` or its value.
    """
    reason = teryt_problem(code, level)
    if reason is not None:
        raise TerytError(code, reason, location)
    return next(lvl for lvl, length in TERYT_LENGTHS.items() if length == len(code))


class TerritoryKind(StrEnum):
    """What kind of unit a territory is (JST and below)."""

    COUNTRY = "country"
    VOIVODESHIP = "voivodeship"
    POWIAT = "powiat"
    GMINA = "gmina"
    CITY_WITH_POWIAT_RIGHTS = "city_with_powiat_rights"
    DISTRICT = "district"  #: osiedle or dzielnica, below city level
    FUNCTIONAL_AREA = "functional_area"  #: a group of territories, e.g. KOF
    FOREIGN = "foreign"  #: outside Poland, no TERYT code


#: The level of TERYT code each kind of territory has (kinds not listed take any level).
_LEVEL_OF_KIND: Final = MappingProxyType(
    {
        TerritoryKind.VOIVODESHIP: TerytLevel.VOIVODESHIP,
        TerritoryKind.POWIAT: TerytLevel.POWIAT,
        TerritoryKind.GMINA: TerytLevel.GMINA,
        TerritoryKind.CITY_WITH_POWIAT_RIGHTS: TerytLevel.GMINA,
    }
)
_BDL_ID_RE: Final = re.compile(r"[0-9]{12}")
#: How many digits the TERYT code of each kind of territory has, in words.
_DIGITS_OF_KIND: Final = MappingProxyType(
    {
        TerritoryKind.VOIVODESHIP: N_(
            "the TERYT code of a voivodeship has {digits} digits (got {code!r})"
        ),
        TerritoryKind.POWIAT: N_("the TERYT code of a powiat has {digits} digits (got {code!r})"),
        TerritoryKind.GMINA: N_("the TERYT code of a gmina has {digits} digits (got {code!r})"),
        TerritoryKind.CITY_WITH_POWIAT_RIGHTS: N_(
            "the TERYT code of a city with powiat rights has {digits} digits (got {code!r})"
        ),
    }
)


@frozen(kw_only=True)
class Territory:
    """A territory with its official identifier.

    Attributes:
        name: Official Polish name, e.g. ``"Kielce"``.
        kind: What kind of unit it is.
        teryt: TERC code: 2 digits (voivodeship), 4 (powiat) or 7 (gmina, the last digit being
            the gmina kind), or ``None`` for territories without one (districts, foreign cities).
            A gmina or a city with powiat rights has a gmina code of 7 digits.
        town_teryt: For an urban-rural gmina (kind 3), the TERC code of its town (kind 4).
        bdl_powiat_id: For a city with powiat rights, its powiat's unit id in GUS's Local Data
            Bank (BDL, 12 digits, e.g. ``"052615261000"``), where powiat figures are published.
        bdl_name: The unit's name in BDL, verbatim (``"Powiat m. Kielce"``).
    """

    name: str = field(validator=non_blank)
    kind: TerritoryKind
    teryt: str | None = None
    town_teryt: str | None = None
    bdl_powiat_id: str | None = None
    bdl_name: str = ""

    def __attrs_post_init__(self) -> None:
        this = entity(self)
        if self.kind is TerritoryKind.FOREIGN and self.teryt is not None:
            raise ModelError(this, Message(N_("a foreign territory has no TERYT code")))
        if self.teryt is not None:
            reason = teryt_problem(self.teryt)
            if reason is not None:
                template = N_("'teryt' must be a TERYT code ({reason}, got {code!r})")
                problem = Message(template, {"reason": reason, "code": self.teryt})
                raise ModelError(this, problem)
            level = _LEVEL_OF_KIND.get(self.kind)
            if level is not None and len(self.teryt) != TERYT_LENGTHS[level]:
                values = {"digits": TERYT_LENGTHS[level], "code": self.teryt}
                template = _DIGITS_OF_KIND[self.kind]
                raise ModelError(this, Message(template, values))
        if self.town_teryt is not None:
            expected = None if self.teryt is None else self.teryt[:6] + "4"
            if self.teryt is None or not self.teryt.endswith("3") or self.town_teryt != expected:
                template = N_(
                    "'town_teryt' must be the town part (kind 4) of an urban-rural gmina's code "
                    "(got {town!r} for 'teryt' {code!r})"
                )
                values = {"town": self.town_teryt, "code": self.teryt}
                raise ModelError(this, Message(template, values))
        if self.bdl_powiat_id is not None:
            if not _BDL_ID_RE.fullmatch(self.bdl_powiat_id):
                template = N_("'bdl_powiat_id' must be 12 digits (got {id!r})")
                raise ModelError(this, Message(template, {"id": self.bdl_powiat_id}))
            if self.kind is not TerritoryKind.CITY_WITH_POWIAT_RIGHTS:
                template = N_("only a city with powiat rights has a 'bdl_powiat_id'")
                raise ModelError(this, Message(template))

    @property
    def id(self) -> str:
        """The stable id used in long frames: the TERYT code, else the name."""
        return self.teryt if self.teryt is not None else self.name

    @property
    def voivodeship_code(self) -> str | None:
        """The TERC code of its voivodeship (the first two digits), if it has a code."""
        return None if self.teryt is None else self.teryt[:2]

    @property
    def voivodeship(self) -> str | None:
        """The name of its voivodeship (``"świętokrzyskie"``), if it has a code."""
        return None if self.teryt is None else VOIVODESHIPS[self.teryt[:2]]

    @property
    def powiat_code(self) -> str | None:
        """The TERC code of its powiat (4 digits), for a powiat or a gmina."""
        return None if self.teryt is None or len(self.teryt) < 4 else self.teryt[:4]

    @property
    def bdl_gmina_id(self) -> str | None:
        """For a city with powiat rights, its gmina-level BDL unit id (the powiat's, ending in
        ``011`` instead of ``000``)."""
        if self.bdl_powiat_id is None:
            return None
        return self.bdl_powiat_id[:-3] + "011"

    @property
    def codes(self) -> tuple[str, ...]:
        """Every TERYT code that names it: its own, its town's, and for a city with powiat
        rights its powiat's (``("2661011", "2661")`` for Kielce)."""
        found = [self.teryt, self.town_teryt]
        if self.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS:
            found.append(self.powiat_code)
        return tuple(code for code in found if code is not None)


class MembershipStatus(StrEnum):
    """What is known of a territory's membership of an organisation."""

    MEMBER = "member"  #: a cited source says it is a member
    PROBABLY = "probably"  #: very likely (it sits in one of the organisation's bodies)
    NOT_MEMBER = "not_member"  #: it left, was never admitted, or said it is not a member
    UNKNOWN = "unknown"  #: no source either way (a partial member list does not list it)


@frozen(kw_only=True)
class Membership:
    """What a source says of a territory's membership of an organisation.

    Attributes:
        territory: The territory.
        status: What is known; every status but ``UNKNOWN`` needs a source.
        source: Where it is stated (a URL or a citation).
        as_of: The source's date as given (``"2024-06-18"``, ``"c. 2020"``).
        note: Anything else (old or doubtful evidence).
    """

    territory: Territory
    status: MembershipStatus
    source: str = ""
    as_of: str = ""
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.status is not MembershipStatus.UNKNOWN and not self.source.strip():
            where = Message(N_("membership of {name!r}"), {"name": self.territory.name})
            template = N_("the status {status!r} needs its 'source'")
            raise ModelError(where, Message(template, {"status": self.status.value}))


def _territory_tuple(values: Iterable[Territory]) -> tuple[Territory, ...]:
    return tuple(values)


#: Prefixes of official and BDL names dropped before a look-up (``Powiat m. st. Warszawa``).
_NAME_PREFIX_RE: Final = re.compile(
    r"^\s*(powiat\s+)?(m\.\s*st\.|m\.|miasto\s+stołeczne|miasto)\s+", re.IGNORECASE
)
#: A BDL name's validity suffix (``Powiat m. Wałbrzych od 2013``).
_SINCE_RE: Final = re.compile(r"\s+od\s+[0-9]{4}\s*$")
_WORD_SPLIT_RE: Final = re.compile(r"[\s\-–]+")


def _key(name: str) -> str:
    """The comparable form of a name: folded, prefixes and abbreviations resolved."""
    return normalise_name(_SINCE_RE.sub("", _NAME_PREFIX_RE.sub("", name)))


def _word_keys(name: str) -> list[tuple[str, bool]]:
    """The words of *name*, each folded and with whether it was abbreviated (``"Św."``)."""
    words = _WORD_SPLIT_RE.split(_NAME_PREFIX_RE.sub("", name).strip())
    return [(normalise_name(word), word.endswith(".")) for word in words if normalise_name(word)]


def _abbreviation_matches(query: list[tuple[str, bool]], name: str) -> bool:
    """Whether every word of *query* is the word of *name* or, abbreviated, its beginning."""
    words = _key(name).split()
    if len(words) != len(query):
        return False
    return all(
        word == wanted or (short and word.startswith(wanted))
        for word, (wanted, short) in zip(words, query, strict=True)
    )


@frozen(kw_only=True)
class TerritoryRegister:
    """Territories with their codes, to look up by name or by TERYT code.

    Names match whatever their case and diacritics, with the usual abbreviations
    (``"Gorzów Wlkp."``, ``"Ostrowiec Św."``) and with or without spaces around a hyphen
    (``"Bielsko - Biała"``). Codes are the gmina code (7 digits), the town code of an urban-rural
    gmina, the powiat code (4 digits) of a city with powiat rights and the voivodeship code.

    Attributes:
        territories: The territories, each with a distinct code.
    """

    territories: tuple[Territory, ...] = field(converter=_territory_tuple)
    _by_code: Mapping[str, Territory] = field(init=False, repr=False, eq=False)
    _by_key: Mapping[str, tuple[Territory, ...]] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, Territory] = {}
        by_key: dict[str, list[Territory]] = {}
        for territory in self.territories:
            for code in territory.codes:
                known = by_code.setdefault(code, territory)
                if known is not territory:
                    template = N_("the code {code!r} of {name!r} is already that of {known!r}")
                    values = {"code": code, "name": territory.name, "known": known.name}
                    raise ModelError(entity(self), Message(template, values))
            for key in {_key(territory.name), _key(territory.bdl_name or territory.name)}:
                by_key.setdefault(key, []).append(territory)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        frozen_keys = {key: tuple(found) for key, found in by_key.items()}
        object.__setattr__(self, "_by_key", MappingProxyType(frozen_keys))

    def get(self, name_or_code: str) -> Territory:
        """The territory with this name or TERYT code.

        A text of more digits than letters is a code (``"2661011"``, ``"26a1011"``); anything
        else is a name.

        Raises:
            TerytError: If a code is not a valid TERYT code (the code and why are shown).
            UnknownTerritoryError: If no territory has this name or code (a ``KeyError``),
                listing close names.
            AmbiguousTerritoryError: If several territories have this name (a ``KeyError``).
            ArgumentTypeError: If *name_or_code* is not a string.
        """
        query = text(name_or_code, "name_or_code").strip()
        if _is_code(query):
            validate_teryt(query)
            found = self._by_code.get(query)
            if found is None:
                raise UnknownTerritoryError(query, ())
            return found
        matches = self._by_key.get(_key(query), ())
        if not matches and any(short for _, short in _word_keys(query)):
            words = _word_keys(query)
            matches = tuple(t for t in self.territories if _abbreviation_matches(words, t.name))
        if len(matches) > 1:
            raise AmbiguousTerritoryError(query, [_shown(t) for t in matches])
        if not matches:
            raise UnknownTerritoryError(query, [_shown(t) for t in self._close(query)])
        return matches[0]

    def find(self, name_or_code: str) -> Territory | None:
        """The territory with this name or code, or ``None`` if there is none.

        Raises:
            TerytError: If a code is not a valid TERYT code.
            AmbiguousTerritoryError: If several territories have this name.
            ArgumentTypeError: If *name_or_code* is not a string.
        """
        try:
            return self.get(name_or_code)
        except UnknownTerritoryError:
            return None

    def search(self, query: str) -> tuple[Territory, ...]:
        """Territories with a word of the name beginning with *query* (folded: ``"gora"`` finds
        Jelenia Góra, not Biłgoraj) or with a code beginning with it, in the order of the
        register; the territory :meth:`get` finds comes first. Empty if none.

        Raises:
            ArgumentTypeError: If *query* is not a string.
        """
        wanted = text(query, "query").strip()
        if not wanted:
            return self.territories
        if wanted.isdigit():
            return tuple(t for t in self.territories if any(c.startswith(wanted) for c in t.codes))
        try:
            exact: tuple[Territory, ...] = (self.get(wanted),)
        except AmbiguousTerritoryError:
            exact = self._by_key.get(_key(wanted), ())
        except (UnknownTerritoryError, TerytError):
            exact = ()
        key = " " + _key(wanted)
        found = [t for t in self.territories if key in " " + _key(t.name) and t not in exact]
        return (*exact, *found)

    def _close(self, query: str) -> tuple[Territory, ...]:
        """Up to three territories whose names are closest to *query*."""
        keys = {_key(t.name): t for t in self.territories}
        close = difflib.get_close_matches(_key(query), list(keys), n=3, cutoff=0.6)
        return tuple(keys[key] for key in close)


def _is_code(query: str) -> bool:
    """Whether *query* is meant as a code: more digits than letters (names may hold a year)."""
    return sum(c.isdigit() for c in query) > sum(c.isalpha() for c in query)


def _shown(territory: Territory) -> str:
    """A territory as an error lists it (quoted in the reader's language): ``Radom (1463011)``."""
    return f"{territory.name} ({territory.teryt})" if territory.teryt else territory.name
