"""What travels inside bundles: events lines, acks, reference data, introductions."""

from __future__ import annotations

import json

import pytest

from counterdesk.domain.events import GENESIS, Event
from counterdesk.sync import payloads
from counterdesk.sync.payloads import (
    Ack,
    Diverged,
    EpochAck,
    PayloadError,
    RefItem,
    WireEvent,
    acknowledged_through,
)


def chain(n: int, *, epoch: str = "e" * 32, start: int = 1, prev: str = GENESIS) -> list[WireEvent]:
    out = []
    for seq in range(start, start + n):
        e = Event(
            seq=seq,
            desk="JGB-01",
            epoch=epoch,
            event_id=f"{seq:032x}",
            kind="request_registered",
            recorded_at="2026-11-02T08:00:00+07:00",
            staff="siti",
            request_id=f"{seq:032x}",
            data={"receipt": f"R{seq}", "citizen": {"name": "Ani"}},
            prev_hash=prev,
        )
        w = WireEvent(e, e.compute_hash())
        out.append(w)
        prev = w.hash
    return out


def decode(raw: bytes, first: int = 1, count: int = 3) -> list[WireEvent]:
    return payloads.decode_events(
        raw, desk="JGB-01", epoch="e" * 32, seq_first=first, seq_last=first + count - 1, count=count
    )


def test_events_round_trip() -> None:
    events = chain(3)
    raw = payloads.encode_events(events)
    assert raw.count(b"\n") == 3
    assert decode(raw) == events
    line = json.loads(raw.splitlines()[0])
    assert {"prev_hash", "hash", "seq", "event_id", "data"} <= line.keys()


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda ls: [ls[0], ls[2], ls[1]], "contiguous"),
        (lambda ls: ls[:2], "lines"),
        (lambda ls: [ls[0].replace(b'"Ani"', b'"Budi"'), *ls[1:]], "altered"),
        (lambda ls: [ls[0], b"{not json", ls[2]], "JSON"),
        (lambda ls: [ls[0], ls[1].replace(b'"desk":"JGB-01"', b'"desk":"SLS-01"'), ls[2]], "desk"),
    ],
)
def test_events_damage_is_refused(mutate: object, why: str) -> None:
    lines = payloads.encode_events(chain(3)).splitlines()
    raw = b"\n".join(mutate(lines)) + b"\n"  # type: ignore[operator]
    with pytest.raises(PayloadError, match=why):
        decode(raw)


def test_events_must_link() -> None:
    a = chain(2)
    b = chain(1, start=3, prev="f" * 64)
    with pytest.raises(PayloadError, match="link"):
        decode(payloads.encode_events(a + b))


def h(seq: int) -> str:
    """The desk's own hash of event ``seq`` in these tests."""
    return f"{seq:064x}"


def test_ack_round_trip_and_coverage() -> None:
    e1, e2 = "a" * 32, "b" * 32
    ack = Ack(
        "JGB-01",
        "0123456789abcdef",
        (
            EpochAck(e1, 1, 10, 10, contiguous_hash=h(10)),
            EpochAck(e2, 11, 14, 20, ((15, 16),), contiguous_hash=h(14)),
        ),
    )
    assert payloads.decode_ack(ack.encode()) == ack
    local = [(e1, 1), (e2, 11)]
    assert acknowledged_through(ack, local, 20, h) == 14
    # the hub lacks the start of the second epoch: stop at the end of the first
    partial = Ack(
        "JGB-01",
        "0123456789abcdef",
        (EpochAck(e1, 1, 10, 10, contiguous_hash=h(10)), EpochAck(e2, None, 0, 9)),
    )
    assert acknowledged_through(partial, local, 20, h) == 10
    assert acknowledged_through(Ack("JGB-01", "0" * 16), local, 20, h) == 0


def test_ack_with_other_content_is_divergence() -> None:
    e1 = "a" * 32
    ack = Ack("JGB-01", "0" * 16, (EpochAck(e1, 1, 10, 10, contiguous_hash="f" * 64),))
    with pytest.raises(Diverged, match="different event 10"):
        acknowledged_through(ack, [(e1, 1)], 12, h)
    beyond = Ack("JGB-01", "0" * 16, (EpochAck(e1, 1, 30, 30, contiguous_hash=h(30)),))
    with pytest.raises(Diverged, match="beyond its last event 12"):
        acknowledged_through(beyond, [(e1, 1)], 12, h)


