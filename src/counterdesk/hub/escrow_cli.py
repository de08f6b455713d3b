"""``counterdesk-hub escrow export``: a recovery file for the database of a desk whose PC died."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import Any

from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.hub.cli_common import new_output_file, open_hub
from counterdesk.services.command import print_json
from counterdesk.sync.names import RECOVERY_SUFFIX as FILE_SUFFIX

PASSPHRASE_ENV = "COUNTERDESK_RECOVERY_PASSPHRASE"


def new_passphrase() -> str:
    """From ``$COUNTERDESK_RECOVERY_PASSPHRASE``, else typed twice in a terminal."""
    from counterdesk.sync.escrow import check_passphrase

    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        if not sys.stdin.isatty():
            raise CounterdeskError(
                f"no passphrase for the recovery file: set {PASSPHRASE_ENV} or run in a terminal",
                code="no_password",
            )
        passphrase = getpass.getpass("passphrase for the recovery file: ")
        if getpass.getpass("again: ") != passphrase:
            raise ValidationError("the two passphrases differ", code="password_mismatch")
    check_passphrase(passphrase)
    return passphrase


def cmd_escrow(args: argparse.Namespace) -> int:
    from counterdesk.hub.escrow import recovery_file
    from counterdesk.sync.bundle import write_atomically

    out = new_output_file(args.out, force=args.force)
    passphrase = new_passphrase()
    with open_hub(args) as hub:
        key_id, data = recovery_file(hub, args.desk, passphrase)
    try:
        write_atomically(out, data)
    except OSError as exc:
        raise CounterdeskError(f"cannot write {out}: {exc.strerror or exc}") from None
    desk = args.desk.strip().upper()
    if args.json:
        print_json({"desk": desk, "key_id": key_id, "file": str(out)})
    else:
        print(f"recovery file for desk {desk} written to {out}")
        print(
            "on the replacement PC, copy desk.sqlite3 (and desk.sqlite3-wal, if there is one) "
            "from the old PC's data folder into the new one, then run: counterdesk recover "
            f"{out.name} (with the passphrase)"
        )
    return 0


def add_escrow_commands(
    add: Callable[..., argparse.ArgumentParser],
    nested: Callable[[argparse.ArgumentParser, str], Callable[..., argparse.ArgumentParser]],
    as_json: Any,
) -> None:
    p = add("escrow", cmd_escrow, "the desks' database keys the hub keeps sealed")
    one = nested(p, "escrow_command")
    sp = one(
        "export",
        "write a recovery file for the database of a desk whose PC died (passphrase from "
        f"${PASSPHRASE_ENV} or a prompt)",
        as_json,
    )
    sp.add_argument("--desk", required=True, metavar="CODE", help="the desk, e.g. JGB-01")
    sp.add_argument(
        "--out", required=True, metavar="FILE", help=f"where to write it (e.g. JGB-01{FILE_SUFFIX})"
    )
    sp.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
