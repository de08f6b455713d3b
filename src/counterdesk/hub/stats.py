"""The district's figures: pure functions over the hub database, typed results, no HTML.

Every figure is for a :class:`Period` (a month or an inclusive range of days) and optionally
one post, desk or service (:class:`Scope`). A request belongs to the period of its
registration (the desk's local date). Durations are differences of one desk's own
``recorded_at`` times, so a desk whose clock is wrong by a constant offset still measures
right. Counting rules:

* volumes: requests by post x service x current status;
* completion within promised time: requests that became ``ready`` or ``collected`` (first
  such change), on time when that day is not after the due date;
* overdue: due date before today (the hub's date) and not collected, rejected, cancelled or
  referred (the desk's own rule, ``RequestView.overdue``); how late is counted in working
  days (weekends and district holidays skipped);
* waiting times: registration -> first call, first call -> first ready/collected/rejected/
  referred, registration -> collected; median, p90 (nearest rank) and count, in minutes;
* referrals: requests moved to ``referred``, by agency, with the current outcome (latest
  ``referral_outcome`` event per request, duplicates of one ``outcome_id`` counted once);
* complaints: distinct ``complaint_id`` received in the period, answered by its end, open;
* satisfaction: ``survey_recorded`` answers of the period through :mod:`domain.skm`.
"""

from __future__ import annotations

import calendar as _calendar
import datetime
import json
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from counterdesk.domain.calendar import MONTHS_ID, WorkingCalendar, district_calendar
from counterdesk.domain.catalogue import Catalogue, parse_catalogue
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.skm import ELEMENTS, EXACT_WEIGHT, SkmResult, check_scores, compute
from counterdesk.hub import refdata
from counterdesk.hub.hub import Hub
from counterdesk.hub.ledger import valid
from counterdesk.hub.store import SURVEY_DAY
from counterdesk.sync import payloads

ALL = "*"  # the post or service of a total row
FINAL_STATUSES = ("collected", "rejected", "cancelled")
STATUSES = (
    "registered",
    "in_progress",
    "ready",
    "collected",
    "referred",
    "rejected",
    "cancelled",
)
COMPLETED = ("ready", "collected")
SERVICE_END = ("ready", "collected", "rejected", "referred")
OUTCOMES = ("issued", "refused", "pending")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
# Periods the hub can hold figures for: nothing before the first desk, nothing so far
# ahead that date arithmetic (the day after the end) overflows; at most ten years at once.
MIN_YEAR = 2000
MAX_YEAR = 2100
MAX_PERIOD_DAYS = 3660


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            f"{text.strip()[:40]!r} is outside the years {MIN_YEAR}-{MAX_YEAR} the hub reports on",
            code="period_range",
        )


# ----------------------------------------------------------------------------- scope
@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def month(cls, text: str) -> Period:
        m = _MONTH.fullmatch(text.strip())
        if m is None or not 1 <= int(m.group(2)) <= 12:
            raise ValidationError(
                f"the month must be written YYYY-MM, e.g. 2026-11; got {text[:40]!r}",
                code="month",
            )
        year, month = int(m.group(1)), int(m.group(2))
        _check_year(year, text)
        last = _calendar.monthrange(year, month)[1]
        return cls(datetime.date(year, month, 1), datetime.date(year, month, last))

    @classmethod
    def days(cls, start: str, end: str) -> Period:
        try:
            first = datetime.date.fromisoformat(start.strip())
            last = datetime.date.fromisoformat(end.strip())
        except ValueError:
            raise ValidationError(
                f"days must be written YYYY-MM-DD; got {start[:40]!r} and {end[:40]!r}",
                code="days",
            ) from None
        _check_year(first.year, start)
        _check_year(last.year, end)
        if last < first:
            raise ValidationError(
                f"the period ends ({last}) before it starts ({first})", code="days"
            )
        if (last - first).days >= MAX_PERIOD_DAYS:
            raise ValidationError(
                f"the period from {first} to {last} is longer than {MAX_PERIOD_DAYS} days; "
                "choose a shorter one",
                code="days",
            )
        return cls(first, last)

    @property
    def key(self) -> str:
        """``YYYY-MM`` for a whole month, else ``FROM..TO``."""
        whole = self.start.day == 1 and self.end == Period.month(f"{self.start:%Y-%m}").end
        if whole:
            return f"{self.start:%Y-%m}"
        return f"{self.start}..{self.end}"

    @property
    def label(self) -> str:
        if "." not in self.key:
            return f"{MONTHS_ID[self.start.month - 1]} {self.start.year}"
        return f"{self.start:%d-%m-%Y} s.d. {self.end:%d-%m-%Y}"

    @property
    def lower(self) -> str:
        return self.start.isoformat()

    @property
    def upper(self) -> str:
        """Exclusive upper bound for ISO timestamps (the day after ``end``)."""
        return (self.end + datetime.timedelta(days=1)).isoformat()

    def contains(self, timestamp: str) -> bool:
        return self.lower <= timestamp[:10] <= self.end.isoformat()


