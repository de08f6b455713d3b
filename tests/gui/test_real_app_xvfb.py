"""The real app on a real (virtual) X display, driven with the keyboard as a person would.

``counterdesk gui --training-if-empty`` runs as its own process on a private Xvfb
(xcb, not offscreen); xdotool types the password, then a registration (service
code, the documents handed in, NIK, name, the service's fields; Enter moves on,
Ctrl+Return saves). The command line then finds the request in the database, a
screenshot shows a drawn screen, and Ctrl+Q ends the app. In CI a missing Xvfb or
xdotool fails the test instead of skipping it.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtGui import QImage

from ..conftest import NIK_WOMAN, require_tool
from .xvfb import Xvfb

NAME = "Siti Aminah"
STEP = 0.25  # seconds for the app to act on a key before the next one


def registered(data: Path, env: dict[str, str]) -> list[dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "counterdesk", "requests", "--json", "--data-dir", str(data)],
        env=env | {"COUNTERDESK_STAFF": "demo", "COUNTERDESK_PASSWORD": "demo"},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull(), f"no image at {path}"
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_the_real_app_registers_a_citizen_typed_on_the_keyboard(tmp_path: Path) -> None:
    xvfb = require_tool("Xvfb", "xvfb")
    xdotool = require_tool("xdotool", "xdotool")
    data = tmp_path / "desk"
    started = time.monotonic()
    with Xvfb(xvfb) as x:
        log = (tmp_path / "app.log").open("wb")
        command = ["-m", "counterdesk", "gui", "--data-dir", str(data), "--training-if-empty"]
        app = subprocess.Popen(
            [sys.executable, *command],
            env=x.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

        def keys(*names: str) -> None:
            x.keys(xdotool, *names, pause=STEP)

        def type_(text: str) -> None:
            x.xdotool(xdotool, "type", "--delay", "25", text)
            time.sleep(STEP)

        try:
            login = x.wait_window(xdotool, "^Masuk — counterdesk$", timeout=20, app=app)
            x.xdotool(xdotool, "windowfocus", "--sync", login)
            type_("demo")  # the training account's name is filled in; the password
            keys("Return")
            main = x.wait_window(xdotool, "^counterdesk — .*LATIHAN$", app=app)
            x.xdotool(xdotool, "windowfocus", "--sync", main)
            time.sleep(STEP)
            type_("SKD")  # the service code; Enter takes it (a second one if the list took it)
            keys("Return")
            keys("space", "Return", "space", "Return", "space", "Return", "Return")  # documents
            type_(NIK_WOMAN)
            keys("Return")
            type_(NAME)
            keys("Return")
            type_("Dusun Sebunga RT 002")  # address
            keys("Return", "Return")  # living there since: left empty
            type_("Melamar kerja")  # purpose
            keys("ctrl+Return")
            env = x.env()
            deadline = time.monotonic() + 10
            rows = registered(data, env)
            while not any(r["name"] == NAME for r in rows) and time.monotonic() < deadline:
                time.sleep(0.3)
                rows = registered(data, env)
            mine = [r for r in rows if r["name"] == NAME]
            assert len(mine) == 1, f"not registered; the app said: {_log(tmp_path)}"
            assert mine[0]["service"] == "SKD" and mine[0]["status"] == "registered"
            time.sleep(0.5)  # the result banner
            shot = tmp_path / "screen.png"
            x.screenshot(shot)
            assert distinct_colours(shot) > 30, "the screen looks blank"
            keys("ctrl+q")
            assert app.wait(10) == 0
        finally:
            if app.poll() is None:
                app.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    app.wait(5)
            log.close()
    assert time.monotonic() - started < 30


def _log(tmp_path: Path) -> str:
    return (tmp_path / "app.log").read_text(errors="replace")[-2000:]
