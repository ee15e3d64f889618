"""Errors worded in the chosen language: describe_error in Polish and English, and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from citystrategy import errors
from citystrategy._i18n import N_
from citystrategy.cli import main
from citystrategy.errors import CityStrategyError, DataFileError, Message, Problem
from citystrategy.formatting import format_quantity
from citystrategy.frames import validate_long
from citystrategy.funding import grant
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Observation, Program, Target, TargetKind, Territory, TerritoryKind
from citystrategy.money import ExchangeRate, Money
from citystrategy.percent import Percent
from citystrategy.progress import assess_frame, assess_series, parse_period
from citystrategy.progress.survey import change_test
from citystrategy.reports import describe_error, describe_problem
from citystrategy.units import ureg
from tests.factories import make_operational_goal, make_strategic_goal, make_strategy
from tests.language import english_words, identifiers, polish_words

#: A GUS BDL request as the errors show it (never with the key).
BDL_URL = (
    "https://bdl.stat.gov.pl/api/v1/data/by-variable/60270?unit-level=5&year=2023&page-size=100"
)


def _raised(build: Callable[[], object]) -> CityStrategyError:
    """The citystrategy error that *build* raises (an error made where the library makes it)."""
    with pytest.raises(CityStrategyError) as caught:
        build()
    return caught.value


#: A long frame with a float year, a unit not written as the registry writes it, an unknown
#: unit and a missing value without a flag.
_BAD_FRAME = pd.DataFrame(
    {
        "territory": ["2661011", "2661011", "2661011"],
        "indicator": ["A", "B", "C"],
        "unit": ["count", "%", "bogus_unit"],
        "year": [2022.0, 2023.0, 2023.0],
        "value": [float("nan"), 1.0, 2.0],
        "flag": [None, None, None],
    }
)

#: The first labelled units, as a UnitError of the formatting lists them: named by words first.
_LABELLED = (
    "EUR",
    "EUR / inhabitant",
    "EUR / kilometer",
    "PLN",
    "PLN / inhabitant",
    "PLN / kilometer",
    "PLN / month",
    "count",
)

#: One error of each class, with the values it shows (data: codes, paths, offending texts).
EXAMPLES: dict[str, tuple[CityStrategyError, tuple[str, ...]]] = {
    "form": (
        errors.FormError(
            [
                errors.FormProblem(
                    path="cel-1.xlsx",
                    sheet="Wskaźniki",
                    cell="I5",
                    text="=1+1",
                    message=errors.Message(
                        "a formula is not read (nothing in a form is calculated): type the number"
                    ),
                ),
                errors.FormProblem(
                    path="cel-2.xlsx",
                    message=errors.Message(
                        "a form for {found}, not for {expected}",
                        {"found": "2023", "expected": "2024"},
                    ),
                ),
            ]
        ),
        ("cel-1.xlsx", "cel-2.xlsx", "Wskaźniki", "=1+1"),
    ),
    "teryt": (errors.TerytError("26610111", "expected 2, 4 or 7 digits"), ("26610111",)),
    "teryt-located": (
        errors.TerytError("26", "expected 2, 4 or 7 digits", "strategy.toml"),
        ("26", "strategy.toml"),
    ),
    "unknown-territory": (
        errors.UnknownTerritoryError("Radomm", ["Radom (1463011)"]),
        ("Radomm", "Radom (1463011)"),
    ),
    "unknown-territory-far": (errors.UnknownTerritoryError("Xyz", []), ("Xyz",)),
    "ambiguous-territory": (
        errors.AmbiguousTerritoryError("Kowary", ["Kowary (0206011)", "Kowary (0206012)"]),
        ("Kowary", "Kowary (0206011)", "Kowary (0206012)"),
    ),
    "parse": (
        errors.ParseError("5,2,1 %", "value_2023", "more than one decimal comma"),
        ("value_2023", "5,2,1 %"),
    ),
    "parse-located": (
        errors.ParseError("1.5", "koszt", "no number found", "projects.tsv"),
        ("koszt", "1.5", "projects.tsv"),
    ),
    "unit": (
        errors.UnitError("kg", "a unit of the citystrategy registry", "indicators.tsv"),
        ("kg", "indicators.tsv"),
    ),
    "currency": (errors.CurrencyMismatchError("PLN", "EUR"), ("PLN", "EUR")),
    "model": (
        errors.ModelError("Indicator 'KIE-1-01'", "'target' must be a quantity"),
        ("Indicator 'KIE-1-01'", "'target' must be a quantity"),
    ),
    "model-target": (
        _raised(lambda: Target(kind=TargetKind.WITHIN_RANGE, low=5, high=1, year=2030, raw="5–1")),
        ("5–1", "'low'", "'high'"),
    ),
    "model-blank": (_raised(lambda: Territory(name=" ", kind=TerritoryKind.GMINA)), ("'name'",)),
    "model-goal": (
        _raised(
            lambda: make_strategic_goal(operational_goals=(make_operational_goal(code="2.9"),))
        ),
        ("'1'", "'2.9'"),
    ),
    "model-period": (
        _raised(lambda: make_strategy(period_start=2031, period_end=2030)),
        ("'test-2030'", "'period_start'", "'period_end'"),
    ),
    "model-program": (
        _raised(lambda: Program(code="ZMP-X", name="Program X", start_year=2024, end_year=2020)),
        ("'ZMP-X'", "'end_year'", "'start_year'"),
    ),
    "model-observation": (
        _raised(lambda: Observation(indicator="KIE-1-01", territory="2661011", year=2023)),
        ("'KIE-1-01'", "'value'", "'missing'"),
    ),
    "model-currency": (
        _raised(lambda: Money(Decimal(1), "USD")),
        ("'USD'", "'PLN'", "'EUR'"),
    ),
    "model-exchange-rate": (
        _raised(
            lambda: ExchangeRate(base="PLN", quote="PLN", rate=Decimal(1), on=dt.date(2023, 12, 29))
        ),
        ("'base'", "'quote'", "'PLN'"),
    ),
    "model-funding-rate": (_raised(lambda: grant(Money(Decimal(100)), Percent(150))), ()),
    "data-file": (
        errors.DataFileError(
            "indicators.tsv",
            [
                Problem(
                    line=4, column="goal", message=Message("unknown goal {code!r}", {"code": "9"})
                )
            ],
        ),
        ("indicators.tsv", "goal", "9"),
    ),
    "frame": (errors.FrameError(["missing column 'unit'"]), ("missing column 'unit'",)),
    "frame-problems": (
        _raised(lambda: validate_long(_BAD_FRAME)),
        ("'year'", "float64", "'%'", "'percent'", "'bogus_unit'"),
    ),
    "frame-columns": (
        _raised(lambda: validate_long(_BAD_FRAME.drop(columns=["unit"]).assign(note="x"))),
        ("'unit'", "'note'", "'year'", "float64"),
    ),
    "unit-label": (
        _raised(lambda: format_quantity(ureg.Quantity(Decimal(3), "furlong"))),
        ("'furlong'", *(repr(unit) for unit in _LABELLED)),
    ),
    "city": (errors.UnknownCityError("radom", ["kielce"]), ("radom", "kielce")),
    "catalogue": (errors.UnknownCatalogueError("zpp", ["zmp"]), ("zpp", "zmp")),
    "assessment": (
        errors.AssessmentError("year 2023 appears twice", "KIE-1-01"),
        ("year 2023 appears twice", "KIE-1-01"),
    ),
    "assessment-year": (
        _raised(lambda: assess_series([(2023, 1.0), ("2023", 2.0)], direction="higher_is_better")),
        (),
    ),
    "assessment-period": (_raised(lambda: parse_period("rok 2023")), ("'rok 2023'",)),
    "assessment-direction": (
        _raised(lambda: assess_series({2023: 1.0}, direction="rosnąca")),
        ("'direction'", "'higher_is_better'", "'lower_is_better'", "'within_range'", "„rosnąca”"),
    ),
    "assessment-range": (
        _raised(lambda: assess_series({2022: 1.0, 2023: 2.0}, direction="within_range")),
        ("'target_range'",),
    ),
    "assessment-sample": (
        _raised(lambda: change_test(5.0, 0, 6.0, 10, unit="percent", alpha=0.05)),
        (),
    ),
    "assessment-metadata": (
        _raised(
            lambda: assess_frame(
                _BAD_FRAME.assign(year=[2022, 2023, 2023]),
                pd.DataFrame({"indicator": ["A", "B", "C"]}),
            )
        ),
        ("'direction'",),
    ),
    "code": (
        errors.UnknownCodeError("indicator", "KIE-1-1", ["KIE-1-01", "KIE-1-02"]),
        ("KIE-1-1", "KIE-1-01", "KIE-1-02"),
    ),
    "code-none": (errors.UnknownCodeError("goal", "9", []), ("9",)),
    "argument": (
        errors.ArgumentError("window", 0, "a number of years, 1 or more"),
        ("window", "a number of years, 1 or more"),
    ),
    "argument-type": (
        errors.ArgumentTypeError("year", "2023", "an int"),
        ("year", "2023", "an int", "str"),
    ),
    "year": (
        errors.YearError("year", 1999, [2023], "years with an annual report"),
        ("year", "years with an annual report"),
    ),
    "zero": (errors.ZeroAmountError("1 PLN", "0 PLN"), ("1 PLN", "0 PLN")),
    "folder": (errors.StrategyFolderError("./moje-miasto", "no such folder"), ("./moje-miasto",)),
    "output-exists": (errors.OutputExistsError("raport.xlsx"), ("raport.xlsx", "force=True")),
    "chart-no-numbers": (
        errors.ChartDataError("Wykres 1", "no_numbers", "cost"),
        ("Wykres 1", "cost"),
    ),
    "chart-no-values": (
        errors.ChartDataError("KIE-1-01", "no_values", "2661011"),
        ("KIE-1-01", "2661011"),
    ),
    "unsupported-format": (
        errors.UnsupportedFormatError("raport.pdf", ".pdf", (".xlsx", ".md")),
        ("raport.pdf", ".pdf", ".xlsx", ".md"),
    ),
    "missing-extra": (
        errors.MissingExtraError(
            ".pdf",
            "pdf",
            "weasyprint",
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0",
            "No module named 'weasyprint'",
        ),
        (
            ".pdf",
            "weasyprint",
            "pip install 'citystrategy[pdf]'",
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0",
            "No module named 'weasyprint'",
        ),
    ),
    "bdl-status": (
        errors.BdlRequestError(BDL_URL, "status", "", 503, 5),
        (BDL_URL, "503"),
    ),
    "bdl-status-once": (errors.BdlRequestError(BDL_URL, "status", "", 429, 1), (BDL_URL, "429")),
    "bdl-timeout": (errors.BdlRequestError(BDL_URL, "timeout", tries=3), (BDL_URL,)),
    "bdl-unreachable": (errors.BdlRequestError(BDL_URL, "unreachable", tries=2), (BDL_URL,)),
    "bdl-refused": (errors.BdlRequestError(BDL_URL, "refused", "", 404), (BDL_URL, "404")),
    "bdl-refused-reason": (
        errors.BdlRequestError(BDL_URL, "refused", "Nieprawidłowy klucz", 403),
        (BDL_URL, "403", "Nieprawidłowy klucz"),
    ),
    "bdl-malformed": (
        errors.BdlRequestError(BDL_URL, "malformed", "'{\"totalRec'", 200, 5),
        (BDL_URL, "'{\"totalRec'"),
    ),
    "bdl-repeated": (errors.BdlRequestError(BDL_URL, "repeated", status=200), (BDL_URL,)),
    "bdl-total": (
        errors.BdlRequestError(BDL_URL, "total", "300 ≠ 250", 200),
        (BDL_URL, "300 ≠ 250"),
    ),
    "bdl-not-cached": (
        errors.BdlNotCachedError(BDL_URL, "/home/ala/.cache/citystrategy/bdl"),
        (BDL_URL, "/home/ala/.cache/citystrategy/bdl"),
    ),
}


#: Errors whose whole text comes from their caller (the model's invariants, in English).
WORDS_OF_THE_CALLER = {"model"}


def test_every_error_class_has_an_example() -> None:
    """EXAMPLES covers every error class of citystrategy.errors."""
    classes = {
        name
        for name in errors.__all__
        if isinstance(getattr(errors, name), type)
        and issubclass(getattr(errors, name), CityStrategyError)
        and name != "CityStrategyError"
    }
    assert {type(error).__name__ for error, _ in EXAMPLES.values()} == classes


@pytest.mark.parametrize("case", EXAMPLES, ids=list(EXAMPLES))
def test_english_is_the_text_of_the_error(case: str) -> None:
    """In English, describe_error says what str(error) says, without a Polish word."""
    error, names = EXAMPLES[case]
    text = describe_error(error, locale="en_GB")
    assert text == str(error)
    assert polish_words(text, names=names) == []
    assert identifiers(text, names=names) == []


@pytest.mark.parametrize("case", EXAMPLES, ids=list(EXAMPLES))
def test_polish_has_no_english(case: str) -> None:
    """In Polish, the words are Polish; only the error's own values stay as given."""
    error, names = EXAMPLES[case]
    text = describe_error(error, locale="pl_PL")
    if case not in WORDS_OF_THE_CALLER:
        assert text != str(error)
    assert english_words(text, names=names) == []
    assert identifiers(text, names=names) == []


