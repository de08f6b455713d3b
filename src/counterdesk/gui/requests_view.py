"""The list of requests: search as you type, filters, today's queue or all days.

Row ids come from background reads: for a new filter first the newest
``FIRST_IDS`` (shown at once), then, when there are more, all of them (a million
take about half a second), appended below without a reset; a refresh after a change
reads all of them and updates the list in place. The rows of the visible pages are
read on demand through the UI's reader desk.
A scanned receipt number + Enter in the search box opens that request.
"Call next" (F9) calls the oldest waiting ticket of today to this counter,
shows it big above the list and selects its request.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.lifecycle import Status
from counterdesk.domain.numbering import normalise_receipt
from counterdesk.gui import texts
from counterdesk.gui.call_banner import CallBanner
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import ErrorLabel
from counterdesk.gui.messages import message_for
from counterdesk.gui.pc_settings import counter_name
from counterdesk.gui.request_model import (
    COL_DUE,
    COL_IDENT,
    COL_NAME,
    COL_RECEIPT,
    COL_REGISTERED,
    COL_SERVICE,
    COL_STATUS,
    COL_TICKET,
    RequestTableModel,
)
from counterdesk.services.desk import Desk
from counterdesk.services.queue import QueueFilter, call_next, request_rowids, waiting_count
from counterdesk.services.requests import RequestView, get_request, make_filter, views_for_rowids
from counterdesk.store.errors import SQLITE_ERRORS
from counterdesk.store.search import find_rowids

SEARCH_DELAY_MS = 200
FIRST_IDS = 2_000  # shown before the rest of a long list is read


def first_rowids(desk: Desk, flt: QueueFilter, limit: int | None = None) -> array[int]:
    """The newest ``limit`` (``FIRST_IDS``) ids of ``queue.request_rowids(desk, flt)``."""
    day = desk.now().date().isoformat() if flt.today_only else None
    store_filter = make_filter(
        desk, text=flt.text, status=flt.status, service=flt.service, ticket_day=day
    )
    return array("q", find_rowids(desk.conn, store_filter, limit=limit or FIRST_IDS))


def all_rowids(desk: Desk, flt: QueueFilter) -> array[int]:
    return array("q", request_rowids(desk, flt))  # compact, off the UI thread


class ReaderRows:
    """Rows for the model, read on the UI thread's own connection."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def rows(self, rowids: Sequence[int]) -> list[RequestView]:
        return views_for_rowids(self.desk, list(rowids))


