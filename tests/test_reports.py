"""Rekap harian: the figures of a scripted day, the A4 PDF, and `counterdesk report daily`."""

from __future__ import annotations

import datetime
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from counterdesk.cli import main as cli_main
from counterdesk.launcher import wants_gui
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf
from counterdesk.services.queue import call_again, call_next
from counterdesk.services.register import Registration, register
from counterdesk.services.reports import daily_report_pdf, daily_summary, report_doc
from counterdesk.services.staff import StaffSession

from .conftest import NIK_MAN, NIK_WOMAN, FixedClock, require_tool
from .test_register import reg, valid_fields

MON = datetime.date(2026, 11, 2)  # the clock fixture starts here, 08:00 +07:00
TUE, WED, THU = (MON + datetime.timedelta(days=n) for n in (1, 2, 3))


@dataclass
class Day:
    """The receipts of the scripted Monday."""

    a: str  # SKD, called after 20 min, ready; collected Tuesday (on time)
    b: str  # SKD, called after 25 min and again; collected Thursday (late)
    c: str  # PLB (referral to Immigration), referred with a slip
    d: str  # SKTM, never called: overdue from Wednesday
    e: str  # SKD, rejected


def at(clock: FixedClock, day: datetime.date, hh: int, mm: int = 0) -> None:
    """Move the clock forward to ``day`` at hh:mm (local time)."""
    target = clock.now.replace(year=day.year, month=day.month, day=day.day, hour=hh, minute=mm)
    assert target >= clock.now
    clock.now = target


def monday(desk: Desk, session: StaffSession, clock: FixedClock) -> Day:
    plb = desk.catalogue.get("PLB")
    sktm = desk.catalogue.get("SKTM")
    a = register(desk, session, reg(desk, name="Siti Nurhaliza")).receipt  # 08:00
    at(clock, MON, 8, 5)
    b = register(desk, session, reg(desk, name="Budi Santoso", nik=NIK_MAN)).receipt
    at(clock, MON, 8, 10)
    c = register(
        desk,
        session,
        Registration(
            "PLB",
            "Nur'aini Ñurul",
            nik=NIK_WOMAN,
            fields=valid_fields(plb),
            residence_address="Dusun Seluas RT 001, Kecamatan Seluas",  # checked on the KK
        ),
    ).receipt
    at(clock, MON, 8, 20)
    first = call_next(desk, session)
    assert first is not None and first.receipt == a
    at(clock, MON, 8, 30)
    second = call_next(desk, session)
    assert second is not None and second.receipt == b
    at(clock, MON, 8, 45)
    call_again(desk, session, b)  # a second call does not reset the wait
    at(clock, MON, 9)
    advance(desk, session, a, "in_progress")
    at(clock, MON, 10)
    advance(desk, session, a, "ready")
    at(clock, MON, 10, 30)
    advance(desk, session, c, "referred")
    document_pdf(desk, session, "referral", c)  # the slip: the same referral, counted once
    at(clock, MON, 11)
    d = register(
        desk, session, Registration("SKTM", "Dayang Ça", nik=NIK_WOMAN, fields=valid_fields(sktm))
    ).receipt
    e = register(desk, session, reg(desk, name="Petrus Jalong")).receipt
    at(clock, MON, 11, 15)
    advance(desk, session, e, "rejected", note="data tidak lengkap")
    return Day(a, b, c, d, e)


@pytest.fixture
def day(desk: Desk, session: StaffSession, clock: FixedClock) -> Day:
    return monday(desk, session, clock)


