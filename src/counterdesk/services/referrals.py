"""Referrals to other agencies: recording what became of them, and what is still out.

A request is referred (status ``referred``) with a printed slip; the other agency
(Disdukcapil, Immigration, Police, ...) later issues, refuses, or is still working on it.
Its outcome is recorded at the desk or at the district hub (then delivered back with the
hub's reference data, see :func:`install_hub_outcome`). An issued product comes back to
the counter: the request then moves ``referred -> ready -> collected`` as usual.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Final

from counterdesk.domain import lifecycle
from counterdesk.domain.contract import MAX_OUTCOME_NOTE
from counterdesk.domain.errors import NotFound, ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.ids import new_id
from counterdesk.domain.lifecycle import Status
from counterdesk.services.desk import Desk
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession

OUTCOMES: Final = tuple(o.value for o in lifecycle.Outcome)
MAX_NOTE: Final = MAX_OUTCOME_NOTE
RECORDERS: Final = ("desk", "hub")


@dataclass(frozen=True)
class Outcome:
    outcome_id: str
    receipt: str
    request_id: str
    outcome: str
    agency: str
    note: str
    recorded_by: str
    officer: str
    staff: str
    recorded_at: str
    seq: int

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome_id": self.outcome_id,
            "receipt": self.receipt,
            "outcome": self.outcome,
            "agency": self.agency,
            "note": self.note,
            "recorded_by": self.recorded_by,
            "officer": self.officer,
            "staff": self.staff,
            "recorded_at": self.recorded_at,
            "seq": self.seq,
        }


def check_outcome(outcome: str) -> str:
    value = outcome.strip().lower()
    if value not in OUTCOMES:
        raise ValidationError(
            f"unknown referral outcome {outcome!r}; use one of: {', '.join(OUTCOMES)}",
            code="referral_outcome_unknown",
            outcome=outcome,
        )
    return value


def check_note(note: str, *, limit: int = MAX_NOTE) -> str:
    text = " ".join(note.split())
    if len(text) > limit:
        raise ValidationError(
            f"the note is too long ({len(text)} characters; at most {limit})",
            code="note_long",
            length=len(text),
            limit=limit,
        )
    return text


def was_referred(conn: sqlite3.Connection, request_id: str) -> bool:
    """Whether the request is or ever was ``referred`` (from its events)."""
    row = conn.execute(
        "SELECT 1 FROM events WHERE request_id = ? AND kind = ?"
        " AND json_extract(data, '$.to') = ? LIMIT 1",
        [request_id, EventKind.STATUS_CHANGED.value, Status.REFERRED.value],
    ).fetchone()
    return row is not None


def agency_of(desk: Desk, service_code: str) -> str:
    """The agency a request of this service is referred to (its own agency otherwise)."""
    try:
        service = desk.catalogue.get(service_code)
    except NotFound:
        return ""
    if service.referral is not None:
        return service.referral.agency.id
    return service.agency.id


def _outcome(row: sqlite3.Row) -> Outcome:
    return Outcome(
        outcome_id=row["outcome_id"],
        receipt=row["receipt"],
        request_id=row["request_id"],
        outcome=row["outcome"],
        agency=row["agency"],
        note=row["note"],
        recorded_by=row["recorded_by"],
        officer=row["officer"],
        staff=row["staff"],
        recorded_at=row["recorded_at"],
        seq=int(row["seq"]),
    )


_SELECT = "SELECT o.*, r.receipt FROM referral_outcomes o JOIN requests r ON r.id = o.request_id"


def record_outcome(
    desk: Desk, session: StaffSession, receipt: str, outcome: str, *, note: str = ""
) -> Outcome:
    """Record what the other agency did with a referred request."""
    value = check_outcome(outcome)
    text = check_note(note)
    with desk.transaction():
        request = get_request(desk, receipt)
        if not was_referred(desk.conn, request.id):
            raise ValidationError(
                f"request {request.receipt} was never referred to another agency (it is "
                f"{request.status}); refer it first (status referred)",
                code="referral_not_referred",
                receipt=request.receipt,
            )
        outcome_id = new_id()
        desk.record(
            EventKind.REFERRAL_OUTCOME,
            staff=session.name,
            request_id=request.id,
            data={
                "outcome_id": outcome_id,
                "outcome": value,
                "agency": agency_of(desk, request.service),
                "note": text,
                "recorded_by": "desk",
                "officer": "",
            },
        )
    found = outcome_by_id(desk, outcome_id)
    assert found is not None
    return found


def outcome_by_id(desk: Desk, outcome_id: str) -> Outcome | None:
    row = desk.conn.execute(_SELECT + " WHERE o.outcome_id = ?", [outcome_id]).fetchone()
    return _outcome(row) if row else None


def current_outcome(desk: Desk, request: RequestView) -> Outcome | None:
    """The latest outcome recorded for the request (None: none yet)."""
    row = desk.conn.execute(
        _SELECT + " WHERE o.request_id = ? ORDER BY o.seq DESC LIMIT 1", [request.id]
    ).fetchone()
    return _outcome(row) if row else None


def outcomes_for(desk: Desk, request: RequestView) -> list[Outcome]:
    rows = desk.conn.execute(
        _SELECT + " WHERE o.request_id = ? ORDER BY o.seq", [request.id]
    ).fetchall()
    return [_outcome(r) for r in rows]


def list_referrals(desk: Desk, *, pending_only: bool = False) -> list[dict[str, Any]]:
    """Every request that is or was referred, newest first, with its current outcome.

    ``pending_only``: those still ``referred`` whose outcome is none yet or ``pending``.
    """
    rows = desk.conn.execute(
        "SELECT r.id, r.receipt, r.service, r.name, r.status, r.updated_at,"
        " (SELECT o.outcome_id FROM referral_outcomes o WHERE o.request_id = r.id"
        "  ORDER BY o.seq DESC LIMIT 1) AS outcome_id"
        " FROM requests r WHERE r.status = 'referred' OR r.id IN"
        " (SELECT request_id FROM events WHERE kind = 'status_changed'"
        "  AND json_extract(data, '$.to') = 'referred')"
        " ORDER BY r.rowid DESC"
    ).fetchall()
    out: list[dict[str, Any]] = []
    for r in rows:
        current = outcome_by_id(desk, r["outcome_id"]) if r["outcome_id"] else None
        outcome = current.outcome if current else ""
        if pending_only and (
            r["status"] != Status.REFERRED.value or outcome not in ("", "pending")
        ):
            continue
        out.append(
            {
                "receipt": r["receipt"],
                "service": r["service"],
                "name": r["name"],
                "status": r["status"],
                "agency": agency_of(desk, r["service"]),
                "outcome": outcome,
                "outcome_detail": current.to_json() if current else None,
            }
        )
    return out


def install_hub_outcome(
    desk: Desk,
    *,
    request_id: str,
    outcome_id: str,
    outcome: str,
    agency: str,
    note: str,
    officer: str,
    staff: str,
) -> bool:
    """Record an outcome the district hub recorded (inside the caller's transaction);
    False when it is already known here or its request is not (or never was) referred."""
    if desk.conn.execute(
        "SELECT 1 FROM referral_outcomes WHERE outcome_id = ?", [outcome_id]
    ).fetchone():
        return False
    known = desk.conn.execute("SELECT 1 FROM requests WHERE id = ?", [request_id]).fetchone()
    if known is None or not was_referred(desk.conn, request_id):
        return False
    desk.record(
        EventKind.REFERRAL_OUTCOME,
        staff=staff,
        request_id=request_id,
        data={
            "outcome_id": outcome_id,
            "outcome": check_outcome(outcome),
            "agency": agency,
            "note": check_note(note),
            "recorded_by": "hub",
            "officer": officer,
        },
    )
    return True
