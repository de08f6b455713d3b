"""`counterdesk register --csv` of 10,000 rows, end to end (a new process). Target <= 3 s.

Baseline: the same process running `counterdesk services` (start-up and login cost).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import Figure, citizen_name, emit, scratch

ROWS = 10_000
NIKS = ["6107071708800001", "6107055203950002", "6107124101900003", "3171011708450001"]


def write_csv(path: Path) -> None:
    lines = ["service,name,nik,passport,nationality,field:address,field:purpose"]
    for i in range(ROWS):
        # domicile (SKD) is for citizens only: foreigners ask for a good-conduct letter
        ident = f",A{1000000 + i},MY" if i % 10 == 9 else f"{NIKS[i % 4]},,"
        code = "SKKB" if i % 10 == 9 else "SKD"
        lines.append(
            f"{code},{citizen_name(i)},{ident},Dusun Sebunga RT {i % 20:03d},Melamar kerja"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "counterdesk", *args], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - t


def main() -> None:
    root = scratch("csv")
    shutil.rmtree(root)
    root.mkdir(parents=True)
    csv_path = root / "outreach.csv"
    write_csv(csv_path)
    env = os.environ | {"COUNTERDESK_DATA_DIR": str(root / "desk"), "COUNTERDESK_PASSWORD": "demo"}
    run(["demo"], env)
    base = min(run(["services", "--json"], env) for _ in range(3))
    took = run(["register", "--csv", str(csv_path), "--staff", "demo"], env)
    emit(
        [
            Figure("process start-up (counterdesk services)", "s", base, "baseline", True),
            Figure(
                f"register --csv of {ROWS:,} rows",
                "s",
                took,
                "<= 3 s",
                took <= 3.0,
                baseline=base,
                baseline_name="start-up",
            ),
        ],
        "csv",
    )


if __name__ == "__main__":
    main()
