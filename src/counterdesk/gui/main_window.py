"""The desk's main window: registration and the requests (list + detail), with
the outbox and the TRAINING badge always in the status bar.

Keyboard: F2 new registration, F3 search, F5 refresh, Ctrl+Enter register,
F6 print the letter or referral slip, F7 print the receipt, F8 print the ticket
(of the registration just made, or of the request shown), F9 call the next
ticket, Shift+F9 call the shown ticket again, Ctrl+U USB exchange,
Ctrl+Shift+S sync now, Ctrl+L lock, Ctrl+Shift+L log out, Ctrl+Q quit,
F1 the list of keyboard shortcuts (Help menu).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.roles import Role
from counterdesk.gui import texts
from counterdesk.gui.context import Context
from counterdesk.gui.document_printing import DocumentPrinting
from counterdesk.gui.messages import message_for
from counterdesk.gui.outbox_status import OutboxStatus
from counterdesk.gui.register_form import RegisterForm
from counterdesk.gui.request_detail import RequestDetail
from counterdesk.gui.requests_view import RequestsView
from counterdesk.gui.sync_actions import SyncActions
from counterdesk.services.requests import RequestView, get_request

if TYPE_CHECKING:  # made on first use
    from counterdesk.config import DeskSettings
    from counterdesk.gui.complaints_dialog import ComplaintsDialog
    from counterdesk.gui.help_manual import ManualDialog
    from counterdesk.gui.queue_display import QueueDisplay
    from counterdesk.gui.settings_dialog import SettingsDialog
    from counterdesk.gui.shortcuts_dialog import ShortcutsDialog

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


class MainWindow(QMainWindow):
    lock_requested = Signal()
    logout_requested = Signal()
    quit_requested = Signal()
    language_requested = Signal(str)
    settings_saved = Signal(object)  # DeskSettings

    def __init__(
        self,
        ctx: Context,
        *,
        printing: Callable[[Context, QWidget], DocumentPrinting] = DocumentPrinting,
        sync: Callable[[Context, QWidget], SyncActions] = SyncActions,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._quitting = False
        self.queue_display: QueueDisplay | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.complaints_dialog: ComplaintsDialog | None = None
        self.office_dialog: QDialog | None = None  # the office window open (menu Office)
        self.manual_dialog: ManualDialog | None = None
        self.printing = printing(ctx, self)
        self.sync = sync(ctx, self)
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
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.setMaximumWidth(90)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addWidget(self.staff)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.sync.note)
        self.statusBar().addPermanentWidget(self.outbox)
        self._make_actions()
        self.requests.current_changed.connect(self.detail.show_request)
        self.detail.print_requested.connect(self.printing.preview)
        self.detail.called.connect(lambda view: self.requests.show_called(view))
        self.register.result.print_requested.connect(self.printing.preview)
        self.register.registered.connect(self._registered)
        self.printing.busy_changed.connect(self.detail.set_print_busy)
        self.printing.busy_changed.connect(self.register.result.set_print_busy)
        for source in (self.printing, self.sync):
            source.busy_changed.connect(self._update_progress)
            source.status.connect(self._note)
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
        self.print_letter_action = action("F6", lambda: self.print_document("letter"))
        self.print_receipt_action = action("F7", lambda: self.print_document("receipt"))
        self.print_ticket_action = action("F8", lambda: self.print_document("ticket"))
        self.call_next_action = action("F9", self.call_next)
        self.call_again_action = action("Shift+F9", self.detail.request_call_again)
        self.settings_action = action("", self.open_settings)
        self.queue_display_action = action("", self.open_queue_display)
        self.complaints_action = action("Ctrl+K", self.open_complaints)
        self.info_sheet_action = action("Ctrl+I", self.print_info_sheet)
        self.lock_action = action("Ctrl+L", self.lock_requested)
        self.logout_action = action("Ctrl+Shift+L", self.logout_requested)
        self.quit_action = action("Ctrl+Q", self.close)
        self.shortcuts_action = action("F1", self.show_shortcuts)
        self.manual_action = action("Ctrl+F1", self.show_manual)
        self.daily_report_action = action("Ctrl+R", lambda: self.open_office("daily_report"))
        self.print_log_action = action("Ctrl+Shift+P", lambda: self.open_office("print_log"))
        self.status_action = action("Ctrl+Shift+D", lambda: self.open_office("status"))
        self.staff_action = action("Ctrl+Shift+A", lambda: self.open_office("staff"))
        self.desk_menu = self.menuBar().addMenu("")
        self.desk_menu.setToolTipsVisible(True)
        for a in (self.new_action, self.search_action, self.refresh_action):
            self.desk_menu.addAction(a)
        self.desk_menu.addSeparator()
        for a in (
            self.print_receipt_action,
            self.print_ticket_action,
            self.print_letter_action,
            self.info_sheet_action,
        ):
            self.desk_menu.addAction(a)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.complaints_action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.settings_action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.lock_action)
        self.desk_menu.addAction(self.logout_action)
        self.desk_menu.addAction(self.quit_action)
        self.queue_menu = self.menuBar().addMenu("")
        self.queue_menu.addAction(self.call_next_action)
        self.queue_menu.addAction(self.call_again_action)
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_menu.setToolTipsVisible(True)
        for a in (self.sync.usb_action, self.sync.sync_action, self.sync.url_action):
            self.sync_menu.addAction(a)
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addAction(self.queue_display_action)
        self.office_menu = self.menuBar().addMenu("")
        self.office_menu.setToolTipsVisible(True)
        for a in (self.daily_report_action, self.print_log_action, self.status_action):
            self.office_menu.addAction(a)
        self.office_menu.addSeparator()
        self.office_menu.addAction(self.staff_action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.toggleViewAction().setVisible(False)
        for a in (self.call_next_action, self.print_receipt_action, self.print_ticket_action):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        for a in (self.sync.usb_action, self.sync.sync_action):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.queue_display_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
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
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.manual_action)

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

    # printing, the queue, settings -------------------------------------------------
    def print_document(self, kind: str) -> None:
        """F6/F7/F8: of the registration just made (Registration tab), else of the request shown."""
        if self.locked:
            return
        if self.tabs.currentWidget() is self.register:
            view = self.register.result.view
            if kind != "letter" and view is not None and self.register.result.isVisible():
                self.printing.preview(kind, view.receipt)
            return
        self.detail.request_print(kind)

    def _registered(self, view: RequestView) -> None:
        if self.ctx.reader.info.settings.print_on_register:
            self.printing.print_now(["receipt", "ticket"], view.receipt)

    def call_next(self) -> None:
        if self.locked:
            return
        self.tabs.setCurrentWidget(self.split)
        self.requests.call_next()

    @property
    def is_admin(self) -> bool:
        return self.ctx.session.role.includes(Role.ADMIN)

    def open_settings(self) -> None:
        if not self.is_admin or self.locked:
            return
        from counterdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._settings_saved)
        dialog.finished.connect(lambda _r: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self, settings: DeskSettings) -> None:
        self.ctx.reader.invalidate()
        self.retranslate()
        self.refresh()
        self.statusBar().showMessage(self.tr("Settings saved."), 8_000)
        self.settings_saved.emit(settings)

    def print_info_sheet(self) -> None:
        """Ctrl+I: the wall information sheet of the service chosen in the registration
        form, or of every service (one page each) when none is chosen."""
        if self.locked:
            return
        service = self.register.info.service if self.tabs.currentWidget() is self.register else None
        self.printing.preview_info_sheet(service.code if service is not None else None)

    def open_complaints(self) -> None:
        """Ctrl+K: complaints; about the request shown in Requests when that tab is open."""
        from counterdesk.gui.complaints_dialog import ComplaintsDialog

        if self.locked:
            return
        request = self.detail.view if self.tabs.currentWidget() is self.split else None
        dialog = ComplaintsDialog(self.ctx, request, self)
        dialog.changed.connect(lambda: self.detail.show_request(self.detail.view))
        dialog.finished.connect(dialog.deleteLater)
        self.complaints_dialog = dialog
        dialog.open()

    def open_queue_display(self) -> None:
        if self.queue_display is None:
            from counterdesk.gui.queue_display import QueueDisplay

            self.queue_display = QueueDisplay(self.ctx, self)
        self.queue_display.open()

    def open_office(self, which: str) -> None:
        """Menu Office: the daily report, the print log, the desk status, staff accounts
        (administrators only). One office window at a time (window-modal)."""
        if self.locked or (which == "staff" and not self.is_admin):
            return
        if self.office_dialog is not None:
            self.office_dialog.raise_()
            self.office_dialog.activateWindow()
            return
        from counterdesk.gui.office import open_office_dialog

        dialog = open_office_dialog(which, self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "office_dialog", None))
        self.office_dialog = dialog
        dialog.open()

    def show_manual(self) -> None:
        """Help > Manual (Ctrl+F1): the short manual in the UI language."""
        from counterdesk.gui.help_manual import ManualDialog

        if self.manual_dialog is None:
            dialog = ManualDialog(self.ctx, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _r: setattr(self, "manual_dialog", None))
            self.manual_dialog = dialog
        self.manual_dialog.show()
        self.manual_dialog.raise_()
        self.manual_dialog.activateWindow()

    def show_shortcuts(self) -> None:
        """F1: the keyboard shortcuts, the window's read from its menus."""
        from counterdesk.gui.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.raise_()
            self.shortcuts_dialog.activateWindow()
            return
        menus = (self.desk_menu, self.queue_menu, self.sync_menu, self.view_menu, self.office_menu)
        actions = [a for m in menus for a in m.actions() if a.isVisible()] + [self.manual_action]
        dialog = ShortcutsDialog(actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "shortcuts_dialog", None))
        self.shortcuts_dialog = dialog
        dialog.open()

    def _update_progress(self) -> None:
        self.progress.setVisible(self.printing.busy or self.sync.busy)

    def _note(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 15_000)
        else:
            self.statusBar().clearMessage()

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
        if locked and self.office_dialog is not None:  # staff accounts: not for whoever comes
            self.office_dialog.reject()
        self.pages.setCurrentWidget(self.locked_page if locked else self.tabs)
        self.menuBar().setEnabled(not locked)
        self.toolbar.setEnabled(not locked)
        for a in (
            self.new_action,
            self.search_action,
            self.refresh_action,
            self.lock_action,
            self.logout_action,
            self.print_letter_action,
            self.print_receipt_action,
            self.print_ticket_action,
            self.call_next_action,
            self.call_again_action,
            self.queue_display_action,
            self.daily_report_action,
            self.print_log_action,
            self.status_action,
        ):
            a.setEnabled(not locked)
        self.settings_action.setEnabled(not locked and self.is_admin)
        self.staff_action.setEnabled(not locked and self.is_admin)
        self.sync.set_enabled(not locked)

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
        self.queue_menu.setTitle(self.tr("&Queue"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("Keyboard shortcuts"))
        self.manual_action.setText(self.tr("Manual"))
        self.office_menu.setTitle(self.tr("&Office"))
        self.daily_report_action.setText(self.tr("Daily report…"))
        self.daily_report_action.setToolTip(self.tr("The day's figures; preview and print"))
        self.print_log_action.setText(self.tr("Print log…"))
        self.print_log_action.setToolTip(self.tr("What was printed, by whom, and reprints"))
        self.status_action.setText(self.tr("Desk status…"))
        self.status_action.setToolTip(self.tr("Requests, changes not yet sent, the last sync"))
        self.staff_action.setText(self.tr("Staff accounts…"))
        self.staff_action.setToolTip(self.tr("Add, deactivate, unlock, new password"))
        self.staff_action.setVisible(self.is_admin)
        self.staff_action.setEnabled(self.is_admin and not self.locked)
        self.new_action.setText(self.tr("New registration"))
        self.search_action.setText(self.tr("Search requests"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.print_receipt_action.setText(self.tr("Print receipt"))
        self.print_receipt_action.setIconText(self.tr("Print receipt (F7)"))
        self.print_ticket_action.setText(self.tr("Print ticket"))
        self.print_ticket_action.setIconText(self.tr("Print ticket (F8)"))
        self.print_letter_action.setText(self.tr("Print letter or referral slip"))
        for a in (self.print_receipt_action, self.print_ticket_action):
            a.setToolTip(
                self.tr("Of the registration just made, or of the request shown in Requests")
            )
        self.call_next_action.setText(self.tr("Call next"))
        self.call_next_action.setIconText(self.tr("Call next (F9)"))
        self.call_next_action.setToolTip(
            self.tr("Call the oldest waiting ticket of today to this counter (F9)")
        )
        self.call_again_action.setText(self.tr("Call the shown ticket again"))
        self.settings_action.setText(self.tr("Settings…"))
        self.settings_action.setEnabled(self.is_admin and not self.locked)
        self.settings_action.setToolTip(
            self.tr("Printers, the desk, letters")
            if self.is_admin
            else self.tr("Only an administrator can change the desk settings.")
        )
        self.info_sheet_action.setText(self.tr("Service information sheet…"))
        self.info_sheet_action.setToolTip(
            self.tr(
                "The service standard as one page for the wall: the service chosen in the"
                " registration form, or every service"
            )
        )
        self.complaints_action.setText(self.tr("Complaints…"))
        self.complaints_action.setToolTip(
            self.tr("Record complaints and their answers (about the shown request, or a service)")
        )
        self.queue_display_action.setText(self.tr("Queue screen"))
        self.queue_display_action.setToolTip(
            self.tr("The waiting-room screen: called tickets, large (F11 full screen)")
        )
        self.lock_action.setText(self.tr("Lock session"))
        self.logout_action.setText(self.tr("Log out (change staff)"))
        self.quit_action.setText(self.tr("Quit"))
        self.sync.retranslate()
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
        self.sync.shutdown()
        if self.queue_display is not None:
            self.queue_display.close()
        super().closeEvent(event)
