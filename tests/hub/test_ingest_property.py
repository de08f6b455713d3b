"""Any interleaving and duplication of a desk's bundles gives the hub exactly the desk's
events, once each, with the right gaps and acknowledgement."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterdesk.domain.events import EventKind
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.ledger import epoch_acks, gaps
from counterdesk.hub.replies import ack_for
from counterdesk.hub.views import list_requests
from counterdesk.services.desk import Desk
from counterdesk.services.instance import check_instance
from counterdesk.services.outbox import outgoing
from counterdesk.sync.payloads import acknowledged_through

from ..sync.helpers import enrollment_bytes, make_desk, make_hub, register


@dataclass
class World:
    hub_template: Path
    desk: Desk
    events: dict[int, tuple[str, str, str]]  # seq -> (epoch, hash, kind)
    epochs: list[tuple[str, int]]  # (epoch, first seq), in order

    @property
    def last(self) -> int:
        return max(self.events)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    base = tmp_path_factory.mktemp("world")
    hub_root = make_hub(base / "hub")
    desk_root = make_desk(base / "desk", enrollment_bytes(hub_root))
    with Desk.open(desk_root) as desk:
        register(desk, 5)
        assert check_instance(desk, machine="another-pc") == "copied"  # a second epoch
        register(desk, 5)
        events = {
            r[0]: (r[1], r[2], r[3])
            for r in desk.conn.execute("SELECT seq, epoch, hash, kind FROM events")
        }
        epochs = [
            (r[0], r[1])
            for r in desk.conn.execute("SELECT epoch, first_seq FROM epochs ORDER BY 2")
        ]
        assert len(epochs) == 2
        yield World(hub_root, desk, events, epochs)


def bundles_for(world: World, first: int, last: int) -> list[bytes]:
    return [b.data for b in outgoing(world.desk, after=first - 1, upto=last)]


@st.composite
def deliveries(draw: st.DrawFn, last: int) -> tuple[list[tuple[int, int]], list[int]]:
    ranges = draw(
        st.lists(
            st.tuples(st.integers(1, last), st.integers(1, last)).map(lambda t: (min(t), max(t))),
            min_size=1,
            max_size=6,
        )
    )
    order = draw(st.lists(st.integers(0, 99), min_size=1, max_size=14))
    return ranges, order


def expected_gaps(held: set[int], segment: range) -> list[tuple[int, int]]:
    mine = sorted(s for s in held if s in segment)
    out = []
    for a, b in itertools.pairwise(mine):
        if b > a + 1:
            out.append((a + 1, b - 1))
    return out


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_interleaving_yields_each_event_once(world: World, data: st.DataObject) -> None:
    ranges, order = data.draw(deliveries(world.last))
    pool: list[bytes] = []
    for first, last in ranges:
        pool.extend(bundles_for(world, first, last))
    sequence = [pool[i % len(pool)] for i in order]

    tmp = Path(tempfile.mkdtemp(prefix="hubprop-"))
    try:
        shutil.copytree(world.hub_template, tmp / "hub")
        with Hub.open(tmp / "hub") as hub:
            seen: set[bytes] = set()
            for data_ in sequence:
                result = ingest(hub, data_, source="x")
                assert result.outcome == ("duplicate" if data_ in seen else "accepted"), result
                seen.add(data_)

            held = {
                s
                for data_ in seen
                for first, last in [_range(data_)]
                for s in range(first, last + 1)
            }
            rows = hub.conn.execute("SELECT seq, epoch, hash, kind FROM events").fetchall()
            got = sorted((r[0], (r[1], r[2], r[3])) for r in rows)
            assert got == sorted((s, world.events[s]) for s in held)

            bounds = [first for _, first in world.epochs] + [world.last + 1]
            acks = {a.epoch: a for a in epoch_acks(hub.conn, "JGB-01")}
            for (epoch, first), end in zip(world.epochs, bounds[1:], strict=True):
                segment = range(first, end)
                mine = held & set(segment)
                if not mine:
                    assert epoch not in acks
                    continue
                a = acks[epoch]
                assert a.first_seq == (first if first in held else None)
                contiguous = first - 1
                while contiguous + 1 in held and contiguous + 1 in segment:
                    contiguous += 1
                assert a.contiguous == (contiguous if first in held else 0)
                assert a.max_seq == max(mine)
                assert gaps(hub.conn, "JGB-01", epoch) == expected_gaps(held, segment)

            through = 0
            while through + 1 in held:
                through += 1
            ack = ack_for(hub, "JGB-01")
            hashes = {s: world.events[s][1] for s in world.events}
            assert acknowledged_through(ack, world.epochs, world.last, hashes.get) == through

            registered = sum(1 for s in held if world.events[s][2] == EventKind.REQUEST_REGISTERED)
            assert len(list_requests(hub)) == registered
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _range(data: bytes) -> tuple[int, int]:
    from counterdesk.sync.bundle import peek_header

    h = peek_header(data)
    return h.seq_first, h.seq_last
