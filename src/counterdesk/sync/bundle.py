"""The counterdesk bundle file: signed, encrypted, chunked payloads for desk <-> hub sync.

A bundle is pure bytes; this module never decides where files go (except for
:func:`write_atomically`, which only makes one write crash-safe).

Layout (all integers big-endian)::

    offset   size  field
    0        8     magic  b"CDBUNDLE"
    8        1     format version (2 is written; 1 is still read)
    9        4     header length H (uint32, 2 .. 65536)
    13       H     header, no personal data:
                   version 1: canonical JSON (sorted keys, compact, UTF-8)
                   version 2: the same fields in compact binary (see below)
    13+H     ...   chunk_count encrypted chunks, back to back, no length prefixes:
                   chunk i = ChaCha20-Poly1305(content key, nonce = 0x00000000 || u64(i),
                             ad = "CDB1-chunk" || sha256(bytes 0 .. 13+H) || u64(i) || final(1))
                             over compressed[i*chunk_size : (i+1)*chunk_size]
                   so every chunk is chunk_size + 16 bytes except the last, which may be shorter
    end-72   64    Ed25519 signature by the sender over
                   "counterdesk bundle v1 signature\\0" || sha256(bytes 0 .. end-72)
    end-8    8     trailer b"CDBEND01"

Version 2 header, field by field in this order (``varint``: unsigned LEB128, shortest form;
``token``: one length byte then ASCII, or, for an even-length lowercase hex string, the byte
0x80 | n then its n raw bytes)::

    bundle_id 16 raw bytes, kind token, sender token, recipient token, epoch token,
    seq_first varint, seq_last varint, count varint, sender_key_id 8 raw bytes,
    recipient_key_id 8 raw bytes, created_at token, payload_length varint,
    payload_sha256 32 raw bytes, compressed_length varint, chunk_size varint,
    chunk_count varint, suite 1 byte (1 = "...zlib", 2 = "...zlib-cd1"), sealed_key 80 raw bytes

It carries exactly the fields of version 1 in about 230 bytes instead of about 620, which is
what a bundle costs on the wire besides its payload. Either header has one byte
representation only (anything else is refused), and the rest of the file is the same.

The compressed stream is zlib (level 9) of the whole payload; with the suite ``...zlib-cd1``
(what version 2 writes) the compressor starts from the preset dictionary of
:mod:`counterdesk.sync.zdict`. The 32-byte content key is
fresh per bundle and sealed to the recipient's X25519 key with HPKE (RFC 9180, base mode,
DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305); the sealed key (HPKE ``enc``
followed by the ciphertext) is the header field ``sealed_key`` (base64).

Reading verifies the signature before decrypting or decompressing anything, and every
failure is a :class:`BundleError` with a one-line reason meant for a person. A reader also
names the largest payload it accepts (``max_payload``, by default
:data:`READ_PAYLOAD_LIMIT`): the declared ``payload_length`` is checked against it before
anything else, and the inflater never produces more than the declared length, so a small
file that would inflate to gigabytes costs at most ``max_payload`` bytes of memory.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import pathlib
import re
import secrets
import struct
import uuid
import zlib
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from counterdesk.domain.errors import CounterdeskError
from counterdesk.sync.zdict import DICTIONARY

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "FORMAT_VERSION",
    "MAGIC",
    "MAX_PAYLOAD_LENGTH",
    "READABLE_VERSIONS",
    "READ_PAYLOAD_LIMIT",
    "BundleError",
    "BundleHeader",
    "bundle_size",
    "check_payload_limit",
    "key_id",
    "peek_header",
    "read_bundle",
    "split_bundles",
    "wrapped_payload_limit",
    "write_atomically",
    "write_bundle",
]

MAGIC: Final = b"CDBUNDLE"
FORMAT_VERSION: Final = 2  # the version written; every version from 1 up to it is read
READABLE_VERSIONS: Final = (1, 2)
TRAILER: Final = b"CDBEND01"
SUITE: Final = "hpke-x25519-hkdfsha256-chacha20poly1305/chacha20poly1305/zlib"
# The same, with zlib started from a preset dictionary (counterdesk.sync.zdict): format 2.
SUITE_CD1: Final = "hpke-x25519-hkdfsha256-chacha20poly1305/chacha20poly1305/zlib-cd1"
_SUITES: Final = frozenset({SUITE, SUITE_CD1})

DEFAULT_CHUNK_SIZE: Final = 64 * 1024
MIN_CHUNK_SIZE: Final = 64
MAX_CHUNK_SIZE: Final = 16 * 1024 * 1024
MAX_CHUNK_COUNT: Final = 1_000_000
MAX_HEADER_LENGTH: Final = 64 * 1024
MAX_PAYLOAD_LENGTH: Final = 512 * 1024 * 1024  # what the format can describe
# What a reader accepts unless it says otherwise (from a stick, or in the hub's answer):
# desks write at most 8 MiB per bundle and the hub's reference data is far smaller.
# A declared payload above it is refused before the signature is even checked.
READ_PAYLOAD_LIMIT: Final = 32 * 1024 * 1024
# zlib never grows data by more than ~0.03 % plus a few bytes; this is a generous bound.
MAX_COMPRESSED_LENGTH: Final = MAX_PAYLOAD_LENGTH + MAX_PAYLOAD_LENGTH // 100 + 4096
MAX_SEQ: Final = 10**12 - 1
COMPRESSION_LEVEL: Final = 9

_PREFIX = struct.Struct(">8sBI")  # magic, version, header length
_TAG_LENGTH: Final = 16
_KEY_LENGTH: Final = 32
_SIGNATURE_LENGTH: Final = 64
_SEALED_KEY_LENGTH: Final = 32 + _KEY_LENGTH + _TAG_LENGTH  # HPKE enc + ciphertext + tag
_END_LENGTH: Final = _SIGNATURE_LENGTH + len(TRAILER)

_SIGNATURE_CONTEXT: Final = b"counterdesk bundle v1 signature\x00"
_CHUNK_AD_LABEL: Final = b"CDB1-chunk"
_HPKE_INFO_LABEL: Final = b"counterdesk bundle v1 content key\x00"
_HPKE_SUITE: Final = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)

# Names and codes end up in file names on FAT/exFAT sticks: keep them to a safe alphabet.
_RE_BUNDLE_ID = re.compile(r"[0-9a-f]{32}")
_RE_KIND = re.compile(r"[a-z][a-z0-9-]{0,15}")
_RE_PARTY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,23}")
_RE_EPOCH = re.compile(r"[A-Za-z0-9-]{0,64}")
_RE_KEY_ID = re.compile(r"[0-9a-f]{16}")
_RE_SHA256 = re.compile(r"[0-9a-f]{64}")
_RE_CREATED_AT = re.compile(r"[\x20-\x7e]{0,64}")

EVENTS_KIND: Final = "events"


class BundleError(CounterdeskError):
    """A bundle that cannot be read or written; the message says why, in one line."""


def key_id(public_key: Ed25519PublicKey | X25519PublicKey) -> str:
    """First 16 hex characters of sha256 over the raw public key bytes."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True)
