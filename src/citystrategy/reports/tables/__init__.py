"""The annual report's sections as data: one function per table, each returning a DataFrame.

Every table has stable column names (the module's constants), typed columns (exact money as
``Decimal``, numbers numeric, missing values missing with the reason in a column beside them, lists
as tuples) and the settings it was computed with in ``frame.attrs["settings"]``. The report's
renderers (the terminal, JSON, the Excel and Markdown writers) read these tables; so can a user's
own report.
"""

from __future__ import annotations

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
from citystrategy.reports.tables.indicators import indicator_values_table as indicator_values_table
from citystrategy.reports.tables.indicators import indicators_section as indicators_section
from citystrategy.reports.tables.indicators import observations_table as observations_table

__all__ = [
    "FINDING_COLUMNS",
    "GOAL_COLUMNS",
    "INDICATOR_COLUMNS",
    "OBSERVATION_COLUMNS",
    "SEVERITY_TONES",
    "STATUS_TONES",
    "TREND_TONES",
    "data_table_block",
    "findings_section",
    "findings_table",
    "goal_scores_section",
    "goal_scores_table",
    "indicator_values_table",
    "indicators_section",
    "observations_table",
]
