"""Letters of the right office: no letter without the post's signer, a number only when the
letter is issued (never for a preview, never for a letter that failed to render), the
identity block each letter type needs, the PLB recommendation as a one-page letter, and the
place/date line that never wraps under the signature."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.printing import LetterDoc, Letterhead, render_letter
from counterdesk.services.desk import Desk
from counterdesk.services.desk_settings import update_settings
from counterdesk.services.documents import document_pdf, issue_letter
from counterdesk.services.offices import DISTRICT_OFFICE
from counterdesk.services.refdata import apply_refdata
from counterdesk.services.register import Registration, register
from counterdesk.services.staff import StaffSession
from counterdesk.sync import payloads

from .conftest import NIK_MAN, NIK_WOMAN, require_tool
from .test_register import valid_fields


def pdf_text(pdf: bytes, tmp_path: Path, *args: str) -> str:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [pdftotext, *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages(pdf: bytes, tmp_path: Path) -> int:
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([pdfinfo, str(path)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert found, out
    return int(found.group(1))


def squash(text: str) -> str:
    return " ".join(text.split())


def request_for(
    desk: Desk, session: StaffSession, code: str, *, nik: str = NIK_WOMAN, **fields: str
) -> str:
    service = desk.catalogue.get(code)
    values = valid_fields(service) | {"birth_place": "Bengkayang"} | fields
    # the clerk confirms residence from the KTP-el/KK where the service asks for it (PLB)
    address = "Dusun Sebunga, Kecamatan Sajingan" if service.eligibility.residence else ""
    return register(
        desk,
        session,
        Registration(code, "Siti Nurhaliza", nik=nik, fields=values, residence_address=address),
    ).receipt


def numbers_taken(desk: Desk) -> tuple[int, int, int]:
    """(letters, counter values summed, events): all must stay when nothing is issued."""
    letters = desk.conn.execute("SELECT count(*) FROM letters").fetchone()[0]
    counters = desk.conn.execute(
        "SELECT coalesce(sum(value), 0) FROM counters WHERE name LIKE 'letter:%'"
        " OR name LIKE 'referral:%'"
    ).fetchone()[0]
    events = desk.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return int(letters), int(counters), int(events)


# --------------------------------------------------------------------------- the signer


def test_without_a_signer_no_letter_is_issued_and_no_number_used(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    update_settings(desk, session, signer_name="", signer_title="")
    receipt = request_for(desk, session, "SKD")
    before = numbers_taken(desk)
    for make in (
        lambda: issue_letter(desk, session, receipt),
        lambda: document_pdf(desk, session, "letter", receipt),
        lambda: document_pdf(desk, session, "letter", receipt, draft=True),
    ):
        with pytest.raises(ValidationError) as exc:
            make()
        assert exc.value.code == "no_signer"
        message = exc.value.message
        assert "district administrator" in message and "hub" in message
        assert "post's administrator" in message and "signer_name" in message
    assert numbers_taken(desk) == before
    # the clerk is never printed as the signer: the post's administrator sets one
    update_settings(desk, session, signer_name="Drs. Yohanes", signer_title="Camat Jagoi Babang")
    letter = issue_letter(desk, session, receipt)
    assert letter.number.split("/")[1] == "0001" and letter.signer == "Drs. Yohanes"
    text = squash(pdf_text(document_pdf(desk, session, "letter", receipt)[0], tmp_path))
    assert "Drs. Yohanes" in text and "Camat Jagoi Babang," in text
    assert session.full_name not in text


def test_a_reprint_keeps_the_signature_it_was_issued_with(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    update_settings(desk, session, signer_name="Drs. Yohanes", signer_nip="197001011990031012")
    receipt = request_for(desk, session, "SKD")
    first = pdf_text(document_pdf(desk, session, "letter", receipt)[0], tmp_path)
    update_settings(desk, session, signer_name="Drs. Baru", signer_nip="198002022000031001")
    again = pdf_text(document_pdf(desk, session, "letter", receipt)[0], tmp_path)
    assert "Drs. Yohanes" in again and "197001011990031012" in again and "Drs. Baru" not in again
    assert squash(first) == squash(again)


# --------------------------------------------------------------------------- preview


def test_a_preview_takes_no_number(desk: Desk, session: StaffSession, tmp_path: Path) -> None:
    receipt = request_for(desk, session, "SKD")
    before = numbers_taken(desk)
    for _ in range(3):
        pdf, info = document_pdf(desk, session, "letter", receipt, draft=True)
        assert info == {"number": "", "draft": True}
    assert numbers_taken(desk) == before
    assert "(diberikan saat surat diterbitkan)" in squash(pdf_text(pdf, tmp_path))
    _, info = document_pdf(desk, session, "letter", receipt)
    assert info["number"].split("/")[1] == "0001" and not info["draft"]
    # once issued, the preview shows the letter with its number
    _, again = document_pdf(desk, session, "letter", receipt, draft=True)
    assert again["number"] == info["number"]


# --------------------------------------------------------------------------- templates


def _hand_made(desk: Desk, **office: object) -> None:
    """Reference data written straight into the desk (as if it had escaped every check)."""
    row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
    stored = json.loads(row[0] or "{}")
    stored[DISTRICT_OFFICE] = {"post": desk.info.post, "settings": {}, "verify_url": ""} | office
    desk.conn.execute("UPDATE desk SET settings = ? WHERE id = 1", [json.dumps(stored)])
    desk.invalidate()


@pytest.mark.parametrize(
    "template",
    ["{n}/{desk}/{year", "{n:>30000000}/{desk}/{year}", "{n.real}/{desk}/{year}", "{n}/{year}"],
)
def test_a_bad_number_template_at_the_desk_fails_cleanly_without_a_number(
    desk: Desk, session: StaffSession, template: str
) -> None:
    receipt = request_for(desk, session, "SKD")
    _hand_made(desk, settings={"letter_number_template": template})
    before = numbers_taken(desk)
    with pytest.raises(ValidationError) as exc:
        issue_letter(desk, session, receipt)
    assert exc.value.code == "letter_template" and "not valid" in exc.value.message
    assert numbers_taken(desk) == before


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("Menerangkan bahwa {name, lahir {birth_date}.", "not"),
        ("Menerangkan bahwa {name:>30000000}.", "zero padding"),
        ("Menerangkan bahwa {name.__class__}.", "plain name"),
        ("Menerangkan bahwa {name!r}.", "conversions"),
        ("Menerangkan bahwa {nama_lengkap}.", "not a known placeholder"),
    ],
)
def test_a_bad_body_template_is_refused_at_publish_and_fails_cleanly_at_a_desk(
    desk: Desk, session: StaffSession, body: str, reason: str
) -> None:
    receipt = request_for(desk, session, "SKD")
    row = desk.conn.execute("SELECT raw FROM catalogue WHERE id = 1").fetchone()
    raw = json.loads(row[0])
    skd = next(s for s in raw["services"] if s["code"] == "SKD")
    skd["letter"]["body"]["id"] = body
    raw["version"] += 1
    with pytest.raises(ValidationError, match=reason):  # what the hub and the desk's import do
        apply_refdata(desk, [payloads.RefItem(payloads.CATALOGUE, raw["version"], raw)])
    # hand-made: straight into the desk's table
    desk.conn.execute("UPDATE catalogue SET raw = ? WHERE id = 1", [json.dumps(raw)])
    desk.invalidate()
    before = numbers_taken(desk)
    with pytest.raises(ValidationError, match=reason):
        issue_letter(desk, session, receipt)
    assert numbers_taken(desk) == before
    # the rest of the desk still works: other services' letters, registering
    other = request_for(desk, session, "SKTM")
    assert issue_letter(desk, session, other).number.split("/")[1] == "0001"


def test_a_letter_that_cannot_be_rendered_uses_no_number(desk: Desk, session: StaffSession) -> None:
    receipt = request_for(desk, session, "SKD")
    _hand_made(desk, emblem={"media": "image/png", "data": "iVBORw0KGgoAAAA="})
    before = numbers_taken(desk)
    with pytest.raises(ValidationError) as exc:
        issue_letter(desk, session, receipt)
    assert exc.value.code == "letter_render" and "not issued" in exc.value.message
    assert numbers_taken(desk) == before


def test_bad_offices_reference_data_is_refused_by_the_desk(desk: Desk) -> None:
    for data, reason in [
        (
            {"verify_url": "", "emblem": None, "posts": {"X": {"letter_number_template": "{"}}},
            "not",
        ),
        ({"verify_url": "counterdesk verify", "emblem": None, "posts": {}}, "web address"),
        (
            {"verify_url": "", "emblem": {"media": "image/png", "data": "AAAA"}, "posts": {}},
            "emblem",
        ),
    ]:
        with pytest.raises(payloads.PayloadError, match=reason):
            apply_refdata(desk, [payloads.RefItem(payloads.OFFICES, 1, data)])


# --------------------------------------------------------------------------- contents


def _identity_rows(text: str) -> dict[str, str]:
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^\s*([A-Z][A-Za-z/. ]+?)\s+:\s+(.+?)\s*$", line)
        if m:
            rows[m.group(1)] = m.group(2)
    return rows


def test_each_letter_type_carries_its_identity_block(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    skd = request_for(desk, session, "SKD", address="Dusun Sebunga RT 002, Desa Sebunga")
    rows = _identity_rows(
        pdf_text(document_pdf(desk, session, "letter", skd)[0], tmp_path, "-layout")
    )
    assert rows == {
        "Nama": "Siti Nurhaliza",
        "NIK": NIK_WOMAN,
        "Tempat/Tgl. Lahir": "Bengkayang, 12 Maret 1995",
        "Jenis Kelamin": "Perempuan",
        "Kewarganegaraan": "Indonesia (WNI)",
        "Alamat": "Dusun Sebunga RT 002, Desa Sebunga",
    }
    sktm = request_for(desk, session, "SKTM", nik=NIK_MAN, occupation="Petani")
    rows = _identity_rows(
        pdf_text(document_pdf(desk, session, "letter", sktm)[0], tmp_path, "-layout")
    )
    assert rows["NIK"] == NIK_MAN and rows["Jenis Kelamin"] == "Laki-laki"
    assert rows["Pekerjaan"] == "Petani" and rows["Tempat/Tgl. Lahir"].endswith("17 Agustus 1980")
    sku = request_for(desk, session, "SKU")
    rows = _identity_rows(
        pdf_text(document_pdf(desk, session, "letter", sku)[0], tmp_path, "-layout")
    )
    assert list(rows) == ["Nama", "NIK", "Tempat/Tgl. Lahir", "Jenis Kelamin"]


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_plb_recommendation_is_a_one_page_letter_with_the_full_nik(
    desk: Desk, session: StaffSession, tmp_path: Path, paper: str
) -> None:
    update_settings(
        desk,
        session,
        letter_paper=paper,
        signer_rank="Pembina Tingkat I (IV/b)",
        signer_nip="197001011990031012",
        signer_on_behalf="a.n. Bupati Bengkayang",
    )
    receipt = request_for(desk, session, "PLB", village="Sekida, Dusun Sebunga Hulu RT 003/RW 001")
    pdf, info = document_pdf(desk, session, "referral", receipt)
    assert pages(pdf, tmp_path) == 1
    assert not info["number"].startswith("RJK-")  # a letter, numbered with the letters
    text = squash(pdf_text(pdf, tmp_path))
    for expected in (
        "SURAT REKOMENDASI",
        f"Nomor: {info['number']}",
        "Kepala Kantor Imigrasi Singkawang",
        NIK_WOMAN,  # in full: it goes to an agency
        "Bengkayang, 12 Maret 1995",
        "benar penduduk dan bertempat tinggal di Desa Sekida",
        "Pas Lintas Batas (PLB)",
        "a.n. Bupati Bengkayang",
        "Pembina Tingkat I (IV/b)",
        "NIP. 197001011990031012",
    ):
        assert expected in text, expected


def _line_of(bbox_html: str, first_word: str) -> list[tuple[float, str]]:
    """(yMin, word) of every word on the line where ``first_word`` starts."""
    words = [
        (float(m.group(1)), html_unescape(m.group(2)))
        for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox_html)
    ]
    index = next(i for i, (_, w) in enumerate(words) if w == first_word)
    return words[index:]


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


@pytest.mark.parametrize(
    "place",
    [
        "Kantor Camat Jagoi Babang di Perbatasan Sarawak",
        "Kantor Pelayanan Administrasi Terpadu Kecamatan Jagoi Babang di Perbatasan Negara",
    ],
)
def test_a_long_place_and_date_line_never_wraps_under_the_signature(
    tmp_path: Path, place: str
) -> None:
    date = "30 September 2026"
    pdf = render_letter(
        LetterDoc(
            letterhead=Letterhead("PEMERINTAH KABUPATEN BENGKAYANG", "KECAMATAN", "Jalan"),
            number="400.12.2.1/1/Kec.JB/2026.01",
            title="SURAT KETERANGAN DOMISILI",
            body_paragraphs=["Yang bertanda tangan di bawah ini menerangkan sesuatu."],
            place=place,
            date_text=date,
            signer_name="Drs. Yohanes",
            signer_title="Camat Jagoi Babang",
            signer_nip="",
            qr_payload="x",
            verify_hint="",
            training=False,
        )
    )
    bbox = pdf_text(pdf, tmp_path, "-bbox")
    words = _line_of(bbox, place.split()[0])
    line = f"{place}, {date}".split()
    found = words[: len(line)]
    assert [w for _, w in found] == line
    assert max(y for y, _ in found) - min(y for y, _ in found) < 1.0  # one line
    title_y = next(y for y, w in words[len(line) :] if w == "Camat")
    assert title_y > found[0][0]  # the title comes under the place/date line


def test_every_letter_has_a_dotted_classification_code(desk: Desk) -> None:
    pattern = re.compile(r"\d{3}(\.\d{1,3}){1,5}")
    for service in desk.catalogue.services:
        if service.letter is not None:
            assert pattern.fullmatch(service.letter.classification), service.code
        if service.referral is not None:
            assert pattern.fullmatch(service.referral.classification), service.code
    assert desk.catalogue.get("SKD").letter.classification.startswith("400.12")  # type: ignore[union-attr]
    assert desk.catalogue.get("PLB").referral.classification.startswith("400.12")  # type: ignore[union-attr]


def test_the_footer_never_names_a_command(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    receipt = request_for(desk, session, "SKD")
    text = squash(pdf_text(document_pdf(desk, session, "letter", receipt)[0], tmp_path))
    assert "counterdesk verify" not in text and "Pindai kode QR" in text
    _hand_made(desk, verify_url="https://hub.bengkayangkab.go.id/verify")
    text = squash(pdf_text(document_pdf(desk, session, "letter", receipt)[0], tmp_path))
    assert "https://hub.bengkayangkab.go.id/verify" in text
