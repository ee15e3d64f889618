"""Progress of indicators toward their targets.

The method (:mod:`~citystrategy.progress.method`) is written once, vectorised;
:func:`assess_series` runs it on one series and :func:`assess_frame` on a long frame of any
number of territories and indicators, with the same results; :func:`assess` on a whole
strategy. Every entry point takes one :class:`ProgressOptions`. Survey statistics are in
:mod:`~citystrategy.progress.survey`. The method is described in
``docs/explanation/progress-method.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names
from citystrategy.progress.method import DEFAULT_THRESHOLDS as DEFAULT_THRESHOLDS
from citystrategy.progress.method import LIMIT_EXPONENT as LIMIT_EXPONENT
from citystrategy.progress.method import NOTES as NOTES
from citystrategy.progress.method import ZERO_SUBSTITUTE as ZERO_SUBSTITUTE
from citystrategy.progress.method import Method as Method
from citystrategy.progress.method import Note as Note
from citystrategy.progress.method import Status as Status
from citystrategy.progress.method import Thresholds as Thresholds
from citystrategy.progress.method import Trend as Trend
from citystrategy.progress.method import limit_factor as limit_factor
from citystrategy.progress.method import status_from_score as status_from_score
from citystrategy.progress.options import DEFAULT_OPTIONS as DEFAULT_OPTIONS
from citystrategy.progress.options import ProgressOptions as ProgressOptions
from citystrategy.progress.series import Assessment as Assessment
from citystrategy.progress.series import SeriesValues as SeriesValues
from citystrategy.progress.series import YearOnYear as YearOnYear
from citystrategy.progress.series import assess_series as assess_series
from citystrategy.progress.series import parse_period as parse_period
from citystrategy.progress.series import year_on_year as year_on_year
from citystrategy.progress.survey import two_proportion_p_value as two_proportion_p_value
from citystrategy.progress.survey import wilson_interval as wilson_interval

if TYPE_CHECKING:
    from citystrategy.progress.frame import ASSESSMENT_COLUMNS as ASSESSMENT_COLUMNS
    from citystrategy.progress.frame import META_COLUMNS as META_COLUMNS
    from citystrategy.progress.frame import assess_frame as assess_frame
    from citystrategy.progress.strategy import GOAL_COLUMNS as GOAL_COLUMNS
    from citystrategy.progress.strategy import INDICATOR_COLUMNS as INDICATOR_COLUMNS
    from citystrategy.progress.strategy import MIN_COVERAGE as MIN_COVERAGE
    from citystrategy.progress.strategy import assess as assess
    from citystrategy.progress.strategy import assess_goals as assess_goals
    from citystrategy.progress.strategy import indicator_metadata as indicator_metadata
    from citystrategy.progress.strategy import survey_samples as survey_samples

#: Names imported on first use (PEP 562): they need pandas, and the method's enumerations
#: (which ``formatting`` uses) do not.
_LAZY: Final = {
    "ASSESSMENT_COLUMNS": "citystrategy.progress.frame",
    "META_COLUMNS": "citystrategy.progress.frame",
    "assess_frame": "citystrategy.progress.frame",
    "GOAL_COLUMNS": "citystrategy.progress.strategy",
    "INDICATOR_COLUMNS": "citystrategy.progress.strategy",
    "MIN_COVERAGE": "citystrategy.progress.strategy",
    "assess": "citystrategy.progress.strategy",
    "assess_goals": "citystrategy.progress.strategy",
    "indicator_metadata": "citystrategy.progress.strategy",
    "survey_samples": "citystrategy.progress.strategy",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, globals(), _LAZY)


__all__ = [
    "ASSESSMENT_COLUMNS",
    "DEFAULT_OPTIONS",
    "DEFAULT_THRESHOLDS",
    "GOAL_COLUMNS",
    "INDICATOR_COLUMNS",
    "LIMIT_EXPONENT",
    "META_COLUMNS",
    "MIN_COVERAGE",
    "NOTES",
    "ZERO_SUBSTITUTE",
    "Assessment",
    "Method",
    "Note",
    "ProgressOptions",
    "SeriesValues",
    "Status",
    "Thresholds",
    "Trend",
    "YearOnYear",
    "assess",
    "assess_frame",
    "assess_goals",
    "assess_series",
    "indicator_metadata",
    "limit_factor",
    "parse_period",
    "status_from_score",
    "survey_samples",
    "two_proportion_p_value",
    "wilson_interval",
    "year_on_year",
]
