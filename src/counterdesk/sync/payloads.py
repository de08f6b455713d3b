"""What travels inside bundles: the payload of each bundle kind, encoded and checked.

A bundle (:mod:`counterdesk.sync.bundle`) only moves opaque bytes. This module gives those
bytes a meaning, for both ends (the desk and the hub), and refuses anything malformed with
a :class:`PayloadError` whose message says what is wrong, in one line.

Kinds (the bundle header's ``kind``):

``events`` (desk -> hub)
    The desk's events of one epoch, a contiguous run of sequence numbers
    ``seq_first .. seq_last``, UTF-8 lines each ending in ``\\n``. Two layouts:

    - format 2 (written now): a first line ``{"format": 2, "prev_hash", "hash", "refdata"}``
      (the hash before the first event, the desk's hash of the last one, and the versions
      of reference data the desk has installed), then one compact canonical JSON array per
      event: ``[event_id, kind, recorded_at, staff, request_id, data]``, where
      ``request_id`` is written as a number n when an earlier event of the same payload has
      the same request (n events back, the nearest one). Desk, epoch and seq are in the
      signed header; each event's ``prev_hash`` and ``hash`` are recomputed
      along the chain, and the last must equal the hash the desk recorded, so the chain is
      verified as fully as before with about 45 bytes less per event.
    - format 1 (older desks): one canonical JSON object per line with every column of the
      event plus ``prev_hash`` and ``hash``.
``hello`` (desk -> hub, HTTP only)
    A small JSON object: the desk's view (epoch, last and acknowledged seq, the versions of
    its reference data). Being a signed bundle, it authenticates the desk's HTTP calls.
``intro`` (desk -> hub, first contact)
    Until the hub has confirmed the desk's keys, the desk wraps every bundle it sends in an
    ``intro`` bundle, signed with a key derived from the one-time enrollment secret (see
    :mod:`counterdesk.sync.enrollment`). Payload: one canonical JSON line (desk code,
    enrollment id, the desk's public keys) then ``\\n`` then the inner bundle (``events`` or
    ``hello``), which the desk signs with its own key. The hub pins that key.
``ack`` (hub -> desk)
    For one desk: per epoch, the first seq, the highest contiguous seq received with the hash
    of that event (so the desk checks the hub holds *its* events, not a copy's), the highest
    seq seen and the gaps; and the id of the desk key the hub has pinned. Over HTTP, the
    answer to an upload also says what became of that bundle (``upload``).
``refdata`` (hub -> desk)
    Reference data as a list of versioned items ``{"kind", "version", "sha256", "data"}``,
    applied together in one transaction; kinds: ``catalogue``, ``staff``, ``letterhead``,
    ``holidays``, ``desk_keys``, ``revoked_letters``, ``hub_notes`` (see
    :mod:`counterdesk.sync.refdata`).
    Each kind's version only grows; a desk ignores an item not newer than what it has, and
    kinds it does not know, so kinds can be added.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import GENESIS, Event, canonical_json

EVENTS: Final = "events"
HELLO: Final = "hello"
INTRO: Final = "intro"
ACK: Final = "ack"
REFDATA: Final = "refdata"
UPWARD_KINDS: Final = frozenset({EVENTS, HELLO, INTRO})
DOWNWARD_KINDS: Final = frozenset({ACK, REFDATA})

HUB_CODE: Final = "HUB"  # the hub's name in bundle headers (sender of replies, recipient)
PAYLOAD_FORMAT: Final = 1
EVENTS_FORMAT: Final = 2  # the compact events layout
CATALOGUE: Final = "catalogue"
STAFF: Final = "staff"
LETTERHEAD: Final = "letterhead"
HOLIDAYS: Final = "holidays"
DESK_KEYS: Final = "desk_keys"
REVOKED_LETTERS: Final = "revoked_letters"
HUB_NOTES: Final = "hub_notes"  # referral outcomes and complaint answers recorded at the hub
OFFICES: Final = "offices"  # each post's letterhead and signer, the emblem, the /verify address
# The order a desk applies them in (keys before revocations, so both are there to verify).
REFDATA_KINDS: Final = (
    CATALOGUE,
    STAFF,
    LETTERHEAD,
    HOLIDAYS,
    DESK_KEYS,
    REVOKED_LETTERS,
    HUB_NOTES,
    OFFICES,
)
MAX_VERSIONS: Final = 32

_HEX32 = re.compile(r"[0-9a-f]{32}")
_KIND = re.compile(r"[a-z][a-z_]{0,31}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_EVENT_KEYS: Final = frozenset(
    {
        "seq",
        "desk",
        "epoch",
        "event_id",
        "kind",
        "recorded_at",
        "staff",
        "request_id",
        "data",
        "prev_hash",
        "hash",
    }
)


class PayloadError(CounterdeskError):
    """A bundle whose signed, decrypted content does not make sense."""


# --------------------------------------------------------------------------- helpers


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _loads(raw: bytes, what: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise PayloadError(f"{what} is not valid JSON") from None


def _object(raw: bytes, what: str) -> dict[str, Any]:
    obj = _loads(raw, what)
    if not isinstance(obj, dict):
        raise PayloadError(f"{what} is not a JSON object")
    return obj


def _get(obj: dict[str, Any], key: str, typ: type | tuple[type, ...], what: str) -> Any:
    if key not in obj:
        raise PayloadError(f"{what}: {key!r} is missing")
    value = obj[key]
    if isinstance(value, bool) and typ is int:
        raise PayloadError(f"{what}: {key!r} must be an integer")
    if not isinstance(value, typ):
        raise PayloadError(f"{what}: {key!r} has the wrong type")
    return value


def _seq(obj: dict[str, Any], key: str, what: str) -> int:
    value: int = _get(obj, key, int, what)
    if not 0 <= value < 10**12:
        raise PayloadError(f"{what}: {key!r} is out of range")
    return value


def _check_format(obj: dict[str, Any], what: str) -> None:
    version = obj.get("format")
    if type(version) is not int:
        raise PayloadError(f"{what}: 'format' is missing")
    if version > PAYLOAD_FORMAT:
        raise PayloadError(
            f"{what} has format {version}, newer than this program understands "
            f"({PAYLOAD_FORMAT}); update counterdesk"
        )
    if version != PAYLOAD_FORMAT:
        raise PayloadError(f"{what}: format {version} is not valid")


def _versions(value: object, what: str) -> dict[str, int]:
    """A ``{kind: version}`` map as sent by a desk."""
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > MAX_VERSIONS:
        raise PayloadError(f"{what}: 'refdata' is not a map of versions")
    out: dict[str, int] = {}
    for kind, version in value.items():
        if not _KIND.fullmatch(kind) or type(version) is not int or not 0 <= version < 10**12:
            raise PayloadError(f"{what}: 'refdata' has a bad entry")
        out[kind] = version
    return out


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int, what: str) -> bytes:
    if not isinstance(text, str):
        raise PayloadError(f"{what} is not a base64 string")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise PayloadError(f"{what} is not valid base64") from None
    if len(raw) != length:
        raise PayloadError(f"{what} must be {length} bytes, not {len(raw)}")
    return raw


def raw_key(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class WireEvent:
    """An event as it travels: the event and the hash the desk stored with it."""

    event: Event
    hash: str

    def to_line(self) -> bytes:
        obj = self.event.canonical() | {"prev_hash": self.event.prev_hash, "hash": self.hash}
        return canonical_json(obj)


def encode_events(events: Iterable[WireEvent]) -> bytes:
    """The format 1 layout (every column on every line), as older desks wrote it."""
    return b"".join(e.to_line() + b"\n" for e in events)


def compact_line(wire: WireEvent) -> bytes:
    e = wire.event
    return canonical_json([e.event_id, e.kind, e.recorded_at, e.staff, e.request_id, e.data])


def encode_events_compact(
    events: Sequence[WireEvent], *, refdata: Mapping[str, int] | None = None
) -> bytes:
    """The format 2 layout: a first line with the chain's ends, then one array per event."""
    if not events:
        raise ValueError("an events payload needs at least one event")
    head = canonical_json(
        {
            "format": EVENTS_FORMAT,
            "prev_hash": events[0].event.prev_hash,
            "hash": events[-1].hash,
            "refdata": dict(sorted((refdata or {}).items())),
        }
    )
    return head + b"\n" + b"".join(line + b"\n" for line in _compact_rows(events))


