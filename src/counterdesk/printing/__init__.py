"""PDF documents for the counter: queue tickets and receipts on 58/80 mm rolls,
letters and referral slips on A4/F4.

Every renderer takes one frozen record from :mod:`counterdesk.printing.documents`
and returns the PDF as bytes; nothing is written to disk.  Output is
deterministic: the same record always gives the same bytes.
"""

from counterdesk.printing.documents import (
    LetterDoc,
    Letterhead,
    ReceiptDoc,
    ReferralDoc,
    TicketDoc,
)
from counterdesk.printing.fonts import register_fonts
from counterdesk.printing.letter import render_letter
from counterdesk.printing.receipt import render_receipt
from counterdesk.printing.referral import render_referral
from counterdesk.printing.ticket import render_ticket

__all__ = [
    "LetterDoc",
    "Letterhead",
    "ReceiptDoc",
    "ReferralDoc",
    "TicketDoc",
    "register_fonts",
    "render_letter",
    "render_receipt",
    "render_referral",
    "render_ticket",
]
