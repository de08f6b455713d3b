"""The desk's main window: registration and the requests (list + detail), with
the outbox and the TRAINING badge always in the status bar.

Keyboard: F2 new registration, F3 search, F5 refresh, Ctrl+Enter register,
Ctrl+L lock, Ctrl+Q quit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui import texts
from counterdesk.gui.context import Context
from counterdesk.gui.messages import message_for
from counterdesk.gui.outbox_status import OutboxStatus
from counterdesk.gui.register_form import RegisterForm
from counterdesk.gui.request_detail import RequestDetail
from counterdesk.gui.requests_view import RequestsView
from counterdesk.services.requests import RequestView, get_request

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self._quitting = False
        self.register = RegisterForm(ctx, self)
        self.requests = RequestsView(ctx, self)
        self.detail = RequestDetail(ctx, self)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.requests)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([860, 420])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.register, "")
        self.tabs.addTab(self.split, "")
        self.tabs.currentChanged.connect(self._on_tab)
        self.locked_page = QLabel(self)
        self.locked_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.locked_page.setStyleSheet("font-size: 16pt; color: #555555;")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.locked_page)
        self.training_banner = QLabel(self)
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setStyleSheet(
            "background: #c62828; color: white; font-weight: bold; padding: 3px;"
        )
        self.training_banner.setVisible(ctx.reader.info.training)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.training_banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.staff = QLabel(self)
        self.outbox = OutboxStatus(ctx, self)
        self.statusBar().addWidget(self.staff)
        self.statusBar().addPermanentWidget(self.outbox)
        self._make_actions()
        self.requests.current_changed.connect(self.detail.show_request)
        ctx.ops.changed.connect(self.requests.refresh)
        ctx.ops.failed.connect(self._op_failed)
        self.resize(1280, 720)
        self.retranslate()
        self.requests.refresh()

    # actions -----------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(key: str | QKeySequence.StandardKey, slot: object) -> QAction:
            a = QAction(self)
            a.setShortcut(QKeySequence(key))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.new_action = action("F2", self.new_registration)
        self.search_action = action("F3", self.search)
        self.refresh_action = action("F5", self.refresh)
        self.lock_action = action("Ctrl+L", self.lock_requested)
        self.quit_action = action("Ctrl+Q", self.close)
        self.desk_menu = self.menuBar().addMenu("")
        for a in (self.new_action, self.search_action, self.refresh_action):
            self.desk_menu.addAction(a)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.lock_action)
        self.desk_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            a = QAction(name, self, checkable=True)
            a.setChecked(code == self.ctx.language)
            a.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            group.addAction(a)
            self.language_menu.addAction(a)
            self.language_actions[code] = a

    def new_registration(self) -> None:
        self.tabs.setCurrentWidget(self.register)
        self.register.start_new()

    def search(self) -> None:
        self.tabs.setCurrentWidget(self.split)
        self.requests.focus_search()

    def refresh(self) -> None:
        self.requests.refresh()
        self.outbox.refresh()
        if self.detail.view is not None:
            try:
                view: RequestView | None = get_request(self.ctx.reader, self.detail.view.receipt)
            except CounterdeskError:
                view = None
            self.detail.show_request(view)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.split:
            self.requests.refresh()

    def show_new_epoch(self, reason: str) -> None:
        """The database was restored from a backup or copied from another PC."""
        if reason == "copied":
            text = self.tr("This desk's database was copied from another computer.")
        else:
            text = self.tr("This desk's database was restored from a backup.")
        text += " " + self.tr("Receipt numbers continue in a new series, so none is used twice.")
        self.statusBar().showMessage(text, 60_000)

    def _op_failed(self, exc: CounterdeskError) -> None:
        self.statusBar().showMessage(message_for(exc), 15_000)

    # locking -----------------------------------------------------------------
    def set_locked(self, locked: bool) -> None:
        """Hide everything on screen (names, NIKs) while the session is locked."""
        self.pages.setCurrentWidget(self.locked_page if locked else self.tabs)
        self.menuBar().setEnabled(not locked)
        for a in (self.new_action, self.search_action, self.refresh_action, self.lock_action):
            a.setEnabled(not locked)

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.locked_page

    # texts -------------------------------------------------------------------
    def retranslate(self) -> None:
        info = self.ctx.reader.info
        title = f"counterdesk — {info.name} ({info.code})"
        if info.training:
            title += " — " + self.tr("TRAINING")
        self.setWindowTitle(title)
        self.training_banner.setText(
            self.tr("TRAINING DESK — practice data, never sent to the district")
        )
        self.tabs.setTabText(0, self.tr("Registration (F2)"))
        self.tabs.setTabText(1, self.tr("Requests (F3)"))
        self.locked_page.setText(self.tr("Session locked"))
        s = self.ctx.session
        self.staff.setText(
            self.tr("Staff: {name} ({role})").format(
                name=s.full_name, role=texts.role_label(s.role.value)
            )
        )
        self.desk_menu.setTitle(self.tr("&Desk"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.new_action.setText(self.tr("New registration"))
        self.search_action.setText(self.tr("Search requests"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.lock_action.setText(self.tr("Lock session"))
        self.quit_action.setText(self.tr("Quit"))
        for code, a in self.language_actions.items():
            a.setChecked(code == self.ctx.language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def close_quietly(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting:
            self.quit_requested.emit()
        super().closeEvent(event)
