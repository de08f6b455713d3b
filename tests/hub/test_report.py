"""The monthly report from a real district: desks register, call, advance, refer, survey and
take complaints with their own clocks, travel to the hub by USB, and the hub's
``counterdesk-hub report`` prints what happened (PDF through poppler, CSV through csv)."""

from __future__ import annotations

import csv
import datetime
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.stats import ALL, Period, Scope, monthly
from counterdesk.services import register as register_service
from counterdesk.services.advance import advance
from counterdesk.services.complaints import answer_complaint, record_complaint
from counterdesk.services.desk import Desk
from counterdesk.services.queue import call_next
from counterdesk.services.referrals import record_outcome
from counterdesk.services.staff import authenticate
from counterdesk.services.survey import record_survey
from tests.conftest import require_tool
from tests.sync.helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    field_values,
    make_desk,
    make_hub,
    usb_trip,
)

WIB = datetime.timezone(datetime.timedelta(hours=7))
MONTH = "2026-10"
# per desk: three answers for SKTM, the nine scores each
SURVEYS = [
    ("SKTM", [4, 4, 3, 4, 4, 3, 4, 4, 3]),
    ("SKTM", [3, 3, 3, 4, 3, 3, 4, 3, 3]),
    ("KTPEL", [2, 3, 3, 4, 3, 3, 3, 3, 2]),
]


class Clock:
    """A desk's wall clock: set by the test, possibly wrong by ``offset``."""

    def __init__(self, offset: datetime.timedelta = datetime.timedelta()) -> None:
        self.offset = offset
        self.true = datetime.datetime(2026, 10, 5, 7, 0, tzinfo=WIB)

    def set(self, day: int, hour: int, minute: int = 0) -> None:
        self.true = datetime.datetime(2026, 10, day, hour, minute, tzinfo=WIB)

    def __call__(self) -> datetime.datetime:
        return self.true + self.offset


@dataclass
class District:
    hub: Path
    desks: dict[str, Path]


def _work_day(desk: Desk, clock: Clock) -> None:
    """Monday 5 October: three citizens, a call each; what the tests expect is derived from
    this schedule (waits 30/55/80 minutes, service 30/20/10 minutes, collection 26 hours)."""
    session = authenticate(desk, ADMIN, PASSWORD)

    def reg(service: str) -> str:
        s = desk.catalogue.get(service)
        return register_service.register(
            desk,
            session,
            register_service.Registration(
                service=s.code, name="Siti Nurhaliza", nik="6107071708800001",
                fields=field_values(s),
            ),
        ).receipt  # fmt: skip

    clock.set(5, 8, 0)
    r1 = reg("SKTM")
    clock.set(5, 8, 10)
    r2 = reg("SKTM")
    clock.set(5, 8, 20)
    r3 = reg("KTPEL")
    clock.set(5, 8, 30)
    assert call_next(desk, session) is not None  # r1 waited 30 minutes
    clock.set(5, 8, 40)
    advance(desk, session, r1, "in_progress")
    clock.set(5, 9, 0)
    advance(desk, session, r1, "ready")  # 30 minutes after its call
    clock.set(5, 9, 5)
    assert call_next(desk, session) is not None  # r2: 55 minutes
    clock.set(5, 9, 25)
    advance(desk, session, r2, "rejected", note="berkas tidak lengkap")  # 20 minutes
    clock.set(5, 9, 40)
    assert call_next(desk, session) is not None  # r3: 80 minutes
    clock.set(5, 9, 50)
    advance(desk, session, r3, "referred", note="ke Dukcapil")  # 10 minutes
    for service, scores in SURVEYS:
        record_survey(desk, session, service, scores)
    complaint = record_complaint(desk, session, text="Antrean lama", service="SKTM")
    record_complaint(desk, session, text="Ruang tunggu panas", receipt=r2)
    clock.set(6, 10, 0)
    advance(desk, session, r1, "collected")  # 26 hours after registration
    answer_complaint(desk, session, complaint.complaint_id, "Loket kedua dibuka")
    clock.set(7, 9, 0)
    record_outcome(desk, session, r3, "pending", note="menunggu blangko")
    clock.set(9, 9, 0)
    record_outcome(desk, session, r3, "issued")


def build_district(tmp: Path) -> District:
    """Two desks of two posts; SLS-01's clock is two hours fast (the measured times are the
    same: each duration is taken between one desk's own times)."""
    hub = make_hub(tmp / "hub")
    desks: dict[str, Path] = {}
    for code, offset in (("JGB-01", 0), ("SLS-01", 2)):
        root = make_desk(tmp / code, enrollment_bytes(hub, code))
        clock = Clock(datetime.timedelta(hours=offset))
        with Desk.open(root, clock=clock) as desk:
            _work_day(desk, clock)
            usb_trip(desk, hub, tmp / "stick")
        desks[code] = root
    return District(hub, desks)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> District:
    return build_district(tmp_path_factory.mktemp("district"))


