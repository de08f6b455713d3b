"""A flaky link for tests: a TCP proxy on 127.0.0.1 that the test controls.

It forwards every connection to one upstream (the hub) and can add latency, limit the
bandwidth, cut every open connection after N more bytes in one direction, and be down for a
while (new connections are closed at once, like a dead radio link). It counts the bytes
that pass each way, which is what the tests measure.

It runs an asyncio loop in a daemon thread. Every loop in it is bounded: a connection ends
at EOF or when cut, and the proxy stops itself after ``lifetime`` seconds even if the test
forgets to (``stop()`` is idempotent and also used as a context manager).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from dataclasses import dataclass
from types import TracebackType


@dataclass
class _Cut:
    direction: str  # "up" (client -> upstream) or "down"
    remaining: int  # bytes still allowed through in that direction
    down_for: float | None  # then down for this many seconds (None: until up())


class LinkProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        upstream_host: str = "127.0.0.1",
        latency: float = 0.0,
        bandwidth: float | None = None,
        chunk: int = 4096,
        lifetime: float = 120.0,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.latency = latency
        self.bandwidth = bandwidth  # bytes per second each way, or None for no limit
        self.chunk = chunk
        self.lifetime = lifetime
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self.refused = 0
        self.cuts = 0
        self.port = 0
        self._cut: _Cut | None = None
        self._down_until: float | None = None  # loop time; inf while down until up()
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stopped = threading.Event()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._run, name="linkproxy", daemon=True)

    # -- control, from the test's thread ------------------------------------------
    def start(self) -> LinkProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the link proxy did not start")
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_after(self, n: int, *, direction: str = "up", down_for: float | None = None) -> None:
        """Cut every open connection once ``n`` more bytes went ``direction``; then stay
        down for ``down_for`` seconds (None: until :meth:`up`)."""
        assert direction in ("up", "down")
        self._call(lambda: setattr(self, "_cut", _Cut(direction, n, down_for)))

    def down(self, seconds: float | None = None) -> None:
        """Refuse connections for ``seconds`` (None: until :meth:`up`); cut open ones."""

        def go() -> None:
            self._down_until = float("inf") if seconds is None else self._loop.time() + seconds
            self._abort_all()

        self._call(go)

    def up(self) -> None:
        self._call(lambda: setattr(self, "_down_until", None))

    def reset_counters(self) -> None:
        def go() -> None:
            self.bytes_up = self.bytes_down = 0

        self._call(go)

    def stop(self) -> None:
        if self._stopped.is_set() or not self._thread.is_alive():
            return
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._shutdown)
        self._thread.join(10)

    def __enter__(self) -> LinkProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _call(self, fn: object) -> None:
        done = threading.Event()

        def run() -> None:
            try:
                fn()  # type: ignore[operator]
            finally:
                done.set()

        self._loop.call_soon_threadsafe(run)
        if not done.wait(10):
            raise RuntimeError("the link proxy does not answer")

    # -- the loop ------------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._main())
        finally:
            self._loop.close()
            self._stopped.set()

    async def _main(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        deadline = time.monotonic() + self.lifetime
        while self._server is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self._shutdown()
        await asyncio.sleep(0)

    def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._abort_all()

    def _is_down(self) -> bool:
        if self._down_until is None:
            return False
        if self._loop.time() >= self._down_until:
            self._down_until = None
            return False
        return True

    def _abort_all(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._is_down() or self._server is None:
            self.refused += 1
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        self._writers |= {writer, up_writer}
        try:
            await asyncio.gather(
                self._pipe(reader, up_writer, "up"),
                self._pipe(up_reader, writer, "down"),
                return_exceptions=True,
            )
        finally:
            for w in (writer, up_writer):
                self._writers.discard(w)
                w.transport.abort()

    async def _pipe(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, direction: str
    ) -> None:
        while True:  # ends at EOF, on a cut, or when the proxy stops
            data = await source.read(self.chunk)
            if not data:
                with contextlib.suppress(OSError):
                    if sink.can_write_eof():
                        sink.write_eof()
                return
            if self.latency:
                await asyncio.sleep(self.latency)
            if self.bandwidth:
                await asyncio.sleep(len(data) / self.bandwidth)
            cut = self._cut
            if cut is not None and cut.direction == direction and len(data) >= cut.remaining:
                data = data[: cut.remaining]
                self._count(direction, len(data))
                sink.write(data)
                with contextlib.suppress(OSError, ConnectionError):
                    await sink.drain()
                self._cut = None
                self.cuts += 1
                if cut.down_for is None:
                    self._down_until = float("inf")
                elif cut.down_for > 0:
                    self._down_until = self._loop.time() + cut.down_for
                self._abort_all()
                return
            if cut is not None and cut.direction == direction:
                cut.remaining -= len(data)
            self._count(direction, len(data))
            sink.write(data)
            await sink.drain()

    def _count(self, direction: str, n: int) -> None:
        if direction == "up":
            self.bytes_up += n
        else:
            self.bytes_down += n
