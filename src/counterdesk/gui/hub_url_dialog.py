"""Asking for the district hub's address (http:// or https://), checked before it is used."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.field_widgets import ErrorLabel
from counterdesk.gui.messages import message_for

EXAMPLE = "http://10.61.7.1:8750"


class HubUrlDialog(QDialog):
    chosen = Signal(str)  # the checked address

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(460)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setText(current)
        self.url.setPlaceholderText(EXAMPLE)
        self.url.setMaxLength(300)
        self.error = ErrorLabel(self)
        self.url.textChanged.connect(lambda _: self.error.show_message(""))
        self.buttons = QDialogButtonBox(self)
        self.ok = QPushButton(self)
        self.ok.setDefault(True)
        self.cancel = QPushButton(self)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.url)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.url.setFocus()
        self.url.selectAll()

    def accept(self) -> None:
        from counterdesk.sync.http_client import check_url

        try:
            url = check_url(self.url.text())
        except CounterdeskError as exc:
            self.error.show_message(message_for(exc))
            self.url.setFocus()
            self.url.selectAll()
            return
        self.chosen.emit(url)
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("District hub address"))
        self.prompt.setText(
            self.tr(
                "Type the address of the district hub, as the district office gave it, "
                "e.g. {example}. It is remembered after the first exchange."
            ).format(example=EXAMPLE)
        )
        self.url.setAccessibleName(self.tr("District hub address"))
        self.ok.setText(self.tr("Exchange now"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
