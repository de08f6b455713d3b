"""The long fuzz run: every test that honours COUNTERDESK_FUZZ_EXAMPLES, with many examples.

Usage: `.venv/bin/python bench/fuzz_long.py [--examples 20000] [--examples-for FILE=N]
[--keep] [FILE...]` (under `nice -n 10` on a shared machine). Runs pytest on the test files
that read COUNTERDESK_FUZZ_EXAMPLES (tests/test_fuzz.py, tests/hub/test_api_schema.py, ...)
with that many examples per test (``--examples-for`` sets another count for one file: the
schemathesis test takes about 60 ms an example), and writes each test's outcome and duration to
bench/out/fuzz_long.json; `--keep` copies it to bench/long_runs/ (committed), where
bench/run_all.py reads it for the "Long runs" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
KEEP = HERE / "long_runs"
VARIABLE = "COUNTERDESK_FUZZ_EXAMPLES"


def fuzz_files() -> list[Path]:
    """The test files that read the variable (the long-run switch)."""
    return sorted(
        p.relative_to(ROOT)
        for p in (ROOT / "tests").rglob("test_*.py")
        if VARIABLE in p.read_text(encoding="utf-8")
    )


STATS_HEAD = re.compile(r"^(tests/\S+::\S+):$")
STATS_RUN = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")
STATS_STOP = re.compile(r"^\s*- Stopped because (.*)$")


def statistics(output: str) -> dict[str, dict[str, object]]:
    """Hypothesis's own count of the examples each property test ran (from
    --hypothesis-show-statistics): passing examples over every phase, and why it stopped."""
    out: dict[str, dict[str, object]] = {}
    current: dict[str, object] | None = None
    for line in output.splitlines():
        head = STATS_HEAD.match(line)
        if head:
            current = out.setdefault(head.group(1), {"passing": 0, "stopped": ""})
            continue
        if current is None:
            continue
        run = STATS_RUN.search(line)
        if run:
            current["passing"] = int(str(current["passing"])) + int(run.group(1))
        stop = STATS_STOP.match(line)
        if stop:
            current["stopped"] = stop.group(1).strip()
    return out


def test_id(case: dict[str, object]) -> str:
    """``tests.hub.test_x::test_y`` -> ``tests/hub/test_x.py::test_y``."""
    module, _, name = str(case["test"]).partition("::")
    return module.replace(".", "/") + ".py::" + name


def cases(report: Path) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for case in ET.parse(report).getroot().iter("testcase"):
        outcome = "passed"
        message = ""
        for tag in ("failure", "error", "skipped"):
            node = case.find(tag)
            if node is not None:
                outcome = {"failure": "failed", "error": "error", "skipped": "skipped"}[tag]
                message = (node.get("message") or "")[:500]
                break
        out.append(
            {
                "test": f"{case.get('classname', '')}::{case.get('name', '')}",
                "outcome": outcome,
                "seconds": round(float(case.get("time") or 0), 1),
                "message": message,
            }
        )
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="examples per test")
    parser.add_argument(
        "--examples-for",
        action="append",
        default=[],
        metavar="FILE=N",
        help="another number of examples for the tests of FILE (repeatable)",
    )
    parser.add_argument("--keep", action="store_true", help="also copy to bench/long_runs/")
    parser.add_argument("files", nargs="*", type=Path, help="default: every fuzz test file")
    args = parser.parse_args(argv)
    if args.examples < 1:
        parser.error("--examples must be at least 1")
    files = args.files or fuzz_files()
    if not files:
        print(f"no test file reads {VARIABLE}", file=sys.stderr)
        return 1
    counts = {str(f): args.examples for f in files}
    for item in args.examples_for:
        name, sep, n = item.partition("=")
        if not sep or not n.isdigit() or name not in counts:
            parser.error(f"--examples-for takes FILE=N with FILE one of {sorted(counts)}")
        counts[name] = int(n)
    start = time.monotonic()
    tests: list[dict[str, object]] = []
    exits = []
    for examples in sorted(set(counts.values()), reverse=True):
        group = [name for name, n in counts.items() if n == examples]
        env = os.environ | {VARIABLE: str(examples)}
        with tempfile.TemporaryDirectory(prefix="fuzz-long-") as tmp:
            report = Path(tmp) / "junit.xml"
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            cmd += ["--hypothesis-show-statistics", f"--junitxml={report}", *group]
            print(f"{VARIABLE}={examples} {' '.join(cmd[1:])}", flush=True)
            proc = subprocess.Popen(
                cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, bufsize=1
            )
            assert proc.stdout is not None
            output = []
            for line in proc.stdout:
                print(line, end="", flush=True)
                output.append(line)
            exits.append(proc.wait())
            found = cases(report) if report.exists() else []
        stats = statistics("".join(output))
        for t in found:
            ran = stats.get(test_id(t))
            t["examples_run"] = ran["passing"] if ran else None  # None: not a property test
            t["stopped"] = ran["stopped"] if ran else ""
        tests += [t | {"examples": examples} for t in found]
    seconds = time.monotonic() - start
    failed = [t for t in tests if t["outcome"] in ("failed", "error")]
    result = {
        "run": "fuzz_long",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.system()}",
        "command": "bench/fuzz_long.py " + " ".join(argv),
        "examples_per_test": counts,
        "tests": tests,
        "ok": not any(exits) and bool(tests) and not failed,
        "pytest_exit": exits,
        "seconds": round(seconds, 1),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "fuzz_long.json").write_text(json.dumps(result, indent=2) + "\n")
    if args.keep:
        KEEP.mkdir(exist_ok=True)
        shutil.copy(OUT / "fuzz_long.json", KEEP / "fuzz_long.json")
    for t in tests:
        shown = "-" if t["examples_run"] is None else str(t["examples_run"])
        print(f"{t['outcome']:<8} {shown:>7} {t['seconds']:>8.1f} s  {t['test']}")
    print(f"{'ok' if result['ok'] else 'FAILED'}: {len(tests)} test(s), {seconds:.0f} s")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
