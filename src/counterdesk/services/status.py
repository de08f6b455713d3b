"""The desk's identity and outbox at a glance."""

from __future__ import annotations

import datetime
from typing import Any

from counterdesk.services.desk import Desk
from counterdesk.store.eventlog import last_seq


def desk_status(desk: Desk) -> dict[str, Any]:
    info = desk.info
    conn = desk.conn
    seq = last_seq(conn)
    state = conn.execute("SELECT acked_seq, last_contact FROM sync_state WHERE id = 1").fetchone()
    acked = int(state["acked_seq"]) if state else 0
    oldest = conn.execute("SELECT recorded_at FROM events WHERE seq = ?", [acked + 1]).fetchone()
    age_s: int | None = None
    if oldest is not None:
        then = datetime.datetime.fromisoformat(oldest["recorded_at"])
        age_s = max(0, int((desk.now() - then).total_seconds()))
    counts = {
        r["status"]: r["n"]
        for r in conn.execute("SELECT status, count(*) AS n FROM requests GROUP BY status")
    }
    return {
        "desk": info.code,
        "name": info.name,
        "post": info.post,
        "district": info.district,
        "training": info.training,
        "epoch": info.epoch,
        "last_seq": seq,
        "acked_seq": acked,
        "pending": seq - acked,
        "oldest_pending_at": oldest["recorded_at"] if oldest else None,
        "oldest_pending_age_seconds": age_s,
        "last_hub_contact": (state["last_contact"] or None) if state else None,
        "requests": sum(counts.values()),
        "requests_by_status": counts,
        "database": str(desk.paths.database),
    }