def test_restored_desk_end_of_epoch_is_proved_by_the_next() -> None:
    # The desk's first epoch ended at 8 (restored from a backup), the hub holds 1..10 of it
    # from before; the hub proves 8 through the second epoch, which links to it.
    e1, e2 = "a" * 32, "b" * 32
    ack = Ack(
        "JGB-01",
        "0" * 16,
        (
            EpochAck(e1, 1, 10, 10, contiguous_hash="9" * 64),
            EpochAck(e2, 9, 12, 12, contiguous_hash=h(12)),
        ),
    )
    assert acknowledged_through(ack, [(e1, 1), (e2, 9)], 15, h) == 12
    # without the second epoch at the hub, nothing beyond the proved points counts
    only_first = Ack("JGB-01", "0" * 16, ack.epochs[:1])
    assert acknowledged_through(only_first, [(e1, 1), (e2, 9)], 15, h) == 0


def test_refdata_checksum_and_unknown_kinds() -> None:
    items = [RefItem("catalogue", 3, {"version": 3}), RefItem("holidays", 1, ["2026-12-25"])]
    raw = payloads.encode_refdata(items)
    assert payloads.decode_refdata(raw) == items
    doc = json.loads(raw)
    doc["items"][0]["data"]["version"] = 4
    with pytest.raises(PayloadError, match="checksum"):
        payloads.decode_refdata(json.dumps(doc).encode())
    doc = json.loads(raw)
    doc["format"] = 2
    with pytest.raises(PayloadError, match="newer"):
        payloads.decode_refdata(json.dumps(doc).encode())


def test_intro_round_trip() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    claim = payloads.IntroClaim(
        "JGB-01",
        "c" * 32,
        payloads.raw_key(Ed25519PrivateKey.generate().public_key()),
        payloads.raw_key(X25519PrivateKey.generate().public_key()),
    )
    inner = b"CDBUNDLE\x01\n\n binary with newlines \n"
    assert payloads.decode_intro(payloads.encode_intro(claim, inner)) == (claim, inner)
    with pytest.raises(PayloadError, match="no inner"):
        payloads.decode_intro(payloads.encode_intro(claim, b""))


# --------------------------------------------------------------------------- events, format 2


def test_compact_events_round_trip_and_are_smaller() -> None:
    events = chain(5, start=11, prev="a" * 64)
    raw = payloads.encode_events_compact(events, refdata={"staff": 3, "catalogue": 2})
    head, *lines = raw.splitlines()
    assert json.loads(head) == {
        "format": 2,
        "prev_hash": "a" * 64,
        "hash": events[-1].hash,
        "refdata": {"catalogue": 2, "staff": 3},
    }
    assert json.loads(lines[0])[:2] == [events[0].event.event_id, "request_registered"]
    got = payloads.decode_events_payload(
        raw, desk="JGB-01", epoch="e" * 32, seq_first=11, seq_last=15, count=5
    )
    assert got.events == events and got.refdata == {"catalogue": 2, "staff": 3}
    assert got.format == 2
    assert len(raw) < len(payloads.encode_events(events)) - 5 * 150


def _compact(events: list[WireEvent], **head: object) -> bytes:
    raw = payloads.encode_events_compact(events)
    first, rest = raw.split(b"\n", 1)
    obj = json.loads(first) | head
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode() + b"\n" + rest


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda ev: _compact(ev, hash="b" * 64), "do not add up to the hash"),
        (lambda ev: _compact(ev, prev_hash="c" * 64), "the first event must start the chain"),
        (lambda ev: _compact(ev, format=3), "newer than this program"),
        (lambda ev: _compact(ev, extra=1), "not a valid format 2 header"),
        (lambda ev: _compact(ev, refdata={"Bad Kind": 1}), "bad entry"),
        (lambda ev: _compact(ev, refdata=[]), "not a map"),
        (lambda ev: payloads.encode_events_compact(ev[:2]), "2 events, the header says 3"),
        (
            lambda ev: payloads.encode_events_compact(ev).replace(b'"Ani"', b'"Anu"'),
            "do not add up",
        ),
        (
            lambda ev: payloads.encode_events_compact(ev).replace(b'"siti",', b'"siti" ,'),
            "not in canonical form",
        ),
        (
            lambda ev: payloads.encode_events_compact(ev).replace(b'"siti",', b"1,"),
            "wrong type",
        ),
        (lambda ev: payloads.encode_events_compact(ev) + b"[]\n", "4 events"),
        (lambda ev: payloads.encode_events_compact(ev)[:-1], "line break"),
    ],
)
def test_compact_events_damage_is_refused(make: object, why: str) -> None:
    raw = make(chain(3))  # type: ignore[operator]
    with pytest.raises(PayloadError, match=why):
        decode(raw)


