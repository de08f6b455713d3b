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


# --------------------------------------------------------------------------- two desks


@dataclass
class TwoDesks:
    hub_root: Path
    jgb_root: Path
    number: str  # JGB-01's genuine letter
    payload: str
    sls_payload: str  # SLS-01's letter carrying the same number (a bad template, or worse)


@pytest.fixture
def two_desks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TwoDesks:
    """JGB-01 issues a letter; SLS-01, with a clock months behind, records a letter of its
    own with the very same number (so it is the earliest record of that number), and the
    district revokes SLS-01's letter."""
    import datetime

    from counterdesk.domain.numbering import LetterNumberTemplate

    hub_root = make_hub(tmp_path / "hub")
    jgb_root = make_desk(tmp_path / "jgb", enrollment_bytes(hub_root, "JGB-01"))
    with Desk.open(jgb_root) as jgb:
        number, payload = issue(jgb)
        usb_trip(jgb, hub_root, tmp_path / "stick-jgb")
    early = datetime.datetime(
        2026, 1, 5, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    sls_root = make_desk(tmp_path / "sls", enrollment_bytes(hub_root, "SLS-01"))
    with Desk.open(sls_root, clock=lambda: early) as sls, monkeypatch.context() as m:
        m.setattr(LetterNumberTemplate, "format", lambda self, **kw: number)
        sls_number, sls_payload = issue(sls)
        assert sls_number == number
        usb_trip(sls, hub_root, tmp_path / "stick-sls")
    with Hub.open(hub_root) as hub:
        revoke_letter(hub, number, reason="salah nomor", desk="SLS-01")
    with Desk.open(jgb_root) as jgb:  # JGB-01 gets the district's revocation list
        usb_trip(jgb, hub_root, tmp_path / "stick-jgb")
    return TwoDesks(hub_root, jgb_root, number, payload, sls_payload)


def test_another_desks_record_or_revocation_never_touches_a_genuine_letter(
    two_desks: TwoDesks, capsys: pytest.CaptureFixture[str]
) -> None:
    t = two_desks
    with Hub.open(t.hub_root) as hub, TestClient(create_app(hub)) as client:
        for code in (t.number, t.payload, t.number.lower()):
            r = client.get("/verify", params={"code": code})
            assert r.status_code == 200, code
            assert "ASLI / GENUINE" in r.text and "DICABUT" not in r.text, code
            assert "JGB-01 — Kantor Camat JGB-01" in r.text and "<b>ZM</b>" in r.text
        # SLS-01's own letter of that number is the revoked one
        for params in ({"code": t.sls_payload}, {"code": t.number, "desk": "SLS-01"}):
            r = client.get("/verify", params=params)
            assert "DICABUT / REVOKED" in r.text and "salah nomor" in r.text, params
            assert "SLS-01" in r.text
        r = client.post("/verify", data={"code": t.number, "desk": "sls-01"})
        assert "DICABUT / REVOKED" in r.text
    # the hub's command line and the desk that issued it agree
    from counterdesk.cli import main as desk_main
    from counterdesk.hub.cli import main as hub_main

    assert hub_main(["--data-dir", str(t.hub_root), "verify", t.payload]) == 0
    assert hub_main(["--data-dir", str(t.hub_root), "verify", t.sls_payload]) == 1
    capsys.readouterr()
    assert desk_main(["--data-dir", str(t.jgb_root), "verify", t.payload]) == 0
    assert "valid" in capsys.readouterr().out
    assert desk_main(["--data-dir", str(t.jgb_root), "verify", t.sls_payload]) == 1
    with Desk.open(t.jgb_root) as jgb:
        row = jgb.conn.execute("SELECT revoked FROM letters WHERE number = ?", [t.number])
        assert row.fetchone()[0] == 0  # not marked revoked by SLS-01's revocation


def test_a_desk_cannot_put_another_desks_letter_behind_a_number(
    tmp_path: Path, issued: Issued, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SLS-01 records, for a number naming SLS-01, the genuine QR code of JGB-01's letter."""
    from counterdesk.services import documents

    sls_root = make_desk(tmp_path / "sls", enrollment_bytes(issued.hub_root, "SLS-01"))
    with Desk.open(sls_root) as sls, monkeypatch.context() as m:
        m.setattr(documents, "sign_payload", lambda desk, payload: issued.payload)
        fake_number, payload = issue(sls)
        assert payload == issued.payload and "SLS-01" in fake_number
        usb_trip(sls, issued.hub_root, tmp_path / "stick")
    with Hub.open(issued.hub_root) as hub, TestClient(create_app(hub)) as client:
        r = client.get("/verify", params={"code": fake_number})
        assert "ASLI" not in r.text and "TIDAK SAH / NOT VALID" in r.text
        assert "another letter" in r.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"code": "470/0001/JGB-01/SLS-01/2026"}, "kode loket"),
        ({"code": "470/0001", "desk": "JGB"}, "Kode loket tidak sah"),
    ],
)
def test_a_number_needs_its_desk(client: TestClient, params: dict[str, str], message: str) -> None:
    r = client.get("/verify", params=params)
    assert r.status_code == 400 and message in r.text


