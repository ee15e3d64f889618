"""Tests of citystrategy.money: exact sums, currencies, exchange rates and pickling."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

from citystrategy import errors
from citystrategy.errors import CityStrategyError, CurrencyMismatchError, ModelError
from citystrategy.money import CURRENCIES, ExchangeRate, Money

#: Project costs as printed in the Kielce 2023 report (goal tables).
KIELCE_COSTS = (
    "8818970.62",
    "2575873.31",
    "10090371.76",
    "514239.53",
    "1010450.89",
    "10982979.36",
)

#: NBP mid rate of 29 December 2023 (table 251/A/NBP/2023): 1 EUR = 4.3480 PLN.
EUR_PLN = ExchangeRate(
    base="EUR",
    quote="PLN",
    rate=Decimal("4.3480"),
    on=dt.date(2023, 12, 29),
    source="NBP, tabela A nr 251/A/NBP/2023",
)


def test_sum_of_report_costs_is_exact() -> None:
    """Summing the report's costs gives 33 992 885,47 zł to the grosz, with no float noise."""
    total = Money.sum(Money(Decimal(cost)) for cost in KIELCE_COSTS)
    assert total == Money(Decimal("33992885.47"), "PLN")
    assert str(total.amount) == "33992885.47"


def test_sum_keeps_tenths_exact() -> None:
    """0,10 zł + 0,20 zł is exactly 0,30 zł (floats would give 0.30000000000000004)."""
    assert Money(Decimal("0.10")) + Money(Decimal("0.20")) == Money(Decimal("0.30"))


def test_subtraction_is_exact() -> None:
    """Subtracting amounts in one currency is exact."""
    difference = Money(Decimal("85665519.74")) - Money(Decimal("77374000.84"))
    assert difference == Money(Decimal("8291518.90"))


def test_sum_of_nothing_is_zero_in_the_given_currency() -> None:
    """An empty sum is zero, in PLN by default or in the currency asked for."""
    assert Money.sum([]) == Money(Decimal(0), "PLN")
    assert Money.sum([], currency="EUR") == Money(Decimal(0), "EUR")


def test_sum_of_one_amount_is_that_amount() -> None:
    """A sum of a single amount returns that amount unchanged."""
    assert Money.sum([Money(Decimal("46.10"), "EUR")]) == Money(Decimal("46.10"), "EUR")


def test_zero() -> None:
    """Money.zero gives a zero amount in the requested currency."""
    assert Money.zero() == Money(Decimal(0))
    assert Money.zero("EUR").currency == "EUR"


def test_default_currency_is_pln() -> None:
    """Money without a currency is in PLN."""
    assert Money(Decimal(1)).currency == "PLN"


def test_int_amount_becomes_decimal() -> None:
    """An int amount is converted losslessly to a Decimal."""
    money = Money(140002443)
    assert isinstance(money.amount, Decimal)
    assert money.amount == Decimal("140002443")


def test_amount_keeps_printed_precision() -> None:
    """The amount keeps its trailing zeros, exactly as written."""
    assert str(Money(Decimal("46.10")).amount) == "46.10"


def test_adding_two_currencies_raises() -> None:
    """Adding PLN and EUR raises CurrencyMismatchError naming both currencies."""
    with pytest.raises(CurrencyMismatchError) as info:
        Money(Decimal(1), "PLN") + Money(Decimal(1), "EUR")
    assert info.value.left == "PLN"
    assert info.value.right == "EUR"
    assert "'PLN'" in str(info.value)
    assert "'EUR'" in str(info.value)


def test_currency_mismatch_is_a_type_error() -> None:
    """CurrencyMismatchError can be caught as a TypeError and as a CityStrategyError."""
    with pytest.raises(TypeError):
        Money(Decimal(1), "EUR") - Money(Decimal(1), "PLN")
    assert issubclass(CurrencyMismatchError, TypeError)
    assert issubclass(CurrencyMismatchError, CityStrategyError)


def test_sum_of_mixed_currencies_raises() -> None:
    """Money.sum refuses amounts in different currencies."""
    amounts = [Money(Decimal(1), "PLN"), Money(Decimal(2), "PLN"), Money(Decimal(3), "EUR")]
    with pytest.raises(CurrencyMismatchError):
        Money.sum(amounts)


