"""A link cut at an arbitrary byte during `sync`: nothing is lost or doubled, and the next
sync re-sends at most one capped bundle (counted in bytes through a proxy on 127.0.0.1)."""

from __future__ import annotations

import random
import shutil
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from counterdesk.hub.hub import Hub
from counterdesk.hub.ledger import epoch_acks
from counterdesk.hub.views import list_requests
from counterdesk.services import register as register_service
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import acked_seq, outgoing
from counterdesk.services.staff import authenticate
from counterdesk.services.sync_http import sync_with_hub
from counterdesk.store.eventlog import last_seq
from counterdesk.sync.http_client import HubClient, HubUnreachable

from ..linkproxy import LinkProxy
from .helpers import ADMIN, PASSWORD, enrollment_bytes, live_hub, make_desk, make_hub

CAP = 16 * 1024  # payload per bundle in these tests (small, so that there are many)
REQUESTS = 240
HEADERS = 400  # HTTP request line and headers, per exchange, at most


def client(url: str) -> HubClient:
    return HubClient(url, attempts=3, base_delay=0.01, max_delay=0.02, timeout=10)


@dataclass
class Template:
    root: Path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("cut")
    hub_root = make_hub(root / "hub")
    with Desk.open(make_desk(root / "desk", enrollment_bytes(hub_root))) as desk:
        with live_hub(hub_root) as url:
            sync_with_hub(desk, url)  # first contact made: plain bundles from here on
        session = authenticate(desk, ADMIN, PASSWORD)
        rows = ["service,name,nik,field:address,field:occupation,field:purpose"]
        rows += [
            f"SKTM,Warga {chr(65 + i % 26)}{chr(97 + i // 26 % 26)} Sebunga,"
            f"61070717088{i + 1:05d},Dusun Sebunga RT {i % 17:03d} Desa Jagoi,Petani,Sekolah anak"
            for i in range(REQUESTS)
        ]
        register_service.register_csv(desk, session, "\n".join(rows) + "\n")
    return Template(root)


@pytest.fixture
def site(template: Template, tmp_path: Path) -> Iterator[tuple[Desk, Path]]:
    shutil.copytree(template.root / "hub", tmp_path / "hub")
    shutil.copytree(template.root / "desk", tmp_path / "desk")
    with Desk.open(tmp_path / "desk") as desk:
        yield desk, tmp_path / "hub"


def held(hub_root: Path) -> tuple[int, int]:
    """(events the hub holds of JGB-01, highest contiguous)."""
    with Hub.open(hub_root) as hub:
        count = hub.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        dup = hub.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM events GROUP BY event_id HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dup == 0
        [ack] = epoch_acks(hub.conn, "JGB-01")
        return count, ack.contiguous


@pytest.mark.parametrize(
    ("direction", "seed"),
    [("up", 11), ("up", 23), ("up", 37), ("up", 41), ("down", 5), ("down", 8)],
)
def test_a_cut_resends_at_most_one_capped_bundle(
    site: tuple[Desk, Path], direction: str, seed: int
) -> None:
    desk, hub_root = site
    bundles = list(outgoing(desk, max_payload=CAP))
    assert len(bundles) >= 4
    capped = max(len(b.data) for b in bundles)
    upstream = sum(len(b.data) for b in bundles)
    downstream = 500 * len(bundles)  # one acknowledgement of about 450 bytes per bundle
    rng = random.Random(seed)
    cut_at = rng.randrange(200, (upstream if direction == "up" else downstream) - 200)
    with (
        live_hub(hub_root) as url,
        LinkProxy(int(url.rsplit(":", 1)[1]), latency=0.001) as proxy,
    ):
        proxy.cut_after(cut_at, direction=direction, down_for=None)
        with pytest.raises(HubUnreachable, match="tried 3 times"):
            sync_with_hub(desk, proxy.url, client_factory=client, max_payload=CAP)
        assert proxy.cuts == 1 and proxy.refused >= 1
        before, contiguous = held(hub_root)
        assert acked_seq(desk) <= contiguous  # the desk never believes more than is held
        # What a perfect link would still carry, and what the next sync really sends.
        needed = sum(len(b.data) for b in outgoing(desk, after=contiguous, max_payload=CAP))
        proxy.up()
        proxy.reset_counters()
        report = sync_with_hub(desk, proxy.url, client_factory=client, max_payload=CAP)
        assert report.pending == 0 and report.retries == 0
        resent = proxy.bytes_up - needed - HEADERS * report.exchanges
        assert resent <= capped, (resent, capped, report.to_json())
        assert report.known_events <= bundles[0].count + 1  # at most one bundle's worth
        # Acknowledged events are never sent again: the next sync is one small hello.
        proxy.reset_counters()
        again = sync_with_hub(desk, proxy.url, client_factory=client, max_payload=CAP)
        assert (again.exchanges, again.uploaded) == (1, 0)
        assert proxy.bytes_up < 1024 + HEADERS
    count, contiguous = held(hub_root)
    assert count == contiguous == last_seq(desk.conn) >= before
    with Hub.open(hub_root) as hub:
        assert len(list_requests(hub)) == REQUESTS


def test_the_proxy_itself(tmp_path: Path) -> None:
    """Latency, bandwidth, counting, a cut, a down period, and stopping itself."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(5)
    with LinkProxy(server.getsockname()[1], latency=0.01, bandwidth=200_000, chunk=1000) as p:
        c = socket.create_connection(("127.0.0.1", p.port), timeout=5)
        s, _ = server.accept()
        start = time.monotonic()
        c.sendall(b"x" * 20_000)
        got = b""
        while len(got) < 20_000:
            got += s.recv(65536)
        assert time.monotonic() - start >= 0.1  # 20 KB at 200 KB/s
        s.sendall(b"pong")
        assert c.recv(10) == b"pong"
        assert (p.bytes_up, p.bytes_down) == (20_000, 4)
        p.cut_after(10, direction="up", down_for=0.3)
        c.sendall(b"y" * 50)
        time.sleep(0.2)
        assert s.recv(100) == b"y" * 10 and p.cuts == 1
        c2 = socket.create_connection(("127.0.0.1", p.port), timeout=5)
        assert c2.recv(10) == b""  # down: closed at once
        assert p.refused == 1
        time.sleep(0.35)
        c3 = socket.create_connection(("127.0.0.1", p.port), timeout=5)
        s3, _ = server.accept()
        c3.sendall(b"back")
        assert s3.recv(10) == b"back"
        for sock in (c, c2, c3, s, s3):
            sock.close()
    short = LinkProxy(server.getsockname()[1], lifetime=0.2).start()
    time.sleep(0.5)
    assert not short._thread.is_alive()  # stopped itself
    short.stop()
    server.close()
