"""Calling tickets: the queue of the day, in order, to a counter."""

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.queue import call_again, call_next, called_tickets, waiting_count
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession

from .conftest import FixedClock
from .test_register import reg


def test_tickets_are_called_in_order(desk: Desk, session: StaffSession, clock: FixedClock) -> None:
    a = register(desk, session, reg(desk, name="Ani"))
    b = register(desk, session, reg(desk, name="Budi"))
    assert waiting_count(desk) == 2
    clock.advance(minutes=5)
    first = call_next(desk, session, counter="Loket 1")
    assert first is not None and first.receipt == a.receipt
    second = call_next(desk, session, counter="Loket 2")
    assert second is not None and second.receipt == b.receipt
    assert call_next(desk, session) is None
    shown = called_tickets(desk)
    assert [(t.ticket, t.counter) for t in shown] == [(b.ticket, "Loket 2"), (a.ticket, "Loket 1")]
    row = desk.conn.execute(
        "SELECT called_at, called_by FROM requests WHERE receipt = ?", [a.receipt]
    ).fetchone()
    assert row["called_at"].endswith("08:05:00+07:00") and row["called_by"] == "demo"


def test_yesterdays_tickets_are_not_called(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    register(desk, session, reg(desk))
    clock.advance(days=1)
    assert call_next(desk, session) is None


def test_call_again_and_final_requests(desk: Desk, session: StaffSession) -> None:
    a = register(desk, session, reg(desk))
    call_next(desk, session)
    again = call_again(desk, session, a.receipt, counter="Loket 3")
    assert called_tickets(desk)[0].counter == "Loket 3" and again.receipt == a.receipt
    advance(desk, session, a.receipt, "rejected", note="berkas palsu")
    with pytest.raises(ValidationError, match="cannot be called"):
        call_again(desk, session, a.receipt)
