"""Storage errors with messages a person can act on."""

from __future__ import annotations

import sqlite3
from typing import Final

from sqlcipher3 import dbapi2 as sqlcipher

from counterdesk.domain.errors import CounterdeskError

# The desk's database goes through SQLCipher (sqlcipher3), the hub's through the standard
# module: two libraries, two families of exceptions. Catch these tuples, not sqlite3's.
SQLITE_ERRORS: Final[tuple[type[Exception], ...]] = (sqlite3.Error, sqlcipher.Error)
OPERATIONAL_ERRORS: Final[tuple[type[Exception], ...]] = (
    sqlite3.OperationalError,
    sqlcipher.OperationalError,
)
INTEGRITY_ERRORS: Final[tuple[type[Exception], ...]] = (
    sqlite3.IntegrityError,
    sqlcipher.IntegrityError,
)
DATABASE_ERRORS: Final[tuple[type[Exception], ...]] = (
    sqlite3.DatabaseError,
    sqlcipher.DatabaseError,
)


class StoreError(CounterdeskError):
    """The database cannot be opened or written."""


class NotADeskDatabase(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class StoreBusy(StoreError):
    pass


class DiskFull(StoreError):
    pass


def translate(exc: Exception, path: str) -> StoreError:
    """Turn an sqlite3 error into one that says what to do."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreBusy(
            f"the database {path} is being written by another counterdesk program; "
            "wait a moment and try again (nothing was saved)",
            code="db_busy",
        )
    if "full" in text:
        return DiskFull(
            f"the disk holding {path} is full; free some space and try again (nothing was saved)",
            code="disk_full",
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"the database {path} cannot be written (read-only file or folder); "
            "check its permissions (nothing was saved)",
            code="db_readonly",
        )
    if "not a database" in text or "malformed" in text or "disk i/o" in text:
        return NotADeskDatabase(
            f"{path} is damaged or not a counterdesk database: {exc}; it was left untouched. "
            "Restore it from a backup or move it away",
            code="db_damaged",
        )
    return StoreError(f"database error in {path}: {exc}", code="db_error")