def _compact_rows(events: Sequence[WireEvent]) -> Iterator[bytes]:
    last: dict[str, int] = {}  # request_id -> index of its latest event so far
    for index, wire in enumerate(events):
        e = wire.event
        request: str | int | None = e.request_id
        if e.request_id is not None:
            if e.request_id in last:
                request = index - last[e.request_id]
            last[e.request_id] = index
        yield canonical_json([e.event_id, e.kind, e.recorded_at, e.staff, request, e.data])


@dataclass(frozen=True)
class EventsPayload:
    events: list[WireEvent]
    refdata: dict[str, int]  # versions the desk had installed when it wrote the bundle
    format: int


def _event_from(obj: dict[str, Any], where: str) -> WireEvent:
    keys = set(obj)
    if keys != _EVENT_KEYS:
        missing = sorted(_EVENT_KEYS - keys)
        extra = sorted(keys - _EVENT_KEYS)
        raise PayloadError(f"{where}: missing {missing} / unexpected {extra[:5]}")
    for key in ("desk", "epoch", "event_id", "kind", "recorded_at", "staff"):
        _get(obj, key, str, where)
    if obj["request_id"] is not None and not isinstance(obj["request_id"], str):
        raise PayloadError(f"{where}: 'request_id' has the wrong type")
    # ``data`` may be any JSON value here: what it must be is the event contract's business
    # (counterdesk.domain.contract), checked per event, so one bad event is set aside alone.
    for key in ("prev_hash", "hash"):
        if not _HEX64.fullmatch(_get(obj, key, str, where)):
            raise PayloadError(f"{where}: {key!r} is not a sha256 hex digest")
    event = Event(
        seq=_seq(obj, "seq", where),
        desk=obj["desk"],
        epoch=obj["epoch"],
        event_id=obj["event_id"],
        kind=obj["kind"],
        recorded_at=obj["recorded_at"],
        staff=obj["staff"],
        request_id=obj["request_id"],
        data=obj["data"],
        prev_hash=obj["prev_hash"],
    )
    return WireEvent(event, obj["hash"])


