"""The public verification page: GET/POST /verify."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.hub.app import create_app
from counterdesk.hub.hub import Hub
from counterdesk.hub.refdata import revoke_letter
from counterdesk.services.desk import Desk

from ..sync.helpers import (
    NAME_MARKER,
    NIK_MARKER,
    enrollment_bytes,
    make_desk,
    make_hub,
    register,
    usb_trip,
)


@dataclass
class Issued:
    hub_root: Path
    number: str
    payload: str


def issue(desk: Desk) -> tuple[str, str]:
    from counterdesk.services.documents import issue_letter
    from counterdesk.services.staff import authenticate

    from ..sync.helpers import ADMIN, PASSWORD

    [receipt] = register(desk, 1, name=NAME_MARKER, nik=NIK_MARKER)
    letter = issue_letter(desk, authenticate(desk, ADMIN, PASSWORD), receipt)
    return letter.number, letter.payload


@pytest.fixture
def issued(tmp_path: Path) -> Issued:
    """A hub that received (by stick) the events of a desk that issued one letter."""
    hub_root = make_hub(tmp_path / "hub")
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as desk:
        number, payload = issue(desk)
        usb_trip(desk, hub_root, tmp_path / "stick")
    return Issued(hub_root, number, payload)


@pytest.fixture
def client(issued: Issued) -> Iterator[TestClient]:
    with Hub.open(issued.hub_root) as hub, TestClient(create_app(hub)) as c:
        yield c


def forge(payload: str) -> str:
    """The payload with one character of the signed part changed (the date's last digit)."""
    parts = payload.split("|")
    date = parts[5]
    parts[5] = date[:-1] + ("1" if date[-1] != "1" else "2")
    return "|".join(parts)


def assert_private(html: str) -> None:
    assert NIK_MARKER not in html
    for word in NAME_MARKER.split():
        assert word not in html


def assert_headers(r: object) -> None:
    headers = r.headers  # type: ignore[attr-defined]
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    csp = headers["content-security-policy"]
    for part in ("default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'"):
        assert part in csp


def test_the_form_is_small_and_needs_no_script(client: TestClient) -> None:
    r = client.get("/verify")
    assert r.status_code == 200
    assert_headers(r)
    assert "<script" not in r.text and 'name="code"' in r.text
    assert "Cek keaslian surat" in r.text and "Verify a letter" in r.text
    assert len(r.content) < 10 * 1024
    assert "set-cookie" not in r.headers


def test_a_genuine_letter_shows_initials_not_the_name(client: TestClient, issued: Issued) -> None:
    r = client.get("/verify", params={"code": issued.payload})
    assert r.status_code == 200
    assert_headers(r)
    html = r.text
    assert "ASLI / GENUINE" in html and "TIDAK SAH" not in html
    assert issued.number in html
    assert "<b>ZM</b>" in html  # initials of the citizen
    assert "JGB-01 — Kantor Camat JGB-01" in html  # desk and its post
    assert "Surat Keterangan Tidak Mampu (SKTM)" in html  # the catalogue's name
    assert "(SKTM) (SKTM)" not in html
    assert issued.payload.split("|")[5] in html  # the date
    assert_private(html)
    assert len(r.content) < 10 * 1024


def test_post_without_cookies_gives_the_same_verdict(client: TestClient, issued: Issued) -> None:
    r = client.post("/verify", data={"code": issued.payload + "\n"})
    assert r.status_code == 200 and "ASLI / GENUINE" in r.text
    assert_headers(r)
    assert_private(r.text)


def test_one_changed_character_is_not_valid(client: TestClient, issued: Issued) -> None:
    r = client.post("/verify", data={"code": forge(issued.payload)})
    assert r.status_code == 200
    assert "TIDAK SAH / NOT VALID" in r.text and "ASLI" not in r.text
    assert "bad signature" in r.text and "dipalsukan" in r.text
    assert issued.number not in r.text.split("<textarea")[0]  # no details of a forgery
    assert_headers(r)


def test_a_revoked_letter_shows_the_reason(client: TestClient, issued: Issued) -> None:
    with Hub.open(issued.hub_root) as hub:
        revoke_letter(hub, issued.number, reason="nama salah ketik")
    for r in (
        client.get("/verify", params={"code": issued.payload}),
        client.get("/verify", params={"code": issued.number}),
    ):
        assert r.status_code == 200
        assert "DICABUT / REVOKED" in r.text and "nama salah ketik" in r.text
        assert "ASLI" not in r.text and "<b>ZM</b>" in r.text
        assert_private(r.text)


def test_a_letter_number_is_looked_up(client: TestClient, issued: Issued) -> None:
    r = client.post("/verify", data={"code": f"  {issued.number} "})
    assert r.status_code == 200 and "ASLI / GENUINE" in r.text
    assert "<b>ZM</b>" in r.text
    assert_private(r.text)
    r = client.get("/verify", params={"code": "470/9999/JGB-01/XI/2026"})
    assert r.status_code == 404
    assert "TIDAK DITEMUKAN / NOT FOUND" in r.text and "issuing office" in r.text
    assert "ASLI" not in r.text
    assert_headers(r)


@pytest.mark.parametrize(
    "code",
    [
        "x" * 501,
        "CD1|L|JGB-01\x00|x",
        "470/0001\x1b[31m",
        "abc\u202edef",
        "<script>alert(1)</script>",
        "",
        "   ",
    ],
)
def test_garbage_is_a_400_page_not_a_500(client: TestClient, code: str) -> None:
    for r in (
        client.get("/verify", params={"code": code}),
        client.post("/verify", data={"code": code}),
    ):
        assert r.status_code == 400, r.text
        assert "DITOLAK / REFUSED" in r.text
        assert "Traceback" not in r.text and "<script>" not in r.text
        assert_headers(r)


def test_odd_requests_are_refused_cleanly(client: TestClient) -> None:
    r = client.post("/verify", content=b"\xff\xfe", headers={"content-type": "text/plain"})
    assert r.status_code == 400 and "DITOLAK" in r.text
    r = client.post("/verify", content=b"code=" + b"A" * 5000)
    assert r.status_code == 400 and "too long" in r.text
    r = client.get("/verify", params={"code": "CD1|Q|x|y"})
    assert r.status_code == 200 and "TIDAK SAH / NOT VALID" in r.text  # malformed payload
    assert client.put("/verify").status_code == 405
