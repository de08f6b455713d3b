"""Referral outcomes and complaints at the district hub.

Desks' ``referral_outcome``, ``complaint_recorded`` and ``complaint_answered`` events are
projected here as they are stored (:func:`project_events`, called by ingest; idempotent,
any order). An officer can record a referral's outcome or answer a complaint at the hub:
it is kept with ``recorded_by``/``answered_by`` ``hub`` and published in the ``hub_notes``
reference data for the desk, which records it as its own event with the same id. That
echo comes back with the desk's events and only marks the note as delivered (``desk_seq``),
so every outcome and answer is counted once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from typing import Any, Final

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.errors import CounterdeskError, NotFound, ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.ids import complaint_prefix, new_id, one_complaint
from counterdesk.domain.numbering import check_desk_code, normalise_receipt
from counterdesk.hub.hub import Hub
from counterdesk.hub.ledger import valid
from counterdesk.hub.refdata import publish_hub_notes
from counterdesk.sync import payloads
from counterdesk.sync import refdata as schema
from counterdesk.sync.payloads import WireEvent

_CITIZEN_KINDS: Final = frozenset(
    {EventKind.REFERRAL_OUTCOME, EventKind.COMPLAINT_RECORDED, EventKind.COMPLAINT_ANSWERED}
)


# --------------------------------------------------------------------------- projection


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else str(value)


def project_events(
    conn: sqlite3.Connection,
    desk: str,
    events: Sequence[WireEvent],
    invalid: Collection[int] = (),
) -> None:
    """Project a desk's citizen events (inside the ingest transaction; re-runs are no-ops).

    ``invalid``: seqs of events that break the contract (never projected)."""
    for wire in events:
        e = wire.event
        if e.kind not in _CITIZEN_KINDS or not isinstance(e.data, dict) or e.seq in invalid:
            continue
        d = e.data
        if e.kind == EventKind.REFERRAL_OUTCOME:
            if not e.request_id or not _text(d, "outcome_id"):
                continue
            conn.execute(
                "INSERT INTO referral_outcomes (outcome_id, desk, request_id, outcome, agency,"
                " note, recorded_by, officer, recorded_at, desk_seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(outcome_id) DO UPDATE SET"
                " desk_seq = coalesce(desk_seq, excluded.desk_seq)",
                [
                    _text(d, "outcome_id"),
                    desk,
                    e.request_id,
                    _text(d, "outcome"),
                    _text(d, "agency"),
                    _text(d, "note"),
                    _text(d, "recorded_by") or "desk",
                    _text(d, "officer"),
                    e.recorded_at,
                    e.seq,
                ],
            )
        elif e.kind == EventKind.COMPLAINT_RECORDED:
            if not _text(d, "complaint_id"):
                continue
            conn.execute(
                "INSERT OR IGNORE INTO complaints (complaint_id, desk, request_id, service,"
                " receipt, channel, text, staff, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    _text(d, "complaint_id"),
                    desk,
                    e.request_id,
                    _text(d, "service"),
                    _text(d, "receipt"),
                    _text(d, "channel"),
                    _text(d, "text"),
                    e.staff,
                    e.recorded_at,
                ],
            )
        elif _text(d, "complaint_id"):
            conn.execute(
                "INSERT INTO complaint_answers (complaint_id, desk, answer, answered_by,"
                " officer, answered_at, desk_seq) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(complaint_id) DO UPDATE SET"
                " desk_seq = coalesce(desk_seq, excluded.desk_seq)"
                " WHERE answer = excluded.answer",
                [
                    _text(d, "complaint_id"),
                    desk,
                    _text(d, "answer"),
                    _text(d, "answered_by") or "desk",
                    _text(d, "officer"),
                    e.recorded_at,
                    e.seq,
                ],
            )


# --------------------------------------------------------------------------- checks


def _officer(name: str) -> str:
    return schema.check_text(" ".join(name.split()), "officer name", empty=False, limit=100)


def _note(note: str) -> str:
    text = " ".join(note.split())
    if len(text) > schema.MAX_NOTE:
        raise ValidationError(
            f"the note is too long ({len(text)} characters; at most {schema.MAX_NOTE})",
            code="note_long",
        )
    return text


def _agency(hub: Hub, service: str) -> str:
    item = hub.refdata(payloads.CATALOGUE)
    if item is None:
        return ""
    try:
        s = parse_catalogue(item.data).get(service)
    except CounterdeskError:
        return ""
    return (s.referral.agency if s.referral else s.agency).id


def was_referred(conn: sqlite3.Connection, desk: str, request_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM events WHERE desk = ? AND request_id = ? AND kind = ?"  # noqa: S608
            f" AND json_extract(data, '$.to') = 'referred' AND {valid()} LIMIT 1",
            [desk, request_id, EventKind.STATUS_CHANGED.value],
        ).fetchone()
        is not None
    )


# --------------------------------------------------------------------------- actions


def record_referral_outcome(
    hub: Hub, desk: str, receipt: str, outcome: str, note: str, officer: str
) -> dict[str, Any]:
    """Record what the other agency did with a referred request that reached the hub."""
    code = check_desk_code(desk)
    number = normalise_receipt(receipt)
    value = schema.check_referral_outcome(outcome)
    text = _note(note)
    who = _officer(officer)
    with hub.transaction():
        row = hub.conn.execute(
            "SELECT request_id, service, status FROM requests WHERE desk = ? AND receipt = ?",
            [code, number],
        ).fetchone()
        if row is None:
            raise NotFound(
                f"no request {number} of desk {code} has reached the hub (has the desk synced "
                "since it was registered?)",
                code="request_unknown",
            )
        if not was_referred(hub.conn, code, row["request_id"]):
            raise ValidationError(
                f"request {number} was never referred to another agency (it is "
                f"{row['status']}); only a referral's outcome can be recorded",
                code="referral_not_referred",
            )
        outcome_id = new_id()
        hub.conn.execute(
            "INSERT INTO referral_outcomes (outcome_id, desk, request_id, outcome, agency, note,"
            " recorded_by, officer, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 'hub', ?, ?)",
            [
                outcome_id,
                code,
                row["request_id"],
                value,
                _agency(hub, row["service"]),
                text,
                who,
                hub.now_text(),
            ],
        )
        item = publish_hub_notes(hub)
    return {
        "outcome_id": outcome_id,
        "desk": code,
        "receipt": number,
        "outcome": value,
        "note": text,
        "officer": who,
        "hub_notes_version": item.version,
    }


def _find_complaint(conn: sqlite3.Connection, ident: str) -> sqlite3.Row:
    key = complaint_prefix(ident)
    rows = conn.execute(
        "SELECT * FROM complaints WHERE complaint_id LIKE ? LIMIT 2", [key + "%"]
    ).fetchall()
    row: sqlite3.Row = one_complaint(rows, key, where="has reached the hub")
    return row


def answer_complaint(hub: Hub, complaint_id: str, answer: str, officer: str) -> dict[str, Any]:
    """Answer a desk's complaint at the hub (once; the desk records it when it syncs)."""
    text = " ".join(answer.split())
    schema.check_text(text, "answer", empty=False, limit=schema.MAX_ANSWER)
    who = _officer(officer)
    with hub.transaction():
        found = _find_complaint(hub.conn, complaint_id)
        done = hub.conn.execute(
            "SELECT answered_by, answered_at FROM complaint_answers WHERE complaint_id = ?",
            [found["complaint_id"]],
        ).fetchone()
        if done is not None:
            raise ValidationError(
                f"complaint {found['complaint_id'][:8]} was already answered "
                f"({done['answered_by']}, {done['answered_at']})",
                code="complaint_answered",
            )
        hub.conn.execute(
            "INSERT INTO complaint_answers (complaint_id, desk, answer, answered_by, officer,"
            " answered_at) VALUES (?, ?, ?, 'hub', ?, ?)",
            [found["complaint_id"], found["desk"], text, who, hub.now_text()],
        )
        item = publish_hub_notes(hub)
    return {
        "complaint_id": found["complaint_id"],
        "desk": found["desk"],
        "answer": text,
        "officer": who,
        "hub_notes_version": item.version,
    }


