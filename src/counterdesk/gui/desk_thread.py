"""A thread that owns one ``Desk`` (one SQLite connection) and runs jobs on it.

The connection is opened on the thread that uses it and never shared. Results
and errors come back to the main thread through queued signals; callbacks run
there. ``ops.Ops`` (the one writer) and ``reads.Reads`` (long read-only
queries) are built on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaObject, QObject, QThread, Signal, Slot

from counterdesk.domain.errors import CounterdeskError

if TYPE_CHECKING:  # the services load on the worker thread, not before the first window
    from counterdesk.services.desk import Desk

log = logging.getLogger(__name__)

DeskFn = Callable[["Desk"], Any]
DoneFn = Callable[[Any], None]
ErrorFn = Callable[[CounterdeskError], None]


def internal_error(exc: BaseException) -> CounterdeskError:
    """An unexpected failure, reported to the person instead of crashing the app."""
    return CounterdeskError(f"unexpected error: {type(exc).__name__}: {exc}", code="internal")


@dataclass(eq=False)
class Job:
    fn: DeskFn
    on_done: DoneFn | None = None
    on_error: ErrorFn | None = None
    changes: bool = True  # ops: emit ``changed`` after it
    key: str = ""  # reads: a newer job with the same key supersedes it
    skip: Callable[[], bool] = field(default=lambda: False)


class _Worker(QObject):
    done = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, CounterdeskError

    def __init__(self, opener: Callable[[], Desk]) -> None:
        super().__init__()
        self._opener = opener
        self._desk: Desk | None = None

    @Slot(object)
    def execute(self, job: Job) -> None:
        if job.skip():
            return
        try:
            if self._desk is None:
                self._desk = self._opener()
            result = job.fn(self._desk)
        except CounterdeskError as exc:
            self.failed.emit(job, exc)
        except Exception as exc:
            log.exception("job failed")
            self.failed.emit(job, internal_error(exc))
        else:
            self.done.emit(job, result)

    @Slot()
    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()
            self._desk = None


class DeskThread(QObject):
    """Runs jobs one after another on its own thread with its own ``Desk``."""

    finished = Signal(object, object)  # job, result (main thread)
    errored = Signal(object, object)  # job, error (main thread)
    _submit = Signal(object)

    def __init__(self, opener: Callable[[], Desk], name: str) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(opener)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.done.connect(self.finished)
        self._worker.failed.connect(self.errored)
        self._thread.start()

    @property
    def thread_(self) -> QThread:
        return self._thread

    def submit(self, job: Job) -> None:
        self._submit.emit(job)

    def shutdown(self) -> None:
        """Finish queued jobs, close the connection on its own thread, stop."""
        if not self._thread.isRunning():
            return
        from PySide6.QtCore import Qt  # not at import: see login_dialog

        QMetaObject.invokeMethod(self._worker, "close", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait()
