"""The daily report on A4/F4: figures, chart, tables over pages, training marks, fonts."""

from __future__ import annotations

from pathlib import Path

import pytest
from printing_pdf_tools import letterhead, media_boxes, pdf_font_rows, pdf_text, squash

from counterdesk.printing import BarChartData, DailyReportDoc, ReportTable, render_daily_report

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)


def report(**changes: object) -> DailyReportDoc:
    values: dict[str, object] = {
        "letterhead": letterhead(),
        "title": "REKAP HARIAN LOKET PELAYANAN",
        "date_text": "Senin, 2 November 2026",
        "desk_line": "Loket JGB-01 – Meja 1 · Kantor Camat Jagoi Babang",
        "key_figures": [("permohonan terdaftar", "12"), ("tunggu (median)", "7,5 menit")],
        "chart": BarChartData(
            title="Permohonan per layanan",
            categories=["SKD", "PLB", "KTPEL"],
            series=["Terdaftar", "Diambil"],
            values=[[3, 2, 0], [4, 0, 3]],
        ),
        "tables": [
            ReportTable(
                title="Permohonan terdaftar hari ini",
                header=["Layanan", "Terdaftar", "Diambil", "Jumlah"],
                rows=[["SKD – Surat Keterangan Domisili", "3", "4", "7"]],
            )
        ],
        "generated_text": "Dibuat 02-11-2026 16:00 oleh counterdesk",
        "training": False,
    }
    values.update(changes)
    return DailyReportDoc(**values)  # type: ignore[arg-type]


def test_one_page_report(tmp_path: Path) -> None:
    pdf = render_daily_report(report())
    assert media_boxes(pdf) == [pytest.approx(A4, abs=0.5)]
    text = squash(pdf_text(pdf, tmp_path, mode="-raw"))
    for expected in (
        "PEMERINTAH KABUPATEN BENGKAYANG",
        "REKAP HARIAN LOKET PELAYANAN",
        "Senin, 2 November 2026",
        "12 permohonan terdaftar",
        "7,5 menit tunggu (median)",
        "Permohonan per layanan",
        "Terdaftar",
        "Diambil",
        "SKD – Surat Keterangan Domisili 3 4 7",
        "Dibuat 02-11-2026 16:00 oleh counterdesk",
    ):
        assert expected in text, expected
    assert "Halaman" not in text and "TRAINING" not in text
    assert render_daily_report(report()) == pdf  # deterministic


def test_long_report_runs_over_pages_with_numbers_and_training_marks(tmp_path: Path) -> None:
    rows = [[f"JGB-01-7KQ-{i:05d}X", "SKD", "Terdaftar", "2026-10-01", str(i)] for i in range(120)]
    overdue = ReportTable(
        title="Lewat tenggat dan belum selesai (120)",
        header=["Tanda terima", "Layanan", "Status", "Tenggat", "Hari kerja lewat"],
        rows=rows,
        numeric_from=4,
    )
    pdf = render_daily_report(report(tables=[overdue], training=True, paper="F4"))
    pages = media_boxes(pdf)
    assert len(pages) >= 3 and all(p == pytest.approx(F4, abs=0.5) for p in pages)
    for page in range(1, len(pages) + 1):
        text = pdf_text(pdf, tmp_path, page=page)
        assert "TRAINING - TIDAK SAH" in text
        assert f"Halaman {page} dari {len(pages)}" in text
        assert "Tanda terima" in text  # the header row repeats
    everything = pdf_text(pdf, tmp_path)
    assert all(row[0] in everything for row in rows)


def test_empty_day_and_empty_tables_say_so(tmp_path: Path) -> None:
    doc = report(
        chart=BarChartData(
            "Permohonan per layanan", [], [], [], empty_text="Tidak ada permohonan."
        ),
        tables=[
            ReportTable("Rujukan", ["Instansi", "Rujukan"], [], empty_text="Tidak ada rujukan.")
        ],
    )
    text = squash(pdf_text(render_daily_report(doc), tmp_path))
    assert "Tidak ada permohonan." in text and "Tidak ada rujukan." in text


def test_every_font_is_embedded(tmp_path: Path) -> None:
    for pdf in (render_daily_report(report(training=True)), render_daily_report(report())):
        rows = pdf_font_rows(pdf, tmp_path)
        assert rows
        for row in rows:
            assert row[-5] == "yes" and "DejaVu" in row[0], row


def test_bad_input_is_refused() -> None:
    bad_chart = BarChartData("x", ["SKD", "PLB"], ["Terdaftar"], [[1]])
    with pytest.raises(ValueError, match="chart"):
        render_daily_report(report(chart=bad_chart))
    with pytest.raises(ValueError, match="paper"):
        render_daily_report(report(paper="Letter"))