# --------------------------------------------------------------------------- lists


def list_referrals(hub: Hub, *, pending_only: bool = False) -> list[dict[str, Any]]:
    """Requests referred at any desk (as far as their events reached the hub), newest first,
    with their current outcome (``pending_only``: still referred, no final outcome)."""
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT r.desk, r.request_id, r.receipt, r.service, r.name, r.status, r.updated_at"  # noqa: S608 (constants)
            " FROM requests r WHERE EXISTS (SELECT 1 FROM events e WHERE e.desk = r.desk"
            " AND e.request_id = r.request_id AND e.kind = 'status_changed'"
            f" AND json_extract(e.data, '$.to') = 'referred' AND {valid('e')})"
            " ORDER BY r.updated_at DESC, r.receipt"
        ).fetchall()
        out: list[dict[str, Any]] = []
        for r in rows:
            latest = hub.conn.execute(
                "SELECT outcome, note, recorded_by, officer, recorded_at, desk_seq"
                " FROM referral_outcomes WHERE desk = ? AND request_id = ?"
                " ORDER BY desk_seq IS NULL DESC, desk_seq DESC, rowid DESC LIMIT 1",
                [r["desk"], r["request_id"]],
            ).fetchone()
            outcome = latest["outcome"] if latest else ""
            if pending_only and (r["status"] != "referred" or outcome not in ("", "pending")):
                continue
            out.append(
                {
                    "desk": r["desk"],
                    "receipt": r["receipt"],
                    "service": r["service"],
                    "name": r["name"],
                    "status": r["status"],
                    "outcome": outcome,
                    "note": latest["note"] if latest else "",
                    "recorded_by": latest["recorded_by"] if latest else "",
                    "officer": latest["officer"] if latest else "",
                    "recorded_at": latest["recorded_at"] if latest else "",
                    "delivered": bool(latest and latest["desk_seq"] is not None),
                }
            )
    return out


