"""`counterdesk holidays [--year YYYY]`: the days off this desk's due dates skip.

National holidays and cuti bersama are computed offline (``holidays`` package); a date the
package only estimates is marked "perkiraan" until the district hub confirms it; the
district's own list (holidays, confirmations, national dates made working days) wins.
"""

from __future__ import annotations

import argparse
from typing import Any

from counterdesk.cli.common import open_desk, print_json


def cmd_holidays(args: argparse.Namespace) -> int:
    from counterdesk.services.refdata import working_calendar  # the holiday tables: here only

    with open_desk(args) as desk:
        year = args.year or desk.now().year
        days = working_calendar(desk).holidays_in(year)
    if args.json:
        print_json(
            [
                {
                    "date": h.day.isoformat(),
                    "name": h.name.id,
                    "name_en": h.name.en,
                    "source": h.source,
                    "tentative": h.tentative,
                }
                for h in days
            ]
        )
        return 0
    for h in days:
        where = "kabupaten" if h.source == "district" else "nasional"
        print(f"{h.day.isoformat()}  {h.label_id}  ({where})")
    return 0


def add_commands(add: Any, as_json: Any, staff: Any) -> None:
    del staff
    p = add(
        "holidays",
        cmd_holidays,
        "the days off due dates skip: national holidays, cuti bersama, district holidays",
        as_json,
    )
    p.add_argument("--year", type=int, metavar="YYYY", help="default: this year")
