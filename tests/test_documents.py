"""Documents of a request: signed QR payloads, letter numbering, CLI print and verify."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.qrpayload import initials, parse_payload
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf, issue_letter
from counterdesk.services.register import Registration, register
from counterdesk.services.staff import StaffSession
from counterdesk.services.verification import verify_payload

from .conftest import NIK_WOMAN, FixedClock, require_tool
from .test_register import reg, valid_fields


def test_initials_hold_no_more_than_initials() -> None:
    assert initials("Nur'aini Ñurul") == "NN"
    assert initials("Ōsman Müller-Łukasz") == "OML"


def test_letter_number_runs_per_year_and_restarts(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    a = register(desk, session, reg(desk))
    b = register(desk, session, reg(desk, name="Budi"))
    la = issue_letter(desk, session, a.receipt)
    lb = issue_letter(desk, session, b.receipt)
    assert la.number.split("/")[1:] == ["0001", "LATIH-01", "XI", "2026"]
    assert lb.number.split("/")[1] == "0002"
    assert issue_letter(desk, session, a.receipt) == la  # a reprint keeps its number
    clock.advance(days=60)  # January 2027
    c = register(desk, session, reg(desk, name="Citra"))
    lc = issue_letter(desk, session, c.receipt)
    assert lc.number.split("/")[1:] == ["0001", "LATIH-01", "I", "2027"]


def test_letter_payload_verifies_and_detects_forgery(desk: Desk, session: StaffSession) -> None:
    r = register(desk, session, reg(desk))
    letter = issue_letter(desk, session, r.receipt)
    verdict = verify_payload(desk, letter.payload)
    assert verdict.valid and verdict.payload is not None
    assert verdict.payload.number == letter.number and verdict.payload.initials == "SN"
    assert NIK_WOMAN not in letter.payload and "Siti" not in letter.payload
    forged = letter.payload.replace("|SN|", "|AB|")
    assert verify_payload(desk, forged).reason.startswith("bad signature")
    other = letter.payload.replace("LATIH-01|", "JGB-01|", 1)
    assert verify_payload(desk, other).reason.startswith("unknown desk")
    assert verify_payload(desk, "CD1|X|y").reason.startswith("malformed")
    desk.conn.execute("UPDATE letters SET revoked = 1, revoked_reason = 'salah nama'")
    assert verify_payload(desk, letter.payload).reason == "revoked letter: salah nama"


def test_no_letter_for_rejected_or_non_letter_services(desk: Desk, session: StaffSession) -> None:
    r = register(desk, session, reg(desk))
    advance(desk, session, r.receipt, "rejected", note="data tidak lengkap")
    with pytest.raises(ValidationError, match="rejected"):
        issue_letter(desk, session, r.receipt)
    other = next(s for s in desk.catalogue.services if s.product == "other")
    fields = valid_fields(other)
    o = register(desk, session, Registration(other.code, "Budi", nik=NIK_WOMAN, fields=fields))
    with pytest.raises(ValidationError, match="no letter"):
        issue_letter(desk, session, o.receipt)


def test_every_document_renders(desk: Desk, session: StaffSession) -> None:
    r = register(desk, session, reg(desk))
    for kind in ("ticket", "receipt", "letter"):
        pdf, _ = document_pdf(desk, session, kind, r.receipt)
        assert pdf.startswith(b"%PDF")
    referral = next(s for s in desk.catalogue.services if s.product == "referral")
    fields = valid_fields(referral)
    ref = register(desk, session, Registration(referral.code, "Budi", nik=NIK_WOMAN, fields=fields))
    pdf, info = document_pdf(desk, session, "referral", ref.receipt)
    assert pdf.startswith(b"%PDF") and info["number"].startswith("RJK-")
    with pytest.raises(ValidationError, match="not a letter"):
        document_pdf(desk, session, "letter", ref.receipt)
    with pytest.raises(ValidationError, match="needs a staff member"):
        document_pdf(desk, None, "letter", register(desk, session, reg(desk)).receipt)


def test_receipt_qr_scans_to_a_valid_payload(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    zbarimg = require_tool("zbarimg", "zbar-tools")
    r = register(desk, session, reg(desk, name="Nur'aini Ñurul"))
    pdf, _ = document_pdf(desk, session, "receipt", r.receipt)
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "203", "-png", str(tmp_path / "r.pdf"), str(tmp_path / "r")], check=True
    )
    png = sorted(tmp_path.glob("r*.png"))[0]
    out = subprocess.run([zbarimg, "-q", str(png)], capture_output=True, text=True).stdout
    codes = dict(line.split(":", 1) for line in out.splitlines())
    assert codes["CODE-128"] == r.receipt
    payload = parse_payload(codes["QR-Code"])
    assert payload.number == r.receipt and payload.initials == "NN"
    assert verify_payload(desk, codes["QR-Code"]).valid