@dataclass(frozen=True)
class Scope:
    """Optional narrowing: one post, one desk, one service (codes as stored)."""

    post: str | None = None
    desk: str | None = None
    service: str | None = None


# ----------------------------------------------------------------------------- results
@dataclass(frozen=True)
class DeskInfo:
    code: str
    name: str
    post: str


@dataclass(frozen=True)
class VolumeRow:
    post: str
    service: str
    service_name: str
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class CompletionRow:
    post: str
    service: str
    service_name: str
    completed: int
    on_time: int

    @property
    def late(self) -> int:
        return self.completed - self.on_time

    @property
    def on_time_percent(self) -> float | None:
        return 100.0 * self.on_time / self.completed if self.completed else None


@dataclass(frozen=True)
class OverdueRequest:
    desk: str
    post: str
    receipt: str
    service: str
    service_name: str
    status: str
    registered_at: str
    due_date: str
    working_days_late: int


@dataclass(frozen=True)
class Durations:
    """Minutes: median, p90 (nearest rank) and how many were measured."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Durations:
        if not values:
            return cls(0, None, None)
        ordered = sorted(values)
        n = len(ordered)
        mid = n // 2
        median = ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
        p90 = ordered[max(0, math.ceil(0.9 * n) - 1)]
        return cls(n, median, p90)


@dataclass(frozen=True)
class TimesRow:
    post: str
    service: str
    service_name: str
    wait: Durations  # registration (ticket) -> first call
    service_time: Durations  # first call -> first ready/collected/rejected/referred
    collection: Durations  # registration -> collected


@dataclass(frozen=True)
class ReferralRow:
    agency: str
    service: str
    service_name: str
    referred: int
    outcomes: dict[str, int]  # issued / refused / pending
    no_outcome: int


@dataclass(frozen=True)
class ComplaintRow:
    service: str
    service_name: str
    received: int
    answered: int

    @property
    def open(self) -> int:
        return self.received - self.answered


@dataclass(frozen=True)
class SkmRow:
    post: str
    service: str
    service_name: str
    totals: tuple[int, ...]  # jumlah nilai per element U1..U9
    result: SkmResult


@dataclass(frozen=True)
class Overview:
    desks: int
    posts: int
    requests: int
    completed: int
    on_time: int
    overdue: int
    referred: int
    complaints_open: int
    skm: SkmResult | None


@dataclass(frozen=True)
class Monthly:
    """Everything the monthly report prints."""

    district: str
    period: Period
    scope: Scope
    today: datetime.date
    posts: list[str]
    volumes: list[VolumeRow]
    completion: list[CompletionRow]
    times: list[TimesRow]
    referrals: list[ReferralRow]
    complaints: list[ComplaintRow]
    skm: list[SkmRow]
    overdue: list[OverdueRequest]
    overdue_total: int
    service_names: dict[str, str] = field(default_factory=dict)
    skm_weight: float = EXACT_WEIGHT  # the IKM weight every ``skm`` row used


# ----------------------------------------------------------------------------- helpers
def today(hub: Hub) -> datetime.date:
    """The hub's date (its clock)."""
    return hub.clock().date()


def catalogue(hub: Hub) -> Catalogue | None:
    item = hub.refdata(payloads.CATALOGUE)
    if item is None:
        return None
    return parse_catalogue(item.data)


def service_names(hub: Hub) -> dict[str, str]:
    cat = catalogue(hub)
    return {s.code: s.name.id for s in cat.services} if cat else {}


def referral_agencies(hub: Hub) -> dict[str, str]:
    cat = catalogue(hub)
    if cat is None:
        return {}
    return {s.code: (s.referral.agency.id if s.referral else s.agency.id) for s in cat.services}


