"""The banner above the requests after calling a ticket: the ticket and the counter, big."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counterdesk.services.requests import RequestView

CALLED_STYLE = "#callBanner { background: #e3f2fd; border: 1px solid #1e88e5; border-radius: 4px; }"
EMPTY_STYLE = "#callBanner { background: #f5f5f5; border: 1px solid #9e9e9e; border-radius: 4px; }"


class CallBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBanner")
        self._view: RequestView | None = None
        self._counter = ""
        self._nobody = False
        self.ticket = QLabel(self)
        self.ticket.setStyleSheet("font-size: 26pt; font-weight: bold; color: #0d47a1;")
        self.ticket.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counter = QLabel(self)
        self.counter.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.counter)
        text.addWidget(self.who)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.ticket)
        layout.addSpacing(16)
        layout.addLayout(text, 1)
        self.hide()

    @property
    def view(self) -> RequestView | None:
        return self._view

    def show_called(self, view: RequestView, counter: str) -> None:
        self._view, self._counter, self._nobody = view, counter, False
        self.retranslate()
        self.show()

    def show_nobody(self) -> None:
        self._view, self._nobody = None, True
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        if self._nobody:
            self.setStyleSheet(EMPTY_STYLE)
            self.ticket.setText("—")
            self.counter.setText(self.tr("Nobody is waiting."))
            self.who.setText(self.tr("Every ticket of today has been called."))
            return
        v = self._view
        if v is None:
            return
        self.setStyleSheet(CALLED_STYLE)
        self.ticket.setText(v.ticket)
        self.ticket.setAccessibleName(self.tr("Called ticket {ticket}").format(ticket=v.ticket))
        self.counter.setText(self.tr("Called to {counter}").format(counter=self._counter))
        self.who.setText(f"{v.name} — {v.service} {v.service_name}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
