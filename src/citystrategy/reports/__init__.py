"""Presentation: report tables and texts built from the model and the calculations."""

from __future__ import annotations

from citystrategy.reports.assessment import assessment_data as assessment_data
from citystrategy.reports.assessment import format_assessment as format_assessment
from citystrategy.reports.findings import describe_finding as describe_finding
from citystrategy.reports.findings import findings_data as findings_data
from citystrategy.reports.findings import format_findings as format_findings
from citystrategy.reports.summary import format_summary as format_summary
from citystrategy.reports.summary import summary_data as summary_data
from citystrategy.reports.text import render_table as render_table

__all__ = [
    "assessment_data",
    "describe_finding",
    "findings_data",
    "format_assessment",
    "format_findings",
    "format_summary",
    "render_table",
    "summary_data",
]
