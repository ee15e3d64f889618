"""Benchmark of citystrategy.reports.excel.write_excel on a comparison-sized data sheet.

Run with ``python benchmarks/bench_excel.py`` (several minutes; the baseline needs about 3 GB of
memory). It builds a synthetic long frame of 2,477 territories x 50 indicators x 15 years
(1,857,750 rows: ``territory``, ``indicator``, ``unit`` as categoricals, ``year``, ``value`` with
about 5% missing) and writes it, in one run, two ways:

* ``write_excel`` with a report whose only content is that data: a data sheet ``Dane`` continued
  on ``Dane (2)`` (Excel's 1,048,576-row limit), in constant-memory mode, every value with its
  unit's number format;
* the baseline: ``DataFrame.to_excel(engine="xlsxwriter")`` writing the same rows into the same
  two sheets (pandas refuses more than 1,048,576 rows in one sheet), in xlsxwriter's default mode
  (pandas writes column by column, which constant-memory mode cannot take).

Each way runs in a child process of its own, so that its peak resident memory and its CPU time
(from ``os.wait4``) are its own; the child builds the frame and times the writing. A third child
only builds the frame, for the memory and CPU time the frame itself takes (taken off the CPU
times). On a shared machine the CPU times are the fairer comparison: wall times grow with the
other processes' load.

It prints the figures and the ratios as a Markdown table, for ``docs/performance.md``.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

TERRITORIES = 2_477
INDICATORS = 50
YEARS = list(range(2010, 2025))
SEED = 2026
ROWS_PER_SHEET = 1_048_576 - 1  # the header takes a row


def make_frame() -> pd.DataFrame:
    """The long frame, in territory, indicator, year order, as a data sheet lists it."""
    rng = np.random.default_rng(SEED)
    rows = TERRITORIES * INDICATORS * len(YEARS)
    territory = np.repeat(np.arange(TERRITORIES), INDICATORS * len(YEARS))
    indicator = np.tile(np.repeat(np.arange(INDICATORS), len(YEARS)), TERRITORIES)
    units = ["percent", "PLN", "count", "megawatt_hour", "PLN / inhabitant"]
    unit_of = rng.integers(0, len(units), INDICATORS)
    values = rng.uniform(0, 1000, rows).round(2)
    values[rng.random(rows) < 0.05] = np.nan
    return pd.DataFrame(
        {
            "territory": pd.Categorical.from_codes(
                territory, [f"{2_000_000 + i * 10:07d}" for i in range(TERRITORIES)]
            ),
            "indicator": pd.Categorical.from_codes(
                indicator, [f"IND-{i:03d}" for i in range(INDICATORS)]
            ),
            "unit": pd.Categorical.from_codes(unit_of[indicator], units),
            "year": np.tile(np.asarray(YEARS, dtype=np.int64), TERRITORIES * INDICATORS),
            "value": values,
        }
    )


def run_citystrategy(frame: pd.DataFrame, path: Path) -> None:
    """write_excel: the data sheet and its continuation, constant-memory mode."""
    from citystrategy.reports import Column, ColumnKind, Report, Table
    from citystrategy.reports.excel import write_excel

    columns = (
        Column("territory", "Jednostka"),
        Column("indicator", "Wskaźnik"),
        Column("unit", "Jednostka miary"),
        Column("year", "Rok", kind=ColumnKind.INTEGER),
        Column("value", "Wartość", kind=ColumnKind.MEASURE, unit_key="unit"),
    )
    report = Report(title="Dane porównawcze", data=Table(frame, columns), data_title="Dane")
    write_excel(report, path, force=True)


def run_pandas(frame: pd.DataFrame, path: Path) -> None:
    """The baseline: DataFrame.to_excel with xlsxwriter, the same rows on the same two sheets."""
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        for number, start in enumerate(range(0, len(frame), ROWS_PER_SHEET)):
            name = "Dane" if number == 0 else f"Dane ({number + 1})"
            part = frame.iloc[start : start + ROWS_PER_SHEET]
            part.to_excel(writer, sheet_name=name, index=False)


def child(mode: str, path: Path) -> None:
    """One measured run in this process: print the seconds the writing took."""
    frame = make_frame()
    start = time.perf_counter()
    if mode == "citystrategy":
        run_citystrategy(frame, path)
    elif mode == "pandas":
        run_pandas(frame, path)
    print(f"{time.perf_counter() - start:.3f}")


def measure(mode: str, folder: Path) -> tuple[float, float, float, int]:
    """Run *mode* in a child: (wall seconds of the writing, CPU seconds of the whole child, peak
    RSS in GiB, file size in bytes)."""
    path = folder / f"{mode}.xlsx"
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{mode} failed with exit code {process.returncode}")
    size = path.stat().st_size if path.exists() else 0
    cpu = usage.ru_utime + usage.ru_stime
    return float(output.strip()), cpu, usage.ru_maxrss / 2**20, size  # ru_maxrss: KiB on Linux


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _, frame_cpu, frame_rss, _ = measure("frame", folder)
        ours, ours_cpu, ours_rss, ours_size = measure("citystrategy", folder)
        base, base_cpu, base_rss, base_size = measure("pandas", folder)
    rows = TERRITORIES * INDICATORS * len(YEARS)
    ours_cpu, base_cpu = ours_cpu - frame_cpu, base_cpu - frame_cpu  # the writing alone
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    )
    software = f"Python {platform.python_version()}, pandas {pd.__version__}, XlsxWriter {xlsxwriter.__version__}"
    data = f"{rows:,} rows x 5 columns ({TERRITORIES:,} territories x {INDICATORS} indicators x {len(YEARS)} years), two sheets"
    print(f"| machine | {machine} |")
    print(f"| software | {software} |")
    print(f"| data | {data} |")
    print(
        f"| a child that only builds the frame | {frame_cpu:.1f} s CPU, peak RSS {frame_rss:.2f} GiB |"
    )
    for what, wall, cpu, rss, size in (
        ("`write_excel`, constant-memory mode", ours, ours_cpu, ours_rss, ours_size),
        ('`DataFrame.to_excel(engine="xlsxwriter")`', base, base_cpu, base_rss, base_size),
    ):
        print(
            f"| {what} | {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.2f} GiB, {size / 2**20:.0f} MiB file |"
        )
    print(f"| ratio of wall times `write_excel` / `to_excel` | {ours / base:.2f} |")
    print(f"| ratio of CPU times (frame building taken off) | {ours_cpu / base_cpu:.2f} |")
    print(f"| ratio of peak RSS `write_excel` / `to_excel` | {ours_rss / base_rss:.2f} |")
    if ours_cpu > base_cpu:
        print("write_excel is slower than the baseline", file=sys.stderr)
    if ours_rss * 2**30 >= 10**9:
        print("write_excel took 1 GB or more", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
    else:
        main()
