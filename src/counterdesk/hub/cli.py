"""The ``counterdesk-hub`` command line.

Exit codes: 0 success, 1 refused or failed (one ``error: ...`` line on stderr), 2 wrong
usage. Every command takes ``--data-dir DIR`` (else ``COUNTERDESK_HUB_DIR``, else the
platform's user data folder).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterdesk import __version__
from counterdesk.config import PASSWORD_ENV
from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub.citizen_cli import add_citizen_commands
from counterdesk.hub.cli_common import new_output_file, open_hub
from counterdesk.hub.escrow_cli import add_escrow_commands
from counterdesk.hub.limits import DEFAULT_HOST
from counterdesk.hub.officer_cli import add_officer_commands
from counterdesk.hub.report_command import add_report_commands
from counterdesk.services.command import (
    CommandTree,
    UsageError,
    json_option,
    new_password,
    print_json,
    print_rows,
    report_verdict,
    run_command,
)
from counterdesk.sync.names import ENROLLMENT_SUFFIX as FILE_SUFFIX
from counterdesk.sync.names import LETTERHEAD_KEYS, OFFICE_KEYS, PER_POST_KEYS

if TYPE_CHECKING:
    from counterdesk.hub.ingest import IngestResult
    from counterdesk.sync.payloads import RefItem

# A command imports what it uses when it runs: the parser (and ``--help``) must not load
# the web server, the PDF makers, the crypto or the hub's database code.


# commands ------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from counterdesk.hub.hub import init_hub
    from counterdesk.hub.store import hub_dir
    from counterdesk.sync.enrollment import fingerprint

    root = hub_dir(args.data_dir)
    catalogue = None
    if args.catalogue:
        catalogue = _read_json(Path(args.catalogue))
    with init_hub(root, district=args.district, catalogue=catalogue) as hub:
        fp = fingerprint(hub.keys.sign_public)
        if args.json:
            print_json({"district": hub.info.district, "data_dir": str(root), "key": fp})
        else:
            print(f"hub for {hub.info.district} created in {root}")
            print(f"hub key fingerprint {fp} (desks show it when they enroll)")
    return 0


def _read_json(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CounterdeskError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CounterdeskError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise CounterdeskError(f"{path} does not hold a JSON object")
    return raw


def cmd_enroll_desk(args: argparse.Namespace) -> int:
    from counterdesk.hub.enroll import enroll_desk
    from counterdesk.sync.bundle import write_atomically

    out = new_output_file(args.out, force=args.force)
    with open_hub(args) as hub:
        made = enroll_desk(
            hub, args.code, post=args.post, name=args.name or "", reissue=args.reissue
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(out, made.data)
    except OSError as exc:
        raise CounterdeskError(
            f"cannot write {out}: {exc.strerror or exc} (the desk code is reserved; run again "
            "with --reissue to make the file)"
        ) from None
    if args.json:
        print_json(
            {
                "desk": made.desk,
                "file": str(out),
                "enrollment_id": made.enrollment_id,
                "key": made.hub_fingerprint,
                "reissued": made.reissued,
            }
        )
    else:
        again = " (re-issued: earlier files for this desk no longer work)" if made.reissued else ""
        print(f"enrollment file for {made.desk} written to {out}{again}")
        print(f"hub key fingerprint {made.hub_fingerprint}")
        print(
            "keep the file safe until the desk has made first contact; on the desk run: "
            f"counterdesk enroll {out.name} --admin NAME"
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from counterdesk.hub.replies import write_replies
    from counterdesk.hub.stick_import import import_found, reply_root_problem
    from counterdesk.sync.files import find_bundle_files

    results: list[IngestResult] = []
    replies: list[dict[str, Any]] = []
    reply_failures: list[str] = []
    if args.reply_to:
        problem = reply_root_problem(Path(args.reply_to))
        if problem:
            raise CounterdeskError(problem, code="reply_folder")
    with open_hub(args) as hub:
        for found in find_bundle_files([Path(p) for p in args.paths]):
            result = import_found(hub, found)
            results.append(result)
            if not args.json:
                print(f"{found.path}: {result.message()}", flush=True)
        if args.reply_to:
            seen = sorted(
                {r.desk for r in results if r.desk and r.outcome in ("accepted", "duplicate")}
            )
            for desk in seen:
                try:
                    folder, written, removed = write_replies(hub, desk, Path(args.reply_to))
                except CounterdeskError as exc:  # one desk's replies never stop the others
                    reply_failures.append(str(exc))
                    replies.append({"desk": desk, "error": str(exc)})
                    if not args.json:
                        print(f"replies for {desk} not written: {exc}", flush=True)
                    continue
                replies.append(
                    {
                        "desk": desk,
                        "folder": str(folder),
                        "files": [r.file_name for r in written],
                        "removed": removed,
                    }
                )
                if not args.json:
                    names = ", ".join(r.file_name for r in written)
                    print(f"replies for {desk} in {folder}: {names}")
    failed = [r for r in results if r.failed]
    if args.json:
        print_json({"files": [r.to_json() for r in results], "replies": replies})
    if not results:
        print("error: no bundle files found (*.cdb) in the given paths", file=sys.stderr)
        return 1
    if failed or reply_failures:
        parts: list[str] = []
        if failed:
            parts.append(
                f"{len(failed)} of {len(results)} file(s) quarantined, unreadable or failed "
                "(see their lines and `counterdesk-hub desks`); the others were imported"
            )
        parts[:0] = reply_failures
        print(f"error: {'; '.join(parts)}", file=sys.stderr)
        return 1
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """Bind here, so that a busy port is one clear error line (not a uvicorn traceback)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise CounterdeskError(f"cannot listen on {host}:{port}: {exc}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise CounterdeskError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (is another hub running?)"
        ) from None
    return sock


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from counterdesk.hub.app import create_app
    from counterdesk.hub.limits import uvicorn_options

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is not a port number")
    hub = open_hub(args)
    try:
        sock = _listen(args.host, args.port)
        print(
            f"hub for {hub.info.district} serving on http://{args.host}:{args.port} "
            "(Ctrl+C to stop)",
            flush=True,
        )
        if args.allow_plain_http:
            print(
                "warning: officers may sign in over plain http from other computers "
                "(--allow-plain-http): their passwords cross the network unencrypted",
                file=sys.stderr,
                flush=True,
            )
        config = uvicorn.Config(
            create_app(hub, allow_plain_http=args.allow_plain_http),
            log_level=args.log_level,
            lifespan="off",
            **uvicorn_options(),
        )
        try:
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            sock.close()
    finally:
        hub.close()
    return 0