def test_a_number_with_its_desk_field_is_looked_up_at_that_desk_only(
    client: TestClient, issued: Issued
) -> None:
    r = client.get("/verify", params={"code": issued.number, "desk": "JGB-01"})
    assert "ASLI / GENUINE" in r.text
    r = client.get("/verify", params={"code": issued.number, "desk": "SLS-01"})
    assert r.status_code == 404 and "TIDAK DITEMUKAN" in r.text


def test_lookups_are_rate_limited_per_number_and_per_address(issued: Issued) -> None:
    from counterdesk.hub.throttle import VERIFY_PER_ADDRESS, VERIFY_PER_NUMBER

    with Hub.open(issued.hub_root) as hub:
        app = create_app(hub)

        def from_(n: int) -> TestClient:
            return TestClient(app, client=(f"10.2.{n // 250}.{n % 250 + 1}", 1234))

        # one number, asked from many addresses
        for n in range(VERIFY_PER_NUMBER.limit):
            assert from_(n).get("/verify", params={"code": issued.number}).status_code == 200
        r = from_(9999).get("/verify", params={"code": issued.number})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        assert "Terlalu banyak pemeriksaan" in r.text and "Too many checks" in r.text
        assert_headers(r)
        r = from_(9999).post("/verify", data={"code": issued.number.lower()})
        assert r.status_code == 429  # the same number, written otherwise
        # the QR code itself is not held back by the number's limit
        assert from_(9998).get("/verify", params={"code": issued.payload}).status_code == 200
        # one address, many numbers
        one = from_(5000)
        for n in range(VERIFY_PER_ADDRESS.limit):
            r = one.get("/verify", params={"code": f"470/{n:04d}/JGB-01/XI/2026"})
            assert r.status_code == 404
        r = one.get("/verify", params={"code": "470/9999/JGB-01/XI/2026"})
        assert r.status_code == 429


def test_a_number_naming_no_desk_and_no_letter_is_not_found(client: TestClient) -> None:
    r = client.get("/verify", params={"code": "470/0001"})
    assert r.status_code == 404 and "TIDAK DITEMUKAN" in r.text


def test_two_desks_of_one_post_with_the_same_number_one_revoked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A template whose unit is the post (JGB), not the desk: JGB-01 and JGB-02 both issue
    470/0001/JGB/XI/2026. Revoking JGB-01's leaves JGB-02's genuine, by QR code and by
    number with its desk; the number alone is ambiguous and the page asks for the desk."""
    from counterdesk.domain.numbering import LetterNumberTemplate
    from counterdesk.hub.cli import main as hub_main

    number = "470/0001/JGB/XI/2026"
    monkeypatch.setattr(LetterNumberTemplate, "format", lambda self, **kw: number)
    hub_root = make_hub(tmp_path / "hub")
    payloads = {}
    for code in ("JGB-01", "JGB-02"):
        root = make_desk(tmp_path / code, enrollment_bytes(hub_root, code))
        with Desk.open(root) as desk:
            issued_number, payloads[code] = issue(desk)
            assert issued_number == number
            usb_trip(desk, hub_root, tmp_path / f"stick-{code}")
    root = ["--data-dir", str(hub_root)]
    assert hub_main([*root, "revoke-letter", number, "--reason", "x"]) == 1
    assert "--desk" in capsys.readouterr().err  # which desk's? it must be said
    assert hub_main([*root, "revoke-letter", number, "--reason", "dobel", "--desk", "JGB-01"]) == 0
    with Hub.open(hub_root) as hub, TestClient(create_app(hub)) as client:
        r = client.get("/verify", params={"code": payloads["JGB-02"]})
        assert "ASLI / GENUINE" in r.text
        r = client.get("/verify", params={"code": number, "desk": "JGB-02"})
        assert "ASLI / GENUINE" in r.text and "JGB-02" in r.text
        for params in ({"code": payloads["JGB-01"]}, {"code": number, "desk": "JGB-01"}):
            r = client.get("/verify", params=params)
            assert "DICABUT / REVOKED" in r.text and "dobel" in r.text
        r = client.get("/verify", params={"code": number})
        assert r.status_code == 400 and "kode loket" in r.text
    assert hub_main([*root, "verify", payloads["JGB-02"]]) == 0
    assert hub_main([*root, "verify", payloads["JGB-01"]]) == 1
