"""The one writer: ops run on their own thread with their own connection."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.gui.ops import ImmediateOps, Ops
from counterdesk.gui.reads import Reads
from counterdesk.services.desk import Desk
from counterdesk.services.setup import make_demo


@pytest.fixture
def root(tmp_path: Path) -> Path:
    desk, _ = make_demo(tmp_path / "desk")
    desk.close()
    return tmp_path / "desk"


def test_an_op_runs_on_the_writer_thread_and_reports_on_the_main_thread(
    qtbot: QtBot, root: Path
) -> None:
    ops = Ops(root)
    seen: dict[str, object] = {}

    def op(desk: Desk) -> str:
        seen["thread"] = QThread.currentThread()
        seen["ident"] = threading.get_ident()
        seen["conn"] = id(desk.conn)
        return desk.info.code

    results: list[object] = []
    try:
        with qtbot.waitSignal(ops.changed, timeout=5000):
            ops.run(op, on_done=lambda r: results.append((r, threading.get_ident())))
        assert seen["thread"] is not QThread.currentThread()
        assert seen["thread"] is ops.writer_thread
        assert seen["ident"] != threading.get_ident()
        assert results == [("LATIH-01", threading.get_ident())]  # delivered on the main thread
    finally:
        ops.shutdown()


def test_errors_come_back_as_counterdesk_errors_without_a_change(qtbot: QtBot, root: Path) -> None:
    ops = Ops(root)
    errors: list[CounterdeskError] = []
    changed: list[bool] = []
    ops.changed.connect(lambda: changed.append(True))

    def refused(desk: Desk) -> None:
        raise ValidationError("no", code="name_empty", field="name")

    def broken(desk: Desk) -> None:
        raise ZeroDivisionError("oops")

    try:
        ops.run(refused, on_error=errors.append)
        ops.run(broken, on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
        assert [e.code for e in errors] == ["name_empty", "internal"]
        assert errors[0].field == "name"
        assert "ZeroDivisionError" in errors[1].message
        assert not changed and not ops.busy
    finally:
        ops.shutdown()


def test_ops_run_in_order_and_report_busy(qtbot: QtBot, root: Path) -> None:
    ops = Ops(root)
    busy: list[bool] = []
    ops.busy_changed.connect(busy.append)
    order: list[int] = []
    try:
        for i in range(5):
            ops.run(lambda desk, i=i: (time.sleep(0.01), i)[1], on_done=order.append)
        assert ops.busy
        qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
        assert order == [0, 1, 2, 3, 4]
        assert busy == [True, False]
    finally:
        ops.shutdown()


def test_a_newer_read_with_the_same_key_supersedes_an_older_one(qtbot: QtBot, root: Path) -> None:
    reads = Reads(root)
    gate = threading.Event()
    done: list[str] = []
    try:
        reads.run("ids", lambda desk: gate.wait(5) and "first", on_done=done.append)
        reads.run("ids", lambda desk: "second", on_done=done.append)
        reads.run("ids", lambda desk: "third", on_done=done.append)
        gate.set()
        qtbot.waitUntil(lambda: done == ["third"], timeout=5000)
        qtbot.wait(50)
        assert done == ["third"]
    finally:
        reads.shutdown()


def test_immediate_ops_have_the_same_interface(qtbot: QtBot, desk: Desk) -> None:
    ops = ImmediateOps(desk)
    got: list[object] = []
    with qtbot.waitSignal(ops.changed):
        ops.run(lambda d: d.info.training, on_done=got.append)
    assert got == [True]
