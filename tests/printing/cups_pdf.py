"""Printing for real: the CUPS-PDF queue and where its files land.

A queue named ``PDF`` with the CUPS-PDF backend (``.ci/run`` sets it up:
``lpadmin -p PDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd``)
writes every job as a PDF file into the folder named by ``Out`` in
``/etc/cups/cups-pdf.conf`` (``${HOME}/PDF``: ``/root/PDF`` as root), or
``AnonDirName`` for anonymous jobs. Missing queue: the test fails in CI
(``CI=true``) and is skipped elsewhere.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from tests.conftest import require_tool

QUEUE = "PDF"
CONF = Path("/etc/cups/cups-pdf.conf")
SETUP = (
    "start cupsd and run: lpadmin -p PDF -E -v cups-pdf:/ "
    "-P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
)


def require_queue(queue: str = QUEUE) -> None:
    """The CUPS queue must exist and the scheduler answer: fail in CI, skip elsewhere."""
    lpstat = require_tool("lpstat", "cups-client")
    require_tool("lp", "cups-client")
    try:
        found = subprocess.run([lpstat, "-p", queue], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        reason = "lpstat did not answer in 20 s"
    else:
        if found.returncode == 0:
            return
        reason = (found.stderr or found.stdout).strip() or f"lpstat exit {found.returncode}"
    message = f"no CUPS queue {queue!r} ({reason}); {SETUP}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def output_folders(conf: Path = CONF) -> list[Path]:
    """Where CUPS-PDF writes this user's jobs (``Out``) and anonymous ones (``AnonDirName``)."""
    settings = {
        "Out": "/var/spool/cups-pdf/${USER}",
        "AnonDirName": "/var/spool/cups-pdf/ANONYMOUS",
    }
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            parts = line.strip().split(None, 1)
            if len(parts) == 2 and parts[0] in settings:
                settings[parts[0]] = parts[1].strip()
    home, user = str(Path.home()), getpass.getuser()
    return [
        Path(settings[key].replace("${HOME}", home).replace("${USER}", user))
        for key in ("Out", "AnonDirName")
    ]


def wait_for_output(token: str, into: Path, timeout: float = 30.0) -> Path:
    """The PDF CUPS-PDF wrote for the job whose title holds ``token``, moved into ``into``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in output_folders():
            try:
                found = sorted(p for p in folder.glob("*.pdf") if token in p.name)
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
        + ", ".join(map(str, output_folders()))
    )


def remove_outputs(token: str) -> None:
    for folder in output_folders():
        if folder.is_dir():
            for path in folder.glob(f"*{token}*"):
                path.unlink(missing_ok=True)
