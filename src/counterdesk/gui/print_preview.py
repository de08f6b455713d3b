"""Print preview: the document as it will print, a printer, Print / Save as PDF / Close.

The PDF bytes come from the services (``documents.document_pdf``); this dialog
only shows them (``QPdfView``, every page, fit to width), sends them to the
chosen printer on the print thread (``print_output.PrintJob``) or writes them
where the person chooses. The printer chosen for a kind of document is
remembered: in the desk settings when an administrator prints (through the
writer ops), otherwise for this login only.

A letter not issued yet is shown as a draft without a number (``issue`` is given):
opening and closing the preview takes no number. Print or Save issues it first
(through the writer ops), shows the issued letter, then prints or saves that.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import label_name
from counterdesk.gui.messages import message_for
from counterdesk.gui.print_output import (
    MM_PER_POINT,
    ROLL_KINDS,
    EscposJob,
    PrintFailed,
    PrintJob,
    available_printers,
    default_printer_name,
    load_document,
    message_text,
    printer_named,
    remembered_printer,
    save_pdf,
    settings_key,
)
from counterdesk.gui.session_choices import forget_session_choices, session_choices
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings

ROLL_WIDTHS = (58, 80)
ESCPOS_CHOICE = "escpos:"  # printer combo data: the ESC/POS printer set for this kind
# Printer chosen per (staff, settings key) by people who may not change the desk settings.
_session_choices = session_choices
__all__ = ["ROLL_WIDTHS", "PrintPreviewDialog", "forget_session_choices"]


class PrintPreviewDialog(QDialog):
    """``PrintPreviewDialog(pdf, kind, ctx)``; ``printed(printer)`` after a print was sent."""

    printed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        pdf: bytes,
        kind: str,
        ctx: Context,
        *,
        title: str = "",
        file_name: str = "",
        parent: QWidget | None = None,
        printer_factory: Callable[[str], QPrinter] = printer_named,
        pool: QThreadPool | None = None,
        issue: Callable[[Desk], tuple[bytes, dict[str, Any]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._issue = issue  # a draft letter: issue it (number it) before printing or saving
        self._issuing = False
        self._kind = kind
        self._key = settings_key(kind)
        self._ctx = ctx
        self._title = title
        self._file_name = file_name or f"{kind}.pdf"
        self._printer_factory = printer_factory
        self._pool = pool
        self._job: PrintJob | EscposJob | None = None
        self.last_error: CounterdeskError | None = None
        self._status_is_error = False

        self.document, self._buffer = load_document(pdf, self)
        self._roll_mm = self._document_roll() if kind in ROLL_KINDS else None

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.printer_label = QLabel(self)
        self.printer_combo = QComboBox(self)
        self.printer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pages_label = QLabel(self)
        self.pages_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.printer_label.setBuddy(self.printer_combo)
        top = QHBoxLayout()
        top.addWidget(self.printer_label)
        top.addWidget(self.printer_combo, 1)
        top.addWidget(self.pages_label)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)

        self.buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)

        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(self.print_document)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(status_row)
        layout.addWidget(self.buttons)

        self._fill_printers()
        self.retranslate()
        self.resize(self._initial_size())
        self.print_button.setFocus()

    # setup ---------------------------------------------------------------------
    def _document_roll(self) -> int:
        width = self.document.pagePointSize(0).width() * MM_PER_POINT
        return min(ROLL_WIDTHS, key=lambda roll: abs(roll - width))

    def _initial_size(self) -> QSize:
        # Rolls: narrow, so fit-to-width shows the slip about 1.5 times its size.
        if self._roll_mm:
            wanted = QSize(400 if self._roll_mm == 58 else 460, 760)
        else:
            wanted = QSize(780, 900)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            wanted = wanted.boundedTo(room)
        return wanted

    def _remembered(self) -> str:
        chosen = _session_choices.get((self._ctx.session.name, self._key))
        if chosen:
            return chosen
        return remembered_printer(self._kind, self._ctx.reader.info.settings)

    def _escpos_target(self) -> str:
        """The ESC/POS printer set for a ticket or receipt ("" when none)."""
        if self._kind not in ROLL_KINDS:
            return ""
        from counterdesk.services.escpos import escpos_target_for

        return escpos_target_for(self._kind, self._ctx.reader.info.settings)

    def _fill_printers(self) -> None:
        self.printer_combo.clear()
        names = available_printers()
        default = default_printer_name()
        target = self._escpos_target()
        if target:  # set for this kind by the administrator: offered first, and chosen
            self.printer_combo.addItem(target, ESCPOS_CHOICE + target)
        for name in names:
            self.printer_combo.addItem(name, name)
        if target:
            return
        if not names:
            self.printer_combo.addItem("", "")
            self.printer_combo.setEnabled(False)
            return
        for wanted in (self._remembered(), default):
            index = self.printer_combo.findData(wanted) if wanted else -1
            if index >= 0:
                self.printer_combo.setCurrentIndex(index)
                break

    # texts -----------------------------------------------------------------------
    def _document_name(self) -> str:
        return {
            "ticket": self.tr("Queue ticket"),
            "receipt": self.tr("Receipt"),
            "letter": self.tr("Letter"),
            "referral": self.tr("Referral slip"),
            "info_sheet": self.tr("Information sheet"),
        }.get(self._kind, self._kind)

    def retranslate(self) -> None:
        name = self._title or self._document_name()
        if self._issue is not None:
            name = self.tr("{document} (draft, not numbered yet)").format(document=name)
        self.setWindowTitle(self.tr("Print preview: {document}").format(document=name))
        self.printer_label.setText(self.tr("&Printer:"))
        self.printer_combo.setAccessibleName(label_name(self.printer_label.text()))
        count = self.document.pageCount()
        self.pages_label.setText(self.tr("%n page(s)", "", count))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print on the chosen printer (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        default = default_printer_name()
        for i in range(self.printer_combo.count()):
            data = self.printer_combo.itemData(i)
            if not data:
                self.printer_combo.setItemText(i, self.tr("No printer found"))
            elif str(data).startswith(ESCPOS_CHOICE):
                self.printer_combo.setItemText(
                    i,
                    self.tr("ESC/POS printer {target}").format(
                        target=str(data)[len(ESCPOS_CHOICE) :]
                    ),
                )
            elif data == default:
                self.printer_combo.setItemText(i, self.tr("{name} (default)").format(name=data))
        if not self.printer_combo.itemData(0):
            self._show(
                self.tr("No printer is installed on this computer. You can save the PDF instead."),
                error=True,
            )
        self.print_button.setEnabled(self._can_print())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, text: str, *, error: bool = False) -> None:
        self._status_is_error = error
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    # state -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None or self._issuing

    @property
    def draft(self) -> bool:
        """A letter shown without its number: Print or Save issues it first."""
        return self._issue is not None

    def chosen_printer(self) -> str:
        return str(self.printer_combo.currentData() or "")

    def page_count(self) -> int:
        return self.document.pageCount()

    def _can_print(self) -> bool:
        return not self.busy and bool(self.chosen_printer())

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.printer_combo.setEnabled(not busy and bool(self.printer_combo.itemData(0)))
        self.save_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.print_button.setEnabled(self._can_print())
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # issuing ----------------------------------------------------------------------
    def _issue_then(self, then: Callable[[], None]) -> None:
        """Issue the draft letter (its number is taken now), show it, then ``then()``."""
        issue = self._issue
        assert issue is not None
        self._issuing = True
        self._set_busy(True)
        self._show(self.tr("Issuing the letter (giving it its number)…"))

        def done(result: tuple[bytes, dict[str, Any]]) -> None:
            self._issuing = False
            self._issue = None
            self._replace(result[0], str(result[1].get("number", "")))
            self._set_busy(False)
            then()

        def failed(exc: CounterdeskError) -> None:
            self._issuing = False
            self.last_error = exc
            self._set_busy(False)
            self._show(
                self.tr("The letter was not issued: {reason}").format(reason=message_for(exc)),
                error=True,
            )

        self._ctx.ops.run(issue, on_done=done, on_error=failed, changes=True)

    def _replace(self, pdf: bytes, number: str) -> None:
        old, old_buffer = self.document, self._buffer
        self._pdf = pdf
        self.document, self._buffer = load_document(pdf, self)
        self.view.setDocument(self.document)
        if number:
            self._title = f"{self._document_name()} {number}"
            safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in number)
            self._file_name = f"{self._kind}_{safe}.pdf"
        self.retranslate()
        old.close()
        old_buffer.close()

    # printing ---------------------------------------------------------------------
    def print_document(self) -> None:
        if self.busy:
            return
        name = self.chosen_printer()
        if not name:
            self._show(message_text(PrintFailed("no printer", code="print_no_printer")), error=True)
            return
        if self._issue is not None:
            self._issue_then(self.print_document)
            return
        settings = self._ctx.reader.info.settings
        timeout = float(settings.print_timeout_s)
        title = self._title or Path(self._file_name).stem
        job: PrintJob | EscposJob
        if name.startswith(ESCPOS_CHOICE) and self._roll_mm:
            job = EscposJob(
                self._pdf,
                name[len(ESCPOS_CHOICE) :],
                roll_mm=self._roll_mm,
                title=title,
                timeout=timeout,
                drawer=settings.escpos_drawer and self._kind == "receipt",
                beep=settings.escpos_beep,
                pool=self._pool,
            )
            name = job.printer_label
        else:
            printer = self._printer_factory(name)
            printer.setDocName(title)
            job = PrintJob(
                self._pdf, printer, roll_mm=self._roll_mm, timeout=timeout, pool=self._pool
            )
        job.done.connect(self._printed)
        job.failed.connect(self._print_failed)
        self._job = job
        self._set_busy(True)
        self._show(self.tr("Printing on {printer}…").format(printer=name))
        job.start()

    def _printed(self, label: str) -> None:
        name = self.chosen_printer()
        self._job = None
        self._set_busy(False)
        if name.startswith(ESCPOS_CHOICE):  # a setting of its own, not a remembered printer
            name = name[len(ESCPOS_CHOICE) :]
        else:
            self._remember(name)
        self._show(self.tr("Sent to {printer}.").format(printer=name))
        self.printed.emit(name)

    def _print_failed(self, message: str) -> None:
        if self._job is not None:
            self.last_error = self._job.error
        self._job = None
        self._set_busy(False)
        self._show(message, error=True)

    def _remember(self, name: str) -> None:
        """Remember the printer for this kind of document (desk-wide when an admin)."""
        session = self._ctx.session
        _session_choices[(session.name, self._key)] = name
        if not session.role.includes(Role.ADMIN):
            return
        if remembered_printer(self._kind, self._ctx.reader.info.settings) == name:
            return
        key = self._key

        def save(desk: Desk) -> object:
            return update_settings(desk, session, **{key: name})

        self._ctx.ops.run(save, on_done=self._remembered_saved, on_error=self._remember_failed)

    def _remembered_saved(self, _settings: object) -> None:
        self._ctx.reader.invalidate()  # the reader's cached settings are now old

    def _remember_failed(self, exc: CounterdeskError) -> None:
        self._show(
            self.tr("Printed, but the printer choice could not be saved: {reason}").format(
                reason=message_for(exc)
            ),
            error=True,
        )

    # saving -----------------------------------------------------------------------
    def _suggested_path(self) -> Path:
        # Not into the data folder: it holds only the encrypted database and what belongs
        # with it; a document saved as PDF goes where the person can see and remove it.
        return Path.home() / self._file_name

    def ask_save_path(self) -> str:
        """Where to save (empty when cancelled); tests replace this."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(self._suggested_path()),
            self.tr("PDF documents (*.pdf)"),
        )
        return path

    def save_document(self) -> None:
        if self.busy:
            return
        chosen = self.ask_save_path()
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if self._issue is not None:
            self._issue_then(lambda: self._save_to(path))
            return
        self._save_to(path)

    def _save_to(self, path: Path) -> None:
        try:
            save_pdf(self._pdf, path)
        except PrintFailed as exc:
            self._show(message_text(exc), error=True)
            return
        self._show(self.tr("Saved to {path}.").format(path=str(path)))
        self.saved.emit(str(path))

    # closing ----------------------------------------------------------------------
    def reject(self) -> None:
        if self.busy:  # Esc while printing: the job must report first
            self._show(self.tr("Please wait until the document has been sent to the printer."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            self._show(self.tr("Please wait until the document has been sent to the printer."))
            return
        super().closeEvent(event)
