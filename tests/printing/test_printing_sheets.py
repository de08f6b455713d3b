"""Letters and referral slips on A4/F4; fonts, training marks and determinism of all documents."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from printing_pdf_tools import (
    BODY,
    BODY_EN,
    letter,
    letterhead,
    logo_png,
    media_boxes,
    pdf_font_rows,
    pdf_text,
    receipt,
    referral,
    scan_codes,
    squash,
    ticket,
)

import counterdesk
from counterdesk.printing import render_letter, render_receipt, render_referral, render_ticket

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)
LONG_BODY = BODY * 8  # runs over two pages


def _assert_size(pdf: bytes, expected: tuple[float, float]) -> None:
    boxes = media_boxes(pdf)
    assert boxes
    for width, height in boxes:
        assert width == pytest.approx(expected[0], abs=0.5)
        assert height == pytest.approx(expected[1], abs=0.5)


@pytest.mark.parametrize(("paper", "size"), [("A4", A4), ("F4", F4)])
def test_paper_sizes(paper: str, size: tuple[float, float]) -> None:
    _assert_size(render_letter(letter(paper=paper)), size)
    _assert_size(render_letter(letter(paper=paper, body_paragraphs=LONG_BODY)), size)
    _assert_size(render_referral(referral(paper=paper)), size)


def test_unknown_paper_is_rejected() -> None:
    with pytest.raises(ValueError, match="paper"):
        render_letter(letter(paper="Letter"))
    with pytest.raises(ValueError, match="paper"):
        render_referral(referral(paper="A5"))


def test_all_fonts_are_embedded(tmp_path: Path) -> None:
    documents = [
        render_ticket(ticket(training=True)),
        render_receipt(receipt(training=True)),
        render_letter(letter(training=True, title_en="CERTIFICATE", body_paragraphs_en=BODY_EN)),
        render_referral(referral(training=True)),
    ]
    for pdf in documents:
        rows = pdf_font_rows(pdf, tmp_path)
        assert rows
        for row in rows:
            # name type [type2] encoding emb sub uni object ID
            assert row[-5] == "yes", f"font not embedded: {row}"
            assert "DejaVu" in row[0], row


def test_names_with_apostrophes_and_accents_round_trip(tmp_path: Path) -> None:
    names = ["Nur'aini", "Dayang Ñurul Ça", "Ōsman Müller-Łukasz"]
    for name in names:
        pdfs = [
            render_receipt(receipt(citizen_name=name)),
            render_letter(letter(signer_name=name)),
            render_referral(referral(citizen_name=name)),
        ]
        for pdf in pdfs:
            assert name in pdf_text(pdf, tmp_path)


def test_markup_characters_are_printed_literally(tmp_path: Path) -> None:
    pdf = render_letter(letter(body_paragraphs=["Biaya <b>0</b> & bebas pungutan > Rp0."]))
    assert "Biaya <b>0</b> & bebas pungutan > Rp0." in squash(pdf_text(pdf, tmp_path))


def test_letter_content(tmp_path: Path) -> None:
    text = squash(pdf_text(render_letter(letter()), tmp_path))
    for expected in (
        "PEMERINTAH KABUPATEN BENGKAYANG",
        "KECAMATAN JAGOI BABANG",
        "Jl. Raya Jagoi Babang, Kode Pos 79286",
        "SURAT KETERANGAN DOMISILI",
        "Nomor: 470/123/JGB/XI/2026",
        *BODY,
        "Jagoi Babang, 2 November 2026",
        "Camat Jagoi Babang,",
        "Ōsman Müller-Łukasz",
        "NIP. 19700101 199003 1 012",
        "Pindai untuk memeriksa keaslian surat",
    ):
        assert expected in text
    assert "Halaman" not in text  # a one-page letter has no page numbers
    assert "TRAINING" not in text
    assert "NIP." not in pdf_text(render_letter(letter(signer_nip="")), tmp_path)


def test_bilingual_letter_has_both_languages(tmp_path: Path) -> None:
    doc = letter(title_en="CERTIFICATE OF DOMICILE", body_paragraphs_en=BODY_EN)
    text = squash(pdf_text(render_letter(doc), tmp_path))
    for expected in ("SURAT KETERANGAN DOMISILI", "CERTIFICATE OF DOMICILE", *BODY, *BODY_EN):
        assert expected in text
    assert text.index(BODY[0]) < text.index(BODY_EN[0])


def test_long_letter_has_page_numbers_and_training_marks_on_every_page(tmp_path: Path) -> None:
    pdf = render_letter(letter(body_paragraphs=LONG_BODY, training=True, paper="F4"))
    pages = len(media_boxes(pdf))
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_text(pdf, tmp_path, page=page)
        assert "TRAINING - TIDAK SAH" in text
        assert f"Halaman {page} dari {pages}" in text
        raw = "".join(pdf_text(pdf, tmp_path, mode="-raw", page=page).split())
        assert "PELATIHAN/TRAINING" in raw
        assert "Pindai untuk memeriksa keaslian surat" in text
    # the signature never stands alone at the top of the last page
    last = squash(pdf_text(pdf, tmp_path, page=pages))
    assert BODY[-1] in last and "Camat Jagoi Babang," in last


def test_referral_content(tmp_path: Path) -> None:
    doc = referral(training=True)
    text = squash(pdf_text(render_referral(doc), tmp_path, mode="-layout"))
    for expected in (
        "SURAT PENGANTAR / RUJUKAN",
        "Nomor: 400/045/JGB/XI/2026",
        "Kepada Yth.",
        doc.agency,
        doc.citizen_name,
        doc.citizen_id_masked,
        doc.service_name,
        doc.reason,
        "Yang perlu dibawa:",
        "1. Tanda terima asli",
        "2. Kartu Keluarga asli",
        "3. Surat keterangan lahir",
        doc.receipt,
        "Jagoi Babang, 2 November 2026",
        "Maria Goretti Sinta",
        "NIP. 19850212 201001 2 004",
        "TRAINING - TIDAK SAH",
    ):
        assert expected in text


@pytest.mark.parametrize("kind", ["letter", "referral"])
def test_sheet_qr_scans_at_203_dpi(tmp_path: Path, kind: str) -> None:
    if kind == "letter":
        doc = letter(training=True, body_paragraphs=LONG_BODY)
        pdf = render_letter(doc)
        pages = len(media_boxes(pdf))
        for page in range(1, pages + 1):
            assert scan_codes(pdf, tmp_path, "qrcode", page=page) == [doc.qr_payload]
    else:
        ref = referral(training=True)
        assert scan_codes(render_referral(ref), tmp_path, "qrcode") == [ref.qr_payload]


def test_logo_is_embedded_and_bad_logo_rejected() -> None:
    with_logo = render_letter(letter(letterhead=letterhead(logo_png())))
    assert b"/Subtype /Image" in with_logo
    assert b"/Subtype /Image" not in render_letter(letter())
    with pytest.raises(ValueError, match="logo"):
        render_letter(letter(letterhead=letterhead(b"not a png")))


def test_sheets_are_deterministic() -> None:
    logo = logo_png()
    doc = letter(
        letterhead=letterhead(logo),
        training=True,
        title_en="CERTIFICATE",
        body_paragraphs_en=BODY_EN,
        body_paragraphs=LONG_BODY,
    )
    assert render_letter(doc) == render_letter(doc)
    assert render_referral(referral(letterhead=letterhead(logo))) == render_referral(
        referral(letterhead=letterhead(logo))
    )
    assert render_letter(letter()) != render_letter(letter(number="470/124/JGB/XI/2026"))


_DIGEST_SCRIPT = """
import hashlib, sys
sys.path[:0] = [{tests!r}, {src!r}]
from printing_pdf_tools import letter, letterhead, logo_png, receipt, ticket
import counterdesk
from counterdesk.printing import render_letter, render_receipt, render_ticket
docs = [render_ticket(ticket(training=True)), render_receipt(receipt()),
        render_letter(letter(letterhead=letterhead(logo_png()), training=True))]
print(hashlib.sha256(b"".join(docs)).hexdigest())
"""


def test_same_bytes_in_a_fresh_process() -> None:
    tests_dir = str(Path(__file__).parent)
    src_dir = str(Path(counterdesk.__file__).resolve().parents[1])
    script = _DIGEST_SCRIPT.format(tests=tests_dir, src=src_dir)
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True, env=env
        )
        digests.add(out.stdout.strip())
    here = hashlib.sha256(
        render_ticket(ticket(training=True))
        + render_receipt(receipt())
        + render_letter(letter(letterhead=letterhead(logo_png()), training=True))
    ).hexdigest()
    assert digests == {here}
