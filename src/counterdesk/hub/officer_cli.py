"""``counterdesk-hub officer ...``: the accounts that sign in to the hub's pages.

The first administrator is made here (there is no page before anyone can sign in):
``COUNTERDESK_PASSWORD=... counterdesk-hub officer add NAME --role admin``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from counterdesk.hub.cli_common import open_hub
from counterdesk.hub.officer_roles import ROLES
from counterdesk.services.command import new_password, print_rows


def cmd_officer(args: argparse.Namespace) -> int:
    from counterdesk.hub.auth import (  # Starlette: only when the command runs
        add_officer,
        deactivate_officer,
        list_officers,
        unlock_officer,
    )

    action = args.officer_command
    with open_hub(args) as hub:
        if action == "add":
            new = add_officer(
                hub,
                args.name,
                role=args.role,
                password=new_password(args.name),
                full_name=args.full_name or "",
            )
            verb = "created" if new else "updated (its sessions were signed out)"
            print(f"officer {args.name.strip().lower()} ({args.role}) {verb}")
            print("they sign in at the hub's address, /login")
        elif action == "deactivate":
            deactivate_officer(hub, args.name)
            print(f"officer {args.name.strip().lower()} deactivated and signed out")
        elif action == "unlock":
            unlock_officer(hub, args.name)
            print(f"officer {args.name.strip().lower()} unlocked")
        else:
            print_rows(
                list_officers(hub),
                lambda r: (
                    f"{r['name']:<16} {r['role']:<8} {r['full_name']}"
                    + ("" if r["active"] else "  DEACTIVATED")
                    + ("  LOCKED" if r["locked"] else "")
                ),
                as_json=args.json,
                empty="no officers yet: counterdesk-hub officer add NAME --role admin",
            )
    return 0


def add_officer_commands(
    add: Callable[..., argparse.ArgumentParser],
    nested: Callable[[argparse.ArgumentParser, str], Callable[..., argparse.ArgumentParser]],
    as_json: Any,
) -> None:
    p = add("officer", cmd_officer, "officers who sign in to the hub's pages", as_json)
    one = nested(p, "officer_command")
    sp = one(
        "add",
        "create or update an officer (password from $COUNTERDESK_PASSWORD or a prompt; at least "
        "10 characters, not the name)",
    )
    sp.add_argument("name", metavar="NAME", help="login name, e.g. rina")
    sp.add_argument("--role", required=True, choices=list(ROLES))
    sp.add_argument("--full-name", metavar="NAME", help="the person's full name")
    sp = one("deactivate", "stop an officer signing in (ends their sessions)")
    sp.add_argument("name", metavar="NAME")
    sp = one("unlock", "lift the lock after repeated wrong passwords")
    sp.add_argument("name", metavar="NAME")
    one("list", "list the officers (never their passwords)", as_json)
