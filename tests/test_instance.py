"""A desk restored from a backup or copied to another PC starts a new epoch."""

import shutil
from pathlib import Path

from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.instance import check_instance
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession
from counterdesk.store.db import backup_copy
from counterdesk.store.instance import read_instance

from .test_register import reg


def test_normal_use_keeps_the_epoch(desk: Desk, session: StaffSession) -> None:
    epoch = desk.info.epoch
    register(desk, session, reg(desk))
    assert check_instance(desk) is None
    assert desk.info.epoch == epoch
    seen = read_instance(desk.paths.root)
    assert seen is not None and seen.epoch == epoch
    assert seen.last_seq == desk.conn.execute("SELECT max(seq) FROM events").fetchone()[0]


def test_restored_backup_gets_a_new_epoch_and_new_receipts(
    desk: Desk, session: StaffSession, tmp_path: Path
) -> None:
    first = register(desk, session, reg(desk))
    backup = tmp_path / "backup.sqlite3"
    backup_copy(desk.conn, backup)
    after_backup = register(desk, session, reg(desk, name="Budi"))
    db = desk.paths.database
    desk.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy(backup, db)  # the PC died; IT restored last week's backup
    with Desk.open(desk.paths.root) as restored:
        old_epoch = restored.info.epoch
        assert check_instance(restored) == "restored"
        assert restored.info.epoch != old_epoch
        again = register(restored, session, reg(restored, name="Citra"))
        assert again.receipt != after_backup.receipt  # would collide without a new epoch
        assert again.receipt.split("-")[2] != first.receipt.split("-")[2]
        assert audit(restored).ok
        assert check_instance(restored) is None  # and only once


def test_copy_to_another_pc_gets_a_new_epoch(desk: Desk, session: StaffSession) -> None:
    register(desk, session, reg(desk))
    epoch = desk.info.epoch
    assert check_instance(desk, machine="another-pc") == "copied"
    assert desk.info.epoch != epoch
    assert check_instance(desk, machine="another-pc") is None


def test_missing_instance_file_is_rewritten(desk: Desk) -> None:
    (desk.paths.root / "desk.instance").unlink()
    assert check_instance(desk) is None
    assert read_instance(desk.paths.root) is not None
