"""Staff accounts: roles, hashed passwords, lockout after repeated failures."""

from __future__ import annotations

import time
from dataclasses import dataclass

from counterdesk.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.passwords import (
    after_failure,
    check_account_name,
    check_new_password,
    hash_password,
    locked_error,
    verify_password,
)
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk

SYSTEM = "system"


@dataclass(frozen=True)
class StaffSession:
    name: str
    full_name: str
    role: Role

    def require(self, role: Role, action: str) -> None:
        if not self.role.includes(role):
            raise PermissionDenied(
                f"only a {role.value} (or above) may {action}; you are {self.role.value}",
                code="role_required",
                role=role.value,
            )


def _check_name(name: str) -> str:
    return check_account_name(name, what="staff", code="staff_name", field="staff")


def create_staff(
    desk: Desk,
    *,
    actor: str,
    name: str,
    full_name: str,
    role: Role,
    password: str,
    nip: str = "",
) -> None:
    """Add an account; call inside ``desk.transaction()``."""
    name = _check_name(name)
    check_new_password(password)
    if desk.conn.execute("SELECT 1 FROM staff WHERE name = ?", [name]).fetchone():
        raise ValidationError(f"staff member {name!r} already exists", code="staff_exists")
    desk.conn.execute(
        "INSERT INTO staff (name, full_name, role, nip, password_hash) VALUES (?, ?, ?, ?, ?)",
        [name, full_name.strip() or name, role.value, nip.strip(), hash_password(password)],
    )
    desk.record(
        EventKind.STAFF_CREATED,
        staff=actor,
        data={"name": name, "full_name": full_name.strip() or name, "role": role.value},
    )


def add_staff(
    desk: Desk,
    session: StaffSession,
    *,
    name: str,
    full_name: str,
    role: Role,
    password: str,
    nip: str = "",
) -> None:
    session.require(Role.ADMIN, "add staff accounts")
    with desk.transaction():
        create_staff(
            desk,
            actor=session.name,
            name=name,
            full_name=full_name,
            role=role,
            password=password,
            nip=nip,
        )


def authenticate(desk: Desk, name: str, password: str) -> StaffSession:
    """Check a name and password. Five failures lock the account for 15 minutes.

    The lock uses the wall clock only to expire; an administrator can lift it.
    """
    name = name.strip().lower()
    refused = AuthenticationError(
        "wrong staff name or password", code="login_failed", field="password"
    )
    row = desk.conn.execute("SELECT * FROM staff WHERE name = ?", [name]).fetchone()
    if row is None or not row["active"]:
        verify_password(password, "scrypt$16384$8$1$AAAA$AAAA")  # same cost either way
        raise refused
    now = time.time()
    locked = locked_error(f"account {name!r}", row["locked_until"], now)
    if locked is not None:
        raise locked
    if not verify_password(password, row["password_hash"]):
        with desk.transaction():
            desk.conn.execute(
                "UPDATE staff SET failed_logins = ?, locked_until = ? WHERE name = ?",
                [*after_failure(row["failed_logins"], now), name],
            )
        raise refused
    if row["failed_logins"] or row["locked_until"]:
        with desk.transaction():
            desk.conn.execute(
                "UPDATE staff SET failed_logins = 0, locked_until = 0 WHERE name = ?", [name]
            )
    return StaffSession(name=name, full_name=row["full_name"], role=Role(row["role"]))


def unlock_staff(desk: Desk, session: StaffSession, name: str) -> None:
    session.require(Role.ADMIN, "unlock accounts")
    with desk.transaction():
        cur = desk.conn.execute(
            "UPDATE staff SET failed_logins = 0, locked_until = 0 WHERE name = ?",
            [_check_name(name)],
        )
        if cur.rowcount == 0:
            raise ValidationError(f"no staff member {name!r}", code="staff_unknown")


def list_staff(desk: Desk) -> list[dict[str, object]]:
    rows = desk.conn.execute(
        "SELECT name, full_name, role, nip, active, locked_until, source FROM staff ORDER BY name"
    )
    now = time.time()
    return [
        {
            "name": r["name"],
            "full_name": r["full_name"],
            "role": r["role"],
            "nip": r["nip"],
            "active": bool(r["active"]),
            "locked": r["locked_until"] > now,
            "source": r["source"],
        }
        for r in rows
    ]


def _local_account(desk: Desk, session: StaffSession, name: str, action: str) -> str:
    """The name of a desk-made account an administrator may change (not their own)."""
    name = _check_name(name)
    row = desk.conn.execute("SELECT source FROM staff WHERE name = ?", [name]).fetchone()
    if row is None:
        raise ValidationError(f"no staff member {name!r}", code="staff_unknown")
    if row["source"] != "local":
        raise ValidationError(
            f"the district manages {name!r}; ask the district to {action} it",
            code="staff_district",
            staff=name,
        )
    if name == session.name:
        raise ValidationError(
            f"you cannot {action} your own account; ask another administrator",
            code="staff_self",
        )
    return name


def set_staff_active(desk: Desk, session: StaffSession, name: str, active: bool) -> None:
    """Deactivate an account (it can no longer log in) or activate it again."""
    session.require(Role.ADMIN, "deactivate accounts")
    with desk.transaction():
        name = _local_account(desk, session, name, "deactivate" if not active else "activate")
        row = desk.conn.execute("SELECT role, active FROM staff WHERE name = ?", [name]).fetchone()
        if bool(row["active"]) == active:
            return
        desk.conn.execute("UPDATE staff SET active = ? WHERE name = ?", [int(active), name])
        desk.record(
            EventKind.STAFF_CHANGED,
            staff=session.name,
            data={"name": name, "changes": ["active"], "role": row["role"], "active": active},
        )


def reset_password(desk: Desk, session: StaffSession, name: str, password: str) -> None:
    """Give an account a new password (the old one stops working) and lift its lockout."""
    session.require(Role.ADMIN, "reset passwords")
    with desk.transaction():
        name = _local_account(desk, session, name, "reset the password of")
        check_new_password(password)
        row = desk.conn.execute("SELECT role, active FROM staff WHERE name = ?", [name]).fetchone()
        desk.conn.execute(
            "UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = 0"
            " WHERE name = ?",
            [hash_password(password), name],
        )
        desk.record(
            EventKind.STAFF_CHANGED,
            staff=session.name,
            data={
                "name": name,
                "changes": ["password"],
                "role": row["role"],
                "active": bool(row["active"]),
            },
        )
