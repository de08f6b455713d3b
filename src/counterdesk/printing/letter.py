"""Official letter (surat) on A4 or F4, optionally bilingual Indonesian/English."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import HRFlowable, Spacer  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.documents import LetterDoc
from counterdesk.printing.fonts import SERIF
from counterdesk.printing.sheet import (
    DEFAULT_VERIFY_HINT,
    SheetSetup,
    content_width,
    letterhead_flowables,
    render_sheet,
    signature_block,
    title_flowables,
)
from counterdesk.printing.styles import TA_CENTER, TA_JUSTIFY, esc, para, style

TRANSLATION_NOTE = (
    "Terjemahan dalam bahasa Inggris. Apabila terdapat perbedaan penafsiran, "
    "yang berlaku adalah teks dalam bahasa Indonesia. / English translation; "
    "in case of any difference in interpretation, the Indonesian text prevails."
)


def is_bilingual(doc: LetterDoc) -> bool:
    return bool(doc.title_en) or bool(doc.body_paragraphs_en)


def _story(doc: LetterDoc) -> list[Any]:
    width = content_width(doc.paper)
    body = style("body", SERIF, 11, leading=16, align=TA_JUSTIFY, space_after=8)
    body_en = style("body-en", SERIF, 10.5, leading=15, align=TA_JUSTIFY, space_after=7)
    note = style("note", SERIF, 8.5, leading=11, align=TA_CENTER, space_after=6)
    bilingual = is_bilingual(doc)

    story: list[Any] = letterhead_flowables(doc.letterhead, width)
    story += title_flowables(
        doc.title, doc.number, doc.title_en, "Nomor / Number" if bilingual else "Nomor"
    )
    paragraphs: list[Any] = [para(esc(text), body) for text in doc.body_paragraphs]
    if doc.body_paragraphs_en:
        paragraphs += [
            Spacer(1, 3 * mm),
            HRFlowable(width="40%", thickness=0.5, color=(0.4, 0.4, 0.4), hAlign="CENTER"),
            Spacer(1, 2 * mm),
            para(f"<i>{esc(TRANSLATION_NOTE)}</i>", note),
        ]
        paragraphs += [para(f"<i>{esc(text)}</i>", body_en) for text in doc.body_paragraphs_en]
    closing = paragraphs[-1:]  # kept on the signature's page
    story += paragraphs[:-1]
    story.append(
        signature_block(
            width,
            doc.place,
            doc.date_text,
            doc.signer_title,
            doc.signer_name,
            doc.signer_nip,
            keep_with=closing,
        )
    )
    return story


def render_letter(doc: LetterDoc) -> bytes:
    """PDF bytes of the letter; page numbers appear when it runs over one page."""
    bilingual = is_bilingual(doc)

    def page_label(page: int, total: int) -> str:
        label = f"Halaman {page} dari {total}"
        return f"{label} / Page {page} of {total}" if bilingual else label

    setup = SheetSetup(
        paper=doc.paper,
        training=doc.training,
        qr_payload=doc.qr_payload,
        verify_hint=doc.verify_hint or DEFAULT_VERIFY_HINT,
        title=f"{doc.title} {doc.number}",
        author=doc.letterhead.office,
        page_label=page_label,
    )
    return render_sheet(lambda: _story(doc), setup)
