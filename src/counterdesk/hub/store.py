"""The hub's database: its own migration set ("counterdesk-hub"), opened as safely as a desk's.

WAL, ``synchronous=FULL``, foreign keys on; a file that is not SQLite, or another program's
(a desk database included), is refused untouched; so is one written by a newer hub; before
migrating an existing file a copy is written beside it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from platformdirs import user_data_dir
from sqlite_utils import Database, Migrations

from counterdesk.store.db import Schema, open_db
from counterdesk.store.private import tighten_folder

HUB_APPLICATION_ID: Final = 0x43444831  # "CDH1"
HUB_DIR_ENV: Final = "COUNTERDESK_HUB_DIR"
HUB_DB_NAME: Final = "hub.sqlite3"
QUARANTINE_DIR: Final = "quarantine"

hub_migrations = Migrations("counterdesk-hub")


def hub_dir(explicit: str | Path | None = None) -> Path:
    """``--data-dir``, else ``COUNTERDESK_HUB_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(HUB_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("counterdesk-hub", appauthor=False))


_M001: Final = [
    """
    CREATE TABLE hub (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL,
        district TEXT NOT NULL,
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE hub_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        sign_private BLOB NOT NULL,
        box_private BLOB NOT NULL
    )
    """,
    # One row per enrolled desk code. The desk's keys are pinned at first contact.
    """
    CREATE TABLE desks (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        post TEXT NOT NULL,
        enrollment_id TEXT NOT NULL UNIQUE,
        enrollment_secret BLOB NOT NULL,
        issued_at TEXT NOT NULL,
        sign_public BLOB,
        box_public BLOB,
        sign_key_id TEXT NOT NULL DEFAULT '',
        pinned_at TEXT NOT NULL DEFAULT '',
        revoked INTEGER NOT NULL DEFAULT 0,
        last_contact TEXT NOT NULL DEFAULT '',
        last_contact_via TEXT NOT NULL DEFAULT '',
        catalogue_version INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE epochs (
        desk TEXT NOT NULL REFERENCES desks(code),
        epoch TEXT NOT NULL,
        first_seq INTEGER,
        previous TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        contiguous INTEGER NOT NULL DEFAULT 0,
        max_seq INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (desk, epoch)
    )
    """,
    """
    CREATE TABLE events (
        desk TEXT NOT NULL,
        epoch TEXT NOT NULL,
        seq INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        staff TEXT NOT NULL,
        request_id TEXT,
        data TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (desk, epoch, seq),
        FOREIGN KEY (desk, epoch) REFERENCES epochs(desk, epoch)
    )
    """,
    "CREATE INDEX events_request ON events(desk, request_id) WHERE request_id IS NOT NULL",
    """
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END
    """,
    """
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END
    """,
    # Every bundle accepted (its id is the idempotency key).
    """
    CREATE TABLE bundles (
        bundle_id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        desk TEXT NOT NULL,
        kind TEXT NOT NULL,
        inner_bundle_id TEXT NOT NULL DEFAULT '',
        epoch TEXT NOT NULL,
        seq_first INTEGER NOT NULL,
        seq_last INTEGER NOT NULL,
        count INTEGER NOT NULL,
        new_events INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        via TEXT NOT NULL,
        source TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        stored_as TEXT NOT NULL,
        source TEXT NOT NULL,
        desk TEXT,
        bundle_id TEXT,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        via TEXT NOT NULL
    )
    """,
    "CREATE INDEX quarantine_sha ON quarantine(sha256)",
    """
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        desk TEXT,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
    )
    """,
    # The district's view of requests, rebuilt per request from its events (any order).
    """
    CREATE TABLE requests (
        desk TEXT NOT NULL,
        request_id TEXT NOT NULL,
        epoch TEXT NOT NULL,
        receipt TEXT NOT NULL,
        ticket TEXT NOT NULL,
        service TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        due_date TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (desk, request_id)
    )
    """,
    "CREATE INDEX requests_receipt ON requests(receipt)",
    # Reference data sent to desks, one current version per kind.
    """
    CREATE TABLE refdata (
        kind TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data TEXT NOT NULL,
        published_at TEXT NOT NULL
    )
    """,
]


@hub_migrations(name="m001_hub")
def m001_hub(db: Database) -> None:
    for statement in _M001:
        db.execute(statement)