class RequestsView(QWidget):
    current_changed = Signal(object)  # RequestView | None

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._calling = False
        self._select_after_load: str | None = None  # a receipt to select when the ids arrive
        self._shown_filter: QueueFilter | None = None  # what the list shows (or is loading)
        self._waiting_count: int | None = None  # today's waiting tickets, read in the background
        self.banner = CallBanner(self)
        self.call_button = QPushButton(self)
        self.call_button.setAutoDefault(False)
        self.call_button.setStyleSheet("font-weight: bold; padding: 3px 14px;")
        self.call_button.clicked.connect(self.call_next)
        self.waiting = QLabel(self)
        self.waiting.setStyleSheet("font-weight: bold;")
        self.call_error = ErrorLabel(self)
        self.model = RequestTableModel(
            ReaderRows(ctx.reader), today=ctx.today, language=lambda: ctx.language
        )
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self._on_enter)
        self.search_error = ErrorLabel(self)
        self.status = QComboBox(self)
        self.service = QComboBox(self)
        self.scope = QComboBox(self)
        for combo in (self.status, self.service, self.scope):
            combo.currentIndexChanged.connect(self.refresh)
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows move in the list; Tab leaves it
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in _WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(self._update_count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._fill_combos()
        self.retranslate()

    def _build(self) -> None:
        queue = QHBoxLayout()
        queue.addWidget(self.call_button)
        queue.addSpacing(8)
        queue.addWidget(self.waiting)
        queue.addSpacing(8)
        queue.addWidget(self.call_error)
        queue.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.scope)
        bar.addWidget(self.status)
        bar.addWidget(self.service)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(queue)
        layout.addLayout(bar)
        layout.addWidget(self.search_error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        QWidget.setTabOrder(self.search, self.scope)
        QWidget.setTabOrder(self.scope, self.status)
        QWidget.setTabOrder(self.status, self.service)
        QWidget.setTabOrder(self.service, self.table)

    def _fill_combos(self) -> None:
        lang = self.ctx.language
        for combo in (self.status, self.service, self.scope):
            combo.blockSignals(True)
        keep = (self.status.currentIndex(), self.service.currentIndex(), self.scope.currentIndex())
        self.scope.clear()
        self.scope.addItem(self.tr("Today's queue"), True)
        self.scope.addItem(self.tr("All days"), False)
        self.status.clear()
        self.status.addItem(self.tr("Every status"), None)
        for s in Status:
            self.status.addItem(texts.status_label(s), s.value)
        self.service.clear()
        self.service.addItem(self.tr("Every service"), None)
        for svc in self.ctx.reader.catalogue.services:
            self.service.addItem(f"{svc.code} — {svc.name.get(lang)}", svc.code)
        self.service.view().setMinimumWidth(420)
        self.service.setMaximumWidth(200)
        self.status.setMaximumWidth(170)
        self.scope.setMaximumWidth(170)
        for combo, index in zip((self.status, self.service, self.scope), keep, strict=True):
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    # loading ---------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            text=self.search.text().strip(),
            status=self.status.currentData(),
            service=self.service.currentData(),
            today_only=bool(self.scope.currentData()),
        )

    def _schedule(self) -> None:
        self.search_error.show_message("")
        self._timer.start()

    def refresh(self) -> None:
        """Ask for the matching ids again (after a change, a filter, every few seconds).

        A new filter shows its newest requests first; the same filter again (after a
        change) reads the whole list and updates it in place.
        """
        self._timer.stop()
        flt = self.current_filter()
        self._loading = True
        if flt != self._shown_filter:
            self._shown_filter = flt
            self.ctx.reads.run(
                "request-ids",
                lambda desk: first_rowids(desk, flt),
                on_done=lambda ids: self._first_arrived(flt, ids),
                on_error=self._ids_failed,
            )
        else:
            self._read_all(flt)
        self._read_waiting()  # after the ids: the list comes first

    def _read_all(self, flt: QueueFilter) -> None:
        self.ctx.reads.run(
            "request-ids",
            lambda desk: all_rowids(desk, flt),
            on_done=self._ids_arrived,
            on_error=self._ids_failed,
            slow=True,
        )

    def _first_arrived(self, flt: QueueFilter, ids: array[int]) -> None:
        complete = len(ids) < FIRST_IDS
        self._ids_arrived(ids, complete=complete)
        if not complete:
            self._loading = True
            self._read_all(flt)
            self._read_waiting()  # again, after the rest of the list (the first is dropped)

    def _ids_arrived(self, ids: Sequence[int], *, complete: bool = True) -> None:
        self._loading = False
        current = self.table.currentIndex()
        rowid = self.model.rowid_at(current.row()) if current.isValid() else None
        self.model.set_ids(ids, complete=complete)
        wanted, self._select_after_load = self._select_after_load, None
        selected = wanted is not None and self._select_receipt_anywhere(wanted)
        now = self.table.currentIndex()
        if now.isValid() and rowid is not None and self.model.rowid_at(now.row()) == rowid:
            selected = True  # rows were inserted: the selection moved with its request
        if not selected and rowid is not None:
            row = self.model.row_of(rowid)
            if row >= 0:
                self._select_row(row)
            elif current.isValid():
                self.current_changed.emit(None)
        self._update_count()

    def _ids_failed(self, exc: CounterdeskError) -> None:
        self._loading = False
        self._shown_filter = None  # read it afresh next time
        self.search_error.show_message(message_for(exc))

    @property
    def loading(self) -> bool:
        return self._loading

    def _update_count(self) -> None:
        if self.model.complete:
            self.count.setText(self.tr("%n request(s)", "", self.model.rowCount()))
        else:
            self.count.setText(
                self.tr("The newest %n request(s) shown; counting the rest…", "", FIRST_IDS)
            )

    # selection -------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self.model.view_at(current.row()) if current.isValid() else None
        self.current_changed.emit(view)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, COL_TICKET)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_receipt(self, receipt: str) -> bool:
        """Select the request in the table when it is listed."""
        for row in range(min(self.model.rowCount(), self.model.page_size)):
            view = self.model.view_at(row)
            if view is not None and view.receipt == receipt:
                self._select_row(row)
                return True
        return False

    def _select_receipt_anywhere(self, receipt: str) -> bool:
        """Select the request wherever it is in the list (not only on the first page)."""
        try:
            row = self.ctx.reader.conn.execute(
                "SELECT rowid FROM requests WHERE receipt = ?", [receipt]
            ).fetchone()
        except SQLITE_ERRORS:
            return False
        index = self.model.row_of(int(row[0])) if row is not None else -1
        if index < 0:
            return False
        self._select_row(index)
        return True

    # the queue -------------------------------------------------------------------
    def call_next(self) -> None:
        """Call the oldest waiting ticket of today to this counter (F9)."""
        if self._calling:
            return
        session = self.ctx.session
        counter = counter_name(self.ctx.reader.info.name)
        self._calling = True
        self.call_button.setEnabled(False)
        self.call_error.show_message("")
        self.ctx.ops.run(
            lambda desk: call_next(desk, session, counter=counter),
            on_done=lambda view: self._called(view, counter),
            on_error=self._call_failed,
        )

    def _called(self, view: RequestView | None, counter: str) -> None:
        self._calling = False
        self.call_button.setEnabled(True)
        if view is None:
            self.banner.show_nobody()
            return
        self.show_called(view, counter)

    def show_called(self, view: RequestView, counter: str | None = None) -> None:
        """Show the called ticket big and select its request (once the list is reloaded)."""
        self.banner.show_called(view, counter or counter_name(self.ctx.reader.info.name))
        self._select_after_load = view.receipt
        if not self._select_receipt_anywhere(view.receipt):
            self.table.clearSelection()
            self.current_changed.emit(view)

    def _call_failed(self, exc: CounterdeskError) -> None:
        self._calling = False
        self.call_button.setEnabled(True)
        self.call_error.show_message(message_for(exc))

    def _read_waiting(self) -> None:
        """Count today's waiting tickets on the reads thread (a busy day has many)."""
        self.ctx.reads.run(
            "waiting-count",
            waiting_count,
            on_done=self._show_waiting,
            on_error=self._no_waiting,
            slow=True,
        )

    def _show_waiting(self, count: int) -> None:
        self._waiting_count = count
        self._update_waiting()

    def _no_waiting(self, _exc: CounterdeskError) -> None:
        self._show_waiting(-1)

    def _update_waiting(self) -> None:
        count = self._waiting_count
        if count is None or count < 0:
            self.waiting.setText("")
        else:
            self.waiting.setText(self.tr("Waiting: %n", "", count))

    def _on_enter(self) -> None:
        """A receipt number (typed or scanned) + Enter opens that request."""
        text = self.search.text().strip()
        try:
            receipt = normalise_receipt(text)
        except CounterdeskError as exc:
            if exc.code == "receipt_check":  # shaped like a receipt, but mistyped
                self.search_error.show_message(message_for(exc))
                self.search.selectAll()
                return
            self.refresh()  # plain search text: search now
            self.table.setFocus()
            return
        try:
            view = get_request(self.ctx.reader, receipt)
        except CounterdeskError as exc:
            self.search_error.show_message(message_for(exc))
            self.search.selectAll()
            return
        self.search_error.show_message("")
        if not self.select_receipt(view.receipt):
            self.table.clearSelection()
            self.current_changed.emit(view)
        self.search.selectAll()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self.focus_search()
            return
        super().keyPressEvent(event)

    # texts -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.call_button.setText(self.tr("Call next (F9)"))
        self.call_button.setToolTip(
            self.tr("Call the oldest waiting ticket of today to this counter")
        )
        self._update_waiting()
        self.search.setPlaceholderText(self.tr("Search: name, NIK, passport, receipt (F3)"))
        self.search.setToolTip(
            self.tr("Type to search. Scan or type a receipt number and press Enter to open it.")
        )
        self.search.setAccessibleName(self.tr("Search requests"))
        self.status.setAccessibleName(self.tr("Status filter"))
        self.service.setAccessibleName(self.tr("Service filter"))
        self.scope.setAccessibleName(self.tr("Today or all days"))
        self.table.setAccessibleName(self.tr("Requests"))
        self._fill_combos()
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


_WIDTHS = {
    COL_TICKET: 64,
    COL_RECEIPT: 155,
    COL_IDENT: 135,
    COL_SERVICE: 64,
    COL_STATUS: 120,
    COL_REGISTERED: 90,
    COL_DUE: 110,
}
