"""``counterdesk-hub report``: its parser, without the report makers.

The monthly report's code (:mod:`counterdesk.hub.report_cli`: ReportLab, openpyxl, the
statistics) is imported when the command runs, not whenever the hub's parser is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, Final

# The names of printing.exports.DIALECTS, the default (excel) first; a test keeps them equal.
CSV_DIALECTS: Final = ("excel", "id")


def _cmd_report(args: argparse.Namespace) -> int:
    from counterdesk.hub.report_cli import cmd_report

    return cmd_report(args)


def add_report_commands(
    add: Callable[..., argparse.ArgumentParser],
    nested: Callable[..., Any],
    as_json: argparse.ArgumentParser,
) -> None:
    """Add ``report`` to the hub's command line (``nested`` is not needed: one action)."""
    del nested
    p = add(
        "report",
        _cmd_report,
        "write the monthly report (PDF, optionally CSV): per post and service volumes, "
        "completion on time, waiting times, referrals, complaints, satisfaction index",
        as_json,
    )
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="e.g. 2026-11")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument(
        "--csv",
        metavar="FILE.csv|DIR",
        help="also write the tables as CSV: one file (FILE.csv) or one file per table (DIR)",
    )
    p.add_argument(
        "--csv-dialect",
        choices=CSV_DIALECTS,
        default=CSV_DIALECTS[0],
        help="excel: comma and decimal point (default); id: ';' and decimal comma",
    )
    p.add_argument("--xlsx", metavar="FILE.xlsx", help="also write the tables as an Excel file")
    p.add_argument(
        "--ikm-weight",
        default="exact",
        metavar="exact|0.111",
        help="IKM weight per element: exact 1/9 (default) or the rounded 0.111",
    )
    p.add_argument("--post", metavar="NAME", help="only this post")
    p.add_argument("--desk", metavar="CODE", help="only this desk")
    p.add_argument("--service", metavar="CODE", help="only this service")
