"""A stolen desk PC tells nothing (UU PDP 27/2022, issue 14 item 10): the desk database is
encrypted at rest, its key is kept by the operating system outside the data folder, the
data folder holds no citizen's name or NIK in any file, and only this user can read it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from counterdesk.cli import main as desk_main
from counterdesk.hub.hub import Hub
from counterdesk.services import register as register_service
from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf, issue_letter
from counterdesk.services.outbox import export_to_folder
from counterdesk.services.setup import make_demo
from counterdesk.services.staff import authenticate
from counterdesk.services.survey import record_survey
from counterdesk.store import dbkey
from counterdesk.store.db import open_db
from counterdesk.store.dbkey import find_key, key_id_path
from counterdesk.store.errors import NotADeskDatabase, StoreError

from .conftest import NIK_WOMAN, open_raw, require_tool
from .sync.helpers import ADMIN, PASSWORD, enrollment_bytes, field_values, make_desk, make_hub

NAME = "Markerwati Dayang Zulkarnain"
SAMPLES = Path(__file__).parent / "data"
SAMPLE_NAMES = ["Nur'aini Ñurul", "Ahmad bin Ismail"]  # in tests/data/desk-*.sqlite3


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def finds(folder: Path, *needles: str) -> list[str]:
    """Files under ``folder`` holding any needle as UTF-8 text (any case) or UTF-16."""
    hits = []
    for path in files(folder):
        data = path.read_bytes().lower()
        for needle in needles:
            for form in (needle.lower().encode(), needle.lower().encode("utf-16-le")):
                if form in data:
                    hits.append(f"{path.name}: {needle}")
    return hits


def grep_finds(folder: Path, *needles: str) -> str:
    """What the system's grep finds (binary files included), as a thief would search."""
    grep = require_tool("grep", "grep")
    args = [grep, "-r", "-a", "-i", "-l", "-F"]
    for needle in needles:
        args += ["-e", needle]
    return subprocess.run([*args, str(folder)], capture_output=True, text=True).stdout


def test_the_desk_file_cannot_be_read_without_its_key(tmp_path: Path) -> None:
    desk, _ = make_demo(tmp_path / "desk")
    with desk:
        session = authenticate(desk, "demo", "demo")
        service = desk.catalogue.get("SKTM")
        register_service.register(
            desk,
            session,
            register_service.Registration(
                service="SKTM", name=NAME, nik=NIK_WOMAN, fields=field_values(service)
            ),
        )
        database = desk.paths.database
        shell = require_tool("sqlite3", "sqlite3")
        done = subprocess.run(
            [shell, str(database), "SELECT name FROM requests"], capture_output=True, text=True
        )
        assert done.returncode != 0 and "not a database" in done.stderr
        assert NAME not in done.stdout
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            sqlite3.connect(database).execute("SELECT name FROM requests").fetchall()
        stranger = sqlcipher.connect(str(database))
        stranger.execute(f"PRAGMA key = \"x'{'00' * 32}'\"")  # any other key
        with pytest.raises(sqlcipher.DatabaseError):
            stranger.execute("SELECT name FROM requests").fetchall()
        stranger.close()
        # ... while the desk and its key read it
        assert open_raw(database).execute("SELECT name FROM requests").fetchone()[0] == NAME


