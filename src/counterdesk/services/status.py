"""The desk's identity and outbox at a glance."""

from __future__ import annotations

from typing import Any

from counterdesk.services.desk import Desk
from counterdesk.services.outbox_status import outbox_summary
from counterdesk.store.eventlog import last_seq


def desk_status(desk: Desk) -> dict[str, Any]:
    info = desk.info
    outbox = outbox_summary(desk)
    seq = last_seq(desk.conn)
    counts = {
        r["status"]: r["n"]
        for r in desk.conn.execute("SELECT status, count(*) AS n FROM requests GROUP BY status")
    }
    return {
        "desk": info.code,
        "name": info.name,
        "post": info.post,
        "district": info.district,
        "training": info.training,
        "epoch": info.epoch,
        "last_seq": seq,
        "acked_seq": seq - outbox.pending,
        "pending": outbox.pending,
        "oldest_pending_at": outbox.oldest_pending_at,
        "oldest_pending_age_seconds": outbox.oldest_pending_age_seconds,
        "last_hub_contact": outbox.last_hub_contact,
        "requests": sum(counts.values()),
        "requests_by_status": counts,
        "database": str(desk.paths.database),
    }