def test_monday_figures(desk: Desk, day: Day) -> None:
    s = daily_summary(desk, MON)
    assert (s.day, s.desk, s.training) == (MON, "LATIH-01", True)
    assert s.registered == 5
    by_service = {x.code: (x.registered, x.by_status) for x in s.by_service}
    assert by_service == {
        "SKD": (3, {"ready": 1, "registered": 1, "rejected": 1}),
        "PLB": (1, {"referred": 1}),
        "SKTM": (1, {"registered": 1}),
    }
    assert s.by_service[0].code == "SKD"  # busiest first
    assert s.by_status == {"registered": 2, "ready": 1, "referred": 1, "rejected": 1}
    assert (s.tickets_called, s.calls) == (2, 3)
    assert (s.wait_median_minutes, s.wait_max_minutes) == (22.5, 25.0)
    assert (s.collected, s.on_time, s.late, s.completions) == (0, 0, 0, [])
    [referral] = s.referrals
    assert referral.referrals == 1 and referral.services == ["PLB"]
    assert referral.agency == desk.catalogue.get("PLB").referral.agency.id  # type: ignore[union-attr]
    assert "Imigrasi" in referral.agency
    assert s.overdue == 0


def test_collections_on_time_and_late_and_overdue(
    desk: Desk, session: StaffSession, clock: FixedClock, day: Day
) -> None:
    at(clock, TUE, 9)
    advance(desk, session, day.a, "collected")
    at(clock, THU, 9)
    for status in ("in_progress", "ready", "collected"):
        advance(desk, session, day.b, status)

    tue = daily_summary(desk, TUE)
    assert tue.registered == 0 and tue.tickets_called == 0 and tue.wait_median_minutes is None
    [done] = tue.completions
    assert (done.receipt, done.registered, done.collected) == (day.a, "2026-11-02", "2026-11-03")
    assert (done.days_taken, done.days_promised, done.on_time) == (1, 1, True)
    assert (tue.collected, tue.on_time, tue.late) == (1, 1, 0)
    assert tue.overdue == 0  # SKD and SKTM are due on Tuesday: not yet late

    thu = daily_summary(desk, THU)
    [late] = thu.completions
    assert (late.receipt, late.days_taken, late.days_promised, late.on_time) == (day.b, 3, 1, False)
    assert (thu.collected, thu.on_time, thu.late) == (1, 0, 1)
    [overdue] = thu.overdue_requests  # B was collected today; C referred, E rejected
    assert (overdue.receipt, overdue.service, overdue.status) == (day.d, "SKTM", "registered")
    assert (overdue.due_date, overdue.working_days_late) == ("2026-11-03", 2)

    # Wednesday, looked at on Thursday: B was still open at the end of that day.
    wed = daily_summary(desk, WED)
    assert {(o.receipt, o.status) for o in wed.overdue_requests} == {
        (day.b, "registered"),
        (day.d, "registered"),
    }
    assert daily_summary(desk, MON).by_status["collected"] == 2  # "current" status


def test_an_empty_day(desk: Desk) -> None:
    s = daily_summary(desk, MON)
    assert (s.registered, s.tickets_called, s.collected, s.overdue) == (0, 0, 0, 0)
    assert s.by_service == [] and s.referrals == [] and s.wait_max_minutes is None
    assert json.loads(json.dumps(s.to_json()))["day"] == "2026-11-02"


def test_holidays_are_not_working_days(
    desk: Desk, session: StaffSession, clock: FixedClock, day: Day
) -> None:
    desk.conn.execute("INSERT INTO holidays (day, name) VALUES ('2026-11-03', 'libur')")
    at(clock, WED, 9)
    advance(desk, session, day.a, "collected")
    [done] = daily_summary(desk, WED).completions
    assert (done.days_taken, done.on_time) == (1, True)  # Tuesday did not count


