"""Joining a district: create the desk from the hub's enrollment file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counterdesk.config import Paths
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.services.desk import Clock, Desk, system_clock
from counterdesk.services.escrow import record_escrow
from counterdesk.services.setup import create_desk
from counterdesk.services.sync_link import store_link
from counterdesk.store.db import open_db
from counterdesk.sync.enrollment import MAX_FILE_SIZE, Enrollment, fingerprint, read_enrollment
from counterdesk.sync.files import read_regular_file


@dataclass(frozen=True)
class Enrolled:
    desk: str
    name: str
    post: str
    district: str
    hub_fingerprint: str
    admin: str
    data_dir: Path


def read_enrollment_file(path: Path) -> Enrollment:
    try:
        data = read_regular_file(Path(path), MAX_FILE_SIZE)  # a stick's file: no links
    except OSError as exc:
        raise CounterdeskError(
            f"cannot read the enrollment file {path}: {exc.strerror or exc}",
            code="enroll_unreadable",
        ) from None
    return read_enrollment(data)


def _existing(root: Path, enrollment: Enrollment) -> bool:
    """Refuse before touching anything when the folder already holds a desk.

    Returns True when it holds this very desk, created but not yet linked to its hub
    (enrollment interrupted between its two steps): then enrolling again finishes it.
    """
    db_path = Paths(root).database
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    with Desk(open_db(db_path), Paths(root)) as desk:
        if not desk.configured:
            return False
        info = desk.info
        if info.training:
            raise ValidationError(
                f"{root} holds a training desk ({info.code}); enroll into another --data-dir",
                code="desk_exists",
            )
        linked = desk.conn.execute("SELECT enrollment_id FROM hub_link WHERE id = 1").fetchone()
        if linked is None and info.code == enrollment.desk:
            return True
        if linked and linked["enrollment_id"] == enrollment.enrollment_id:
            raise ValidationError(
                f"this enrollment file was already used: desk {info.code} is enrolled in "
                f"{root}. An enrollment file works once",
                code="enrollment_used",
            )
        raise ValidationError(
            f"{root} already holds enrolled desk {info.code}; use another --data-dir",
            code="desk_exists",
        )


def enroll(
    root: Path,
    enrollment: Enrollment,
    *,
    admin_name: str,
    admin_password: str,
    admin_full_name: str = "",
    clock: Clock = system_clock,
) -> Enrolled:
    """Create the enrolled desk: identity, keys, the district's catalogue, an administrator,
    and the hub's keys. The hub learns this desk's keys at first contact."""
    if _existing(root, enrollment):
        desk = Desk.open(root, clock=clock)
    else:
        desk = create_desk(
            root,
            code=enrollment.desk,
            name=enrollment.name,
            post=enrollment.post,
            district=enrollment.district,
            training=False,
            admin_name=admin_name,
            admin_password=admin_password,
            admin_full_name=admin_full_name,
            catalogue=enrollment.catalogue,
            clock=clock,
        )
    with desk:
        with desk.transaction():
            store_link(
                desk,
                hub=enrollment.hub,
                district=enrollment.district,
                enrollment_id=enrollment.enrollment_id,
                secret=enrollment.secret,
                hub_sign=enrollment.hub_sign_key(),
                hub_box=enrollment.hub_box_key(),
            )
            record_escrow(desk, enrollment.hub_box_key())
        info = desk.info
        return Enrolled(
            desk=info.code,
            name=info.name,
            post=info.post,
            district=info.district,
            hub_fingerprint=fingerprint(enrollment.hub_sign_key()),
            admin=admin_name.strip().lower(),
            data_dir=desk.paths.root,
        )
