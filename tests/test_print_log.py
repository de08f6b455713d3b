"""The print log: every document kind, who printed it, first print or reprint; written
by the CLI as by the app (tests/gui/test_office.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from counterdesk.cli import main
from counterdesk.domain.errors import ValidationError
from counterdesk.services.desk import Desk
from counterdesk.services.print_log import print_log, record_print
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession, authenticate
from tests.conftest import FixedClock
from tests.test_register import reg


def test_a_second_print_of_the_same_document_is_a_reprint(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    view = register(desk, session, reg(desk))
    first = record_print(desk, "demo", "receipt", view.receipt, receipt=view.receipt, printer="P1")
    ticket = record_print(desk, "demo", "ticket", view.ticket, receipt=view.receipt)
    clock.advance(minutes=5)
    again = record_print(desk, "demo", "receipt", view.receipt, receipt=view.receipt, printer="P2")
    assert (first.reprint, ticket.reprint, again.reprint) == (False, False, True)
    assert (again.staff, again.staff_name) == ("demo", "Petugas Latihan")
    log = print_log(desk)
    assert [(r.kind, r.reprint, r.printer) for r in log] == [
        ("receipt", True, "P2"),
        ("ticket", False, ""),
        ("receipt", False, "P1"),
    ]
    assert log[0].printed_at > log[2].printed_at


def test_the_log_of_a_day_holds_only_that_day(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    record_print(desk, "demo", "daily_report", "2026-11-01")
    clock.advance(days=1)
    record_print(desk, "demo", "info_sheet", "all")
    today = clock.now.date()
    assert [r.kind for r in print_log(desk, day=today)] == ["info_sheet"]
    assert [r.kind for r in print_log(desk, day=today - datetime.timedelta(days=1))] == [
        "daily_report"
    ]
    assert len(print_log(desk)) == 2


def test_an_unknown_kind_or_an_empty_number_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError) as e:
        record_print(desk, "demo", "poster", "1")
    assert e.value.code == "print_kind"
    with pytest.raises(ValidationError) as e:
        record_print(desk, "demo", "receipt", "  ")
    assert e.value.code == "print_number"
    assert print_log(desk) == []


def test_the_cli_logs_what_it_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "desk"
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    assert main(["--data-dir", str(root), "demo"]) == 0
    with Desk.open(root) as desk:
        view = register(desk, authenticate(desk, "demo", "demo"), reg(desk))
    out = tmp_path / "r.pdf"
    command = ["--data-dir", str(root), "print", "receipt", view.receipt, "--out", str(out)]
    assert main(command) == 0
    assert main([*command, "--staff", "demo"]) == 0  # --staff: who printed it
    assert main(["--data-dir", str(root), "report", "daily", "--out", str(tmp_path / "d.pdf")]) == 0
    capsys.readouterr()
    with Desk.open(root) as desk:
        log = print_log(desk)
    assert [(r.kind, r.number, r.reprint, r.staff, r.printer) for r in log] == [
        ("daily_report", log[0].number, False, "", str(tmp_path / "d.pdf")),
        ("receipt", view.receipt, True, "demo", str(out)),
        ("receipt", view.receipt, False, "", str(out)),
    ]


def test_the_same_ticket_number_on_another_day_is_a_first_print(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    monday = register(desk, session, reg(desk))
    clock.advance(days=1)
    tuesday = register(desk, session, reg(desk, name="Budi Santoso"))
    assert monday.ticket == tuesday.ticket  # numbering starts again each day
    first = record_print(desk, "demo", "ticket", monday.ticket, receipt=monday.receipt)
    other = record_print(desk, "demo", "ticket", tuesday.ticket, receipt=tuesday.receipt)
    again = record_print(desk, "demo", "ticket", tuesday.ticket, receipt=tuesday.receipt)
    assert (first.reprint, other.reprint, again.reprint) == (False, False, True)


def test_a_letter_is_logged_with_the_number_it_carries(desk: Desk, session: StaffSession) -> None:
    from counterdesk.services.documents import document_pdf

    view = register(desk, session, reg(desk))
    _pdf, info = document_pdf(desk, session, "letter", view.receipt)
    # the caller may know only the receipt (a preview opened before the letter had a number)
    first = record_print(desk, "demo", "letter", view.receipt, receipt=view.receipt)
    again = record_print(desk, "demo", "letter", info["number"], receipt=view.receipt)
    assert (first.number, again.number) == (info["number"], info["number"])
    assert (first.reprint, again.reprint) == (False, True)
