"""The hub's figures (hub/stats.py) on hand-built events with answers worked out by hand."""

from __future__ import annotations

import datetime
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import Event
from counterdesk.domain.numbering import receipt_number
from counterdesk.domain.skm import compute
from counterdesk.hub import stats
from counterdesk.hub.citizen import project_events, record_referral_outcome
from counterdesk.hub.hub import Hub, init_hub
from counterdesk.hub.ledger import rebuild_request
from counterdesk.hub.stats import ALL, Period, Scope
from counterdesk.sync.payloads import WireEvent

WIB = "+07:00"
TODAY = datetime.datetime(2026, 11, 10, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


class DeskLog:
    """One desk's events written straight into the hub's tables, as ingest stores them."""

    def __init__(self, hub: Hub, code: str, post: str) -> None:
        self.hub, self.code, self.seq = hub, code, 0
        self.epoch = uuid.uuid4().hex
        with hub.transaction():
            hub.conn.execute(
                "INSERT INTO desks (code, name, post, enrollment_id, enrollment_secret,"
                " issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                [code, f"Meja {code}", post, uuid.uuid4().hex, b"x", "2026-10-01T08:00:00+07:00"],
            )
            hub.conn.execute(
                "INSERT INTO epochs (desk, epoch, first_seen) VALUES (?, ?, ?)",
                [code, self.epoch, "2026-10-01T08:00:00+07:00"],
            )

    def add(self, kind: str, at: str, request_id: str | None = None, **data: Any) -> None:
        self.seq += 1
        with self.hub.transaction():
            self.hub.conn.execute(
                "INSERT INTO events (desk, epoch, seq, event_id, kind, recorded_at, staff,"
                " request_id, data, prev_hash, hash, bundle_id, received_at)"
                " VALUES (?, ?, ?, ?, ?, ?, 'siti', ?, ?, '', '', 'b', ?)",
                [self.code, self.epoch, self.seq, uuid.uuid4().hex, kind, at, request_id,
                 json.dumps(data), at],
            )  # fmt: skip
            if request_id is not None:
                rebuild_request(self.hub.conn, self.code, request_id)
            event = Event(self.seq, self.code, self.epoch, uuid.uuid4().hex, kind, at, "siti",
                          request_id, data, "")  # fmt: skip
            project_events(self.hub.conn, self.code, [WireEvent(event, "")])

    def request(self, rid: str, service: str, at: str, due: str, receipt: str = "") -> None:
        self.add(
            "request_registered", at, rid,
            receipt=receipt or f"{self.code}/{rid}", ticket="A001", service=service,
            citizen={"name": "Siti"}, due_date=due,
        )  # fmt: skip

    def status(self, rid: str, at: str, to: str) -> None:
        self.add("status_changed", at, rid, to=to, note="")

    def call(self, rid: str, at: str) -> None:
        self.add("ticket_called", at, rid, ticket="A001")


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    h = init_hub(tmp_path / "hub", district="Kabupaten Bengkayang", clock=lambda: TODAY)
    yield h  # type: ignore[misc]
    h.close()


def at(day: int, hh: int, mm: int = 0, offset: str = WIB, month: int = 11) -> str:
    return f"2026-{month:02d}-{day:02d}T{hh:02d}:{mm:02d}:00{offset}"


NOV = Period.month("2026-11")


def test_period_parsing() -> None:
    assert (NOV.start, NOV.end, NOV.key, NOV.label) == (
        datetime.date(2026, 11, 1), datetime.date(2026, 11, 30), "2026-11", "November 2026",
    )  # fmt: skip
    assert Period.month("2024-02").end == datetime.date(2024, 2, 29)
    days = Period.days("2026-11-03", "2026-11-05")
    assert days.key == "2026-11-03..2026-11-05" and days.upper == "2026-11-06"
    for bad in ("2026-13", "26-11", "2026/11", "", "2026-11-01"):
        with pytest.raises(ValidationError, match="YYYY-MM"):
            Period.month(bad)
    with pytest.raises(ValidationError, match="before it starts"):
        Period.days("2026-11-05", "2026-11-03")


def test_waiting_times_use_each_desks_own_clock(hub: Hub) -> None:
    a = DeskLog(hub, "JGB-01", "Jagoi Babang")
    # B's clock is 3 h 20 min fast and set to another zone: its durations are still right
    b = DeskLog(hub, "SLS-01", "Siding")
    for log, shift in ((a, 0), (b, 200)):

        def t(day: int, hh: int, mm: int = 0, shift: int = shift, log: DeskLog = log) -> str:
            moment = datetime.datetime(2026, 11, day, hh, mm) + datetime.timedelta(minutes=shift)
            zone = WIB if log is a else "+08:00"
            return moment.isoformat() + zone

        log.request("r1", "SKTM", t(2, 8, 0), "2026-11-03")
        log.request("r2", "SKTM", t(2, 8, 5), "2026-11-03")
        log.request("r3", "SKTM", t(2, 8, 6), "2026-11-03")
        log.call("r1", t(2, 8, 12))  # wait 12
        log.call("r2", t(2, 8, 30))  # wait 25
        log.call("r2", t(2, 8, 35))  # called again: the first call counts
        log.status("r1", t(2, 8, 20), "in_progress")
        log.status("r1", t(2, 8, 40), "ready")  # service 28
        log.status("r2", t(2, 8, 50), "rejected")  # service 20
        log.status("r1", t(3, 9, 0), "collected")  # registration -> collection 25 h
        # r3 never called: counted in no waiting time
    rows = {(r.post, r.service): r for r in stats.times(hub, NOV)}
    for post in ("Jagoi Babang", "Siding"):
        r = rows[(post, "SKTM")]
        assert (r.wait.count, r.wait.median, r.wait.p90) == (2, 18.5, 25.0)
        assert (r.service_time.count, r.service_time.median, r.service_time.p90) == (2, 24.0, 28.0)
        assert (r.collection.count, r.collection.median) == (1, 25 * 60.0)
    total = rows[(ALL, ALL)]
    assert (total.wait.count, total.wait.median, total.wait.p90) == (4, 18.5, 25.0)
    only = stats.times(hub, NOV, Scope(post="Siding"))
    assert {(r.post, r.service) for r in only} == {("Siding", "SKTM"), ("Siding", ALL), (ALL, ALL)}
    assert stats.times(hub, Period.month("2026-10")) == []


def test_durations_percentiles() -> None:
    d = stats.Durations.of([float(x) for x in range(1, 11)])
    assert (d.count, d.median, d.p90) == (10, 5.5, 9.0)
    assert stats.Durations.of([7.0]) == stats.Durations(1, 7.0, 7.0)
    assert stats.Durations.of([]) == stats.Durations(0, None, None)


def test_overdue_counts_working_days_and_skips_holidays(hub: Hub) -> None:
    with hub.transaction():  # Monday 9 November is a holiday
        hub.conn.execute("INSERT INTO holidays (day, name) VALUES ('2026-11-09', 'Cuti')")
    log = DeskLog(hub, "JGB-01", "Jagoi Babang")
    log.request("late", "SKTM", at(4, 8), "2026-11-05", receipt="R-LATE")  # due Thursday
    log.request("ready", "SKTM", at(4, 8), "2026-11-06", receipt="R-READY")
    log.status("ready", at(5, 9), "in_progress")
    log.status("ready", at(6, 9), "ready")  # ready, not collected: still the desk's "overdue"
    log.request("done", "SKTM", at(4, 8), "2026-11-05")
    log.status("done", at(5, 9), "in_progress")
    log.status("done", at(5, 10), "ready")
    log.status("done", at(5, 11), "collected")
    log.request("ref", "KTPEL", at(4, 8), "2026-11-04")
    log.status("ref", at(4, 9), "referred")  # the other agency's time: not overdue
    log.request("today", "SKTM", at(9, 8), "2026-11-10")  # due today: not yet late
    total, rows = stats.overdue(hub)
    assert total == 2
    assert [(r.receipt, r.working_days_late) for r in rows] == [("R-LATE", 2), ("R-READY", 1)]
    assert rows[0].post == "Jagoi Babang" and rows[0].status == "registered"
    # on the holiday itself Friday is the only working day passed since Thursday
    _, on_holiday = stats.overdue(hub, on=datetime.date(2026, 11, 9))
    assert [(r.receipt, r.working_days_late) for r in on_holiday] == [("R-LATE", 1), ("R-READY", 0)]
    assert stats.overdue(hub, Scope(service="KTPEL"))[0] == 0
    assert stats.overdue(hub, limit=1)[0] == 2 and len(stats.overdue(hub, limit=1)[1]) == 1


def test_volumes_and_completion(hub: Hub) -> None:
    a = DeskLog(hub, "JGB-01", "Jagoi Babang")
    b = DeskLog(hub, "SLS-01", "Siding")
    a.request("a1", "SKTM", at(2, 8), "2026-11-03")
    a.status("a1", at(3, 9), "in_progress")
    a.status("a1", at(3, 15), "ready")  # on the due date: on time
    a.status("a1", at(4, 9), "collected")
    a.request("a2", "SKTM", at(2, 9), "2026-11-03")
    a.status("a2", at(4, 8), "in_progress")
    a.status("a2", at(4, 9), "ready")  # a day late
    a.request("a3", "KTPEL", at(2, 9), "2026-11-02")
    b.request("b1", "SKTM", at(30, 16), "2026-12-01")
    b.request("old", "SKTM", at(31, 9, month=10), "2026-11-02")  # October: not counted
    vols = {(v.post, v.service): v for v in stats.volumes(hub, NOV)}
    assert vols[(ALL, ALL)].total == 4
    assert vols[("Jagoi Babang", "SKTM")].by_status == {
        "registered": 0, "in_progress": 0, "ready": 1, "collected": 1, "referred": 0,
        "rejected": 0, "cancelled": 0,
    }  # fmt: skip
    assert vols[("Jagoi Babang", ALL)].total == 3
    assert vols[("Siding", "SKTM")].by_status["registered"] == 1
    assert {v.service for v in stats.volumes(hub, NOV, Scope(service="ktpel"))} == {"KTPEL", ALL}
    assert stats.volumes(hub, NOV, Scope(desk="SLS-01"))[-1].total == 1
    done = {(c.post, c.service): c for c in stats.completion(hub, NOV)}
    sktm = done[("Jagoi Babang", "SKTM")]
    assert (sktm.completed, sktm.on_time, sktm.late, sktm.on_time_percent) == (2, 1, 1, 50.0)
    assert ("Siding", "SKTM") not in done
    assert vols[("Jagoi Babang", "SKTM")].service_name.startswith("Surat Keterangan Tidak Mampu")


def test_referral_outcomes_deduplicated_latest_wins(hub: Hub) -> None:
    log = DeskLog(hub, "JGB-01", "Jagoi Babang")
    agency = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bengkayang"
    for i, rid in enumerate(("k1", "k2", "k3", "k4"), start=1):
        log.request(rid, "KTPEL", at(2, 8), "2026-11-02", receipt_number("JGB-01", log.epoch, i))
        log.status(rid, at(2, 9), "referred")
    log.request("k5", "KTPEL", at(2, 8), "2026-11-02")  # never referred

    def outcome(rid: str, oid: str, value: str, day: int) -> None:
        log.add("referral_outcome", at(day, 10), rid, outcome_id=oid, outcome=value,
                agency=agency, note="", recorded_by="hub", officer="budi")  # fmt: skip

    outcome("k1", "a" * 32, "pending", 3)
    outcome("k1", "b" * 32, "issued", 5)
    outcome("k1", "a" * 32, "pending", 6)  # the hub's outcome echoed back later: the same one
    outcome("k2", "c" * 32, "refused", 4)
    outcome("k2", "c" * 32, "refused", 4)
    outcome("k3", "d" * 32, "pending", 4)
    [row] = stats.referrals(hub, NOV)
    assert (row.agency, row.service, row.referred) == (agency, "KTPEL", 4)
    assert row.outcomes == {"issued": 1, "refused": 1, "pending": 1}
    assert row.no_outcome == 1
    # an officer at the hub records k3's outcome: it counts before the desk echoes it
    k3 = receipt_number("JGB-01", log.epoch, 3)
    record_referral_outcome(hub, "JGB-01", k3, "issued", "", "Budi")
    [row] = stats.referrals(hub, NOV)
    assert row.outcomes == {"issued": 2, "refused": 1, "pending": 0}


def test_complaints_distinct_and_answered_by_period_end(hub: Hub) -> None:
    log = DeskLog(hub, "JGB-01", "Jagoi Babang")
    other = DeskLog(hub, "SLS-01", "Siding")

    def complaint(desk: DeskLog, cid: str, service: str, when: str) -> None:
        desk.add("complaint_recorded", when, None, complaint_id=cid, service=service,
                 receipt="", channel="counter", text="Antre lama")  # fmt: skip

    def answer(desk: DeskLog, cid: str, when: str) -> None:
        desk.add("complaint_answered", when, None, complaint_id=cid, answer="Maaf",
                 answered_by="desk", officer="")  # fmt: skip

    complaint(log, "1" * 32, "SKTM", at(2, 9))
    complaint(log, "1" * 32, "SKTM", at(2, 9))  # the same complaint twice
    answer(log, "1" * 32, at(3, 9))
    answer(log, "1" * 32, at(4, 9))  # answered again: still one answered complaint
    complaint(log, "2" * 32, "SKTM", at(20, 9))
    answer(log, "2" * 32, at(2, 9, month=12))  # answered after the month
    complaint(other, "3" * 32, "KTPEL", at(21, 9))
    complaint(other, "4" * 32, "KTPEL", at(30, 9, month=10))  # October
    rows = {c.service: c for c in stats.complaints(hub, NOV)}
    assert (rows["SKTM"].received, rows["SKTM"].answered, rows["SKTM"].open) == (2, 1, 1)
    assert (rows["KTPEL"].received, rows["KTPEL"].open) == (1, 1)
    assert (rows[ALL].received, rows[ALL].answered, rows[ALL].open) == (3, 1, 2)
    assert {c.service for c in stats.complaints(hub, NOV, Scope(post="Siding"))} == {"KTPEL", ALL}
    dec = {c.service: c for c in stats.complaints(hub, Period.month("2026-12"))}
    assert dec == {}


def test_ikm_per_post_and_service_matches_domain_skm(hub: Hub) -> None:
    a = DeskLog(hub, "JGB-01", "Jagoi Babang")
    b = DeskLog(hub, "SLS-01", "Siding")
    answers_a = [
        [4, 4, 3, 4, 4, 3, 4, 4, 3],
        [3, 3, 3, 4, 3, 3, 4, 3, 3],
        [1, 2, 2, 1, 2, 2, 1, 2, 1],
    ]
    answers_b = [[4] * 9, [2, 2, 2, 2, 2, 2, 2, 2, 3]]
    for scores in answers_a:
        a.add("survey_recorded", at(5, 10), None, service="SKTM", scores=scores, comment="")
    for scores in answers_b:
        b.add("survey_recorded", at(6, 10), None, service="SKD", scores=scores, comment="")
    b.add("survey_recorded", at(6, 10), None, service="SKD", scores=[5] * 9, comment="")  # bad
    b.add("survey_recorded", at(6, 10, month=12), None, service="SKD", scores=[1] * 9, comment="")
    rows = {(s.post, s.service): s for s in stats.skm(hub, NOV)}
    expected_a = compute(answers_a)
    expected_all = compute(answers_a + answers_b)
    assert expected_a is not None and expected_all is not None
    assert rows[("Jagoi Babang", "SKTM")].result == expected_a
    assert rows[("Jagoi Babang", ALL)].result == expected_a
    assert rows[(ALL, ALL)].result == expected_all
    assert rows[("Siding", "SKD")].result.respondents == 2
    assert rows[("Jagoi Babang", "SKTM")].totals == (8, 9, 8, 9, 9, 8, 9, 9, 7)
    assert rows[(ALL, ALL)].result.grade == expected_all.grade
    # NRR 3 for U1..U8 and 3.5 for U9: (8 x 3 + 3.5) x 0.111 x 25 = 76.31, just under B
    assert round(rows[("Siding", "SKD")].result.ikm_official, 2) == 76.31
    assert rows[("Siding", "SKD")].result.grade == "C"
    only = stats.skm(hub, NOV, Scope(service="SKD"))
    assert {(s.post, s.service) for s in only} == {("Siding", "SKD"), ("Siding", ALL), (ALL, ALL)}


def test_overview_headlines(hub: Hub) -> None:
    log = DeskLog(hub, "JGB-01", "Jagoi Babang")
    log.request("x", "SKTM", at(2, 8), "2026-11-03")
    log.request("y", "KTPEL", at(2, 8), "2026-11-02")
    log.status("y", at(2, 9), "referred")
    log.add("survey_recorded", at(5, 10), None, service="SKTM", scores=[4] * 9, comment="")
    o = stats.overview(hub, NOV)
    assert (o.desks, o.posts, o.requests, o.overdue, o.referred) == (1, 1, 2, 1, 1)
    assert o.skm is not None and o.skm.grade == "A"
    assert stats.months_with_data(hub) == ["2026-11"]
