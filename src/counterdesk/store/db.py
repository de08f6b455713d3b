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
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher
from sqlite_utils import Database, Migrations

from counterdesk.store.dbkey import DatabaseKey, find_key, new_key, read_key_id
from counterdesk.store.errors import (
    SQLITE_ERRORS,
    NewerSchema,
    NotADeskDatabase,
    StoreBusy,
    StoreError,
    translate,
)
from counterdesk.store.private import create_private, fsync_folder, private_folder, tighten_folder
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
    except PermissionError:
        raise StoreError(
            f"the database {path} cannot be opened: this user may not read its folder "
            f"{path.parent} (the data folder is private to the user who set up the desk). "
            "Run counterdesk as that user or choose another folder (--data-dir); nothing "
            "was changed",
            code="db_readonly",
        ) from None


def connect(path: Path) -> sqlite3.Connection:
    """A connection through the standard module (the hub's database: not encrypted)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def connect_cipher(path: Path, key: DatabaseKey | None) -> sqlite3.Connection:
    """A connection through SQLCipher; ``PRAGMA key`` is its first statement. Without a key
    it reads plain SQLite files (every connection to a desk file goes through this one
    library: two SQLite libraries in one process would drop each other's POSIX locks)."""
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        if key is not None:
            conn.execute(f"PRAGMA key = {key.sql()}")
        # SQLCipher writes its own error lines to stderr (a wrong key, a plain file): the
        # message a person sees is ours, one line
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.row_factory = sqlcipher.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        conn.close()
        raise
    return conn  # type: ignore[no-any-return]


def is_cipher(conn: sqlite3.Connection) -> bool:
    return isinstance(conn, sqlcipher.Connection)


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
    encrypted: bool = False  # SQLCipher with a key from store/dbkey.py


DESK_SCHEMA = Schema(
    migrations=migrations,
    application_id=APPLICATION_ID,
    what="counterdesk database",
    program="counterdesk",
    missing_hint="run `counterdesk demo` for a training desk or `counterdesk enroll FILE` "
    "to join a district",
    encrypted=True,
)


def backup_copy(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the live database, fsynced, 0600; an encrypted database's copy
    is encrypted with the same key (``VACUUM INTO``), so it opens as the database does."""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    create_private(tmp)
    if is_cipher(conn):
        conn.execute("VACUUM INTO ?", [str(tmp)])
    else:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
        finally:
            dest.close()
    _fsync(tmp)
    os.replace(tmp, target)


def _fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


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
            private_folder(path.parent)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {path.parent}: {exc.strerror or exc}; "
                "choose a folder this user can write (--data-dir) or fix its permissions",
                code="db_readonly",
            ) from None
        try:
            create_private(path)
        except OSError:
            raise _unwritable_folder(path) from None
    else:
        tighten_folder(path.parent)  # folders made by older versions, files SQLite made
    try:
        conn = _open_encrypted(path, existed, schema) if schema.encrypted else connect(path)
    except SQLITE_ERRORS as exc:
        raise _open_error(exc, path) from exc
    try:
        _prepare(conn, path, existed, schema)
    except SQLITE_ERRORS as exc:
        conn.close()
        raise _open_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    # No sqlite-utils plugins: loading them scans every installed package's entry points
    # (tens of milliseconds on each start) and would let any package change this connection.
    return Database(conn, execute_plugins=False)


def _open_error(exc: Exception, path: Path) -> StoreError:
    """SQLite says only "unable to open database file" when the folder is read-only (a
    WAL database needs its ``-wal`` and ``-shm`` files beside it): say so, and where."""
    if "unable to open" in str(exc).lower() and not os.access(path.parent, os.W_OK):
        return _unwritable_folder(path)
    return translate(exc, str(path))


def _unwritable_folder(path: Path) -> StoreError:
    return StoreError(
        f"the database {path} cannot be opened: its folder {path.parent} cannot be "
        "written (read-only disk or no permission); counterdesk needs to write there. "
        "Fix the folder's permissions or choose another one (--data-dir); nothing was "
        "changed",
        code="db_readonly",
    )


# encryption -------------------------------------------------------------------------------
def _opens(conn: sqlite3.Connection) -> bool:
    """True when the connection reads its file (right key, or plain SQLite without one)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            return False
        raise
    return True


def _open_encrypted(path: Path, existed: bool, schema: Schema) -> sqlite3.Connection:
    """The encrypted connection to the desk file: a new file gets a new key; a plain file
    of an older version is encrypted first; anything else is refused untouched."""
    if not existed:
        return connect_cipher(path, new_key(path))
    key = find_key(path)
    if key is not None:
        conn = connect_cipher(path, key)
        try:
            if _opens(conn):
                return conn
        except BaseException:
            conn.close()
            raise
        conn.close()
    plain = connect_cipher(path, None)
    try:
        if not _opens(plain):
            raise _cannot_open(path, schema, key)
        _check_kind(plain, path, True, schema)
        return _encrypt_plain(plain, path, schema, key or new_key(path))
    finally:
        plain.close()


def probe_key(path: Path, key: DatabaseKey) -> str | None:
    """The desk code in the desk database at ``path`` when ``key`` opens it, else None.
    Reads only (a recovery file is checked against the database before its key is kept)."""
    conn = connect_cipher(path, key)
    try:
        if not _opens(conn):
            return None
        try:
            row = conn.execute("SELECT code FROM desk WHERE id = 1").fetchone()
        except sqlcipher.OperationalError:  # no desk table: not a desk's database
            return ""
        return str(row[0]) if row is not None else ""
    finally:
        conn.close()


def _cannot_open(path: Path, schema: Schema, key: DatabaseKey | None) -> StoreError:
    if key is not None:
        return NotADeskDatabase(
            f"{path} is damaged or not a {schema.what} (it does not open with this desk's "
            "key); it was left untouched. Restore it from a backup or move it away",
            code="db_damaged",
        )
    key_id = read_key_id(path)
    if key_id is not None:
        return NotADeskDatabase(
            f"{path} is encrypted and its key ({key_id[:8]}) is not on this computer; it was "
            "left untouched. A desk's database from another PC opens with the recovery file "
            "the district office makes (`counterdesk-hub escrow export`): run "
            "`counterdesk recover FILE`",
            code="db_key_missing",
        )
    return NotADeskDatabase(
        f"{path} is not a {schema.what} this computer can open (not an SQLite file, or an "
        "encrypted desk database from another PC: then run `counterdesk recover FILE` with "
        "the recovery file from the district office); it was left untouched. Move it away "
        "or choose another data folder (--data-dir)",
        code="db_foreign",
    )


def _encrypt_plain(
    plain: sqlite3.Connection, path: Path, schema: Schema, key: DatabaseKey
) -> sqlite3.Connection:
    """Encrypt a plain desk database of an older version (see the module docstring).

    The plain file is never changed: an encrypted copy is written beside it and renamed over
    it, while this connection holds the file's lock (``locking_mode=EXCLUSIVE``) so that no
    other program writes to it meanwhile. Its WAL is folded in first, which needs every other
    connection closed: a program still running of the older version makes this wait and
    then fail with a clear message, changing nothing.
    """
    where = str(path)
    try:
        mode = plain.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except SQLITE_ERRORS as exc:
        raise _busy_encrypting(path) if "locked" in str(exc) else translate(exc, where) from exc
    if str(mode).lower() != "delete":
        raise _busy_encrypting(path)
    plain.execute("PRAGMA locking_mode = EXCLUSIVE")
    plain.execute("BEGIN EXCLUSIVE")
    plain.execute("COMMIT")  # the lock is now held until the connection closes
    if (done := _encrypted_meanwhile(path, key)) is not None:
        return done
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    tmp = path.with_name(path.name + ".encrypting")
    _encrypted_copy(plain, tmp, key)
    backup = path.with_name(f"{path.name}.before-encryption-{stamp}.bak")
    _copy_private(tmp, backup)
    if os.name == "nt":  # Windows cannot rename over a file that is open
        plain.close()
    os.replace(tmp, path)
    fsync_folder(path.parent)
    for old in path.parent.glob(f"{path.name}.before-*.bak.part"):
        old.unlink(missing_ok=True)  # half-written plain backups of older versions
    for old in sorted(path.parent.glob(f"{path.name}.before-*.bak")):
        _encrypt_backup(old, key)
    return connect_cipher(path, key)


def _encrypted_meanwhile(path: Path, key: DatabaseKey) -> sqlite3.Connection | None:
    """The file at ``path`` when another program encrypted it after ``plain`` was opened
    (then it is a new file, and opens with the key); None when it is still the plain file
    this program has locked (then a reader is refused at once)."""
    probe = connect_cipher(path, key)
    try:
        probe.execute("PRAGMA busy_timeout = 0")
        try:
            if _opens(probe):
                probe.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                return probe
        except sqlcipher.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
    except BaseException:
        probe.close()
        raise
    probe.close()
    return None


def _busy_encrypting(path: Path) -> StoreError:
    return StoreBusy(
        f"the database {path} must be encrypted once after this update, but another "
        "counterdesk program (perhaps of the older version) has it open; close it and start "
        "again (nothing was changed)",
        code="db_busy",
    )


def _encrypted_copy(source: sqlite3.Connection, target: Path, key: DatabaseKey) -> None:
    """Write ``source`` (a plain connection, outside a transaction) encrypted to ``target``."""
    target.unlink(missing_ok=True)
    create_private(target)
    app_id = source.execute("PRAGMA application_id").fetchone()[0]
    user_version = source.execute("PRAGMA user_version").fetchone()[0]
    source.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.sql()}", [str(target)])
    try:
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.application_id = {int(app_id)}")
        source.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
    finally:
        source.execute("DETACH DATABASE encrypted")
    _fsync(target)


def _copy_private(source: Path, target: Path) -> None:
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    create_private(part)
    with source.open("rb") as src, part.open("r+b") as dst:
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(part, target)


def _encrypt_backup(backup: Path, key: DatabaseKey) -> None:
    """A backup left plain by an older version, encrypted with the database's key."""
    conn = connect_cipher(backup, None)
    try:
        if not _opens(conn):
            return  # encrypted already (or not SQLite: not ours to touch)
        conn.execute("PRAGMA journal_mode = DELETE")
        tmp = backup.with_name(backup.name + ".encrypting")
        _encrypted_copy(conn, tmp, key)
    finally:
        conn.close()
    os.replace(tmp, backup)
    fsync_folder(backup.parent)


def _prepare(conn: sqlite3.Connection, path: Path, existed: bool, schema: Schema) -> None:
    applied = _check_kind(conn, path, existed, schema)
    steps = schema.migrations
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    db = Database(conn, execute_plugins=False)
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


def _check_kind(conn: sqlite3.Connection, path: Path, existed: bool, schema: Schema) -> list[str]:
    """Refuse a file that is not ``schema``'s or is newer; the migrations it has."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
        if "not a database" not in str(exc):
            raise
        raise NotADeskDatabase(
            f"{path} is not a {schema.what} (not an SQLite file, or an encrypted one); it was left "
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
    return applied


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection, where: str = "database") -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    Taking the write lock at BEGIN means a second writer waits (busy timeout)
    and then fails cleanly instead of failing half-way through.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except SQLITE_ERRORS as exc:
        raise translate(exc, where) from exc
    try:
        yield
    except SQLITE_ERRORS as exc:
        _rollback(conn)
        raise translate(exc, where) from exc
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except SQLITE_ERRORS as exc:
        _rollback(conn)
        raise translate(exc, where) from exc


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(*SQLITE_ERRORS):
            conn.execute("ROLLBACK")