def test_hello_and_ack_carry_the_new_fields_and_old_ones_still_parse() -> None:
    hello = payloads.Hello("JGB-01", "e" * 32, 9, 5, 2, "n", refdata={"holidays": 4})
    assert payloads.decode_hello(hello.encode()).refdata == {"holidays": 4}
    old = json.loads(hello.encode())
    del old["refdata"]
    assert payloads.decode_hello(json.dumps(old).encode()).refdata == {}
    ack = Ack("JGB-01", "0" * 16, (), payloads.Upload("duplicate", 0, 7))
    assert payloads.decode_ack(ack.encode()).upload == payloads.Upload("duplicate", 0, 7)
    assert payloads.decode_ack(Ack("JGB-01", "0" * 16).encode()).upload is None
    bad = json.loads(ack.encode()) | {"upload": {"result": "maybe"}}
    with pytest.raises(PayloadError, match="'upload' is not valid"):
        payloads.decode_ack(json.dumps(bad).encode())


def test_hello_carries_the_hash_of_the_acknowledged_event() -> None:
    hello = payloads.Hello("JGB-01", "e" * 32, 9, 5, 2, "n", acked_hash="ab" * 32)
    assert payloads.decode_hello(hello.encode()).acked_hash == "ab" * 32
    without = payloads.Hello("JGB-01", "e" * 32, 9, 0, 2, "n")
    assert "acked_hash" not in json.loads(without.encode())  # as desks wrote it before
    assert payloads.decode_hello(without.encode()).acked_hash == ""
    for bad in ("xyz", 5, "AB" * 32):
        raw = json.loads(hello.encode()) | {"acked_hash": bad}
        with pytest.raises(PayloadError, match="'acked_hash' is not a sha256"):
            payloads.decode_hello(json.dumps(raw).encode())


def chain_of(requests: list[str | None]) -> list[WireEvent]:
    out: list[WireEvent] = []
    prev = GENESIS
    for seq, request in enumerate(requests, start=1):
        e = Event(seq, "JGB-01", "e" * 32, f"{seq:032x}", "status_changed",
                  "2026-11-02T08:00:00+07:00", "siti", request, {"to": "ready"}, prev)  # fmt: skip
        out.append(WireEvent(e, e.compute_hash()))
        prev = out[-1].hash
    return out


def test_a_request_id_said_once_per_payload() -> None:
    a, b = "a" * 32, "b" * 32
    events = chain_of([a, None, b, a, a, b])
    raw = payloads.encode_events_compact(events)
    rows = [json.loads(line)[4] for line in raw.splitlines()[1:]]
    assert rows == [a, None, b, 3, 1, 3]
    assert raw.count(a.encode()) == 1
    assert decode(raw, count=6) == events

    def damaged(index: int, value: object) -> bytes:
        lines = raw.splitlines()
        row = json.loads(lines[index + 1])
        row[4] = value
        lines[index + 1] = json.dumps(row, sort_keys=True, separators=(",", ":")).encode()
        return b"\n".join(lines) + b"\n"

    for index, value, why in [
        (3, a, "request id written again"),
        (3, 2, "refers to no request event"),  # event 2 has none
        (4, 2, "refers to no request event"),  # not the nearest
        (3, 9, "wrong type"),
        (3, 0, "wrong type"),
        (3, True, "wrong type"),
    ]:
        with pytest.raises(PayloadError, match=why):
            decode(damaged(index, value), count=6)
