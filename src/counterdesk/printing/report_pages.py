"""A4/F4 reports (the desk's daily report, the hub's monthly report): one frame, a footer
with when it was made, "Halaman i dari n" when it runs over one page (a second pass once the
count is known), the training marks on a training desk's pages, and their tables."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.printing.documents import ReportTable
from counterdesk.printing.fonts import SANS, SANS_BOLD, register_fonts
from counterdesk.printing.marks import TRAINING_LINE, draw_watermark
from counterdesk.printing.sheet import paper_size
from counterdesk.printing.styles import TA_RIGHT, esc, para, style

GRID = colors.Color(0.55, 0.55, 0.55)
HEAD_FILL = colors.Color(0.9, 0.9, 0.9)
TOTAL_FILL = colors.Color(0.95, 0.95, 0.95)
RULE = colors.Color(0.8, 0.8, 0.8)


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


@dataclass(frozen=True)
class TableLook:
    """The sizes of a report's tables (the daily report's roomier, the monthly's denser)."""

    key: str  # paragraph style names start with it
    size: float
    leading: float
    head_size: float
    head_leading: float
    padding: tuple[float, float, float]  # top, bottom, left and right


def table_heading(key: str) -> Any:
    return style(f"{key}-heading", SANS_BOLD, 10, leading=13, space_after=3)


def report_table(
    data: ReportTable,
    width: float,
    look: TableLook,
    *,
    emphasise: Callable[[Sequence[str]], bool] = lambda _row: False,
) -> list[Any]:
    """A titled table with a repeated header row (or the title and ``data.empty_text``);
    rows for which ``emphasise`` says so (totals) are shaded."""
    cell = style(f"{look.key}-cell", SANS, look.size, leading=look.leading)
    number = style(f"{look.key}-number", SANS, look.size, leading=look.leading, align=TA_RIGHT)
    head = style(f"{look.key}-head", SANS_BOLD, look.head_size, leading=look.head_leading)
    head_number = style(
        f"{look.key}-head-number",
        SANS_BOLD,
        look.head_size,
        leading=look.head_leading,
        align=TA_RIGHT,
    )
    title = para(esc(data.title), table_heading(look.key))
    if not data.rows:
        return [KeepTogether([title, para(esc(data.empty_text), cell)]), Spacer(1, 4 * mm)]
    relative = data.widths or [1.0] * len(data.header)
    col_widths = [width * w / sum(relative) for w in relative]

    def row(values: list[str], text: Any, numeric: Any) -> list[Any]:
        return [
            para(esc(v), numeric if i >= data.numeric_from else text) for i, v in enumerate(values)
        ]

    rows = [row(data.header, head, head_number)] + [row(r, cell, number) for r in data.rows]
    table = Table(rows, colWidths=col_widths, repeatRows=1)
    top, bottom, side = look.padding
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, look.size),  # empty cells too: never Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GRID),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), side),
        ("RIGHTPADDING", (0, 0), (-1, -1), side),
    ]
    for i, r in enumerate(data.rows, start=1):
        if emphasise(r):
            commands.append(("BACKGROUND", (0, i), (-1, i), TOTAL_FILL))
    table.setStyle(TableStyle(commands))
    return [title, table, Spacer(1, 5 * mm)]
