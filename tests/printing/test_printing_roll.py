"""Queue tickets and receipts on 58/80 mm thermal rolls."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from printing_pdf_tools import (
    LONG_NAME,
    MM,
    REQUIREMENTS,
    media_boxes,
    pdf_text,
    pdf_words,
    receipt,
    scan_codes,
    squash,
    ticket,
)

from counterdesk.printing import register_fonts, render_receipt, render_ticket
from counterdesk.printing.codes import DOT_203, Code128Flowable
from counterdesk.printing.roll import PRINTABLE_DOTS, roll_geometry


@pytest.mark.parametrize("roll_mm", [58, 80])
def test_roll_documents_are_exactly_as_wide_as_the_roll(roll_mm: int) -> None:
    for pdf in (render_ticket(ticket(roll_mm=roll_mm)), render_receipt(receipt(roll_mm=roll_mm))):
        [(width, height)] = media_boxes(pdf)
        assert width == pytest.approx(roll_mm * MM, abs=0.01)
        assert height > 40 * MM


@pytest.mark.parametrize("roll_mm", [0, 57, 60, 76, 112, True])
def test_other_roll_widths_are_rejected(roll_mm: int) -> None:
    with pytest.raises(ValueError, match="roll_mm"):
        render_ticket(ticket(roll_mm=roll_mm))
    with pytest.raises(ValueError, match="roll_mm"):
        render_receipt(receipt(roll_mm=roll_mm))


def _height(pdf: bytes) -> float:
    [(_, height)] = media_boxes(pdf)
    return height


def test_ticket_height_follows_content() -> None:
    short = _height(render_ticket(ticket()))
    long = _height(render_ticket(ticket(service_name="Penerbitan Akta Kelahiran " * 6)))
    no_wait = _height(render_ticket(ticket(waiting_ahead=None)))
    assert long > short + 20
    assert no_wait < short


def test_receipt_height_grows_with_requirements() -> None:
    heights = [
        _height(render_receipt(receipt(requirements_given=REQUIREMENTS[:n]))) for n in (1, 4, 8)
    ]
    assert heights[0] < heights[1] < heights[2]
    narrow = _height(render_receipt(receipt(roll_mm=58)))
    wide = _height(render_receipt(receipt(roll_mm=80)))
    assert narrow > wide  # the same text needs more lines on the narrow roll


def test_ticket_text(tmp_path: Path) -> None:
    text = squash(pdf_text(render_ticket(ticket(service_name="Surat Pindah Datang")), tmp_path))
    for expected in (
        "A-001",
        "Surat Pindah Datang",
        "Pos Pelayanan PLBN Jagoi Babang",
        "Loket: 2",
        "Senin, 2 November 2026 08:15",
        "Menunggu: 4",
    ):
        assert expected in text
    assert "Menunggu" not in pdf_text(render_ticket(ticket(waiting_ahead=None)), tmp_path)


def test_58mm_receipt_with_long_name_and_8_requirements_keeps_every_word(
    tmp_path: Path,
) -> None:
    doc = receipt(
        roll_mm=58,
        requirements_given=REQUIREMENTS[:4],
        requirements_missing=REQUIREMENTS[4:],
    )
    pdf = render_receipt(doc)
    layout = squash(pdf_text(pdf, tmp_path, mode="-layout"))
    for requirement in REQUIREMENTS:
        assert requirement in layout
    assert LONG_NAME in layout

    words = pdf_words(pdf, tmp_path)
    printed = {word.text for word in words}
    fields = [
        doc.receipt, doc.ticket, doc.service_code, doc.service_name, doc.citizen_name,
        doc.citizen_id_masked, doc.registered_at, doc.due_date, str(doc.days), doc.fee_text,
        *doc.requirements_given, *doc.requirements_missing, *doc.next_steps,
        doc.complaint_channel, doc.desk, doc.post, doc.staff,
    ]  # fmt: skip
    for field in fields:
        for word in field.split():
            assert any(word in p for p in printed), f"{word!r} missing from the receipt"

    # Nothing is clipped: every word lies inside the printable width of the head.
    _, left, content = roll_geometry(58)
    [(_, page_height)] = media_boxes(pdf)
    for word in words:
        assert left - 0.5 <= word.x_min and word.x_max <= left + content + 0.5, word
        assert word.y_min >= 0 and word.y_max <= page_height, word


def test_receipt_labels_in_both_languages(tmp_path: Path) -> None:
    indonesian = squash(pdf_text(render_receipt(receipt()), tmp_path))
    for label in (
        "TANDA TERIMA",
        "Persyaratan diserahkan",
        "Persyaratan belum lengkap",
        "Perkiraan selesai",
        "5 hari kerja",
        "Biaya",
        "Langkah berikutnya",
        "Pengaduan",
        "Loket: 2",
        "Petugas: Yohanes Ahen",
        "☑",
        "☐",
    ):
        assert label in indonesian
    english = squash(pdf_text(render_receipt(receipt(language="en", days=1)), tmp_path))
    for label in (
        "RECEIPT",
        "Documents handed in",
        "Documents still missing",
        "Expected completion",
        "1 working day",
        "Fee",
        "Next steps",
        "Complaints",
        "Desk: 2",
        "Officer: Yohanes Ahen",
    ):
        assert label in english
    with pytest.raises(ValueError, match="language"):
        render_receipt(receipt(language="ms"))


def test_receipt_without_missing_requirements_says_complete(tmp_path: Path) -> None:
    text = squash(pdf_text(render_receipt(receipt(requirements_missing=[])), tmp_path))
    assert "persyaratan lengkap" in text


@pytest.mark.parametrize("roll_mm", [58, 80])
@pytest.mark.parametrize("training", [False, True])
def test_receipt_barcodes_scan_at_203_dpi(tmp_path: Path, roll_mm: int, training: bool) -> None:
    doc = receipt(roll_mm=roll_mm, training=training)
    pdf = render_receipt(doc)
    assert scan_codes(pdf, tmp_path, "qrcode") == [doc.qr_payload]
    assert scan_codes(pdf, tmp_path, "code128") == [doc.receipt]


@pytest.mark.parametrize("roll_mm", [58, 80])
@pytest.mark.parametrize(
    "number", ["A-1", "SLUAS-12-ZZZ-000000001A", "TT-JGB-2026-11-02-000123-KTP01"]
)
def test_short_and_long_receipt_numbers_scan(tmp_path: Path, roll_mm: int, number: str) -> None:
    doc = receipt(receipt=number, roll_mm=roll_mm, training=True)
    assert scan_codes(render_receipt(doc), tmp_path, "code128") == [number]


@pytest.mark.parametrize(("roll_mm", "vertical", "dots"), [(58, True, 2), (80, False, 2)])
def test_code128_modules_are_whole_dots_and_turn_when_too_wide(
    roll_mm: int, vertical: bool, dots: int
) -> None:
    _, _, content = roll_geometry(roll_mm)
    code = Code128Flowable("JGB-01-7KQ-00042X", bar_length=24 * MM)
    code.wrap(content, 10_000)
    assert code.vertical is vertical
    assert code.module == pytest.approx(dots * DOT_203)
    short = Code128Flowable("A-1", bar_length=24 * MM)
    short.wrap(content, 10_000)
    assert not short.vertical
    assert short.module == pytest.approx(3 * DOT_203)


def test_receipt_number_must_be_ascii_for_code128() -> None:
    with pytest.raises(ValueError, match="Code128"):
        render_receipt(receipt(receipt="JGB-01-Ñ"))


def test_training_roll_documents_are_marked(tmp_path: Path) -> None:
    for pdf in (render_ticket(ticket(training=True)), render_receipt(receipt(training=True))):
        assert "TRAINING - TIDAK SAH" in pdf_text(pdf, tmp_path)
        assert "PELATIHAN/TRAINING" in "".join(pdf_text(pdf, tmp_path, mode="-raw").split())
    for pdf in (render_ticket(ticket()), render_receipt(receipt())):
        assert "TRAINING" not in pdf_text(pdf, tmp_path)


def test_roll_output_is_deterministic() -> None:
    assert render_ticket(ticket()) == render_ticket(ticket())
    assert render_receipt(receipt(training=True)) == render_receipt(receipt(training=True))
    assert render_receipt(receipt()) != render_receipt(receipt(staff="Maria"))


def test_receipt_renders_fast() -> None:
    register_fonts()
    doc = receipt()
    render_receipt(doc)
    runs = 10
    start = time.perf_counter()
    for _ in range(runs):
        render_receipt(doc)
    per_receipt = (time.perf_counter() - start) / runs
    assert per_receipt < 0.25  # typically ~6 ms (bench/bench_printing.py); generous for CI


def test_printable_widths_match_common_thermal_heads() -> None:
    assert PRINTABLE_DOTS == {58: 384, 80: 576}  # 48 mm and 72 mm at 203 dpi


_text = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzÑÇŌÜŁéè'-.,/()&<> 0123456789")),
    min_size=1,
    max_size=80,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_text,
    given_reqs=st.lists(_text, max_size=10),
    missing=st.lists(_text, max_size=6),
    roll_mm=st.sampled_from([58, 80]),
)
def test_any_text_lays_out_on_the_roll(
    name: str, given_reqs: list[str], missing: list[str], roll_mm: int
) -> None:
    pdf = render_receipt(
        receipt(
            citizen_name=name,
            requirements_given=given_reqs,
            requirements_missing=missing,
            roll_mm=roll_mm,
        )
    )
    [(width, _)] = media_boxes(pdf)
    assert width == pytest.approx(roll_mm * MM, abs=0.01)
