"""Bad conditions: a second writer, a full disk, SIGKILL mid-import (read-only folders and
full or pulled sticks: test_disks.py)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession
from counterdesk.store.errors import DiskFull, StoreBusy

from .conftest import NIK_MAN, NIK_WOMAN, open_raw
from .test_register import letter_service, reg


def count(desk: Desk) -> int:
    return int(desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0])


def test_second_writer_waits_then_gets_a_clear_error(desk: Desk, session: StaffSession) -> None:
    other = open_raw(desk.paths.database)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    desk.conn.execute("PRAGMA busy_timeout = 200")
    with pytest.raises(StoreBusy, match="another counterdesk program"):
        register(desk, session, reg(desk))
    other.execute("COMMIT")
    other.close()
    assert count(desk) == 0
    register(desk, session, reg(desk))
    assert count(desk) == 1 and audit(desk).ok


def test_full_disk_loses_nothing(desk: Desk, session: StaffSession) -> None:
    register(desk, session, reg(desk))
    pages = desk.conn.execute("PRAGMA page_count").fetchone()[0]
    desk.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match=r"disk .* is full"):
        for i in range(200):
            register(desk, session, reg(desk, name=f"Warga {'A' * (i % 50 + 1)}"))
    stored = count(desk)
    assert audit(desk).ok
    desk.conn.execute("PRAGMA max_page_count = 1073741823")
    register(desk, session, reg(desk))
    assert count(desk) == stored + 1 and audit(desk).ok


def write_csv(desk: Desk, path: Path, rows: int) -> None:
    code, values = letter_service(desk)
    header = "service,name,nik,passport,nationality," + ",".join(f"field:{k}" for k in values)
    tail = ",".join(values.values())
    lines = [header]
    for i in range(rows):
        nik = NIK_MAN if i % 2 else NIK_WOMAN
        lines.append(
            f"{code},Warga Nomor {chr(65 + i % 26)}{chr(65 + i // 26 % 26)},{nik},,,{tail}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


KILLS = int(os.environ.get("COUNTERDESK_KILL_LOOPS", "6"))


def test_sigkill_during_csv_never_half_registers(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    rows = 10_000
    csv_path = tmp_path / "outreach.csv"
    write_csv(desk, csv_path, rows)
    root = desk.paths.root
    desk.close()
    env = os.environ | {"COUNTERDESK_PASSWORD": "demo"}
    cmd = [
        sys.executable,
        "-m",
        "counterdesk",
        "--data-dir",
        str(root),
        "register",
        "--csv",
        str(csv_path),
        "--staff",
        "demo",
    ]
    # How long does a full import take here? Kill at random moments inside it.
    start = time.monotonic()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    full = time.monotonic() - start
    rng = random.Random(20261129)
    completed = 1
    for _ in range(KILLS):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, full * 1.1))
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == 0:
            completed += 1
        with Desk.open(root) as d:
            assert audit(d).ok
            n = count(d)
            assert n % rows == 0, f"{n} requests: a CSV import was half-registered"
            orphans = d.conn.execute(
                "SELECT count(*) FROM requests r LEFT JOIN events e"
                " ON e.request_id = r.id AND e.kind = 'request_registered' WHERE e.seq IS NULL"
            ).fetchone()[0]
            missing = d.conn.execute(
                "SELECT count(*) FROM events e LEFT JOIN requests r ON r.id = e.request_id"
                " WHERE e.kind = 'request_registered' AND r.id IS NULL"
            ).fetchone()[0]
            assert (orphans, missing) == (0, 0)
            receipts = d.conn.execute("SELECT count(DISTINCT receipt) FROM requests").fetchone()[0]
            assert receipts == n
    with Desk.open(root) as d:
        assert count(d) >= completed * rows
