"""QR and Code128 symbols drawn as crisp vector modules.

Roll printers rasterise at 203 dpi, so on roll documents every module is a whole
number of printer dots and the symbol is moved (by less than a dot) onto the dot
grid of the page; that keeps bars sharp enough to scan.  All modules of a symbol
are filled as one path so renderers never show hairline seams, and the symbol's
quiet zone is painted white so a training watermark cannot speckle it.
"""

from __future__ import annotations

import math
from itertools import groupby
from typing import Any

from reportlab.graphics.barcode.code128 import Code128  # type: ignore[import-untyped, unused-ignore]
from reportlab.graphics.barcode.qrencoder import (  # type: ignore[import-untyped, unused-ignore]
    QR8bitByte,
    QRCode,
    QRErrorCorrectLevel,
)
from reportlab.pdfgen.canvas import FILL_NON_ZERO  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable  # type: ignore[import-untyped, unused-ignore]

DOT_203 = 72.0 / 203.0
"""One dot of a 203 dpi thermal print head, in points."""

QR_QUIET_MODULES = 4
CODE128_QUIET_MODULES = 10
MAX_QR_PAYLOAD_BYTES = 1200

QrMatrix = list[list[bool]]


def qr_matrix(payload: str) -> QrMatrix:
    """The module matrix (True = dark) of a QR code, error correction level M."""
    data = payload.encode("utf-8")
    if not data:
        raise ValueError("QR payload is empty")
    if len(data) > MAX_QR_PAYLOAD_BYTES:
        raise ValueError(f"QR payload too long ({len(data)} bytes > {MAX_QR_PAYLOAD_BYTES})")
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(QR8bitByte(data))
    code.make()
    return [[bool(module) for module in row] for row in code.modules]


def knock_out(canv: Any, x: float, y: float, width: float, height: float) -> None:
    """Paint a white box so a training watermark underneath cannot speckle a symbol."""
    canv.saveState()
    canv.setFillGray(1)
    canv.rect(x, y, width, height, stroke=0, fill=1)
    canv.restoreState()


def draw_qr(canv: Any, matrix: QrMatrix, x: float, y: float, module: float) -> None:
    """Draw the code with its lower-left corner (quiet zone excluded) at x, y.

    The quiet zone around it is painted white first.
    """
    n = len(matrix)
    quiet = QR_QUIET_MODULES * module
    knock_out(canv, x - quiet, y - quiet, n * module + 2 * quiet, n * module + 2 * quiet)
    path = canv.beginPath()
    for r, row in enumerate(matrix):
        bottom = y + (n - r - 1) * module
        col = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + col * module, bottom, length * module, module)
            col += length
    canv.saveState()
    canv.setFillGray(0)
    canv.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
    canv.restoreState()


def _snap_x(canv: Any, local_x: float, dot: float | None) -> float:
    """Move ``local_x`` onto the nearest printer-dot column of the page."""
    matrix = getattr(canv, "_currentMatrix", None)
    if not dot or matrix is None:
        return local_x
    page_x = matrix[4] + local_x
    return float(round(page_x / dot) * dot - matrix[4])