def _check_count(count: int, seq_first: int, seq_last: int) -> None:
    if count != seq_last - seq_first + 1 or count < 1:
        raise PayloadError(
            f"events bundle says {count} events for seq {seq_first}..{seq_last}: not contiguous"
        )


def decode_events(
    payload: bytes, *, desk: str, epoch: str, seq_first: int, seq_last: int, count: int
) -> list[WireEvent]:
    """The events of an ``events`` payload (either layout), checked against its header."""
    return decode_events_payload(
        payload, desk=desk, epoch=epoch, seq_first=seq_first, seq_last=seq_last, count=count
    ).events


def decode_events_payload(
    payload: bytes, *, desk: str, epoch: str, seq_first: int, seq_last: int, count: int
) -> EventsPayload:
    """Parse and check an ``events`` payload against its (signed) header.

    Checks: seqs exactly ``seq_first .. seq_last`` in order, all of ``desk`` and ``epoch``,
    each event's hash and each link to the event before it inside the bundle, and that
    every line is in its one canonical form. Not what the events say: that is the event
    contract's (:mod:`counterdesk.domain.contract`), checked event by event.
    """
    _check_count(count, seq_first, seq_last)
    if not payload.endswith(b"\n"):
        raise PayloadError("events payload does not end with a line break")
    lines = payload[:-1].split(b"\n")
    if not lines[0].startswith(b'{"data":'):  # a format 1 line (canonical: "data" first)
        return _decode_compact(lines, desk=desk, epoch=epoch, seq_first=seq_first, count=count)
    if len(lines) != count:
        raise PayloadError(f"events payload has {len(lines)} lines, the header says {count}")
    out: list[WireEvent] = []
    prev: WireEvent | None = None
    for index, line in enumerate(lines):
        expected_seq = seq_first + index
        where = f"event {expected_seq}"
        wire = _event_from(_object(line, where), where)
        e = wire.event
        if e.seq != expected_seq:
            raise PayloadError(f"{where}: has seq {e.seq}; events must be contiguous")
        if e.desk != desk or e.epoch != epoch:
            raise PayloadError(f"{where}: belongs to desk {e.desk} epoch {e.epoch[:8]}")
        if e.compute_hash() != wire.hash:
            raise PayloadError(f"{where}: its content does not match its hash (altered)")
        if prev is not None and e.prev_hash != prev.hash:
            raise PayloadError(f"{where}: does not link to the event before it")
        if e.seq == 1 and e.prev_hash != GENESIS:
            raise PayloadError(f"{where}: the first event must start the chain")
        if canonical_json(e.canonical() | {"prev_hash": e.prev_hash, "hash": wire.hash}) != line:
            raise PayloadError(f"{where}: not in canonical form")
        out.append(wire)
        prev = wire
    return EventsPayload(out, {}, 1)


