"""Starting the desk app: ``counterdesk gui [--data-dir DIR] [--training-if-empty] [--lang id|en]``.

``DeskApp`` runs the flow with signals (no nested event loops, so tests can
drive it): open the desk on the writer thread -> a first-run screen, or the
training desk made at once with ``--training-if-empty`` -> login -> main
window; the session locks after ``inactivity_minutes`` without input.

Start-up is kept short: the UI thread loads only what the login window needs
(the services, SQLite and the desk's identity are loaded by the writer thread's
probe). The main window, the reader connection and the background reads come
after the login window is on screen (the warm-up: one module per event-loop
turn, so typing the password is never held up); ReportLab on the writer a few
seconds after login, QtPdf and the district exchange (httpx) on their first use.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.login_dialog import LoginDialog
from counterdesk.gui.messages import message_for
from counterdesk.gui.ops import Ops, OpsBase
from counterdesk.gui.session_choices import forget_session_choices
from counterdesk.gui.translations import LANGUAGES, Translations

if TYPE_CHECKING:
    from counterdesk.config import DeskSettings
    from counterdesk.gui.context import Context
    from counterdesk.gui.enroll_dialog import EnrollDialog
    from counterdesk.gui.first_run import FirstRunWindow
    from counterdesk.gui.inactivity import InactivityWatcher
    from counterdesk.gui.main_window import MainWindow
    from counterdesk.gui.reads import ReadsBase
    from counterdesk.services.desk import Clock, Desk, DeskInfo
    from counterdesk.services.staff import StaffSession

log = logging.getLogger(__name__)

# Loaded after the login window is shown, one per event-loop turn, in this order.
WARM_UP_MODULES = (
    "counterdesk.gui.inactivity",
    "counterdesk.gui.texts",
    "counterdesk.gui.field_widgets",
    "counterdesk.gui.identity_input",
    "counterdesk.gui.service_picker",
    "counterdesk.gui.service_info",
    "counterdesk.gui.register_result",
    "counterdesk.gui.register_form",
    "counterdesk.gui.request_model",
    "counterdesk.gui.call_banner",
    "counterdesk.gui.requests_view",
    "counterdesk.gui.reason_dialog",
    "counterdesk.gui.request_detail",
    "counterdesk.gui.outbox_status",
    "counterdesk.gui.document_printing",
    "counterdesk.gui.sync_worker",
    "counterdesk.gui.sync_actions",
    "counterdesk.gui.main_window",
)
WARM_UP_DELAY_MS = 50  # let the login window paint first
PRINTING_WARM_UP_MS = 3_000  # ReportLab, on the writer, once the main window has settled


Probe = tuple[bool, "str | None", "DeskInfo | None"]


def probe_desk(desk: Desk) -> Probe:
    """On the writer thread: is a desk set up; was its database restored or copied;
    the desk's identity for the login window."""
    from counterdesk.services.instance import check_instance

    if not desk.configured:
        return False, None, None
    return True, check_instance(desk), desk.info


def make_training_desk(desk: Desk) -> Probe:
    """On the writer thread: create the training desk in the writer's folder."""
    from counterdesk.services.setup import make_demo

    made, _created = make_demo(desk.paths.root, clock=desk.clock)
    made.close()
    desk.invalidate()
    return probe_desk(desk)


def enroll_on_writer(desk: Desk, path: str, admin: str, full_name: str, password: str) -> Probe:
    """On the writer thread: create the enrolled desk in the writer's folder."""
    from counterdesk.services.enroll import enroll, read_enrollment_file

    enroll(
        desk.paths.root,
        read_enrollment_file(Path(path)),
        admin_name=admin,
        admin_password=password,
        admin_full_name=full_name,
        clock=desk.clock,
    )
    desk.invalidate()
    return probe_desk(desk)


def warm_writer(desk: Desk) -> None:
    """On the writer thread, while the person types the password: what logging in and
    the main window use first."""
    import counterdesk.services.register
    import counterdesk.services.staff  # noqa: F401


