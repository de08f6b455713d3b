"""Office > Staff accounts (administrators only): the desk's accounts; add one, deactivate
or activate one, lift a lockout, give a new password. Every change goes through the
writer ops to ``services.staff`` (which checks the role and the password rule again).

Keys: Ctrl+N add, Ctrl+D deactivate/activate, Ctrl+U unlock, Ctrl+R new password,
Esc close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.roles import Role
from counterdesk.gui import texts
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import label_name
from counterdesk.gui.messages import message_for
from counterdesk.gui.office.table import RowsTable
from counterdesk.services.desk import Desk
from counterdesk.services.staff import (
    add_staff,
    list_staff,
    reset_password,
    set_staff_active,
    unlock_staff,
)

StaffRow = dict[str, Any]


def staff_message(exc: CounterdeskError) -> str:
    """The error in the UI language: the staff codes here, the others from ``messages``."""
    own = {
        "staff_exists": QCoreApplication.translate(
            "StaffDialog", "An account with this name already exists."
        ),
        "staff_unknown": QCoreApplication.translate(
            "StaffDialog", "There is no such account at this desk."
        ),
        "staff_district": QCoreApplication.translate(
            "StaffDialog", "The district manages this account; ask the district to change it."
        ),
        "staff_self": QCoreApplication.translate(
            "StaffDialog", "You cannot change your own account here; ask another administrator."
        ),
        "password_mismatch": QCoreApplication.translate(
            "StaffDialog", "The two passwords are not the same."
        ),
    }
    return own.get(exc.code) or message_for(exc)


class PasswordFields(QWidget):
    """A new password typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)

    def value(self) -> str:
        if self.password.text() != self.repeat.text():
            raise CounterdeskError("the passwords differ", code="password_mismatch")
        return self.password.text()


