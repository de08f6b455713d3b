"""Receipts and letters as PDF, through the desk's own path (``services.documents``).

Targets (issue): a receipt median <= 10 ms, a letter median <= 30 ms, 1,000 receipts
<= 10 s. Each gets a baseline measured in the same run: a bare ReportLab canvas, no
layout engine, on a page of the same size, drawing the same text lines (from
``pdftotext``) in the same fonts (registered as plain ReportLab fonts) and the same
QR code (every dark module a rectangle of one path; encoded by counterdesk's encoder,
which gives ReportLab's symbol 25x faster, so that the baseline measures the canvas
rather than an encoder). For information, one more baseline uses ReportLab's stock
``QrCodeWidget`` for the code, as a naive implementation would.

Every timed document is a different request (names with apostrophes and accents);
the requests are registered and the baseline pages prepared first, untimed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from common import Figure, citizen_name, emit, median, scratch
from counterdesk.printing import register_fonts
from counterdesk.printing.codes import qr_symbol
from counterdesk.printing.fonts import FONT_FILES, SANS, SERIF
from counterdesk.resources import resource_path
from counterdesk.services.desk import Desk
from counterdesk.services.documents import (
    IssuedLetter,
    issue_letter,
    letter_pdf,
    receipt_payload,
    receipt_pdf,
)
from counterdesk.services.printer import page_size_mm
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import authenticate

BATCH = 1000
SAMPLES = 200  # receipts timed one by one for the median
LETTERS = 100
WIDGET_SAMPLES = 20  # the stock-widget baseline is slow; a few are enough
NIKS = ["6107071708800001", "6107055203950002", "6107124101900003", "3171011708450001"]
PT_PER_MM = 72 / 25.4
BARE_SANS = "BareSans"
BARE_SERIF = "BareSerif"
T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """What the baseline draws: the document's text lines, its QR payload, its page."""

    lines: list[str]
    payload: str
    size: tuple[float, float]  # points
    font: str
    font_size: float
    qr_side: float  # points, quiet zone included