@pytest.mark.parametrize(
    ("error", "polish"),
    [
        (
            errors.UnknownCodeError("indicator", "KIE-1-1", ["KIE-1-01", "KIE-1-02"]),
            "wskaźnik „KIE-1-1” nie istnieje (czy chodziło o „KIE-1-01” lub „KIE-1-02”?); "
            "istniejące: „KIE-1-01”, „KIE-1-02”",
        ),
        (
            errors.YearError("year", 1999, [], N_("years with annual reports")),
            "brak danych za 1999\xa0r. („year”); lata, za które są raporty roczne: brak",
        ),
        (
            errors.ParseError("1.5", "cost", "no number found", "projects.tsv"),
            "nie można odczytać „1.5” w polu „koszt”: nie znaleziono liczby (projects.tsv)",
        ),
    ],
    ids=["did-you-mean", "no-years", "parse-reason"],
)
def test_polish_wording(error: CityStrategyError, polish: str) -> None:
    """Nested parts (kinds, alternatives, reasons, an empty list) are worded in Polish too."""
    assert describe_error(error, locale="pl") == polish


#: The Polish of errors made where the library makes them: whole sentences, cases agreeing.
POLISH_SENTENCES = {
    "model-target": "wartość docelowa „5–1”: pole „low” (5) jest większe niż pole „high” (1)",
    "model-goal": "cel strategiczny „1”: cel operacyjny „2.9” do niego nie należy",
    "model-program": (
        "program „ZMP-X”: pole „end_year” (2020) jest wcześniejsze niż pole „start_year” (2024)"
    ),
    "model-currency": (
        "kwota pieniężna: waluta musi być jedną z wartości: „EUR”, „PLN” (podano „USD”)"
    ),
    "assessment-year": "rok 2023 występuje dwukrotnie",
    "assessment-metadata": "w metadanych wskaźników brak kolumn: „direction”",
    "frame-columns": (
        "nieprawidłowa ramka długa:\n  brak kolumn: „unit”\n  kolumna „year” musi zawierać liczby "
        "całkowite (jej typ to float64)\n  nieoczekiwane kolumny: „note”\n  wiersz 0: brak "
        "wartości bez oznaczenia przyczyny"
    ),
}


