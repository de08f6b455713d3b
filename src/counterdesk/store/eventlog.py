"""The append-only event log: gap-free sequence, epoch and hash chain.

Events are appended inside the caller's write transaction, together with the
projection changes they cause, so either both are stored or neither. Each event is
checked against the event contract (:mod:`counterdesk.domain.contract`) first, so a desk
never writes what its hub would refuse to count.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from counterdesk.domain.events import GENESIS, Event
from counterdesk.domain.ids import new_id


def row_event(row: sqlite3.Row) -> Event:
    """An event from a row of the events table."""
    return Event(
        seq=row["seq"],
        desk=row["desk"],
        epoch=row["epoch"],
        event_id=row["event_id"],
        kind=row["kind"],
        recorded_at=row["recorded_at"],
        staff=row["staff"],
        request_id=row["request_id"],
        data=json.loads(row["data"]),
        prev_hash=row["prev_hash"],
    )


def append_event(
    conn: sqlite3.Connection,
    *,
    desk: str,
    epoch: str,
    kind: str,
    staff: str,
    recorded_at: str,
    data: dict[str, Any],
    request_id: str | None = None,
) -> Event:
    """Append one event; must run inside a write transaction.

    Raises :class:`~counterdesk.domain.contract.ContractError` (nothing written) for an
    event outside the contract.
    """
    if not conn.in_transaction:
        raise RuntimeError("append_event needs a write transaction")
    from counterdesk.domain.contract import check_event  # msgspec: for writers only

    event_id = new_id()
    check_event(
        kind,
        event_id=event_id,
        recorded_at=recorded_at,
        staff=staff,
        request_id=request_id,
        data=data,
    )
    last = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    seq = (last["seq"] + 1) if last else 1
    prev = last["hash"] if last else GENESIS
    event = Event(
        seq=seq,
        desk=desk,
        epoch=epoch,
        event_id=event_id,
        kind=kind,
        recorded_at=recorded_at,
        staff=staff,
        request_id=request_id,
        data=data,
        prev_hash=prev,
    )
    insert_event_row(conn, event)
    return event


def insert_event_row(conn: Any, event: Event) -> str:
    """Write ``event`` as its row, with its hash (returned). Checks nothing: ``append_event``
    is the way to add an event; this is its last step (and what a test intruder uses)."""
    digest = event.compute_hash()
    conn.execute(
        "INSERT INTO events (seq, desk, epoch, event_id, kind, recorded_at, staff, request_id,"
        " data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            event.seq,
            event.desk,
            event.epoch,
            event.event_id,
            event.kind,
            event.recorded_at,
            event.staff,
            event.request_id,
            json.dumps(event.data, ensure_ascii=False, sort_keys=True),
            event.prev_hash,
            digest,
        ],
    )
    return digest


def events_for_request(conn: sqlite3.Connection, request_id: str) -> list[Event]:
    rows = conn.execute(
        "SELECT * FROM events WHERE request_id = ? ORDER BY seq", [request_id]
    ).fetchall()
    return [row_event(r) for r in rows]


def iter_events(conn: sqlite3.Connection, after: int = 0, batch: int = 2000) -> Iterator[Event]:
    while True:
        rows = conn.execute(
            "SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", [after, batch]
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield row_event(row)
        after = rows[-1]["seq"]


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    event_id: str
    kind: str
    problem: str

    def __str__(self) -> str:
        return f"event {self.seq} ({self.kind}, id {self.event_id}): {self.problem}"


def last_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(seq) FROM events").fetchone()
    return int(row[0] or 0)


def chain_head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The last event's (seq, hash), None for an empty log."""
    row = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


@dataclass(frozen=True)
class ChainReport:
    """What a walk over the whole log found.

    ``hashes`` holds, for each seq asked for that exists, the chain hash recomputed from the
    content of every event up to it (from the genesis, ignoring stored hashes): what an
    anchor made when the log was intact must equal.
    """

    events: int
    first_seq: int
    last_seq: int
    problems: list[ChainProblem]
    hashes: dict[int, str]


def walk_chain(conn: sqlite3.Connection, want: Collection[int] = ()) -> ChainReport:
    """Check every event: sequence without gaps, stored hash, link to the previous one;
    recompute the chain hash at each seq of ``want``."""
    problems: list[ChainProblem] = []
    hashes: dict[int, str] = {}
    wanted = frozenset(want)
    expected_seq, prev_hash, count, first = 1, GENESIS, 0, 0
    running = GENESIS  # the chain recomputed from content alone
    cur = conn.execute("SELECT * FROM events ORDER BY seq")
    while rows := cur.fetchmany(5000):
        for row in rows:
            count += 1
            seq, eid, kind = row["seq"], row["event_id"], row["kind"]
            first = first or seq
            if seq != expected_seq:
                missing = (
                    f"{expected_seq}" if seq == expected_seq + 1 else (f"{expected_seq}-{seq - 1}")
                )
                problems.append(
                    ChainProblem(seq, eid, kind, f"events {missing} are missing before it")
                )
            if row["prev_hash"] != prev_hash:
                problems.append(
                    ChainProblem(seq, eid, kind, "does not link to the event before it")
                )
            try:
                event = row_event(row)
                computed = event.compute_hash()
                if row["prev_hash"] == running:
                    running = computed
                elif running:  # (stays "" after an unreadable event)
                    running = dataclasses.replace(event, prev_hash=running).compute_hash()
            except (ValueError, TypeError) as exc:
                problems.append(ChainProblem(seq, eid, kind, f"cannot be read: {exc}"))
                computed = running = ""
            if computed != row["hash"]:
                problems.append(
                    ChainProblem(
                        seq, eid, kind, "was altered (its content does not match its hash)"
                    )
                )
            if seq in wanted and running:
                hashes[seq] = running
            prev_hash = row["hash"]
            expected_seq = seq + 1
    return ChainReport(count, first, expected_seq - 1, problems, hashes)


def verify_chain(conn: sqlite3.Connection) -> tuple[int, list[ChainProblem]]:
    """Check every event: sequence without gaps, stored hash, link to the previous one.

    Returns the number of events checked and the problems found.
    """
    report = walk_chain(conn)
    return report.events, report.problems
