"""The requests table: holds only row ids and reads rows lazily, a page at a time.

A list of a million requests costs 8 MB of ids; only the pages a view shows
are read (and a few hundred kept). Tested without a view.

The ids may come in two steps (``set_ids(first, complete=False)``, then the whole
list): the newest requests are shown at once and the rest are appended below them
without a reset, so the selection and the scroll position stay. A list that gained
requests on top (after a registration) is updated by an insertion, too.
"""

from __future__ import annotations

import datetime
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counterdesk.gui import texts
from counterdesk.services.requests import RequestView

# columns
COL_TICKET = 0
COL_RECEIPT = 1
COL_NAME = 2
COL_IDENT = 3
COL_SERVICE = 4
COL_STATUS = 5
COL_REGISTERED = 6
COL_DUE = 7
COLUMN_COUNT = 8

# roles
RequestRole = Qt.ItemDataRole.UserRole + 1  # the RequestView
ReceiptRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3  # the status value, e.g. "in_progress"
OverdueRole = Qt.ItemDataRole.UserRole + 4  # bool
RowIdRole = Qt.ItemDataRole.UserRole + 5

OVERDUE_BACKGROUND = QColor("#ffebee")
OVERDUE_FOREGROUND = QColor("#b00020")

AnyIndex = QModelIndex | QPersistentModelIndex


class RowSource(Protocol):
    def rows(self, rowids: Sequence[int]) -> Sequence[RequestView]:
        """The requests with these row ids, in this order."""


class RequestTableModel(QAbstractTableModel):
    def __init__(
        self,
        source: RowSource,
        *,
        today: Callable[[], datetime.date],
        language: Callable[[], str] = lambda: "id",
        page_size: int = 100,
        max_pages: int = 40,
    ) -> None:
        super().__init__()
        self._source = source
        self._today = today
        self._language = language
        self.page_size = page_size
        self.max_pages = max_pages
        self._ids: array[int] = array("q")
        self.complete = True  # False while only the first ids are known
        self._pages: OrderedDict[int, list[tuple[RequestView, bool]]] = OrderedDict()
        self.pages_fetched = 0  # for tests and diagnostics

    # ids -----------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], *, complete: bool = True) -> None:
        """Show these requests (newest first). Same ids: only the rows are re-read.

        The old list continued at the end (the rest of a first window), or grown on top
        (new requests), is updated by inserting rows; anything else resets the model.
        """
        new = ids if isinstance(ids, array) else array("q", ids)
        old = self._ids
        self.complete = complete
        if new == old:
            self.invalidate_rows()
            return
        n, m = len(old), len(new)
        if 0 < n < m and new[:n] == old:  # the rest of the list arrived
            self.beginInsertRows(QModelIndex(), n, m - 1)
            self._ids = new
            self.endInsertRows()
            return
        if 0 < n < m and new[m - n :] == old:  # requests added on top
            self.beginInsertRows(QModelIndex(), 0, m - n - 1)
            self._ids = new
            self._pages.clear()  # every row moved down
            self.endInsertRows()
            return
        self.beginResetModel()
        self._ids = new
        self._pages.clear()
        self.endResetModel()

    @property
    def ids(self) -> array[int]:
        return self._ids

    def invalidate_rows(self) -> None:
        """Rows may have changed (a status moved on): read them again when shown."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, COLUMN_COUNT - 1)
            )

    def rowid_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, rowid: int) -> int:
        try:
            return self._ids.index(rowid)
        except ValueError:
            return -1

    def page_loaded(self, row: int) -> bool:
        """Whether the page holding ``row`` has been read (and is still kept)."""
        return row // self.page_size in self._pages

    def view_at(self, row: int) -> RequestView | None:
        entry = self._entry(row)
        return entry[0] if entry else None

    def _entry(self, row: int) -> tuple[RequestView, bool] | None:
        if not 0 <= row < len(self._ids):
            return None
        number, offset = divmod(row, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _fetch(self, number: int) -> list[tuple[RequestView, bool]]:
        start = number * self.page_size
        ids = list(self._ids[start : start + self.page_size])
        today = self._today()
        page = [(v, v.overdue(today)) for v in self._source.rows(ids)]
        self.pages_fetched += 1
        self._pages[number] = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return page

    # Qt model --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_TICKET: self.tr("Ticket"),
            COL_RECEIPT: self.tr("Receipt no."),
            COL_NAME: self.tr("Name"),
            COL_IDENT: self.tr("Identity"),
            COL_SERVICE: self.tr("Service"),
            COL_STATUS: self.tr("Status"),
            COL_REGISTERED: self.tr("Registered"),
            COL_DUE: self.tr("Due"),
        }.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == RowIdRole:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        if role not in _ROLES:
            return None
        entry = self._entry(row)
        if entry is None:
            return None
        view, overdue = entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, col, overdue)
        if role == RequestRole:
            return view
        if role == ReceiptRole:
            return view.receipt
        if role == StatusRole:
            return view.status
        if role == OverdueRole:
            return overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SERVICE:
                return view.service_name
            if col == COL_REGISTERED:
                return texts.format_datetime(view.registered_at, self._language())
            return self.tr("Overdue") if overdue else None
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and overdue and col == COL_DUE:
            return QBrush(OVERDUE_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and col in (COL_TICKET, COL_DUE if overdue else -1):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, v: RequestView, col: int, overdue: bool) -> str:
        lang = self._language()
        if col == COL_TICKET:
            return v.ticket
        if col == COL_RECEIPT:
            return v.receipt
        if col == COL_NAME:
            return v.name
        if col == COL_IDENT:
            return texts.masked_ident(v.ident, short=True)
        if col == COL_SERVICE:
            return v.service
        if col == COL_STATUS:
            return texts.status_label(v.status)
        if col == COL_REGISTERED:
            return texts.format_short_datetime(v.registered_at, lang)
        if col == COL_DUE:
            due = texts.format_short_date(v.due_date, lang)
            return f"{due} ⚠" if overdue else due
        return ""

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._ids) - 1, COLUMN_COUNT - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        RequestRole,
        ReceiptRole,
        StatusRole,
        OverdueRole,
    }
)
