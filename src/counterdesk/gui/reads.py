"""Long read-only queries (a million row ids) off the UI thread.

A job has a key; a newer job with the same key supersedes an older one that
has not run yet, and a result that arrives after a newer job was submitted
is dropped. Reads have their own connection on their own thread. Short reads
(a page of rows, one request) use the UI thread's reader ``Desk`` directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.desk_thread import DeskFn, DeskThread, DoneFn, ErrorFn, Job, internal_error
from counterdesk.services.desk import Clock, Desk, system_clock


class ReadsBase(QObject):
    def run(
        self, key: str, fn: DeskFn, *, on_done: DoneFn, on_error: ErrorFn | None = None
    ) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        pass


class Reads(ReadsBase):
    def __init__(self, root: Path, *, clock: Clock = system_clock) -> None:
        super().__init__()
        self._latest: dict[str, Job] = {}
        self._thread = DeskThread(lambda: Desk.open(root, clock=clock), "counterdesk-reader")
        self._thread.finished.connect(self._on_finished)
        self._thread.errored.connect(self._on_errored)

    def run(
        self, key: str, fn: DeskFn, *, on_done: DoneFn, on_error: ErrorFn | None = None
    ) -> None:
        job = Job(fn, on_done, on_error, key=key)
        # Asked on the worker thread: a dict lookup is atomic under the GIL.
        job.skip = lambda: self._latest.get(key) is not job
        self._latest[key] = job
        self._thread.submit(job)

    def _current(self, job: Job) -> bool:
        if self._latest.get(job.key) is not job:
            return False
        del self._latest[job.key]
        return True

    def _on_finished(self, job: Job, result: object) -> None:
        if self._current(job) and job.on_done is not None:
            job.on_done(result)

    def _on_errored(self, job: Job, exc: CounterdeskError) -> None:
        if self._current(job) and job.on_error is not None:
            job.on_error(exc)

    def shutdown(self) -> None:
        self._thread.shutdown()


class ImmediateReads(ReadsBase):
    """Runs each read at once on the calling thread (tests, tools)."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self._desk = desk

    def run(
        self, key: str, fn: DeskFn, *, on_done: DoneFn, on_error: ErrorFn | None = None
    ) -> None:
        try:
            result = fn(self._desk)
        except CounterdeskError as exc:
            if on_error is not None:
                on_error(exc)
        except Exception as exc:
            if on_error is not None:
                on_error(internal_error(exc))
        else:
            on_done(result)
