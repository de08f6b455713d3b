"""The event log: gap-free sequence and a hash chain that shows any alteration."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession
from counterdesk.store.errors import INTEGRITY_ERRORS

from .conftest import tamper_sql
from .test_register import reg


def fill(desk: Desk, session: StaffSession, n: int = 5) -> None:
    for i in range(n):
        register(desk, session, reg(desk, name=f"Warga {chr(65 + i)}"))


def test_clean_log_verifies(desk: Desk, session: StaffSession) -> None:
    fill(desk, session)
    result = audit(desk)
    assert result.ok, result.problems
    seqs = [r[0] for r in desk.conn.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))


def test_events_table_refuses_update_and_delete(desk: Desk, session: StaffSession) -> None:
    fill(desk, session, 1)
    with pytest.raises(INTEGRITY_ERRORS, match="append-only"):
        desk.conn.execute("UPDATE events SET staff = 'x' WHERE seq = 1")
    with pytest.raises(INTEGRITY_ERRORS, match="append-only"):
        desk.conn.execute("DELETE FROM events WHERE seq = 1")


def tamper(db: Path, sql: str) -> None:
    """Edit the database by hand, as an intruder holding its key would (the sqlite3 shell
    cannot read it: see test_encryption.py)."""
    script = (
        "DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete; " + sql
    )
    tamper_sql(db, script)


def test_hand_edited_event_is_named(desk: Desk, session: StaffSession) -> None:
    fill(desk, session)
    row = desk.conn.execute(
        "SELECT seq, event_id, data FROM events WHERE kind = 'request_registered' LIMIT 1 OFFSET 2"
    ).fetchone()
    data = json.loads(row["data"])
    data["citizen"]["name"] = "Someone Else"
    tamper(
        desk.paths.database,
        f"UPDATE events SET data = '{json.dumps(data)}' WHERE seq = {row['seq']};",
    )
    result = audit(desk)
    assert not result.ok
    assert [(p.seq, p.event_id) for p in result.problems] == [(row["seq"], row["event_id"])]
    assert "altered" in str(result.problems[0])


def test_deleted_event_is_a_gap(desk: Desk, session: StaffSession) -> None:
    fill(desk, session)
    last = desk.conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    tamper(desk.paths.database, f"DELETE FROM events WHERE seq = {last - 2};")
    problems = audit(desk).problems
    assert any(p.seq == last - 1 and "missing" in p.problem for p in problems)


def test_audit_cli_exits_1_and_names_the_event(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    fill(desk, session, 3)
    row = desk.conn.execute("SELECT seq, event_id FROM events ORDER BY seq DESC").fetchone()
    tamper(desk.paths.database, f"UPDATE events SET staff = 'intruder' WHERE seq = {row['seq']};")
    cmd = [
        sys.executable,
        "-m",
        "counterdesk",
        "--data-dir",
        str(desk.paths.root),
        "audit",
        "verify",
    ]
    out = subprocess.run(cmd, capture_output=True, text=True)
    assert out.returncode == 1
    assert f"event {row['seq']}" in out.stderr and row["event_id"] in out.stderr
