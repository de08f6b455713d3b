"""A district upgrading: hub and desk databases and sticks of the first released sync format
(tests/data/sync-v1, written by the released code) keep working with this version.

The hub answers each desk in the bundle format the desk itself writes, so a desk that is
not updated yet still reads its replies; once the desk writes format 2, so does the hub.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import ingest
from counterdesk.hub.replies import replies_for
from counterdesk.hub.store import hub_migrations
from counterdesk.hub.views import list_requests
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import outgoing
from counterdesk.services.status import desk_status
from counterdesk.services.sync_import import import_bundle, import_paths
from counterdesk.store.schema import migrations
from counterdesk.sync.bundle import peek_header

from .helpers import register

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "sync-v1"
EVENTS_V1 = SAMPLES / "JGB-01_b9cf_000005-000005.cdb"
INTRO_V1 = SAMPLES / "JGB-01_to_HUB_intro_a4c7f210.cdb"
ACK_V1 = SAMPLES / "HUB_to_JGB-01_ack_717e3e9e.cdb"


@pytest.fixture
def field(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    (tmp_path / "hub").mkdir()
    (tmp_path / "desk").mkdir()
    shutil.copy(SAMPLES / "hub.sqlite3", tmp_path / "hub" / "hub.sqlite3")
    shutil.copy(SAMPLES / "desk.sqlite3", tmp_path / "desk" / "desk.sqlite3")
    yield tmp_path / "hub", tmp_path / "desk"


def test_the_samples_are_format_1() -> None:
    for path in (EVENTS_V1, INTRO_V1, ACK_V1):
        assert path.read_bytes().startswith(b"CDBUNDLE\x01"), path.name
        assert peek_header(path.read_bytes()).format_version == 1


def test_old_hub_and_desk_databases_migrate_with_a_backup(field: tuple[Path, Path]) -> None:
    hub_root, desk_root = field
    with Hub.open(hub_root) as hub:
        assert [m.name for m in hub_migrations.applied(hub.db)] == [
            m.name for m in hub_migrations._migrations
        ]
        assert list(hub_root.glob("hub.sqlite3.before-m002_*.bak"))
        assert hub.conn.execute("SELECT bundle_format FROM desks").fetchone()[0] == 1
    with Desk.open(desk_root) as desk:
        assert [m.name for m in migrations.applied(desk.db)] == [
            m.name for m in migrations._migrations
        ]
        assert audit(desk).ok
        assert desk_status(desk)["pending"] == 1


def test_an_old_stick_is_imported_and_answered_in_the_old_format(
    field: tuple[Path, Path],
) -> None:
    hub_root, desk_root = field
    with Hub.open(hub_root) as hub:
        # the first trip again (already held) and the second trip's events
        assert ingest(hub, INTRO_V1.read_bytes(), source=INTRO_V1.name).outcome == "duplicate"
        result = ingest(hub, EVENTS_V1.read_bytes(), source=EVENTS_V1.name)
        assert (result.outcome, result.new_events) == ("accepted", 1)
        assert {r["name"] for r in list_requests(hub)} == {"Nur'aini Ñurul", "Ahmad bin Ismail"}
        replies = replies_for(hub, "JGB-01")
        # not updated yet as far as the hub knows: it is answered in format 1
        assert {peek_header(r.data).format_version for r in replies} == {1}
    with Desk.open(desk_root) as desk:
        # the updated desk reads the old acknowledgement and the new replies alike
        assert import_bundle(desk, ACK_V1.read_bytes(), source=ACK_V1.name).outcome == "duplicate"
        lines = [import_bundle(desk, r.data, source=r.file_name) for r in replies]
        assert all(line.outcome == "applied" for line in lines), lines
        assert desk_status(desk)["pending"] == 0
        # from now on the desk writes format 2, and the hub answers in format 2
        register(desk, 1, name="Siti Nurhaliza")
        bundles = list(outgoing(desk))
        assert {peek_header(b.data).format_version for b in bundles} == {2}
    with Hub.open(hub_root) as hub:
        for b in bundles:
            assert ingest(hub, b.data, source=b.file_name).outcome == "accepted"
        replies = replies_for(hub, "JGB-01")
        assert {peek_header(r.data).format_version for r in replies} == {2}
        assert len(list_requests(hub)) == 3
    with Desk.open(desk_root) as desk:
        stick = desk_root.parent / "stick"
        stick.mkdir()
        for r in replies:
            (stick / r.file_name).write_bytes(r.data)
        assert all(line.outcome == "applied" for line in import_paths(desk, [stick]))
        assert desk_status(desk)["pending"] == 0
        assert audit(desk).ok
