"""Asking for the reason to reject or cancel a request (required)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(300)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(
            self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()))

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()

    def text(self) -> str:
        return self.reason.text().strip()

    @staticmethod
    def ask(
        parent: QWidget, title: str, prompt: str, action: str, done: Callable[[str], None]
    ) -> ReasonDialog:
        """Open (not exec) the dialog; ``done(reason)`` runs when it is accepted."""
        dialog = ReasonDialog(title, prompt, action, parent)
        dialog.accepted.connect(lambda: done(dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
