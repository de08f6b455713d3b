"""The counter's queue: which requests a list shows, as row ids for lazy loading.

A list of a million requests is held as row ids only; the rows themselves are
read a page at a time with ``requests.views_for_rowids``.
"""

from __future__ import annotations

from dataclasses import dataclass

from counterdesk.services.desk import Desk
from counterdesk.services.requests import make_filter
from counterdesk.store.search import find_rowids


@dataclass(frozen=True)
class QueueFilter:
    """What the staff asked to see: search text, status, service, today or all days."""

    text: str = ""
    status: str | None = None
    service: str | None = None
    today_only: bool = False


def request_rowids(desk: Desk, flt: QueueFilter) -> list[int]:
    """Row ids of every matching request, newest first (no limit)."""
    day = desk.now().date().isoformat() if flt.today_only else None
    store_filter = make_filter(
        desk, text=flt.text, status=flt.status, service=flt.service, ticket_day=day
    )
    return find_rowids(desk.conn, store_filter, limit=-1)
