"""Sync: bytes on the wire, re-sends after a cut, hub ingest rate, a stick's round trip.

Targets (issue "sync"):
- HTTP body bytes (both ways) per synced request, at batches of >= 10: <= 150 B per request
  plus <= 1 KiB per session. The session's own cost is a session with nothing to send (a
  hello and the acknowledgement); the per-request figure is what a session of 10, 100 or
  1,000 new requests costs beyond that, divided by their number. (A straight-line fit
  between 100 and 1,000 is printed too.)
- after a link is cut, the next sync re-sends at most one capped bundle;
- events the hub acknowledged are never sent again;
- hub ingest >= 5,000 events/s (50,000 events);
- 10,000 requests by stick, end to end (desk export, hub import --reply-to, desk import,
  each a new process) <= 5 s.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from common import Figure, citizen_name, emit, scratch
from counterdesk.hub.enroll import enroll_desk
from counterdesk.hub.hub import Hub, init_hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.ledger import epoch_acks
from counterdesk.services import register as register_service
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.enroll import enroll
from counterdesk.services.outbox import HTTP_PAYLOAD_LIMIT, outgoing
from counterdesk.services.staff import authenticate
from counterdesk.services.sync_http import sync_with_hub
from counterdesk.sync.enrollment import read_enrollment
from counterdesk.sync.http_client import HubClient, HubUnreachable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.sync.helpers import live_hub  # the hub on a loopback socket

ADMIN, PASSWORD = "siti", "rahasia1"


def nik(i: int) -> str:
    """A valid NIK of Jagoi Babang (61.07.07), distinct for each i."""
    day, month, year = 1 + i % 28, 1 + (i // 28) % 12, 60 + (i // 336) % 40
    return f"610707{day + (40 if i % 2 else 0):02d}{month:02d}{year:02d}{1 + i % 9999:04d}"


def csv_rows(start: int, n: int) -> str:
    rows = ["service,name,nik,field:address,field:purpose"]
    rows += [
        f"SKD,{citizen_name(i)},{nik(i)},Dusun Sebunga RT {i % 20:03d} Desa Jagoi,Melamar kerja"
        for i in range(start, start + n)
    ]
    return "\n".join(rows) + "\n"


def new_site(root: Path) -> tuple[Path, Path]:
    shutil.rmtree(root, ignore_errors=True)
    init_hub(root / "hub", district="Kabupaten Bengkayang").close()
    with Hub.open(root / "hub") as hub:
        data = enroll_desk(hub, "JGB-01", post="Kantor Camat Jagoi Babang").data
    enroll(root / "desk", read_enrollment(data), admin_name=ADMIN, admin_password=PASSWORD)
    return root / "hub", root / "desk"


class Counting(httpx.BaseTransport):
    """Counts HTTP body bytes both ways; can lose the answer of one call, then go down."""

    def __init__(self, *, cut_answer_of: int = 0) -> None:
        self.inner = httpx.HTTPTransport()
        self.up = self.down = self.calls = 0
        self.cut_answer_of = cut_answer_of
        self.dead = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.dead:
            raise httpx.ConnectError("link down", request=request)
        self.calls += 1
        self.up += len(request.content)
        response = self.inner.handle_request(request)
        body = response.read()
        response.close()
        if self.calls == self.cut_answer_of:
            self.dead = True
            raise httpx.ReadError("link cut while the answer came back", request=request)
        self.down += len(body)
        return httpx.Response(
            response.status_code, headers=response.headers, content=body, request=request
        )


def session_bytes(desk: Desk, url: str, transport: Counting) -> int:
    sync_with_hub(desk, url, client_factory=lambda u: HubClient(u, transport=transport))
    return transport.up + transport.down


def wire(root: Path) -> list[Figure]:
    hub_root, desk_root = new_site(root)
    out: dict[str, float] = {}
    with Desk.open(desk_root) as desk, live_hub(hub_root) as url:
        session = authenticate(desk, ADMIN, PASSWORD)
        sync_with_hub(desk, url)  # first contact; steady state from here
        sync_with_hub(desk, url)
        out["idle"] = session_bytes(desk, url, Counting())
        start = 0
        for n in (10, 100, 1000):
            register_service.register_csv(desk, session, csv_rows(start, n))
            out[f"reg{n}"] = session_bytes(desk, url, Counting())
            start += n
        for n in (100, 1000):  # each request registered, then moved on twice
            done = register_service.register_csv(desk, session, csv_rows(start, n))
            for receipt in done.registered:
                advance(desk, session, receipt, "in_progress")
                advance(desk, session, receipt, "ready")
            out[f"life{n}"] = session_bytes(desk, url, Counting())
            start += n
    idle = out["idle"]  # a session's own cost: a hello and the acknowledgement
    figures = [
        Figure("HTTP bytes per session (nothing to send: hello + ack)", "B", idle, "<= 1024 B",
               idle <= 1024),
    ]  # fmt: skip
    for key, what in (("reg", "registration"), ("life", "registration + 2 status changes")):
        for n in (10, 100, 1000):
            if f"{key}{n}" not in out:
                continue
            per = (out[f"{key}{n}"] - idle) / n
            figures.append(
                Figure(f"HTTP bytes per request, {what}, session of {n}", "B", per, "<= 150 B",
                       per <= 150)
            )  # fmt: skip
    # A straight line through the registration sessions of 100 and 1,000, for comparison.
    # (Not for the lifecycle sessions: there, how many status changes share a bundle with
    # their registration changes with the session's size, so they are not on a line.)
    slope = (out["reg1000"] - out["reg100"]) / 900
    fixed = out["reg100"] - 100 * slope
    figures.append(Figure("  linear fit 100..1000: bytes per request", "B", slope, "info", True))
    figures.append(Figure("  linear fit 100..1000: bytes per session", "B", fixed, "info", True))
    figures.append(
        Figure(
            "HTTP bytes, whole session of 1,000 registrations", "B", out["reg1000"], "info", True
        )
    )
    return figures


def cut(root: Path) -> list[Figure]:
    hub_root, desk_root = new_site(root)
    with Desk.open(desk_root) as desk, live_hub(hub_root) as url:
        session = authenticate(desk, ADMIN, PASSWORD)
        sync_with_hub(desk, url)
        register_service.register_csv(desk, session, csv_rows(0, 3000))
        bundles = list(outgoing(desk, max_payload=HTTP_PAYLOAD_LIMIT))
        capped = max(len(b.data) for b in bundles)
        # The answer to the third upload is lost, and the link stays down.
        broken = Counting(cut_answer_of=3)
        with contextlib.suppress(HubUnreachable):
            sync_with_hub(desk, url, client_factory=lambda u: HubClient(u, transport=broken))
        with Hub.open(hub_root) as hub:
            [ack] = epoch_acks(hub.conn, "JGB-01")
        # what a perfect link would still carry (the same bundles, from where the hub is)
        needed = sum(
            len(b.data)
            for b in outgoing(desk, after=ack.contiguous, max_payload=HTTP_PAYLOAD_LIMIT)
        )
        again = Counting()
        report = sync_with_hub(desk, url, client_factory=lambda u: HubClient(u, transport=again))
        resent = again.up - needed
        after = Counting()
        last = sync_with_hub(desk, url, client_factory=lambda u: HubClient(u, transport=after))
        sent_again = last.new_events + last.known_events
    return [
        Figure(f"re-sent after a cut ({len(bundles)} bundles)", "B", resent,
               f"<= one capped bundle ({capped} B)", 0 <= resent <= capped and report.pending == 0),
        Figure("events sent again once acknowledged", "events", sent_again, "0", sent_again == 0),
        Figure("  bytes up of that sync", "B", after.up, "info", True),
    ]  # fmt: skip


def ingest_rate(root: Path) -> list[Figure]:
    hub_root, desk_root = new_site(root)
    with Desk.open(desk_root) as desk:
        session = authenticate(desk, ADMIN, PASSWORD)
        for start in range(0, 50_000, 10_000):
            register_service.register_csv(desk, session, csv_rows(start, 10_000))
        bundles = [b.data for b in outgoing(desk)]
        events = desk.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with Hub.open(hub_root) as hub:
        t = time.perf_counter()
        for data in bundles:
            result = ingest(hub, data, source="bench.cdb")
            assert result.outcome == "accepted", result.message()
        seconds = time.perf_counter() - t
    rate = events / seconds
    return [
        Figure(f"hub ingest ({events} events, {len(bundles)} bundles)", "events/s", rate,
               ">= 5000 events/s", rate >= 5000),
    ]  # fmt: skip


def stick_round_trip(root: Path) -> list[Figure]:
    hub_root, desk_root = new_site(root)
    stick = root / "stick"
    with Desk.open(desk_root) as desk:
        session = authenticate(desk, ADMIN, PASSWORD)
        register_service.register_csv(desk, session, csv_rows(0, 100))
    env = os.environ | {"COUNTERDESK_DATA_DIR": str(desk_root)}

    def run(*args: str) -> None:
        subprocess.run([sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL)

    def trip() -> float:
        t = time.perf_counter()
        run("-m", "counterdesk", "export", str(stick))
        run("-m", "counterdesk.hub.cli", "--data-dir", str(hub_root), "import", str(stick),
            "--reply-to", str(stick))  # fmt: skip
        run("-m", "counterdesk", "import", str(stick))
        return time.perf_counter() - t

    trip()  # first contact, so that the measured trip is an ordinary one
    with Desk.open(desk_root) as desk:
        session = authenticate(desk, ADMIN, PASSWORD)
        register_service.register_csv(desk, session, csv_rows(100, 10_000))
    seconds = trip()
    with Desk.open(desk_root) as desk:
        pending = desk.conn.execute(
            "SELECT (SELECT max(seq) FROM events) - acked_seq FROM sync_state"
        ).fetchone()[0]
    assert pending == 0
    return [
        Figure("10,000 requests by stick: export + hub import --reply-to + import", "s",
               seconds, "<= 5 s", seconds <= 5.0),
    ]  # fmt: skip


def main() -> None:
    root = scratch("sync")
    figures = wire(root / "wire")
    figures += cut(root / "cut")
    figures += ingest_rate(root / "ingest")
    figures += stick_round_trip(root / "stick")
    emit(figures, "sync")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
