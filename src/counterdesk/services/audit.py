"""Checking that nothing in the event log was lost or altered."""

from __future__ import annotations

from dataclasses import dataclass

from counterdesk.services.desk import Desk
from counterdesk.store.eventlog import ChainProblem, verify_chain


@dataclass(frozen=True)
class AuditResult:
    events: int
    problems: list[ChainProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def audit(desk: Desk) -> AuditResult:
    count, problems = verify_chain(desk.conn)
    return AuditResult(count, problems)
