"""The hub's copy of every desk's events, keyed by (desk, epoch, seq), and what it derives.

Events arrive in any order and any number of times. Storing is insert-or-ignore; an event
already held must be identical (else two PCs are writing as one desk, or data was altered);
each new event must link to its neighbours when the hub holds them. Per epoch the hub keeps
its first seq (known once the event that starts the epoch arrives), the highest contiguous
seq from there, the highest seq seen and the count; gaps are computed when asked.
The request projection is rebuilt per request from that request's events, so it does not
depend on the order bundles arrive in.

An event outside the event contract (:mod:`counterdesk.domain.contract`) is stored like any
other, so the chain, the sequence and the gaps stay whole and the desk is acknowledged,
and marked in ``event_problems`` with the reason: nothing reads a marked event (every query
over events that projects or counts adds :func:`valid`), so it cannot break a page, a
report or a figure. The district officer sees it, with its reason, on the dashboard.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import EventKind, canonical_json
from counterdesk.domain.numbering import epoch_tag
from counterdesk.sync.payloads import EpochAck, WireEvent

MAX_GAPS_LISTED = 1000
_PROJECTED = frozenset({EventKind.REQUEST_REGISTERED, EventKind.STATUS_CHANGED})


class LedgerConflict(CounterdeskError):
    """A bundle whose events contradict what the hub holds (the whole bundle is refused)."""


@dataclass(frozen=True)
class Stored:
    new: int
    known: int
    new_epoch: bool
    invalid: dict[int, str] = field(default_factory=dict)  # new events outside the contract


def tag(epoch: str) -> str:
    try:
        return epoch_tag(epoch)
    except ValueError:
        return epoch[:8]


def valid(alias: str = "events") -> str:
    """SQL: the event row ``alias`` (a table name or alias, never input) is not marked as
    outside the contract."""
    if not alias.isidentifier():
        raise ValueError(f"not an SQL alias: {alias!r}")
    return (
        f"NOT EXISTS (SELECT 1 FROM event_problems p WHERE p.desk = {alias}.desk"  # noqa: S608
        f" AND p.epoch = {alias}.epoch AND p.seq = {alias}.seq)"
    )


def mark_invalid(
    conn: sqlite3.Connection, desk: str, epoch: str, seq: int, kind: str, reason: str, now: str
) -> None:
    """Note that event ``seq`` breaks the contract (once; inside a transaction)."""
    conn.execute(
        "INSERT OR IGNORE INTO event_problems (desk, epoch, seq, kind, reason, found_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [desk, epoch, seq, kind[:64], reason[:500], now],
    )


def store_events(
    conn: sqlite3.Connection,
    *,
    desk: str,
    epoch: str,
    events: Sequence[WireEvent],
    bundle_id: str,
    now: str,
    problems: Mapping[int, str] | None = None,
) -> Stored:
    """Store a checked run of one epoch's events (inside the caller's transaction).

    ``problems``: seq -> why that event breaks the contract; it is stored and marked, not
    projected.

    What the hub already holds around the run is read in two queries, the new events are
    written in one batch: ingest costs about the same per event for any bundle size.
    """
    new_epoch = _ensure_epoch(conn, desk, epoch, now)
    problems = problems or {}
    if not events:
        return Stored(0, 0, new_epoch)
    low = min(w.event.seq for w in events) - 1
    high = max(w.event.seq for w in events) + 1
    # seq -> (hash, prev_hash) of what is held in and next to the run (and then added to it)
    held: dict[int, tuple[str, str]] = {
        int(r[0]): (str(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT seq, hash, prev_hash FROM events WHERE desk = ? AND epoch = ?"
            " AND seq BETWEEN ? AND ?",
            [desk, epoch, low, high],
        )
    }
    # epochs of this desk that start right after an event of the run (restores, copies)
    continued: dict[int, list[tuple[str, str]]] = {}
    for r in conn.execute(
        "SELECT seq, epoch, prev_hash FROM events WHERE desk = ? AND kind = 'epoch_started'"
        " AND seq BETWEEN ? AND ? AND epoch != ?",
        [desk, low + 1, high, epoch],
    ):
        continued.setdefault(int(r[0]), []).append((str(r[1]), str(r[2])))
    new = known = 0
    invalid: dict[int, str] = {}
    affected: set[str] = set()
    rows: list[tuple[object, ...]] = []
    for wire in events:
        e = wire.event
        mine = held.get(e.seq)
        if mine is not None:
            if mine[0] != wire.hash:
                raise LedgerConflict(
                    f"event {e.seq} of {desk} (epoch {tag(epoch)}) differs from the one the hub "
                    "already holds: the desk's history was rewritten after the hub received "
                    "it, or two PCs are writing as the same desk (a copied desk?)",
                    code="event_conflict",
                )
            known += 1
            continue
        before = held.get(e.seq - 1)
        if before is not None and before[0] != e.prev_hash:
            raise LedgerConflict(
                f"event {e.seq} of {desk} (epoch {tag(epoch)}) does not link to event "
                f"{e.seq - 1} that the hub holds: the desk's hash chain is broken (its history "
                f"up to event {e.seq - 1} was rewritten after the hub received it?)",
                code="chain_broken",
            )
        after = held.get(e.seq + 1)
        if after is not None and after[1] != wire.hash:
            raise LedgerConflict(
                f"event {e.seq + 1} of {desk} (epoch {tag(epoch)}), already held, does not link "
                f"to this event {e.seq}: the desk's hash chain is broken",
                code="chain_broken",
            )
        _check_epoch_links(conn, desk, epoch, wire, continued.get(e.seq + 1, []))
        rows.append(
            (
                desk,
                epoch,
                e.seq,
                e.event_id,
                e.kind,
                e.recorded_at,
                e.staff,
                e.request_id,
                canonical_json(e.data).decode(),
                e.prev_hash,
                wire.hash,
                bundle_id,
                now,
            )
        )
        held[e.seq] = (wire.hash, e.prev_hash)
        new += 1
        bad = problems.get(e.seq)
        _note(conn, desk, epoch, wire, valid=bad is None)
        if bad is not None:
            mark_invalid(conn, desk, epoch, e.seq, e.kind, bad, now)
            invalid[e.seq] = bad
        elif e.request_id and e.kind in _PROJECTED:
            affected.add(e.request_id)
    if new:
        conn.executemany(
            "INSERT INTO events (desk, epoch, seq, event_id, kind, recorded_at, staff, request_id,"
            " data, prev_hash, hash, bundle_id, received_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute(
            "UPDATE epochs SET events = events + ?, max_seq = max(max_seq, ?)"
            " WHERE desk = ? AND epoch = ?",
            [new, max(w.event.seq for w in events), desk, epoch],
        )
        _advance_contiguous(conn, desk, epoch)
        for request_id in sorted(affected):
            rebuild_request(conn, desk, request_id)
    return Stored(new, known, new_epoch, invalid)


def check_acknowledged(conn: sqlite3.Connection, desk: str, seq: int, digest: str) -> None:
    """A desk says its event ``seq`` (which the hub acknowledged) now has hash ``digest``:
    raise LedgerConflict when the hub holds that seq of the desk with another hash only."""
    if seq < 1 or not digest:
        return
    held = {
        str(r[0])
        for r in conn.execute("SELECT hash FROM events WHERE desk = ? AND seq = ?", [desk, seq])
    }
    if held and digest not in held:
        raise LedgerConflict(
            f"desk {desk} now holds another event {seq} than the one the hub received and "
            f"acknowledged: its history up to event {seq} was rewritten after the hub "
            "received it (or another PC writes as this desk); check the desk",
            code="history_rewritten",
        )


def _check_epoch_links(
    conn: sqlite3.Connection,
    desk: str,
    epoch: str,
    wire: WireEvent,
    continued: list[tuple[str, str]],
) -> None:
    """An epoch's first event links to the last event of the epoch it continues.

    Checked whichever of the two arrives second. Desks rely on it: an acknowledgement of a
    later epoch then also proves the end of the earlier one. ``continued``: the (epoch,
    prev_hash) of held ``epoch_started`` events of other epochs right after ``wire``.
    """
    e = wire.event
    if e.kind == EventKind.EPOCH_STARTED and isinstance(e.data, dict):
        previous = e.data.get("previous")
        if isinstance(previous, str) and previous != epoch:
            before = conn.execute(
                "SELECT hash FROM events WHERE desk = ? AND epoch = ? AND seq = ?",
                [desk, previous, e.seq - 1],
            ).fetchone()
            if before is not None and before[0] != e.prev_hash:
                raise LedgerConflict(
                    f"epoch {tag(epoch)} of {desk} starts at event {e.seq} but does not continue "
                    f"event {e.seq - 1} of epoch {tag(previous)} as the hub holds it",
                    code="chain_broken",
                )
    for next_epoch, prev_hash in continued:
        row = conn.execute(
            "SELECT previous FROM epochs WHERE desk = ? AND epoch = ?", [desk, next_epoch]
        ).fetchone()
        if row is not None and row[0] == epoch and prev_hash != wire.hash:
            raise LedgerConflict(
                f"event {e.seq} of {desk} (epoch {tag(epoch)}) is not the one that epoch "
                f"{tag(next_epoch)} continues from",
                code="chain_broken",
            )


def _ensure_epoch(conn: sqlite3.Connection, desk: str, epoch: str, now: str) -> bool:
    """Make the epoch row; True when it is a new epoch of a desk that already had one."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO epochs (desk, epoch, first_seen) VALUES (?, ?, ?)",
        [desk, epoch, now],
    )
    if cur.rowcount == 0:
        return False
    others = conn.execute(
        "SELECT count(*) FROM epochs WHERE desk = ? AND epoch != ?", [desk, epoch]
    ).fetchone()[0]
    return bool(others)


