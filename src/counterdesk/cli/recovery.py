"""``counterdesk recover FILE``: open a dead PC's desk database on this PC."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from counterdesk.cli.common import print_json
from counterdesk.config import data_dir
from counterdesk.domain.errors import CounterdeskError

PASSPHRASE_ENV = "COUNTERDESK_RECOVERY_PASSPHRASE"


def cmd_recover(args: argparse.Namespace) -> int:
    from counterdesk.services.escrow import recover  # cryptography: only when recovering

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise CounterdeskError(
            f"cannot read the recovery file {args.file}: {exc.strerror or exc}",
            code="recovery_unreadable",
        ) from None
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        if not sys.stdin.isatty():
            raise CounterdeskError(
                f"no passphrase: set {PASSPHRASE_ENV} or run in a terminal to be asked",
                code="no_password",
            )
        passphrase = getpass.getpass("passphrase of the recovery file: ")
    done = recover(data_dir(args.data_dir), data, passphrase)
    if args.json:
        print_json(
            {
                "desk": done.desk,
                "data_dir": str(done.data_dir),
                "key_store": done.key_store,
                "new_epoch": done.new_epoch,
            }
        )
    else:
        print(f"desk {done.desk} recovered in {done.data_dir}; its key is kept in {done.key_store}")
        if done.new_epoch:
            print(
                "a new epoch was started (the desk moved to this PC): receipt numbers stay unique"
            )
    return 0


def add_commands(add: Any, as_json: Any, staff: Any) -> None:
    p = add(
        "recover",
        cmd_recover,
        "open the desk database of a dead PC on this one, with the recovery file from the "
        f"district office (passphrase from ${PASSPHRASE_ENV} or a prompt)",
        as_json,
    )
    p.add_argument("file", metavar="FILE", help="the recovery file (.cdrecover)")
