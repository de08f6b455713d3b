"""`counterdesk referral`, `counterdesk referrals` and `counterdesk complaint ...`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counterdesk.cli.common import UsageError, login, open_desk, print_json
from counterdesk.domain.channels import Channel
from counterdesk.domain.lifecycle import Outcome
from counterdesk.services.command import data_dir_option, print_rows

if TYPE_CHECKING:
    from counterdesk.services.complaints import Complaint

# The services (and the event contract they load) are imported by the commands that run;
# the parser's choices come from the domain's enums, as services.complaints.CHANNELS and
# services.referrals.OUTCOMES do.
CHANNELS = tuple(c.value for c in Channel)
OUTCOMES = tuple(o.value for o in Outcome)


def cmd_referral(args: argparse.Namespace) -> int:
    from counterdesk.services.referrals import record_outcome

    with open_desk(args) as desk:
        session = login(desk, args)
        outcome = record_outcome(desk, session, args.receipt, args.outcome, note=args.note or "")
    if args.json:
        print_json(outcome.to_json())
    else:
        print(f"{outcome.receipt}: referral outcome {outcome.outcome} recorded")
        if outcome.outcome == "issued":
            print(
                f"when the document is at the counter: counterdesk advance {outcome.receipt} ready"
            )
    return 0


def cmd_referrals(args: argparse.Namespace) -> int:
    from counterdesk.services.referrals import list_referrals

    with open_desk(args) as desk:
        login(desk, args, reads=True)
        rows = list_referrals(desk, pending_only=args.pending)
    print_rows(
        rows,
        lambda r: (
            f"{r['receipt']}  {r['service']:<6} {r['status']:<10}"
            f" {r['outcome'] or 'no outcome yet':<14} {r['name']}"
        ),
        as_json=args.json,
        empty="no referrals found",
    )
    return 0


def _line(c: Complaint) -> str:
    about = c.receipt or c.service
    return f"{c.number}  {c.status:<8} {c.channel:<7} {about:<22} {c.text[:60]}"


def cmd_complaint(args: argparse.Namespace) -> int:
    from counterdesk.services.complaints import (
        Complaint,
        answer_complaint,
        list_complaints,
        record_complaint,
    )

    with open_desk(args) as desk:
        if args.complaint_command == "list":
            login(desk, args, reads=True)
            rows = list_complaints(desk, open_only=args.open)
            print_rows(
                rows,
                _line,
                as_json=args.json,
                empty="no complaints found",
                to_json=Complaint.to_json,
            )
            return 0
        session = login(desk, args)
        if args.complaint_command == "add":
            if bool(args.receipt) == bool(args.service):
                raise UsageError("give exactly one of --receipt RECEIPT or --service CODE")
            complaint = record_complaint(
                desk,
                session,
                text=args.text,
                channel=args.channel,
                receipt=args.receipt,
                service=args.service,
            )
            verb = "recorded"
        else:
            complaint = answer_complaint(desk, session, args.id, args.answer)
            verb = "answered"
    if args.json:
        print_json(complaint.to_json())
    else:
        print(f"complaint {complaint.number} {verb}")
    return 0


def add_commands(add: Any, as_json: argparse.ArgumentParser, staff: Any) -> None:
    p = add(
        "referral",
        cmd_referral,
        "record the outcome of a referral to another agency",
        as_json,
        staff,
    )
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument("--outcome", required=True, choices=OUTCOMES, help="what the agency did")
    p.add_argument("--note", metavar="TEXT", help="remark (at most 200 characters)")

    p = add("referrals", cmd_referrals, "requests referred to other agencies", as_json, staff)
    p.add_argument("--pending", action="store_true", help="only those still waiting for the agency")

    p = add("complaint", cmd_complaint, "complaints (pengaduan): add, answer, list", as_json, staff)
    sub = p.add_subparsers(dest="complaint_command", metavar="ACTION", required=True)
    common = data_dir_option(argparse.SUPPRESS, "desk data folder")
    sp = sub.add_parser("add", help="record a complaint", parents=[common, as_json, staff])
    sp.add_argument("--receipt", metavar="RECEIPT", help="the request it is about")
    sp.add_argument("--service", metavar="CODE", help="the service it is about (no request)")
    sp.add_argument("--channel", choices=CHANNELS, default="counter", help="how it came in")
    sp.add_argument("--text", required=True, metavar="TEXT", help="the complaint (<= 500)")
    sp = sub.add_parser("answer", help="record the answer given", parents=[common, as_json, staff])
    sp.add_argument("id", metavar="ID", help="complaint number (first 8 hex digits or more)")
    sp.add_argument("--answer", required=True, metavar="TEXT", help="the answer (<= 500)")
    sp = sub.add_parser(
        "list", help="list complaints, newest first", parents=[common, as_json, staff]
    )
    sp.add_argument("--open", action="store_true", help="only those not yet answered")
