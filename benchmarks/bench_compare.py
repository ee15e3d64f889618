"""Benchmark of citystrategy.compare.rank_within on a panel the size of all Polish gminas.

Run with ``python benchmarks/bench_compare.py``. It builds the assessment benchmark's synthetic
long frame (``bench_assess.make_panel``: 2,477 territories x 404 indicators x 15 years, about
15,000,000 rows, about 5% missing, random row order, categorical keys), gives each territory one
of the 16 voivodeships, and measures in one run, each the best of three:

* ``rank_within(frame, by=voivodeships, directions=...)``: rank (ties share the best), percentile
  and min–max score of every territory within its voivodeship, for every indicator and year;
* a minimal pandas baseline on the same frame: ``groupby([voivodeship, indicator, year]).rank()``
  of the oriented value plus a min–max ``transform`` (no percentile, no checks).

Peak memory of each is traced by ``tracemalloc``. It prints a Markdown table for
``docs/performance.md``.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from bench_assess import SEED, TERRITORIES, best, make_panel

from citystrategy.compare import rank_within
from citystrategy.model import Direction


def baseline(
    frame: pd.DataFrame, voivodeship: pd.Series[Any], signs: pd.Series[Any]
) -> pd.DataFrame:
    """groupby rank plus a min–max transform of the oriented value: what a pandas user writes."""
    oriented = frame["value"] * frame["indicator"].map(signs).astype("float64")
    keys = [frame["territory"].map(voivodeship), frame["indicator"], frame["year"]]
    grouped = oriented.groupby(keys, observed=True, sort=False)
    rank = grouped.rank(method="min", ascending=False)
    low, high = grouped.transform("min"), grouped.transform("max")
    return pd.DataFrame({"rank": rank, "score": (oriented - low) / (high - low)})


def traced(function: Any, *args: Any, **kwargs: Any) -> tuple[Any, int]:
    tracemalloc.start()
    result = function(*args, **kwargs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def main() -> None:
    rng = np.random.default_rng(SEED)
    started = time.perf_counter()
    frame, meta = make_panel(rng)
    # ranks need a better way: the few "within range" indicators are ranked higher-is-better here
    directions = {
        str(i): Direction.LOWER_IS_BETTER if d == "lower_is_better" else Direction.HIGHER_IS_BETTER
        for i, d in zip(meta["indicator"], meta["direction"], strict=True)
    }
    codes = [f"{c:02d}" for c in range(2, 33, 2)]
    territories = frame["territory"].cat.categories
    by = dict(zip(territories, rng.choice(codes, TERRITORIES), strict=True))
    signs = pd.Series(
        {k: 1.0 if v is Direction.HIGHER_IS_BETTER else -1.0 for k, v in directions.items()}
    )
    print(
        f"panel: {len(frame):,} rows, built in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )

    ours, ours_peak = traced(rank_within, frame, by=by, directions=directions)
    theirs, base_peak = traced(baseline, frame, pd.Series(by), signs)
    same = np.allclose(ours["rank"], theirs["rank"], equal_nan=True)
    close = np.allclose(
        ours["score"], theirs["score"].fillna(1.0).where(ours["score"].notna()), equal_nan=True
    )
    ours_time = best(lambda: rank_within(frame, by=by, directions=directions))
    base_time = best(lambda: baseline(frame, pd.Series(by), signs))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux

    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, pandas {pd.__version__}, NumPy {np.__version__}"
    )
    print(
        f"Panel: {len(frame):,} rows (2,477 territories x 404 indicators x 15 years), 16 voivodeships; ranks agree: {same}, scores agree: {close}"
    )
    print()
    print("| | time (best of 3) | peak traced memory | vs. baseline |")
    print("|---|---:|---:|---:|")
    print(
        f"| `rank_within` (rank, percentile, score) | {ours_time:.2f} s | {ours_peak / 2**20:,.0f} MiB | {ours_time / base_time:.2f}x |"
    )
    print(
        f"| pandas baseline (`groupby().rank()` + min–max `transform`) | {base_time:.2f} s | {base_peak / 2**20:,.0f} MiB | 1.00x |"
    )
    print(f"\nPeak resident memory of the whole run: {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