def _note(
    conn: sqlite3.Connection, desk: str, epoch: str, wire: WireEvent, *, valid: bool = True
) -> None:
    """What single events tell the hub about the desk: epoch starts, catalogue version.

    An epoch's start counts even when its event breaks the contract (``valid`` False):
    the sequence accounting, and so the desk's acknowledgement, must not wait for it.
    """
    e = wire.event
    raw: dict[str, Any] = e.data if isinstance(e.data, dict) else {}
    data = raw if valid else {}
    previous = ""
    if e.kind == EventKind.DESK_CREATED:
        origin = "created"
    elif e.kind == EventKind.EPOCH_STARTED:
        origin = f"started: {str(data.get('reason', '(not readable)'))[:80]}"
        previous = str(raw.get("previous") or "")[:64]  # the link is checked all the same
    else:
        origin = ""
    if origin:
        conn.execute(
            "UPDATE epochs SET first_seq = ?, origin = ?, previous = ?, contiguous = ?"
            " WHERE desk = ? AND epoch = ? AND first_seq IS NULL",
            [e.seq, origin, previous, e.seq - 1, desk, epoch],
        )
    if e.kind == EventKind.CATALOGUE_INSTALLED:
        version = data.get("version")
        if type(version) is int:
            conn.execute(
                "UPDATE desks SET catalogue_version = max(catalogue_version, ?) WHERE code = ?",
                [version, desk],
            )


