"""Complaints (pengaduan) at the desk: record one about the selected request or about a
service, see the open ones (or all), and record the answer given to the citizen.

Keyboard first: Alt+letter reaches each field, Ctrl+Enter in the complaint text records
it, Ctrl+Enter in the answer records the answer, Esc closes. Writes go through the ops
writer; the lists are read from the reader desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import ErrorLabel
from counterdesk.gui.messages import message_for
from counterdesk.services.complaints import (
    CHANNELS,
    MAX_TEXT,
    Complaint,
    answer_complaint,
    list_complaints,
    record_complaint,
)
from counterdesk.services.requests import RequestView


def channel_label(channel: str) -> str:
    labels = {
        "counter": QCoreApplication.translate("Citizen", "At the counter"),
        "phone": QCoreApplication.translate("Citizen", "Telephone"),
        "sms": QCoreApplication.translate("Citizen", "SMS or chat"),
        "letter": QCoreApplication.translate("Citizen", "Letter"),
        "box": QCoreApplication.translate("Citizen", "Complaint box"),
        "other": QCoreApplication.translate("Citizen", "Other"),
    }
    return labels.get(channel, channel)


class _CtrlEnter(QObject):
    """Ctrl+Enter in a text box runs an action (Enter alone makes a new line)."""

    def __init__(self, target: QPlainTextEdit, action: QPushButton) -> None:
        super().__init__(target)
        self.action = action
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if self.action.isEnabled():
                    self.action.click()
                return True
        return False


class ComplaintsDialog(QDialog):
    changed = Signal()  # a complaint was recorded or answered

    def __init__(
        self, ctx: Context, request: RequestView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = request
        self._busy = False
        self.setWindowTitle(self.tr("Complaints"))
        self.setMinimumSize(640, 560)

        # a new complaint ---------------------------------------------------------
        self.new_box = QGroupBox(self.tr("New complaint"), self)
        self.about_request = QRadioButton(self.new_box)
        self.about_service = QRadioButton(self.tr("About a s&ervice:"), self.new_box)
        self.service = QComboBox(self.new_box)
        self.service.setAccessibleName(self.tr("Service"))
        for s in ctx.reader.catalogue.services:
            self.service.addItem(f"{s.code} — {s.name.get(ctx.language)}", s.code)
        if request is not None:
            self.about_request.setText(
                self.tr("About this re&quest ({receipt})").format(receipt=request.receipt)
            )
            self.about_request.setChecked(True)
            index = self.service.findData(request.service)
            if index >= 0:
                self.service.setCurrentIndex(index)
        else:
            self.about_request.hide()
            self.about_service.setChecked(True)
        self.about_service.toggled.connect(self._update)
        self.channel = QComboBox(self.new_box)
        for channel in CHANNELS:
            self.channel.addItem(channel_label(channel), channel)
        self.channel_label = QLabel(self.tr("C&hannel:"), self.new_box)
        self.channel_label.setBuddy(self.channel)
        self.text = QPlainTextEdit(self.new_box)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Complaint"))
        self.text.setPlaceholderText(self.tr("What is the complaint? (at most 500 characters)"))
        self.text.setMaximumHeight(90)
        self.text_label = QLabel(self.tr("&Complaint:"), self.new_box)
        self.text_label.setBuddy(self.text)
        self.record_button = QPushButton(self.tr("&Record complaint (Ctrl+Enter)"), self.new_box)
        self.record_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record)
        self.text.textChanged.connect(self._update)
        _CtrlEnter(self.text, self.record_button)
        target = QHBoxLayout()
        target.addWidget(self.about_service)
        target.addWidget(self.service, 1)
        form = QFormLayout()
        form.addRow(self.channel_label, self.channel)
        form.addRow(self.text_label, self.text)
        new_layout = QVBoxLayout(self.new_box)
        new_layout.addWidget(self.about_request)
        new_layout.addLayout(target)
        new_layout.addLayout(form)
        new_layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignRight)

        # the list and the answer ---------------------------------------------------------
        self.list_box = QGroupBox(self)
        self.show_all = QCheckBox(self.tr("Show &answered complaints too"), self.list_box)
        self.show_all.toggled.connect(self.reload)
        self.complaints = QListWidget(self.list_box)
        self.complaints.setAccessibleName(self.tr("Complaints"))
        self.complaints.setWordWrap(True)
        self.complaints.currentItemChanged.connect(self._update)
        self.list_label = QLabel(self.tr("&List:"), self.list_box)
        self.list_label.setBuddy(self.complaints)
        self.answer = QPlainTextEdit(self.list_box)
        self.answer.setTabChangesFocus(True)
        self.answer.setAccessibleName(self.tr("Answer"))
        self.answer.setPlaceholderText(self.tr("The answer given to the citizen"))
        self.answer.setMaximumHeight(70)
        self.answer_label = QLabel(self.tr("Ans&wer:"), self.list_box)
        self.answer_label.setBuddy(self.answer)
        self.answer_button = QPushButton(self.tr("Record a&nswer (Ctrl+Enter)"), self.list_box)
        self.answer_button.setAutoDefault(False)
        self.answer_button.clicked.connect(self.record_answer)
        self.answer.textChanged.connect(self._update)
        _CtrlEnter(self.answer, self.answer_button)
        list_layout = QVBoxLayout(self.list_box)
        list_layout.addWidget(self.show_all)
        list_layout.addWidget(self.list_label)
        list_layout.addWidget(self.complaints, 1)
        list_layout.addWidget(self.answer_label)
        list_layout.addWidget(self.answer)
        list_layout.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignRight)

        self.error = ErrorLabel(self)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #1b5e20;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_box)
        layout.addWidget(self.list_box, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.text.setFocus()
        self.reload()

    # the list ------------------------------------------------------------------------
    def shown(self) -> list[Complaint]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.complaints.item(i) for i in range(self.complaints.count()))
        ]

    def reload(self) -> None:
        current = self.current()
        rows = list_complaints(self.ctx.reader, open_only=not self.show_all.isChecked())
        self.complaints.clear()
        for c in rows:
            about = c.receipt or c.service
            state = self.tr("answered") if c.status == "answered" else self.tr("open")
            line = f"{c.number} · {about} · {channel_label(c.channel)} · {state}\n{c.text}"
            if c.answer:
                line += "\n→ " + c.answer
            item = QListWidgetItem(line, self.complaints)
            item.setData(Qt.ItemDataRole.UserRole, c)
            if current is not None and c.complaint_id == current.complaint_id:
                self.complaints.setCurrentItem(item)
        if self.complaints.currentItem() is None and self.complaints.count():
            self.complaints.setCurrentRow(0)
        self.list_box.setTitle(
            self.tr("All complaints ({n})").format(n=len(rows))
            if self.show_all.isChecked()
            else self.tr("Open complaints ({n})").format(n=len(rows))
        )
        self._update()

    def current(self) -> Complaint | None:
        item = self.complaints.currentItem()
        if item is None:
            return None
        complaint: Complaint = item.data(Qt.ItemDataRole.UserRole)
        return complaint

    def _update(self) -> None:
        self.service.setEnabled(self.about_service.isChecked())
        self.record_button.setEnabled(not self._busy and bool(self.text.toPlainText().strip()))
        self.answer_button.setEnabled(
            not self._busy
            and self.current() is not None
            and bool(self.answer.toPlainText().strip())
        )

    # writing -------------------------------------------------------------------------
    def record(self) -> None:
        text = self.text.toPlainText()
        if self._busy or not text.strip():
            return
        if len(" ".join(text.split())) > MAX_TEXT:
            self._failed(
                ValidationError("too long", code="complaint_long", length=len(text), limit=MAX_TEXT)
            )
            return
        session = self.ctx.session
        channel = str(self.channel.currentData())
        if self.request is not None and self.about_request.isChecked():
            receipt: str | None = self.request.receipt
            service: str | None = None
        else:
            receipt, service = None, str(self.service.currentData())
        self._start()
        self.ctx.ops.run(
            lambda desk: record_complaint(
                desk, session, text=text, channel=channel, receipt=receipt, service=service
            ),
            on_done=self._recorded,
            on_error=self._failed,
        )

    def _recorded(self, complaint: Complaint) -> None:
        self._busy = False
        self.text.clear()
        self.note.setText(self.tr("Complaint {number} recorded.").format(number=complaint.number))
        self.reload()
        self.changed.emit()

    def record_answer(self) -> None:
        complaint = self.current()
        answer = self.answer.toPlainText()
        if self._busy or complaint is None or not answer.strip():
            return
        session = self.ctx.session
        self._start()
        self.ctx.ops.run(
            lambda desk: answer_complaint(desk, session, complaint.complaint_id, answer),
            on_done=self._answered,
            on_error=self._failed,
        )

    def _answered(self, complaint: Complaint) -> None:
        self._busy = False
        self.answer.clear()
        self.note.setText(
            self.tr("Answer to complaint {number} recorded.").format(number=complaint.number)
        )
        self.reload()
        self.changed.emit()

    def _start(self) -> None:
        self._busy = True
        self.error.show_message("")
        self.note.setText("")
        self._update()

    def _failed(self, exc: CounterdeskError) -> None:
        self._busy = False
        self.error.show_message(message_for(exc))
        self._update()
