"""Office > Print log: what was printed on a day, by whom, on which printer, and which
prints were reprints (``services.print_log``). Read off the UI thread; F5 reads again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.context import Context
from counterdesk.gui.document_printing import document_name
from counterdesk.gui.field_widgets import label_name
from counterdesk.gui.messages import message_for
from counterdesk.gui.office.day_edit import DayEdit
from counterdesk.gui.office.table import RowsTable
from counterdesk.services.desk import Desk
from counterdesk.services.print_log import PrintRecord, print_log


class PrintLogDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[PrintRecord] = []
        self.resize(980, 520)
        self.day_label = QLabel(self)
        self.day = DayEdit(ctx.today(), self)
        self.day_label.setBuddy(self.day)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.count = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.count)
        self.table = RowsTable(7, self)
        # the printer (or a file's whole path) last: it takes the room left, cut in the middle
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.refresh_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.reject)
        self.refresh_shortcut = QShortcut(QKeySequence("F5"), self)
        self.refresh_shortcut.activated.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        day = self.day.chosen()

        def read(desk: Desk) -> list[PrintRecord]:
            return print_log(desk, day=day)

        self.ctx.reads.run("office-print-log", read, on_done=self._show, on_error=self._failed)

    def _show(self, records: list[PrintRecord]) -> None:
        self.records = records
        self.status.clear()
        self.table.set_rows([self.row_texts(r) for r in records])
        self.count.setText(
            self.tr("{prints} print(s), {reprints} reprint(s)").format(
                prints=len(records), reprints=sum(r.reprint for r in records)
            )
        )

    def row_texts(self, r: PrintRecord) -> list[str]:
        who = f"{r.staff_name} ({r.staff})" if r.staff_name else (r.staff or "—")
        return [
            r.printed_at[11:16],
            self.kind_name(r.kind),
            r.number,
            r.receipt if r.receipt != r.number else "",
            who,
            self.tr("Reprint") if r.reprint else self.tr("First print"),
            r.printer,
        ]

    def kind_name(self, kind: str) -> str:
        if kind == "daily_report":
            return self.tr("Daily report")
        return document_name(kind)

    def _failed(self, exc: CounterdeskError) -> None:
        self.status.setText(message_for(exc))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print log"))
        self.day_label.setText(self.tr("&Day:"))
        self.day.setAccessibleName(label_name(self.day_label.text()))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Document"),
                self.tr("Number"),
                self.tr("Receipt"),
                self.tr("Printed by"),
                self.tr("Print"),
                self.tr("Printer"),
            ]
        )
        self.table.setAccessibleName(self.tr("Print log"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.close_button.setText(self.tr("Close"))
        if self.records:
            self._show(self.records)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
