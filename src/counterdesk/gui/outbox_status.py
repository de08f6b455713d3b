"""The status bar's outbox: events not yet acknowledged by the district, the
oldest one's age, the last contact with the district; and the TRAINING badge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui import texts
from counterdesk.gui.context import Context
from counterdesk.gui.messages import message_for
from counterdesk.services.outbox_status import OutboxSummary, outbox_summary

REFRESH_MS = 30_000


class OutboxStatus(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: OutboxSummary | None = None
        self.training = QLabel(self)
        self.training.setStyleSheet(
            "background: #c62828; color: white; font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px;"
        )
        self.pending = QLabel(self)
        self.contact = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pending)
        layout.addWidget(self.contact)
        layout.addWidget(self.training)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.ops.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.summary = outbox_summary(self.ctx.reader)
        except CounterdeskError as exc:
            self.summary = None
            self.pending.setText(message_for(exc))
            return
        self.retranslate()

    def retranslate(self) -> None:
        self.training.setText(self.tr("TRAINING"))
        self.training.setToolTip(
            self.tr("Training desk: practice data, never sent to the district.")
        )
        s = self.summary
        self.training.setVisible(bool(s and s.training))
        if s is None:
            return
        text = self.tr("Not yet sent to the district: %n", "", s.pending)
        if s.pending and s.oldest_pending_age_seconds is not None:
            text += " " + self.tr("(oldest: {age})").format(
                age=texts.format_age(s.oldest_pending_age_seconds)
            )
        self.pending.setText(text)
        last = (
            texts.format_datetime(s.last_hub_contact, self.ctx.language)
            if s.last_hub_contact
            else self.tr("never")
        )
        self.contact.setText(" · " + self.tr("Last district contact: {when}").format(when=last))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
