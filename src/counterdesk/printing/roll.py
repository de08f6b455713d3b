"""Build a single page exactly as wide as the paper roll and as tall as its content.

The flowables are measured first (every style used on rolls has no implicit
spacing, gaps are explicit ``Spacer``s, so the sum of the wrapped heights is the
exact content height); then one page of that height plus small margins is drawn,
each flowable where a platypus ``Frame`` would have put it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    Flowable,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.printing.codes import DOT_203
from counterdesk.printing.fonts import SANS, SANS_BOLD, register_fonts
from counterdesk.printing.marks import TRAINING_LINE, draw_roll_watermark
from counterdesk.printing.styles import TA_CENTER, para, style

# Printable width of common 203 dpi thermal heads, in dots: 48 mm on 58 mm paper,
# 72 mm on 80 mm paper.  Content never goes outside it.
PRINTABLE_DOTS: dict[int, int] = {58: 384, 80: 576}
TOP_MARGIN: float = 3 * mm
BOTTOM_MARGIN: float = 5 * mm
_SLACK = 1.0  # points; absorbs float rounding so the last line never spills
_MEASURE_HEIGHT = 1e6


def roll_geometry(roll_mm: int) -> tuple[float, float, float]:
    """(page width, left margin, content width) in points; ValueError for unknown rolls."""
    if isinstance(roll_mm, bool) or roll_mm not in PRINTABLE_DOTS:
        raise ValueError(f"roll_mm must be 58 or 80, got {roll_mm!r}")
    page_width = roll_mm * mm
    content = PRINTABLE_DOTS[roll_mm] * DOT_203
    # Start the content on a whole printer dot so barcodes stay crisp.
    left = int((page_width - content) / 2 / DOT_203) * DOT_203
    return page_width, left, content


def training_banner(width: float, size: float) -> Any:
    """The boxed "TRAINING - TIDAK SAH" line printed first on training rolls."""
    line = para(TRAINING_LINE, style("training", SANS_BOLD, size, align=TA_CENTER))
    table = Table([[line]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS_BOLD, size),
                ("BOX", (0, 0), (-1, -1), 0.8, (0, 0, 0)),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def render_roll(
    flowables: Sequence[Any], roll_mm: int, *, training: bool, title: str, subject: str
) -> bytes:
    """Lay ``flowables`` out on one roll page and return the PDF bytes.

    Each flowable is wrapped once: its height counts towards the page height and
    then it is drawn where a platypus ``Frame`` of that height would put it (the
    same arithmetic, so the same coordinates), without wrapping it a second time.
    """
    register_fonts()
    page_width, left, content_width = roll_geometry(roll_mm)
    story: list[Any] = list(flowables)
    if training:
        banner = training_banner(content_width, 7.5 if roll_mm == 58 else 8.5)
        story[:0] = [banner, Spacer(1, 1.5 * mm)]

    # The width a Frame at ``left`` of ``content_width`` offers (it may differ from
    # ``content_width`` in the last bit).
    avail = (left + content_width) - left
    placed: list[tuple[Any, float, float, float]] = []  # flowable, space before, h, w
    content_height = 0.0
    for i, flowable in enumerate(story):
        before = flowable.getSpaceBefore() if i else 0
        width, height = flowable.wrap(avail, _MEASURE_HEIGHT)
        if width > content_width + 0.01:
            raise ValueError(f"{type(flowable).__name__} is wider than the {roll_mm} mm roll")
        after = flowable.getSpaceAfter() if i < len(story) - 1 else 0
        placed.append((flowable, before, height, width))
        content_height += before + height + after

    page_height = TOP_MARGIN + content_height + _SLACK + BOTTOM_MARGIN
    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=(page_width, page_height),
        invariant=1,
        pageCompression=1,
        initialFontName=SANS,
        initialFontSize=8,
    )
    canv.setTitle(title)
    canv.setSubject(subject)
    canv.setCreator("counterdesk")
    canv.setAuthor("counterdesk")
    if training:
        draw_roll_watermark(canv, page_width, page_height)
    y = BOTTOM_MARGIN + (content_height + _SLACK)  # the top of the frame
    for flowable, before, height, width in placed:
        y -= height + before
        flowable.drawOn(canv, left, y, _sW=avail - width)
        y -= flowable.getSpaceAfter()
    canv.showPage()
    canv.save()
    return buffer.getvalue()


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal line across the frame; ``dashed`` for the softer separators."""

    def __init__(self, thickness: float = 0.5, dashed: bool = False) -> None:
        super().__init__()
        self.thickness = thickness
        self.dashed = dashed
        self._width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.thickness

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(self.thickness)
        if self.dashed:
            self.canv.setDash(2, 1.5)
        y = self.thickness / 2
        self.canv.line(0, y, self._width, y)
        self.canv.restoreState()
