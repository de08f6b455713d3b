"""The print preview: shows every page, prints on the chosen printer, remembers it, saves PDFs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from counterdesk.domain.roles import Role
from counterdesk.gui import print_preview
from counterdesk.gui.context import Context
from counterdesk.gui.ops import ImmediateOps
from counterdesk.gui.print_output import message_text
from counterdesk.gui.print_preview import PrintPreviewDialog
from counterdesk.gui.printer_settings import PrinterSettings
from counterdesk.gui.reads import ImmediateReads
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings
from counterdesk.services.documents import document_pdf
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession, add_staff, authenticate
from tests.test_register import reg

PRINTERS = ["Kasir TM-T82", "Kantor LaserJet", "PDF"]
DEFAULT = "Kantor LaserJet"


@pytest.fixture(autouse=True)
def printers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same printers on every machine; printing itself goes to files (``printed_to``)."""
    monkeypatch.setattr(print_preview, "available_printers", lambda: list(PRINTERS))
    monkeypatch.setattr(print_preview, "default_printer_name", lambda: DEFAULT)
    print_preview.forget_session_choices()


def two_page_letter(desk: Desk, session: StaffSession) -> bytes:
    """A bilingual letter with long answers: two pages."""
    update_settings(desk, session, letter_paper="F4", bilingual_letters=True)
    long_text = "Dusun Sebunga RT 002 RW 001, rumah panggung kayu di seberang surau desa. " * 7
    fields = dict(reg(desk).fields, address=long_text[:500], purpose=long_text[:500])
    request = register(desk, session, reg(desk, fields=fields))
    pdf, _ = document_pdf(desk, session, "letter", request.receipt)
    return pdf


def receipt(desk: Desk, session: StaffSession) -> bytes:
    request = register(desk, session, reg(desk))
    return document_pdf(desk, session, "receipt", request.receipt)[0]


