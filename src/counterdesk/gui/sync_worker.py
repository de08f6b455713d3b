"""The HTTP exchange with the district hub, on its own thread with its own ``Desk``.

``services.sync_http.sync_with_hub`` waits on the network between short write
transactions of its own (an acknowledgement, the hub's address, the last contact), so
it runs here rather than on the writer thread: a slow or dead link never holds up a
registration. SQLite (WAL, busy timeout) serialises the few writes of both connections.

The thread is a daemon: quitting the app does not wait for a dead network. Waits between
retries end at once on ``shutdown``; an HTTP call under way is simply abandoned (every
exchange is idempotent, and an unfinished write transaction is rolled back by SQLite).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.desk_thread import internal_error

if TYPE_CHECKING:  # httpx and the sync services load on the sync thread, at the first exchange
    from counterdesk.services.desk import Clock, Desk
    from counterdesk.sync.http_client import HubClient

log = logging.getLogger(__name__)

# (timeout per call in seconds, attempts) for an exchange asked by staff / in the background
MANUAL = (20.0, 3)
AUTOMATIC = (10.0, 2)
ClientFactory = Callable[[str, bool], "HubClient"]  # (url, automatic) -> client


class SyncCancelled(CounterdeskError):
    pass


class HubSyncWorker(QObject):
    """``start(url, automatic=...)``; then ``finished(report, automatic)`` or
    ``failed(error, automatic)`` on the UI thread."""

    finished = Signal(object, bool)
    failed = Signal(object, bool)

    def __init__(
        self,
        root: Path,
        *,
        clock: Clock | None = None,
        client_factory: ClientFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root
        self.clock = clock
        self.client_factory = client_factory or self._client
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._desk: Desk | None = None  # opened by the first exchange, kept for the next

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, url: str | None, *, automatic: bool) -> bool:
        """Start an exchange; False when one is already running."""
        if self.running or self._cancel.is_set():
            return False
        self._thread = threading.Thread(
            target=self._run, args=(url, automatic), name="counterdesk-sync", daemon=True
        )
        self._thread.start()
        return True

    def wait(self, seconds: float) -> bool:
        """Wait for the exchange to end (tests); True when it has."""
        if self._thread is not None:
            self._thread.join(seconds)
        return not self.running

    def shutdown(self, seconds: float = 2.0) -> None:
        """Stop waiting for retries; give a running call a moment, then leave it."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.join(seconds)
        if not self.running and self._desk is not None:
            self._desk.close()
            self._desk = None

    # on the sync thread --------------------------------------------------------
    def _client(self, url: str, automatic: bool) -> HubClient:
        from counterdesk.sync.http_client import HubClient

        timeout, attempts = AUTOMATIC if automatic else MANUAL
        return HubClient(url, timeout=timeout, attempts=attempts, sleep=self._sleep)

    def _sleep(self, seconds: float) -> None:
        if self._cancel.wait(seconds):
            raise SyncCancelled("the exchange was stopped", code="sync_cancelled")

    def _run(self, url: str | None, automatic: bool) -> None:
        # One connection for every exchange (one at a time): opening a database is not free.
        try:
            from counterdesk.services.desk import Desk, system_clock
            from counterdesk.services.sync_http import sync_with_hub

            if self._desk is None:
                self._desk = Desk.open(self.root, clock=self.clock or system_clock)
            desk = self._desk
            desk.invalidate()  # the writer may have changed settings or the catalogue
            report = sync_with_hub(
                desk, url, client_factory=lambda u: self.client_factory(u, automatic)
            )
        except CounterdeskError as exc:
            self._emit(self.failed, exc, automatic)
        except Exception as exc:
            log.exception("the exchange with the hub failed")
            self._emit(self.failed, internal_error(exc), automatic)
        else:
            self._emit(self.finished, report, automatic)

    def _emit(self, signal: SignalInstance, value: object, automatic: bool) -> None:
        if self._cancel.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            signal.emit(value, automatic)


__all__ = ["AUTOMATIC", "MANUAL", "HubSyncWorker", "SyncCancelled"]
