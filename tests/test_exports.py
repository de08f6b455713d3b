"""CSV and .xlsx cells a spreadsheet could run as formulas are neutralised (OWASP)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from counterdesk.printing.documents import ReportTable
from counterdesk.printing.exports import (
    INDONESIAN,
    csv_bytes,
    neutralise,
    sheet_title,
    tables_csv,
    tables_xlsx,
)

HOSTILE = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text
    [[cell]] = list(csv.reader(io.StringIO(csv_bytes([[text]]).decode("utf-8-sig"))))
    assert cell == "'" + text


@pytest.mark.parametrize("text", ["-3", "87.28", "0", "Siding", "a=b", "", "'quoted"])
def test_numbers_and_plain_text_stay(text: str) -> None:
    assert neutralise(text) == text


def test_indonesian_dialect() -> None:
    table = ReportTable("T", ["Pos", "IKM", "n"], [["Siding", "87.28", "-3"], ["-x", "1.5.", "2"]])
    text = tables_csv([table], INDONESIAN).decode("utf-8-sig")
    assert text == "T\r\nPos;IKM;n\r\nSiding;87,28;-3\r\n'-x;1.5.;2\r\n\r\n"


def test_xlsx_strings_are_never_formulas() -> None:
    table = ReportTable("T", ["a", "b"], [[h, "12"] for h in HOSTILE], numeric_from=1)
    book = load_workbook(io.BytesIO(tables_xlsx([("=sheet?", table)], info=["=info"])))
    [sheet] = book.worksheets
    assert sheet.title == "=sheet-"
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    kept = {h.replace("\r", "\n") for h in HOSTILE}  # XML stores a CR as a line feed
    assert kept | {"=info"} <= texts  # kept as they are, as text
    assert all(c.quotePrefix for c in cells if c.value in kept)
    assert sheet["B4"].value == 12  # numbers stay numbers


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    first = sheet_title("a" * 40, taken)
    second = sheet_title("a" * 40, taken)
    assert len(first) == 31 and len(second) <= 31 and first != second
    assert sheet_title("x/y[z]", taken) == "x-y-z-"
