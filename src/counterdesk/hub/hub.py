"""The open hub: its database, keys, district and clock; creating a new hub."""

from __future__ import annotations

import datetime
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlite_utils import Database

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.contract import check_refdata
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.events import canonical_json
from counterdesk.hub.event_checks import note_services
from counterdesk.hub.store import HUB_DB_NAME, QUARANTINE_DIR, open_hub_db
from counterdesk.services.setup import shipped_catalogue
from counterdesk.store.db import write_transaction
from counterdesk.store.keys import DeskKeys
from counterdesk.sync import payloads

Clock = Callable[[], datetime.datetime]


def system_clock() -> datetime.datetime:
    return datetime.datetime.now().astimezone()


@dataclass(frozen=True)
class HubInfo:
    code: str
    district: str
    created_at: str


class Hub:
    """One open hub database. Every call that touches it holds ``lock`` (the HTTP server
    runs handlers on several threads; SQLite gets one writer at a time)."""

    def __init__(self, db: Database, root: Path, clock: Clock = system_clock) -> None:
        self.db = db
        self.root = root
        self.clock = clock
        self.lock = threading.RLock()
        self._info: HubInfo | None = None
        self._keys: DeskKeys | None = None

    @classmethod
    def open(cls, root: Path, *, clock: Clock = system_clock) -> Hub:
        root = Path(root)
        hub = cls(open_hub_db(root / HUB_DB_NAME), root, clock)
        if hub.conn.execute("SELECT 1 FROM hub WHERE id = 1").fetchone() is None:
            hub.close()
            raise CounterdeskError(
                f"the hub in {root} was not set up completely; run "
                "`counterdesk-hub init --district NAME` again",
                code="hub_incomplete",
            )
        return hub

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def quarantine_dir(self) -> Path:
        return self.root / QUARANTINE_DIR

    @property
    def info(self) -> HubInfo:
        if self._info is None:
            row = self.conn.execute("SELECT code, district, created_at FROM hub").fetchone()
            self._info = HubInfo(row["code"], row["district"], row["created_at"])
        return self._info

    @property
    def keys(self) -> DeskKeys:
        if self._keys is None:
            row = self.conn.execute("SELECT sign_private, box_private FROM hub_keys").fetchone()
            self._keys = DeskKeys(
                Ed25519PrivateKey.from_private_bytes(bytes(row[0])),
                X25519PrivateKey.from_private_bytes(bytes(row[1])),
            )
        return self._keys

    def now_text(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock, write_transaction(self.conn, str(self.root / HUB_DB_NAME)):
            yield

    def alert(
        self, kind: str, message: str, desk: str | None = None, *, key: str | None = None
    ) -> None:
        """Record an alert (inside a transaction). An alert like one already recorded (same
        kind, desk and ``key``, by default the message) only counts again and moves its
        last-seen time: a flood of refusals is one line, not a line each."""
        now = self.now_text()
        merge_key = message if key is None else key
        cur = self.conn.execute(
            "UPDATE alerts SET count = count + 1, last_at = ?, message = ?"
            " WHERE kind = ? AND desk IS ? AND merge_key = ?",
            [now, message, kind, desk, merge_key],
        )
        if cur.rowcount == 0:
            self.conn.execute(
                "INSERT INTO alerts (at, last_at, desk, kind, message, merge_key)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [now, now, desk, kind, message, merge_key],
            )

    # reference data ---------------------------------------------------------
    def refdata(self, kind: str) -> payloads.RefItem | None:
        row = self.conn.execute(
            "SELECT version, data FROM refdata WHERE kind = ?", [kind]
        ).fetchone()
        if row is None:
            return None
        return payloads.RefItem(kind, int(row[0]), json.loads(row[1]))

    def publish_catalogue(self, raw: dict[str, Any]) -> payloads.RefItem:
        """Make ``raw`` the district's catalogue; its version must be above the current one."""
        with self.transaction():
            return self._put_catalogue(raw)

    def _put_catalogue(self, raw: dict[str, Any]) -> payloads.RefItem:
        check_refdata(payloads.CATALOGUE, raw)  # what every desk checks before installing
        catalogue = parse_catalogue(raw)
        current = self.refdata(payloads.CATALOGUE)
        if current is not None and catalogue.version <= current.version:
            raise ValidationError(
                f"catalogue version {catalogue.version} is not newer than the published "
                f'version {current.version}; raise "version" in the file',
                code="catalogue_version",
            )
        item = payloads.RefItem(payloads.CATALOGUE, catalogue.version, raw)
        self.conn.execute(
            "INSERT INTO refdata (kind, version, sha256, data, published_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind) DO UPDATE SET"
            " version = excluded.version, sha256 = excluded.sha256, data = excluded.data,"
            " published_at = excluded.published_at",
            [item.kind, item.version, item.sha256, canonical_json(raw).decode(), self.now_text()],
        )
        note_services(self.conn, raw, self.now_text())
        return item


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def init_hub(
    root: Path,
    *,
    district: str,
    catalogue: dict[str, Any] | None = None,
    clock: Clock = system_clock,
) -> Hub:
    """Create the hub's keys and database in ``root``; refuses when a hub is already there."""
    district = " ".join(district.split())
    if not district:
        raise ValidationError("the district name must not be empty", code="district")
    root = Path(root)
    db = open_hub_db(root / HUB_DB_NAME, create=True)
    hub = Hub(db, root, clock)
    try:
        row = hub.conn.execute("SELECT district FROM hub WHERE id = 1").fetchone()
        if row is not None:
            raise ValidationError(
                f"a hub for {row[0]} already exists in {root}; use another --data-dir",
                code="hub_exists",
            )
        raw = catalogue or shipped_catalogue()
        with hub.transaction():
            hub.conn.execute(
                "INSERT INTO hub (id, code, district, created_at) VALUES (1, ?, ?, ?)",
                [payloads.HUB_CODE, district, hub.now_text()],
            )
            hub.conn.execute(
                "INSERT INTO hub_keys (id, sign_private, box_private) VALUES (1, ?, ?)",
                [
                    _raw_private(Ed25519PrivateKey.generate()),
                    _raw_private(X25519PrivateKey.generate()),
                ],
            )
            hub._put_catalogue(raw)
        hub.quarantine_dir.mkdir(parents=True, exist_ok=True)
    except BaseException:
        hub.close()
        raise
    return hub
