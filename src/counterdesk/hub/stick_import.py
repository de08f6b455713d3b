"""``counterdesk-hub import``, file by file: nothing on one file stops the others.

Every file found on the stick gets exactly one result: a path that is a link, a pipe, a
device or too large is not read (``failed``), a bundle the hub refuses is quarantined by
:func:`counterdesk.hub.ingest.ingest`, and any unexpected error while importing one file is
that file's ``failed`` line (logged with its traceback for the district's technician); the
other files are imported all the same.
"""

from __future__ import annotations

import logging
from pathlib import Path

from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import IngestResult, ingest
from counterdesk.sync.files import (
    Found,
    check_stick_folder,
    make_stick_folder,
    read_bundle_file,
    write_problem,
)

log = logging.getLogger("counterdesk.hub")


def import_found(hub: Hub, found: Found) -> IngestResult:
    """Import one file found on a stick; never raises (but for KeyboardInterrupt and the like)."""
    source = str(found.path)
    if found.problem:
        return IngestResult(source, "failed", reason=f"not read: {found.problem}")
    try:
        data = read_bundle_file(found.path)
    except OSError as exc:
        return IngestResult(source, "failed", reason=f"not read: {exc.strerror or exc}")
    try:
        return ingest(hub, data, source=source, via="usb")
    except Exception as exc:  # one bad file never abandons the rest of the stick
        log.exception("importing %s failed", source)
        text = str(exc).splitlines()[0][:300] if str(exc) else ""
        why = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
        return IngestResult(
            source,
            "failed",
            reason=f"not imported, unexpected error ({why}); the other files go on",
        )


def reply_root_problem(root: Path) -> str:
    """Why ``--reply-to root`` cannot be used ('' when it can), making ``root`` when only it
    is missing: as for the desk's export, the folder it belongs in must exist (a stick that
    is not plugged in never becomes a folder on this PC), and no link may lead to it."""
    try:
        make_stick_folder(root)
        check_stick_folder(root)
    except OSError as exc:
        return f"--reply-to {root}: {write_problem(exc)}; nothing was imported"
    return ""
