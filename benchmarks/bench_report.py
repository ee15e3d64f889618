"""Benchmark of ``citystrategy report``, each format, against ``citystrategy summary``.

Run with ``python benchmarks/bench_report.py [ROUNDS]`` (11 rounds by default; the PDF and the
site take about half a minute each, so ``3`` gives figures in about five minutes). Each command runs as a fresh
child process, exactly as the installed ``citystrategy`` script runs it (``from
citystrategy.cli import main; sys.exit(main())``), with its output sent to the null device:

* the reference, ``citystrategy summary kielce --year 2023``;
* ``citystrategy report kielce --year 2023 -o FILE.xlsx --force``;
* ``citystrategy report kielce --year 2023 -o FILE.md --force``;
* ``citystrategy report kielce --year 2023 -o FILE.docx --force``;
* ``citystrategy report kielce --year 2023 -o FILE.html --force``;
* ``citystrategy report kielce --year 2023 -o FILE.pdf --force`` (the ``pdf`` extra);
* ``citystrategy report kielce --year 2023 --site FOLDER --force`` (117 pages, 112 charts),

the files written to a temporary folder. The rounds are interleaved (every command once per
round, the reference included) so that a disturbance of the machine falls on all of them alike;
each figure is the best and the median of the rounds, and the ratio is to the reference's
figure of the same kind. One untimed run of each first fills the caches (as in
``bench_cli.py``: the operating system's, pint's cache of its parsed definitions and Python's
bytecode). Compile the catalogue first (``pybabel compile -d src/citystrategy/locale -D
citystrategy``): a stale ``.mo`` is compiled in memory on every run.

It prints the figures and the ratios as a Markdown table, for ``docs/performance.md``.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 11
#: The largest ratio to the summary the workbook and the Markdown report may take (issue 12);
#: the web, PDF, Word and site formats are timed against the same reference, with no target.
TARGET = 2.0
TARGETED = ("xlsx", "md")
#: The command line as the installed script runs it.
SCRIPT = "import sys; from citystrategy.cli import main; sys.exit(main())"
#: The children's environment: bytecode is written and read, as for an installed package.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def wall_time(args: list[str]) -> float:
    """Seconds from starting the command *args* to its end; a failure stops the benchmark."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        env=ENV,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{args} failed: {result.stderr.decode()}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        reference = (
            "`citystrategy summary kielce --year 2023`",
            ["summary", "kielce", "--year", "2023"],
        )
        runs = [reference] + [
            (
                f"`citystrategy report kielce --year 2023 -o raport.{suffix} --force`",
                [
                    "report",
                    "kielce",
                    "--year",
                    "2023",
                    "-o",
                    str(folder / f"raport.{suffix}"),
                    "--force",
                ],
            )
            for suffix in ("xlsx", "md", "docx", "html", "pdf")
        ]
        site = ["report", "kielce", "--year", "2023", "--site", str(folder / "strona"), "--force"]
        runs.append(("`citystrategy report kielce --year 2023 --site strona --force`", site))
        for _, args in runs:
            wall_time(args)  # fill the caches
        times: dict[str, list[float]] = {label: [] for label, _ in runs}
        for _ in range(ROUNDS):
            for label, args in runs:
                times[label].append(wall_time(args))
    best = {label: min(values) for label, values in times.items()}
    median = {label: statistics.median(values) for label, values in times.items()}
    base = reference[0]
    print(
        f"| machine | {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()} |"
    )
    print(
        f"| software | Python {platform.python_version()}, pandas {version('pandas')}, XlsxWriter {version('xlsxwriter')}, python-docx {version('python-docx')}, matplotlib {version('matplotlib')}, WeasyPrint {version('weasyprint')}, pint {version('pint')} |"
    )
    print()
    print(
        f"| command ({ROUNDS} rounds, interleaved) | best | median | ratio to `summary`, best | ratio, median | target |"
    )
    print("|---|---|---|---|---|---|")
    print(f"| {base} | {best[base] * 1000:.0f} ms | {median[base] * 1000:.0f} ms | 1.00 | 1.00 | |")
    for label, _ in runs[1:]:
        ratio = best[label] / best[base]
        ratio_median = median[label] / median[base]
        verdict = "met" if max(ratio, ratio_median) <= TARGET else "**not met**"
        target = f"≤ {TARGET}, {verdict}" if any(f".{s} " in label for s in TARGETED) else "–"
        print(
            f"| {label} | {best[label] * 1000:.0f} ms | {median[label] * 1000:.0f} ms | {ratio:.2f} | {ratio_median:.2f} | {target} |"
        )


if __name__ == "__main__":
    main()
