"""Errors raised for refused actions.

Each carries an English message (shown by the command line and logged) and a
stable ``code`` with ``params`` so the desk app can show the same message in
the user's language.
"""

from __future__ import annotations

from typing import Any


class CounterdeskError(Exception):
    """Base of every error that a person can act on."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        field: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or type(self).__name__
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return self.message


class ValidationError(CounterdeskError):
    """Input that cannot be accepted (bad NIK, missing field, unknown service, ...)."""


class TransitionError(CounterdeskError):
    """A move along the request lifecycle that the rules do not allow."""


class PermissionDenied(CounterdeskError):
    """The staff member's role does not allow the action."""


class AuthenticationError(CounterdeskError):
    """Wrong name or password, or a locked account."""


class NotFound(CounterdeskError):
    """No such request, service, staff member, ..."""
