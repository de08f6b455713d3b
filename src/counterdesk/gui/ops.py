"""The ONE way the app changes data: ops run on a single writer thread.

``ops.run(fn, on_done=..., on_error=...)`` runs ``fn(desk)`` on the writer
thread, which owns its own ``Desk``. The result (or the ``CounterdeskError``)
is delivered on the main thread; after each successful op ``changed`` is
emitted so views refresh themselves. Nothing on the UI thread writes.

``ImmediateOps`` has the same interface and runs ops at once on the calling
thread (Picard-style), for tests and tools.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.desk_thread import DeskFn, DeskThread, DoneFn, ErrorFn, Job, internal_error

if TYPE_CHECKING:
    from counterdesk.services.desk import Clock, Desk


def desk_opener(root: Path, *, clock: Clock | None, create: bool = False) -> Callable[[], Desk]:
    """Opens the desk on the thread that calls it; the services are imported there too,
    so the UI thread can show its first window while the worker loads them."""

    def open_desk() -> Desk:
        from counterdesk.services.desk import Desk, system_clock

        return Desk.open(root, create=create, clock=clock or system_clock)

    return open_desk


class OpsBase(QObject):
    changed = Signal()  # after every successful op
    failed = Signal(object)  # a CounterdeskError nobody handled
    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        fn: DeskFn,
        *,
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
        changes: bool = True,
    ) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        pass

    def _started(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _ended(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def _deliver(self, job: Job, result: object) -> None:
        self._ended()
        if job.on_done is not None:
            job.on_done(result)
        if job.changes:
            self.changed.emit()

    def _fail(self, job: Job, exc: CounterdeskError) -> None:
        self._ended()
        if job.on_error is not None:
            job.on_error(exc)
        else:
            self.failed.emit(exc)


class Ops(OpsBase):
    """The writer thread with its own ``Desk`` on ``root``."""

    def __init__(self, root: Path, *, clock: Clock | None = None, create: bool = True) -> None:
        super().__init__()
        self._thread = DeskThread(
            desk_opener(root, clock=clock, create=create), "counterdesk-writer"
        )
        self._thread.finished.connect(self._on_finished)
        self._thread.errored.connect(self._on_errored)

    @property
    def writer_thread(self) -> QThread:
        return self._thread.thread_

    def run(
        self,
        fn: DeskFn,
        *,
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
        changes: bool = True,
    ) -> None:
        self._started()
        self._thread.submit(Job(fn, on_done, on_error, changes=changes))

    def _on_finished(self, job: Job, result: object) -> None:
        self._deliver(job, result)

    def _on_errored(self, job: Job, exc: CounterdeskError) -> None:
        self._fail(job, exc)

    def shutdown(self) -> None:
        self._thread.shutdown()


class ImmediateOps(OpsBase):
    """Runs each op at once on the calling thread, on the given desk."""

    def __init__(self, desk: Desk | Callable[[], Desk]) -> None:
        super().__init__()
        self._desk = desk

    def run(
        self,
        fn: DeskFn,
        *,
        on_done: DoneFn | None = None,
        on_error: ErrorFn | None = None,
        changes: bool = True,
    ) -> None:
        job = Job(fn, on_done, on_error, changes=changes)
        self._started()
        try:
            desk = self._desk() if callable(self._desk) else self._desk
            result = fn(desk)
        except CounterdeskError as exc:
            self._fail(job, exc)
        except Exception as exc:
            self._fail(job, internal_error(exc))
        else:
            self._deliver(job, result)