def _decode_compact(
    lines: list[bytes], *, desk: str, epoch: str, seq_first: int, count: int
) -> EventsPayload:
    what = "events payload"
    head = _object(lines[0], what)
    version = head.get("format")
    if type(version) is int and version > EVENTS_FORMAT:
        raise PayloadError(
            f"{what} has format {version}, newer than this program understands "
            f"({EVENTS_FORMAT}); update counterdesk"
        )
    if version != EVENTS_FORMAT or set(head) != {"format", "prev_hash", "hash", "refdata"}:
        raise PayloadError(f"{what}: its first line is not a valid format 2 header")
    ends = []
    for key in ("prev_hash", "hash"):
        value = head[key]
        if not isinstance(value, str) or not _HEX64.fullmatch(value):
            raise PayloadError(f"{what}: {key!r} is not a sha256 hex digest")
        ends.append(value)
    prev_hash, last_hash = ends
    refdata = _versions(head["refdata"], what)
    if canonical_json(head) != lines[0]:
        raise PayloadError(f"{what}: its first line is not in canonical form")
    if len(lines) != count + 1:
        raise PayloadError(f"events payload has {len(lines) - 1} events, the header says {count}")
    if seq_first == 1 and prev_hash != GENESIS:
        raise PayloadError("event 1: the first event must start the chain")
    out: list[WireEvent] = []
    last: dict[str, int] = {}  # request_id -> index of its latest event so far
    for index, line in enumerate(lines[1:]):
        seq = seq_first + index
        where = f"event {seq}"
        row = _loads(line, where)
        if not isinstance(row, list) or len(row) != 6:
            raise PayloadError(f"{where}: not an array of 6 values")
        event_id, kind, recorded_at, staff, request, data = row
        if not all(isinstance(v, str) for v in (event_id, kind, recorded_at, staff)):
            raise PayloadError(f"{where}: a text value has the wrong type")
        request_id = _request_id(request, index, out, last, where)
        if canonical_json(row) != line:
            raise PayloadError(f"{where}: not in canonical form")
        event = Event(
            seq, desk, epoch, event_id, kind, recorded_at, staff, request_id, data, prev_hash
        )
        prev_hash = event.compute_hash()
        out.append(WireEvent(event, prev_hash))
    if prev_hash != last_hash:
        raise PayloadError(
            f"events {seq_first}..{seq_first + count - 1} do not add up to the hash the desk "
            "recorded for the last of them (altered or damaged)"
        )
    return EventsPayload(out, refdata, EVENTS_FORMAT)


