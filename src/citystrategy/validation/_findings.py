"""Findings: what `check` reports, as records: kind, severity, variant and typed values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Final, TypeAlias

from attrs import field, frozen

from citystrategy._arguments import member
from citystrategy.model import ValueRange
from citystrategy.model._validators import to_decimal
from citystrategy.money import Money

__all__ = [
    "SEVERITIES",
    "Finding",
    "FindingKind",
    "FindingValue",
    "Measure",
    "Severity",
    "ValidationReport",
]


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"  #: the data are inconsistent: a code or link is broken
    WARNING = "warning"  #: the data are suspicious: a target or a declared figure is wrong
    INFO = "info"  #: worth knowing: a value is missing, a target is already met


class FindingKind(StrEnum):
    """What a finding is about."""

    DUPLICATE_CODE = "duplicate_code"
    UNKNOWN_GOAL = "unknown_goal"
    UNKNOWN_ACTION_DIRECTION = "unknown_action_direction"
    UNKNOWN_INDICATOR = "unknown_indicator"
    LEVEL_MISMATCH = "level_mismatch"
    UNIT_MISMATCH = "unit_mismatch"
    TARGET_KIND_CONTRADICTS_DIRECTION = "target_kind_contradicts_direction"
    TARGET_CONTRADICTS_DIRECTION = "target_contradicts_direction"
    TARGET_MET_AT_BASE = "target_met_at_base"
    BOUND_ALREADY_SATISFIED = "bound_already_satisfied"
    LIMIT_NOT_MET = "limit_not_met"
    TARGET_ALREADY_MET = "target_already_met"
    MISSING_VALUE = "missing_value"
    COST_NOT_STATED = "cost_not_stated"
    NEGATIVE_COST = "negative_cost"
    MIXED_CURRENCIES = "mixed_currencies"
    DECLARED_FIGURE_MISMATCH = "declared_figure_mismatch"
    DECLARED_FIGURE_UNVERIFIABLE = "declared_figure_unverifiable"
    VALUE_OUT_OF_RANGE = "value_out_of_range"
    VALUE_NOT_WHOLE = "value_not_whole"
    TARGET_YEAR_BEFORE_BASE = "target_year_before_base"
    TARGET_OUT_OF_RANGE = "target_out_of_range"
    FORMULA_LIKE_TEXT = "formula_like_text"
    SURVEY_SAMPLE_UNUSABLE = "survey_sample_unusable"


#: Severity of each kind.
SEVERITIES: Final = {
    FindingKind.DUPLICATE_CODE: Severity.ERROR,
    FindingKind.UNKNOWN_GOAL: Severity.ERROR,
    FindingKind.UNKNOWN_ACTION_DIRECTION: Severity.ERROR,
    FindingKind.UNKNOWN_INDICATOR: Severity.ERROR,
    FindingKind.LEVEL_MISMATCH: Severity.ERROR,
    FindingKind.UNIT_MISMATCH: Severity.WARNING,
    FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION: Severity.WARNING,
    FindingKind.TARGET_CONTRADICTS_DIRECTION: Severity.WARNING,
    FindingKind.TARGET_MET_AT_BASE: Severity.WARNING,
    FindingKind.BOUND_ALREADY_SATISFIED: Severity.INFO,
    FindingKind.LIMIT_NOT_MET: Severity.WARNING,
    FindingKind.TARGET_ALREADY_MET: Severity.INFO,
    FindingKind.MISSING_VALUE: Severity.INFO,
    FindingKind.COST_NOT_STATED: Severity.WARNING,
    FindingKind.NEGATIVE_COST: Severity.WARNING,
    FindingKind.MIXED_CURRENCIES: Severity.ERROR,
    FindingKind.DECLARED_FIGURE_MISMATCH: Severity.WARNING,
    FindingKind.DECLARED_FIGURE_UNVERIFIABLE: Severity.INFO,
    FindingKind.VALUE_OUT_OF_RANGE: Severity.WARNING,
    FindingKind.VALUE_NOT_WHOLE: Severity.WARNING,
    FindingKind.TARGET_YEAR_BEFORE_BASE: Severity.WARNING,
    FindingKind.TARGET_OUT_OF_RANGE: Severity.WARNING,
    FindingKind.FORMULA_LIKE_TEXT: Severity.WARNING,
    # An error: the merge refuses such a size as impossible, and the survey shares of its year
    # lose their intervals and change tests; `check` exits non-zero so that it is corrected.
    FindingKind.SURVEY_SAMPLE_UNUSABLE: Severity.ERROR,
}


@frozen
class Measure:
    """A value in its unit, as a finding carries it: formatted in any locale when shown.

    Attributes:
        value: The value.
        unit: Its canonical unit (``"percent"``, ``"microgram / meter ** 3"``).
        raw: The text the source printed, for tracing (``"30 ug/m3"``); ``""`` if none.
    """

    value: Decimal = field(converter=to_decimal)
    unit: str
    raw: str = ""

    def __str__(self) -> str:
        return f"{self.value} {self.unit}"


#: A value a finding is about: a code or a name (``str``, an enumeration member included), a
#: year or a count (``int``), a number (``Decimal``), an amount of money, a measure (a value in
#: its unit), a range, or several codes (currencies).
FindingValue: TypeAlias = (
    str | int | Decimal | Money | Measure | ValueRange | tuple[str, ...] | None
)


def finding_values(values: Mapping[str, FindingValue]) -> tuple[tuple[str, FindingValue], ...]:
    """The values as ``(key, value)`` pairs, keys as strings; the values are kept as they are.

    The pairs themselves are accepted too (``attrs.evolve`` passes them back).
    """
    pairs: Iterable[tuple[str, FindingValue]] = (
        values.items() if isinstance(values, Mapping) else values
    )
    return tuple((str(key), value) for key, value in pairs)


@frozen(kw_only=True)
class Finding:
    """One finding about a strategy's data: a record, worded only when shown.

    :func:`citystrategy.reports.describe_finding` words it in Polish or English from its kind,
    variant and values, formatting each figure from its value and unit in the chosen locale.

    Attributes:
        kind: What the finding is about.
        code: Code of the thing it is about (indicator, project, goal, or ``"total"`` for the
            overall figures of a report).
        variant: Which case of the kind (e.g. ``"indicator"`` or ``"project"`` for an unknown
            goal), for wording it.
        values: The values the finding is about, as ``(key, value)`` pairs of typed values
            (:data:`FindingValue`): each kind has its own keys, e.g. ``direction``, ``target``,
            ``base`` and ``year`` for a target that contradicts its direction.
        expected: What was expected, where that applies (a unit, a target kind, a currency).
        found: What was found instead, where that applies.
    """

    kind: FindingKind
    code: str
    variant: str = ""
    values: tuple[tuple[str, FindingValue], ...] = field(factory=tuple, converter=finding_values)
    expected: FindingValue = None
    found: FindingValue = None

    def detail(self, key: str) -> FindingValue:
        """One of the values the finding is about (``None`` if it has none under *key*)."""
        return dict(self.values).get(key)

    @property
    def message(self) -> str:
        """The finding in English words (derived from its values, never stored)."""
        from citystrategy.reports.findings import describe_finding  # presentation words it

        return describe_finding(self, locale="en_GB")

    @property
    def severity(self) -> Severity:
        """How serious the finding is (from :data:`SEVERITIES`)."""
        return SEVERITIES[self.kind]


def _findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(values)


@frozen(kw_only=True)
class ValidationReport:
    """Every finding of :func:`check`, in a stable order.

    Attributes:
        strategy: Code of the strategy checked.
        findings: The findings.
    """

    strategy: str
    findings: tuple[Finding, ...] = field(factory=tuple, converter=_findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def ok(self) -> bool:
        """``True`` when there is no finding of severity error."""
        return all(f.severity is not Severity.ERROR for f in self.findings)

    def of_kind(self, kind: FindingKind | str) -> tuple[Finding, ...]:
        """The findings of one kind (a :class:`FindingKind` or its value).

        Raises:
            ArgumentError: If *kind* is not a finding kind (a ``ValueError``).
        """
        wanted = member(FindingKind, kind, "kind")
        return tuple(f for f in self.findings if f.kind is wanted)

    def counts(self) -> dict[FindingKind, int]:
        """Number of findings per kind, in :class:`FindingKind` order."""
        counter = Counter(f.kind for f in self.findings)
        return {kind: counter[kind] for kind in FindingKind if counter[kind]}
