"""`counterdesk-hub serve`: safe defaults (loopback only, uvicorn limits) and body deadlines."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from counterdesk.hub import limits
from counterdesk.hub.app import create_app
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub

from ..sync.helpers import make_hub


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def served(hub_root: Path) -> Iterator[int]:
    """The real command, with no --host."""
    port = _free_port()
    env = os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "counterdesk.hub.cli", "--data-dir", str(hub_root), "serve",
         "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "the hub did not start"
        time.sleep(0.1)
    try:
        yield port
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def _listening(port: int) -> set[str]:
    """Local addresses listening on ``port`` (Linux /proc), as hex as the kernel writes them."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # LISTEN
                found.add(address)
    return found


def test_serve_listens_on_127_0_0_1_only_by_default(served: int) -> None:
    if sys.platform.startswith("linux"):
        assert _listening(served) == {"0100007F"}  # 127.0.0.1, nothing else (not 0.0.0.0)
    # another loopback address reaches a server on 0.0.0.0, not one on 127.0.0.1
    with pytest.raises(OSError), socket.create_connection(("127.0.0.2", served), timeout=2):
        pass


def test_serve_passes_the_limits_to_uvicorn(
    hub_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def fake_run(self: uvicorn.Server, sockets: list[socket.socket]) -> None:
        seen["config"] = self.config
        seen["address"] = sockets[0].getsockname()

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    port = _free_port()
    assert hub_main(["--data-dir", str(hub_root), "serve", "--port", str(port)]) == 0
    config: uvicorn.Config = seen["config"]
    assert seen["address"] == ("127.0.0.1", port)
    assert config.timeout_keep_alive == limits.KEEP_ALIVE_SECONDS <= 10
    assert config.limit_concurrency == limits.MAX_CONCURRENCY
    assert config.h11_max_incomplete_event_size == limits.MAX_INCOMPLETE_EVENT_BYTES
    assert config.forwarded_allow_ips == "127.0.0.1"
    assert "warning" not in capsys.readouterr().err
    assert (
        hub_main(["--data-dir", str(hub_root), "serve", "--port", str(port), "--allow-plain-http"])
        == 0
    )
    assert "--allow-plain-http" in capsys.readouterr().err


def _call(app: Any, method: str, path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    """One ASGI request whose body starts and then stops coming."""
    answer: dict[str, Any] = {"body": b""}

    async def run() -> None:
        sent = 0

        async def receive() -> dict[str, Any]:
            nonlocal sent
            sent += 1
            if sent == 1:
                return {"type": "http.request", "body": b"x" * 10, "more_body": True}
            await asyncio.sleep(3600)  # the sender stalls
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
            elif message["type"] == "http.response.body":
                answer["body"] += message.get("body", b"")

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "headers": [(b"host", b"127.0.0.1"), *headers],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8750),
        }
        await asyncio.wait_for(app(scope, receive, send), timeout=20)

    asyncio.run(run())
    return answer


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("PUT", "/api/v1/bundles/" + "a" * 32, [(b"content-type", b"application/octet-stream")]),
        ("POST", "/api/v1/exchange", []),
        ("POST", "/login", [(b"content-type", b"application/x-www-form-urlencoded")]),
        ("POST", "/verify", [(b"content-type", b"application/x-www-form-urlencoded")]),
    ],
)
def test_a_stalled_body_gets_408_in_time(
    hub_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    path: str,
    headers: list[tuple[bytes, bytes]],
) -> None:
    monkeypatch.setattr(limits, "BODY_IDLE_SECONDS", 0.3)
    monkeypatch.setattr(limits, "BODY_TOTAL_SECONDS", 1.0)
    with Hub.open(hub_root) as hub:
        started = time.monotonic()
        answer = _call(create_app(hub), method, path, headers)
    assert answer["status"] == 408, answer
    assert time.monotonic() - started < 10


def test_the_shipped_nginx_config_guards_the_hub() -> None:
    text = (Path(__file__).parents[2] / "packaging/hub/nginx-counterdesk-hub.conf").read_text()
    assert "listen 443 ssl;" in text and "return 301 https://" in text
    # the address the hub throttles by cannot be forged by the client
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in text
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "client_header_timeout" in text and "keepalive_timeout" in text
    assert "location = /login {\n        limit_req zone=counterdesk_login" in text
    assert "location = /verify {\n        limit_req zone=counterdesk_verify" in text


@pytest.mark.parametrize(
    ("forwarded", "allowed"),
    [
        ({}, True),  # this computer itself
        ({"X-Forwarded-For": "192.168.1.20", "X-Forwarded-Proto": "http"}, False),
        ({"X-Forwarded-For": "192.168.1.20", "X-Forwarded-Proto": "https"}, True),
    ],
)
def test_the_real_server_refuses_plain_http_sign_in_from_another_computer(
    hub_root: Path, served: int, forwarded: dict[str, str], allowed: bool
) -> None:
    """Through the trusted proxy's headers (as nginx on this computer sends them)."""
    import re

    from counterdesk.hub import auth

    with Hub.open(hub_root) as hub:
        auth.add_officer(hub, "rina", role="admin", password="sandi-rahasia-1")
    with httpx.Client(base_url=f"http://127.0.0.1:{served}", headers=forwarded) as client:
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        client.cookies.clear()  # a Secure cookie is not sent over http: send it by hand
        r = client.post(
            "/login",
            data={"csrf_token": token.group(1), "name": "rina", "password": "sandi-rahasia-1"},
            headers={"Cookie": f"{auth.LOGIN_CSRF_COOKIE}={token.group(1)}"},
            follow_redirects=False,
        )
    if allowed:
        assert r.status_code == 303, r.text[:300]
    else:
        assert r.status_code == 403 and "--allow-plain-http" in r.text
