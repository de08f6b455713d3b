"""Rewriting a desk's history as an intruder with the database file would.

The triggers that make the events table append-only are dropped, the event is edited, and
the chain from it to the end is recomputed with the real hashing function and written back,
so that the chain alone looks intact.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from counterdesk.domain.events import GENESIS
from counterdesk.store.eventlog import insert_event_row, row_event

from .conftest import open_raw


def rewrite_event(
    database: Path, seq: int, change: Callable[[dict[str, Any]], dict[str, Any]]
) -> None:
    """Edit event ``seq``'s data with ``change`` and re-chain every event from it on."""
    conn = open_raw(database)
    conn.row_factory = sqlcipher.Row
    try:
        conn.execute("DROP TRIGGER IF EXISTS events_append_only_update")
        conn.execute("DROP TRIGGER IF EXISTS events_append_only_delete")
        before = conn.execute("SELECT hash FROM events WHERE seq = ?", [seq - 1]).fetchone()
        prev = str(before[0]) if before else GENESIS
        rows = conn.execute("SELECT * FROM events WHERE seq >= ? ORDER BY seq", [seq]).fetchall()
        assert rows and rows[0]["seq"] == seq, f"no event {seq}"
        for row in rows:
            event = row_event(row)
            data = change(event.data) if event.seq == seq else event.data
            event = dataclasses.replace(event, data=data, prev_hash=prev)
            conn.execute("DELETE FROM events WHERE seq = ?", [event.seq])
            prev = insert_event_row(conn, event)
        conn.commit()
    finally:
        conn.close()


def rename_citizen(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A change to a ``request_registered`` event: another citizen's name."""

    def change(data: dict[str, Any]) -> dict[str, Any]:
        out = json.loads(json.dumps(data))
        out["citizen"]["name"] = name
        return out

    return change


def registration_seq(database: Path, receipt: str) -> int:
    conn = open_raw(database)
    try:
        row = conn.execute(
            "SELECT seq FROM events WHERE kind = 'request_registered'"
            " AND json_extract(data, '$.receipt') = ?",
            [receipt],
        ).fetchone()
    finally:
        conn.close()
    assert row is not None, f"no registration of {receipt}"
    return int(row[0])
