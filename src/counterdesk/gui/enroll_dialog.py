"""Joining the district: read the enrollment file from the district office, name the
desk's first administrator, and create the desk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.field_widgets import ErrorLabel
from counterdesk.gui.messages import message_for


class EnrollDialog(QDialog):
    """Pick the .cdenroll file, check what it says, choose the administrator's account."""

    enroll_requested = Signal(str, str, str, str)  # path, admin name, full name, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self._choose)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.admin = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel(self)
        self.ok = QPushButton(self)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._submit)
        self.cancel = QPushButton(self)
        self.cancel.clicked.connect(self.reject)
        self.form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Join the district"))
        self.choose.setText(self.tr("Choose the enrollment file…"))
        self.ok.setText(self.tr("Create the desk"))
        self.cancel.setText(self.tr("Cancel"))
        while self.form.rowCount():
            self.form.takeRow(0)
        for label, widget in (
            (self.tr("Administrator's staff name"), self.admin),
            (self.tr("Administrator's full name"), self.full_name),
            (self.tr("Password"), self.password),
            (self.tr("Password again"), self.again),
        ):
            self.form.addRow(label, widget)
            widget.setAccessibleName(label)
        if self.path is None:
            self.file_label.setText(self.tr("No enrollment file chosen yet."))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Enrollment file from the district"),
            "",
            self.tr("Enrollment files (*.cdenroll);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Read the file and show which desk it makes; False (with the reason) if unreadable."""
        from counterdesk.services.enroll import read_enrollment_file
        from counterdesk.sync.enrollment import fingerprint

        try:
            enrollment = read_enrollment_file(path)
        except CounterdeskError as exc:
            self.path = None
            self.error.show_message(message_for(exc))
            self._update()
            return False
        self.path = path
        self.error.show_message("")
        self.file_label.setText(str(path))
        self.details.setText(
            self.tr(
                "Desk {desk} — {name}\nPost: {post}\nDistrict: {district}\n"
                "District key fingerprint: {fp} (compare with the district office)"
            ).format(
                desk=enrollment.desk,
                name=enrollment.name,
                post=enrollment.post,
                district=enrollment.district,
                fp=fingerprint(enrollment.hub_sign_key()),
            )
        )
        self._update()
        self.admin.setFocus()
        return True

    def _update(self) -> None:
        self.ok.setEnabled(self.path is not None)
        self.details.setVisible(self.path is not None)

    def _submit(self) -> None:
        if self.path is None:
            return
        if not self.admin.text().strip():
            self.error.show_message(self.tr("Type the administrator's staff name."))
            self.admin.setFocus()
            return
        if self.password.text() != self.again.text():
            self.error.show_message(self.tr("The two passwords differ."))
            self.again.setFocus()
            return
        self.error.show_message("")
        self.ok.setEnabled(False)
        self.enroll_requested.emit(
            str(self.path), self.admin.text(), self.full_name.text(), self.password.text()
        )

    def show_error(self, message: str) -> None:
        self.ok.setEnabled(self.path is not None)
        self.error.show_message(message)
