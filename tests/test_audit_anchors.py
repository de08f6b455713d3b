"""The audit says what it can prove: receipts' chain tags anchor the log outside the file.

An intruder with the database drops the append-only triggers, edits an event that the hub
has not seen and recomputes the chain (``tests/chain_rewrite.py``): the chain alone still
looks intact, but a receipt printed after that event no longer matches.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from counterdesk.domain.qrpayload import QrPayload, chain_tag, parse_payload
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf
from counterdesk.services.instance import check_instance
from counterdesk.services.register import register
from counterdesk.services.requests import get_request
from counterdesk.services.staff import StaffSession
from counterdesk.services.verification import sign_payload, verify_payload
from counterdesk.store.db import backup_copy

from .chain_rewrite import registration_seq, rename_citizen, rewrite_event
from .conftest import open_raw
from .test_register import reg


def printed(desk: Desk) -> list[str]:
    return [str(r[0]) for r in desk.conn.execute("SELECT payload FROM printed_codes ORDER BY id")]


def span(first: int, last: int) -> str:
    return f"event {first}" if first == last else f"events {first}-{last}"


def run_cli(desk: Desk, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counterdesk", "--data-dir", str(desk.paths.root), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=os.environ | {"COUNTERDESK_PASSWORD": "demo"},
        timeout=120,
    )


def test_a_printed_receipt_carries_the_chain_head_in_its_signed_code(
    desk: Desk, session: StaffSession
) -> None:
    r = register(desk, session, reg(desk))
    head_seq, head_hash = desk.conn.execute(
        "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    document_pdf(desk, session, "receipt", r.receipt)
    [text] = printed(desk)
    payload = parse_payload(text)
    assert text.startswith("CD2|R|")
    assert payload.anchor_seq == head_seq and payload.anchor_tag == chain_tag(head_hash)
    assert verify_payload(desk, text).valid
    # the tag is signed: changing it breaks the signature
    other = text.replace(f"|{payload.anchor_tag}|", f"|{'A' * len(payload.anchor_tag)}|")
    assert verify_payload(desk, other).reason.startswith("bad signature")
    # a reprint with nothing new in the log is the same code, recorded once
    document_pdf(desk, session, "receipt", r.receipt)
    assert printed(desk) == [text]


def test_rewritten_unsynced_event_passes_the_chain_but_not_a_later_receipt(
    desk: Desk, session: StaffSession
) -> None:
    a = register(desk, session, reg(desk, name="Warga A"))
    b = register(desk, session, reg(desk, name="Warga B"))
    document_pdf(desk, session, "receipt", b.receipt)
    seq_a = registration_seq(desk.paths.database, a.receipt)
    rewrite_event(desk.paths.database, seq_a, rename_citizen("Someone Else"))

    plain = audit(desk)
    assert plain.problems == []  # the chain alone was re-computed: it looks intact
    assert not plain.receipts_checked
    checked = audit(desk, receipts=True)
    assert not checked.ok and checked.problems == []
    [diff] = checked.differing
    anchor = parse_payload(printed(desk)[0]).anchor_seq
    assert diff.number == b.receipt and diff.anchor_seq == anchor
    assert "rewritten" in diff.reason and f"events 1-{anchor}" in diff.reason


def test_an_edit_after_the_last_receipt_is_not_detected_and_the_audit_says_so(
    desk: Desk, session: StaffSession
) -> None:
    a = register(desk, session, reg(desk, name="Warga A"))
    document_pdf(desk, session, "receipt", a.receipt)
    anchor = parse_payload(printed(desk)[0]).anchor_seq
    assert anchor is not None
    b = register(desk, session, reg(desk, name="Warga B"))
    rewrite_event(
        desk.paths.database,
        registration_seq(desk.paths.database, b.receipt),
        rename_citizen("Someone Else"),
    )
    result = audit(desk, receipts=True)
    assert result.ok  # nothing outside the file commits to event b
    last = result.last_seq
    assert result.anchored_through(outside_only=False) == anchor
    gaps = result.not_proved()
    assert any(line.startswith(span(anchor + 1, last) + ": anchored by nothing") for line in gaps)
    assert any("print log" in line for line in gaps)  # the log itself is in the file


def test_receipt_scanned_from_paper_catches_a_rewrite_that_also_cleaned_the_print_log(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    a = register(desk, session, reg(desk, name="Warga A"))
    b = register(desk, session, reg(desk, name="Warga B"))
    document_pdf(desk, session, "receipt", b.receipt)
    [paper] = printed(desk)  # what the citizen took home
    seq_a = registration_seq(desk.paths.database, a.receipt)
    rewrite_event(desk.paths.database, seq_a, rename_citizen("Someone Else"))
    conn = open_raw(desk.paths.database)
    conn.execute("DELETE FROM printed_codes")
    conn.commit()
    conn.close()

    assert audit(desk, receipts=True).ok  # the desk's own records are consistent again
    result = audit(desk, given=[("scan", paper)])
    [diff] = result.differing
    assert diff.number == b.receipt and diff.source == "scan" and "rewritten" in diff.reason

    # the command line: payloads as arguments, in a file, or on standard input
    scans = tmp_path / "scans.txt"
    scans.write_text(f"# scanned at the counter\n\n{paper}\n", encoding="utf-8")
    for args, stdin in (([paper], None), ([str(scans)], None), (["-"], paper + "\n")):
        out = run_cli(desk, "audit", "verify", "--receipts", *args, stdin=stdin)
        assert out.returncode == 1, out
        assert b.receipt in out.stderr and "rewritten" in out.stderr
    assert "scans.txt:3" in run_cli(desk, "audit", "verify", "--receipts", str(scans)).stderr


def test_scanned_receipt_missing_from_the_print_log_is_named(
    desk: Desk, session: StaffSession
) -> None:
    b = register(desk, session, reg(desk, name="Warga B"))
    document_pdf(desk, session, "receipt", b.receipt)
    [paper] = printed(desk)
    desk.conn.execute("DELETE FROM printed_codes")
    [diff] = audit(desk, given=[("scan", paper)]).differing
    assert "missing from this desk's print log" in diff.reason


def test_codes_that_cannot_be_checked_here_are_named(desk: Desk, session: StaffSession) -> None:
    b = register(desk, session, reg(desk, name="Warga B"))
    document_pdf(desk, session, "receipt", b.receipt)
    [paper] = printed(desk)
    forged = paper.replace("|R|", "|L|", 1)
    foreign = paper.replace(f"|{desk.info.code}|", "|JGB-01|", 1)
    result = audit(desk, given=[("1", forged), ("2", foreign), ("3", "CD2|R|x")])
    reasons = {c.source: c.reason for c in result.differing}
    assert reasons["1"].startswith("bad signature")
    assert "not by this desk" in reasons["2"]
    assert reasons["3"].startswith("malformed")


def test_removed_events_after_a_receipt_are_named(desk: Desk, session: StaffSession) -> None:
    register(desk, session, reg(desk, name="Warga A"))
    b = register(desk, session, reg(desk, name="Warga B"))
    document_pdf(desk, session, "receipt", b.receipt)
    last = desk.conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    conn = open_raw(desk.paths.database)
    conn.execute("DROP TRIGGER events_append_only_delete")
    conn.execute("DELETE FROM events WHERE seq = ?", [last])  # the tail: no gap shows
    conn.commit()
    conn.close()
    result = audit(desk, receipts=True)
    assert result.problems == []
    [diff] = result.differing
    assert f"ends at event {last - 1}" in diff.reason


def test_old_cd1_codes_still_verify_and_are_reported_as_untagged(
    desk: Desk, session: StaffSession
) -> None:
    r = register(desk, session, reg(desk, name="Nur'aini Ñurul"))
    request = get_request(desk, r.receipt)
    old = sign_payload(
        desk, QrPayload("R", desk.info.code, r.receipt, request.service, "2026-11-29", "NN")
    )
    assert old.startswith("CD1|R|") and old.count("|") == 7
    assert verify_payload(desk, old).valid
    assert run_cli(desk, "verify", old).returncode == 0
    result = audit(desk, given=[("paper", old)])
    assert result.ok and len(result.untagged) == 1
    assert "no chain tag" in result.untagged[0].reason
    # and a CD1 code changed by one character is still refused
    assert not verify_payload(desk, old.replace("|NN|", "|NM|")).valid


def test_a_cd1_code_from_an_old_release_still_verifies() -> None:
    """A letter code signed by a desk of an earlier release (tests/data, read-only)."""
    sample = Path(__file__).parent / "data" / "desk-m003.sqlite3"
    conn = sqlite3.connect(f"file:{sample}?mode=ro&immutable=1", uri=True)
    try:
        [payload] = [str(r[0]) for r in conn.execute("SELECT payload FROM letters")]
        public = bytes(conn.execute("SELECT sign_public FROM desk_keys").fetchone()[0])
    finally:
        conn.close()
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from counterdesk.sync.verify import SignerKey, verify_qr

    key = SignerKey(Ed25519PublicKey.from_public_bytes(public))
    verdict = verify_qr(payload, key_for=lambda code: key, revoked=lambda p: None)
    assert verdict.valid and verdict.payload is not None and not verdict.payload.anchored


def test_the_cli_says_what_it_proved(desk: Desk, session: StaffSession) -> None:
    a = register(desk, session, reg(desk, name="Warga A"))
    b = register(desk, session, reg(desk, name="Warga B"))
    document_pdf(desk, session, "receipt", b.receipt)
    register(desk, session, reg(desk, name="Warga C"))
    last = desk.conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    anchor = parse_payload(printed(desk)[0]).anchor_seq

    out = run_cli(desk, "audit", "verify", "--receipts")
    assert out.returncode == 0, out.stderr
    assert f"chain intact from seq 1 to {last}" in out.stdout
    assert "anchored at hub: none" in out.stdout
    assert "receipts checked 1 (1 from the print log, 0 given): 1 match" in out.stdout
    assert f"not proved: {span(anchor + 1, last)}: anchored by nothing" in out.stdout

    rewrite_event(
        desk.paths.database,
        registration_seq(desk.paths.database, a.receipt),
        rename_citizen("Someone Else"),
    )
    plain = run_cli(desk, "audit", "verify")
    assert plain.returncode == 0 and "receipts were not checked" in plain.stdout
    out = run_cli(desk, "audit", "verify", "--receipts")
    assert out.returncode == 1
    assert f"receipt {b.receipt} (print log)" in out.stderr and "rewritten" in out.stderr
    out = run_cli(desk, "audit", "verify", "--json", "--receipts")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["ok"] is False and data["receipts"]["differing"][0]["number"] == b.receipt
    missing = run_cli(desk, "audit", "verify", "--receipts", "no-such-file.txt")
    assert missing.returncode == 1 and "cannot read no-such-file.txt" in missing.stderr


def test_receipt_printed_after_the_backup_of_a_restored_desk_is_named(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    register(desk, session, reg(desk))
    backup = tmp_path / "backup.sqlite3"
    backup_copy(desk.conn, backup)
    lost = register(desk, session, reg(desk, name="Budi"))
    document_pdf(desk, session, "receipt", lost.receipt)
    [paper] = printed(desk)
    db = desk.paths.database
    desk.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy(backup, db)
    with Desk.open(desk.paths.root) as restored:
        assert check_instance(restored) == "restored"
        register(restored, session, reg(restored, name="Citra"))
        again = register(restored, session, reg(restored, name="Dewi"))
        document_pdf(restored, session, "receipt", again.receipt)
        assert audit(restored, receipts=True).ok  # its own print log matches
        [diff] = audit(restored, given=[("paper", paper)]).differing
        assert diff.number == lost.receipt and "restored from a backup" in diff.reason
