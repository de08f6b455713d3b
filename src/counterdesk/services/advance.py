"""Moving a request along its lifecycle."""

from __future__ import annotations

from counterdesk.domain.events import EventKind
from counterdesk.domain.lifecycle import Status, check_transition, parse_status
from counterdesk.services.desk import Desk
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession


def advance(
    desk: Desk, session: StaffSession, receipt: str, status: str | Status, *, note: str = ""
) -> RequestView:
    target = status if isinstance(status, Status) else parse_status(status)
    note = " ".join(note.split())
    with desk.transaction():
        # Read inside the write lock so two desks' programs cannot both move it.
        request = get_request(desk, receipt)
        current = Status(request.status)
        check_transition(current, target, role=session.role, note=note)
        desk.record(
            EventKind.STATUS_CHANGED,
            staff=session.name,
            request_id=request.id,
            data={
                "receipt": request.receipt,
                "from": current.value,
                "to": target.value,
                "note": note,
            },
        )
    return get_request(desk, request.receipt)
