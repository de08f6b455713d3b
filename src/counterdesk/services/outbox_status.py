"""The outbox at a glance, cheap enough to ask every few seconds.

``status.desk_status`` also counts every request by status, which takes a
noticeable time on a desk with a million requests; the app's status bar only
needs what is here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from counterdesk.services.desk import Desk
from counterdesk.store.eventlog import last_seq


@dataclass(frozen=True)
class OutboxSummary:
    desk: str
    training: bool
    pending: int  # events not yet acknowledged by the district
    oldest_pending_at: str | None
    oldest_pending_age_seconds: int | None
    last_hub_contact: str | None


def outbox_summary(desk: Desk) -> OutboxSummary:
    info = desk.info
    conn = desk.conn
    seq = last_seq(conn)
    state = conn.execute("SELECT acked_seq, last_contact FROM sync_state WHERE id = 1").fetchone()
    acked = int(state["acked_seq"]) if state else 0
    oldest = conn.execute("SELECT recorded_at FROM events WHERE seq = ?", [acked + 1]).fetchone()
    age: int | None = None
    at: str | None = None
    if oldest is not None:
        at = str(oldest["recorded_at"])
        then = datetime.datetime.fromisoformat(at)
        age = max(0, int((desk.now() - then).total_seconds()))
    return OutboxSummary(
        desk=info.code,
        training=info.training,
        pending=max(0, seq - acked),
        oldest_pending_at=at,
        oldest_pending_age_seconds=age,
        last_hub_contact=(str(state["last_contact"]) or None) if state else None,
    )
