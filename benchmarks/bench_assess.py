"""Benchmark of citystrategy.progress.assess_frame on a panel the size of all Polish gminas.

Run with ``python benchmarks/bench_assess.py`` (about a minute and 1.3 GB of memory). It builds a
synthetic long frame of 2,477 territories x 404 indicators x 15 years (about 1,000,000 series,
15,000,000 rows, about 5% of the values missing) in random row order, then measures in one run:

* ``assess_frame`` on the whole panel (wall time, and peak memory traced by ``tracemalloc``);
* a minimal NumPy kernel on the same frame: the same scatter into a dense series x years array,
  then the ratio with a target and the category only, with no edge cases (the physical limit);
* a plain loop over a sample of 10,000 series of the same long frame: group the rows of each
  series, build its ``{year: value}`` and call ``assess_series`` (what a user writes without
  ``assess_frame``); and, for transparency, the ``assess_series`` calls alone.

Each time is the best of three runs, the least disturbed by other processes.

It prints the figures and the ratios as a Markdown table, for ``docs/performance.md``.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
import tracemalloc
from typing import Any

import numpy as np
import pandas as pd

from citystrategy.model import Direction
from citystrategy.progress import assess_frame, assess_series

TERRITORIES = 2_477
INDICATORS = 404
YEARS = list(range(2010, 2025))
SAMPLE = 10_000
SEED = 2026


def make_panel(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The long frame (random row order, categorical keys) and the indicator metadata."""
    n_series = TERRITORIES * INDICATORS
    directions = rng.choice(
        [
            Direction.HIGHER_IS_BETTER.value,
            Direction.LOWER_IS_BETTER.value,
            Direction.WITHIN_RANGE.value,
        ],
        size=INDICATORS,
        p=[0.45, 0.45, 0.10],
    )
    level = rng.uniform(1, 1000, INDICATORS)
    has_target = rng.random(INDICATORS) < 0.7
    growth = np.where(directions == Direction.LOWER_IS_BETTER.value, 0.8, 1.25)
    meta = pd.DataFrame(
        {
            "indicator": [f"IND-{i:03d}" for i in range(INDICATORS)],
            "direction": directions,
            "target": np.where(
                has_target & (directions != Direction.WITHIN_RANGE.value), level * growth, np.nan
            ),
            "target_year": 2030,
            "limit": np.where(~has_target & (rng.random(INDICATORS) < 0.3), 2 * level, np.nan),
            "target_low": np.where(directions == Direction.WITHIN_RANGE.value, level * 0.9, np.nan),
            "target_high": np.where(
                directions == Direction.WITHIN_RANGE.value, level * 1.1, np.nan
            ),
        }
    )
    # each series: a level times a random walk of yearly growth, with noise
    base = np.repeat(level[None, :], TERRITORIES, axis=0).reshape(-1) * rng.uniform(
        0.5, 1.5, n_series
    )
    steps = rng.normal(0.01, 0.05, (n_series, len(YEARS)))
    values = base[:, None] * np.exp(np.cumsum(steps, axis=1))
    values[rng.random(values.shape) < 0.002] = 0.0  # some zeros
    values[rng.random(values.shape) < 0.05] = np.nan  # about 5% missing
    territory_codes = np.repeat(np.arange(TERRITORIES), INDICATORS)
    indicator_codes = np.tile(np.arange(INDICATORS), TERRITORIES)
    order = rng.permutation(n_series * len(YEARS))
    flat_series = np.repeat(np.arange(n_series), len(YEARS))[order]
    flat_years = np.tile(np.arange(len(YEARS)), n_series)[order]
    frame = pd.DataFrame(
        {
            "territory": pd.Categorical.from_codes(
                territory_codes[flat_series], [f"{i:07d}" for i in range(TERRITORIES)]
            ),
            "indicator": pd.Categorical.from_codes(indicator_codes[flat_series], meta["indicator"]),
            "unit": pd.Categorical.from_codes(np.zeros(len(order), dtype=np.int8), ["count"]),
            "year": np.asarray(YEARS, dtype=np.int64)[flat_years],
            "value": values[flat_series, flat_years],
        }
    )
    return frame, meta


def baseline(frame: pd.DataFrame, meta: pd.DataFrame) -> np.ndarray[Any, Any]:
    """The physical limit: scatter to a dense array, ratio with a target, category; no edge cases."""
    t = frame["territory"].cat.codes.to_numpy(np.int64)
    i = frame["indicator"].cat.codes.to_numpy(np.int64)
    years = frame["year"].to_numpy(np.int64)
    values = frame["value"].to_numpy(np.float64)
    n_ind = len(frame["indicator"].cat.categories)
    width = int(years.max() - years.min() + 1)
    series = t * n_ind + i
    dense = np.full((TERRITORIES * n_ind, width), np.nan)
    dense[series, years - years.min()] = values
    y0, yi = dense[:, 0], dense[:, -1]
    d = np.where(meta["direction"].to_numpy() == Direction.HIGHER_IS_BETTER.value, 1.0, -1.0)
    target = meta["target"].to_numpy(np.float64)
    series_ind = np.arange(len(dense)) % n_ind
    with np.errstate(all="ignore"):
        achieved = (yi / y0) ** (1 / (width - 1)) - 1
        required = np.abs((target[series_ind] / y0) ** (1 / (2030 - 2010)) - 1)
        p = d[series_ind] * achieved / required
    category: np.ndarray[Any, Any] = np.select([p >= 0.95, p >= 0.6, p >= 0], [1, 2, 3], 4)
    return category