@pytest.mark.parametrize("case", POLISH_SENTENCES, ids=list(POLISH_SENTENCES))
def test_polish_sentences_of_the_library(case: str) -> None:
    """Errors of the model, the progress method and the frames read as these Polish sentences."""
    error, _names = EXAMPLES[case]
    assert describe_error(error, locale="pl") == POLISH_SENTENCES[case]


def test_a_figure_is_written_for_the_locale() -> None:
    """A Decimal value is a figure: a decimal comma in Polish, grouped thousands in English."""
    template = "{code!r} already costs {cost} (table {table}); found {raw!r}"
    values = {"code": "P-1", "cost": Decimal("1234.5"), "table": "2", "raw": "10 zł"}
    problem = Problem(line=3, column="cost", message=Message(template, values))
    assert describe_problem(problem, locale="pl") == (
        "wiersz 3, kolumna „cost”: projekt „P-1” ma już koszt 1234,5 (tabela 2); znaleziono „10 zł”"
    )
    assert describe_problem(problem, locale="en_GB") == (
        "line 3, column 'cost': 'P-1' already costs 1,234.5 (table 2); found '10 zł'"
    )


def test_many_problems_take_plural_forms_and_a_count_of_the_rest() -> None:
    """'5 problemów' and 'i jeszcze 2' beyond the 20 listed; one line per problem."""
    problems = [
        Problem(line=n, message=Message("spaces around {cell!r}", {"cell": " x"}))
        for n in range(2, 24)
    ]
    text = describe_error(DataFileError("projects.tsv", problems), locale="pl")
    lines = text.split("\n  ")
    assert lines[0] == "projects.tsv: 22 problemy"
    assert lines[1] == "wiersz 2: spacje wokół „ x”"
    assert lines[-1] == "i jeszcze 2"
    assert len(lines) == 22
    few = describe_error(DataFileError("projects.tsv", problems[:5]), locale="pl")
    assert few.startswith("projects.tsv: 5 problemów\n")


