"""Online backup of the hub's SQLite database, keeping N days of copies.

    python backup_hub.py /var/lib/counterdesk-hub/hub.sqlite3 /var/backups/counterdesk-hub \
        [--keep-days 14] [--keep-min 3]

Copies with SQLite's backup API (a consistent snapshot while the hub keeps writing; WAL
readers do not block the writer), checks the copy with ``PRAGMA quick_check``, and only
then gives it its final name ``hub-YYYYMMDD-HHMMSS.sqlite3``. Deletes copies older than
``--keep-days``, but always keeps the ``--keep-min`` newest, so that a backup job that has
been failing for weeks never deletes the last good copies. Standard library only; run by
counterdesk-hub-backup.service. Exit 0 on success, 1 with an ``error:`` line otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sqlite3
import sys
import time
from pathlib import Path

PREFIX = "hub-"
SUFFIX = ".sqlite3"


def backup(source: Path, folder: Path, now: datetime.datetime) -> Path:
    if not source.is_file():
        raise FileNotFoundError(f"no database at {source}")
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{PREFIX}{now:%Y%m%d-%H%M%S}{SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise RuntimeError(f"the copy fails quick_check: {result}")
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(partial, 0o600)
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, final)
    return final


def prune(folder: Path, keep_days: float, keep_min: int, now: float) -> list[Path]:
    copies = sorted(
        (p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    cutoff = now - keep_days * 86400
    removed = []
    for path in copies[keep_min:]:
        if path.stat().st_mtime < cutoff:
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--keep-days", type=float, default=14)
    parser.add_argument("--keep-min", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        started = time.monotonic()
        copy = backup(args.database, args.folder, datetime.datetime.now())
        size = copy.stat().st_size
        print(
            f"backed up {args.database} -> {copy} ({size:,} bytes, "
            f"{time.monotonic() - started:.1f} s)"
        )
        for path in prune(args.folder, args.keep_days, args.keep_min, time.time()):
            print(f"removed old backup {path.name}")
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        print(f"error: backup failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
