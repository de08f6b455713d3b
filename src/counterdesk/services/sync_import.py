"""Applying what the hub sends back: acknowledgements and reference data.

Used for a stick (``counterdesk import PATH...``) and for HTTP alike. Only bundles addressed
to this desk and signed by its hub are applied; each is applied once (its id is kept),
acknowledgements only ever move ``acked_seq`` forward and never past the desk's own last
event, and reference data is installed only when it is newer than what the desk has
(:mod:`counterdesk.services.refdata`), all items of a bundle in one transaction.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from counterdesk.domain.errors import CounterdeskError
from counterdesk.services.anchors import keep_hub_anchor
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import acked_seq
from counterdesk.services.refdata import apply_refdata, catalogue_version
from counterdesk.services.sync_link import HubLink, load_link, mark_confirmed, record_contact
from counterdesk.store.eventlog import last_seq
from counterdesk.sync import payloads
from counterdesk.sync.bundle import BundleError, BundleHeader, key_id, peek_header, read_bundle
from counterdesk.sync.files import find_bundle_files, read_bundle_file, read_head

PEEK_BYTES = 13 + 65_536  # enough for any bundle header
log = logging.getLogger("counterdesk.sync")
Outcome = Literal["applied", "duplicate", "skipped", "rejected"]
__all__ = ["ImportLine", "catalogue_version", "import_bundle", "import_paths"]


@dataclass(frozen=True)
class ImportLine:
    source: str
    outcome: Outcome
    message: str
    kind: str = ""
    upload: payloads.Upload | None = None  # an acknowledgement's word on an HTTP upload

    @property
    def failed(self) -> bool:
        return self.outcome == "rejected"

    def __str__(self) -> str:
        return f"{self.source}: {self.outcome}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "outcome": self.outcome,
            "kind": self.kind,
            "message": self.message,
        }


def _apply_ack(desk: Desk, ack: payloads.Ack, bundle: bytes) -> str:
    if ack.desk != desk.info.code:
        raise payloads.PayloadError(f"the acknowledgement is for desk {ack.desk}")
    mine = key_id(desk.keys.sign_public)
    if ack.desk_key != mine:
        raise payloads.PayloadError(
            f"the hub holds key {ack.desk_key} for {ack.desk}, but this desk's key is {mine}: "
            "another PC enrolled with the same file, or this desk is a copy; call the district"
        )
    confirmed_now = mark_confirmed(desk)
    last = last_seq(desk.conn)
    before = acked_seq(desk)
    local = [
        (str(r[0]), int(r[1]))
        for r in desk.conn.execute("SELECT epoch, first_seq FROM epochs ORDER BY first_seq")
    ]

    def hash_at(seq: int) -> str | None:
        row = desk.conn.execute("SELECT hash FROM events WHERE seq = ?", [seq]).fetchone()
        return str(row[0]) if row else None

    through = payloads.acknowledged_through(ack, local, last, hash_at)
    anchored = desk.conn.execute("SELECT seq FROM hub_anchor WHERE id = 1").fetchone()
    if through > 0 and (anchored is None or int(anchored[0]) < through):
        keep_hub_anchor(desk, bundle, through)
    note = " (the hub now holds this desk's keys)" if confirmed_now else ""
    if through > before:
        desk.conn.execute("UPDATE sync_state SET acked_seq = ? WHERE id = 1", [through])
        return f"hub acknowledged events up to {through}; {last - through} pending{note}"
    return f"nothing new acknowledged (up to {before}); {last - before} pending{note}"


def _skip(header: BundleHeader, desk: Desk, link: HubLink) -> str:
    code = desk.info.code
    if header.sender == code:
        return "this desk's own export (for the hub)"
    if header.recipient != code:
        return f"for {header.recipient}, not this desk"
    if header.sender != link.hub:
        return f"from {header.sender}, not from this desk's hub"
    if header.kind not in payloads.DOWNWARD_KINDS:
        return f"a {header.kind} bundle, which a desk does not import"
    return ""


def import_bundle(desk: Desk, data: bytes, *, source: str) -> ImportLine:
    """Apply one hub bundle; never raises for bad content (the line says what happened)."""
    link = load_link(desk)
    try:
        header = peek_header(data)
    except BundleError as exc:
        return ImportLine(source, "rejected", str(exc))
    skip = _skip(header, desk, link)
    if skip:
        return ImportLine(source, "skipped", skip, header.kind)
    digest = hashlib.sha256(data).hexdigest()
    try:
        header, payload = read_bundle(
            data, recipient_private=desk.keys.box, sender_public=link.hub_sign
        )
    except BundleError as exc:
        return ImportLine(source, "rejected", str(exc), header.kind)
    known = desk.conn.execute(
        "SELECT sha256 FROM hub_bundles WHERE bundle_id = ?", [header.bundle_id]
    ).fetchone()
    if known is not None:
        if known[0] == digest:
            return ImportLine(source, "duplicate", "already imported", header.kind)
        return ImportLine(
            source,
            "rejected",
            f"the hub signed two different bundles with the same id {header.bundle_id}",
            header.kind,
        )
    try:
        if header.kind == payloads.ACK:
            ack = payloads.decode_ack(payload)
            with desk.transaction():
                message = _apply_ack(desk, ack, data)
                _record(desk, header, digest, message)
            return ImportLine(source, "applied", message, header.kind, ack.upload)
        else:
            items = payloads.decode_refdata(payload)
            with desk.transaction():
                message = apply_refdata(desk, items)
                _record(desk, header, digest, message)
    except payloads.PayloadError as exc:
        return ImportLine(source, "rejected", str(exc), header.kind)
    except CounterdeskError as exc:  # e.g. a catalogue this version cannot use
        return ImportLine(source, "rejected", str(exc), header.kind)
    return ImportLine(source, "applied", message, header.kind)


def _record(desk: Desk, header: BundleHeader, digest: str, message: str) -> None:
    desk.conn.execute(
        "INSERT INTO hub_bundles (bundle_id, kind, sha256, received_at, outcome)"
        " VALUES (?, ?, ?, ?, ?)",
        [header.bundle_id, header.kind, digest, desk.now_text(), message[:500]],
    )
    record_contact(desk)


def _peek_file(path: Path) -> BundleHeader:
    """The header of a regular file (never a link, a pipe or a device)."""
    return peek_header(read_head(path, PEEK_BYTES))


def import_paths(desk: Desk, paths: Sequence[Path]) -> list[ImportLine]:
    """Every bundle file under ``paths``: one line per file.

    Files for other desks are only peeked at. Reference data is applied before
    acknowledgements, so the report reads in a natural order. Nothing on the stick is
    trusted (:mod:`counterdesk.sync.files`): links are not followed, only regular files of
    a bundle's size are read, and an unexpected error with one file is that file's line.
    """
    link = load_link(desk)
    lines: list[ImportLine] = []
    mine: list[tuple[int, Path]] = []
    for found in find_bundle_files(paths):
        source = str(found.path)
        if found.problem:
            lines.append(ImportLine(source, "rejected", found.problem))
            continue
        try:
            header = _peek_file(found.path)
        except OSError as exc:
            lines.append(ImportLine(source, "rejected", f"cannot read: {exc.strerror or exc}"))
            continue
        except BundleError as exc:
            lines.append(ImportLine(source, "rejected", str(exc)))
            continue
        skip = _skip(header, desk, link)
        if skip:
            lines.append(ImportLine(source, "skipped", skip, header.kind))
            continue
        mine.append((0 if header.kind == payloads.REFDATA else 1, found.path))
    for _, path in sorted(mine, key=lambda item: item[0]):
        try:
            data = read_bundle_file(path)
        except OSError as exc:
            lines.append(ImportLine(str(path), "rejected", f"cannot read: {exc.strerror or exc}"))
            continue
        try:
            lines.append(import_bundle(desk, data, source=str(path)))
        except Exception as exc:  # one bad file never stops the others
            log.exception("importing %s failed", path)
            why = f"{type(exc).__name__}: {str(exc)[:200]}".rstrip(": ")
            lines.append(ImportLine(str(path), "rejected", f"unexpected error ({why})"))
    return lines