class DeskApp(QObject):
    """The app's flow from start to quit; owns the writer, the readers, the windows."""

    stage_changed = Signal(str)  # "first_run", "login", "main", "locked", "error", "quit"
    finished = Signal(int)  # the exit code; ``run`` ends the event loop with it
    warmed_up = Signal()  # the main window's modules are loaded (tests)

    def __init__(
        self,
        root: Path,
        *,
        language: str | None = None,
        training_if_empty: bool = False,
        clock: Clock | None = None,
        inactivity_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.root = root
        self.language_arg = language
        self.training_if_empty = training_if_empty
        self.clock = clock
        self.inactivity_ms = inactivity_ms
        self.translations = Translations()
        self.ops: OpsBase = Ops(root, clock=clock)
        self.info: DeskInfo | None = None  # the desk's identity, from the writer's probe
        self.reads: ReadsBase | None = None
        self.reader: Desk | None = None  # the UI thread's connection, opened after login shows
        self.ctx: Context | None = None
        self.first_run: FirstRunWindow | None = None
        self.enroll_dialog: EnrollDialog | None = None
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.watcher: InactivityWatcher | None = None
        self.exit_code = 0
        self.stage = "starting"
        self.new_epoch_reason: str | None = None
        self._warm_up: list[Callable[[], None]] | None = None

    def _stage(self, stage: str) -> None:
        self.stage = stage
        self.stage_changed.emit(stage)

    # start -------------------------------------------------------------------
    def start(self) -> None:
        self.translations.use(self.language_arg or "id")
        self.ops.run(probe_desk, on_done=self._probed, on_error=self._fatal, changes=False)

    def _probed(self, probe: Probe) -> None:
        configured, self.new_epoch_reason, info = probe
        if configured and info is not None:
            self._open(info)
        elif self.training_if_empty:
            self.create_training()
        else:
            from counterdesk.gui.first_run import FirstRunWindow

            self.first_run = FirstRunWindow(str(self.root))
            self.first_run.training_requested.connect(self.create_training)
            self.first_run.enroll_clicked.connect(self.open_enroll_dialog)
            self.first_run.quit_requested.connect(self.quit)
            self.first_run.show()
            self._stage("first_run")

    def open_enroll_dialog(self) -> None:
        from counterdesk.gui.enroll_dialog import EnrollDialog

        self.enroll_dialog = EnrollDialog(self.first_run)
        self.enroll_dialog.enroll_requested.connect(self.create_enrolled)
        self.enroll_dialog.open()

    def create_enrolled(self, path: str, admin: str, full_name: str, password: str) -> None:
        def done(probe: Probe) -> None:
            if self.enroll_dialog is not None:
                self.enroll_dialog.accept()
                self.enroll_dialog = None
            if probe[0]:
                self._probed(probe)

        def failed(exc: CounterdeskError) -> None:
            if self.enroll_dialog is not None:
                self.enroll_dialog.show_error(message_for(exc))

        self.ops.run(
            lambda desk: enroll_on_writer(desk, path, admin, full_name, password),
            on_done=done,
            on_error=failed,
            changes=False,
        )

    def create_training(self) -> None:
        self.ops.run(
            make_training_desk,
            on_done=lambda probe: self._probed(probe) if probe[0] else None,
            on_error=self._setup_failed,
            changes=False,
        )

    def _setup_failed(self, exc: CounterdeskError) -> None:
        if self.first_run is not None:
            self.first_run.show_error(message_for(exc))
        else:
            self._fatal(exc)

    def _open(self, info: DeskInfo) -> None:
        self.info = info
        if self.first_run is not None:
            self.first_run.close_quietly()
            self.first_run = None
        self.translations.use(self.language_arg or info.settings.language)
        self._show_login()
        self._start_warm_up()

    def _show_login(self) -> None:
        info = self._fresh_info()
        self.login = LoginDialog(self.ops, info)
        self.login.logged_in.connect(self._logged_in)
        self.login.quit_requested.connect(self.quit)
        self.login.show()
        self._stage("login")

    def _fresh_info(self) -> DeskInfo:
        """The desk's identity: from the reader once it is open (settings may change)."""
        if self.reader is not None:
            self.reader.invalidate()
            self.info = self.reader.info
        assert self.info is not None
        return self.info

    # after the login window is shown -------------------------------------------
    def _start_warm_up(self) -> None:
        """Load the rest while the person types the password, a step per event-loop turn."""
        if self._warm_up is not None:
            return
        steps: list[Callable[[], None]] = [self._warm_writer, self._open_reader]
        steps += [functools.partial(_import, m) for m in WARM_UP_MODULES]
        self._warm_up = steps
        QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_step)

    def _warm_step(self) -> None:
        if not self._warm_up or self.stage == "quit":
            return
        self._warm_up.pop(0)()
        if self._warm_up:
            QTimer.singleShot(0, self, self._warm_step)
        else:
            self.warmed_up.emit()

    def _warm_writer(self) -> None:
        self.ops.run(warm_writer, changes=False, on_error=lambda _exc: None)

    def _finish_warm_up(self) -> None:
        while self._warm_up:
            self._warm_up.pop(0)()

    def _open_reader(self) -> None:
        """The UI thread's own connection and the background reads, for the main window."""
        if self.reader is not None:
            return
        from counterdesk.gui.reads import Reads
        from counterdesk.services.desk import Desk, system_clock

        try:
            self.reader = Desk.open(self.root, clock=self.clock or system_clock)
        except CounterdeskError as exc:
            self._fatal(exc)
            return
        self.reads = Reads(self.root, clock=self.clock)

    def _logged_in(self, session: StaffSession) -> None:
        from counterdesk.gui.context import Context
        from counterdesk.gui.inactivity import InactivityWatcher
        from counterdesk.gui.main_window import MainWindow

        self.login = None
        self._finish_warm_up()  # whatever the person was quicker than
        if self.reader is None or self.reads is None:
            return  # the database could not be opened: the error is shown
        self.ctx = Context(self.reader, self.ops, self.reads, session, self.translations.language)
        self.window = MainWindow(self.ctx)
        self.window.lock_requested.connect(self.lock)
        self.window.logout_requested.connect(self.logout)
        self.window.quit_requested.connect(self.quit)
        self.window.language_requested.connect(self.set_language)
        self.window.settings_saved.connect(self._settings_saved)
        self.window.show()
        if self.new_epoch_reason:
            self.window.show_new_epoch(self.new_epoch_reason)
            self.new_epoch_reason = None
        if self.watcher is None:
            self.watcher = InactivityWatcher(self._inactivity_timeout(), self)
            self.watcher.idle.connect(self.lock)
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self.watcher)
        self.watcher.start()
        self._stage("main")
        self.window.register.start_new()
        QTimer.singleShot(PRINTING_WARM_UP_MS, self, self._warm_printing)

    def _warm_printing(self) -> None:
        """The first receipt should not wait for ReportLab to load."""
        if self.stage in ("main", "locked") and "counterdesk.printing" not in sys.modules:
            from counterdesk.gui.document_printing import warm_printing

            self.ops.run(warm_printing, changes=False, on_error=lambda _exc: None)

    def _inactivity_timeout(self) -> int:
        if self.inactivity_ms is not None:
            return self.inactivity_ms
        assert self.reader is not None
        return self.reader.info.settings.inactivity_minutes * 60_000

    def _settings_saved(self, _settings: DeskSettings) -> None:
        if self.reader is not None:
            self.reader.invalidate()
        if self.watcher is not None:
            self.watcher.timer.setInterval(max(1, self._inactivity_timeout()))
            self.watcher.start()

    # logout --------------------------------------------------------------------
    def logout(self) -> None:
        """Another staff member takes the counter: back to the login, nothing kept."""
        if self.window is None or self.stage != "main":
            return
        if self.watcher is not None:
            self.watcher.stop()
        forget_session_choices()
        window, self.window, self.ctx = self.window, None, None
        window.close_quietly()
        window.deleteLater()
        self._show_login()

    # lock --------------------------------------------------------------------
    def lock(self) -> None:
        if self.window is None or self.ctx is None or self.window.locked:
            return
        if self.watcher is not None:
            self.watcher.stop()
        self.window.set_locked(True)
        self.login = LoginDialog(
            self.ops, self._fresh_info(), locked_for=self.ctx.session, parent=self.window
        )
        self.login.logged_in.connect(self._unlocked)
        self.login.quit_requested.connect(self.quit)
        self.login.open()
        self._stage("locked")

    def _unlocked(self, _session: StaffSession) -> None:
        self.login = None
        if self.window is not None:
            self.window.set_locked(False)
        if self.watcher is not None:
            self.watcher.start()
        self._stage("main")

    # language ----------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            return
        if self.ctx is not None:
            self.ctx.language = language
        self.translations.use(language)

    # end ---------------------------------------------------------------------
    def _fatal(self, exc: CounterdeskError) -> None:
        log.error("cannot start: %s", exc)
        self.exit_code = 1
        self._stage("error")
        box = QMessageBox(QMessageBox.Icon.Critical, "counterdesk", message_for(exc))
        box.setInformativeText(str(exc) if message_for(exc) != str(exc) else "")
        box.finished.connect(lambda _: self.quit())
        box.open()
        self.error_box = box

    def quit(self) -> None:
        if self.stage == "quit":
            return
        self._stage("quit")
        self._warm_up = None
        forget_session_choices()
        app = QCoreApplication.instance()
        if self.watcher is not None and app is not None:
            app.removeEventFilter(self.watcher)
            self.watcher.stop()
        for w in (self.login, self.first_run):
            if w is not None:
                w.hide()
        if self.window is not None:
            self.window.close_quietly()
        self.shutdown()
        self.finished.emit(self.exit_code)

    def shutdown(self) -> None:
        """Finish pending writes, close every connection on its own thread."""
        self.ops.shutdown()
        if self.reads is not None:
            self.reads.shutdown()
        if self.reader is not None:
            self.reader.close()
            self.reader = None


