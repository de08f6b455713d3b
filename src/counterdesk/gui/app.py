"""Starting the desk app: ``counterdesk gui [--data-dir DIR] [--training-if-empty] [--lang id|en]``.

``DeskApp`` runs the flow with signals (no nested event loops, so tests can
drive it): open the desk on the writer thread -> a first-run screen, or the
training desk made at once with ``--training-if-empty`` -> login -> main
window; the session locks after ``inactivity_minutes`` without input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from counterdesk.config import DeskSettings, data_dir
from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.context import Context
from counterdesk.gui.first_run import FirstRunWindow
from counterdesk.gui.inactivity import InactivityWatcher
from counterdesk.gui.login_dialog import LoginDialog
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.messages import message_for
from counterdesk.gui.ops import Ops, OpsBase
from counterdesk.gui.print_preview import forget_session_choices
from counterdesk.gui.reads import Reads, ReadsBase
from counterdesk.gui.translations import LANGUAGES, Translations
from counterdesk.resources import resource_path
from counterdesk.services.desk import Clock, Desk, system_clock
from counterdesk.services.instance import check_instance
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import StaffSession

log = logging.getLogger(__name__)


def probe_desk(desk: Desk) -> tuple[bool, str | None]:
    """On the writer thread: is a desk set up; was its database restored or copied?"""
    if not desk.configured:
        return False, None
    return True, check_instance(desk)


def make_training_desk(desk: Desk) -> bool:
    """On the writer thread: create the training desk in the writer's folder."""
    made, created = make_demo(desk.paths.root, clock=desk.clock)
    made.close()
    desk.invalidate()
    return created


class DeskApp(QObject):
    """The app's flow from start to quit; owns the writer, the readers, the windows."""

    stage_changed = Signal(str)  # "first_run", "login", "main", "locked", "error", "quit"
    finished = Signal(int)  # the exit code; ``run`` ends the event loop with it

    def __init__(
        self,
        root: Path,
        *,
        language: str | None = None,
        training_if_empty: bool = False,
        clock: Clock = system_clock,
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
        self.reads: ReadsBase | None = None
        self.reader: Desk | None = None
        self.ctx: Context | None = None
        self.first_run: FirstRunWindow | None = None
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.watcher: InactivityWatcher | None = None
        self.exit_code = 0
        self.stage = "starting"
        self.new_epoch_reason: str | None = None

    def _stage(self, stage: str) -> None:
        self.stage = stage
        self.stage_changed.emit(stage)

    # start -------------------------------------------------------------------
    def start(self) -> None:
        self.translations.use(self.language_arg or "id")
        self.ops.run(probe_desk, on_done=self._probed, on_error=self._fatal, changes=False)

    def _probed(self, probe: tuple[bool, str | None]) -> None:
        configured, self.new_epoch_reason = probe
        if configured:
            self._open()
        elif self.training_if_empty:
            self.create_training()
        else:
            self.first_run = FirstRunWindow(str(self.root))
            self.first_run.training_requested.connect(self.create_training)
            self.first_run.quit_requested.connect(self.quit)
            self.first_run.show()
            self._stage("first_run")

    def create_training(self) -> None:
        self.ops.run(
            make_training_desk, on_done=lambda _: self._open(), on_error=self._setup_failed
        )

    def _setup_failed(self, exc: CounterdeskError) -> None:
        if self.first_run is not None:
            self.first_run.show_error(message_for(exc))
        else:
            self._fatal(exc)

    def _open(self) -> None:
        try:
            self.reader = Desk.open(self.root, clock=self.clock)
            info = self.reader.info
        except CounterdeskError as exc:
            self._fatal(exc)
            return
        if self.first_run is not None:
            self.first_run.close_quietly()
            self.first_run = None
        language = self.language_arg or info.settings.language
        self.translations.use(language)
        self.reads = Reads(self.root, clock=self.clock)
        self._show_login()

    def _show_login(self) -> None:
        assert self.reader is not None
        self.reader.invalidate()
        self.login = LoginDialog(self.ops, self.reader.info)
        self.login.logged_in.connect(self._logged_in)
        self.login.quit_requested.connect(self.quit)
        self.login.show()
        self._stage("login")

    def _logged_in(self, session: StaffSession) -> None:
        assert self.reader is not None and self.reads is not None
        self.login = None
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
        assert self.reader is not None
        self.login = LoginDialog(
            self.ops, self.reader.info, locked_for=self.ctx.session, parent=self.window
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


def run(args: list[str]) -> int:
    opts, qt_args = parse_args(args)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
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
    desk_app = DeskApp(
        data_dir(opts.data_dir), language=opts.lang, training_if_empty=opts.training_if_empty
    )
    desk_app.finished.connect(app.exit)
    desk_app.start()
    code = app.exec()
    desk_app.shutdown()
    return desk_app.exit_code or code
