"""Printing documents through Qt: the printed PDF has the document's pages, paper and QR code.

A ``QPrinter`` writing a PDF file stands in for the printer; poppler's
``pdfinfo``/``pdftoppm`` and ``zbarimg`` check what came out. The last tests
print through the OS print system to a CUPS-PDF queue named ``PDF``.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from counterdesk.config import DeskSettings
from counterdesk.gui import print_output
from counterdesk.gui.print_output import (
    MAX_DPI,
    PAGE_PIXELS,
    PrintFailed,
    PrintJob,
    chosen_printer_name,
    default_printer_name,
    message_text,
    print_pdf,
    printer_for,
    save_pdf,
    settings_key,
)
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings
from counterdesk.services.documents import document_pdf, receipt_payload
from counterdesk.services.printer import send_to_printer
from counterdesk.services.register import register
from counterdesk.services.requests import get_request
from counterdesk.services.staff import StaffSession
from tests.conftest import require_tool
from tests.test_register import reg

MM = 72 / 25.4
LONG_ADDRESS = (
    "Dusun Sebunga RT 002 RW 001, Desa Sebunga, Kecamatan Sajingan Besar, di sebelah gudang "
    "koperasi lama, melewati jembatan gantung kedua dari arah pos lintas batas, rumah panggung "
    "kayu bercat hijau dengan pagar bambu, dekat surau dan lapangan voli desa."
)
LONG_PURPOSE = (
    "Persyaratan pengurusan Pas Lintas Batas untuk bekerja musiman di kebun lada di seberang "
    "perbatasan, pembukaan rekening tabungan di bank unit desa, pendaftaran anak ke sekolah "
    "menengah pertama, dan pengajuan bantuan bibit dari dinas pertanian kabupaten."
)


@pytest.fixture(autouse=True)
def _qt(qapp: object) -> None:
    """QPrinter and QPdfDocument need the application object."""


# documents ----------------------------------------------------------------------
def receipt_pdf(desk: Desk, session: StaffSession, roll_mm: int) -> tuple[bytes, str]:
    update_settings(desk, session, roll_mm=roll_mm)
    request = register(desk, session, reg(desk))
    pdf, _ = document_pdf(desk, session, "receipt", request.receipt)
    return pdf, receipt_payload(desk, get_request(desk, request.receipt))


def two_page_letter(desk: Desk, session: StaffSession, paper: str = "F4") -> bytes:
    """A bilingual letter with long answers: two pages."""
    update_settings(desk, session, letter_paper=paper, bilingual_letters=True)
    fields = dict(
        reg(desk).fields, address=(LONG_ADDRESS * 2)[:200], purpose=(LONG_PURPOSE * 2)[:500]
    )
    request = register(desk, session, reg(desk, fields=fields))
    pdf, _ = document_pdf(desk, session, "letter", request.receipt)
    return pdf


# tools --------------------------------------------------------------------------
def file_printer(path: Path, *, dpi: int | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if dpi is not None:
        printer.setResolution(dpi)
    return printer


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page, from ``pdfinfo``."""
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    out = subprocess.run(
        [pdfinfo, "-f", "1", "-l", "99", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert int(re.search(r"Pages:\s+(\d+)", out)[1]) == len(sizes)  # type: ignore[index]
    return [(float(w), float(h)) for w, h in sizes]


def source_pages(pdf: bytes, tmp_path: Path) -> list[tuple[float, float]]:
    path = tmp_path / "source.pdf"
    path.write_bytes(pdf)
    return pdf_pages(path)


def render(path: Path, dpi: int, page: int = 1) -> Path:
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    prefix = path.with_name(f"{path.stem}-p{page}-{dpi}")
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    return prefix.with_suffix(".png")


def grey_pixels(png: Path) -> tuple[QImage, bytes]:
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    rows = [
        bytes(cast(memoryview, image.constScanLine(y)))[: image.width()]
        for y in range(image.height())
    ]
    return image, b"".join(rows)


def corners(width: int, height: int, inset: int) -> list[tuple[int, int]]:
    far_x, far_y = width - 1 - inset, height - 1 - inset
    return [(inset, inset), (far_x, inset), (inset, far_y), (far_x, far_y)]


def assert_printed_page_looks_right(path: Path, page: int = 1, *, opaque: bool = True) -> None:
    """Not blank, white background (corners white), and painted white: not transparent."""
    image, pixels = grey_pixels(render(path, 100, page))
    w, h = image.width(), image.height()
    for x, y in corners(w, h, 0):
        assert pixels[y * w + x] >= 250, f"corner {x},{y} of page {page} is not white"
    dark = len(pixels) - len(pixels.translate(None, bytes(range(100))))  # grey < 100
    white = len(pixels) - len(pixels.translate(None, bytes(range(246, 256))))  # grey > 245
    assert dark > 500, f"page {page} is (nearly) blank: {dark} dark pixels"
    assert white > 0.6 * len(pixels), f"page {page} background is not white"
    if not opaque:
        return
    # On a transparent page the printed image must still be opaque white: QPdfDocument
    # renders onto a transparent image, which print_pdf has to put on white.
    pdftocairo = require_tool("pdftocairo", "poppler-utils")
    prefix = path.with_name(f"{path.stem}-p{page}-transp")
    subprocess.run(
        [
            pdftocairo,
            "-png",
            "-transp",
            "-r",
            "100",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    clear = QImage(str(prefix.with_suffix(".png")))
    for x, y in corners(clear.width(), clear.height(), 2):
        color = clear.pixelColor(x, y)
        assert color.alpha() == 255, f"page {page} is transparent at {x},{y}"
        assert min(color.red(), color.green(), color.blue()) >= 250


def qr_codes(path: Path, dpi: int, page: int = 1) -> list[str]:
    zbarimg = require_tool("zbarimg", "zbar-tools")
    png = render(path, dpi, page)
    out = subprocess.run(
        [zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True,
        text=True,
    )
    return [line for line in out.stdout.splitlines() if line]


def assert_same_pages(printed: Path, pdf: bytes, tmp_path: Path) -> None:
    want = source_pages(pdf, tmp_path)
    got = pdf_pages(printed)
    assert len(got) == len(want)
    for (gw, gh), (ww, wh) in zip(got, want, strict=True):
        assert abs(gw - ww) <= 1.0 and abs(gh - wh) <= 1.0, (got, want)


# printing to a file ---------------------------------------------------------------
@pytest.mark.parametrize(("roll_mm", "dpi"), [(80, None), (58, 203)])
def test_receipt_prints_on_a_roll_page_with_a_readable_qr_code(
    desk: Desk, session: StaffSession, tmp_path: Path, roll_mm: int, dpi: int | None
) -> None:
    pdf, payload = receipt_pdf(desk, session, roll_mm)
    out = tmp_path / "printed.pdf"
    printer = file_printer(out, dpi=dpi)  # None: Qt's 1200 dpi; 203: a thermal head

    print_pdf(pdf, printer, roll_mm=roll_mm)

    assert printer.printerState() != QPrinter.PrinterState.Error
    assert_same_pages(out, pdf, tmp_path)
    (width, height), *_ = pdf_pages(out)
    assert abs(width - roll_mm * MM) <= 1.0
    assert height > 2 * width  # roll width x content height, not a sheet
    assert_printed_page_looks_right(out)
    assert payload in qr_codes(out, 203)


def test_ticket_page_is_as_tall_as_its_content(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    request = register(desk, session, reg(desk))
    pdf, _ = document_pdf(desk, session, "ticket", request.receipt)
    out = tmp_path / "ticket.pdf"
    print_pdf(pdf, file_printer(out, dpi=203), roll_mm=80)
    assert_same_pages(out, pdf, tmp_path)
    assert_printed_page_looks_right(out)


@pytest.mark.parametrize("paper", ["F4", "A4"])
def test_two_page_letter_prints_both_pages_on_its_paper(
    desk: Desk, session: StaffSession, tmp_path: Path, paper: str
) -> None:
    pdf = two_page_letter(desk, session, paper)
    out = tmp_path / "letter.pdf"

    print_pdf(pdf, file_printer(out, dpi=300), roll_mm=None)

    assert_same_pages(out, pdf, tmp_path)
    pages = pdf_pages(out)
    assert len(pages) == 2
    want = (215 * MM, 330 * MM) if paper == "F4" else (210 * MM, 297 * MM)
    for width, height in pages:
        assert abs(width - want[0]) <= 1.0 and abs(height - want[1]) <= 1.0
    for page in (1, 2):
        assert_printed_page_looks_right(out, page)
    # Every page carries the letter's QR code in its footer: the last one still scans.
    assert [code[:6] for code in qr_codes(out, 300, page=2)] == ["CD1|L|"]


def _image_rows(pdf_path: Path) -> list[list[str]]:
    pdfimages = require_tool("pdfimages", "poppler-utils")
    listing = subprocess.run(
        [pdfimages, "-list", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split() for line in listing.splitlines()[2:] if line.strip()]


def test_pages_are_printed_as_lossless_opaque_images_of_bounded_size(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    receipt, _ = receipt_pdf(desk, session, 80)
    letter = two_page_letter(desk, session, "F4")
    for name, pdf, roll in (("receipt", receipt, 80), ("letter", letter, None)):
        out = tmp_path / f"{name}.pdf"
        print_pdf(pdf, file_printer(out), roll_mm=roll)  # Qt's PDF output says 1200 dpi
        rows = _image_rows(out)
        assert len(rows) == len(pdf_pages(out))  # one image a page, no soft masks
        for row in rows:
            kind, width, height, color, encoding, x_ppi = (
                row[2:5] + row[5:6] + row[8:9] + row[12:13]
            )
            assert kind == "image" and encoding != "jpeg"
            assert color == ("gray" if roll else "rgb")
            assert int(x_ppi) <= MAX_DPI + 1
            assert int(width) * int(height) <= PAGE_PIXELS * 1.01
        if roll:  # a receipt is small enough for the full 600 dpi
            assert all(abs(int(row[12]) - MAX_DPI) <= 1 for row in rows)


# errors -------------------------------------------------------------------------
def test_printer_in_error_state_raises_a_clear_error(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    pdf, _ = receipt_pdf(desk, session, 80)
    target = tmp_path / "no-such-folder" / "out.pdf"
    printer = file_printer(target)
    with pytest.raises(PrintFailed) as caught:
        print_pdf(pdf, printer, roll_mm=80)
    assert caught.value.code in ("print_start", "print_error")
    assert str(target) in str(caught.value)
    assert "cannot start printing" in str(caught.value) or "error" in str(caught.value)
    assert not target.exists()
    # The UI text names the printer (the file) too.
    assert str(target) in message_text(caught.value)


def test_unreadable_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PrintFailed) as caught:
        print_pdf(b"%PDF-1.4 not really", file_printer(tmp_path / "x.pdf"), roll_mm=None)
    assert caught.value.code == "print_unreadable"
    assert not (tmp_path / "x.pdf").exists()


def test_document_for_another_roll_width_is_refused(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    pdf, _ = receipt_pdf(desk, session, 80)
    with pytest.raises(PrintFailed) as caught:
        print_pdf(pdf, file_printer(tmp_path / "x.pdf"), roll_mm=58)
    assert caught.value.code == "print_roll_width"
    assert "80 mm wide but the roll is 58 mm" in str(caught.value)


def test_a_page_that_cannot_be_drawn_stops_the_print(
    desk: Desk, session: StaffSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = two_page_letter(desk, session)
    real = print_output.render_page

    def fail_on_page_2(document: object, page: int, dpi: float, *, roll: bool = False) -> object:
        if page == 1:
            raise PrintFailed("page 2 could not be rendered", code="print_render", page=2)
        return real(document, page, dpi, roll=roll)  # type: ignore[arg-type]

    monkeypatch.setattr(print_output, "render_page", fail_on_page_2)
    with pytest.raises(PrintFailed) as caught:
        print_pdf(pdf, file_printer(tmp_path / "x.pdf", dpi=100), roll_mm=None)
    assert caught.value.code == "print_render"
    assert "2" in message_text(caught.value)


# the job on the print thread ----------------------------------------------------
def test_print_job_runs_off_the_ui_thread_and_reports_done(
    desk: Desk, session: StaffSession, tmp_path: Path, qtbot: QtBot
) -> None:
    pdf = two_page_letter(desk, session)
    out = tmp_path / "job.pdf"
    job = PrintJob(pdf, file_printer(out, dpi=150), roll_mm=None)
    with qtbot.waitSignal(job.done, timeout=30_000) as done:
        job.start()
    assert done.args == [str(out)]
    assert job.error is None
    assert len(pdf_pages(out)) == 2


def test_print_job_reports_failure_in_the_ui_language(
    desk: Desk, session: StaffSession, tmp_path: Path, qtbot: QtBot
) -> None:
    pdf, _ = receipt_pdf(desk, session, 58)
    job = PrintJob(pdf, file_printer(tmp_path / "missing" / "x.pdf"), roll_mm=58)
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert job.error is not None and job.error.code in ("print_start", "print_error")
    assert failed.args == [message_text(job.error)]


# choosing the printer -------------------------------------------------------------
def test_each_kind_of_document_has_its_remembered_printer() -> None:
    assert settings_key("ticket") == settings_key("receipt") == "receipt_printer"
    assert settings_key("letter") == settings_key("referral") == "letter_printer"
    with pytest.raises(ValueError):
        settings_key("poster")


def test_a_missing_remembered_printer_falls_back_to_the_default() -> None:
    settings = DeskSettings(receipt_printer="Printer that was unplugged", letter_printer="")
    assert chosen_printer_name("receipt", settings) == default_printer_name()
    assert chosen_printer_name("letter", settings) == default_printer_name()
    printer = printer_for("ticket", settings)
    assert printer.printerName() == default_printer_name()


def test_the_remembered_printer_is_used_when_it_is_there() -> None:
    names = QPrinterInfo.availablePrinterNames()
    if not names:
        pytest.skip("no printer is installed here")
    settings = DeskSettings(receipt_printer=names[-1], letter_printer=names[0])
    assert printer_for("receipt", settings).printerName() == names[-1]
    assert printer_for("referral", settings).printerName() == names[0]


# saving -------------------------------------------------------------------------
def test_save_pdf_writes_the_bytes_at_once(tmp_path: Path) -> None:
    target = tmp_path / "surat.pdf"
    target.write_bytes(b"old")
    save_pdf(b"%PDF-new", target)
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir()] == ["surat.pdf"]  # no temporary file left
    with pytest.raises(PrintFailed) as caught:
        save_pdf(b"%PDF", tmp_path / "missing" / "x.pdf")
    assert caught.value.code == "save_failed"


# the OS print system: CUPS with a CUPS-PDF queue named PDF ---------------------------
QUEUE = "PDF"


def _cups_pdf_queue() -> None:
    """The CUPS-PDF queue must exist: in CI (CI=true) its absence fails the test."""
    lpstat = require_tool("lpstat", "cups-client")
    require_tool("lp", "cups-client")
    found = subprocess.run([lpstat, "-p", QUEUE], capture_output=True, text=True, timeout=20)
    if found.returncode == 0 and QPrinterInfo.printerInfo(QUEUE).printerName() == QUEUE:
        return
    reason = (found.stderr or found.stdout).strip() or "not seen by Qt"
    message = (
        f"no CUPS queue {QUEUE!r} ({reason}); start cupsd and run: lpadmin -p PDF -E "
        "-v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def cups_pdf_folders() -> list[Path]:
    """Where CUPS-PDF writes this user's jobs (``Out``) and anonymous ones (``AnonDirName``)."""
    settings = {
        "Out": "/var/spool/cups-pdf/${USER}",
        "AnonDirName": "/var/spool/cups-pdf/ANONYMOUS",
    }
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            parts = line.strip().split(None, 1)
            if len(parts) == 2 and parts[0] in settings:
                settings[parts[0]] = parts[1].strip()
    home = str(Path.home())
    user = getpass.getuser()
    return [
        Path(settings[k].replace("${HOME}", home).replace("${USER}", user))
        for k in ("Out", "AnonDirName")
    ]


def wait_for_cups_pdf(token: str, into: Path, timeout: float = 20.0) -> Path:
    """Wait for CUPS-PDF's file for the job titled ``token``; moved into ``into``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in cups_pdf_folders():
            try:
                found = [p for p in folder.glob("*.pdf") if token in p.name]
            except OSError:
                continue
            for path in found:
                size = path.stat().st_size
                time.sleep(0.3)  # still being written?
                if size and path.stat().st_size == size:
                    return Path(shutil.move(path, into / path.name))
        time.sleep(0.25)
    raise AssertionError(
        f"CUPS-PDF wrote no file named like {token!r} within {timeout:.0f} s in "
        f"{', '.join(map(str, cups_pdf_folders()))}"
    )


@pytest.fixture
def cups_token() -> Iterator[str]:
    _cups_pdf_queue()
    token = "cdtest" + uuid.uuid4().hex[:10]
    yield token
    for folder in cups_pdf_folders():
        for path in folder.glob(f"*{token}*") if folder.is_dir() else ():
            path.unlink(missing_ok=True)


def test_receipt_prints_through_cups_to_the_pdf_queue(
    desk: Desk, session: StaffSession, tmp_path: Path, qtbot: QtBot, cups_token: str
) -> None:
    pdf, payload = receipt_pdf(desk, session, 80)
    settings = DeskSettings(receipt_printer=QUEUE)
    printer = printer_for("receipt", settings)
    assert printer.printerName() == QUEUE
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    printer.setDocName(cups_token)
    job = PrintJob(pdf, printer, roll_mm=80)
    with qtbot.waitSignal(job.done, timeout=30_000) as done:
        job.start()
    assert done.args == [QUEUE]

    printed = wait_for_cups_pdf(cups_token, tmp_path)
    assert_same_pages(printed, pdf, tmp_path)
    assert_printed_page_looks_right(printed)
    assert payload in qr_codes(printed, 203)


def test_receipt_sent_with_lp_reaches_the_pdf_queue(
    desk: Desk, session: StaffSession, tmp_path: Path, cups_token: str
) -> None:
    pdf, _ = receipt_pdf(desk, session, 58)
    job_line = send_to_printer(pdf, QUEUE, title=cups_token)
    assert QUEUE in job_line
    printed = wait_for_cups_pdf(cups_token, tmp_path)
    # The job carries the roll's own paper size (-o media=Custom.WxHmm), not the queue's A4.
    ((width, height),) = pdf_pages(printed)
    ((source_width, source_height),) = source_pages(pdf, tmp_path)
    assert abs(width - source_width) <= 3 and abs(height - source_height) <= 3
    assert_printed_page_looks_right(printed, opaque=False)
