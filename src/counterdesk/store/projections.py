"""Projections: the tables the desk reads, updated from each event in its transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from counterdesk.domain.events import Event, EventKind
from counterdesk.domain.ids import new_id
from counterdesk.domain.numbering import epoch_tag


def _desk_created(conn: sqlite3.Connection, e: Event) -> None:
    d = e.data
    conn.execute(
        "INSERT INTO desk (id, code, name, post, district, epoch, training, created_at, settings)"
        " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            d["code"],
            d["name"],
            d["post"],
            d["district"],
            e.epoch,
            int(d["training"]),
            e.recorded_at,
            json.dumps(d.get("settings", {})),
        ],
    )
    _epoch(conn, e.epoch, e.seq, "created", e.recorded_at)


def _epoch(conn: sqlite3.Connection, epoch: str, first_seq: int, reason: str, at: str) -> None:
    conn.execute(
        "INSERT INTO epochs (epoch, tag, first_seq, reason, started_at) VALUES (?, ?, ?, ?, ?)",
        [epoch, epoch_tag(epoch), first_seq, reason, at],
    )


def _epoch_started(conn: sqlite3.Connection, e: Event) -> None:
    conn.execute("UPDATE desk SET epoch = ? WHERE id = 1", [e.epoch])
    _epoch(conn, e.epoch, e.seq, e.data["reason"], e.recorded_at)


def _request_registered(conn: sqlite3.Connection, e: Event) -> None:
    d = e.data
    c = d["citizen"]
    row = conn.execute("SELECT id FROM citizens WHERE key = ?", [c["key"]]).fetchone()
    if row:
        citizen_id = row["id"]
        conn.execute("UPDATE citizens SET name = ? WHERE id = ?", [c["name"], citizen_id])
    else:
        citizen_id = c.get("id") or new_id()
        conn.execute(
            "INSERT INTO citizens (id, key, nik, passport, nationality, name, birth_date, sex)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                citizen_id,
                c["key"],
                c.get("nik"),
                c.get("passport"),
                c.get("nationality"),
                c["name"],
                c.get("birth_date"),
                c.get("sex"),
            ],
        )
    ident = c.get("nik") or c.get("passport") or ""
    cur = conn.execute(
        "INSERT INTO requests (id, receipt, ticket, ticket_day, service, citizen_id, name, ident,"
        " status, fields, requirements, registered_at, due_date, updated_at, staff,"
        " registered_seq, last_seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            e.request_id,
            d["receipt"],
            d["ticket"],
            d["ticket_day"],
            d["service"],
            citizen_id,
            c["name"],
            ident,
            json.dumps(d["fields"], ensure_ascii=False, sort_keys=True),
            json.dumps(d["requirements"]),
            e.recorded_at,
            d["due_date"],
            e.recorded_at,
            e.staff,
            e.seq,
            e.seq,
        ],
    )
    conn.execute(
        "INSERT INTO request_search (rowid, receipt, name, ident) VALUES (?, ?, ?, ?)",
        [cur.lastrowid, d["receipt"], c["name"], ident],
    )


def _status_changed(conn: sqlite3.Connection, e: Event) -> None:
    conn.execute(
        "UPDATE requests SET status = ?, note = ?, updated_at = ?, last_seq = ? WHERE id = ?",
        [e.data["to"], e.data.get("note", ""), e.recorded_at, e.seq, e.request_id],
    )


def _letter_issued(conn: sqlite3.Connection, e: Event) -> None:
    d = e.data
    conn.execute(
        "INSERT INTO letters (number, request_id, kind, year, issued_at, signer, payload)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [d["number"], e.request_id, d["kind"], d["year"], e.recorded_at, d["signer"], d["payload"]],
    )


def _letter_revoked(conn: sqlite3.Connection, e: Event) -> None:
    conn.execute(
        "UPDATE letters SET revoked = 1, revoked_reason = ? WHERE number = ?",
        [e.data.get("reason", ""), e.data["number"]],
    )


def _ticket_called(conn: sqlite3.Connection, e: Event) -> None:
    conn.execute(
        "UPDATE requests SET called_at = ?, called_by = ?, counter = ?, last_seq = ? WHERE id = ?",
        [e.recorded_at, e.staff, e.data["counter"], e.seq, e.request_id],
    )


def _survey_recorded(conn: sqlite3.Connection, e: Event) -> None:
    """An anonymous survey answer: no request, receipt or name is kept with it."""
    d = e.data
    conn.execute(
        "INSERT INTO surveys (seq, service, day, u1, u2, u3, u4, u5, u6, u7, u8, u9, comment)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        # "day": when the answer was given (it may enter the log later, in a batch)
        [
            e.seq,
            d["service"],
            d.get("day") or e.recorded_at[:10],
            *d["scores"],
            d.get("comment", ""),
        ],
    )


def _referral_outcome(conn: sqlite3.Connection, e: Event) -> None:
    """One outcome of a referral; the same outcome_id twice (hub, then echo) is kept once."""
    d = e.data
    conn.execute(
        "INSERT OR IGNORE INTO referral_outcomes (outcome_id, seq, request_id, outcome, agency,"
        " note, recorded_by, officer, staff, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            d["outcome_id"],
            e.seq,
            e.request_id,
            d["outcome"],
            d.get("agency", ""),
            d.get("note", ""),
            d.get("recorded_by", "desk"),
            d.get("officer", ""),
            e.staff,
            e.recorded_at,
        ],
    )
    conn.execute("UPDATE requests SET last_seq = ? WHERE id = ?", [e.seq, e.request_id])


def _complaint_recorded(conn: sqlite3.Connection, e: Event) -> None:
    d = e.data
    conn.execute(
        "INSERT OR IGNORE INTO complaints (complaint_id, seq, request_id, service, receipt,"
        " channel, text, staff, recorded_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            d["complaint_id"],
            e.seq,
            e.request_id,
            d["service"],
            d.get("receipt", ""),
            d["channel"],
            d["text"],
            e.staff,
            e.recorded_at,
            e.recorded_at[:10],
        ],
    )


def _complaint_answered(conn: sqlite3.Connection, e: Event) -> None:
    """The latest answer is the complaint's answer."""
    d = e.data
    conn.execute(
        "UPDATE complaints SET status = 'answered', answer = ?, answered_by = ?, officer = ?,"
        " answered_at = ?, answered_seq = ? WHERE complaint_id = ?",
        [
            d["answer"],
            d.get("answered_by", "desk"),
            d.get("officer", ""),
            e.recorded_at,
            e.seq,
            d["complaint_id"],
        ],
    )


