"""A missing value's own reason in indicators.tsv: the optional ``reason_<year>`` column.

A data-entry form's unit chooses why a value is missing; that reason stays the value's, beside
the sign, instead of the meaning the strategy gives the same sign for its earlier years.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from citystrategy.io import write_strategy
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Missing, Observation, Strategy
from citystrategy.reports import describe_error
from tests.factories import data_file_error

#: The reason a unit chose for a 2024 value of Kielce's late-published '- *'.
LATE = "brak danych w terminie (jeszcze nieopublikowane)"


def _with_2024(kielce: Strategy) -> Strategy:
    """Kielce with a 2024 value of every indicator: the 2023 value again, except two missing
    for reasons of their own ('- *' late, '–' did not occur) and one '.' with GUS's meaning."""
    own = {
        "KIE-3.3-04": Missing(code="missing", marker="- *", text=LATE),
        "KIE-3.3-06": Missing(code="missing", marker="–", text="zjawisko nie wystąpiło"),
        "KIE-4.2-04": Missing(
            code="missing", marker=".", text="no data, not known or confidential (GUS sign '.')"
        ),
    }
    added = []
    for indicator in kielce.indicators:
        if indicator.code in own:
            missing = own[indicator.code]
            added.append(
                Observation(
                    indicator=indicator.code,
                    territory=kielce.territory.id,
                    year=2024,
                    missing=missing,
                    raw=missing.marker,
                )
            )
        else:
            added.append(
                Observation(
                    indicator=indicator.code,
                    territory=kielce.territory.id,
                    year=2024,
                    value=Decimal(1),
                )
            )
    return attrs.evolve(kielce, observations=[*kielce.observations, *added])


def test_a_reason_of_its_own_is_written_beside_its_sign(kielce: Strategy, tmp_path: Path) -> None:
    """The reason goes to reason_2024; the sign's strategy meaning stays in strategy.toml."""
    strategy = _with_2024(kielce)
    folder = write_strategy(strategy, tmp_path / "k")
    lines = (folder / "indicators.tsv").read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    assert "reason_2024" in header
    assert "reason_2023" not in header
    rows = {
        line.split("\t")[0]: dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]
    }
    assert (rows["KIE-3.3-04"]["value_2024"], rows["KIE-3.3-04"]["reason_2024"]) == ("- *", LATE)
    assert rows["KIE-3.3-04"]["value_2023"] == "- *"
    assert rows["KIE-3.3-06"]["reason_2024"] == "zjawisko nie wystąpiło"
    assert rows["KIE-4.2-04"]["reason_2024"] == ""  # GUS's meaning: the sign says it
    assert rows["KIE-1.1-01"]["reason_2024"] == ""
    back = read_strategy(folder)
    assert _cells(back) == _cells(strategy)
    late = back.observation("KIE-3.3-04", 2024)
    earlier = back.observation("KIE-3.3-04", 2023)
    assert late is not None
    assert late.missing is not None
    assert earlier is not None
    assert earlier.missing is not None
    assert (late.missing.code, late.missing.text) == ("missing", LATE)
    assert earlier.missing.code == "not_yet_in_bdl"  # the 2023 report's footnote, as shipped
    # written again like itself: byte for byte
    again = write_strategy(back, tmp_path / "again", like=folder)
    for name in ("indicators.tsv", "strategy.toml"):
        assert (again / name).read_bytes() == (folder / name).read_bytes()


def test_gus_meaning_beside_a_strategy_meaning_is_written_as_a_reason(
    kielce: Strategy, tmp_path: Path
) -> None:
    """'- *' with GUS's meaning in a strategy that gives '- *' its own: the words are kept."""
    strategy = _with_2024(kielce)
    gus = Missing(code="missing", marker="- *", text="no data at the report date (footnote '*')")
    observations = [
        attrs.evolve(o, missing=gus) if (o.indicator, o.year) == ("KIE-3.3-04", 2024) else o
        for o in strategy.observations
    ]
    strategy = attrs.evolve(strategy, observations=observations)
    folder = write_strategy(strategy, tmp_path / "k")
    back = read_strategy(folder)
    assert _cells(back) == _cells(strategy)
    found = back.observation("KIE-3.3-04", 2024)
    assert found is not None
    assert found.missing == gus


def _cells(strategy: Strategy) -> dict[tuple[str, int], tuple[object, object]]:
    """Each observation's value or reason, by indicator and year (the order and raw aside)."""
    return {(o.indicator, o.year): (o.value, o.missing) for o in strategy.observations}


def _edit(folder: Path, edit: dict[str, dict[str, str]], extra: tuple[str, ...] = ()) -> None:
    """Set cells of indicators.tsv (code -> column -> text), adding the *extra* columns."""
    path = folder / "indicators.tsv"
    lines = path.read_text("utf-8").splitlines()
    header = lines[0].split("\t") + list(extra)
    out = ["\t".join(header)]
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t") + [""] * len(extra), strict=True))
        cells.update(edit.get(cells["code"], {}))
        out.append("\t".join(cells[column] for column in header))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("locale", "words"),
    [("pl_PL", "przyczynę braku"), ("en_GB", "which is not missing")],
    ids=["pl", "en"],
)
def test_a_reason_beside_a_value_is_an_error_at_its_cell(
    kielce_dir: Path, locale: str, words: str
) -> None:
    """A reason for a value that is there: refused, naming the line, the column and the text."""
    _edit(kielce_dir, {"KIE-1.1-01": {"reason_2023": "nie dotyczy"}}, ("reason_2023",))
    error = data_file_error(read_strategy, kielce_dir)
    text = describe_error(error, locale=locale)
    assert "reason_2023" in text
    quote = "„{}”" if locale.startswith("pl") else "'{}'"
    assert quote.format("nie dotyczy") in text
    assert quote.format("4,6%") in text
    assert words in text


def test_a_reason_column_without_its_values_is_an_error(kielce_dir: Path) -> None:
    """reason_2025 without value_2025: refused at the header."""
    _edit(kielce_dir, {}, ("reason_2025",))
    error = data_file_error(read_strategy, kielce_dir)
    assert "'reason_2025'" in str(error)
    assert "'value_2025'" in str(error)


def test_a_reason_read_from_its_column(kielce_dir: Path, kielce: Strategy) -> None:
    """'- *' of 2023 with a reason of its own reads as that reason; the others as shipped."""
    _edit(kielce_dir, {"KIE-3.3-04": {"reason_2023": LATE}}, ("reason_2023",))
    strategy = read_strategy(kielce_dir)
    found = strategy.observation("KIE-3.3-04", 2023)
    assert found is not None
    assert found.missing is not None
    assert (found.missing.code, found.missing.marker, found.missing.text) == (
        "missing",
        "- *",
        LATE,
    )
    other = strategy.observation("KIE-3.3-02", 2023)
    assert other == kielce.observation("KIE-3.3-02", 2023)
