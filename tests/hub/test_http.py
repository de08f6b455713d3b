"""The hub's HTTP API and the desk's `sync` over it."""

from __future__ import annotations

import base64
import json
import random
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.cli import main as desk_main
from counterdesk.hub.app import MAX_BUNDLE_BODY, create_app
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.views import desks_report, list_requests
from counterdesk.services import register as register_service
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import HTTP_BUNDLE_LIMIT, export_to_folder, outgoing, seal
from counterdesk.services.staff import authenticate
from counterdesk.services.status import desk_status
from counterdesk.services.sync_http import hello_bundle, sync_with_hub
from counterdesk.services.sync_import import import_bundle
from counterdesk.services.sync_link import load_link
from counterdesk.sync import payloads
from counterdesk.sync.bundle import peek_header, split_bundles, write_bundle
from counterdesk.sync.http_client import HubClient, HubRefused, HubUnreachable

from ..sync.helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    live_hub,
    make_desk,
    make_hub,
    register,
)


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def desk(tmp_path: Path, hub_root: Path) -> Iterator[Desk]:
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as d:
        yield d


@pytest.fixture
def api(hub_root: Path) -> Iterator[TestClient]:
    with Hub.open(hub_root) as hub, TestClient(create_app(hub)) as client:
        yield client


def hello(api: TestClient, desk: Desk) -> httpx.Response:
    return api.post("/api/v1/hello", content=hello_bundle(desk, load_link(desk)))


def test_info_and_unknown_paths(api: TestClient) -> None:
    assert api.get("/api/v1/").json() == {
        "api": 1,
        "hub": "HUB",
        "district": "Kabupaten Bengkayang",
    }
    r = api.get("/api/v1/nothing")
    assert r.status_code == 404 and "error" in r.json()
    r = api.get("/api/v1/hello")
    assert r.status_code == 405 and "error" in r.json()
    r = api.get("/", follow_redirects=False)  # the dashboard is for signed-in officers
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_hello_pins_the_desk_and_acknowledges(api: TestClient, desk: Desk) -> None:
    r = hello(api, desk)
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["desk"] == "JGB-01" and answer["epochs"] == []
    line = import_bundle(desk, base64.b64decode(answer["ack"]), source="hello")
    assert line.outcome == "applied" and "now holds this desk's keys" in line.message
    assert load_link(desk).confirmed
    assert hello(api, desk).status_code == 200  # plain hello, signed by the pinned key


def test_upload_duplicate_and_conflict(api: TestClient, desk: Desk) -> None:
    import_bundle(desk, base64.b64decode(hello(api, desk).json()["ack"]), source="hello")
    register(desk, 2)
    [b] = list(outgoing(desk))
    r = api.put(f"/api/v1/bundles/{b.bundle_id}", content=b.data)
    assert r.status_code == 200 and r.json()["result"] == "accepted"
    assert r.json()["new_events"] == b.count
    r = api.put(f"/api/v1/bundles/{b.bundle_id}", content=b.data)
    assert r.status_code == 200 and r.json()["result"] == "duplicate"
    from counterdesk.services.outbox import _wire
    from counterdesk.sync import payloads

    h = peek_header(b.data)
    other = seal(
        desk,
        load_link(desk),
        kind="events",
        payload=payloads.encode_events(list(_wire(desk, h.seq_first - 1, h.seq_last))),
        bundle_id=h.bundle_id,
        epoch=h.epoch,
        seq_first=h.seq_first,
        seq_last=h.seq_last,
        count=h.count,
    )
    r = api.put(f"/api/v1/bundles/{b.bundle_id}", content=other)
    assert r.status_code == 409 and "same id" in r.json()["error"]
    r = api.post("/api/v1/replies", content=hello_bundle(desk, load_link(desk)))
    assert r.status_code == 200
    for raw in r.json()["bundles"]:
        assert import_bundle(desk, base64.b64decode(raw), source="reply").outcome == "applied"
    assert desk_status(desk)["pending"] == 0


def test_malformed_requests_get_4xx_with_a_reason(api: TestClient, desk: Desk) -> None:
    [b] = list(outgoing(desk))
    bid = b.bundle_id
    cases = [
        ("put", f"/api/v1/bundles/{bid}", b"", 400, "empty"),
        ("put", f"/api/v1/bundles/{bid}", b"garbage", 400, "not a readable bundle"),
        ("put", "/api/v1/bundles/not-an-id", b.data, 400, "32 hex"),
        ("put", f"/api/v1/bundles/{'0' * 32}", b.data, 400, "body is bundle"),
        ("put", f"/api/v1/bundles/{bid}", b.data[:-100], 400, "truncated"),
        ("put", f"/api/v1/bundles/{bid}", b"x" * (MAX_BUNDLE_BODY + 1), 413, "larger"),
        ("post", "/api/v1/hello", b.data, 400, "bundle is expected here"),
        ("post", "/api/v1/hello", b"CDBUNDLE", 400, "truncated"),
        ("post", "/api/v1/replies", b"{}", 400, "not a counterdesk bundle"),
    ]
    for method, path, body, status, reason in cases:
        r = getattr(api, method)(path, content=body)
        assert r.status_code == status, (path, r.text)
        assert reason in r.json()["error"], (reason, r.json())
    # mangled bundles: never a 500
    rng = random.Random(7)
    for _ in range(60):
        data = bytearray(b.data)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        cut = bytes(data[: rng.randint(1, len(data))]) if rng.random() < 0.3 else bytes(data)
        for path in (f"/api/v1/bundles/{bid}", "/api/v1/hello", "/api/v1/replies"):
            method = api.put if "bundles" in path else api.post
            r = method(path, content=cut)
            assert 200 <= r.status_code < 500, (path, r.status_code, r.text)


