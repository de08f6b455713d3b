"""The dashboard pages on a district built by real desks (tests/hub/test_report.py)."""

from __future__ import annotations

import csv
import datetime
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.hub.dashboard_pages import dashboard_routes
from counterdesk.hub.hub import Hub

from .test_report import WIB, District, build_district

HUB_NOW = datetime.datetime(2026, 10, 20, 10, 0, tzinfo=WIB)  # Tuesday 20 October


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> District:
    return build_district(tmp_path_factory.mktemp("district"))


@pytest.fixture
def client(district: District) -> Iterator[TestClient]:
    with Hub.open(district.hub, clock=lambda: HUB_NOW) as hub:
        yield TestClient(Starlette(routes=dashboard_routes(hub)), raise_server_exceptions=True)


def text(html: str) -> str:
    """The page's words, tags removed, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_overview(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    words = text(r.text)
    assert "Ringkasan Oktober 2026" in words
    assert "6 permohonan" in words and "2 selesai" in words
    assert "100.0 % tepat waktu" in words
    assert "2 dirujuk" in words and "2 pengaduan terbuka" in words
    assert "81.48 (B) IKM, 6 responden" in words  # exact weight 1/9 (0.111 gives 81.40)
    # both posts with their desks and last contact
    assert "Kantor Camat JGB-01" in words and "Kantor Camat SLS-01" in words
    assert "(usb)" in words
    assert len(r.content) < 30_000  # small on a slow link
    assert "<script" not in r.text


def test_requests_page_with_filters(client: TestClient) -> None:
    r = client.get("/requests?month=2026-10")
    assert r.status_code == 200
    words = text(r.text)
    assert "Semua pos Semua layanan 6 0 0 0 2 2 2 0" in words
    assert "Dinas Kependudukan" in words
    # the SKTM requests were due 6 October; the rejected/collected ones are done, none late
    assert "Tidak ada permohonan yang terlambat" in words
    one = text(client.get("/requests?month=2026-10&post=Kantor+Camat+SLS-01&service=sktm").text)
    assert "Kantor Camat SLS-01 SKTM Surat Keterangan Tidak Mampu (SKTM) 2" in one
    assert "Kantor Camat JGB-01" not in one.split("Tampilkan")[1]
    empty = text(client.get("/requests?month=2026-09").text)
    assert "Tidak ada permohonan pada periode ini" in empty
    days = text(client.get("/requests?from=2026-10-05&to=2026-10-05").text)
    assert "Semua pos Semua layanan 6" in days


def test_times_page(client: TestClient) -> None:
    words = text(client.get("/times?month=2026-10").text)
    assert (
        "Kantor Camat JGB-01 SKTM Surat Keterangan Tidak Mampu (SKTM) 2 42.5 55 2 25 30 1 26.0 26.0"
        in words
    )


def test_satisfaction_page(client: TestClient) -> None:
    words = text(client.get("/satisfaction?month=2026-10").text)
    assert "IKM dihitung dengan bobot tepat 1/9 per unsur" in words
    assert "Semua pos Semua layanan 6 81.48 B Baik" in words  # 88 x 2 / 54 x 25
    assert "U1 Persyaratan 18 3.000 0.333" in words
    assert "IKM konversi (IKM × 25) 81.48" in words
    assert "Dengan bobot 0,111 per unsur" in words and "81.40 (mutu B)" in words
    assert "Jumlah responden 6" in words
    one = text(client.get("/satisfaction?month=2026-10&service=KTPEL").text)
    assert "U1 Persyaratan 4 2.000 0.222" in one
    assert "Kurang Baik" in one


def test_reports_and_downloads(client: TestClient) -> None:
    words = text(client.get("/reports").text)
    assert "2026-10 PDF" in words
    pdf = client.get("/reports/2026-10.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert 'filename="laporan-2026-10.pdf"' in pdf.headers["content-disposition"]
    one = client.get("/reports/2026-10.csv")
    assert one.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(one.content.decode("utf-8-sig"))))
    assert rows[0] == ["Volume permohonan per pos dan layanan"]
    packed = zipfile.ZipFile(io.BytesIO(client.get("/reports/2026-10.zip").content))
    assert "laporan-2026-10/06-ikm.csv" in packed.namelist()
    go = client.get("/reports/go?month=2026-10&kind=csv", follow_redirects=False)
    assert go.status_code == 303 and go.headers["location"] == "/reports/2026-10.csv"


@pytest.mark.parametrize(
    "url",
    [
        "/requests?month=2026-13",
        "/requests?month=oktober",
        "/times?from=2026-10-01",
        "/times?from=2026-10-09&to=2026-10-01",
        "/satisfaction?post=Nowhere",
        "/requests?service=NOPE",
        "/?month=2026-10&from=2026-10-01&to=2026-10-02",
        "/requests?post=" + "x" * 500,
        "/reports/2026-13.pdf",
        "/reports/2026-10.doc",
        "/reports/go?month=bad",
    ],
)
def test_bad_query_gets_a_400_page(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    assert "Permintaan tidak dipahami" in r.text
    assert r.headers["content-type"].startswith("text/html")


def test_empty_hub(tmp_path: Path) -> None:
    from counterdesk.hub.hub import init_hub

    with init_hub(tmp_path / "hub", district="Kabupaten Bengkayang") as hub:
        c = TestClient(Starlette(routes=dashboard_routes(hub)))
        for url in ("/", "/requests", "/times", "/satisfaction", "/reports"):
            assert c.get(url).status_code == 200, url
        assert "Belum ada meja terdaftar" in c.get("/").text
        assert c.get(f"/reports/{datetime.date.today():%Y-%m}.pdf").status_code == 200
