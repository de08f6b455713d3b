"""Bundles from two desks, in any order, any number of times, by stick or over HTTP: the
hub always ends in the same state (same events, same requests, same gaps)."""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.hub.app import create_app
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.ledger import gaps
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import outgoing
from counterdesk.services.staff import authenticate

from ..sync.helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    make_desk,
    make_hub,
    register,
    usb_trip,
)


@dataclass
class World:
    hub_template: Path
    pool: list[bytes]  # bundles of both desks, overlapping ranges


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    base = tmp_path_factory.mktemp("channels")
    hub_root = make_hub(base / "hub")
    pool: list[bytes] = []
    for code, n in (("JGB-01", 8), ("SLS-01", 6)):
        with Desk.open(make_desk(base / code, enrollment_bytes(hub_root, code))) as desk:
            usb_trip(desk, hub_root, base / f"trip-{code}")  # first contact: plain bundles
            receipts = register(desk, n, name="Siti Nurhaliza")
            session = authenticate(desk, ADMIN, PASSWORD)
            for receipt in receipts[::2]:
                advance(desk, session, receipt, "in_progress")
            for receipt in receipts[::4]:
                advance(desk, session, receipt, "ready")
            start = desk.conn.execute("SELECT acked_seq FROM sync_state").fetchone()[0]
            last = desk.conn.execute("SELECT max(seq) FROM events").fetchone()[0]
            middle = (start + last) // 2
            # the same events cut three ways: small bundles, halves, and all at once
            pool += [b.data for b in outgoing(desk, after=start, max_payload=1500)]
            pool += [b.data for b in outgoing(desk, after=start, upto=middle)]
            pool += [b.data for b in outgoing(desk, after=middle)]
            pool += [b.data for b in outgoing(desk, after=start)]
    yield World(hub_root, pool)


def hub_state(hub: Hub) -> dict[str, Any]:
    conn = hub.conn
    events = conn.execute(
        "SELECT desk, epoch, seq, event_id, kind, hash, prev_hash, data FROM events"
        " ORDER BY desk, epoch, seq"
    ).fetchall()
    requests = conn.execute(
        "SELECT desk, request_id, epoch, receipt, ticket, service, name, status, registered_at,"
        " updated_at, due_date, last_seq FROM requests ORDER BY desk, request_id"
    ).fetchall()
    epochs = conn.execute(
        "SELECT desk, epoch, first_seq, contiguous, max_seq, events FROM epochs"
        " ORDER BY desk, epoch"
    ).fetchall()
    return {
        "events": [tuple(r) for r in events],
        "requests": [tuple(r) for r in requests],
        "epochs": [tuple(r) for r in epochs],
        "gaps": {(r[0], r[1]): gaps(conn, r[0], r[1]) for r in epochs},
    }


def deliver(world: World, plan: list[tuple[int, str]]) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="channels-"))
    try:
        shutil.copytree(world.hub_template, tmp / "hub")
        with Hub.open(tmp / "hub") as hub, TestClient(create_app(hub)) as api:
            for index, channel in plan:
                data = world.pool[index]
                if channel == "usb":
                    result = ingest(hub, data, source=f"stick/{index}.cdb")
                    assert result.outcome in ("accepted", "duplicate"), result.message()
                else:
                    r = api.post("/api/v1/exchange", content=data)
                    assert r.status_code == 200, r.text
            return hub_state(hub)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def reference(world: World) -> dict[str, Any]:
    state = deliver(world, [(i, "usb") for i in range(len(world.pool))])
    assert state["events"] and all(not g for g in state["gaps"].values())
    assert {r[7] for r in state["requests"]} == {"registered", "in_progress", "ready"}
    return state


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_order_any_repetition_either_channel(
    world: World, reference: dict[str, Any], data: st.DataObject
) -> None:
    n = len(world.pool)
    order = data.draw(st.permutations(range(n)))
    repeats = data.draw(st.lists(st.integers(0, n - 1), max_size=n))
    positions = data.draw(st.lists(st.integers(0, n), min_size=len(repeats), max_size=len(repeats)))
    sequence = list(order)
    for index, at in zip(repeats, positions, strict=True):
        sequence.insert(at, index)
    channels = data.draw(
        st.lists(st.sampled_from(["usb", "http"]), min_size=len(sequence), max_size=len(sequence))
    )
    assert deliver(world, list(zip(sequence, channels, strict=True))) == reference
