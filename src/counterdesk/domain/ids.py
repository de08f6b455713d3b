"""Typed identifiers used across the layers."""

from __future__ import annotations

import uuid
from typing import NewType

DeskCode = NewType("DeskCode", str)
EpochId = NewType("EpochId", str)
Seq = NewType("Seq", int)
RequestId = NewType("RequestId", str)
CitizenId = NewType("CitizenId", str)
EventId = NewType("EventId", str)
StaffName = NewType("StaffName", str)
ServiceCode = NewType("ServiceCode", str)
Receipt = NewType("Receipt", str)


def new_id() -> str:
    """A random 128-bit id as 32 hex characters (never derived from the clock)."""
    return uuid.uuid4().hex
