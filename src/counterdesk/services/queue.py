"""The counter's queue: which requests a list shows, as row ids for lazy loading.

A list of a million requests is held as row ids only; the rows themselves are
read a page at a time with ``requests.views_for_rowids``.
"""

from __future__ import annotations

from dataclasses import dataclass

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.lifecycle import Status
from counterdesk.services.desk import Desk
from counterdesk.services.requests import RequestView, get_request, make_filter
from counterdesk.services.staff import StaffSession
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


@dataclass(frozen=True)
class CalledTicket:
    ticket: str
    counter: str
    called_at: str
    receipt: str


def call_next(desk: Desk, session: StaffSession, *, counter: str = "") -> RequestView | None:
    """Call the oldest waiting ticket of today to this counter; None when nobody waits."""
    today = desk.now().date().isoformat()
    with desk.transaction():
        row = desk.conn.execute(
            "SELECT receipt FROM requests WHERE ticket_day = ? AND called_at IS NULL"
            " AND status = 'registered' ORDER BY rowid LIMIT 1",
            [today],
        ).fetchone()
        if row is None:
            return None
        request = _call(desk, session, row["receipt"], counter)
    return get_request(desk, request.receipt)


def call_again(
    desk: Desk, session: StaffSession, receipt: str, *, counter: str = ""
) -> RequestView:
    """Call a ticket (again): the citizen did not come forward, or is served out of turn."""
    with desk.transaction():
        request = _call(desk, session, receipt, counter)
    return get_request(desk, request.receipt)


def _call(desk: Desk, session: StaffSession, receipt: str, counter: str) -> RequestView:
    request = get_request(desk, receipt)
    if Status(request.status).is_final:
        raise ValidationError(
            f"ticket {request.ticket} is {request.status}; it cannot be called",
            code="ticket_final",
        )
    desk.record(
        EventKind.TICKET_CALLED,
        staff=session.name,
        request_id=request.id,
        data={
            "receipt": request.receipt,
            "ticket": request.ticket,
            "counter": counter.strip() or desk.info.name,
        },
    )
    return request


def called_tickets(desk: Desk, *, limit: int = 8) -> list[CalledTicket]:
    """Today's most recently called tickets, for the waiting-room screen."""
    today = desk.now().date().isoformat()
    rows = desk.conn.execute(
        "SELECT ticket, counter, called_at, receipt FROM requests"
        " WHERE ticket_day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, last_seq DESC"
        " LIMIT ?",
        [today, limit],
    ).fetchall()
    return [CalledTicket(r["ticket"], r["counter"], r["called_at"], r["receipt"]) for r in rows]


def waiting_count(desk: Desk) -> int:
    today = desk.now().date().isoformat()
    row = desk.conn.execute(
        "SELECT count(*) FROM requests WHERE ticket_day = ? AND called_at IS NULL"
        " AND status = 'registered'",
        [today],
    ).fetchone()
    return int(row[0])
