"""Laporan bulanan: the district's month on A4 - key figures, charts, tables, SKM tables.

The inputs are plain records (:class:`MonthlyReportDoc`) with ready-formatted cells, built
by the hub; this module only lays them out. The survey (SKM) tables follow the usual
official layout (PermenPAN-RB 14/2017): one row per element with its total score, NRR and
weighted NRR, then the index, its conversion (x25), the quality grade and the unit's
performance, and the number of respondents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped, unused-ignore]
    HorizontalBarChart,
)
from reportlab.graphics.shapes import Drawing, String  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    CondPageBreak,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.printing.documents import BarChartData, Letterhead, ReportTable
from counterdesk.printing.fonts import SANS, SANS_BOLD, SERIF_BOLD
from counterdesk.printing.report_pages import (
    GRID,
    HEAD_FILL,
    ReportPage,
    TableLook,
    bar_chart,
    render_report,
    report_head,
    report_table,
    table_heading,
)
from counterdesk.printing.styles import TA_CENTER, TA_RIGHT, esc, para, style

LEFT = RIGHT = 15 * mm
TOP = 12 * mm
BOTTOM = 16 * mm
BAR = colors.HexColor("#1f4e79")


@dataclass(frozen=True)
class SkmElementRow:
    code: str  # U1..U9
    name: str
    total: int  # jumlah nilai
    nrr: float
    weighted: float  # NRR x the weight used (1/9 or 0.111)


@dataclass(frozen=True)
class SkmTableDoc:
    """One official SKM table (a post, a service or the whole district)."""

    title: str
    respondents: int
    rows: list[SkmElementRow]
    ikm: float  # sum of the weighted NRRs (1..4)
    ikm_converted: float  # x 25
    grade: str  # A..D
    performance: str  # Sangat Baik / Baik / Kurang Baik / Tidak Baik
    note: str = ""


@dataclass(frozen=True)
class ValueChartData:
    """One bar per label (e.g. IKM per post), values between 0 and ``maximum``."""

    title: str
    labels: list[str]
    values: list[float]
    maximum: float = 100.0
    value_format: str = "{:.2f}"
    empty_text: str = "\u2013"


@dataclass(frozen=True)
class MonthlyReportDoc:
    letterhead: Letterhead
    title: str
    period_text: str
    scope_line: str
    key_figures: list[tuple[str, str]]
    volume_chart: BarChartData
    ikm_chart: ValueChartData
    tables: list[ReportTable]
    skm_tables: list[SkmTableDoc]
    generated_text: str
    paper: str = "A4"


def _heading() -> Any:
    return table_heading(TABLES.key)


def _value_chart(data: ValueChartData, width: float) -> list[Any]:
    if not data.labels:
        return [para(esc(data.title), _heading()), para(esc(data.empty_text), _cell())]
    row = 14
    height = row * len(data.labels) + 26
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS
    drawing.initialFontSize = 8
    chart = HorizontalBarChart()
    label_width = 150
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - 40, height - 22
    chart.data = [list(reversed(data.values))]
    chart.categoryAxis.categoryNames = list(reversed(data.labels))
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = data.maximum
    chart.valueAxis.valueStep = data.maximum / 4
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = colors.white
    chart.barWidth = 9
    drawing.add(chart)
    step = chart.height / len(data.labels)
    for i, value in enumerate(reversed(data.values)):
        x = chart.x + chart.width * min(value, data.maximum) / data.maximum + 3
        y = chart.y + step * (i + 0.5) - 3
        drawing.add(String(x, y, data.value_format.format(value), fontName=SANS_BOLD, fontSize=7))
    return [para(esc(data.title), _heading()), drawing]


def _cell() -> Any:
    return style("mr-cell", SANS, TABLES.size, leading=TABLES.leading)


TABLES = TableLook("mr", 7.5, 9.5, 6.8, 8.5, (1.5, 2, 2.5))


def _is_total(row: Sequence[str], numeric_from: int) -> bool:
    """A total row ("Semua ...", "Jumlah"), shaded so that it stands out."""
    return any(v.startswith("Semua") or v == "Jumlah" for v in row[: max(1, numeric_from)])


def _table(data: ReportTable, width: float) -> list[Any]:
    parts = report_table(data, width, TABLES, emphasise=lambda r: _is_total(r, data.numeric_from))
    return [CondPageBreak(30 * mm), *parts] if data.rows else parts


def _skm_table(data: SkmTableDoc, width: float) -> list[Any]:
    cell = _cell()
    centre = style("mr-skm-centre", SANS, 7.5, leading=9.5, align=TA_CENTER)
    number = style("mr-number", SANS, 7.5, leading=9.5, align=TA_RIGHT)
    head = style("mr-skm-head", SANS_BOLD, 7.5, leading=9.5, align=TA_CENTER)
    bold = style("mr-skm-bold", SANS_BOLD, 7.5, leading=9.5)
    bold_number = style("mr-skm-bold-number", SANS_BOLD, 7.5, leading=9.5, align=TA_RIGHT)
    header = ["No", "Unsur pelayanan", "Jumlah nilai", "NRR", "NRR tertimbang"]
    rows: list[list[Any]] = [[para(esc(h), head) for h in header]]
    for r in data.rows:
        rows.append(
            [
                para(esc(r.code), centre),
                para(esc(r.name), cell),
                para(f"{r.total}", number),
                para(f"{r.nrr:.3f}", number),
                para(f"{r.weighted:.3f}", number),
            ]
        )
    footer = [
        ("IKM unit pelayanan (\u03a3 NRR tertimbang)", f"{data.ikm:.3f}"),
        ("IKM konversi (IKM \u00d7 25)", f"{data.ikm_converted:.2f}"),
        ("Mutu pelayanan", data.grade),
        ("Kinerja unit pelayanan", data.performance),
        ("Jumlah responden", f"{data.respondents}"),
    ]
    first_footer = len(rows)
    for label, value in footer:
        rows.append(["", para(esc(label), bold), "", "", para(esc(value), bold_number)])
    table = Table(rows, colWidths=[w * width for w in (0.07, 0.51, 0.14, 0.12, 0.16)])
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 7.5),  # empty cells too: never ReportLab's Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("GRID", (0, 0), (-1, first_footer - 1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("LINEABOVE", (0, first_footer), (-1, first_footer), 0.8, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in range(first_footer, len(rows)):
        commands.append(("SPAN", (1, i), (3, i)))
        commands.append(("LINEBELOW", (0, i), (-1, i), 0.3, colors.Color(0.8, 0.8, 0.8)))
    table.setStyle(TableStyle(commands))
    parts: list[Any] = [para(esc(data.title), _heading()), table]
    if data.note:
        parts += [Spacer(1, 1.5 * mm), para(esc(data.note), cell)]
    return [KeepTogether(parts), Spacer(1, 6 * mm)]


def _story(doc: MonthlyReportDoc, width: float) -> list[Any]:
    story = report_head(
        doc.letterhead, doc.title, [doc.period_text, doc.scope_line], doc.key_figures, width
    )
    story += [
        KeepTogether(bar_chart(doc.volume_chart, width)),
        Spacer(1, 4 * mm),
        KeepTogether(_value_chart(doc.ikm_chart, width)),
        Spacer(1, 5 * mm),
    ]
    for table in doc.tables:
        story += _table(table, width)
    if doc.skm_tables:
        story.append(CondPageBreak(90 * mm))
        story.append(
            para("Survei Kepuasan Masyarakat (SKM)", style("mr-h1", SERIF_BOLD, 12, leading=16))
        )
        story.append(Spacer(1, 2 * mm))
        for skm in doc.skm_tables:
            story += _skm_table(skm, width)
    return story


def render_monthly_report(doc: MonthlyReportDoc) -> bytes:
    """PDF bytes of the monthly report, with "Halaman i dari n" when over one page."""
    doc.volume_chart.check()
    if len(doc.ikm_chart.labels) != len(doc.ikm_chart.values):
        raise ValueError("the IKM chart needs one value per label")
    return render_report(
        ReportPage(
            paper=doc.paper,
            left=LEFT,
            right=RIGHT,
            top=TOP,
            bottom=BOTTOM,
            title=f"{doc.title} {doc.period_text}",
            author=doc.letterhead.office or doc.letterhead.government,
            subject=doc.scope_line,
            generated_text=doc.generated_text,
        ),
        lambda width: _story(doc, width),
    )
