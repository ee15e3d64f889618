"""The returned forms merged into the strategy: new observations and projects, where each came from.

:func:`merge_forms` reads every form (:func:`~citystrategy.collect.read_form`), refuses what is
wrong (every problem of every form, and the same indicator given different values in two forms),
and builds the strategy with the year's values and the projects completed in it. Plausibility
warnings (outside the declared range, a change from the previous year beyond a factor, outside
the historical min–max by a margin, as DHIS2's min–max outlier analysis) are listed but do not
block.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
from attrs import field, frozen

from citystrategy._arguments import instance, integer
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import N_, Nn_, gettext
from citystrategy.collect import _layout as layout
from citystrategy.collect._groups import MISSING_REASONS, GroupBy, form_groups
from citystrategy.collect.read import (
    FilledProject,
    FilledValue,
    _impossible,
    _letter,
    _read_each,
)
from citystrategy.collect.status import _copies, form_paths
from citystrategy.errors import (
    ArgumentError,
    ArgumentTypeError,
    FormError,
    FormProblem,
    Message,
)
from citystrategy.formatting import get_locale
from citystrategy.model import (
    AnnualReport,
    Missing,
    Observation,
    Project,
    Strategy,
)
from citystrategy.percent import as_percent
from citystrategy.validation import plausible_range

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import pandas as pd

__all__ = [
    "LOG_COLUMNS",
    "MergeResult",
    "MergeWarning",
    "Provenance",
    "WarningKind",
    "log_frame",
    "merge_forms",
    "write_merge",
]


class WarningKind(StrEnum):
    """Why a merged value or project is to check (a warning: it is merged all the same)."""

    OUT_OF_RANGE = "out_of_range"  #: outside the indicator's plausible range
    CHANGE = "change"  #: changed from the previous year by more than the factor
    OUTSIDE_HISTORY = "outside_history"  #: outside the historical min–max by more than a margin
    REPLACES = "replaces"  #: replaces a value the data already had for the year
    NO_COST = "no_cost"  #: a project marked completed without its cost: the data's is kept
    NO_DESCRIPTION = "no_description"  #: marked completed without the work done: the data's kept


@frozen(kw_only=True)
class Provenance:
    """Where one merged value came from: one value of an indicator, or one project completed.

    Attributes:
        kind: ``"indicator"`` or ``"project"``.
        code: The indicator's or project's code.
        year: The year of the value; for a project, the year it was completed in.
        value: The value merged, exact, in the indicator's unit; for a project, the cost given,
            in *currency*. ``None`` for a missing value, or a project whose form gives no cost.
        currency: The currency of a project's cost (``"PLN"``); empty for an indicator.
        marker: The missing-value sign chosen or typed (``"- *"``), if the value is missing.
        description: The work done on a project, as the form describes it.
        file: The form's file.
        sheet: The sheet.
        cell: The cell the value came from, in A1 notation: the value's, the reason's when a
            reason was chosen from the list, a project's cost (or its "completed" cell when no
            cost is given).
        unit: The unit or group of the form.
        comment: The comment written beside it.
    """

    kind: str
    code: str
    year: int
    value: Decimal | None
    file: str
    sheet: str
    cell: str
    unit: str
    currency: str = ""
    marker: str | None = None
    description: str = ""
    comment: str = ""


@frozen(kw_only=True)
class MergeWarning:
    """A merged value that looks implausible, or a project without its cost or work: to check.

    Attributes:
        kind: What is implausible or missing.
        indicator: The indicator's code; the project's, for :attr:`WarningKind.NO_COST` and
            :attr:`WarningKind.NO_DESCRIPTION`.
        value: The value merged (``None`` for a project).
        message: The reason, with the values compared.
        file: The form's file.
        sheet: The sheet.
        cell: The cell.
    """

    kind: WarningKind
    indicator: str
    value: Decimal | None
    message: Message
    file: str
    sheet: str
    cell: str

    def to_problem(self) -> FormProblem:
        """The warning located as a :class:`~citystrategy.errors.FormProblem`, to word it."""
        # No text quoted: the message gives the value, worded in the reader's language (a
        # Python number, ``12.5``, would contradict the form's own decimal comma).
        return FormProblem(message=self.message, path=self.file, sheet=self.sheet, cell=self.cell)


def _provenance(values: Iterable[Provenance]) -> tuple[Provenance, ...]:
    return tuple(values)


def _warnings(values: Iterable[MergeWarning]) -> tuple[MergeWarning, ...]:
    return tuple(values)


def _problems(values: Iterable[FormProblem]) -> tuple[FormProblem, ...]:
    return tuple(values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@frozen(kw_only=True)
class MergeResult:
    """The forms of a year merged into the strategy, or why they cannot be.

    Attributes:
        strategy: The strategy with the values and projects of the forms that have no problem
            (with :attr:`errors`, a partial merge: never to be written).
        year: The year merged.
        log: Where each merged value came from, in the order of the forms.
        errors: Every problem of every form, in the order a person fixes them: by file, then
            sheet (in the form's order), then cell in reading order (A2, B2, A10); nothing may
            be written unless it is empty.
        warnings: The implausible values merged, and the projects merged without their cost or
            description, in the same order.
        forms: The files read, in the order they were merged.
        duplicates: The forms that came back twice (the same file copied: the same unit and
            fingerprint on the identification sheet), one problem each; they are among
            :attr:`errors` too. The copy's rows are not read again.
    """

    strategy: Strategy
    year: int
    log: tuple[Provenance, ...] = field(factory=tuple, converter=_provenance)
    errors: tuple[FormProblem, ...] = field(factory=tuple, converter=_problems)
    warnings: tuple[MergeWarning, ...] = field(factory=tuple, converter=_warnings)
    forms: tuple[str, ...] = field(factory=tuple, converter=_strings)
    duplicates: tuple[FormProblem, ...] = field(factory=tuple, converter=_problems)

    @property
    def ok(self) -> bool:
        """Whether there is no error, so that the merged strategy may be written."""
        return not self.errors

    def error(self) -> FormError | None:
        """The errors as one :class:`~citystrategy.errors.FormError`, or ``None`` if none."""
        return FormError(self.errors) if self.errors else None


def _plain(value: Decimal) -> Decimal:
    """*value* without trailing zeros, never in exponent form (``20``, not ``2E+1``)."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal


def _range_message(low: Decimal | None, high: Decimal | None) -> Message:
    """A plausible range as a message: ``0–100``, ``≥ 0`` or ``≤ 100``, figures of the language."""
    if low is not None and high is not None:
        return Message("{low}\u2013{high}", {"low": low, "high": high})
    if low is not None:
        return Message("\u2265\u00a0{low}", {"low": low})
    return Message("\u2264\u00a0{high}", {"high": high})


def _significant(value: Decimal, beyond: Decimal) -> Decimal:
    """*value* (above *beyond*) to two significant figures, or more while that would not be
    above *beyond* (2,04 against a factor of 2 is ``2.04``, not ``2.0``); never ``0``.

    >>> [str(_significant(Decimal(v), Decimal(2))) for v in ("3.547", "11354.3", "2.04", "2.001")]
    ['3.5', '11000', '2.04', '2.001']
    """
    rounded = value
    for digits in range(2, 6):
        place = value.adjusted() - digits + 1
        rounded = _plain(value.quantize(Decimal(1).scaleb(place)))
        if rounded > beyond:
            return rounded
    return rounded


def _significant_below(value: Decimal, limit: Decimal) -> Decimal:
    """*value* (below *limit*) to two significant figures, or more while that would not be
    below *limit* (49,96% of a value is not shown as 50% of it, less than a half).

    >>> [str(_significant_below(Decimal(v), Decimal(50))) for v in ("14.7", "8.82", "49.96")]
    ['15', '8.8', '49.96']
    """
    rounded = value
    for digits in range(2, 6):
        place = value.adjusted() - digits + 1
        rounded = _plain(value.quantize(Decimal(1).scaleb(place)))
        if rounded < limit:
            return rounded
    return rounded


def _fall_part(ratio: Decimal, factor: Decimal) -> Message:
    """How much of the previous value a fall to *ratio* of it leaves, as a reader says it: a
    share in percent down to 1% (``about 15%`` for 1/6,8), below that so many times
    smaller (``about 11 000 times smaller``; a whole number, two significant figures).

    >>> str(_fall_part(Decimal(1) / Decimal("6.8"), Decimal(2)))
    'about 15%'
    >>> str(_fall_part(Decimal("4.2") / Decimal(47688), Decimal(2)))
    'about 11000 times smaller'
    """
    share = ratio * 100
    if share >= 1:
        # '{share}% of it' would read to gettext as a '% o' conversion
        return Message(N_("about {share}%"), {"share": _significant_below(share, 100 / factor)})
    times = _significant(1 / ratio, Decimal(0))  # over 100: two figures make a whole number
    singular, plural = Nn_("about {times} time smaller", "about {times} times smaller")
    # the figure of the language (11 000), its plural form chosen by the count
    return Message(singular, {"count": int(times), "times": times}, plural=plural)


def _change_message(ratio: Decimal, factor: Decimal) -> tuple[str, Decimal | Message]:
    """The template of a change beyond *factor* and what it shows of the change, as a person
    says it: a rise as so many times the previous value (the ratio), a fall as less than a half
    (a third, 1/N) of it and how much of it is left (:func:`_fall_part`, the ``part``)."""
    if ratio > 1:
        template = N_(
            "{code!r}: {value} is {ratio} times the value of {year} ({previous}), more than "
            "{factor} times it"
        )
        return template, _significant(ratio, factor)
    if factor == 2:
        template = N_(
            "{code!r}: {value} is less than a half of the value of {year} ({previous}): {part}"
        )
    elif factor == 3:
        template = N_(
            "{code!r}: {value} is less than a third of the value of {year} ({previous}): {part}"
        )
    else:
        template = N_(
            "{code!r}: {value} is less than 1/{factor} of the value of {year} ({previous}): {part}"
        )
    return template, _fall_part(ratio, factor)


def _reading_order(cell: str | None) -> tuple[int, int]:
    """The row and the column (1-based) of an A1 *cell*, so that A2, B2, A10 sort in that
    order; ``(0, 0)`` for none (a problem of the whole sheet comes before its cells).

    >>> sorted(["A10", "B2", "A2", "AA1"], key=_reading_order)
    ['AA1', 'A2', 'B2', 'A10']
    """
    match = re.fullmatch(r"([A-Z]+)([0-9]+)", cell or "")
    if match is None:
        return 0, 0
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)), column


