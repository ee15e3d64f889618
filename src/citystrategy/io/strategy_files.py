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

from citystrategy.io._files import Problems, as_traversable
from citystrategy.io._indicators import read_indicators
from citystrategy.io._projects import read_projects
from citystrategy.io._strategy_toml import (
    all_goal_codes,
    build_strategic_goals,
    read_directions,
    read_documents,
    read_meta,
    read_monitoring,
    read_program_links,
    read_report,
)
from citystrategy.model import Strategy

__all__ = ["FILES", "read_strategy"]

#: The files of a strategy folder.
FILES: Final = (
    "strategy.toml",
    "action_directions.tsv",
    "indicators.tsv",
    "projects.tsv",
    "goal_links.tsv",
    "completed.toml",
)


def read_strategy(directory: Traversable | str | Path) -> Strategy:
    """Read the strategy in *directory* (a path, or package data from ``importlib.resources``).

    Args:
        directory: A folder with the files of :data:`FILES`.

    Returns:
        The strategy, with its goals, action directions, indicators, observations, projects
        (each once, with its cost resolved across goal tables), annual report and documents.

    Raises:
        DataFileError: If a file is missing or malformed; it lists every problem of that file,
            each with its line, column and offending text.
    """
    root = as_traversable(directory)
    meta = read_meta(root / "strategy.toml")
    goal_codes = all_goal_codes(meta)
    directions = read_directions(root / "action_directions.tsv", goal_codes)
    indicators, observations = read_indicators(root / "indicators.tsv", meta, goal_codes)
    projects = read_projects(root, goal_codes, directions)
    problems = Problems(str(root / "strategy.toml"))
    goals = build_strategic_goals(meta, directions, problems)
    strategy_table = meta.raw["strategy"]
    report = read_report(meta.raw, problems)
    documents = read_documents(meta.raw.get("other_documents", []), problems)
    monitoring = read_monitoring(meta.raw.get("monitoring"), problems)
    links = read_program_links(meta.raw.get("program_links", []), goal_codes, problems)
    problems.raise_if_any()
    return Strategy(
        code=strategy_table["code"],
        title=strategy_table["title"],
        territory=meta.territory,
        period_start=strategy_table["period_start"],
        period_end=strategy_table["period_end"],
        adopted_on=strategy_table.get("adopted_on"),
        adopted_by=str(strategy_table.get("adopted_by", "")),
        resolution=str(strategy_table.get("resolution", "")),
        strategic_goals=goals,
        indicators=indicators,
        projects=projects,
        observations=observations,
        monitoring=monitoring,
        reports=[report] if report is not None else [],
        other_documents=documents,
        survey_responses_indicator=strategy_table.get("survey_responses_indicator"),
        program_links=links,
    )
