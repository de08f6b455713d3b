"""Queue ticket for the 58/80 mm roll printer."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Spacer  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.documents import TicketDoc
from counterdesk.printing.fonts import SANS, SANS_BOLD, register_fonts
from counterdesk.printing.roll import Rule, render_roll, roll_geometry
from counterdesk.printing.styles import TA_CENTER, esc, fit_size, para, style


def render_ticket(doc: TicketDoc) -> bytes:
    """PDF bytes of a queue ticket: big number, service, post/desk, time, people waiting."""
    register_fonts()
    _, _, width = roll_geometry(doc.roll_mm)
    wide = doc.roll_mm == 80
    base = 9.5 if wide else 8.5
    number_size = fit_size(doc.ticket, SANS_BOLD, width, 60.0 if wide else 42.0, 14.0)

    centre = style("t-centre", SANS, base, align=TA_CENTER)
    small = style("t-small", SANS, base - 1.5, align=TA_CENTER)
    post = style("t-post", SANS_BOLD, base + 1, align=TA_CENTER)
    number = style("t-number", SANS_BOLD, number_size, leading=number_size * 1.15, align=TA_CENTER)
    service = style("t-service", SANS_BOLD, base + 2.5, align=TA_CENTER)

    story: list[Any] = [
        Spacer(1, 1 * mm),
        para(esc(doc.post), post),
        Spacer(1, 1.5 * mm),
        Rule(0.6),
        Spacer(1, 2 * mm),
        para("NOMOR ANTREAN", small),
        para(esc(doc.ticket), number),
        Spacer(1, 1 * mm),
        para(esc(doc.service_name), service),
        Spacer(1, 1.5 * mm),
    ]
    if doc.desk.strip():
        story.append(para(f"Loket: <b>{esc(doc.desk)}</b>", centre))
    story.append(para(esc(doc.issued_at), centre))
    if doc.waiting_ahead is not None:
        story.append(Spacer(1, 1.5 * mm))
        story.append(para(f"Menunggu: <b>{doc.waiting_ahead}</b> orang di depan Anda", centre))
    story += [
        Spacer(1, 2 * mm),
        Rule(0.6),
        Spacer(1, 1.5 * mm),
        para("Mohon menunggu sampai nomor Anda dipanggil.", small),
        para("Please wait until your number is called.", small),
    ]
    return render_roll(
        story,
        doc.roll_mm,
        training=doc.training,
        title=f"Nomor antrean {doc.ticket}",
        subject=doc.service_name,
    )
