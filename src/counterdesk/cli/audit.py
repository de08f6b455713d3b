"""`counterdesk audit verify [--receipts [PAYLOAD|FILE ...]]`: what the audit proved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counterdesk.cli.common import open_desk, print_json
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.qrpayload import PREFIX, PREFIX_ANCHORED

if TYPE_CHECKING:
    from counterdesk.services.audit import AuditResult

_CODE_STARTS = (PREFIX + "|", PREFIX_ANCHORED + "|")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--receipts",
        nargs="*",
        metavar="PAYLOAD|FILE",
        help="also check the chain tag of every receipt in the print log, and of the QR "
        "payloads given (as arguments, or in files one per line, '-' for standard input; "
        "scanned from paper they cannot be rewritten with the database)",
    )


def given_codes(items: list[str]) -> list[tuple[str, str]]:
    """(source, payload) for each payload argument and each line of each file."""
    out: list[tuple[str, str]] = []
    for item in items:
        if item.strip().startswith(_CODE_STARTS):
            out.append(("argument", item.strip()))
            continue
        try:
            text = sys.stdin.read() if item == "-" else Path(item).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise CounterdeskError(
                f"cannot read {item}: {reason} (give QR payloads starting with CD1| or CD2|, "
                "or files holding one payload a line)"
            ) from None
        name = "stdin" if item == "-" else Path(item).name
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                out.append((f"{name}:{number}", line.strip()))
    return out


def report_lines(result: AuditResult) -> tuple[list[str], list[str]]:
    """(lines for stdout, error lines for stderr)."""
    from counterdesk.services.audit import PRINT_LOG

    ok: list[str] = []
    errors = [f"error: {p}" for p in result.problems]
    if not result.events:
        ok.append("ok: the event log is empty")
    elif not result.problems:
        ok.append(
            f"ok: chain intact from seq {result.first_seq} to {result.last_seq} "
            f"({result.events} events, sequence complete)"
        )
    if result.hub_problem:
        errors.append(f"error: {result.hub_problem}")
    elif result.hub is not None:
        ok.append(
            f"ok: anchored at hub up to seq {result.hub.seq}: events up to seq "
            f"{result.hub.seq} match what the hub holds (its signed acknowledgement, "
            f"received {result.hub.received_at})"
        )
    else:
        ok.append("anchored at hub: none (no acknowledgement from a hub kept yet)")
    if result.receipts_checked:
        errors += [f"error: {c.describe()}" for c in result.differing]
        logged = sum(1 for c in result.codes if c.source == PRINT_LOG)
        tagged = sum(1 for c in result.codes if c.tagged and c.ok)
        line = (
            f"receipts checked {len(result.codes)} ({logged} from the print log, "
            f"{len(result.codes) - logged} given): {tagged} match the chain, "
            f"{len(result.differing)} differ"
        )
        if result.untagged:
            line += f", {len(result.untagged)} without a chain tag (CD1: nothing to compare)"
        if result.differing:
            errors.append(f"error: {line}")
        else:
            ok.append(f"ok: {line}")
    ok += [f"not proved: {text}" for text in result.not_proved()]
    if not result.ok:
        count = len(result.problems) + len(result.differing) + bool(result.hub_problem)
        errors.append(f"error: audit failed: {count} problem(s) in {result.events} events")
    return ok, errors


def cmd_audit(args: argparse.Namespace) -> int:
    from counterdesk.services.audit import audit

    receipts = args.receipts is not None
    given = given_codes(args.receipts or [])
    with open_desk(args) as desk:
        result = audit(desk, receipts=receipts, given=given)
    if args.json:
        print_json(result.to_json())
        return 0 if result.ok else 1
    ok, errors = report_lines(result)
    for line in ok:
        print(line)
    for line in errors:
        print(line, file=sys.stderr)
    return 0 if result.ok else 1