class AccountDialog(QDialog):
    """Add an account (name, full name, role, NIP, password) or only give a new password.

    OK asks (``submitted``); the dialog closes when the change was saved, and shows why
    not otherwise."""

    submitted = Signal()

    def __init__(self, parent: QWidget, *, name: str | None = None) -> None:
        super().__init__(parent)
        self.reset_for = name  # None: a new account
        self.name = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(texts.role_label(role.value), role.value)
        self.nip = QLineEdit(self)
        self.passwords = PasswordFields(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        form = QFormLayout()
        self.labels: list[tuple[QLabel, str]] = []

        def row(text: str, widget: QWidget) -> None:
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels.append((label, text))
            form.addRow(label, widget)

        if name is None:
            row(self.tr("Login &name:"), self.name)
            row(self.tr("&Full name:"), self.full_name)
            row(self.tr("&Role:"), self.role)
            row(self.tr("N&IP (optional):"), self.nip)
        else:  # only the password: the account's other inputs are not shown
            for widget in (self.name, self.full_name, self.role, self.nip):
                widget.hide()
        row(self.tr("New &password:"), self.passwords.password)
        row(self.tr("Password &again:"), self.passwords.repeat)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submitted)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for label, text in self.labels:
            label.setText(text)
            label.buddy().setAccessibleName(label_name(text))
        if name is None:
            self.setWindowTitle(self.tr("Add a staff account"))
            self.ok_button.setText(self.tr("Add"))
            self.name.setFocus()
        else:
            self.setWindowTitle(self.tr("New password for {name}").format(name=name))
            self.ok_button.setText(self.tr("Set password"))
            self.passwords.password.setFocus()
        self.cancel_button.setText(self.tr("Cancel"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class StaffDialog(QDialog):
    changed = Signal()  # after a change was saved

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[StaffRow] = []
        self.account_dialog: AccountDialog | None = None
        self.resize(820, 440)
        self.table = RowsTable(5, self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.active_button = QPushButton(self)
        self.unlock_button = QPushButton(self)
        self.password_button = QPushButton(self)
        self.close_button = QPushButton(self)
        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.active_button,
            self.unlock_button,
            self.password_button,
        ):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.close_button)
        self.add_button.clicked.connect(self.add_account)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.password_button.clicked.connect(self.new_password)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setAutoDefault(False)
        self.shortcuts: list[QShortcut] = []
        for key, slot in (
            ("Ctrl+N", self.add_account),
            ("Ctrl+D", self.toggle_active),
            ("Ctrl+U", self.unlock),
            ("Ctrl+R", self.new_password),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self.refresh()
        self.table.setFocus()

    # reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.reads.run(
            "office-staff",
            list_staff,
            on_done=self._show,
            on_error=lambda exc: self.status.setText(staff_message(exc)),
        )

    def _show(self, rows: list[StaffRow]) -> None:
        self.rows = rows
        self.table.set_rows([self.row_texts(r) for r in rows])
        self._update_buttons()

    def row_texts(self, r: StaffRow) -> list[str]:
        state = [self.tr("active") if r["active"] else self.tr("deactivated")]
        if r["locked"]:
            state.append(self.tr("locked"))
        source = self.tr("district") if r.get("source") == "district" else self.tr("this desk")
        return [
            str(r["name"]),
            str(r["full_name"]),
            texts.role_label(str(r["role"])),
            ", ".join(state),
            source,
        ]

    def selected(self) -> StaffRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[row]
        return None

    def select_account(self, name: str) -> None:
        for i, r in enumerate(self.rows):
            if r["name"] == name:
                self.table.selectRow(i)
                return

    def _update_buttons(self) -> None:
        r = self.selected()
        editable = r is not None and r.get("source", "local") != "district"
        mine = r is not None and r["name"] == self.ctx.session.name
        self.active_button.setEnabled(editable and not mine)
        self.password_button.setEnabled(editable and not mine)
        self.unlock_button.setEnabled(r is not None and bool(r["locked"]))
        self.active_button.setText(
            self.tr("&Activate (Ctrl+D)")
            if r is not None and not r["active"]
            else self.tr("&Deactivate (Ctrl+D)")
        )

    # changing ----------------------------------------------------------------------
    def _write(self, fn: Callable[[Desk], object], done_text: str, name: str) -> None:
        def done(_result: object) -> None:
            self.status.setText(done_text)
            self.changed.emit()
            self.refresh()
            self.select_account(name)

        self.ctx.ops.run(
            fn, on_done=done, on_error=lambda exc: self.status.setText(staff_message(exc))
        )

    def toggle_active(self) -> None:
        r = self.selected()
        if r is None or not self.active_button.isEnabled():
            return
        name, active = str(r["name"]), not r["active"]
        session = self.ctx.session
        self._write(
            lambda desk: set_staff_active(desk, session, name, active),
            (
                self.tr("{name} can log in again.")
                if active
                else self.tr("{name} can no longer log in.")
            ).format(name=name),
            name,
        )

    def unlock(self) -> None:
        r = self.selected()
        if r is None or not r["locked"]:
            return
        name, session = str(r["name"]), self.ctx.session
        self._write(
            lambda desk: unlock_staff(desk, session, name),
            self.tr("{name} is unlocked.").format(name=name),
            name,
        )

    def add_account(self) -> None:
        self._open_account(None)

    def new_password(self) -> None:
        r = self.selected()
        if r is None or not self.password_button.isEnabled():
            return
        self._open_account(str(r["name"]))

    def _open_account(self, name: str | None) -> None:
        dialog = AccountDialog(self, name=name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.account_dialog = dialog
        dialog.submitted.connect(lambda: self._save_account(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "account_dialog", None))
        dialog.open()

    def _save_account(self, dialog: AccountDialog) -> None:
        try:
            password = dialog.passwords.value()
        except CounterdeskError as exc:
            dialog.show_error(staff_message(exc))
            return
        session = self.ctx.session
        name = dialog.reset_for
        if name is None:
            new = dialog.name.text().strip().lower()
            full_name = dialog.full_name.text()
            role = Role(dialog.role.currentData())
            nip = dialog.nip.text()

            def write(desk: Desk) -> object:
                add_staff(
                    desk,
                    session,
                    name=new,
                    full_name=full_name,
                    role=role,
                    password=password,
                    nip=nip,
                )
                return None

            done_text = self.tr("Account {name} added.").format(name=new)
            target = new
        else:
            target = name

            def write(desk: Desk) -> object:
                reset_password(desk, session, target, password)
                return None

            done_text = self.tr("{name} has a new password.").format(name=target)

        def done(_result: object) -> None:
            dialog.done(QDialog.DialogCode.Accepted)
            self.status.setText(done_text)
            self.changed.emit()
            self.refresh()
            self.select_account(target)

        self.ctx.ops.run(
            write, on_done=done, on_error=lambda exc: dialog.show_error(staff_message(exc))
        )

    # texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff accounts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Login name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Managed by"),
            ]
        )
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.add_button.setText(self.tr("&Add… (Ctrl+N)"))
        self.unlock_button.setText(self.tr("&Unlock (Ctrl+U)"))
        self.password_button.setText(self.tr("New &password… (Ctrl+R)"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
        if self.rows:
            self._show(self.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