def cmd_requests(args: argparse.Namespace) -> int:
    from counterdesk.hub.views import list_requests

    with open_hub(args) as hub:
        rows = list_requests(hub, desk=args.desk)
    print_rows(
        rows,
        lambda r: f"{r['receipt']}  {r['desk']:<8} {r['service']:<6} {r['status']:<12} {r['name']}",
        as_json=args.json,
        empty="no requests received yet",
    )
    return 0


def cmd_desks(args: argparse.Namespace) -> int:
    from counterdesk.hub.views import desks_report

    with open_hub(args) as hub:
        report = desks_report(hub)
    if args.json:
        print_json(report)
        return 0
    print(f"district {report['district']}")
    for d in report["desks"]:
        print(f"{d['desk']:<8} {d['state']:<26} {d['post']}")
        print(
            f"         last contact {d['last_contact'] or 'never'}"
            f"{' via ' + d['last_contact_via'] if d['last_contact_via'] else ''}, "
            f"{d['requests']} request(s), key {d['key'] or '-'}"
        )
        for e in d["epochs"]:
            first = e["first_seq"] if e["first_seq"] is not None else "?"
            gaps = ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in e["gaps"])
            print(
                f"         epoch {e['tag']} ({e['origin']}): events {first}..{e['contiguous']} "
                f"complete, highest {e['max_seq']}" + (f"; MISSING {gaps}" if gaps else "")
            )
        if d["restore_or_clone"]:
            print("         WARNING: several epochs: the desk was restored or copied")
        behind = [
            f"{kind} v{d['refdata'].get(kind, 0)} of v{version}"
            for kind, version in sorted(report["refdata"].items())
            if d["refdata"].get(kind, 0) < version
        ]
        if behind and d["state"] == "enrolled":
            print(f"         reference data it has not confirmed yet: {', '.join(behind)}")
        for q in d["quarantined"]:
            print(f"         quarantined {q['file']}: {q['reason']}")
        if d["invalid_events"]:
            print(
                f"         {d['invalid_events']} event(s) outside the event contract, kept "
                "aside and not counted (reasons on the dashboard)"
            )
    loose = [
        q for q in report["quarantined"] if q["desk"] not in {d["desk"] for d in report["desks"]}
    ]
    for q in loose:
        print(f"quarantined {q['file']} ({q['desk'] or 'unknown sender'}): {q['reason']}")
    return 0


