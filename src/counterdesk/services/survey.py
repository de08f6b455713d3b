"""The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017) and its index (IKM).

An answer is anonymous: the event carries the service code, the day, the nine scores and
an optional comment, but no request id, receipt or name. Nor does its place in the log
give the citizen away: answers wait in ``survey_pending`` and enter the log as a shuffled
batch once ``BATCH`` have been given, or all together at the next export or sync
(:func:`flush_surveys`), never right after the hand-over they followed. The desk's own
index counts waiting answers at once.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from typing import Final

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.skm import EXACT_WEIGHT, MAX_COMMENT, SkmResult, check_scores, compute
from counterdesk.services.desk import Desk
from counterdesk.services.staff import StaffSession

_SELECT = "SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM surveys"
_PENDING = "SELECT scores FROM survey_pending"
BATCH: Final = 3  # answers that enter the event log together
SURVEY_STAFF: Final = "survey"  # who the batched events are recorded by


def record_survey(
    desk: Desk, session: StaffSession, service: str, scores: Sequence[int], comment: str = ""
) -> None:
    """Record one citizen's answers for a service of the catalogue."""
    checked = check_scores(list(scores))
    code = desk.catalogue.get(service).code
    text = comment.strip()
    if len(text) > MAX_COMMENT:
        raise ValidationError(
            f"the comment is too long ({len(text)} characters; at most {MAX_COMMENT})",
            code="skm_comment_long",
            length=len(text),
            limit=MAX_COMMENT,
        )
    with desk.transaction():
        desk.conn.execute(
            "INSERT INTO survey_pending (service, day, scores, comment) VALUES (?, ?, ?, ?)",
            [code, desk.now().date().isoformat(), json.dumps(list(checked)), text],
        )
        waiting = desk.conn.execute("SELECT count(*) FROM survey_pending").fetchone()[0]
        if waiting >= BATCH:
            _flush(desk)


def flush_surveys(desk: Desk) -> int:
    """Put every waiting answer into the event log (before an export or a sync)."""
    if desk.conn.execute("SELECT 1 FROM survey_pending LIMIT 1").fetchone() is None:
        return 0
    with desk.transaction():
        return _flush(desk)


def _flush(desk: Desk) -> int:
    """The waiting answers as ``survey_recorded`` events in random order (in a transaction)."""
    rows = desk.conn.execute(
        "SELECT id, service, day, scores, comment FROM survey_pending"
    ).fetchall()
    random.SystemRandom().shuffle(rows)
    for row in rows:
        desk.record(
            EventKind.SURVEY_RECORDED,
            staff=SURVEY_STAFF,
            request_id=None,
            data={
                "service": row["service"],
                "day": row["day"],
                "scores": json.loads(row["scores"]),
                "comment": row["comment"],
            },
        )
    desk.conn.execute("DELETE FROM survey_pending")
    return len(rows)


def survey_index(
    desk: Desk,
    *,
    service: str | None = None,
    day_from: str | None = None,
    day_to: str | None = None,
    weight: float = EXACT_WEIGHT,
) -> SkmResult | None:
    """The index over the recorded answers (optionally one service, days inclusive), with
    the exact weight 1/9 unless the rounded 0.111 is asked for."""
    where: list[str] = []
    params: list[str] = []
    if service is not None:
        where.append("service = ?")
        params.append(service.strip().upper())
    if day_from is not None:
        where.append("day >= ?")
        params.append(day_from)
    if day_to is not None:
        where.append("day <= ?")
        params.append(day_to)
    condition = " WHERE " + " AND ".join(where) if where else ""
    rows = [tuple(row) for row in desk.conn.execute(_SELECT + condition, params)]
    for (scores,) in desk.conn.execute(_PENDING + condition, params):
        rows.append(tuple(json.loads(scores)))
    return compute(rows, weight)
