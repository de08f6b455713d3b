"""The outbox: every event the hub has not acknowledged, as bundles for a stick or for HTTP.

Export rule (DESIGN.md, Sync): all unacknowledged events, every time. A lost stick heals on
the next trip, and overlap is harmless because the hub ingests idempotently. Each bundle
holds a contiguous run of one epoch, is encrypted to the hub and signed by the desk; until
the hub has confirmed the desk's keys each one is wrapped in an ``intro`` bundle that
carries the keys and the proof of the enrollment secret.

Events travel in the compact layout (format 2, see :mod:`counterdesk.sync.payloads`), with
the versions of reference data this desk has installed, so that the hub's replies carry
only what the desk lacks. A stick with nothing new to carry gets a small ``hello`` file
instead, so that the district office still writes this desk's replies.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.ids import new_id
from counterdesk.services.desk import Desk
from counterdesk.services.escrow import escrow_key
from counterdesk.services.refdata import catalogue_version, installed_versions
from counterdesk.services.survey import flush_surveys
from counterdesk.services.sync_link import HubLink, intro_signer, load_link
from counterdesk.store.eventlog import last_seq, row_event
from counterdesk.sync import payloads
from counterdesk.sync.bundle import (
    BundleError,
    BundleHeader,
    key_id,
    peek_header,
    write_atomically,
    write_bundle,
)
from counterdesk.sync.files import BUNDLE_SUFFIX, make_stick_folder, read_head, write_problem
from counterdesk.sync.payloads import WireEvent

# Uncompressed payload per bundle. On a stick size matters little; over HTTP a bundle must
# stay small so that a cut link re-sends at most one small bundle (<= 256 KiB on the wire:
# compression never grows the payload by more than a few bytes, plus ~3 KiB of wrapping).
USB_PAYLOAD_LIMIT = 8 * 1024 * 1024
HTTP_PAYLOAD_LIMIT = 240 * 1024
HTTP_BUNDLE_LIMIT = 256 * 1024


@dataclass(frozen=True)
class OutBundle:
    bundle_id: str
    file_name: str
    data: bytes
    epoch: str
    seq_first: int
    seq_last: int
    count: int
    intro: bool


@dataclass(frozen=True)
class ExportReport:
    folder: Path
    pending: int
    acked_seq: int
    last_seq: int
    written: list[OutBundle] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    hello: str = ""  # the hello file written when there was nothing to export

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "pending": self.pending,
            "acked_seq": self.acked_seq,
            "last_seq": self.last_seq,
            "files": [
                {
                    "file": b.file_name,
                    "epoch": b.epoch,
                    "seq_first": b.seq_first,
                    "seq_last": b.seq_last,
                    "events": b.count,
                    "bytes": len(b.data),
                    "introduces_desk": b.intro,
                }
                for b in self.written
            ],
            "removed": self.removed,
            "hello": self.hello or None,
        }


def acked_seq(desk: Desk) -> int:
    row = desk.conn.execute("SELECT acked_seq FROM sync_state WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def exported_seq(desk: Desk) -> int:
    """The last event written onto a stick (the hub may hold more than its last ack says)."""
    row = desk.conn.execute("SELECT exported_seq FROM sync_state WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def hello_payload(desk: Desk) -> bytes:
    """The desk's view, for the hub: where its log stands, its hash of the event the hub
    last acknowledged, and what reference data it has."""
    acked = acked_seq(desk)
    row = desk.conn.execute("SELECT hash FROM events WHERE seq = ?", [acked]).fetchone()
    return payloads.Hello(
        desk=desk.info.code,
        epoch=desk.info.epoch,
        last_seq=last_seq(desk.conn),
        acked_seq=acked,
        catalogue_version=catalogue_version(desk),
        nonce=new_id(),
        refdata=installed_versions(desk),
        acked_hash=str(row[0]) if row is not None else "",
    ).encode()


def _wire(desk: Desk, after: int, upto: int, batch: int = 2000) -> Iterator[WireEvent]:
    """Events ``after+1 .. upto`` with the hashes stored with them, read in batches."""
    while after < upto:
        rows = desk.conn.execute(
            "SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
            [after, upto, batch],
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield WireEvent(row_event(row), row["hash"])
        after = rows[-1]["seq"]


def seal(desk: Desk, link: HubLink, *, kind: str, payload: bytes, **header: Any) -> bytes:
    """One bundle from this desk to its hub, wrapped in ``intro`` while not yet confirmed."""
    keys = desk.keys
    code = desk.info.code
    inner = write_bundle(
        payload=payload,
        kind=kind,
        sender=code,
        recipient=link.hub,
        sender_key=keys.sign,
        recipient_public=link.hub_box,
        created_at=desk.now().astimezone().isoformat(timespec="seconds")[:64],
        **header,
    )
    signer = intro_signer(desk, link)
    if signer is None:
        return inner
    claim, enrollment_key = signer
    return write_bundle(
        payload=payloads.encode_intro(claim, inner),
        kind=payloads.INTRO,
        sender=code,
        recipient=link.hub,
        sender_key=enrollment_key,
        recipient_public=link.hub_box,
        created_at=desk.now().astimezone().isoformat(timespec="seconds")[:64],
        **header,
    )


def outgoing(
    desk: Desk,
    *,
    after: int | None = None,
    upto: int | None = None,
    max_payload: int = USB_PAYLOAD_LIMIT,
) -> Iterator[OutBundle]:
    """Bundles for the events ``after+1 .. upto`` (default: every unacknowledged one).

    A bundle never spans two epochs and its payload stays under ``max_payload`` (a
    single larger event goes alone).
    """
    link = load_link(desk)
    start = acked_seq(desk) if after is None else after
    last = last_seq(desk.conn)
    upto = last if upto is None else min(upto, last)
    versions = installed_versions(desk)
    batch: list[WireEvent] = []
    size = 0

    def flush() -> OutBundle:
        first, last = batch[0].event, batch[-1].event
        data = seal(
            desk,
            link,
            kind=payloads.EVENTS,
            payload=payloads.encode_events_compact(batch, refdata=versions),
            epoch=first.epoch,
            seq_first=first.seq,
            seq_last=last.seq,
            count=len(batch),
        )
        header = peek_header(data)
        return OutBundle(
            bundle_id=header.bundle_id,
            file_name=header.file_name(),
            data=data,
            epoch=first.epoch,
            seq_first=first.seq,
            seq_last=last.seq,
            count=len(batch),
            intro=header.kind == payloads.INTRO,
        )

    for wire in _wire(desk, start, upto):
        line = len(payloads.compact_line(wire)) + 1
        if batch and (wire.event.epoch != batch[0].event.epoch or size + line > max_payload):
            yield flush()
            batch, size = [], 0
        batch.append(wire)
        size += line
    if batch:
        yield flush()


def _own_old_files(desk: Desk, folder: Path, acked: int, keep: set[str]) -> Iterator[Path]:
    """This desk's files in ``folder`` that the export just written makes useless.

    Its earlier exports that the hub has acknowledged, or that this export repeats (every
    unacknowledged event is in it again; recognised by this desk's own keys, so a file a copy
    of this desk wrote is left for the district to see), its earlier hello files, and files
    an interrupted export left half-written.
    """
    code = desk.info.code
    mine = {key_id(desk.keys.sign_public)}
    signer = intro_signer(desk, load_link(desk))
    if signer is not None:
        mine.add(key_id(signer[1].public_key()))
    with contextlib.suppress(OSError):
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.name in keep:
                continue
            if path.name.startswith(f".{code}_") and path.name.endswith(".part"):
                yield path
                continue
            if not path.name.startswith(f"{code}_"):
                continue
            if not path.name.lower().endswith(BUNDLE_SUFFIX):
                continue
            try:
                header: BundleHeader = peek_header(read_head(path, 70_000))
            except (OSError, BundleError):
                continue
            if header.sender != code:
                continue
            repeated = header.sender_key_id in mine
            if header.kind in (payloads.EVENTS, payloads.INTRO, payloads.HELLO) and (
                repeated or (header.kind != payloads.HELLO and 0 < header.seq_last <= acked)
            ):
                yield path


def export_to_folder(
    desk: Desk, folder: Path, *, max_payload: int = USB_PAYLOAD_LIMIT
) -> ExportReport:
    """Write every unacknowledged event as bundle files into ``folder`` (a USB stick).

    Each file is written atomically. Then this desk's older files there are removed: those
    the hub has acknowledged meanwhile, those the new files repeat, and those an interrupted
    export left half-written (an export killed half-way is healed by the next one). When
    nothing is pending, a small hello file is written instead, so that the district office
    writes this desk's replies (reference data) on the next trip.
    """
    load_link(desk)  # refuses training and unenrolled desks with a clear message
    folder = Path(folder)
    try:
        make_stick_folder(folder)
    except OSError as exc:
        raise CounterdeskError(
            f"cannot use the folder {folder}: {write_problem(exc)}; nothing was written",
            code="export_folder",
        ) from None
    flush_surveys(desk)  # the answers given since the last trip travel with it
    escrow_key(desk)  # and the database key, once, sealed to the hub
    acked = acked_seq(desk)
    last = last_seq(desk.conn)
    report = ExportReport(
        folder=folder, pending=max(0, last - acked), acked_seq=acked, last_seq=last
    )
    if last <= acked:
        link = load_link(desk)
        data = seal(desk, link, kind=payloads.HELLO, payload=hello_payload(desk))
        name = peek_header(data).file_name()
        _write(folder / name, data, 0)
        report = dataclasses.replace(report, hello=name)
    else:
        for bundle in outgoing(desk, after=acked, upto=last, max_payload=max_payload):
            _write(folder / bundle.file_name, bundle.data, len(report.written))
            report.written.append(bundle)
        with desk.transaction():
            desk.conn.execute(
                "UPDATE sync_state SET exported_seq = max(exported_seq, ?) WHERE id = 1", [last]
            )
    keep = {b.file_name for b in report.written} | {report.hello}
    for old in _own_old_files(desk, folder, acked, keep):
        with contextlib.suppress(OSError):
            old.unlink()
            report.removed.append(old.name)
    return report


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _write(target: Path, data: bytes, written: int) -> None:
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise CounterdeskError(
            f"cannot write {target}: {write_problem(exc)}. The export is incomplete: "
            f"{written} whole file(s) were written before this one and no half-written file "
            "was left under a bundle name; the desk keeps every event, so export again"
            f"{' onto a stick with free space' if exc.errno in _FULL else ''}",
            code="export_write",
        ) from None


__all__ = [
    "HTTP_BUNDLE_LIMIT",
    "HTTP_PAYLOAD_LIMIT",
    "USB_PAYLOAD_LIMIT",
    "ExportReport",
    "OutBundle",
    "acked_seq",
    "export_to_folder",
    "exported_seq",
    "hello_payload",
    "outgoing",
    "seal",
]
