"""Recording what the other agency did with a referred request: issued, refused, or still
in progress, with an optional note (at most 200 characters). Keyboard first: Alt+letter
chooses the outcome, Enter saves, Esc goes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.services.referrals import MAX_NOTE, OUTCOMES


def outcome_label(outcome: str) -> str:
    labels = {
        "issued": QCoreApplication.translate("Citizen", "Issued"),
        "refused": QCoreApplication.translate("Citizen", "Refused"),
        "pending": QCoreApplication.translate("Citizen", "Still in progress"),
    }
    return labels.get(outcome, outcome)


class ReferralOutcomeDialog(QDialog):
    def __init__(
        self, receipt: str, agency: str, current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("Record referral outcome"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr("Request {receipt}, referred to {agency}. What did the agency do?").format(
                receipt=receipt, agency=agency or "—"
            )
        )
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        texts = {
            "issued": self.tr("&Issued: the document comes back to the counter"),
            "refused": self.tr("&Refused by the agency"),
            "pending": self.tr("&Still in progress at the agency"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for outcome in OUTCOMES:
            radio = QRadioButton(texts[outcome], self)
            self.group.addButton(radio)
            self.radios[outcome] = radio
            layout.addWidget(radio)
            radio.toggled.connect(self._update)
        if current in self.radios:
            self.radios[current].setChecked(True)
        self.note_label = QLabel(self.tr("&Note (optional):"), self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE)
        self.note.setAccessibleName(self.tr("Note"))
        self.note_label.setBuddy(self.note)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.back = self.buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = self.radios.get(current) or self.radios[OUTCOMES[0]]
        first.setFocus()
        self._update()

    def outcome(self) -> str:
        return next((k for k, r in self.radios.items() if r.isChecked()), "")

    def note_text(self) -> str:
        return " ".join(self.note.text().split())

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.outcome()))

    def accept(self) -> None:
        if self.outcome():
            super().accept()

    @staticmethod
    def ask(
        parent: QWidget,
        receipt: str,
        agency: str,
        current: str,
        done: Callable[[str, str], None],
    ) -> ReferralOutcomeDialog:
        """Open (not exec) the dialog; ``done(outcome, note)`` runs when it is accepted."""
        dialog = ReferralOutcomeDialog(receipt, agency, current, parent)
        dialog.accepted.connect(lambda: done(dialog.outcome(), dialog.note_text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
