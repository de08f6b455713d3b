"""Staff roles. Each role includes the powers of the roles below it."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COUNTER = "counter"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def includes(self, other: Role) -> bool:
        return self.rank >= other.rank


_RANK = {Role.COUNTER: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}
