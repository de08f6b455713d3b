"""Referrals and complaints travel both ways: a desk refers a request, the hub sees it (by
stick and over HTTP); an outcome or an answer recorded at the hub reaches the desk with the
replies and is recorded there as the desk's own event; the echo is counted once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counterdesk.hub.citizen import counts
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.services import register as register_service
from counterdesk.services.advance import advance
from counterdesk.services.complaints import get_complaint, record_complaint
from counterdesk.services.desk import Desk
from counterdesk.services.referrals import current_outcome, outcomes_for, record_outcome
from counterdesk.services.requests import get_request
from counterdesk.services.staff import StaffSession, authenticate
from counterdesk.services.sync_http import sync_with_hub

from .helpers import (
    ADMIN,
    NIK_MARKER,
    PASSWORD,
    enrollment_bytes,
    field_values,
    live_hub,
    make_desk,
    make_hub,
    usb_trip,
)


class District:
    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp
        self.capsys = capsys
        self.hub_root = make_hub(tmp / "hub")
        self.jgb = Desk.open(make_desk(tmp / "jgb", enrollment_bytes(self.hub_root, "JGB-01")))
        self.sls = Desk.open(make_desk(tmp / "sls", enrollment_bytes(self.hub_root, "SLS-01")))
        self.trips = 0

    def hub(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = hub_main(["--data-dir", str(self.hub_root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def hub_json(self, *args: str) -> Any:
        code, out, err = self.hub(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    def stick(self) -> list[str]:
        self.trips += 1
        return usb_trip(self.jgb, self.hub_root, self.tmp / f"stick{self.trips}")

    def counts(self) -> dict[str, Any]:
        with Hub.open(self.hub_root) as hub:
            return counts(hub)

    def close(self) -> None:
        self.jgb.close()
        self.sls.close()


@pytest.fixture
def district(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[District]:
    d = District(tmp_path, capsys)
    yield d
    d.close()


def session(desk: Desk) -> StaffSession:
    return authenticate(desk, ADMIN, PASSWORD)


def referred_request(desk: Desk, service: str = "SKCK") -> str:
    s = desk.catalogue.get(service)
    request = register_service.register(
        desk,
        session(desk),
        register_service.Registration(
            service=s.code,
            name="Budi Santoso",
            nik=NIK_MARKER,
            fields=field_values(s),
            # PLB: the clerk confirmed the border-kecamatan address on the KTP-el
            residence_address="Desa Jagoi, Kecamatan Jagoi Babang"
            if s.eligibility.residence
            else "",
        ),
    )
    advance(desk, session(desk), request.receipt, "referred", note="ke Polres")
    return request.receipt


def hub_referral(d: District, receipt: str) -> dict[str, Any]:
    [row] = [r for r in d.hub_json("referrals") if r["receipt"] == receipt]
    return dict(row)


def test_outcome_recorded_at_the_hub_reaches_the_desk_by_stick(district: District) -> None:
    d = district
    receipt = referred_request(d.jgb)
    d.stick()
    row = hub_referral(d, receipt)
    assert (row["desk"], row["status"], row["outcome"]) == ("JGB-01", "referred", "")
    assert [r["receipt"] for r in d.hub_json("referrals", "--pending")] == [receipt]

    result = d.hub_json(
        "referral-outcome", "JGB-01", receipt, "--outcome", "issued",
        "--note", "SKCK  sudah  terbit", "--officer", "rina",
    )  # fmt: skip
    assert result["outcome"] == "issued" and result["note"] == "SKCK sudah terbit"
    assert d.hub_json("referrals", "--pending") == []
    assert hub_referral(d, receipt)["delivered"] is False

    lines = d.stick()
    assert any("1 referral outcome(s)" in line for line in lines), lines
    request = get_request(d.jgb, receipt)
    outcome = current_outcome(d.jgb, request)
    assert outcome is not None
    assert (outcome.outcome, outcome.recorded_by, outcome.officer, outcome.note) == (
        "issued",
        "hub",
        "rina",
        "SKCK sudah terbit",
    )
    assert outcome.outcome_id == result["outcome_id"]
    # the product came back: hand it over
    advance(d.jgb, session(d.jgb), receipt, "ready")
    assert advance(d.jgb, session(d.jgb), receipt, "collected").status == "collected"

    d.stick()  # the echo (and the hand-over) reach the hub
    row = hub_referral(d, receipt)
    assert (row["status"], row["outcome"], row["delivered"]) == ("collected", "issued", True)
    assert d.counts()["referral_outcomes"] == {"issued": 1}
    # the same notes again (a later trip, a re-imported stick): nothing new at the desk
    lines = d.stick()
    assert len(outcomes_for(d.jgb, get_request(d.jgb, receipt))) == 1
    assert d.counts()["referral_outcomes"] == {"issued": 1}


def test_outcomes_both_ways_over_http(district: District) -> None:
    d = district
    receipt = referred_request(d.sls, "PLB")
    record_outcome(d.sls, session(d.sls), receipt, "pending", note="menunggu Imigrasi")
    with live_hub(d.hub_root) as url:
        sync_with_hub(d.sls, url)
        row = hub_referral(d, receipt)
        assert (row["outcome"], row["recorded_by"], row["note"]) == (
            "pending",
            "desk",
            "menunggu Imigrasi",
        )
        assert [r["receipt"] for r in d.hub_json("referrals", "--pending")] == [receipt]
        d.hub_json("referral-outcome", "SLS-01", receipt, "--outcome", "refused",
                   "--officer", "andi")  # fmt: skip
        sync_with_hub(d.sls, url)
        outcome = current_outcome(d.sls, get_request(d.sls, receipt))
        assert outcome is not None and (outcome.outcome, outcome.recorded_by) == ("refused", "hub")
        sync_with_hub(d.sls, url)  # echo
        sync_with_hub(d.sls, url)
    assert d.counts()["referral_outcomes"] == {"pending": 1, "refused": 1}
    assert hub_referral(d, receipt)["outcome"] == "refused"
    assert len(outcomes_for(d.sls, get_request(d.sls, receipt))) == 2


def test_complaint_answered_at_the_hub(district: District) -> None:
    d = district
    receipt = referred_request(d.jgb)
    complaint = record_complaint(
        d.jgb, session(d.jgb), text="Petugas tidak ada", channel="phone", receipt=receipt
    )
    record_complaint(d.jgb, session(d.jgb), text="Antrean lama", service="SKD", channel="box")
    d.stick()
    rows = d.hub_json("complaints", "--open")
    assert sorted((r["receipt"], r["service"], r["channel"]) for r in rows) == [
        ("", "SKD", "box"),
        (receipt, "SKCK", "phone"),
    ]
    answer = d.hub_json(
        "complaint-answer", complaint.number, "--answer", "Sudah ditegur", "--officer", "rina"
    )
    assert answer["complaint_id"] == complaint.complaint_id
    code, _, err = d.hub("complaint-answer", complaint.number, "--answer", "lagi")
    assert code == 1 and "already answered" in err
    d.stick()
    got = get_complaint(d.jgb, complaint.complaint_id)
    assert (got.status, got.answer, got.answered_by, got.officer) == (
        "answered",
        "Sudah ditegur",
        "hub",
        "rina",
    )
    d.stick()
    d.stick()
    assert d.counts()["complaints"] == {"recorded": 2, "answered": 1}
    assert [r["service"] for r in d.hub_json("complaints", "--open")] == ["SKD"]
    events = d.jgb.conn.execute(
        "SELECT count(*) FROM events WHERE kind = 'complaint_answered'"
    ).fetchone()[0]
    assert events == 1


def test_hub_refuses_unknown_or_not_referred(district: District) -> None:
    d = district
    s = d.jgb.catalogue.get("SKD")
    plain = register_service.register(
        d.jgb,
        session(d.jgb),
        register_service.Registration(
            service=s.code, name="Ani", nik=NIK_MARKER, fields=field_values(s)
        ),
    ).receipt
    d.stick()
    code, _, err = d.hub("referral-outcome", "JGB-01", plain, "--outcome", "issued",
                         "--officer", "rina")  # fmt: skip
    assert code == 1 and "never referred" in err
    code, _, err = d.hub("referral-outcome", "SLS-01", plain, "--outcome", "issued",
                         "--officer", "rina")  # fmt: skip
    assert code == 1 and "has reached the hub" in err
    code, _, err = d.hub("complaint-answer", "abcdef12", "--answer", "x", "--officer", "r")
    assert code == 1 and "no complaint abcdef12" in err
    code, _, err = d.hub("complaint-answer", "zz", "--answer", "x", "--officer", "r")
    assert code == 1 and "not a complaint number" in err