def _key_escrowed(conn: sqlite3.Connection, e: Event) -> None:
    """Which database keys the log has carried to the hub (looked up by key id)."""
    conn.execute(
        "INSERT OR IGNORE INTO counters (name, value) VALUES (?, ?)",
        [ESCROW_COUNTER + str(e.data["key_id"]), e.seq],
    )


ESCROW_COUNTER = "key_escrowed:"


def _nothing(conn: sqlite3.Connection, e: Event) -> None:
    """Events whose tables are written by the service itself (staff, catalogue)."""


HANDLERS: dict[str, Callable[[sqlite3.Connection, Event], None]] = {
    EventKind.DESK_CREATED: _desk_created,
    EventKind.EPOCH_STARTED: _epoch_started,
    EventKind.REQUEST_REGISTERED: _request_registered,
    EventKind.STATUS_CHANGED: _status_changed,
    EventKind.LETTER_ISSUED: _letter_issued,
    EventKind.LETTER_REVOKED: _letter_revoked,
    EventKind.TICKET_CALLED: _ticket_called,
    EventKind.SURVEY_RECORDED: _survey_recorded,
    EventKind.REFERRAL_OUTCOME: _referral_outcome,
    EventKind.COMPLAINT_RECORDED: _complaint_recorded,
    EventKind.COMPLAINT_ANSWERED: _complaint_answered,
    EventKind.CATALOGUE_INSTALLED: _nothing,
    EventKind.STAFF_CREATED: _nothing,
    EventKind.STAFF_CHANGED: _nothing,
    EventKind.DB_KEY_ESCROWED: _key_escrowed,
}


def project(conn: sqlite3.Connection, event: Event) -> None:
    HANDLERS[event.kind](conn, event)