def options_by_indicator(meta: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The assess_series options of each indicator, from the metadata frame."""
    options: dict[str, dict[str, Any]] = {}
    for row in meta.to_dict(orient="records"):
        option: dict[str, Any] = {"direction": Direction(row["direction"]), "target_year": 2030}
        if row["direction"] == Direction.WITHIN_RANGE.value:
            option["target_range"] = (float(row["target_low"]), float(row["target_high"]))
        elif not np.isnan(row["target"]):
            option["target"] = float(row["target"])
        if not np.isnan(row["limit"]) and "target" not in option:
            option["limit"] = float(row["limit"])
        options[str(row["indicator"])] = option
    return options


def sample_frame(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The rows of SAMPLE randomly chosen series (chosen untimed)."""
    keys = rng.choice(TERRITORIES * INDICATORS, SAMPLE, replace=False)
    t = frame["territory"].cat.codes.to_numpy(np.int64)
    i = frame["indicator"].cat.codes.to_numpy(np.int64)
    return frame[np.isin(t * INDICATORS + i, keys)]


def plain_loop(part: pd.DataFrame, options: dict[str, dict[str, Any]]) -> int:
    """What a user writes without assess_frame: one assess_series call per group of rows."""
    count = 0
    for (_, indicator), group in part.groupby(
        ["territory", "indicator"], observed=True, sort=False
    ):
        values = dict(zip(group["year"].tolist(), group["value"].tolist(), strict=True))
        assess_series(values, **options[str(indicator)])
        count += 1
    return count


def calls_only(part: pd.DataFrame, options: dict[str, dict[str, Any]]) -> tuple[float, int]:
    """The assess_series calls alone, on series extracted beforehand (untimed)."""
    series = [
        (
            dict(zip(group["year"].tolist(), group["value"].tolist(), strict=True)),
            options[str(indicator)],
        )
        for (_, indicator), group in part.groupby(
            ["territory", "indicator"], observed=True, sort=False
        )
    ]
    start = time.perf_counter()
    for values, option in series:
        assess_series(values, **option)
    return time.perf_counter() - start, len(series)


def best(function: Any, *args: Any, repeat: int = 3) -> float:
    """The fastest of *repeat* runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(SEED)
    started = time.perf_counter()
    frame, meta = make_panel(rng)
    n = TERRITORIES * INDICATORS
    print(
        f"panel: {len(frame):,} rows, {n:,} series, built in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )

    tracemalloc.start()
    result = assess_frame(frame, meta)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(result) == n
    frame_time = best(assess_frame, frame, meta)
    baseline_time = best(baseline, frame, meta)
    options = options_by_indicator(meta)
    part = sample_frame(frame, rng)
    loop_time = best(plain_loop, part, options)
    sampled = plain_loop(part, options)
    call_time, _ = calls_only(part, options)

    per_frame = frame_time / n
    per_loop = loop_time / sampled
    per_call = call_time / sampled
    print(
        f"| machine | {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()} |"
    )
    print(
        f"| software | Python {platform.python_version()}, NumPy {np.__version__}, pandas {pd.__version__} |"
    )
    print(
        f"| panel | {len(frame):,} rows in random order, {n:,} series x {len(YEARS)} years, {frame['value'].isna().mean():.1%} missing |"
    )
    print(
        f"| `assess_frame`, whole panel (best of 3) | {frame_time:.2f} s ({per_frame * 1e6:.2f} µs per series) |"
    )
    print(f"| peak memory traced during `assess_frame` | {peak / 2**30:.2f} GiB |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB on Linux
    print(
        f"| peak resident memory of the whole benchmark process (panel included) | {rss:.2f} GiB |"
    )
    print(f"| NumPy baseline kernel, whole panel (best of 3) | {baseline_time:.2f} s |")
    print(f"| ratio `assess_frame` / baseline | {frame_time / baseline_time:.2f} |")
    if frame_time / baseline_time > 2:
        print("assess_frame is more than 2x the NumPy baseline", file=sys.stderr)
    print(
        f"| plain loop over the long frame, {sampled:,} series (best of 3) | {loop_time:.2f} s ({per_loop * 1e6:.1f} µs per series) |"
    )
    print(f"| ratio plain loop / `assess_frame`, per series | {per_loop / per_frame:.1f} |")
    print(
        f"| `assess_series` calls alone, series extracted beforehand | {call_time:.2f} s ({per_call * 1e6:.1f} µs per series) |"
    )
    print(f"| ratio calls alone / `assess_frame`, per series | {per_call / per_frame:.1f} |")


if __name__ == "__main__":
    main()
