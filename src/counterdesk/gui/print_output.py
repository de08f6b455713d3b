"""Printing PDF bytes through the OS print system with Qt (no widgets here).

``print_pdf`` loads the bytes into a ``QPdfDocument`` and paints each page,
rendered at the printer's resolution onto a white image (``render`` gives a
transparent one), onto the ``QPrinter``'s painter. The paper is the
document's own: a custom roll-width x content-height page for tickets and
receipts, A4 or F4 (215 x 330 mm) for letters, with no margins (the documents
carry their own). The printer's state is checked afterwards.

``PrintJob`` runs ``print_pdf`` on a worker thread of a ``QThreadPool`` and
reports ``done``/``failed`` on the thread the job lives in (the UI thread).
Qt supports painting on a ``QPrinter`` from a worker thread; the constraints:

* one ``QPrinter`` per job, created by the caller and not touched by any
  other thread until ``done``/``failed`` (the job keeps it alive);
* jobs run one at a time (the pool has one thread), so two prints never
  interleave;
* Qt cannot show its native print progress dialog from a worker thread (the
  caller shows its own busy indicator); on Windows and macOS the native
  print engines are used the same way and need a desktop session.

A print is reported done only when it happened: where the printer is a CUPS queue, the
queue must be enabled and accepting before anything is drawn, and the job Qt hands to
CUPS is followed (``services.printer.follow_job``, on the print thread) until it is
completed; a queue that stops or refuses, or a job not completed within the timeout, is
cancelled (it must not come out later, for the next citizen) and reported as failed.
``EscposJob`` prints a ticket or receipt straight to an ESC/POS printer the same way.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.messages import message_for
from counterdesk.services.printer import (
    PRINT_TIMEOUT,
    PrintError,
    follow_job,
    pending_jobs,
    queue_state,
)

log = logging.getLogger(__name__)

MM_PER_POINT = 25.4 / 72
# Pages are rendered at the printer's resolution, but at most MAX_DPI and at most
# PAGE_PIXELS pixels (64 MB) a page; the printer scales the image up. An A4 page at
# the 1200 dpi Qt reports for PDF output would otherwise take 560 MB. (Pages are
# rendered whole: in Qt 6.12 a render with scaledClipRect is off by one row for
# every band height of page above it, which cuts lines out of banded pages.)
MAX_DPI = 600
PAGE_PIXELS = 16_000_000
ROLL_KINDS = ("ticket", "receipt")
SHEET_KINDS = ("letter", "referral", "info_sheet", "daily_report")
# Named sheets (mm, portrait); a letter of another size keeps its own size.
SHEETS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
_TOLERANCE_MM = 1.0


class PrintFailed(CounterdeskError):
    """A document could not be printed (or saved); ``message_text`` gives it in the UI language."""


# printers -------------------------------------------------------------------------
def available_printers() -> list[str]:
    """Names of the printers the OS print system offers, as Qt sees them."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer_name() -> str:
    """The OS default printer; with none set, the first one (as ``QPrinter()`` picks it)."""
    name = str(QPrinterInfo.defaultPrinterName())
    if name:
        return name
    names = available_printers()
    return names[0] if names else ""


def settings_key(kind: str) -> str:
    """The ``DeskSettings`` field remembering the printer for a document kind."""
    if kind in ROLL_KINDS:
        return "receipt_printer"
    if kind in SHEET_KINDS:
        return "letter_printer"
    raise ValueError(f"unknown document kind {kind!r}; use {', '.join(ROLL_KINDS + SHEET_KINDS)}")


def remembered_printer(kind: str, settings: DeskSettings) -> str:
    """The printer remembered for ``kind`` ("" when none)."""
    return str(getattr(settings, settings_key(kind)))


def chosen_printer_name(kind: str, settings: DeskSettings) -> str:
    """The remembered printer when it is still there, else the default one ("" if none)."""
    name = remembered_printer(kind, settings)
    if name and name in available_printers():
        return name
    if name:
        log.info("printer %r for %s is not available; using the default printer", name, kind)
    return default_printer_name()