# --- a city's own folder with several mistakes ---------------------------------------------


def _break_indicators(folder: Path) -> None:
    """Four mistakes in the first indicator row (line 2) of indicators.tsv."""
    path = folder / "indicators.tsv"
    text = path.read_text(encoding="utf-8")
    old = "KIE-1-01\timpact\t1\t"
    new = "KIE-1-01\timpact\t9\t"
    cells = "\t5,2 %\t12,3 %\t14,3%\tpercent\tyes\thigher_is_better\t"
    broken = "\t5,2,1 %\t12,3 %\t14,3%\tpercent\ttak\trosnąca\t"
    assert text.count(old) == 1
    assert text.count(cells) == 1
    path.write_text(text.replace(old, new).replace(cells, broken), encoding="utf-8")


#: What each mistake reads like in Polish: file row 2, its column, the offending text.
POLISH_PROBLEMS = (
    "wiersz 2, kolumna „goal”: nieznany cel „9” wskaźnika „KIE-1-01”",
    "wiersz 2, kolumna „direction”: „rosnąca” nie jest żadną z wartości: "
    "„higher_is_better”, „lower_is_better”, ",
    "wiersz 2, kolumna „survey”: oczekiwano „yes” albo „no”, znaleziono „tak”",
    "wiersz 2, kolumna „value_2023”: nie można odczytać „5,2,1 %” w polu „wartość za 2023\xa0r.”: "
    "więcej niż jeden przecinek dziesiętny",
)


