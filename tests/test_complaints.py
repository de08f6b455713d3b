"""Complaints (pengaduan): against a request or a service, answered, listed, counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counterdesk.domain.errors import NotFound, ValidationError
from counterdesk.services.complaints import (
    answer_complaint,
    complaint_counts,
    get_complaint,
    install_hub_answer,
    list_complaints,
    record_complaint,
)
from counterdesk.services.desk import Desk
from counterdesk.services.register import register
from counterdesk.services.reports import daily_summary, report_doc
from counterdesk.services.staff import StaffSession

from .conftest import FixedClock
from .test_referrals import run
from .test_register import reg


def test_record_answer_list(desk: Desk, session: StaffSession, clock: FixedClock) -> None:
    r = register(desk, session, reg(desk))
    about_request = record_complaint(
        desk, session, text="  Petugas   tidak ramah ", channel="SMS", receipt=r.receipt
    )
    assert (about_request.receipt, about_request.service, about_request.channel) == (
        r.receipt,
        r.service,
        "sms",
    )
    assert about_request.text == "Petugas tidak ramah" and about_request.status == "open"
    event = desk.conn.execute("SELECT * FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    assert event["kind"] == "complaint_recorded" and event["request_id"] == r.id
    assert set(json.loads(event["data"])) == {"complaint_id", "service", "receipt", "channel",
                                              "text"}  # fmt: skip
    clock.advance(days=1)
    about_service = record_complaint(desk, session, text="Antrean panjang", service="sku")
    assert about_service.service == "SKU" and about_service.receipt == ""
    assert about_service.channel == "counter"
    event = desk.conn.execute("SELECT * FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    assert event["request_id"] is None
    assert [c.complaint_id for c in list_complaints(desk)] == [
        about_service.complaint_id,
        about_request.complaint_id,
    ]
    answered = answer_complaint(desk, session, about_request.number, "Sudah kami tegur")
    assert (answered.status, answered.answer, answered.answered_by) == (
        "answered",
        "Sudah kami tegur",
        "desk",
    )
    assert [c.complaint_id for c in list_complaints(desk, open_only=True)] == [
        about_service.complaint_id
    ]
    assert complaint_counts(desk) == {
        r.service: {"recorded": 1, "answered": 1, "open": 0},
        "SKU": {"recorded": 1, "answered": 0, "open": 1},
    }
    assert complaint_counts(desk, day_from="2026-11-03") == {
        "SKU": {"recorded": 1, "answered": 0, "open": 1}
    }
    summary = daily_summary(desk, clock.now.date())
    assert [(c.service, c.recorded, c.open) for c in summary.complaints] == [("SKU", 1, 1)]
    assert summary.complaints_open == 1
    doc = report_doc(desk, summary)
    assert ("pengaduan (baru / terbuka)", "1 / 1") in doc.key_figures


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"text": "x"}, "complaint_target"),
        ({"text": "x", "service": "SKD", "receipt": "LATIH-01-T9Y-0000011"}, "complaint_target"),
        ({"text": "   ", "service": "SKD"}, "complaint_empty"),
        ({"text": "x" * 501, "service": "SKD"}, "complaint_long"),
        ({"text": "x", "service": "SKD", "channel": "email"}, "complaint_channel"),
        ({"text": "x", "service": "NOPE"}, "service_unknown"),
    ],
)
def test_bad_complaints(desk: Desk, session: StaffSession, kw: dict[str, Any], code: str) -> None:
    with pytest.raises((ValidationError, NotFound)) as exc:
        record_complaint(desk, session, **kw)
    assert exc.value.code == code
    assert list_complaints(desk) == []


def test_lookup_and_hub_answer(desk: Desk, session: StaffSession) -> None:
    c = record_complaint(desk, session, text="Lama", service="SKD")
    for bad in ("12", "xyz123", ""):
        with pytest.raises(ValidationError):
            get_complaint(desk, bad)
    with pytest.raises(NotFound):
        get_complaint(desk, "0000000")
    with pytest.raises(ValidationError):
        answer_complaint(desk, session, c.number, " ")
    with desk.transaction():
        assert install_hub_answer(desk, complaint_id=c.complaint_id, answer="Ok", officer="rina",
                                  staff="system")  # fmt: skip
        assert not install_hub_answer(desk, complaint_id=c.complaint_id, answer="Ok",
                                      officer="rina", staff="system")  # fmt: skip
        assert not install_hub_answer(desk, complaint_id="f" * 32, answer="Ok", officer="r",
                                      staff="system")  # fmt: skip
    got = get_complaint(desk, c.complaint_id.upper())
    assert (got.status, got.answered_by, got.officer) == ("answered", "hub", "rina")


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    monkeypatch.setenv("COUNTERDESK_STAFF", "demo")
    root = tmp_path / "desk"
    assert run(root, capsys, "demo")[0] == 0
    code, out, err = run(
        root, capsys, "complaint", "add", "--service", "SKD", "--channel", "phone",
        "--text", "Antrean lama", "--json",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert (added["service"], added["channel"], added["status"]) == ("SKD", "phone", "open")
    code, _, err = run(root, capsys, "complaint", "add", "--text", "x")
    assert code == 2 and "exactly one of --receipt" in err
    code, _, err = run(root, capsys, "complaint", "add", "--receipt", "BAD", "--text", "x")
    assert code == 1 and "not a receipt number" in err
    code, out, _ = run(root, capsys, "complaint", "list", "--open", "--json", "--staff", "demo")
    assert [c["number"] for c in json.loads(out)] == [added["number"]]
    code, out, err = run(
        root, capsys, "complaint", "answer", added["number"], "--answer", "Loket ditambah"
    )
    assert code == 0 and f"complaint {added['number']} answered" in out, err
    code, out, _ = run(root, capsys, "complaint", "list", "--open", "--json", "--staff", "demo")
    assert json.loads(out) == []
    code, out, _ = run(root, capsys, "complaint", "list", "--staff", "demo")
    assert "answered" in out and "Antrean lama" in out
    code, _, err = run(root, capsys, "complaint", "answer", "deadbeef", "--answer", "x")
    assert code == 1 and "no complaint deadbeef" in err
