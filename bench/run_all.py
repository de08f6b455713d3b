"""Run every benchmark and write one table to bench/RESULTS.md.

Usage: `make bench` (or `.venv/bin/python bench/run_all.py [NAME...]`).
The first run builds a 1,000,000-request database under bench/out/ (about three
minutes); later runs reuse it.

The long runs (bench/crashloop.py: 1,000 SIGKILLs; bench/fuzz_long.py: the fuzz tests with
20,000 examples each) are not run here: they take many minutes. Their latest results
(bench/out/NAME.json, else the committed copy in bench/long_runs/) make the "Long runs"
section. `--long-runs-only` rewrites just that section and keeps the benchmark table.
"""

from __future__ import annotations

import datetime
import json
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENCHES = sorted(p.stem for p in HERE.glob("bench_*.py"))
RESULTS = HERE / "RESULTS.md"
LONG_RUNS = ("crashloop", "fuzz_long")
LONG_HEADING = "## Long runs"
SCENARIOS = {
    "register": "`counterdesk register` (one walk-in)",
    "register_csv": "`counterdesk register --csv` (100 rows, all or nothing)",
    "print_letter": "`counterdesk print letter` (numbers on first print; reprints)",
    "export": "`counterdesk export` onto a stick folder",
    "desk_import": "`counterdesk import` of the hub's replies",
    "hub_import": "`counterdesk-hub import` (ingest of many small bundles)",
    "sync_desk_killed": "`counterdesk sync` (HTTP) killed mid-upload",
    "sync_hub_killed": "`counterdesk-hub serve` killed mid-ingest, restarted",
}


def bench_rows() -> list[str]:
    rows = []
    for path in sorted((HERE / "out").glob("*.json")):
        if path.stem in LONG_RUNS:
            continue
        for f in json.loads(path.read_text()):
            ratio = f"{f['ratio']:.1f}x {f['baseline_name']}" if f.get("ratio") else ""
            verdict = "ok" if f["ok"] else "**missed**"
            rows.append(
                f"| {path.stem} | {f['name']} | {f['target']} | {f['measured']:.3f} {f['unit']} "
                f"| {ratio} | {verdict} |"
            )
    return rows


def latest(name: str) -> dict[str, Any] | None:
    """The newer (by its date) of bench/out/NAME.json and bench/long_runs/NAME.json."""
    found = []
    for folder in (HERE / "out", HERE / "long_runs"):
        path = folder / f"{name}.json"
        if path.exists():
            found.append(json.loads(path.read_text()))
    return max(found, key=lambda r: str(r.get("date", ""))) if found else None


def crashloop_section(r: dict[str, Any]) -> list[str]:
    verdict = "ok" if r["ok"] else "**FAILED**"
    lines = [
        f"### Crash loop: {r['kills']:,} SIGKILLs, {r['checks']:,} checks, "
        f"{len(r['failures'])} failure(s): {verdict}",
        "",
        f"{r['date']}, Python {r['python']}, {r['machine']}; seed {r['seed']}, "
        f"{r['seconds'] / 60:.0f} min; `{r['command']}`. After each kill: both databases "
        "open and pass `quick_check`, the audit chain verifies, every request whose receipt "
        "a command printed is there exactly once, letter numbers are unique and never move, "
        "nothing committed before disappears, the hub holds each event once; at the end a "
        "clean `counterdesk sync` completes, the hub holds each request of the desk exactly "
        "once and `counterdesk audit verify` passes. *Aimed*: kills timed from the victim "
        "opening its database (or the hub writing); *db open*: the victim died with its "
        "database open; *unreported*: it had committed work it never printed (a retry then "
        "finds it, never doubles it); *finished*: runs that ended before their kill.",
        "",
        "| scenario (what is killed) | kills | aimed | db open | unreported | finished "
        "| checks | failures | s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for t in r["scenarios"]:
        what = SCENARIOS.get(t["scenario"], t["scenario"])
        lines.append(
            f"| {what} | {t['kills']} | {t.get('aimed', '')} | {t['db_open']} "
            f"| {t['unreported']} | {t['finished']} | {t['checks']:,} | {len(t['failures'])} "
            f"| {t['seconds']:.0f} |"
        )
    lines += [f"- failure: {f.splitlines()[0]}" for f in r["failures"]]
    return [*lines, ""]


def failed(tests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [t for t in tests if t["outcome"] not in ("passed", "skipped")]


def fuzz_section(r: dict[str, Any]) -> list[str]:
    verdict = "ok" if r["ok"] else "**FAILED**"
    tests = r["tests"]
    counts = r.get("examples_per_test", {})
    per_file = ", ".join(f"{n:,} for {f}" for f, n in counts.items())
    lines = [
        f"### Long fuzz run: {len(tests)} tests, {len(failed(tests))} failed: {verdict}",
        "",
        f"COUNTERDESK_FUZZ_EXAMPLES: {per_file}. *Run*: the examples hypothesis reports "
        "having run (`--hypothesis-show-statistics`; – for a test that is not a property "
        "test or whose property is defined inside it).",
        "",
        f"{r['date']}, Python {r['python']}, {r['machine']}; {r['seconds'] / 60:.0f} min; "
        f"`{r['command']}`.",
        "",
        "| test | examples asked | run | outcome | s |",
        "| --- | --- | --- | --- | --- |",
    ]
    for t in tests:
        outcome = t["outcome"] if t["outcome"] in ("passed", "skipped") else f"**{t['outcome']}**"
        ran = t.get("examples_run")
        shown = f"{ran:,}" if isinstance(ran, int) else "–"
        lines.append(
            f"| {t['test']} | {t.get('examples', 0):,} | {shown} | {outcome} | {t['seconds']:.1f} |"
        )
    return [*lines, ""]


def long_runs_section() -> list[str]:
    lines = [
        LONG_HEADING,
        "",
        "Not run by `make bench`. Run them by hand (each takes many minutes), keep the "
        "result in bench/long_runs/ and rebuild this section:",
        "",
        "    nice -n 10 .venv/bin/python bench/crashloop.py --kills 1000 --keep",
        "    nice -n 10 .venv/bin/python bench/fuzz_long.py --examples 20000 --keep",
        "    .venv/bin/python bench/run_all.py --long-runs-only",
        "",
    ]
    for name, section in (("crashloop", crashloop_section), ("fuzz_long", fuzz_section)):
        result = latest(name)
        lines += section(result) if result else [f"No result of bench/{name}.py yet.", ""]
    return lines


def main(argv: list[str]) -> int:
    if "--long-runs-only" in argv:
        old = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
        head = old.split(f"\n{LONG_HEADING}\n")[0].rstrip("\n")
        text = "\n".join([head, "", *long_runs_section()])
        RESULTS.write_text(text)
        print(text)
        return 0
    names = argv or [b.removeprefix("bench_") for b in BENCHES]
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / f"bench_{name}.py")], check=False)
        if done.returncode != 0:
            failed.append(name)
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
            *bench_rows(),
            "",
            *long_runs_section(),
        ]
    )
    RESULTS.write_text(text)
    print(text)
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
