"""The real app, started as a clerk starts it, on a private X server: the office windows
(menu Kantor) and Help > Panduan open from the keyboard, each shows its data, and Esc
closes it. Each screen is kept as a PNG beside the test (``office_*.png`` in tmp_path).

In CI a missing Xvfb or xdotool fails the test (it skips elsewhere)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from counterdesk.services.desk import Desk
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import authenticate
from tests.test_register import reg

from ..conftest import require_tool
from .test_real_app_xvfb import distinct_colours
from .xvfb import Xvfb

STEP = 0.3


def prepare(data: Path) -> str:
    """A training desk with one request whose receipt the CLI printed twice (a reprint)."""
    desk, _ = make_demo(data)
    with desk:
        view = register(desk)
    env = dict(os.environ, COUNTERDESK_PASSWORD="demo")
    out = str(data.parent / "receipt.pdf")
    command = [sys.executable, "-m", "counterdesk", "print", "receipt", view, "--out", out]
    for _ in range(2):
        subprocess.run(
            [*command, "--staff", "demo", "--data-dir", str(data)],
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
    return view


def register(desk: Desk) -> str:
    from counterdesk.services.register import register as register_request

    return register_request(desk, authenticate(desk, "demo", "demo"), reg(desk)).receipt


def test_the_office_windows_open_in_the_real_app(tmp_path: Path) -> None:
    xvfb = require_tool("Xvfb", "xvfb")
    xdotool = require_tool("xdotool", "xdotool")
    data = tmp_path / "desk"
    prepare(data)
    with Xvfb(xvfb) as x:
        log = (tmp_path / "app.log").open("wb")
        app = subprocess.Popen(
            [sys.executable, "-m", "counterdesk", "gui", "--data-dir", str(data)],
            env=x.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

        def keys(*names: str) -> None:
            x.keys(xdotool, *names, pause=STEP)

        def window(title: str) -> str:
            found = x.wait_window(xdotool, title, app=app)
            x.xdotool(xdotool, "windowfocus", "--sync", found)
            time.sleep(STEP)
            return found

        def shot(name: str) -> None:
            time.sleep(0.5)
            path = tmp_path / f"office_{name}.png"
            x.screenshot(path)
            assert distinct_colours(path) > 30, f"{name}: the screen looks blank"

        try:
            login = x.wait_window(xdotool, "^Masuk — counterdesk$", timeout=20, app=app)
            x.xdotool(xdotool, "windowfocus", "--sync", login)
            x.xdotool(xdotool, "type", "--delay", "25", "demo")
            keys("Return")
            main = window("^counterdesk — .*LATIHAN$")

            keys("ctrl+r")
            window("^Laporan harian$")
            shot("daily_report")
            keys("ctrl+p")
            window("^Pratinjau cetak: Laporan harian")
            shot("daily_report_preview")
            keys("Escape")
            window("^Laporan harian$")
            keys("Escape")

            x.xdotool(xdotool, "windowfocus", "--sync", main)
            keys("ctrl+shift+p")
            window("^Log cetak$")
            shot("print_log")
            keys("Escape")

            x.xdotool(xdotool, "windowfocus", "--sync", main)
            keys("ctrl+shift+d")
            window("^Status loket$")
            shot("status")
            keys("Escape")

            x.xdotool(xdotool, "windowfocus", "--sync", main)
            keys("ctrl+shift+a")
            window("^Akun petugas$")
            shot("staff")
            keys("ctrl+n")
            window("^Tambah akun petugas$")
            shot("staff_add")
            keys("Escape")
            window("^Akun petugas$")
            keys("Escape")

            x.xdotool(xdotool, "windowfocus", "--sync", main)
            keys("ctrl+F1")
            window("^Panduan$")
            shot("manual")
            keys("Escape")

            x.xdotool(xdotool, "windowfocus", "--sync", main)
            keys("ctrl+q")
            assert app.wait(10) == 0
        finally:
            if app.poll() is None:
                app.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    app.wait(5)
            log.close()
