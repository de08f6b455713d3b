"""The requests list: search as you type, filters, a scanned receipt opens its request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.gui import requests_view
from counterdesk.gui.context import Context
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.reads import ReadsBase
from counterdesk.gui.requests_view import RequestsView
from counterdesk.services.desk import Desk
from counterdesk.services.register import Registration, register

from ..conftest import NIK_MAN, NIK_WOMAN, FixedClock
from .conftest import focused, press, type_text


def add(window: MainWindow, name: str, nik: str) -> str:
    ctx = window.ctx
    receipt = register(
        ctx.reader,
        ctx.session,
        Registration(
            service="LEGAL",
            name=name,
            nik=nik,
            fields={"document_type": "Dokumen lainnya", "document_number": "7", "copies": "2"},
        ),
    ).receipt
    window.requests.refresh()
    return receipt


def test_search_as_you_type_is_debounced(qtbot: QtBot, window: MainWindow) -> None:
    add(window, "Siti Aminah", NIK_WOMAN)
    add(window, "Budi Santoso", NIK_MAN)
    view = window.requests
    assert view.model.rowCount() == 2
    press(window, Qt.Key.Key_F3)
    assert focused() is view.search
    type_text(view.search, "budi")
    assert view.model.rowCount() == 2  # not yet: waits for a pause in typing
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert view.model.view_at(0).name == "Budi Santoso"  # type: ignore[union-attr]
    assert view.count.text() == "1 permohonan"


def test_today_and_status_filters(qtbot: QtBot, window: MainWindow, clock: FixedClock) -> None:
    add(window, "Siti Aminah", NIK_WOMAN)
    clock.advance(days=1)
    add(window, "Budi Santoso", NIK_MAN)
    view = window.requests
    assert view.model.rowCount() == 1  # today's queue by default
    view.scope.setCurrentIndex(1)  # all days
    assert view.model.rowCount() == 2
    view.status.setCurrentIndex(view.status.findData("in_progress"))
    assert view.model.rowCount() == 0


def test_a_scanned_receipt_opens_its_request(qtbot: QtBot, window: MainWindow) -> None:
    receipt = add(window, "Siti Aminah", NIK_WOMAN)
    add(window, "Budi Santoso", NIK_MAN)
    view = window.requests
    window.search()
    with qtbot.waitSignal(view.current_changed) as opened:
        type_text(view.search, receipt.lower())  # a scanner may send lower case
        press(view.search, Qt.Key.Key_Return)
    assert opened.args[0].receipt == receipt
    assert window.detail.view is not None and window.detail.view.receipt == receipt
    view.search.clear()
    type_text(view.search, receipt[:-1] + ("A" if receipt[-1] != "A" else "B"))
    press(view.search, Qt.Key.Key_Return)
    assert "salah ketik" in view.search_error.text()


def test_after_an_op_the_list_and_status_bar_refresh(qtbot: QtBot, window: MainWindow) -> None:
    pending = window.outbox.summary.pending  # type: ignore[union-attr]
    form = window.register
    form.picker.set_service("LEGAL")
    form.identity.nik.setText(NIK_MAN)
    form.name.setText("Budi Santoso")
    for f in form.fields:
        if f.field.type == "choice":
            f.widget.setCurrentIndex(1)  # type: ignore[union-attr]
        else:
            f.widget.setText("3")  # type: ignore[union-attr]
    form.save()
    qtbot.waitUntil(form.result.isVisible)
    assert window.requests.model.rowCount() == 1
    assert window.outbox.summary.pending == pending + 1  # type: ignore[union-attr]
    assert "Belum terkirim ke kabupaten" in window.outbox.pending.text()
    assert window.outbox.training.isVisible()


class StepReads(ReadsBase):
    """Background reads that run only when the test says so, one at a time."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.jobs: list[tuple[str, Callable[[Desk], Any], Callable[[Any], None], bool]] = []

    def run(self, key, fn, *, on_done, on_error=None, slow=False):  # type: ignore[no-untyped-def]
        self.jobs.append((key, fn, on_done, slow))

    def step(self) -> tuple[str, bool]:
        key, fn, on_done, slow = self.jobs.pop(0)
        on_done(fn(self.desk))
        return key, slow


def test_a_long_list_shows_its_newest_requests_first_then_the_rest_below(
    qtbot: QtBot, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(requests_view, "FIRST_IDS", 3)
    names = ["Ani", "Budi", "Citra", "Dedi", "Eka"]
    for name in names:
        register(
            ctx.reader,
            ctx.session,
            Registration("SKD", name, nik=NIK_MAN, fields={"address": "a", "purpose": "b"}),
        )
    reads = StepReads(ctx.reader)
    view = RequestsView(Context(ctx.reader, ctx.ops, reads, ctx.session, "id"))
    qtbot.addWidget(view)
    view.scope.setCurrentIndex(view.scope.findData(False))  # all days
    assert reads.step() == ("request-ids", False)  # the newest ids, on the quick lane
    model = view.model
    assert model.rowCount() == 3 and not model.complete and view.loading
    assert view.count.text() == "3 permohonan terbaru ditampilkan; sisanya sedang dihitung…"
    assert model.view_at(0).name == "Eka"  # type: ignore[union-attr]
    view._select_row(1)
    with qtbot.assertNotEmitted(model.modelReset):
        while reads.jobs:
            _key, slow = reads.step()
            assert slow  # every id and the waiting count wait on the slow lane
    assert model.rowCount() == 5 and model.complete and not view.loading
    assert view.count.text() == "5 permohonan"
    assert view.table.currentIndex().row() == 1  # the selection stayed
    assert view.waiting.text() == "Menunggu: 5"
