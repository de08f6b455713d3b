"""The administration pages: every form publishes the next reference-data version; bad input
is shown in the form (in Indonesian), never a 500."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.hub import refdata
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.sync import payloads
from counterdesk.sync.enrollment import read_enrollment

from ..sync.helpers import enrollment_bytes, letter_for, make_desk, usb_trip
from .test_auth import client as client
from .test_auth import clock as clock
from .test_auth import hub_root as hub_root
from .test_auth import sign_in


@pytest.fixture
def admin(client: TestClient) -> Iterator[tuple[TestClient, str]]:
    yield client, sign_in(client)


def versions(hub_root: Path) -> dict[str, int]:
    with Hub.open(hub_root) as hub:
        return refdata.versions(hub)


def published(html: str) -> str:
    found = re.search(r'id="published"[^>]*>([^<]+)<', html)
    assert found, html
    return found.group(1)


def refused(html: str) -> str:
    found = re.search(r'id="form-error"[^>]*>([^<]+)<', html)
    assert found, html
    return found.group(1)


def test_staff_accounts(admin: tuple[TestClient, str], hub_root: Path) -> None:
    client, token = admin
    before = versions(hub_root).get(payloads.STAFF, 0)
    form = {
        "csrf_token": token,
        "name": "budi",
        "full_name": "Budi Santoso",
        "role": "counter",
        "desk": "",
        "nip": "1980",
        "password": "budi-1234",
        "password2": "budi-1234",
    }
    r = client.post("/admin/staff/add", data=form)
    assert r.status_code == 200
    assert published(r.text) == (
        f"Akun petugas meja: versi {before + 1} diterbitkan; meja menerimanya saat sinkron "
        "berikutnya."
    )
    assert "Budi Santoso" in r.text and "budi-1234" not in r.text
    with Hub.open(hub_root) as hub:
        [row] = refdata.list_staff(hub)
        assert row["name"] == "budi" and row["desk"] == "all" and row["active"]
    for bad, message in [
        ({"password2": "lain"}, "Kedua kata sandi tidak sama."),
        ({"password": "abc", "password2": "abc"}, "Kata sandi terlalu pendek."),
        ({"name": "B"}, "Nama login harus"),
        ({"role": "chief"}, "Peran tidak dikenal."),
        ({"desk": "XYZ-99"}, "Meja itu tidak terdaftar di hub ini."),
        ({"desk": "??"}, "Kode meja tidak sah"),
    ]:
        r = client.post("/admin/staff/add", data={**form, **bad})
        assert r.status_code == 400, bad
        assert refused(r.text).startswith(message), bad
    r = client.post(
        "/admin/staff/deactivate", data={"csrf_token": token, "name": "budi", "desk": "all"}
    )
    assert published(r.text).startswith(f"Akun petugas meja: versi {before + 2} diterbitkan")
    assert "nonaktif" in r.text
    r = client.post("/admin/staff/deactivate", data={"csrf_token": token, "name": "nobody"})
    assert r.status_code == 400 and refused(r.text) == "Akun itu tidak ada."
    assert versions(hub_root)[payloads.STAFF] == before + 2


def test_catalogue_service_edit(admin: tuple[TestClient, str], hub_root: Path) -> None:
    client, _token = admin
    page = client.get("/admin/catalogue")
    assert 'href="/admin/catalogue/SKTM"' in page.text and "versi 1" in page.text
    page = client.get("/admin/catalogue/SKTM")
    assert 'name="fee" value="0"' in page.text and "Terbitkan sebagai versi 2" in page.text
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', page.text))
    fields = {
        k: v.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
        for k, v in fields.items()
    }
    fields["req_required_0"] = fields["req_required_1"] = "1"
    fields.update(
        fee="15.000",
        days="3",
        req_key_4="surat_rt",
        req_id_4="Surat pengantar RT",
        req_required_4="1",
        letter_title_id="SURAT KETERANGAN TIDAK MAMPU (BARU)",
    )
    fields["req_key_3"] = fields["req_id_3"] = ""  # drop the optional bukti_bansos
    r = client.post("/admin/catalogue/SKTM", data=fields)
    assert r.status_code == 200, r.text
    assert published(r.text).startswith("Katalog layanan: versi 2 diterbitkan")
    with Hub.open(hub_root) as hub:
        item = hub.refdata(payloads.CATALOGUE)
        assert item is not None and item.version == 2
        sktm = parse_catalogue(item.data).get("SKTM")
    assert (sktm.fee, sktm.days) == (15000, 3)
    assert [r.key for r in sktm.requirements] == ["ktp", "kk", "pengantar_desa", "surat_rt"]
    assert sktm.requirements[3].text.en == "Surat pengantar RT"  # English defaults to Indonesian
    assert sktm.letter is not None and sktm.letter.title.id.endswith("(BARU)")
    for bad, message in [
        ({"fee": "-5"}, "Biaya harus bilangan bulat"),
        ({"fee": "lima ribu"}, "Biaya harus bilangan bulat"),
        ({"days": ""}, "Waktu pelayanan harus"),
        ({"req_key_0": "KTP El"}, "Katalog tidak sah."),
        ({"req_key_1": "ktp"}, "Katalog tidak sah."),
        ({"letter_title_id": ""}, "Katalog tidak sah."),
    ]:
        r = client.post("/admin/catalogue/SKTM", data={**fields, **bad})
        assert r.status_code == 400, bad
        assert refused(r.text).startswith(message), bad
        for key in ("fee", "days"):  # what was typed is still in the form
            assert f'name="{key}" value="{bad.get(key, fields[key])}"' in r.text
        assert 'value="surat_rt"' in r.text
    assert client.get("/admin/catalogue/NOPE").status_code == 404
    assert versions(hub_root)[payloads.CATALOGUE] == 2


def test_letterhead(admin: tuple[TestClient, str], hub_root: Path) -> None:
    client, token = admin
    form = {
        "csrf_token": token,
        "letterhead_office": "KANTOR CAMAT JAGOI BABANG",
        "signer_name": "Drs. Yohanes",
    }
    r = client.post("/admin/letterhead", data=form)
    assert published(r.text).startswith("Kop surat: versi 1 diterbitkan")
    assert 'value="KANTOR CAMAT JAGOI BABANG"' in r.text
    r = client.post("/admin/letterhead", data=form)
    assert published(r.text) == "Kop surat: tidak ada perubahan (tetap versi 1)."
    r = client.post("/admin/letterhead", data={**form, "letter_number_template": "{nope}"})
    assert r.status_code == 400 and refused(r.text).startswith("Templat nomor surat tidak sah")
    r = client.post("/admin/letterhead", data={**form, "signer_title": "a\u0001b"})
    assert r.status_code == 400
    assert versions(hub_root)[payloads.LETTERHEAD] == 1


def test_holidays(admin: tuple[TestClient, str], hub_root: Path) -> None:
    client, token = admin
    r = client.post(
        "/admin/holidays/add",
        data={"csrf_token": token, "date": "2026-10-07", "name": "Hari Jadi Kabupaten"},
    )
    assert published(r.text).startswith("Hari libur: versi 1 diterbitkan")
    assert "Hari Jadi Kabupaten" in client.get("/admin/holidays?year=2026").text
    r = client.post(
        "/admin/holidays/add", data={"csrf_token": token, "date": "25-12-2026", "name": "Natal"}
    )
    assert r.status_code == 400 and refused(r.text) == "Tanggal harus seperti 2026-12-25."
    r = client.post("/admin/holidays/remove", data={"csrf_token": token, "date": "2026-10-08"})
    assert r.status_code == 400
    assert refused(r.text) == "Tanggal itu bukan hari libur kabupaten."
    r = client.post("/admin/holidays/remove", data={"csrf_token": token, "date": "2026-10-07"})
    assert published(r.text).startswith("Hari libur: versi 2 diterbitkan")
    page = client.get("/admin/holidays?year=2026").text
    assert "Hari Jadi Kabupaten" not in page
    assert "Hari Kemerdekaan Republik Indonesia" in page  # national, computed offline
    # a cuti bersama cancelled by decree becomes a working day at every desk
    r = client.post("/admin/holidays/remove", data={"csrf_token": token, "date": "2026-12-24"})
    assert published(r.text).startswith("Hari libur: versi 3 diterbitkan")
    page = client.get("/admin/holidays?year=2026").text
    row = re.search(r"<tr><td>2026-12-24</td>.*?</tr>", page, re.S)
    assert row and "hari kerja (dibatalkan)" in row.group(0)


def test_estimated_holidays_are_confirmed_at_the_hub(
    admin: tuple[TestClient, str], hub_root: Path
) -> None:
    client, token = admin
    page = client.get("/admin/holidays?year=2027").text
    row = re.search(r"<tr><td>2027-03-10</td>.*?</tr>", page, re.S)
    assert row and "perkiraan" in row.group(0) and "Konfirmasi" in row.group(0)
    r = client.post("/admin/holidays/confirm", data={"csrf_token": token, "date": "2027-03-10"})
    assert published(r.text).startswith("Hari libur: versi 1 diterbitkan")
    page = client.get("/admin/holidays?year=2027").text
    row = re.search(r"<tr><td>2027-03-10</td>.*?</tr>", page, re.S)
    assert row and "perkiraan" not in row.group(0) and "daftar kabupaten" in row.group(0)
    r = client.post("/admin/holidays/confirm", data={"csrf_token": token, "date": "2027-03-03"})
    assert r.status_code == 400 and "bukan libur nasional" in refused(r.text)


def test_desks_enroll_revoke_and_letters(
    admin: tuple[TestClient, str],
    hub_root: Path,
    tmp_path: Path,
) -> None:
    client, token = admin
    r = client.post(
        "/admin/desks/enroll",
        data={"csrf_token": token, "code": "sls-01", "post": "Kantor Camat Seluas", "name": ""},
    )
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="SLS-01.cdenroll"'
    enrollment = read_enrollment(r.content)
    assert (enrollment.desk, enrollment.post) == ("SLS-01", "Kantor Camat Seluas")
    assert "menunggu kontak pertama" in client.get("/admin/desks").text
    for bad, message in [
        ({"code": "SLS-01"}, "Berkas pendaftaran untuk kode itu sudah dibuat"),
        ({"code": "x"}, "Kode meja tidak sah"),
        ({"code": "SLS-02", "post": " "}, "Nama kantor/pos pelayanan wajib diisi."),
    ]:
        data = {"csrf_token": token, "post": "Kantor", **bad}
        r = client.post("/admin/desks/enroll", data=data)
        assert r.status_code == 400 and refused(r.text).startswith(message), bad
    r = client.post(
        "/admin/desks/enroll",
        data={"csrf_token": token, "code": "SLS-01", "post": "Kantor Camat Seluas", "reissue": "1"},
    )
    assert r.status_code == 200 and read_enrollment(r.content).enrollment_id != (
        enrollment.enrollment_id
    )

    # a desk that made contact; one of its letters is revoked, then the desk itself
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as desk:
        number, _ = letter_for(desk)
        usb_trip(desk, hub_root, tmp_path / "stick")
    r = client.post(
        "/admin/letters/revoke",
        data={"csrf_token": token, "number": number, "reason": "salah nama"},
    )
    assert published(r.text) == (
        f"Surat {number} (diterbitkan oleh JGB-01) dicabut. Daftar surat dicabut: versi 1 "
        "diterbitkan; meja menerimanya saat sinkron berikutnya."
    )
    r = client.post(
        "/admin/letters/revoke", data={"csrf_token": token, "number": number, "reason": "lagi"}
    )
    assert r.status_code == 400 and refused(r.text) == "Surat itu sudah dicabut."
    r = client.post(
        "/admin/letters/revoke", data={"csrf_token": token, "number": "", "reason": "x"}
    )
    assert r.status_code == 400
    keys_before = versions(hub_root)[payloads.DESK_KEYS]
    r = client.post(
        "/admin/desks/revoke",
        data={"csrf_token": token, "code": "JGB-01", "reason": "laptop hilang"},
    )
    assert published(r.text).startswith(
        f"Meja JGB-01 dicabut. Kunci meja: versi {keys_before + 1} diterbitkan"
    )
    r = client.post("/admin/desks/revoke", data={"csrf_token": token, "code": "JGB-01"})
    assert r.status_code == 400 and refused(r.text) == "Meja itu sudah dicabut."
    r = client.post("/admin/desks/revoke", data={"csrf_token": token, "code": "ZZZ-01"})
    assert r.status_code == 400 and refused(r.text) == "Meja itu tidak terdaftar di hub ini."
