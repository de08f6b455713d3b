"""Printing a request's documents from the app: preview first, or straight to the printer.

The PDF is made by ``services.documents.document_pdf`` through the writer ops (a letter
or referral slip gets its number on first print, so making one is a write; the preview
shows a letter not issued yet as a draft, and the preview's Print or Save issues it). Then either
the print preview opens (``preview``), or the document goes at once to the printer
remembered for its kind with a ``PrintJob`` (``print_now``, used after a registration
when the desk prints on register). The UI thread never waits for either.

Nothing of printing is loaded with the main window: ReportLab (``services.documents``)
is imported on the writer thread by the first document made, QtPdf and QtPrintSupport
(``print_output``, ``print_preview``) on the UI thread when the first one is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.messages import message_for

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from counterdesk.gui.context import Context
    from counterdesk.gui.print_preview import PrintPreviewDialog
    from counterdesk.services.desk import Desk
    from counterdesk.services.staff import StaffSession

PdfResult = tuple[bytes, dict[str, Any]]
ROLL_KINDS = ("ticket", "receipt")  # as print_output.ROLL_KINDS (a test keeps them equal)
INFO_SHEET = "info_sheet"


def document_pdf(
    desk: Desk, session: StaffSession, kind: str, receipt: str, *, draft: bool = False
) -> PdfResult:
    """On the writer thread: the document as PDF bytes (ReportLab is loaded here).

    ``draft``: a letter not issued yet comes without a number (for the preview). A ticket
    or receipt is made for the roll set for its kind (else the desk's roll)."""
    from counterdesk.services.documents import document_pdf as make

    if kind in ROLL_KINDS:
        from counterdesk.services.escpos import roll_for

        return make(desk, session, kind, receipt, roll_mm=roll_for(kind, desk.info.settings))
    return make(desk, session, kind, receipt, draft=draft)


def info_sheet_pdf(desk: Desk, service: str | None) -> PdfResult:
    """On the writer thread: the service standard for the wall (one page per service)."""
    from counterdesk.services.documents import info_sheet_pdf as make

    return make(desk, service), {"number": service or "all"}


def log_print(
    staff: str, kind: str, number: str, receipt: str, printer: str
) -> Callable[[Desk], object]:
    """On the writer thread: one line in the print log (``services.print_log``)."""

    def write(desk: Desk) -> object:
        from counterdesk.services.print_log import record_print

        return record_print(desk, staff, kind, number, receipt=receipt, printer=printer)

    return write


def printed_number(kind: str, receipt: str, info: dict[str, Any]) -> str:
    """The number a printed document is known by: its ticket, receipt or letter number."""
    return str(info.get("number") or info.get("ticket") or info.get("receipt") or receipt)


def warm_printing(_desk: Desk) -> None:
    """On the writer thread, a while after login: load ReportLab before the first print."""
    import counterdesk.services.documents  # noqa: F401


def document_name(kind: str) -> str:
    return {
        "ticket": QCoreApplication.translate("DocumentPrinting", "Queue ticket"),
        "receipt": QCoreApplication.translate("DocumentPrinting", "Receipt"),
        "letter": QCoreApplication.translate("DocumentPrinting", "Letter"),
        "referral": QCoreApplication.translate("DocumentPrinting", "Referral slip"),
        INFO_SHEET: QCoreApplication.translate("DocumentPrinting", "Information sheet"),
    }.get(kind, kind)


def roll_of(pdf: bytes) -> int:
    """The roll width (58 or 80 mm) a ticket or receipt PDF was made for."""
    from counterdesk.gui.print_output import MM_PER_POINT, load_document
    from counterdesk.gui.print_preview import ROLL_WIDTHS

    document, buffer = load_document(pdf)
    try:
        width = document.pagePointSize(0).width() * MM_PER_POINT
    finally:
        document.close()
        buffer.close()
    return min(ROLL_WIDTHS, key=lambda roll: abs(roll - width))


def _printer_named(name: str) -> QPrinter:
    from counterdesk.gui.print_output import printer_named

    return printer_named(name)


class DocumentPrinting(QObject):
    """Makes documents through the ops and shows or prints them; one per main window."""

    busy_changed = Signal(bool)  # a document is being made
    status = Signal(str)  # a note for the status bar
    previewed = Signal(object)  # the PrintPreviewDialog that was opened
    printed = Signal(str, str)  # kind, printer (print_now)
    print_failed = Signal(str, str)  # kind, message (print_now)

    def __init__(
        self,
        ctx: Context,
        window: QWidget,
        *,
        printer_factory: Callable[[str], QPrinter] | None = None,
        preview_printer_factory: Callable[[str], QPrinter] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        # kind -> the printer remembered for it (print_now); tests give PDF-file printers.
        self.printer_factory = printer_factory or self._remembered_printer
        self.preview_printer_factory = preview_printer_factory or _printer_named
        self.pool = pool
        self.dialog: PrintPreviewDialog | None = None
        self.error_box: QMessageBox | None = None
        self._making = 0

    @property
    def busy(self) -> bool:
        return self._making > 0

    def _remembered_printer(self, kind: str) -> QPrinter:
        from counterdesk.gui.print_output import printer_for

        return printer_for(kind, self.ctx.reader.info.settings)

    def _make(
        self,
        kind: str,
        receipt: str,
        done: Callable[[PdfResult], None],
        failed: Callable[[CounterdeskError], None],
        *,
        draft: bool = False,
    ) -> None:
        session = self.ctx.session

        def make(desk: Desk) -> PdfResult:
            return document_pdf(desk, session, kind, receipt, draft=draft)

        # Only issuing a letter or slip is a change (its number); the rest are reads.
        self._run(make, done, failed, changes=kind not in ROLL_KINDS and not draft)

    def _run(
        self,
        make: Callable[[Desk], PdfResult],
        done: Callable[[PdfResult], None],
        failed: Callable[[CounterdeskError], None],
        *,
        changes: bool,
    ) -> None:
        self._making += 1
        if self._making == 1:
            self.busy_changed.emit(True)

        def finish() -> None:
            self._making -= 1
            if self._making == 0:
                self.busy_changed.emit(False)

        def on_done(result: PdfResult) -> None:
            finish()
            done(result)

        def on_error(exc: CounterdeskError) -> None:
            finish()
            failed(exc)

        self.ctx.ops.run(make, on_done=on_done, on_error=on_error, changes=changes)

    def preview_info_sheet(self, service: str | None) -> None:
        """The wall information sheet of ``service`` (every service when None), previewed."""
        if self.busy:
            return
        label = service or self.tr("all services")
        self.status.emit(
            self.tr("Preparing the information sheet ({service})…").format(service=label)
        )
        self._run(
            lambda desk: info_sheet_pdf(desk, service),
            lambda result: self._show_preview(INFO_SHEET, label, result),
            lambda exc: self._failed(INFO_SHEET, label, message_for(exc)),
            changes=False,
        )

    # preview -------------------------------------------------------------------
    def preview(self, kind: str, receipt: str) -> None:
        """Make the document, then open the print preview (window-modal, not blocking)."""
        if self.busy:
            return
        self.status.emit(
            self.tr("Preparing {document} {receipt}…").format(
                document=document_name(kind).lower(), receipt=receipt
            )
        )
        self._make(
            kind,
            receipt,
            lambda result: self._show_preview(kind, receipt, result),
            lambda exc: self._failed(kind, receipt, message_for(exc)),
            draft=kind not in ROLL_KINDS,
        )

    def _show_preview(self, kind: str, receipt: str, result: PdfResult) -> None:
        from counterdesk.gui.print_output import PrintFailed, message_text
        from counterdesk.gui.print_preview import PrintPreviewDialog

        pdf, info = result
        self.status.emit("")
        label = str(info.get("number") or receipt)
        session = self.ctx.session

        def issue(desk: Desk) -> PdfResult:
            """Print or Save in the preview of a draft: the letter is issued (numbered) now."""
            return document_pdf(desk, session, kind, receipt)

        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in label)
        try:
            dialog = PrintPreviewDialog(
                pdf,
                kind,
                self.ctx,
                title=f"{document_name(kind)} {label}",
                file_name=f"{kind}_{safe}.pdf",
                parent=self.window,
                printer_factory=self.preview_printer_factory,
                pool=self.pool,
                issue=issue if info.get("draft") else None,
            )
        except PrintFailed as exc:
            self._failed(kind, receipt, message_text(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        number = printed_number(kind, receipt, info)
        owner = "" if kind == INFO_SHEET else receipt
        dialog.printed.connect(lambda printer: self.log_printed(kind, number, owner, printer))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        self.previewed.emit(dialog)

    def _closed(self, dialog: PrintPreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # straight to the printer -------------------------------------------------
    def print_now(self, kinds: Sequence[str], receipt: str) -> None:
        """Make each document and send it to its remembered printer, one after another."""
        for kind in kinds:
            self._print_one(kind, receipt)

    def _print_one(self, kind: str, receipt: str) -> None:
        def made(result: PdfResult) -> None:
            self._send(kind, receipt, result[0], printed_number(kind, receipt, result[1]))

        def failed(exc: CounterdeskError) -> None:
            self._print_error(kind, receipt, message_for(exc))

        self._make(kind, receipt, made, failed)

    def _send(self, kind: str, receipt: str, pdf: bytes, number: str = "") -> None:
        from counterdesk.gui.print_output import EscposJob, PrintFailed, PrintJob, message_text
        from counterdesk.services.escpos import escpos_target_for

        try:
            roll = roll_of(pdf) if kind in ROLL_KINDS else None
        except PrintFailed as exc:
            self._print_error(kind, receipt, message_text(exc))
            return
        settings = self.ctx.reader.info.settings
        target = escpos_target_for(kind, settings)
        timeout = float(settings.print_timeout_s)
        title = f"{document_name(kind)} {receipt}"
        job: PrintJob | EscposJob
        if target and roll is not None:
            job = EscposJob(
                pdf,
                target,
                roll_mm=roll,
                title=title,
                timeout=timeout,
                drawer=settings.escpos_drawer and kind == "receipt",
                beep=settings.escpos_beep,
                pool=self.pool,
            )
        else:
            printer = self.printer_factory(kind)
            printer.setDocName(title)
            job = PrintJob(pdf, printer, roll_mm=roll, timeout=timeout, pool=self.pool)
        name = job.printer_label
        document = document_name(kind)
        self.status.emit(
            self.tr("Printing {document} {receipt} on {printer}…").format(
                document=document.lower(), receipt=receipt, printer=name
            )
        )
        job.done.connect(lambda label: self._sent(kind, receipt, label))
        job.done.connect(lambda label: self.log_printed(kind, number or receipt, receipt, label))
        job.failed.connect(lambda message: self._print_error(kind, receipt, message))
        job.start()

    def _sent(self, kind: str, receipt: str, printer: str) -> None:
        self.status.emit(
            self.tr("{document} {receipt} sent to {printer}.").format(
                document=document_name(kind), receipt=receipt, printer=printer
            )
        )
        self.printed.emit(kind, printer)

    def log_printed(self, kind: str, number: str, receipt: str, printer: str) -> None:
        """Write the print to the print log (through the writer ops)."""
        self.ctx.ops.run(
            log_print(self.ctx.session.name, kind, number, receipt, printer),
            on_error=lambda exc: self.status.emit(message_for(exc)),
            changes=False,
        )

    def _print_error(self, kind: str, receipt: str, message: str) -> None:
        self.status.emit("")
        self.print_failed.emit(kind, message)
        self._show_error(
            self.tr("{document} {receipt} was not printed.").format(
                document=document_name(kind), receipt=receipt
            ),
            message,
        )

    # errors ----------------------------------------------------------------------
    def _failed(self, kind: str, receipt: str, message: str) -> None:
        self.status.emit("")
        self._show_error(
            self.tr("{document} {receipt} could not be made.").format(
                document=document_name(kind), receipt=receipt
            ),
            message,
        )

    def _show_error(self, title: str, message: str) -> None:
        """A message the person must see (not blocking: the app goes on).

        A second failure while the message is open is added to it (no pile of boxes).
        """
        box = self.error_box
        if box is not None and box.isVisible():
            box.setInformativeText(f"{box.informativeText()}\n\n{title}\n{message}")
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Printing"), title, parent=self.window)
        box.setInformativeText(message)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._error_closed(box))
        self.error_box = box
        box.open()

    def _error_closed(self, box: QMessageBox) -> None:
        if self.error_box is box:
            self.error_box = None
