"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import datetime
import getpass
import os
import sys
from typing import TYPE_CHECKING

from counterdesk.config import PASSWORD_ENV, data_dir
from counterdesk.domain.errors import CounterdeskError
from counterdesk.services.command import UsageError, print_json

if TYPE_CHECKING:  # opening a desk is imported by the commands that open one
    from counterdesk.services.desk import Desk
    from counterdesk.services.staff import StaffSession

__all__ = ["STAFF_ENV", "UsageError", "login", "open_desk", "print_json", "today"]

STAFF_ENV = "COUNTERDESK_STAFF"


def open_desk(args: argparse.Namespace) -> Desk:
    from counterdesk.services.desk import Desk
    from counterdesk.services.instance import check_instance

    desk = Desk.open(data_dir(args.data_dir))
    try:
        reason = check_instance(desk)
    except BaseException:
        desk.close()
        raise
    if reason:
        print(
            f"warning: this desk's database was {reason} (backup or other PC); "
            f"a new epoch was started so that receipt numbers stay unique",
            file=sys.stderr,
        )
    return desk


def login(desk: Desk, args: argparse.Namespace, *, reads: bool = False) -> StaffSession:
    """The staff member a command acts as: ``--staff NAME`` (or ``$COUNTERDESK_STAFF``) and
    the password. Commands that change data need one; so do those that show citizens' data
    (``reads``): the database is encrypted, and the command line must not open it to anyone
    sitting at the PC."""
    from counterdesk.services.staff import authenticate

    name = args.staff or os.environ.get(STAFF_ENV)
    if not name:
        what = "shows citizens' data" if reads else "changes data"
        raise UsageError(f"this command {what}: say who you are with --staff NAME")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise CounterdeskError(
                f"no password: set {PASSWORD_ENV} or run in a terminal to be asked",
                code="no_password",
            )
        password = getpass.getpass(f"password for {name}: ")
    return authenticate(desk, name, password)


def today(desk: Desk) -> datetime.date:
    return desk.now().date()
