"""Typed identifiers used across the layers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Final, NewType, TypeVar

from counterdesk.domain.errors import NotFound, ValidationError

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


_PREFIX: Final = re.compile(r"[0-9a-f]{6,32}")
Found = TypeVar("Found")


def complaint_prefix(ident: str) -> str:
    """A complaint's number as typed (its id or the start of it, >= 6 hex digits), checked."""
    key = ident.strip().lower()
    if not _PREFIX.fullmatch(key):
        raise ValidationError(
            f"{ident!r} is not a complaint number (6 to 32 hex digits, e.g. 3fa2c91b)",
            code="complaint_number",
        )
    return key


def one_complaint(rows: Sequence[Found], key: str, *, where: str) -> Found:
    """The one complaint a number prefix matched (``rows``: at most two matches)."""
    if not rows:
        raise NotFound(f"no complaint {key} {where}", code="complaint_unknown")
    if len(rows) > 1:
        raise ValidationError(
            f"{key} matches more than one complaint; give more digits", code="complaint_ambiguous"
        )
    return rows[0]
