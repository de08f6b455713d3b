"""A4/F4 reports (the desk's daily report, the hub's monthly report): one frame, a footer
with when it was made, "Halaman i dari n" when it runs over one page (a second pass once the
count is known), and the training marks on a training desk's pages."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    BaseDocTemplate,
    Frame,
    PageTemplate,
)

from counterdesk.printing.fonts import SANS, SANS_BOLD, register_fonts
from counterdesk.printing.marks import TRAINING_LINE, draw_watermark
from counterdesk.printing.sheet import paper_size


@dataclass(frozen=True)
class ReportPage:
    paper: str
    left: float
    right: float
    top: float
    bottom: float
    title: str
    author: str
    subject: str
    generated_text: str  # the footer's left side
    training: bool = False


def render_report(page: ReportPage, story: Callable[[float], list[Any]]) -> bytes:
    """PDF bytes of ``story(frame width)`` on ``page``'s pages."""
    register_fonts()
    out, pages = _build(page, story, None)
    if pages > 1:
        out, _ = _build(page, story, pages)
    return out


def _build(
    page: ReportPage, story: Callable[[float], list[Any]], total: int | None
) -> tuple[bytes, int]:
    width, height = paper_size(page.paper)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=page.left,
        rightMargin=page.right,
        topMargin=page.top,
        bottomMargin=page.bottom,
        invariant=1,
        pageCompression=1,
        initialFontName=SANS,
        initialFontSize=9,
        title=page.title,
        author=page.author,
        creator="counterdesk",
        subject=page.subject,
    )
    frame = Frame(
        page.left,
        page.bottom,
        template.width,
        template.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    pages: list[int] = []

    def on_page(canv: Any, _template: Any) -> None:
        number = int(canv.getPageNumber())
        pages.append(number)
        if page.training:
            draw_watermark(canv, 0, 0, width, height)
            canv.saveState()
            canv.setFont(SANS_BOLD, 9)
            canv.drawCentredString(width / 2, height - 7 * mm, TRAINING_LINE)
            canv.restoreState()
        canv.saveState()
        canv.setFont(SANS, 7.5)
        canv.drawString(page.left, 8 * mm, page.generated_text)
        if total is not None and total > 1:
            canv.drawRightString(width - page.right, 8 * mm, f"Halaman {number} dari {total}")
        canv.restoreState()

    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    template.build(story(template.width))
    return buffer.getvalue(), len(pages)
