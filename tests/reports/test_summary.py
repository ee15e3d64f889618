"""Tests of the text summary's pointer to the findings: a command users can type, or none."""

from __future__ import annotations

from citystrategy.model import Strategy
from citystrategy.reports import format_summary


def test_summary_without_slug_names_no_command(kielce: Strategy) -> None:
    """Without a slug the discrepancy count stands alone, never with the strategy's code."""
    line = next(
        row for row in format_summary(kielce, 2023).splitlines() if row.startswith("Rozbieżności")
    )
    assert line == "Rozbieżności z raportem: 6"


def test_summary_with_slug_names_the_command(kielce: Strategy) -> None:
    """With a slug the line says which command lists the discrepancies, in English too."""
    text = format_summary(kielce, 2023, slug="./kopia", locale="en_GB")
    assert "Discrepancies with the report: 6 (details: citystrategy check ./kopia)" in text
