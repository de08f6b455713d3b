"""`counterdesk print` and `counterdesk verify`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from counterdesk.cli.common import STAFF_ENV, UsageError, login, open_desk, print_json
from counterdesk.domain.errors import CounterdeskError
from counterdesk.services.documents import DOCUMENT_KINDS, document_pdf
from counterdesk.services.printer import send_to_printer
from counterdesk.services.verification import verify_payload
from counterdesk.sync.bundle import write_atomically


def cmd_print(args: argparse.Namespace) -> int:
    if bool(args.out) == bool(args.printer):
        raise UsageError("give exactly one of --out FILE.pdf or --printer NAME")
    with open_desk(args) as desk:
        session = None
        if args.document in ("letter", "referral") and (args.staff or os.environ.get(STAFF_ENV)):
            session = login(desk, args)
        pdf, info = document_pdf(desk, session, args.document, args.receipt)
    if args.out:
        out = Path(args.out)
        try:
            write_atomically(out, pdf)
        except OSError as exc:
            raise CounterdeskError(f"cannot write {out}: {exc.strerror}") from None
        where = str(out)
    else:
        where = send_to_printer(pdf, args.printer, title=f"{args.document} {args.receipt}")
    if args.json:
        print_json({"document": args.document, "bytes": len(pdf), "to": where} | info)
    else:
        extra = f" ({info['number']})" if "number" in info else ""
        print(f"{args.document}{extra}: {len(pdf):,} bytes -> {where}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        verdict = verify_payload(desk, args.payload)
    if args.json:
        p = verdict.payload
        print_json(
            {"valid": verdict.valid, "reason": verdict.reason}
            | (
                {
                    "kind": p.kind,
                    "desk": p.desk,
                    "number": p.number,
                    "service": p.service,
                    "date": p.date,
                    "initials": p.initials,
                }
                if p
                else {}
            )
        )
    elif verdict.valid:
        print(verdict.describe())
    else:
        print(f"error: not valid: {verdict.describe()}", file=sys.stderr)
    return 0 if verdict.valid else 1


def add_commands(add: Any, as_json: Any, staff: Any) -> None:
    p = add(
        "print",
        cmd_print,
        "make a ticket, receipt, letter or referral slip as PDF, to a file or a printer",
        as_json,
        staff,
    )
    p.add_argument("document", choices=DOCUMENT_KINDS)
    p.add_argument("receipt", metavar="RECEIPT")
    p.add_argument("--out", metavar="FILE.pdf", help="write the PDF to this file")
    p.add_argument("--printer", metavar="NAME", help="send it to this printer (CUPS queue)")
    p = add(
        "verify",
        cmd_verify,
        "check the QR payload of a letter or receipt; exit 0 valid, 1 not valid",
        as_json,
    )
    p.add_argument("payload", metavar="PAYLOAD")