def _raw(value: Decimal) -> str:
    """*value* as the data folder writes a number: a decimal comma, no grouping."""
    return str(value).replace(".", ",")


def merge_forms(
    strategy: Strategy,
    year: int,
    paths: Iterable[str | os.PathLike[str]],
    *,
    by: GroupBy | str = GroupBy.GOAL,
    change_factor: Decimal | int = 2,
    history_margin: object = None,
    locale: str = "pl_PL",
) -> MergeResult:
    """Merge the filled forms of *year* into *strategy*.

    Each value becomes an observation of *year* for the strategy's territory (a value, or the
    missing-value sign chosen, with the reason of the form's list in words: what the unit
    chose, whatever the strategy's data say that sign means in earlier years); each project
    marked completed gets ``completed_in`` *year*, the description given, and the cost given
    as its :attr:`~citystrategy.model.Project.reported_cost` (the cost of the work done; the
    catalogue's cost, :attr:`~citystrategy.model.Project.cost`, and the goal links' cost cells
    stay as they were). Empty rows add nothing. A strategy without a report on *year* gets one
    (the calendar year, not yet dated), so that the year can be reported on.

    Args:
        strategy: The strategy the forms were written from.
        year: The year of the forms.
        paths: The filled forms: files, or folders whose ``.xlsx`` files are read.
        by: The grouping the forms were written with (unused for checking: each form says its
            own; kept for symmetry with :func:`~citystrategy.collect.form_status`).
        change_factor: A value more than this many times, or less than one over this many
            times, the previous year's value is a :attr:`WarningKind.CHANGE` warning.
        history_margin: How far outside the historical min–max a value may lie before it is a
            :attr:`WarningKind.OUTSIDE_HISTORY` warning, as a share of the larger of the
            absolute min and max, in percent (``Percent(20)``, the default).
        locale: The language of the words the merge adds to the data: each new value's
            source (:attr:`Observation.source <citystrategy.model.Observation.source>`,
            ``Formularz danych za 2024 r.: Cel strategiczny 1 (cel-1.xlsx)``) and each
            missing value's reason (``brak danych w terminie (jeszcze nieopublikowane)``), as
            the log words them.

    Returns:
        The merged strategy, the log of where each value came from, the errors and the warnings.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy, *year* not an int, a path not a
            path, *change_factor* not a number or *history_margin* not a percent.
        ArgumentError: If *change_factor* is not above 1.
    """
    from citystrategy.percent import Percent

    instance(strategy, "strategy", Strategy, "a Strategy")
    year = integer(year, "year")
    GroupBy(by)
    if isinstance(change_factor, bool) or not isinstance(change_factor, Decimal | int):
        raise ArgumentTypeError("change_factor", change_factor, "a Decimal or an int")
    factor = Decimal(change_factor)
    if not factor > 1:
        raise ArgumentError("change_factor", change_factor, "a number above 1")
    margin = as_percent(Percent(20) if history_margin is None else history_margin, "history_margin")
    loc = str(get_locale(locale))
    merger = _Merger(strategy, year, factor, margin / 100, loc)
    units: dict[str, str] = {}
    rule: str | None = None
    read = _read_each(form_paths(paths), strategy, year)
    copies, copied = _copies(read)
    merger.duplicates = [problem for problems in copied.values() for problem in problems]
    merger.errors += merger.duplicates
    for path, form, problems in read:
        merger.forms.append(str(path))
        if path in copies:
            continue  # the form that came back twice: one problem, not one per row again
        merger.errors += problems
        if form is None:
            continue
        for sheet in [v.sheet for v in form.values] + [p.sheet for p in form.projects]:
            merger.sheets.setdefault(sheet, len(merger.sheets))
        rule = rule or form.group_by
        units[form.unit] = form.unit_name
        for value in form.values:
            if value.value is None and value.marker is None:
                merger.empties.append((Path(path), value))
            merger.value(Path(path), form.unit_name, value)
        for project in form.projects:
            if project.completed is None:
                continue
            merger.project(Path(path), form.unit_name, project.project, project)
    for path, value in merger.empties:
        merger.empty(path, value)
    # a form not back is named by its unit in the reader's language and by the file it was
    # sent as, in the language of those that are back; one given under that name but
    # unreadable has its own problem already
    sent = next((form.locale for _, form, _ in read if form is not None), loc)
    files = {g.key: g.file_name for g in form_groups(strategy, year, by=rule or by, locale=sent)}
    given = {path.name for path, _, _ in read}
    for group in form_groups(strategy, year, by=rule or by, locale=loc):
        if group.key not in units and group.indicators and files[group.key] not in given:
            template = N_(
                "no form came back from {unit!r}: its {count} indicators have no value for {year}"
            )
            values = {"unit": group.name, "count": len(group.indicators), "year": str(year)}
            merger.errors.append(
                FormProblem(message=Message(template, values), path=files[group.key])
            )
    return merger.result()


