"""The one-page information sheet per service (maklumat standar pelayanan) for the wall."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from printing_pdf_tools import media_boxes, pdf_font_rows, pdf_text, require_tool, squash

from counterdesk.cli import main
from counterdesk.domain.catalogue import Service
from counterdesk.services.desk import Desk
from counterdesk.services.documents import info_sheet_pdf
from counterdesk.services.setup import make_demo

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)
SECTIONS = ("PERSYARATAN", "PROSEDUR", "WAKTU PENYELESAIAN", "BIAYA", "PRODUK PELAYANAN")
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "info-sheet.png"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    desk, _ = make_demo(tmp_path_factory.mktemp("info-sheet") / "desk")
    with desk:
        yield desk


def _pages(pdf: bytes, tmp_path: Path) -> int:
    exe = require_tool("pdfinfo")
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([exe, str(path)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)$", out, re.MULTILINE)
    assert match, out
    return int(match[1])


def _expected_time(service: Service) -> str:
    return f"{service.days} hari kerja" if service.days else "Hari itu juga"


def test_every_shipped_service_fits_one_page_with_all_sections(demo: Desk, tmp_path: Path) -> None:
    catalogue = demo.catalogue
    assert len(catalogue.services) == 16
    for service in catalogue.services:
        pdf = info_sheet_pdf(demo, service.code)
        assert _pages(pdf, tmp_path) == 1, service.code
        text = squash(pdf_text(pdf, tmp_path))
        assert service.name.id in text, service.code
        assert service.name.en in text, service.code
        for section in (*SECTIONS, "PENGADUAN"):
            assert section in text, (service.code, section)
        assert _expected_time(service) in text, service.code
        fee = f"Rp {service.fee:,}".replace(",", ".") if service.fee else "Gratis"
        assert fee in text, service.code
        for requirement in service.requirements:
            assert squash(requirement.text.id) in text, (service.code, requirement.key)
        for step in service.procedure:
            assert squash(step.id) in text, service.code
        assert "www.lapor.go.id" in text  # the catalogue's complaint channel
        assert f"versi {catalogue.version}" in text
        assert demo.info.post in text and demo.info.district in text
        # numbered requirements: "1." .. "n." in order
        layout = pdf_text(pdf, tmp_path, mode="-layout")
        numbers = [int(m) for m in re.findall(r"^\s*(\d+)\.\s", layout, re.MULTILINE)]
        assert numbers[: len(service.requirements)] == list(range(1, len(service.requirements) + 1))


def test_all_services_in_one_pdf_one_page_each(demo: Desk, tmp_path: Path) -> None:
    pdf = info_sheet_pdf(demo, None)
    assert _pages(pdf, tmp_path) == len(demo.catalogue.services)
    for page, service in enumerate(demo.catalogue.services, start=1):
        text = squash(pdf_text(pdf, tmp_path, page=page))
        assert service.name.id in text and service.code in text, page


@pytest.mark.parametrize(("paper", "size"), [("A4", A4), ("F4", F4), ("f4", F4)])
def test_paper_sizes(demo: Desk, paper: str, size: tuple[float, float]) -> None:
    boxes = media_boxes(info_sheet_pdf(demo, "SKAW", size=paper))
    assert boxes == [pytest.approx(size, abs=0.5)]


def test_bad_paper_and_unknown_service_are_refused(demo: Desk) -> None:
    from counterdesk.domain.errors import NotFound, ValidationError

    with pytest.raises(ValidationError, match="A4 or F4"):
        info_sheet_pdf(demo, "SKD", size="Letter")
    with pytest.raises(NotFound, match="known services: SKD"):
        info_sheet_pdf(demo, "NOPE")


def test_fonts_embedded_and_training_marked(demo: Desk, tmp_path: Path) -> None:
    assert demo.info.training
    pdf = info_sheet_pdf(demo, "PLB")
    rows = pdf_font_rows(pdf, tmp_path)
    assert rows
    for row in rows:
        assert row[-5] == "yes", f"font not embedded: {row}"
        assert "DejaVu" in row[0], row
    assert "TRAINING - TIDAK SAH" in pdf_text(pdf, tmp_path)
    raw = "".join(pdf_text(pdf, tmp_path, mode="-raw").split())
    assert "PELATIHAN/TRAINING" in raw


def test_not_training_on_an_enrolled_desk(demo: Desk, tmp_path: Path) -> None:
    demo.conn.execute("UPDATE desk SET training = 0")
    demo._info = None
    try:
        assert not demo.info.training
        text = squash(pdf_text(info_sheet_pdf(demo, "SKD"), tmp_path))
        assert "TRAINING" not in text and "PELATIHAN" not in text
    finally:
        demo.conn.execute("UPDATE desk SET training = 1")
        demo._info = None


def test_a_fee_is_printed_in_rupiah(demo: Desk, tmp_path: Path) -> None:
    raw = demo.conn.execute("SELECT raw FROM catalogue WHERE id = 1").fetchone()["raw"]
    demo.conn.execute(
        "UPDATE catalogue SET raw = ? WHERE id = 1",
        [raw.replace('"fee": 0,', '"fee": 10000,', 1)],
    )
    demo._catalogue = None
    try:
        service = demo.catalogue.services[0]
        assert service.fee == 10000
        text = squash(pdf_text(info_sheet_pdf(demo, service.code), tmp_path))
        assert "Rp 10.000" in text and "Gratis / tidak dipungut" not in text
    finally:
        demo.conn.execute("UPDATE catalogue SET raw = ? WHERE id = 1", [raw])
        demo._catalogue = None


def test_cli_info_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "desk"
    assert main(["--data-dir", str(root), "demo"]) == 0
    one, every = tmp_path / "skd.pdf", tmp_path / "all.pdf"
    assert main(["--data-dir", str(root), "print", "info-sheet", "skd", "--out", str(one)]) == 0
    assert _pages(one.read_bytes(), tmp_path) == 1
    args = ["--data-dir", str(root), "print", "info-sheet", "--all", "--paper", "F4"]
    assert main([*args, "--out", str(every)]) == 0
    assert _pages(every.read_bytes(), tmp_path) == 16
    assert "16 page(s)" in capsys.readouterr().out

    wrong = {
        ("info-sheet", "XYZ"): "unknown service 'XYZ'; known services: SKD",
        ("info-sheet",): "info-sheet needs a SERVICE code or --all",
        ("info-sheet", "SKD", "--all"): "info-sheet needs a SERVICE code or --all",
        ("receipt", "--all"): "--all and --paper only apply to info-sheet",
        ("info-sheet", "SKD", "--paper", "Letter"): "invalid choice: 'LETTER'",
    }
    for usage, message in wrong.items():
        with pytest.raises(SystemExit) as exit_:
            main(["--data-dir", str(root), "print", *usage, "--out", str(tmp_path / "x.pdf")])
        assert exit_.value.code == 2, usage
        assert message in capsys.readouterr().err, usage
    assert not (tmp_path / "x.pdf").exists()


def test_screenshot(demo: Desk, tmp_path: Path) -> None:
    """Render a sheet at 60 dpi; refresh docs/screenshots/info-sheet.png when asked."""
    exe = require_tool("pdftoppm")
    path = tmp_path / "sheet.pdf"
    path.write_bytes(info_sheet_pdf(demo, "SKAW"))
    subprocess.run(
        [exe, "-png", "-r", "60", "-singlefile", str(path), str(tmp_path / "sheet")], check=True
    )
    png = (tmp_path / "sheet.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    if os.environ.get("COUNTERDESK_SCREENSHOTS"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / "sheet.png", SCREENSHOT)
