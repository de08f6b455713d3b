"""The first screen on a PC with no desk: a training desk, or joining the district with
an enrollment file from the district office."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counterdesk.gui.field_widgets import ErrorLabel


class FirstRunWindow(QWidget):
    training_requested = Signal()
    enroll_clicked = Signal()
    quit_requested = Signal()

    def __init__(self, data_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._closing_ok = False
        self.setMinimumWidth(560)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.training = QPushButton(self)
        self.training.setMinimumHeight(48)
        self.training.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.training.setDefault(True)
        self.training.clicked.connect(self._training)
        self.training_note = QLabel(self)
        self.training_note.setWordWrap(True)
        self.enrol = QPushButton(self)
        self.enrol.setMinimumHeight(40)
        self.enrol.clicked.connect(self.enroll_clicked)
        self.enrol_note = QLabel(self)
        self.enrol_note.setWordWrap(True)
        self.enrol_note.setStyleSheet("color: #555555;")
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.folder.setStyleSheet("color: #555555;")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel(self)
        self.quit_button = QPushButton(self)
        self.quit_button.clicked.connect(self.quit_requested)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.training)
        layout.addWidget(self.training_note)
        layout.addWidget(self.enrol)
        layout.addWidget(self.enrol_note)
        layout.addWidget(self.folder)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.retranslate()

    def _training(self) -> None:
        self.set_busy(True)
        self.training_requested.emit()

    def set_busy(self, busy: bool) -> None:
        self.enrol.setEnabled(not busy)
        self.training.setEnabled(not busy)
        self.training.setText(self.tr("Preparing…") if busy else self.tr("Training desk"))

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.show_message(message)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome — counterdesk"))
        self.title.setText(self.tr("Welcome to counterdesk"))
        self.intro.setText(self.tr("This computer is not set up as a service desk yet."))
        self.set_busy(not self.training.isEnabled())
        self.training.setAccessibleName(self.tr("Training desk"))
        self.training_note.setText(
            self.tr(
                "A training desk has the full service catalogue and the account demo "
                "(password demo). Practise freely: nothing is sent to the district."
            )
        )
        self.enrol.setText(self.tr("Join the district with an enrollment file…"))
        self.enrol.setAccessibleName(self.tr("Join the district with an enrollment file"))
        self.enrol_note.setText(
            self.tr(
                "A real desk joins the district with an enrollment file (.cdenroll) from the "
                "district office; you choose the desk's first administrator account."
            )
        )
        self.folder.setText(self.tr("Data folder: {path}").format(path=self.data_dir))
        self.quit_button.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def close_quietly(self) -> None:
        self._closing_ok = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_ok:
            self.quit_requested.emit()
        super().closeEvent(event)
