"""Exchanging data with the district from the app: a USB stick, or HTTP now / every few
minutes.

USB (Ctrl+U): the stick's folder is asked (the last one is offered), then on the writer
ops the hub's replies for this desk are imported (acknowledgements, reference data) and
every unacknowledged event is exported; a summary follows. HTTP ("Sync now",
Ctrl+Shift+S) runs on its own thread (``sync_worker``); without a known hub address it
asks for one. With an address known, the desk also syncs in the background every few
minutes: failures only leave a note in the status bar, a refusal (4xx) is shown once.
After an exchange in which the hub answered, events still pending for hours are flagged
(the watchdog). A training desk has no district: the actions are off, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.messages import message_for
from counterdesk.gui.pc_settings import last_usb_folder, set_last_usb_folder
from counterdesk.gui.sync_worker import HubSyncWorker
from counterdesk.store.errors import SQLITE_ERRORS

if TYPE_CHECKING:  # the sync layer (bundles, HPKE, httpx) loads at the first exchange
    from counterdesk.gui.context import Context
    from counterdesk.gui.hub_url_dialog import HubUrlDialog
    from counterdesk.services.desk import Desk
    from counterdesk.services.outbox import ExportReport
    from counterdesk.services.sync_http import SyncReport
    from counterdesk.services.sync_import import ImportLine

AUTO_SYNC_MS = 5 * 60_000
FIRST_AUTO_SYNC_MS = 20_000
WATCHDOG_HOURS = 4
REFUSALS = frozenset({"hub_refused", "hub_protocol", "hub_reply"})  # the hub said no
NOTE_STYLE = "color: #5d4037;"
WARNING_STYLE = "background: #fff3e0; color: #bf360c; font-weight: bold; padding: 1px 6px;"
# what a read for the status line may meet (it then shows nothing)
READ_ERRORS: tuple[type[Exception], ...] = (CounterdeskError, *SQLITE_ERRORS)


# the USB exchange (on the writer thread) -------------------------------------------
@dataclass(frozen=True)
class UsbReport:
    folder: Path
    lines: list[ImportLine] = field(default_factory=list)
    acked_before: int = 0
    acked_after: int = 0
    catalogue_before: int = 0
    catalogue_after: int = 0
    export: ExportReport | None = None

    @property
    def read(self) -> list[ImportLine]:
        """Files from the hub for this desk (new or seen before)."""
        return [line for line in self.lines if line.outcome in ("applied", "duplicate")]

    @property
    def rejected(self) -> list[ImportLine]:
        return [line for line in self.lines if line.failed]

    @property
    def pending(self) -> int:
        return self.export.pending if self.export is not None else 0


def usb_exchange(desk: Desk, folder: Path) -> UsbReport:
    """Import the hub's replies for this desk from ``folder``, then export every pending event."""
    from counterdesk.services.outbox import acked_seq, export_to_folder
    from counterdesk.services.sync_import import catalogue_version, import_paths
    from counterdesk.services.sync_link import load_link

    load_link(desk)  # a training or unenrolled desk is refused before anything is read
    acked_before, catalogue_before = acked_seq(desk), catalogue_version(desk)
    lines = import_paths(desk, [folder]) if folder.is_dir() else []
    acked_after, catalogue_after = acked_seq(desk), catalogue_version(desk)
    export = export_to_folder(desk, folder)
    return UsbReport(
        folder, lines, acked_before, acked_after, catalogue_before, catalogue_after, export
    )


