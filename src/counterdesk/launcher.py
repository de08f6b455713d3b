"""The ``counterdesk`` entry point: the desktop app when no command is named, else the CLI.

It sits outside the layers so that neither the command line nor the app has to
import the other.
"""

from __future__ import annotations

import sys

CLI_COMMANDS = frozenset(
    {
        "demo", "services", "register", "requests", "show", "advance", "status", "audit",
        "staff", "print", "verify", "export", "import", "sync", "enroll", "help", "report",
        "referral", "referrals", "complaint", "holidays", "recover",
    }
)  # fmt: skip
HELP = frozenset({"-h", "--help", "--version", "--self-test"})


def wants_gui(args: list[str]) -> bool:
    if args and args[0] == "gui":
        return True
    if any(a in HELP for a in args):
        return False
    return not any(a in CLI_COMMANDS for a in args if not a.startswith("-"))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered without importing Qt or the command line
        from counterdesk import __version__

        print(f"counterdesk {__version__}")
        return 0
    if args == ["--self-test"]:
        from counterdesk.selftest import main as self_test

        return self_test()
    if wants_gui(args):
        from counterdesk.gui.app import run

        return run(args[1:] if args and args[0] == "gui" else args)
    from counterdesk.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
