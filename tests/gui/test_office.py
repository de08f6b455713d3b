"""Menu Office and Help > Manual, opened from a real main window on the demo desk:
the daily report (preview, print to a file), the print log (who printed, reprints),
the desk status, staff accounts (administrators only), the manual in id and en."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from counterdesk.domain.errors import AuthenticationError
from counterdesk.domain.roles import Role
from counterdesk.gui import print_preview
from counterdesk.gui.context import Context
from counterdesk.gui.document_printing import DocumentPrinting
from counterdesk.gui.help_manual import ManualDialog
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.office.daily_report_dialog import DailyReportDialog
from counterdesk.gui.office.print_log_dialog import PrintLogDialog
from counterdesk.gui.office.staff_dialog import AccountDialog, StaffDialog
from counterdesk.gui.office.status_dialog import StatusDialog
from counterdesk.gui.ops import ImmediateOps
from counterdesk.gui.reads import ImmediateReads
from counterdesk.gui.shortcuts_dialog import ShortcutsDialog
from counterdesk.gui.translations import Translations
from counterdesk.services.desk import Desk
from counterdesk.services.print_log import print_log
from counterdesk.services.register import register
from counterdesk.services.staff import add_staff, authenticate, list_staff
from tests.test_register import reg

from .conftest import press, type_text


class FilePrinters:
    """Every printer writes a PDF file named after it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, name: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(150)
        printer.setOutputFileName(str(self.folder / f"{name}.pdf"))
        return printer


@pytest.fixture(autouse=True)
def printers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_preview, "available_printers", lambda: ["Kantor LaserJet"])
    monkeypatch.setattr(print_preview, "default_printer_name", lambda: "Kantor LaserJet")
    print_preview.forget_session_choices()


def office(qtbot: QtBot, window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier) -> QDialog:
    press(window, key, mods)
    dialog = window.office_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_office_menu_lists_its_windows_and_the_shortcuts_list_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.office_menu.title() == "&Kantor"
    texts = [a.text() for a in window.office_menu.actions() if not a.isSeparator()]
    assert texts == ["Laporan harian…", "Log cetak…", "Status loket…", "Akun petugas…"]
    assert window.manual_action in window.help_menu.actions()
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    rows = {(key, what) for _section, key, what in dialog.rows()}
    assert ("Ctrl+R", "Laporan harian") in rows
    assert ("Ctrl+Shift+A", "Akun petugas") in rows
    assert ("Ctrl+F1", "Panduan") in rows
    assert ("Ctrl+N", "Tambah akun") in rows  # inside the staff window
    dialog.reject()


