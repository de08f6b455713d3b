"""Sending a PDF to a printer through the OS print system (CUPS `lp`) from the command line.

The desk app prints through Qt instead; this is for scripts and headless use.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from counterdesk.domain.errors import CounterdeskError


class PrintError(CounterdeskError):
    pass


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
PT_PER_MM = 72 / 25.4


def page_size_mm(pdf: bytes) -> tuple[float, float] | None:
    """The first page's size in millimetres, read from the PDF's MediaBox."""
    m = _MEDIA_BOX.search(pdf)
    if m is None:
        return None
    return float(m.group(1)) / PT_PER_MM, float(m.group(2)) / PT_PER_MM


def send_to_printer(pdf: bytes, printer: str, *, title: str) -> str:
    """Queue the PDF on ``printer`` at its own paper size; returns the print system's job line.

    Without a media option CUPS would scale a 80 mm receipt onto the queue's
    default paper (often A4).
    """
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError(
            "no print system found (the `lp` command of CUPS); print from the desk app, "
            "or write a file with --out",
            code="no_lp",
        )
    try:
        done = subprocess.run(
            [lp, "-d", printer, "-t", title, *_media_options(pdf), "-"],
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


def _media_options(pdf: bytes) -> list[str]:
    size = page_size_mm(pdf)
    if size is None:
        return []
    width, height = size
    if abs(width - 210) < 1 and abs(height - 297) < 1:
        return ["-o", "media=A4"]
    return ["-o", f"media=Custom.{width:.0f}x{height:.0f}mm"]
