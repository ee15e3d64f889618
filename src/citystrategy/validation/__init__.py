"""Validation of a strategy: a report of typed findings, never an exception for data problems.

>>> from citystrategy.cities import kielce
>>> report = check(kielce.load())
>>> sorted(f.code for f in report.of_kind(FindingKind.TARGET_CONTRADICTS_DIRECTION))[:3]
['KIE-1.1-02', 'KIE-1.1-04', 'KIE-1.1-05']
"""

from __future__ import annotations

from citystrategy.validation._check import check as check
from citystrategy.validation._findings import Finding as Finding
from citystrategy.validation._findings import FindingKind as FindingKind
from citystrategy.validation._findings import FindingValue as FindingValue
from citystrategy.validation._findings import Measure as Measure
from citystrategy.validation._findings import Severity as Severity
from citystrategy.validation._findings import ValidationReport as ValidationReport
from citystrategy.validation._values import WHOLE_UNITS as WHOLE_UNITS
from citystrategy.validation._values import plausible_range as plausible_range

__all__ = [
    "WHOLE_UNITS",
    "Finding",
    "FindingKind",
    "FindingValue",
    "Measure",
    "Severity",
    "ValidationReport",
    "check",
    "plausible_range",
]
