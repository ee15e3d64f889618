"""Tests of the text summary's pointer to the findings: a command users can type, or none."""

from __future__ import annotations

import attrs

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


def test_a_report_that_declares_nothing_has_no_columns_of_its_figures(kielce: Strategy) -> None:
    """The 2023 data as if the report declared no figures: four columns, and a note saying why."""
    report = attrs.evolve(kielce.reports[0], declared=None)
    strategy = attrs.evolve(kielce, reports=(report,))
    for locale, note, header in [
        ("pl_PL", "raport za 2023 r. nie podaje liczb, z którymi można je porównać.", "Udział"),
        ("en_GB", "the report on 2023 declares no figures to compare them with.", "Share"),
    ]:
        text = format_summary(strategy, 2023, locale=locale)
        (line,) = [row for row in text.splitlines() if row.endswith(header)]
        assert line.split()[-1] == header  # the computed share closes the table's header
        assert "–" not in text.split(header, 1)[1].split("\n\n")[0]  # no cell without a figure
        assert note in " ".join(text.split())
    shipped = format_summary(kielce, 2023)
    assert "Projekty (raport)" in shipped  # a report that declares them: compared
