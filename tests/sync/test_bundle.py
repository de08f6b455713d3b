"""Tests for the bundle file format (counterdesk.sync.bundle), version 1 (JSON header).

Version 1 is no longer written by default, but files of it exist on sticks and must keep
reading exactly as before; version 2 (binary header) is in test_bundle_v2.py.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import json
import os
import pathlib
import random
import re
import struct
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterdesk.domain.errors import CounterdeskError
from counterdesk.sync import bundle
from counterdesk.sync.bundle import (
    BundleError,
    BundleHeader,
    key_id,
    peek_header,
    read_bundle,
    write_atomically,
    write_bundle,
)

DESK_SIGN = Ed25519PrivateKey.generate()
DESK_BOX = X25519PrivateKey.generate()
HUB_SIGN = Ed25519PrivateKey.generate()
HUB_BOX = X25519PrivateKey.generate()
OTHER_SIGN = Ed25519PrivateKey.generate()
OTHER_BOX = X25519PrivateKey.generate()

PREFIX = 13  # magic (8) + version (1) + header length (4)
END = 72  # signature (64) + trailer (8)
FAT_ILLEGAL = re.compile(r'[:*?"<>|\\/\x00-\x1f]')

HYPOTHESIS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def make(payload: bytes = b"hello", **kw: object) -> bytes:
    """A desk -> hub events bundle (format version 1 unless told otherwise)."""
    args: dict[str, object] = {
        "format_version": 1,
        "payload": payload,
        "kind": "events",
        "sender": "JGB-01",
        "recipient": "HUB",
        "sender_key": DESK_SIGN,
        "recipient_public": HUB_BOX.public_key(),
        "epoch": "e3f1c0ffee",
        "seq_first": 101,
        "seq_last": 250,
        "count": 150,
    }
    args.update(kw)
    return write_bundle(**args)  # type: ignore[arg-type]


def read(data: bytes) -> tuple[BundleHeader, bytes]:
    return read_bundle(data, recipient_private=HUB_BOX, sender_public=DESK_SIGN.public_key())


def header_end(data: bytes) -> int:
    (length,) = struct.unpack_from(">I", data, 9)
    return PREFIX + int(length)


def split_chunks(data: bytes) -> tuple[bytes, list[bytes], bytes]:
    """(prefix+header, encrypted chunks, signature+trailer) of a well-formed bundle."""
    h = peek_header(data)
    start = header_end(data)
    body = data[start:-END]
    stride = h.chunk_size + 16
    return data[:start], [body[i : i + stride] for i in range(0, len(body), stride)], data[-END:]


def resign(data: bytes, key: Ed25519PrivateKey = DESK_SIGN) -> bytes:
    """Replace the signature so that tampering must be caught by the inner layers."""
    if len(data) < END:
        return data
    region = data[:-END]
    return region + key.sign(bundle._signature_message(region)) + data[-8:]


def forge(
    compressed: bytes,
    *,
    payload_length: int,
    payload_sha256: str,
    chunk_size: int = 64,
    seal_to: X25519PrivateKey = HUB_BOX,
) -> bytes:
    """A correctly signed and encrypted bundle around arbitrary 'compressed' bytes."""
    content_key = os.urandom(32)
    bid = os.urandom(16).hex()
    sealed = bundle._HPKE_SUITE.encrypt(
        content_key, seal_to.public_key(), info=bundle._hpke_info(bid)
    )
    header = dataclasses.replace(
        peek_header(make(b"")),
        bundle_id=bid,
        payload_length=payload_length,
        payload_sha256=payload_sha256,
        compressed_length=len(compressed),
        chunk_size=chunk_size,
        chunk_count=-(-len(compressed) // chunk_size),
        sealed_key=base64.b64encode(sealed).decode(),
    )
    return bundle._assemble(header, compressed, content_key, DESK_SIGN)


def raw_prefix(header_obj: object, version: int = 1) -> bytes:
    text = json.dumps(header_obj, sort_keys=True, separators=(",", ":")).encode()
    return bundle.MAGIC + bytes([version]) + struct.pack(">I", len(text)) + text


RNG = random.Random(20240601)
SMALL = make(b"Small payload " * 10)
SEVEN = make(RNG.randbytes(400), chunk_size=64)  # incompressible: 7 chunks of 64
TEXT_MB = b"".join(
    f"event {i}: request R-{i:08d} moved to READY at counter 3\n".encode() for i in range(9000)
)
BIG_PAYLOAD = RNG.randbytes(512 * 1024) + TEXT_MB[: 1024 * 1024 - 512 * 1024]


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize(
    "payload",
    [b"", b"x", b"Small payload " * 10, BIG_PAYLOAD],
    ids=["empty", "one-byte", "small", "1MB-random+text"],
)
def test_round_trip(payload: bytes) -> None:
    data = make(payload, created_at="2024-06-01T08:00:00+07:00")
    header, out = read(data)
    assert out == payload
    assert header == peek_header(data)
    assert header.kind == "events"
    assert (header.sender, header.recipient) == ("JGB-01", "HUB")
    assert (header.seq_first, header.seq_last, header.count) == (101, 250, 150)
    assert header.epoch == "e3f1c0ffee"
    assert header.created_at == "2024-06-01T08:00:00+07:00"
    assert header.payload_length == len(payload)
    assert header.payload_sha256 == hashlib.sha256(payload).hexdigest()
    assert header.sender_key_id == key_id(DESK_SIGN.public_key())
    assert header.recipient_key_id == key_id(HUB_BOX.public_key())
    assert re.fullmatch(r"[0-9a-f]{32}", header.bundle_id)
    assert header.chunk_count == -(-header.compressed_length // header.chunk_size)
    if payload is BIG_PAYLOAD:
        assert header.chunk_count > 5
    assert data.startswith(b"CDBUNDLE\x01")
    assert data.endswith(bundle.TRAILER)


def test_round_trip_many_small_chunks_and_hub_to_desk() -> None:
    payload = b'{"services":["KTP","KK"]}' * 300
    data = write_bundle(
        payload=payload,
        kind="refdata",
        sender="HUB",
        recipient="JGB-01",
        sender_key=HUB_SIGN,
        recipient_public=DESK_BOX.public_key(),
        chunk_size=64,
        bundle_id="0123456789abcdef0123456789abcdef",
    )
    header, out = read_bundle(data, recipient_private=DESK_BOX, sender_public=HUB_SIGN.public_key())
    assert out == payload
    assert header.bundle_id == "0123456789abcdef0123456789abcdef"
    assert header.created_at  # filled in when not given
    assert header.epoch == "" and header.count == 0


def test_each_bundle_is_fresh() -> None:
    a, b = make(b"same"), make(b"same")
    assert peek_header(a).bundle_id != peek_header(b).bundle_id
    assert peek_header(a).sealed_key != peek_header(b).sealed_key


def test_key_id() -> None:
    pub = DESK_SIGN.public_key()
    raw = pub.public_bytes_raw()
    assert key_id(pub) == hashlib.sha256(raw).hexdigest()[:16]
    assert re.fullmatch(r"[0-9a-f]{16}", key_id(HUB_BOX.public_key()))


def test_bundle_error_is_a_counterdesk_error() -> None:
    assert issubclass(BundleError, CounterdeskError)


def test_peek_header_needs_only_the_beginning() -> None:
    data = make(BIG_PAYLOAD)
    assert peek_header(data[: header_end(data)]) == peek_header(data)


# --------------------------------------------------------------------------- keys


def test_wrong_recipient_key() -> None:
    with pytest.raises(BundleError, match="not for this recipient"):
        read_bundle(SMALL, recipient_private=OTHER_BOX, sender_public=DESK_SIGN.public_key())


def test_wrong_sender_key() -> None:
    with pytest.raises(BundleError) as err:
        read_bundle(SMALL, recipient_private=HUB_BOX, sender_public=OTHER_SIGN.public_key())
    msg = str(err.value)
    assert f"signed by key {key_id(DESK_SIGN.public_key())}" in msg
    assert f"expected {key_id(OTHER_SIGN.public_key())}" in msg


def test_signed_by_another_key_with_right_key_id() -> None:
    with pytest.raises(BundleError, match=r"^bad signature"):
        read(resign(SMALL, OTHER_SIGN))


def test_content_key_sealed_to_someone_else() -> None:
    # Signed by the right sender and claiming our key id, but sealed to another key.
    data = forge(
        zlib.compress(b"x"),
        payload_length=1,
        payload_sha256=hashlib.sha256(b"x").hexdigest(),
        seal_to=OTHER_BOX,
    )
    assert peek_header(data).recipient_key_id == key_id(HUB_BOX.public_key())
    with pytest.raises(BundleError, match="cannot open the bundle's content key"):
        read(data)


# --------------------------------------------------------------------------- damage


def test_every_byte_flip_is_detected() -> None:
    data = SEVEN
    for pos in range(len(data)):
        for mask in (0x01, 0x80):
            damaged = bytearray(data)
            damaged[pos] ^= mask
            with pytest.raises(BundleError):
                read(bytes(damaged))


def test_byte_flips_in_chunks_are_caught_by_the_cipher_too() -> None:
    data = SEVEN
    start = header_end(data)
    for pos in range(start, len(data) - END, 7):
        damaged = bytearray(data)
        damaged[pos] ^= 0x20
        with pytest.raises(BundleError, match="failed authentication"):
            read(resign(bytes(damaged)))


def test_header_edits_are_caught_by_the_cipher_too() -> None:
    # Even with a valid signature, a changed header invalidates every chunk.
    header = dataclasses.replace(peek_header(SEVEN), count=151)
    head = header.to_json_bytes()
    prefix = SEVEN[:9] + struct.pack(">I", len(head)) + head
    data = resign(prefix + SEVEN[header_end(SEVEN) :])
    assert peek_header(data).count == 151
    with pytest.raises(BundleError, match="chunk 1 of 7 failed authentication"):
        read(data)


def test_truncation_at_every_length() -> None:
    data = SEVEN
    for n in range(len(data)):
        with pytest.raises(BundleError):
            read(data[:n])
    for n in range(len(data)):
        with pytest.raises(BundleError):
            read(resign(data[:n]))


def test_truncation_messages() -> None:
    data = SEVEN
    start = header_end(data)
    assert peek_header(data).chunk_count == 7
    with pytest.raises(BundleError, match=r"truncated \(file ends inside chunk 3 of 7"):
        read(data[: start + 2 * 80 + 5])
    with pytest.raises(BundleError, match=r"truncated \(file ends after chunk 2 of 7"):
        read(data[: start + 2 * 80])
    with pytest.raises(BundleError, match="inside the signature"):
        read(data[:-10])
    with pytest.raises(BundleError, match="inside the header"):
        read(data[: start - 1])
    with pytest.raises(BundleError, match="empty"):
        read(b"")
    with pytest.raises(BundleError, match="magic"):
        read(b"CDBU")


def test_extra_bytes_and_damaged_trailer() -> None:
    with pytest.raises(BundleError, match="extra byte"):
        read(SMALL + b"\x00")
    with pytest.raises(BundleError, match="extra byte"):
        read(SMALL + SMALL)
    with pytest.raises(BundleError, match="end marker"):
        read(SMALL[:-1] + b"X")


def test_chunk_reordering_detected() -> None:
    head, chunks, end = split_chunks(SEVEN)
    assert len(chunks) == 7
    swapped = chunks[:]
    swapped[1], swapped[2] = swapped[2], swapped[1]
    data = head + b"".join(swapped) + end
    with pytest.raises(BundleError, match=r"^bad signature"):
        read(data)
    with pytest.raises(BundleError, match="chunk 2 of 7 failed authentication"):
        read(resign(data))


def test_dropped_chunk_detected() -> None:
    head, chunks, end = split_chunks(SEVEN)
    data = resign(head + b"".join(chunks[:3] + chunks[4:]) + end)
    with pytest.raises(BundleError, match="truncated"):
        read(data)
    # Move the short final chunk into the place of a dropped full one: sizes still add up
    # to a plausible file, but indexes and the final flag no longer match.
    data = resign(head + b"".join(chunks[:5] + chunks[6:] + chunks[5:6]) + end)
    with pytest.raises(BundleError):
        read(data)


def test_chunk_splicing_from_another_bundle_detected() -> None:
    other = make(RNG.randbytes(400), chunk_size=64)
    head, chunks, end = split_chunks(SEVEN)
    _, other_chunks, _ = split_chunks(other)
    assert len(other_chunks) == len(chunks)
    spliced = chunks[:3] + other_chunks[3:4] + chunks[4:]
    data = head + b"".join(spliced) + end
    with pytest.raises(BundleError, match=r"^bad signature"):
        read(data)
    with pytest.raises(BundleError, match="chunk 4 of 7 failed authentication"):
        read(resign(data))
    # The other bundle's header with our chunks (same sizes) fails as well.
    other_head = split_chunks(other)[0]
    with pytest.raises(BundleError):
        read(resign(other_head + b"".join(chunks) + end))


# --------------------------------------------------------------------------- versions, limits


def test_newer_version_refused() -> None:
    data = SMALL[:8] + b"\x03" + SMALL[9:]
    msg = "bundle format version 3 is newer than this program understands (2); update counterdesk"
    with pytest.raises(BundleError) as err:
        peek_header(data)
    assert str(err.value) == msg
    with pytest.raises(BundleError) as err:
        read(data)
    assert str(err.value) == msg
    with pytest.raises(BundleError, match="version 0 is not valid"):
        peek_header(SMALL[:8] + b"\x00" + SMALL[9:])


def test_wrong_magic() -> None:
    for data in (b"PK\x03\x04" + SMALL[4:], b"%PDF-1.7\n", b"hello world", b"\x00" * 100):
        with pytest.raises(BundleError, match=r"^not a counterdesk bundle"):
            peek_header(data)


def _header_dict(**changes: object) -> dict[str, object]:
    d: dict[str, object] = dataclasses.asdict(peek_header(SMALL))
    del d["format_version"]
    d.update(changes)
    return d


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"chunk_count": 1_000_001, "chunk_size": 64, "compressed_length": 64_000_064}, "chunk"),
        ({"payload_length": 512 * 1024 * 1024 + 1}, "payload_length"),
        ({"payload_length": -1}, "payload_length"),
        ({"seq_first": True}, "seq_first"),
        ({"seq_first": 1.5}, "seq_first"),
        ({"seq_first": 300}, "seq_last"),
        ({"sender": "JGB/01"}, "sender"),
        ({"sender": ""}, "sender"),
        ({"kind": "Events"}, "kind"),
        ({"recipient": None}, "recipient"),
        ({"sender_key_id": "ABCDEF0123456789"}, "sender_key_id"),
        ({"bundle_id": "x" * 32}, "bundle_id"),
        ({"chunk_size": 1}, "chunk_size"),
        ({"chunk_count": 2}, "chunk_count"),
        ({"suite": "rot13"}, "suite"),
        ({"sealed_key": "AAAA"}, "sealed_key"),
        ({"sealed_key": "!!!"}, "sealed_key"),
        ({"created_at": "2024\n"}, "created_at"),
        ({"extra": 1}, "unknown field"),
    ],
)
def test_nonsense_header_values_refused(changes: dict[str, object], reason: str) -> None:
    with pytest.raises(BundleError, match=reason):
        peek_header(raw_prefix(_header_dict(**changes)))


def test_missing_field_and_non_object_headers() -> None:
    d = _header_dict()
    del d["epoch"]
    with pytest.raises(BundleError, match="missing field"):
        peek_header(raw_prefix(d))
    for obj in ([], "x", 12, None, [1, 2]):
        with pytest.raises(BundleError, match="not a JSON object"):
            peek_header(raw_prefix(obj))


def test_header_must_be_canonical_json() -> None:
    d = _header_dict()
    base = raw_prefix(d)
    assert peek_header(base) == peek_header(SMALL)
    spaced = json.dumps(d, sort_keys=True).encode()
    with pytest.raises(BundleError, match="canonical"):
        peek_header(b"CDBUNDLE\x01" + struct.pack(">I", len(spaced)) + spaced)
    text = json.dumps(d, sort_keys=True, separators=(",", ":"))
    dup = ('{"count":1,' + text[1:]).encode()
    with pytest.raises(BundleError):
        peek_header(b"CDBUNDLE\x01" + struct.pack(">I", len(dup)) + dup)


@pytest.mark.parametrize(
    "header",
    [b"[" * 60000 + b"]" * 60000, b"\xff\xfe{}", b"{", b'{"a":NaN}', b'{"a":' + b"9" * 5000 + b"}"],
    ids=["deep", "not-utf8", "unterminated", "nan", "huge-int"],
)
def test_hostile_header_json(header: bytes) -> None:
    with pytest.raises(BundleError):
        peek_header(b"CDBUNDLE\x01" + struct.pack(">I", len(header)) + header)


def test_header_length_limits() -> None:
    for length in (0, 1, 64 * 1024 + 1, 2**32 - 1):
        with pytest.raises(BundleError, match="header length"):
            peek_header(b"CDBUNDLE\x01" + struct.pack(">I", length) + b"{}" * 10)


def test_zip_bomb_refused() -> None:
    bomb = zlib.compress(b"\x00" * (20 * 1024 * 1024), 9)
    data = forge(bomb, payload_length=1000, payload_sha256="0" * 64, chunk_size=4096)
    with pytest.raises(BundleError, match="expands beyond its declared 1000 bytes"):
        read(data)


@pytest.mark.parametrize(
    ("compressed", "length", "sha", "reason"),
    [
        (b"not zlib at all, sorry", 10, "0" * 64, "cannot be decompressed"),
        (zlib.compress(b"abc") + b"junk", 3, hashlib.sha256(b"abc").hexdigest(), "after the end"),
        (zlib.compress(b"abc") + b"j" * 100, 3, hashlib.sha256(b"abc").hexdigest(), "after"),
        (zlib.compress(b"abc" * 100)[:-6], 300, "0" * 64, "incomplete"),
        (zlib.compress(b"abc"), 4, hashlib.sha256(b"abc").hexdigest(), "3 bytes but the header"),
        (zlib.compress(b"abc"), 3, "0" * 64, "checksum"),
    ],
    ids=["garbage", "trailing", "trailing-next-chunk", "cut-stream", "length", "sha"],
)
def test_bad_compressed_payload(compressed: bytes, length: int, sha: str, reason: str) -> None:
    data = forge(compressed, payload_length=length, payload_sha256=sha)
    with pytest.raises(BundleError, match=reason):
        read(data)


# --------------------------------------------------------------------------- privacy, names


def test_no_personal_data_in_file() -> None:
    name, nik = "Siti Nurhaliza", "3171234567890123"
    payload = json.dumps(
        [{"citizen": name, "nik": nik, "service": "KTP", "seq": i} for i in range(200)]
    ).encode()
    for chunk_size in (64, 65536):
        data = make(payload, chunk_size=chunk_size)
        assert read(data)[1] == payload
        for needle in (name, nik, "Siti", "Nurhaliza", nik[:8], nik[-8:]):
            for encoded in (needle.encode(), needle.encode("utf-16-le"), needle.lower().encode()):
                assert encoded not in data
        head = data[: header_end(data)].decode("utf-8", "replace")
        assert name not in head and nik not in head
    # Uncompressible and compressible versions alike.
    data = make(nik.encode() + b" " + name.encode())
    assert nik.encode() not in data and name.encode() not in data


def test_file_names() -> None:
    events = peek_header(
        make(b"x", sender="JGB-01", epoch="e3f1c0ffee", seq_first=101, seq_last=250)
    )
    assert events.file_name() == "JGB-01_e3f1_000101-000250.cdb"
    no_epoch = peek_header(make(b"x", epoch="", seq_first=0, seq_last=0))
    assert no_epoch.file_name() == "JGB-01_0000_000000-000000.cdb"
    ack = peek_header(
        make(
            b"",
            kind="ack",
            sender="HUB",
            recipient="JGB-01",
            sender_key=HUB_SIGN,
            recipient_public=DESK_BOX.public_key(),
        )
    )
    assert ack.file_name() == f"HUB_to_JGB-01_ack_{ack.bundle_id[:8]}.cdb"


@pytest.mark.parametrize("kind", ["events", "ack", "refdata", "enroll", "a" * 16])
def test_longest_file_names_are_legal_on_fat(kind: str) -> None:
    data = make(
        b"x",
        kind=kind,
        sender="S" * 24,
        recipient="R" * 24,
        epoch="E" * 64,
        seq_first=bundle.MAX_SEQ,
        seq_last=bundle.MAX_SEQ,
        count=bundle.MAX_SEQ,
        created_at="~" * 64,
    )
    name = peek_header(data).file_name()
    assert len(name) <= 100
    assert FAT_ILLEGAL.search(name) is None
    assert name.endswith(".cdb") and not name.startswith(".") and " " not in name


@pytest.mark.parametrize(
    "changes",
    [
        {"sender": "JGB_01"},
        {"sender": "JGB:01"},
        {"recipient": "a" * 25},
        {"kind": "ACK"},
        {"epoch": "e/1"},
        {"seq_first": -1},
        {"seq_first": 5, "seq_last": 4},
        {"count": True},
        {"chunk_size": 10},
        {"chunk_size": 64 * 1024 * 1024},
        {"bundle_id": "not-hex"},
        {"created_at": "2024-06-01\t08:00"},
    ],
)
def test_write_refuses_bad_arguments(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        make(b"x", **changes)


# --------------------------------------------------------------------------- atomic write


def test_write_atomically(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "JGB-01_0000_000001-000002.cdb"
    write_atomically(target, b"first")
    write_atomically(target, SMALL)
    assert target.read_bytes() == SMALL
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_write_atomically_cleans_up_on_failure(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_bytes(b"")  # a non-empty directory cannot be replaced
    with pytest.raises(OSError):
        write_atomically(target, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


# --------------------------------------------------------------------------- fuzzing


def _only_bundle_errors(data: bytes, original: bytes | None = None) -> None:
    with contextlib.suppress(BundleError):
        peek_header(data)
    try:
        _, payload = read(data)
    except BundleError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert original is not None and payload == original


@HYPOTHESIS
@given(st.binary(max_size=600))
def test_fuzz_arbitrary_bytes(data: bytes) -> None:
    _only_bundle_errors(data)
    _only_bundle_errors(b"CDBUNDLE\x01" + data)
    _only_bundle_errors(SMALL[: header_end(SMALL)] + data)


SAMPLES = [
    (b"", make(b"")),
    (b"Small payload " * 10, SMALL),
    (b"", make(b"", chunk_size=64)),
    (read(SEVEN)[1], SEVEN),
]

_mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 100)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("dup"), st.integers(0, 10**6), st.integers(1, 200)),
    # Aim at the encrypted chunks, which are small next to the header in these samples.
    st.tuples(st.just("chunk-flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("chunk-swap"), st.integers(0, 10**6), st.integers(0, 10**6)),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, object]]) -> bytes:
    buf = bytearray(data)
    body_start, body_end = header_end(data), len(data) - END
    for op, pos, arg in mutations:
        if op.startswith("chunk-"):
            if op == "chunk-flip" and body_end > body_start and body_end <= len(buf):
                assert isinstance(arg, int)
                buf[body_start + pos % (body_end - body_start)] ^= arg
            elif op == "chunk-swap" and body_end <= len(buf):
                _, chunks, _ = split_chunks(data)
                assert isinstance(arg, int)
                i, j = pos % len(chunks), arg % len(chunks)
                chunks[i], chunks[j] = chunks[j], chunks[i]
                buf[body_start:body_end] = b"".join(chunks)
            continue
        pos %= len(buf) + 1
        if op == "flip" and pos < len(buf):
            assert isinstance(arg, int)
            buf[pos] ^= arg
        elif op == "insert":
            assert isinstance(arg, bytes)
            buf[pos:pos] = arg
        elif op == "delete":
            assert isinstance(arg, int)
            del buf[pos : pos + arg]
        elif op == "truncate":
            del buf[pos:]
        elif op == "dup":
            assert isinstance(arg, int)
            buf[pos:pos] = buf[pos : pos + arg]
    return bytes(buf)


@HYPOTHESIS
@given(
    st.sampled_from(SAMPLES),
    st.lists(_mutation, min_size=1, max_size=4),
    st.booleans(),
)
def test_fuzz_mutated_bundles(
    sample: tuple[bytes, bytes], mutations: list[tuple[str, int, object]], sign_again: bool
) -> None:
    payload, data = sample
    mutated = _mutate(data, mutations)
    if sign_again:
        mutated = resign(mutated)
    _only_bundle_errors(mutated, payload)


_json_value = st.one_of(
    st.from_regex(r"[A-Za-z0-9-]{0,40}", fullmatch=True),
    st.integers(0, 5000),
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@HYPOTHESIS
@given(
    st.dictionaries(
        st.sampled_from([*bundle._HEADER_FIELDS, "extra"]), _json_value, min_size=0, max_size=6
    ),
    st.booleans(),
)
def test_fuzz_header_values(changes: dict[str, object], sign_it: bool) -> None:
    fields = _header_dict(**changes)
    prefix = raw_prefix(fields)
    _only_bundle_errors(prefix)
    data = prefix + SMALL[header_end(SMALL) :]
    _only_bundle_errors(resign(data) if sign_it else data, b"Small payload " * 10)
