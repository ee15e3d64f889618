"""The options of the progress method, in one object that every entry point takes.

>>> options = ProgressOptions(window=5, method="projection")
>>> options.method.value, options.ratio_thresholds
('projection', Thresholds(substantial=0.95, moderate=0.1))
>>> ProgressOptions(window=0)
Traceback (most recent call last):
...
citystrategy.errors.ArgumentError: 'window' must be a number of years, 1 or more (got 0)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
from attrs import field, frozen

from citystrategy._arguments import integer, member
from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.percent import fraction_level
from citystrategy.progress import method as _m
from citystrategy.progress.method import DEFAULT_THRESHOLDS, Method, Thresholds

__all__ = ["DEFAULT_OPTIONS", "ProgressOptions"]

#: What *zero* may be.
ZERO_CHOICES: Final = ("substitute", "not_assessable")


def _method(value: Method | str) -> Method:
    return member(Method, value, "method")


def _optional_year(name: str) -> Callable[[object, object, int | None], None]:
    def check(_: object, __: object, value: int | None) -> None:
        if value is not None:
            integer(value, name)

    return check


def _window(_: object, __: object, value: int | None) -> None:
    if value is not None and integer(value, "window") < 1:
        raise ArgumentError("window", value, "a number of years, 1 or more")


def _thresholds(
    _: object, attribute: attrs.Attribute[Thresholds | None], value: Thresholds | None
) -> None:
    if value is not None and not isinstance(value, Thresholds):
        raise ArgumentTypeError(attribute.name, value, "a Thresholds")


def _zero(_: object, __: object, value: str) -> None:
    if value not in ZERO_CHOICES:
        raise ArgumentError("zero", value, "'substitute' or 'not_assessable'")


def _weighted(_: object, __: object, value: bool) -> None:
    if not isinstance(value, bool):
        raise ArgumentTypeError("weighted", value, "True or False")


def _alpha(_: object, __: object, value: float) -> None:
    fraction_level(value, "alpha")


@frozen(kw_only=True)
class ProgressOptions:
    """How progress is assessed: the options that every entry point of the method takes.

    ``assess_series``, ``assess_frame``, ``assess`` and ``assess_goals`` take one of these as
    ``options=``, and its fields as keywords that change it (``window=5``). Every field is checked on construction: a wrong type is an
    :class:`~citystrategy.errors.ArgumentTypeError` (a ``TypeError``), a wrong value an
    :class:`~citystrategy.errors.ArgumentError` (a ``ValueError``), each naming the field.

    Attributes:
        base_year: Base year; default each series' first year with a value. If it has no
            value, the first later year is used (``Note.BASE_YEAR_MOVED``).
        window: A rolling window of that many years ending at the latest year (Eurostat's 5
            or 15); overrides *base_year*.
        method: ``Method.RATIO`` (or ``"ratio"``) or ``Method.PROJECTION``.
        thresholds: Category edges of a ratio to a target (or of the projection); default per
            method (:data:`~citystrategy.progress.DEFAULT_THRESHOLDS`).
        growth_thresholds: Category edges of the annual growth of an indicator without a
            target; default 1.5% and 0.5% a year (as fractions: ``Thresholds(0.015, 0.005)``).
        zero: ``"substitute"`` (0.001 for a zero base or target, as Open SDG does) or
            ``"not_assessable"``.
        weighted: Projection only: weight year ``t`` by ``1 + (t - t0)``, as ESCAP does.
        alpha: Significance level of a survey's year-on-year change, a fraction strictly
            between 0 and 1 (``1 - alpha`` is the level of the Wilson intervals).
    """

    base_year: int | None = field(default=None, validator=_optional_year("base_year"))
    window: int | None = field(default=None, validator=_window)
    method: Method = field(default=Method.RATIO, converter=_method)
    thresholds: Thresholds | None = field(default=None, validator=_thresholds)
    growth_thresholds: Thresholds | None = field(default=None, validator=_thresholds)
    zero: str = field(default="substitute", validator=_zero)
    weighted: bool = field(default=False, validator=_weighted)
    alpha: float = field(default=0.05, validator=_alpha)

    @property
    def ratio_thresholds(self) -> Thresholds:
        """The thresholds of a ratio to a target under this method (given or default)."""
        if self.thresholds is not None:
            return self.thresholds
        return DEFAULT_THRESHOLDS["projection" if self.method is Method.PROJECTION else "target"]

    @property
    def growth(self) -> Thresholds:
        """The thresholds of the annual growth without a target (given or default)."""
        return self.growth_thresholds or DEFAULT_THRESHOLDS["growth"]


#: The options used when none are given: the ratio method of Statistics Canada with its defaults.
DEFAULT_OPTIONS: Final = ProgressOptions()


def resolve(options: object, overrides: Mapping[str, object]) -> ProgressOptions:
    """*options* (default :data:`DEFAULT_OPTIONS`) with the keyword *overrides* applied.

    Raises:
        ArgumentTypeError: If *options* is not a ProgressOptions or an override is not one of
            its fields.
    """
    if options is None:
        options = DEFAULT_OPTIONS
    if not isinstance(options, ProgressOptions):
        raise ArgumentTypeError("options", options, "a ProgressOptions")
    if not overrides:
        return options
    names = [a.name for a in attrs.fields(ProgressOptions)]
    unknown = sorted(set(overrides) - set(names))
    if unknown:
        expected = "a field of ProgressOptions: " + ", ".join(names)
        raise ArgumentTypeError("keyword", unknown[0], expected)
    changes: dict[str, Any] = dict(overrides)  # each field's validator checks its value
    return attrs.evolve(options, **changes)


def assess_with(
    dense: _m.FloatArray,
    first_year: int,
    ind: _m.Indicators,
    year: int | None,
    opts: ProgressOptions,
) -> _m.Scores:
    """The method's kernel, :func:`~citystrategy.progress.method.assess_dense`, under *opts*."""
    return _m.assess_dense(
        dense,
        first_year,
        ind,
        year=year,
        base_year=opts.base_year,
        window=opts.window,
        method=opts.method,
        ratio_thresholds=opts.ratio_thresholds,
        growth_thresholds=opts.growth,
        zero=opts.zero,
        weighted=opts.weighted,
    )
