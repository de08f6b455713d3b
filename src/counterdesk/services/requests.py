"""Reading requests: one with its history, lists and searches, and the JSON shapes."""

from __future__ import annotations

import datetime
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from counterdesk.domain.errors import NotFound, ValidationError
from counterdesk.domain.lifecycle import Status
from counterdesk.domain.numbering import normalise_receipt
from counterdesk.services.desk import Desk
from counterdesk.store.eventlog import events_for_request
from counterdesk.store.search import RequestFilter, find_rowids


@dataclass(frozen=True)
class RequestView:
    id: str
    receipt: str
    ticket: str
    ticket_day: str
    service: str
    service_name: str
    name: str
    ident: str
    status: str
    fields: dict[str, str]
    requirements: list[str]
    registered_at: str
    due_date: str
    updated_at: str
    staff: str
    note: str

    def overdue(self, today: datetime.date) -> bool:
        return (
            Status(self.status) not in _DONE and datetime.date.fromisoformat(self.due_date) < today
        )

    def to_json(self, *, today: datetime.date | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "receipt": self.receipt,
            "ticket": self.ticket,
            "service": self.service,
            "service_name": self.service_name,
            "name": self.name,
            "status": self.status,
            "id": self.id,
            "ident": self.ident,
            "fields": self.fields,
            "requirements_given": self.requirements,
            "registered_at": self.registered_at,
            "due_date": self.due_date,
            "updated_at": self.updated_at,
            "staff": self.staff,
            "note": self.note,
        }
        if today is not None:
            out["overdue"] = self.overdue(today)
        return out


_DONE = frozenset({Status.COLLECTED, Status.REJECTED, Status.CANCELLED, Status.REFERRED})

_SELECT = "SELECT r.*, s.name AS service_name FROM requests r JOIN services s ON s.code = r.service"


def _view(row: sqlite3.Row) -> RequestView:
    return RequestView(
        id=row["id"],
        receipt=row["receipt"],
        ticket=row["ticket"],
        ticket_day=row["ticket_day"],
        service=row["service"],
        service_name=row["service_name"],
        name=row["name"],
        ident=row["ident"],
        status=row["status"],
        fields=json.loads(row["fields"]),
        requirements=json.loads(row["requirements"]),
        registered_at=row["registered_at"],
        due_date=row["due_date"],
        updated_at=row["updated_at"],
        staff=row["staff"],
        note=row["note"],
    )


def get_request(desk: Desk, receipt: str) -> RequestView:
    number = normalise_receipt(receipt)
    row = desk.conn.execute(_SELECT + " WHERE r.receipt = ?", [number]).fetchone()
    if row is None:
        raise NotFound(f"no request with receipt {number} at this desk", code="request_unknown")
    return _view(row)


def views_for_rowids(desk: Desk, rowids: list[int]) -> list[RequestView]:
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = desk.conn.execute(_SELECT + f" WHERE r.rowid IN ({marks})", rowids).fetchall()
    order = {rid: i for i, rid in enumerate(rowids)}
    rows.sort(key=lambda r: order[r["rowid"]])
    return [_view(r) for r in rows]


def make_filter(
    desk: Desk,
    *,
    text: str = "",
    status: str | None = None,
    service: str | None = None,
    ticket_day: str | None = None,
) -> RequestFilter:
    """A search filter with the status and service checked."""
    if status:
        try:
            status = Status(status).value
        except ValueError:
            names = ", ".join(s.value for s in Status)
            raise ValidationError(
                f"unknown status {status!r}; use one of: {names}", code="status_unknown"
            ) from None
    if service:
        service = desk.catalogue.get(service).code
    return RequestFilter(
        text=text, status=status or None, service=service or None, ticket_day=ticket_day
    )


def list_requests(
    desk: Desk,
    *,
    text: str = "",
    status: str | None = None,
    service: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[RequestView]:
    flt = make_filter(desk, text=text, status=status, service=service)
    exact = None
    if text.strip() and " " not in text.strip():
        try:
            exact = normalise_receipt(text)
        except ValidationError:
            exact = None
    rowids = find_rowids(desk.conn, flt, limit=limit, offset=offset, exact_receipt=exact)
    return views_for_rowids(desk, rowids)


# Optional keys of request_registered shown in the history: a supervisor's
# overrides, the residence the clerk confirmed, the age-rule conditions confirmed.
_REGISTERED_EXTRAS = ("overrides", "residence", "conditions")


def history(desk: Desk, request: RequestView) -> list[dict[str, Any]]:
    return [
        {
            "seq": e.seq,
            "kind": e.kind,
            "at": e.recorded_at,
            "staff": e.staff,
            **({"from": e.data["from"], "to": e.data["to"]} if "to" in e.data else {}),
            **({"note": e.data["note"]} if e.data.get("note") else {}),
            **{k: e.data[k] for k in _REGISTERED_EXTRAS if e.data.get(k)},
        }
        for e in events_for_request(desk.conn, request.id)
    ]
