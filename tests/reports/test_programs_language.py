"""The programme commands and the summary read as Polish in Polish and as English in English.

Every programme is shown through the CLI in both languages and checked with tests/language.py:
no identifiers, no English in the Polish text, no Polish in the English one. The data (titles,
organisations, cities, the catalogue's own notes, written in Polish like its source) is passed
as names, so that only the software's words are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest

from citystrategy.cities import kielce as kielce_adapter
from citystrategy.cli import main
from citystrategy.model import Catalogue, Figure, FigureKind, Program, Rate, RateKind, Strategy
from citystrategy.money import Money
from citystrategy.programs import zmp
from citystrategy.reports import format_city_profile, format_program, format_programs
from tests.language import english_words, identifiers, polish_words

CATALOGUE: Catalogue = zmp.load()
CODES = [program.code for program in CATALOGUE.programs]
LOCALES = ["pl_PL", "en_GB"]


def _program_names(program: Program) -> Iterator[str]:
    """Every text of *program* that is data, not the software's words."""
    yield from (program.code, program.name, program.operator, program.lead_partner)
    yield from (program.funder, program.description, program.period, *program.themes)
    for figure in program.figures:
        yield from (figure.holder, figure.note, figure.raw)
    for rate in program.rates:
        yield from (rate.raw, rate.note)
    yield from (partner.name for partner in program.partners)
    for participant in program.participants:
        yield from (participant.territory.name, participant.printed_name, participant.note)
        yield from participant.networks
    for event in program.events:
        yield from (event.name, event.place, event.note, event.raw)
    yield from (output.text for output in program.outputs)
    for edition in program.editions:
        yield from (edition.name, edition.note)
    yield from (note.text for note in program.notes)


def _names() -> list[str]:
    """The data of the whole catalogue, and the programme list's shortened titles."""
    names = [CATALOGUE.name, CATALOGUE.title, *(s.title for s in CATALOGUE.sources)]
    for program in CATALOGUE.programs:
        names += [*_program_names(program), program.name[:69], program.name[:49]]
    return [name for name in names if name]


NAMES = _names()


def _strategy_names(strategy: Strategy) -> list[str]:
    """The data of a strategy the summary shows: title, territory, goals, the linked programme."""
    names = [strategy.title, strategy.territory.name, strategy.adopted_by, strategy.resolution]
    for goal in strategy.strategic_goals:
        names += [goal.name, *(op.name for op in goal.operational_goals)]
    names += [link.note for link in strategy.program_links]
    return [name for name in names if name] + NAMES


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard output of a successful ``citystrategy`` command."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    return captured.out


def _check_language(text: str, locale: str, names: list[str]) -> None:
    """*text* has no identifier and no word of the other language outside *names*."""
    assert identifiers(text, names=names) == []
    if locale == "pl_PL":
        assert english_words(text, names=names) == []
    else:
        assert polish_words(text, names=names) == []


def _argv(argv: list[str], locale: str) -> list[str]:
    return argv if locale == "pl_PL" else [*argv, "--locale", locale]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("code", CODES)
