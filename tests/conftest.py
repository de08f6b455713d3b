"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import datetime
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counterdesk.services.desk import Desk
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import StaffSession, authenticate

# Valid NIKs (Kemendagri codes of Kabupaten Bengkayang and others).
NIK_MAN = "6107071708800001"  # Jagoi Babang, born 17-08-1980, male
NIK_WOMAN = "6107055203950002"  # Seluas, born 12-03-1995, female (day + 40)
NIK_OTHER = "3171011708450001"  # Jakarta


class FixedClock:
    """An injectable clock that tests move by hand."""

    def __init__(self, start: datetime.datetime) -> None:
        self.now = start

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += datetime.timedelta(**kwargs)


@pytest.fixture
def clock() -> FixedClock:
    tz = datetime.timezone(datetime.timedelta(hours=7))
    return FixedClock(datetime.datetime(2026, 11, 2, 8, 0, tzinfo=tz))  # a Monday


@pytest.fixture
def desk(tmp_path: Path, clock: FixedClock) -> Iterator[Desk]:
    d, _ = make_demo(tmp_path / "desk", clock=clock)
    with d:
        yield d


@pytest.fixture
def session(desk: Desk) -> StaffSession:
    return authenticate(desk, "demo", "demo")


def require_tool(name: str, package: str) -> str:
    """Path of a system tool; fails in CI when missing, skips elsewhere."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required in CI (apt-get install {package})")
    pytest.skip(f"{name} not installed (apt-get install {package})")


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real user data folder."""
    monkeypatch.setenv("COUNTERDESK_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture(autouse=True, scope="session")
def _isolated_keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Desk database keys in a folder of their own, never the developer's credential store.
    For the whole session (desks made by module fixtures and copied into each test keep
    their key; key ids are random), and a patch of its own: a test's
    ``monkeypatch.undo()`` must not lose the keys."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COUNTERDESK_KEY_DIR", str(tmp_path_factory.mktemp("keys")))
        yield


def open_raw(database: Path, *, key_of: Path | None = None) -> Any:
    """A raw SQLCipher connection to an encrypted desk database (autocommit), keyed with its
    key from this test's key folder (``key_of``: the database whose key it shares, as its
    backups do): for tests that read or edit a database by hand."""
    from sqlcipher3 import dbapi2 as sqlcipher

    from counterdesk.store.dbkey import find_key

    key = find_key(Path(key_of or database))
    assert key is not None, f"no key for {database}"
    conn = sqlcipher.connect(str(database), isolation_level=None)
    conn.execute(f"PRAGMA key = {key.sql()}")
    return conn


def tamper_sql(database: Path, script: str) -> None:
    """Run ``script`` on an encrypted desk database by hand, as an intruder holding its key."""
    conn = open_raw(database)
    try:
        conn.executescript(script)
    finally:
        conn.close()
