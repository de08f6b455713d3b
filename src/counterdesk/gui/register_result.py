"""The banner after a registration: ticket, receipt number and due date, big; and the
buttons to print the receipt (F7) and the ticket (F8)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counterdesk.gui import texts
from counterdesk.services.requests import RequestView


class RegisterResult(QFrame):
    print_requested = Signal(str, str)  # kind ("receipt" or "ticket"), receipt number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: RequestView | None = None
        self._print_busy = False
        self._language = "id"
        self.setObjectName("registerResult")
        self.setStyleSheet(
            "#registerResult { background: #e8f5e9; border: 1px solid #66bb6a;"
            " border-radius: 4px; }"
        )
        self.ticket = QLabel(self)
        self.ticket.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1b5e20;")
        self.receipt = QLabel(self)
        self.receipt.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.due = QLabel(self)
        self.due.setStyleSheet("font-size: 12pt;")
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        for label in (self.ticket, self.receipt, self.due, self.who):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QVBoxLayout()
        details.setSpacing(2)
        details.addWidget(self.receipt)
        details.addWidget(self.due)
        details.addWidget(self.who)
        self.print_receipt = QPushButton(self)
        self.print_ticket = QPushButton(self)
        prints = QVBoxLayout()
        prints.setSpacing(4)
        for kind, button in (("receipt", self.print_receipt), ("ticket", self.print_ticket)):
            button.setAutoDefault(False)
            button.setMinimumWidth(200)
            button.clicked.connect(lambda _=False, k=kind: self._print(k))
            prints.addWidget(button)
        prints.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.ticket)
        layout.addSpacing(16)
        layout.addLayout(details, 1)
        layout.addLayout(prints)
        self.hide()

    @property
    def view(self) -> RequestView | None:
        return self._view

    def _print(self, kind: str) -> None:
        if self._view is not None and not self._print_busy:
            self.print_requested.emit(kind, self._view.receipt)

    def set_print_busy(self, busy: bool) -> None:
        """A document is being made: the print buttons wait."""
        self._print_busy = busy
        for button in (self.print_receipt, self.print_ticket):
            button.setEnabled(not busy)

    def show_request(self, view: RequestView, language: str) -> None:
        self._view = view
        self.retranslate_for(language)
        self.show()

    def retranslate_for(self, language: str) -> None:
        self._language = language
        self.print_receipt.setText(self.tr("Print receipt (F7)"))
        self.print_ticket.setText(self.tr("Print ticket (F8)"))
        v = self._view
        if v is None:
            return
        self.ticket.setText(self.tr("Ticket {ticket}").format(ticket=v.ticket))
        self.ticket.setAccessibleName(self.ticket.text())
        self.receipt.setText(self.tr("Receipt no. {receipt}").format(receipt=v.receipt))
        self.due.setText(
            self.tr("Ready by: {date}").format(
                date=texts.format_date(v.due_date, language, weekday=True)
            )
        )
        self.who.setText(f"{v.name} — {v.service} {v.service_name}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_for(self._language)
        super().changeEvent(event)
