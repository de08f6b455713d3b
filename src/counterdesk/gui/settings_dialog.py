"""The desk settings (Desk > Settings…, administrators only): printers, the desk, letters.

Every value is checked and written by ``services.desk_settings.update_settings`` on the
writer ops; a refused value is shown next to its field, in the UI language, on its tab.
The letter number template shows a live example number (and what is wrong with it).
The counter's name is a setting of this PC (``pc_settings``), not of the desk.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.numbering import LetterNumberTemplate
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import ErrorLabel, WithError, label_name
from counterdesk.gui.messages import message_for
from counterdesk.gui.pc_settings import MAX_COUNTER, own_counter_name, set_counter_name
from counterdesk.gui.printer_settings import PAPERS, PrinterSettings
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import INACTIVITY_RANGE, MAX_TEXT, update_settings
from counterdesk.services.offices import HUB, office_in_force

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
TEXT_FIELDS = (
    "letterhead_government",
    "letterhead_office",
    "letterhead_address",
    "letter_place",
    "signer_name",
    "signer_title",
    "signer_on_behalf",
    "signer_rank",
    "signer_nip",
)
TAB_PRINTERS, TAB_DESK, TAB_LETTERS = range(3)


def example_number(pattern: str, unit: str, month: int, year: int) -> str:
    """The number the template gives a first letter; raises ``ValidationError`` when bad."""
    template = LetterNumberTemplate(pattern)
    template.validate()
    return template.format(classification="470", number=123, unit=unit, month=month, year=year)


class SettingsDialog(QDialog):
    saved = Signal(object)  # the DeskSettings now in force

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self.setMinimumWidth(620)
        self.tabs = QTabWidget(self)
        # printers: the existing widget, saved together with the rest
        self.printers = PrinterSettings(ctx, self)
        self.printers.save_button.hide()
        self.printers.form.setRowVisible(self.printers.letter_paper, False)  # on Letters
        self.tabs.addTab(self.printers, "")
        # desk
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.inactivity = QSpinBox(self)
        self.inactivity.setRange(*INACTIVITY_RANGE)
        self.print_on_register = QCheckBox(self)
        self.counter = QLineEdit(self)
        self.counter.setMaxLength(MAX_COUNTER)
        self.desk_page = QWidget(self)
        self.desk_form = QFormLayout(self.desk_page)
        self.boxes: dict[str, WithError] = {}
        self.labels: dict[str, QLabel] = {}
        for key, widget in (
            ("language", self.language),
            ("inactivity_minutes", self.inactivity),
            ("print_on_register", self.print_on_register),
            ("counter", self.counter),
        ):
            self._row(self.desk_form, key, widget)
        self.tabs.addTab(self.desk_page, "")
        # letters
        self.texts: dict[str, QLineEdit] = {}
        self.letters_page = QWidget(self)
        self.letters_form = QFormLayout(self.letters_page)
        self.letters_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.in_force = QLabel(self)  # what the district set for this post (it takes precedence)
        self.in_force.setWordWrap(True)
        self.in_force.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.letters_form.addRow(self.in_force)
        for key in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setMaxLength(MAX_TEXT)
            self.texts[key] = edit
            self._row(self.letters_form, key, edit)
        self.letter_paper = QComboBox(self)
        for paper in PAPERS:
            self.letter_paper.addItem("", paper)
        self._row(self.letters_form, "letter_paper", self.letter_paper)
        self.bilingual = QCheckBox(self)
        self._row(self.letters_form, "bilingual_letters", self.bilingual)
        self.template = QLineEdit(self)
        self.template.setMaxLength(MAX_TEXT)
        self.template.textChanged.connect(self._update_example)
        self._row(self.letters_form, "letter_number_template", self.template)
        self.example = QLabel(self)
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.example.setStyleSheet("font-weight: bold;")
        self.template_help = QLabel(self)
        self.template_help.setWordWrap(True)
        self.template_help.setStyleSheet("color: #555555;")
        self.letters_form.addRow("", self.example)
        self.letters_form.addRow("", self.template_help)
        self.tabs.addTab(self.letters_page, "")
        # buttons
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        box = WithError(widget, self)
        label = QLabel(self)
        label.setBuddy(widget)
        self.boxes[key] = box
        self.labels[key] = label
        form.addRow(label, box)

    @property
    def allowed(self) -> bool:
        return self.ctx.session.role.includes(Role.ADMIN)

    # values ----------------------------------------------------------------------
    def load(self) -> None:
        s = self.ctx.reader.info.settings
        self.printers.load()
        self.printers.save_button.hide()
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.inactivity.setValue(s.inactivity_minutes)
        self.print_on_register.setChecked(s.print_on_register)
        self.counter.setText(own_counter_name())
        self.counter.setPlaceholderText(self.ctx.reader.info.name)
        for key, edit in self.texts.items():
            edit.setText(str(getattr(s, key)))
        self.letter_paper.setCurrentIndex(max(0, self.letter_paper.findData(s.letter_paper)))
        self.bilingual.setChecked(s.bilingual_letters)
        self.template.setText(s.letter_number_template)
        for widget in (
            self.language,
            self.inactivity,
            self.print_on_register,
            self.counter,
            *self.texts.values(),
            self.letter_paper,
            self.bilingual,
            self.template,
            self.save_button,
        ):
            widget.setEnabled(self.allowed)

    def values(self) -> dict[str, Any]:
        """Every desk setting as chosen here."""
        out: dict[str, Any] = dict(self.printers.changes())
        out.update(
            language=str(self.language.currentData()),
            inactivity_minutes=int(self.inactivity.value()),
            print_on_register=self.print_on_register.isChecked(),
            letter_paper=str(self.letter_paper.currentData()),
            bilingual_letters=self.bilingual.isChecked(),
            letter_number_template=self.template.text().strip(),
        )
        out.update({key: edit.text().strip() for key, edit in self.texts.items()})
        return out

    def changes(self) -> dict[str, Any]:
        """Only what differs from the settings in force."""
        current: DeskSettings = self.ctx.reader.info.settings
        return {k: v for k, v in self.values().items() if getattr(current, k, None) != v}

    # what is in force --------------------------------------------------------------
    def _show_in_force(self) -> None:
        """Which letter values the district set for this post (they take precedence over
        the values here), and whether letters can be issued at all."""
        office = office_in_force(self.ctx.reader)
        from_hub = [
            f"{label_name(self.labels[key].text()).rstrip(':')}: {office.get(key)}"
            for key in (*TEXT_FIELDS, "letter_number_template")
            if key in self.labels and office.values[key].source == HUB
        ]
        lines = []
        if from_hub:
            lines.append(
                self.tr(
                    "Set by the district for {post} (these take precedence over the values "
                    "below): {values}"
                ).format(post=office.post, values="; ".join(from_hub))
            )
        if office.missing_signer():
            lines.append(
                self.tr(
                    "No signer is set for {post}: no letter can be issued until the signer's "
                    "name and title are set here or by the district at the hub."
                ).format(post=office.post)
            )
        self.in_force.setText("\n".join(lines))
        self.in_force.setStyleSheet("color: #b00020;" if office.missing_signer() else "")
        self.letters_form.setRowVisible(self.in_force, bool(lines))

    # the template's example ------------------------------------------------------
    def _update_example(self) -> None:
        today = self.ctx.today()
        try:
            number = example_number(
                self.template.text().strip(), self.ctx.reader.info.code, today.month, today.year
            )
        except CounterdeskError as exc:
            self.example.setText("")
            self.letters_form.setRowVisible(self.example, False)
            self.boxes["letter_number_template"].error.show_message(message_for(exc))
            return
        self.boxes["letter_number_template"].error.show_message("")
        self.example.setText(self.tr("Example: {number}").format(number=number))
        self.letters_form.setRowVisible(self.example, True)

    # saving ------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving or not self.allowed:
            return
        self._clear_errors()
        changes = self.changes()
        counter = self.counter.text().strip()
        if counter != own_counter_name():
            set_counter_name(counter)
        if not changes:
            self.accept()
            return
        session = self.ctx.session

        def write(desk: Desk) -> DeskSettings:
            return update_settings(desk, session, **changes)

        self._set_saving(True)
        self.ctx.ops.run(write, on_done=self._saved, on_error=self._failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving and self.allowed)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))

    def _saved(self, settings: DeskSettings) -> None:
        self._set_saving(False)
        self.ctx.reader.invalidate()  # the reader's cached settings are now old
        self.saved.emit(settings)
        self.accept()

    def _failed(self, exc: CounterdeskError) -> None:
        self._set_saving(False)
        self.show_error(exc)

    def show_error(self, exc: CounterdeskError) -> None:
        """The message next to its field, on its tab; else below the tabs."""
        key = exc.field or ("letter_number_template" if exc.code == "letter_template" else "")
        message = message_for(exc)
        box = self.boxes.get(key)
        if box is None:
            printer_widgets = {
                "receipt_printer": self.printers.receipt_printer,
                "letter_printer": self.printers.letter_printer,
                "roll_mm": self.printers.roll_mm,
            }
            if key in printer_widgets:
                self.tabs.setCurrentIndex(TAB_PRINTERS)
                printer_widgets[key].setFocus()
            self.error.show_message(message)
            return
        box.error.show_message(message)
        page = TAB_LETTERS if box.parentWidget() is self.letters_page else TAB_DESK
        self.tabs.setCurrentIndex(page)
        box.input.setFocus()
        if isinstance(box.input, QLineEdit):
            box.input.selectAll()

    def _clear_errors(self) -> None:
        self.error.show_message("")
        for key, box in self.boxes.items():
            if key != "letter_number_template":
                box.error.show_message("")

    # texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Desk settings"))
        self.tabs.setTabText(TAB_PRINTERS, self.tr("Printers"))
        self.tabs.setTabText(TAB_DESK, self.tr("Desk"))
        self.tabs.setTabText(TAB_LETTERS, self.tr("Letters"))
        labels = {
            "language": self.tr("Desk &language:"),
            "inactivity_minutes": self.tr("Lock after (&minutes idle):"),
            "print_on_register": self.tr("After registering:"),
            "counter": self.tr("Counter &name on this PC:"),
            "letterhead_government": self.tr("Letterhead: &government:"),
            "letterhead_office": self.tr("Letterhead: &office:"),
            "letterhead_address": self.tr("Letterhead: &address:"),
            "letter_place": self.tr("&Place of signing:"),
            "signer_name": self.tr("&Signer's name:"),
            "signer_title": self.tr("Signer's &title:"),
            "signer_on_behalf": self.tr("On behalf of (a.n./u.b.):"),
            "signer_rank": self.tr("Signer's &rank (pangkat/golongan):"),
            "signer_nip": self.tr("Signer's &NIP:"),
            "letter_paper": self.tr("Letter &paper:"),
            "bilingual_letters": self.tr("Languages:"),
            "letter_number_template": self.tr("Letter &number template:"),
        }
        for key, text in labels.items():
            self.labels[key].setText(text)
            self.boxes[key].input.setAccessibleName(label_name(text))
        self.print_on_register.setText(self.tr("Print the receipt and the ticket at once"))
        self.bilingual.setText(self.tr("Bilingual letters (Indonesian and English)"))
        for box in (self.print_on_register, self.bilingual):  # named by their own text
            box.setAccessibleName(label_name(box.text()))
        self.language.setToolTip(
            self.tr("The language the app starts in; each person can switch it in the menu.")
        )
        self.counter.setToolTip(
            self.tr("Shown on the queue screen when a ticket is called, e.g. Loket 1.")
        )
        self.texts["letterhead_office"].setPlaceholderText(self.ctx.reader.info.post.upper())
        self.texts["letter_place"].setPlaceholderText(self.ctx.reader.info.post)
        self.texts["signer_title"].setPlaceholderText(self.tr("e.g. Camat Jagoi Babang"))
        self.texts["signer_on_behalf"].setPlaceholderText(self.tr("e.g. a.n. Camat (or empty)"))
        for i, paper in enumerate(PAPERS):
            name = self.tr("A4 (210 x 297 mm)") if paper == "A4" else self.tr("F4 (215 x 330 mm)")
            self.letter_paper.setItemText(i, name)
        self.template_help.setText(
            self.tr(
                "Placeholders: {classification} code of the service, {n} (or {n:04d}) running "
                "number of the year, {desk} desk code, {month_roman} month in Roman numerals, "
                "{month}, {year}. {n}, {desk} and {year} are required."
            )
        )
        self._show_in_force()
        self.save_button.setText(self.tr("Saving…") if self._saving else self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        if not self.allowed:
            self.error.show_message(self.tr("Only an administrator can change these settings."))
        self._update_example()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
