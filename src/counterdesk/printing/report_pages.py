"""A4/F4 reports (the desk's daily report, the hub's monthly report): one frame, a footer
with when it was made, "Halaman i dari n" when it runs over one page (a second pass once the
count is known), the training marks on a training desk's pages; and what both put on them:
the head (letterhead, title, key figures), bar charts and tables."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped, unused-ignore]
    VerticalBarChart,
)
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped, unused-ignore]
from reportlab.graphics.shapes import Drawing, String  # type: ignore[import-untyped, unused-ignore]
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

from counterdesk.printing.documents import BarChartData, Letterhead, ReportTable
from counterdesk.printing.fonts import SANS, SANS_BOLD, SERIF_BOLD, register_fonts
from counterdesk.printing.marks import TRAINING_LINE, draw_watermark
from counterdesk.printing.sheet import letterhead_flowables, paper_size
from counterdesk.printing.styles import TA_CENTER, TA_RIGHT, esc, para, style

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


def report_head(
    letterhead: Letterhead,
    title: str,
    lines: Sequence[str],
    figures: list[tuple[str, str]],
    width: float,
) -> list[Any]:
    """The letterhead, the report's title and lines under it, and its key figures."""
    title_style = style("report-title", SERIF_BOLD, 13, leading=17, align=TA_CENTER)
    sub = style("report-sub", SANS, 9.5, leading=12, align=TA_CENTER)
    story: list[Any] = letterhead_flowables(letterhead, width)[:-1]  # no big gap
    story += [Spacer(1, 3 * mm), para(esc(title), title_style)]
    story += [para(esc(line), sub) for line in lines]
    story += [Spacer(1, 4 * mm), key_figures(figures, width), Spacer(1, 5 * mm)]
    return story


CHART_HEIGHT = 62 * mm
# Bar fills that stay distinct when a colour page is printed in black and white.
SERIES_COLOURS = [
    colors.HexColor(c)
    for c in ("#1f4e79", "#6fa8dc", "#f1c232", "#38761d", "#b4a7d6", "#cc0000", "#999999")
]


def key_figures(figures: list[tuple[str, str]], width: float) -> Any:
    """Key figures as boxes of four across: the number big, its label under it."""
    if not figures:
        return Spacer(1, 0)
    number = style("dr-figure", SANS_BOLD, 15, leading=18, align=TA_CENTER)
    label = style("dr-figure-label", SANS, 7.5, leading=9, align=TA_CENTER)
    per_row = 4
    cells: list[Any] = [
        [para(esc(value), number), para(esc(name), label)] for name, value in figures
    ]
    cells += [""] * (-len(cells) % per_row)
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 8),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def bar_chart(data: BarChartData, width: float) -> Any:
    """Stacked bars per category; an empty day gets a line of text instead."""
    heading = style("dr-heading", SANS_BOLD, 10, leading=13, space_after=3)
    if not data.categories or not any(any(v) for v in data.values):
        note = style("dr-note", SANS, 8.5, leading=11)
        return [para(esc(data.title), heading), para(esc(data.empty_text), note)]
    drawing = Drawing(width, CHART_HEIGHT)
    # ReportLab's renderer starts every drawing in its default font (Helvetica, not
    # embedded) unless the drawing names another.
    drawing.initialFontName = SANS
    drawing.initialFontSize = 8
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 28 - 120, CHART_HEIGHT - 42
    chart.data = [list(series) for series in data.values]
    chart.categoryAxis.categoryNames = list(data.categories)
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(data.categories) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(data.categories) > 8 else "n"
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    totals = [sum(column) for column in zip(*data.values, strict=True)]
    top = max(totals)
    step = max(1, -(-top // 6))  # whole requests, at most about six grid lines
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * -(-top // step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barWidth = 8
    chart.groupSpacing = 6
    for i in range(len(data.series)):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.3
    drawing.add(chart)

    legend = Legend()
    legend.fontName = SANS
    legend.fontSize = 7.5
    legend.x, legend.y = width - 112, CHART_HEIGHT - 12
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.deltay = 10
    legend.dx = legend.dy = 7
    # top of the legend = top of the stack
    legend.colorNamePairs = [
        (SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, name in enumerate(data.series)
    ][::-1]
    drawing.add(legend)
    # totals above the bars
    step_x = chart.width / len(data.categories)
    for i, total in enumerate(totals):
        if total:
            x = chart.x + step_x * (i + 0.5)
            y = chart.y + chart.height * total / chart.valueAxis.valueMax + 2
            drawing.add(
                String(x, y, str(total), fontName=SANS_BOLD, fontSize=7, textAnchor="middle")
            )
    return [para(esc(data.title), heading), drawing]
