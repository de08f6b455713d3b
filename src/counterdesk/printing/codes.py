"""QR and Code128 symbols drawn as crisp vector modules.

Roll printers rasterise at 203 dpi, so on roll documents every module is a whole
number of printer dots and the symbol is moved (by less than a dot) onto the dot
grid of the page; that keeps bars sharp enough to scan.  All modules of a symbol
are filled as one path so renderers never show hairline seams, and the symbol's
quiet zone is painted white so a training watermark cannot speckle it.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from reportlab.graphics.barcode.code128 import Code128  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.rl_accel import fp_str  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import FILL_NON_ZERO  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.pathobject import PDFPathObject  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.qr import QrSymbol, encode

DOT_203 = 72.0 / 203.0
"""One dot of a 203 dpi thermal print head, in points."""

QR_QUIET_MODULES = 4
CODE128_QUIET_MODULES = 10
MAX_QR_PAYLOAD_BYTES = 1200

_DARK_RUN = re.compile(b"\x01+")


def qr_symbol(payload: str) -> QrSymbol:
    """The QR code of ``payload`` (UTF-8, byte mode, error correction level M).

    Exactly the symbol ReportLab's own encoder makes, about 25 times faster (see
    :mod:`counterdesk.printing.qr`).
    """
    data = payload.encode("utf-8")
    if not data:
        raise ValueError("QR payload is empty")
    if len(data) > MAX_QR_PAYLOAD_BYTES:
        raise ValueError(f"QR payload too long ({len(data)} bytes > {MAX_QR_PAYLOAD_BYTES})")
    return encode(data)


def qr_matrix(payload: str) -> list[list[bool]]:
    """The module matrix (True = dark) of a QR code, error correction level M."""
    return qr_symbol(payload).rows()


@functools.lru_cache(maxsize=4096)
def _num(value: float) -> str:
    """``fp_str`` of one number, cached: a symbol repeats few distinct coordinates."""
    return str(fp_str(value))


def _rects(rects: list[tuple[float, float, float, float]]) -> Any:
    """A path of rectangles, written as ``PDFPathObject.rect`` writes them.

    Formatting numbers is the costly part of a path with many rectangles; the
    coordinates of a symbol take few distinct values, so they are cached.
    """
    code = ["n"]
    code += [f"{_num(x)} {_num(y)} {_num(w)} {_num(h)} re" for x, y, w, h in rects]
    return PDFPathObject(code=code)


def knock_out(canv: Any, x: float, y: float, width: float, height: float) -> None:
    """Paint a white box so a training watermark underneath cannot speckle a symbol."""
    canv.saveState()
    canv.setFillGray(1)
    canv.rect(x, y, width, height, stroke=0, fill=1)
    canv.restoreState()


def draw_qr(canv: Any, symbol: QrSymbol, x: float, y: float, module: float) -> None:
    """Draw the code with its lower-left corner (quiet zone excluded) at x, y.

    The quiet zone around it is painted white first.  Each horizontal run of dark
    modules is one rectangle of the path.
    """
    n = symbol.size
    quiet = QR_QUIET_MODULES * module
    knock_out(canv, x - quiet, y - quiet, n * module + 2 * quiet, n * module + 2 * quiet)
    # The coordinates as PDFPathObject.rect would format them, each value once.
    lefts = [_num(x + col * module) for col in range(n)]
    widths = [_num(length * module) for length in range(n + 1)]
    height = _num(module)
    code = ["n"]
    for r in range(n):
        bottom = _num(y + (n - r - 1) * module)
        code += [
            f"{lefts[run.start()]} {bottom} {widths[run.end() - run.start()]} {height} re"
            for run in _DARK_RUN.finditer(symbol.row(r))
        ]
    path = PDFPathObject(code=code)
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
        self.symbol = qr_symbol(payload)
        self.max_size = max_size
        self.dot = dot
        self.module = 0.0
        self.side = 0.0
        self._avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        size = min(self.max_size, avail_width)
        total = self.symbol.size + 2 * QR_QUIET_MODULES
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
        draw_qr(self.canv, self.symbol, left, bottom, self.module)


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
        rects = []
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
                    rects.append((x, y, length, width))
        else:
            x = _snap_x(canv, (self._avail - symbol) / 2, self.dot)
            knock_out(canv, x - quiet, base, symbol + 2 * quiet, self.bar_length)
            for ch in self.pattern:
                width = _element_width(ch) * self.module
                if ch.isupper():
                    rects.append((x, base, width, self.bar_length))
                x += width
        path = _rects(rects)
        canv.saveState()
        canv.setFillGray(0)
        canv.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
        canv.restoreState()
