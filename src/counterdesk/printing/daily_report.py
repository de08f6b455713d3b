"""Rekap harian: a desk's day on A4 - letterhead, key figures, a bar chart, tables."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    KeepTogether,
    Spacer,
)

from counterdesk.printing.documents import DailyReportDoc
from counterdesk.printing.report_pages import (
    ReportPage,
    TableLook,
    bar_chart,
    render_report,
    report_head,
    report_table,
)

LEFT = RIGHT = 18 * mm
TOP = 12 * mm
BOTTOM = 16 * mm
TABLES = TableLook("dr", 8, 10, 8, 10, (2, 2.5, 3))


def _story(doc: DailyReportDoc, width: float) -> list[Any]:
    story = report_head(
        doc.letterhead, doc.title, [doc.date_text, doc.desk_line], doc.key_figures, width
    )
    story += [KeepTogether(bar_chart(doc.chart, width)), Spacer(1, 4 * mm)]
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
