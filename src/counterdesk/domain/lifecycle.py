"""The request lifecycle and its rules.

registered -> in_progress -> ready -> collected, plus referred, rejected (reason
required) and cancelled (supervisor only, reason required).
"""

from __future__ import annotations

from enum import StrEnum

from counterdesk.domain.errors import PermissionDenied, TransitionError
from counterdesk.domain.roles import Role


class Status(StrEnum):
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    READY = "ready"
    COLLECTED = "collected"
    REFERRED = "referred"
    REJECTED = "rejected"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in FINAL


# How statuses are named in Indonesian reports and pages.
STATUS_LABELS_ID: dict[str, str] = {
    "registered": "Terdaftar",
    "in_progress": "Diproses",
    "ready": "Siap diambil",
    "collected": "Diambil",
    "referred": "Dirujuk",
    "rejected": "Ditolak",
    "cancelled": "Dibatalkan",
}


class Outcome(StrEnum):
    """What became of a referral at the other agency."""

    ISSUED = "issued"
    REFUSED = "refused"
    PENDING = "pending"


# What became of a referral at the other agency, in Indonesian.
OUTCOME_LABELS_ID: dict[str, str] = {
    Outcome.ISSUED: "Diterbitkan",
    Outcome.REFUSED: "Ditolak",
    Outcome.PENDING: "Masih diproses",
}

FINAL = frozenset({Status.COLLECTED, Status.REJECTED, Status.CANCELLED})

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.REGISTERED: frozenset(
        {Status.IN_PROGRESS, Status.REFERRED, Status.REJECTED, Status.CANCELLED}
    ),
    Status.IN_PROGRESS: frozenset(
        {Status.READY, Status.REFERRED, Status.REJECTED, Status.CANCELLED}
    ),
    # The other agency's product comes back to the counter for hand-over.
    Status.REFERRED: frozenset({Status.READY, Status.CANCELLED}),
    Status.READY: frozenset({Status.COLLECTED, Status.CANCELLED}),
    Status.COLLECTED: frozenset(),
    Status.REJECTED: frozenset(),
    Status.CANCELLED: frozenset(),
}

NEEDS_REASON = frozenset({Status.REJECTED, Status.CANCELLED})
NEEDS_ROLE: dict[Status, Role] = {Status.CANCELLED: Role.SUPERVISOR}


def parse_status(text: str) -> Status:
    try:
        return Status(text.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise TransitionError(f"unknown status {text!r}; use one of: {names}") from None


def check_transition(current: Status, target: Status, *, role: Role, note: str) -> None:
    """Raise with a reason a person understands when the move is not allowed."""
    if current == target:
        raise TransitionError(f"the request is already {current.value}")
    if current.is_final:
        raise TransitionError(
            f"the request is {current.value}, which is final; it cannot become {target.value}"
        )
    if target not in ALLOWED[current]:
        options = ", ".join(sorted(s.value for s in ALLOWED[current]))
        raise TransitionError(
            f"a {current.value} request cannot become {target.value}; it can become: {options}"
        )
    needed = NEEDS_ROLE.get(target)
    if needed is not None and not role.includes(needed):
        raise PermissionDenied(
            f"only a {needed.value} (or above) may mark a request {target.value}; "
            f"you are {role.value}"
        )
    if target in NEEDS_REASON and not note.strip():
        raise TransitionError(f"a reason is required to mark a request {target.value} (--note)")
