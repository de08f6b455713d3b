"""The fast QR encoder gives exactly ReportLab's symbols, and the symbols scan."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode.qrencoder import (
    QR8bitByte,
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
)

from counterdesk.printing.codes import MAX_QR_PAYLOAD_BYTES, qr_matrix, qr_symbol
from counterdesk.printing.qr import encode

# A signed receipt payload as the desk makes it (139 bytes: version 8).
SIGNED = (
    "CD1|R|LATIH-01|LATIH-01-YE3-00001A|SKD|2026-11-29|NN|BYkBKt3aYlF6Yx-W0Sg_DltKclaQTDsHw"
    "IscwIBcLKP5_NOeobDoOnbif_KINplHTzcAmd7se4R7GI030OjsAA"
)


def reportlab_modules(data: bytes) -> list[list[bool]]:
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(QR8bitByte(data))
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


def capacity(version: int) -> int:
    """Bytes of one byte-mode segment that fit a version at level M."""
    bits = sum(b.dataCount for b in QRRSBlock.getRSBlocks(version, QRErrorCorrectLevel.M)) * 8
    return (bits - 4 - (8 if version < 10 else 16)) // 8


@pytest.mark.parametrize("version", range(1, 15))
def test_same_symbol_as_reportlab_at_every_version_boundary(version: int) -> None:
    rnd = random.Random(version)
    for length in (capacity(version) - 1, capacity(version), capacity(version) + 1):
        data = bytes(rnd.randrange(256) for _ in range(length))
        symbol = encode(data)
        assert symbol.rows() == reportlab_modules(data), length
        assert symbol.version == (version if length <= capacity(version) else version + 1)
        assert symbol.size == 4 * symbol.version + 17


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=1, max_size=300))
def test_same_symbol_as_reportlab_for_any_bytes(data: bytes) -> None:
    assert encode(data).rows() == reportlab_modules(data)


def test_same_symbol_for_the_desks_payloads_and_every_mask_is_chosen_somewhere() -> None:
    rnd = random.Random(7)
    masks = set()
    for i in range(120):
        payload = SIGNED[: 40 + i] + "".join(rnd.choice("ABCXYZ019_-") for _ in range(i % 17))
        symbol = qr_symbol(payload)
        assert symbol.rows() == reportlab_modules(payload.encode()), payload
        masks.add(symbol.mask)
    assert masks == set(range(8))  # all eight penalty paths were compared


def test_long_payloads_up_to_the_limit() -> None:
    data = bytes(random.Random(3).randrange(256) for _ in range(MAX_QR_PAYLOAD_BYTES))
    assert encode(data).rows() == reportlab_modules(data)
    with pytest.raises(ValueError, match="too long"):
        qr_symbol("x" * (MAX_QR_PAYLOAD_BYTES + 1))
    with pytest.raises(ValueError, match="empty"):
        qr_symbol("")


def test_matrix_view_and_cells_agree() -> None:
    symbol = qr_symbol(SIGNED)
    matrix = qr_matrix(SIGNED)
    assert len(matrix) == symbol.size == 49
    assert all(symbol.is_dark(r, c) == matrix[r][c] for r in range(49) for c in range(49))
    assert set(symbol.cells) == {0, 1} and len(symbol.cells) == 49 * 49


def test_the_symbol_scans(tmp_path: Path) -> None:
    from printing_pdf_tools import receipt, scan_codes

    from counterdesk.printing import render_receipt

    doc = receipt(qr_payload=SIGNED, roll_mm=58)
    assert scan_codes(render_receipt(doc), tmp_path, "qrcode") == [SIGNED]
