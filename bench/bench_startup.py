"""How fast the command lines start, against a bare Python that opens the same database.

The code before a change is measured with ``--src OLD/src --name startup_before`` (an
export of the old tree with its ``resources/`` beside ``src/``), on the same machine.

Medians of N runs (default 15; ``--runs N``) of each, every one a fresh process, after
one warm-up run (which also writes the bytecode, as an installed package has it):

- ``python -c pass``: the interpreter alone;
- a bare Python that opens the desk's (SQLCipher-encrypted) database with ``sqlcipher3``
  and its key, and reads one row: the work ``counterdesk status`` cannot avoid;
- ``counterdesk --version``, ``counterdesk status``;
- a bare Python that opens the hub's SQLite file and reads one row;
- ``counterdesk-hub --help``.

Targets (issue 18, item 6): ``status`` and ``counterdesk-hub --help`` each within 5x the
bare Python that opens the same database. The desk's key is kept in a key file
(``COUNTERDESK_KEY_DIR``) so that both sides read it the same way; with a desktop keyring
``counterdesk`` also pays for loading keyring's backends, which the bare baseline does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, emit, median

SRC = Path(__file__).resolve().parent.parent / "src"
# An installed counterdesk has its bytecode compiled; the warm-up run writes it here too.
NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"
RUNS = 15
TARGET = 5.0

BARE_DESK = """
import json, pathlib, sys
from sqlcipher3 import dbapi2
db = pathlib.Path(sys.argv[1])
key_id = json.loads(db.with_name(db.name + ".keyid").read_text())["key_id"]
secret = (pathlib.Path(sys.argv[2]) / (key_id + ".key")).read_text().strip()
conn = dbapi2.connect(str(db))
conn.execute("PRAGMA key = \\"x'" + secret + "'\\"")
conn.execute("SELECT * FROM desk LIMIT 1").fetchone()
conn.close()
"""

BARE_HUB = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT * FROM sqlite_master LIMIT 1").fetchone()
conn.close()
"""


def clock(argv: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall-clock seconds of ``runs`` fresh processes (after one warm-up run)."""
    out = []
    for i in range(runs + 1):
        t = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        if i:  # the first run fills the OS file cache
            out.append(time.perf_counter() - t)
    return median(out)


def figures(root: Path, runs: int, src: Path) -> list[Figure]:
    py = sys.executable
    keys = root / "keys"
    env = {k: v for k, v in os.environ.items() if k != NO_BYTECODE} | {
        "PYTHONPATH": str(src),
        "COUNTERDESK_DATA_DIR": str(root / "desk"),
        "COUNTERDESK_HUB_DIR": str(root / "hub"),
        "COUNTERDESK_KEY_DIR": str(keys),
    }
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([py, "-m", "counterdesk", "demo"], **quiet)
    subprocess.run([py, "-m", "counterdesk.hub.cli", "init", "--district", "Bengkayang"], **quiet)
    desk_db = root / "desk" / "desk.sqlite3"
    hub_db = root / "hub" / "hub.sqlite3"
    desk = [py, "-c", "from counterdesk.launcher import main; import sys; sys.exit(main())"]
    hub = [py, "-c", "from counterdesk.hub.cli import main; import sys; sys.exit(main())"]

    bare = clock([py, "-c", "pass"], env, runs)
    bare_desk = clock([py, "-c", BARE_DESK, str(desk_db), str(keys)], env, runs)
    bare_hub = clock([py, "-c", BARE_HUB, str(hub_db)], env, runs)
    version = clock([*desk, "--version"], env, runs)
    status = clock([*desk, "status"], env, runs)
    hub_help = clock([*hub, "--help"], env, runs)
    s = "s"
    return [
        Figure("bare `python -c pass`", s, bare, "baseline", True),
        Figure("bare python: sqlcipher3 opens the desk database, reads a row", s, bare_desk,
               "baseline", True, bare, "python -c pass"),
        Figure("`counterdesk --version`", s, version, "information", True, bare,
               "python -c pass"),
        Figure("`counterdesk status`", s, status, f"<= {TARGET:g}x bare desk open",
               status <= TARGET * bare_desk, bare_desk, "bare desk open"),
        Figure("bare python: sqlite3 opens the hub database, reads a row", s, bare_hub,
               "baseline", True, bare, "python -c pass"),
        Figure("`counterdesk-hub --help`", s, hub_help, f"<= {TARGET:g}x bare hub open",
               hub_help <= TARGET * bare_hub, bare_hub, "bare hub open"),
    ]  # fmt: skip


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else RUNS
    # --src DIR: measure another tree's code (e.g. the code before a change), same machine
    src = Path(argv[argv.index("--src") + 1]) if "--src" in argv else SRC
    # --name NAME: the name of the result (bench/out/NAME.json, the rows of RESULTS.md)
    name = argv[argv.index("--name") + 1] if "--name" in argv else "startup"
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        found = figures(Path(tmp), runs, src)
    emit(found, name)  # a missed target shows in the table (run_all: "failed" means crashed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
