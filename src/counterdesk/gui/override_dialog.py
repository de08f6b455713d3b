"""A supervisor accepts a refusal that may be overridden (a NIK region code missing
from the Kemendagri list, or a catalogue rule marked overridable), with a reason.

When the staff member at the counter is not a supervisor, a supervisor types their
own name and password here; the desk checks them when the request is saved, and
the override is recorded under the supervisor's name.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counterdesk.gui.field_widgets import ERROR_STYLE


class OverrideDialog(QDialog):
    def __init__(
        self, problem: str, *, needs_supervisor: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.needs_supervisor = needs_supervisor
        self.setMinimumWidth(520)
        self.problem = QLabel(problem, self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(300)
        self.supervisor = QLineEdit(self)
        self.supervisor.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        form = QFormLayout()
        self._reason_label = QLabel(self)
        self._supervisor_label = QLabel(self)
        self._password_label = QLabel(self)
        form.addRow(self._reason_label, self.reason)
        if needs_supervisor:
            form.addRow(self._supervisor_label, self.supervisor)
            form.addRow(self._password_label, self.password)
        else:
            self.supervisor.hide()
            self.password.hide()
            self._supervisor_label.hide()
            self._password_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.reason, self.supervisor, self.password):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor approval"))
        if self.needs_supervisor:
            self.explain.setText(
                self.tr(
                    "Only a supervisor or administrator may accept this. The supervisor "
                    "types the reason, their staff name and password; the reason is recorded "
                    "with the request."
                )
            )
        else:
            self.explain.setText(
                self.tr("Accept this as supervisor? The reason is recorded with the request.")
            )
        self._reason_label.setText(self.tr("Reason *"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self._supervisor_label.setText(self.tr("Supervisor name"))
        self.supervisor.setAccessibleName(self.tr("Supervisor name"))
        self._password_label.setText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.ok.setText(self.tr("Accept and register"))
        self.cancel.setText(self.tr("Back"))

    def _ready(self) -> bool:
        if not self.reason.text().strip():
            return False
        return not self.needs_supervisor or bool(
            self.supervisor.text().strip() and self.password.text()
        )

    def _update(self) -> None:
        self.ok.setEnabled(self._ready())

    def accept(self) -> None:
        if self._ready():
            super().accept()

    def credentials(self) -> tuple[str, str] | None:
        """(name, password) of the approving supervisor, or None: the signed-in staff."""
        if not self.needs_supervisor:
            return None
        return self.supervisor.text().strip(), self.password.text()
