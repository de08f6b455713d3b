"""Official letter (surat) on A4 or F4, optionally bilingual Indonesian/English."""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import HRFlowable, Spacer  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.documents import LetterDoc
from counterdesk.printing.fonts import SERIF
from counterdesk.printing.sheet import (
    DEFAULT_VERIFY_HINT,
    SheetSetup,
    content_width,
    identity_table,
    letterhead_flowables,
    render_sheet,
    render_sheet_pages,
    signature_block,
    title_flowables,
)
from counterdesk.printing.styles import TA_CENTER, TA_JUSTIFY, esc, para, style

TRANSLATION_NOTE = (
    "Terjemahan dalam bahasa Inggris. Apabila terdapat perbedaan penafsiran, "
    "yang berlaku adalah teks dalam bahasa Indonesia. / English translation; "
    "in case of any difference in interpretation, the Indonesian text prevails."
)


ONE_PAGE_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0)  # tried in turn for a letter kept to one page


def is_bilingual(doc: LetterDoc) -> bool:
    return bool(doc.title_en) or bool(doc.body_paragraphs_en)


def _with_identity(
    paragraphs: list[Any],
    rows: list[tuple[str, str]],
    at: int | None,
    width: float,
    size: float = 11.0,
) -> list[Any]:
    if not rows or at is None:
        return paragraphs
    at = max(0, min(at, len(paragraphs)))
    return [*paragraphs[:at], identity_table(rows, width, size), *paragraphs[at:]]


def _story(doc: LetterDoc, size: float = 11.0) -> list[Any]:
    width = content_width(doc.paper)
    body = style(
        f"body-{size}",
        SERIF,
        size,
        leading=size * 16 / 11,
        align=TA_JUSTIFY,
        space_after=size * 8 / 11,
    )
    body_en = style("body-en", SERIF, 10.5, leading=15, align=TA_JUSTIFY, space_after=7)
    note = style("note", SERIF, 8.5, leading=11, align=TA_CENTER, space_after=6)
    plain = style(f"to-{size}", SERIF, size, leading=size * 15 / 11)
    bilingual = is_bilingual(doc)

    story: list[Any] = letterhead_flowables(doc.letterhead, width)
    story += title_flowables(
        doc.title, doc.number, doc.title_en, "Nomor / Number" if bilingual else "Nomor"
    )
    if doc.addressee:
        story += [para(esc(line), plain) for line in doc.addressee]
        story.append(Spacer(1, 4 * mm))
    paragraphs: list[Any] = _with_identity(
        [para(esc(text), body) for text in doc.body_paragraphs],
        doc.identity,
        doc.identity_at,
        width,
    )
    if doc.body_paragraphs_en:
        paragraphs += [
            Spacer(1, 3 * mm),
            HRFlowable(width="40%", thickness=0.5, color=(0.4, 0.4, 0.4), hAlign="CENTER"),
            Spacer(1, 2 * mm),
            para(f"<i>{esc(TRANSLATION_NOTE)}</i>", note),
        ]
        paragraphs += _with_identity(
            [para(f"<i>{esc(text)}</i>", body_en) for text in doc.body_paragraphs_en],
            doc.identity_en or doc.identity,
            doc.identity_at_en,
            width,
        )
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
            size=size,
            signer_rank=doc.signer_rank,
            signer_on_behalf=doc.signer_on_behalf,
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
    if not doc.one_page:
        return render_sheet(lambda: _story(doc), setup)
    data = b""
    for size in ONE_PAGE_SIZES:
        data, pages = render_sheet_pages(functools.partial(_story, doc, size), setup)
        if pages == 1:
            break
    return data
