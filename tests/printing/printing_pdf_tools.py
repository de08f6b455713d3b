"""Helpers for the printing tests: sample documents and the poppler/zbar command-line tools.

Tools missing locally make a test skip; in CI (``CI=true``) they make it fail.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from counterdesk.printing import LetterDoc, Letterhead, ReceiptDoc, ReferralDoc, TicketDoc

MM = 72 / 25.4

REQUIREMENTS = [
    "Fotokopi Kartu Keluarga (KK) yang telah dilegalisir",
    "Surat pengantar RT/RW dan Kepala Desa Jagoi",
    "Pas foto berwarna 3x4 latar belakang merah (2 lembar)",
    "Akta kelahiran asli dan fotokopinya",
    "Surat keterangan kehilangan dari Kepolisian Sektor",
    "Buku nikah atau akta perkawinan (bagi yang sudah menikah)",
    "Surat pernyataan tanggung jawab mutlak bermeterai",
    "Fotokopi paspor lama (apabila ada)",
]
LONG_NAME = "Dayang Ñurul Ça binti Ōsman Müller-Łukasz Nur'aini Sulastria"
assert len(LONG_NAME) == 60  # the brief's worst case for a 58 mm roll


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required in CI (apt-get install poppler-utils zbar-tools)")
    pytest.skip(f"{name} is not installed (apt-get install poppler-utils zbar-tools)")


def _write(pdf: bytes, tmp_path: Path, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def pdf_text(pdf: bytes, tmp_path: Path, *, mode: str = "", page: int | None = None) -> str:
    """pdftotext output; mode is "", "-layout" or "-raw"."""
    exe = require_tool("pdftotext")
    args = [exe, "-enc", "UTF-8"]
    if mode:
        args.append(mode)
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    args += [str(_write(pdf, tmp_path)), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squash(text: str) -> str:
    """Collapse all whitespace to single spaces."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    x_max: float
    y_min: float
    y_max: float


def pdf_words(pdf: bytes, tmp_path: Path) -> list[Word]:
    """Every word with its bounding box (points, origin top-left) from ``pdftotext -bbox``."""
    exe = require_tool("pdftotext")
    out_path = tmp_path / "bbox.html"
    subprocess.run(
        [exe, "-enc", "UTF-8", "-bbox", str(_write(pdf, tmp_path)), str(out_path)],
        check=True,
        capture_output=True,
    )
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        Word(html.unescape(m[5]), float(m[1]), float(m[3]), float(m[2]), float(m[4]))
        for m in pattern.finditer(out_path.read_text(encoding="utf-8"))
    ]


def pdf_font_rows(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    exe = require_tool("pdffonts")
    out = subprocess.run(
        [exe, str(_write(pdf, tmp_path))], check=True, capture_output=True, text=True
    ).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def scan_codes(
    pdf: bytes, tmp_path: Path, symbology: str, *, dpi: int = 203, page: int = 1
) -> list[str]:
    """Render one page with pdftoppm and decode it with zbarimg (only ``symbology``)."""
    pdftoppm = require_tool("pdftoppm")
    zbarimg = require_tool("zbarimg")
    prefix = tmp_path / f"page-{symbology}-{dpi}"
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(_write(pdf, tmp_path)),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [zbarimg, "--raw", "-q", "-Sdisable", f"-S{symbology}.enable", f"{prefix}.png"],
        capture_output=True,
        text=True,
    )
    return [line for line in result.stdout.splitlines() if line]


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height (points) of every page's MediaBox, in page order."""
    boxes = re.findall(rb"/MediaBox \[\s*([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)\s*\]", pdf)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def logo_png() -> bytes:
    from PIL import Image, ImageDraw  # Pillow ships with ReportLab

    image = Image.new("RGBA", (120, 140), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(60, 2), (116, 30), (100, 120), (60, 138), (20, 120), (4, 30)], fill="green")
    draw.ellipse((35, 40, 85, 90), fill="gold")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def letterhead(logo: bytes | None = None) -> Letterhead:
    return Letterhead(
        "PEMERINTAH KABUPATEN BENGKAYANG",
        "KECAMATAN JAGOI BABANG",
        "Jl. Raya Jagoi Babang, Kode Pos 79286",
        logo,
    )


