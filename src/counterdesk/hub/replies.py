"""What the hub sends a desk: a signed acknowledgement and, when the desk is behind,
reference data. Each is a bundle signed by the hub and encrypted to the desk's pinned key,
in the bundle format the desk itself writes (so a desk not yet updated can read it)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub.hub import Hub
from counterdesk.hub.ledger import epoch_acks
from counterdesk.hub.refdata import items_for
from counterdesk.sync import payloads
from counterdesk.sync.bundle import (
    FORMAT_VERSION,
    BundleError,
    peek_header,
    write_atomically,
    write_bundle,
)
from counterdesk.sync.files import (
    BUNDLE_SUFFIX,
    make_stick_subfolder,
    read_head,
    regular_files,
    write_problem,
)


@dataclass(frozen=True)
class Reply:
    kind: str
    file_name: str
    data: bytes


def ack_for(hub: Hub, desk: str, *, upload: payloads.Upload | None = None) -> payloads.Ack:
    with hub.lock:
        row = hub.conn.execute("SELECT sign_key_id FROM desks WHERE code = ?", [desk]).fetchone()
        return payloads.Ack(
            desk=desk,
            desk_key=str(row[0]),
            epochs=tuple(epoch_acks(hub.conn, desk)),
            upload=upload,
        )


def _recipient(hub: Hub, desk: str) -> tuple[X25519PublicKey, int]:
    """The desk's pinned encryption key and the bundle format it writes."""
    with hub.lock:
        row = hub.conn.execute(
            "SELECT box_public, pinned_at, bundle_format FROM desks WHERE code = ?", [desk]
        ).fetchone()
    if row is None or not row["pinned_at"]:
        raise CounterdeskError(
            f"desk {desk} has not made first contact; nothing can be sent to it yet",
            code="desk_not_pinned",
        )
    return X25519PublicKey.from_public_bytes(bytes(row["box_public"])), int(row["bundle_format"])


def seal_reply(
    hub: Hub, desk: str, kind: str, payload: bytes, *, format_version: int | None = None
) -> Reply:
    box, desk_format = _recipient(hub, desk)
    data = write_bundle(
        payload=payload,
        kind=kind,
        sender=hub.info.code,
        recipient=desk,
        sender_key=hub.keys.sign,
        recipient_public=box,
        created_at=hub.now_text()[:64],
        format_version=min(format_version or desk_format, FORMAT_VERSION),
    )
    return Reply(kind, peek_header(data).file_name(), data)


def replies_for(
    hub: Hub,
    desk: str,
    *,
    versions: Mapping[str, int] | None = None,
    upload: payloads.Upload | None = None,
    format_version: int | None = None,
) -> list[Reply]:
    """The acknowledgement, then reference data of every kind the desk is behind on.

    ``versions`` is what the desk says it has now (its hello); the hub also remembers what
    it said before.
    """
    ack = ack_for(hub, desk, upload=upload).encode()
    out = [seal_reply(hub, desk, payloads.ACK, ack, format_version=format_version)]
    items = items_for(hub, desk, versions)
    if items:
        out.append(
            seal_reply(
                hub,
                desk,
                payloads.REFDATA,
                payloads.encode_refdata(items),
                format_version=format_version,
            )
        )
    return out


def write_replies(hub: Hub, desk: str, root: Path) -> tuple[Path, list[Reply], list[str]]:
    """Write the desk's replies into ``root/DESK/``; remove this hub's older replies there
    (the new acknowledgement covers everything an older one did).

    ``root`` must exist and no link may lead to ``root/DESK`` (see
    :func:`~counterdesk.sync.files.make_stick_subfolder`); only regular files there are
    looked at."""
    folder = Path(root) / desk
    replies = replies_for(hub, desk)
    written = 0
    try:
        folder = make_stick_subfolder(Path(root), desk)
        old = [
            p
            for p in regular_files(folder)
            if p.name.lower().endswith(BUNDLE_SUFFIX) and _is_ours(hub, desk, p)
        ]
        for reply in replies:
            write_atomically(folder / reply.file_name, reply.data)
            written += 1
    except OSError as exc:
        raise CounterdeskError(
            f"cannot write the replies for {desk} in {folder}: {write_problem(exc)}. "
            f"{written} of {len(replies)} whole file(s) written, none half-written; the "
            "imported bundles are kept: run the import again with --reply-to on a stick "
            "with free space",
            code="reply_write",
        ) from None
    removed: list[str] = []
    fresh = {r.file_name for r in replies}
    for path in old:
        if path.name not in fresh:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path.name)
    return folder, replies, removed


def _is_ours(hub: Hub, desk: str, path: Path) -> bool:
    try:
        header = peek_header(read_head(path, 70_000))
    except (OSError, BundleError):
        return False
    return (
        header.sender == hub.info.code
        and header.recipient == desk
        and header.kind in payloads.DOWNWARD_KINDS
    )
