"""The receipt's chain-anchored QR code (CD2) still prints and scans on a 58 mm roll."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from printing_pdf_tools import receipt, scan_codes
from reportlab.lib.units import mm
from tests.test_register import reg

from counterdesk.domain.qrpayload import QrPayload, parse_payload
from counterdesk.printing import render_receipt
from counterdesk.printing.codes import DOT_203, QrFlowable
from counterdesk.printing.receipt import QR_SIZE_MM
from counterdesk.printing.roll import roll_geometry
from counterdesk.services.desk import Desk
from counterdesk.services.documents import receipt_payload
from counterdesk.services.register import register
from counterdesk.services.requests import get_request
from counterdesk.services.staff import StaffSession
from counterdesk.services.verification import verify_payload


def longest_payload() -> str:
    """A CD2 receipt code with every field as long as a desk makes them, and a huge seq."""
    payload = QrPayload(
        "R",
        "LATIH-01",
        "LATIH-01-YE3-00001A",
        "KTP-01",
        "2026-11-29",
        "ABCDEF",
        anchor_seq=999_999_999,
        anchor_tag="ABCDEFGHIJKL",
    )
    signature = Ed25519PrivateKey.generate().sign(payload.signed_text().encode())
    return dataclasses.replace(payload, signature=signature).encode()


def test_a_desks_anchored_receipt_code_scans_at_203_dpi_on_58_mm(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    r = register(desk, session, reg(desk, name="Nur'aini Ñurul Çahaya Dewi Sari Utami"))
    text = receipt_payload(desk, get_request(desk, r.receipt))
    assert parse_payload(text).anchored
    pdf = render_receipt(receipt(qr_payload=text, roll_mm=58))
    [scanned] = scan_codes(pdf, tmp_path, "qrcode", dpi=203)
    assert scanned == text and verify_payload(desk, scanned).valid


def test_the_longest_anchored_code_scans_with_modules_of_4_dots_on_58_mm(tmp_path: Path) -> None:
    text = longest_payload()
    flow = QrFlowable(text, max_size=QR_SIZE_MM[58] * mm)
    assert flow.symbol.version == 9  # CD1 codes were version 8
    flow.wrap(roll_geometry(58)[2], 1000)
    assert round(flow.module / DOT_203) == 4  # as big as CD1 codes' modules were
    pdf = render_receipt(receipt(qr_payload=text, roll_mm=58))
    assert scan_codes(pdf, tmp_path, "qrcode", dpi=203) == [text]