class FilePrinters:
    """A printer factory: each printer writes a PDF file named after the printer."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: list[str] = []

    def __call__(self, name: str) -> QPrinter:
        self.used.append(name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(150)
        printer.setOutputFileName(str(self.folder / f"{name}.pdf"))
        return printer


def open_dialog(
    qtbot: QtBot, pdf: bytes, kind: str, ctx: Context, factory: Callable[[str], QPrinter]
) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(pdf, kind, ctx, file_name=f"{kind}.pdf", printer_factory=factory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # keyboard shortcuts go to the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_preview_shows_both_pages_of_a_letter_and_esc_closes_it(
    qtbot: QtBot, desk: Desk, session: StaffSession, ctx: Context, tmp_path: Path
) -> None:
    dialog = open_dialog(
        qtbot, two_page_letter(desk, session), "letter", ctx, FilePrinters(tmp_path)
    )

    assert dialog.page_count() == 2
    assert dialog.view.document().pageCount() == 2
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    # The UI speaks Indonesian (tests/gui/conftest.py installs it).
    assert dialog.pages_label.text() == "2 halaman"
    assert dialog.windowTitle() == "Pratinjau cetak: Surat"
    assert (dialog.print_button.text(), dialog.close_button.text()) == ("Cetak", "Tutup")
    assert dialog.save_button.text().startswith("Simpan")
    assert dialog.chosen_printer() == DEFAULT  # nothing remembered yet: the default
    assert [
        dialog.printer_combo.itemData(i) for i in range(dialog.printer_combo.count())
    ] == PRINTERS
    assert dialog.printer_combo.currentText() == dialog.tr("{name} (default)").format(name=DEFAULT)
    assert dialog.print_button.isEnabled() and not dialog.progress.isVisible()

    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_ctrl_p_prints_on_the_chosen_printer_and_an_admin_remembers_it(
    qtbot: QtBot, desk: Desk, session: StaffSession, ctx: Context, tmp_path: Path
) -> None:
    factory = FilePrinters(tmp_path)
    dialog = open_dialog(qtbot, two_page_letter(desk, session), "letter", ctx, factory)
    dialog.printer_combo.setCurrentIndex(PRINTERS.index("PDF"))
    assert dialog.print_shortcut.key() == QKeySequence(QKeySequence.StandardKey.Print)

    with qtbot.waitSignal(dialog.printed, timeout=30_000) as printed:
        QTest.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert dialog.busy and dialog.progress.isVisible()
        assert not dialog.close_button.isEnabled()

    assert printed.args == ["PDF"]
    assert factory.used == ["PDF"]
    assert (tmp_path / "PDF.pdf").stat().st_size > 1000
    assert not dialog.busy and not dialog.progress.isVisible()
    assert dialog.status.text() == dialog.tr("Sent to {printer}.").format(printer="PDF")
    # The demo user is an administrator: the letter printer is now a desk setting.
    assert desk.info.settings.letter_printer == "PDF"
    assert desk.info.settings.receipt_printer == ""
    dialog.reject()

    again = open_dialog(qtbot, two_page_letter(desk, session), "referral", ctx, factory)
    assert again.chosen_printer() == "PDF"  # letters and referral slips share a printer
    other = open_dialog(qtbot, receipt(desk, session), "receipt", ctx, factory)
    assert other.chosen_printer() == DEFAULT


def test_counter_staff_choice_is_remembered_for_the_session_only(
    qtbot: QtBot, desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    add_staff(desk, session, name="budi", full_name="Budi", role=Role.COUNTER, password="rahasia-1")
    budi = authenticate(desk, "budi", "rahasia-1")
    ctx = Context(reader=desk, ops=ImmediateOps(desk), reads=ImmediateReads(desk), session=budi)
    factory = FilePrinters(tmp_path)
    pdf = receipt(desk, session)

    dialog = open_dialog(qtbot, pdf, "receipt", ctx, factory)
    dialog.printer_combo.setCurrentIndex(PRINTERS.index("Kasir TM-T82"))
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        dialog.print_button.click()
    dialog.accept()

    assert desk.info.settings.receipt_printer == ""  # not a desk setting
    assert open_dialog(qtbot, pdf, "ticket", ctx, factory).chosen_printer() == "Kasir TM-T82"
    print_preview.forget_session_choices()  # logout
    assert open_dialog(qtbot, pdf, "ticket", ctx, factory).chosen_printer() == DEFAULT


def test_a_printer_error_is_shown_and_the_dialog_stays_usable(
    qtbot: QtBot, desk: Desk, session: StaffSession, ctx: Context, tmp_path: Path
) -> None:
    broken = FilePrinters(tmp_path / "unplugged")  # a folder that does not exist
    dialog = open_dialog(qtbot, receipt(desk, session), "receipt", ctx, broken)
    dialog.print_document()
    assert dialog.busy
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.last_error is not None
    assert dialog.last_error.code in ("print_start", "print_error")
    assert dialog.status.text() == message_text(dialog.last_error)
    assert "unplugged" in dialog.status.text()  # it names the printer (here: the file)
    assert dialog.print_button.isEnabled() and dialog.close_button.isEnabled()
    assert desk.info.settings.receipt_printer == ""  # a failed print is not remembered


def test_esc_while_printing_waits_for_the_printer(
    qtbot: QtBot, desk: Desk, session: StaffSession, ctx: Context, tmp_path: Path
) -> None:
    class HeldPool:
        """A pool that runs its task only when told to."""

        task: Callable[[], None] | None = None

        def start(self, task: Callable[[], None]) -> None:
            self.task = task

    pool = HeldPool()
    dialog = PrintPreviewDialog(
        receipt(desk, session),
        "receipt",
        ctx,
        printer_factory=FilePrinters(tmp_path),
        pool=pool,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_document()
    assert dialog.busy and dialog.progress.isVisible()

    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.status.text() == dialog.tr(
        "Please wait until the document has been sent to the printer."
    )

    assert pool.task is not None
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        pool.task()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_save_as_pdf_writes_the_document(
    qtbot: QtBot, desk: Desk, session: StaffSession, ctx: Context, tmp_path: Path
) -> None:
    pdf = two_page_letter(desk, session)
    dialog = open_dialog(qtbot, pdf, "letter", ctx, FilePrinters(tmp_path))
    dialog.ask_save_path = lambda: str(tmp_path / "surat-domisili")  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [str(tmp_path / "surat-domisili.pdf")]
    assert (tmp_path / "surat-domisili.pdf").read_bytes() == pdf

    dialog.ask_save_path = lambda: str(tmp_path / "missing" / "x.pdf")  # type: ignore[method-assign]
    dialog.save_button.click()
    assert dialog.status.text().startswith("PDF tidak dapat disimpan: ")


def test_without_printers_only_saving_is_offered(
    qtbot: QtBot,
    desk: Desk,
    session: StaffSession,
    ctx: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(print_preview, "available_printers", lambda: [])
    monkeypatch.setattr(print_preview, "default_printer_name", lambda: "")
    dialog = open_dialog(qtbot, receipt(desk, session), "receipt", ctx, FilePrinters(tmp_path))
    assert not dialog.print_button.isEnabled()
    assert not dialog.printer_combo.isEnabled()
    assert dialog.save_button.isEnabled()
    assert dialog.status.text() == dialog.tr(
        "No printer is installed on this computer. You can save the PDF instead."
    )
    dialog.print_document()  # Ctrl+P does nothing harmful
    assert not dialog.busy


# the printing settings ------------------------------------------------------------
def test_admin_sets_printers_roll_and_paper(qtbot: QtBot, desk: Desk, ctx: Context) -> None:
    widget = PrinterSettings(ctx, printers=lambda: list(PRINTERS))
    qtbot.addWidget(widget)
    assert widget.changes() == {
        "receipt_printer": "",
        "letter_printer": "",
        "roll_mm": 80,
        "letter_paper": "A4",
    }
    widget.receipt_printer.setCurrentIndex(widget.receipt_printer.findData("Kasir TM-T82"))
    widget.letter_printer.setCurrentIndex(widget.letter_printer.findData("Kantor LaserJet"))
    widget.roll_mm.setCurrentIndex(widget.roll_mm.findData(58))
    widget.letter_paper.setCurrentIndex(widget.letter_paper.findData("F4"))
    with qtbot.waitSignal(widget.saved):
        widget.save_button.click()
    settings = desk.info.settings
    assert (settings.receipt_printer, settings.letter_printer) == (
        "Kasir TM-T82",
        "Kantor LaserJet",
    )
    assert (settings.roll_mm, settings.letter_paper) == (58, "F4")


def test_a_remembered_printer_that_is_not_connected_stays_selected(
    qtbot: QtBot, desk: Desk, session: StaffSession, ctx: Context
) -> None:
    update_settings(desk, session, receipt_printer="Printer di gudang")
    widget = PrinterSettings(ctx, printers=lambda: list(PRINTERS))
    qtbot.addWidget(widget)
    assert widget.receipt_printer.currentData() == "Printer di gudang"
    assert widget.changes()["receipt_printer"] == "Printer di gudang"


def test_only_an_administrator_may_change_the_printing_settings(
    qtbot: QtBot, desk: Desk, session: StaffSession
) -> None:
    add_staff(
        desk, session, name="sari", full_name="Sari", role=Role.SUPERVISOR, password="x-1234567"
    )
    sari = authenticate(desk, "sari", "x-1234567")
    ctx = Context(reader=desk, ops=ImmediateOps(desk), reads=ImmediateReads(desk), session=sari)
    widget = PrinterSettings(ctx, printers=lambda: list(PRINTERS))
    qtbot.addWidget(widget)
    assert not widget.save_button.isEnabled() and not widget.roll_mm.isEnabled()
    assert widget.status.text() == widget.tr("Only an administrator can change these settings.")
