"""The officers' /referrals and /complaints pages (routes alone, without the sign-in
middleware): lists, forms with the CSRF field, recording through a form, refusals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from counterdesk.hub.citizen import list_complaints, list_referrals
from counterdesk.hub.citizen_pages import MAX_FORM_BODY, citizen_routes
from counterdesk.hub.hub import Hub
from counterdesk.services import register as register_service
from counterdesk.services.advance import advance
from counterdesk.services.complaints import record_complaint
from counterdesk.services.desk import Desk
from counterdesk.services.staff import authenticate

from ..sync.helpers import (
    ADMIN,
    NIK_MARKER,
    PASSWORD,
    enrollment_bytes,
    field_values,
    make_desk,
    make_hub,
    usb_trip,
)


class Setup:
    def __init__(self, tmp: Path) -> None:
        self.hub_root = make_hub(tmp / "hub")
        self.desk = Desk.open(make_desk(tmp / "jgb", enrollment_bytes(self.hub_root, "JGB-01")))
        session = authenticate(self.desk, ADMIN, PASSWORD)
        s = self.desk.catalogue.get("SKCK")
        self.receipt = register_service.register(
            self.desk,
            session,
            register_service.Registration(
                service=s.code, name="Budi Santoso", nik=NIK_MARKER, fields=field_values(s)
            ),
        ).receipt
        advance(self.desk, session, self.receipt, "referred")
        self.complaint = record_complaint(
            self.desk, session, text="Lama <sekali>", receipt=self.receipt, channel="sms"
        )
        usb_trip(self.desk, self.hub_root, tmp / "stick")
        self.hub = Hub.open(self.hub_root)
        self.client = TestClient(Starlette(routes=citizen_routes(self.hub)))

    def close(self) -> None:
        self.client.close()
        self.hub.close()
        self.desk.close()


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    s = Setup(tmp_path)
    yield s
    s.close()


def forms(html: str) -> list[str]:
    return re.findall(r"<form .*?</form>", html, flags=re.S)


def test_referrals_page_lists_and_records(setup: Setup) -> None:
    page = setup.client.get("/referrals")
    assert page.status_code == 200
    assert setup.receipt in page.text and "Menunggu hasil (1)" in page.text
    assert "Budi Santoso" in page.text
    assert all('name="csrf_token"' in f for f in forms(page.text))
    answer = setup.client.post(
        "/referrals",
        data={"desk": "JGB-01", "receipt": setup.receipt, "outcome": "issued", "note": "terbit"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    page = setup.client.get(answer.headers["location"])
    assert "Hasil rujukan" in page.text and "Diterbitkan" in page.text
    assert "Menunggu hasil (0)" in page.text and "hub (hub)" in page.text
    [row] = list_referrals(setup.hub)
    assert (row["outcome"], row["note"], row["recorded_by"]) == ("issued", "terbit", "hub")


@pytest.mark.parametrize(
    ("form", "shown"),
    [
        ({"desk": "JGB-01", "receipt": "JGB-01-T9Y-0000011", "outcome": "issued"}, "salah ketik"),
        ({"desk": "JGB-01", "outcome": "lost"}, "Pilih hasil"),
        ({"desk": "JGB-01", "outcome": "issued", "note": "x" * 201}, "Catatan terlalu panjang"),
    ],
)
def test_referral_form_refusals(setup: Setup, form: dict[str, str], shown: str) -> None:
    form.setdefault("receipt", setup.receipt)
    page = setup.client.post("/referrals", data=form)
    assert page.status_code == 400
    assert shown in page.text
    assert list_referrals(setup.hub)[0]["outcome"] == ""


def test_referral_of_a_plain_request_is_refused(setup: Setup) -> None:
    page = setup.client.post(
        "/referrals", data={"desk": "SLS-01", "receipt": setup.receipt, "outcome": "issued"}
    )
    assert page.status_code == 400 and "belum sampai di hub" in page.text


def test_complaints_page_answers(setup: Setup) -> None:
    page = setup.client.get("/complaints")
    assert page.status_code == 200
    assert "Belum dijawab (1)" in page.text and "Lama &lt;sekali&gt;" in page.text
    assert "SMS" in page.text
    assert all('name="csrf_token"' in f for f in forms(page.text))
    empty = setup.client.post("/complaints", data={"complaint_id": setup.complaint.complaint_id})
    assert empty.status_code == 400 and "tidak boleh kosong" in empty.text
    done = setup.client.post(
        "/complaints",
        data={"complaint_id": setup.complaint.complaint_id, "answer": "Sudah ditangani"},
    )
    assert done.status_code == 200 and "dijawab" in done.text  # followed the redirect
    assert "Belum dijawab (0)" in done.text and "Sudah ditangani" in done.text
    again = setup.client.post(
        "/complaints", data={"complaint_id": setup.complaint.number, "answer": "lagi"}
    )
    assert again.status_code == 400 and "sudah dijawab" in again.text
    [c] = list_complaints(setup.hub)
    assert (c["status"], c["answer"]) == ("answered", "Sudah ditangani")


def test_large_form_refused(setup: Setup) -> None:
    page = setup.client.post(
        "/complaints", content=b"answer=" + b"x" * MAX_FORM_BODY,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    assert page.status_code == 413
    assert list_complaints(setup.hub, open_only=True)
