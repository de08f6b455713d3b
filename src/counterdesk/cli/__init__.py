"""The ``counterdesk`` command line: thin over the services.

Exit codes: 0 success, 1 refused or failed (one ``error: ...`` line on stderr),
2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterdesk import __version__
from counterdesk.cli.common import (
    UsageError,
    login,
    open_desk,
    print_json,
    today,
)
from counterdesk.config import PASSWORD_ENV, data_dir
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.roles import Role
from counterdesk.services.command import (
    CommandTree,
    json_option,
    new_password,
    print_rows,
    run_command,
)

if TYPE_CHECKING:
    from counterdesk.services.requests import RequestView

# A command imports the services it uses when it runs, not when the parser is built: a
# command line that starts at once (``counterdesk status`` does not load the PDF makers,
# the sync client or the holiday tables). tests/test_cli_startup.py keeps it so.

# Signature of the ``add`` helper that sub-modules use to register their commands.
AddCommand = Callable[..., argparse.ArgumentParser]


def add_document_commands(add: AddCommand, as_json: Any, staff: Any) -> None:
    from counterdesk.cli.documents import add_commands

    add_commands(add, as_json, staff)


def add_sync_commands(add: AddCommand, as_json: Any, staff: Any) -> None:
    from counterdesk.cli.sync_commands import add_commands

    add_commands(add, as_json, staff)


def add_citizen_commands(add: AddCommand, as_json: Any, staff: Any) -> None:
    from counterdesk.cli.citizen import add_commands

    add_commands(add, as_json, staff)


def add_holiday_commands(add: AddCommand, as_json: Any, staff: Any) -> None:
    from counterdesk.cli.holidays import add_commands

    add_commands(add, as_json, staff)


def add_recovery_commands(add: AddCommand, as_json: Any, staff: Any) -> None:
    from counterdesk.cli.recovery import add_commands

    add_commands(add, as_json, staff)


# commands ------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    from counterdesk.services.setup import DEMO_PASSWORD, DEMO_STAFF, make_demo

    desk, created = make_demo(data_dir(args.data_dir))
    with desk:
        info = desk.info
        if args.json:
            print_json(
                {
                    "desk": info.code,
                    "created": created,
                    "training": True,
                    "staff": DEMO_STAFF,
                    "data_dir": str(desk.paths.root),
                }
            )
        else:
            state = "created" if created else "already there"
            print(f"training desk {info.code} {state} in {desk.paths.root}")
            print(f"log in as {DEMO_STAFF!r} with password {DEMO_PASSWORD!r}")
    return 0


def cmd_services(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        catalogue = desk.catalogue
        if args.json:
            print_json([s.to_json() for s in catalogue.services])
            return 0
        lang = args.lang
        for s in catalogue.services:
            fee = "gratis" if s.fee == 0 else f"Rp {s.fee:,}".replace(",", ".")
            print(f"{s.code:<6} {s.ticket_prefix}  {s.name.get(lang)}")
            print(f"       {s.product}, {s.days} hari kerja, {fee}, {s.agency.get(lang)}")
            for r in s.requirements:
                mark = "*" if r.required else " "
                print(f"       {mark} {r.key}: {r.text.get(lang)}")
            for f in s.fields:
                mark = "*" if f.required else " "
                print(f"       {mark} field {f.key} ({f.type}): {f.label.get(lang)}")
            rules = s.eligibility
            if not rules.empty:
                said = ["citizens only (NIK)"] if rules.citizens_only else []
                if rules.min_age:
                    unless = ", ".join(f"--condition {c.key}" for c in rules.min_age.conditions)
                    said.append(
                        f"age {rules.min_age.years}+" + (f" unless {unless}" if unless else "")
                    )
                if rules.not_future:
                    said.append(f"not after today: {', '.join(rules.not_future.fields)}")
                if rules.residence:
                    said.append(f"--residence-address in {', '.join(rules.residence.kecamatan)}")
                print(f"       rules: {'; '.join(said)}")
    return 0


def _parse_fields(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--field takes KEY=VALUE, not {pair!r}")
        out[key.strip().lower()] = value
    return out


def _request_line(r: RequestView, today: datetime.date) -> str:
    flag = " OVERDUE" if r.overdue(today) else ""
    return f"{r.receipt}  {r.ticket:<6} {r.service:<6} {r.status:<12} {r.due_date}  {r.name}{flag}"


def cmd_register(args: argparse.Namespace) -> int:
    if args.csv:
        if args.service or args.name or args.nik or args.passport or args.field:
            raise UsageError("--csv cannot be combined with --service/--name/--nik/--field")
        if args.override or args.override_reason or args.residence_address or args.condition:
            raise UsageError(
                "with --csv, give overrides, residence addresses and conditions as columns "
                "(override, override_reason, residence_address, conditions)"
            )
        return _register_csv(args)
    if not args.service or not args.name:
        raise UsageError("register needs --service CODE and --name NAME (or --csv FILE)")
    if args.skip_invalid:
        raise UsageError("--skip-invalid only applies to --csv")
    from counterdesk.services import register as register_service

    with open_desk(args) as desk:
        session = login(desk, args)
        request = register_service.register(
            desk,
            session,
            register_service.Registration(
                service=args.service,
                name=args.name,
                nik=args.nik,
                passport=args.passport,
                nationality=args.nationality,
                fields=_parse_fields(args.field),
                requirements_given=args.given,
                overrides=args.override,
                override_reason=args.override_reason or "",
                residence_address=args.residence_address or "",
                conditions=args.condition,
            ),
        )
        if args.json:
            print_json(request.to_json(today=today(desk)))
        else:
            print(f"receipt {request.receipt}")
            print(f"ticket  {request.ticket}")
            print(f"service {request.service} {request.service_name}")
            print(f"due     {request.due_date}")
    return 0


def _register_csv(args: argparse.Namespace) -> int:
    from counterdesk.services import register as register_service

    try:
        data = Path(args.csv).read_bytes()
    except OSError as exc:
        raise CounterdeskError(f"cannot read {args.csv}: {exc.strerror}") from None
    text = register_service.read_csv_file(data)
    with open_desk(args) as desk:
        session = login(desk, args)
        result = register_service.register_csv(desk, session, text, skip_invalid=args.skip_invalid)
    if args.json:
        print_json(
            {
                "registered": len(result.registered),
                "receipts": result.registered,
                "skipped": [{"line": e.line, "error": e.message} for e in result.errors],
            }
        )
    else:
        print(f"registered {len(result.registered)} request(s)")
        for e in result.errors:
            print(f"skipped {e}", file=sys.stderr)
    return 0


def cmd_requests(args: argparse.Namespace) -> int:
    from counterdesk.services.requests import list_requests

    with open_desk(args) as desk:
        login(desk, args, reads=True)
        rows = list_requests(
            desk,
            text=args.search or "",
            status=args.status,
            service=args.service,
            limit=args.limit,
        )
        day = today(desk)
        print_rows(
            rows,
            lambda r: _request_line(r, day),
            as_json=args.json,
            empty="no requests found",
            to_json=lambda r: r.to_json(today=day),
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from counterdesk.services.requests import get_request, history

    with open_desk(args) as desk:
        login(desk, args, reads=True)
        request = get_request(desk, args.receipt)
        events = history(desk, request)
        day = today(desk)
        if args.json:
            print_json(request.to_json(today=day) | {"history": events})
            return 0
        print(_request_line(request, day))
        print(f"  {request.ident}  registered {request.registered_at} by {request.staff}")
        for key, value in request.fields.items():
            print(f"  {key}: {value}")
        for e in events:
            move = f" {e['from']} -> {e['to']}" if "to" in e else ""
            note = f" ({e['note']})" if "note" in e else ""
            print(f"  #{e['seq']} {e['at']} {e['staff']}: {e['kind']}{move}{note}")
            for o in e.get("overrides", []):
                print(f"     override {o['rule']} by {o['by']}: {o['reason']} [{o['detail']}]")
            if e.get("residence"):
                print(f"     residence confirmed from KTP-el/KK: {e['residence']['address']}")
            if e.get("conditions"):
                print(f"     conditions confirmed: {', '.join(e['conditions'])}")
    return 0


def cmd_advance(args: argparse.Namespace) -> int:
    from counterdesk.services import advance as advance_service

    with open_desk(args) as desk:
        session = login(desk, args)
        request = advance_service.advance(
            desk, session, args.receipt, args.status, note=args.note or ""
        )
        if args.json:
            print_json(request.to_json(today=today(desk)))
        else:
            print(f"{request.receipt} is now {request.status}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from counterdesk.services.status import desk_status

    with open_desk(args) as desk:
        status = desk_status(desk)
    if args.json:
        print_json(status)
    else:
        training = " (TRAINING)" if status["training"] else ""
        print(f"desk     {status['desk']} {status['name']}{training}")
        print(f"post     {status['post']}, {status['district']}")
        print(f"requests {status['requests']}")
        print(f"pending  {status['pending']} event(s) not yet acknowledged by the district")
        if status["oldest_pending_at"]:
            print(f"oldest   {status['oldest_pending_at']}")
        print(f"hub      last contact {status['last_hub_contact'] or 'never'}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from counterdesk.cli.audit import cmd_audit as run

    return run(args)


def cmd_staff(args: argparse.Namespace) -> int:
    from counterdesk.services.staff import add_staff, list_staff, unlock_staff

    with open_desk(args) as desk:
        if args.staff_command == "list":
            rows = list_staff(desk)
            if args.json:
                print_json(rows)
            else:
                for r in rows:
                    locked = " LOCKED" if r["locked"] else ""
                    print(f"{r['name']:<16} {r['role']:<10} {r['full_name']}{locked}")
            return 0
        session = login(desk, args)
        if args.staff_command == "add":
            password = new_password(
                args.name, who="the new account", env="COUNTERDESK_NEW_PASSWORD"
            )
            add_staff(
                desk,
                session,
                name=args.name,
                full_name=args.full_name or args.name,
                role=Role(args.role),
                password=password,
                nip=args.nip or "",
            )
            print(f"added {args.name} ({args.role})")
        elif args.staff_command == "unlock":
            unlock_staff(desk, session, args.name)
            print(f"unlocked {args.name}")
    return 0


# parser --------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    tree = CommandTree(
        "counterdesk",
        "counterdesk service-counter desk. With no command, starts the desktop app.",
        __version__,
        "desk data folder (default: $COUNTERDESK_DATA_DIR, else the user data folder)",
    )
    parser, add, common = tree.parser, tree.add, tree.common
    as_json = json_option()
    staff = argparse.ArgumentParser(add_help=False)
    staff.add_argument(
        "--staff",
        metavar="NAME",
        help=f"act as this staff member (password from ${PASSWORD_ENV} or a prompt)",
    )

    add("demo", cmd_demo, "create (idempotently) a training desk with a demo account", as_json)

    p = add("services", cmd_services, "the service catalogue with each service's standard", as_json)
    p.add_argument("--lang", choices=["id", "en"], default="id", help="language of the names")

    p = add(
        "register",
        cmd_register,
        "register one walk-in request, or many from a CSV file",
        as_json,
        staff,
    )
    p.add_argument("--service", metavar="CODE", help="service code (see `counterdesk services`)")
    p.add_argument("--name", metavar="NAME", help="citizen's name as on the ID card")
    p.add_argument("--nik", metavar="NIK", help="16-digit NIK (Indonesian citizens)")
    p.add_argument("--passport", metavar="NO", help="passport number (foreigners)")
    p.add_argument("--nationality", metavar="CC", help="2-letter country code, e.g. MY")
    p.add_argument(
        "--field",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="an extra field of the service; repeat for each",
    )
    p.add_argument(
        "--given",
        metavar="KEY",
        action="append",
        default=[],
        help="a requirement the citizen handed in; repeat for each",
    )
    p.add_argument(
        "--override",
        metavar="RULE",
        action="append",
        default=[],
        help="(supervisor/admin) accept a refusal that may be overridden: nik_regency, "
        "nik_kecamatan, nik_province (a region code missing from the Kemendagri list) or "
        "a catalogue rule marked overridable (min_age, not_future); repeat for each",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="why the override is accepted (required with --override; recorded)",
    )
    p.add_argument(
        "--residence-address",
        metavar="ADDRESS",
        help="confirm residence for services that need it (PLB): the address on the "
        "KTP-el or KK, which the clerk checked is in a border kecamatan",
    )
    p.add_argument(
        "--condition",
        metavar="KEY",
        action="append",
        default=[],
        help="a condition of the service's age rule the clerk confirmed (e.g. married)",
    )
    p.add_argument(
        "--csv",
        metavar="FILE",
        help="register every row of this CSV (header: service,name,nik,passport,"
        "nationality,field:KEY...; optional override,override_reason,"
        "residence_address,conditions)",
    )
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="with --csv: register the valid rows and report the others",
    )

    p = add("requests", cmd_requests, "list or search requests, newest first", as_json, staff)
    p.add_argument("--search", metavar="TEXT", help="name, NIK, passport or receipt (part of)")
    p.add_argument("--status", metavar="S", help="only requests with this status")
    p.add_argument("--service", metavar="CODE", help="only requests for this service")
    p.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")

    p = add("show", cmd_show, "one request with its history", as_json, staff)
    p.add_argument("receipt", metavar="RECEIPT")

    p = add("advance", cmd_advance, "move a request along its lifecycle", as_json, staff)
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument(
        "status",
        metavar="STATUS",
        help="in_progress, ready, collected, referred, rejected or cancelled",
    )
    p.add_argument("--note", metavar="TEXT", help="reason or remark (required to reject/cancel)")

    add("status", cmd_status, "desk identity, pending count, last hub contact", as_json)

    p = add("audit", cmd_audit, "check the event log", as_json)
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser(
        "verify",
        help="check the sequence and hash chain; exit 1 on any gap or alteration",
        description="check the sequence and hash chain, the hub's acknowledgement and (with "
        "--receipts) the chain tags of printed receipts; say what that proves; exit 1 on any "
        "gap, alteration or difference",
        parents=[common, as_json],
    )
    from counterdesk.cli.audit import add_arguments as add_audit_arguments

    add_audit_arguments(verify)

    p = add("staff", cmd_staff, "staff accounts (list, add, unlock)", as_json, staff)
    staff_sub = p.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    staff_sub.add_parser("list", help="list accounts", parents=[common, as_json])
    sp = staff_sub.add_parser(
        "add",
        help="add an account (admin; password from $COUNTERDESK_NEW_PASSWORD or a prompt; at "
        "least 8 characters, not the name)",
        parents=[common, staff],
    )
    sp.add_argument("name")
    sp.add_argument("--role", choices=[r.value for r in Role], default=Role.COUNTER.value)
    sp.add_argument("--full-name", metavar="NAME")
    sp.add_argument("--nip", metavar="NIP", help="civil-servant number, printed on letters")
    sp = staff_sub.add_parser("unlock", help="lift a lockout (admin)", parents=[common, staff])
    sp.add_argument("name")

    add_document_commands(add, as_json, staff)
    add_sync_commands(add, as_json, staff)
    add_citizen_commands(add, as_json, staff)
    add_holiday_commands(add, as_json, staff)
    add_recovery_commands(add, as_json, staff)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(build_parser(), argv)
