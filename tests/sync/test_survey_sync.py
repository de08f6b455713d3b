"""Survey answers waiting for their batch travel with the next stick or HTTP sync, and the
hub counts each on the day it was given (not the day it entered the desk's log)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from counterdesk.hub.hub import Hub
from counterdesk.hub.stats import Period, skm
from counterdesk.services.desk import Desk
from counterdesk.services.staff import authenticate
from counterdesk.services.survey import record_survey
from counterdesk.services.sync_http import sync_with_hub

from .helpers import ADMIN, PASSWORD, enrollment_bytes, live_hub, make_desk, make_hub, usb_trip


class Clock:
    def __init__(self) -> None:
        self.now = datetime.datetime(2026, 10, 31, 15, 0).astimezone()

    def __call__(self) -> datetime.datetime:
        return self.now


def hub_surveys(hub_root: Path) -> list[dict[str, object]]:
    with Hub.open(hub_root) as hub:
        rows = hub.conn.execute(
            "SELECT data FROM events WHERE kind = 'survey_recorded' ORDER BY seq"
        ).fetchall()
    return [json.loads(r[0]) for r in rows]


def test_waiting_answers_travel_with_the_next_trip(tmp_path: Path) -> None:
    hub_root = make_hub(tmp_path / "hub")
    clock = Clock()
    root = make_desk(tmp_path / "desk", enrollment_bytes(hub_root))
    with Desk.open(root, clock=clock) as desk:
        session = authenticate(desk, ADMIN, PASSWORD)
        record_survey(desk, session, "SKTM", [4] * 9)  # 31 October, one answer: it waits
        clock.now += datetime.timedelta(days=1)  # the stick goes on 1 November
        usb_trip(desk, hub_root, tmp_path / "stick")
        assert hub_surveys(hub_root) == [
            {"service": "SKTM", "day": "2026-10-31", "scores": [4] * 9, "comment": ""}
        ]
        record_survey(desk, session, "SKTM", [3] * 9, "Cepat")
        with live_hub(hub_root) as url:
            assert sync_with_hub(desk, url).pending == 0
    assert [s["day"] for s in hub_surveys(hub_root)] == ["2026-10-31", "2026-11-01"]
    with Hub.open(hub_root) as hub:
        october = skm(hub, Period.month("2026-10"))
        november = skm(hub, Period.month("2026-11"))
    assert {row.result.respondents for row in october} == {1}
    assert {row.result.respondents for row in november} == {1}