class _Merger:
    def __init__(
        self, strategy: Strategy, year: int, factor: Decimal, margin: Decimal, locale: str
    ) -> None:
        self.strategy = strategy
        self.year = year
        self.locale = locale
        self.factor = factor
        self.margin = margin
        self.errors: list[FormProblem] = []
        self.duplicates: list[FormProblem] = []
        self.warnings: list[MergeWarning] = []
        self.log: list[Provenance] = []
        self.forms: list[str] = []
        self.sheets: dict[str, int] = {layout.ID_SHEET: 0}  # in the order of a form
        self.given: dict[str, tuple[FilledValue, Path]] = {}
        self.empties: list[tuple[Path, FilledValue]] = []
        self.observations: dict[str, Observation] = {}
        self.projects: dict[str, Project] = {}
        self.project_cells: dict[str, tuple[str, str, str]] = {}
        self.indicators = {i.code: i for i in strategy.indicators}

    def empty(self, path: Path, filled: FilledValue) -> None:
        if filled.indicator in self.given:
            return  # another form gives it
        template = N_(
            "{code!r} has no value and no reason: type the value, or choose why it is missing"
        )
        self.errors.append(
            FormProblem(
                message=Message(template, {"code": filled.indicator}),
                path=str(path),
                sheet=filled.sheet,
                cell=filled.cell,
            )
        )

    def value(self, path: Path, unit: str, filled: FilledValue) -> None:
        if filled.value is None and filled.marker is None:
            return
        earlier = self.given.get(filled.indicator)
        if earlier is not None:
            first, first_path = earlier
            if (first.value, first.marker) != (filled.value, filled.marker):
                template = N_(
                    "{code!r} is given {found!r} here and {first!r} in {file}, sheet {sheet!r}, "
                    "cell {cell}: keep one value"
                )
                values = {
                    "code": filled.indicator,
                    "found": filled.raw,
                    "first": first.raw,
                    "file": str(first_path),
                    "sheet": first.sheet,
                    "cell": first.cell,
                }
                self.errors.append(
                    FormProblem(
                        message=Message(template, values),
                        path=str(path),
                        sheet=filled.sheet,
                        cell=filled.cell,
                        text=filled.raw,
                    )
                )
            return
        self.given[filled.indicator] = (filled, path)
        territory = self.strategy.territory.id
        source = gettext("Data-entry form for {year}: {unit} ({file})", self.locale).format(
            year=self.year, unit=unit, file=path.name
        )
        impossible = _impossible(
            self.strategy.indicator(filled.indicator),
            filled.value,
            sample=filled.indicator == self.strategy.survey_responses_indicator,
        )
        if impossible is not None:
            self.errors.append(
                FormProblem(
                    message=impossible,
                    path=str(path),
                    sheet=filled.sheet,
                    cell=filled.cell,
                    text=filled.raw,
                )
            )
            return
        if filled.value is not None:
            raw = _raw(filled.value)
            observation = Observation(
                indicator=filled.indicator,
                territory=territory,
                year=self.year,
                value=filled.value,
                raw=raw,
                source=source,
            )
            self._plausible(path, filled)
        else:
            assert filled.marker is not None
            raw = filled.marker
            # the reason the unit chose, the form list's message (each reader reads it in
            # their language, as GUS's signs' meanings), not the meaning the strategy gives
            # the same sign for an earlier year
            missing = Missing(
                code="missing", marker=filled.marker, text=MISSING_REASONS[filled.marker]
            )
            observation = Observation(
                indicator=filled.indicator,
                territory=territory,
                year=self.year,
                missing=missing,
                raw=raw,
                source=source,
            )
        self.observations[filled.indicator] = observation
        self.log.append(
            Provenance(
                kind="indicator",
                code=filled.indicator,
                year=self.year,
                value=filled.value,
                marker=filled.marker if filled.value is None else None,
                file=str(path),
                sheet=filled.sheet,
                cell=filled.cell if filled.value is not None else filled.marker_cell or filled.cell,
                unit=unit,
                comment=filled.comment,
            )
        )

    def _warn(
        self, path: Path, filled: FilledValue, kind: WarningKind, template: str, **values: object
    ) -> None:
        self.warnings.append(
            MergeWarning(
                kind=kind,
                indicator=filled.indicator,
                value=filled.value,
                message=Message(template, {"code": filled.indicator, **values}),
                file=str(path),
                sheet=filled.sheet,
                cell=filled.cell,
            )
        )

    def _plausible(self, path: Path, filled: FilledValue) -> None:
        value = filled.value
        assert value is not None
        indicator = self.indicators.get(filled.indicator)
        if indicator is None:
            return
        value_range = plausible_range(indicator)
        if value_range is not None and value not in value_range:
            low, high = value_range.low, value_range.high
            if low is not None and high is not None:
                template = N_("{code!r}: {value} lies outside its plausible range {low}–{high}")
            elif low is not None:
                template = N_("{code!r}: {value} is below its plausible least value {low}")
            else:
                template = N_("{code!r}: {value} is above its plausible greatest value {high}")
            self._warn(
                path, filled, WarningKind.OUT_OF_RANGE, template, value=value, low=low, high=high
            )
        history = {
            o.year: o.value
            for o in self.strategy.observations
            if o.indicator == filled.indicator
            and o.territory == self.strategy.territory.id
            and o.value is not None
            and o.year < self.year
        }
        previous = history.get(self.year - 1)
        if previous is not None and previous != 0 and value != 0 and (value > 0) == (previous > 0):
            ratio = value / previous
            if ratio > self.factor or ratio < 1 / self.factor:
                template, shown = _change_message(ratio, self.factor)
                self._warn(
                    path,
                    filled,
                    WarningKind.CHANGE,
                    template,
                    value=value,
                    **{"ratio" if ratio > 1 else "part": shown},
                    year=str(self.year - 1),
                    previous=previous,
                    factor=self.factor,
                )
        earlier = [v for v in history.values() if v is not None]
        if len(earlier) >= 2:
            low, high = min(earlier), max(earlier)
            slack = self.margin * max(abs(low), abs(high))
            if value < low - slack or value > high + slack:
                template = N_(
                    "{code!r}: {value} lies outside the values of the earlier years ({low} to "
                    "{high}) by more than the margin of {margin}%"
                )
                if low == high:
                    template = N_(
                        "{code!r}: {value} differs from the value of every earlier year ({low}) "
                        "by more than the margin of {margin}%"
                    )
                self._warn(
                    path,
                    filled,
                    WarningKind.OUTSIDE_HISTORY,
                    template,
                    value=value,
                    low=low,
                    high=high,
                    margin=_plain(self.margin * 100),
                )
        known = self.strategy.observation(filled.indicator, self.year)
        if known is not None and known.value != value:  # the same value again changes nothing
            if known.value is None:
                template = N_("{code!r}: replaces the value {known!r} the data had for the year")
                self._warn(path, filled, WarningKind.REPLACES, template, known=known.raw)
            else:
                template = N_("{code!r}: replaces the value {known} the data had for the year")
                self._warn(path, filled, WarningKind.REPLACES, template, known=known.value)

    def project(self, path: Path, unit: str, code: str, filled: FilledProject) -> None:
        if code in self.project_cells:
            first_path, sheet, cell = self.project_cells[code]
            template = N_(
                "the project {code!r} is also on {file}, sheet {sheet!r}, cell {cell}: answer it "
                "on one form"
            )
            self.errors.append(
                FormProblem(
                    message=Message(
                        template, {"code": code, "file": first_path, "sheet": sheet, "cell": cell}
                    ),
                    path=str(path),
                    sheet=filled.sheet,
                    cell=filled.cell,
                )
            )
            return
        self.project_cells[code] = (str(path), filled.sheet, filled.cell)
        if not filled.completed:
            return
        project = self.strategy.project(code)
        self.projects[code] = attrs.evolve(
            project,
            completed_in=self.year,
            reported_cost=project.reported_cost if filled.cost is None else filled.cost,
            description=filled.description or project.description,
        )
        row = filled.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        cost_cell = _letter(layout.PROJECT_FIRST_INPUT + 1) + row
        self._kept(path, filled, project, cost_cell, _letter(layout.PROJECT_FIRST_INPUT + 2) + row)
        self.log.append(
            Provenance(
                kind="project",
                code=code,
                year=self.year,
                value=None if filled.cost is None else filled.cost.amount,
                currency="" if filled.cost is None else filled.cost.currency,
                description=filled.description,
                file=str(path),
                sheet=filled.sheet,
                cell=filled.cell if filled.cost is None else cost_cell,
                unit=unit,
                comment=filled.comment,
            )
        )

    def _kept(
        self, path: Path, filled: FilledProject, project: Project, cost: str, description: str
    ) -> None:
        """Warn of a project marked completed whose form gives no cost or no description."""
        missing: list[tuple[WarningKind, str, str]] = []
        if filled.cost is None:
            template = (
                N_(
                    "the project {code!r} is marked completed, but without its cost: the cost "
                    "the data has is kept; type the cost of the work done"
                )
                if project.cost is not None
                else N_(
                    "the project {code!r} is marked completed, but without its cost, and the data "
                    "has none: type the cost of the work done"
                )
            )
            missing.append((WarningKind.NO_COST, template, cost))
        if not filled.description:
            template = (
                N_(
                    "the project {code!r} is marked completed, but without a description of the "
                    "work done: the description the data has is kept; describe the work done"
                )
                if project.description
                else N_(
                    "the project {code!r} is marked completed, but without a description of the "
                    "work done: the report's list will have none; describe the work done"
                )
            )
            missing.append((WarningKind.NO_DESCRIPTION, template, description))
        for kind, template, cell in missing:
            self.warnings.append(
                MergeWarning(
                    kind=kind,
                    indicator=filled.project,
                    value=None,
                    message=Message(template, {"code": filled.project}),
                    file=str(path),
                    sheet=filled.sheet,
                    cell=cell,
                )
            )

    def _order(self, path: str, sheet: str | None, cell: str | None) -> tuple[object, ...]:
        """Where a problem lies, in the order a person fixes them: file, sheet, row, column."""
        rank = self.sheets.get(sheet, len(self.sheets)) if sheet is not None else -1
        return (path, rank, sheet or "", *_reading_order(cell))

    def result(self) -> MergeResult:
        territory = self.strategy.territory.id
        kept = [
            o
            for o in self.strategy.observations
            if not (
                o.year == self.year
                and o.territory == territory
                and o.indicator in self.observations
            )
        ]
        reports = list(self.strategy.reports)
        if self.year not in {report.year for report in reports}:
            reports.append(
                AnnualReport(
                    year=self.year,
                    period_start=dt.date(self.year, 1, 1),
                    period_end=dt.date(self.year, 12, 31),
                )
            )
        projects = [self.projects.get(p.code, p) for p in self.strategy.projects]
        # each project completed in the year on the year's list, numbered in catalogue order
        # (the order of the report's list) after those the list already has
        listed = [p.list_number or 0 for p in projects if p.completed_in == self.year]
        number = max(listed, default=0)
        for index, project in enumerate(projects):
            if project.completed_in == self.year and project.list_number is None:
                number += 1
                projects[index] = attrs.evolve(project, list_number=number)
        merged = attrs.evolve(
            self.strategy,
            observations=[*kept, *self.observations.values()],
            projects=projects,
            reports=reports,
        )
        return MergeResult(
            strategy=merged,
            year=self.year,
            log=self.log,
            errors=sorted(self.errors, key=lambda p: self._order(p.path, p.sheet, p.cell)),
            warnings=sorted(self.warnings, key=lambda w: self._order(w.file, w.sheet, w.cell)),
            forms=self.forms,
            duplicates=self.duplicates,
        )


