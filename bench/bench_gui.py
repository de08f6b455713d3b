"""The desk app: cold start to a usable login window, against a bare PySide6 window.

Target: <= 2.5x a bare PySide6 window (a label and a line edit) started in the
same run, both offscreen, both measured from interpreter start in a new process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from common import Figure, emit, scratch

HERE = Path(__file__).resolve().parent


def start(kind: str, root: Path) -> float:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
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
    start("app", root)  # warm the OS file cache for both
    start("bare", root)
    bare, app = [], []
    for _ in range(5):
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
