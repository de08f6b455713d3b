"""The desk app: cold start to a usable login window, against a bare PySide6 window.

Target: <= 2.5x a bare PySide6 window (a label and a line edit) started in the
same run, both offscreen, both measured from interpreter start in a new process.

Both run with compiled bytecode, as an installed app does (pip and PyInstaller ship
.pyc files): a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise make every
start recompile the counterdesk sources. The .pyc go to bench/out/gui/pycache (the
first, unmeasured start of each writes them). The median of RUNS alternating starts
is reported; the machine's other load moves single starts by tens of milliseconds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from common import Figure, emit, scratch

HERE = Path(__file__).resolve().parent
RUNS = 9


def start(kind: str, root: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(scratch("gui") / "pycache")}
    out = subprocess.run(
        [sys.executable, str(HERE / "gui_start_probe.py"), kind, str(root)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    root = scratch("gui") / "desk"
    subprocess.run(
        [sys.executable, "-m", "counterdesk", "--data-dir", str(root), "demo"],
        check=True,
        capture_output=True,
    )
    start("app", root)  # warm the OS file cache for both, and write the .pyc
    start("bare", root)
    bare, app = [], []
    for _ in range(RUNS):
        bare.append(start("bare", root))
        app.append(start("app", root))
    b, a = statistics.median(bare), statistics.median(app)
    emit(
        [
            Figure("bare PySide6 window, cold start", "s", b, "baseline", True),
            Figure(
                "desk app to a usable login window, cold start",
                "s",
                a,
                "<= 2.5x bare window",
                a <= 2.5 * b,
                baseline=b,
                baseline_name="bare window",
            ),
        ],
        "gui",
    )


if __name__ == "__main__":
    main()