def test_ratio_of_mixed_currencies_raises() -> None:
    """A ratio of amounts in different currencies raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        Money(Decimal(1), "PLN").ratio(Money(Decimal(1), "EUR"))


def test_ratio_is_exact_decimal() -> None:
    """The ratio of two amounts in one currency is an exact Decimal."""
    share = Money(Decimal("1")).ratio(Money(Decimal("4")))
    assert share == Decimal("0.25")
    assert isinstance(share, Decimal)


def test_ratio_by_zero_raises() -> None:
    """Dividing by a zero amount raises ZeroDivisionError."""
    with pytest.raises(ZeroDivisionError):
        Money(Decimal(1)).ratio(Money.zero())


def test_float_amount_is_refused() -> None:
    """A float amount raises TypeError: binary floats cannot hold grosze exactly."""
    with pytest.raises(TypeError, match="float"):
        Money(0.1)  # type: ignore[arg-type]


def test_bool_amount_is_refused() -> None:
    """True is not an amount of money, although it is an int."""
    with pytest.raises(TypeError):
        Money(True)


def test_string_amount_is_refused() -> None:
    """A raw string is refused: parsing belongs to citystrategy.io.parse."""
    with pytest.raises(TypeError):
        Money("8 818 970,62 zł")  # type: ignore[arg-type]


def test_multiplying_by_a_float_is_refused() -> None:
    """Money times a float raises TypeError; an int or a Decimal works exactly."""
    with pytest.raises(TypeError):
        Money(Decimal("1.10")) * 1.5
    assert Money(Decimal("1.10")) * 3 == Money(Decimal("3.30"))
    assert Decimal("0.5") * Money(Decimal("1.10")) == Money(Decimal("0.55"))


def test_adding_a_number_is_refused() -> None:
    """Money plus a bare number raises TypeError."""
    with pytest.raises(TypeError):
        Money(Decimal(1)) + Decimal(1)


@pytest.mark.parametrize("amount", ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity"])
def test_non_finite_amount_is_refused(amount: str) -> None:
    """NaN and infinities are not amounts: ModelError, also a ValueError."""
    with pytest.raises(ModelError) as info:
        Money(Decimal(amount))
    assert isinstance(info.value, ValueError)
    assert "finite" in str(info.value)


@pytest.mark.parametrize("currency", ["USD", "pln", "zł", ""])
def test_unknown_currency_is_refused(currency: str) -> None:
    """Only the ISO codes in CURRENCIES are accepted."""
    with pytest.raises(ModelError, match="currency"):
        Money(Decimal(1), currency)


def test_known_currencies() -> None:
    """citystrategy knows PLN and EUR."""
    assert frozenset({"PLN", "EUR"}) == CURRENCIES


def test_negation() -> None:
    """Negating keeps the currency."""
    assert -Money(Decimal("2.50"), "EUR") == Money(Decimal("-2.50"), "EUR")


def test_money_is_frozen() -> None:
    """Money is immutable."""
    money = Money(Decimal(1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        money.amount = Decimal(2)  # type: ignore[misc]


def test_money_is_hashable() -> None:
    """Equal amounts hash alike, so Money can key a dict."""
    assert hash(Money(Decimal("1.0"))) == hash(Money(Decimal("1.00")))


def test_equal_amounts_in_different_currencies_are_not_equal() -> None:
    """1 PLN is not 1 EUR; equality never raises."""
    assert Money(Decimal(1), "PLN") != Money(Decimal(1), "EUR")


def test_str() -> None:
    """str gives the plain amount and the code, not a Polish rendering."""
    assert str(Money(Decimal("8818970.62"))) == "8818970.62 PLN"


def test_comparison_in_one_currency() -> None:
    """Amounts in one currency order by value."""
    small, large = Money(Decimal("0.00")), Money(Decimal("0.01"))
    assert small < large
    assert small <= large
    assert large > small
    assert large >= small
    assert small <= Money(Decimal(0))


def test_less_than_across_currencies_raises() -> None:
    """< across currencies raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        _ = Money(Decimal(1), "PLN") < Money(Decimal(5), "EUR")


def test_less_or_equal_across_currencies_raises() -> None:
    """<= across currencies raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        _ = Money(Decimal(1), "PLN") <= Money(Decimal(5), "EUR")


def test_greater_than_across_currencies_raises() -> None:
    """> across currencies raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        _ = Money(Decimal(1), "PLN") > Money(Decimal(5), "EUR")


