"""The requests table over 1,000,000 requests, in process with offscreen Qt.

Measured on the database bench_search.py builds (bench/out/search/, built here when
missing, about three minutes), with the app's own ``RequestsView`` on "All days", its
ids read on the real background reads thread and its rows on the UI thread's reader:

- opening the table (model + view + the first ids) until the first page is painted:
  target <= 150 ms; baseline: a QTableView over a QStandardItemModel of 1,000 rows,
  created and shown until painted, in the same process;
- the whole list of ids read in the background and appended below (reported, so the
  time before the end of the list can be reached is known; own target <= 1,000 ms);
- jumping to the end (scrollToBottom until the last page is read and painted):
  target <= 150 ms;
- the resident memory (VmRSS) with that database open and the table shown:
  target <= 250 MB; baseline: a bare QApplication with a window, in its own process.

Each time is the median of RUNS fresh views (the first, unmeasured, warms the
OS file cache and Qt's lazily made types).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget

import counterdesk.gui  # noqa: F401  (the PySide6 refcount workaround)
from common import Figure, emit, scratch
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.ops import Ops
from counterdesk.gui.reads import Reads
from counterdesk.gui.requests_view import RequestsView
from counterdesk.services.desk import Desk
from counterdesk.services.staff import StaffSession

RUNS = 5
TIMEOUT_S = 30.0
ROWS = 1_000_000


def rss_mb() -> float:
    """This process's resident memory (VmRSS) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class PaintWatch(QObject):
    """Counts the paint events of a widget (a view's viewport) that found ``ready()``."""

    def __init__(self, widget: QWidget, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.ready = ready
        self.painted = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.ready():
            self.painted += 1
        return False


def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop (idle between events, as the app is) until ``condition()``."""
    if condition():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    timer.start()
    deadline.start(int(TIMEOUT_S * 1000))
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError(f"gave up waiting for {what}")


def drain(reads: Reads) -> None:
    """Wait until both read lanes are idle (a measurement must not share the CPU)."""
    done: list[object] = []
    for slow in (False, True):
        reads.run(f"bench-drain-{slow}", lambda _desk: None, on_done=done.append, slow=slow)
    wait_for(lambda: len(done) == 2, "the background reads")


def baseline_table() -> float:
    """ms to make a QTableView over a 1,000-row QStandardItemModel and paint it."""
    started = time.perf_counter()
    model = QStandardItemModel(1000, 8)
    for row in range(1000):
        for col in range(8):
            model.setItem(row, col, QStandardItem(f"r{row} c{col}"))
    view = QTableView()
    view.setModel(model)
    watch = PaintWatch(view.viewport())
    view.resize(1100, 650)
    view.show()
    wait_for(lambda: watch.painted > 0, "the baseline table to paint")
    took = (time.perf_counter() - started) * 1000
    view.close()
    view.deleteLater()
    return took


def open_table(ctx: Context) -> tuple[RequestsView, float, float]:
    """(view, ms to the first painted page, ms until every id is in the model)."""
    started = time.perf_counter()
    view = RequestsView(ctx)
    view.scope.setCurrentIndex(view.scope.findData(False))  # All days: reads the ids
    model = view.model
    watch = PaintWatch(view.table.viewport(), lambda: model.rowCount() > 0)
    view.resize(1100, 650)
    view.show()
    wait_for(lambda: watch.painted > 0 and model.pages_fetched > 0, "the first page")
    first = (time.perf_counter() - started) * 1000
    wait_for(lambda: model.complete and not view.loading, "every id")
    whole = (time.perf_counter() - started) * 1000
    assert model.rowCount() == ROWS, model.rowCount()
    return view, first, whole


def jump_to_end(view: RequestsView) -> float:
    model = view.model
    last = model.rowCount() - 1
    watch = PaintWatch(view.table.viewport())
    started = time.perf_counter()
    view.table.scrollToBottom()
    wait_for(lambda: watch.painted > 0 and model.page_loaded(last), "the last page")
    took = (time.perf_counter() - started) * 1000
    assert model.view_at(last) is not None
    return took


def bare_rss() -> float:
    """The RSS of a bare QApplication with a window, in a process of its own."""
    code = (
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QApplication([]); w = QLabel('Nama petugas'); w.resize(1100, 650); w.show()\n"
        "for _ in range(20): QCoreApplication.processEvents()\n"
        "status = Path('/proc/self/status').read_text().splitlines()\n"
        "print(next(int(s.split()[1]) for s in status if s.startswith('VmRSS:')) / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    root = scratch("search")
    if not (root / "desk.sqlite3").exists():
        from bench_search import build

        build(root)
    app = QApplication.instance() or QApplication([])
    reader = Desk.open(root)  # migrates a database built by an older version, once
    ops, reads = Ops(root, create=False), Reads(root)
    session = StaffSession("demo", "Petugas Latihan", Role.ADMIN)
    ctx = Context(reader, ops, reads, session, "id")
    baselines, firsts, wholes, jumps = [], [], [], []
    view: RequestsView | None = None
    try:
        for run in range(RUNS + 1):
            if view is not None:
                view.close()
                view.deleteLater()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            drain(reads)
            base = baseline_table()
            view, first, whole = open_table(ctx)
            drain(reads)  # the day's waiting count, read after the list
            jump = jump_to_end(view)
            if run:  # the first run only warms up
                baselines.append(base)
                firsts.append(first)
                wholes.append(whole)
                jumps.append(jump)
        for _ in range(20):
            QCoreApplication.processEvents()
        rss = rss_mb()
    finally:
        reads.shutdown()
        ops.shutdown()
        reader.close()
    bare = bare_rss()
    b, f, w, j = (statistics.median(x) for x in (baselines, firsts, wholes, jumps))
    del app
    emit(
        [
            Figure(
                "QTableView over a 1,000-row QStandardItemModel, shown", "ms", b, "baseline", True
            ),
            Figure(
                f"requests table over {ROWS:,} requests, open to the first page painted",
                "ms",
                f,
                "<= 150 ms",
                f <= 150,
                baseline=b,
                baseline_name="1,000-row item model",
            ),
            Figure(
                f"every one of the {ROWS:,} ids read in the background and appended",
                "ms",
                w,
                "<= 1000 ms",
                w <= 1000,
            ),
            Figure(
                "jump to the end (scrollToBottom, last page read and painted)",
                "ms",
                j,
                "<= 150 ms",
                j <= 150,
                baseline=b,
                baseline_name="1,000-row item model",
            ),
            Figure("bare QApplication with a window, RSS", "MB", bare, "baseline", True),
            Figure(
                f"RSS with the {ROWS:,}-request database open and the table shown",
                "MB",
                rss,
                "<= 250 MB",
                rss <= 250,
                baseline=bare,
                baseline_name="bare QApplication",
            ),
        ],
        "table",
    )


if __name__ == "__main__":
    main()
