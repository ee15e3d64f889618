"""Benchmark of the start-up of the ``citystrategy`` command, against ``import pandas``.

Run with ``python benchmarks/bench_cli.py`` (about two minutes). Each command runs as a fresh
child process, exactly as the installed ``citystrategy`` script runs it (``from
citystrategy.cli import main; sys.exit(main())``), with its output sent to the null device; the
baseline is ``python -c "import pandas"`` with the same interpreter. The rounds are interleaved
(every command once per round, the baseline included) so that a disturbance of the machine
falls on all of them alike, and each figure is the best of the rounds, the least disturbed.
One untimed run of each first fills the caches (the operating system's, pint's cache of its
parsed definitions and citystrategy's of the parsed packaged data (``citystrategy._cache``),
which a user's first run writes, Python's bytecode of a source checkout, which an installed
package has already: the children run without ``PYTHONDONTWRITEBYTECODE``, and the compiled
message catalogue of a checkout whose ``.po`` is newer than its ``.mo``, which a wheel carries).

It prints the figures and the ratios to the baseline as a Markdown table, for
``docs/performance.md``, then what a run of ``assess`` spends importing (``python -X
importtime``), by top-level package.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections import Counter
from importlib.metadata import version

ROUNDS = 15
#: The command line as the installed script runs it.
SCRIPT = "import sys; from citystrategy.cli import main; sys.exit(main())"
BASELINE = ('`python -c "import pandas"`', [sys.executable, "-c", "import pandas"], None)
#: The commands, with the largest ratio to the baseline each may take (issue 8).
COMMANDS = [
    ("`citystrategy --help`", ["--help"], 0.5),
    ("`citystrategy --version`", ["--version"], 0.5),
    ("`citystrategy summary kielce --year 2023`", ["summary", "kielce", "--year", "2023"], 1.5),
    ("`citystrategy check kielce`", ["check", "kielce"], 1.5),
    ("`citystrategy assess kielce --year 2023`", ["assess", "kielce", "--year", "2023"], 1.5),
    ("`citystrategy programs list`", ["programs", "list"], 1.5),
]


#: The children's environment: bytecode is written and read, as for an installed package.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def command_line(args: list[str]) -> list[str]:
    """The child process of a command."""
    return [sys.executable, "-c", SCRIPT, *args]


def wall_time(argv: list[str]) -> float:
    """Seconds from starting *argv* to its end; a failure stops the benchmark."""
    start = time.perf_counter()
    result = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=ENV
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):  # check exits 1 when the data have errors
        raise SystemExit(f"{argv} failed: {result.stderr.decode()}")
    return elapsed


def import_times(args: list[str]) -> Counter[str]:
    """Milliseconds of import (self time) by top-level package, for one run of a command."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", SCRIPT, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env=ENV,
    )
    spent: Counter[str] = Counter()
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        parts = name.split(".")
        spent[".".join(parts[:2]) if parts[0] == "citystrategy" else parts[0]] += int(self_us)
    return Counter({name: us / 1000 for name, us in spent.items()})


def main() -> None:
    runs = [BASELINE] + [(name, command_line(args), ratio) for name, args, ratio in COMMANDS]
    for _, argv, _ in runs:
        wall_time(argv)  # fill the caches
    best = {name: float("inf") for name, _, _ in runs}
    for _ in range(ROUNDS):
        for name, argv, _ in runs:
            best[name] = min(best[name], wall_time(argv))
    baseline = best[BASELINE[0]]
    print(
        f"| machine | {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()} |"
    )
    print(
        f"| software | Python {platform.python_version()}, pandas {version('pandas')}, NumPy {version('numpy')}, pint {version('pint')} |"
    )
    print()
    print(f"| command (best of {ROUNDS}, interleaved) | time | ratio to `import pandas` | target |")
    print("|---|---|---|---|")
    print(f"| {BASELINE[0]} | {baseline * 1000:.0f} ms | 1.00 | |")
    for name, _, target in runs[1:]:
        ratio = best[name] / baseline
        verdict = "met" if target is not None and ratio <= target else "NOT met"
        print(f"| {name} | {best[name] * 1000:.0f} ms | {ratio:.2f} | ≤ {target} ({verdict}) |")
    print()
    spent = import_times(["assess", "kielce", "--year", "2023"])
    total = sum(spent.values())
    print(f"Imports of one `assess` run (`-X importtime`, self times): {total:.0f} ms in all")
    print()
    print("| package | ms |")
    print("|---|---|")
    for name, ms in spent.most_common(10):
        print(f"| {name} | {ms:.0f} |")


if __name__ == "__main__":
    main()