def register_bare_fonts() -> None:
    """The same font files as plain ReportLab fonts (none of counterdesk's caches)."""
    register_fonts()
    for name, ours in ((BARE_SANS, SANS), (BARE_SERIF, SERIF)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", FONT_FILES[ours]))))


def text_lines(pdf: bytes) -> list[str]:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise SystemExit("bench_printing needs pdftotext (apt-get install poppler-utils)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(pdf)
        fh.flush()
        out = subprocess.run(
            [exe, "-enc", "UTF-8", fh.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    return [line for line in out.splitlines() if line.strip()]


def page_of(pdf: bytes, payload: str, font: str, font_size: float, qr_side: float) -> Page:
    size = page_size_mm(pdf)
    assert size is not None
    width, height = size[0] * PT_PER_MM, size[1] * PT_PER_MM
    return Page(text_lines(pdf), payload, (width, height), font, font_size, qr_side)


def bare_pdf(page: Page, *, widget: bool = False) -> bytes:
    """The page drawn line by line on a canvas, then the QR code below the text."""
    width, height = page.size
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=page.size, invariant=1, pageCompression=1)
    canv.setFont(page.font, page.font_size)
    y = height - 10 * mm
    for line in page.lines:
        canv.drawString(5 * mm, y, line)
        y -= page.font_size * 1.25
    side = page.qr_side
    x, y = (width - side) / 2, max(5 * mm, y - side)
    if widget:
        code = QrCodeWidget(page.payload, barLevel="M")
        x0, y0, x1, y1 = code.getBounds()
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(code)
        renderPDF.draw(drawing, canv, x, y)
    else:
        symbol = qr_symbol(page.payload)
        module = side / (symbol.size + 8)
        path = canv.beginPath()
        for r in range(symbol.size):
            for c in range(symbol.size):
                if symbol.is_dark(r, c):
                    top = y + (symbol.size + 3 - r) * module
                    path.rect(x + (c + 4) * module, top, module, module)
        canv.drawPath(path, stroke=0, fill=1)
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def make_requests(root: Path) -> tuple[Desk, list[RequestView]]:
    desk, _ = make_demo(root / "desk")
    session = authenticate(desk, "demo", "demo")
    service = desk.catalogue.get("SKD")
    given = [r.key for r in service.requirements if r.required]
    out = []
    for i in range(BATCH):
        fields = {"address": f"Dusun Sebunga RT {i % 20:03d}", "purpose": "Melamar kerja"}
        reg = Registration(
            "SKD", citizen_name(i), nik=NIKS[i % 4], fields=fields, requirements_given=given
        )
        out.append(register(desk, session, reg))
    return desk, out


def each_ms(items: Sequence[T], make: Callable[[T], bytes]) -> list[float]:
    """Milliseconds of ``make(item)`` for each item."""
    out = []
    for item in items:
        t = time.perf_counter()
        make(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def total_s(items: Sequence[T], make: Callable[[T], bytes]) -> float:
    t = time.perf_counter()
    for item in items:
        make(item)
    return time.perf_counter() - t


def main() -> None:
    root = scratch("printing")
    shutil.rmtree(root)
    root.mkdir(parents=True)
    register_bare_fonts()
    desk, requests = make_requests(root)
    with desk:
        session = authenticate(desk, "demo", "demo")
        requests = [get_request(desk, r.receipt) for r in requests]
        letters = [(r, issue_letter(desk, session, r.receipt)) for r in requests[:LETTERS]]
        settings = desk.info.settings
        assert receipt_pdf(desk, requests[0]) == receipt_pdf(desk, requests[0])  # deterministic

        # The baseline pages (text from the first SAMPLES receipts, reused in turn).
        qr_roll = (36 if settings.roll_mm == 80 else 30) * mm
        texts = [receipt_pdf(desk, r) for r in requests[:SAMPLES]]
        receipt_pages = [
            page_of(texts[i % SAMPLES], receipt_payload(desk, r), BARE_SANS, 8, qr_roll)
            for i, r in enumerate(requests)
        ]
        letter_pages = [
            page_of(letter_pdf(desk, r, letter), letter.payload, BARE_SERIF, 11, 22 * mm)
            for r, letter in letters
        ]

        def ours_receipt(r: RequestView) -> bytes:
            return receipt_pdf(desk, r)

        def ours_letter(item: tuple[RequestView, IssuedLetter]) -> bytes:
            return letter_pdf(desk, *item)

        def bare_widget(page: Page) -> bytes:
            return bare_pdf(page, widget=True)

        # Warm up (fonts parsed, caches filled, as in a desk that has printed before),
        # then alternate halves so that machine noise hits both sides alike.
        each_ms(receipt_pages[:20], bare_pdf)
        each_ms(requests[:20], ours_receipt)
        each_ms(letter_pages[:10], bare_pdf)
        each_ms(letters[:10], ours_letter)
        bare_r: list[float] = []
        ours_r: list[float] = []
        bare_l: list[float] = []
        ours_l: list[float] = []
        for lo, hi in ((0, SAMPLES // 2), (SAMPLES // 2, SAMPLES)):
            bare_r += each_ms(receipt_pages[lo:hi], bare_pdf)
            ours_r += each_ms(requests[lo:hi], ours_receipt)
        for lo, hi in ((0, LETTERS // 2), (LETTERS // 2, LETTERS)):
            bare_l += each_ms(letter_pages[lo:hi], bare_pdf)
            ours_l += each_ms(letters[lo:hi], ours_letter)
        widget_r = each_ms(receipt_pages[:WIDGET_SAMPLES], bare_widget)
        bare_batch = total_s(receipt_pages, bare_pdf)
        ours_batch = total_s(requests, ours_receipt)

    rb, ro, lb, lo_ = median(bare_r), median(ours_r), median(bare_l), median(ours_l)
    rw = median(widget_r)
    bare = "bare canvas"
    roll, paper = f"{settings.roll_mm} mm", settings.letter_paper
    emit(
        [
            Figure("bare canvas: receipt text lines + QR path, median", "ms", rb, "baseline", True),
            Figure(
                f"receipt PDF ({roll}, services.documents.receipt_pdf), median",
                "ms",
                ro,
                "<= 10 ms",
                ro <= 10.0,
                baseline=rb,
                baseline_name=bare,
            ),
            Figure(
                f"bare canvas: letter text lines + QR path ({paper}), median",
                "ms",
                lb,
                "baseline",
                True,
            ),
            Figure(
                f"letter PDF ({paper}, services.documents.letter_pdf), median",
                "ms",
                lo_,
                "<= 30 ms",
                lo_ <= 30.0,
                baseline=lb,
                baseline_name=bare,
            ),
            Figure(f"bare canvas: {BATCH:,} receipts", "s", bare_batch, "baseline", True),
            Figure(
                f"{BATCH:,} receipts, one after another",
                "s",
                ours_batch,
                "<= 10 s",
                ours_batch <= 10.0,
                baseline=bare_batch,
                baseline_name=bare,
            ),
            Figure(
                "for information: bare canvas with ReportLab's stock QrCodeWidget, median",
                "ms",
                rw,
                "baseline (information)",
                True,
            ),
            Figure(
                "receipt PDF against that naive bare canvas",
                "ms",
                ro,
                "information",
                True,
                baseline=rw,
                baseline_name="bare canvas + QrCodeWidget",
            ),
        ],
        "printing",
    )


if __name__ == "__main__":
    main()
