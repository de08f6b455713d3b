"""Printing from the app: the request's documents open in the print preview; with
print-on-register the receipt and the ticket go straight to the remembered printers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from counterdesk.gui import document_printing, print_preview
from counterdesk.gui.context import Context
from counterdesk.gui.document_printing import DocumentPrinting
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.print_preview import PrintPreviewDialog
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import RequestView
from counterdesk.services.staff import StaffSession

from ..conftest import NIK_MAN, NIK_WOMAN
from ..test_register import reg
from .conftest import press


@pytest.fixture(autouse=True)
def printers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_preview, "available_printers", lambda: ["Kasir TM-T82", "PDF"])
    monkeypatch.setattr(print_preview, "default_printer_name", lambda: "PDF")


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every document_pdf call of the app: (kind, receipt)."""
    calls: list[tuple[str, str]] = []
    real = document_printing.document_pdf

    def recording(desk: Desk, session: Any, kind: str, receipt: str, draft: bool = False) -> Any:
        calls.append((kind + (" draft" if draft else ""), receipt))
        return real(desk, session, kind, receipt, draft=draft)

    monkeypatch.setattr(document_printing, "document_pdf", recording)
    return calls


def referral(desk: Desk, session: StaffSession) -> RequestView:
    return register(
        desk,
        session,
        Registration(
            service="KTPEL",
            name="Budi Santoso",
            nik=NIK_MAN,
            fields={"request_type": "Baru (perekaman)", "address": "Dusun Jagoi RT 001"},
        ),
    )


def opened(qtbot: QtBot, window: MainWindow) -> PrintPreviewDialog:
    qtbot.waitUntil(lambda: window.printing.dialog is not None)
    dialog = window.printing.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_receipt_button_makes_the_document_and_opens_the_preview(
    qtbot: QtBot, window: MainWindow, made: list[tuple[str, str]]
) -> None:
    ctx = window.ctx
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    window.tabs.setCurrentWidget(window.split)
    window.detail.show_request(view)
    button = window.detail.print_buttons["receipt"]
    assert button.text() == "Cetak tanda terima (F7)" and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, window)
    assert made == [("receipt", view.receipt)]
    assert dialog.windowTitle() == f"Pratinjau cetak: Tanda terima {view.receipt}"
    assert dialog.page_count() == 1 and dialog.isModal()
    assert not window.printing.busy and window.detail.print_buttons["ticket"].isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: window.printing.dialog is None)
    press(window, Qt.Key.Key_F8)  # the ticket, from the keyboard
    dialog = opened(qtbot, window)
    assert made[-1] == ("ticket", view.receipt)
    assert "Tiket antrean" in dialog.windowTitle()
    dialog.reject()


def test_the_letter_button_fits_the_service_and_numbers_the_letter(
    qtbot: QtBot, window: MainWindow, made: list[tuple[str, str]], tmp_path: Path
) -> None:
    ctx = window.ctx
    detail = window.detail
    letter = register(ctx.reader, ctx.session, reg(ctx.reader))  # SKD: a letter
    detail.show_request(letter)
    button = detail.print_buttons["letter"]
    assert button.isVisibleTo(detail) and button.text() == "Cetak surat (F6)"
    button.click()
    dialog = opened(qtbot, window)
    # the preview is a draft: opening (and closing) it takes no number
    assert made == [("letter draft", letter.receipt)]
    assert dialog.draft and "draf" in dialog.windowTitle()
    assert ctx.reader.conn.execute("SELECT count(*) FROM letters").fetchone()[0] == 0
    dialog.reject()
    qtbot.waitUntil(lambda: window.printing.dialog is None)
    button.click()
    dialog = opened(qtbot, window)
    assert ctx.reader.conn.execute("SELECT count(*) FROM letters").fetchone()[0] == 0
    # Print issues the letter first, shows it with its number, then prints that
    dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findData("PDF"))
    dialog._printer_factory = FilePrinters(tmp_path)
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        dialog.print_button.click()
    number = ctx.reader.conn.execute("SELECT number FROM letters").fetchone()[0]
    assert made[-1] == ("letter", letter.receipt) and not dialog.draft
    assert number in dialog.windowTitle() and "/LATIH-01/XI/2026" in number
    assert [e["kind"] for e in detail_history(ctx, letter)][-1] == "letter_issued"
    dialog.reject()
    qtbot.waitUntil(lambda: window.printing.dialog is None)
    button.click()  # once issued, the preview shows the letter with its number
    dialog = opened(qtbot, window)
    assert not dialog.draft and number in dialog.windowTitle()
    dialog.reject()
    detail.show_request(referral(ctx.reader, ctx.session))  # KTPEL: a referral slip
    assert button.isVisibleTo(detail) and button.text() == "Cetak surat rujukan (F6)"
    legal = register(
        ctx.reader,
        ctx.session,
        Registration(
            service="LEGAL",
            name="Siti Aminah",
            nik=NIK_WOMAN,
            fields={"document_type": "Dokumen lainnya", "document_number": "1", "copies": "1"},
        ),
    )
    detail.show_request(legal)  # no letter at all
    assert not button.isVisibleTo(detail)
    assert detail.print_buttons["receipt"].isEnabled()


