"""`counterdesk print`, `counterdesk verify` and `counterdesk report daily`."""

from __future__ import annotations

import argparse
import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterdesk.cli.common import STAFF_ENV, UsageError, login, open_desk, print_json
from counterdesk.domain.errors import CounterdeskError, NotFound
from counterdesk.services.command import data_dir_option, report_verdict
from counterdesk.services.print_options import DOCUMENT_KINDS, TARGET_HELP

if TYPE_CHECKING:
    from counterdesk.services.desk import Desk

# The PDF makers (ReportLab), the printers and the signatures are imported by the commands
# that use them: building the parser for another command must not load them.


def _info_sheet(desk: Desk, args: argparse.Namespace) -> tuple[bytes, dict[str, Any]]:
    """`print info-sheet SERVICE` or `print info-sheet --all`: the wall sheet(s)."""
    from counterdesk.services.documents import info_sheet_pdf

    if bool(args.all) == bool(args.receipt):
        raise UsageError("info-sheet needs a SERVICE code or --all (not both)")
    if not args.all:
        try:
            desk.catalogue.get(args.receipt)
        except NotFound as exc:
            raise UsageError(str(exc)) from None
    code = None if args.all else args.receipt.strip().upper()
    pdf = info_sheet_pdf(desk, code, size=args.paper)
    services = [s.code for s in desk.catalogue.services] if code is None else [code]
    return pdf, {"services": services, "pages": len(services)}


def _check_queue(printer: str) -> None:
    """Before a letter is issued (numbered): a stopped or refusing queue fails here."""
    from counterdesk.services.printer import PrintError, queue_state

    state = queue_state(printer)
    if not state.ready:
        what = "is stopped" if not state.enabled else "is not accepting jobs"
        because = f" ({state.reason})" if state.reason else ""
        raise PrintError(
            f"printer {printer!r} {what}{because}; nothing was printed",
            code="lp_stopped" if not state.enabled else "lp_rejecting",
            printer=printer,
        )


def _log_print(
    args: argparse.Namespace, staff: str, kind: str, number: str, receipt: str, where: str
) -> None:
    """The print log gets one line per document written or sent (services.print_log)."""
    from counterdesk.services.print_log import record_print

    with open_desk(args) as desk:
        record_print(desk, staff, kind, number, receipt=receipt, printer=where)


