"""Opening the desk database safely.

- WAL, ``synchronous=FULL``, foreign keys on, a busy timeout for a second process;
- a file that is not SQLite, or SQLite that is not ours, is refused and left untouched;
- a database written by a newer counterdesk is refused;
- before any migration of an existing database, a copy of it is written beside it.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database, Migrations

from counterdesk.store.errors import NewerSchema, NotADeskDatabase, StoreError, translate
from counterdesk.store.schema import APPLICATION_ID, migrations

BUSY_TIMEOUT_MS = 5000


def _check_file(path: Path) -> bool:
    """True when the file exists with content.

    The header is NOT read with Python's open(): on POSIX, closing any file
    descriptor of a database file drops every lock this process holds on it
    through SQLite, after which another process may delete the WAL under our
    live connections. SQLite itself reads the header (see ``_prepare``).
    """
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _applied_names(conn: sqlite3.Connection, migration_set: str) -> list[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [migration_set],
        )
    ]


@dataclass(frozen=True)
class Schema:
    """What kind of database a file must be: its migrations, id and how to name it to people."""

    migrations: Migrations
    application_id: int
    what: str  # "counterdesk database", "counterdesk hub database"
    program: str  # who writes it: "counterdesk", "counterdesk hub"
    missing_hint: str  # what to run when it does not exist yet


DESK_SCHEMA = Schema(
    migrations=migrations,
    application_id=APPLICATION_ID,
    what="counterdesk database",
    program="counterdesk",
    missing_hint="run `counterdesk demo` for a training desk or `counterdesk enroll FILE` "
    "to join a district",
)


def backup_copy(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the live database (SQLite online backup), fsynced."""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(tmp))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def open_db(path: Path, *, create: bool = False, schema: Schema | None = None) -> Database:
    """Open (and with ``create``, make) a database of ``schema`` (the desk's by default).

    Raises StoreError subclasses with actionable messages; never modifies a file
    it refuses.
    """
    schema = schema or DESK_SCHEMA
    path = Path(path)
    existed = _check_file(path)
    if not existed and not create:
        raise StoreError(f"no {schema.what} at {path}; {schema.missing_hint}", code="db_missing")
    if not existed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {path.parent}: {exc.strerror or exc}; "
                "choose a folder this user can write (--data-dir) or fix its permissions",
                code="db_readonly",
            ) from None
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        raise _open_error(exc, path) from exc
    try:
        _prepare(conn, path, existed, schema)
    except sqlite3.Error as exc:
        conn.close()
        raise _open_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return Database(conn)


def _open_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """SQLite says only "unable to open database file" when the folder is read-only (a
    WAL database needs its ``-wal`` and ``-shm`` files beside it): say so, and where."""
    if "unable to open" in str(exc).lower() and not os.access(path.parent, os.W_OK):
        return StoreError(
            f"the database {path} cannot be opened: its folder {path.parent} cannot be "
            "written (read-only disk or no permission); counterdesk needs to write there. "
            "Fix the folder's permissions or choose another one (--data-dir); nothing was "
            "changed",
            code="db_readonly",
        )
    return translate(exc, str(path))


def _prepare(conn: sqlite3.Connection, path: Path, existed: bool, schema: Schema) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "not a database" not in str(exc):
            raise
        raise NotADeskDatabase(
            f"{path} is not a {schema.what} (not an SQLite file); it was left "
            "untouched. Move it away or choose another data folder (--data-dir)",
            code="db_foreign",
        ) from None
    if existed and app_id != schema.application_id:
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or has_tables:
            raise NotADeskDatabase(
                f"{path} is an SQLite database of another program, not a {schema.what}; "
                "it was left untouched. Choose another data folder (--data-dir)",
                code="db_foreign",
            )
    steps = schema.migrations
    known = [m.name for m in steps._migrations]
    applied = _applied_names(conn, steps.name)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise NewerSchema(
            f"{path} was written by a newer version of {schema.program} (schema step "
            f"{unknown[-1]!r} is unknown to this version); install the newer version. "
            "The database was left untouched",
            code="db_newer",
        )
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    db = Database(conn)
    pending = steps.pending(db)
    if not pending:
        return
    if applied:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_copy(conn, path.with_name(f"{path.name}.before-{pending[0].name}-{stamp}.bak"))
    with write_transaction(conn, str(path)):
        if steps.pending(db):  # another process may have migrated meanwhile
            steps.apply(db)
        conn.execute(f"PRAGMA application_id = {schema.application_id}")


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection, where: str = "database") -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    Taking the write lock at BEGIN means a second writer waits (busy timeout)
    and then fails cleanly instead of failing half-way through.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc, where) from exc
    try:
        yield
    except sqlite3.Error as exc:
        _rollback(conn)
        raise translate(exc, where) from exc
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise translate(exc, where) from exc


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
