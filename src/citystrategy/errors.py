"""Every exception and warning that citystrategy raises.

One base class, :class:`CityStrategyError`; each concrete error also subclasses the matching
builtin, so callers may catch either. Errors keep their inputs as attributes and build their
text in ``__str__``; every argument goes positionally to ``Exception.__init__`` so that they
pickle.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

__all__ = [
    "AmbiguousTerritoryError",
    "ArgumentError",
    "ArgumentTypeError",
    "AssessmentError",
    "CityStrategyError",
    "CityStrategyWarning",
    "CurrencyMismatchError",
    "DataFileError",
    "FrameError",
    "ModelError",
    "ParseError",
    "StrategyFolderError",
    "TerytError",
    "UnitError",
    "UnknownCatalogueError",
    "UnknownCityError",
    "UnknownCodeError",
    "UnknownTerritoryError",
    "YearError",
    "ZeroAmountError",
]


class CityStrategyError(Exception):
    """Base class of every citystrategy error."""


class CityStrategyWarning(UserWarning):
    """Base class of every citystrategy warning."""


def _where(location: str | None) -> str:
    return "" if not location else f" ({location})"


class ParseError(ValueError, CityStrategyError):
    """A raw value from a source document could not be parsed.

    Attributes:
        raw: The offending text, exactly as found.
        field: What the text was meant to be (e.g. ``"cost"``, ``"value_2023"``).
        reason: Why it was rejected.
        location: Where it was found (file, row, cell), if known.
    """

    def __init__(self, raw: str, field: str, reason: str, location: str | None = None) -> None:
        super().__init__(raw, field, reason, location)
        self.raw = raw
        self.field = field
        self.reason = reason
        self.location = location

    def __str__(self) -> str:
        return f"cannot parse {self.field} {self.raw!r}: {self.reason}{_where(self.location)}"


class UnitError(ValueError, CityStrategyError):
    """A unit is unknown or does not fit where it is used."""

    def __init__(self, unit: str, expected: str, location: str | None = None) -> None:
        super().__init__(unit, expected, location)
        self.unit = unit
        self.expected = expected
        self.location = location

    def __str__(self) -> str:
        return f"unit {self.unit!r} does not fit: expected {self.expected}{_where(self.location)}"


class CurrencyMismatchError(TypeError, CityStrategyError):
    """Two amounts in different currencies were combined without an exchange rate."""

    def __init__(self, left: str, right: str) -> None:
        super().__init__(left, right)
        self.left = left
        self.right = right

    def __str__(self) -> str:
        return (
            f"cannot combine {self.left!r} and {self.right!r} amounts: "
            "convert one with an explicit, dated exchange rate first"
        )


class ModelError(ValueError, CityStrategyError):
    """A domain object was built with values that break one of its invariants.

    Attributes:
        entity: What was being built, with its code (e.g. ``"Indicator 'KIE-1-01'"``).
        problem: What is wrong.
    """

    def __init__(self, entity: str, problem: str) -> None:
        super().__init__(entity, problem)
        self.entity = entity
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.entity}: {self.problem}"


#: How many problems of one file the text of a DataFileError lists before "and N more".
_LISTED = 20


class DataFileError(ValueError, CityStrategyError):
    """A data file is malformed: every problem found in it, at once.

    Its text lists the first 20 problems and then says how many more there are; ``problems``
    keeps them all.

    Attributes:
        path: The file.
        problems: One message per problem, each naming its row or key and the offending text.
    """

    def __init__(self, path: str, problems: Sequence[str]) -> None:
        super().__init__(path, tuple(problems))
        self.path = path
        self.problems = tuple(problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.path}: {count} problem{'' if count == 1 else 's'}"
        shown = list(self.problems[:_LISTED])
        if count > _LISTED:
            shown.append(f"and {count - _LISTED} more")
        return "\n  ".join([head, *shown])


class FrameError(ValueError, CityStrategyError):
    """A long frame breaks the frame contract; ``problems`` lists every breach."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(tuple(problems))
        self.problems = tuple(problems)

    def __str__(self) -> str:
        return "invalid long frame:\n  " + "\n  ".join(self.problems)


class UnknownCityError(KeyError, CityStrategyError):
    """No city adapter is registered under the given slug."""

    def __init__(self, slug: str, known: Sequence[str]) -> None:
        super().__init__(slug, tuple(known))
        self.slug = slug
        self.known = tuple(known)

    def __str__(self) -> str:
        return f"unknown city {self.slug!r}; known cities: {', '.join(self.known)}"


class UnknownCatalogueError(KeyError, CityStrategyError):
    """No programme catalogue is registered under the given slug."""

    def __init__(self, slug: str, known: Sequence[str]) -> None:
        super().__init__(slug, tuple(known))
        self.slug = slug
        self.known = tuple(known)

    def __str__(self) -> str:
        return (
            f"unknown programme catalogue {self.slug!r}; known catalogues: {', '.join(self.known)}"
        )


class AssessmentError(ValueError, CityStrategyError):
    """Values cannot be assessed as given: a repeated year, an unreadable period, a text value.

    Options of the wrong value or type are :class:`ArgumentError` and :class:`ArgumentTypeError`.
    """

    def __init__(self, problem: str, series: str = "") -> None:
        super().__init__(problem, series)
        self.problem = problem
        self.series = series

    def __str__(self) -> str:
        return f"{self.problem}" + (f" (series {self.series})" if self.series else "")


#: How many known codes an :class:`UnknownCodeError` lists before "and N more".
_SHOWN: int = 8


def _listed(values: Sequence[object], limit: int = _SHOWN) -> str:
    shown = ", ".join(repr(value) for value in values[:limit])
    more = len(values) - limit
    return shown + (f" and {more} more" if more > 0 else "")