def test_greater_or_equal_across_currencies_raises() -> None:
    """>= across currencies raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        _ = Money(Decimal(1), "PLN") >= Money(Decimal(5), "EUR")


def test_exchange_rate_converts_base_to_quote() -> None:
    """30 000 € at 4,3480 zł/€ is exactly 130 440 zł."""
    assert EUR_PLN.convert(Money(Decimal("30000"), "EUR")) == Money(Decimal("130440"), "PLN")


def test_exchange_rate_converts_quote_to_base() -> None:
    """130 440 zł at 4,3480 zł/€ is exactly 30 000 €."""
    assert EUR_PLN.convert(Money(Decimal("130440"), "PLN")) == Money(Decimal("30000"), "EUR")


def test_exchange_rate_round_trip() -> None:
    """Converting 12,34 € to złoty and back gives 12,34 €."""
    euros = Money(Decimal("12.34"), "EUR")
    złoty = EUR_PLN.convert(euros)
    assert złoty == Money(Decimal("53.654320"), "PLN")
    assert EUR_PLN.convert(złoty) == euros


def test_exchange_rate_keeps_its_date_and_source() -> None:
    """A rate records the day it applies to and where it comes from."""
    assert EUR_PLN.on == dt.date(2023, 12, 29)
    assert EUR_PLN.source.startswith("NBP")
    assert EUR_PLN.rate == Decimal("4.3480")


def test_exchange_rate_needs_a_date() -> None:
    """A rate without a date cannot be built."""
    with pytest.raises(TypeError):
        ExchangeRate(base="EUR", quote="PLN", rate=Decimal("4.3480"))  # type: ignore[call-arg]


def test_exchange_rate_is_keyword_only() -> None:
    """Positional arguments are refused, so base and quote cannot be swapped by accident."""
    with pytest.raises(TypeError):
        ExchangeRate("EUR", "PLN", Decimal("4.3480"), dt.date(2023, 12, 29))  # type: ignore[call-arg]


def test_exchange_rate_between_one_currency_is_refused() -> None:
    """A rate from PLN to PLN is a ModelError."""
    with pytest.raises(ModelError, match="PLN"):
        ExchangeRate(base="PLN", quote="PLN", rate=Decimal(1), on=dt.date(2024, 1, 2))


@pytest.mark.parametrize("rate", ["0", "-4.3480", "NaN", "Infinity"])
def test_exchange_rate_must_be_positive(rate: str) -> None:
    """A zero, negative or non-finite rate is a ModelError."""
    with pytest.raises(ModelError, match="rate"):
        ExchangeRate(base="EUR", quote="PLN", rate=Decimal(rate), on=dt.date(2024, 1, 2))


def test_exchange_rate_refuses_float() -> None:
    """A float rate raises TypeError."""
    with pytest.raises(TypeError):
        ExchangeRate(base="EUR", quote="PLN", rate=4.348, on=dt.date(2024, 1, 2))  # type: ignore[arg-type]


def test_exchange_rate_refuses_unknown_currency() -> None:
    """A rate in an unknown currency is a ModelError."""
    with pytest.raises(ModelError):
        ExchangeRate(base="USD", quote="PLN", rate=Decimal("4"), on=dt.date(2024, 1, 2))


@pytest.mark.parametrize(
    "money",
    [Money(Decimal("8818970.62")), Money(Decimal("-0.01"), "EUR"), Money.zero()],
    ids=["pln", "negative-eur", "zero"],
)
def test_money_pickles(money: Money) -> None:
    """Money survives a pickle round trip unchanged."""
    copy = pickle.loads(pickle.dumps(money))
    assert copy == money
    assert str(copy.amount) == str(money.amount)


def test_exchange_rate_pickles() -> None:
    """An exchange rate survives a pickle round trip unchanged."""
    assert pickle.loads(pickle.dumps(EUR_PLN)) == EUR_PLN


#: One instance of every exception and warning class in citystrategy.errors.
ERROR_EXAMPLES: tuple[BaseException, ...] = (
    errors.CityStrategyError("something went wrong"),
    errors.CityStrategyWarning("a qualifier 'min.' was dropped"),
    errors.ParseError("1.5", "cost", "a dot is not a decimal separator", "projects.tsv, row 7"),
    errors.UnitError("kg", "a currency", "indicators.tsv, row 3"),
    errors.CurrencyMismatchError("PLN", "EUR"),
    errors.ModelError("Indicator 'KIE-1-01'", "'target' must be a quantity"),
    errors.ModelError(
        errors.Message("indicator {key!r}", {"key": "KIE-1-01"}),
        errors.Message("{name!r} must not be blank (got {value!r})", {"name": "unit", "value": ""}),
    ),
    errors.UnitError(
        "furlong", errors.Message("a unit with a label, one of {known}", {"known": ("PLN",)})
    ),
    errors.DataFileError("projects.tsv", ["row 2: bad cost '1.5'", "row 9: empty name"]),
    errors.DataFileError(
        "indicators.tsv",
        [
            errors.Problem(
                line=4, column="goal", message=errors.Message("unknown goal {g!r}", {"g": "9"})
            )
        ],
    ),
    errors.FrameError(["missing column 'unit'", "duplicate key ('kielce', 'KIE-1-01')"]),
    errors.FrameError([errors.Message("missing column(s) {columns}", {"columns": ("unit",)})]),
    errors.UnknownCityError("radom", ["kielce"]),
    errors.UnknownCatalogueError("zpp", ["zmp"]),
    errors.AssessmentError("year 2023 appears twice", "('2661011', 'KIE-1-01')"),
    errors.AssessmentError(
        errors.Message("the year {year} appears twice", {"year": 2023}), "KIE-1-01"
    ),
    errors.UnknownCodeError("indicator", "KIE-1-1", ["KIE-1-01", "KIE-1-02"]),
    errors.ArgumentError("window", 0, "a number of years, 1 or more"),
    errors.ArgumentTypeError("year", "2023", "an int"),
    errors.YearError("year", 1999, [2023], "years with an annual report"),
    errors.ZeroAmountError("1 PLN", "0 PLN"),
    errors.StrategyFolderError("./moje-miasto", "no such folder"),
    errors.OutputExistsError("raport.xlsx"),
    errors.ChartDataError("Wykres 1", "no_numbers", "cost"),
    errors.UnsupportedFormatError("raport.pdf", ".pdf", (".xlsx", ".md")),
    errors.MissingExtraError(
        ".pdf",
        "pdf",
        "weasyprint",
        "apt-get install libpango-1.0-0",
        "No module named 'weasyprint'",
    ),
    errors.TerytError("2661019", "gmina kind '9' does not exist (expected 1–5)", "line 3"),
    errors.UnknownTerritoryError("Radomm", ["Radom (1463011)"]),
    errors.AmbiguousTerritoryError("Nowe", ["'Nowe' (0414033)", "'Nowe' (2204043)"]),
    errors.BdlRequestError("https://bdl.stat.gov.pl/api/v1/units?level=5", "status", "", 503, 5),
    errors.BdlNotCachedError("https://bdl.stat.gov.pl/api/v1/units?level=5", "/tmp/bdl"),
    errors.FormError(
        [
            errors.FormProblem(
                path="cel-1.xlsx",
                sheet="Wskaźniki",
                cell="I5",
                text="12.5",
                message=errors.Message("a dot is not a decimal separator"),
            )
        ]
    ),
)


def test_error_examples_cover_every_error() -> None:
    """ERROR_EXAMPLES holds an instance of every class exported by citystrategy.errors."""
    covered = {type(example).__name__ for example in ERROR_EXAMPLES}
    classes = {name for name in errors.__all__ if issubclass(getattr(errors, name), Warning)}
    classes |= {
        n for n in errors.__all__ if issubclass(getattr(errors, n), errors.CityStrategyError)
    }
    assert covered == classes


@pytest.mark.parametrize(
    "error",
    ERROR_EXAMPLES,
    ids=[f"{type(example).__name__}-{number}" for number, example in enumerate(ERROR_EXAMPLES)],
)
def test_error_pickles(error: BaseException) -> None:
    """Every error survives a pickle round trip with its type, attributes and message."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)


def test_parse_error_with_no_location_pickles() -> None:
    """A ParseError without a location pickles and keeps its message."""
    error = errors.ParseError("abc", "value", "no number found")
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) == "cannot parse value 'abc': no number found"
    assert copy.location is None