def printer_named(name: str) -> QPrinter:
    """A high-resolution ``QPrinter`` on the named OS printer ("" = the default printer)."""
    if name:
        info = QPrinterInfo.printerInfo(name)
        if not info.isNull():
            return QPrinter(info, QPrinter.PrinterMode.HighResolution)
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def printer_for(kind: str, settings: DeskSettings) -> QPrinter:
    """The printer remembered for this document kind (``receipt_printer`` for tickets and
    receipts, ``letter_printer`` for letters and referral slips), else the default one."""
    return printer_named(chosen_printer_name(kind, settings))


# paper ----------------------------------------------------------------------------
def page_size_for(points: QSizeF, roll_mm: int | None) -> QPageSize:
    """The paper for one page of ``points`` size: roll width x height, A4, F4, or its own."""
    width = points.width() * MM_PER_POINT
    height = points.height() * MM_PER_POINT
    if roll_mm is not None:
        if abs(width - roll_mm) > _TOLERANCE_MM:
            raise PrintFailed(
                f"the document is {width:.0f} mm wide but the roll is {roll_mm} mm; "
                "make the document again for this roll",
                code="print_roll_width",
                width=round(width),
                roll=roll_mm,
            )
        return QPageSize(
            QSizeF(roll_mm, round(height, 1)),
            QPageSize.Unit.Millimeter,
            f"Roll {roll_mm} x {round(height)} mm",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    if abs(width - SHEETS["A4"][0]) <= _TOLERANCE_MM and abs(height - SHEETS["A4"][1]) <= 1:
        return QPageSize(QPageSize.PageSizeId.A4)
    if abs(width - SHEETS["F4"][0]) <= _TOLERANCE_MM and abs(height - SHEETS["F4"][1]) <= 1:
        return QPageSize(
            QSizeF(*SHEETS["F4"]),
            QPageSize.Unit.Millimeter,
            "F4",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    return QPageSize(
        QSizeF(round(width, 1), round(height, 1)),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )


def _set_paper(printer: QPrinter, size: QPageSize) -> None:
    """Paper of exactly ``size``, portrait, no margins (``fullPage``: origin at the corner)."""
    printer.setFullPage(True)
    layout = QPageLayout(
        size,
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    if not printer.setPageLayout(layout):
        # A printer that refuses the layout still gets the size, with its minimum margins.
        printer.setPageSize(size)
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


# rendering ------------------------------------------------------------------------
def load_document(pdf: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """The bytes as a ready ``QPdfDocument``; keep the returned buffer while it is used."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument() if parent is None else QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintFailed(
            f"the document cannot be read ({document.error().name}); make it again",
            code="print_unreadable",
        )
    return document, buffer


def render_dpi(points: QSizeF, printer_dpi: float) -> float:
    """The resolution a page of ``points`` size is rendered at for a ``printer_dpi`` printer."""
    square_inches = max(points.width() / 72 * points.height() / 72, 1e-6)
    return min(float(printer_dpi), MAX_DPI, math.sqrt(PAGE_PIXELS / square_inches))


def render_page(document: QPdfDocument, page: int, dpi: float, *, roll: bool = False) -> QImage:
    """One whole page at ``dpi``, on white and without alpha (grey for rolls).

    ``QPdfDocument.render`` leaves the background transparent: white is put behind it.
    """
    points = document.pagePointSize(page)
    size = QSize(
        max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
    )
    options = QPdfDocumentRenderOptions()
    if roll:
        # Thermal heads print dots, not grey: crisp edges, QR modules on whole dots.
        options.setRenderFlags(
            QPdfDocumentRenderOptions.RenderFlag.TextAliased
            | QPdfDocumentRenderOptions.RenderFlag.PathAliased
            | QPdfDocumentRenderOptions.RenderFlag.ImageAliased
        )
    image = document.render(page, size, options)
    if image.isNull():
        raise PrintFailed(
            f"page {page + 1} could not be rendered (out of memory?)",
            code="print_render",
            page=page + 1,
        )
    image.convertTo(QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
    painter.fillRect(image.rect(), Qt.GlobalColor.white)
    painter.end()
    image.convertTo(QImage.Format.Format_Grayscale8 if roll else QImage.Format.Format_RGB32)
    return image


def cups_queue(printer: QPrinter) -> str | None:
    """The CUPS queue a native printer prints to (None: a file, Windows, no CUPS tools)."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    if sys.platform == "win32" or shutil.which("lpstat") is None:
        return None
    return printer.printerName() or None


_CUPS_CODES = {
    "lp_stopped": "print_stopped",
    "lp_rejecting": "print_rejecting",
    "lp_timeout": "print_timeout",
    "lp_job_canceled": "print_cancelled",
    "lp_job_aborted": "print_cancelled",
    "lp_no_printer": "print_unknown_printer",
}


def _print_failed(exc: PrintError, printer: str) -> PrintFailed:
    """A print-system error as a ``PrintFailed`` (with its own message code)."""
    params: dict[str, Any] = {"printer": printer, "reason": "", "seconds": 0} | exc.params
    reason = str(params.get("reason") or "")
    params["because"] = f" ({reason})" if reason else ""
    params["seconds"] = f"{float(params['seconds']):g}"
    return PrintFailed(exc.message, code=_CUPS_CODES.get(exc.code, exc.code), **params)


def _check_queue(queue: str) -> set[int]:
    """The queue must be ready; returns the jobs waiting there before this one."""
    try:
        state = queue_state(queue)
        if not state.ready:
            code = "lp_stopped" if not state.enabled else "lp_rejecting"
            raise PrintError(
                f"printer {queue!r} is {'stopped' if not state.enabled else 'refusing jobs'}",
                code=code,
                reason=state.reason,
            )
        return pending_jobs(queue, user=getpass.getuser())
    except PrintError as exc:
        raise _print_failed(exc, queue) from None


def _follow(queue: str, before: set[int], timeout: float) -> None:
    """Follow the job(s) this print added to the queue until printed."""
    try:
        for job in sorted(pending_jobs(queue, user=getpass.getuser()) - before):
            follow_job(queue, job, timeout=timeout)
    except PrintError as exc:
        raise _print_failed(exc, queue) from None


def print_pdf(
    pdf: bytes, printer: QPrinter, *, roll_mm: int | None, timeout: float = PRINT_TIMEOUT
) -> None:
    """Print every page of ``pdf`` on ``printer``, on the document's own paper.

    ``roll_mm`` (58 or 80) for tickets and receipts: the paper is a custom page
    of the roll's width and the content's height. ``None`` for letters and
    slips: A4 or F4 as the document is. Raises ``PrintFailed`` when the printer
    cannot start, ends in the error state, or a page cannot be drawn; for a CUPS
    queue also when it is stopped or refusing, or the job is not printed within
    ``timeout`` seconds (the job is then cancelled).
    """
    queue = cups_queue(printer)
    before = _check_queue(queue) if queue else set()
    document, buffer = load_document(pdf)
    roll = roll_mm is not None
    try:
        sizes = [
            page_size_for(document.pagePointSize(i), roll_mm) for i in range(document.pageCount())
        ]
        if not printer.docName():
            title = document.metaData(QPdfDocument.MetaDataField.Title)
            printer.setDocName(str(title) if title else "counterdesk")
        if (
            printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
            and not printer.printerName()
        ):
            raise PrintFailed("no printer is installed on this computer", code="print_no_printer")
        _set_paper(printer, sizes[0])
        if roll:
            # Thermal heads are monochrome; grey images stay lossless (Qt JPEGs colour ones).
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(
                f"printer {_printer_label(printer)!r} cannot start printing "
                f"({_state_name(printer)})",
                code="print_start",
                printer=_printer_label(printer),
            )
        try:
            # Lossless: JPEG would smear text edges and QR modules.
            painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
            for page, size in enumerate(sizes):
                if page:
                    if size != sizes[page - 1]:
                        _set_paper(printer, size)
                    if not printer.newPage():
                        raise PrintFailed(
                            f"printer {_printer_label(printer)!r} refused page {page + 1}",
                            code="print_page",
                            printer=_printer_label(printer),
                            page=page + 1,
                        )
                # Full-page mode: the painter's origin is the paper's corner.
                paper = printer.paperRect(QPrinter.Unit.DevicePixel)
                target = QRectF(0, 0, paper.width(), paper.height())
                dpi = render_dpi(document.pagePointSize(page), printer.resolution())
                painter.drawImage(target, render_page(document, page, dpi, roll=roll))
        except BaseException:
            printer.abort()  # no half document on the printer
            painter.end()
            raise
        ended = painter.end()
        state = printer.printerState()
        if not ended or state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise PrintFailed(
                f"printer {_printer_label(printer)!r} reported an error "
                f"({_state_name(printer)}); check that it is on, has paper and is connected",
                code="print_error",
                printer=_printer_label(printer),
            )
    finally:
        document.close()
        buffer.close()
    if queue:
        _follow(queue, before, timeout)


def _printer_label(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return printer.outputFileName() or "PDF"
    return printer.printerName() or "?"


def _state_name(printer: QPrinter) -> str:
    return str(printer.printerState().name).lower()


# saving ---------------------------------------------------------------------------
def save_pdf(pdf: bytes, path: str | Path) -> Path:
    """Write the bytes to ``path`` all at once: a temporary file next to it, then renamed."""
    target = Path(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise PrintFailed(
            f"cannot write in {target.parent}: {exc.strerror or exc}",
            code="save_failed",
            path=str(target),
            reason=exc.strerror or str(exc),
        ) from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pdf)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise PrintFailed(
            f"cannot save {target}: {exc.strerror or exc}",
            code="save_failed",
            path=str(target),
            reason=exc.strerror or str(exc),
        ) from exc
    return target


# messages -------------------------------------------------------------------------
def message_text(exc: CounterdeskError) -> str:
    """A printing error in the UI language (other errors: the shared message catalogue)."""
    templates = {
        "print_unreadable": QCoreApplication.translate(
            "PrintOutput", "The document cannot be read. Make it again."
        ),
        "print_roll_width": QCoreApplication.translate(
            "PrintOutput",
            "The document is {width} mm wide but the roll is {roll} mm. "
            "Make the document again for this roll.",
        ),
        "print_render": QCoreApplication.translate(
            "PrintOutput", "Page {page} could not be prepared for printing."
        ),
        "print_no_printer": QCoreApplication.translate(
            "PrintOutput", "No printer is installed on this computer."
        ),
        "print_start": QCoreApplication.translate(
            "PrintOutput",
            "The printer {printer} cannot start printing. Check that it is on and connected.",
        ),
        "print_page": QCoreApplication.translate(
            "PrintOutput", "The printer {printer} refused page {page}."
        ),
        "print_error": QCoreApplication.translate(
            "PrintOutput",
            "The printer {printer} reported an error. Check that it is on, has paper and is "
            "connected, then print again.",
        ),
        "print_stopped": QCoreApplication.translate(
            "PrintOutput",
            "The printer {printer} is stopped{because}. The job was cancelled, nothing was "
            "printed. Start the printer and print again.",
        ),
        "print_rejecting": QCoreApplication.translate(
            "PrintOutput",
            "The printer {printer} is not accepting jobs{because}. Nothing was printed.",
        ),
        "print_timeout": QCoreApplication.translate(
            "PrintOutput",
            "The printer {printer} did not print within {seconds} seconds{because}. The job "
            "was cancelled so it will not come out later. Check the printer and print again.",
        ),
        "print_cancelled": QCoreApplication.translate(
            "PrintOutput",
            "The print job on {printer} was cancelled{because}. Nothing was printed.",
        ),
        "print_unknown_printer": QCoreApplication.translate(
            "PrintOutput", "The printer {printer} is not known to this computer."
        ),
        "escpos_paper_out": QCoreApplication.translate(
            "PrintOutput", "The printer {target} is out of paper. Load a roll and print again."
        ),
        "escpos_cover_open": QCoreApplication.translate(
            "PrintOutput", "The printer {target} has its cover open. Close it and print again."
        ),
        "escpos_offline": QCoreApplication.translate(
            "PrintOutput", "The printer {target} is offline. Check it and print again."
        ),
        "escpos_disconnected": QCoreApplication.translate(
            "PrintOutput",
            "The printer {target} is not connected or is switched off. Check the cable or "
            "network and the power, then print again.",
        ),
        "escpos_timeout": QCoreApplication.translate(
            "PrintOutput",
            "The printer {target} did not answer. Check that it is on, has paper and is "
            "connected, then print again.",
        ),
        "escpos_permission": QCoreApplication.translate(
            "PrintOutput", "This computer may not write to the printer {target}."
        ),
        "escpos_target": QCoreApplication.translate(
            "PrintOutput", "{target} is not a printer address. Correct it in the settings."
        ),
        "save_failed": QCoreApplication.translate(
            "PrintOutput", "The PDF could not be saved: {reason}"
        ),
    }
    template = templates.get(exc.code)
    if template is None:
        return message_for(exc)
    try:
        return template.format(**exc.params)
    except (KeyError, IndexError, ValueError):
        return exc.message


# the job --------------------------------------------------------------------------
_pool: QThreadPool | None = None


def print_pool() -> QThreadPool:
    """The one print thread: jobs run one after another."""
    global _pool
    if _pool is None:
        # Owned by the application: it waits for a running print when the app ends.
        app = QCoreApplication.instance()
        _pool = QThreadPool() if app is None else QThreadPool(app)
        _pool.setMaxThreadCount(1)
        _pool.setObjectName("counterdesk-print")
    return _pool


class _Job(QObject):
    """Work on the print thread; ``done(label)`` or ``failed(message)`` here."""

    done = Signal(str)
    failed = Signal(str)
    _finished = Signal(object)  # from the worker: None or the CounterdeskError

    _running: ClassVar[set[_Job]] = set()  # started jobs stay alive until they report

    def __init__(self, *, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.error: CounterdeskError | None = None
        self._pool = pool
        self._finished.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @property
    def printer_label(self) -> str:
        raise NotImplementedError

    def work(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        """Queue the job on the print thread (or ``pool``)."""
        _Job._running.add(self)
        (self._pool or print_pool()).start(self.run)

    def run(self) -> None:
        """Print now on the calling thread; the result is reported through the event loop."""
        try:
            self.work()
        except CounterdeskError as exc:
            self._finished.emit(exc)
        except Exception as exc:  # a bug must not kill the print thread silently
            log.exception("printing failed")
            self._finished.emit(
                PrintFailed(f"unexpected error: {type(exc).__name__}: {exc}", code="internal")
            )
        else:
            self._finished.emit(None)

    def _report(self, error: object) -> None:
        _Job._running.discard(self)
        if isinstance(error, CounterdeskError):
            self.error = error
            self.failed.emit(message_text(error))
        else:
            self.done.emit(self.printer_label)


class PrintJob(_Job):
    """``print_pdf`` on the print thread; ``done(printer)`` or ``failed(message)`` here.

    ``done`` carries the printer's name (or the output file); ``failed`` the error
    in the UI language, with the ``CounterdeskError`` itself in ``error``. The
    job keeps the ``QPrinter`` (and itself) alive until it has reported.
    """

    def __init__(
        self,
        pdf: bytes,
        printer: QPrinter,
        *,
        roll_mm: int | None,
        timeout: float = PRINT_TIMEOUT,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(pool=pool, parent=parent)
        self.pdf = pdf
        self.printer = printer
        self.roll_mm = roll_mm
        self.timeout = timeout

    @property
    def printer_label(self) -> str:
        return _printer_label(self.printer)

    def work(self) -> None:
        print_pdf(self.pdf, self.printer, roll_mm=self.roll_mm, timeout=self.timeout)


class EscposJob(_Job):
    """A ticket or receipt straight to an ESC/POS printer (``services.escpos.print_roll``)."""

    def __init__(
        self,
        pdf: bytes,
        target: str,
        *,
        roll_mm: int,
        title: str = "counterdesk",
        timeout: float = PRINT_TIMEOUT,
        drawer: bool = False,
        beep: bool = False,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(pool=pool, parent=parent)
        self.pdf = pdf
        self.target = target
        self.roll_mm = roll_mm
        self.title = title
        self.timeout = timeout
        self.drawer = drawer
        self.beep = beep

    @property
    def printer_label(self) -> str:
        return self.target

    def work(self) -> None:
        from counterdesk.services.escpos import print_roll

        print_roll(
            self.pdf,
            self.roll_mm,
            self.target,
            title=self.title,
            timeout=self.timeout,
            drawer=self.drawer,
            beep=self.beep,
        )


__all__ = [
    "MAX_DPI",
    "PAGE_PIXELS",
    "EscposJob",
    "PrintFailed",
    "PrintJob",
    "available_printers",
    "chosen_printer_name",
    "cups_queue",
    "default_printer_name",
    "load_document",
    "message_text",
    "page_size_for",
    "print_pdf",
    "printer_for",
    "printer_named",
    "remembered_printer",
    "render_dpi",
    "render_page",
    "save_pdf",
    "settings_key",
]