class UnknownCodeError(KeyError, CityStrategyError):
    """A look-up by a code (or a year) that is not there: a goal, an indicator, a programme.

    Also a ``KeyError``, so ``except KeyError`` keeps working.

    Attributes:
        kind: What was looked up (``"indicator"``, ``"annual report"`` …).
        code: The code asked for, as given.
        known: Every code that exists, in their order.
    """

    def __init__(self, kind: str, code: object, known: Sequence[object]) -> None:
        super().__init__(kind, code, tuple(known))
        self.kind = kind
        self.code = code
        self.known = tuple(known)

    def __str__(self) -> str:
        text = f"unknown {self.kind} {self.code!r}"
        if not self.known:
            return f"{text}; there is none"
        by_text = {str(code): code for code in self.known}
        close = difflib.get_close_matches(str(self.code), list(by_text), n=3, cutoff=0.6)
        if close:
            text += " (did you mean " + " or ".join(repr(by_text[m]) for m in close) + "?)"
        return f"{text}; known: {_listed(self.known)}"


class _BadArgument(CityStrategyError):
    """An argument a public function refuses: its name, the value given and what was expected.

    Attributes:
        argument: The parameter's name.
        value: The value given.
        expected: What would be accepted, in words (``"an int"``, ``"one of 'ratio',
            'projection'"``).
    """

    def __init__(self, argument: str, value: object, expected: str) -> None:
        super().__init__(argument, value, expected)
        self.argument = argument
        self.value = value
        self.expected = expected


class ArgumentError(_BadArgument, ValueError):
    """An argument has a value the function does not accept (an unknown option, a bad range)."""

    def __str__(self) -> str:
        return f"{self.argument!r} must be {self.expected} (got {self.value!r})"


class ArgumentTypeError(_BadArgument, TypeError):
    """An argument is of the wrong type: a string where a number or a date is expected."""

    def __str__(self) -> str:
        return (
            f"{self.argument!r} must be {self.expected} "
            f"(got {self.value!r} of type {type(self.value).__name__})"
        )


class YearError(ArgumentError, KeyError):
    """A year with no data to work on: no annual report, no observations, outside the period.

    An :class:`ArgumentError` (a ``ValueError``) and also a ``KeyError``, so that callers which
    caught the failed look-up of a report keep working (numpy's ``AxisError`` is likewise both a
    ``ValueError`` and an ``IndexError``).

    Attributes:
        argument: The parameter's name (``"year"``, ``"base_year"``).
        value: The year given.
        years: The years that have data, sorted.
        what: What the years are (``"years with an annual report"``).
    """

    def __init__(self, argument: str, value: int, years: Sequence[int], what: str) -> None:
        listed = ", ".join(map(str, sorted(years))) or "none"
        Exception.__init__(self, argument, value, tuple(years), what)
        self.argument = argument
        self.value = value
        self.years = tuple(sorted(years))
        self.what = what
        self.expected = f"one of the {what} ({listed})"

    def __str__(self) -> str:
        listed = ", ".join(map(str, self.years)) or "none"
        return f"no data for {self.argument} {self.value!r}: the {self.what} are {listed}"


class ZeroAmountError(ZeroDivisionError, CityStrategyError):
    """An amount was divided by a zero amount (a rate of a zero total, a share of nothing).

    Attributes:
        dividend: The amount divided, as text (``"1 PLN"``).
        divisor: What it was divided by, as text.
    """

    def __init__(self, dividend: str, divisor: str) -> None:
        super().__init__(dividend, divisor)
        self.dividend = dividend
        self.divisor = divisor

    def __str__(self) -> str:
        return f"cannot divide {self.dividend} by {self.divisor}: it is zero"


class StrategyFolderError(ValueError, CityStrategyError):
    """A path given as a strategy data folder cannot be one: missing, a file, incomplete, or taken.

    Attributes:
        path: The path as given.
        problem: What is wrong with it, and what was expected.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem

    def __str__(self) -> str:
        return f"strategy data folder {self.path!r}: {self.problem}"


class TerytError(ValueError, CityStrategyError):
    """A text given as a TERYT (TERC) code is not one.

    Attributes:
        code: The text, as given.
        reason: Why it is not a code (``"expected 2, 4 or 7 digits"``).
        location: Where it was found, if known.
    """

    def __init__(self, code: str, reason: str, location: str | None = None) -> None:
        super().__init__(code, reason, location)
        self.code = code
        self.reason = reason
        self.location = location

    def __str__(self) -> str:
        return f"{self.code!r} is not a TERYT code: {self.reason}{_where(self.location)}"


class UnknownTerritoryError(KeyError, CityStrategyError):
    """No territory of the register has the name or code asked for.

    Attributes:
        query: The name or code, as given.
        close: The closest territories, as shown (``"'Radom' (1463011)"``).
    """

    def __init__(self, query: str, close: Sequence[str]) -> None:
        super().__init__(query, tuple(close))
        self.query = query
        self.close = tuple(close)

    def __str__(self) -> str:
        text = f"no territory {self.query!r} in the territory register"
        if self.close:
            text += " (did you mean " + " or ".join(self.close) + "?)"
        return text


class AmbiguousTerritoryError(KeyError, CityStrategyError):
    """A name names several territories of the register; a TERYT code tells them apart.

    Attributes:
        query: The name, as given.
        matches: Every territory it names, as shown (``"'Radom' (1463011)"``).
    """

    def __init__(self, query: str, matches: Sequence[str]) -> None:
        super().__init__(query, tuple(matches))
        self.query = query
        self.matches = tuple(matches)

    def __str__(self) -> str:
        return (
            f"{self.query!r} names {len(self.matches)} territories: {', '.join(self.matches)}; "
            "give its TERYT code"
        )
