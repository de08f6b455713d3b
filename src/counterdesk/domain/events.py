"""Events and the hash chain that makes lost or altered data visible.

``hash = sha256(prev_hash || canonical_json(event))`` where the event is the
dict of every stored column but the hash itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64


class EventKind(StrEnum):
    DESK_CREATED = "desk_created"
    EPOCH_STARTED = "epoch_started"
    CATALOGUE_INSTALLED = "catalogue_installed"
    STAFF_CREATED = "staff_created"
    STAFF_CHANGED = "staff_changed"
    REQUEST_REGISTERED = "request_registered"
    STATUS_CHANGED = "status_changed"
    LETTER_ISSUED = "letter_issued"
    LETTER_REVOKED = "letter_revoked"
    TICKET_CALLED = "ticket_called"
    SURVEY_RECORDED = "survey_recorded"
    REFERRAL_OUTCOME = "referral_outcome"
    COMPLAINT_RECORDED = "complaint_recorded"
    COMPLAINT_ANSWERED = "complaint_answered"
    DB_KEY_ESCROWED = "db_key_escrowed"  # the database key, sealed to the district hub


def canonical_json(obj: Any) -> bytes:
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


@dataclass(frozen=True)
class Event:
    seq: int
    desk: str
    epoch: str
    event_id: str
    kind: str
    recorded_at: str
    staff: str
    request_id: str | None
    data: dict[str, Any]
    prev_hash: str

    def canonical(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "desk": self.desk,
            "epoch": self.epoch,
            "event_id": self.event_id,
            "kind": self.kind,
            "recorded_at": self.recorded_at,
            "staff": self.staff,
            "request_id": self.request_id,
            "data": self.data,
        }

    def compute_hash(self) -> str:
        h = hashlib.sha256(bytes.fromhex(self.prev_hash))
        h.update(canonical_json(self.canonical()))
        return h.hexdigest()
