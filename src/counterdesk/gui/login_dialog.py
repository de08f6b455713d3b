"""Logging in (name + password), at start and to unlock a locked session.

The check runs on the writer thread (a failure is counted in the database);
the refusal and the lockout after five failures are shown in the UI language.

This is the first window: it is built from what it needs and no more. Touching
PySide6's ``Qt`` namespace (or building a QDialogButtonBox, whose constructor makes
PySide create the enums it might take) costs 15-30 ms at the first use, so the
module does not import ``Qt`` and lays its two buttons out in a plain row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
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
from counterdesk.gui.ops import OpsBase

if TYPE_CHECKING:
    from counterdesk.services.desk import Desk, DeskInfo
    from counterdesk.services.staff import StaffSession


def check_password(desk: Desk, name: str, password: str) -> StaffSession:
    """On the writer thread: the services are loaded there, not on the UI thread."""
    from counterdesk.services.staff import authenticate

    return authenticate(desk, name, password)


class LoginDialog(QDialog):
    logged_in = Signal(object)  # StaffSession
    quit_requested = Signal()

    def __init__(
        self,
        ops: OpsBase,
        info: DeskInfo,
        *,
        locked_for: StaffSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.info = info
        self.locked_for = locked_for
        self._checking = False
        self.setModal(True)
        self.setMinimumWidth(440)
        self.desk = QLabel(self)
        self.desk.setWordWrap(True)
        self.desk.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(
            "background: #fff3e0; border: 1px solid #ef6c00; padding: 6px; border-radius: 3px;"
        )
        self.name = QLineEdit(self)
        self.name.setMaxLength(32)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.error = ErrorLabel(self)
        # A plain row, not a QDialogButtonBox: building one first makes PySide create all
        # ~100 enums of the ``Qt`` namespace (20-30 ms), which this first window can do without.
        self.buttons = QHBoxLayout()
        self.login_button = QPushButton(self)
        self.login_button.setDefault(True)
        self.quit_button = QPushButton(self)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.login_button)
        self.buttons.addWidget(self.quit_button)
        self.login_button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(self._quit)
        self.form = QFormLayout()
        self._name_label = QLabel(self)
        self._password_label = QLabel(self)
        self.form.addRow(self._name_label, self.name)
        self.form.addRow(self._password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.desk)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        if locked_for is not None:
            self.name.setText(locked_for.name)
            self.name.setReadOnly(True)
            self.password.setFocus()
        elif info.training:
            self.name.setText(_demo_account()[0])
            self.password.setFocus()
        self.retranslate()

    def submit(self) -> None:
        if self._checking:
            return
        name, password = self.name.text().strip(), self.password.text()
        if not name:
            self.error.show_message(self.tr("Type your staff name."))
            self.name.setFocus()
            return
        self._set_checking(True)
        self.ops.run(
            lambda desk: check_password(desk, name, password),
            on_done=self._accepted,
            on_error=self._refused,
            changes=False,
        )

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        self.login_button.setEnabled(not checking)
        self.login_button.setText(self.tr("Checking…") if checking else self.tr("Log in"))

    def _accepted(self, session: StaffSession) -> None:
        self._set_checking(False)
        if self.locked_for is not None and session.name != self.locked_for.name:
            self.error.show_message(
                self.tr("Only {name} can unlock this session.").format(name=self.locked_for.name)
            )
            return
        self.password.clear()
        self.error.show_message("")
        self.logged_in.emit(session)
        self.accept()

    def _refused(self, exc: CounterdeskError) -> None:
        self._set_checking(False)
        self.error.show_message(message_for(exc))
        self.password.clear()
        self.password.setFocus()

    def _quit(self) -> None:
        self.quit_requested.emit()
        super().reject()

    def reject(self) -> None:
        """Escape does not unlock a locked session; at start it quits."""
        if self.locked_for is None:
            self._quit()

    def retranslate(self) -> None:
        training = self.tr(" — TRAINING") if self.info.training else ""
        if self.locked_for is not None:
            self.setWindowTitle(self.tr("Session locked"))
        else:
            self.setWindowTitle(self.tr("Log in — counterdesk"))
        self.desk.setText(f"{self.info.name} ({self.info.code}){training}\n{self.info.post}")
        if self.locked_for is not None:
            self.hint.setText(
                self.tr("This session is locked. {name}, type your password to continue.").format(
                    name=self.locked_for.full_name
                )
            )
        elif self.info.training:
            self.hint.setText(
                self.tr(
                    "Training desk: practise freely, nothing is sent to the district. "
                    "Log in as {name} with password {password}."
                ).format(name=_demo_account()[0], password=_demo_account()[1])
            )
        self.hint.setVisible(self.locked_for is not None or self.info.training)
        self._name_label.setText(self.tr("Staff name"))
        self._password_label.setText(self.tr("Password"))
        self.name.setAccessibleName(self.tr("Staff name"))
        self.password.setAccessibleName(self.tr("Password"))
        self.login_button.setText(self.tr("Checking…") if self._checking else self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter: from the name to the password, from the password log in."""
        from PySide6.QtCore import Qt  # not at import: see the module's docstring

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.name.hasFocus() and not self.name.isReadOnly():
                self.password.setFocus()
            else:
                self.submit()
            return
        super().keyPressEvent(event)


def _demo_account() -> tuple[str, str]:
    """The training desk's account (loaded by the writer's probe before this is asked)."""
    from counterdesk.services.setup import DEMO_PASSWORD, DEMO_STAFF

    return DEMO_STAFF, DEMO_PASSWORD
