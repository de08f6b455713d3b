"""A two-post district: each desk prints its own post's kop, place and signer, with the
hub's emblem and public /verify address -- never the other post's."""

from __future__ import annotations

import subprocess
from pathlib import Path

from counterdesk.domain.errors import ValidationError
from counterdesk.hub import refdata
from counterdesk.hub.enroll import enroll_desk
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf
from counterdesk.services.offices import office_in_force
from counterdesk.services.staff import authenticate

from ..conftest import require_tool
from ..emblem_image import EMBLEM_PNG
from .helpers import ADMIN, PASSWORD, make_desk, make_hub, register, usb_trip

POSTS = {
    "JGB-01": {
        "post": "Kecamatan Jagoi Babang",
        "letterhead_office": "KECAMATAN JAGOI BABANG",
        "letterhead_address": "Jl. Raya Jagoi Babang, Kode Pos 79286",
        "letter_place": "Jagoi Babang",
        "signer_name": "Drs. Yohanes Jagoi",
        "signer_title": "Camat Jagoi Babang",
        "signer_rank": "Pembina (IV/a)",
        "signer_nip": "197001011990031012",
        "letter_number_template": "400.12.2.1/{n}/Kec.JB/{year}.{desk_no}",
    },
    "SLS-01": {
        "post": "Kecamatan Seluas",
        "letterhead_office": "KECAMATAN SELUAS",
        "letterhead_address": "Jl. Kartika Seluas, Kode Pos 79285",
        "letter_place": "Seluas",
        "signer_name": "Antonius Seluas, S.Sos.",
        "signer_title": "Sekretaris Kecamatan",
        "signer_on_behalf": "a.n. Camat Seluas",
        "signer_nip": "198002022005011003",
        "letter_number_template": "400.12.2.1/{n}/Kec.SLS/{year}.{desk_no}",
    },
}
VERIFY = "https://hub.bengkayangkab.go.id/verify"


def text_of(pdf: bytes, path: Path) -> str:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    path.write_bytes(pdf)
    out = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(out.split())


def test_two_posts_each_print_their_own_letters(tmp_path: Path) -> None:
    pdfimages = require_tool("pdfimages", "poppler-utils")
    hub_root = make_hub(tmp_path / "hub")
    desks: dict[str, Desk] = {}
    with Hub.open(hub_root) as hub:
        files = {code: enroll_desk(hub, code, post=p["post"]).data for code, p in POSTS.items()}
    for code, data in files.items():
        desks[code] = Desk.open(make_desk(tmp_path / code, data, signer=False))
    try:
        # before the hub set anything, no desk may issue a letter (no signer for its post)
        for code, desk in desks.items():
            [receipt] = register(desk, 1)
            session = authenticate(desk, ADMIN, PASSWORD)
            try:
                document_pdf(desk, session, "letter", receipt)
            except ValidationError as exc:
                assert exc.code == "no_signer" and POSTS[code]["post"] in exc.message
            else:  # pragma: no cover - the failure this test guards against
                raise AssertionError(f"{code} issued a letter without a signer")
            assert desk.conn.execute("SELECT count(*) FROM letters").fetchone()[0] == 0
        with Hub.open(hub_root) as hub:
            for p in POSTS.values():
                refdata.set_office(hub, p["post"], {k: v for k, v in p.items() if k != "post"})
            refdata.set_verify_url(hub, VERIFY)
            refdata.set_emblem(hub, EMBLEM_PNG)
        texts: dict[str, str] = {}
        for code, desk in desks.items():
            lines = usb_trip(desk, hub_root, tmp_path / f"stick-{code}")
            assert any("installed offices" in line for line in lines), lines
            office = office_in_force(desk)
            assert office.values["signer_name"].source == "hub" and office.emblem == EMBLEM_PNG
            [receipt] = register(desk, 1)
            session = authenticate(desk, ADMIN, PASSWORD)
            pdf, info = document_pdf(desk, session, "letter", receipt)
            texts[code] = text_of(pdf, tmp_path / f"{code}.pdf")
            assert info["number"].endswith(".01")  # the desk's part, where the post put it
            images = subprocess.run(
                [pdfimages, "-list", str(tmp_path / f"{code}.pdf")],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            assert len(images.strip().splitlines()) > 2, images  # the emblem is in the kop
        for code, text in texts.items():
            own = POSTS[code]
            other = POSTS["SLS-01" if code == "JGB-01" else "JGB-01"]
            for key in ("letterhead_office", "letterhead_address", "signer_name", "signer_title"):
                assert own[key] in text, (code, key)
                assert other[key] not in text, (code, key)
            assert f"{own['letter_place']}, " in text
            assert f"{other['letter_place']}, " not in text
            assert f"NIP. {own['signer_nip']}" in text
            assert VERIFY in text and "counterdesk verify" not in text
        assert "a.n. Camat Seluas" in texts["SLS-01"] and "a.n." not in texts["JGB-01"]
        assert "Pembina (IV/a)" in texts["JGB-01"]
        assert "400.12.2.1/1/Kec.JB/" in texts["JGB-01"]
        assert "400.12.2.1/1/Kec.SLS/" in texts["SLS-01"]
    finally:
        for desk in desks.values():
            desk.close()