def working_calendar(hub: Hub) -> WorkingCalendar:
    """The desks' calendar (:func:`counterdesk.domain.calendar.district_calendar`): national
    holidays and cuti bersama, overruled by the district's holiday list."""
    return district_calendar(refdata.district_days(hub))


def desks(hub: Hub) -> dict[str, DeskInfo]:
    with hub.lock:
        rows = hub.conn.execute("SELECT code, name, post FROM desks ORDER BY code").fetchall()
    return {r["code"]: DeskInfo(r["code"], r["name"], r["post"]) for r in rows}


def posts(hub: Hub) -> list[str]:
    return sorted({d.post for d in desks(hub).values()})


def _scope_desks(hub: Hub, scope: Scope) -> tuple[dict[str, DeskInfo], list[str] | None]:
    """All desks by code, and the codes the scope allows (None: every desk)."""
    every = desks(hub)
    allowed: list[str] | None = None
    if scope.post is not None:
        allowed = [c for c, d in every.items() if d.post == scope.post]
    if scope.desk is not None:
        wanted = scope.desk.strip().upper()
        allowed = [c for c in (allowed if allowed is not None else list(every)) if c == wanted]
    return every, allowed


def _request_filter(
    alias: str, scope: Scope, allowed: list[str] | None, period: Period | None
) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if period is not None:
        where.append(f"{alias}.registered_at >= ? AND {alias}.registered_at < ?")
        params += [period.lower, period.upper]
    if allowed is not None:
        where.append(f"{alias}.desk IN ({','.join('?' * len(allowed)) or 'NULL'})")
        params += allowed
    if scope.service is not None:
        where.append(f"{alias}.service = ?")
        params.append(scope.service.strip().upper())
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _minutes(later: str, earlier: str) -> float | None:
    try:
        delta = datetime.datetime.fromisoformat(later) - datetime.datetime.fromisoformat(earlier)
    except (TypeError, ValueError):
        return None
    return delta.total_seconds() / 60


def _post(every: dict[str, DeskInfo], desk: str) -> str:
    info = every.get(desk)
    return info.post if info else desk


def _keys(post: str, service: str) -> tuple[tuple[str, str], ...]:
    """The rows a request counts in: its post and service, its post's total, the total."""
    return ((post, service), (post, ALL), (ALL, ALL))


def _order(key: tuple[str, str]) -> tuple[int, str, int, str]:
    post, service = key
    return (post == ALL, post, service == ALL, service)


# ----------------------------------------------------------------------------- figures
def volumes(hub: Hub, period: Period, scope: Scope = Scope()) -> list[VolumeRow]:
    """Requests registered in the period by post x service x current status, with totals."""
    every, allowed = _scope_desks(hub, scope)
    where, params = _request_filter("r", scope, allowed, period)
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT r.desk, r.service, r.status, count(*) AS n FROM requests r"  # noqa: S608 (placeholders only)
            f"{where} GROUP BY r.desk, r.service, r.status",
            params,
        ).fetchall()
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for r in rows:
        for key in _keys(_post(every, r["desk"]), r["service"]):
            counts[key][r["status"]] = counts[key].get(r["status"], 0) + int(r["n"])
    names = service_names(hub)
    return [
        VolumeRow(k[0], k[1], names.get(k[1], k[1]), counts[k]) for k in sorted(counts, key=_order)
    ]


@dataclass
class _Flow:
    desk: str
    service: str
    due_date: str
    registered: str = ""
    first_call: str = ""
    service_end: str = ""
    completed: str = ""
    collected: str = ""
    referred: bool = False
    request_id: str = ""