def _request_id(
    value: object, index: int, out: list[WireEvent], last: dict[str, int], where: str
) -> str | None:
    """A compact line's request id: the id, or the distance back to an event that has it."""
    if value is None:
        return None
    if isinstance(value, str):
        if value in last:
            raise PayloadError(f"{where}: not in canonical form (request id written again)")
        last[value] = index
        return value
    if type(value) is not int or not 1 <= value <= index:
        raise PayloadError(f"{where}: 'request_id' has the wrong type")
    found = out[index - value].event.request_id
    if found is None or last.get(found) != index - value:
        raise PayloadError(f"{where}: 'request_id' refers to no request event before it")
    last[found] = index
    return found


# --------------------------------------------------------------------------- hello


@dataclass(frozen=True)
class Hello:
    """The desk's view, sent to authenticate an HTTP call (and to tell the hub its state)."""

    desk: str
    epoch: str
    last_seq: int
    acked_seq: int
    catalogue_version: int
    nonce: str
    refdata: Mapping[str, int] = field(default_factory=dict)  # kind -> version installed
    # the desk's hash of its event ``acked_seq`` now: the hub compares it with the event it
    # acknowledged, so a history rewritten after the hub received it is seen ("": not sent)
    acked_hash: str = ""

    def encode(self) -> bytes:
        obj: dict[str, Any] = {
            "format": PAYLOAD_FORMAT,
            "desk": self.desk,
            "epoch": self.epoch,
            "last_seq": self.last_seq,
            "acked_seq": self.acked_seq,
            "catalogue_version": self.catalogue_version,
            "nonce": self.nonce,
            "refdata": dict(sorted(self.refdata.items())),
        }
        if self.acked_hash:
            obj["acked_hash"] = self.acked_hash
        return canonical_json(obj)


def decode_hello(payload: bytes) -> Hello:
    what = "hello"
    obj = _object(payload, what)
    _check_format(obj, what)
    return Hello(
        desk=_get(obj, "desk", str, what),
        epoch=_get(obj, "epoch", str, what),
        last_seq=_seq(obj, "last_seq", what),
        acked_seq=_seq(obj, "acked_seq", what),
        catalogue_version=_seq(obj, "catalogue_version", what),
        nonce=_get(obj, "nonce", str, what)[:64],
        refdata=_versions(obj.get("refdata"), what),
        acked_hash=_acked_hash(obj, what),
    )


def _acked_hash(obj: dict[str, Any], what: str) -> str:
    value = obj.get("acked_hash", "")
    if not isinstance(value, str) or (value and not _HEX64.fullmatch(value)):
        raise PayloadError(f"{what}: 'acked_hash' is not a sha256 hex digest")
    return value


# --------------------------------------------------------------------------- intro


@dataclass(frozen=True)
class IntroClaim:
    """A desk's first-contact claim: "I am DESK of ENROLLMENT and these are my keys"."""

    desk: str
    enrollment_id: str
    sign_public: bytes
    box_public: bytes

    def sign_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign_public)

    def box_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.box_public)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PAYLOAD_FORMAT,
            "desk": self.desk,
            "enrollment_id": self.enrollment_id,
            "sign_public": b64(self.sign_public),
            "box_public": b64(self.box_public),
        }


def encode_intro(claim: IntroClaim, inner: bytes) -> bytes:
    return canonical_json(claim.to_json()) + b"\n" + inner


def decode_intro(payload: bytes) -> tuple[IntroClaim, bytes]:
    what = "first-contact introduction"
    line, sep, inner = payload.partition(b"\n")
    if not sep or not inner:
        raise PayloadError(f"{what} has no inner bundle")
    obj = _object(line, what)
    _check_format(obj, what)
    enrollment_id = _get(obj, "enrollment_id", str, what)
    if not _HEX32.fullmatch(enrollment_id):
        raise PayloadError(f"{what}: 'enrollment_id' is not 32 hex characters")
    claim = IntroClaim(
        desk=_get(obj, "desk", str, what),
        enrollment_id=enrollment_id,
        sign_public=unb64(obj.get("sign_public"), 32, f"{what}: 'sign_public'"),
        box_public=unb64(obj.get("box_public"), 32, f"{what}: 'box_public'"),
    )
    try:
        claim.sign_key()
        claim.box_key()
    except ValueError:
        raise PayloadError(f"{what}: a public key is not valid") from None
    return claim, inner