def usb_summary(report: UsbReport) -> list[str]:
    """What happened, in the UI language, one line each."""
    out = [
        QCoreApplication.translate(
            "SyncActions", "Files from the district read: %n", "", len(report.read)
        )
    ]
    if report.acked_after > report.acked_before:
        out.append(
            QCoreApplication.translate(
                "SyncActions", "The district has acknowledged events up to no. {seq}."
            ).format(seq=report.acked_after)
        )
    else:
        out.append(
            QCoreApplication.translate(
                "SyncActions", "No new acknowledgement (acknowledged up to no. {seq})."
            ).format(seq=report.acked_after)
        )
    if report.catalogue_after > report.catalogue_before:
        out.append(
            QCoreApplication.translate(
                "SyncActions",
                "Service catalogue updated to version {version}; log in again to see it in "
                "the registration form.",
            ).format(version=report.catalogue_after)
        )
    written = report.export.written if report.export is not None else []
    events = sum(b.count for b in written)
    out.append(
        QCoreApplication.translate(
            "SyncActions", "Files written to the stick: %n", "", len(written)
        )
        + (
            " " + QCoreApplication.translate("SyncActions", "(%n event(s))", "", events)
            if written
            else ""
        )
    )
    out.append(
        QCoreApplication.translate(
            "SyncActions", "Not yet acknowledged by the district: %n event(s)", "", report.pending
        )
    )
    for line in report.rejected:
        out.append(
            QCoreApplication.translate("SyncActions", "Not usable: {file} — {reason}").format(
                file=Path(line.source).name, reason=line.message
            )
        )
    return out


def http_summary(report: SyncReport) -> list[str]:
    from counterdesk.sync import payloads

    out = [QCoreApplication.translate("SyncActions", "District hub: {url}").format(url=report.url)]
    sent = report.uploaded + report.duplicates
    out.append(
        QCoreApplication.translate("SyncActions", "Sent: %n bundle(s)", "", sent)
        + " "
        + QCoreApplication.translate("SyncActions", "(%n new event(s))", "", report.new_events)
    )
    for line in report.replies:
        installed_catalogue = f"installed {payloads.CATALOGUE} v" in line.message
        if line.outcome == "applied" and installed_catalogue:
            out.append(
                QCoreApplication.translate(
                    "SyncActions",
                    "The service catalogue was updated; log in again to see it in the "
                    "registration form.",
                )
            )
    out.append(
        QCoreApplication.translate(
            "SyncActions", "Acknowledged by the district up to no. {seq}."
        ).format(seq=report.acked_seq)
    )
    out.append(
        QCoreApplication.translate(
            "SyncActions", "Not yet acknowledged by the district: %n event(s)", "", report.pending
        )
    )
    return out


