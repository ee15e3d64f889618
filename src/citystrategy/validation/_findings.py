"""Findings: what `check` reports, with its kind, severity and details."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Final

from attrs import field, frozen

from citystrategy._arguments import member

__all__ = ["SEVERITIES", "Finding", "FindingKind", "Severity", "ValidationReport"]


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
}


def finding_details(
    values: Mapping[str, object] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    return tuple((str(key), str(value)) for key, value in items)


@frozen(kw_only=True)
class Finding:
    """One finding about a strategy's data.

    Attributes:
        kind: What the finding is about.
        code: Code of the thing it is about (indicator, project, goal, or ``"total"``).
        message: What was found, in English, with the values.
        expected: What was expected, where that applies.
        found: What was found instead, where that applies.
        variant: Which case of the kind (e.g. ``"indicator"`` or ``"project"`` for an unknown
            goal), for wording it.
        details: The values the finding is about, as ``(key, text)`` pairs.
    """

    kind: FindingKind
    code: str
    message: str
    expected: str = ""
    found: str = ""
    variant: str = ""
    details: tuple[tuple[str, str], ...] = field(factory=tuple, converter=finding_details)

    def detail(self, key: str) -> str:
        """One of the values the finding is about (``""`` if it has none under *key*).

        Each kind has its own keys (e.g. ``target``, ``base`` and ``year`` for a target that
        contradicts its direction); reports use them to word the finding in any language.
        """
        return dict(self.details).get(key, "")

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