def test_no_name_or_nik_in_any_file_of_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Register, print receipts and letters, a survey, export (bundles into the data folder
    itself and onto a stick), the command line: then search every file there — database,
    -wal, -shm, backups, the instance file, outbox bundles — for the name and the NIK."""
    monkeypatch.setenv("COUNTERDESK_PASSWORD", PASSWORD)
    hub_root = make_hub(tmp_path / "hub")
    root = make_desk(tmp_path / "data", enrollment_bytes(hub_root))
    desk = Desk.open(root)
    try:
        session = authenticate(desk, ADMIN, PASSWORD)
        service = desk.catalogue.get("SKTM")
        made = register_service.register(
            desk,
            session,
            register_service.Registration(
                service="SKTM", name=NAME, nik=NIK_WOMAN, fields=field_values(service)
            ),
        )
        for kind in ("receipt", "ticket"):
            document_pdf(desk, session, kind, made.receipt)
        issue_letter(desk, session, made.receipt)
        document_pdf(desk, session, "letter", made.receipt)
        record_survey(desk, session, "SKTM", [4, 3, 3, 4, 4, 3, 4, 2, 3], f"{NAME} puas")
        out = tmp_path / "outside" / "receipt.pdf"  # a document the user saves goes elsewhere
        out.parent.mkdir()
        cli = ["--data-dir", str(root)]
        assert desk_main([*cli, "print", "receipt", made.receipt, "--out", str(out)]) == 0
        assert desk_main([*cli, "requests", "--search", "markerwati", "--staff", ADMIN]) == 0
        assert NAME in capsys.readouterr().out
        export_to_folder(desk, root / "outbox")  # bundles in the data folder: encrypted
        export_to_folder(desk, tmp_path / "stick")
        desk.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        open_db(desk.paths.database).conn.close()  # a second connection: -shm in use
        live = files(root)
        assert {"desk.sqlite3", "desk.sqlite3-wal", "desk.sqlite3-shm"} <= {p.name for p in live}
        assert any(p.suffix == ".cdb" for p in live)
        assert finds(root, NAME, NIK_WOMAN, NAME.split()[0]) == []
        assert grep_finds(root, NAME, NIK_WOMAN, NAME.split()[0]) == ""
    finally:
        desk.close()
    assert finds(root, NAME, NIK_WOMAN) == []
    assert grep_finds(root, NAME, NIK_WOMAN) == ""
    # the key is nowhere in the data folder either
    key = find_key(root / "desk.sqlite3")
    assert key is not None
    blob = b"".join(p.read_bytes() for p in files(root))
    assert key.secret not in blob and key.secret.hex().encode() not in blob


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_only_this_user_reads_the_data_folder_the_key_and_the_hub(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = os.umask(0o022)  # the usual umask: files 0644 unless made private
    try:
        keys = tmp_path / "keys"
        monkeypatch.setenv("COUNTERDESK_KEY_DIR", str(keys))
        hub_root = make_hub(tmp_path / "hub")
        root = make_desk(tmp_path / "data", enrollment_bytes(hub_root))
        with Desk.open(root) as desk:
            session = authenticate(desk, ADMIN, PASSWORD)
            register_service.register(
                desk,
                session,
                register_service.Registration(
                    service="SKTM",
                    name=NAME,
                    nik=NIK_WOMAN,
                    fields=field_values(desk.catalogue.get("SKTM")),
                ),
            )
            export_to_folder(desk, tmp_path / "stick")
            live = files(root)
            assert {p.name for p in live} >= {
                "desk.sqlite3",
                "desk.sqlite3-wal",
                "desk.sqlite3-shm",
                "desk.sqlite3.keyid",
                "desk.instance",
            }
            assert mode(root) == 0o700
            assert {p.name: mode(p) for p in live} == {p.name: 0o600 for p in live}
            key = find_key(desk.paths.database)
        assert key is not None
        assert mode(keys) == 0o700 and mode(keys / f"{key.key_id}.key") == 0o600
        assert not (keys.resolve().is_relative_to(root.resolve()))
        quarantined = hub_root / "quarantine" / "JGB-01_bad.cdb"
        quarantined.write_bytes(b"a bundle the hub refused")  # written at umask 022
        Hub.open(hub_root).close()
        hub_files = files(hub_root)
        assert quarantined in hub_files
        assert mode(hub_root) == 0o700 and mode(hub_root / "quarantine") == 0o700
        assert {p.name: mode(p) for p in hub_files} == {p.name: 0o600 for p in hub_files}
        # a folder left open by an older version is closed when the desk opens it
        root.chmod(0o755)
        (root / "desk.sqlite3").chmod(0o644)
        Desk.open(root).close()
        assert mode(root) == 0o700 and mode(root / "desk.sqlite3") == 0o600
    finally:
        os.umask(previous)


def plain_desk(root: Path, sample: str = "desk-m003.sqlite3") -> None:
    root.mkdir(parents=True)
    shutil.copy(SAMPLES / sample, root / "desk.sqlite3")
    # a plain backup an older version left after one of its migrations
    shutil.copy(SAMPLES / "desk-m002.sqlite3", root / "desk.sqlite3.before-m003_x-20260101.bak")
    (root / "desk.sqlite3.before-m004_y-20260102.bak.part").write_bytes(
        (SAMPLES / sample).read_bytes()[:8192]
    )


def test_a_plain_desk_is_encrypted_with_a_backup_and_nothing_plain_is_left(
    tmp_path: Path,
) -> None:
    root = tmp_path / "desk"
    plain_desk(root)
    assert finds(root, *SAMPLE_NAMES)  # the older version's files hold names in the clear
    with Desk.open(root) as desk:
        assert {r[0] for r in desk.conn.execute("SELECT name FROM requests")} == set(SAMPLE_NAMES)
        backups = sorted(root.glob("desk.sqlite3.before-encryption-*.bak"))
        assert len(backups) == 1
    assert finds(root, *SAMPLE_NAMES) == []
    assert not list(root.glob("*.part"))
    for path in files(root):
        if path.name.endswith(".keyid") or path.name == "desk.instance":
            continue
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    # every backup opens with the desk's key, as the desk was before
    for backup in root.glob("*.bak"):
        conn = open_raw(backup, key_of=root / "desk.sqlite3")
        assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 2
        conn.close()
    # and a backup put back opens as the desk
    shutil.copy(backups[0], root / "desk.sqlite3")
    for extra in ("-wal", "-shm"):
        (root / f"desk.sqlite3{extra}").unlink(missing_ok=True)
    with Desk.open(root) as desk:
        assert desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 2


def test_encryption_waits_for_an_older_program_still_running(tmp_path: Path) -> None:
    """An older version still has the plain database open: nothing is changed, one clear
    message, and it is encrypted once that program has closed."""
    root = tmp_path / "desk"
    plain_desk(root)
    database = root / "desk.sqlite3"
    older = sqlcipher.connect(str(database), isolation_level=None)  # same library: locks kept
    older.execute("PRAGMA journal_mode = WAL")
    older.execute("BEGIN")
    older.execute("SELECT count(*) FROM requests").fetchone()
    before = database.read_bytes()
    with pytest.raises(StoreError, match="another counterdesk program"):
        open_db(database)
    assert database.read_bytes() == before
    older.execute("COMMIT")
    older.close()
    with Desk.open(root) as desk:
        assert desk.conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 2
    assert finds(root, *SAMPLE_NAMES) == []


def test_a_database_whose_key_is_gone_is_refused_untouched(tmp_path: Path) -> None:
    desk, _ = make_demo(tmp_path / "desk")
    desk.close()
    database = tmp_path / "desk" / "desk.sqlite3"
    key = find_key(database)
    assert key is not None
    (Path(os.environ["COUNTERDESK_KEY_DIR"]) / f"{key.key_id}.key").unlink()
    before = database.read_bytes()
    with pytest.raises(NotADeskDatabase, match="counterdesk recover") as exc:
        Desk.open(tmp_path / "desk")
    assert exc.value.code == "db_key_missing"
    assert database.read_bytes() == before
    assert key_id_path(database).exists()


class FakeKeyring:
    """A system credential store in memory."""

    def __init__(self, fail: bool = False) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.fail = fail

    def get_password(self, service: str, user: str) -> str | None:
        return self.items.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        if self.fail:
            raise RuntimeError("locked")
        self.items[(service, user)] = password


@pytest.fixture
def no_key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COUNTERDESK_KEY_DIR")
    fallback = tmp_path / "config" / "counterdesk" / "keys"
    monkeypatch.setattr(dbkey, "default_key_dir", lambda: fallback)
    return fallback


def test_the_key_goes_to_the_system_credential_store_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_key_dir: Path
) -> None:
    keyring = FakeKeyring()
    monkeypatch.setattr(dbkey, "_real_keyring", lambda: keyring)
    desk, _ = make_demo(tmp_path / "desk")
    desk.close()
    key_id = json.loads(key_id_path(tmp_path / "desk" / "desk.sqlite3").read_text())["key_id"]
    assert list(keyring.items) == [(dbkey.KEYRING_SERVICE, key_id)]
    assert not no_key_dir.exists()  # no key file when the credential store took it
    Desk.open(tmp_path / "desk").close()
    keyring.items.clear()  # the credential store lost it: refused, not re-keyed
    with pytest.raises(NotADeskDatabase, match="not on this computer"):
        Desk.open(tmp_path / "desk")


def test_without_a_credential_store_the_key_is_a_private_file_outside_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_key_dir: Path
) -> None:
    monkeypatch.setattr(dbkey, "_real_keyring", lambda: None)
    desk, _ = make_demo(tmp_path / "desk")
    desk.close()
    assert [p.suffix for p in no_key_dir.iterdir()] == [".key"]
    # a credential store that refuses to keep it: the file again
    monkeypatch.setattr(dbkey, "_real_keyring", lambda: FakeKeyring(fail=True))
    desk, _ = make_demo(tmp_path / "desk2")
    desk.close()
    assert len(list(no_key_dir.iterdir())) == 2


def test_a_key_folder_inside_the_data_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERDESK_KEY_DIR", str(tmp_path / "desk" / "keys"))
    with pytest.raises(StoreError, match="inside the data folder") as exc:
        make_demo(tmp_path / "desk")
    assert exc.value.code == "key_in_data_folder"


def test_the_key_never_reaches_a_repr_or_a_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG"):
        desk, _ = make_demo(tmp_path / "desk")
        desk.close()
    key = find_key(tmp_path / "desk" / "desk.sqlite3")
    assert key is not None
    text: Any = repr(key) + str(key) + caplog.text
    assert key.secret.hex() not in text and key.key_id in repr(key)
