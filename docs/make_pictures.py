"""Make the README's pictures from the real code: an 80 mm receipt and an A4 letter.

    .venv/bin/python docs/make_pictures.py

A training desk is created in a temporary folder (so everything is marked TRAINING),
a citizen with an apostrophe and accented letters is registered for a letter of
domicile, and the desk's own receipt and letter PDFs are rasterised with poppler's
``pdftoppm`` into ``docs/receipt.png`` and ``docs/letter.png`` (grey, small enough
for a README). The clock is fixed; the QR signatures and the receipt number's epoch
tag are new on every run, as on a new desk.
"""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from counterdesk.services.desk_settings import update_settings
from counterdesk.services.documents import document_pdf
from counterdesk.services.register import Registration, register
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import authenticate

HERE = Path(__file__).resolve().parent
NAME = "Nur'aini Ñurul Çahaya"
NIK = "6107055203950002"  # Seluas, born 12-03-1995 (a woman: day + 40)
WHEN = datetime.datetime(2026, 11, 2, 9, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
RECEIPT_DPI = 100
LETTER_DPI = 90
MAX_BYTES = 200_000


def rasterise(pdf: bytes, dpi: int, out: Path) -> None:
    exe = shutil.which("pdftoppm")
    if exe is None:
        sys.exit("make_pictures needs pdftoppm (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        src, page = Path(tmp) / "doc.pdf", Path(tmp) / "page"
        src.write_bytes(pdf)
        args = ["-png", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([exe, *args, str(src), str(page)], check=True)
        image = Image.open(page.with_suffix(".png"))
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
    data = buffer.getvalue()
    if len(data) > MAX_BYTES:
        sys.exit(f"{out.name} would be {len(data):,} bytes (> {MAX_BYTES:,})")
    out.write_bytes(data)
    print(f"{out.relative_to(HERE.parent)}: {image.width}x{image.height} px, {len(data):,} bytes")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        desk, _ = make_demo(Path(tmp) / "desk", clock=lambda: WHEN)
        with desk:
            session = authenticate(desk, "demo", "demo")
            update_settings(desk, session, roll_mm=80, letter_paper="A4")
            service = desk.catalogue.get("SKD")
            request = register(
                desk,
                session,
                Registration(
                    service="SKD",
                    name=NAME,
                    nik=NIK,
                    fields={
                        "address": "Dusun Sebunga RT 002 RW 001, Desa Sebunga",
                        "purpose": "Persyaratan pengurusan Pas Lintas Batas",
                    },
                    requirements_given=[r.key for r in service.requirements if r.required][:1],
                ),
            )
            receipt, _ = document_pdf(desk, session, "receipt", request.receipt)
            letter, _ = document_pdf(desk, session, "letter", request.receipt)
    rasterise(receipt, RECEIPT_DPI, HERE / "receipt.png")
    rasterise(letter, LETTER_DPI, HERE / "letter.png")


if __name__ == "__main__":
    main()