def _flows(hub: Hub, period: Period, scope: Scope, allowed: list[str] | None) -> list[_Flow]:
    """Each request of the period with the moments that matter, from its own desk's events."""
    where, params = _request_filter("r", scope, allowed, period)
    kinds = ("request_registered", "ticket_called", "status_changed")
    sql = (
        "SELECT r.desk, r.request_id, r.service, r.due_date, e.kind, e.recorded_at,"  # noqa: S608 (placeholders only)
        " CASE e.kind WHEN 'status_changed' THEN json_extract(e.data, '$.to') END AS to_status"
        " FROM requests r JOIN events e ON e.desk = r.desk AND e.request_id = r.request_id"
        f"{where}{' AND' if where else ' WHERE'} e.kind IN ({','.join('?' * len(kinds))})"
        f" AND {valid('e')}"
        " ORDER BY r.desk, r.request_id, e.seq, e.epoch"
    )
    with hub.lock:
        rows = hub.conn.execute(sql, [*params, *kinds]).fetchall()
    flows: list[_Flow] = []
    current: _Flow | None = None
    current_key: tuple[str, str] | None = None
    for r in rows:
        key = (r["desk"], r["request_id"])
        if key != current_key:
            current = _Flow(r["desk"], r["service"], r["due_date"], request_id=r["request_id"])
            current_key = key
            flows.append(current)
        assert current is not None
        kind, at = r["kind"], r["recorded_at"]
        if kind == "request_registered":
            current.registered = current.registered or at
        elif kind == "ticket_called":
            current.first_call = current.first_call or at
        elif kind == "status_changed":
            to = str(r["to_status"] or "")
            if to in SERVICE_END and not current.service_end:
                current.service_end = at
            if to in COMPLETED and not current.completed:
                current.completed = at
            if to == "collected" and not current.collected:
                current.collected = at
            if to == "referred":
                current.referred = True
    return flows


def completion(hub: Hub, period: Period, scope: Scope = Scope()) -> list[CompletionRow]:
    every, allowed = _scope_desks(hub, scope)
    return _completion(_flows(hub, period, scope, allowed), every, service_names(hub))


def _completion(
    flows: list[_Flow], every: dict[str, DeskInfo], names: dict[str, str]
) -> list[CompletionRow]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for f in flows:
        if not f.completed:
            continue
        on_time = bool(f.due_date) and f.completed[:10] <= f.due_date
        for key in _keys(_post(every, f.desk), f.service):
            counts[key][0] += 1
            counts[key][1] += int(on_time)
    return [
        CompletionRow(k[0], k[1], names.get(k[1], k[1]), v[0], v[1])
        for k, v in sorted(counts.items(), key=lambda kv: _order(kv[0]))
    ]


def times(hub: Hub, period: Period, scope: Scope = Scope()) -> list[TimesRow]:
    every, allowed = _scope_desks(hub, scope)
    return _times(_flows(hub, period, scope, allowed), every, service_names(hub))


def _times(flows: list[_Flow], every: dict[str, DeskInfo], names: dict[str, str]) -> list[TimesRow]:
    samples: dict[tuple[str, str], tuple[list[float], list[float], list[float]]] = defaultdict(
        lambda: ([], [], [])
    )
    for f in flows:
        pairs = (
            (f.first_call, f.registered),
            (f.service_end, f.first_call),
            (f.collected, f.registered),
        )
        values = [
            _minutes(later, earlier) if later and earlier else None for later, earlier in pairs
        ]
        for key in _keys(_post(every, f.desk), f.service):
            for i, value in enumerate(values):
                if value is not None and value >= 0:  # a clock set back mid-way: not measured
                    samples[key][i].append(value)
    return [
        TimesRow(
            k[0],
            k[1],
            names.get(k[1], k[1]),
            Durations.of(v[0]),
            Durations.of(v[1]),
            Durations.of(v[2]),
        )
        for k, v in sorted(samples.items(), key=lambda kv: _order(kv[0]))
        if any(v)
    ]


def referrals(hub: Hub, period: Period, scope: Scope = Scope()) -> list[ReferralRow]:
    """Requests of the period moved to referred, by agency and service, with outcomes."""
    _every, allowed = _scope_desks(hub, scope)
    flows = _flows(hub, period, scope, allowed)
    outcomes = _outcomes(hub, period, scope, allowed)
    return _referrals(flows, outcomes, referral_agencies(hub), service_names(hub))


def _outcomes(
    hub: Hub, period: Period, scope: Scope, allowed: list[str] | None
) -> dict[tuple[str, str], tuple[str, str]]:
    """The current outcome (and agency) of each referred request of the period.

    From the hub's projection ``referral_outcomes`` (one row per ``outcome_id``, whether the
    desk or an officer at the hub recorded it): the latest is the one not yet echoed by the
    desk, else the one with the highest desk seq (as ``hub.citizen`` orders them).
    """
    where, params = _request_filter("r", scope, allowed, period)
    sql = (
        "SELECT o.desk, o.request_id, o.outcome, o.agency, o.desk_seq, o.rowid AS n"  # noqa: S608 (placeholders only)
        " FROM referral_outcomes o JOIN requests r"
        f" ON r.desk = o.desk AND r.request_id = o.request_id{where}"
    )
    with hub.lock:
        rows = hub.conn.execute(sql, params).fetchall()
    best: dict[tuple[str, str], tuple[tuple[bool, int, int], str, str]] = {}
    for r in rows:
        if r["outcome"] not in OUTCOMES:
            continue
        order = (r["desk_seq"] is None, int(r["desk_seq"] or 0), int(r["n"]))
        key = (r["desk"], r["request_id"])
        if key not in best or order > best[key][0]:
            best[key] = (order, r["outcome"], r["agency"])
    return {k: (v[1], v[2]) for k, v in best.items()}


