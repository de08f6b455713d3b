"""The satisfaction survey: anonymous answers and the index per service."""

import json

import pytest

from counterdesk.domain.errors import NotFound, ValidationError
from counterdesk.domain.skm import MAX_COMMENT
from counterdesk.services.advance import advance
from counterdesk.services.audit import audit
from counterdesk.services.desk import Desk
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession
from counterdesk.services.survey import (
    BATCH,
    SURVEY_STAFF,
    flush_surveys,
    record_survey,
    survey_index,
)
from counterdesk.store.eventlog import last_seq

from .conftest import FixedClock
from .test_register import reg


def count(desk: Desk, sql: str) -> int:
    return int(desk.conn.execute(sql).fetchone()[0])


def test_recording_is_anonymous(desk: Desk, session: StaffSession) -> None:
    r = register(desk, session, reg(desk))
    for status in ("in_progress", "ready", "collected"):
        advance(desk, session, r.receipt, status)
    record_survey(desk, session, r.service, [4, 3, 3, 4, 4, 3, 4, 2, 3], "  Cepat,  ramah  ")
    assert flush_surveys(desk) == 1
    event = desk.conn.execute("SELECT * FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    assert event["kind"] == "survey_recorded"
    assert event["request_id"] is None and event["staff"] == SURVEY_STAFF
    data = json.loads(event["data"])
    assert data == {
        "service": r.service,
        "day": "2026-11-02",
        "scores": [4, 3, 3, 4, 4, 3, 4, 2, 3],
        "comment": "Cepat,  ramah",
    }
    row = dict(desk.conn.execute("SELECT * FROM surveys").fetchone())
    assert row["service"] == r.service and row["day"] == "2026-11-02"
    assert [row[f"u{i}"] for i in range(1, 10)] == [4, 3, 3, 4, 4, 3, 4, 2, 3]
    stored = event["data"] + json.dumps(row)
    for secret in (r.receipt, r.name, r.id, r.ident, session.name):
        assert secret not in stored
    assert count(desk, "SELECT COUNT(*) FROM survey_pending") == 0


def test_answers_enter_the_log_in_batches_away_from_their_hand_over(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    """Each citizen answers right after their hand-over; the log must not show whose it is."""
    handovers = []
    for i in range(BATCH):
        r = register(desk, session, reg(desk, name=f"Warga {'ABC'[i]}"))
        for status in ("in_progress", "ready", "collected"):
            advance(desk, session, r.receipt, status)
        handovers.append(last_seq(desk.conn))
        record_survey(desk, session, r.service, [i + 1] * 9)
        clock.advance(minutes=10)
        if i < BATCH - 1:  # waiting: not in the log, but counted by the desk at once
            assert count(desk, "SELECT COUNT(*) FROM events WHERE kind = 'survey_recorded'") == 0
            result = survey_index(desk)
            assert result is not None and result.respondents == i + 1
    kinds = [row[0] for row in desk.conn.execute("SELECT kind FROM events ORDER BY seq")]
    assert kinds[-BATCH:] == ["survey_recorded"] * BATCH  # together, after the last hand-over
    for seq in handovers[:-1]:
        assert kinds[seq] != "survey_recorded"  # nothing right after the earlier hand-overs
    assert count(desk, "SELECT COUNT(*) FROM survey_pending") == 0
    days = {row[0] for row in desk.conn.execute("SELECT day FROM surveys")}
    assert days == {"2026-11-02"}
    result = survey_index(desk)
    assert result is not None and result.respondents == BATCH
    assert audit(desk).ok


def test_an_answer_given_yesterday_keeps_its_day(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    record_survey(desk, session, "KTPEL", [4] * 9)
    clock.advance(days=1)
    assert flush_surveys(desk) == 1
    assert flush_surveys(desk) == 0
    row = desk.conn.execute("SELECT day FROM surveys").fetchone()
    assert row["day"] == "2026-11-02"
    recorded = desk.conn.execute(
        "SELECT recorded_at FROM events WHERE kind = 'survey_recorded'"
    ).fetchone()[0]
    assert recorded.startswith("2026-11-03")


@pytest.mark.parametrize(
    "scores",
    [[4] * 8, [4] * 10, [4, 4, 5, 4, 4, 4, 4, 4, 4], [0] * 9, [True] * 9, ["4"] * 9],
)
def test_bad_scores_are_refused(desk: Desk, session: StaffSession, scores: list[object]) -> None:
    before = count(desk, "SELECT COUNT(*) FROM events")
    with pytest.raises(ValidationError):
        record_survey(desk, session, "KTPEL", scores)  # type: ignore[arg-type]
    assert count(desk, "SELECT COUNT(*) FROM events") == before
    assert count(desk, "SELECT COUNT(*) FROM survey_pending") == 0


def test_unknown_service_and_long_comment_are_refused(desk: Desk, session: StaffSession) -> None:
    with pytest.raises(NotFound):
        record_survey(desk, session, "NOPE", [4] * 9)
    with pytest.raises(ValidationError, match="too long"):
        record_survey(desk, session, "KTPEL", [4] * 9, "x" * (MAX_COMMENT + 1))
    assert count(desk, "SELECT COUNT(*) FROM survey_pending") == 0
    record_survey(desk, session, "ktpel", [4] * 9, "x" * MAX_COMMENT + "   ")
    assert desk.conn.execute("SELECT service FROM survey_pending").fetchone()[0] == "KTPEL"


def test_index_per_service_and_days(desk: Desk, session: StaffSession, clock: FixedClock) -> None:
    assert survey_index(desk) is None
    # KTPEL, two respondents: U1 (4+2)/2=3, U2..U9 (3+3)/2=3 except U4 (4+4)/2=4.
    record_survey(desk, session, "KTPEL", [4, 3, 3, 4, 3, 3, 3, 3, 3])
    clock.advance(days=1)
    record_survey(desk, session, "KTPEL", [2, 3, 3, 4, 3, 3, 3, 3, 3])
    record_survey(desk, session, "SKD", [1] * 9)
    r = survey_index(desk, service="KTPEL")
    assert r is not None and r.respondents == 2
    assert r.nrr == (3.0, 3.0, 3.0, 4.0, 3.0, 3.0, 3.0, 3.0, 3.0)
    # sum NRR = 28; official 28 x 0.111 x 25 = 77.7 (B); exact 28 / 9 x 25 = 77.78.
    assert round(r.ikm_official, 2) == 77.7
    assert round(r.ikm_exact, 2) == 77.78
    assert r.grade == "B"
    first_day = survey_index(desk, service="KTPEL", day_to="2026-11-02")
    assert first_day is not None and first_day.respondents == 1
    assert first_day.nrr[0] == 4.0
    later = survey_index(desk, day_from="2026-11-03")
    assert later is not None and later.respondents == 2
    everything = survey_index(desk)
    assert everything is not None and everything.respondents == 3
    assert survey_index(desk, service="SKD", day_to="2026-11-02") is None


def test_audit_chain_still_verifies(desk: Desk, session: StaffSession) -> None:
    register(desk, session, reg(desk))
    record_survey(desk, session, "KTPEL", [3] * 9, "Terima kasih")
    register(desk, session, reg(desk, name="Warga B"))
    result = audit(desk)
    assert result.ok, result.problems
