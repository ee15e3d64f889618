"""Presentation: report tables and texts built from the model and the calculations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names
from citystrategy.reports.errors import describe_error as describe_error
from citystrategy.reports.errors import describe_problem as describe_problem
from citystrategy.reports.text import render_table as render_table

if TYPE_CHECKING:
    from citystrategy.reports.annual import annual_report as annual_report
    from citystrategy.reports.annual import summary_section as summary_section
    from citystrategy.reports.assessment import assessment_data as assessment_data
    from citystrategy.reports.assessment import format_assessment as format_assessment
    from citystrategy.reports.document import Chart as Chart
    from citystrategy.reports.document import ChartKind as ChartKind
    from citystrategy.reports.document import Column as Column
    from citystrategy.reports.document import ColumnKind as ColumnKind
    from citystrategy.reports.document import Heading as Heading
    from citystrategy.reports.document import PageBreak as PageBreak
    from citystrategy.reports.document import Paragraph as Paragraph
    from citystrategy.reports.document import Report as Report
    from citystrategy.reports.document import Section as Section
    from citystrategy.reports.document import Table as Table
    from citystrategy.reports.document import Tone as Tone
    from citystrategy.reports.document import infer_columns as infer_columns
    from citystrategy.reports.excel import write_excel as write_excel
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
    from citystrategy.reports.writers import FORMATS as FORMATS
    from citystrategy.reports.writers import check_target as check_target
    from citystrategy.reports.writers import write_report as write_report

#: Names imported on first use (PEP 562): those of assess and the report need pandas, and each
#: command imports only the reports it shows.
_LAZY: Final = {
    "describe_finding": "citystrategy.reports.findings",
    "findings_data": "citystrategy.reports.findings",
    "format_findings": "citystrategy.reports.findings",
    "kind_name": "citystrategy.reports.findings",
    "format_city_profile": "citystrategy.reports.programs",
    "format_program": "citystrategy.reports.programs",
    "format_program_links": "citystrategy.reports.programs",
    "format_programs": "citystrategy.reports.programs",
    "profile_data": "citystrategy.reports.programs",
    "program_data": "citystrategy.reports.programs",
    "format_summary": "citystrategy.reports.summary",
    "summary_data": "citystrategy.reports.summary",
    "annual_report": "citystrategy.reports.annual",
    "summary_section": "citystrategy.reports.annual",
    "write_report": "citystrategy.reports.writers",
    "check_target": "citystrategy.reports.writers",
    "FORMATS": "citystrategy.reports.writers",
    "assessment_data": "citystrategy.reports.assessment",
    "format_assessment": "citystrategy.reports.assessment",
    "Chart": "citystrategy.reports.document",
    "ChartKind": "citystrategy.reports.document",
    "Column": "citystrategy.reports.document",
    "ColumnKind": "citystrategy.reports.document",
    "Heading": "citystrategy.reports.document",
    "PageBreak": "citystrategy.reports.document",
    "Paragraph": "citystrategy.reports.document",
    "Report": "citystrategy.reports.document",
    "Section": "citystrategy.reports.document",
    "Table": "citystrategy.reports.document",
    "Tone": "citystrategy.reports.document",
    "infer_columns": "citystrategy.reports.document",
    "write_excel": "citystrategy.reports.excel",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, globals(), _LAZY)


__all__ = [
    "FORMATS",
    "Chart",
    "ChartKind",
    "Column",
    "ColumnKind",
    "Heading",
    "PageBreak",
    "Paragraph",
    "Report",
    "Section",
    "Table",
    "Tone",
    "annual_report",
    "assessment_data",
    "check_target",
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
    "infer_columns",
    "kind_name",
    "profile_data",
    "program_data",
    "render_table",
    "summary_data",
    "summary_section",
    "write_excel",
    "write_report",
]