class BundleHeader:
    """The clear-text, signed header of a bundle. It never holds personal data.

    Constructing one validates every field and raises :class:`BundleError` on nonsense.
    ``created_at`` is informational only and must never drive a decision.
    """

    bundle_id: str
    kind: str
    sender: str
    recipient: str
    epoch: str
    seq_first: int
    seq_last: int
    count: int
    sender_key_id: str
    recipient_key_id: str
    created_at: str
    payload_length: int
    payload_sha256: str
    compressed_length: int
    chunk_size: int
    chunk_count: int
    suite: str
    sealed_key: str
    format_version: int = FORMAT_VERSION  # how the header is laid out in the file

    def __post_init__(self) -> None:
        _validate_header(self)

    def file_name(self) -> str:
        """A file name for this bundle, legal on FAT32/exFAT and at most 100 characters.

        Events: ``JGB-01_e3f1_000101-000250.cdb``; other kinds:
        ``HUB_to_JGB-01_ack_1a2b3c4d.cdb``.
        """
        if self.kind == EVENTS_KIND:
            epoch4 = self.epoch[:4] or "0000"
            return f"{self.sender}_{epoch4}_{self.seq_first:06d}-{self.seq_last:06d}.cdb"
        return f"{self.sender}_to_{self.recipient}_{self.kind}_{self.bundle_id[:8]}.cdb"

    def sealed_key_bytes(self) -> bytes:
        """The HPKE-sealed content key (``enc`` || ciphertext)."""
        return base64.b64decode(self.sealed_key, validate=True)

    def to_json_bytes(self) -> bytes:
        """The canonical JSON form of the header (as stored in a version 1 file)."""
        fields = dataclasses.asdict(self)
        del fields["format_version"]
        return _canonical_json(fields)

    def header_bytes(self) -> bytes:
        """The header as stored in the file, in the layout of its ``format_version``."""
        if self.format_version == 1:
            return self.to_json_bytes()
        return _encode_binary_header(self)


