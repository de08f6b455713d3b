"""Register one request (event + projection + search index + fsync), against a bare insert.

Target: median <= 2 ms and <= 8x a bare SQLite insert+commit with synchronous=FULL
(WAL) measured in the same run on the same disk.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from common import Figure, emit, median, scratch, timed
from counterdesk.services.register import Registration, register
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import authenticate

N = 400


def bare_insert(root: Path) -> list[float]:
    conn = sqlite3.connect(root / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data TEXT)")
    row = ("Siti Nurhaliza", '{"service": "SKD", "fields": {"address": "Dusun Sebunga"}}')

    def one() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (name, data) VALUES (?, ?)", row)
        conn.execute("COMMIT")

    timed(one, 20)
    return timed(one, N)


def counterdesk_register(root: Path) -> list[float]:
    desk, _ = make_demo(root / "desk")
    session = authenticate(desk, "demo", "demo")
    service = desk.catalogue.get("SKD")
    fields = {f.key: "Dusun Sebunga RT 002" for f in service.fields if f.type == "text"}
    reg = Registration(
        service="SKD",
        name="Siti Nurhaliza",
        nik="6107055203950002",
        fields=fields,
        requirements_given=[r.key for r in service.requirements if r.required],
    )

    def one() -> None:
        register(desk, session, reg)

    timed(one, 20)
    return timed(one, N)


def main() -> None:
    root = scratch("register")
    shutil.rmtree(root)
    root.mkdir(parents=True)
    # Interleave so that disk noise hits both alike.
    bare, ours = [], []
    for _ in range(2):
        bare += bare_insert(root)
        ours += counterdesk_register(root)
        shutil.rmtree(root)
        root.mkdir()
    b, o = median(bare), median(ours)
    emit(
        [
            Figure("bare insert+commit (WAL, synchronous=FULL)", "ms", b, "baseline", True),
            Figure(
                "register one request, median",
                "ms",
                o,
                "<= 2 ms and <= 8x bare",
                o <= 2.0 and o <= 8 * b,
                baseline=b,
                baseline_name="bare insert",
            ),
        ],
        "register",
    )


if __name__ == "__main__":
    main()
