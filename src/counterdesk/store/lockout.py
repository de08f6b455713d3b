"""The two atomic steps of a sign-in against an account table with ``name``, ``active``,
``failed_logins`` and ``locked_until`` columns: the desk's ``staff`` and the hub's
``officers`` (one implementation of :mod:`counterdesk.domain.passwords`' lockout rule).

1. :func:`claim_login`, in a write transaction BEFORE the (expensive) scrypt check: count
   the attempt, or refuse it as locked. Parallel guessers are serialised here, so they get
   no more password checks than the policy allows.
2. :func:`settle_login`, in a second write transaction after the check: a wrong password
   may lock the account (a lock is never shortened); a right one clears the count unless the
   account was locked meanwhile, and is then refused.

Both must run inside the caller's write transaction (``BEGIN IMMEDIATE``), which makes the
read and the write one step for every connection and process.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Final

from counterdesk.domain.errors import AuthenticationError
from counterdesk.domain.passwords import (
    Attempt,
    after_failure,
    after_success,
    claim_attempt,
    locked_error,
)


@dataclass(frozen=True)
class _Sql:
    claim: str  # failed_logins, locked_until of an active account
    state: str  # failed_logins, locked_until of any account
    store: str  # failed_logins, locked_until, name


_SQL: Final = {
    "staff": _Sql(
        "SELECT failed_logins, locked_until FROM staff WHERE name = ? AND active = 1",
        "SELECT failed_logins, locked_until FROM staff WHERE name = ?",
        "UPDATE staff SET failed_logins = ?, locked_until = ? WHERE name = ?",
    ),
    "officers": _Sql(
        "SELECT failed_logins, locked_until FROM officers WHERE name = ? AND active = 1",
        "SELECT failed_logins, locked_until FROM officers WHERE name = ?",
        "UPDATE officers SET failed_logins = ?, locked_until = ? WHERE name = ?",
    ),
}
ACCOUNT_TABLES: Final = frozenset(_SQL)


def claim_login(conn: sqlite3.Connection, table: str, name: str, now: float) -> Attempt | None:
    """Step 1 (inside a write transaction): None when there is no active account ``name``."""
    sql = _SQL[table]
    row = conn.execute(sql.claim, [name]).fetchone()
    if row is None:
        return None
    attempt = claim_attempt(int(row[0]), float(row[1]), now)
    if (attempt.failed, attempt.locked_until) != (int(row[0]), float(row[1])):
        conn.execute(sql.store, [attempt.failed, attempt.locked_until, name])
    return attempt


@dataclass(frozen=True)
class Outcome:
    """What step 2 decided: ``refusal`` is None when the sign-in succeeds;
    ``locked_now`` when this wrong password is the one that locked the account."""

    refusal: AuthenticationError | None
    locked_now: bool = False


def settle_login(
    conn: sqlite3.Connection,
    table: str,
    name: str,
    *,
    good: bool,
    now: float,
    account: str,
    wrong: AuthenticationError,
) -> Outcome:
    """Step 2 (inside a write transaction), after the password check of a claimed attempt."""
    sql = _SQL[table]
    current = conn.execute(sql.state, [name]).fetchone()
    if current is None:  # deleted meanwhile
        return Outcome(wrong)
    failed, locked_until = int(current[0]), float(current[1])
    if good:
        refusal = after_success(account, locked_until, now)
        if refusal is None and (failed or locked_until):
            conn.execute(sql.store, [0, 0.0, name])
        return Outcome(refusal)
    failed, new_lock = after_failure(failed, locked_until, now)
    if new_lock != locked_until:
        conn.execute(sql.store, [failed, new_lock, name])
    locked_now = locked_until <= now < new_lock
    return Outcome(locked_error(account, new_lock, now) or wrong, locked_now=locked_now)


def refusal_for(
    attempt: Attempt, *, account: str, now: float, wrong: AuthenticationError
) -> AuthenticationError:
    """The refusal of a claim that was not allowed (the account is locked)."""
    return locked_error(account, attempt.locked_until, now) or wrong
