"""Password hashing (scrypt) and the lockout policy."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from typing import Any

from counterdesk.domain.errors import AuthenticationError, ValidationError

N, R, P = 2**14, 8, 1
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
MIN_LENGTH = 4
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


def after_failure(failed_before: int, now: float) -> tuple[int, float]:
    """(failed logins to store, locked until) after one more wrong password."""
    failures = failed_before + 1
    if failures >= MAX_FAILURES:
        return 0, now + LOCK_SECONDS
    return failures, 0.0


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


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            f"the password must have at least {MIN_LENGTH} characters",
            code="password_short",
            field="password",
        )
