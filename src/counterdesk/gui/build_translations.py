"""Compile every ``resources/translations/*.ts`` to ``.qm``.

Run as ``python -m counterdesk.gui.build_translations`` (the Makefile does).
"""

from __future__ import annotations

import sys

from counterdesk.gui.translations import compile_ts
from counterdesk.resources import resource_path


def main() -> int:
    folder = resource_path("translations")
    sources = sorted(folder.glob("*.ts"))
    if not sources:
        print(f"error: no .ts files in {folder}", file=sys.stderr)
        return 1
    failed = 0
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if compile_ts(ts, qm):
            print(f"{ts.name} -> {qm.name}")
        else:
            print(f"error: could not compile {ts}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
