"""The monthly report's tables as files for Indonesian Excel (.xlsx, CSV with ``;`` and decimal
commas), safe to open: no cell a spreadsheet could run as a formula, in any CSV or .xlsx the
hub writes; and the IKM weight each one used."""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from starlette.applications import Starlette

from counterdesk.hub import stats
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.dashboard_pages import dashboard_routes
from counterdesk.hub.hub import Hub, init_hub
from counterdesk.hub.report_cli import (
    CSV_NAMES,
    combined_csv,
    csv_files,
    csv_zip,
    monthly_xlsx,
    report_doc,
    report_tables,
)
from counterdesk.printing.exports import EXCEL, INDONESIAN

from .test_stats import TODAY, DeskLog, at

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

NOV = stats.Period.month("2026-11")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_POST = '=HYPERLINK("http://x","klik")'
HOSTILE_SERVICE = "@SUM(1+1)"
HOSTILE_DESK = "+JGB-01"
# ten answers, 48 fours and 42 threes: exact IKM 318/90 x 25 = 88.33 (A), with the rounded
# weight 0.111: 88.33 x 0.999 = 88.25 (B) -- the band edge 88.31 lies between
EDGE = [[4] * 9] * 5 + [[4, 4, 4, 3, 3, 3, 3, 3, 3]] + [[3] * 9] * 4


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    h = init_hub(tmp_path / "hub", district="Kabupaten Bengkayang", clock=lambda: TODAY)
    hostile = DeskLog(h, "JGB-01", HOSTILE_POST)
    hostile.request("r1", HOSTILE_SERVICE, at(2, 9), "2026-11-03", receipt="-1+2")
    hostile.request("r2", "\tTAB", at(2, 9), "2026-11-04", receipt="\rCR")
    for scores in EDGE:
        hostile.add("survey_recorded", at(5, 10), None, service="SKTM", scores=scores, comment="")
    plain = DeskLog(h, "SLS-01", "Siding")
    plain.request("r3", "SKD", at(3, 9), "2026-11-05")
    plain.add("survey_recorded", at(6, 10), None, service="SKD", scores=[3] * 9, comment="")
    yield h
    h.close()


def csv_cells(data: bytes, delimiter: str = ",") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def assert_safe_csv(data: bytes, delimiter: str = ",") -> int:
    checked = 0
    for row in csv_cells(data, delimiter):
        for cell in row:
            if cell.startswith(FORMULA_START):
                assert cell.lstrip("-").replace(".", "").replace(",", "").isdigit(), repr(cell)
            checked += 1
    return checked


def test_every_csv_the_hub_writes_is_neutralised(hub: Hub) -> None:
    m = stats.monthly(hub, NOV)
    cells = {c for row in csv_cells(combined_csv(m)) for c in row}
    assert "'" + HOSTILE_POST in cells  # kept, but as text
    assert {"'" + HOSTILE_SERVICE, "'-1+2", "'\tTAB", "'\rCR"} <= cells
    assert "-1+2" not in cells and HOSTILE_POST not in cells
    assert assert_safe_csv(combined_csv(m)) > 50
    assert assert_safe_csv(combined_csv(m, INDONESIAN), ";") > 50
    for dialect in (EXCEL, INDONESIAN):
        for name, data in csv_files(m, dialect).items():
            assert_safe_csv(data, dialect.delimiter), name
        with zipfile.ZipFile(io.BytesIO(csv_zip(m, dialect))) as z:
            for name in z.namelist():
                assert_safe_csv(z.read(name), dialect.delimiter), name


def test_xlsx_has_the_tables_and_no_formula(hub: Hub) -> None:
    m = stats.monthly(hub, NOV)
    book = load_workbook(io.BytesIO(monthly_xlsx(m)))
    assert book.sheetnames == list(CSV_NAMES)
    tables = [*report_tables(m)]
    volume = book["volume"]
    assert "bobot tepat 1/9" in str(volume["A3"].value)
    assert volume["A4"].value == tables[0].title
    assert [c.value for c in volume[5]][:3] == ["Pos", "Layanan", "Jumlah"]
    formula_like = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.value
                    formula_like += 1
    assert formula_like >= 4  # the hostile post, service and receipts are there, as text
    ikm = book["ikm"]
    rows = [[c.value for c in r] for r in ikm.iter_rows(min_row=3)]
    total = next(r for r in rows if r[0] == "Semua pos" and r[1] == "Semua layanan")
    assert isinstance(total[2], int) and total[2] == 11  # respondents: a number
    assert isinstance(total[3], float)


