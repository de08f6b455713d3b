"""Tickets and receipts straight to an ESC/POS printer: the bytes decoded back to the
image the head prints (the right number of dots), the QR on it scanned with zbarimg and
verified with `counterdesk verify`; the links (file, TCP, a Windows queue) and the
printer's own errors (paper out, disconnected, no answer) as one clear message."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from escpos_decode import decode
from tests.conftest import require_tool
from tests.test_register import reg

from counterdesk.cli import main
from counterdesk.domain.errors import CounterdeskError
from counterdesk.services import escpos
from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf, receipt_payload
from counterdesk.services.escpos import (
    Target,
    escpos_bytes,
    parse_target,
    print_roll,
    send_escpos,
)
from counterdesk.services.printer import PrintError
from counterdesk.services.register import register
from counterdesk.services.requests import get_request
from counterdesk.services.staff import StaffSession

DOTS = {58: 384, 80: 576}
CUT = ("GS V full", "GS V partial")
DRAWER = "ESC p"


def qr_codes(image_path: Path) -> list[str]:
    zbarimg = require_tool("zbarimg", "zbar-tools")
    out = subprocess.run(
        [zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image_path)],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return [line for line in out.splitlines() if line]


def verify(desk: Desk, payload: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(desk.paths.root), "verify", payload])
    return code, capsys.readouterr().out


@pytest.fixture
def receipt(desk: Desk, session: StaffSession) -> str:
    return register(desk, session, reg(desk)).receipt


@pytest.mark.parametrize("roll", [58, 80])
def test_receipt_decodes_to_the_roll_dot_width_with_a_qr_that_verifies(
    desk: Desk,
    session: StaffSession,
    receipt: str,
    roll: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pdf, _ = document_pdf(desk, session, "receipt", receipt, roll_mm=roll)
    out = tmp_path / "receipt.bin"
    assert print_roll(pdf, roll, str(out)) == str(out)
    job = decode(out.read_bytes())
    assert job.commands[0] == "ESC @"
    assert job.width == DOTS[roll]
    assert job.commands[-1] in CUT  # the cut comes last
    assert not any(c.startswith((DRAWER, "ESC B")) for c in job.commands)
    image = job.image()
    assert image.width == DOTS[roll] and image.height > 400
    image.save(tmp_path / "printed.png")
    payload = receipt_payload(desk, get_request(desk, receipt))
    assert qr_codes(tmp_path / "printed.png") == [payload]
    code, text = verify(desk, payload, capsys)
    assert code == 0 and receipt in text
    # The head prints black on white: most of the paper stays white.
    histogram = image.convert("L").histogram()
    assert histogram[255] > 4 * histogram[0]


@pytest.mark.parametrize("roll", [58, 80])
def test_ticket_decodes_to_the_roll_dot_width_and_is_cut(
    desk: Desk, session: StaffSession, receipt: str, roll: int, tmp_path: Path
) -> None:
    pdf, info = document_pdf(desk, session, "ticket", receipt, roll_mm=roll)
    job = decode(escpos_bytes(pdf, roll))
    assert job.width == DOTS[roll] and job.image().width == DOTS[roll]
    assert job.commands[-1] in CUT
    assert sum(c in CUT for c in job.commands) == 1
    assert info["ticket"]


def test_a_pdf_for_the_other_roll_is_refused(
    desk: Desk, session: StaffSession, receipt: str
) -> None:
    pdf, _ = document_pdf(desk, session, "receipt", receipt, roll_mm=80)
    with pytest.raises(CounterdeskError, match="80 mm wide, not 58 mm"):
        escpos_bytes(pdf, 58)


def test_drawer_and_beep_only_when_asked(desk: Desk, session: StaffSession, receipt: str) -> None:
    pdf, _ = document_pdf(desk, session, "receipt", receipt, roll_mm=58)
    plain = decode(escpos_bytes(pdf, 58)).commands
    asked = decode(escpos_bytes(pdf, 58, drawer=True, beep=True)).commands
    assert not any(c.startswith((DRAWER, "ESC B")) for c in plain)
    assert any(c.startswith(DRAWER) for c in asked) and any(c.startswith("ESC B") for c in asked)
    assert asked[-1] in CUT  # the cut still comes last


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("tcp://127.0.0.1:9100", Target("tcp", "127.0.0.1", port=9100)),
        ("tcp://printer.local", Target("tcp", "printer.local", port=9100)),
        ("serial:/dev/ttyUSB0", Target("serial", "/dev/ttyUSB0")),
        ("serial:COM5@19200", Target("serial", "COM5", baud=19200)),
        ("win32raw:POS-58 Printer", Target("win32raw", "POS-58 Printer")),
        ("cups:Thermal", Target("cups", "Thermal")),
        ("/dev/usb/lp0", Target("device", "/dev/usb/lp0")),
        ("out/receipt.bin", Target("file", "out/receipt.bin")),
    ],
)
def test_targets(text: str, target: Target) -> None:
    assert parse_target(text) == target


@pytest.mark.parametrize("text", ["", "tcp://", "tcp://host:http", "tcp://h:70000", "win32raw:"])
def test_bad_targets_say_what_is_allowed(text: str) -> None:
    with pytest.raises(PrintError, match="tcp://HOST:9100") as e:
        parse_target(text)
    assert e.value.code == "escpos_target"


# a printer on the network -----------------------------------------------------------------
class FakePrinter:
    """A TCP printer on 127.0.0.1: keeps what it gets, answers DLE EOT n and GS r 1."""

    def __init__(self, answers: dict[bytes, bytes] | None, *, silent: bool = False) -> None:
        self.answers = answers or {}
        self.silent = silent
        self.received = bytearray()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                self.received += chunk
                if self.silent:
                    continue
                for query, answer in self.answers.items():
                    if self.received.endswith(query):
                        conn.sendall(answer)

    def close(self) -> None:
        self.server.close()
        self.thread.join(timeout=5)


READY = {b"\x10\x04\x04": b"\x12", b"\x10\x04\x01": b"\x16", b"\x1dr\x01": b"\x00"}


@pytest.fixture
def pdf58(desk: Desk, session: StaffSession, receipt: str) -> bytes:
    return document_pdf(desk, session, "receipt", receipt, roll_mm=58)[0]


def test_network_printer_gets_the_job_after_saying_it_is_ready(pdf58: bytes) -> None:
    printer = FakePrinter(READY)
    try:
        where = print_roll(pdf58, 58, f"tcp://127.0.0.1:{printer.port}", timeout=5)
    finally:
        printer.close()
    assert where == f"tcp://127.0.0.1:{printer.port}"
    data = bytes(printer.received)
    # status first, the job, then the in-order paper status that confirms it went through
    assert data.startswith(b"\x10\x04\x04\x10\x04\x01\x1b@")
    assert data.endswith(b"\x1dr\x01")
    job = decode(data[6:-3])
    assert job.width == 384 and job.commands[-1] in CUT


@pytest.mark.parametrize(
    ("answers", "code", "words"),
    [
        ({b"\x10\x04\x04": b"\x72"}, "escpos_paper_out", "out of paper"),
        (
            {b"\x10\x04\x04": b"\x12", b"\x10\x04\x01": b"\x1e", b"\x10\x04\x02": b"\x16"},
            "escpos_cover_open",
            "cover open",
        ),
        (
            {b"\x10\x04\x04": b"\x12", b"\x10\x04\x01": b"\x16", b"\x1dr\x01": b"\x0c"},
            "escpos_paper_out",
            "ran out of paper",
        ),
    ],
)
def test_network_printer_errors_are_reported(
    pdf58: bytes, answers: dict[bytes, bytes], code: str, words: str
) -> None:
    printer = FakePrinter(answers)
    try:
        with pytest.raises(PrintError) as e:
            print_roll(pdf58, 58, f"tcp://127.0.0.1:{printer.port}", timeout=5)
    finally:
        printer.close()
    assert e.value.code == code and words in str(e.value)
    assert "\n" not in str(e.value)


def test_a_printer_that_never_answers_times_out(pdf58: bytes) -> None:
    printer = FakePrinter(None, silent=True)
    try:
        with pytest.raises(PrintError) as e:
            print_roll(pdf58, 58, f"tcp://127.0.0.1:{printer.port}", timeout=0.5)
    finally:
        printer.close()
    assert e.value.code == "escpos_timeout"
    assert "did not answer within 0.5 s" in str(e.value)
    assert b"\x1b@" not in printer.received  # nothing printed before it said it was ready


def test_no_printer_listening_is_disconnected(pdf58: bytes) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(PrintError) as e:
        print_roll(pdf58, 58, f"tcp://127.0.0.1:{port}", timeout=2)
    assert e.value.code == "escpos_disconnected"
    assert "not connected or switched off" in str(e.value)


def test_a_missing_device_is_disconnected(pdf58: bytes, tmp_path: Path) -> None:
    with pytest.raises(PrintError) as e:
        print_roll(pdf58, 58, str(tmp_path / "no-such-folder" / "lp0"))
    assert e.value.code == "escpos_disconnected"


def test_a_device_out_of_paper_is_reported(pdf58: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    # The Linux usblp driver fails a write with ENOSPC when the printer says paper out.
    with pytest.raises(PrintError) as e:
        print_roll(pdf58, 58, "/dev/full")
    assert e.value.code == "escpos_paper_out" and "out of paper" in str(e.value)


# a Windows queue (win32print), here a fake with the same methods ------------------------
class FakeWin32Raw:
    jobs: ClassVar[list[bytes]] = []

    def __init__(self, name: str) -> None:
        self.name = name
        self.buffer = bytearray()

    def open(self) -> None:
        if self.name == "Unplugged":
            from escpos.exceptions import DeviceNotFoundError

            raise DeviceNotFoundError("OpenPrinter: the printer name is invalid")

    def _raw(self, data: bytes) -> None:
        self.buffer += data

    def _read(self) -> bytes:
        raise NotImplementedError

    def close(self) -> None:
        FakeWin32Raw.jobs.append(bytes(self.buffer))


@pytest.fixture
def win32(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeWin32Raw]]:
    FakeWin32Raw.jobs = []
    monkeypatch.setattr(escpos, "WIN32_PRINTER", FakeWin32Raw)
    yield FakeWin32Raw


def test_windows_raw_queue_gets_the_whole_job(pdf58: bytes, win32: type[FakeWin32Raw]) -> None:
    assert print_roll(pdf58, 58, "win32raw:POS-58 Printer") == "win32raw:POS-58 Printer"
    (job,) = win32.jobs
    assert decode(job).width == 384


def test_windows_queue_missing_is_reported(win32: type[FakeWin32Raw]) -> None:
    with pytest.raises(PrintError) as e:
        send_escpos(b"\x1b@", "win32raw:Unplugged")
    assert e.value.code == "escpos_disconnected" and "win32raw:Unplugged" in str(e.value)


# the command line -------------------------------------------------------------------------
@pytest.mark.parametrize(("document", "roll"), [("receipt", 58), ("ticket", 80)])
def test_cli_prints_to_an_escpos_file(
    desk: Desk,
    session: StaffSession,
    receipt: str,
    document: str,
    roll: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / f"{document}.bin"
    code = main(
        [
            "--data-dir",
            str(desk.paths.root),
            "print",
            document,
            receipt,
            "--escpos",
            str(out),
            "--roll",
            str(roll),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0 and printed.endswith(f"-> {out}\n")
    job = decode(out.read_bytes())
    assert job.width == DOTS[roll] and job.commands[-1] in CUT
    if document == "receipt":
        job.image().save(tmp_path / "printed.png")
        payload = receipt_payload(desk, get_request(desk, receipt))
        assert qr_codes(tmp_path / "printed.png") == [payload]


def test_cli_uses_the_desk_setting_for_the_target_roll_and_drawer(
    desk: Desk,
    session: StaffSession,
    receipt: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from counterdesk.services.desk_settings import update_settings

    out = tmp_path / "receipt.bin"
    update_settings(desk, session, receipt_escpos=str(out), receipt_roll_mm=58, escpos_drawer=True)
    code = main(["--data-dir", str(desk.paths.root), "print", "receipt", receipt])
    assert code == 0, capsys.readouterr().err
    job = decode(out.read_bytes())
    assert job.width == 384
    assert any(c.startswith(DRAWER) for c in job.commands) and job.commands[-1] in CUT


def test_cli_reports_a_printer_out_of_paper_in_one_line(
    desk: Desk, receipt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    printer = FakePrinter({b"\x10\x04\x04": b"\x72"})
    try:
        code = main(
            [
                "--data-dir",
                str(desk.paths.root),
                "print",
                "receipt",
                receipt,
                "--escpos",
                f"tcp://127.0.0.1:{printer.port}",
                "--timeout",
                "5",
            ]
        )
    finally:
        printer.close()
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "out of paper" in err


def test_a_bad_target_setting_is_refused(desk: Desk, session: StaffSession) -> None:
    from counterdesk.domain.errors import ValidationError
    from counterdesk.services.desk_settings import update_settings

    with pytest.raises(ValidationError, match="not a printer target"):
        update_settings(desk, session, ticket_escpos="tcp://host:port")


# a serial (or Bluetooth SPP) printer, here the far end of a pseudo-terminal --------------
def test_serial_printer_gets_the_job_after_saying_it_is_ready(pdf58: bytes) -> None:
    import os
    import tty

    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    received = bytearray()
    stop = threading.Event()

    def printer() -> None:
        while not stop.is_set():
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            received.extend(chunk)
            for query, answer in READY.items():
                if received.endswith(query):
                    os.write(master, answer)

    thread = threading.Thread(target=printer, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        where = print_roll(pdf58, 58, f"serial:{os.ttyname(slave)}@115200", timeout=5)
    finally:
        stop.set()
        os.close(slave)
        os.close(master)
        thread.join(timeout=5)
    assert where.startswith("serial:/dev/pts/")
    assert time.monotonic() - started < 4  # each one-byte answer is read at once
    data = bytes(received)
    assert data.startswith(b"\x10\x04\x04\x10\x04\x01\x1b@") and data.endswith(b"\x1dr\x01")
    assert decode(data[6:-3]).width == 384


def test_a_serial_port_that_is_not_there_is_disconnected(pdf58: bytes, tmp_path: Path) -> None:
    with pytest.raises(PrintError) as e:
        print_roll(pdf58, 58, f"serial:{tmp_path / 'ttyUSB9'}", timeout=1)
    assert e.value.code == "escpos_disconnected" and "not connected" in str(e.value)