def _pdf_text(pdf: bytes, tmp_path: Path, *args: str) -> str:
    exe = require_tool("pdftotext", "poppler-utils")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        [exe, "-enc", "UTF-8", *args, str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def test_the_pdf_shows_the_figures(
    desk: Desk, session: StaffSession, clock: FixedClock, day: Day, tmp_path: Path
) -> None:
    at(clock, TUE, 9)
    advance(desk, session, day.a, "collected")
    summary = daily_summary(desk, MON)
    pdf = daily_report_pdf(desk, summary)
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf, tmp_path, "-raw")  # in the order drawn
    for expected in (
        "REKAP HARIAN LOKET PELAYANAN",
        "Senin, 2 November 2026",
        "LATIH-01",
        "TRAINING - TIDAK SAH",
        "5 permohonan terdaftar",
        "2 antrean dipanggil",
        "22,5 menit tunggu (median)",
        "25 menit tunggu (terlama)",
        "0 diambil",
        "0 / 0 tepat waktu / terlambat",
        "1 dirujuk",
        "0 lewat tenggat",
        "SKD – Surat Keterangan Domisili",
        "Jumlah",
        "Kantor Imigrasi Singkawang",
        "Tidak ada permohonan yang diambil hari ini.",
    ):
        assert expected in text, expected
    layout = _pdf_text(pdf, tmp_path, "-layout")
    # the service table's total row: 2 registered, 1 collected (now), 1 referred, 1 rejected
    assert "Jumlah 2 1 1 1 5" in layout
    tuesday = _pdf_text(daily_report_pdf(desk, daily_summary(desk, TUE)), tmp_path)
    assert day.a in tuesday and "tepat waktu" in tuesday and "Selasa, 3 November 2026" in tuesday


def test_pdf_fonts_are_embedded(desk: Desk, day: Day, tmp_path: Path) -> None:
    exe = require_tool("pdffonts", "poppler-utils")
    path = tmp_path / "report.pdf"
    path.write_bytes(daily_report_pdf(desk, daily_summary(desk, MON)))
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert row[-5] == "yes" and "DejaVu" in row[0], row


def test_the_report_record_is_rendered_the_same_every_time(desk: Desk, day: Day) -> None:
    from counterdesk.printing import render_daily_report

    doc = report_doc(desk, daily_summary(desk, MON))
    assert render_daily_report(doc) == render_daily_report(doc)


# the command line -------------------------------------------------------------------
def run_cli(*args: str) -> int:
    try:
        return cli_main(list(args))
    except SystemExit as exc:  # argparse: wrong usage
        return int(exc.code or 0)


@pytest.fixture
def data_dir(desk: Desk, day: Day) -> str:
    return str(desk.paths.root)


def test_cli_writes_the_pdf_and_prints_json(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rekap.pdf"
    code = run_cli(
        "--data-dir",
        data_dir,
        "report",
        "daily",
        "--date",
        "2026-11-02",
        "--out",
        str(out),
        "--json",
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    printed = json.loads(capsys.readouterr().out)
    assert printed["day"] == "2026-11-02" and printed["registered"] == 5
    assert printed["tickets_called"] == 2 and printed["out"] == str(out)
    assert run_cli("report", "daily", "--date", "2026-11-02", "--data-dir", data_dir, "--json") == 0
    assert json.loads(capsys.readouterr().out)["calls"] == 3
    assert run_cli("--data-dir", data_dir, "report", "daily", "--out", str(out)) == 0  # today
    assert "daily report" in capsys.readouterr().out


def test_cli_exit_codes(data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def report(*args: str) -> int:
        return run_cli("--data-dir", data_dir, "report", *args)

    assert report("daily", "--date", "2026-11-02") == 2  # neither --out nor --json
    assert report("daily", "--date", "2026-13-01", "--json") == 2
    assert report("daily", "--date", "yesterday", "--json") == 2
    assert report("--json") == 2  # which report?
    assert report("weekly", "--json") == 2
    capsys.readouterr()
    missing = tmp_path / "no-such-folder" / "r.pdf"
    assert report("daily", "--out", str(missing)) == 1
    assert capsys.readouterr().err.startswith("error: cannot write")
    empty = tmp_path / "empty"
    assert run_cli("--data-dir", str(empty), "report", "daily", "--json") == 1


def test_the_counterdesk_script_routes_report_to_the_command_line() -> None:
    assert not wants_gui(["report", "daily", "--out", "rekap.pdf"])