def list_complaints(hub: Hub, *, open_only: bool = False) -> list[dict[str, Any]]:
    """Complaints received from the desks, newest first, with their answer if any."""
    sql = (
        "SELECT c.*, a.answer, a.answered_by, a.officer, a.answered_at, a.desk_seq"
        " FROM complaints c LEFT JOIN complaint_answers a ON a.complaint_id = c.complaint_id"
    )
    if open_only:
        sql += " WHERE a.complaint_id IS NULL"
    with hub.lock:
        rows = hub.conn.execute(sql + " ORDER BY c.recorded_at DESC, c.rowid DESC").fetchall()
    return [
        {
            "complaint_id": r["complaint_id"],
            "number": r["complaint_id"][:8],
            "desk": r["desk"],
            "receipt": r["receipt"],
            "service": r["service"],
            "channel": r["channel"],
            "text": r["text"],
            "recorded_at": r["recorded_at"],
            "status": "answered" if r["answer"] is not None else "open",
            "answer": r["answer"] or "",
            "answered_by": r["answered_by"] or "",
            "officer": r["officer"] or "",
            "answered_at": r["answered_at"] or "",
        }
        for r in rows
    ]


def counts(hub: Hub) -> dict[str, Any]:
    """Distinct outcomes by outcome, and complaints recorded/answered (each id once)."""
    with hub.lock:
        outcomes = {
            str(r[0]): int(r[1])
            for r in hub.conn.execute(
                "SELECT outcome, count(DISTINCT outcome_id) FROM referral_outcomes GROUP BY outcome"
            )
        }
        recorded = hub.conn.execute("SELECT count(DISTINCT complaint_id) FROM complaints")
        n_recorded = int(recorded.fetchone()[0])
        answered = hub.conn.execute(
            "SELECT count(DISTINCT a.complaint_id) FROM complaint_answers a"
            " JOIN complaints c ON c.complaint_id = a.complaint_id"
        )
        n_answered = int(answered.fetchone()[0])
    return {
        "referral_outcomes": outcomes,
        "complaints": {"recorded": n_recorded, "answered": n_answered},
    }


__all__ = [
    "answer_complaint",
    "counts",
    "list_complaints",
    "list_referrals",
    "project_events",
    "record_referral_outcome",
]
