"""The printing part of the desk settings (administrators): printers, roll width, letter paper.

Changes are saved through the writer ops (``services.desk_settings.update_settings``);
the widget only offers the choices.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import label_name
from counterdesk.gui.messages import message_for
from counterdesk.gui.print_output import available_printers
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings

ROLL_WIDTHS = (80, 58)
PAPERS = ("A4", "F4")


class PrinterSettings(QWidget):
    """``PrinterSettings(ctx)``; ``saved`` after the settings were written."""

    saved = Signal()

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        printers: Callable[[], list[str]] = available_printers,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._printers = printers
        self.receipt_printer = QComboBox(self)
        self.letter_printer = QComboBox(self)
        self.roll_mm = QComboBox(self)
        self.letter_paper = QComboBox(self)
        self.form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(4)]
        for label, combo in zip(
            self._labels,
            (self.receipt_printer, self.roll_mm, self.letter_printer, self.letter_paper),
            strict=True,
        ):
            label.setBuddy(combo)
            self.form.addRow(label, combo)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()
        self.load()

    @property
    def allowed(self) -> bool:
        return self._ctx.session.role.includes(Role.ADMIN)

    def retranslate(self) -> None:
        texts = (
            self.tr("&Receipt and ticket printer:"),
            self.tr("Paper &roll width:"),
            self.tr("&Letter printer:"),
            self.tr("Letter &paper:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(label_name(text))
        self.save_button.setText(self.tr("Save"))
        for combo in (self.receipt_printer, self.letter_printer):
            if combo.count():
                combo.setItemText(0, self.tr("Default printer of this computer"))
        for i, roll in enumerate(ROLL_WIDTHS):
            if i < self.roll_mm.count():
                self.roll_mm.setItemText(i, self.tr("{width} mm").format(width=roll))
        for i, paper in enumerate(PAPERS):
            if i < self.letter_paper.count():
                name = (
                    self.tr("A4 (210 x 297 mm)") if paper == "A4" else self.tr("F4 (215 x 330 mm)")
                )
                self.letter_paper.setItemText(i, name)
        if not self.allowed:
            self.status.setText(self.tr("Only an administrator can change these settings."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        """Show the desk's current settings and the printers of this computer."""
        settings = self._ctx.reader.info.settings
        names = self._printers()
        for combo, current in (
            (self.receipt_printer, settings.receipt_printer),
            (self.letter_printer, settings.letter_printer),
        ):
            combo.clear()
            combo.addItem("", "")
            for name in names:
                combo.addItem(name, name)
            if current and current not in names:  # remembered, but not connected now
                combo.addItem(current, current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.roll_mm.clear()
        for roll in ROLL_WIDTHS:
            self.roll_mm.addItem("", roll)
        self.roll_mm.setCurrentIndex(max(0, self.roll_mm.findData(settings.roll_mm)))
        self.letter_paper.clear()
        for paper in PAPERS:
            self.letter_paper.addItem("", paper)
        self.letter_paper.setCurrentIndex(max(0, self.letter_paper.findData(settings.letter_paper)))
        for widget in (
            self.receipt_printer,
            self.letter_printer,
            self.roll_mm,
            self.letter_paper,
            self.save_button,
        ):
            widget.setEnabled(self.allowed)
        self.retranslate()

    def changes(self) -> dict[str, Any]:
        """The settings as chosen here."""
        return {
            "receipt_printer": str(self.receipt_printer.currentData() or ""),
            "letter_printer": str(self.letter_printer.currentData() or ""),
            "roll_mm": int(self.roll_mm.currentData()),
            "letter_paper": str(self.letter_paper.currentData()),
        }

    def save(self) -> None:
        session = self._ctx.session
        changes = self.changes()

        def write(desk: Desk) -> DeskSettings:
            return update_settings(desk, session, **changes)

        self.save_button.setEnabled(False)
        self._ctx.ops.run(write, on_done=self._saved, on_error=self._failed)

    def _saved(self, _settings: object) -> None:
        self._ctx.reader.invalidate()
        self.save_button.setEnabled(self.allowed)
        self.status.setText(self.tr("Saved."))
        self.saved.emit()

    def _failed(self, exc: CounterdeskError) -> None:
        self.save_button.setEnabled(self.allowed)
        self.status.setText(message_for(exc))
