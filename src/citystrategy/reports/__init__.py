"""Presentation: report tables and texts built from the model and the calculations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names
from citystrategy.reports.errors import describe_error as describe_error
from citystrategy.reports.errors import describe_problem as describe_problem
from citystrategy.reports.findings import describe_finding as describe_finding
from citystrategy.reports.findings import findings_data as findings_data
from citystrategy.reports.findings import format_findings as format_findings
from citystrategy.reports.findings import kind_name as kind_name
from citystrategy.reports.programs import format_city_profile as format_city_profile
from citystrategy.reports.programs import format_program as format_program
from citystrategy.reports.programs import format_program_links as format_program_links
from citystrategy.reports.programs import format_programs as format_programs
from citystrategy.reports.programs import profile_data as profile_data
from citystrategy.reports.programs import program_data as program_data
from citystrategy.reports.summary import format_summary as format_summary
from citystrategy.reports.summary import summary_data as summary_data
from citystrategy.reports.text import render_table as render_table

if TYPE_CHECKING:
    from citystrategy.reports.assessment import assessment_data as assessment_data
    from citystrategy.reports.assessment import format_assessment as format_assessment

#: Names imported on first use (PEP 562): they need pandas, and the other reports do not.
_LAZY: Final = {
    "assessment_data": "citystrategy.reports.assessment",
    "format_assessment": "citystrategy.reports.assessment",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, globals(), _LAZY)


__all__ = [
    "assessment_data",
    "describe_error",
    "describe_finding",
    "describe_problem",
    "findings_data",
    "format_assessment",
    "format_city_profile",
    "format_findings",
    "format_program",
    "format_program_links",
    "format_programs",
    "format_summary",
    "kind_name",
    "profile_data",
    "program_data",
    "render_table",
    "summary_data",
]