_HEADER_FIELDS: Final = tuple(
    f.name for f in dataclasses.fields(BundleHeader) if f.name != "format_version"
)


def _canonical_json(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _bad_field(name: str, why: str) -> BundleError:
    return BundleError(f"bundle header field {name!r} is invalid: {why}")


def _check_str(name: str, value: object, pattern: re.Pattern[str], what: str) -> None:
    if type(value) is not str:
        raise _bad_field(name, "not a string")
    if pattern.fullmatch(value) is None:
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise _bad_field(name, f"{shown!a} is not {what}")


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if type(value) is not int:
        raise _bad_field(name, "not an integer")
    if not low <= value <= high:
        raise _bad_field(name, f"{value} is outside {low}..{high}")


def _validate_header(h: BundleHeader) -> None:
    if type(h.format_version) is not int or h.format_version not in READABLE_VERSIONS:
        raise _bad_field("format_version", f"{h.format_version!r} is not a known bundle format")
    _check_str("bundle_id", h.bundle_id, _RE_BUNDLE_ID, "32 lowercase hex characters")
    _check_str("kind", h.kind, _RE_KIND, "a kind name (a-z, 0-9, '-', at most 16)")
    party = "a desk or hub code (A-Z, a-z, 0-9, '-', at most 24)"
    _check_str("sender", h.sender, _RE_PARTY, party)
    _check_str("recipient", h.recipient, _RE_PARTY, party)
    _check_str("epoch", h.epoch, _RE_EPOCH, "an epoch id (A-Z, a-z, 0-9, '-', at most 64)")
    _check_int("seq_first", h.seq_first, 0, MAX_SEQ)
    _check_int("seq_last", h.seq_last, 0, MAX_SEQ)
    _check_int("count", h.count, 0, MAX_SEQ)
    if h.seq_last < h.seq_first:
        raise _bad_field("seq_last", f"{h.seq_last} is below seq_first {h.seq_first}")
    _check_str("sender_key_id", h.sender_key_id, _RE_KEY_ID, "16 lowercase hex characters")
    _check_str("recipient_key_id", h.recipient_key_id, _RE_KEY_ID, "16 lowercase hex characters")
    _check_str("created_at", h.created_at, _RE_CREATED_AT, "printable ASCII of at most 64")
    _check_int("payload_length", h.payload_length, 0, MAX_PAYLOAD_LENGTH)
    _check_str("payload_sha256", h.payload_sha256, _RE_SHA256, "64 lowercase hex characters")
    _check_int("compressed_length", h.compressed_length, 1, MAX_COMPRESSED_LENGTH)
    _check_int("chunk_size", h.chunk_size, MIN_CHUNK_SIZE, MAX_CHUNK_SIZE)
    _check_int("chunk_count", h.chunk_count, 1, MAX_CHUNK_COUNT)
    expected_chunks = -(-h.compressed_length // h.chunk_size)
    if h.chunk_count != expected_chunks:
        raise _bad_field(
            "chunk_count",
            f"{h.chunk_count} does not fit {h.compressed_length} compressed bytes "
            f"in chunks of {h.chunk_size} (expected {expected_chunks})",
        )
    if type(h.suite) is not str:
        raise _bad_field("suite", "not a string")
    if h.suite not in _SUITES:
        raise _bad_field("suite", f"unsupported cipher suite {h.suite[:80]!a}")
    if type(h.sealed_key) is not str:
        raise _bad_field("sealed_key", "not a string")
    try:
        raw = base64.b64decode(h.sealed_key, validate=True)
    except (binascii.Error, ValueError):
        raise _bad_field("sealed_key", "not valid base64") from None
    if len(raw) != _SEALED_KEY_LENGTH or base64.b64encode(raw).decode() != h.sealed_key:
        raise _bad_field("sealed_key", f"not {_SEALED_KEY_LENGTH} bytes in canonical base64")


# --------------------------------------------------------------------------- binary header

_SUITE_IDS: Final = {1: SUITE, 2: SUITE_CD1}
_SUITE_BYTES: Final = {name: ident for ident, name in _SUITE_IDS.items()}
_HEX_TOKEN: Final = re.compile(r"(?:[0-9a-f]{2})+")
_MAX_VARINT_BYTES: Final = 10


def _put_varint(out: bytearray, value: int) -> None:
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return


def _put_token(out: bytearray, text: str) -> None:
    if _HEX_TOKEN.fullmatch(text) and len(text) // 2 < 0x80:
        out.append(0x80 | len(text) // 2)
        out += bytes.fromhex(text)
        return
    raw = text.encode("ascii")
    if len(raw) >= 0x80:
        raise _bad_field("token", "longer than 127 characters")
    out.append(len(raw))
    out += raw


def _encode_binary_header(h: BundleHeader) -> bytes:
    out = bytearray(bytes.fromhex(h.bundle_id))
    for token in (h.kind, h.sender, h.recipient, h.epoch):
        _put_token(out, token)
    for number in (h.seq_first, h.seq_last, h.count):
        _put_varint(out, number)
    out += bytes.fromhex(h.sender_key_id) + bytes.fromhex(h.recipient_key_id)
    _put_token(out, h.created_at)
    _put_varint(out, h.payload_length)
    out += bytes.fromhex(h.payload_sha256)
    for number in (h.compressed_length, h.chunk_size, h.chunk_count):
        _put_varint(out, number)
    out.append(_SUITE_BYTES[h.suite])
    out += h.sealed_key_bytes()
    return bytes(out)


class _HeaderReader:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.pos = 0

    def take(self, n: int, name: str) -> bytes:
        if self.pos + n > len(self.raw):
            raise BundleError(f"bundle header ends inside field {name!r} (damaged file?)")
        piece = self.raw[self.pos : self.pos + n]
        self.pos += n
        return piece

    def varint(self, name: str) -> int:
        value = 0
        for index in range(_MAX_VARINT_BYTES):
            byte = self.take(1, name)[0]
            value |= (byte & 0x7F) << (7 * index)
            if not byte & 0x80:
                return value
        raise _bad_field(name, "the number is too long")

    def token(self, name: str) -> str:
        lead = self.take(1, name)[0]
        if lead & 0x80:
            return self.take(lead & 0x7F, name).hex()
        raw = self.take(lead, name)
        try:
            return raw.decode("ascii")
        except UnicodeDecodeError:
            raise _bad_field(name, "not ASCII text") from None


def _parse_binary_header(raw: bytes) -> BundleHeader:
    r = _HeaderReader(raw)
    bundle_id = r.take(16, "bundle_id").hex()
    kind, sender, recipient, epoch = (r.token(n) for n in ("kind", "sender", "recipient", "epoch"))
    seq_first, seq_last, count = (r.varint(n) for n in ("seq_first", "seq_last", "count"))
    sender_key_id = r.take(8, "sender_key_id").hex()
    recipient_key_id = r.take(8, "recipient_key_id").hex()
    created_at = r.token("created_at")
    payload_length = r.varint("payload_length")
    payload_sha256 = r.take(32, "payload_sha256").hex()
    compressed_length, chunk_size, chunk_count = (
        r.varint(n) for n in ("compressed_length", "chunk_size", "chunk_count")
    )
    suite_id = r.take(1, "suite")[0]
    suite = _SUITE_IDS.get(suite_id)
    if suite is None:
        raise _bad_field("suite", f"unsupported cipher suite number {suite_id}")
    sealed_key = base64.b64encode(r.take(_SEALED_KEY_LENGTH, "sealed_key")).decode("ascii")
    if r.pos != len(raw):
        raise BundleError(
            f"bundle header has {len(raw) - r.pos} unexpected byte(s) at its end (damaged file?)"
        )
    header = BundleHeader(
        bundle_id=bundle_id,
        kind=kind,
        sender=sender,
        recipient=recipient,
        epoch=epoch,
        seq_first=seq_first,
        seq_last=seq_last,
        count=count,
        sender_key_id=sender_key_id,
        recipient_key_id=recipient_key_id,
        created_at=created_at,
        payload_length=payload_length,
        payload_sha256=payload_sha256,
        compressed_length=compressed_length,
        chunk_size=chunk_size,
        chunk_count=chunk_count,
        suite=suite,
        sealed_key=sealed_key,
        format_version=2,
    )  # validates every field's range
    if _encode_binary_header(header) != raw:
        raise BundleError("bundle header is not in canonical form (damaged or hand-edited?)")
    return header


# --------------------------------------------------------------------------- reading


def _parse_prefix(data: bytes) -> tuple[BundleHeader, int]:
    """Parse magic, version and header; return the header and the offset just after it."""
    if len(data) == 0:
        raise BundleError("bundle is empty (0 bytes)")
    if len(data) < len(MAGIC):
        if MAGIC.startswith(data):
            raise BundleError("bundle is truncated (file ends inside the magic bytes)")
        raise BundleError("not a counterdesk bundle (wrong magic bytes)")
    if data[: len(MAGIC)] != MAGIC:
        raise BundleError("not a counterdesk bundle (wrong magic bytes)")
    if len(data) < len(MAGIC) + 1:
        raise BundleError("bundle is truncated (file ends before the format version)")
    version = data[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise BundleError(
            f"bundle format version {version} is newer than this program understands "
            f"({FORMAT_VERSION}); update counterdesk"
        )
    if version not in READABLE_VERSIONS:
        raise BundleError(f"bundle format version {version} is not valid")
    if len(data) < _PREFIX.size:
        raise BundleError("bundle is truncated (file ends inside the header length)")
    _, _, header_length = _PREFIX.unpack_from(data)
    if not 2 <= header_length <= MAX_HEADER_LENGTH:
        raise BundleError(
            f"bundle header length {header_length} is out of range (2..{MAX_HEADER_LENGTH})"
        )
    header_end = _PREFIX.size + header_length
    if len(data) < header_end:
        raise BundleError(
            f"bundle is truncated (file ends inside the header: {len(data) - _PREFIX.size} "
            f"of {header_length} bytes)"
        )
    raw = bytes(data[_PREFIX.size : header_end])
    if version == 1:
        return _parse_header_json(raw), header_end
    return _parse_binary_header(raw), header_end


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _parse_header_json(raw: bytes) -> BundleHeader:
    try:
        text = raw.decode("utf-8")
        obj = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        # UnicodeDecodeError and JSONDecodeError are ValueErrors; so are huge integers.
        raise BundleError("bundle header is not valid JSON (damaged file?)") from None
    if not isinstance(obj, dict):
        raise BundleError("bundle header is not a JSON object (damaged file?)")
    missing = [name for name in _HEADER_FIELDS if name not in obj]
    if missing:
        raise BundleError(f"bundle header is missing field(s): {', '.join(missing)}")
    unknown = sorted(str(k) for k in obj if k not in _HEADER_FIELDS)
    if unknown:
        shown = ", ".join(ascii(k[:40]) for k in unknown[:5])
        raise BundleError(f"bundle header has unknown field(s): {shown}")
    header = BundleHeader(**obj, format_version=1)  # validates every field's type and range
    # Anything but the exact canonical form (duplicate keys, spaces, escapes) is refused,
    # so one header has exactly one byte representation.
    if header.to_json_bytes() != raw:
        raise BundleError("bundle header is not in canonical form (damaged or hand-edited?)")
    return header


def peek_header(data: bytes) -> BundleHeader:
    """Parse and sanity-check only the header; no keys needed, nothing is verified.

    ``data`` may be the whole file or just its beginning (13 bytes + the header length,
    at most 65,549 bytes are enough). The result is unauthenticated: use it to route a
    file or to pick the sender's key, then call :func:`read_bundle`.
    """
    header, _ = _parse_prefix(data)
    return header


def bundle_size(data: bytes) -> int:
    """The length of the whole bundle that ``data`` starts with (from its header alone)."""
    header, header_end = _parse_prefix(data)
    return header_end + _body_length(header) + _END_LENGTH


def split_bundles(data: bytes, *, limit: int = 64) -> list[bytes]:
    """Bundles written back to back (the hub's answer over HTTP), each checked for length
    only; read each with :func:`read_bundle`."""
    out: list[bytes] = []
    view = memoryview(data)
    at = 0
    while at < len(data):
        if len(out) >= limit:
            raise BundleError(f"more than {limit} bundles in one answer")
        size = bundle_size(bytes(view[at : at + _PREFIX.size + MAX_HEADER_LENGTH]))
        if at + size > len(data):
            raise BundleError(
                f"bundle {len(out) + 1} of the answer is truncated ({len(data) - at} of "
                f"{size} bytes)"
            )
        out.append(bytes(view[at : at + size]))
        at += size
    return out


def _chunk_stride(header: BundleHeader) -> int:
    return header.chunk_size + _TAG_LENGTH


def _body_length(header: BundleHeader) -> int:
    return header.compressed_length + _TAG_LENGTH * header.chunk_count


def _check_length(data: bytes, header: BundleHeader, header_end: int) -> int:
    """Check the file length against the header; return the offset of the signature."""
    sig_at = header_end + _body_length(header)
    expected = sig_at + _END_LENGTH
    size = len(data)
    n = header.chunk_count
    if size < sig_at:
        pos = size - header_end
        index, inside = divmod(pos, _chunk_stride(header))
        if inside:
            where = f"file ends inside chunk {index + 1} of {n}"
        elif index == 0:
            where = f"file ends right after the header, before chunk 1 of {n}"
        else:
            where = f"file ends after chunk {index} of {n}"
        raise BundleError(f"bundle is truncated ({where}; {size} of {expected} bytes)")
    if size < expected:
        where = "before the signature" if size == sig_at else "inside the signature"
        raise BundleError(f"bundle is truncated (file ends {where}; {size} of {expected} bytes)")
    if size > expected:
        raise BundleError(
            f"bundle has {size - expected} unexpected extra byte(s) at the end "
            f"(expected {expected} bytes, got {size}); damaged or joined file?"
        )
    if data[expected - len(TRAILER) :] != TRAILER:
        raise BundleError("bundle end marker is damaged (the file was corrupted)")
    return sig_at


def _signature_message(signed_region: bytes | memoryview) -> bytes:
    return _SIGNATURE_CONTEXT + hashlib.sha256(signed_region).digest()


def _chunk_nonce(index: int) -> bytes:
    return struct.pack(">4xQ", index)


def _chunk_ad(header_hash: bytes, index: int, final: bool) -> bytes:
    return _CHUNK_AD_LABEL + header_hash + struct.pack(">QB", index, 1 if final else 0)


def _hpke_info(bundle_id: str) -> bytes:
    return _HPKE_INFO_LABEL + bundle_id.encode("ascii")


def read_bundle(
    data: bytes,
    *,
    recipient_private: X25519PrivateKey,
    sender_public: Ed25519PublicKey,
    max_payload: int = READ_PAYLOAD_LIMIT,
) -> tuple[BundleHeader, bytes]:
    """Verify, decrypt and decompress a bundle; return its header and payload.

    A declared payload larger than ``max_payload`` is refused first; then the signature is
    checked before anything is decrypted, and decompression stops at the declared length.
    Any problem with ``data`` raises :class:`BundleError` (and nothing else) with a reason a
    person can act on.
    """
    header, header_end = _parse_prefix(data)
    check_payload_limit(header, max_payload)
    sig_at = _check_length(data, header, header_end)
    view = memoryview(data)

    expected_sender = key_id(sender_public)
    if header.sender_key_id != expected_sender:
        raise BundleError(
            f"bundle was signed by key {header.sender_key_id} but expected {expected_sender} "
            f"for sender {header.sender} (wrong sender, a replaced key, or a damaged file)"
        )
    signature = bytes(view[sig_at : sig_at + _SIGNATURE_LENGTH])
    try:
        sender_public.verify(signature, _signature_message(view[:sig_at]))
    except InvalidSignature:
        raise BundleError(
            f"bad signature: the bundle from {header.sender} was altered or damaged after "
            "it was signed"
        ) from None

    my_key = key_id(recipient_private.public_key())
    if header.recipient_key_id != my_key:
        raise BundleError(
            f"bundle is addressed to key {header.recipient_key_id} ({header.recipient}) "
            f"but this key is {my_key}; it is not for this recipient"
        )
    try:
        content_key = _HPKE_SUITE.decrypt(
            header.sealed_key_bytes(), recipient_private, info=_hpke_info(header.bundle_id)
        )
    except (InvalidTag, ValueError):
        raise BundleError(
            f"cannot open the bundle's content key with recipient key {my_key}"
        ) from None
    if len(content_key) != _KEY_LENGTH:
        raise BundleError("bundle content key has the wrong length")

    payload = _decrypt_and_inflate(view, header, header_end, content_key)
    if len(payload) != header.payload_length:
        raise BundleError(
            f"bundle payload is {len(payload)} bytes but the header says {header.payload_length}"
        )
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:
        raise BundleError("bundle payload does not match its checksum (sha256)")
    return header, payload


def check_payload_limit(header: BundleHeader, max_payload: int) -> None:
    """Refuse a bundle whose declared payload is larger than the reader accepts
    (nothing is decrypted or decompressed before this check)."""
    if header.payload_length > max_payload:
        raise BundleError(
            f"bundle payload would be {header.payload_length} bytes once unpacked, more than "
            f"the {max_payload} bytes accepted here (refused before unpacking; a damaged "
            "file or a compression bomb?)"
        )


def wrapped_payload_limit(file_size: int) -> int:
    """The largest payload a bundle of ``file_size`` bytes can honestly have when its payload
    is mostly another (encrypted, so incompressible) bundle, as a first-contact ``intro``:
    its own size plus a little for the few lines of text around the inner bundle."""
    return file_size + 16 * 1024


def _decrypt_and_inflate(
    view: memoryview, header: BundleHeader, header_end: int, content_key: bytes
) -> bytes:
    aead = ChaCha20Poly1305(content_key)
    header_hash = hashlib.sha256(view[:header_end]).digest()
    limit = header.payload_length  # already capped at MAX_PAYLOAD_LENGTH (zip-bomb guard)
    inflater = _inflater(header.suite)
    out = io.BytesIO()  # getvalue() hands its buffer over without a second copy
    stride = _chunk_stride(header)
    n = header.chunk_count
    body_end = header_end + _body_length(header)

    def take(piece: bytes) -> None:
        if out.tell() + len(piece) > limit:
            raise BundleError(f"bundle payload expands beyond its declared {limit} bytes (refused)")
        out.write(piece)

    for index in range(n):
        start = header_end + index * stride
        end = min(start + stride, body_end)
        final = index == n - 1
        try:
            plain = aead.decrypt(
                _chunk_nonce(index), view[start:end], _chunk_ad(header_hash, index, final)
            )
        except InvalidTag:
            raise BundleError(
                f"chunk {index + 1} of {n} failed authentication "
                "(damaged, reordered or taken from another bundle)"
            ) from None
        if inflater.eof:
            raise BundleError("bundle has data after the end of its compressed payload")
        try:
            pending = plain
            while pending:
                take(inflater.decompress(pending, limit - out.tell() + 1))
                pending = inflater.unconsumed_tail
        except zlib.error:
            raise BundleError(
                f"bundle payload cannot be decompressed (chunk {index + 1} of {n})"
            ) from None
    try:
        while not inflater.eof:
            piece = inflater.decompress(b"", limit - out.tell() + 1)
            if not piece:
                break
            take(piece)
        take(inflater.flush())
    except zlib.error:
        raise BundleError("bundle payload cannot be decompressed (at the end)") from None
    if not inflater.eof:
        raise BundleError("bundle compressed payload is incomplete")
    if inflater.unused_data:
        raise BundleError("bundle has data after the end of its compressed payload")
    return out.getvalue()


# --------------------------------------------------------------------------- writing


def _inflater(suite: str) -> zlib._Decompress:
    return zlib.decompressobj(zdict=DICTIONARY) if suite == SUITE_CD1 else zlib.decompressobj()


def _compress(payload: bytes, suite: str) -> bytes:
    if suite == SUITE_CD1:
        deflater = zlib.compressobj(COMPRESSION_LEVEL, zdict=DICTIONARY)
    else:
        deflater = zlib.compressobj(COMPRESSION_LEVEL)
    return deflater.compress(payload) + deflater.flush()


def _assemble(
    header: BundleHeader, compressed: bytes, content_key: bytes, sender_key: Ed25519PrivateKey
) -> bytes:
    """Lay out prefix, header, encrypted chunks, signature and trailer."""
    header_bytes = header.header_bytes()
    if len(header_bytes) > MAX_HEADER_LENGTH:
        raise ValueError("bundle header is too long")
    prefix = _PREFIX.pack(MAGIC, header.format_version, len(header_bytes))
    parts: list[bytes] = [prefix, header_bytes]
    header_hash = hashlib.sha256(b"".join(parts)).digest()
    aead = ChaCha20Poly1305(content_key)
    size = header.chunk_size
    for index in range(header.chunk_count):
        piece = compressed[index * size : (index + 1) * size]
        final = index == header.chunk_count - 1
        parts.append(aead.encrypt(_chunk_nonce(index), piece, _chunk_ad(header_hash, index, final)))
    signed = b"".join(parts)
    signature = sender_key.sign(_signature_message(signed))
    return signed + signature + TRAILER


def write_bundle(
    *,
    payload: bytes,
    kind: str,
    sender: str,
    recipient: str,
    sender_key: Ed25519PrivateKey,
    recipient_public: X25519PublicKey,
    epoch: str = "",
    seq_first: int = 0,
    seq_last: int = 0,
    count: int = 0,
    created_at: str = "",
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    bundle_id: str | None = None,
    format_version: int = FORMAT_VERSION,
) -> bytes:
    """Compress, encrypt (to ``recipient_public``) and sign (with ``sender_key``) a payload.

    ``created_at`` defaults to the current UTC time; it is informational only.
    ``format_version`` 1 writes the old JSON header, for a peer that cannot read version 2.
    Raises ``ValueError`` if an argument cannot go into a bundle (bad code, too large, ...).
    """
    if len(payload) > MAX_PAYLOAD_LENGTH:
        raise ValueError(
            f"payload of {len(payload)} bytes is larger than a bundle allows ({MAX_PAYLOAD_LENGTH})"
        )
    if not created_at:
        created_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    suite = SUITE if format_version == 1 else SUITE_CD1
    compressed = _compress(payload, suite)
    content_key = secrets.token_bytes(_KEY_LENGTH)
    bid = uuid.uuid4().hex if bundle_id is None else bundle_id
    try:
        if type(chunk_size) is not int or not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
            raise _bad_field("chunk_size", f"{chunk_size!r} is outside the allowed range")
        _check_str("bundle_id", bid, _RE_BUNDLE_ID, "32 lowercase hex characters")
        sealed = _HPKE_SUITE.encrypt(content_key, recipient_public, info=_hpke_info(bid))
        header = BundleHeader(
            bundle_id=bid,
            kind=kind,
            sender=sender,
            recipient=recipient,
            epoch=epoch,
            seq_first=seq_first,
            seq_last=seq_last,
            count=count,
            sender_key_id=key_id(sender_key.public_key()),
            recipient_key_id=key_id(recipient_public),
            created_at=created_at,
            payload_length=len(payload),
            payload_sha256=hashlib.sha256(payload).hexdigest(),
            compressed_length=len(compressed),
            chunk_size=chunk_size,
            chunk_count=-(-len(compressed) // chunk_size),
            suite=suite,
            sealed_key=base64.b64encode(sealed).decode("ascii"),
            format_version=format_version,
        )
    except BundleError as exc:
        raise ValueError(str(exc)) from None
    return _assemble(header, compressed, content_key, sender_key)


_CREATE_FLAGS: Final = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def write_atomically(path: pathlib.Path, data: bytes, *, mode: int = 0o666) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.

    Writes ``.<name>.<random>.part`` in the same folder (created new, never through a link
    someone left there; permissions ``mode`` less the umask), fsyncs it, renames it over
    ``path`` (a link at ``path`` is replaced, not followed) and fsyncs the folder (where
    the platform allows it).
    """
    path = pathlib.Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        with os.fdopen(os.open(tmp, _CREATE_FLAGS, mode), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows cannot open a directory; the rename is still done
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