# the controller ------------------------------------------------------------------------
class SyncActions(QObject):
    """The USB and HTTP actions of one main window, and the background sync."""

    busy_changed = Signal(bool)
    status = Signal(str)  # a passing note for the status bar
    summary_shown = Signal(object)  # the QMessageBox with a summary or an error

    def __init__(
        self, ctx: Context, window: QWidget, *, worker: HubSyncWorker | None = None
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.worker = worker or HubSyncWorker(
            ctx.reader.paths.root, clock=ctx.reader.clock, parent=self
        )
        self.worker.finished.connect(self._http_done)
        self.worker.failed.connect(self._http_failed)
        self._usb_busy = False
        self._http_busy = False
        self._enabled = True
        self._typed_url = ""  # an address typed here, until the hub has answered on it
        self._refusal_shown = ""  # the last refusal shown by the background sync
        self._watchdog_on = False
        self.box: QMessageBox | None = None
        self.url_dialog: HubUrlDialog | None = None
        self.usb_action = self._action("Ctrl+U", self.usb_exchange)
        self.sync_action = self._action("Ctrl+Shift+S", self.sync_now)
        self.url_action = self._action("", self.change_hub_url)
        self.note = QLabel(window)  # background sync and watchdog, in the status bar
        self.note.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(self.auto_sync)
        self.retranslate()
        if not self.training:
            QTimer.singleShot(FIRST_AUTO_SYNC_MS, self, self.auto_sync)
            self.timer.start()

    def _action(self, key: str, slot: Callable[[], None]) -> QAction:
        action = QAction(self.window)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # state ---------------------------------------------------------------------------
    @property
    def training(self) -> bool:
        return self.ctx.reader.info.training

    @property
    def busy(self) -> bool:
        return self._usb_busy or self._http_busy

    def hub_url(self) -> str:
        """The hub's address: remembered by the desk, or typed here; "" when none."""
        if self.training:
            return ""
        from counterdesk.services.sync_link import load_link

        try:
            return load_link(self.ctx.reader).url or self._typed_url
        except READ_ERRORS:
            return ""

    def set_enabled(self, enabled: bool) -> None:
        """Off while the session is locked."""
        self._enabled = enabled
        self._update_actions()

    def _update_actions(self) -> None:
        on = self._enabled and not self.training
        self.usb_action.setEnabled(on and not self._usb_busy)
        self.sync_action.setEnabled(on and not self._http_busy)
        self.url_action.setEnabled(on and not self._http_busy)

    def _set_busy(self, usb: bool | None = None, http: bool | None = None) -> None:
        before = self.busy
        if usb is not None:
            self._usb_busy = usb
        if http is not None:
            self._http_busy = http
        self._update_actions()
        if self.busy != before:
            self.busy_changed.emit(self.busy)

    # USB -----------------------------------------------------------------------------
    def ask_folder(self) -> str:
        """The stick's folder ("" when cancelled); tests replace this."""
        return QFileDialog.getExistingDirectory(
            self.window,
            self.tr("The USB stick's folder"),
            last_usb_folder() or str(Path.home()),
        )

    def usb_exchange(self) -> None:
        if self.training or self._usb_busy or not self._enabled:
            return
        folder = self.ask_folder()
        if not folder:
            return
        set_last_usb_folder(folder)
        self._set_busy(usb=True)
        self.status.emit(
            self.tr("Exchanging data with the USB stick in {folder}…").format(folder=folder)
        )
        path = Path(folder)
        self.ctx.ops.run(
            lambda desk: usb_exchange(desk, path), on_done=self._usb_done, on_error=self._usb_failed
        )

    def _usb_done(self, report: UsbReport) -> None:
        self._set_busy(usb=False)
        self._caches_changed()
        self.status.emit(self.tr("USB exchange done."))
        if report.pending == 0:
            self._set_note("")
        problem = bool(report.rejected)
        self._show(
            self.tr("USB exchange done")
            if not problem
            else self.tr("USB exchange: some files could not be used"),
            usb_summary(report),
            warning=problem,
        )

    def _usb_failed(self, exc: CounterdeskError) -> None:
        self._set_busy(usb=False)
        self.status.emit("")
        self._show(self.tr("The USB exchange did not succeed"), [message_for(exc)], warning=True)

    # HTTP ----------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.training or self._http_busy or not self._enabled:
            return
        url = self.hub_url()
        if not url:
            self.ask_hub_url()
            return
        self._start(url, automatic=False)

    def change_hub_url(self) -> None:
        if self.training or self._http_busy or not self._enabled:
            return
        self.ask_hub_url()

    def ask_hub_url(self) -> None:
        """Ask for the address, then exchange with it; tests replace this."""
        from counterdesk.gui.hub_url_dialog import HubUrlDialog

        dialog = HubUrlDialog(self.hub_url(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.use_hub_url)
        self.url_dialog = dialog
        dialog.open()

    def use_hub_url(self, url: str) -> None:
        self._typed_url = url
        self._start(url, automatic=False)

    def auto_sync(self) -> None:
        """Every few minutes: quietly, only when the hub's address is known."""
        if self.training or self._http_busy:
            return
        url = self.hub_url()
        if url:
            self._start(url, automatic=True)

    def _start(self, url: str, *, automatic: bool) -> None:
        if not self.worker.start(url, automatic=automatic):
            return
        self._set_busy(http=True)
        if not automatic:
            self.status.emit(
                self.tr("Exchanging data with the district hub {url}…").format(url=url)
            )

    def _http_done(self, report: SyncReport, automatic: bool) -> None:
        self._set_busy(http=False)
        self._refusal_shown = ""
        self._caches_changed()
        now = self.ctx.reader.now()
        self._check_watchdog(report)
        if automatic:
            if not self._watchdog_on:
                self._set_note(
                    self.tr("Synced with the district at {time}.").format(time=f"{now:%H:%M}")
                )
            return
        self.status.emit(self.tr("Exchange with the district done."))
        self._show(self.tr("Exchange with the district done"), http_summary(report))

    def _http_failed(self, exc: CounterdeskError, automatic: bool) -> None:
        self._set_busy(http=False)
        if exc.code == "sync_cancelled":
            return
        if not automatic:
            self.status.emit("")
            self._show(
                self.tr("The exchange with the district did not succeed"),
                [message_for(exc)],
                warning=True,
            )
            return
        now = self.ctx.reader.now()
        if exc.code in REFUSALS:
            message = message_for(exc)
            if message != self._refusal_shown:  # once, not every five minutes
                self._refusal_shown = message
                self._show(
                    self.tr("The district hub refused the exchange"), [message], warning=True
                )
        if not self._watchdog_on:
            self._set_note(
                self.tr("Automatic sync failed at {time}; it is tried again.").format(
                    time=f"{now:%H:%M}"
                ),
                details=message_for(exc),
            )

    # watchdog --------------------------------------------------------------------------
    def _check_watchdog(self, report: SyncReport) -> None:
        """The hub answered, yet events have waited for hours: say so until it heals."""
        from counterdesk.services.outbox_status import outbox_summary

        try:
            summary = outbox_summary(self.ctx.reader)
        except READ_ERRORS:
            return
        age = summary.oldest_pending_age_seconds or 0
        if report.pending > 0 and age > WATCHDOG_HOURS * 3600:
            self._watchdog_on = True
            self._set_note(
                self.tr(
                    "%n event(s) unacknowledged for over {hours} hours — call the district",
                    "",
                    report.pending,
                ).format(hours=WATCHDOG_HOURS),
                warning=True,
                details=self.tr(
                    "%n event(s) not acknowledged by the district for more than {hours} hours, "
                    "although the hub answers. Call the district office.",
                    "",
                    report.pending,
                ).format(hours=WATCHDOG_HOURS),
            )
        elif self._watchdog_on:
            self._watchdog_on = False
            self._set_note("")

    def _set_note(self, text: str, *, warning: bool = False, details: str = "") -> None:
        self.note.setText(text)
        self.note.setToolTip(details or text)
        self.note.setStyleSheet(WARNING_STYLE if warning else NOTE_STYLE)
        self.note.setVisible(bool(text))

    # after an exchange -------------------------------------------------------------------
    def _caches_changed(self) -> None:
        """Acks, the catalogue and the last contact changed: every connection reads afresh."""
        self.ctx.reader.invalidate()
        self.ctx.reads.invalidate()
        self.ctx.ops.run(lambda desk: desk.invalidate())  # and ``changed`` refreshes the views

    def _show(self, title: str, lines: list[str], *, warning: bool = False) -> None:
        if self.box is not None:
            self.box.close()
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Exchange with the district"), title, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            "\n".join(f"• {line}" for line in lines) if len(lines) > 1 else lines[0]
        )
        grid = box.layout()
        if isinstance(grid, QGridLayout):  # wide enough that each line stays one line
            grid.addItem(
                QSpacerItem(520, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum),
                grid.rowCount(),
                0,
                1,
                grid.columnCount(),
            )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._box_closed(box))
        self.box = box
        box.open()
        self.summary_shown.emit(box)

    def _box_closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None

    # texts and end -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.usb_action.setText(self.tr("USB stick: exchange with the district"))
        self.usb_action.setIconText(self.tr("USB (Ctrl+U)"))
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setIconText(self.tr("Sync now"))
        self.url_action.setText(self.tr("District hub address…"))
        if self.training:
            reason = self.tr(
                "A training desk belongs to no district: nothing is exchanged with a hub."
            )
            for action in (self.usb_action, self.sync_action, self.url_action):
                action.setToolTip(reason)
                action.setStatusTip(reason)
        else:
            self.usb_action.setToolTip(
                self.tr(
                    "Read the district's replies from a USB stick and write the pending data "
                    "to it (Ctrl+U)"
                )
            )
            self.sync_action.setToolTip(
                self.tr("Exchange data with the district hub over the network now (Ctrl+Shift+S)")
            )
            self.url_action.setToolTip(self.tr("Change the address of the district hub"))
        self._update_actions()

    def shutdown(self) -> None:
        self.timer.stop()
        self.worker.shutdown()
