"""Register one request (event + projection + search index + fsync), against a bare insert.

Target: median <= 2 ms and <= 8x a bare SQLite insert+commit with synchronous=FULL
(WAL) measured in the same run on the same disk.

The cost of encryption at rest (SQLCipher) is measured in the same run: a bare insert
through SQLCipher with a raw key, and register on a desk whose database is not encrypted
(the schema's ``encrypted`` switched off for the measurement only).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from common import Figure, emit, median, scratch, timed
from counterdesk.services.register import Registration, register
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import authenticate

N = 400


def bare_insert(root: Path, *, cipher: bool = False) -> list[float]:
    if cipher:
        conn = sqlcipher.connect(str(root / "bare-cipher.sqlite3"), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    else:
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


@contextlib.contextmanager
def plain_desks() -> Iterator[None]:
    """Desks made meanwhile are not encrypted (for the comparison only)."""
    import counterdesk.store.db as store_db

    saved = store_db.DESK_SCHEMA
    store_db.DESK_SCHEMA = dataclasses.replace(saved, encrypted=False)
    try:
        yield
    finally:
        store_db.DESK_SCHEMA = saved


def counterdesk_register(root: Path, name: str = "desk") -> list[float]:
    desk, _ = make_demo(root / name)
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
    bare, ours, bare_cipher, plain = [], [], [], []
    for _ in range(2):
        bare += bare_insert(root)
        ours += counterdesk_register(root)
        bare_cipher += bare_insert(root, cipher=True)
        with plain_desks():
            plain += counterdesk_register(root, "plain-desk")
        shutil.rmtree(root)
        root.mkdir()
    b, o = median(bare), median(ours)
    bc, p = median(bare_cipher), median(plain)
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
            Figure(
                "bare insert+commit through SQLCipher (encryption alone)",
                "ms",
                bc,
                "information",
                True,
                baseline=b,
                baseline_name="bare insert",
            ),
            Figure(
                "register one request, unencrypted database (encryption's cost: the ratio)",
                "ms",
                p,
                "information",
                True,
                baseline=o,
                baseline_name="encrypted register",
            ),
        ],
        "register",
    )


if __name__ == "__main__":
    main()