def ticket(**changes: object) -> TicketDoc:
    values: dict[str, object] = {
        "ticket": "A-001",
        "service_name": "Kartu Keluarga",
        "post": "Pos Pelayanan PLBN Jagoi Babang",
        "desk": "2",
        "issued_at": "Senin, 2 November 2026 08:15",
        "waiting_ahead": 4,
        "training": False,
        "roll_mm": 58,
    }
    values.update(changes)
    return TicketDoc(**values)  # type: ignore[arg-type]


def receipt(**changes: object) -> ReceiptDoc:
    values: dict[str, object] = {
        "receipt": "JGB-01-7KQ-00042X",
        "ticket": "A-001",
        "service_code": "KTP-01",
        "service_name": "Penerbitan Kartu Tanda Penduduk Elektronik (KTP-el) Baru",
        "citizen_name": LONG_NAME,
        "citizen_id_masked": "6107********0001",
        "registered_at": "02-11-2026 08:21",
        "due_date": "Senin, 9 November 2026",
        "days": 5,
        "fee_text": "Gratis (Rp0)",
        "requirements_given": REQUIREMENTS[:5],
        "requirements_missing": REQUIREMENTS[5:],
        "next_steps": [
            "Tunggu pemberitahuan dari petugas melalui SMS atau WhatsApp.",
            "Ambil KTP-el di loket 2 dengan membawa tanda terima ini.",
        ],
        "complaint_channel": "SP4N-LAPOR! lapor.go.id atau SMS 1708",
        "desk": "2",
        "post": "Pos Pelayanan PLBN Jagoi Babang",
        "staff": "Yohanes Ahen",
        "qr_payload": "https://layanan.bengkayangkab.go.id/v/TT-JGB-2026-000123?k=8f3a91",
        "training": False,
        "roll_mm": 58,
    }
    values.update(changes)
    return ReceiptDoc(**values)  # type: ignore[arg-type]


BODY = [
    "Yang bertanda tangan di bawah ini, Camat Jagoi Babang, Kabupaten Bengkayang, "
    "menerangkan bahwa Nur'aini, NIK 6107********0002, adalah benar penduduk Desa Jagoi "
    "yang berdomisili di wilayah perbatasan negara.",
    "Surat keterangan ini diberikan untuk keperluan pengurusan Pas Lintas Batas (PLB).",
    "Demikian surat keterangan ini dibuat untuk dapat dipergunakan sebagaimana mestinya.",
]
BODY_EN = [
    "The undersigned, the Head of Jagoi Babang District, certifies that Nur'aini is a "
    "resident of Jagoi Village living in the state border area.",
    "This certificate is issued for a Border Crossing Pass (PLB) application.",
]


def letter(**changes: object) -> LetterDoc:
    values: dict[str, object] = {
        "letterhead": letterhead(),
        "number": "470/123/JGB/XI/2026",
        "title": "SURAT KETERANGAN DOMISILI",
        "body_paragraphs": BODY,
        "place": "Jagoi Babang",
        "date_text": "2 November 2026",
        "signer_name": "Ōsman Müller-Łukasz",
        "signer_title": "Camat Jagoi Babang",
        "signer_nip": "19700101 199003 1 012",
        "qr_payload": "https://layanan.bengkayangkab.go.id/s/470-123-JGB-XI-2026?k=5b0c2e",
        "verify_hint": "Pindai untuk memeriksa keaslian surat",
        "training": False,
    }
    values.update(changes)
    return LetterDoc(**values)  # type: ignore[arg-type]


def referral(**changes: object) -> ReferralDoc:
    values: dict[str, object] = {
        "letterhead": letterhead(),
        "number": "400/045/JGB/XI/2026",
        "agency": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bengkayang",
        "citizen_name": "Dayang Ñurul Ça",
        "citizen_id_masked": "6107********0002",
        "service_name": "Penerbitan Akta Kelahiran (terlambat)",
        "reason": "Pencatatan kelahiran terlambat memerlukan verifikasi oleh Dinas.",
        "bring": ["Tanda terima asli", "Kartu Keluarga asli", "Surat keterangan lahir"],
        "receipt": "JGB-01-7KQ-00043Y",
        "place": "Jagoi Babang",
        "date_text": "2 November 2026",
        "signer_name": "Maria Goretti Sinta",
        "signer_title": "Kepala Seksi Pelayanan Umum",
        "signer_nip": "19850212 201001 2 004",
        "qr_payload": "https://layanan.bengkayangkab.go.id/r/400-045?k=91aa",
        "training": False,
    }
    values.update(changes)
    return ReferralDoc(**values)  # type: ignore[arg-type]
