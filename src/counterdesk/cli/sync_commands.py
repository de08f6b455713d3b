"""Desk commands that join a district and exchange data with its hub:
``enroll``, ``export``, ``import`` and ``sync``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counterdesk.cli.common import open_desk, print_json
from counterdesk.config import PASSWORD_ENV, data_dir
from counterdesk.services.command import new_password

# The sync client (httpx), the bundle crypto and the enrollment are imported by the
# commands that use them, not when the parser is built.

AddCommand = Callable[..., argparse.ArgumentParser]


def cmd_enroll(args: argparse.Namespace) -> int:
    from counterdesk.services.enroll import enroll, read_enrollment_file

    enrollment = read_enrollment_file(Path(args.file))
    password = new_password(args.admin, who="the administrator")
    done = enroll(
        data_dir(args.data_dir),
        enrollment,
        admin_name=args.admin,
        admin_password=password,
        admin_full_name=args.full_name or "",
    )
    if args.json:
        print_json(
            {
                "desk": done.desk,
                "name": done.name,
                "post": done.post,
                "district": done.district,
                "hub_key": done.hub_fingerprint,
                "admin": done.admin,
                "data_dir": str(done.data_dir),
            }
        )
    else:
        print(f"desk {done.desk} ({done.name}, {done.post}) enrolled in {done.district}")
        print(f"hub key fingerprint {done.hub_fingerprint}: compare it with the district's")
        print(f"administrator {done.admin}; data in {done.data_dir}")
        print("next: `counterdesk export DIR` onto a stick, or `counterdesk sync --hub URL`")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from counterdesk.services.outbox import export_to_folder

    with open_desk(args) as desk:
        report = export_to_folder(desk, Path(args.dir))
    if args.json:
        print_json(report.to_json())
        return 0
    for name in report.removed:
        print(f"removed {name} (acknowledged by the hub, or repeated by this export)")
    if not report.written:
        print(f"nothing to export: the hub has acknowledged every event (up to {report.last_seq})")
        if report.hello:
            print(
                f"wrote {report.folder / report.hello}: this desk's state, so that the district "
                "office writes its replies (reference data) for the return trip"
            )
        return 0
    for b in report.written:
        intro = " (introduces this desk to the hub)" if b.intro else ""
        print(
            f"wrote {report.folder / b.file_name}: events {b.seq_first}-{b.seq_last} "
            f"({b.count}){intro}"
        )
    print(
        f"{report.pending} unacknowledged event(s) in {len(report.written)} file(s); "
        "take them to the district office and import its replies afterwards"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from counterdesk.services.sync_import import import_paths

    with open_desk(args) as desk:
        lines = import_paths(desk, [Path(p) for p in args.paths])
    if args.json:
        print_json([line.to_json() for line in lines])
    else:
        for line in lines:
            print(line)
    failed = [line for line in lines if line.failed]
    if not lines:
        print("error: no bundle files found (*.cdb) in the given paths", file=sys.stderr)
        return 1
    if failed:
        print(
            f"error: {len(failed)} of {len(lines)} file(s) could not be used",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from counterdesk.services.sync_http import sync_with_hub

    with open_desk(args) as desk:
        report = sync_with_hub(desk, args.hub)
    if args.json:
        print_json(report.to_json())
    else:
        for line in report.lines():
            print(line)
    return 0


def add_commands(add: AddCommand, as_json: Any, staff: Any) -> None:
    p = add(
        "enroll",
        cmd_enroll,
        "join a district with an enrollment file made by the hub; creates the desk and a "
        f"local administrator (password from ${PASSWORD_ENV} or a prompt)",
        as_json,
    )
    p.add_argument("file", metavar="FILE", help="the enrollment file (.cdenroll)")
    p.add_argument("--admin", required=True, metavar="NAME", help="the administrator's login")
    p.add_argument("--full-name", metavar="NAME", help="the administrator's full name")

    p = add(
        "export",
        cmd_export,
        "write every unacknowledged event as bundle file(s) into DIR (a USB stick)",
        as_json,
    )
    p.add_argument("dir", metavar="DIR")

    p = add(
        "import",
        cmd_import,
        "read hub files addressed to this desk (acknowledgements, reference data)",
        as_json,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched deeply)")

    p = add("sync", cmd_sync, "exchange with the hub over HTTP now", as_json)
    p.add_argument(
        "--hub", metavar="URL", help="the hub's address, e.g. http://10.61.7.1:8750 (remembered)"
    )
