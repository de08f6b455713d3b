"""Password hashing (scrypt) and the lockout policy."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from typing import Any

from counterdesk.domain.errors import AuthenticationError, ValidationError

N, R, P = 2**14, 8, 1
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
MIN_LENGTH = 8  # desk staff (every role): counter, supervisor, the desk's administrator
OFFICER_MIN_LENGTH = 10  # hub officers and hub administrators
MAX_LENGTH = 256  # scrypt of a megabyte-long "password" is work for nothing
_ACCOUNT_NAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")
ACCOUNT_NAME = _ACCOUNT_NAME  # a login name (fullmatch); the reference-data contract uses it


def check_account_name(name: str, *, what: str, code: str, **params: Any) -> str:
    """A login name (desk staff, district staff, hub officer), lower-cased."""
    name = name.strip().lower()
    if not _ACCOUNT_NAME.fullmatch(name):
        raise ValidationError(
            f"{what} name {name!r} must be 2-32 lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter",
            code=code,
            **params,
        )
    return name


def locked_error(account: str, locked_until: float, now: float) -> AuthenticationError | None:
    """The refusal for an account still locked at ``now`` (None when it is not locked)."""
    if locked_until <= now:
        return None
    minutes = max(1, round((locked_until - now) / 60))
    return AuthenticationError(
        f"{account} is locked after {MAX_FAILURES} wrong passwords; try again in "
        f"{minutes} minute(s) or ask an administrator to unlock it",
        code="login_locked",
        minutes=minutes,
    )


@dataclass(frozen=True)
class Attempt:
    """An account's lockout state after one step of a sign-in: what to store, and whether
    the password may be checked (``allowed``) or the sign-in is refused as locked."""

    failed: int
    locked_until: float
    allowed: bool


def claim_attempt(failed: int, locked_until: float, now: float) -> Attempt:
    """The first step of a sign-in, taken atomically (one write transaction) with the
    account's row BEFORE the password is checked.

    ``failed`` counts the attempts claimed since the last success, including those whose
    scrypt check is still running, so parallel guessers get at most ``MAX_FAILURES``
    password checks: the attempt after them locks the account without a check. A lock that
    has run out starts the count again; a lock never gets shorter here.
    """
    if 0 < locked_until <= now:  # the lock ran out: a fresh start
        failed, locked_until = 0, 0.0
    if locked_until > now:
        return Attempt(failed, locked_until, allowed=False)
    if failed >= MAX_FAILURES:  # MAX_FAILURES attempts already claimed: a burst of guesses
        return Attempt(failed, max(locked_until, now + LOCK_SECONDS), allowed=False)
    return Attempt(failed + 1, locked_until, allowed=True)


def after_failure(failed: int, locked_until: float, now: float) -> tuple[int, float]:
    """(failed, locked until) to store after a claimed attempt had a wrong password.

    The attempt was already counted by :func:`claim_attempt`; when the count has reached
    ``MAX_FAILURES`` the account is locked. ``locked_until`` is never lowered.
    """
    if failed >= MAX_FAILURES:
        return failed, max(locked_until, now + LOCK_SECONDS)
    return failed, locked_until


def after_success(account: str, locked_until: float, now: float) -> AuthenticationError | None:
    """None when a right password may sign in (then store 0 failures, no lock); the
    refusal when the account got locked meanwhile (a right password inside a burst of
    guesses is refused like any other while the lock holds)."""
    return locked_error(account, locked_until, now)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        if algo != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def check_new_password(password: str, *, name: str = "", min_length: int = MIN_LENGTH) -> None:
    """A new or changed password: at least ``min_length`` characters (``MIN_LENGTH`` for
    desk staff, ``OFFICER_MIN_LENGTH`` for hub officers), at most ``MAX_LENGTH``, and not
    the account's name. Existing passwords keep working; the rule is checked when one is
    set."""
    if len(password) < min_length:
        raise ValidationError(
            f"the password must have at least {min_length} characters",
            code="password_short",
            field="password",
            min_length=min_length,
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError(
            f"the password must have at most {MAX_LENGTH} characters",
            code="password_long",
            field="password",
        )
    if name and password.strip().lower() == name.strip().lower():
        raise ValidationError(
            "the password must not be the account name", code="password_is_name", field="password"
        )
