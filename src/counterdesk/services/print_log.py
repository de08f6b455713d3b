"""The print log: what was printed, when, by whom, on which printer, first print or reprint.

Written when the app or the CLI hands a document to a printer (or writes it to a PDF
file to print): every kind, tickets, receipts, letters, referral slips, information
sheets and daily reports. A document is a reprint when the log already holds the same
kind and number of the same request (ticket numbers start again every day; the receipt
tells one day's A-001 from another's). The log stays on the desk (it is not an event and
is not synced).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from counterdesk.domain.errors import ValidationError
from counterdesk.services.desk import Desk

PRINT_KINDS = ("ticket", "receipt", "letter", "referral", "info_sheet", "daily_report")


@dataclass(frozen=True)
class PrintRecord:
    printed_at: str
    kind: str
    number: str
    receipt: str  # the request's receipt number ("" for sheets and reports)
    staff: str  # the account name
    staff_name: str  # the full name ("" when the account is unknown)
    printer: str
    reprint: bool


def record_print(
    desk: Desk,
    staff: str,
    kind: str,
    number: str,
    *,
    receipt: str = "",
    printer: str = "",
) -> PrintRecord:
    """Log one print; returns the record (``reprint`` when printed before)."""
    if kind not in PRINT_KINDS:
        raise ValidationError(
            f"unknown document kind {kind!r}; use {', '.join(PRINT_KINDS)}", code="print_kind"
        )
    number = number.strip()
    with desk.transaction():
        if kind in ("letter", "referral") and receipt:
            number = _letter_number(desk, kind, receipt) or number
        if not number:
            raise ValidationError("a printed document needs its number", code="print_number")
        before = desk.conn.execute(
            "SELECT 1 FROM print_log WHERE kind = ? AND number = ? AND receipt = ? LIMIT 1",
            [kind, number, receipt],
        ).fetchone()
        at = desk.now_text()
        desk.conn.execute(
            "INSERT INTO print_log (printed_at, kind, number, receipt, staff, printer, reprint)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [at, kind, number, receipt, staff, printer, int(before is not None)],
        )
        row = desk.conn.execute("SELECT full_name FROM staff WHERE name = ?", [staff]).fetchone()
    return PrintRecord(
        at, kind, number, receipt, staff, str(row[0]) if row else "", printer, before is not None
    )


def _letter_number(desk: Desk, kind: str, receipt: str) -> str:
    """The number of the request's letter or slip in force: what the paper carries (a
    letter previewed as a draft gets it only when printed)."""
    row = desk.conn.execute(
        "SELECT l.number FROM letters l JOIN requests r ON r.id = l.request_id"
        " WHERE r.receipt = ? AND l.kind = ? AND l.revoked = 0",
        [receipt, kind],
    ).fetchone()
    return str(row[0]) if row else ""


def print_log(
    desk: Desk, *, day: datetime.date | None = None, limit: int = 1000
) -> list[PrintRecord]:
    """The newest prints first: of ``day`` when given, else of every day (up to ``limit``)."""
    start = day.isoformat() if day is not None else None
    end = (day + datetime.timedelta(days=1)).isoformat() if day is not None else None
    rows = desk.conn.execute(
        "SELECT p.*, coalesce(s.full_name, '') AS staff_name FROM print_log p"
        " LEFT JOIN staff s ON s.name = p.staff"
        " WHERE (? IS NULL OR (p.printed_at >= ? AND p.printed_at < ?))"
        " ORDER BY p.id DESC LIMIT ?",
        [start, start, end, limit],
    )
    return [
        PrintRecord(
            r["printed_at"],
            r["kind"],
            r["number"],
            r["receipt"],
            r["staff"],
            r["staff_name"],
            r["printer"],
            bool(r["reprint"]),
        )
        for r in rows
    ]
