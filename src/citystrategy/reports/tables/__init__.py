"""The annual report's sections as data: one function per table, each returning a DataFrame.

Every table has stable column names (the module's constants), typed columns (exact money as
``Decimal``, numbers numeric, missing values missing with the reason in a column beside them, lists
as tuples) and the settings it was computed with in ``frame.attrs["settings"]``. The report's
renderers (the terminal, JSON, the Excel and Markdown writers) read these tables; so can a user's
own report.
"""

from __future__ import annotations

__all__: list[str] = []
