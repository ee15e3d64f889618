"""rank_within against a plain pandas computation of the same ranks, percentiles and scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from citystrategy.compare import rank_within

#: A few values, so that ties are frequent; None is a missing value.
VALUES = st.sampled_from([None, -2.5, 0.0, 1.0, 1.0, 3.0, 7.25, 40.0])


def _expected(frame: pd.DataFrame, groups: dict[str, str], lower: set[str]) -> pd.DataFrame:
    """The measures by plain pandas: ``groupby().rank()`` of the oriented value, ties sharing
    the best rank (``method="min"``), the share of strictly worse others, a min–max score."""
    sign = np.where(frame["indicator"].isin(sorted(lower)), -1.0, 1.0)
    oriented = frame["value"] * sign
    group = frame["territory"].map(groups)
    ranked = oriented.notna() & group.notna()
    data = pd.DataFrame({"g": group, "i": frame["indicator"], "y": frame["year"], "v": oriented})
    data = data[ranked]
    by = data.groupby(["g", "i", "y"])["v"]
    size = by.transform("size")
    best_rank = by.rank(method="min", ascending=False)
    worst_rank = by.rank(method="max", ascending=False)
    low, high = by.transform("min"), by.transform("max")
    out = pd.DataFrame(index=frame.index, columns=["rank", "percentile", "score"], dtype=float)
    out.loc[data.index, "rank"] = best_rank
    share = ((size - worst_rank) / (size - 1) * 100).where(size > 1)
    out.loc[data.index, "percentile"] = share
    out.loc[data.index, "score"] = ((data["v"] - low) / (high - low)).where(high > low, 1.0)
    return out


@settings(max_examples=60, deadline=None)
@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C", "D", "E", "F", "G"]),
            st.sampled_from(["x", "y", "z"]),
            st.sampled_from([2021, 2022, 2023]),
            VALUES,
        ),
        min_size=1,
        max_size=60,
        unique_by=lambda cell: cell[:3],
    ),
    grouping=st.dictionaries(
        st.sampled_from(["A", "B", "C", "D", "E", "F", "G"]), st.sampled_from(["g1", "g2"])
    ),
    lower=st.sets(st.sampled_from(["x", "y", "z"])),
)
def test_rank_within_is_the_plain_pandas_computation(
    cells: list[tuple[str, str, int, float | None]], grouping: dict[str, str], lower: set[str]
) -> None:
    """Ranks (ties share the best), percentiles and scores equal a plain groupby computation,
    for any frame, grouping (territories outside it unranked) and directions."""
    frame = pd.DataFrame(cells, columns=["territory", "indicator", "year", "value"])
    frame["value"] = frame["value"].astype("float64")
    frame["unit"] = "count"
    directions = {i: "lower_is_better" if i in lower else "higher_is_better" for i in "xyz"}
    ranked = rank_within(frame, by=grouping, directions=directions)
    expected = _expected(frame, grouping, lower)
    for column in ("rank", "percentile", "score"):
        assert np.allclose(ranked[column], expected[column], equal_nan=True, rtol=0, atol=1e-12)
    assert list(ranked.columns) == [*frame.columns, "group", "rank", "percentile", "score"]
    shown = [None if pd.isna(group) else group for group in ranked["group"]]
    assert shown == [grouping.get(t) for t in frame["territory"]]
