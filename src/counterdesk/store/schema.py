"""Schema migrations: one named function per change; never edit one once released.

Statements are executed one by one: ``executescript`` would commit the
migration's transaction half-way.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

APPLICATION_ID = 0x43445331  # "CDS1"
migrations = Migrations("counterdesk")

_M001 = [
    """
    CREATE TABLE desk (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    district TEXT NOT NULL,
    epoch TEXT NOT NULL,
    training INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}'
    )
    """,
    """
    CREATE TABLE epochs (
    epoch TEXT PRIMARY KEY,
    tag TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    reason TEXT NOT NULL,
    started_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    desk TEXT NOT NULL,
    epoch TEXT NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    staff TEXT NOT NULL,
    request_id TEXT,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
    )
    """,
    """
    CREATE INDEX events_request ON events(request_id) WHERE request_id IS NOT NULL
    """,
    """
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END
    """,
    """
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END
    """,
    """
    CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq INTEGER NOT NULL DEFAULT 0,
    last_contact TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE catalogue (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    raw TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE services (
    code TEXT PRIMARY KEY,
    ticket_prefix TEXT NOT NULL,
    product TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    days INTEGER NOT NULL,
    fee INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
    )
    """,
    """
    CREATE TABLE staff (
    name TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL,
    nip TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE citizens (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    nik TEXT,
    passport TEXT,
    nationality TEXT,
    name TEXT NOT NULL,
    birth_date TEXT,
    sex TEXT
    )
    """,
    """
    CREATE TABLE requests (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    receipt TEXT NOT NULL UNIQUE,
    ticket TEXT NOT NULL,
    ticket_day TEXT NOT NULL,
    service TEXT NOT NULL REFERENCES services(code),
    citizen_id TEXT NOT NULL REFERENCES citizens(id),
    name TEXT NOT NULL,
    ident TEXT NOT NULL,
    status TEXT NOT NULL,
    fields TEXT NOT NULL,
    requirements TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    due_date TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    staff TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    registered_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
    )
    """,
    """
    CREATE INDEX requests_status ON requests(status, rowid)
    """,
    """
    CREATE INDEX requests_service ON requests(service, rowid)
    """,
    """
    CREATE INDEX requests_day ON requests(ticket_day, rowid)
    """,
    """
    CREATE INDEX requests_citizen ON requests(citizen_id)
    """,
    """
    CREATE VIRTUAL TABLE request_search USING fts5(
    receipt, name, ident,
    content='requests', content_rowid='rowid', tokenize='trigram'
    )
    """,
]


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    for statement in _M001:
        db.execute(statement)


@migrations(name="m002_keys_and_letters")
def m002_keys_and_letters(db: Database) -> None:
    """The desk's own keys (signing letters, receipts and bundles; receiving from the hub),
    keys it trusts (the hub, other desks), and issued letters."""
    db.execute(
        """
        CREATE TABLE desk_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            sign_private BLOB NOT NULL,
            sign_public BLOB NOT NULL,
            box_private BLOB NOT NULL,
            box_public BLOB NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE trusted_keys (
            owner TEXT NOT NULL,
            purpose TEXT NOT NULL,
            public_key BLOB NOT NULL,
            key_id TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (owner, purpose, key_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE letters (
            number TEXT PRIMARY KEY,
            request_id TEXT NOT NULL REFERENCES requests(id),
            kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            issued_at TEXT NOT NULL,
            signer TEXT NOT NULL,
            payload TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0,
            revoked_reason TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX letters_request ON letters(request_id)")


@migrations(name="m003_hub_link")
def m003_hub_link(db: Database) -> None:
    """The enrolled desk's link to its district hub, and the hub bundles it has applied.

    ``enrollment_secret`` is kept only until the hub confirms the desk's keys (its first
    signed acknowledgement); then it is set to NULL. The hub's public keys are rows of
    ``trusted_keys`` (owner = ``hub``).
    """
    db.execute(
        """
        CREATE TABLE hub_link (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            hub TEXT NOT NULL,
            district TEXT NOT NULL,
            enrollment_id TEXT NOT NULL,
            enrollment_secret BLOB,
            enrolled_at TEXT NOT NULL,
            confirmed_at TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE hub_bundles (
            bundle_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            received_at TEXT NOT NULL,
            outcome TEXT NOT NULL
        )
        """
    )


@migrations(name="m004_queue_calls")
def m004_queue_calls(db: Database) -> None:
    """When each ticket was called, and to which counter (waiting times, queue display)."""
    db.execute("ALTER TABLE requests ADD COLUMN called_at TEXT")
    db.execute("ALTER TABLE requests ADD COLUMN called_by TEXT")
    db.execute("ALTER TABLE requests ADD COLUMN counter TEXT")
    db.execute("CREATE INDEX requests_queue ON requests(ticket_day, called_at, rowid)")


@migrations(name="m005_district_reference_data")
def m005_district_reference_data(db: Database) -> None:
    """Reference data from the district hub beyond the catalogue, and what the outbox keeps.

    ``refdata``: the version of each kind installed (it only grows); ``holidays`` and
    ``revoked_letters``: the district's lists as last received (letters of any desk);
    ``staff.source``: ``local`` (made at this desk) or ``district`` (managed by the hub);
    ``sync_state.exported_seq``: the last event written onto a stick.
    """
    db.execute(
        """
        CREATE TABLE refdata (
            kind TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            installed_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE holidays (day TEXT PRIMARY KEY, name TEXT NOT NULL)")
    db.execute(
        """
        CREATE TABLE revoked_letters (
            number TEXT PRIMARY KEY,
            desk TEXT NOT NULL,
            reason TEXT NOT NULL,
            revoked_at TEXT NOT NULL
        )
        """
    )
    db.execute("ALTER TABLE staff ADD COLUMN source TEXT NOT NULL DEFAULT 'local'")
    db.execute("ALTER TABLE sync_state ADD COLUMN exported_seq INTEGER NOT NULL DEFAULT 0")


@migrations(name="m006_survey")
def m006_survey(db: Database) -> None:
    """Anonymous satisfaction survey answers (SKM U1..U9), one row per survey event.

    ``day`` is the desk's local date the answer was given; nothing links a row to a request.
    """
    db.execute(
        """
        CREATE TABLE surveys (
            seq INTEGER PRIMARY KEY,
            service TEXT NOT NULL,
            day TEXT NOT NULL,
            u1 INTEGER NOT NULL,
            u2 INTEGER NOT NULL,
            u3 INTEGER NOT NULL,
            u4 INTEGER NOT NULL,
            u5 INTEGER NOT NULL,
            u6 INTEGER NOT NULL,
            u7 INTEGER NOT NULL,
            u8 INTEGER NOT NULL,
            u9 INTEGER NOT NULL,
            comment TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX surveys_service_day ON surveys(service, day)")


@migrations(name="m007_referrals_complaints")
def m007_referrals_complaints(db: Database) -> None:
    """Referral outcomes (one row per ``referral_outcome`` event; the request's current
    outcome is its row with the highest seq) and complaints (pengaduan) with their answer.

    ``recorded_by``/``answered_by`` is ``desk`` or ``hub`` (an officer at the district hub,
    whose name is in ``officer``); ``outcome_id``/``complaint_id`` come from the event so
    that the same outcome or answer reaching the desk twice is recorded once.
    """
    db.execute(
        """
        CREATE TABLE referral_outcomes (
            outcome_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            request_id TEXT NOT NULL REFERENCES requests(id),
            outcome TEXT NOT NULL,
            agency TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            officer TEXT NOT NULL DEFAULT '',
            staff TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX referral_outcomes_request ON referral_outcomes(request_id, seq)")
    db.execute(
        """
        CREATE TABLE complaints (
            complaint_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            request_id TEXT,
            service TEXT NOT NULL,
            receipt TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL,
            text TEXT NOT NULL,
            staff TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            day TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            answer TEXT NOT NULL DEFAULT '',
            answered_by TEXT NOT NULL DEFAULT '',
            officer TEXT NOT NULL DEFAULT '',
            answered_at TEXT NOT NULL DEFAULT '',
            answered_seq INTEGER
        )
        """
    )
    db.execute("CREATE INDEX complaints_status ON complaints(status, seq)")
    db.execute("CREATE INDEX complaints_service_day ON complaints(service, day)")


@migrations(name="m008_survey_pending")
def m008_survey_pending(db: Database) -> None:
    """Survey answers not yet in the event log. They are written as ``survey_recorded``
    events in a shuffled batch (three or more together, or all at the next export or sync),
    so that no answer sits next to the hand-over of the citizen who gave it."""
    db.execute(
        """
        CREATE TABLE survey_pending (
            id INTEGER PRIMARY KEY,
            service TEXT NOT NULL,
            day TEXT NOT NULL,
            scores TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT ''
        )
        """
    )


@migrations(name="m009_holiday_working_days")
def m009_holiday_working_days(db: Database) -> None:
    """The district's holiday list can also say a national date (computed offline from the
    ``holidays`` package) is a working day after all: ``holidays.working`` = 1."""
    db.execute("ALTER TABLE holidays ADD COLUMN working INTEGER NOT NULL DEFAULT 0")


@migrations(name="m010_chain_anchors")
def m010_chain_anchors(db: Database) -> None:
    """What anchors the event log outside this file, for ``audit verify``.

    ``printed_codes``: every receipt code the desk signed, with the chain anchor in it
    (the last event's seq and the tag of its hash); ``hub_anchor``: the last signed
    acknowledgement bundle from the hub that moved ``acked_seq`` (kept whole, so its
    signature can be checked again), with the seq and hash it acknowledged.
    """
    db.execute(
        """
        CREATE TABLE printed_codes (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            number TEXT NOT NULL,
            anchor_seq INTEGER NOT NULL,
            anchor_tag TEXT NOT NULL,
            payload TEXT NOT NULL UNIQUE,
            printed_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX printed_codes_anchor ON printed_codes(anchor_seq)")
    db.execute(
        """
        CREATE TABLE hub_anchor (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            bundle BLOB NOT NULL,
            received_at TEXT NOT NULL
        )
        """
    )


@migrations(name="m011_print_log")
def m011_print_log(db: Database) -> None:
    """What was printed, when, by whom, on which printer, and whether it was a reprint:
    every document kind (tickets, receipts, letters, referral slips, information sheets,
    daily reports), written when the app or the CLI hands a document to a printer or a
    file. ``printed_codes`` (m010) only holds the receipt codes the desk signed."""
    db.execute(
        """
        CREATE TABLE print_log (
            id INTEGER PRIMARY KEY,
            printed_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            number TEXT NOT NULL,
            receipt TEXT NOT NULL DEFAULT '',
            staff TEXT NOT NULL,
            printer TEXT NOT NULL DEFAULT '',
            reprint INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX print_log_document ON print_log(kind, number)")
    db.execute("CREATE INDEX print_log_day ON print_log(printed_at)")