def detail_history(ctx: Context, view: RequestView) -> list[dict[str, Any]]:
    from counterdesk.services.requests import history

    return history(ctx.reader, view)


def test_the_registration_banner_prints_with_f7(
    qtbot: QtBot, window: MainWindow, made: list[tuple[str, str]]
) -> None:
    ctx = window.ctx
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    window.register.result.show_request(view, "id")
    assert window.register.result.print_receipt.text() == "Cetak tanda terima (F7)"
    press(window, Qt.Key.Key_F7)
    dialog = opened(qtbot, window)
    assert made == [("receipt", view.receipt)]
    dialog.reject()


class FilePrinters:
    """Each document kind prints to its own PDF file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, kind: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(150)
        printer.setOutputFileName(str(self.folder / f"{kind}.pdf"))
        return printer


def test_print_on_register_sends_receipt_and_ticket_to_the_printers(
    qtbot: QtBot, ctx: Context, tmp_path: Path, made: list[tuple[str, str]]
) -> None:
    update_settings(ctx.reader, ctx.session, print_on_register=True)
    files = FilePrinters(tmp_path)
    window = MainWindow(ctx, printing=lambda c, w: DocumentPrinting(c, w, printer_factory=files))
    qtbot.addWidget(window)
    window.show()
    printed: list[tuple[str, str]] = []
    window.printing.printed.connect(lambda kind, printer: printed.append((kind, printer)))
    form = window.register
    form.picker.set_service("SKD")
    form.identity.nik.setText(NIK_WOMAN)
    form.name.setText("Siti Nurhaliza")
    for f in form.fields:
        assert isinstance(f.widget, QLineEdit)
        f.widget.setText("17-08-2020" if f.field.type == "date" else "Dusun Sebunga RT 002")
    form.save()
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=30_000)
    view = form.result.view
    assert view is not None
    assert made == [("receipt", view.receipt), ("ticket", view.receipt)]
    assert sorted(kind for kind, _ in printed) == ["receipt", "ticket"]
    for kind in ("receipt", "ticket"):
        data = (tmp_path / f"{kind}.pdf").read_bytes()
        assert data.startswith(b"%PDF")
    assert window.printing.dialog is None  # no preview: straight to the printer
    assert "terkirim ke" in window.statusBar().currentMessage()


def test_a_failed_direct_print_is_shown_in_a_message(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    def broken(kind: str) -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no-such-folder" / f"{kind}.pdf"))
        return printer

    window = MainWindow(ctx, printing=lambda c, w: DocumentPrinting(c, w, printer_factory=broken))
    qtbot.addWidget(window)
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    failures: list[str] = []
    window.printing.print_failed.connect(lambda kind, message: failures.append(kind))
    window.printing.print_now(["receipt", "ticket"], view.receipt)
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=30_000)
    box = window.printing.error_box
    assert box is not None and box.isVisible()
    assert "Tanda terima" in box.text() and "tidak tercetak" in box.text()
    assert "Tiket antrean" in box.informativeText()  # the second failure joins the first


def test_ctrl_i_previews_the_information_sheet_of_the_chosen_service_or_all(
    qtbot: QtBot, window: MainWindow
) -> None:
    ctx = window.ctx
    window.tabs.setCurrentWidget(window.register)
    window.register.picker.set_service("SKTM")
    qtbot.waitUntil(lambda: window.register.info.service is not None)
    window.info_sheet_action.trigger()
    dialog = opened(qtbot, window)
    assert dialog.windowTitle() == "Pratinjau cetak: Lembar informasi SKTM"
    assert dialog.page_count() == 1
    dialog.reject()
    qtbot.waitUntil(lambda: window.printing.dialog is None)
    window.tabs.setCurrentWidget(window.split)  # not registering: every service
    press(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(qtbot, window)
    assert dialog.page_count() == len(ctx.reader.catalogue.services) > 1
    dialog.reject()
