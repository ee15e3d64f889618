"""Every public module of the package imports on its own, whatever was imported before it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

#: Imports each module first, in one interpreter: the package's own modules are forgotten
#: before each import (the libraries they use stay loaded, so this takes seconds, not minutes).
_SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys, traceback
    import citystrategy

    names = sorted(
        m.name
        for m in pkgutil.walk_packages(citystrategy.__path__, "citystrategy.")
        # the public modules (a user's entry points); __main__ runs the command
        if not any(part.startswith("_") for part in m.name.split("."))
    )
    failed = []
    for name in names:
        for loaded in [m for m in sys.modules if m.split(".")[0] == "citystrategy"]:
            del sys.modules[loaded]
        try:
            importlib.import_module(name)
        except Exception:
            failed.append(name + ": " + traceback.format_exc().splitlines()[-1])
    print(len(names))
    print("\\n".join(failed))
    """
)


def test_every_module_imports_first() -> None:
    """No import cycle breaks a module imported before the others (``reports.site`` did)."""
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True
    )
    count, *failed = done.stdout.splitlines()
    assert int(count) > 50
    assert [line for line in failed if line] == []
