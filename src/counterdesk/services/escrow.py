"""The desk's database key in the district's keeping, and opening a dead PC's desk on another.

- Escrow: an enrolled desk records its database key, sealed to the hub (sync/escrow.py), as
  a ``db_key_escrowed`` event: at enrolment, and before an export or a sync when the key
  has not travelled yet (a desk that was enrolled before its database was encrypted). The
  event log carries it to the hub like everything else; only the hub's private key opens it.
- Recovery: the district office makes a recovery file from it (``counterdesk-hub escrow
  export``, protected by a passphrase); on the replacement PC, with the old PC's
  ``desk.sqlite3`` copied into the data folder, :func:`recover` checks that the file's key
  opens that very database, then keeps the key in this PC's credential store. The desk then
  notices it moved to another PC and starts a new epoch (services/instance.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from counterdesk.config import Paths
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import EventKind
from counterdesk.services.desk import Desk
from counterdesk.services.instance import check_instance
from counterdesk.services.staff import SYSTEM
from counterdesk.services.sync_link import NotEnrolled, load_link
from counterdesk.store.db import probe_key
from counterdesk.store.dbkey import DatabaseKey, find_key, install_key
from counterdesk.store.projections import ESCROW_COUNTER
from counterdesk.sync.escrow import b64, read_recovery, seal_key


def record_escrow(desk: Desk, hub_box: X25519PublicKey) -> bool:
    """Inside a transaction: record the sealed database key unless the log has it already."""
    key = find_key(desk.paths.database)
    if key is None:
        return False
    done = desk.conn.execute(
        "SELECT 1 FROM counters WHERE name = ?", [ESCROW_COUNTER + key.key_id]
    ).fetchone()
    if done is not None:
        return False
    code = desk.info.code
    sealed = seal_key(key.secret, desk=code, key_id=key.key_id, hub_box=hub_box)
    desk.record(
        EventKind.DB_KEY_ESCROWED, staff=SYSTEM, data={"key_id": key.key_id, "sealed": b64(sealed)}
    )
    return True


def escrow_key(desk: Desk) -> bool:
    """Before an export or a sync: make sure the key travels (enrolled desks only)."""
    if desk.info.training:
        return False
    try:
        link = load_link(desk)
    except NotEnrolled:
        return False
    key = find_key(desk.paths.database)
    if (
        key is None
        or desk.conn.execute(
            "SELECT 1 FROM counters WHERE name = ?", [ESCROW_COUNTER + key.key_id]
        ).fetchone()
    ):
        return False
    with desk.transaction():
        return record_escrow(desk, link.hub_box)


@dataclass(frozen=True)
class RecoveredDesk:
    desk: str
    data_dir: Path
    key_store: str
    new_epoch: bool


def recover(root: Path, recovery_file: bytes, passphrase: str) -> RecoveredDesk:
    """Open the old PC's database (copied into ``root``) with the key from a recovery file."""
    path = Paths(Path(root)).database
    if not path.is_file() or path.stat().st_size == 0:
        raise CounterdeskError(
            f"there is no desk database in {root}: copy desk.sqlite3 (and desk.sqlite3-wal, if "
            "there is one) from the old PC's data folder (its disk or a backup) into this "
            "folder first, then run recover again",
            code="recover_no_database",
        )
    recovered = read_recovery(recovery_file, passphrase)
    key = DatabaseKey(recovered.key_id, recovered.secret)
    code = probe_key(path, key)
    if code is None:
        raise CounterdeskError(
            f"the recovery file (desk {recovered.desk}) does not open the database in {root}: "
            "it is another desk's database, or another copy of it; nothing was changed",
            code="recover_wrong_database",
        )
    if code != recovered.desk:
        raise CounterdeskError(
            f"the database in {root} is desk {code or '(none)'}, the recovery file is for "
            f"desk {recovered.desk}; nothing was changed",
            code="recover_wrong_database",
        )
    store = install_key(key, path)
    with Desk.open(Path(root)) as desk:
        reason = check_instance(desk)
    return RecoveredDesk(code, Path(root), store, reason is not None)
