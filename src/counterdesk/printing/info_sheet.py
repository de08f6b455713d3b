"""Maklumat standar pelayanan: one A4/F4 page per service, for the wall.

PermenPAN-RB 15/2014 asks that each service's standard be published where citizens
can read it: requirements, procedure, completion time, fee, product and complaint
channel.  One sheet per service: the letterhead, the service name large, three key
facts (time, fee, product) in boxes, then the numbered requirements and procedure
steps, the product, the complaint channel and the legal basis; the catalogue
version in the footer so a stale sheet on the wall can be spotted.

No QR code: there is no public page per service to point to (a QR that leads
nowhere useful would only invite scanning).

The sheet always fits one page: the story is measured and set in a slightly
smaller type until it fits; a service too long even for the smallest type is
scaled down as a whole rather than run over a second page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    BaseDocTemplate,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.printing.documents import Letterhead
from counterdesk.printing.fonts import SANS, SANS_BOLD, SERIF, register_fonts
from counterdesk.printing.marks import TRAINING_LINE, draw_watermark
from counterdesk.printing.sheet import letterhead_flowables, paper_size
from counterdesk.printing.styles import TA_CENTER, TA_LEFT, TA_RIGHT, esc, para, style

MARGIN_X: float = 16 * mm
TOP_MARGIN: float = 12 * mm
FOOTER_BASE: float = 9 * mm
BOTTOM_MARGIN: float = FOOTER_BASE + 9 * mm
SCALES: tuple[float, ...] = tuple(round(1.25 - 0.025 * i, 3) for i in range(27))  # 1.25 .. 0.6
ACCENT = colors.Color(0.09, 0.27, 0.47)  # dark blue: prints as a dark grey in black and white
BAND = colors.Color(0.89, 0.93, 0.97)
FACT_BOX = colors.Color(0.95, 0.96, 0.98)
GREY = colors.Color(0.35, 0.35, 0.35)

HEADINGS: dict[str, tuple[str, str]] = {
    "requirements": ("PERSYARATAN", "Requirements"),
    "procedure": ("PROSEDUR", "Procedure"),
    "time": ("WAKTU PENYELESAIAN", "Completion time"),
    "fee": ("BIAYA / TARIF", "Fee"),
    "product": ("PRODUK PELAYANAN", "Product"),
    "complaint": ("PENGADUAN", "Complaints"),
    "basis": ("DASAR HUKUM", "Legal basis"),
}
KICKER = "STANDAR PELAYANAN"
OPTIONAL_MARK = "(bila diperlukan)"


@dataclass(frozen=True)
class InfoSheetDoc:
    """The published standard of one service, as ready-formatted texts."""

    letterhead: Letterhead
    place_line: str  # where the service is given: "Loket PATEN Pos Jagoi Babang, Kab. Bengkayang"
    service_code: str
    category: str  # "Perizinan" / "Non-perizinan"
    name: str
    description: str
    requirements: list[tuple[str, bool]]  # (text, required)
    procedure: list[str]
    time_text: str  # "5 hari kerja"
    fee_text: str  # "Gratis / tidak dipungut biaya" or "Rp 10.000"
    fee_note: str
    product_short: str  # in the key-facts box
    product_text: str  # the full description under "Produk pelayanan"
    complaint_channel: str
    legal_basis: str
    footer: str  # catalogue version and where the sheet comes from
    training: bool
    paper: str = "A4"
    name_en: str | None = None


def _heading(key: str, width: float, scale: float) -> Any:
    ident, en = HEADINGS[key]
    size = 12.5 * scale
    text = style("is-heading", SANS_BOLD, round(size, 2), text_color=ACCENT)
    band = Table(
        [
            [
                para(
                    f"{esc(ident)} <font name='{SANS}' size='{size * 0.72:.2f}'>/ {esc(en)}</font>",
                    text,
                )
            ]
        ],
        colWidths=[width],
    )
    band.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 10),  # else Helvetica, not embedded
                ("BACKGROUND", (0, 0), (-1, -1), BAND),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm * scale),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm * scale),
            ]
        )
    )
    return band


def _numbered(items: Sequence[str], scale: float) -> list[Any]:
    size = round(11.5 * scale, 2)
    indent = 8 * mm * scale
    item = style(
        "is-item",
        SANS,
        size,
        leading=round(size * 1.3, 2),
        left_indent=round(indent, 2),
        space_after=round(1.4 * mm * scale, 2),
    )
    return [para(markup, item, bullet=f"{i}.") for i, markup in enumerate(items, start=1)]


def _facts(doc: InfoSheetDoc, width: float, scale: float) -> Any:
    label = style(
        "is-fact-label", SANS_BOLD, round(8.5 * scale, 2), align=TA_CENTER, text_color=ACCENT
    )
    big = style("is-fact", SANS_BOLD, round(15 * scale, 2), align=TA_CENTER)
    small = style("is-fact-small", SANS, round(8.5 * scale, 2), align=TA_CENTER, text_color=GREY)

    def cell(key: str, value: str, note: str) -> list[Any]:
        ident, en = HEADINGS[key]
        out = [
            para(f"{esc(ident)}<br/>{esc(en)}", label),
            Spacer(1, 1.2 * mm),
            para(esc(value), big),
        ]
        if note:
            out += [Spacer(1, 0.8 * mm), para(esc(note), small)]
        return out

    fee_value, fee_note = doc.fee_text, ""
    if " / " in fee_value:  # "Gratis / tidak dipungut biaya": the first half large
        fee_value, fee_note = fee_value.split(" / ", 1)
    table = Table(
        [
            [
                cell("time", doc.time_text, ""),
                cell("fee", fee_value, fee_note),
                cell("product", doc.product_short, ""),
            ]
        ],
        colWidths=[width * 0.3, width * 0.3, width * 0.4],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 10),  # else Helvetica, not embedded
                ("BACKGROUND", (0, 0), (-1, -1), FACT_BOX),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("INNERGRID", (0, 0), (-1, -1), 0.8, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm * scale),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm * scale),
            ]
        )
    )
    return table


def _story(doc: InfoSheetDoc, width: float, scale: float) -> list[Any]:
    body = style("is-body", SANS, round(11 * scale, 2), leading=round(11 * scale * 1.3, 2))
    note = style(
        "is-note", SANS, round(9.5 * scale, 2), leading=round(9.5 * scale * 1.3, 2), text_color=GREY
    )
    kicker = style("is-kicker", SANS_BOLD, round(10 * scale, 2), align=TA_CENTER, text_color=ACCENT)
    title_size = round(24 * (0.4 + 0.6 * scale), 2)  # shrinks less than the text
    title = style(
        "is-title", SANS_BOLD, title_size, leading=round(title_size * 1.18, 2), align=TA_CENTER
    )
    title_en = style("is-title-en", SERIF, round(13 * scale, 2), align=TA_CENTER, text_color=GREY)
    place = style("is-place", SANS, round(10 * scale, 2), align=TA_CENTER)

    def gap(height_mm: float) -> Any:
        return Spacer(1, height_mm * mm * scale)

    story: list[Any] = letterhead_flowables(doc.letterhead, width)[:-1]  # own gap below
    story += [gap(3), para(esc(KICKER), kicker), gap(1.5), para(esc(doc.name), title)]
    if doc.name_en:
        story += [gap(0.8), para(f"<i>{esc(doc.name_en)}</i>", title_en)]
    story += [
        gap(1.5),
        para(
            f"Kode layanan <b>{esc(doc.service_code)}</b> \u00b7 {esc(doc.category)} \u00b7 "
            f"{esc(doc.place_line)}",
            place,
        ),
        gap(4),
    ]
    if doc.description:
        story += [para(esc(doc.description), body), gap(3.5)]
    story += [_facts(doc, width, scale), gap(4.5)]

    requirements = [
        esc(text) + ("" if required else f" <font color='#595959'>{esc(OPTIONAL_MARK)}</font>")
        for text, required in doc.requirements
    ] or ["Tidak ada persyaratan khusus."]
    story += [_heading("requirements", width, scale), gap(2), *_numbered(requirements, scale)]
    story += [gap(2.5), _heading("procedure", width, scale), gap(2)]
    story += _numbered([esc(step) for step in doc.procedure], scale)
    story += [
        gap(2.5),
        _heading("product", width, scale),
        gap(2),
        para(esc(doc.product_text), body),
    ]
    if doc.fee_note:
        story += [gap(2.5), _heading("fee", width, scale), gap(2)]
        story += [para(esc(doc.fee_note), body)]
    story += [gap(2.5), _heading("complaint", width, scale), gap(2)]
    story += [para(esc(doc.complaint_channel), body)]
    if doc.legal_basis:
        story += [gap(2.5), para(f"<b>Dasar hukum / Legal basis:</b> {esc(doc.legal_basis)}", note)]
    return story


def _total_height(story: list[Any], width: float) -> float:
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _fitted(doc: InfoSheetDoc, width: float, height: float) -> Any:
    """The story of one sheet in the largest type that fits, kept to one frame."""
    chosen = next(
        (s for s in SCALES if _total_height(_story(doc, width, s), width) <= 0.98 * height),
        SCALES[-1],
    )
    story = _story(doc, width, chosen)  # fresh flowables: the measured ones are spent
    return KeepInFrame(width, height, story, mode="shrink", name=doc.service_code)


def _decorate(canv: Any, doc: InfoSheetDoc) -> None:
    width, height = paper_size(doc.paper)
    if doc.training:
        draw_watermark(canv, 0, 0, width, height)
        canv.saveState()
        canv.setFont(SANS_BOLD, 9)
        canv.drawCentredString(width / 2, height - 8 * mm, TRAINING_LINE)
        canv.restoreState()
    canv.saveState()
    canv.setStrokeColor(ACCENT)
    canv.setLineWidth(0.6)
    canv.line(MARGIN_X, FOOTER_BASE + 5 * mm, width - MARGIN_X, FOOTER_BASE + 5 * mm)
    canv.restoreState()
    foot = style("is-footer", SANS, 7.5, leading=9.5, align=TA_LEFT, text_color=GREY)
    code = style("is-footer-code", SANS_BOLD, 7.5, leading=9.5, align=TA_RIGHT, text_color=GREY)
    left = para(esc(doc.footer), foot)
    right = para(esc(doc.service_code), code)
    text_width = width - 2 * MARGIN_X
    left.wrap(text_width - 25 * mm, 5 * mm)
    left.drawOn(canv, MARGIN_X, FOOTER_BASE)
    right.wrap(25 * mm, 5 * mm)
    right.drawOn(canv, width - MARGIN_X - 25 * mm, FOOTER_BASE)


def render_info_sheets(docs: Sequence[InfoSheetDoc]) -> bytes:
    """PDF bytes with one page per service, in the order given (all on one paper size)."""
    if not docs:
        raise ValueError("no service to print an information sheet for")
    papers = {d.paper for d in docs}
    if len(papers) != 1:
        raise ValueError("all information sheets of one PDF must use the same paper")
    register_fonts()
    width, height = paper_size(docs[0].paper)
    buffer = io.BytesIO()
    pdf = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        invariant=1,
        pageCompression=1,
        initialFontName=SANS,
        initialFontSize=11,
        title=f"{KICKER}: {docs[0].name}" if len(docs) == 1 else KICKER,
        author=docs[0].letterhead.office,
        creator="counterdesk",
        subject=", ".join(d.service_code for d in docs),
    )
    frame = Frame(
        MARGIN_X,
        BOTTOM_MARGIN,
        pdf.width,
        pdf.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def on_page(canv: Any, _doc: Any) -> None:
        page = int(canv.getPageNumber())
        _decorate(canv, docs[min(page, len(docs)) - 1])

    pdf.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=on_page)])
    story: list[Any] = []
    for i, doc in enumerate(docs):
        if i:
            story.append(PageBreak())
        story.append(_fitted(doc, pdf.width, pdf.height))
    pdf.build(story)
    return buffer.getvalue()


def render_info_sheet(doc: InfoSheetDoc) -> bytes:
    """PDF bytes of one service's information sheet: always exactly one page."""
    return render_info_sheets([doc])
