"""Staff accounts: roles, hashed passwords, lockout after repeated failures."""

from __future__ import annotations

import time
from dataclasses import dataclass

from counterdesk.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.passwords import (
    check_account_name,
    check_new_password,
    hash_password,
    verify_password,
)
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk
from counterdesk.store.lockout import claim_login, refusal_for, settle_login

SYSTEM = "system"
# a well-formed hash of nothing anyone types: an unknown name costs the same scrypt work
_DUMMY_HASH = (
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
)


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
    training_demo: bool = False,
) -> None:
    """Add an account; call inside ``desk.transaction()``.

    The password follows :func:`~counterdesk.domain.passwords.check_new_password` (at least
    ``MIN_LENGTH`` characters, not the name); ``training_demo`` exempts only the training
    desk's documented ``demo``/``demo`` account (see :func:`counterdesk.services.setup.make_demo`).
    """
    name = _check_name(name)
    if not training_demo:
        check_new_password(password, name=name)
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

    The attempt is claimed (counted, or refused as locked) in one write transaction before
    the scrypt check (:mod:`counterdesk.store.lockout`), so desks or processes guessing in
    parallel get no more checks than that; a lock is never shortened, and a right password
    is refused while the account is locked. The lock uses the wall clock only to expire; an
    administrator can lift it.
    """
    name = name.strip().lower()
    account = f"account {name!r}"
    refused = AuthenticationError(
        "wrong staff name or password", code="login_failed", field="password"
    )
    with desk.transaction():
        now = time.time()
        attempt = claim_login(desk.conn, "staff", name, now)
        row = desk.conn.execute(
            "SELECT full_name, role, password_hash FROM staff WHERE name = ?", [name]
        ).fetchone()
    if attempt is None or row is None:
        verify_password(password, _DUMMY_HASH)  # same cost either way
        raise refused
    if not attempt.allowed:
        raise refusal_for(attempt, account=account, now=now, wrong=refused)
    good = verify_password(password, row["password_hash"])
    with desk.transaction():
        outcome = settle_login(
            desk.conn, "staff", name, good=good, now=time.time(), account=account, wrong=refused
        )
    if not good:
        raise refused  # (the desk says "locked" from the next attempt on, as it always has)
    if outcome.refusal is not None:
        raise outcome.refusal  # the right password, while locked
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
        check_new_password(password, name=name)
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
