"""Complaints (pengaduan): recorded against a request or a service, tracked to an answer.

A complaint names the request (by receipt) or only the service it is about, the channel
it came by and its text. It stays ``open`` until answered, at the desk or at the district
hub (the hub's answer comes back with its reference data, see
:func:`install_hub_answer`). The daily report counts them per service.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Final

from counterdesk.domain.contract import MAX_COMPLAINT, Channel
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.ids import complaint_prefix, new_id, one_complaint
from counterdesk.services.desk import Desk
from counterdesk.services.requests import get_request
from counterdesk.services.staff import StaffSession

_COUNTS: Final = (
    "SELECT service, count(*) AS n, sum(status = 'answered') AS answered FROM complaints"
)
CHANNELS: Final = tuple(c.value for c in Channel)
MAX_TEXT: Final = MAX_COMPLAINT


@dataclass(frozen=True)
class Complaint:
    complaint_id: str
    request_id: str | None
    receipt: str
    service: str
    channel: str
    text: str
    staff: str
    recorded_at: str
    status: str
    answer: str
    answered_by: str
    officer: str
    answered_at: str

    @property
    def number(self) -> str:
        """The short id people read out and type (the first 8 hex digits)."""
        return self.complaint_id[:8]

    def to_json(self) -> dict[str, Any]:
        return {
            "complaint_id": self.complaint_id,
            "number": self.number,
            "receipt": self.receipt,
            "service": self.service,
            "channel": self.channel,
            "text": self.text,
            "staff": self.staff,
            "recorded_at": self.recorded_at,
            "status": self.status,
            "answer": self.answer,
            "answered_by": self.answered_by,
            "officer": self.officer,
            "answered_at": self.answered_at,
        }


def check_channel(channel: str) -> str:
    value = channel.strip().lower()
    if value not in CHANNELS:
        raise ValidationError(
            f"unknown complaint channel {channel!r}; use one of: {', '.join(CHANNELS)}",
            code="complaint_channel",
            channel=channel,
        )
    return value


def check_text(text: str, what: str, *, limit: int = MAX_TEXT) -> str:
    value = " ".join(text.split())
    if not value:
        raise ValidationError(f"the {what} is empty", code="complaint_empty", what=what)
    if len(value) > limit:
        raise ValidationError(
            f"the {what} is too long ({len(value)} characters; at most {limit})",
            code="complaint_long",
            what=what,
            length=len(value),
            limit=limit,
        )
    return value


def _complaint(row: sqlite3.Row) -> Complaint:
    return Complaint(
        complaint_id=row["complaint_id"],
        request_id=row["request_id"],
        receipt=row["receipt"],
        service=row["service"],
        channel=row["channel"],
        text=row["text"],
        staff=row["staff"],
        recorded_at=row["recorded_at"],
        status=row["status"],
        answer=row["answer"],
        answered_by=row["answered_by"],
        officer=row["officer"],
        answered_at=row["answered_at"],
    )


def record_complaint(
    desk: Desk,
    session: StaffSession,
    *,
    text: str,
    channel: str = "counter",
    receipt: str | None = None,
    service: str | None = None,
) -> Complaint:
    """Record a complaint about a request (``receipt``) or about a service (``service``)."""
    if bool(receipt and receipt.strip()) == bool(service and service.strip()):
        raise ValidationError(
            "a complaint is about a request (receipt) or a service (code): give one of them",
            code="complaint_target",
        )
    value = check_text(text, "complaint")
    how = check_channel(channel)
    complaint_id = new_id()
    with desk.transaction():
        if receipt and receipt.strip():
            request = get_request(desk, receipt)
            request_id: str | None = request.id
            code = request.service
            number = request.receipt
        else:
            request_id = None
            code = desk.catalogue.get(service or "").code
            number = ""
        desk.record(
            EventKind.COMPLAINT_RECORDED,
            staff=session.name,
            request_id=request_id,
            data={
                "complaint_id": complaint_id,
                "service": code,
                "receipt": number,
                "channel": how,
                "text": value,
            },
        )
    return get_complaint(desk, complaint_id)


def get_complaint(desk: Desk, ident: str) -> Complaint:
    """A complaint by its id or by an unambiguous start of it (at least 6 hex digits)."""
    key = complaint_prefix(ident)
    rows = desk.conn.execute(
        "SELECT * FROM complaints WHERE complaint_id LIKE ? ORDER BY seq LIMIT 2", [key + "%"]
    ).fetchall()
    return _complaint(one_complaint(rows, key, where="at this desk"))


def answer_complaint(desk: Desk, session: StaffSession, complaint: str, answer: str) -> Complaint:
    """Record the answer given to the citizen (a later answer replaces an earlier one)."""
    text = check_text(answer, "answer")
    with desk.transaction():
        found = get_complaint(desk, complaint)
        desk.record(
            EventKind.COMPLAINT_ANSWERED,
            staff=session.name,
            request_id=found.request_id,
            data={
                "complaint_id": found.complaint_id,
                "answer": text,
                "answered_by": "desk",
                "officer": "",
            },
        )
    return get_complaint(desk, found.complaint_id)


def list_complaints(
    desk: Desk, *, open_only: bool = False, request_id: str | None = None
) -> list[Complaint]:
    """Newest first."""
    where: list[str] = []
    params: list[str] = []
    if open_only:
        where.append("status = 'open'")
    if request_id is not None:
        where.append("request_id = ?")
        params.append(request_id)
    sql = "SELECT * FROM complaints"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = desk.conn.execute(sql + " ORDER BY seq DESC", params).fetchall()
    return [_complaint(r) for r in rows]


def complaint_counts(
    desk: Desk, *, day_from: str | None = None, day_to: str | None = None
) -> dict[str, dict[str, int]]:
    """Per service: complaints recorded in the period (days inclusive), and how many of
    them are answered and still open."""
    where: list[str] = []
    params: list[str] = []
    if day_from is not None:
        where.append("day >= ?")
        params.append(day_from)
    if day_to is not None:
        where.append("day <= ?")
        params.append(day_to)
    sql = _COUNTS
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY service ORDER BY service"
    return {
        str(r["service"]): {
            "recorded": int(r["n"]),
            "answered": int(r["answered"] or 0),
            "open": int(r["n"]) - int(r["answered"] or 0),
        }
        for r in desk.conn.execute(sql, params)
    }


def install_hub_answer(
    desk: Desk, *, complaint_id: str, answer: str, officer: str, staff: str
) -> bool:
    """Record an answer given at the district hub (inside the caller's transaction);
    False when the complaint is unknown here or already has this answer."""
    row = desk.conn.execute(
        "SELECT request_id FROM complaints WHERE complaint_id = ?", [complaint_id]
    ).fetchone()
    if row is None:
        return False
    seen = desk.conn.execute(
        "SELECT 1 FROM events WHERE kind = ? AND json_extract(data, '$.complaint_id') = ?"
        " AND json_extract(data, '$.answered_by') = 'hub' AND json_extract(data, '$.answer') = ?",
        [EventKind.COMPLAINT_ANSWERED.value, complaint_id, answer],
    ).fetchone()
    if seen is not None:
        return False
    desk.record(
        EventKind.COMPLAINT_ANSWERED,
        staff=staff,
        request_id=row["request_id"],
        data={
            "complaint_id": complaint_id,
            "answer": check_text(answer, "answer"),
            "answered_by": "hub",
            "officer": officer,
        },
    )
    return True
