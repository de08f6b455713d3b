"""Office > Desk status: the desk, its requests, what the district has not yet
acknowledged and the last contact with the hub (``services.status.desk_status``).

Counting every request takes a while on a big desk: read on the slow reader lane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui import texts
from counterdesk.gui.context import Context
from counterdesk.gui.messages import message_for
from counterdesk.services.desk import Desk
from counterdesk.services.status import desk_status

FIELDS = ("desk", "place", "mode", "requests", "pending", "oldest", "contact", "events", "database")


class StatusDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: dict[str, Any] | None = None
        self.resize(620, 360)
        self.form = QFormLayout()
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in FIELDS:
            name, value = QLabel(self), QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.names[key], self.values[key] = name, value
            self.form.addRow(name, value)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.refresh_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.refresh_button.setAutoDefault(False)
        self.close_button.setDefault(True)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.reject)
        self.refresh_shortcut = QShortcut(QKeySequence("F5"), self)
        self.refresh_shortcut.activated.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        self.close_button.setFocus()

    def refresh(self) -> None:
        def read(desk: Desk) -> dict[str, Any]:
            return desk_status(desk)

        self.message.setText(self.tr("Reading…"))
        self.ctx.reads.run(
            "office-status", read, on_done=self._show, on_error=self._failed, slow=True
        )

    def _show(self, status: dict[str, Any]) -> None:
        self.status = status
        self.message.clear()
        v = self.values
        v["desk"].setText(f"{status['desk']} — {status['name']}")
        v["place"].setText(f"{status['post']}, {status['district']}")
        v["mode"].setText(
            self.tr("TRAINING (practice data, never sent to the district)")
            if status["training"]
            else self.tr("Enrolled with the district")
        )
        by_status = status["requests_by_status"]
        parts = ", ".join(f"{texts.status_label(s)} {n}" for s, n in sorted(by_status.items()) if n)
        v["requests"].setText(f"{status['requests']}" + (f" ({parts})" if parts else ""))
        v["pending"].setText(
            self.tr("{count} change(s) not yet acknowledged by the district").format(
                count=status["pending"]
            )
            if status["pending"]
            else self.tr("Nothing waiting: the district has every change")
        )
        v["oldest"].setText(self._when(status["oldest_pending_at"]) or "—")
        v["contact"].setText(self._when(status["last_hub_contact"]) or self.tr("never"))
        v["events"].setText(
            self.tr("{last} recorded, {acked} acknowledged by the district").format(
                last=status["last_seq"], acked=status["acked_seq"]
            )
        )
        v["database"].setText(str(status["database"]))

    @staticmethod
    def _when(at: str | None) -> str:
        return at[:16].replace("T", " ") if at else ""

    def _failed(self, exc: CounterdeskError) -> None:
        self.message.setText(message_for(exc))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Desk status"))
        labels = {
            "desk": self.tr("Desk:"),
            "place": self.tr("Office:"),
            "mode": self.tr("Mode:"),
            "requests": self.tr("Requests:"),
            "pending": self.tr("Not yet sent:"),
            "oldest": self.tr("Oldest unsent change:"),
            "contact": self.tr("Last contact with the hub:"),
            "events": self.tr("Changes:"),
            "database": self.tr("Database file:"),
        }
        for key, text in labels.items():
            self.names[key].setText(text)
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.close_button.setText(self.tr("Close"))
        if self.status is not None:
            self._show(self.status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
