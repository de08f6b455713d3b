"""Rekap harian: a desk's day on A4 - letterhead, key figures, a bar chart, tables."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped, unused-ignore]
    VerticalBarChart,
)
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped, unused-ignore]
from reportlab.graphics.shapes import Drawing, String  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.printing.documents import BarChartData, DailyReportDoc
from counterdesk.printing.fonts import SANS, SANS_BOLD, SERIF_BOLD
from counterdesk.printing.report_pages import (
    GRID,
    ReportPage,
    TableLook,
    render_report,
    report_table,
)
from counterdesk.printing.sheet import letterhead_flowables
from counterdesk.printing.styles import TA_CENTER, esc, para, style

LEFT = RIGHT = 18 * mm
TOP = 12 * mm
BOTTOM = 16 * mm
CHART_HEIGHT = 62 * mm
# Bar fills that stay distinct when a colour page is printed in black and white.
SERIES_COLOURS = [
    colors.HexColor(c)
    for c in ("#1f4e79", "#6fa8dc", "#f1c232", "#38761d", "#b4a7d6", "#cc0000", "#999999")
]


def _key_figures(figures: list[tuple[str, str]], width: float) -> Any:
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


def _chart(data: BarChartData, width: float) -> Any:
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


TABLES = TableLook("dr", 8, 10, 8, 10, (2, 2.5, 3))


def _story(doc: DailyReportDoc, width: float) -> list[Any]:
    title = style("dr-title", SERIF_BOLD, 13, leading=17, align=TA_CENTER)
    sub = style("dr-sub", SANS, 9.5, leading=12, align=TA_CENTER)
    story: list[Any] = letterhead_flowables(doc.letterhead, width)[:-1]  # no big gap
    story += [
        Spacer(1, 3 * mm),
        para(esc(doc.title), title),
        para(esc(doc.date_text), sub),
        para(esc(doc.desk_line), sub),
        Spacer(1, 4 * mm),
        _key_figures(doc.key_figures, width),
        Spacer(1, 5 * mm),
        KeepTogether(_chart(doc.chart, width)),
        Spacer(1, 4 * mm),
    ]
    for table in doc.tables:
        story += report_table(table, width, TABLES)
    return story


def render_daily_report(doc: DailyReportDoc) -> bytes:
    """PDF bytes of the daily report; page numbers appear when it runs over one page."""
    doc.chart.check()
    return render_report(
        ReportPage(
            paper=doc.paper,
            left=LEFT,
            right=RIGHT,
            top=TOP,
            bottom=BOTTOM,
            title=f"{doc.title} {doc.date_text}",
            author=doc.letterhead.office,
            subject=doc.desk_line,
            generated_text=doc.generated_text,
            training=doc.training,
        ),
        lambda width: _story(doc, width),
    )