#: The columns of the log of a merge (:func:`log_frame`), in order: the fields of
#: :class:`Provenance`.
LOG_COLUMNS: Final = (
    "kind",
    "code",
    "year",
    "value",
    "currency",
    "marker",
    "description",
    "file",
    "sheet",
    "cell",
    "unit",
    "comment",
)


def log_frame(result: MergeResult) -> pd.DataFrame:
    """The log of a merge as a frame for programs: one row per merged value or project.

    The columns (:data:`LOG_COLUMNS`) are :class:`Provenance`'s fields, with stable keys and
    values: ``kind`` is ``"indicator"`` or ``"project"``, ``value`` an exact ``Decimal`` (or
    ``None``), ``marker`` the missing-value sign. The CSV file that
    :func:`write_merge` writes is the same log for people
    (:func:`~citystrategy.collect.log_table`).

    Raises:
        ArgumentTypeError: If *result* is not a :class:`MergeResult`.
    """
    import pandas as pd

    instance(result, "result", MergeResult, "a MergeResult")
    rows = [[getattr(entry, column) for column in LOG_COLUMNS] for entry in result.log]
    return pd.DataFrame(rows, columns=list(LOG_COLUMNS))


def write_merge(
    result: MergeResult,
    directory: str | os.PathLike[str],
    *,
    force: bool = False,
    like: Traversable | str | os.PathLike[str] | None = None,
    locale: str = "pl_PL",
) -> tuple[Path, Path]:
    """Write the merged strategy as a new data folder and its log beside it, if there is no error.

    The folder is written by :func:`citystrategy.io.write_strategy` (atomically), with a
    README.md that says what it holds: the data it was merged into, the year's values from how
    many forms (named), the date of the merge and the log's file; the README of *like*, which
    describes the earlier data, follows it. The log is the CSV file ``<folder>-log.csv`` next to
    the folder, for people (:func:`~citystrategy.collect.log_table`, in the language of
    *locale*): for Polish, cells separated by ``;``, numbers with a decimal comma and a byte order
    mark, as a Polish Excel opens it; for English, ``,`` and a decimal point. With an error in
    the result, nothing is written.

    The report on the merge's year, which the merge adds when the strategy has none (the
    calendar year, not yet dated), is written to ``reports/<year>.toml`` with the list of the
    projects completed in the year, their descriptions and the costs reported for them.

    Args:
        result: The merge.
        directory: The new data folder.
        force: Replace the folder and the log if they exist.
        like: The folder the strategy was read from, whose layout to keep (see
            :func:`~citystrategy.io.write_strategy`); ``None`` for the canonical layout.
        locale: The language of the log and the README.

    Returns:
        The folder and the log written.

    Raises:
        FormError: If the merge has errors (every one of them); nothing is written.
        ModelError: If the merged strategy cannot be written as a data folder (named by
            :func:`~citystrategy.io.write_strategy`).
        OutputExistsError: If the folder or the log exists and *force* is false.
        ArgumentTypeError: If *result* is not a MergeResult or *directory* not a path.
        ArgumentError: If *locale* is not one citystrategy supports.
    """
    from citystrategy._output import write_text
    from citystrategy.collect._log import log_table, readme
    from citystrategy.errors import OutputExistsError
    from citystrategy.io import write_strategy
    from citystrategy.reports.csv import to_csv

    instance(result, "result", MergeResult, "a MergeResult")
    folder = Path(os.fspath(path_argument(directory, "directory")))
    instance(force, "force", bool, "True or False")
    table = log_table(result, locale=locale)
    error = result.error()
    if error is not None:
        raise error
    log = folder.parent / f"{folder.name}-log.csv"
    if log.exists() and not force:
        raise OutputExistsError(str(log))
    written = Path(write_strategy(result.strategy, folder, force=force, like=like))
    about = written / "README.md"
    earlier = about.read_text(encoding="utf-8") if about.is_file() else None
    source = os.fspath(like) if isinstance(like, str | os.PathLike) else like  # else package data
    text = readme(result, log, source, earlier, locale, dt.date.today())
    write_text(about, text, force=True)
    to_csv(table, log, locale=locale, force=force)
    return written, log