def _advance_contiguous(conn: sqlite3.Connection, desk: str, epoch: str) -> None:
    row = conn.execute(
        "SELECT first_seq, contiguous FROM epochs WHERE desk = ? AND epoch = ?", [desk, epoch]
    ).fetchone()
    if row is None or row["first_seq"] is None:
        return
    held = max(int(row["contiguous"]), int(row["first_seq"]) - 1)
    has_next = conn.execute(
        "SELECT 1 FROM events WHERE desk = ? AND epoch = ? AND seq = ?", [desk, epoch, held + 1]
    ).fetchone()
    if has_next:
        # The end of the run that starts at held + 1: the first seq whose successor is missing.
        end = conn.execute(
            "SELECT e.seq FROM events e WHERE e.desk = ? AND e.epoch = ? AND e.seq > ?"
            " AND NOT EXISTS (SELECT 1 FROM events f WHERE f.desk = e.desk"
            " AND f.epoch = e.epoch AND f.seq = e.seq + 1) ORDER BY e.seq LIMIT 1",
            [desk, epoch, held],
        ).fetchone()
        held = int(end[0])
    conn.execute(
        "UPDATE epochs SET contiguous = ? WHERE desk = ? AND epoch = ?", [held, desk, epoch]
    )


def gaps(conn: sqlite3.Connection, desk: str, epoch: str) -> list[tuple[int, int]]:
    """Missing seq ranges between the epoch's first event (when known) and the highest seen."""
    out: list[tuple[int, int]] = []
    row = conn.execute(
        "SELECT first_seq, (SELECT min(seq) FROM events WHERE desk = ? AND epoch = ?) AS low"
        " FROM epochs WHERE desk = ? AND epoch = ?",
        [desk, epoch, desk, epoch],
    ).fetchone()
    if row is None or row["low"] is None:
        return out
    if row["first_seq"] is not None and row["low"] > row["first_seq"]:
        out.append((int(row["first_seq"]), int(row["low"]) - 1))
    for a, b in conn.execute(
        "SELECT prev + 1, seq - 1 FROM (SELECT seq, lag(seq) OVER (ORDER BY seq) AS prev"
        " FROM events WHERE desk = ? AND epoch = ?) WHERE prev IS NOT NULL AND seq > prev + 1"
        " LIMIT ?",
        [desk, epoch, MAX_GAPS_LISTED],
    ):
        out.append((int(a), int(b)))
    return out[:MAX_GAPS_LISTED]


