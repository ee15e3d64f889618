"""Completeness of a year's forms per unit, as DHIS2's completeness report gives it."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from citystrategy._arguments import instance, integer
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import N_, pgettext
from citystrategy.collect._groups import GroupBy, _slug, form_groups
from citystrategy.collect.read import FilledForm, FilledValue, _impossible, _read_each
from citystrategy.errors import FormProblem, Message
from citystrategy.formatting import get_locale
from citystrategy.model import Strategy

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STATUS_COLUMNS", "form_paths", "form_status", "status_titles"]

#: The columns of :func:`form_status`, in order.
STATUS_COLUMNS: Final = (
    "unit",
    "unit_name",
    "file",
    "returned",
    "indicators",
    "filled",
    "missing_with_reason",
    "missing_without_reason",
    "projects",
    "projects_answered",
    "errors",
    "completeness_percent",
)


def _is_lock_file(path: Path) -> bool:
    """Whether *path* is the lock file Excel keeps beside a workbook open in it
    (``~$cel-1.xlsx``, a few hundred bytes, not a workbook): a ``~$`` name and no zip inside.
    A workbook someone saved under such a name is still read."""
    # is_zipfile is False for a file gone already (Excel removes it when the form is closed)
    return path.name.startswith("~$") and not zipfile.is_zipfile(path)


def form_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """*paths* with each folder replaced by the ``.xlsx`` files in it, sorted by name, each
    file once (``formularze/ formularze/*.xlsx`` names every form twice).

    Excel's lock files (``~$cel-1.xlsx``, beside a form open in Excel) are left out, in a
    folder and when named one by one (``formularze/*.xlsx`` names them while a form is open):
    they are not forms.

    Raises:
        ArgumentTypeError: If an item is not a path.
    """
    found: dict[Path, Path] = {}  # by the file itself: a form named twice is read once
    for item in paths:
        path = Path(os.fspath(path_argument(item, "paths")))
        if path.is_dir():
            named = sorted(p for p in path.glob("*.xlsx") if not _is_lock_file(p))
        else:
            named = [] if _is_lock_file(path) else [path]
        for form in named:
            found.setdefault(form.resolve(), form)
    return list(found.values())


_Read = list[tuple[Path, FilledForm | None, list[FormProblem]]]


def _copies(read: _Read) -> tuple[set[Path], dict[str, list[FormProblem]]]:
    """The forms that came back more than once, and one problem per such form, by unit.

    Two files are one form when their identification sheets say the same strategy, year, unit
    and fingerprint (a file copied, ``cel-1 (kopia).xlsx`` beside ``cel-1.xlsx``). One of them
    is the form: the file with the name the form was sent under (``cel-1.xlsx``), else the
    first in the order read; the others are its copies, which are not read further: their rows
    would only repeat the form's. The problem is the form's, as its cells' problems are, and
    names the form first: every problem of the form names the file its values were read from.
    """
    seen: dict[tuple[str, int, str, str], list[Path]] = {}
    sent: dict[tuple[str, int, str, str], str] = {}
    for path, form, _problems in read:
        if form is not None:
            key = (form.strategy, form.year, form.unit, form.fingerprint)
            seen.setdefault(key, []).append(path)
            sent[key] = _slug(form.unit_name) + ".xlsx"  # the name write_forms gave it
    copies: set[Path] = set()
    problems: dict[str, list[FormProblem]] = {}
    for key, found in seen.items():
        if len(found) < 2:
            continue
        paths = sorted(found, key=lambda path: path.name != sent[key])  # the form first
        copies.update(paths[1:])
        if len(paths) == 2:
            template = N_(
                "this form came back twice: {first} and {second} (the same unit and "
                "strategy): keep one"
            )
            values: dict[str, object] = {"first": str(paths[0]), "second": str(paths[1])}
        else:
            template = N_(
                "this form came back {count} times: {files} (the same unit and strategy): keep one"
            )
            values = {"count": len(paths), "files": tuple(str(path) for path in paths)}
        problem = FormProblem(message=Message(template, values), path=str(paths[0]))
        problems.setdefault(key[2], []).append(problem)
    return copies, problems


def _refused(strategy: Strategy, filled: FilledValue) -> bool:
    """Whether the merge refuses *filled* as a value its indicator cannot have."""
    sample = filled.indicator == strategy.survey_responses_indicator
    indicator = strategy.indicator(filled.indicator)
    return _impossible(indicator, filled.value, sample=sample) is not None


def form_status(
    strategy: Strategy,
    year: int,
    paths: Iterable[str | os.PathLike[str]],
    *,
    by: GroupBy | str | None = None,
    locale: str = "pl_PL",
) -> pd.DataFrame:
    """How complete the returned forms of *year* are, per unit: one row per expected form.

    Each expected form (:func:`~citystrategy.collect.form_groups` with *by*) has a row: whether
    it came back (``returned``), its indicators and how many of them have a value (``filled``),
    are missing with a reason, or are missing without one (empty, or refused by an error); its
    projects and how many say whether they were completed; the problems the form has
    (``errors``; a refused form counts its problems and fills nothing); and
    ``completeness_percent``, the share of its expected entries that are answered, in percent:
    every indicator with a value or a reason and every project that says whether it was
    completed, out of all its indicators and projects (DHIS2's completeness: every expected
    entry counts).
    A form that belongs to no expected unit (another strategy or year) gets a row of its own
    with an empty ``unit``; a unit with two forms counts the problem in ``errors``, and a form
    that came back twice (the same file copied: the same unit and fingerprint on its
    identification sheet) counts one problem, its copy's rows not again; ``file`` names both.

    Args:
        strategy: The strategy.
        year: The year of the forms.
        paths: The returned forms: files, or folders whose ``.xlsx`` files are read.
        by: The grouping the forms were written with; by default, the one the first readable
            form names (by goal when none can be read).
        locale: The language of the units' names (``unit_name``: ``Strategic goal 1. …`` in
            English), as :func:`~citystrategy.collect.form_groups` names them.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy, *year* not an int, or a path not a
            path.
        ArgumentError: If *by* is not a :class:`~citystrategy.collect.GroupBy`, or *locale*
            not one citystrategy supports.
    """
    import pandas as pd

    instance(strategy, "strategy", Strategy, "a Strategy")
    year = integer(year, "year")
    read = _read_each(form_paths(paths), strategy, year)
    copies, copied = _copies(read)
    if by is None:
        by = next((form.group_by for _, form, _ in read if form is not None), GroupBy.GOAL)
    groups = form_groups(strategy, year, by=by, locale=locale)
    by_unit: dict[str, list[tuple[Path, FilledForm | None, list[FormProblem]]]] = {}
    stray: list[tuple[Path, FilledForm | None, list[FormProblem]]] = []
    expected = {group.key for group in groups}
    for path, form, problems in read:
        if form is not None and form.unit in expected:
            by_unit.setdefault(form.unit, []).append((path, form, problems))
        else:
            stray.append((path, form, problems))
    rows: list[dict[str, object]] = []
    for group in groups:
        returned = by_unit.get(group.key, [])
        row: dict[str, object] = {
            "unit": group.key,
            "unit_name": group.name,
            "file": "; ".join(path.name for path, _, _ in returned),
            "returned": bool(returned),
            "indicators": len(group.indicators),
            "projects": len(group.projects),
        }
        filled = with_reason = answered = errors = 0
        # a copy of a form counts once, as the one problem of the form that came back twice
        kept = [entry for entry in returned if entry[0] not in copies]
        if kept:
            _path, form, problems = kept[-1]
            assert form is not None
            # a value the merge refuses (a negative count, a share over 100%) is an error,
            # not a filled value
            refused = sum(1 for v in form.values if _refused(strategy, v))
            filled = sum(1 for v in form.values if v.value is not None) - refused
            with_reason = sum(1 for v in form.values if v.value is None and v.marker)
            answered = sum(1 for p in form.projects if p.completed is not None)
            errors = sum(len(p) for _, _, p in kept) + len(kept) - 1 + refused
            errors += len(copied.get(group.key, []))
        row |= {
            "filled": filled,
            "missing_with_reason": with_reason,
            "missing_without_reason": len(group.indicators) - filled - with_reason,
            "projects_answered": answered,
            "errors": errors,
        }
        rows.append(row)
    for path, form, problems in stray:
        rows.append(
            {
                "unit": "",
                "unit_name": form.unit_name if form is not None else "",
                "file": path.name,
                "returned": True,
                "indicators": 0,
                "filled": 0,
                "missing_with_reason": 0,
                "missing_without_reason": 0,
                "projects": 0,
                "projects_answered": 0,
                "errors": max(len(problems), 1),
            }
        )
    frame = pd.DataFrame(rows, columns=list(STATUS_COLUMNS[:-1]))
    done = frame["filled"] + frame["missing_with_reason"] + frame["projects_answered"]
    entries = frame["indicators"] + frame["projects"]
    share = (done * 100 / entries.where(entries > 0)).round(1)
    frame["completeness_percent"] = share
    return frame


def status_titles(locale: str = "pl_PL") -> dict[str, str]:
    """The column titles of :func:`form_status` in the language of *locale*.

    Raises:
        ArgumentError: If *locale* is not one citystrategy supports.
    """
    locale = str(get_locale(locale))
    return {
        "unit": pgettext("status", "Unit key", locale),
        "unit_name": pgettext("status", "Unit", locale),
        "file": pgettext("status", "File", locale),
        "returned": pgettext("status", "Returned", locale),
        "indicators": pgettext("status", "Indicators", locale),
        "filled": pgettext("status", "Filled", locale),
        "missing_with_reason": pgettext("status", "Missing with a reason", locale),
        "missing_without_reason": pgettext("status", "Missing without a reason", locale),
        "projects": pgettext("status", "Projects", locale),
        "projects_answered": pgettext("status", "Projects answered", locale),
        "errors": pgettext("status", "Entry errors", locale),
        "completeness_percent": pgettext("status", "Completeness", locale),
    }