# --------------------------------------------------------------------------- ack


@dataclass(frozen=True)
class EpochAck:
    """What the hub holds of one epoch of a desk.

    ``contiguous_hash`` is the hash of the event at ``contiguous``: through the hash chain it
    commits to the content of every event up to there, so a desk can tell "the hub holds
    my events" from "the hub holds someone else's events under my numbers" (a copied desk).
    """

    epoch: str
    first_seq: int | None  # None until the hub has the event that starts the epoch
    contiguous: int  # every seq first_seq .. contiguous is held (first_seq - 1: none)
    max_seq: int
    gaps: tuple[tuple[int, int], ...] = ()
    contiguous_hash: str = ""  # hash of event ``contiguous`` ("" when none is held)

    def to_json(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "first_seq": self.first_seq,
            "contiguous": self.contiguous,
            "contiguous_hash": self.contiguous_hash,
            "max_seq": self.max_seq,
            "gaps": [list(g) for g in self.gaps],
        }


@dataclass(frozen=True)
class Upload:
    """What the hub did with the bundle it answers (HTTP only)."""

    result: str  # "accepted" or "duplicate"
    new: int = 0
    known: int = 0
    first_contact: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"result": self.result, "new": self.new, "known": self.known}
        if self.first_contact:
            out["first_contact"] = True
        return out


@dataclass(frozen=True)
class Ack:
    desk: str
    desk_key: str  # key id of the desk's signing key pinned at the hub
    epochs: tuple[EpochAck, ...] = field(default_factory=tuple)
    upload: Upload | None = None

    def encode(self) -> bytes:
        obj: dict[str, Any] = {
            "format": PAYLOAD_FORMAT,
            "desk": self.desk,
            "desk_key": self.desk_key,
            "epochs": [e.to_json() for e in self.epochs],
        }
        if self.upload is not None:
            obj["upload"] = self.upload.to_json()
        return canonical_json(obj)

    def for_epoch(self, epoch: str) -> EpochAck | None:
        for e in self.epochs:
            if e.epoch == epoch:
                return e
        return None


def _epoch_ack(obj: Any, what: str) -> EpochAck:
    if not isinstance(obj, dict):
        raise PayloadError(f"{what}: an epoch entry is not an object")
    first = obj.get("first_seq")
    if first is not None and (type(first) is not int or first < 1):
        raise PayloadError(f"{what}: 'first_seq' is not valid")
    gaps_raw = _get(obj, "gaps", list, what)
    gaps: list[tuple[int, int]] = []
    for g in gaps_raw[:10_000]:
        if (
            not isinstance(g, list)
            or len(g) != 2
            or not all(type(x) is int for x in g)
            or g[0] > g[1]
        ):
            raise PayloadError(f"{what}: a gap is not a [first, last] pair")
        gaps.append((g[0], g[1]))
    digest = _get(obj, "contiguous_hash", str, what)
    if digest and not _HEX64.fullmatch(digest):
        raise PayloadError(f"{what}: 'contiguous_hash' is not a sha256 hex digest")
    return EpochAck(
        epoch=_get(obj, "epoch", str, what),
        first_seq=first,
        contiguous=_seq(obj, "contiguous", what),
        max_seq=_seq(obj, "max_seq", what),
        gaps=tuple(gaps),
        contiguous_hash=digest,
    )


