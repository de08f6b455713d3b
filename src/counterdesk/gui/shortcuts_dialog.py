"""Help > Keyboard shortcuts (F1): every key of the main window, and the keys that work
inside the registration form, the requests list, the print preview, the queue screen and
the office windows.

The window's keys are read from its actions (text and shortcut), so the list cannot
fall out of step with the menus; the keys inside widgets are listed here.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def key_text(sequence: QKeySequence | str) -> str:
    """A key as printed on the keyboard ("Ctrl+Shift+L", "F9", "Ctrl+Enter")."""
    key = sequence if isinstance(sequence, QKeySequence) else QKeySequence(sequence)
    text = key.toString(QKeySequence.SequenceFormat.NativeText)
    return "+".join("Enter" if part == "Return" else part for part in text.split("+"))


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(key, what it does) for each action with a shortcut, in menu order, once each."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in actions:
        key = key_text(action.shortcut())
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append((key, action.text().replace("&", "").removesuffix("…")))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = list(actions)
        self.setMinimumSize(560, 420)
        self.resize(680, 640)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.buttons = QDialogButtonBox(self)
        self.close_button = QPushButton(self)  # not a standard button: Qt's own texts are English
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.close_button.setFocus()  # Esc or Enter closes; Tab reaches the list

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, key, what it does)."""
        out = [(self.tr("Everywhere in the main window"), k, t) for k, t in self._window_rows()]
        form = self.tr("Registration form")
        out += [
            (form, key_text("Return"), self.tr("Take the service typed, move to the next input")),
            (form, key_text("Space"), self.tr("Tick the document the citizen handed in")),
            (form, key_text("Tab"), self.tr("Next input (Shift+Tab: the one before)")),
            (form, key_text("Ctrl+Return"), self.tr("Register (from any input)")),
            (form, key_text("Alt+P"), self.tr("Passport (foreign citizen) instead of a NIK")),
        ]
        requests = self.tr("Requests list")
        out += [
            (requests, key_text("Return"), self.tr("In the search box: open the receipt number")),
            (requests, key_text("Esc"), self.tr("Clear the search")),
            (requests, key_text("Up") + " / " + key_text("Down"), self.tr("Choose a request")),
        ]
        preview = self.tr("Print preview")
        out += [
            (preview, key_text(QKeySequence(QKeySequence.StandardKey.Print)), self.tr("Print")),
            (preview, key_text("Esc"), self.tr("Close")),
        ]
        queue = self.tr("Queue screen")
        out += [
            (queue, key_text("F11"), self.tr("Full screen on or off")),
            (queue, key_text("Esc"), self.tr("Leave full screen")),
        ]
        staff = self.tr("Staff accounts (administrators)")
        out += [
            (staff, key_text("Ctrl+N"), self.tr("Add an account")),
            (staff, key_text("Ctrl+D"), self.tr("Deactivate or activate the chosen account")),
            (staff, key_text("Ctrl+U"), self.tr("Unlock the chosen account")),
            (staff, key_text("Ctrl+R"), self.tr("New password for the chosen account")),
        ]
        office = self.tr("Daily report, print log, desk status")
        out += [
            (
                office,
                key_text(QKeySequence(QKeySequence.StandardKey.Print)),
                self.tr("Daily report: preview and print"),
            ),
            (office, key_text("F5"), self.tr("Read again")),
            (office, key_text("Esc"), self.tr("Close")),
        ]
        out.append((self.tr("This list"), key_text("F1"), self.tr("Keyboard shortcuts")))
        return out

    def _window_rows(self) -> list[tuple[str, str]]:
        return [(k, t) for k, t in action_rows(self._actions) if k != key_text("F1")]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(
            self.tr(
                "counterdesk can be used with the keyboard alone. Underlined letters in the "
                "menus open them with Alt."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        self.close_button.setText(self.tr("Close"))
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = self.rows()
        self.table.setRowCount(0)
        section = ""
        for where, key, what in rows:
            if where != section:
                section = where
                self._add_row(where, "", heading=True)
            self._add_row(key, what)

    def _add_row(self, key: str, what: str, *, heading: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(key)
        if heading:
            font = first.font()
            font.setBold(True)
            first.setFont(font)
            self.table.setSpan(row, 0, 1, 2)
        else:
            first.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(what))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
