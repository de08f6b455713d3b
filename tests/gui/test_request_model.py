"""The requests table model holds ids and reads pages lazily (no view needed)."""

from __future__ import annotations

import datetime
import time
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from counterdesk.gui.request_model import (
    COL_DUE,
    COL_NAME,
    COL_STATUS,
    COL_TICKET,
    COLUMN_COUNT,
    OverdueRole,
    ReceiptRole,
    RequestRole,
    RequestTableModel,
    RowIdRole,
    StatusRole,
)
from counterdesk.services.requests import RequestView

TODAY = datetime.date(2026, 11, 2)


def view(rowid: int) -> RequestView:
    return RequestView(
        id=f"id{rowid}",
        receipt=f"JGB-01-7KQ-{rowid:07d}X",
        ticket=f"A-{rowid % 1000:03d}",
        ticket_day="2026-10-01",
        service="SKD",
        service_name="Surat Keterangan Domisili",
        name=f"Warga {rowid}",
        ident="6107071708800001",
        status="registered" if rowid % 2 else "collected",
        fields={},
        requirements=[],
        registered_at="2026-10-01T08:00:00+07:00",
        due_date="2026-10-02",
        updated_at="2026-10-01T08:00:00+07:00",
        staff="demo",
        note="",
    )


class FakeSource:
    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def rows(self, rowids: Sequence[int]) -> list[RequestView]:
        self.calls.append(list(rowids))
        return [view(r) for r in rowids]


def model_with(n: int) -> tuple[RequestTableModel, FakeSource]:
    source = FakeSource()
    model = RequestTableModel(source, today=lambda: TODAY, page_size=100)
    model.set_ids(range(n, 0, -1))
    return model, source


def test_a_million_ids_answer_row_count_at_once_and_fetch_only_visible_pages() -> None:
    started = time.perf_counter()
    model, source = model_with(1_000_000)
    assert model.rowCount() == 1_000_000
    assert model.columnCount() == COLUMN_COUNT
    assert time.perf_counter() - started < 1.0
    assert source.calls == []  # nothing read until shown
    assert model.data(model.index(0, COL_NAME)) == "Warga 1000000"
    assert model.data(model.index(99, COL_NAME)) == "Warga 999901"  # same page
    assert model.data(model.index(500_000, COL_NAME)) == "Warga 500000"
    assert model.data(model.index(999_999, COL_NAME)) == "Warga 1"
    assert len(source.calls) == 3
    assert all(len(call) <= 100 for call in source.calls)


def test_pages_are_kept_within_a_limit() -> None:
    model, source = model_with(100_000)
    model.max_pages = 5
    for row in range(0, 1000, 100):
        model.data(model.index(row, COL_NAME))
    model.data(model.index(999, COL_NAME))  # most recent page: still cached
    assert len(source.calls) == 10
    model.data(model.index(0, COL_NAME))  # evicted long ago: read again
    assert len(source.calls) == 11


def test_roles_and_overdue_highlight() -> None:
    model, _ = model_with(10)
    registered = model.index(0, COL_DUE)  # rowid 10: collected (done, not overdue)
    open_one = model.index(1, COL_DUE)  # rowid 9: registered, due 2026-10-02 < today
    assert model.data(open_one, OverdueRole) is True
    assert model.data(registered, OverdueRole) is False
    assert isinstance(model.data(open_one, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert model.data(registered, Qt.ItemDataRole.BackgroundRole) is None
    assert "⚠" in model.data(open_one)
    assert model.data(open_one, StatusRole) == "registered"
    assert model.data(open_one, ReceiptRole) == "JGB-01-7KQ-0000009X"
    assert model.data(open_one, RowIdRole) == 9
    assert isinstance(model.data(open_one, RequestRole), RequestView)
    assert model.data(model.index(1, COL_STATUS)) == "Terdaftar"  # Indonesian UI
    assert model.data(model.index(0, COL_TICKET)) == "A-010"
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Nama"
    assert model.row_of(9) == 1 and model.row_of(12345) == -1


def test_same_ids_reread_rows_without_a_reset(qtbot: QtBot) -> None:
    model, source = model_with(300)
    model.data(model.index(0, COL_NAME))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_ids(range(300, 0, -1))
    model.data(model.index(0, COL_NAME))
    assert len(source.calls) == 2  # the page was read again
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted) as added:
        model.set_ids(range(301, 0, -1))  # a new request on top
    assert added.args[1:] == [0, 0]
    assert model.rowCount() == 301
    assert model.data(model.index(0, COL_NAME)) == "Warga 301"
    with qtbot.waitSignal(model.modelReset):
        model.set_ids(range(5, 0, -1))  # another filter
    assert model.rowCount() == 5


def test_the_rest_of_a_long_list_is_appended_without_a_reset(qtbot: QtBot) -> None:
    source = FakeSource()
    model = RequestTableModel(source, today=lambda: TODAY, page_size=100)
    model.set_ids(range(1_000_000, 998_000, -1), complete=False)  # the newest 2,000 first
    assert model.rowCount() == 2000 and not model.complete
    model.data(model.index(0, COL_NAME))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted) as added:
        model.set_ids(range(1_000_000, 0, -1))
    assert added.args[1:] == [2000, 999_999]
    assert model.complete and model.rowCount() == 1_000_000
    model.data(model.index(0, COL_NAME))
    assert len(source.calls) == 1  # the first page was kept
    assert model.data(model.index(999_999, COL_NAME)) == "Warga 1"
