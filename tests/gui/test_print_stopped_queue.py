"""The app reports a print only when it happened: a stopped or refusing CUPS queue, seen
through the real QPrinter path (``print_output``), fails the job with a clear message and
leaves nothing waiting to print; tickets and receipts can go straight to ESC/POS."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from counterdesk.gui.context import Context
from counterdesk.gui.document_printing import DocumentPrinting
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.print_output import PrintJob, cups_queue, printer_named
from counterdesk.services.desk_settings import update_settings
from counterdesk.services.documents import document_pdf
from counterdesk.services.printer import pending_jobs
from counterdesk.services.register import register

from ..test_register import reg

sys.path.insert(0, str(Path(__file__).parents[1] / "printing"))
from cups_queues import admin, make_queue
from escpos_decode import decode


@pytest.fixture
def queue() -> Iterator[str]:
    yield from make_queue("cups-pdf:/")


def receipt_pdf(ctx: Context) -> tuple[bytes, str]:
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    pdf, _ = document_pdf(ctx.reader, ctx.session, "receipt", view.receipt, roll_mm=80)
    return pdf, view.receipt


def test_a_stopped_queue_fails_the_qt_print_and_nothing_waits(
    qtbot: QtBot, ctx: Context, queue: str
) -> None:
    admin("cupsdisable", "-r", "Kertas habis", queue)
    pdf, _ = receipt_pdf(ctx)
    printer = printer_named(queue)
    assert printer.printerName() == queue and cups_queue(printer) == queue
    job = PrintJob(pdf, printer, roll_mm=80, timeout=20)
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert job.error is not None and job.error.code == "print_stopped"
    (message,) = failed.args
    assert queue in message and "Kertas habis" in message and "dihentikan" in message
    assert not pending_jobs(queue)


def test_a_refusing_queue_fails_the_qt_print(qtbot: QtBot, ctx: Context, queue: str) -> None:
    admin("cupsreject", "-r", "tutup", queue)
    pdf, _ = receipt_pdf(ctx)
    job = PrintJob(pdf, printer_named(queue), roll_mm=80, timeout=20)
    with qtbot.waitSignal(job.failed, timeout=30_000):
        job.start()
    assert job.error is not None and job.error.code == "print_rejecting"


def test_print_on_register_to_a_stopped_printer_shows_the_failure(
    qtbot: QtBot, ctx: Context, queue: str
) -> None:
    admin("cupsdisable", "-r", "Tutup", queue)

    def stopped(kind: str) -> QPrinter:
        return printer_named(queue)

    window = MainWindow(ctx, printing=lambda c, w: DocumentPrinting(c, w, printer_factory=stopped))
    qtbot.addWidget(window)
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    failures: list[str] = []
    printed: list[str] = []
    window.printing.print_failed.connect(lambda kind, message: failures.append(message))
    window.printing.printed.connect(lambda kind, printer: printed.append(kind))
    window.printing.print_now(["receipt"], view.receipt)
    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert printed == []
    box = window.printing.error_box
    assert box is not None and box.isVisible()
    assert "tidak tercetak" in box.text() and "Tutup" in box.informativeText()
    assert not pending_jobs(queue)


def test_the_app_prints_a_receipt_to_the_escpos_printer_set_for_it(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    out = tmp_path / "receipt.bin"
    update_settings(ctx.reader, ctx.session, receipt_escpos=str(out), receipt_roll_mm=58)
    ctx.reader.invalidate()

    def no_qt_printer(kind: str) -> QPrinter:
        raise AssertionError("the ESC/POS printer is used, not a QPrinter")

    window = MainWindow(
        ctx, printing=lambda c, w: DocumentPrinting(c, w, printer_factory=no_qt_printer)
    )
    qtbot.addWidget(window)
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    printed: list[tuple[str, str]] = []
    window.printing.printed.connect(lambda kind, printer: printed.append((kind, printer)))
    window.printing.print_now(["receipt"], view.receipt)
    qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
    assert printed == [("receipt", str(out))]
    assert decode(out.read_bytes()).width == 384


def test_the_app_reports_an_escpos_printer_that_is_not_there(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    update_settings(ctx.reader, ctx.session, receipt_escpos=str(tmp_path / "gone" / "lp0"))
    ctx.reader.invalidate()
    window = MainWindow(ctx, printing=lambda c, w: DocumentPrinting(c, w))
    qtbot.addWidget(window)
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    failures: list[str] = []
    window.printing.print_failed.connect(lambda kind, message: failures.append(message))
    window.printing.print_now(["receipt"], view.receipt)
    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert "tidak tersambung" in failures[0]


def test_cups_tools_answer() -> None:
    """The tests above need the CUPS scheduler (fail in CI when it is missing)."""
    done = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=20)
    assert "is running" in done.stdout


def test_admin_sets_escpos_printers_rolls_drawer_and_timeout(qtbot: QtBot, ctx: Context) -> None:
    from counterdesk.gui.printer_settings import PrinterSettings

    widget = PrinterSettings(ctx, printers=lambda: ["Kasir TM-T82"])
    qtbot.addWidget(widget)
    assert widget.escpos_changes() == {
        "ticket_escpos": "",
        "receipt_escpos": "",
        "ticket_roll_mm": 0,
        "receipt_roll_mm": 0,
        "escpos_drawer": False,
        "escpos_beep": False,
        "print_timeout_s": 60,
    }
    widget.ticket_escpos.setText(" tcp://127.0.0.1:9100 ")
    widget.receipt_escpos.setText("win32raw:POS-80")
    widget.ticket_roll.setCurrentIndex(widget.ticket_roll.findData(58))
    widget.receipt_roll.setCurrentIndex(widget.receipt_roll.findData(80))
    widget.escpos_drawer.setChecked(True)
    widget.print_timeout.setValue(30)
    with qtbot.waitSignal(widget.saved):
        widget.save_button.click()
    settings = ctx.reader.info.settings
    assert (settings.ticket_escpos, settings.receipt_escpos) == (
        "tcp://127.0.0.1:9100",
        "win32raw:POS-80",
    )
    assert (settings.ticket_roll_mm, settings.receipt_roll_mm) == (58, 80)
    assert settings.escpos_drawer and not settings.escpos_beep
    assert settings.print_timeout_s == 30
    assert "Tiket ke printer ESC/POS" in widget._escpos_labels[0].text().replace("&", "")


def test_a_bad_escpos_address_is_not_saved(qtbot: QtBot, ctx: Context) -> None:
    from counterdesk.gui.printer_settings import PrinterSettings

    widget = PrinterSettings(ctx, printers=lambda: [])
    qtbot.addWidget(widget)
    widget.ticket_escpos.setText("tcp://printer:port")
    widget.save_button.click()
    qtbot.waitUntil(lambda: bool(widget.status.text()))
    assert ctx.reader.info.settings.ticket_escpos == ""
    assert "tcp://printer:port bukan alamat printer" in widget.status.text()


def test_a_qt_print_that_never_completes_is_cancelled_after_the_timeout(
    qtbot: QtBot, ctx: Context
) -> None:
    gen = make_queue("socket://127.0.0.1:9", "-o", "printer-error-policy=retry-job")
    dead = next(gen)
    try:
        pdf, _ = receipt_pdf(ctx)
        job = PrintJob(pdf, printer_named(dead), roll_mm=80, timeout=3)
        with qtbot.waitSignal(job.failed, timeout=60_000) as failed:
            job.start()
        assert job.error is not None and job.error.code == "print_timeout"
        assert "3 detik" in failed.args[0] and "dibatalkan" in failed.args[0]
        assert not pending_jobs(dead)
    finally:
        gen.close()


def test_the_preview_offers_and_uses_the_escpos_printer_set_for_receipts(
    qtbot: QtBot, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counterdesk.gui import print_preview
    from counterdesk.gui.print_preview import PrintPreviewDialog

    monkeypatch.setattr(print_preview, "available_printers", lambda: ["Kasir TM-T82"])
    monkeypatch.setattr(print_preview, "default_printer_name", lambda: "Kasir TM-T82")
    out = tmp_path / "kasir.bin"
    update_settings(ctx.reader, ctx.session, receipt_escpos=str(out))
    ctx.reader.invalidate()
    pdf, _ = receipt_pdf(ctx)

    def no_qt_printer(name: str) -> QPrinter:
        raise AssertionError("the ESC/POS printer is used, not a QPrinter")

    dialog = PrintPreviewDialog(pdf, "receipt", ctx, printer_factory=no_qt_printer)
    qtbot.addWidget(dialog)
    assert dialog.printer_combo.currentText() == f"Printer ESC/POS {out}"
    assert dialog.printer_combo.count() == 2  # and the OS printers after it
    with qtbot.waitSignal(dialog.printed, timeout=30_000) as printed:
        dialog.print_document()
    assert printed.args == [str(out)]
    assert decode(out.read_bytes()).width == 576
    assert ctx.reader.info.settings.receipt_printer == ""  # not remembered as an OS printer
