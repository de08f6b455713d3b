"""CUPS queues of a test's own (CDTEST-escpos-...), made and deleted by the test, so that
stopping or refusing them disturbs no other test run and not the shared ``PDF`` queue."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import require_tool

PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"


def admin(*args: str) -> None:
    tool = require_tool(args[0], "cups")
    subprocess.run([tool, *args[1:]], check=True, capture_output=True, timeout=30)


def make_queue(uri: str, *options: str) -> Iterator[str]:
    require_tool("lpstat", "cups-client")
    if not Path(PPD).exists():
        message = f"{PPD} missing (apt-get install printer-driver-cups-pdf)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    name = f"CDTEST-escpos-{uuid.uuid4().hex[:8]}"
    admin("lpadmin", "-p", name, "-E", "-v", uri, "-P", PPD, *options)
    try:
        yield name
    finally:
        subprocess.run(["cancel", "-a", name], capture_output=True, timeout=30)
        subprocess.run(["lpadmin", "-x", name], capture_output=True, timeout=30)
