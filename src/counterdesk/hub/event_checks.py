"""Every desk event against the event contract, at the hub (see :mod:`counterdesk.domain.contract`).

What the hub does with an event outside the contract (``events`` bundles, over HTTP or from a
stick, decided here and in :mod:`counterdesk.hub.ledger`):

* the bundle is still accepted: its signature, chain and sequence are whole, so every event,
  the bad one too, is stored as the desk sent it; the sequence accounting, the gaps and the
  desk's acknowledgement stay right, and the desk does not send the bundle forever;
* the bad event is marked in ``event_problems`` with the reason and never projected or
  counted: requests, referral outcomes, complaints, figures, reports and citizen pages read
  only events that keep the contract (:func:`counterdesk.hub.ledger.valid`);
* the district officer is told: a (merged) alert per desk and the list of refused events
  with their reasons on the dashboard (:func:`invalid_events`); the import line says how many.

The desk is acknowledged for the bad event because the hub *keeps* it (as evidence, with
the reason): no desk is told "ok" for an event the hub did not keep. A service code is
known when any catalogue the hub published listed it (``known_services``; a service taken
out of the catalogue later still counts for the requests made before).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, Final

from counterdesk.domain.contract import problem
from counterdesk.domain.events import Event
from counterdesk.sync.payloads import WireEvent

MAX_LISTED: Final = 200  # invalid events shown on the dashboard (newest first)


def known_services(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(str(r[0]) for r in conn.execute("SELECT code FROM known_services"))


def note_services(conn: sqlite3.Connection, catalogue: Mapping[str, Any], now: str) -> None:
    """Remember the service codes of a catalogue the hub publishes (inside a transaction)."""
    services = catalogue.get("services")
    codes = [s.get("code") for s in services if isinstance(s, dict)] if services else []
    conn.executemany(
        "INSERT OR IGNORE INTO known_services (code, first_seen) VALUES (?, ?)",
        [(code, now) for code in codes if isinstance(code, str)],
    )


def check_events(conn: sqlite3.Connection, events: Sequence[WireEvent]) -> dict[int, str]:
    """seq -> why the event breaks the contract, for the events of a bundle that do."""
    services = known_services(conn)
    out: dict[int, str] = {}
    for wire in events:
        reason = problem(wire.event, services)
        if reason is not None:
            out[wire.event.seq] = reason
    return out


def summary(desk: str, events: Sequence[WireEvent], problems: Mapping[int, str]) -> str:
    """One line for an alert or an import line: which events, and the first reason."""
    kinds = {w.event.seq: w.event.kind for w in events}
    first = min(problems)
    more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
    return (
        f"desk {desk}: event {first} ({kinds.get(first, '?')[:40]}){more} outside the event "
        f"contract, kept aside (not counted): {problems[first]}"
    )


def invalid_events(conn: sqlite3.Connection, desk: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT desk, epoch, seq, kind, reason, found_at FROM event_problems"
    params: list[Any] = []
    if desk is not None:
        sql += " WHERE desk = ?"
        params.append(desk)
    rows = conn.execute(
        sql + " ORDER BY found_at DESC, desk, seq DESC LIMIT ?", [*params, MAX_LISTED]
    )
    return [
        {
            "desk": r["desk"],
            "epoch": r["epoch"],
            "seq": r["seq"],
            "kind": r["kind"],
            "reason": r["reason"],
            "found_at": r["found_at"],
        }
        for r in rows
    ]


def recheck_stored(conn: sqlite3.Connection, now: str) -> int:
    """Check every event a hub already holds (migration m009); mark the bad ones and take
    them out of the projections. Returns how many were marked."""
    from counterdesk.hub.ledger import mark_invalid, rebuild_request

    services = known_services(conn)
    marked = 0
    requests: set[tuple[str, str]] = set()
    last = ("", "", -1)
    while True:
        rows = conn.execute(
            "SELECT * FROM events WHERE (desk, epoch, seq) > (?, ?, ?)"
            " ORDER BY desk, epoch, seq LIMIT 2000",
            list(last),
        ).fetchall()
        if not rows:
            break
        for r in rows:
            try:
                data = json.loads(r["data"])
            except ValueError:
                data = None
            event = Event(
                r["seq"],
                r["desk"],
                r["epoch"],
                r["event_id"],
                r["kind"],
                r["recorded_at"],
                r["staff"],
                r["request_id"],
                data,
                r["prev_hash"],
            )
            reason = problem(event, services)
            if reason is None:
                continue
            mark_invalid(conn, r["desk"], r["epoch"], r["seq"], r["kind"], reason, now)
            marked += 1
            if r["request_id"]:
                requests.add((r["desk"], r["request_id"]))
            _unproject(conn, r["desk"], r["seq"], r["kind"], data)
        last = (rows[-1]["desk"], rows[-1]["epoch"], rows[-1]["seq"])
    for desk, request_id in sorted(requests):
        rebuild_request(conn, desk, request_id)
    return marked


def _unproject(conn: sqlite3.Connection, desk: str, seq: int, kind: str, data: object) -> None:
    """Take what a bad citizen event put into the projections back out (m009 only)."""
    ident = (
        data.get("outcome_id" if kind == "referral_outcome" else "complaint_id")
        if isinstance(data, dict)
        else None
    )
    if not isinstance(ident, str):
        return
    if kind == "referral_outcome":
        conn.execute(
            "DELETE FROM referral_outcomes WHERE outcome_id = ? AND desk = ? AND desk_seq = ?"
            " AND recorded_by != 'hub'",
            [ident, desk, seq],
        )
    elif kind == "complaint_recorded":
        conn.execute("DELETE FROM complaints WHERE complaint_id = ? AND desk = ?", [ident, desk])
    elif kind == "complaint_answered":
        conn.execute(
            "DELETE FROM complaint_answers WHERE complaint_id = ? AND desk = ? AND desk_seq = ?"
            " AND answered_by != 'hub'",
            [ident, desk, seq],
        )
