"""Hub ingest: verify a desk's bundle, then store it in one transaction, or quarantine it.

For every bundle, from a stick or over HTTP:

1. the header must parse and be addressed to this hub's key;
2. the sender must be an enrolled desk that is not revoked;
3. an ``intro`` bundle (first contact) must be signed with the key derived from the desk's
   current enrollment secret, carry the desk's public keys, and wrap a bundle signed with
   those keys; the hub pins them at the first such bundle it accepts, and refuses any
   other keys afterwards (a lost or copied enrollment file cannot impersonate the desk);
4. any other bundle must be signed with the pinned key;
5. signature, every chunk and the payload hash are verified (``read_bundle``), then every
   event (contiguous, hash, links, desk and epoch as in the signed header);
6. every event is checked against the event contract (:mod:`counterdesk.domain.contract`):
   one that breaks it does not stop the bundle; it is stored, marked with its reason and
   never projected or counted (:mod:`counterdesk.hub.event_checks`).

A failure quarantines the file: its SHA-256, size, claimed sender and the reason are
recorded with a merged alert, and nothing else is written. The file itself is kept only
when its signature was verified with the desk's pinned key (a signed bundle the hub cannot
take is evidence); what is not authenticated is never stored, whoever it names
(``MAX_QUARANTINE_PER_DESK``, ``MAX_QUARANTINE_TOTAL`` and ``MAX_QUARANTINE_KEPT_BYTES``
cap the records and the files kept). A bundle id already accepted is a no-op; the same id
with other content is an alarm. Otherwise the events are stored with insert-or-ignore in
one transaction, so running an import again changes nothing. With them the hub notes what
reference data the desk has installed and which bundle format it writes (for its replies).

A ``hello`` bundle (a desk's stick with nothing new on it, or an HTTP exchange with
nothing to upload) stores no events; it tells the hub the desk's state, so that replies
can be written for it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub.citizen import project_events
from counterdesk.hub.event_checks import check_events, summary
from counterdesk.hub.hub import Hub
from counterdesk.hub.ledger import LedgerConflict, check_acknowledged, store_events, tag
from counterdesk.hub.refdata import note_versions, refresh_keys
from counterdesk.sync import payloads
from counterdesk.sync.bundle import (
    READ_PAYLOAD_LIMIT,
    BundleError,
    BundleHeader,
    key_id,
    peek_header,
    read_bundle,
    wrapped_payload_limit,
    write_atomically,
)
from counterdesk.sync.enrollment import enrollment_signing_key
from counterdesk.sync.payloads import IntroClaim, PayloadError

Outcome = Literal["accepted", "duplicate", "quarantined", "conflict", "skipped", "failed"]
MAX_QUARANTINE_PER_DESK: Final = 100  # records of refused files naming one desk
MAX_QUARANTINE_TOTAL: Final = 1000  # records of refused files in all
MAX_QUARANTINE_KEPT_BYTES: Final = 256 * 1024 * 1024  # authenticated files kept, in all
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
EVENTS_ONLY: Final = frozenset({payloads.EVENTS})
HELLO_ONLY: Final = frozenset({payloads.HELLO})
EVENTS_OR_HELLO: Final = frozenset({payloads.EVENTS, payloads.HELLO})


class Refused(CounterdeskError):
    """The bundle failed verification. ``status`` is the HTTP answer for it."""

    def __init__(
        self,
        message: str,
        *,
        desk: str | None = None,
        bundle_id: str | None = None,
        alert: str = "quarantine",
        status: int = 403,
        known_desk: bool = True,
        keep: bool = True,
        authenticated: bool = False,
    ) -> None:
        super().__init__(message, code=alert)
        self.keep = keep  # False: a mistake, not a threat (not kept when it came over HTTP)
        self.authenticated = authenticated  # signed with the desk's pinned key (file kept)
        self.desk = desk
        self.bundle_id = bundle_id
        self.alert = alert
        self.status = status
        self.known_desk = known_desk


@dataclass(frozen=True)
class Opened:
    """A verified bundle from an enrolled desk (the inner one of an ``intro``)."""

    desk: str
    outer: BundleHeader
    header: BundleHeader
    payload: bytes
    claim: IntroClaim | None
    pinned: bool  # the desk's key was already pinned before this bundle


@dataclass(frozen=True)
class IngestResult:
    source: str
    outcome: Outcome
    desk: str | None = None
    bundle_id: str | None = None
    new_events: int = 0
    known_events: int = 0
    reason: str = ""
    first_contact: bool = False
    status: int = 200
    kind: str = payloads.EVENTS
    invalid_events: int = 0  # new events outside the contract: kept aside, not counted

    @property
    def failed(self) -> bool:
        return self.outcome in ("quarantined", "conflict", "failed")

    def message(self) -> str:
        if self.outcome == "accepted" and self.kind == payloads.HELLO:
            text = f"state of desk {self.desk} received (no events in it)"
            if self.first_contact:
                text += f"; first contact of {self.desk}: its key is now pinned"
            return text
        if self.outcome == "accepted":
            text = f"accepted {self.new_events} event(s)"
            if self.known_events:
                text += f" ({self.known_events} already received)"
            if self.invalid_events:
                text += (
                    f"; {self.invalid_events} of them outside the event contract, kept aside "
                    f"and not counted: {self.reason}"
                )
            if self.first_contact:
                text += f"; first contact of {self.desk}: its key is now pinned"
            return text
        if self.outcome == "duplicate":
            return "duplicate (this bundle was imported before; nothing to do)"
        if self.outcome in ("skipped", "failed"):
            return f"{self.outcome}: {self.reason}"
        return f"quarantined: {self.reason}"

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.source,
            "outcome": self.outcome,
            "desk": self.desk,
            "bundle_id": self.bundle_id,
            "new_events": self.new_events,
            "known_events": self.known_events,
            "reason": self.reason,
            "first_contact": self.first_contact,
            "kind": self.kind,
            "invalid_events": self.invalid_events,
            "message": self.message(),
        }


# --------------------------------------------------------------------------- verifying


def open_desk_bundle(
    hub: Hub, data: bytes, *, kinds: frozenset[str], max_payload: int = READ_PAYLOAD_LIMIT
) -> Opened:
    """Verify ``data`` as a bundle of one of ``kinds`` from an enrolled desk, or raise Refused.

    ``max_payload`` bounds everything unpacked for it (an intro's and its inner bundle's
    payloads together); an intro, which a desk not yet pinned may send, unpacks to little
    more than its own size (:func:`~counterdesk.sync.bundle.wrapped_payload_limit`)."""
    try:
        outer = peek_header(data)
    except BundleError as exc:
        raise Refused(
            f"unreadable: {exc}", alert="unreadable", status=400, known_desk=False
        ) from None
    code = outer.sender
    info = hub.info
    box_id = key_id(hub.keys.box_public)
    if outer.recipient != info.code or outer.recipient_key_id != box_id:
        raise Refused(
            f"addressed to {outer.recipient} (key {outer.recipient_key_id}), not to this hub "
            f"({info.code}, key {box_id}): a bundle for another district?",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="not_for_hub",
            status=400,
            known_desk=False,
        )
    with hub.lock:
        row = hub.conn.execute("SELECT * FROM desks WHERE code = ?", [code]).fetchone()
    if row is None:
        raise Refused(
            f"unknown desk {code}: it is not enrolled at this hub",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="unknown_desk",
            known_desk=False,
        )
    if row["revoked"]:
        raise Refused(
            f"desk {code} is revoked; its bundles are not accepted",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="revoked",
        )
    pinned = bool(row["pinned_at"])
    if outer.kind == payloads.INTRO:
        return _open_intro(hub, data, outer, row, kinds, pinned, max_payload)
    if outer.kind not in kinds:
        raise Refused(
            f"a {outer.kind!r} bundle is not expected here (expected {', '.join(sorted(kinds))})",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="wrong_kind",
            status=400,
            keep=False,
        )
    if not pinned:
        raise Refused(
            f"desk {code} has not introduced itself yet: this bundle lacks the enrollment "
            "proof of a first contact (was the desk's intro bundle lost? export again)",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="not_introduced",
        )
    if outer.sender_key_id != row["sign_key_id"]:
        raise Refused(
            f"signed by key {outer.sender_key_id}, not by the key {row['sign_key_id']} pinned "
            f"for {code} at its first contact: another PC or a forged bundle",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="wrong_key",
        )
    header, payload = _read(data, hub, bytes(row["sign_public"]), code, outer, max_payload)
    return Opened(code, outer, header, payload, None, pinned)


def _read(
    data: bytes, hub: Hub, sign_public: bytes, code: str, outer: BundleHeader, max_payload: int
) -> tuple[BundleHeader, bytes]:
    try:
        return read_bundle(
            data,
            recipient_private=hub.keys.box,
            sender_public=Ed25519PublicKey.from_public_bytes(sign_public),
            max_payload=max_payload,
        )
    except BundleError as exc:
        raise Refused(str(exc), desk=code, bundle_id=outer.bundle_id, status=400) from None


def _open_intro(
    hub: Hub,
    data: bytes,
    outer: BundleHeader,
    row: sqlite3.Row,
    kinds: frozenset[str],
    pinned: bool,
    max_payload: int,
) -> Opened:
    code = outer.sender
    enrollment_id = str(row["enrollment_id"])
    secret = bytes(row["enrollment_secret"])
    derived = enrollment_signing_key(secret, enrollment_id, code).public_key()
    if outer.sender_key_id != key_id(derived):
        raise Refused(
            f"the first-contact bundle of {code} does not come from its current enrollment "
            "file (an old, re-issued or forged enrollment file?)",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="wrong_key",
        )
    try:
        outer_limit = min(max_payload, wrapped_payload_limit(len(data)))
        _, payload = read_bundle(
            data, recipient_private=hub.keys.box, sender_public=derived, max_payload=outer_limit
        )
        claim, inner = payloads.decode_intro(payload)
    except (BundleError, PayloadError) as exc:
        raise Refused(str(exc), desk=code, bundle_id=outer.bundle_id, status=400) from None
    if claim.desk != code or claim.enrollment_id != enrollment_id:
        raise Refused(
            f"the first-contact bundle of {code} names desk {claim.desk} / enrollment "
            f"{claim.enrollment_id[:8]}",
            desk=code,
            bundle_id=outer.bundle_id,
        )
    claimed = key_id(claim.sign_key())
    if pinned and (
        claim.sign_public != bytes(row["sign_public"])
        or claim.box_public != bytes(row["box_public"])
    ):
        raise Refused(
            f"the enrollment of {code} was already used by another PC: the hub pinned key "
            f"{row['sign_key_id']} at first contact, this bundle brings key {claimed} "
            "(a lost or copied enrollment file?)",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="enrollment_reused",
        )
    try:
        header = peek_header(inner)
    except BundleError as exc:
        raise Refused(
            f"inner bundle: {exc}", desk=code, bundle_id=outer.bundle_id, status=400
        ) from None
    if header.sender != code or header.kind not in kinds:
        raise Refused(
            f"the first-contact bundle wraps a {header.kind!r} bundle from {header.sender}; "
            f"a {'/'.join(sorted(kinds))} bundle is expected here",
            desk=code,
            bundle_id=outer.bundle_id,
            alert="wrong_kind",
            status=400,
            keep=False,
        )
    if header.sender_key_id != claimed:
        raise Refused(
            f"the inner bundle of {code} is signed by key {header.sender_key_id}, not by the "
            f"key {claimed} it introduces",
            desk=code,
            bundle_id=outer.bundle_id,
        )
    try:
        header, inner_payload = read_bundle(
            inner,
            recipient_private=hub.keys.box,
            sender_public=claim.sign_key(),
            max_payload=max_payload - len(payload),
        )
    except BundleError as exc:
        raise Refused(
            f"inner bundle: {exc}", desk=code, bundle_id=outer.bundle_id, status=400
        ) from None
    return Opened(code, outer, header, inner_payload, claim, pinned)


def pin(hub: Hub, opened: Opened, *, via: str) -> bool:
    """Pin the keys of an introduced desk (inside a transaction); True when pinned now."""
    claim = opened.claim
    if claim is None or opened.pinned:
        return False
    kid = key_id(claim.sign_key())
    cur = hub.conn.execute(
        "UPDATE desks SET sign_public = ?, box_public = ?, sign_key_id = ?, pinned_at = ?"
        " WHERE code = ? AND pinned_at = ''",
        [claim.sign_public, claim.box_public, kid, hub.now_text(), opened.desk],
    )
    if cur.rowcount:
        hub.alert(
            "first_contact",
            f"desk {opened.desk} made first contact ({via}); its key {kid} is now pinned",
            opened.desk,
        )
        refresh_keys(hub)  # every desk learns the new desk's key with its next replies
    return bool(cur.rowcount)


def note_desk(hub: Hub, opened: Opened, versions: dict[str, int], via: str) -> None:
    """Inside a transaction: the desk was heard from; what it has and how it writes."""
    touch(hub, opened.desk, via)
    note_versions(hub, opened.desk, versions)
    hub.conn.execute(
        "UPDATE desks SET bundle_format = max(bundle_format, ?) WHERE code = ?",
        [opened.header.format_version, opened.desk],
    )


def accept_hello(hub: Hub, opened: Opened, *, via: str) -> payloads.Hello:
    """A verified hello: pin (first contact), note the desk's state. Raises PayloadError."""
    hello = payloads.decode_hello(opened.payload)
    if hello.desk != opened.desk:
        raise PayloadError("the hello names another desk than its sender")
    versions = dict(hello.refdata)
    versions[payloads.CATALOGUE] = max(versions.get(payloads.CATALOGUE, 0), hello.catalogue_version)
    with hub.transaction():
        try:
            check_acknowledged(hub.conn, opened.desk, hello.acked_seq, hello.acked_hash)
        except LedgerConflict as exc:
            raise Refused(
                str(exc),
                desk=opened.desk,
                bundle_id=opened.outer.bundle_id,
                alert=exc.code,
                status=409,
            ) from None
        pin(hub, opened, via=via)
        note_desk(hub, opened, versions, via)
    return hello