def _import(module: str) -> None:
    importlib.import_module(module)


def parse_args(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="counterdesk gui", description="the desk app")
    parser.add_argument("--data-dir", metavar="DIR", help="desk data folder")
    parser.add_argument(
        "--training-if-empty",
        action="store_true",
        help="with no desk set up, create the training desk (account demo / demo)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the desk's)")
    return parser.parse_known_args(args)


def make_application(qt_args: list[str]) -> QApplication:
    """The QApplication as the desk app wants it (name, icon, a readable font)."""
    from PySide6.QtGui import QIcon

    from counterdesk.resources import resource_path

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("counterdesk")
    icon = resource_path("icons", "counterdesk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    app.setQuitOnLastWindowClosed(False)
    font = app.font()
    if font.pointSize() < 10:
        font.setPointSize(10)
        app.setFont(font)
    return app


def run(args: list[str]) -> int:
    from counterdesk.config import data_dir

    opts, qt_args = parse_args(args)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = make_application(qt_args)
    desk_app = DeskApp(
        data_dir(opts.data_dir), language=opts.lang, training_if_empty=opts.training_if_empty
    )
    desk_app.finished.connect(app.exit)
    desk_app.start()
    code = app.exec()
    desk_app.shutdown()
    return desk_app.exit_code or code