def _referrals(
    flows: list[_Flow],
    outcomes: dict[tuple[str, str], tuple[str, str]],
    agencies: dict[str, str],
    names: dict[str, str],
) -> list[ReferralRow]:
    rows: dict[tuple[str, str], tuple[list[int], dict[str, int]]] = {}
    for f in flows:
        if not f.referred:
            continue
        outcome, agency = outcomes.get((f.desk, f.request_id), ("", ""))
        agency = agency or agencies.get(f.service, "") or "-"
        counts, per = rows.setdefault((agency, f.service), ([0, 0], dict.fromkeys(OUTCOMES, 0)))
        counts[0] += 1
        if outcome:
            per[outcome] += 1
        else:
            counts[1] += 1
    return [
        ReferralRow(agency, service, names.get(service, service), c[0], o, c[1])
        for (agency, service), (c, o) in sorted(rows.items())
    ]


def complaints(hub: Hub, period: Period, scope: Scope = Scope()) -> list[ComplaintRow]:
    """Complaints received in the period per service (each ``complaint_id`` once, from the
    hub's ``complaints`` projection), answered by the period's end (at a desk or the hub)."""
    _every, allowed = _scope_desks(hub, scope)
    sql = (
        "SELECT c.service, count(*) AS received,"
        " count(a.complaint_id) AS answered FROM complaints c"
        " LEFT JOIN complaint_answers a ON a.complaint_id = c.complaint_id"
        " AND a.answered_at < ?"
        " WHERE c.recorded_at >= ? AND c.recorded_at < ?"
    )
    params: list[Any] = [period.upper, period.lower, period.upper]
    if allowed is not None:
        sql += f" AND c.desk IN ({','.join('?' * len(allowed)) or 'NULL'})"
        params += allowed
    if scope.service is not None:
        sql += " AND c.service = ?"
        params.append(scope.service.strip().upper())
    with hub.lock:
        rows = hub.conn.execute(sql + " GROUP BY c.service ORDER BY c.service", params).fetchall()
    names = service_names(hub)
    out = [
        ComplaintRow(r["service"], names.get(r["service"], r["service"]), r[1], r[2]) for r in rows
    ]
    if out:
        out.append(
            ComplaintRow(ALL, ALL, sum(c.received for c in out), sum(c.answered for c in out))
        )
    return out


def skm(
    hub: Hub, period: Period, scope: Scope = Scope(), weight: float = EXACT_WEIGHT
) -> list[SkmRow]:
    """The satisfaction index per post and service (and totals) from the period's answers."""
    every, allowed = _scope_desks(hub, scope)
    wanted = scope.service.strip().upper() if scope.service else None
    answers: dict[tuple[str, str], list[tuple[int, ...]]] = defaultdict(list)
    # An answer counts on the day it was given, which may be before it entered the log
    # (desks batch them). kind = 'survey_recorded' and SURVEY_DAY written out as in the
    # partial index events_survey_day (m006), so that the index is used.
    sql = (
        "SELECT desk, data FROM events WHERE kind = 'survey_recorded'"  # noqa: S608 (a constant)
        f" AND {SURVEY_DAY} BETWEEN ? AND ? AND {valid()}"
    )
    params: list[Any] = [period.start.isoformat(), period.end.isoformat()]
    if allowed is not None:
        sql += f" AND desk IN ({','.join('?' * len(allowed)) or 'NULL'})"
        params += allowed
    with hub.lock:
        rows = hub.conn.execute(sql + " ORDER BY desk, epoch, seq", params).fetchall()
    for row in rows:
        desk = row["desk"]
        try:
            data = json.loads(row["data"])
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        service = str(data.get("service", ""))
        if wanted is not None and service != wanted:
            continue
        try:
            scores = check_scores(list(data.get("scores") or []))
        except ValidationError:
            continue  # a malformed answer is left out, not allowed to break the index
        for key in _keys(_post(every, desk), service):
            answers[key].append(scores)
    names = service_names(hub)
    out = []
    for key in sorted(answers, key=_order):
        result = compute(answers[key], weight)
        if result is None:
            continue
        totals = tuple(sum(a[i] for a in answers[key]) for i in range(len(ELEMENTS)))
        out.append(SkmRow(key[0], key[1], names.get(key[1], key[1]), totals, result))
    return out


