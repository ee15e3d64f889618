"""`citystrategy territories [search TEXT]`, and `programs city` on cities found in the register."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib.resources import files
from typing import Any

import pytest

from citystrategy.cli import main
from tests.language import english_words, identifiers, polish_words


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    """The parsed JSON output of a successful command."""
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    return json.loads(out)


def _codes(name: str) -> set[str]:
    """The TERC gmina codes of a packaged CSV file, read with the csv module."""
    package, file = name.split(":")
    data = (files(package) / "data" / file).read_text(encoding="utf-8")
    return {row["teryt_gmina"] for row in csv.DictReader(io.StringIO(data))}


# --- territories ------------------------------------------------------------------------------


def test_territories_lists_the_register(capsys: pytest.CaptureFixture[str]) -> None:
    """One line per territory: 16 voivodeships, the 66 cities and every gmina of the ZMP lists."""
    code, out, err = run(["territories"], capsys)
    assert (code, err) == (0, "")
    zmp = set().union(
        *(
            _codes(f"citystrategy.programs.zmp:{name}")
            for name in ("members.csv", "members_indirect.csv", "not_members.csv")
        )
    )
    cities = _codes("citystrategy.territories:cities_with_powiat_rights.csv")
    lines = _cells(out)
    assert len(lines) == 16 + len(cities | zmp)
    assert {line[0] for line in lines} >= cities | zmp
    assert ["2661011", "2661", "Kielce", "świętokrzyskie", "052615261000"] in lines


def _cells(out: str) -> list[list[str]]:
    """The rows of a text table under its header and rule, cells apart by two spaces or more."""
    return [re.split(r" {2,}", line.strip()) for line in out.splitlines()[2:]]


def test_territories_search_text(capsys: pytest.CaptureFixture[str]) -> None:
    """`territories search Gorzow Wlkp` prints Gorzów Wielkopolski with its codes and BDL id."""
    code, out, err = run(["territories", "search", "Gorzow Wlkp"], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == ["TERYT", "Kod", "powiatu", "Nazwa", "Województwo", "Identyfikator", "jednostki", "BDL"]  # fmt: skip
    assert _cells(out) == [["0861011", "0861", "Gorzów Wielkopolski", "lubuskie", "020811361000"]]


def test_territories_search_a_gmina(capsys: pytest.CaptureFixture[str]) -> None:
    """A gmina without BDL id shows a dash there; an urban-rural one is found by its name."""
    _, out, _ = run(["territories", "search", "Bierutów"], capsys)
    assert _cells(out) == [["0214023", "0214", "Bierutów", "dolnośląskie", "–"]]


def test_territories_search_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` gives every field of the territories found."""
    data = run_json(["territories", "search", "Sopot", "--format", "json"], capsys)
    assert data == [
        {
            "teryt": "2264011",
            "name": "Sopot",
            "kind": "city_with_powiat_rights",
            "voivodeship": "pomorskie",
            "powiat": "2264",
            "town_teryt": None,
            "bdl_powiat_id": "042214364000",
            "bdl_gmina_id": "042214364011",
            "bdl_name": "Powiat m. Sopot",
        }
    ]


def test_territories_search_by_code(capsys: pytest.CaptureFixture[str]) -> None:
    """A search by a code's beginning finds every territory whose code begins so."""
    data = run_json(["territories", "search", "1463", "--format", "json"], capsys)
    assert [t["name"] for t in data] == ["Radom"]


@pytest.mark.parametrize(
    ("argv", "shows"),
    [
        (["territories", "search", "Radomm"], "czy chodziło o: „Radom (1463011)”"),
        (["territories", "search", "26610111"], "„26610111” nie jest kodem TERYT: kod ma 2, 4"),
        (["territories", "search"], "wymaga TEKSTU"),
    ],
    ids=["unknown", "bad-code", "no-text"],
)
def test_territories_errors(
    argv: list[str], shows: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing found, a bad code or a missing TEXT is one error line on stderr, exit code 2."""
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("citystrategy: błąd: ")
    assert shows in err


# --- programs city: any city of the register ------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "membership", "none"),
    [
        ("pl_PL", "Członkostwo: nieznane (lista członków jest niepełna)", "Brak programów."),
        ("en_GB", "Membership: unknown (the member list is partial)", "No programmes."),
    ],
    ids=["pl", "en"],
)
def test_programs_city_radom(
    locale: str, membership: str, none: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Radom is a real city in no programme: an empty profile, membership unknown, exit code 0."""
    code, out, err = run(["programs", "city", "Radom", "--locale", locale], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Radom (TERYT 1463011)")
    assert lines[1] == membership
    assert lines[-1] == none
    names = ["Radom", "Związek Miast Polskich", "TERYT"]
    assert identifiers(out, names=names) == []
    other = english_words if locale == "pl_PL" else polish_words
    assert other(out, names=names) == []


def test_programs_city_radom_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Radom's JSON profile: its territory from the register, status unknown, no programmes."""
    data = run_json(["programs", "city", "radom", "--format", "json"], capsys)
    assert data["territory"] == {
        "name": "Radom",
        "teryt": "1463011",
        "kind": "city_with_powiat_rights",
    }
    assert (data["member"], data["membership"], data["participations"]) == (
        None,
        {
            "status": "unknown",
            "source": None,
            "source_missing": "partial_list",
            "as_of": None,
            "as_of_missing": "partial_list",
            "note": None,
            "note_missing": "partial_list",
        },
        [],
    )


def test_programs_city_szczecin_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Szczecin left ZMP in 2016: not a member, with the source and its date."""
    data = run_json(["programs", "city", "Szczecin", "--format", "json"], capsys)
    assert data["member"] is False
    membership = data["membership"]
    assert (membership["status"], membership["as_of"]) == ("not_member", "2024-06-19")
    assert membership["source"].startswith("https://nowytydzien.pl/")


def test_programs_city_sopot_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Sopot, on the ZMP Board, is a probable member: 'member' not known, the status says so."""
    data = run_json(["programs", "city", "Sopot", "--format", "json"], capsys)
    assert (data["member"], data["membership"]["status"]) == (None, "probably")
    assert [p["program"] for p in data["participations"]] == ["ZMP-PPP"]


def test_programs_city_by_powiat_code(capsys: pytest.CaptureFixture[str]) -> None:
    """Kielce's powiat code 2661 gives Kielce's profile."""
    by_powiat = run_json(["programs", "city", "2661", "--format", "json"], capsys)
    by_gmina = run_json(["programs", "city", "2661011", "--format", "json"], capsys)
    assert {**by_powiat, "query": ""} == {**by_gmina, "query": ""}
    assert by_powiat["membership"]["status"] == "member"


CITIES = list(
    csv.DictReader(
        io.StringIO(
            (
                files("citystrategy.territories") / "data" / "cities_with_powiat_rights.csv"
            ).read_text(encoding="utf-8")
        )
    )
)


@pytest.mark.parametrize("row", CITIES, ids=[row["city"] for row in CITIES])
def test_programs_city_for_every_city(
    row: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`programs city` answers for each of the 66 cities, by name and by powiat code, exit 0."""
    for query in (row["city"], row["teryt_powiat"]):
        code, out, err = run(["programs", "city", query], capsys)
        assert (code, err) == (0, "")
        assert out.startswith(f"{row['city']} (TERYT {row['teryt_gmina']})")
