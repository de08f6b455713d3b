"""Building blocks for sync tests: a hub, enrolled desks, requests, bundles, a live server."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

from counterdesk.hub.app import create_app
from counterdesk.hub.enroll import enroll_desk
from counterdesk.hub.hub import Hub, init_hub
from counterdesk.services import register as register_service
from counterdesk.services.desk import Desk
from counterdesk.services.enroll import enroll
from counterdesk.services.staff import authenticate
from counterdesk.sync.enrollment import read_enrollment

DISTRICT = "Kabupaten Bengkayang"
ADMIN = "siti"
PASSWORD = "rahasia1"
NIK_MARKER = "6107071708800001"  # Jagoi Babang, born 17-08-1980
NAME_MARKER = "Zulkarnain Markerwati"


def make_hub(root: Path) -> Path:
    init_hub(root, district=DISTRICT).close()
    return root


def enrollment_bytes(hub_root: Path, code: str = "JGB-01", *, reissue: bool = False) -> bytes:
    with Hub.open(hub_root) as hub:
        return enroll_desk(hub, code, post=f"Kantor Camat {code}", reissue=reissue).data


def make_desk(root: Path, enrollment: bytes, *, signer: bool = True) -> Path:
    """Enroll a desk; ``signer``: its administrator sets the post's signer (letters need one)."""
    enroll(root, read_enrollment(enrollment), admin_name=ADMIN, admin_password=PASSWORD)
    if signer:
        from counterdesk.services.desk_settings import update_settings

        with Desk.open(root) as desk:
            session = authenticate(desk, ADMIN, PASSWORD)
            update_settings(desk, session, signer_name="Drs. Penandatangan", signer_title="Camat")
    return root


def field_values(service: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in service.fields:
        if f.choices:
            out[f.key] = f.choices[0]
        elif f.type == "date":
            out[f.key] = "2005-01-15"  # in the past under every test clock (-10y too)
        elif f.type == "number":
            out[f.key] = "2"
        else:
            out[f.key] = "Dusun Sebunga"
    return out


def register(
    desk: Desk, n: int = 1, *, name: str = "Siti Nurhaliza", nik: str = NIK_MARKER
) -> list[str]:
    session = authenticate(desk, ADMIN, PASSWORD)
    service = desk.catalogue.get("SKTM")
    receipts = []
    for _ in range(n):
        r = register_service.register(
            desk,
            session,
            register_service.Registration(
                service=service.code, name=name, nik=nik, fields=field_values(service)
            ),
        )
        receipts.append(r.receipt)
    return receipts


@contextlib.contextmanager
def live_hub(hub_root: Path) -> Iterator[str]:
    """The real HTTP server on a free loopback port, in a background thread."""
    hub = Hub.open(hub_root)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(hub), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the hub did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
        hub.close()


def usb_trip(desk: Desk, hub_root: Path, stick: Path) -> list[str]:
    """One officer's trip: desk export, hub import --reply-to, desk import. The desk's lines."""
    from counterdesk.hub.ingest import ingest
    from counterdesk.hub.replies import write_replies
    from counterdesk.services.outbox import export_to_folder
    from counterdesk.services.sync_import import import_paths

    export_to_folder(desk, stick)
    code = desk.info.code
    with Hub.open(hub_root) as hub:
        for path in sorted(stick.glob(f"{code}_*.cdb")):
            result = ingest(hub, path.read_bytes(), source=str(path))
            assert result.outcome in ("accepted", "duplicate"), result.message()
        write_replies(hub, code, stick)
    lines = import_paths(desk, [stick])
    assert not [line for line in lines if line.failed], lines
    return [str(line) for line in lines]


def letter_for(desk: Desk) -> tuple[str, str]:
    """Register an SKTM request and issue its letter: (letter number, QR payload)."""
    from counterdesk.services.documents import issue_letter

    [receipt] = register(desk, 1)
    letter = issue_letter(desk, authenticate(desk, ADMIN, PASSWORD), receipt)
    return letter.number, letter.payload
