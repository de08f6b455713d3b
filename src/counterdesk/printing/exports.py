"""Report tables as files a spreadsheet opens safely: CSV (two dialects) and .xlsx.

Every cell a spreadsheet could take for a formula is neutralised (OWASP "CSV injection"):

- CSV: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a leading apostrophe (``'=1+2``), so Excel and LibreOffice show it as text. A cell
  that is only a number (``-3``, ``87.28``) is left as it is: it cannot be a formula.
- .xlsx: text is written as a string cell, never a formula (openpyxl would otherwise take
  ``=...`` for one), and the same cells carry Excel's "quote prefix" so that editing them
  later does not turn them into formulas either; numbers in numeric columns are numbers.

Dialects: :data:`EXCEL` (comma, decimal point) and :data:`INDONESIAN` (``;`` between cells
and a decimal comma: what Excel with Indonesian regional settings expects). Both are
UTF-8 with a byte order mark, lines ending CRLF.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

from counterdesk.printing.documents import ReportTable

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class CsvDialect:
    name: str
    delimiter: str
    decimal: str


EXCEL: Final = CsvDialect("excel", ",", ".")
INDONESIAN: Final = CsvDialect("id", ";", ",")
DIALECTS: Final = {d.name: d for d in (EXCEL, INDONESIAN)}


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet must show it: a formula-like start gets an apostrophe."""
    if text.startswith(FORMULA_START) and not is_number(text):
        return "'" + text
    return text


def _cell(text: object, dialect: CsvDialect) -> str:
    value = "" if text is None else str(text)
    if dialect.decimal != "." and is_number(value):
        return value.replace(".", dialect.decimal)
    return neutralise(value)


def csv_bytes(lines: Iterable[Sequence[object]], dialect: CsvDialect = EXCEL) -> bytes:
    """Rows of cells as CSV in ``dialect``, every cell neutralised."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=dialect.delimiter, lineterminator="\r\n")
    for line in lines:
        writer.writerow([_cell(c, dialect) for c in line])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def table_lines(table: ReportTable, *, title: bool) -> list[list[str]]:
    """A table's lines for CSV: (its title,) its header, its rows."""
    head = [[table.title]] if title else []
    return [*head, list(table.header), *(list(r) for r in table.rows)]


def tables_csv(tables: Sequence[ReportTable], dialect: CsvDialect = EXCEL) -> bytes:
    """Every table in one CSV: title line, header, rows, an empty line."""
    lines: list[list[str]] = []
    for table in tables:
        lines += table_lines(table, title=True)
        lines.append([])
    return csv_bytes(lines, dialect)


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (at most 31 characters, none of ``[]:*?/\\``)."""
    base = _SHEET_FORBIDDEN.sub("-", name).strip("'") or "Tabel"
    title, n = base[:31], 1
    while title.lower() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
    taken.add(title.lower())
    return title


def tables_xlsx(tables: Sequence[tuple[str, ReportTable]], *, info: Sequence[str] = ()) -> bytes:
    """One worksheet per ``(sheet name, table)``: the title, the header (bold), the rows.

    ``info`` lines (e.g. the period and the IKM weight used) open the first sheet.
    """
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    for index, (name, table) in enumerate(tables):
        sheet = book.create_sheet(sheet_title(name, taken))
        row = 1
        for line in info if index == 0 else ():
            _text(sheet.cell(row, 1), line)
            row += 1
        title = sheet.cell(row, 1)
        _text(title, table.title)
        title.font = bold
        row += 1
        for column, head in enumerate(table.header, start=1):
            cell = sheet.cell(row, column)
            _text(cell, head)
            cell.font = bold
        for values in table.rows:
            row += 1
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row, column)
                if column - 1 >= table.numeric_from and is_number(value):
                    cell.value = int(value) if "." not in value else float(value)
                else:
                    _text(cell, value)
        for column, head in enumerate(table.header, start=1):
            width = max([len(head), *(len(r[column - 1]) for r in table.rows if len(r) >= column)])
            letter = sheet.cell(1, column).column_letter
            sheet.column_dimensions[letter].width = min(60, max(8, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(cell: Cell, value: str) -> None:
    """A string cell, never a formula; formula-like text also gets the quote prefix."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True
