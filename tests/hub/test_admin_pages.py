"""The administration pages: every form publishes the next reference-data version; bad input
is shown in the form (in Indonesian), never a 500."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.errors import ValidationError
from counterdesk.hub import refdata
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.sync import payloads
from counterdesk.sync.enrollment import read_enrollment

from ..emblem_image import EMBLEM_PNG
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
    form = {"csrf_token": token, "letterhead_government": "PEMERINTAH KABUPATEN BENGKAYANG"}
    r = client.post("/admin/letterhead", data=form)
    assert published(r.text).startswith("Kop surat: versi 1 diterbitkan")
    assert 'value="PEMERINTAH KABUPATEN BENGKAYANG"' in r.text
    r = client.post("/admin/letterhead", data=form)
    assert published(r.text) == "Kop surat: tidak ada perubahan (tetap versi 1)."
    r = client.post("/admin/letterhead", data={**form, "letter_number_template": "{nope}"})
    assert r.status_code == 400 and refused(r.text).startswith("Templat surat tidak sah")
    r = client.post("/admin/letterhead", data={**form, "letterhead_government": "a\u0001b"})
    assert r.status_code == 400
    assert versions(hub_root)[payloads.LETTERHEAD] == 1


def test_kop_place_and_signer_are_per_post_never_district_wide(
    admin: tuple[TestClient, str], hub_root: Path
) -> None:
    client, token = admin
    with Hub.open(hub_root) as hub, pytest.raises(ValidationError, match="post to post"):
        refdata.set_letterhead(hub, {"signer_name": "Drs. Yohanes"})
    r = client.post(
        "/admin/letterhead",
        data={"csrf_token": token, "letterhead_office": "KECAMATAN JAGOI BABANG"},
    )
    assert r.status_code == 400 and refused(r.text).startswith("Kop, tempat dan penandatangan")
    seluas = {
        "csrf_token": token,
        "post": "Kecamatan Seluas",
        "letterhead_office": "KECAMATAN SELUAS",
        "letter_place": "Seluas",
        "signer_name": "Drs. Antonius",
        "signer_title": "Camat Seluas",
        "signer_rank": "Pembina (IV/a)",
        "signer_nip": "197001011990031012",
        "letter_number_template": "400.12.2.1/{n}/Kec.SLS/{year}.{desk_no}",
    }
    r = client.post("/admin/letterhead/post", data=seluas)
    assert r.status_code == 200, r.text
    assert published(r.text).startswith("Kop surat per pos: versi 1 diterbitkan")
    assert "<legend>Kecamatan Seluas" in r.text and 'value="Drs. Antonius"' in r.text
    with Hub.open(hub_root) as hub:
        offices = refdata.offices(hub)
    assert offices.posts["Kecamatan Seluas"]["signer_title"] == "Camat Seluas"
    assert "signer_on_behalf" not in offices.posts["Kecamatan Seluas"]  # empty: not set


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("400.12/{n/Kec.SLS/{year}.{desk_no}", "not closed"),
        ("400.12/{n}/Kec.SLS/{year}.{desk_no}{", "stands alone"),
        ("400.12/{n}}/Kec.SLS/{year}.{desk_no}", "stands alone"),
        ("{name:>30000000}/{n}/{year}/{desk_no}", "not a known placeholder"),
        ("{n:>30000000}/{year}/{desk_no}", "zero padding"),
        ("{n.real}/{year}/{desk_no}", "not a plain name"),
        ("{n.__class__}/{year}/{desk_no}", "not a plain name"),
        ("{n[0]}/{year}/{desk_no}", "not a plain name"),
        ("{n!r}/{year}/{desk_no}", "conversions"),
        ("400.12.2.1/{n}/Kec.SLS/{year}", "must contain the desk"),
        ("400.12.2.1/{desk_no}/Kec.SLS/{year}", "running number"),
    ],
)
def test_a_bad_number_template_is_refused_at_publish_with_the_reason(
    admin: tuple[TestClient, str], hub_root: Path, template: str, reason: str
) -> None:
    client, token = admin
    form = {"csrf_token": token, "post": "Seluas", "signer_name": "A", "signer_title": "Camat"}
    r = client.post("/admin/letterhead/post", data={**form, "letter_number_template": template})
    assert r.status_code == 400
    assert refused(r.text).startswith("Templat surat tidak sah")
    assert reason in r.text
    assert payloads.OFFICES not in versions(hub_root)


def test_verify_address_and_emblem_at_the_hub(
    admin: tuple[TestClient, str], hub_root: Path
) -> None:
    client, token = admin
    for bad in ("counterdesk verify", "ftp://hub/verify", "https://hub.example.go.id/login"):
        r = client.post(
            "/admin/letterhead/verify-url", data={"csrf_token": token, "verify_url": bad}
        )
        assert r.status_code == 400 and refused(r.text).startswith("Alamat pemeriksaan"), bad
    r = client.post(
        "/admin/letterhead/verify-url",
        data={"csrf_token": token, "verify_url": "https://hub.bengkayangkab.go.id/verify"},
    )
    assert published(r.text).startswith("Kop surat per pos: versi 1 diterbitkan")
    assert 'value="https://hub.bengkayangkab.go.id/verify"' in r.text
    assert "Belum ada lambang" in r.text
    with Hub.open(hub_root) as hub:
        for bad, why in [
            (b"GIF89a....", "not a PNG or JPEG"),
            (EMBLEM_PNG[:-20], "cut short|incomplete"),
            (EMBLEM_PNG[:40] + b"X" + EMBLEM_PNG[41:], "damaged"),
            (b"\x89PNG\r\n\x1a\n" + b"0" * (300 * 1024), "at most 256 KB"),
        ]:
            with pytest.raises(ValidationError, match=why):
                refdata.set_emblem(hub, bad)
        refdata.set_emblem(hub, EMBLEM_PNG)
        assert refdata.offices(hub).emblem == EMBLEM_PNG
    r = client.get("/admin/letterhead")
    assert "Lambang terpasang: image/png" in r.text
    r = client.post("/admin/letterhead/emblem/remove", data={"csrf_token": token})
    assert "Belum ada lambang" in r.text
    assert versions(hub_root)[payloads.OFFICES] == 3


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


def _service_form(client: TestClient, code: str) -> dict[str, str]:
    page = client.get(f"/admin/catalogue/{code}")
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', page.text))
    return {
        k: v.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
        for k, v in fields.items()
    }


def test_classification_codes_are_edited_at_the_hub(
    admin: tuple[TestClient, str], hub_root: Path
) -> None:
    client, _token = admin
    fields = _service_form(client, "SKD")
    assert fields["classification"] == "400.12.2.1"  # Permendagri 83/2022, dotted
    r = client.post("/admin/catalogue/SKD", data={**fields, "classification": "400.12.2.3"})
    assert published(r.text).startswith("Katalog layanan: versi 2 diterbitkan"), r.text
    fields = _service_form(client, "PLB")  # a referral's letter has its code too
    assert fields["classification"] == "400.12"
    r = client.post("/admin/catalogue/PLB", data={**fields, "classification": "400.12.4"})
    assert published(r.text).startswith("Katalog layanan: versi 3 diterbitkan"), r.text
    for bad in ("47O", "400..12", "4001", "400.12.2.1.1.1.1"):
        r = client.post("/admin/catalogue/PLB", data={**fields, "classification": bad})
        assert r.status_code == 400 and "classification" in r.text, bad
    fields = _service_form(client, "SKD")
    body = fields["letter_body_id"]
    for bad in ("{name:>30000000}", "{name.__class__}", "{", "{nama}"):
        r = client.post("/admin/catalogue/SKD", data={**fields, "letter_body_id": body + bad})
        assert r.status_code == 400 and refused(r.text).startswith("Katalog tidak sah"), bad
        assert "not valid" in r.text, bad
    with Hub.open(hub_root) as hub:
        item = hub.refdata(payloads.CATALOGUE)
        assert item is not None and item.version == 3
        catalogue = parse_catalogue(item.data)
    assert catalogue.get("SKD").letter.classification == "400.12.2.3"  # type: ignore[union-attr]
    assert catalogue.get("PLB").referral.classification == "400.12.4"  # type: ignore[union-attr]


def test_a_body_typed_in_a_browser_keeps_its_paragraphs(
    admin: tuple[TestClient, str], hub_root: Path
) -> None:
    client, _token = admin
    fields = _service_form(client, "SKD")
    body = fields["letter_body_id"].replace("\n", "\r\n")  # what a browser sends
    assert "\r\n\r\n{identity}\r\n\r\n" in body
    r = client.post("/admin/catalogue/SKD", data={**fields, "letter_body_id": body})
    assert published(r.text).startswith("Katalog layanan: versi 2 diterbitkan"), r.text
    with Hub.open(hub_root) as hub:
        item = hub.refdata(payloads.CATALOGUE)
        assert item is not None
        skd = parse_catalogue(item.data).get("SKD")
    assert skd.letter is not None and "\r" not in skd.letter.body.id
    assert "\n\n{identity}\n\n" in skd.letter.body.id
