"""Opening the database: pragmas, migrations with a backup, refusals that touch nothing."""

import dataclasses
import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from counterdesk.store import schema
from counterdesk.store.db import DESK_SCHEMA, open_db
from counterdesk.store.errors import NewerSchema, NotADeskDatabase, StoreError

from .conftest import open_raw


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_the_safe_pragmas(tmp_path: Path) -> None:
    db = open_db(tmp_path / "d.sqlite3", create=True)
    conn = db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert "events" in db.table_names()


def test_missing_database_is_not_created_without_asking(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="counterdesk demo"):
        open_db(tmp_path / "nothing.sqlite3")
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_foreign_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"these are my holiday photos\n" * 100)
    before = digest(path)
    with pytest.raises(NotADeskDatabase, match="not a counterdesk database"):
        open_db(path, create=True)
    assert digest(path) == before


def test_other_programs_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotADeskDatabase, match="another program"):
        open_db(path, create=True)
    assert digest(path) == before


def test_corrupted_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_db(path, create=True).conn.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # trash the schema page after the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StoreError, match=r"damaged|not a counterdesk"):
        open_db(path)
    assert digest(path) == before


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_db(path, create=True)
    db["_sqlite_migrations"].insert(
        {"migration_set": "counterdesk", "name": "m999_from_the_future", "applied_at": "x"}
    )
    db.conn.close()
    before = digest(path)
    with pytest.raises(NewerSchema, match="newer version of counterdesk"):
        open_db(path)
    assert digest(path) == before


def test_backup_is_written_before_a_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_db(path, create=True)
    db.conn.execute("INSERT INTO counters (name, value) VALUES ('x', 7)")
    db.conn.close()

    added = schema.Migrations("counterdesk")
    for m in schema.migrations._migrations:
        added._migrations.append(m)

    @added(name="m900_test_addition")
    def _m(db: Database) -> None:
        db.execute("ALTER TABLE counters ADD COLUMN note TEXT")

    monkeypatch.setattr(
        "counterdesk.store.db.DESK_SCHEMA", dataclasses.replace(DESK_SCHEMA, migrations=added)
    )
    db = open_db(path)
    assert "note" in db["counters"].columns_dict
    backups = list(tmp_path.glob("desk.sqlite3.before-m900_test_addition-*.bak"))
    assert len(backups) == 1
    with pytest.raises(sqlite3.DatabaseError):  # the backup is encrypted as the database is
        sqlite3.connect(backups[0]).execute("SELECT count(*) FROM sqlite_master").fetchone()
    old = open_raw(backups[0], key_of=path)
    assert old.execute("SELECT value FROM counters WHERE name = 'x'").fetchone() == (7,)
    assert "note" not in [r[1] for r in old.execute("PRAGMA table_info(counters)")]


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite3"
    open_db(path, create=True).conn.close()
    broken = schema.Migrations("counterdesk")
    for m in schema.migrations._migrations:
        broken._migrations.append(m)

    @broken(name="m901_broken")
    def _m(db: Database) -> None:
        db.execute("ALTER TABLE counters ADD COLUMN half TEXT")
        db.execute("THIS IS NOT SQL")

    monkeypatch.setattr(
        "counterdesk.store.db.DESK_SCHEMA", dataclasses.replace(DESK_SCHEMA, migrations=broken)
    )
    with pytest.raises(StoreError):
        open_db(path)
    monkeypatch.undo()
    db = open_db(path)
    assert "half" not in db["counters"].columns_dict


def test_opening_again_keeps_other_connections_locks(tmp_path: Path) -> None:
    """Regression: reading the header with open()/close() dropped this process's POSIX locks,
    and another process then deleted the WAL under the live connection."""
    import subprocess
    import sys

    from counterdesk.services.desk import Desk
    from counterdesk.services.setup import make_demo

    root = tmp_path / "desk"
    made, _ = make_demo(root)
    made.close()
    reader = Desk.open(root)
    reader.conn.execute("SELECT count(*) FROM events").fetchone()
    second = Desk.open(root)  # the app opens its writer and reads connections too
    subprocess.run(
        [sys.executable, "-m", "counterdesk", "--data-dir", str(root), "staff", "list"],
        check=True,
        capture_output=True,
    )
    assert (root / "desk.sqlite3-wal").exists()
    assert reader.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    second.close()
    reader.close()
