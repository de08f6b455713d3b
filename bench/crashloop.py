"""The long crash loop: SIGKILL the desk and the hub CLIs at random moments, 1,000 times.

Usage: `.venv/bin/python bench/crashloop.py --kills 1000 [--seed N] [--dir DIR]`
(under `nice -n 10` on a shared machine). Prints a table per scenario and writes
bench/out/crashloop.json; `--keep` copies it to bench/long_runs/ (committed), where
bench/run_all.py reads it for the "Long runs" section of bench/RESULTS.md. The scenarios
and the checks after each kill are in tests/crashloop.py; CI runs 50 kills of them
(tests/test_crashloop.py).
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.crashloop import SCENARIOS, Tally, crash_loop  # noqa: E402

OUT = HERE / "out"
KEEP = HERE / "long_runs"
COLUMNS = (
    "scenario",
    "kills",
    "aimed",
    "db open",
    "unreported",
    "finished",
    "checks",
    "fails",
    "s",
)


def table(tallies: list[Tally]) -> list[str]:
    rows = [
        (
            t.scenario,
            t.kills,
            t.aimed,
            t.db_open,
            t.unreported,
            t.finished,
            t.checks,
            len(t.failures),
            f"{t.seconds:.0f}",
        )
        for t in tallies
    ]
    total = (
        "total",
        sum(t.kills for t in tallies),
        sum(t.aimed for t in tallies),
        sum(t.db_open for t in tallies),
        sum(t.unreported for t in tallies),
        sum(t.finished for t in tallies),
        sum(t.checks for t in tallies),
        sum(len(t.failures) for t in tallies),
        f"{sum(t.seconds for t in tallies):.0f}",
    )
    widths = [max(len(str(r[i])) for r in [COLUMNS, *rows, total]) for i in range(len(COLUMNS))]

    def line(r: tuple[object, ...]) -> str:
        return "  ".join(
            str(v).ljust(w) if i == 0 else str(v).rjust(w)
            for i, (v, w) in enumerate(zip(r, widths, strict=True))
        )

    return [line(COLUMNS), *[line(r) for r in rows], line(total)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000, help="kills in all (default 1000)")
    parser.add_argument("--seed", type=int, help="the RNG seed (default: from the clock)")
    parser.add_argument("--dir", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument(
        "--keep", action="store_true", help="also copy the result to bench/long_runs/"
    )
    args = parser.parse_args(argv)
    if args.kills < len(SCENARIOS):
        parser.error(f"--kills must be at least {len(SCENARIOS)} (one per scenario)")
    if args.dir and args.dir.exists() and any(args.dir.iterdir()):
        parser.error(f"--dir {args.dir} is not empty; give a new or empty folder")
    seed = args.seed if args.seed is not None else int(time.time())
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crashloop-") as tmp:
        root = args.dir or Path(tmp)
        tallies = crash_loop(root, args.kills, seed, log=lambda s: print(s, flush=True))
    seconds = time.monotonic() - start
    lines = table(tallies)
    print("\n".join(lines))
    failures = [f"{t.scenario}: {f}" for t in tallies for f in t.failures]
    result = {
        "run": "crashloop",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.system()}",
        "command": "bench/crashloop.py " + " ".join(argv),
        "seed": seed,
        "kills_requested": args.kills,
        "kills": sum(t.kills for t in tallies),
        "checks": sum(t.checks for t in tallies),
        "failures": failures,
        "ok": not failures,
        "seconds": round(seconds, 1),
        "scenarios": [t.to_json() for t in tallies],
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "crashloop.json").write_text(json.dumps(result, indent=2) + "\n")
    if args.keep:
        KEEP.mkdir(exist_ok=True)
        shutil.copy(OUT / "crashloop.json", KEEP / "crashloop.json")
    for f in failures:
        print(f"FAILED {f}", file=sys.stderr)
    print(f"{'ok' if not failures else 'FAILED'}: seed {seed}, {seconds:.0f} s")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