def test_every_programme_reads_in_one_language(
    code: str, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``programs show`` of each programme: no identifier, no word of the other language."""
    out = _run(_argv(["programs", "show", code], locale), capsys)
    _check_language(out, locale, NAMES)
    program = CATALOGUE.program(code)
    assert out == format_program(program, sources=CATALOGUE.sources, locale=locale) + "\n"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_programme_list_reads_in_one_language(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``programs list`` is worded and its values formatted in the chosen language."""
    out = _run(_argv(["programs", "list"], locale), capsys)
    _check_language(out, locale, NAMES)
    assert out == format_programs(CATALOGUE.programs, locale=locale) + "\n"
    pdp = next(line for line in out.splitlines() if line.startswith("ZMP-PDP"))
    # The stated "prawie 2 mln zł", with the qualifier in the reader's language.
    assert pdp.endswith("prawie 2\xa0mln\xa0zł" if locale == "pl_PL" else "almost PLN\xa02m")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("city", ["Kielce", "Gdańsku", "Cieszyń", "Płock", "2469011"])
def test_a_city_profile_reads_in_one_language(
    city: str, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``programs city`` names the city in the nominative, whatever form it was asked by."""
    out = _run(_argv(["programs", "city", city], locale), capsys)
    _check_language(out, locale, NAMES)
    profile = CATALOGUE.profile(city)
    assert profile.territory is not None
    assert out.startswith(f"{profile.territory.name} (TERYT {profile.territory.teryt}): ")
    assert out == format_city_profile(profile, CATALOGUE.name, locale=locale) + "\n"


def test_the_profile_title_needs_no_case_of_the_organisation() -> None:
    """The organisation's name stays in the nominative in a phrase that needs no other case."""
    title = format_city_profile(CATALOGUE.profile("Kielce"), CATALOGUE.name).splitlines()[0]
    assert title == "Kielce (TERYT 2661011): programy (katalog: Związek Miast Polskich)"
    english = format_city_profile(CATALOGUE.profile("Kielce"), CATALOGUE.name, locale="en_GB")
    assert english.splitlines()[0] == (
        "Kielce (TERYT 2661011): programmes (catalogue: Związek Miast Polskich)"
    )


@pytest.mark.parametrize(
    ("printed", "nominative"),
    [("Gdańsku", "Gdańsk"), ("Katowicach", "Katowice"), ("Cieszyń", "Cieszyn")],
    ids=["gdansku", "katowicach", "cieszyn"],
)
def test_participants_are_shown_in_the_nominative(printed: str, nominative: str) -> None:
    """The participants table shows ``Gdańsk``; ``Gdańsku`` only inside the quoted note."""
    (program, participant) = next(
        (p, x) for p, x in CATALOGUE.participations(printed) if x.printed_name == printed
    )
    text = format_program(program, locale="pl_PL")
    row = next(line for line in text.splitlines() if participant.note in line)
    assert row.startswith(nominative + " ")
    assert not re.search(rf"^{re.escape(printed)}\b", text, re.MULTILINE)


@pytest.mark.parametrize(
    ("locale", "roles"),
    [
        ("pl_PL", ["(partner)", "(lider)", "(finansujący)"]),
        ("en_GB", ["(partner)", "(lead partner)", "(funder)"]),
    ],
    ids=["pl", "en"],
)
def test_partner_roles_are_words(locale: str, roles: list[str]) -> None:
    """Partner roles are translated, never the enumeration's values (``lead_partner``)."""
    text = "\n".join(format_program(p, locale=locale) for p in CATALOGUE.programs)
    for role in roles:
        assert role in text
    assert "lead_partner" not in text
    assert "training_venue" not in text


@pytest.mark.parametrize(
    ("locale", "why"),
    [
        (
            "pl_PL",
            "261\xa0tys.\xa0zł z 295\xa0tys.\xa0zł to 88,5% z dokładnością podanej stawki; "
            "kwoty są zaokrąglone, więc rzeczywista stawka leży między 88,16% a 88,79%, "
            "co dopuszcza podane 88,6%",
        ),
        (
            "en_GB",
            "PLN\xa0261k of PLN\xa0295k is 88.5% to the precision of the rate; the figures are "
            "rounded, so the true rate lies between 88.16% and 88.79%, which admits the "
            "stated 88.6%",
        ),
    ],
    ids=["pl", "en"],
)
def test_a_rate_check_is_worded_with_figures_in_the_locale(locale: str, why: str) -> None:
    """88,6% of 261 of 295 tys. zł: 260 500/295 500 = 88,16%, 261 500/294 500 = 88,79%."""
    text = format_program(CATALOGUE.program("ZMP-PL-UA"), locale=locale)
    assert why in text


@pytest.mark.parametrize(
    ("locale", "why"),
    [("pl_PL", "85% i 15% sumują się do 100%"), ("en_GB", "85% and 15% add up to 100%")],
    ids=["pl", "en"],
)
def test_complementary_rates_are_worded(locale: str, why: str) -> None:
    """URBACT's refund (85%) and own contribution (15%) are checked against each other."""
    assert why in format_program(CATALOGUE.program("ZMP-URBACT"), locale=locale)


@pytest.mark.parametrize(
    ("locale", "why"),
    [
        ("pl_PL", "źródło nie podaje kwoty dofinansowania, z którą można porównać stawkę"),
        ("en_GB", "no grant amount is stated to check the rate against"),
    ],
    ids=["pl", "en"],
)
def test_a_rate_that_cannot_be_checked_says_why(locale: str, why: str) -> None:
    """PPP states 100% funding but no grant: the check says so in the reader's language."""
    assert why in format_program(CATALOGUE.program("ZMP-PPP"), locale=locale)


@pytest.mark.parametrize(
    ("locale", "edition"),
    [
        ("pl_PL", "Przestrzeń dla partycypacji II (2019–2021), 22 gminy, nabór trwa"),
        ("en_GB", "Przestrzeń dla partycypacji II (2019–2021), 22 municipalities, recruitment"),
    ],
    ids=["pl", "en"],
)
def test_editions_agree_with_their_counts(locale: str, edition: str) -> None:
    """``22 gminy`` and ``25 gmin``: the count of municipalities takes its plural form."""
    text = format_program(CATALOGUE.program("ZMP-PDP"), locale=locale)
    assert edition in text
    if locale == "pl_PL":
        assert "Przestrzeń dla partycypacji I (2016–2018), 25 gmin" in text


@pytest.mark.parametrize("locale", LOCALES)
def test_the_summary_reads_in_one_language(locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``summary kielce --year 2023`` with its programme links, in either language."""
    out = _run(_argv(["summary", "kielce", "--year", "2023"], locale), capsys)
    _check_language(out, locale, _strategy_names(kielce_adapter.load()))
    if locale == "pl_PL":
        assert "Projekty zrealizowane w 2023\xa0r. według celów strategicznych" in out
        assert "Programy zewnętrzne powiązane z celami strategii" in out
        assert "44 projekty w katalogu" in out
    else:
        assert "Projects completed in 2023 by strategic goal" in out
        assert "Programmes linked to the strategy's goals" in out
        assert "44 projects in the catalogue" in out


def _figure(kind: FigureKind, amount: int, precision: int, qualifier: str = "") -> Figure:
    return Figure(
        kind=kind,
        money=Money(Decimal(amount)),
        precision=Decimal(precision),
        qualifier=qualifier,
    )


def _rate(kind: RateKind, percent: int) -> Rate:
    return Rate(kind=kind, percent=Decimal(percent), precision=Decimal(1), raw=f"{percent}%")


#: Programmes whose one rate check has each remaining reason, with its wording in Polish and in
#: English (figures worked out by hand: 260 500/295 500 = 88,16%, 261 500/294 500 = 88,79%).
RATE_CASES = {
    "excluded": (
        Program(
            code="T",
            name="T",
            figures=[
                _figure(FigureKind.TOTAL_VALUE, 295_000, 1000),
                _figure(FigureKind.GRANT, 261_000, 1000),
            ],
            rates=[_rate(RateKind.FUNDING_RATE, 90)],
        ),
        "261\xa0tys.\xa0zł z 295\xa0tys.\xa0zł to 88% z dokładnością podanej stawki; kwoty są "
        "zaokrąglone, więc rzeczywista stawka leży między 88,16% a 88,79%, co wyklucza podane 90%",
        "PLN\xa0261k of PLN\xa0295k is 88% to the precision of the rate; the figures are "
        "rounded, so the true rate lies between 88.16% and 88.79%, which excludes the stated 90%",
    ),
    "approximate": (
        Program(
            code="T",
            name="T",
            figures=[
                _figure(FigureKind.TOTAL_VALUE, 2_000_000, 1_000_000, "prawie"),
                _figure(FigureKind.GRANT, 1_700_000, 100_000),
            ],
            rates=[_rate(RateKind.FUNDING_RATE, 85)],
        ),
        "kwota prawie 2\xa0mln\xa0zł jest przybliżona",
        "the amount almost PLN\xa02m is approximate",
    ),
    "no-total": (
        Program(
            code="T",
            name="T",
            figures=[_figure(FigureKind.GRANT, 261_000, 1000)],
            rates=[_rate(RateKind.FUNDING_RATE, 90)],
        ),
        "nie podano wartości całkowitej",
        "no total value is stated",
    ),
    "no-other-rate": (
        Program(code="T", name="T", rates=[_rate(RateKind.REFUND_RATE, 85)]),
        "nie podano stawki uzupełniającej (udział wkładu własnego)",
        "the complementary rate (own contribution rate) is not stated",
    ),
    "not-100": (
        Program(
            code="T",
            name="T",
            rates=[_rate(RateKind.REFUND_RATE, 85), _rate(RateKind.OWN_CONTRIBUTION_RATE, 20)],
        ),
        "85% i 20% sumują się do 105%, a nie do 100%",
        "85% and 20% add up to 105%, not 100%",
    ),
}


@pytest.mark.parametrize(("program", "polish", "english"), RATE_CASES.values(), ids=RATE_CASES)
def test_every_rate_check_reason_is_worded(program: Program, polish: str, english: str) -> None:
    """Each reason reads in Polish and in English, with its figures formatted for the locale."""
    text_pl = format_program(program, locale="pl_PL")
    text_en = format_program(program, locale="en_GB")
    assert polish in text_pl
    assert english in text_en
    _check_language(text_pl, "pl_PL", ["T"])
    _check_language(text_en, "en_GB", ["T"])


@pytest.mark.parametrize(
    ("asked", "title"),
    [
        ("Gorzów Wlkp.", "Gorzów Wielkopolski (TERYT 0861011)"),
        ("Gdańsku", "Gdańsk (TERYT 2261011)"),
        ("Cieszyń", "Cieszyn (TERYT 2403011)"),
        ("miasto Żytomierz", "Żytomierz"),
    ],
    ids=["abbreviated", "locative", "misspelt", "foreign"],
)
def test_a_profile_names_the_city_in_full_in_the_nominative(
    asked: str, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Asked by an abbreviation, a locative or a misprint, the city is named as in TERC."""
    out = _run(["programs", "city", asked], capsys)
    assert out.startswith(f"{title}: programy (katalog: Związek Miast Polskich)\n")
