"""Databases saved by earlier schema versions still open, migrate and keep their data.

tests/data/desk-<last migration>.sqlite3 are training desks written by earlier
versions of counterdesk (two requests, one letter). Keep one for every released
schema; never regenerate an existing one.
"""

import shutil
from pathlib import Path

import pytest

from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.register import register
from counterdesk.services.requests import list_requests
from counterdesk.services.staff import authenticate
from counterdesk.services.verification import verify_payload
from counterdesk.store.schema import migrations

from .test_register import reg

SAMPLES = sorted((Path(__file__).parent / "data").glob("desk-*.sqlite3"))


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 2


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_old_database_opens_and_migrates(sample: Path, tmp_path: Path) -> None:
    root = tmp_path / "desk"
    root.mkdir()
    shutil.copy(sample, root / "desk.sqlite3")
    with Desk.open(root) as desk:
        applied = [m.name for m in migrations.applied(desk.db)]
        assert applied == [m.name for m in migrations._migrations]
        assert list(root.glob("desk.sqlite3.before-*.bak")), "no backup before migrating"
        assert audit(desk).ok
        names = {r.name for r in list_requests(desk)}
        assert names == {"Nur'aini Ñurul", "Ahmad bin Ismail"}
        payload = desk.conn.execute("SELECT payload FROM letters").fetchone()[0]
        assert verify_payload(desk, payload).valid
        session = authenticate(desk, "demo", "demo")
        new = register(desk, session, reg(desk))
        assert new.receipt.startswith("LATIH-01-")
        assert audit(desk).ok