def cmd_publish_catalogue(args: argparse.Namespace) -> int:
    raw = _read_json(Path(args.file))
    with open_hub(args) as hub:
        item = hub.publish_catalogue(raw)
    _published(item)
    return 0


# reference data ---------------------------------------------------------------
def _published(item: RefItem, what: str = "") -> None:
    print(
        f"{what or item.kind} version {item.version} published; desks get it with their next "
        "replies (HTTP sync, or the replies written by `import --reply-to`)"
    )


def _holiday_line(r: dict[str, Any]) -> str:
    if r.get("working"):
        note = "  (working day: cancelled by the district)"
    elif r.get("tentative"):
        note = "  (perkiraan: estimated, confirm with `holidays confirm`)"
    elif r.get("source") == "national":
        note = "  (national)"
    else:
        note = ""
    return f"{r['date']}  {r['name']}{note}"


def cmd_holidays(args: argparse.Namespace) -> int:
    from counterdesk.hub import refdata

    with open_hub(args) as hub:
        if args.holidays_command == "add":
            _published(refdata.add_holiday(hub, args.date, " ".join(args.name)), "holidays")
        elif args.holidays_command == "remove":
            _published(refdata.remove_holiday(hub, args.date), "holidays")
        elif args.holidays_command == "confirm":
            _published(refdata.confirm_holiday(hub, args.date), "holidays")
        else:
            print_rows(
                refdata.list_holidays(hub, args.year),
                _holiday_line,
                as_json=args.json,
                empty="no holidays" if args.year else "no district holidays yet",
            )
    return 0


def _desk_scope(args: argparse.Namespace) -> str | None:
    return None if args.all or not args.desk else str(args.desk)


def cmd_staff(args: argparse.Namespace) -> int:
    from counterdesk.hub import refdata

    with open_hub(args) as hub:
        if args.staff_command == "add":
            item = refdata.add_staff(
                hub,
                args.name,
                role=args.role,
                password=new_password(args.name),
                desk=_desk_scope(args),
                full_name=args.full_name or "",
                nip=args.nip or "",
            )
            where = f"desk {args.desk.upper()}" if _desk_scope(args) else "every desk"
            print(f"district account {args.name.lower()} ({args.role}) for {where}")
            _published(item, "staff accounts")
        elif args.staff_command == "deactivate":
            item = refdata.deactivate_staff(hub, args.name, desk=_desk_scope(args))
            print(f"district account {args.name.lower()} deactivated")
            _published(item, "staff accounts")
        else:
            print_rows(
                refdata.list_staff(hub),
                lambda r: (
                    f"{r['name']:<16} {r['role']:<10} {r['desk']:<8} {r['full_name']}"
                    + ("" if r["active"] else "  DEACTIVATED")
                ),
                as_json=args.json,
                empty="no district staff accounts yet",
            )
    return 0