_NOT_OVERDUE = (*FINAL_STATUSES, "referred")  # as the desk counts


def overdue(
    hub: Hub,
    scope: Scope = Scope(),
    *,
    period: Period | None = None,
    on: datetime.date | None = None,
    limit: int = 500,
) -> tuple[int, list[OverdueRequest]]:
    """Requests past their due date that are not done: (how many, the oldest ``limit``)."""
    day = on or today(hub)
    every, allowed = _scope_desks(hub, scope)
    where, params = _request_filter("r", scope, allowed, period)
    where += (" AND" if where else " WHERE") + " r.due_date != '' AND r.due_date < ?"
    where += f" AND r.status NOT IN ({','.join('?' * len(_NOT_OVERDUE))})"
    params += [day.isoformat(), *_NOT_OVERDUE]
    with hub.lock:
        total = int(
            hub.conn.execute(f"SELECT count(*) FROM requests r{where}", params).fetchone()[0]  # noqa: S608
        )
        rows = hub.conn.execute(
            "SELECT r.desk, r.receipt, r.service, r.status, r.registered_at, r.due_date"  # noqa: S608 (placeholders only)
            f" FROM requests r{where} ORDER BY r.due_date, r.desk, r.receipt LIMIT ?",
            [*params, limit],
        ).fetchall()
    cal = working_calendar(hub)
    names = service_names(hub)
    out = []
    for r in rows:
        try:
            due = datetime.date.fromisoformat(r["due_date"])
        except ValueError:
            continue
        out.append(
            OverdueRequest(
                r["desk"],
                _post(every, r["desk"]),
                r["receipt"],
                r["service"],
                names.get(r["service"], r["service"]),
                r["status"],
                r["registered_at"],
                r["due_date"],
                cal.working_days_between(due, day),
            )
        )
    return total, out


def overview(hub: Hub, period: Period) -> Overview:
    """Headline numbers for the period (district-wide)."""
    every, _allowed = _scope_desks(hub, Scope())
    names = service_names(hub)
    vols = volumes(hub, period)
    total = next((v for v in vols if v.post == ALL), None)
    flows = _flows(hub, period, Scope(), None)
    done = next((c for c in _completion(flows, every, names) if c.post == ALL), None)
    late, _ = overdue(hub, limit=0)
    open_complaints = next((c.open for c in complaints(hub, period) if c.service == ALL), 0)
    index = next((s.result for s in skm(hub, period) if s.post == ALL), None)
    return Overview(
        desks=len(every),
        posts=len({d.post for d in every.values()}),
        requests=total.total if total else 0,
        completed=done.completed if done else 0,
        on_time=done.on_time if done else 0,
        overdue=late,
        referred=sum(1 for f in flows if f.referred),
        complaints_open=open_complaints,
        skm=index,
    )


def monthly(
    hub: Hub, period: Period, scope: Scope = Scope(), weight: float = EXACT_WEIGHT
) -> Monthly:
    """Every table of the monthly report."""
    late_total, late = overdue(hub, scope, period=period, limit=200)
    every, allowed = _scope_desks(hub, scope)
    names = service_names(hub)
    flows = _flows(hub, period, scope, allowed)
    return Monthly(
        district=hub.info.district,
        period=period,
        scope=scope,
        today=today(hub),
        posts=posts(hub),
        volumes=volumes(hub, period, scope),
        completion=_completion(flows, every, names),
        times=_times(flows, every, names),
        referrals=_referrals(
            flows, _outcomes(hub, period, scope, allowed), referral_agencies(hub), names
        ),
        complaints=complaints(hub, period, scope),
        skm=skm(hub, period, scope, weight),
        skm_weight=weight,
        overdue=late,
        overdue_total=late_total,
        service_names=names,
    )


def months_with_data(hub: Hub) -> list[str]:
    """``YYYY-MM`` of every month that has requests, newest first."""
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT DISTINCT substr(registered_at, 1, 7) FROM requests ORDER BY 1 DESC"
        ).fetchall()
    return [r[0] for r in rows if _MONTH.fullmatch(r[0] or "")]
