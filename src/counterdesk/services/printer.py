"""Sending a PDF to a printer through the OS print system (CUPS `lp`) from the command line.

The desk app prints through Qt instead; this is for scripts and headless use.
"""

from __future__ import annotations

import shutil
import subprocess

from counterdesk.domain.errors import CounterdeskError


class PrintError(CounterdeskError):
    pass


def send_to_printer(pdf: bytes, printer: str, *, title: str) -> str:
    """Queue the PDF on ``printer``; returns the print system's job line."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(
            "no print system found (the `lp` command of CUPS); print from the desk app, "
            "or write a file with --out",
            code="no_lp",
        )
    try:
        done = subprocess.run(
            [lp, "-d", printer, "-t", title, "-"],
            input=pdf,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PrintError(
            f"printer {printer!r} did not answer within 60 s", code="lp_timeout"
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()
        raise PrintError(
            f"printer {printer!r} refused the job: {reason[-1] if reason else 'unknown error'}",
            code="lp_failed",
        )
    return done.stdout.decode(errors="replace").strip()
