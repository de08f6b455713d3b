"""The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017) and its index (IKM).

An answer is anonymous: the event carries the service code, the nine scores and
an optional comment, but no request id, receipt or name.
"""

from __future__ import annotations

from collections.abc import Sequence

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.skm import MAX_COMMENT, SkmResult, check_scores, compute
from counterdesk.services.desk import Desk
from counterdesk.services.staff import StaffSession

_SELECT = "SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM surveys"


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
        desk.record(
            EventKind.SURVEY_RECORDED,
            staff=session.name,
            request_id=None,
            data={"service": code, "scores": list(checked), "comment": text},
        )


def survey_index(
    desk: Desk,
    *,
    service: str | None = None,
    day_from: str | None = None,
    day_to: str | None = None,
) -> SkmResult | None:
    """The index over the recorded answers (optionally one service, days inclusive)."""
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
    sql = _SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = desk.conn.execute(sql, params).fetchall()
    return compute([tuple(row) for row in rows])