def cmd_print(args: argparse.Namespace) -> int:
    from counterdesk.services.documents import document_pdf
    from counterdesk.services.escpos import escpos_target_for, parse_target, print_roll, roll_for
    from counterdesk.services.printer import PrintError, send_to_printer
    from counterdesk.sync.bundle import write_atomically

    given = [x for x in (args.out, args.printer, args.escpos) if x]
    if len(given) > 1:
        raise UsageError("give only one of --out FILE.pdf, --printer NAME or --escpos TARGET")
    if args.document != "info-sheet":
        if args.all or args.paper:
            raise UsageError("--all and --paper only apply to info-sheet")
        if not args.receipt:
            raise UsageError(f"print {args.document} needs a RECEIPT number")
    if args.out and os.path.exists(args.out) and not os.path.isfile(args.out):
        # write_atomically renames a new file into place: it would replace the device.
        raise UsageError(
            f"--out {args.out} is not a regular file (a device or pipe); "
            "give a file name, or --escpos for a printer device"
        )
    if args.roll and args.document not in ("ticket", "receipt"):
        raise UsageError("--roll only applies to ticket and receipt")
    if args.escpos and args.document not in ("ticket", "receipt"):
        raise UsageError("--escpos prints tickets and receipts only (a roll printer)")
    try:
        escpos = parse_target(args.escpos) if args.escpos else None
    except PrintError as exc:
        raise UsageError(str(exc)) from None
    with open_desk(args) as desk:
        settings = desk.info.settings
        if not given:
            saved = escpos_target_for(args.document, settings)
            if not saved:
                raise UsageError(
                    "give --out FILE.pdf, --printer NAME or --escpos TARGET "
                    f"({args.document}_escpos is not set for this desk)"
                )
            escpos = parse_target(saved)
        timeout = float(args.timeout or settings.print_timeout_s)
        roll = args.roll or roll_for(args.document, settings)
        if args.printer:
            _check_queue(args.printer)  # before a letter takes its number
        session = None
        # Letters and slips are issued by someone; --staff names who printed for any kind.
        if args.staff or (args.document in ("letter", "referral") and os.environ.get(STAFF_ENV)):
            session = login(desk, args)
        if args.document == "info-sheet":
            pdf, info = _info_sheet(desk, args)
        elif args.document in ("ticket", "receipt"):
            pdf, info = document_pdf(desk, session, args.document, args.receipt, roll_mm=roll)
        else:
            pdf, info = document_pdf(desk, session, args.document, args.receipt)
        drawer = args.drawer or (settings.escpos_drawer and args.document == "receipt")
        beep = args.beep or settings.escpos_beep
    what = args.receipt or "all"
    title = f"{args.document} {what}"
    if args.out:
        out = Path(args.out)
        try:
            write_atomically(out, pdf)
        except OSError as exc:
            raise CounterdeskError(f"cannot write {out}: {exc.strerror}") from None
        where = str(out)
    elif escpos is not None:
        where = print_roll(
            pdf, roll, escpos, title=title, timeout=timeout, drawer=drawer, beep=beep
        )
        info = info | {"roll": roll}
    else:
        where = send_to_printer(pdf, args.printer, title=title, timeout=timeout)
    if args.document == "info-sheet":
        number = "all" if args.all else str(args.receipt).strip().upper()
        _log_print(args, "", "info_sheet", number, "", where)
    else:
        number = str(info.get("number") or info.get("ticket") or info.get("receipt"))
        _log_print(
            args, session.name if session else "", args.document, number, args.receipt, where
        )
    if args.json:
        print_json({"document": args.document, "bytes": len(pdf), "to": where} | info)
    else:
        extra = f" ({info['number']})" if "number" in info else ""
        if "services" in info:
            extra = f" ({info['pages']} page(s): {', '.join(info['services'])})"
        print(f"{args.document}{extra}: {len(pdf):,} bytes -> {where}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from counterdesk.services.verification import verify_payload

    with open_desk(args) as desk:
        verdict = verify_payload(desk, args.payload)
    return report_verdict(verdict, as_json=args.json)


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_report(args: argparse.Namespace) -> int:
    from counterdesk.services.reports import daily_report_pdf, daily_summary
    from counterdesk.sync.bundle import write_atomically

    if not args.out and not args.json:
        raise UsageError("give --out FILE.pdf (and/or --json to print the figures)")
    with open_desk(args) as desk:
        day = args.date or desk.now().date()
        summary = daily_summary(desk, day)
        pdf = daily_report_pdf(desk, summary) if args.out else b""
    if args.out:
        out = Path(args.out)
        try:
            write_atomically(out, pdf)
        except OSError as exc:
            raise CounterdeskError(f"cannot write {out}: {exc.strerror}") from None
        _log_print(args, "", "daily_report", day.isoformat(), "", str(out))
    if args.json:
        print_json(summary.to_json() | ({"out": str(args.out)} if args.out else {}))
    else:
        print(
            f"daily report {day.isoformat()} ({summary.desk}): {summary.registered} registered, "
            f"{summary.tickets_called} called, {summary.collected} collected "
            f"({summary.late} late), {summary.overdue} overdue -> {args.out}"
        )
    return 0


def add_commands(add: Any, as_json: Any, staff: Any) -> None:
    p = add(
        "print",
        cmd_print,
        "make a ticket, receipt, letter or referral slip as PDF, to a file or a printer; "
        "or a service's one-page information sheet for the wall (info-sheet SERVICE | --all)",
        as_json,
        staff,
    )
    p.add_argument("document", choices=(*DOCUMENT_KINDS, "info-sheet"))
    p.add_argument(
        "receipt",
        metavar="RECEIPT|SERVICE",
        nargs="?",
        help="the request's receipt number; for info-sheet the service code",
    )
    p.add_argument(
        "--all", action="store_true", help="info-sheet: every service, one page each, in one PDF"
    )
    p.add_argument(
        "--paper",
        choices=("A4", "F4"),
        type=str.upper,
        help="info-sheet: paper size (default: the desk's letter paper)",
    )
    p.add_argument("--out", metavar="FILE.pdf", help="write the PDF to this file")
    p.add_argument(
        "--printer",
        metavar="NAME",
        help="send it to this printer (CUPS queue) and wait until it is printed",
    )
    p.add_argument(
        "--escpos",
        metavar="TARGET",
        help=f"ticket/receipt straight to an ESC/POS printer: {TARGET_HELP} "
        "(default: the desk's ticket_escpos/receipt_escpos setting)",
    )
    p.add_argument(
        "--roll",
        type=int,
        choices=(58, 80),
        help="ticket/receipt: the paper roll in mm (default: the desk's setting)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="how long the printer may take; then the job is cancelled (default: the "
        "desk's print_timeout_s)",
    )
    p.add_argument("--drawer", action="store_true", help="ESC/POS: open the cash drawer")
    p.add_argument("--beep", action="store_true", help="ESC/POS: beep when printed")
    p = add(
        "verify",
        cmd_verify,
        "check the QR payload of a letter or receipt; exit 0 valid, 1 not valid",
        as_json,
    )
    p.add_argument("payload", metavar="PAYLOAD")
    p = add("report", cmd_report, "reports of this desk (daily: the day's figures as A4 PDF)")
    kinds = p.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    # --data-dir after the report's name too, as every command takes it
    data_dir = data_dir_option(argparse.SUPPRESS, "desk data folder")
    daily_help = "rekap harian: the day's requests, queue, completions, referrals, overdue"
    d = kinds.add_parser(
        "daily", help=daily_help, description=daily_help, parents=[data_dir, as_json]
    )
    d.add_argument(
        "--date", metavar="YYYY-MM-DD", type=_day, help="the day (default: the desk's today)"
    )
    d.add_argument(
        "--out", metavar="FILE.pdf", help="write the report as PDF here (required unless --json)"
    )