def test_a_folder_with_several_mistakes_in_polish(kielce_dir: Path) -> None:
    """The DataFileError names file, row, column and text of each mistake, in Polish."""
    _break_indicators(kielce_dir)
    with pytest.raises(DataFileError) as caught:
        read_strategy(kielce_dir)
    error = caught.value
    assert [(p.line, p.column) for p in error.records] == [
        (2, "goal"),
        (2, "direction"),
        (2, "survey"),
        (2, "value_2023"),
    ]
    text = describe_error(error, locale="pl_PL")
    assert text.startswith(f"{kielce_dir / 'indicators.tsv'}: 4 problemy\n")
    for problem in POLISH_PROBLEMS:
        assert problem in text
    names = [
        str(kielce_dir / "indicators.tsv"),
        "goal",
        "direction",
        "survey",
        "value_2023",
        "KIE-1-01",
        "yes",
        "no",
    ]
    names += ["higher_is_better", "lower_is_better", "within_range", "rosnąca", "tak", "5,2,1 %"]
    assert english_words(text, names=names) == []
    assert identifiers(text, names=names) == []
    assert "line 2, column 'survey': expected 'yes' or 'no', found 'tak'" in str(error)


def test_the_cli_prints_the_mistakes_in_the_chosen_language(
    kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check ./folder` words the DataFileError in Polish by default, in English on request."""
    _break_indicators(kielce_dir)
    assert main(["check", str(kielce_dir)]) == 2
    polish = capsys.readouterr().err
    assert polish.startswith("citystrategy: błąd: ")
    for problem in POLISH_PROBLEMS:
        assert problem in polish
    assert main(["check", str(kielce_dir), "--locale", "en_GB"]) == 2
    english = capsys.readouterr().err
    assert "line 2, column 'goal': unknown goal '9' for indicator 'KIE-1-01'" in english
    assert polish_words(english, names=[str(kielce_dir), "rosnąca", "tak"]) == []


def test_a_reason_with_values_is_worded_in_polish() -> None:
    """A parse error's reason built from values (an unknown unit) is a message of its own."""
    from citystrategy.io.parse import parse_value

    with pytest.raises(errors.ParseError) as caught:
        parse_value("31 kg", field="value_2023")
    text = describe_error(caught.value, locale="pl")
    assert text.startswith("nie można odczytać „31 kg” w polu „wartość za 2023\xa0r.”: ")
    assert "nieznana jednostka „kg” (znane: „zł”, „€”, „%”, „p.p.”, „MWh”, " in text
    assert caught.value.reason.startswith("unknown unit 'kg' (known: 'PLN', '€', '%', 'pp', ")


@pytest.mark.parametrize("broken", ["period", "goal"])
def test_the_cli_words_a_broken_strategy_in_the_chosen_language(
    broken: str, kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check ./folder`: a period ending too early and a goal under another parent, both worded."""
    path = kielce_dir / "strategy.toml"
    text = path.read_text(encoding="utf-8")
    if broken == "period":
        path.write_text(text.replace("\nperiod_end = 2030", "\nperiod_end = 2020"), "utf-8")
        polish = (
            "strategia „kielce-2030”: pole „period_start” (2022) jest późniejsze niż pole "
            "„period_end” (2020)"
        )
        english = "strategy 'kielce-2030': 'period_start' 2022 is after 'period_end' 2020"
    else:
        path.write_text(text.replace('\ncode = "1.1"\n', '\ncode = "2.9"\n', 1), "utf-8")
        polish = "cel strategiczny „1”: cel operacyjny „2.9” do niego nie należy"
        english = "strategic goal '1': the operational goal '2.9' does not belong to it"
    names = [str(path), "\n  strategy:", "\n  strategic_goals[1]:", "period_start", "period_end"]
    names += ["kielce-2030"]  # the places (TOML keys), fields and code are data
    assert main(["check", str(kielce_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"citystrategy: błąd: {path}: 1 problem\n")
    assert polish in err
    assert english_words(err, names=names) == []
    assert identifiers(err, names=names) == []
    assert main(["check", str(kielce_dir), "--locale", "en"]) == 2
    err = capsys.readouterr().err
    assert english in err
    assert polish_words(err, names=names) == []


def test_a_quoted_text_takes_the_quotes_of_the_language() -> None:
    """A text shown with ``!r`` is in „…” in Polish and '…' in English; a tab is escaped so that
    the offending text shows whole, a no-break space of a Polish figure is kept as it is."""
    error = errors.UnknownCityError("ra\tdom", ["kielce"])
    assert describe_error(error, locale="pl") == "nieznane miasto „ra\\tdom”; znane miasta: kielce"
    assert describe_error(error, locale="en") == "unknown city 'ra\\tdom'; known cities: kielce"
    spaced = errors.UnknownCityError("2024\xa0r.", ["kielce", "radom"])
    assert describe_error(spaced, locale="pl") == (
        "nieznane miasto „2024\xa0r.”; znane miasta: kielce, radom"
    )
    listed = errors.Message("one of {allowed}", {"allowed": (errors.Quoted("a"), "b")})
    assert listed.render() == "one of 'a', 'b'"  # a Quoted item is quoted once
    assert describe_error(errors.ArgumentError("x", "y", listed), locale="pl") == (
        "„x” – dozwolone: jedna z wartości „a”, „b” (podano „y”)"
    )
