"""Registering requests at the desk and moving them along."""

import json

import pytest

from counterdesk.domain.catalogue import Service
from counterdesk.domain.errors import NotFound, PermissionDenied, TransitionError, ValidationError
from counterdesk.domain.roles import Role
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import get_request, history, list_requests
from counterdesk.services.staff import StaffSession, add_staff, authenticate

from .conftest import NIK_WOMAN, FixedClock


def valid_fields(service: Service) -> dict[str, str]:
    """Valid values for every field of a service."""
    values = {}
    for f in service.fields:
        if f.type == "date":
            values[f.key] = "2026-01-15"
        elif f.type == "number":
            values[f.key] = "2"
        elif f.type == "choice":
            values[f.key] = f.choices[0]
        else:
            values[f.key] = "Dusun Sebunga RT 002"
    return values


def letter_service(desk: Desk, *, foreigners: bool = False) -> tuple[str, dict[str, str]]:
    """A letter service of the shipped catalogue and valid values for its fields;
    ``foreigners``: one that foreigners may use too (not citizens only)."""
    service = next(
        s
        for s in desk.catalogue.services
        if s.product == "letter" and not (foreigners and s.eligibility.citizens_only)
    )
    return service.code, valid_fields(service)


def reg(desk: Desk, **kw: object) -> Registration:
    code, values = letter_service(desk)
    base: dict[str, object] = {
        "service": code,
        "name": "Siti Nurhaliza",
        "nik": NIK_WOMAN,
        "fields": values,
    }
    base.update(kw)
    return Registration(**base)  # type: ignore[arg-type]


def test_register_stores_request_event_and_search(desk: Desk, session: StaffSession) -> None:
    r = register(desk, session, reg(desk))
    assert r.status == "registered"
    assert r.receipt.startswith("LATIH-01-")
    assert r.ticket.endswith("-001")
    assert r.staff == "demo"
    assert get_request(desk, r.receipt) == r
    assert [x.receipt for x in list_requests(desk, text="Nurhal")] == [r.receipt]
    assert [x.receipt for x in list_requests(desk, text=NIK_WOMAN[4:12])] == [r.receipt]
    assert [x.receipt for x in list_requests(desk, text=r.receipt[-6:])] == [r.receipt]
    kinds = [e["kind"] for e in history(desk, r)]
    assert kinds == ["request_registered"]


def test_ticket_counter_is_per_prefix_and_day(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    a = register(desk, session, reg(desk))
    b = register(desk, session, reg(desk, name="Budi"))
    assert (a.ticket[-3:], b.ticket[-3:]) == ("001", "002")
    clock.advance(days=1)
    c = register(desk, session, reg(desk, name="Ani"))
    assert c.ticket[-3:] == "001"
    assert len({a.receipt, b.receipt, c.receipt}) == 3


def test_due_date_counts_working_days(desk: Desk, session: StaffSession, clock: FixedClock) -> None:
    service = next(s for s in desk.catalogue.services if s.days >= 3 and s.product == "letter")
    fields = valid_fields(service)
    clock.advance(days=4)  # Friday 2026-11-06
    r = register(desk, session, reg(desk, service=service.code, fields=fields))
    # Friday + N working days skips the weekend.
    import datetime

    due = datetime.date.fromisoformat(r.due_date)
    assert due.weekday() < 5
    assert (due - datetime.date(2026, 11, 6)).days >= service.days + 2


def test_foreigner_by_passport(desk: Desk, session: StaffSession) -> None:
    code, fields = letter_service(desk, foreigners=True)
    r = register(
        desk,
        session,
        reg(
            desk,
            service=code,
            fields=fields,
            nik=None,
            passport="A1234567",
            nationality="MY",
            name="Ahmad bin Ismail",
        ),
    )
    assert r.ident == "A1234567"


def test_bad_input_is_refused_and_nothing_is_stored(desk: Desk, session: StaffSession) -> None:
    before = desk.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(ValidationError, match="16 digits"):
        register(desk, session, reg(desk, nik="12345"))
    with pytest.raises(NotFound, match="unknown service"):
        register(desk, session, reg(desk, service="NOPE"))
    code, values = letter_service(desk)
    required = next(k for k in values if desk.catalogue.get(code).field(k).required)  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="required"):
        register(
            desk, session, reg(desk, fields={k: v for k, v in values.items() if k != required})
        )
    with pytest.raises(ValidationError, match="has no field"):
        register(desk, session, reg(desk, fields=values | {"shoe_size": "42"}))
    with pytest.raises(ValidationError, match="no requirement"):
        register(desk, session, reg(desk, requirements_given=["moon_rock"]))
    after = desk.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert after == before


def test_lifecycle_through_the_desk(desk: Desk, session: StaffSession) -> None:
    r = register(desk, session, reg(desk))
    with pytest.raises(TransitionError, match="cannot become collected"):
        advance(desk, session, r.receipt, "collected")
    advance(desk, session, r.receipt, "in_progress")
    advance(desk, session, r.receipt, "ready", note="ditandatangani camat")
    done = advance(desk, session, r.receipt, "collected")
    assert done.status == "collected"
    moves = [(e.get("from"), e.get("to"), e["staff"]) for e in history(desk, done)][1:]
    assert moves == [
        ("registered", "in_progress", "demo"),
        ("in_progress", "ready", "demo"),
        ("ready", "collected", "demo"),
    ]


def test_cancel_is_for_supervisors(desk: Desk, session: StaffSession) -> None:
    add_staff(desk, session, name="rina", full_name="Rina", role=Role.COUNTER, password="rahasia-1")
    rina = authenticate(desk, "rina", "rahasia-1")
    r = register(desk, rina, reg(desk))
    with pytest.raises(PermissionDenied, match="supervisor"):
        advance(desk, rina, r.receipt, "cancelled", note="double entry")
    done = advance(desk, session, r.receipt, "cancelled", note="double entry")
    assert (done.status, done.note) == ("cancelled", "double entry")
    event = desk.conn.execute("SELECT staff, data FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    assert event["staff"] == "demo" and json.loads(event["data"])["note"] == "double entry"


def test_due_date_skips_district_holidays(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    service = next(s for s in desk.catalogue.services if s.days == 1 and s.product == "letter")
    # Monday 2026-11-02 + 1 working day is Tuesday; with Tuesday a holiday it is Wednesday.
    before = register(desk, session, reg(desk, service=service.code, fields=valid_fields(service)))
    assert before.due_date == "2026-11-03"
    desk.conn.execute("INSERT INTO holidays (day, name) VALUES ('2026-11-03', 'Libur daerah')")
    after = register(desk, session, reg(desk, service=service.code, fields=valid_fields(service)))
    assert after.due_date == "2026-11-04"
