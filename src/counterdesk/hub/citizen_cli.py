"""``counterdesk-hub referral-outcome``, ``referrals``, ``complaints``, ``complaint-answer``.

The officer's name is ``--officer NAME``, else ``$COUNTERDESK_OFFICER``, else the login
name of the person running the command; it goes back to the desk with the note.
"""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from typing import Any

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.lifecycle import Outcome
from counterdesk.hub.cli_common import open_hub
from counterdesk.services.command import print_json, print_rows

# As sync.refdata.REFERRAL_OUTCOMES, without loading the formats (hub.citizen and what it
# needs are imported by the commands that run).
REFERRAL_OUTCOMES = tuple(o.value for o in Outcome)

OFFICER_ENV = "COUNTERDESK_OFFICER"


def _officer(args: argparse.Namespace) -> str:
    name = args.officer or os.environ.get(OFFICER_ENV)
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = ""
    if not name:
        raise CounterdeskError(f"say who you are with --officer NAME (or ${OFFICER_ENV})")
    return name


def cmd_referral_outcome(args: argparse.Namespace) -> int:
    from counterdesk.hub.citizen import record_referral_outcome

    with open_hub(args) as hub:
        result = record_referral_outcome(
            hub, args.desk, args.receipt, args.outcome, args.note or "", _officer(args)
        )
    if args.json:
        print_json(result)
    else:
        print(
            f"{result['receipt']}: outcome {result['outcome']} recorded; desk {result['desk']} "
            "gets it with its next replies"
        )
    return 0


def cmd_referrals(args: argparse.Namespace) -> int:
    from counterdesk.hub.citizen import list_referrals

    with open_hub(args) as hub:
        rows = list_referrals(hub, pending_only=args.pending)
    print_rows(
        rows,
        lambda r: (
            f"{r['receipt']}  {r['desk']:<8} {r['service']:<6} {r['status']:<10}"
            f" {r['outcome'] or 'no outcome yet'}"
        ),
        as_json=args.json,
        empty="no referrals received yet",
    )
    return 0


def cmd_complaints(args: argparse.Namespace) -> int:
    from counterdesk.hub.citizen import list_complaints

    with open_hub(args) as hub:
        rows = list_complaints(hub, open_only=args.open)
    print_rows(
        rows,
        lambda r: (
            f"{r['number']}  {r['desk']:<8} {r['status']:<8}"
            f" {r['receipt'] or r['service']:<22} {r['text'][:50]}"
        ),
        as_json=args.json,
        empty="no complaints received",
    )
    return 0


def cmd_complaint_answer(args: argparse.Namespace) -> int:
    from counterdesk.hub.citizen import answer_complaint

    with open_hub(args) as hub:
        result = answer_complaint(hub, args.id, args.answer, _officer(args))
    if args.json:
        print_json(result)
    else:
        print(
            f"complaint {result['complaint_id'][:8]} answered; desk {result['desk']} gets the "
            "answer with its next replies"
        )
    return 0


def add_citizen_commands(
    add: Callable[..., argparse.ArgumentParser],
    nested: Callable[[argparse.ArgumentParser, str], Callable[..., argparse.ArgumentParser]],
    as_json: Any,
) -> None:
    """Register the commands on the hub's parser (``nested`` is unused: all are flat)."""
    del nested
    officer = argparse.ArgumentParser(add_help=False)
    officer.add_argument(
        "--officer", metavar="NAME", help=f"who records it (default ${OFFICER_ENV}, your login)"
    )
    p = add(
        "referral-outcome",
        cmd_referral_outcome,
        "record the outcome of a desk's referral; the desk gets it with its next replies",
        as_json,
        officer,
    )
    p.add_argument("desk", metavar="DESK", help="desk code, e.g. JGB-01")
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument("--outcome", required=True, choices=REFERRAL_OUTCOMES)
    p.add_argument("--note", metavar="TEXT", help="remark (at most 200 characters)")

    p = add("referrals", cmd_referrals, "requests the desks referred, with outcomes", as_json)
    p.add_argument("--pending", action="store_true", help="only those still waiting")

    p = add("complaints", cmd_complaints, "complaints received from the desks", as_json)
    p.add_argument("--open", action="store_true", help="only those not yet answered")

    p = add(
        "complaint-answer",
        cmd_complaint_answer,
        "answer a desk's complaint; the desk gets the answer with its next replies",
        as_json,
        officer,
    )
    p.add_argument("id", metavar="ID", help="complaint number (first 8 hex digits or more)")
    p.add_argument("--answer", required=True, metavar="TEXT", help="the answer (<= 500)")
