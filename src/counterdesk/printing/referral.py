"""Surat pengantar / rujukan: sends a citizen on to another agency."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Spacer, Table  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.documents import ReferralDoc
from counterdesk.printing.fonts import SERIF, SERIF_BOLD
from counterdesk.printing.sheet import (
    DEFAULT_VERIFY_HINT,
    SheetSetup,
    content_width,
    letterhead_flowables,
    padding_free,
    render_sheet,
    signature_block,
    title_flowables,
)
from counterdesk.printing.styles import TA_JUSTIFY, esc, para, style

TITLE = "SURAT PENGANTAR / RUJUKAN"


def _story(doc: ReferralDoc) -> list[Any]:
    width = content_width(doc.paper)
    text = style("ref-text", SERIF, 10.5, leading=14)
    para_style = style("ref-para_style", SERIF, 10.5, leading=14, align=TA_JUSTIFY, space_after=6)
    label = style("ref-label", SERIF_BOLD, 10.5, leading=14, space_after=2)
    item = style(
        "ref-item", SERIF, 10.5, leading=14, left_indent=8 * mm, space_after=2, bullet_font=SERIF
    )

    story: list[Any] = letterhead_flowables(doc.letterhead, width)
    story += title_flowables(TITLE, doc.number)
    story += [
        para("Kepada Yth.", text),
        para(f"<b>{esc(doc.agency)}</b>", text),
        para("di tempat", text),
        Spacer(1, 5 * mm),
        para("Dengan hormat,", para_style),
        para(
            "Bersama ini kami rujuk warga tersebut di bawah ini untuk mendapatkan "
            "pelayanan lebih lanjut pada instansi Bapak/Ibu:",
            para_style,
        ),
    ]
    rows = [
        ("Nama", doc.citizen_name),
        ("Identitas", doc.citizen_id_masked),
        ("Layanan", doc.service_name),
        ("No. tanda terima", doc.receipt),
    ]
    label_width = 40 * mm
    details = Table(
        [[para(esc(name), text), para(":", text), para(esc(value), text)] for name, value in rows],
        colWidths=[label_width, 4 * mm, width - 8 * mm - label_width - 4 * mm],
        hAlign="RIGHT",
    )
    details.setStyle(
        padding_free(("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2))
    )
    story += [details, Spacer(1, 4 * mm), para("Alasan rujukan:", label)]
    story += [para(esc(doc.reason), para_style), Spacer(1, 1 * mm)]
    story.append(para("Yang perlu dibawa:", label))
    story += [para(esc(thing), item, bullet=f"{i}.") for i, thing in enumerate(doc.bring, start=1)]
    if not doc.bring:
        story.append(para("\u2013", item))
    closing = para(
        "Demikian surat pengantar ini dibuat untuk dapat dipergunakan sebagaimana mestinya. "
        "Atas perhatian dan kerja samanya kami ucapkan terima kasih.",
        para_style,
    )
    story += [
        Spacer(1, 3 * mm),
        signature_block(
            width,
            doc.place,
            doc.date_text,
            doc.signer_title,
            doc.signer_name,
            doc.signer_nip,
            keep_with=[closing],
            size=10.5,
            signer_rank=doc.signer_rank,
            signer_on_behalf=doc.signer_on_behalf,
        ),
    ]
    return story


def render_referral(doc: ReferralDoc) -> bytes:
    """PDF bytes of the referral slip."""

    def page_label(page: int, total: int) -> str:
        return f"Halaman {page} dari {total}"

    setup = SheetSetup(
        paper=doc.paper,
        training=doc.training,
        qr_payload=doc.qr_payload,
        verify_hint=doc.verify_hint or DEFAULT_VERIFY_HINT,
        title=f"{TITLE} {doc.number}",
        author=doc.letterhead.office,
        page_label=page_label,
    )
    return render_sheet(lambda: _story(doc), setup)
