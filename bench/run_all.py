"""Run every benchmark and write one table to bench/RESULTS.md.

Usage: `make bench` (or `.venv/bin/python bench/run_all.py [NAME...]`).
The first run builds a 1,000,000-request database under bench/out/ (about three
minutes); later runs reuse it.
"""

from __future__ import annotations

import datetime
import json
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = sorted(p.stem for p in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    names = argv or [b.removeprefix("bench_") for b in BENCHES]
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / f"bench_{name}.py")], check=False)
        if done.returncode != 0:
            failed.append(name)
    rows = []
    for path in sorted((HERE / "out").glob("*.json")):
        for f in json.loads(path.read_text()):
            ratio = f"{f['ratio']:.1f}x {f['baseline_name']}" if f.get("ratio") else ""
            verdict = "ok" if f["ok"] else "**missed**"
            rows.append(
                f"| {path.stem} | {f['name']} | {f['target']} | {f['measured']:.3f} {f['unit']} "
                f"| {ratio} | {verdict} |"
            )
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Written by `make bench` on {stamp}, Python {platform.python_version()}, "
            f"{platform.machine()}, {platform.system()}. Ratios compare with a baseline "
            "measured in the same run.",
            "",
            "| bench | figure | target | measured | ratio to baseline | verdict |",
            "| --- | --- | --- | --- | --- | --- |",
            *rows,
            "",
        ]
    )
    (HERE / "RESULTS.md").write_text(text)
    print(text)
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
