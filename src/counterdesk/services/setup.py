"""Creating a desk (training or enrolled) and installing its service catalogue."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from counterdesk.domain.catalogue import parse_catalogue
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.ids import new_id
from counterdesk.domain.numbering import check_desk_code
from counterdesk.domain.roles import Role
from counterdesk.resources import resource_path
from counterdesk.services.desk import Clock, Desk, system_clock
from counterdesk.services.staff import SYSTEM, create_staff
from counterdesk.store.keys import create_keys

DEMO_DESK = "LATIH-01"
DEMO_STAFF = "demo"
DEMO_PASSWORD = "demo"


def shipped_catalogue() -> dict[str, Any]:
    with resource_path("catalogue", "services.json").open(encoding="utf-8") as fh:
        raw: dict[str, Any] = json.load(fh)
    return raw


def install_catalogue(desk: Desk, raw: dict[str, Any], *, staff: str) -> bool:
    """Replace the catalogue (inside a transaction). Returns False when unchanged."""
    catalogue = parse_catalogue(raw)
    text = json.dumps(raw, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()
    current = desk.conn.execute("SELECT sha256 FROM catalogue WHERE id = 1").fetchone()
    if current and current["sha256"] == digest:
        return False
    desk.conn.execute(
        "INSERT INTO catalogue (id, version, sha256, raw) VALUES (1, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET version = excluded.version,"
        " sha256 = excluded.sha256, raw = excluded.raw",
        [catalogue.version, digest, text],
    )
    desk.conn.execute("UPDATE services SET active = 0")
    for s in catalogue.services:
        desk.conn.execute(
            "INSERT INTO services (code, ticket_prefix, product, name, name_en, days, fee, active)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT(code) DO UPDATE SET"
            " ticket_prefix = excluded.ticket_prefix, product = excluded.product,"
            " name = excluded.name, name_en = excluded.name_en, days = excluded.days,"
            " fee = excluded.fee, active = 1",
            [s.code, s.ticket_prefix, s.product, s.name.id, s.name.en, s.days, s.fee],
        )
    desk.record(
        EventKind.CATALOGUE_INSTALLED,
        staff=staff,
        data={"version": catalogue.version, "sha256": digest, "services": len(catalogue.services)},
    )
    desk.invalidate()
    return True


def create_desk(
    root: Path,
    *,
    code: str,
    name: str,
    post: str,
    district: str,
    training: bool,
    admin_name: str,
    admin_password: str,
    admin_full_name: str = "",
    catalogue: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    clock: Clock = system_clock,
) -> Desk:
    """Make a new desk database with its identity, catalogue and first administrator."""
    code = check_desk_code(code)
    desk = Desk.open(root, create=True, clock=clock)
    try:
        if desk.configured:
            raise exists_error(desk)
        epoch = new_id()
        with desk.transaction():
            desk.record(
                EventKind.DESK_CREATED,
                staff=SYSTEM,
                epoch=epoch,
                desk_code=code,
                data={
                    "code": code,
                    "name": name,
                    "post": post,
                    "district": district,
                    "training": training,
                    "settings": settings or {},
                },
            )
            desk.conn.execute("INSERT INTO sync_state (id) VALUES (1)")
            create_keys(desk.conn)
            install_catalogue(desk, catalogue or shipped_catalogue(), staff=SYSTEM)
            create_staff(
                desk,
                actor=SYSTEM,
                name=admin_name,
                full_name=admin_full_name or admin_name,
                role=Role.ADMIN,
                password=admin_password,
                # the documented exception: a training desk's demo/demo account
                training_demo=training
                and admin_name == DEMO_STAFF
                and admin_password == DEMO_PASSWORD,
            )
    except BaseException:
        desk.close()
        raise
    desk.invalidate()
    return desk


def exists_error(desk: Desk) -> ValidationError:
    info = desk.info
    return ValidationError(
        f"a desk ({info.code}, {'training' if info.training else 'enrolled'}) already exists in "
        f"{desk.paths.root}; use another --data-dir",
        code="desk_exists",
    )


def make_demo(root: Path, *, clock: Clock = system_clock) -> tuple[Desk, bool]:
    """Create the training desk, or open it when it is already there.

    Returns the desk and whether it was created now. Refuses to touch an
    enrolled (real) desk.
    """
    db_path = root / "desk.sqlite3"
    if db_path.exists() and db_path.stat().st_size > 0:
        desk = Desk.open(root, clock=clock)
        if desk.configured:
            if not desk.info.training:
                error = exists_error(desk)
                desk.close()
                raise error
            return desk, False
        desk.close()
    desk = create_desk(
        root,
        code=DEMO_DESK,
        name="Meja Latihan 1",
        post="Kantor Camat Jagoi Babang (LATIHAN)",
        district="Kabupaten Bengkayang",
        training=True,
        admin_name=DEMO_STAFF,
        admin_password=DEMO_PASSWORD,
        admin_full_name="Petugas Latihan",
        settings={
            "letterhead_office": "KECAMATAN JAGOI BABANG (LATIHAN)",
            "letterhead_address": "Jagoi Babang, Kabupaten Bengkayang, Kalimantan Barat",
            "letter_place": "Jagoi Babang",
            "signer_title": "Camat Jagoi Babang",
            "signer_name": "Nama Camat (Latihan)",
        },
        clock=clock,
    )
    return desk, True
