"""A private X server (Xvfb) and xdotool, for tests that drive the real app as a person would.

``Xvfb`` picks a free display number itself (``-displayfd``), so tests running in
parallel, or another X server on the machine, never collide; ``stop`` always ends it.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
if not QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[1]):
    sys.exit("could not save the screenshot")
"""


class XvfbError(RuntimeError):
    pass


class Xvfb:
    def __init__(self, xvfb: str, *, size: str = "1366x768x24", timeout: float = 10.0) -> None:
        read, write = os.pipe()
        try:
            self.process = subprocess.Popen(
                [xvfb, "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        finally:
            os.close(write)
        try:
            self.display = ":" + self._read_display(read, timeout)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(read)

    def _read_display(self, fd: int, timeout: float) -> str:
        data = b""
        deadline = time.monotonic() + timeout
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                raise XvfbError(f"Xvfb did not start: {self._stderr()}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 64)
                if not chunk:
                    raise XvfbError(f"Xvfb did not start: {self._stderr()}")
                data += chunk
        return data.decode().strip()

    def _stderr(self) -> str:
        if self.process.poll() is None or self.process.stderr is None:
            return "(still running)"
        return self.process.stderr.read().decode(errors="replace").strip()[-500:]

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program shown on this display (Qt through xcb)."""
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XAUTHORITY")}
        return env | {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"} | extra

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process.stderr is not None:
            self.process.stderr.close()

    def __enter__(self) -> Xvfb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # xdotool -------------------------------------------------------------------
    def xdotool(self, xdotool: str, *args: str, timeout: float = 10.0) -> str:
        done = subprocess.run(
            [xdotool, *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise XvfbError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def keys(self, xdotool: str, *names: str, pause: float) -> None:
        """Press each key (``ctrl+r``, ``Return``) in turn, leaving the app ``pause`` seconds
        to act on it before the next."""
        for name in names:
            self.xdotool(xdotool, "key", "--clearmodifiers", name)
            time.sleep(pause)

    def wait_window(
        self, xdotool: str, name: str, *, timeout: float = 15.0, app: subprocess.Popen[bytes]
    ) -> str:
        """The id of the first visible window whose title matches ``name`` (a regex)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if app.poll() is not None:
                raise XvfbError(f"the app ended (exit code {app.returncode})")
            done = subprocess.run(
                [xdotool, "search", "--onlyvisible", "--name", name],
                env=self.env(),
                capture_output=True,
                text=True,
                timeout=5,
            )
            ids = done.stdout.split()
            if ids:
                return ids[0]
            time.sleep(0.1)
        raise XvfbError(f"no window named {name!r} after {timeout:.0f} s")

    def screenshot(self, path: Path, timeout: float = 20.0) -> None:
        """The whole screen as a PNG, taken by a separate Qt program on this display."""
        subprocess.run(
            [sys.executable, "-c", GRAB, str(path)],
            env=self.env(),
            check=True,
            capture_output=True,
            timeout=timeout,
        )
