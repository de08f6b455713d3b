"""PDF documents for the counter: queue tickets and receipts on 58/80 mm rolls,
letters, referral slips and the daily report on A4/F4.

Every renderer takes one frozen record from :mod:`counterdesk.printing.documents`
and returns the PDF as bytes; nothing is written to disk.  Output is
deterministic: the same record always gives the same bytes.

Content streams are deflated only, not also ASCII85-encoded (ReportLab's default
``useA85``): a PDF is a binary file anyway, and ASCII85 makes each page stream a
quarter larger and cost about a millisecond per receipt, in pure Python.  Only
this package uses ReportLab, so the process-wide setting is made here, before any
document; the pages look exactly the same.
"""

from reportlab import rl_config  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.daily_report import render_daily_report
from counterdesk.printing.documents import (
    BarChartData,
    DailyReportDoc,
    LetterDoc,
    Letterhead,
    ReceiptDoc,
    ReferralDoc,
    ReportTable,
    TicketDoc,
)
from counterdesk.printing.fonts import register_fonts
from counterdesk.printing.letter import render_letter
from counterdesk.printing.receipt import render_receipt
from counterdesk.printing.referral import render_referral
from counterdesk.printing.ticket import render_ticket

rl_config.useA85 = 0  # see above; no document is made while importing

__all__ = [
    "BarChartData",
    "DailyReportDoc",
    "LetterDoc",
    "Letterhead",
    "ReceiptDoc",
    "ReferralDoc",
    "ReportTable",
    "TicketDoc",
    "register_fonts",
    "render_daily_report",
    "render_letter",
    "render_receipt",
    "render_referral",
    "render_ticket",
]
