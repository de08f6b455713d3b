"""A4/F4 official documents: letterhead, signature block, footer QR, page numbers."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.printing.codes import QR_QUIET_MODULES, draw_qr, qr_symbol
from counterdesk.printing.documents import Letterhead
from counterdesk.printing.fonts import (
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_BOLD,
    register_fonts,
    string_width,
)
from counterdesk.printing.marks import TRAINING_LINE, draw_watermark
from counterdesk.printing.qr import QrSymbol
from counterdesk.printing.styles import TA_CENTER, TA_LEFT, esc, fit_size, para, style

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "F4": (215 * mm, 330 * mm)}
LEFT_MARGIN: float = 25 * mm
RIGHT_MARGIN: float = 20 * mm
TOP_MARGIN: float = 15 * mm
FOOTER_BASE: float = 10 * mm  # bottom edge of the footer QR
FOOTER_QR: float = 22 * mm  # QR side including its quiet zone
BOTTOM_MARGIN: float = FOOTER_BASE + FOOTER_QR + 4 * mm
LOGO_BOX: float = 24 * mm
DEFAULT_VERIFY_HINT = "Pindai untuk memeriksa keaslian surat"
MIN_SIGNATURE_SIZE: float = 7.0


def paper_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper]
    except KeyError:
        raise ValueError(f"paper must be 'A4' or 'F4', got {paper!r}") from None


def content_width(paper: str) -> float:
    return paper_size(paper)[0] - LEFT_MARGIN - RIGHT_MARGIN


def padding_free(*commands: tuple[Any, ...], font: str = SERIF, size: float = 11) -> Any:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, size),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *commands,
        ]
    )


def _logo(png: bytes) -> Any:
    try:
        reader = ImageReader(io.BytesIO(png))
        width, height = reader.getSize()
    except Exception as exc:  # Pillow raises many kinds of errors for bad data
        raise ValueError("letterhead logo_png is not a readable image") from exc
    scale = min(LOGO_BOX / width, LOGO_BOX / height)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale, mask="auto")


class DoubleRule(Flowable):  # type: ignore[misc]
    """The thick-over-thin double line under an Indonesian letterhead."""

    def __init__(self, thick: float = 2.0, thin: float = 0.7, gap: float = 1.5) -> None:
        super().__init__()
        self.thick, self.thin, self.gap = thick, thin, gap
        self._width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.thick + self.gap + self.thin

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.thin)
        canv.line(0, self.thin / 2, self._width, self.thin / 2)
        canv.setLineWidth(self.thick)
        top = self.thin + self.gap + self.thick / 2
        canv.line(0, top, self._width, top)
        canv.restoreState()


def letterhead_flowables(letterhead: Letterhead, width: float) -> list[Any]:
    """Logo at left, centred bold government/office names and address, double rule."""
    government = style("lh-gov", SERIF_BOLD, 13, leading=16, align=TA_CENTER)
    office = style("lh-office", SERIF_BOLD, 16, leading=19, align=TA_CENTER)
    address = style("lh-address", SERIF, 9.5, leading=12, align=TA_CENTER)
    text = [
        *([para(esc(letterhead.government), government)] if letterhead.government else []),
        *([para(esc(letterhead.office), office)] if letterhead.office else []),
        Spacer(1, 1 * mm),
        *([para(esc(letterhead.address), address)] if letterhead.address else []),
    ]
    logo: Any = _logo(letterhead.logo_png) if letterhead.logo_png else ""
    side = LOGO_BOX + 2 * mm
    table = Table([[logo, text, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(
        padding_free(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, 0), "LEFT"))
    )
    return [table, Spacer(1, 2.5 * mm), DoubleRule(), Spacer(1, 7 * mm)]


def title_flowables(
    title: str, number: str, title_en: str | None = None, number_label: str = "Nomor"
) -> list[Any]:
    """Bold underlined title (plus italic English title) and "Nomor: ..." under it."""
    title_style = style("title", SERIF_BOLD, 12.5, leading=16, align=TA_CENTER)
    title_en_style = style("title-en", SERIF, 11, leading=14, align=TA_CENTER)
    number_style = style("number", SERIF, 11, leading=15, align=TA_CENTER)
    out: list[Any] = [para(f"<u>{esc(title)}</u>", title_style)]
    if title_en:
        out.append(para(f"<i>{esc(title_en)}</i>", title_en_style))
    out += [para(f"{esc(number_label)}: {esc(number)}", number_style), Spacer(1, 7 * mm)]
    return out


def signature_block(
    width: float,
    place: str,
    date_text: str,
    signer_title: str,
    signer_name: str,
    signer_nip: str,
    keep_with: list[Any] | None = None,
    size: float = 11.0,
    signer_rank: str = "",
    signer_on_behalf: str = "",
) -> Any:
    """Place/date, "a.n./u.b." line, title, room for signature and stamp, bold underlined
    name, pangkat/golongan, NIP; at right.

    The place/date line is never wrapped (its second half would sit under the signature):
    the block widens to hold it, up to the text width, and beyond that its type shrinks.
    ``keep_with`` (normally the closing paragraph) stays on the same page as the
    signature so a page never starts with a lone signature.
    """
    text = style("sig", SERIF, size, leading=size * 1.32, align=TA_CENTER)
    place_line = f"{place}, {date_text}"
    natural = min(85 * mm, 0.55 * width)
    block_width = min(max(natural, string_width(place_line, SERIF, size) + 2 * mm), width)
    line_size = fit_size(place_line, SERIF, block_width, size, MIN_SIGNATURE_SIZE)
    place_style = style(
        f"sig-place-{line_size:.2f}",
        SERIF,
        line_size,
        leading=size * 1.32,
        align=TA_CENTER,
    )
    rows: list[list[Any]] = [[para(esc(place_line), place_style)]]
    if signer_on_behalf.strip():
        rows.append([para(esc(signer_on_behalf), text)])
    rows += [
        [para(f"{esc(signer_title)},", text)],
        [Spacer(1, (22 if size >= 11 else 18) * mm)],
        [para(f"<b><u>{esc(signer_name)}</u></b>", text)],
    ]
    if signer_rank.strip():
        rows.append([para(esc(signer_rank), text)])
    if signer_nip.strip():
        rows.append([para(f"NIP. {esc(signer_nip)}", text)])
    table = Table(rows, colWidths=[block_width], hAlign="RIGHT")
    table.setStyle(padding_free())
    return KeepTogether([*(keep_with or []), Spacer(1, (6 if size >= 11 else 3) * mm), table])


def identity_table(rows: list[tuple[str, str]], width: float, size: float = 11.0) -> Any:
    """The identity block of a letter: "Nama : ...", "NIK : ..." indented under the text."""
    text = style(f"identity-{size}", SERIF, size, leading=size * 1.36)
    label_width = 45 * mm
    indent = 8 * mm
    table = Table(
        [
            [para(esc(label), text), para(":", text), para(esc(value), text)]
            for label, value in rows
        ],
        colWidths=[label_width, 4 * mm, width - indent - label_width - 4 * mm],
        hAlign="RIGHT",
    )
    table.setStyle(
        padding_free(("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5))
    )
    return KeepTogether([table, Spacer(1, 3 * mm)])


def letterhead_pdf(letterhead: Letterhead, paper: str = "A4") -> bytes:
    """Just the kop on a page: the hub renders a new emblem this way before publishing it."""
    register_fonts()
    width, height = paper_size(paper)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(width, height), invariant=1)
    frame = Frame(LEFT_MARGIN, BOTTOM_MARGIN, content_width(paper), height - 2 * BOTTOM_MARGIN)
    doc.addPageTemplates([PageTemplate(id="kop", frames=[frame])])
    doc.build(letterhead_flowables(letterhead, content_width(paper) - 12))
    return buffer.getvalue()


@dataclass(frozen=True)
class SheetSetup:
    paper: str
    training: bool
    qr_payload: str
    verify_hint: str
    title: str
    author: str
    page_label: Callable[[int, int], str]


def _decorate(canv: Any, setup: SheetSetup, symbol: QrSymbol, total: int | None) -> None:
    width, height = paper_size(setup.paper)
    page = int(canv.getPageNumber())
    if setup.training:
        draw_watermark(canv, 0, 0, width, height)
        canv.saveState()
        canv.setFont(SANS_BOLD, 9)
        canv.drawCentredString(width / 2, height - 9 * mm, TRAINING_LINE)
        canv.restoreState()

    module = FOOTER_QR / (symbol.size + 2 * QR_QUIET_MODULES)
    quiet = QR_QUIET_MODULES * module
    x = LEFT_MARGIN - quiet  # the visible modules line up with the text margin
    draw_qr(canv, symbol, x + quiet, FOOTER_BASE + quiet, module)

    hint = para(esc(setup.verify_hint), style("hint", SANS, 7.5, leading=9.5, align=TA_LEFT))
    hint_width = 70 * mm
    _, hint_height = hint.wrap(hint_width, FOOTER_QR)
    hint.drawOn(canv, x + FOOTER_QR + 1 * mm, FOOTER_BASE + (FOOTER_QR - hint_height) / 2)

    if total is not None and total > 1:
        canv.saveState()
        canv.setFont(SANS, 8.5)
        label = setup.page_label(page, total)
        canv.drawRightString(width - RIGHT_MARGIN, FOOTER_BASE + FOOTER_QR / 2 - 3, label)
        canv.restoreState()


def _build(
    story: list[Any], setup: SheetSetup, symbol: QrSymbol, total: int | None
) -> tuple[bytes, int]:
    width, height = paper_size(setup.paper)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        invariant=1,
        pageCompression=1,
        initialFontName=SERIF,
        initialFontSize=11,
        title=setup.title,
        author=setup.author,
        creator="counterdesk",
        subject=setup.title,
    )
    frame = Frame(
        LEFT_MARGIN,
        BOTTOM_MARGIN,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    pages: list[int] = []

    def on_page(canv: Any, _doc: Any) -> None:
        pages.append(int(canv.getPageNumber()))
        _decorate(canv, setup, symbol, total)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story)
    return buffer.getvalue(), len(pages)


def render_sheet(make_story: Callable[[], list[Any]], setup: SheetSetup) -> bytes:
    """Build the document; if it needs more than one page, build it again with page numbers.

    ``make_story`` must return fresh flowables on every call (platypus consumes them).
    """
    return render_sheet_pages(make_story, setup)[0]


def render_sheet_pages(make_story: Callable[[], list[Any]], setup: SheetSetup) -> tuple[bytes, int]:
    """As :func:`render_sheet`, with the number of pages."""
    register_fonts()
    paper_size(setup.paper)
    symbol = qr_symbol(setup.qr_payload)
    data, pages = _build(make_story(), setup, symbol, None)
    if pages > 1:
        data, _ = _build(make_story(), setup, symbol, pages)
    return data, pages