def test_first_contact_by_a_second_pc_is_refused(
    api: TestClient, desk: Desk, tmp_path: Path, hub_root: Path
) -> None:
    enrollment = enrollment_bytes(hub_root, "SLS-01")
    with Desk.open(make_desk(tmp_path / "pc1", enrollment)) as first:
        assert hello(api, first).status_code == 200
    with Desk.open(make_desk(tmp_path / "pc2", enrollment)) as second:
        r = hello(api, second)
        assert r.status_code == 403 and "already used by another PC" in r.json()["error"]
        [b] = list(outgoing(second))
        r = api.put(f"/api/v1/bundles/{b.bundle_id}", content=b.data)
        assert r.status_code == 403


# -- the desk's side, over a real socket --------------------------------------


def test_sync_over_loopback(
    desk: Desk,
    hub_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receipts = register(desk, 2)
    with live_hub(hub_root) as url:
        report = sync_with_hub(desk, url)
        assert report.pending == 0 and report.uploaded == 1 and report.retries == 0
        assert load_link(desk).url == url and load_link(desk).confirmed
        register(desk, 1)
        # through the command line, with the remembered address
        root = str(desk.paths.root)
        assert desk_main(["--data-dir", root, "sync", "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["pending"] == 0 and shown["new_events"] == 1
        assert desk_main(["--data-dir", root, "sync"]) == 0
        out = capsys.readouterr().out
        assert "nothing to send" in out and "pending 0" in out
        # a duplicate upload over the socket
        with HubClient(url) as client:
            register(desk, 1)
            [b] = list(outgoing(desk))
            assert client.upload(b.bundle_id, b.data)["result"] == "accepted"
            assert client.upload(b.bundle_id, b.data)["result"] == "duplicate"
        status = desk_status(desk)
        assert status["pending"] == 1 and status["last_hub_contact"]
        # the desk does not know the hub holds it (no answer reached it): it re-sends that
        # one bundle, once; the acknowledgement then covers it
        again = sync_with_hub(desk)
        assert (again.uploaded, again.new_events, again.known_events) == (1, 0, 1)
        assert desk_status(desk)["pending"] == 0
        assert sync_with_hub(desk).exchanges == 1  # a hello: nothing is re-sent
        # events that went by stick: the next sync says hello first and sends nothing again
        register(desk, 2)
        stick = desk.paths.root.parent / "stick"
        export_to_folder(desk, stick)
        with Hub.open(hub_root) as hub:
            for path in sorted(stick.glob("*.cdb")):
                assert ingest(hub, path.read_bytes(), source=path.name).outcome == "accepted"
        via_http = sync_with_hub(desk)
        assert (via_http.exchanges, via_http.uploaded, via_http.pending) == (1, 0, 0)
    with Hub.open(hub_root) as hub:
        got = {r["receipt"] for r in list_requests(hub)}
        assert set(receipts) <= got and len(got) == 6
        assert desks_report(hub)["desks"][0]["last_contact_via"] == "http"


def test_sync_refused_is_shown_not_retried(
    desk: Desk,
    hub_root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enrollment = enrollment_bytes(hub_root, "SLS-01")
    first = make_desk(tmp_path / "pc1", enrollment)
    second = make_desk(tmp_path / "pc2", enrollment)
    with live_hub(hub_root) as url:
        with Desk.open(first) as d:
            sync_with_hub(d, url)
        calls: list[str] = []
        monkeypatch.setattr(
            "counterdesk.sync.http_client.HubClient._delay",
            lambda self, n: calls.append("x") or 0.0,
        )
        code = desk_main(["--data-dir", str(second), "sync", "--hub", url])
        err = capsys.readouterr().err
        assert code == 1 and err.startswith("error: the hub refused: ")
        assert "already used by another PC" in err and err.count("\n") == 1
        assert calls == []
        assert desk_main(["--data-dir", str(second), "sync"]) == 1  # the URL was not kept
        assert "no hub address" in capsys.readouterr().err
    code = desk_main(["--data-dir", str(first), "sync", "--hub", "ftp://nowhere"])
    assert code == 1 and "not a hub address" in capsys.readouterr().err


class CutAfterDelivery(httpx.BaseTransport):
    """The request reaches the hub, but the answer is lost: the first try of every bundle."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.cut: set[bytes] = set()
        self.sizes: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/exchange"):
            self.sizes.append(len(request.content))
            if request.content not in self.cut:
                self.cut.add(request.content)
                response.read()
                response.close()
                raise httpx.ReadError("connection cut", request=request)
        return response


def test_cut_link_resends_one_small_bundle(desk: Desk, hub_root: Path) -> None:
    session = authenticate(desk, ADMIN, PASSWORD)
    rows = ["service,name,nik,field:address,field:occupation,field:purpose"]
    address = "Dusun Sebunga " * 20
    nik = "6107071708800001"
    rows += [
        f"SKTM,Warga {chr(65 + i % 26)}{chr(97 + i // 26)},{nik},{address},Petani,Sekolah"
        for i in range(400)
    ]
    register_service.register_csv(desk, session, "\n".join(rows) + "\n")
    transport = CutAfterDelivery()
    sleeps: list[float] = []
    with live_hub(hub_root) as url:
        report = sync_with_hub(
            desk,
            url,
            client_factory=lambda u: HubClient(u, transport=transport, sleep=sleeps.append),
        )
    assert report.pending == 0
    bundles = report.uploaded + report.duplicates
    assert bundles >= 2 and report.duplicates == bundles  # each re-send found it stored
    assert report.retries == bundles and len(sleeps) == bundles
    assert max(transport.sizes) <= HTTP_BUNDLE_LIMIT
    with Hub.open(hub_root) as hub:
        assert len(list_requests(hub)) == 400


# -- the client's retry policy, without a hub ---------------------------------


def test_client_retries_network_errors_and_5xx_with_backoff() -> None:
    answers: list[object] = [
        httpx.ConnectError("down"),
        httpx.Response(503, json={"error": "busy"}),
        httpx.ReadTimeout("slow"),
        httpx.Response(200, json={"ok": True}),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, httpx.Response)
        return answer

    sleeps: list[float] = []
    client = HubClient(
        "http://hub.invalid:8750",
        transport=httpx.MockTransport(handler),
        sleep=sleeps.append,
        jitter=lambda: 0.5,
        base_delay=1.0,
    )
    assert client.hello(b"x") == {"ok": True}
    assert client.retries == 3
    assert sleeps == [0.75, 1.5, 3.0]  # doubling, with jitter between half and all of it


def test_client_gives_up_and_does_not_retry_4xx() -> None:
    calls: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(403, json={"error": "signed by a stranger", "code": "wrong_key"})

    with (
        HubClient("http://hub.invalid", transport=httpx.MockTransport(refuse)) as client,
        pytest.raises(HubRefused, match="signed by a stranger"),
    ):
        client.upload("0" * 32, b"x")
    assert calls == ["/api/v1/bundles/" + "0" * 32]

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to host")

    client = HubClient(
        "http://hub.invalid", transport=httpx.MockTransport(down), sleep=lambda s: None, attempts=4
    )
    with pytest.raises(HubUnreachable, match="tried 4 times"):
        client.hello(b"x")
    assert client.retries == 3


# -- the exchange endpoint (what desks use now) --------------------------------


def test_exchange_answers_with_signed_bundles(api: TestClient, desk: Desk) -> None:
    register(desk, 2)
    [b] = list(outgoing(desk))
    r = api.post("/api/v1/exchange", content=b.data)
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    replies = split_bundles(r.content)
    assert [peek_header(x).kind for x in replies] == ["ack", "refdata"]  # + its own key
    line = import_bundle(desk, replies[0], source="exchange")
    assert line.upload == payloads.Upload("accepted", b.count, 0, first_contact=True)
    r = api.post("/api/v1/exchange", content=b.data)
    ack = import_bundle(desk, split_bundles(r.content)[0], source="again")
    assert ack.upload is not None and ack.upload.result == "duplicate"
    r = api.post("/api/v1/exchange", content=hello_bundle(desk, load_link(desk)))
    assert r.status_code == 200 and len(split_bundles(r.content)) >= 1


def test_exchange_refuses_malformed_bodies_with_4xx(api: TestClient, desk: Desk) -> None:
    [b] = list(outgoing(desk))
    huge = write_bundle(
        payload=b"x" * (17 * 1024 * 1024),
        kind="events",
        sender="JGB-01",
        recipient="HUB",
        sender_key=desk.keys.sign,
        recipient_public=load_link(desk).hub_box,
        seq_first=1,
        seq_last=1,
        count=1,
    )
    cases = [
        (b"", 400, "empty"),
        (b"garbage", 400, "not a readable bundle"),
        (b.data[:-100], 400, "truncated"),
        (huge, 413, "larger than"),
    ]
    for body, status, reason in cases:
        r = api.post("/api/v1/exchange", content=body)
        assert r.status_code == status, r.text
        assert reason in r.json()["error"]
    rng = random.Random(11)
    for _ in range(40):
        data = bytearray(b.data)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        r = api.post("/api/v1/exchange", content=bytes(data))
        assert 400 <= r.status_code < 500, r.text


def test_a_desk_meeting_an_older_hub_says_so() -> None:
    def old_hub(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": "not found"})

    client = HubClient("http://hub.invalid", transport=httpx.MockTransport(old_hub))
    with pytest.raises(HubRefused, match="older than this desk"):
        client.exchange(b"x")
