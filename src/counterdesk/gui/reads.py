"""Long read-only queries (a million row ids) off the UI thread.

A job has a key; a newer job with the same key supersedes an older one that
has not run yet, and a result that arrives after a newer job was submitted
is dropped. Reads have their own connections on their own threads, in two lanes:
quick reads (the newest ids of a list, the queue screen) never wait behind slow
ones (every id of a million, counting a busy day's queue), which ask for
``slow=True``. Short reads (a page of rows, one request) use the UI thread's
reader ``Desk`` directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.desk_thread import DeskFn, DeskThread, DoneFn, ErrorFn, Job, internal_error
from counterdesk.gui.ops import desk_opener

if TYPE_CHECKING:
    from counterdesk.services.desk import Clock, Desk


class ReadsBase(QObject):
    def run(
        self,
        key: str,
        fn: DeskFn,
        *,
        on_done: DoneFn,
        on_error: ErrorFn | None = None,
        slow: bool = False,
    ) -> None:
        raise NotImplementedError

    def invalidate(self) -> None:
        """Every reading connection forgets what it cached (settings, catalogue)."""

    def shutdown(self) -> None:
        pass


class Reads(ReadsBase):
    def __init__(self, root: Path, *, clock: Clock | None = None) -> None:
        super().__init__()
        self._root = root
        self._clock = clock
        self._latest: dict[str, Job] = {}
        self._quick = self._lane("counterdesk-reader")
        self._slow: DeskThread | None = None  # started by the first slow read

    def _lane(self, name: str) -> DeskThread:
        thread = DeskThread(desk_opener(self._root, clock=self._clock), name)
        thread.finished.connect(self._on_finished)
        thread.errored.connect(self._on_errored)
        return thread

    def run(
        self,
        key: str,
        fn: DeskFn,
        *,
        on_done: DoneFn,
        on_error: ErrorFn | None = None,
        slow: bool = False,
    ) -> None:
        job = Job(fn, on_done, on_error, key=key)
        # Asked on the worker thread: a dict lookup is atomic under the GIL.
        job.skip = lambda: self._latest.get(key) is not job
        self._latest[key] = job
        if slow and self._slow is None:
            self._slow = self._lane("counterdesk-slow-reader")
        (self._slow if slow and self._slow is not None else self._quick).submit(job)

    def invalidate(self) -> None:
        for lane in (self._quick, self._slow):
            if lane is not None:
                lane.submit(Job(lambda desk: desk.invalidate()))

    def _current(self, job: Job) -> bool:
        if not job.key:
            return False
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
        self._quick.shutdown()
        if self._slow is not None:
            self._slow.shutdown()


class ImmediateReads(ReadsBase):
    """Runs each read at once on the calling thread (tests, tools)."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self._desk = desk

    def run(
        self,
        key: str,
        fn: DeskFn,
        *,
        on_done: DoneFn,
        on_error: ErrorFn | None = None,
        slow: bool = False,
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

    def invalidate(self) -> None:
        self._desk.invalidate()
