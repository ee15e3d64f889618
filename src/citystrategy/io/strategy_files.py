"""Read a strategy from a folder of reviewable text files (TOML and TSV).

The format (documented in ``docs/howto/add-a-city.md`` and in the Kielce adapter's
``data/README.md``) keeps every value verbatim as the source prints it; this reader parses each
one with :mod:`citystrategy.io.parse`, resolves the cost cells (``jw.``, "podany w Celu nr N"),
and builds the model. Every problem of a file is collected and raised at once as a
:class:`~citystrategy.errors.DataFileError` naming the file, the row, the column and the text.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

import attrs

from citystrategy.io import _strategy_toml
from citystrategy.io._files import as_traversable
from citystrategy.io._indicators import read_indicators
from citystrategy.io._projects import read_projects
from citystrategy.io._strategy_toml import (
    Meta,
    all_goal_codes,
    read_directions,
    read_meta,
    read_report_files,
    with_directions,
)
from citystrategy.model import Strategy

__all__ = ["FILES", "REPORTS_FOLDER", "read_strategy"]

#: The files of a strategy folder.
FILES: Final = (
    "strategy.toml",
    "action_directions.tsv",
    "indicators.tsv",
    "projects.tsv",
    "goal_links.tsv",
    "completed.toml",
)
#: The optional folder of a strategy folder with the annual reports after the one in
#: strategy.toml: a file a report, named by its year (``reports/2024.toml``).
REPORTS_FOLDER: Final = _strategy_toml.REPORTS_FOLDER


def read_strategy(directory: Traversable | str | Path) -> Strategy:
    """Read the strategy in *directory* (a path, or package data from ``importlib.resources``).

    Args:
        directory: A folder with the files of :data:`FILES`, and the annual reports after
            the one in strategy.toml in the folder :data:`REPORTS_FOLDER`, if it has more.

    Returns:
        The strategy, with its goals, action directions, indicators, observations, projects
        (each once, with its cost resolved across goal tables), annual report and documents.

    Raises:
        DataFileError: If a file is missing or malformed; it lists every problem of that file,
            each with its line, column and offending text.
        ArgumentTypeError: If *directory* is not a path or a Traversable.
    """
    root = as_traversable(directory)
    meta = read_meta(root / "strategy.toml")
    list_year = meta.strategy.reports[0].year if meta.strategy.reports else None
    report_files = read_report_files(root, meta.strategy)
    if report_files:
        reports = [*meta.strategy.reports, *(item.report for item in report_files)]
        meta = Meta(attrs.evolve(meta.strategy, reports=reports), meta.missing)
    goal_codes = all_goal_codes(meta)
    directions = read_directions(root / "action_directions.tsv", goal_codes)
    indicators, observations = read_indicators(root / "indicators.tsv", meta, goal_codes)
    projects = read_projects(root, meta.strategy, goal_codes, directions, report_files, list_year)
    return attrs.evolve(
        meta.strategy,
        strategic_goals=with_directions(meta.strategy.strategic_goals, directions),
        indicators=indicators,
        projects=projects,
        observations=observations,
    )