def _dot_phase_y(canv: Any, dot: float | None) -> float:
    """Upward shift (less than one dot) that puts local y=0 on a dot row.

    Printers and ``pdftoppm`` rasterise from the top of the page, so rows are
    counted from the top edge.
    """
    matrix = getattr(canv, "_currentMatrix", None)
    pagesize = getattr(canv, "_pagesize", None)
    if not dot or matrix is None or pagesize is None:
        return 0.0
    return float((pagesize[1] - matrix[5]) % dot)


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code centred in the frame, at most ``max_size`` wide including its quiet zone
    (or the whole width if the payload needs it to get modules of 2 dots or more)."""

    MIN_DOTS = 2

    def __init__(self, payload: str, max_size: float, dot: float | None = DOT_203) -> None:
        super().__init__()
        self.matrix = qr_matrix(payload)
        self.max_size = max_size
        self.dot = dot
        self.module = 0.0
        self.side = 0.0
        self._avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        size = min(self.max_size, avail_width)
        total = len(self.matrix) + 2 * QR_QUIET_MODULES
        if self.dot:
            dots = math.floor(size / (total * self.dot) + 1e-9)
            if dots < self.MIN_DOTS:  # a long payload may use the whole width
                dots = math.floor(avail_width / (total * self.dot) + 1e-9)
            if dots < self.MIN_DOTS:
                raise ValueError("QR payload too long to print legibly at this width")
            self.module = dots * self.dot
        else:
            self.module = size / total
        self.side = total * self.module
        self._avail = avail_width
        return avail_width, self.side + (self.dot or 0.0)  # room to shift onto a dot row

    def draw(self) -> None:
        quiet = QR_QUIET_MODULES * self.module
        left = _snap_x(self.canv, (self._avail - self.side) / 2 + quiet, self.dot)
        bottom = _dot_phase_y(self.canv, self.dot) + quiet
        draw_qr(self.canv, self.matrix, left, bottom, self.module)


def code128_pattern(value: str) -> str:
    """ReportLab's Code128 element pattern: upper case = bar, lower case = space,
    letter position = width in modules (e.g. ``"Bab"`` = 2-module bar, 1-module space)."""
    if not value or any(not (32 <= ord(ch) < 127) for ch in value):
        raise ValueError(f"Code128 needs printable ASCII text, got {value!r}")
    symbol = Code128(value, barWidth=1, quiet=0, humanReadable=0, barHeight=10)
    symbol.validate()
    symbol.encode()
    return str(symbol.decompose())


def _element_width(ch: str) -> int:
    return ord(ch.lower()) - ord("a") + 1


class Code128Flowable(Flowable):  # type: ignore[misc]
    """A Code128 barcode centred in the frame, every module a whole number of dots.

    Thermal printers need at least 2 dots per module (0.25 mm at 203 dpi) for a
    reliable scan.  When the code is too long for that across the roll (a typical
    receipt number on a 58 mm roll), it is printed rotated ("ladder" orientation):
    bars run across the paper and the code runs down it, where length is free.
    """

    MIN_DOTS = 2
    MAX_DOTS = 3

    def __init__(self, value: str, bar_length: float, dot: float = DOT_203) -> None:
        super().__init__()
        self.value = value
        self.pattern = code128_pattern(value)
        self.modules = sum(_element_width(ch) for ch in self.pattern)
        self.bar_length = bar_length
        self.dot = dot
        self.module = 0.0
        self.vertical = False
        self._avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        dots = min(self.MAX_DOTS, math.floor(avail_width / (self.modules * self.dot) + 1e-9))
        self.vertical = dots < self.MIN_DOTS
        if not self.vertical:
            self.module = dots * self.dot
            return avail_width, self.bar_length + self.dot
        self.module = self.MIN_DOTS * self.dot
        length = (self.modules + 2 * CODE128_QUIET_MODULES) * self.module
        return avail_width, length + self.dot

    def draw(self) -> None:
        canv = self.canv
        quiet = CODE128_QUIET_MODULES * self.module
        symbol = self.modules * self.module
        path = canv.beginPath()
        base = _dot_phase_y(canv, self.dot)
        if self.vertical:
            length = min(self.bar_length, self._avail)
            x = _snap_x(canv, (self._avail - length) / 2, self.dot)
            knock_out(canv, x, base, length, symbol + 2 * quiet)
            y = base + quiet + symbol
            for ch in self.pattern:
                width = _element_width(ch) * self.module
                y -= width
                if ch.isupper():
                    path.rect(x, y, length, width)
        else:
            x = _snap_x(canv, (self._avail - symbol) / 2, self.dot)
            knock_out(canv, x - quiet, base, symbol + 2 * quiet, self.bar_length)
            for ch in self.pattern:
                width = _element_width(ch) * self.module
                if ch.isupper():
                    path.rect(x, base, width, self.bar_length)
                x += width
        canv.saveState()
        canv.setFillGray(0)
        canv.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
        canv.restoreState()