def touch(hub: Hub, desk: str, via: str) -> None:
    hub.conn.execute(
        "UPDATE desks SET last_contact = ?, last_contact_via = ? WHERE code = ?",
        [hub.now_text(), via, desk],
    )


# --------------------------------------------------------------------------- ingest


def ingest(
    hub: Hub,
    data: bytes,
    *,
    source: str,
    via: str = "usb",
    max_payload: int = READ_PAYLOAD_LIMIT,
) -> IngestResult:
    """Ingest one desk bundle (events, or a hello). Never raises for what is in ``data``."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        head = peek_header(data)
    except BundleError:
        head = None
    if head is not None and head.sender == hub.info.code:
        return IngestResult(
            source, "skipped", head.recipient, reason=f"a reply from this hub to {head.recipient}"
        )
    try:
        opened = open_desk_bundle(hub, data, kinds=EVENTS_OR_HELLO, max_payload=max_payload)
    except Refused as exc:
        return quarantine(hub, data, digest, exc, source=source, via=via)
    if opened.header.kind == payloads.HELLO:
        was_pinned = opened.pinned
        try:
            accept_hello(hub, opened, via=via)
        except PayloadError as exc:
            bad = Refused(
                f"content: {exc}",
                desk=opened.desk,
                bundle_id=opened.outer.bundle_id,
                authenticated=True,
            )
            return quarantine(hub, data, digest, bad, source=source, via=via)
        except Refused as exc:  # a history rewritten after the hub acknowledged it
            return quarantine(hub, data, digest, exc, source=source, via=via)
        return IngestResult(
            source,
            "accepted",
            opened.desk,
            opened.outer.bundle_id,
            first_contact=not was_pinned and opened.claim is not None,
            kind=payloads.HELLO,
        )
    return ingest_opened(hub, data, opened, digest=digest, source=source, via=via)


def ingest_opened(
    hub: Hub, data: bytes, opened: Opened, *, digest: str, source: str, via: str
) -> IngestResult:
    """Store the events of a verified ``events`` bundle (the second half of :func:`ingest`)."""
    header = opened.header
    code = opened.desk
    bundle_id = opened.outer.bundle_id
    try:
        decoded = payloads.decode_events_payload(
            opened.payload,
            desk=code,
            epoch=header.epoch,
            seq_first=header.seq_first,
            seq_last=header.seq_last,
            count=header.count,
        )
    except PayloadError as exc:
        bad = Refused(
            f"content: {exc}", desk=code, bundle_id=bundle_id, status=400, authenticated=True
        )
        return quarantine(hub, data, digest, bad, source=source, via=via)
    with hub.lock:
        known = hub.conn.execute(
            "SELECT sha256 FROM bundles WHERE bundle_id = ?", [bundle_id]
        ).fetchone()
        if known is not None:
            if known[0] == digest:
                return IngestResult(source, "duplicate", code, bundle_id)
            reused = Refused(
                f"bundle id {bundle_id} was received before with other content "
                "(same id, different bytes): replayed or tampered",
                desk=code,
                bundle_id=bundle_id,
                alert="bundle_id_reused",
                status=409,
                authenticated=True,
            )
            result = quarantine(hub, data, digest, reused, source=source, via=via)
            return IngestResult(
                source, "conflict", code, bundle_id, reason=result.reason, status=409
            )
        problems = check_events(hub.conn, decoded.events)
        try:
            with hub.transaction():
                first = pin(hub, opened, via=via)
                now = hub.now_text()
                stored = store_events(
                    hub.conn,
                    desk=code,
                    epoch=header.epoch,
                    events=decoded.events,
                    bundle_id=bundle_id,
                    now=now,
                    problems=problems,
                )
                project_events(hub.conn, code, decoded.events, invalid=problems)
                refused = summary(code, decoded.events, stored.invalid) if stored.invalid else ""
                if refused:
                    hub.alert("invalid_event", refused, code, key="invalid_event")
                if stored.new_epoch:
                    hub.alert(
                        "new_epoch",
                        f"desk {code} sent events of a new epoch {tag(header.epoch)}: it was "
                        "restored from a backup or copied to another PC; check the desk",
                        code,
                    )
                hub.conn.execute(
                    "INSERT INTO bundles (bundle_id, sha256, desk, kind, inner_bundle_id, epoch,"
                    " seq_first, seq_last, count, new_events, received_at, via, source, head_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        bundle_id,
                        digest,
                        code,
                        opened.outer.kind,
                        header.bundle_id if header.bundle_id != bundle_id else "",
                        header.epoch,
                        header.seq_first,
                        header.seq_last,
                        header.count,
                        stored.new,
                        now,
                        via,
                        source[-300:],
                        max(decoded.events, key=lambda w: w.event.seq).hash
                        if decoded.events
                        else "",
                    ],
                )
                note_desk(hub, opened, decoded.refdata, via)
        except LedgerConflict as exc:
            conflict = Refused(
                str(exc),
                desk=code,
                bundle_id=bundle_id,
                alert=exc.code,
                status=409,
                authenticated=True,
            )
            return quarantine(hub, data, digest, conflict, source=source, via=via)
    return IngestResult(
        source,
        "accepted",
        code,
        bundle_id,
        new_events=stored.new,
        known_events=stored.known,
        first_contact=first,
        invalid_events=len(stored.invalid),
        reason=refused,
    )


def quarantine(
    hub: Hub, data: bytes, digest: str, refused: Refused, *, source: str, via: str
) -> IngestResult:
    """Record why ``data`` was refused; nothing else is written.

    Recorded: SHA-256, size, the sender it claims, the reason and when (first and last). The
    file itself is kept only when it is authenticated (signed with the desk's pinned key):
    anyone can send junk naming a desk, so junk is never stored. The same file for the same
    reason again only counts; records are capped per claimed desk and in total, and alerts
    are merged, so a flood of refusals cannot fill the disk. Over HTTP, junk from senders
    that are not enrolled desks, and mistakes (``keep`` False), are only refused."""
    reason = str(refused)
    result = IngestResult(
        source,
        "quarantined",
        refused.desk,
        refused.bundle_id,
        reason=reason,
        status=refused.status,
    )
    if via != "usb" and not (refused.known_desk and refused.keep):
        return result
    desk = refused.desk if refused.known_desk else None  # an unknown code names nobody
    with hub.lock, hub.transaction():
        now = hub.now_text()
        seen = hub.conn.execute(
            "UPDATE quarantine SET count = count + 1, last_at = ? WHERE sha256 = ? AND reason = ?",
            [now, digest, reason],
        )
        if seen.rowcount:
            return result
        per_desk, total, kept = hub.conn.execute(
            "SELECT count(CASE WHEN desk IS ? THEN 1 END), count(*),"
            " coalesce(sum(CASE WHEN stored_as != '' THEN size END), 0) FROM quarantine",
            [refused.desk],
        ).fetchone()
        if per_desk >= MAX_QUARANTINE_PER_DESK or total >= MAX_QUARANTINE_TOTAL:
            hub.alert(
                "quarantine_full",
                f"the quarantine list is full ({total} records, {per_desk} naming "
                f"{refused.desk or 'no desk'}): further refused files are only counted here; "
                f"the last: {reason[:200]}",
                desk,
                key="quarantine_full",
            )
            return result
        stored = ""
        if refused.authenticated and kept + len(data) <= MAX_QUARANTINE_KEPT_BYTES:
            name = _SAFE_NAME.sub("_", Path(source).name)[-80:] or "upload"
            stored = f"{hub.clock().strftime('%Y%m%d-%H%M%S')}_{digest[:12]}_{name}"
            hub.quarantine_dir.mkdir(parents=True, exist_ok=True)
            write_atomically(hub.quarantine_dir / stored, data, mode=0o600)
        hub.conn.execute(
            "INSERT INTO quarantine (sha256, stored_as, source, desk, bundle_id, reason, at,"
            " last_at, via, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                digest,
                stored,
                source[-300:],
                refused.desk,
                refused.bundle_id,
                reason,
                now,
                now,
                via,
                len(data),
            ],
        )
        if refused.authenticated:
            hub.alert(refused.alert, f"{Path(source).name}: {reason}", desk)
        else:
            claimed = "" if refused.known_desk else f" (naming {refused.desk or 'no desk'})"
            hub.alert(
                refused.alert,
                f"refused, not authenticated{claimed}: {reason[:300]}",
                desk,
                key="not_authenticated",
            )
    return result
