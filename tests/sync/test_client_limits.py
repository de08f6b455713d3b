"""The desk's HTTP client trusts nothing the hub sends: an answer too large (declared or
streamed, plain or chunked), compressed, or dripped slowly (headers or body) is refused or
timed out with a clear message, within a bounded time and memory.

The "hub" here is a fake on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import pytest

from counterdesk.sync.http_client import HubClient, HubRefused, HubUnreachable

MIB = 1024 * 1024
GIVE_UP_BYTES = 200 * MIB  # the fake stops here, so that a client without a cap ends too
GIVE_UP_SECONDS = 15.0  # and a dripping fake stops after this


def _read_request(sock: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        if not piece:
            return
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        piece = sock.recv(65536)
        if not piece:
            return
        body += piece


def _endless(sock: socket.socket, chunked: bool = False) -> None:
    block = bytes(64 * 1024)
    sent = 0
    while sent < GIVE_UP_BYTES:
        if chunked:
            sock.sendall(b"%x\r\n" % len(block) + block + b"\r\n")
        else:
            sock.sendall(block)
        sent += len(block)


def _drip(sock: socket.socket, text: bytes) -> None:
    end = time.monotonic() + GIVE_UP_SECONDS
    for byte in text:
        if time.monotonic() > end:
            return
        sock.sendall(bytes([byte]))
        time.sleep(0.1)


BINARY = b"Content-Type: application/octet-stream\r\n"


def behave(mode: str, sock: socket.socket) -> None:
    if mode == "huge-declared":
        sock.sendall(b"HTTP/1.1 200 OK\r\n" + BINARY + b"Content-Length: 10000000000\r\n\r\n")
        _endless(sock)
    elif mode == "endless":
        sock.sendall(b"HTTP/1.1 200 OK\r\n" + BINARY + b"Connection: close\r\n\r\n")
        _endless(sock)
    elif mode == "endless-chunked":
        sock.sendall(b"HTTP/1.1 200 OK\r\n" + BINARY + b"Transfer-Encoding: chunked\r\n\r\n")
        _endless(sock, chunked=True)
    elif mode == "gzip-bomb":
        deflater = zlib.compressobj(9, wbits=31)
        body = b"".join(deflater.compress(bytes(MIB)) for _ in range(200))
        body += deflater.flush()
        sock.sendall(
            b"HTTP/1.1 200 OK\r\n"
            + BINARY
            + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(body)
            + body
        )
    elif mode == "drip-body":
        sock.sendall(b"HTTP/1.1 200 OK\r\n" + BINARY + b"Content-Length: 1000\r\n\r\n")
        _drip(sock, bytes(1000))
    elif mode == "drip-headers":
        _drip(sock, b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 1000 + b"\r\n\r\n")
    elif mode == "refusal-endless":  # a 4xx whose reason never ends
        sock.sendall(b"HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n" + b'{"error": "')
        _endless(sock)


@contextlib.contextmanager
def fake_hub(mode: str) -> Iterator[str]:
    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            with contextlib.suppress(OSError):
                _read_request(self.request)
                behave(mode, self.request)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def measured(call: Callable[[], object]) -> tuple[BaseException, float, int]:
    """The exception ``call`` raises, the seconds it took and the peak memory meanwhile."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        call()
    except (HubRefused, HubUnreachable) as exc:
        return exc, time.monotonic() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    raise AssertionError("the call did not fail")


def client(url: str, **kwargs: float) -> HubClient:
    return HubClient(url, sleep=lambda _s: None, attempts=2, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["huge-declared", "endless", "endless-chunked"])
def test_an_answer_too_large_is_refused_in_bounded_memory(mode: str) -> None:
    with fake_hub(mode) as url, client(url, max_response=4 * MIB) as c:
        exc, _, peak = measured(lambda: c.exchange(b"bundle"))
    assert isinstance(exc, HubRefused)
    assert "answer is larger than 4194304 bytes" in str(exc), exc
    assert peak < 3 * 4 * MIB


def test_the_default_cap_holds_too() -> None:
    with fake_hub("endless") as url, client(url) as c:
        exc, _, _ = measured(lambda: c.exchange(b"bundle"))
    assert isinstance(exc, HubRefused) and "larger than 33554432 bytes" in str(exc)


def test_a_compressed_answer_is_refused_unopened() -> None:
    with fake_hub("gzip-bomb") as url, client(url) as c:
        exc, _, peak = measured(lambda: c.exchange(b"bundle"))
    assert isinstance(exc, HubRefused) and "compressed (gzip)" in str(exc), exc
    assert peak < 8 * MIB


@pytest.mark.parametrize("mode", ["drip-body", "drip-headers"])
def test_a_dripping_hub_is_timed_out(mode: str) -> None:
    with fake_hub(mode) as url, client(url, deadline=2.0, timeout=5.0) as c:
        exc, took, _ = measured(lambda: c.hello(b"bundle"))
    assert isinstance(exc, HubUnreachable)
    assert "did not finish its answer within 2 seconds" in str(exc), exc
    assert "nothing is lost" in str(exc)
    assert took < 4.0, took


def test_an_endless_refusal_still_gives_its_reason() -> None:
    with fake_hub("refusal-endless") as url, client(url) as c:
        exc, took, peak = measured(lambda: c.hello(b"bundle"))
    assert isinstance(exc, HubRefused) and exc.status == 403
    assert peak < 8 * MIB and took < 10
