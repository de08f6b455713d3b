"""The printing part of the desk settings (administrators): printers, roll width, letter paper;
per roll document (ticket, receipt) an ESC/POS printer to print to directly and its roll;
the cash drawer, the beep, and how long a print may take before it is cancelled.

Changes are saved through the writer ops (``services.desk_settings.update_settings``);
the widget only offers the choices.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import label_name
from counterdesk.gui.print_output import available_printers, message_text
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings

ROLL_WIDTHS = (80, 58)
PAPERS = ("A4", "F4")
KIND_ROLLS = (0, 80, 58)  # 0: the desk's roll width
TIMEOUT_RANGE = (5, 600)


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
        self._build_escpos()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.escpos_form)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()
        self.load()

    def _build_escpos(self) -> None:
        """Direct ESC/POS printing: a TARGET and a roll per roll document, drawer, beep."""
        self.ticket_escpos = QLineEdit(self)
        self.receipt_escpos = QLineEdit(self)
        self.ticket_roll = QComboBox(self)
        self.receipt_roll = QComboBox(self)
        for edit in (self.ticket_escpos, self.receipt_escpos):
            edit.setMaxLength(200)
            edit.setPlaceholderText("tcp://192.168.1.50:9100")
        self.escpos_drawer = QCheckBox(self)
        self.escpos_beep = QCheckBox(self)
        self.print_timeout = QSpinBox(self)
        self.print_timeout.setRange(*TIMEOUT_RANGE)
        self.escpos_form = QFormLayout()
        self._escpos_labels = [QLabel(self) for _ in range(5)]
        for label, widget in zip(
            self._escpos_labels,
            (
                self.ticket_escpos,
                self.ticket_roll,
                self.receipt_escpos,
                self.receipt_roll,
                self.print_timeout,
            ),
            strict=True,
        ):
            label.setBuddy(widget)
            self.escpos_form.addRow(label, widget)
        self.escpos_form.addRow(self.escpos_drawer)
        self.escpos_form.addRow(self.escpos_beep)

    def _retranslate_escpos(self) -> None:
        texts = (
            self.tr("&Ticket to ESC/POS printer:"),
            self.tr("Ticket r&oll:"),
            self.tr("Re&ceipt to ESC/POS printer:"),
            self.tr("Receipt ro&ll:"),
            self.tr("&Wait for a print at most:"),
        )
        for label, text in zip(self._escpos_labels, texts, strict=True):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(label_name(text))
        hint = self.tr(
            "Empty: print through the printer chosen above. Otherwise a file, /dev/usb/lp0, "
            "tcp://HOST:9100, serial:PORT, win32raw:PRINTER NAME or cups:QUEUE."
        )
        for edit in (self.ticket_escpos, self.receipt_escpos):
            edit.setToolTip(hint)
        for combo in (self.ticket_roll, self.receipt_roll):
            for i, roll in enumerate(KIND_ROLLS):
                if i < combo.count():
                    text = (
                        self.tr("As the desk's roll")
                        if roll == 0
                        else self.tr("{width} mm").format(width=roll)
                    )
                    combo.setItemText(i, text)
        self.print_timeout.setSuffix(self.tr(" s"))
        self.escpos_drawer.setText(self.tr("Open the cash &drawer after a receipt"))
        self.escpos_beep.setText(self.tr("&Beep when a ticket or receipt is printed"))

    def _load_escpos(self, settings: DeskSettings) -> None:
        self.ticket_escpos.setText(settings.ticket_escpos)
        self.receipt_escpos.setText(settings.receipt_escpos)
        for combo, current in (
            (self.ticket_roll, settings.ticket_roll_mm),
            (self.receipt_roll, settings.receipt_roll_mm),
        ):
            combo.clear()
            for roll in KIND_ROLLS:
                combo.addItem("", roll)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.escpos_drawer.setChecked(settings.escpos_drawer)
        self.escpos_beep.setChecked(settings.escpos_beep)
        self.print_timeout.setValue(settings.print_timeout_s)
        for widget in (
            self.ticket_escpos,
            self.receipt_escpos,
            self.ticket_roll,
            self.receipt_roll,
            self.escpos_drawer,
            self.escpos_beep,
            self.print_timeout,
        ):
            widget.setEnabled(self.allowed)

    def escpos_changes(self) -> dict[str, Any]:
        """The ESC/POS and print-timeout settings as chosen here."""
        return {
            "ticket_escpos": self.ticket_escpos.text().strip(),
            "receipt_escpos": self.receipt_escpos.text().strip(),
            "ticket_roll_mm": int(self.ticket_roll.currentData()),
            "receipt_roll_mm": int(self.receipt_roll.currentData()),
            "escpos_drawer": self.escpos_drawer.isChecked(),
            "escpos_beep": self.escpos_beep.isChecked(),
            "print_timeout_s": int(self.print_timeout.value()),
        }

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
        self._retranslate_escpos()
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
        self._load_escpos(settings)
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
        changes = self.changes() | self.escpos_changes()

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
        self.status.setText(message_text(exc))  # printing messages, else message_for
