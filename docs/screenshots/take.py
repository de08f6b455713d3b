"""Take the README's screenshots of the desk app: real windows on a 1366x768 X screen.

Usage (from the repository root, with the venv):

    .venv/bin/python docs/screenshots/take.py [OUT_DIR]

Starts a private Xvfb (1366x768, the most common office laptop screen; needs Debian
``xvfb``), then runs the real app in Indonesian on it (Qt's xcb platform, no window
manager): a fresh training desk with a few requests, logged in and driven in process
with the keyboard (QTest key events), each state grabbed from the screen. The PNGs
are optimised with Pillow (a dependency of ReportLab) and reduced to 256 colours
when larger than 250 KB. Without a window manager the windows have no title bars.

The only staging: the print preview is given two printers (a thermal receipt printer
and a PDF printer), so that it looks as on a counter PC rather than "no printer found".
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1366, 768)
MAX_BYTES = 250_000
SHOTS = (
    "login",
    "register",
    "registered",
    "requests",
    "print-preview",
    "queue-screen",
    "settings",
    "shortcuts",
    "office-daily-report",
    "office-print-log",
    "office-status",
    "office-staff",
    "manual",
)


# the X server --------------------------------------------------------------------
def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "{}x{}x24".format(*SIZE),
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    data = b""
    deadline = time.monotonic() + 10
    while not data.endswith(b"\n"):
        if time.monotonic() > deadline or xvfb.poll() is not None:
            xvfb.kill()
            raise SystemExit("error: Xvfb did not start (apt-get install xvfb)")
        ready, _, _ = select.select([read], [], [], 0.5)
        if ready:
            data += os.read(read, 64)
    os.close(read)
    return xvfb, ":" + data.decode().strip()


def main(argv: list[str]) -> int:
    out = Path(argv[0]).resolve() if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    xvfb, display = start_xvfb()
    try:
        env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "id_ID.UTF-8"}
        done = subprocess.run(
            [sys.executable, __file__, "--drive", str(out)], env=env, timeout=180, check=False
        )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    if done.returncode != 0:
        return done.returncode
    for name in SHOTS:
        path = out / f"{name}.png"
        print(
            f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}: "
            f"{path.stat().st_size // 1024} KB"
        )
    return 0


# in the app's process, on the Xvfb screen ---------------------------------------
def optimise(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        rgb = image.convert("RGB")
    rgb.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def drive(out: Path) -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    import counterdesk.gui  # noqa: F401  (the PySide6 refcount workaround)
    from counterdesk.gui import print_preview
    from counterdesk.gui.app import DeskApp, make_application
    from counterdesk.services.advance import advance
    from counterdesk.services.queue import call_next
    from counterdesk.services.register import Registration, register
    from counterdesk.services.setup import make_demo
    from counterdesk.services.staff import authenticate

    def wait(condition: Callable[[], object], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                where = sys._getframe(1).f_lineno
                raise SystemExit(f"error: the app did not get there in time (line {where})")
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def shot(name: str, window: QWidget | None = None, margin: int = 0) -> None:
        """The screen, or only the part a window covers (and ``margin`` around it)."""
        settle()
        screen = QGuiApplication.primaryScreen()
        r = screen.geometry()
        if window is not None:
            r = window.frameGeometry().adjusted(-margin, -margin, margin, margin) & r
        path = out / f"{name}.png"
        if not screen.grabWindow(0, r.x(), r.y(), r.width(), r.height()).save(str(path)):
            raise SystemExit(f"error: could not save {path}")
        optimise(path)

    def keys(widget: QWidget, *names: Qt.Key, text: str = "") -> None:
        if text:
            QTest.keyClicks(widget, text, delay=5)
        for key in names:
            QTest.keyClick(widget, key)
        QCoreApplication.processEvents()

    root = Path(tempfile.mkdtemp(prefix="counterdesk-shots-")) / "desk"
    desk, _ = make_demo(root)
    staff = authenticate(desk, "demo", "demo")
    samples = [
        ("KTPEL", "Budi Santoso", "6107071708800001", {"request_type": "Baru (perekaman)"}),
        ("SKD", "Dayang Sebunga", "6107124101900003", {"purpose": "Pembukaan rekening bank"}),
        ("SKCK", "Yohanes Ahau", "6107071708800001", {"purpose": "Melamar kerja"}),
        ("LEGAL", "Maria Jalong", "6107055203950002", {"document_type": "Dokumen lainnya"}),
    ]
    made = []
    for code, name, nik, extra in samples:
        service = desk.catalogue.get(code)
        fields = {f.key: "Dusun Jagoi RT 001" for f in service.fields if f.required}
        fields |= {k: v for k, v in extra.items() if k in fields or k == "purpose"}
        if code == "LEGAL":
            fields |= {"copies": "2"}
        given = tuple(r.key for r in service.requirements if r.required)
        made.append(
            register(
                desk,
                staff,
                Registration(code, name, nik=nik, fields=fields, requirements_given=given),
            )
        )
    advance(desk, staff, made[0].receipt, "in_progress")
    advance(desk, staff, made[1].receipt, "in_progress")
    advance(desk, staff, made[1].receipt, "ready", note="Sudah ditandatangani Camat")
    for _ in range(3):
        call_next(desk, staff, counter="Loket 1")
    desk.close()
    # printed from the command line (logged as the app logs its prints): a receipt twice
    from counterdesk.cli import main as cli

    os.environ["COUNTERDESK_PASSWORD"] = "demo"
    pdfs = root.parent / "printed"
    pdfs.mkdir()
    for kind, request in (("receipt", made[0]), ("ticket", made[1]), ("receipt", made[0])):
        out_pdf = str(pdfs / f"{kind}-{request.receipt}.pdf")
        argv = ["--data-dir", str(root), "print", kind, request.receipt, "--out", out_pdf]
        if cli([*argv, "--staff", "demo"]) != 0:
            raise SystemExit(f"error: could not print {kind} {request.receipt}")

    app = make_application([])  # kept: the windows need it alive
    backdrop = QWidget()  # the desktop behind the windows (the root window is black)
    backdrop.setStyleSheet("background: #455a64;")
    backdrop.setGeometry(0, 0, *SIZE)
    backdrop.show()
    print_preview.available_printers = lambda: ["EPSON TM-T82 Loket 1", "PDF"]  # type: ignore[assignment]
    print_preview.default_printer_name = lambda: "EPSON TM-T82 Loket 1"  # type: ignore[assignment]

    desk_app = DeskApp(root, language="id")
    desk_app.start()
    wait(lambda: desk_app.stage == "login")
    login = desk_app.login
    assert login is not None
    login.activateWindow()
    shot("login", login, margin=48)
    keys(login.password, Qt.Key.Key_Return, text="demo")
    wait(lambda: desk_app.stage == "main")
    window = desk_app.window
    assert window is not None
    window.setGeometry(0, 0, *SIZE)
    window.activateWindow()
    settle()

    form = window.register  # as a person types it: service, documents, NIK, name, fields
    keys(form.picker.edit(), Qt.Key.Key_Return, text="SKD")
    if form.picker.service is None:
        keys(form.picker.edit(), Qt.Key.Key_Return)
    for box in form.info.checkboxes()[:3]:
        keys(box, Qt.Key.Key_Space, Qt.Key.Key_Return)
    form.identity.nik.setFocus()
    keys(form.identity.nik, Qt.Key.Key_Return, text="6107055203950002")
    keys(form.name, Qt.Key.Key_Return, text="Nur'aini Simanjuntak")
    values = {"address": "Dusun Sebunga RT 002 RW 001, Desa Sebunga", "purpose": "Melamar kerja"}
    for f in form.fields:
        f.widget.setFocus()
        keys(f.widget, text=values.get(f.field.key, ""))
    form.identity.nik.setFocus()  # the NIK check under it is the point of this picture
    shot("register")
    QTest.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(form.result.isVisible)
    shot("registered")

    receipt = form.result.view.receipt if form.result.view else ""
    QTest.keyClick(window, Qt.Key.Key_F3)
    view = window.requests
    wait(lambda: view.model.rowCount() >= 5 and not view.loading)
    row = next(
        r
        for r in range(view.model.rowCount())
        if (v := view.model.view_at(r)) is not None and v.name == "Dayang Sebunga"
    )
    view._select_row(row)
    view.table.setFocus()
    shot("requests")

    window.printing.preview("receipt", receipt)
    wait(lambda: window.printing.dialog is not None and window.printing.dialog.isVisible())
    dialog = window.printing.dialog
    assert dialog is not None
    shot("print-preview", dialog)
    dialog.reject()
    settle(0.3)

    window.open_queue_display()
    queue = window.queue_display
    assert queue is not None
    wait(lambda: queue.state is not None)
    queue.set_full_screen(True)
    shot("queue-screen")
    queue.close()
    window.activateWindow()
    settle(0.3)

    window.open_settings()
    settings = window.settings_dialog
    assert settings is not None
    wait(settings.isVisible)
    settings.tabs.setCurrentIndex(2)  # Letters: the letterhead and the number template
    shot("settings", settings)
    settings.reject()
    settle(0.3)

    window.shortcuts_action.trigger()  # F1
    wait(lambda: window.shortcuts_dialog is not None and window.shortcuts_dialog.isVisible())
    shot("shortcuts", window.shortcuts_dialog)
    window.shortcuts_dialog.reject()
    settle(0.3)

    for which, name in (
        ("daily_report", "office-daily-report"),
        ("print_log", "office-print-log"),
        ("status", "office-status"),
        ("staff", "office-staff"),
    ):
        window.open_office(which)
        office = window.office_dialog
        assert office is not None
        wait(office.isVisible)
        shot(name, office, margin=24)
        office.reject()
        settle(0.3)

    window.manual_action.trigger()  # Ctrl+F1
    wait(lambda: window.manual_dialog is not None and window.manual_dialog.isVisible())
    shot("manual", window.manual_dialog, margin=24)

    desk_app.quit()
    app.processEvents()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--drive"]:
        drive(Path(sys.argv[2]))
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
