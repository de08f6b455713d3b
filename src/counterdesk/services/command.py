"""What the desk's and the hub's command lines share: usage errors, exit codes, verdicts.

Exit codes: 0 success, 1 refused or failed (one ``error: ...`` line on stderr),
2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from counterdesk.config import PASSWORD_ENV
from counterdesk.domain.errors import CounterdeskError, ValidationError

if TYPE_CHECKING:  # sync.verify loads cryptography: not for every command line
    from counterdesk.sync.verify import Verdict


class UsageError(Exception):
    """Wrong usage detected after parsing (exit 2)."""


def data_dir_option(default: Any, help_text: str) -> argparse.ArgumentParser:
    """A parent parser with ``--data-dir``.

    ``--data-dir`` is accepted before or after the command: the top-level parser
    uses ``default=None``, the sub-commands ``argparse.SUPPRESS`` so that an
    absent option does not overwrite the value given before the command. Each
    call makes a new parser, since parents share their actions.
    """
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--data-dir", metavar="DIR", default=default, help=help_text)
    return p


def new_password(name: str, *, who: str = "", env: str = PASSWORD_ENV) -> str:
    """A new account's password: from ``env``, else typed twice in a terminal."""
    password = os.environ.get(env)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise CounterdeskError(
            f"no password for {who or name}: set {env} or run in a terminal",
            code="no_password",
        )
    password = getpass.getpass(f"new password for {name}: ")
    if getpass.getpass("again: ") != password:
        raise ValidationError("the two passwords differ", code="password_mismatch")
    return password


class CommandTree:
    """A program's parser with ``--data-dir`` before or after its commands (see
    :func:`data_dir_option`) and ``--version``; ``add`` makes a command, ``nested`` the
    actions under one (``counterdesk-hub staff add``)."""

    def __init__(self, prog: str, description: str, version: str, data_help: str) -> None:
        self.common = data_dir_option(argparse.SUPPRESS, data_help)
        self.parser = argparse.ArgumentParser(
            prog=prog, description=description, parents=[data_dir_option(None, data_help)]
        )
        self.parser.add_argument("--version", action="version", version=f"{prog} {version}")
        self._commands = self.parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        self,
        name: str,
        func: Callable[[argparse.Namespace], int],
        help_text: str,
        *parents: argparse.ArgumentParser,
    ) -> argparse.ArgumentParser:
        p = self._commands.add_parser(
            name, help=help_text, description=help_text, parents=[self.common, *parents]
        )
        p.set_defaults(func=func)
        return p

    def nested(
        self, p: argparse.ArgumentParser, dest: str
    ) -> Callable[..., argparse.ArgumentParser]:
        actions = p.add_subparsers(dest=dest, metavar="ACTION", required=True)

        def one(
            name: str, help_text: str, *parents: argparse.ArgumentParser
        ) -> argparse.ArgumentParser:
            return actions.add_parser(
                name, help=help_text, description=help_text, parents=[self.common, *parents]
            )

        return one


def json_option() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--json", action="store_true", help="print JSON")
    return p


def print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


Row = TypeVar("Row")


def print_rows(
    rows: Sequence[Row],
    line: Callable[[Row], str],
    *,
    as_json: bool,
    empty: str,
    to_json: Callable[[Row], Any] = lambda row: row,
) -> None:
    """A listing: every row as JSON, or one line per row (``empty`` on stderr when none)."""
    if as_json:
        print_json([to_json(row) for row in rows])
        return
    for row in rows:
        print(line(row))
    if not rows:
        print(empty, file=sys.stderr)


def run_command(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run the chosen command's ``func`` with the exit-code contract."""
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        result: int = args.func(args)
        return result
    except UsageError as exc:
        parser.error(str(exc))
    except CounterdeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 2


def report_verdict(verdict: Verdict, *, as_json: bool) -> int:
    """Print a QR verdict; exit 0 when valid, 1 when not."""
    if as_json:
        print_json(verdict.to_json())
    elif verdict.valid:
        print(verdict.describe())
    else:
        print(f"error: not valid: {verdict.describe()}", file=sys.stderr)
    return 0 if verdict.valid else 1
