"""The monitoring cycle: data-entry forms out to each responsible unit, filled forms back in.

:func:`write_forms` writes one XLSX form per responsible unit for a year (grouped by
:func:`form_groups`); :func:`read_form` reads a filled one back as untrusted input, with every
problem located by file, sheet and cell; :func:`form_status` reports the completeness of the
returned forms per unit; :func:`merge_forms` merges them into the strategy, with the log of
where each value came from and plausibility warnings. :func:`write_template` writes a workbook
to describe a whole strategy in, and :func:`read_template` reads a filled one back.
"""

from __future__ import annotations

from citystrategy.collect._groups import MISSING_REASONS as MISSING_REASONS
from citystrategy.collect._groups import FormGroup as FormGroup
from citystrategy.collect._groups import GroupBy as GroupBy
from citystrategy.collect._groups import SourceKind as SourceKind
from citystrategy.collect._groups import form_groups as form_groups
from citystrategy.collect._groups import source_kind as source_kind
from citystrategy.collect._log import log_table as log_table
from citystrategy.collect.forms import PREVIOUS_YEARS as PREVIOUS_YEARS
from citystrategy.collect.forms import write_forms as write_forms
from citystrategy.collect.merge import LOG_COLUMNS as LOG_COLUMNS
from citystrategy.collect.merge import MergeResult as MergeResult
from citystrategy.collect.merge import MergeWarning as MergeWarning
from citystrategy.collect.merge import Provenance as Provenance
from citystrategy.collect.merge import WarningKind as WarningKind
from citystrategy.collect.merge import log_frame as log_frame
from citystrategy.collect.merge import merge_forms as merge_forms
from citystrategy.collect.merge import write_merge as write_merge
from citystrategy.collect.read import MAX_FORM_BYTES as MAX_FORM_BYTES
from citystrategy.collect.read import MAX_UNPACKED_BYTES as MAX_UNPACKED_BYTES
from citystrategy.collect.read import FilledForm as FilledForm
from citystrategy.collect.read import FilledProject as FilledProject
from citystrategy.collect.read import FilledValue as FilledValue
from citystrategy.collect.read import read_form as read_form
from citystrategy.collect.status import STATUS_COLUMNS as STATUS_COLUMNS
from citystrategy.collect.status import form_paths as form_paths
from citystrategy.collect.status import form_status as form_status
from citystrategy.collect.status import status_titles as status_titles
from citystrategy.collect.template import TEMPLATE_ROWS as TEMPLATE_ROWS
from citystrategy.collect.template import read_template as read_template
from citystrategy.collect.template import write_template as write_template

__all__ = [
    "LOG_COLUMNS",
    "MAX_FORM_BYTES",
    "MAX_UNPACKED_BYTES",
    "MISSING_REASONS",
    "PREVIOUS_YEARS",
    "STATUS_COLUMNS",
    "TEMPLATE_ROWS",
    "FilledForm",
    "FilledProject",
    "FilledValue",
    "FormGroup",
    "GroupBy",
    "MergeResult",
    "MergeWarning",
    "Provenance",
    "SourceKind",
    "WarningKind",
    "form_groups",
    "form_paths",
    "form_status",
    "log_frame",
    "log_table",
    "merge_forms",
    "read_form",
    "read_template",
    "source_kind",
    "status_titles",
    "write_forms",
    "write_merge",
    "write_template",
]
