"""The bundle format version 2 (compact binary header), the one written by default.

The body, signature and trailer are those of version 1 (tested in depth in
test_bundle.py); here: the header, its one canonical form, damage, and splitting bundles
written back to back (the hub's answer over HTTP).
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterdesk.sync import bundle
from counterdesk.sync.bundle import (
    BundleError,
    bundle_size,
    peek_header,
    read_bundle,
    split_bundles,
    write_bundle,
)

from .test_bundle import (
    DESK_BOX,
    DESK_SIGN,
    END,
    HUB_BOX,
    HUB_SIGN,
    HYPOTHESIS,
    PREFIX,
    _mutate,
    _mutation,
    header_end,
    resign,
)


def make2(payload: bytes = b"hello", **kw: object) -> bytes:
    args: dict[str, object] = {
        "payload": payload,
        "kind": "events",
        "sender": "JGB-01",
        "recipient": "HUB",
        "sender_key": DESK_SIGN,
        "recipient_public": HUB_BOX.public_key(),
        "epoch": "3f1c0ffee0c0ffee3f1c0ffee0c0ffee",
        "seq_first": 101,
        "seq_last": 250,
        "count": 150,
    }
    args.update(kw)
    return write_bundle(**args)  # type: ignore[arg-type]


def read2(data: bytes) -> tuple[bundle.BundleHeader, bytes]:
    return read_bundle(data, recipient_private=HUB_BOX, sender_public=DESK_SIGN.public_key())


RNG = random.Random(7)
SMALL2 = make2(b"Small payload " * 10)
SEVEN2 = make2(RNG.randbytes(400), chunk_size=64)


def raw_header(data: bytes) -> bytes:
    return data[PREFIX : header_end(data)]


def with_header(data: bytes, head: bytes) -> bytes:
    return data[:9] + struct.pack(">I", len(head)) + head + data[header_end(data) :]


def test_version_2_is_written_and_reads_back() -> None:
    data = make2(b"x" * 1000, created_at="2026-11-02T08:00:00+07:00")
    assert data.startswith(b"CDBUNDLE\x02")
    header, payload = read2(data)
    assert payload == b"x" * 1000 and header.format_version == 2
    assert header.epoch == "3f1c0ffee0c0ffee3f1c0ffee0c0ffee"
    assert header.created_at == "2026-11-02T08:00:00+07:00"
    assert (header.seq_first, header.seq_last, header.count) == (101, 250, 150)
    assert header == peek_header(data)
    assert header.header_bytes() == raw_header(data)


def test_the_binary_header_is_small() -> None:
    v1 = make2(b"", format_version=1)
    v2 = make2(b"")
    assert header_end(v2) < 260 < 600 < header_end(v1)
    # The same header fields either way, only laid out differently.
    a = dataclasses.replace(peek_header(v1), format_version=2)
    assert a.header_bytes() != peek_header(v1).header_bytes()
    assert len(v2) + 350 < len(v1)


def test_odd_but_legal_values_round_trip() -> None:
    for epoch in ("", "e3f1", "E3F1-abc", "abc", "0" * 64):
        for seq in (0, 127, 128, 16383, 16384, bundle.MAX_SEQ):
            data = make2(b"", epoch=epoch, seq_first=seq, seq_last=seq, count=seq)
            header = read2(data)[0]
            assert (header.epoch, header.seq_first, header.count) == (epoch, seq, seq)


def test_every_byte_flip_is_detected() -> None:
    for pos in range(len(SEVEN2)):
        damaged = bytearray(SEVEN2)
        damaged[pos] ^= 0x01
        with pytest.raises(BundleError):
            read2(bytes(damaged))


def test_truncation_at_every_length() -> None:
    for n in range(len(SEVEN2)):
        with pytest.raises(BundleError):
            read2(SEVEN2[:n])
        with pytest.raises(BundleError):
            read2(resign(SEVEN2[:n]))


def test_header_edits_with_a_valid_signature_fail_in_the_cipher() -> None:
    header = dataclasses.replace(peek_header(SEVEN2), count=151)
    data = resign(with_header(SEVEN2, header.header_bytes()))
    assert peek_header(data).count == 151
    with pytest.raises(BundleError, match="chunk 1 of 7 failed authentication"):
        read2(data)


def test_only_the_canonical_header_is_accepted() -> None:
    head = raw_header(SMALL2)
    # Extra bytes after the last field.
    with pytest.raises(BundleError, match="unexpected byte"):
        peek_header(with_header(SMALL2, head + b"\x00"))
    # The epoch (hex) written as text instead of packed.
    header = peek_header(SMALL2)
    tampered = bytearray(header.header_bytes())
    at = 16 + 1 + len("events") + 1 + len("JGB-01") + 1 + len("HUB")
    assert tampered[at] == 0x80 | 16
    text = header.epoch.encode()
    tampered[at : at + 17] = bytes([len(text)]) + text
    with pytest.raises(BundleError, match="canonical"):
        peek_header(with_header(SMALL2, bytes(tampered)))
    # A number in a longer form than needed (seq_first 101 as two bytes).
    tampered = bytearray(header.header_bytes())
    seq_at = at + 17
    assert tampered[seq_at] == 101
    tampered[seq_at : seq_at + 1] = bytes([101 | 0x80, 0x00])
    with pytest.raises(BundleError, match="canonical"):
        peek_header(with_header(SMALL2, bytes(tampered)))


@pytest.mark.parametrize(
    ("cut", "reason"),
    [(10, "ends inside field 'bundle_id'"), (17, "ends inside field 'kind'"), (200, "sealed_key")],
)
def test_short_headers_say_where_they_end(cut: int, reason: str) -> None:
    with pytest.raises(BundleError, match=reason):
        peek_header(with_header(SMALL2, raw_header(SMALL2)[:cut]))


def test_unknown_suite_and_bad_fields() -> None:
    head = bytearray(raw_header(SMALL2))
    suite_at = len(head) - 81
    assert head[suite_at] == 2  # "...zlib-cd1"
    head[suite_at] = 9
    with pytest.raises(BundleError, match="cipher suite number 9"):
        peek_header(with_header(SMALL2, bytes(head)))
    head = bytearray(raw_header(SMALL2))
    head[16 + 1] = ord("E")  # kind "Events"
    with pytest.raises(BundleError, match="kind"):
        peek_header(with_header(SMALL2, bytes(head)))
    with pytest.raises(BundleError, match="number is too long"):
        peek_header(with_header(SMALL2, raw_header(SMALL2)[:51] + b"\xff" * 12))


def test_newer_version_refused() -> None:
    with pytest.raises(BundleError, match=r"version 3 is newer .* \(2\); update counterdesk"):
        peek_header(b"CDBUNDLE\x03" + SMALL2[9:])


def test_split_bundles_written_back_to_back() -> None:
    a = make2(b"a" * 100)
    b = make2(b"", kind="ack", format_version=1)
    c = make2(RNG.randbytes(3000), chunk_size=64)
    assert bundle_size(a) == len(a) and bundle_size(b + c) == len(b)
    assert split_bundles(a + b + c) == [a, b, c]
    assert split_bundles(b"") == []
    with pytest.raises(BundleError, match="bundle 3 of the answer is truncated"):
        split_bundles(a + b + c[:-1])
    with pytest.raises(BundleError, match="not a counterdesk bundle"):
        split_bundles(a + b"junk" * 10)
    with pytest.raises(BundleError, match="more than 2 bundles"):
        split_bundles(a + a + a, limit=2)


def test_reply_direction_and_payload_checksum() -> None:
    payload = b'{"format":1}' * 50
    data = write_bundle(
        payload=payload,
        kind="ack",
        sender="HUB",
        recipient="JGB-01",
        sender_key=HUB_SIGN,
        recipient_public=DESK_BOX.public_key(),
    )
    header, out = read_bundle(data, recipient_private=DESK_BOX, sender_public=HUB_SIGN.public_key())
    assert out == payload and header.payload_sha256 == hashlib.sha256(payload).hexdigest()
    assert header.epoch == "" and header.file_name().startswith("HUB_to_JGB-01_ack_")


SAMPLES2 = [(b"", make2(b"")), (b"Small payload " * 10, SMALL2), (read2(SEVEN2)[1], SEVEN2)]


@HYPOTHESIS
@given(st.sampled_from(SAMPLES2), st.lists(_mutation, min_size=1, max_size=4), st.booleans())
def test_fuzz_mutated_v2_bundles(
    sample: tuple[bytes, bytes], mutations: list[tuple[str, int, object]], sign_again: bool
) -> None:
    payload, data = sample
    mutated = _mutate(data, mutations)
    if sign_again:
        mutated = resign(mutated)
    try:
        _, out = read2(mutated)
    except BundleError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert out == payload


@HYPOTHESIS
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_binary_headers(raw: bytes) -> None:
    for data in (b"CDBUNDLE\x02" + struct.pack(">I", len(raw)) + raw, b"CDBUNDLE\x02" + raw):
        try:
            peek_header(data)
        except BundleError as exc:
            assert str(exc) and "\n" not in str(exc)
    with pytest.raises(BundleError):
        read2(b"CDBUNDLE\x02" + struct.pack(">I", len(raw)) + raw + b"\x00" * END)
