"""What makes documents fast must not change them: caches, one-pass roll layout, streams."""

from __future__ import annotations

import io
from typing import Any

import pytest
from printing_pdf_tools import LONG_NAME, REQUIREMENTS, letter, receipt, referral, ticket
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Spacer

from counterdesk.printing import (
    fonts,
    register_fonts,
    render_letter,
    render_receipt,
    render_referral,
    render_ticket,
    roll,
)
from counterdesk.printing.fonts import FONT_FILES, SANS, SANS_BOLD
from counterdesk.printing.styles import para, style
from counterdesk.resources import resource_path

TEXT = "Nur'aini Ñurul Ça ☑ ☐ – · 0123456789 JGB-01-7KQ-00042X"


def _one_font_page(font: str) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(200, 100), invariant=1, pageCompression=1)
    canv.setFont(font, 9)
    canv.drawString(10, 50, TEXT)
    canv.drawString(10, 30, "Ōsman Müller-Łukasz")
    canv.showPage()
    canv.save()
    return buffer.getvalue()


@pytest.mark.parametrize("ours", [SANS, SANS_BOLD])
def test_cached_font_objects_are_the_ones_reportlab_writes(ours: str) -> None:
    register_fonts()
    plain = f"Plain-{ours}"
    if plain not in pdfmetrics.getRegisteredFontNames():
        path = str(resource_path("fonts", FONT_FILES[ours]))
        pdfmetrics.registerFont(TTFont(plain, path))
    expected = _one_font_page(plain)
    assert _one_font_page(ours) == expected  # filling the caches
    assert _one_font_page(ours) == expected  # from the caches
    for text in (TEXT, "", " ", "Ōsman", "\u2611 Fotokopi KTP-el", TEXT.encode()):
        for size in (7.5, 9, 60):
            for _ in range(2):  # measured, then from the cache
                got = pdfmetrics.stringWidth(text, ours, size)
                assert got == pdfmetrics.stringWidth(text, plain, size), (text, size)


def test_documents_do_not_depend_on_what_was_printed_before() -> None:
    docs: list[tuple[Any, Any]] = [
        (render_receipt, receipt(training=True)),
        (render_receipt, receipt(roll_mm=80, language="en", citizen_name=LONG_NAME)),
        (render_ticket, ticket()),
        (render_letter, letter(training=True)),
        (render_referral, referral()),
    ]
    first = [render(doc) for render, doc in docs]
    # Many other documents in between: new subsets, new paragraphs, caches evicted.
    alphabet = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĈĉ"
    for i in range(fonts.SUBSET_CACHE_SIZE + 8):
        name = f"{alphabet[i % len(alphabet)]}{alphabet[(3 * i) % len(alphabet)]} Warga {i}"
        render_receipt(receipt(citizen_name=name, requirements_given=REQUIREMENTS[: i % 8]))
        render_letter(letter(signer_name=name, number=f"470/{i:04d}/JGB/XI/2026"))
    assert [render(doc) for render, doc in docs] == first


def test_streams_are_deflated_only() -> None:
    for pdf in (render_receipt(receipt()), render_letter(letter()), render_ticket(ticket())):
        assert b"/ASCII85Decode" not in pdf
        assert b"/FlateDecode" in pdf


def test_a_parsed_paragraph_is_reused_and_draws_the_same() -> None:
    text = style("t-cache", SANS, 9)
    markup = "Nama: <b>Nur&apos;aini Ñurul</b>"
    a, b = para(markup, text), para(markup, text)
    assert a is not b and a.frags is b.frags  # parsed once
    assert a.wrap(100, 1000) == b.wrap(100, 1000)
    assert style("t-cache", SANS, 9) is text
    bullet = para("Satu", text, "1.")
    assert bullet.bulletText == "1." and para("Satu", text).bulletText is None


def _frame_layout(flowables: list[Any], roll_mm: int, *, training: bool) -> bytes:
    """The roll page as it was made before: measure, then lay out again in a Frame."""
    page_width, left, content_width = roll.roll_geometry(roll_mm)
    story = list(flowables)
    if training:
        banner = roll.training_banner(content_width, 7.5 if roll_mm == 58 else 8.5)
        story[:0] = [banner, Spacer(1, 1.5 * 72 / 25.4)]
    content_height = sum(f.wrap(content_width, 1e6)[1] for f in story)
    page_height = roll.TOP_MARGIN + content_height + roll._SLACK + roll.BOTTOM_MARGIN
    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=(page_width, page_height),
        invariant=1,
        pageCompression=1,
        initialFontName=SANS,
        initialFontSize=8,
    )
    canv.setTitle("t")
    canv.setSubject("s")
    canv.setCreator("counterdesk")
    canv.setAuthor("counterdesk")
    if training:
        roll.draw_roll_watermark(canv, page_width, page_height)
    frame = Frame(
        left, roll.BOTTOM_MARGIN, content_width, content_height + roll._SLACK,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0,
    )  # fmt: skip
    frame.addFromList(story, canv)
    assert not story
    canv.showPage()
    canv.save()
    return buffer.getvalue()


@pytest.mark.parametrize("roll_mm", [58, 80])
@pytest.mark.parametrize("training", [False, True])
def test_one_pass_roll_layout_puts_everything_where_a_frame_would(
    monkeypatch: pytest.MonkeyPatch, roll_mm: int, training: bool
) -> None:
    captured: list[list[Any]] = []
    real = roll.render_roll

    def capture(flowables: list[Any], *args: Any, **kwargs: Any) -> bytes:
        captured.append(list(flowables))
        return b""

    import counterdesk.printing.receipt as receipt_module
    import counterdesk.printing.ticket as ticket_module

    for module in (receipt_module, ticket_module):
        monkeypatch.setattr(module, "render_roll", capture)
    render_receipt(receipt(roll_mm=roll_mm, citizen_name=LONG_NAME))
    render_ticket(ticket(roll_mm=roll_mm))
    render_receipt(receipt(roll_mm=roll_mm, receipt="A-1", requirements_missing=[]))
    stories = list(captured)
    captured.clear()
    for module in (receipt_module, ticket_module):
        monkeypatch.setattr(module, "render_roll", capture)
    render_receipt(receipt(roll_mm=roll_mm, citizen_name=LONG_NAME))
    render_ticket(ticket(roll_mm=roll_mm))
    render_receipt(receipt(roll_mm=roll_mm, receipt="A-1", requirements_missing=[]))
    for ours, theirs in zip(stories, captured, strict=True):
        new = real(ours, roll_mm, training=training, title="t", subject="s")
        old = _frame_layout(theirs, roll_mm, training=training)
        assert new == old