def decode_ack(payload: bytes) -> Ack:
    what = "acknowledgement"
    obj = _object(payload, what)
    _check_format(obj, what)
    desk_key = _get(obj, "desk_key", str, what)
    if not _KEY_ID.fullmatch(desk_key):
        raise PayloadError(f"{what}: 'desk_key' is not a key id")
    epochs = tuple(_epoch_ack(e, what) for e in _get(obj, "epochs", list, what))
    upload = None
    raw = obj.get("upload")
    if raw is not None:
        if not isinstance(raw, dict) or raw.get("result") not in ("accepted", "duplicate"):
            raise PayloadError(f"{what}: 'upload' is not valid")
        upload = Upload(
            result=raw["result"],
            new=_seq(raw, "new", what),
            known=_seq(raw, "known", what),
            first_contact=raw.get("first_contact") is True,
        )
    return Ack(desk=_get(obj, "desk", str, what), desk_key=desk_key, epochs=epochs, upload=upload)


class Diverged(PayloadError):
    """The hub holds other events under this desk's numbers than the desk itself."""


def acknowledged_through(
    ack: Ack,
    local_epochs: Sequence[tuple[str, int]],
    last_seq: int,
    hash_at: Callable[[int], str | None],
) -> int:
    """The highest seq of the desk's own log that ``ack`` provably covers without a hole.

    ``local_epochs`` are the desk's epochs as ``(epoch, first_seq)``; ``hash_at(seq)`` is
    the hash the desk stored with its event ``seq``. An epoch counts only from its first
    event; a point counts only when the hub's hash for it is the desk's own (raises
    :class:`Diverged` when it is not). When the hub holds more of an epoch than this desk
    (the desk was restored from a backup), the end of the desk's part is proved by the next
    epoch: the hub checks that an epoch's first event links to the previous epoch's event.
    """
    verified = 0
    ordered = sorted(local_epochs, key=lambda item: item[1])
    for index, (epoch, first) in enumerate(ordered):
        is_last = index + 1 == len(ordered)
        end = last_seq if is_last else ordered[index + 1][1] - 1
        if end < first:
            continue
        held = ack.for_epoch(epoch)
        if held is None or held.first_seq != first or held.contiguous < first:
            break
        if held.contiguous <= end:
            point = held.contiguous
            mine = hash_at(point)
            if mine != held.contiguous_hash:
                raise Diverged(
                    f"the hub holds a different event {point} for this desk than this desk "
                    "has: this desk's data diverged from the district's (a copied or restored "
                    "desk?); call the district office"
                )
            verified = point
            if point < end:
                break
            continue
        # The hub holds more of this epoch than this desk has.
        if is_last:
            raise Diverged(
                f"the hub holds events up to {held.contiguous} of this desk's current epoch, "
                f"beyond its last event {end}: this desk was restored or copied; call the "
                "district office"
            )
        # Counted only if the next epoch is proved too (then ``verified`` moves past it).
    return min(verified, last_seq)


# --------------------------------------------------------------------------- refdata


@dataclass(frozen=True)
class RefItem:
    kind: str
    version: int
    data: Any

    @property
    def sha256(self) -> str:
        return hashlib.sha256(canonical_json(self.data)).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "version": self.version,
            "sha256": self.sha256,
            "data": self.data,
        }


def encode_refdata(items: Sequence[RefItem]) -> bytes:
    return canonical_json({"format": PAYLOAD_FORMAT, "items": [i.to_json() for i in items]})


def decode_refdata(payload: bytes) -> list[RefItem]:
    what = "reference data"
    obj = _object(payload, what)
    _check_format(obj, what)
    items: list[RefItem] = []
    for raw in _get(obj, "items", list, what):
        if not isinstance(raw, dict):
            raise PayloadError(f"{what}: an item is not an object")
        item = RefItem(
            kind=_get(raw, "kind", str, what),
            version=_seq(raw, "version", what),
            data=raw.get("data"),
        )
        if raw.get("sha256") != item.sha256:
            raise PayloadError(f"{what}: item {item.kind} v{item.version} fails its checksum")
        items.append(item)
    return items
