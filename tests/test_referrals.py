"""Referral outcomes at the desk: recorded only for referred requests, validated, listed,
and the way back to the counter (referred -> outcome issued -> ready -> collected)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counterdesk.cli import main
from counterdesk.domain.errors import ValidationError
from counterdesk.services.advance import advance
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.referrals import (
    current_outcome,
    install_hub_outcome,
    list_referrals,
    outcomes_for,
    record_outcome,
)
from counterdesk.services.register import Registration, register
from counterdesk.services.reports import daily_summary, report_doc
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession

from .conftest import NIK_MAN, FixedClock


def skck(desk: Desk, session: StaffSession, *, refer: bool = True) -> RequestView:
    """A police clearance (SKCK) request, referred to the police unless ``refer`` is False."""
    r = register(
        desk,
        session,
        Registration(
            service="SKCK",
            name="Budi Santoso",
            nik=NIK_MAN,
            fields={"address": "Dusun Sebunga", "purpose": "Melamar kerja"},
        ),
    )
    if refer:
        r = advance(desk, session, r.receipt, "referred")
    return r


def test_outcome_then_hand_over(desk: Desk, session: StaffSession, clock: FixedClock) -> None:
    receipt = skck(desk, session).receipt
    first = record_outcome(desk, session, receipt, "pending", note="  menunggu   Polres ")
    assert (first.outcome, first.note, first.recorded_by, first.officer) == (
        "pending",
        "menunggu Polres",
        "desk",
        "",
    )
    assert first.agency.startswith("Kepolisian")
    clock.advance(days=2)
    second = record_outcome(desk, session, receipt, "ISSUED")
    request = get_request(desk, receipt)
    current = current_outcome(desk, request)
    assert current is not None and current.outcome_id == second.outcome_id
    assert [o.outcome for o in outcomes_for(desk, request)] == ["pending", "issued"]
    event = desk.conn.execute(
        "SELECT kind, request_id, data FROM events ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert event["kind"] == "referral_outcome" and event["request_id"] == request.id
    data = json.loads(event["data"])
    assert set(data) == {"outcome_id", "outcome", "agency", "note", "recorded_by", "officer"}
    assert len(data["outcome_id"]) == 32 and data["outcome"] == "issued"
    advance(desk, session, receipt, "ready")
    assert advance(desk, session, receipt, "collected").status == "collected"
    # still listed (it was referred), no longer pending
    assert [r["outcome"] for r in list_referrals(desk)] == ["issued"]
    assert list_referrals(desk, pending_only=True) == []
    assert audit(desk).ok


def test_only_referred_requests(desk: Desk, session: StaffSession) -> None:
    receipt = skck(desk, session, refer=False).receipt
    with pytest.raises(ValidationError) as exc:
        record_outcome(desk, session, receipt, "issued")
    assert exc.value.code == "referral_not_referred" and "never referred" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        record_outcome(desk, session, "LATIH-01-T9Y-0000999", "issued")
    assert exc.value.code == "receipt_check"


@pytest.mark.parametrize(
    ("outcome", "note", "code"),
    [("granted", "", "referral_outcome_unknown"), ("issued", "x" * 201, "note_long")],
)
def test_bad_input(desk: Desk, session: StaffSession, outcome: str, note: str, code: str) -> None:
    receipt = skck(desk, session).receipt
    with pytest.raises(ValidationError) as exc:
        record_outcome(desk, session, receipt, outcome, note=note)
    assert exc.value.code == code
    assert desk.conn.execute("SELECT count(*) FROM referral_outcomes").fetchone()[0] == 0


def test_pending_list(desk: Desk, session: StaffSession) -> None:
    a = skck(desk, session).receipt
    b = skck(desk, session).receipt
    skck(desk, session, refer=False)
    record_outcome(desk, session, b, "refused", note="berkas kurang")
    assert [r["receipt"] for r in list_referrals(desk, pending_only=True)] == [a]
    rows = {r["receipt"]: r for r in list_referrals(desk)}
    assert set(rows) == {a, b}
    assert rows[b]["outcome_detail"]["note"] == "berkas kurang"


def test_hub_outcome_recorded_once(desk: Desk, session: StaffSession) -> None:
    receipt = skck(desk, session).receipt
    request = get_request(desk, receipt)
    kw: dict[str, Any] = {
        "request_id": request.id,
        "outcome_id": "a" * 32,
        "outcome": "issued",
        "agency": "Polres",
        "note": "",
        "officer": "rina",
        "staff": "system",
    }
    with desk.transaction():
        assert install_hub_outcome(desk, **kw)
        assert not install_hub_outcome(desk, **kw)
        assert not install_hub_outcome(desk, **kw | {"outcome_id": "b" * 32, "request_id": "c"})
    [o] = outcomes_for(desk, request)
    assert (o.recorded_by, o.officer, o.staff) == ("hub", "rina", "system")


def test_daily_report_counts_outcomes(desk: Desk, session: StaffSession) -> None:
    receipt = skck(desk, session).receipt
    record_outcome(desk, session, receipt, "pending")
    record_outcome(desk, session, receipt, "issued")
    summary = daily_summary(desk, desk.now().date())
    assert summary.referral_outcomes == {"issued": 1, "pending": 1}
    doc = report_doc(desk, summary)
    assert ("hasil rujukan dicatat", "2") in doc.key_figures
    [table] = [t for t in doc.tables if t.title.startswith("Hasil rujukan")]
    assert table.rows == [["Diterbitkan", "1"], ["Masih diproses", "1"]]


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(root), *args])
    except SystemExit as exc:  # usage errors (exit 2)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    root = tmp_path / "desk"
    assert run(root, capsys, "demo")[0] == 0
    code, out, err = run(
        root, capsys, "register", "--service", "SKCK", "--name", "Budi", "--nik", NIK_MAN,
        "--field", "address=Sebunga", "--field", "purpose=Kerja", "--staff", "demo", "--json",
    )  # fmt: skip
    assert code == 0, err
    receipt = json.loads(out)["receipt"]
    code, _, err = run(root, capsys, "referral", receipt, "--outcome", "issued", "--staff", "demo")
    assert code == 1 and err.startswith("error: ") and "never referred" in err
    assert run(root, capsys, "advance", receipt, "referred", "--staff", "demo")[0] == 0
    code, out, _ = run(root, capsys, "referrals", "--pending", "--json", "--staff", "demo")
    assert [r["receipt"] for r in json.loads(out)] == [receipt]
    code, out, err = run(
        root, capsys, "referral", receipt, "--outcome", "issued", "--note", "terbit",
        "--staff", "demo", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["outcome"] == "issued" and json.loads(out)["note"] == "terbit"
    code, out, _ = run(root, capsys, "referrals", "--pending", "--staff", "demo")
    assert code == 0 and out == ""
    code, out, _ = run(root, capsys, "referrals", "--staff", "demo")
    assert receipt in out and "issued" in out
    code, _, err = run(root, capsys, "referral", receipt, "--outcome", "lost", "--staff", "demo")
    assert code == 2 and "invalid choice" in err