def test_figures_from_synced_events(district: District) -> None:
    with Hub.open(district.hub) as hub:
        m = monthly(hub, Period.month(MONTH), Scope())
    total = next(v for v in m.volumes if v.post == ALL)
    assert total.total == 6
    assert total.by_status["collected"] == 2
    assert total.by_status["rejected"] == 2
    assert total.by_status["referred"] == 2
    done = next(c for c in m.completion if c.post == ALL)
    assert (done.completed, done.on_time) == (2, 2)
    for post in ("Kantor Camat JGB-01", "Kantor Camat SLS-01"):  # the fast clock cancels
        sktm = next(t for t in m.times if t.post == post and t.service == "SKTM")
        assert (sktm.wait.count, sktm.wait.median, sktm.wait.p90) == (2, 42.5, 55.0)
        assert (sktm.service_time.median, sktm.service_time.p90) == (25.0, 30.0)
        assert (sktm.collection.count, sktm.collection.median) == (1, 26 * 60.0)
        ktpel = next(t for t in m.times if t.post == post and t.service == "KTPEL")
        assert (ktpel.wait.median, ktpel.service_time.median, ktpel.collection.count) == (
            80.0, 10.0, 0,
        )  # fmt: skip
    [referral] = m.referrals
    assert referral.service == "KTPEL"
    assert referral.agency.startswith("Dinas Kependudukan")
    assert (referral.referred, referral.outcomes["issued"], referral.no_outcome) == (2, 2, 0)
    assert referral.outcomes["pending"] == 0  # the later outcome replaced it
    every = next(c for c in m.complaints if c.service == ALL)
    assert (every.received, every.answered, every.open) == (4, 2, 2)
    skm_all = next(s for s in m.skm if s.post == ALL)
    assert skm_all.result.respondents == 6


def _pdf_text(pdf: Path) -> str:
    tool = require_tool("pdftotext", "poppler-utils")
    return subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_cli_writes_pdf_and_csv(
    district: District, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "laporan.pdf"
    folder = tmp_path / "csv"
    code = hub_main(
        ["--data-dir", str(district.hub), "report", "--month", MONTH, "--out", str(out),
         "--csv", str(folder)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF-")
    text = _pdf_text(out)
    for expected in (
        "LAPORAN BULANAN PELAYANAN",
        "Oktober 2026",
        "Surat Keterangan Tidak Mampu",
        "Kantor Camat JGB-01",
        "Persyaratan",
        "Sistem, mekanisme dan prosedur",
        "NRR tertimbang",
        "IKM konversi",
        "Mutu pelayanan",
        "Kinerja unit pelayanan",
        "Jumlah responden",
        "Dinas Kependudukan",
        "Pengaduan",
    ):
        assert expected in text, expected
    # the district's official table: 6 respondents, U1 total 4+3+2 per desk = 18
    assert " 18 " in text

    fonts = subprocess.run(
        [require_tool("pdffonts", "poppler-utils"), str(out)],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()[2:]  # fmt: skip
    assert fonts
    for line in fonts:
        assert "DejaVu" in line, line
        assert line.split()[-5] == "yes", line  # embedded

    files = sorted(p.name for p in folder.iterdir())
    assert files[0] == "01-volume.csv" and "08-skm-unsur.csv" in files
    raw = (folder / "01-volume.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Pos", "Layanan", "Jumlah"]
    assert rows[-1][:3] == ["Semua pos", "Semua layanan", "6"]
    skm_rows = list(csv.reader(io.StringIO((folder / "08-skm-unsur.csv").read_text("utf-8-sig"))))
    first = next(r for r in skm_rows[1:] if r[0] == "Semua pos")
    assert first[2:5] == ["U1", "Persyaratan", "18"]

    single = tmp_path / "laporan.csv"
    code = hub_main(
        ["--data-dir", str(district.hub), "report", "--month", MONTH, "--out", str(out),
         "--csv", str(single)]
    )  # fmt: skip
    assert code == 0
    blocks = single.read_bytes().decode("utf-8-sig").split("\r\n\r\n")
    assert blocks[0].startswith("Volume permohonan per pos dan layanan\r\nPos,Layanan,Jumlah")
    assert len([b for b in blocks if b.strip()]) == 8


def test_report_page_image(district: District, tmp_path: Path) -> None:
    """Render the first page to PNG (what a person looks at) and check it is not blank."""
    tool = require_tool("pdftoppm", "poppler-utils")
    out = tmp_path / "laporan.pdf"
    assert hub_main(
        ["--data-dir", str(district.hub), "report", "--month", MONTH, "--out", str(out)]
    ) == 0  # fmt: skip
    subprocess.run([tool, "-png", "-r", "70", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    [png] = list(tmp_path.glob("p*.png"))
    if os.environ.get("COUNTERDESK_SCREENSHOTS") == "1":  # the README's picture
        shutil.copyfile(png, Path(__file__).parents[2] / "docs/screenshots/hub-monthly-report.png")
    from PIL import Image

    with Image.open(png) as image:
        assert image.size[0] < image.size[1]  # A4 portrait
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
        assert dark > 2000  # text, tables and bars were drawn


def test_bad_month_is_a_usage_error(
    district: District, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for month in ("2026-13", "Oktober", "2026-1"):
        with pytest.raises(SystemExit) as exc:
            hub_main(
                ["--data-dir", str(district.hub), "report", "--month", month,
                 "--out", str(tmp_path / "x.pdf")]
            )  # fmt: skip
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert "YYYY-MM" in err and month in err
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit) as exc:
        hub_main(["--data-dir", str(district.hub), "report", "--month", MONTH,
                  "--out", str(tmp_path / "x.txt")])  # fmt: skip
    assert exc.value.code == 2
    assert ".pdf" in capsys.readouterr().err