def _pairs(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"letterhead set takes KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


def cmd_letterhead(args: argparse.Namespace) -> int:
    from counterdesk.hub import refdata

    with open_hub(args) as hub:
        command = args.letterhead_command
        if command == "set" and args.post:
            _published(refdata.set_office(hub, args.post, _pairs(args.pairs)), "offices")
        elif command == "set":
            _published(refdata.set_letterhead(hub, _pairs(args.pairs)), "letterhead")
        elif command == "emblem":
            data = None
            if not args.remove:
                if not args.file:
                    raise UsageError("letterhead emblem takes FILE (PNG or JPEG) or --remove")
                try:
                    data = Path(args.file).read_bytes()
                except OSError as exc:
                    raise CounterdeskError(f"cannot read {args.file}: {exc.strerror}") from None
            _published(refdata.set_emblem(hub, data), "offices")
        elif command == "verify-url":
            _published(refdata.set_verify_url(hub, args.url), "offices")
        else:
            settings = refdata.letterhead(hub)
            offices = refdata.offices(hub)
            if args.json:
                print_json(
                    {
                        **settings,
                        "verify_url": offices.verify_url,
                        "emblem": offices.emblem_media or None,
                        "posts": offices.posts,
                    }
                )
            else:
                for key in sorted(LETTERHEAD_KEYS):
                    if key in settings:
                        print(f"{key} = {settings[key]}")
                print(f"verify_url = {offices.verify_url}")
                print(f"emblem = {offices.emblem_media or '(none)'}")
                for post, values in sorted(offices.posts.items()):
                    print(f"[{post}]")
                    for key, value in values.items():
                        print(f"  {key} = {value}")
                if not settings and not offices.posts:
                    print("no letterhead set by the district yet", file=sys.stderr)
    return 0


def cmd_revoke_letter(args: argparse.Namespace) -> int:
    from counterdesk.hub import refdata

    with open_hub(args) as hub:
        item, desk = refdata.revoke_letter(hub, args.number, reason=args.reason, desk=args.desk)
        reached = desk in refdata.issuers(hub, args.number.strip())
    if reached:
        print(f"letter {args.number} (issued by {desk}) revoked")
    else:
        print(
            f"letter {args.number} of desk {desk} revoked (no record of it has reached the hub "
            "yet; the desk marks it revoked when it gets the list)"
        )
    _published(item, "revoked letters")
    return 0


def cmd_revoke_desk(args: argparse.Namespace) -> int:
    from counterdesk.hub import refdata

    with open_hub(args) as hub:
        item = refdata.revoke_desk(hub, args.code, reason=args.reason or "")
    print(
        f"desk {args.code.upper()} revoked: its bundles are quarantined from now on and the "
        "codes it signs no longer verify"
    )
    _published(item, "desk keys")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from counterdesk.hub import refdata

    with open_hub(args) as hub:
        verdict = refdata.verify(hub, args.payload)
    return report_verdict(verdict, as_json=args.json)


# parser --------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    tree = CommandTree(
        "counterdesk-hub",
        "counterdesk district hub: receives desks' bundles, answers them, reports.",
        __version__,
        "hub data folder (default: $COUNTERDESK_HUB_DIR, else the user data folder)",
    )
    add, nested = tree.add, tree.nested
    as_json = json_option()

    p = add("init", cmd_init, "create the hub's keys and database", as_json)
    p.add_argument("--district", required=True, metavar="NAME", help="e.g. Kabupaten Bengkayang")
    p.add_argument(
        "--catalogue", metavar="FILE", help="service catalogue JSON (default: the shipped one)"
    )

    p = add("enroll-desk", cmd_enroll_desk, "make an enrollment file for a new desk", as_json)
    p.add_argument("code", metavar="CODE", help="desk code, e.g. JGB-01")
    p.add_argument("--post", required=True, metavar="NAME", help="the service post (office)")
    p.add_argument("--name", metavar="NAME", help="the desk's name (default: Meja CODE)")
    p.add_argument(
        "--out", required=True, metavar="FILE", help=f"where to write it (e.g. JGB-01{FILE_SUFFIX})"
    )
    p.add_argument(
        "--reissue",
        action="store_true",
        help="replace a file made earlier for a desk that has not made first contact",
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = add(
        "import",
        cmd_import,
        "import desks' bundles from files or folders (recursively); one line per file",
        as_json,
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--reply-to", metavar="DIR", help="write each desk's replies into DIR/CODE/ (the stick)"
    )

    p = add("serve", cmd_serve, "serve the HTTP API and the dashboard")
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: only this computer; other "
        "computers come through the nginx TLS proxy, see packaging/hub/nginx-counterdesk-hub.conf)",
    )
    p.add_argument(
        "--allow-plain-http",
        action="store_true",
        help="let officers sign in over plain http from other computers (refused by default: "
        "passwords would cross the network unencrypted)",
    )
    p.add_argument("--port", type=int, default=8750, help="port (default 8750)")
    p.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )

    p = add("requests", cmd_requests, "requests received from the desks", as_json)
    p.add_argument("--desk", metavar="CODE", help="only this desk's")

    add(
        "desks",
        cmd_desks,
        "desks, their epochs, high-water marks, gaps, last contact, quarantined files",
        as_json,
    )

    p = add(
        "publish-catalogue",
        cmd_publish_catalogue,
        "publish a new version of the service catalogue to every desk",
    )
    p.add_argument("file", metavar="FILE", help='catalogue JSON with a higher "version"')

    p = add("holidays", cmd_holidays, "district holidays (working days skip them)", as_json)
    one = nested(p, "holidays_command")
    sp = one("add", "add (or rename) a district holiday; desks get it with their replies")
    sp.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    sp.add_argument("name", metavar="NAME", nargs="+", help="e.g. Hari Natal")
    sp = one(
        "remove",
        "remove a district holiday; a national holiday or cuti bersama becomes a working day",
    )
    sp.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    sp = one("confirm", "confirm a national holiday the desks only estimate (perkiraan)")
    sp.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    sp = one("list", "list the district holidays (with --year: the whole year)", as_json)
    sp.add_argument(
        "--year", type=int, metavar="YYYY", help="the year as desks count it, national included"
    )

    p = add("staff", cmd_staff, "staff accounts managed by the district", as_json)
    one = nested(p, "staff_command")
    sp = one(
        "add",
        f"create or update a district account (password from ${PASSWORD_ENV} or a prompt; at "
        "least 8 characters, not the name)",
    )
    sp.add_argument("name", metavar="NAME", help="login name, e.g. budi")
    sp.add_argument("--role", required=True, choices=["counter", "supervisor", "admin"])
    scope = sp.add_mutually_exclusive_group()
    scope.add_argument("--desk", metavar="CODE", help="only for this desk")
    scope.add_argument("--all", action="store_true", help="for every desk (the default)")
    sp.add_argument("--full-name", metavar="NAME", help="the person's full name")
    sp.add_argument("--nip", metavar="NIP", help="civil-servant number, printed on letters")
    sp = one("deactivate", "deactivate a district account at the desks")
    sp.add_argument("name", metavar="NAME")
    scope = sp.add_mutually_exclusive_group()
    scope.add_argument("--desk", metavar="CODE", help="the account made for this desk")
    scope.add_argument("--all", action="store_true", help="the account for every desk")
    one("list", "list the district accounts (never their passwords)", as_json)

    p = add("letterhead", cmd_letterhead, "letterhead and letter settings for every desk", as_json)
    one = nested(p, "letterhead_command")
    sp = one(
        "set",
        "set letterhead settings: for every post "
        + ", ".join(sorted(LETTERHEAD_KEYS - PER_POST_KEYS))
        + "; with --post, one post's: "
        + ", ".join(OFFICE_KEYS)
        + " (an empty VALUE removes it)",
    )
    sp.add_argument("pairs", metavar="KEY=VALUE", nargs="+")
    sp.add_argument("--post", metavar="NAME", help="the post (as enrolled) these are for")
    one("show", "show the letterhead settings the district sends", as_json)
    sp = one("emblem", "set the regency emblem of every kop (PNG or JPEG, at most 256 KB)")
    sp.add_argument("file", metavar="FILE", nargs="?")
    sp.add_argument("--remove", action="store_true", help="print the kop without an image")
    sp = one("verify-url", "the public address of this hub's /verify page, printed on letters")
    sp.add_argument("url", metavar="URL", help="e.g. https://hub.bengkayangkab.go.id/verify")

    p = add(
        "revoke-letter",
        cmd_revoke_letter,
        "revoke a letter: every desk and the hub then say 'revoked letter' when it is verified",
    )
    p.add_argument(
        "number", metavar="NUMBER", help="the letter number, e.g. 470/0123/JGB-01/XI/2026"
    )
    p.add_argument("--reason", required=True, metavar="TEXT", help="why (shown when verified)")
    p.add_argument(
        "--desk",
        metavar="CODE",
        help="the issuing desk, when the number does not name it (e.g. JGB-01); only that "
        "desk's letter is revoked",
    )

    p = add(
        "revoke-desk",
        cmd_revoke_desk,
        "revoke a desk (a stolen or retired PC): its bundles are quarantined, its codes fail",
    )
    p.add_argument("code", metavar="CODE")
    p.add_argument("--reason", metavar="TEXT", help="why (kept with the desk)")

    p = add(
        "verify",
        cmd_verify,
        "check the QR payload of a letter or receipt of any desk of the district; "
        "exit 0 valid, 1 not valid",
        as_json,
    )
    p.add_argument("payload", metavar="PAYLOAD")
    add_officer_commands(add, nested, as_json)
    add_report_commands(add, nested, as_json)
    add_citizen_commands(add, nested, as_json)
    add_escrow_commands(add, nested, as_json)
    return tree.parser


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