HUB_SCHEMA: Final = Schema(
    migrations=hub_migrations,
    application_id=HUB_APPLICATION_ID,
    what="counterdesk hub database",
    program="the counterdesk hub",
    missing_hint="run `counterdesk-hub init --district NAME` first (or give the right --data-dir)",
)


def open_hub_db(path: Path, *, create: bool = False) -> Database:
    """Open the hub database with the desk's safeguards (store.db.open_db). The hub's data
    folder is private like a desk's: 0700, its files (and the quarantined bundles) 0600."""
    db = open_db(path, create=create, schema=HUB_SCHEMA)
    quarantine = path.parent / QUARANTINE_DIR
    if quarantine.is_dir():
        tighten_folder(quarantine)
    return db


_M002: Final = [
    # The bundle format each desk writes (replies are written in the same one, so a desk
    # not yet updated still reads them), and why a desk was revoked.
    "ALTER TABLE desks ADD COLUMN bundle_format INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE desks ADD COLUMN revoked_at TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE desks ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT ''",
    # The version of each kind of reference data a desk has said it installed.
    """
    CREATE TABLE desk_refdata (
        desk TEXT NOT NULL REFERENCES desks(code),
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (desk, kind)
    )
    """,
    # District-managed staff accounts; desk '*' means every desk.
    """
    CREATE TABLE staff (
        name TEXT NOT NULL,
        desk TEXT NOT NULL,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL,
        nip TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (name, desk)
    )
    """,
    "CREATE TABLE holidays (day TEXT PRIMARY KEY, name TEXT NOT NULL)",
    # Where a desk's epochs start (checked for every event stored: must be an index lookup).
    "CREATE INDEX events_epoch_starts ON events(desk, seq) WHERE kind = 'epoch_started'",
    "CREATE TABLE letterhead (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """
    CREATE TABLE revoked_letters (
        number TEXT PRIMARY KEY,
        desk TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )
    """,
]


@hub_migrations(name="m002_district_refdata")
def m002_district_refdata(db: Database) -> None:
    for statement in _M002:
        db.execute(statement)


_M003: Final = [
    # Officers who sign in to the hub's pages (not desk staff: those are in ``staff``).
    """
    CREATE TABLE officers (
        name TEXT PRIMARY KEY,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until REAL NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        changed_at TEXT NOT NULL
    )
    """,
    # Signed-in browsers: only the SHA-256 of the session token is kept, never the token.
    """
    CREATE TABLE officer_sessions (
        token_hash TEXT PRIMARY KEY,
        officer TEXT NOT NULL REFERENCES officers(name),
        csrf_token TEXT NOT NULL,
        created_at REAL NOT NULL,
        last_seen REAL NOT NULL
    )
    """,
    "CREATE INDEX officer_sessions_officer ON officer_sessions(officer)",
]


@hub_migrations(name="m003_officers")
def m003_officers(db: Database) -> None:
    for statement in _M003:
        db.execute(statement)


_M004: Final = [
    # Referral outcomes, from desks' ``referral_outcome`` events or recorded here by an
    # officer (``recorded_by = 'hub'``). ``desk_seq`` is the seq of the desk's event for it:
    # NULL for an outcome recorded here that the desk has not echoed back yet.
    """
    CREATE TABLE referral_outcomes (
        outcome_id TEXT PRIMARY KEY,
        desk TEXT NOT NULL,
        request_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        agency TEXT NOT NULL,
        note TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        officer TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        desk_seq INTEGER
    )
    """,
    "CREATE INDEX referral_outcomes_request ON referral_outcomes(desk, request_id)",
    """
    CREATE TABLE complaints (
        complaint_id TEXT PRIMARY KEY,
        desk TEXT NOT NULL,
        request_id TEXT,
        service TEXT NOT NULL,
        receipt TEXT NOT NULL,
        channel TEXT NOT NULL,
        text TEXT NOT NULL,
        staff TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    )
    """,
    # One answer per complaint at the hub: the first that reaches it (from the desk or given
    # here); ``desk_seq`` as for outcomes.
    """
    CREATE TABLE complaint_answers (
        complaint_id TEXT PRIMARY KEY,
        desk TEXT NOT NULL,
        answer TEXT NOT NULL,
        answered_by TEXT NOT NULL,
        officer TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        desk_seq INTEGER
    )
    """,
]


@hub_migrations(name="m004_citizen")
def m004_citizen(db: Database) -> None:
    for statement in _M004:
        db.execute(statement)


_M005: Final = [
    # The district's figures (hub/stats.py): a month's requests, and its survey answers
    # (the only events read by kind and time, so the index holds only them).
    "CREATE INDEX requests_registered ON requests(registered_at)",
    "CREATE INDEX events_surveys ON events(recorded_at) WHERE kind = 'survey_recorded'",
]


@hub_migrations(name="m005_stats_indexes")
def m005_stats_indexes(db: Database) -> None:
    for statement in _M005:
        db.execute(statement)


# The day a survey answer was given: desks batch answers into their log later ("day" in the
# event, absent in answers of desks from before batching: then the day it was recorded).
SURVEY_DAY: Final = "coalesce(json_extract(data, '$.day'), substr(recorded_at, 1, 10))"


@hub_migrations(name="m006_survey_day_index")
def m006_survey_day_index(db: Database) -> None:
    """Answers by the day they were given (``SURVEY_DAY``; queries must spell it the same),
    replacing m005's index of them by the time they entered the log (no query uses it now)."""
    db.execute("DROP INDEX IF EXISTS events_surveys")
    db.execute(
        f"CREATE INDEX events_survey_day ON events({SURVEY_DAY}) WHERE kind = 'survey_recorded'"
    )


@hub_migrations(name="m007_holiday_working_days")
def m007_holiday_working_days(db: Database) -> None:
    """A district entry can make a national date (the ``holidays`` package's national
    holidays and cuti bersama) a working day: ``holidays.working`` = 1."""
    db.execute("ALTER TABLE holidays ADD COLUMN working INTEGER NOT NULL DEFAULT 0")


@hub_migrations(name="m008_bundle_heads")
def m008_bundle_heads(db: Database) -> None:
    """The chain head of every accepted events bundle: the hash of its last event (seq_last).

    With it the hub keeps, per bundle, what it acknowledged the desk's chain to be; a desk
    presenting another history up to that point later is refused (``ledger``)."""
    db.execute("ALTER TABLE bundles ADD COLUMN head_hash TEXT NOT NULL DEFAULT ''")


_M007: Final = [
    # Events outside the event contract (domain/contract.py): stored like every event (the
    # chain and the sequence stay whole) and listed here, never projected or counted.
    """
    CREATE TABLE event_problems (
        desk TEXT NOT NULL,
        epoch TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        found_at TEXT NOT NULL,
        PRIMARY KEY (desk, epoch, seq)
    )
    """,
    # Every service code of every catalogue the hub published (events must name one).
    "CREATE TABLE known_services (code TEXT PRIMARY KEY, first_seen TEXT NOT NULL)",
]


@hub_migrations(name="m009_event_contract")
def m009_event_contract(db: Database) -> None:
    """Check the events already held against the contract; mark the bad ones."""
    import datetime
    import json

    from counterdesk.hub.event_checks import note_services, recheck_stored

    for statement in _M007:
        db.execute(statement)
    now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    row = db.execute("SELECT data FROM refdata WHERE kind = 'catalogue'").fetchone()
    if row is not None:
        note_services(db.conn, json.loads(row[0]), now)
    recheck_stored(db.conn, now)


_M008: Final = [
    # Nothing unauthenticated is kept: for a refused file only its digest, size, claimed
    # sender, reason and times (``stored_as`` '' when the file itself was not kept);
    # the same file again only counts.
    "ALTER TABLE quarantine ADD COLUMN size INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE quarantine ADD COLUMN count INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE quarantine ADD COLUMN last_at TEXT NOT NULL DEFAULT ''",
    "UPDATE quarantine SET last_at = at",
    # Repeated alerts are merged into one row: how many, first (``at``) and last seen.
    "ALTER TABLE alerts ADD COLUMN count INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE alerts ADD COLUMN last_at TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE alerts ADD COLUMN merge_key TEXT NOT NULL DEFAULT ''",
    "UPDATE alerts SET last_at = at, merge_key = message",
    "CREATE INDEX alerts_merge ON alerts(kind, merge_key)",
    "CREATE INDEX quarantine_desk ON quarantine(desk)",
]


@hub_migrations(name="m010_quarantine_digest_only")
def m010_quarantine_digest_only(db: Database) -> None:
    for statement in _M008:
        db.execute(statement)