def test_indonesian_csv_has_semicolons_and_decimal_commas(hub: Hub) -> None:
    m = stats.monthly(hub, NOV)
    rows = csv_cells(csv_files(m, INDONESIAN)["06-ikm.csv"], ";")
    assert rows[0][:4] == ["Pos", "Layanan", "Responden", "IKM"]
    jgb = next(r for r in rows if r[0] == "'" + HOSTILE_POST and r[1].startswith("SKTM"))
    assert jgb[3] == "88,33" and jgb[4] == "A"
    excel = csv_cells(csv_files(m, EXCEL)["06-ikm.csv"])
    assert next(r for r in excel if r[1].startswith("SKTM"))[3] == "88.33"


def test_the_weight_is_chosen_shown_and_moves_the_grade(hub: Hub) -> None:
    exact = stats.monthly(hub, NOV)
    rounded = stats.monthly(hub, NOV, weight=0.111)
    [t_exact] = [t for t in report_tables(exact) if t.title.startswith("Indeks")]
    [t_rounded] = [t for t in report_tables(rounded) if t.title.startswith("Indeks")]
    assert "bobot tepat 1/9" in t_exact.title and "0,111" in t_rounded.title
    row_e = next(r for r in t_exact.rows if r[1].startswith("SKTM"))
    row_r = next(r for r in t_rounded.rows if r[1].startswith("SKTM"))
    assert (row_e[3], row_e[4]) == ("88.33", "A")
    assert (row_r[3], row_r[4]) == ("88.25", "B")


def test_the_printed_report_says_which_weight(hub: Hub) -> None:
    for weight, shown, other in ((1 / 9, "1/9 (tepat)", "88.25"), (0.111, "0,111", "88.33")):
        doc = report_doc(hub, stats.monthly(hub, NOV, weight=weight))
        assert dict(doc.key_figures)["Bobot IKM"].startswith(shown)
        [jgb] = [t for t in doc.skm_tables if t.title.startswith(HOSTILE_POST)]
        assert "IKM dihitung dengan bobot" in jgb.note and other in jgb.note


def test_cli_writes_xlsx_and_indonesian_csv(
    hub: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, sheet, table = tmp_path / "l.pdf", tmp_path / "l.xlsx", tmp_path / "l.csv"
    args = ["--data-dir", str(tmp_path / "hub"), "report", "--month", "2026-11"]
    code = hub_main(
        [*args, "--out", str(out), "--xlsx", str(sheet), "--csv", str(table),
         "--csv-dialect", "id", "--ikm-weight", "0.111"]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    book = load_workbook(sheet)
    assert "0,111" in str(book["volume"]["A3"].value)
    text = table.read_bytes().decode("utf-8-sig")
    assert "Pos;Layanan;Jumlah" in text and "88,25" in text
    assert_safe_csv(table.read_bytes(), ";")
    capsys.readouterr()
    for bad, reason in (
        (["--xlsx", str(tmp_path / "x.csv")], "--xlsx must name a .xlsx file"),
        (["--ikm-weight", "0.1"], "--ikm-weight"),
    ):
        with pytest.raises(SystemExit) as stop:
            hub_main([*args, "--out", str(out), *bad])
        assert stop.value.code == 2 and reason in capsys.readouterr().err


def test_dashboard_downloads(hub: Hub) -> None:
    client = TestClient(Starlette(routes=dashboard_routes(hub)), raise_server_exceptions=True)
    got = client.get("/reports/2026-11.xlsx")
    assert got.status_code == 200 and "spreadsheetml" in got.headers["content-type"]
    assert load_workbook(io.BytesIO(got.content)).sheetnames == list(CSV_NAMES)
    semicolons = client.get("/reports/2026-11.csv?dialect=id")
    assert "Pos;Layanan;Jumlah" in semicolons.content.decode("utf-8-sig")
    assert_safe_csv(semicolons.content, ";")
    rounded = client.get("/reports/2026-11.csv?weight=0.111").content.decode("utf-8-sig")
    assert "88.25" in rounded and "0,111" in rounded
    assert client.get("/reports/2026-11.csv?dialect=xx").status_code == 400
    assert client.get("/reports/2026-11.csv?weight=0.2").status_code == 400
    page = client.get("/reports").text
    assert "/reports/2026-11.xlsx" in page and "dialect=id" in page
    satisfaction = client.get("/satisfaction?month=2026-11").text
    assert "bobot tepat 1/9" in satisfaction


def test_dates_are_plain(hub: Hub) -> None:
    """Due dates stay text like 2026-11-03 (never mistaken for numbers or formulas)."""
    m = stats.monthly(hub, NOV)
    rows = csv_cells(csv_files(m, INDONESIAN)["07-terlambat.csv"], ";")
    assert any("2026-11-03" in r for r in rows)
