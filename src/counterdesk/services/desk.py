"""The open desk: its database, identity, catalogue and clock."""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from counterdesk.config import DeskSettings, Paths
from counterdesk.domain.catalogue import Catalogue, parse_catalogue
from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import Event
from counterdesk.store.db import open_db, write_transaction
from counterdesk.store.eventlog import append_event, last_seq
from counterdesk.store.instance import write_instance
from counterdesk.store.projections import project

if TYPE_CHECKING:  # cryptography loads when the keys are first used, not with every desk
    from counterdesk.store.keys import DeskKeys

Clock = Callable[[], datetime.datetime]


def system_clock() -> datetime.datetime:
    """Local wall-clock time with its UTC offset. Recorded and shown, never trusted."""
    return datetime.datetime.now().astimezone()


class NoDesk(CounterdeskError):
    pass


@dataclass(frozen=True)
class DeskInfo:
    code: str
    name: str
    post: str
    district: str
    epoch: str
    training: bool
    created_at: str
    settings: DeskSettings


def _settings(raw: str) -> DeskSettings:
    known = {f.name for f in fields(DeskSettings)}
    data = {k: v for k, v in json.loads(raw or "{}").items() if k in known}
    return DeskSettings(**data)


class Desk:
    """One open desk database. Writes happen on one thread (the app's writer)."""

    def __init__(self, db: Database, paths: Paths, clock: Clock = system_clock) -> None:
        self.db = db
        self.paths = paths
        self.clock = clock
        self._info: DeskInfo | None = None
        self._catalogue: Catalogue | None = None

    @classmethod
    def open(cls, root: Path, *, create: bool = False, clock: Clock = system_clock) -> Desk:
        paths = Paths(Path(root))
        return cls(open_db(paths.database, create=create), paths, clock)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # identity -------------------------------------------------------------
    @property
    def configured(self) -> bool:
        return self.conn.execute("SELECT 1 FROM desk WHERE id = 1").fetchone() is not None

    @property
    def info(self) -> DeskInfo:
        if self._info is None:
            row = self.conn.execute("SELECT * FROM desk WHERE id = 1").fetchone()
            if row is None:
                raise NoDesk(
                    f"no desk is set up in {self.paths.root}; run `counterdesk demo` for a "
                    "training desk or `counterdesk enroll FILE --admin NAME` to join a district",
                    code="no_desk",
                )
            self._info = DeskInfo(
                code=row["code"],
                name=row["name"],
                post=row["post"],
                district=row["district"],
                epoch=row["epoch"],
                training=bool(row["training"]),
                created_at=row["created_at"],
                settings=_settings(row["settings"]),
            )
        return self._info

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            row = self.conn.execute("SELECT raw FROM catalogue WHERE id = 1").fetchone()
            if row is None:
                raise NoDesk("this desk has no service catalogue yet", code="no_catalogue")
            # letter templates were checked when installed; a letter parses its own again
            self._catalogue = parse_catalogue(json.loads(row["raw"]), check_templates=False)
        return self._catalogue

    @property
    def keys(self) -> DeskKeys:
        from counterdesk.store.keys import load_keys

        keys = load_keys(self.conn)
        if keys is None:
            raise NoDesk("this desk has no keys; it was not set up completely", code="no_keys")
        return keys

    def invalidate(self) -> None:
        self._info = None
        self._catalogue = None

    # writing --------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with write_transaction(self.conn, str(self.paths.database)):
                yield
        except BaseException:
            self.invalidate()
            raise
        self._note_instance()

    def _note_instance(self) -> None:
        """Keep the instance file beside the database current (see services/instance)."""
        row = self.conn.execute("SELECT epoch FROM desk WHERE id = 1").fetchone()
        if row is not None:
            write_instance(self.paths.root, row[0], last_seq(self.conn))

    def now(self) -> datetime.datetime:
        return self.clock()

    def now_text(self) -> str:
        return self.now().isoformat(timespec="seconds")

    def record(
        self,
        kind: str,
        *,
        staff: str,
        data: dict[str, Any],
        request_id: str | None = None,
        epoch: str | None = None,
        desk_code: str | None = None,
    ) -> Event:
        """Append an event and update the projections; call inside ``transaction()``."""
        event = append_event(
            self.conn,
            desk=desk_code or self.info.code,
            epoch=epoch or self.info.epoch,
            kind=kind,
            staff=staff,
            recorded_at=self.now_text(),
            data=data,
            request_id=request_id,
        )
        project(self.conn, event)
        return event

    def next_counter(self, name: str) -> int:
        """Increment a named counter inside the current transaction."""
        self.conn.execute(
            "INSERT INTO counters (name, value) VALUES (?, 1)"
            " ON CONFLICT(name) DO UPDATE SET value = value + 1",
            [name],
        )
        row = self.conn.execute("SELECT value FROM counters WHERE name = ?", [name]).fetchone()
        return int(row[0])
