"""A dead desk PC: its database key kept sealed at the hub, a recovery file, the old
database opened on a replacement PC (item 10 of issue 14)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from counterdesk.cli import main as desk_main
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.store.dbkey import find_key, key_id_path

from ..conftest import open_raw
from .helpers import ADMIN, NAME_MARKER, NIK_MARKER, enrollment_bytes, make_desk, make_hub
from .helpers import register as register_requests

PASSPHRASE = "kunci-darurat-bengkayang"


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


class District:
    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp
        self.capsys = capsys
        self.hub_dir = make_hub(tmp / "hub")
        self.desk_dir = make_desk(tmp / "old-pc" / "data", enrollment_bytes(self.hub_dir))
        self.stick = tmp / "stick"

    def hub(self, *args: str) -> tuple[int, str, str]:
        code = hub_main(["--data-dir", str(self.hub_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def desk(self, root: Path, *args: str) -> tuple[int, str, str]:
        code = desk_main(["--data-dir", str(root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def trip(self, root: Path) -> None:
        assert self.desk(root, "export", str(self.stick))[0] == 0
        code, out, err = self.hub("import", str(self.stick), "--reply-to", str(self.stick))
        assert code == 0, out + err


@pytest.fixture
def district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> District:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "rahasia1")
    monkeypatch.setenv("COUNTERDESK_RECOVERY_PASSPHRASE", PASSPHRASE)
    return District(tmp_path, capsys)


def new_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: Path) -> Path:
    """A replacement PC: its own (empty) key store; only the old database file copied over."""
    monkeypatch.setenv("COUNTERDESK_KEY_DIR", str(tmp_path / "new-pc" / "keys"))
    root = tmp_path / "new-pc" / "data"
    root.mkdir(parents=True)
    shutil.copy(old / "desk.sqlite3", root / "desk.sqlite3")
    return root


def test_a_dead_pcs_desk_opens_on_a_new_pc_with_the_districts_recovery_file(
    district: District, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Desk.open(district.desk_dir) as desk:
        [receipt] = register_requests(desk, 1, name=NAME_MARKER, nik=NIK_MARKER)
        key = find_key(desk.paths.database)
    assert key is not None
    district.trip(district.desk_dir)
    # The hub holds the key sealed, never in the clear.
    with Hub.open(district.hub_dir) as hub:
        row = hub.conn.execute(
            "SELECT data FROM events WHERE desk = 'JGB-01' AND kind = 'db_key_escrowed'"
        ).fetchone()
    assert json.loads(row[0])["key_id"] == key.key_id
    hub_files = all_bytes(district.hub_dir) + all_bytes(district.stick)
    assert key.secret not in hub_files and key.secret.hex().encode() not in hub_files

    root = new_pc(tmp_path, monkeypatch, district.desk_dir)
    code, _, err = district.desk(root, "status")
    assert code == 1 and "counterdesk recover" in err

    out_file = tmp_path / "JGB-01.cdrecover"
    code, out, err = district.hub("escrow", "export", "--desk", "jgb-01", "--out", str(out_file))
    assert code == 0, err
    assert key.secret not in out_file.read_bytes()
    assert key.secret.hex().encode() not in out_file.read_bytes()
    with Hub.open(district.hub_dir) as hub:
        kinds = [r[0] for r in hub.conn.execute("SELECT kind FROM alerts")]
    assert "key_recovery" in kinds  # the district sees every recovery file made

    monkeypatch.setenv("COUNTERDESK_RECOVERY_PASSPHRASE", "not the passphrase at all")
    code, _, err = district.desk(root, "recover", str(out_file))
    assert code == 1 and "passphrase" in err
    assert not key_id_path(root / "desk.sqlite3").exists()

    monkeypatch.setenv("COUNTERDESK_RECOVERY_PASSPHRASE", PASSPHRASE)
    code, out, err = district.desk(root, "recover", str(out_file), "--json")
    assert code == 0, err
    assert json.loads(out)["desk"] == "JGB-01"
    rows = json.loads(district.desk(root, "requests", "--json", "--staff", ADMIN)[1])
    assert [r["receipt"] for r in rows] == [receipt] and rows[0]["name"] == NAME_MARKER
    assert district.desk(root, "audit", "verify")[0] == 0
    # The recovered desk keeps working and delivering.
    with Desk.open(root) as desk:
        register_requests(desk, 1)
    district.trip(root)


def test_a_recovery_file_opens_only_its_own_desks_database(
    district: District, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_desk(tmp_path / "other", enrollment_bytes(district.hub_dir, "SLS-01"))
    district.trip(district.desk_dir)
    district.trip(other)
    out_file = tmp_path / "SLS-01.cdrecover"
    assert district.hub("escrow", "export", "--desk", "SLS-01", "--out", str(out_file))[0] == 0
    root = new_pc(tmp_path, monkeypatch, district.desk_dir)  # JGB-01's database
    before = (root / "desk.sqlite3").read_bytes()
    code, _, err = district.desk(root, "recover", str(out_file))
    assert code == 1 and "does not open" in err
    assert (root / "desk.sqlite3").read_bytes() == before
    assert not key_id_path(root / "desk.sqlite3").exists()
    nowhere = tmp_path / "XYZ-09.cdrecover"
    code, _, err = district.hub("escrow", "export", "--desk", "XYZ-09", "--out", str(nowhere))
    assert code == 1 and "XYZ-09" in err


def test_a_desk_enrolled_before_encryption_sends_its_new_key(
    district: District, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An enrolled desk of an older version (plain database, already confirmed by the hub):
    after the update its database is encrypted with a new key, and that key reaches the hub
    with the next export, so this desk too can be recovered."""
    district.trip(district.desk_dir)
    database = district.desk_dir / "desk.sqlite3"
    with Desk.open(district.desk_dir) as desk:
        register_requests(desk, 1, name=NAME_MARKER, nik=NIK_MARKER)
        old_key = find_key(desk.paths.database)
    assert old_key is not None
    plain = tmp_path / "plain.sqlite3"
    conn = open_raw(database)
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("PRAGMA plain.application_id = 1128551217")  # "CDS1"
    conn.execute("DETACH DATABASE plain")
    conn.close()
    sqlite3.connect(plain).execute("SELECT count(*) FROM requests").fetchone()  # plain indeed
    key_id_path(database).unlink()
    shutil.copy(plain, database)  # the desk as the older version left it

    with Desk.open(district.desk_dir) as desk:  # the update encrypts it, with a new key
        new_key = find_key(desk.paths.database)
    assert new_key is not None and new_key.key_id != old_key.key_id
    district.trip(district.desk_dir)
    out_file = tmp_path / "JGB-01.cdrecover"
    assert district.hub("escrow", "export", "--desk", "JGB-01", "--out", str(out_file))[0] == 0
    root = new_pc(tmp_path, monkeypatch, district.desk_dir)
    code, _, err = district.desk(root, "recover", str(out_file))
    assert code == 0, err
    rows = json.loads(district.desk(root, "requests", "--json", "--staff", ADMIN)[1])
    assert NAME_MARKER in {r["name"] for r in rows}
