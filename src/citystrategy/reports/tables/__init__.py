"""The annual report's sections as data: one function per table, each returning a DataFrame.

Every table has stable column names (the module's constants), typed columns (exact money as
``Decimal``, numbers numeric, missing values missing with the reason in a column beside them, lists
as tuples) and the settings it was computed with in ``frame.attrs["settings"]``. The report's
renderers (the terminal, JSON, the Excel and Markdown writers) read these tables; so can a user's
own report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names

if TYPE_CHECKING:
    from citystrategy.reports.tables.indicators import FINDING_COLUMNS as FINDING_COLUMNS
    from citystrategy.reports.tables.indicators import GOAL_COLUMNS as GOAL_COLUMNS
    from citystrategy.reports.tables.indicators import INDICATOR_COLUMNS as INDICATOR_COLUMNS
    from citystrategy.reports.tables.indicators import OBSERVATION_COLUMNS as OBSERVATION_COLUMNS
    from citystrategy.reports.tables.indicators import SEVERITY_TONES as SEVERITY_TONES
    from citystrategy.reports.tables.indicators import STATUS_TONES as STATUS_TONES
    from citystrategy.reports.tables.indicators import TREND_TONES as TREND_TONES
    from citystrategy.reports.tables.indicators import data_table_block as data_table_block
    from citystrategy.reports.tables.indicators import findings_section as findings_section
    from citystrategy.reports.tables.indicators import findings_table as findings_table
    from citystrategy.reports.tables.indicators import goal_scores_section as goal_scores_section
    from citystrategy.reports.tables.indicators import goal_scores_table as goal_scores_table
    from citystrategy.reports.tables.indicators import (
        indicator_values_table as indicator_values_table,
    )
    from citystrategy.reports.tables.indicators import indicators_section as indicators_section
    from citystrategy.reports.tables.indicators import observations_table as observations_table
    from citystrategy.reports.tables.projects import (
        ADOPTED_DOCUMENTS_COLUMNS as ADOPTED_DOCUMENTS_COLUMNS,
    )
    from citystrategy.reports.tables.projects import (
        COMPLETED_PROJECTS_COLUMNS as COMPLETED_PROJECTS_COLUMNS,
    )
    from citystrategy.reports.tables.projects import GOAL_COSTS_COLUMNS as GOAL_COSTS_COLUMNS
    from citystrategy.reports.tables.projects import GOAL_COSTS_FIGURES as GOAL_COSTS_FIGURES
    from citystrategy.reports.tables.projects import GOAL_COSTS_STATUSES as GOAL_COSTS_STATUSES
    from citystrategy.reports.tables.projects import GOAL_SPENDING_COLUMNS as GOAL_SPENDING_COLUMNS
    from citystrategy.reports.tables.projects import INTRODUCTION_COLUMNS as INTRODUCTION_COLUMNS
    from citystrategy.reports.tables.projects import INTRODUCTION_ITEMS as INTRODUCTION_ITEMS
    from citystrategy.reports.tables.projects import REPORT_TEXTS_COLUMNS as REPORT_TEXTS_COLUMNS
    from citystrategy.reports.tables.projects import (
        adopted_documents_table as adopted_documents_table,
    )
    from citystrategy.reports.tables.projects import (
        completed_projects_table as completed_projects_table,
    )
    from citystrategy.reports.tables.projects import goal_costs_table as goal_costs_table
    from citystrategy.reports.tables.projects import goal_spending_table as goal_spending_table
    from citystrategy.reports.tables.projects import introduction_section as introduction_section
    from citystrategy.reports.tables.projects import introduction_table as introduction_table
    from citystrategy.reports.tables.projects import projects_section as projects_section
    from citystrategy.reports.tables.projects import report_texts_table as report_texts_table
    from citystrategy.reports.tables.projects import texts_sections as texts_sections

#: Names imported on first use (PEP 562): asking for one table's module (the assessment's
#: indicators, the summary's costs) imports that module only.
_LAZY: Final = {
    "FINDING_COLUMNS": "citystrategy.reports.tables.indicators",
    "GOAL_COLUMNS": "citystrategy.reports.tables.indicators",
    "INDICATOR_COLUMNS": "citystrategy.reports.tables.indicators",
    "OBSERVATION_COLUMNS": "citystrategy.reports.tables.indicators",
    "SEVERITY_TONES": "citystrategy.reports.tables.indicators",
    "STATUS_TONES": "citystrategy.reports.tables.indicators",
    "TREND_TONES": "citystrategy.reports.tables.indicators",
    "data_table_block": "citystrategy.reports.tables.indicators",
    "findings_section": "citystrategy.reports.tables.indicators",
    "findings_table": "citystrategy.reports.tables.indicators",
    "goal_scores_section": "citystrategy.reports.tables.indicators",
    "goal_scores_table": "citystrategy.reports.tables.indicators",
    "indicator_values_table": "citystrategy.reports.tables.indicators",
    "indicators_section": "citystrategy.reports.tables.indicators",
    "observations_table": "citystrategy.reports.tables.indicators",
    "ADOPTED_DOCUMENTS_COLUMNS": "citystrategy.reports.tables.projects",
    "COMPLETED_PROJECTS_COLUMNS": "citystrategy.reports.tables.projects",
    "GOAL_COSTS_COLUMNS": "citystrategy.reports.tables.projects",
    "GOAL_COSTS_FIGURES": "citystrategy.reports.tables.projects",
    "GOAL_COSTS_STATUSES": "citystrategy.reports.tables.projects",
    "GOAL_SPENDING_COLUMNS": "citystrategy.reports.tables.projects",
    "INTRODUCTION_COLUMNS": "citystrategy.reports.tables.projects",
    "INTRODUCTION_ITEMS": "citystrategy.reports.tables.projects",
    "REPORT_TEXTS_COLUMNS": "citystrategy.reports.tables.projects",
    "adopted_documents_table": "citystrategy.reports.tables.projects",
    "completed_projects_table": "citystrategy.reports.tables.projects",
    "goal_costs_table": "citystrategy.reports.tables.projects",
    "goal_spending_table": "citystrategy.reports.tables.projects",
    "introduction_section": "citystrategy.reports.tables.projects",
    "introduction_table": "citystrategy.reports.tables.projects",
    "projects_section": "citystrategy.reports.tables.projects",
    "report_texts_table": "citystrategy.reports.tables.projects",
    "texts_sections": "citystrategy.reports.tables.projects",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, globals(), _LAZY)

__all__ = [
    "ADOPTED_DOCUMENTS_COLUMNS",
    "COMPLETED_PROJECTS_COLUMNS",
    "FINDING_COLUMNS",
    "GOAL_COLUMNS",
    "GOAL_COSTS_COLUMNS",
    "GOAL_COSTS_FIGURES",
    "GOAL_COSTS_STATUSES",
    "GOAL_SPENDING_COLUMNS",
    "INDICATOR_COLUMNS",
    "INTRODUCTION_COLUMNS",
    "INTRODUCTION_ITEMS",
    "OBSERVATION_COLUMNS",
    "REPORT_TEXTS_COLUMNS",
    "SEVERITY_TONES",
    "STATUS_TONES",
    "TREND_TONES",
    "adopted_documents_table",
    "completed_projects_table",
    "data_table_block",
    "findings_section",
    "findings_table",
    "goal_costs_table",
    "goal_scores_section",
    "goal_scores_table",
    "goal_spending_table",
    "indicator_values_table",
    "indicators_section",
    "introduction_section",
    "introduction_table",
    "observations_table",
    "projects_section",
    "report_texts_table",
    "texts_sections",
]