def test_daily_report_shows_the_day_and_prints_to_a_file(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    register(ctx.reader, ctx.session, reg(ctx.reader))
    register(ctx.reader, ctx.session, reg(ctx.reader, name="Budi Santoso"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = office(qtbot, window, Qt.Key.Key_R, CTRL)
    assert isinstance(dialog, DailyReportDialog)
    assert dialog.windowTitle() == "Laporan harian"
    assert dialog.values["registered"].text() == "2"
    dialog.printer_factory = FilePrinters(tmp_path)
    previews: list[QDialog] = []
    dialog.previewed.connect(previews.append)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    press(dialog, Qt.Key.Key_P, CTRL)  # Ctrl+P: preview
    qtbot.waitUntil(lambda: bool(previews), timeout=30_000)
    preview = previews[0]
    assert isinstance(preview, print_preview.PrintPreviewDialog)
    assert preview.page_count() >= 1
    assert "02-11-2026" in preview.windowTitle()
    with qtbot.waitSignal(preview.printed, timeout=30_000):
        preview.print_document()
    pdf = (tmp_path / "Kantor LaserJet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    logged = print_log(ctx.reader)
    assert [(r.kind, r.number, r.staff, r.reprint) for r in logged] == [
        ("daily_report", "2026-11-02", "demo", False)
    ]
    preview.reject()
    # another day: the figures follow the date
    dialog.day.setDate(dialog.day.date().addDays(-1))
    assert dialog.values["registered"].text() == "0"


def test_the_print_log_names_the_clerk_and_marks_a_reprint(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    admin = authenticate(desk, "demo", "demo")
    add_staff(
        desk,
        admin,
        name="rina",
        full_name="Rina Wulandari",
        role=Role.COUNTER,
        password="rahasia-99",
    )
    clerk = authenticate(desk, "rina", "rahasia-99")
    ctx = Context(desk, ImmediateOps(desk), ImmediateReads(desk), clerk, "id")
    view = register(desk, clerk, reg(desk))
    files = FilePrinters(tmp_path)
    window = MainWindow(ctx, printing=lambda c, w: DocumentPrinting(c, w, printer_factory=files))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    printed: list[str] = []
    window.printing.printed.connect(lambda kind, _printer: printed.append(kind))
    window.printing.print_now(["receipt", "ticket"], view.receipt)
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=30_000)
    window.printing.print_now(["receipt"], view.receipt)  # the citizen lost it
    qtbot.waitUntil(lambda: len(printed) == 3, timeout=30_000)
    qtbot.waitUntil(lambda: len(print_log(desk)) == 3)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = office(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT)
    assert isinstance(dialog, PrintLogDialog)
    rows = [
        [dialog.table.cell_text(r, c) for c in range(dialog.table.columnCount())]
        for r in range(dialog.table.rowCount())
    ]
    assert len(rows) == 3
    by_kind = {(row[1], row[5]) for row in rows}
    assert by_kind == {
        ("Tanda terima", "Cetak ulang"),
        ("Tanda terima", "Cetak pertama"),
        ("Tiket antrean", "Cetak pertama"),
    }
    assert all(row[4] == "Rina Wulandari (rina)" for row in rows)
    receipt_rows = [row for row in rows if row[1] == "Tanda terima"]
    assert {row[2] for row in receipt_rows} == {view.receipt}
    ticket = next(row for row in rows if row[1] == "Tiket antrean")
    assert ticket[2] == view.ticket and ticket[3] == view.receipt
    assert "3 cetakan, 1 cetak ulang" in dialog.count.text()
    # yesterday: nothing printed
    dialog.day.setDate(dialog.day.date().addDays(-1))
    assert dialog.table.rowCount() == 0


def test_the_desk_status_shows_requests_pending_and_the_last_sync(
    qtbot: QtBot, ctx: Context
) -> None:
    register(ctx.reader, ctx.session, reg(ctx.reader))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = office(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    assert isinstance(dialog, StatusDialog)
    info = ctx.reader.info
    assert dialog.values["desk"].text() == f"{info.code} — {info.name}"
    assert dialog.values["requests"].text().startswith("1 (")
    assert "PELATIHAN" in dialog.values["mode"].text()
    assert "belum diterima kabupaten" in dialog.values["pending"].text()
    assert dialog.values["contact"].text() == "belum pernah"
    ctx.reader.conn.execute(
        "UPDATE sync_state SET last_contact = '2026-11-02T07:45:00+07:00' WHERE id = 1"
    )
    press(dialog, Qt.Key.Key_F5)
    assert dialog.values["contact"].text() == "2026-11-02 07:45"


def _staff_dialog(qtbot: QtBot, window: MainWindow) -> StaffDialog:
    dialog = office(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    assert isinstance(dialog, StaffDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _account(qtbot: QtBot, dialog: StaffDialog) -> AccountDialog:
    qtbot.waitUntil(lambda: dialog.account_dialog is not None)
    account = dialog.account_dialog
    assert account is not None
    qtbot.waitExposed(account)
    return account


def test_an_administrator_adds_deactivates_unlocks_and_resets(
    qtbot: QtBot, window: MainWindow
) -> None:
    desk = window.ctx.reader
    dialog = _staff_dialog(qtbot, window)
    assert dialog.table.cell_text(0, 0) == "demo"
    press(dialog, Qt.Key.Key_N, CTRL)
    account = _account(qtbot, dialog)
    type_text(account.name, "rina")
    type_text(account.full_name, "Rina Wulandari")
    type_text(account.passwords.password, "rahasia-99")
    type_text(account.passwords.repeat, "rahasia-98")
    press(account.passwords.repeat, Qt.Key.Key_Return)
    assert account.isVisible() and "tidak sama" in account.error.text()
    account.passwords.repeat.setText("rahasia-99")
    press(account.passwords.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not account.isVisible())
    assert authenticate(desk, "rina", "rahasia-99").role is Role.COUNTER
    assert dialog.selected() is not None and dialog.selected()["name"] == "rina"  # type: ignore[index]
    assert "rina" in dialog.status.text()

    # five wrong passwords lock the account; the administrator lifts the lock
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            authenticate(desk, "rina", "salah-salah")
    dialog.refresh()
    dialog.select_account("rina")
    assert "terkunci" in dialog.table.cell_text(dialog.table.currentRow(), 3)
    press(dialog, Qt.Key.Key_U, CTRL)
    assert not next(r for r in list_staff(desk) if r["name"] == "rina")["locked"]

    # a new password: the old one stops working
    press(dialog, Qt.Key.Key_R, CTRL)
    account = _account(qtbot, dialog)
    assert account.name.isHidden()
    type_text(account.passwords.password, "baru-sekali-1")
    type_text(account.passwords.repeat, "baru-sekali-1")
    press(account.passwords.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not account.isVisible())
    assert authenticate(desk, "rina", "baru-sekali-1").name == "rina"
    with pytest.raises(AuthenticationError):
        authenticate(desk, "rina", "rahasia-99")

    # deactivated: no more logins, and shown so
    press(dialog, Qt.Key.Key_D, CTRL)
    assert not next(r for r in list_staff(desk) if r["name"] == "rina")["active"]
    assert "nonaktif" in dialog.table.cell_text(dialog.table.currentRow(), 3)
    with pytest.raises(AuthenticationError):
        authenticate(desk, "rina", "baru-sekali-1")
    press(dialog, Qt.Key.Key_D, CTRL)  # and back
    assert authenticate(desk, "rina", "baru-sekali-1").name == "rina"

    # one's own account cannot be deactivated here
    dialog.select_account("demo")
    assert not dialog.active_button.isEnabled()
    press(dialog, Qt.Key.Key_D, CTRL)
    assert next(r for r in list_staff(desk) if r["name"] == "demo")["active"]


def test_a_too_short_password_is_refused_in_the_staff_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _staff_dialog(qtbot, window)
    dialog.add_account()
    account = _account(qtbot, dialog)
    account.name.setText("budi")
    account.passwords.password.setText("ab")
    account.passwords.repeat.setText("ab")
    account.ok_button.click()
    assert account.isVisible() and account.error.text()
    assert [r["name"] for r in list_staff(window.ctx.reader)] == ["demo"]


def test_a_clerk_neither_sees_nor_opens_the_staff_window(qtbot: QtBot, desk: Desk) -> None:
    admin = authenticate(desk, "demo", "demo")
    add_staff(desk, admin, name="rina", full_name="Rina", role=Role.COUNTER, password="rahasia-99")
    clerk = authenticate(desk, "rina", "rahasia-99")
    ctx = Context(desk, ImmediateOps(desk), ImmediateReads(desk), clerk, "id")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert not window.staff_action.isVisible() and not window.staff_action.isEnabled()
    window.open_office("staff")
    press(window, Qt.Key.Key_A, CTRL_SHIFT)
    assert window.office_dialog is None
    # the other office windows are for everyone
    window.open_office("print_log")
    assert isinstance(window.office_dialog, PrintLogDialog)


@pytest.mark.parametrize(
    ("language", "heading", "office_words"),
    [("id", "panduan singkat", "Menu Kantor"), ("en", "short manual", "The office menu")],
)
def test_the_manual_shows_in_the_ui_language(
    qtbot: QtBot,
    window: MainWindow,
    ui_language: Translations,
    language: str,
    heading: str,
    office_words: str,
) -> None:
    window.ctx.language = language
    ui_language.use(language)
    press(window, Qt.Key.Key_F1, CTRL)
    dialog = window.manual_dialog
    assert isinstance(dialog, ManualDialog)
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert heading in text and office_words in text
    assert dialog.windowTitle() == ("Panduan" if language == "id" else "Manual")
    # switching the language while it is open shows the other manual
    other = "en" if language == "id" else "id"
    window.ctx.language = other
    ui_language.use(other)
    qtbot.waitUntil(lambda: heading not in dialog.browser.toPlainText())
    assert dialog.windowTitle() == ("Panduan" if other == "id" else "Manual")


def test_office_windows_are_closed_to_a_locked_session(qtbot: QtBot, window: MainWindow) -> None:
    window.open_office("staff")
    staff = window.office_dialog
    assert isinstance(staff, StaffDialog) and staff.isVisible()
    window.set_locked(True)
    assert window.office_dialog is None and not staff.isVisible()
    window.open_office("status")
    assert window.office_dialog is None
    assert not window.daily_report_action.isEnabled() and not window.staff_action.isEnabled()


def test_printing_the_daily_report_for_a_past_day_is_logged_with_that_day(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    dialog = DailyReportDialog(ctx, printer_factory=FilePrinters(tmp_path))
    qtbot.addWidget(dialog)
    dialog.day.setDate(dialog.day.date().addDays(-3))
    previews: list[QDialog] = []
    dialog.previewed.connect(previews.append)
    dialog.preview()
    qtbot.waitUntil(lambda: bool(previews), timeout=30_000)
    with qtbot.waitSignal(previews[0].printed, timeout=30_000):  # type: ignore[attr-defined]
        previews[0].print_document()  # type: ignore[attr-defined]
    day = ctx.today() - datetime.timedelta(days=3)
    assert [r.number for r in print_log(ctx.reader)] == [day.isoformat()]
    previews[0].reject()


def test_every_input_of_the_office_windows_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, ctx: Context
) -> None:
    from .test_accessibility import is_input, name_of

    staff = StaffDialog(ctx, window)
    windows: list[QDialog] = [
        DailyReportDialog(ctx, window),
        PrintLogDialog(ctx, window),
        StatusDialog(ctx, window),
        staff,
        AccountDialog(staff),
        AccountDialog(staff, name="demo"),
        ManualDialog(ctx, window),
    ]
    for top in windows:
        unnamed = [
            f"{type(top).__name__}: {type(w).__name__}"
            for w in top.findChildren(QWidget)
            if is_input(w) and w.isVisibleTo(top) and not name_of(w)
        ]
        assert not unnamed, unnamed
        top.deleteLater()


def test_a_letter_printed_from_the_preview_is_logged_with_its_number(
    qtbot: QtBot, ctx: Context, tmp_path: Path
) -> None:
    view = register(ctx.reader, ctx.session, reg(ctx.reader))
    files = FilePrinters(tmp_path)
    window = MainWindow(
        ctx, printing=lambda c, w: DocumentPrinting(c, w, preview_printer_factory=files)
    )
    qtbot.addWidget(window)
    for _ in range(2):
        with qtbot.waitSignal(window.printing.previewed, timeout=30_000) as opened:
            window.printing.preview("letter", view.receipt)
        preview = opened.args[0]
        with qtbot.waitSignal(preview.printed, timeout=30_000):
            preview.print_document()
        preview.reject()
    number = ctx.reader.conn.execute("SELECT number FROM letters").fetchone()[0]
    logged = print_log(ctx.reader)
    assert [(r.kind, r.number, r.receipt, r.reprint, r.printer) for r in logged] == [
        ("letter", number, view.receipt, True, "Kantor LaserJet"),
        ("letter", number, view.receipt, False, "Kantor LaserJet"),
    ]
