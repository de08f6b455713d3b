"""The services the app reads its queue and outbox through (services/queue.py,
services/outbox_status.py)."""

from __future__ import annotations

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.outbox_status import outbox_summary
from counterdesk.services.queue import QueueFilter, request_rowids
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import views_for_rowids
from counterdesk.services.staff import StaffSession

from ..conftest import NIK_MAN, NIK_WOMAN, FixedClock


def reg(desk: Desk, session: StaffSession, name: str, nik: str) -> str:
    return register(
        desk,
        session,
        Registration(
            service="LEGAL",
            name=name,
            nik=nik,
            fields={"document_type": "Dokumen lainnya", "document_number": "1", "copies": "1"},
        ),
    ).receipt


def test_rowids_filter_by_text_status_service_and_day(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    first = reg(desk, session, "Siti Aminah", NIK_WOMAN)
    clock.advance(days=1)
    second = reg(desk, session, "Budi Santoso", NIK_MAN)
    advance(desk, session, second, "in_progress")

    def names(flt: QueueFilter) -> list[str]:
        return [v.name for v in views_for_rowids(desk, request_rowids(desk, flt))]

    assert names(QueueFilter()) == ["Budi Santoso", "Siti Aminah"]  # newest first
    assert names(QueueFilter(today_only=True)) == ["Budi Santoso"]
    assert names(QueueFilter(text="siti")) == ["Siti Aminah"]
    assert names(QueueFilter(text=first[-6:])) == ["Siti Aminah"]
    assert names(QueueFilter(status="in_progress")) == ["Budi Santoso"]
    assert names(QueueFilter(service="legal")) == ["Budi Santoso", "Siti Aminah"]
    assert names(QueueFilter(service="SKD")) == []
    with pytest.raises(ValidationError):
        request_rowids(desk, QueueFilter(status="lost"))


def test_outbox_summary(desk: Desk, session: StaffSession, clock: FixedClock) -> None:
    before = outbox_summary(desk)
    assert before.training and before.desk == "LATIH-01"
    assert before.last_hub_contact is None
    reg(desk, session, "Siti Aminah", NIK_WOMAN)
    clock.advance(hours=3)
    after = outbox_summary(desk)
    assert after.pending == before.pending + 1
    assert after.oldest_pending_age_seconds is not None
    assert after.oldest_pending_age_seconds >= 3 * 3600