def epoch_acks(conn: sqlite3.Connection, desk: str) -> list[EpochAck]:
    rows = conn.execute(
        "SELECT epoch, first_seq, contiguous, max_seq FROM epochs WHERE desk = ?"
        " ORDER BY coalesce(first_seq, max_seq), first_seen",
        [desk],
    ).fetchall()
    out: list[EpochAck] = []
    for r in rows:
        known = r["first_seq"] is not None
        contiguous = int(r["contiguous"]) if known else 0
        held = conn.execute(
            "SELECT hash FROM events WHERE desk = ? AND epoch = ? AND seq = ?",
            [desk, r["epoch"], contiguous],
        ).fetchone()
        out.append(
            EpochAck(
                epoch=r["epoch"],
                first_seq=r["first_seq"],
                contiguous=contiguous,
                max_seq=int(r["max_seq"]),
                gaps=tuple(gaps(conn, desk, r["epoch"])),
                contiguous_hash=str(held[0]) if known and held is not None else "",
            )
        )
    return out


def rebuild_request(conn: sqlite3.Connection, desk: str, request_id: str) -> None:
    """The request's row from all its events held, in seq order (idempotent)."""
    rows = conn.execute(
        "SELECT epoch, seq, kind, data, recorded_at FROM events"  # noqa: S608 (a constant)
        f" WHERE desk = ? AND request_id = ? AND {valid()} ORDER BY seq, epoch",
        [desk, request_id],
    ).fetchall()
    row: dict[str, Any] | None = None
    for r in rows:
        data = json.loads(r["data"])
        if r["kind"] == EventKind.REQUEST_REGISTERED and row is None:
            citizen = data.get("citizen") or {}
            row = {
                "epoch": r["epoch"],
                "receipt": str(data.get("receipt", "")),
                "ticket": str(data.get("ticket", "")),
                "service": str(data.get("service", "")),
                "name": str(citizen.get("name", "")),
                "status": "registered",
                "registered_at": r["recorded_at"],
                "updated_at": r["recorded_at"],
                "due_date": str(data.get("due_date", "")),
                "last_seq": r["seq"],
            }
        elif r["kind"] == EventKind.STATUS_CHANGED and row is not None:
            row["status"] = str(data.get("to", row["status"]))
            row["updated_at"] = r["recorded_at"]
            row["last_seq"] = r["seq"]
    if row is None:  # its registration has not arrived yet (or breaks the contract)
        conn.execute("DELETE FROM requests WHERE desk = ? AND request_id = ?", [desk, request_id])
        return
    conn.execute(
        "INSERT OR REPLACE INTO requests (desk, request_id, epoch, receipt, ticket, service, name,"
        " status, registered_at, updated_at, due_date, last_seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            desk,
            request_id,
            row["epoch"],
            row["receipt"],
            row["ticket"],
            row["service"],
            row["name"],
            row["status"],
            row["registered_at"],
            row["updated_at"],
            row["due_date"],
            row["last_seq"],
        ],
    )
