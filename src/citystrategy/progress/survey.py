"""Survey statistics: the sampling uncertainty of a share and of its change between surveys.

None of the progress methods accounts for sampling error; a share from a survey of 248
residents has a 95% interval several percentage points wide. Shares are percent, as everywhere
at citystrategy's public boundary (:mod:`citystrategy.percent`): a :class:`~citystrategy.Percent`
or a pint quantity; a bare number is a ``TypeError``. A confidence level or ``alpha`` stays a
fraction strictly between 0 and 1.

>>> from citystrategy.percent import Percent
>>> low, high = wilson_interval(Percent("5.2"), 248)
>>> round(low, 2), round(high, 2)
(3.06, 8.71)
>>> round(two_proportion_p_value(Percent("12.3"), 593, Percent("5.2"), 248), 4)
0.0019
"""

from __future__ import annotations

import math
from statistics import NormalDist

from citystrategy._arguments import integer
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentError, AssessmentError, Message
from citystrategy.percent import as_percent, fraction_level

__all__ = ["two_proportion_p_value", "wilson_interval"]


def _share(value: object, argument: str) -> float:
    """*value*, a share in percent, as a fraction in [0, 1]."""
    percent = as_percent(value, argument)
    if not 0 <= percent <= 100:
        raise ArgumentError(argument, value, "a share between 0% and 100%")
    return float(percent) / 100


def _size(value: object, argument: str) -> int:
    size = integer(value, argument)
    if size <= 0:
        raise ArgumentError(argument, value, "a positive number of responses")
    return size


def wilson(share: float, n: int, level: float) -> tuple[float, float]:
    """Wilson score interval of a share given as a fraction (checked by the caller)."""
    z = NormalDist().inv_cdf(0.5 + level / 2)
    denominator = 1 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def p_value(p1: float, n1: int, p2: float, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test, shares as fractions."""
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        return 1.0 if p1 == p2 else 0.0
    z = (p2 - p1) / math.sqrt(variance)
    return 2 * (1 - NormalDist().cdf(abs(z)))


def change_test(
    previous: float, n1: int, current: float, n2: int, *, unit: str, alpha: float
) -> tuple[tuple[float, float], tuple[float, float], float]:
    """Wilson intervals of two survey shares (in percent when *unit* is ``"percent"``, else
    fractions of one) and the p-value of their change, as the trend of a survey indicator needs.

    Raises:
        AssessmentError: If a sample size is not positive or a share lies outside [0, scale].
    """
    for n in (n1, n2):
        if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
            template = N_("a sample size must be a whole number above 0 (got {value!r})")
            raise AssessmentError(Message(template, {"value": n}))
    scale = 100.0 if unit == "percent" else 1.0
    p1, p2 = previous / scale, current / scale
    for share, value in ((p1, previous), (p2, current)):
        if not 0 <= share <= 1:
            template = N_("a survey share must lie between 0 and {scale} (got {value!r})")
            raise AssessmentError(Message(template, {"scale": f"{scale:g}", "value": value}))
    level = 1 - alpha
    low1, high1 = wilson(p1, n1, level)
    low2, high2 = wilson(p2, n2, level)
    intervals = (low1 * scale, high1 * scale), (low2 * scale, high2 * scale)
    return intervals[0], intervals[1], p_value(p1, n1, p2, n2)


def wilson_interval(share: object, n: int, *, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a survey share, in percent.

    Args:
        share: The observed share in percent: ``Percent("5.2")`` or ``Q_(5.2, "percent")``.
        n: Number of responses.
        level: Confidence level, a fraction strictly between 0 and 1.

    Returns:
        ``(low, high)`` in percent.

    Raises:
        ArgumentTypeError: If *share* is a bare number (or not a share at all), *n* is not an
            int, or *level* is not a number.
        ArgumentError: If *share* lies outside 0–100%, *n* is not positive, or *level* is not
            strictly between 0 and 1.
    """
    fraction = _share(share, "share")
    size = _size(n, "n")
    low, high = wilson(fraction, size, fraction_level(level, "level"))
    return low * 100, high * 100


def two_proportion_p_value(p1: object, n1: int, p2: object, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test of a change between two surveys.

    Args:
        p1: The earlier share, in percent (a Percent or a pint quantity).
        n1: Its number of responses.
        p2: The later share, in percent.
        n2: Its number of responses.

    Raises:
        ArgumentTypeError: If a share is a bare number or a size is not an int.
        ArgumentError: If a share lies outside 0–100% or a size is not positive.
    """
    first, second = _share(p1, "p1"), _share(p2, "p2")
    return p_value(first, _size(n1, "n1"), second, _size(n2, "n2"))
