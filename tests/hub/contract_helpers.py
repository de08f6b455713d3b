"""Events outside the contract, written into a real desk's log as a broken or hostile desk
would (its own key signs them): valid samples of every event type, and ways to break them."""

from __future__ import annotations

import base64
import datetime
from typing import Any

from counterdesk.domain.events import Event, EventKind
from counterdesk.domain.ids import new_id
from counterdesk.services.desk import Desk
from counterdesk.store.eventlog import insert_event_row


def forge(
    desk: Desk,
    kind: str,
    data: Any,
    *,
    request_id: str | None = None,
    staff: str = "siti",
    recorded_at: str | None = None,
    event_id: str | None = None,
) -> int:
    """Append an event to the desk's log without the contract check (hash chain kept)."""
    with desk.transaction():
        last = desk.conn.execute(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        event = Event(
            seq=last["seq"] + 1,
            desk=desk.info.code,
            epoch=desk.info.epoch,
            event_id=event_id if event_id is not None else new_id(),
            kind=kind,
            recorded_at=recorded_at if recorded_at is not None else desk.now_text(),
            staff=staff,
            request_id=request_id,
            data=data,
            prev_hash=last["hash"],
        )
        insert_event_row(desk.conn, event)
    return event.seq


def first_request(desk: Desk) -> tuple[str, str]:
    row = desk.conn.execute("SELECT id, receipt FROM requests ORDER BY rowid LIMIT 1").fetchone()
    return str(row["id"]), str(row["receipt"])


def valid_samples(request_id: str, receipt: str) -> dict[str, tuple[str | None, dict[str, Any]]]:
    """For every event kind: (request_id, data) that keep the contract."""
    today = datetime.date.today().isoformat()
    other = new_id()
    return {
        EventKind.DESK_CREATED: (
            None,
            {
                "code": "JGB-01",
                "name": "Meja 1",
                "post": "Kantor Camat Jagoi Babang",
                "district": "Kabupaten Bengkayang",
                "training": False,
                "settings": {"letter_place": "Jagoi Babang", "roll_mm": 80},
            },
        ),
        EventKind.EPOCH_STARTED: (
            None,
            {"previous": new_id(), "reason": "restored", "previous_last_seq_seen": 3},
        ),
        EventKind.CATALOGUE_INSTALLED: (
            None,
            {"version": 2, "sha256": "b" * 64, "services": 16},
        ),
        EventKind.STAFF_CREATED: (
            None,
            {"name": "budi", "full_name": "Budi Santoso", "role": "counter"},
        ),
        EventKind.STAFF_CHANGED: (
            None,
            {
                "name": "budi",
                "changes": ["role"],
                "role": "supervisor",
                "active": True,
                "by": "district",
            },
        ),
        EventKind.REQUEST_REGISTERED: (
            other,
            {
                "receipt": receipt,
                "ticket": "A-099",
                "ticket_day": today,
                "service": "SKTM",
                "citizen": {
                    "key": "nik:6107071708800001",
                    "name": "Siti Nurhaliza",
                    "nik": "6107071708800001",
                    "passport": None,
                    "nationality": None,
                    "birth_date": "1980-08-17",
                    "sex": "M",
                },
                "fields": {"purpose": "Beasiswa"},
                "requirements": ["ktp"],
                "days": 3,
                "fee": 0,
                "due_date": today,
            },
        ),
        EventKind.STATUS_CHANGED: (
            request_id,
            {"receipt": receipt, "from": "registered", "to": "in_progress", "note": ""},
        ),
        EventKind.LETTER_ISSUED: (
            request_id,
            {
                "number": "470/0001/JGB-01/XI/2026",
                "kind": "letter",
                "year": 2026,
                "signer": "Camat Jagoi Babang",
                "payload": "CD1|L|JGB-01|470/0001/JGB-01/XI/2026|SKTM|2026-11-02|SN|abc",
                "receipt": receipt,
            },
        ),
        EventKind.LETTER_REVOKED: (
            request_id,
            {"number": "470/0001/JGB-01/XI/2026", "reason": "salah nama", "by": "district"},
        ),
        EventKind.TICKET_CALLED: (
            request_id,
            {"receipt": receipt, "ticket": "A-001", "counter": "Loket 1"},
        ),
        EventKind.SURVEY_RECORDED: (
            None,
            {"service": "SKTM", "day": today, "scores": [4, 3, 4, 4, 3, 4, 4, 3, 4], "comment": ""},
        ),
        EventKind.REFERRAL_OUTCOME: (
            request_id,
            {
                "outcome_id": new_id(),
                "outcome": "issued",
                "agency": "Kantor Imigrasi",
                "note": "",
                "recorded_by": "desk",
                "officer": "",
            },
        ),
        EventKind.COMPLAINT_RECORDED: (
            request_id,
            {
                "complaint_id": new_id(),
                "service": "SKTM",
                "receipt": receipt,
                "channel": "counter",
                "text": "Antrean terlalu lama",
            },
        ),
        EventKind.COMPLAINT_ANSWERED: (
            request_id,
            {
                "complaint_id": new_id(),
                "answer": "Mohon maaf",
                "answered_by": "desk",
                "officer": "",
            },
        ),
        EventKind.DB_KEY_ESCROWED: (
            None,
            {"key_id": "0" * 32, "sealed": base64.b64encode(bytes(80)).decode("ascii")},
        ),
    }
