"""Every exception and warning that citystrategy raises.

One base class, :class:`CityStrategyError`; each concrete error also subclasses the matching
builtin, so callers may catch either. Errors keep their inputs as attributes and build their
text in ``__str__``; every argument goes positionally to ``Exception.__init__`` so that they
pickle.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AssessmentError",
    "CityStrategyError",
    "CityStrategyWarning",
    "CurrencyMismatchError",
    "DataFileError",
    "FrameError",
    "ModelError",
    "ParseError",
    "UnitError",
    "UnknownCatalogueError",
    "UnknownCityError",
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
    """Values cannot be assessed as given: a repeated year, an unreadable period, a bad option."""

    def __init__(self, problem: str, series: str = "") -> None:
        super().__init__(problem, series)
        self.problem = problem
        self.series = series

    def __str__(self) -> str:
        return f"{self.problem}" + (f" (series {self.series})" if self.series else "")
