"""Rekap harian: one desk's day in figures, from its own database, and as a PDF.

The figures come from SQL over the ``requests`` projection and the ``events`` log
(``status_changed`` events carry ``from``/``to``; each ``ticket_called`` event is a
call): the day's events are read in one pass over the log, the requests they
concern by their ids. A "day" is the date part of the desk's recorded local times
(the clock is recorded, not trusted: a desk with a wrong clock gets a report of the
days its clock said). The PDF is on the desk's letter paper (A4 or F4).

- **registered**: requests whose ticket day is the day, by service and by their
  *current* status;
- **queue**: tickets first called on the day, and for them the waiting time from
  registration to that first call (median and maximum, minutes); repeated calls are
  counted as calls but do not reset the wait;
- **completion**: requests marked ``collected`` on the day, with the working days
  taken (from the first working day on or after registration, as the due date is
  computed) against the service's promised days: on time when taken <= promised;
- **referrals**: requests referred on the day (moved to ``referred``, or given a
  referral slip), by the agency of their service;
- **overdue**: requests due before the day and still open at the end of it;
- **referral outcomes**: outcomes recorded on the day (at the desk, or at the hub and
  received here), by outcome (issued, refused, pending);
- **complaints**: complaints recorded on the day by service, how many of them are
  answered, and how many complaints of any day are still open.
"""

from __future__ import annotations

import datetime
import json
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from counterdesk.domain.calendar import MONTHS_ID, WorkingCalendar
from counterdesk.domain.errors import NotFound
from counterdesk.domain.events import EventKind
from counterdesk.domain.lifecycle import OUTCOME_LABELS_ID, STATUS_LABELS_ID, Status
from counterdesk.printing import (
    BarChartData,
    DailyReportDoc,
    Letterhead,
    ReportTable,
    render_daily_report,
)
from counterdesk.services.complaints import complaint_counts
from counterdesk.services.desk import Desk
from counterdesk.store.errors import OPERATIONAL_ERRORS

STATUS_ORDER = [s.value for s in Status]
STATUS_LABELS = STATUS_LABELS_ID
DONE = ("collected", "rejected", "cancelled", "referred")  # as RequestView.overdue
OVERDUE_LISTED = 40  # the PDF lists at most this many overdue requests (all are counted)
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class ServiceDay:
    code: str
    name: str
    registered: int
    by_status: dict[str, int]


@dataclass(frozen=True)
class Completion:
    receipt: str
    service: str
    registered: str  # date
    collected: str  # date
    days_taken: int  # working days
    days_promised: int
    on_time: bool


@dataclass(frozen=True)
class AgencyReferrals:
    agency: str
    referrals: int
    services: list[str]


@dataclass(frozen=True)
class ServiceComplaints:
    service: str
    recorded: int
    answered: int
    open: int


OUTCOME_LABELS = OUTCOME_LABELS_ID


@dataclass(frozen=True)
class OverdueRequest:
    receipt: str
    service: str
    status: str  # at the end of the day
    due_date: str
    working_days_late: int


@dataclass(frozen=True)
class DailySummary:
    desk: str
    desk_name: str
    post: str
    district: str
    day: datetime.date
    training: bool
    registered: int
    by_service: list[ServiceDay]
    by_status: dict[str, int]
    tickets_called: int
    calls: int
    wait_median_minutes: float | None
    wait_max_minutes: float | None
    collected: int
    on_time: int
    late: int
    completions: list[Completion]
    referrals: list[AgencyReferrals]
    overdue: int
    overdue_requests: list[OverdueRequest] = field(default_factory=list)
    referral_outcomes: dict[str, int] = field(default_factory=dict)
    complaints: list[ServiceComplaints] = field(default_factory=list)
    complaints_open: int = 0

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["day"] = self.day.isoformat()
        return out


def working_calendar(desk: Desk) -> WorkingCalendar:
    """Weekends and the district's holidays (reference data from the hub, if any)."""
    try:
        rows = desk.conn.execute("SELECT day FROM holidays").fetchall()
    except OPERATIONAL_ERRORS:  # a database from before holidays were kept
        rows = []
    return WorkingCalendar(datetime.date.fromisoformat(r[0]) for r in rows)


def _minutes(later: str, earlier: str) -> float:
    delta = datetime.datetime.fromisoformat(later) - datetime.datetime.fromisoformat(earlier)
    return delta.total_seconds() / 60


def _by_service(desk: Desk, day: str) -> list[ServiceDay]:
    rows = desk.conn.execute(
        "SELECT r.service, s.name, r.status, count(*) AS n FROM requests r"
        " JOIN services s ON s.code = r.service WHERE r.ticket_day = ?"
        " GROUP BY r.service, r.status ORDER BY r.service",
        [day],
    ).fetchall()
    services: dict[str, ServiceDay] = {}
    for r in rows:
        item = services.setdefault(r["service"], ServiceDay(r["service"], r["name"], 0, {}))
        item.by_status[r["status"]] = int(r["n"])
    return [
        ServiceDay(s.code, s.name, sum(s.by_status.values()), s.by_status)
        for s in sorted(services.values(), key=lambda s: (-sum(s.by_status.values()), s.code))
    ]


@dataclass(frozen=True)
class _DayEvent:
    seq: int
    kind: str
    request_id: str
    recorded_at: str
    data: dict[str, Any]


def _day_events(desk: Desk, day: str) -> list[_DayEvent]:
    """The day's calls, status changes and issued letters: one pass over the log."""
    kinds = (EventKind.TICKET_CALLED, EventKind.STATUS_CHANGED, EventKind.LETTER_ISSUED)
    rows = desk.conn.execute(
        "SELECT seq, kind, request_id, recorded_at, data FROM events"
        " WHERE substr(recorded_at, 1, 10) = ? AND kind IN (?, ?, ?)"
        " AND request_id IS NOT NULL ORDER BY seq",
        [day, *(k.value for k in kinds)],
    ).fetchall()
    return [
        _DayEvent(r["seq"], r["kind"], r["request_id"], r["recorded_at"], json.loads(r["data"]))
        for r in rows
    ]


def _queue(desk: Desk, events: list[_DayEvent], day: str) -> tuple[int, int, list[float]]:
    """(tickets first called on the day, calls on the day, their waits in minutes)."""
    calls = [e for e in events if e.kind == EventKind.TICKET_CALLED]
    waits = []
    for request_id in dict.fromkeys(e.request_id for e in calls):
        row = desk.conn.execute(
            "SELECT r.registered_at, (SELECT min(e.recorded_at) FROM events e"
            "  WHERE e.request_id = r.id AND e.kind = ?) AS first_call"
            " FROM requests r WHERE r.id = ?",
            [EventKind.TICKET_CALLED.value, request_id],
        ).fetchone()
        if row is not None and row["first_call"][:10] == day:  # not called on an earlier day
            waits.append(max(0.0, _minutes(row["first_call"], row["registered_at"])))
    return len(waits), len(calls), sorted(waits)


def _completions(
    desk: Desk, events: list[_DayEvent], calendar: WorkingCalendar
) -> list[Completion]:
    out = []
    for e in events:
        if e.kind != EventKind.STATUS_CHANGED or e.data.get("to") != "collected":
            continue
        r = desk.conn.execute(
            "SELECT r.receipt, r.service, r.ticket_day, s.days AS service_days,"
            " json_extract(reg.data, '$.days') AS days FROM requests r"
            " JOIN services s ON s.code = r.service"
            " LEFT JOIN events reg ON reg.seq = r.registered_seq WHERE r.id = ?",
            [e.request_id],
        ).fetchone()
        if r is None:
            continue
        registered = datetime.date.fromisoformat(r["ticket_day"])
        collected = datetime.date.fromisoformat(e.recorded_at[:10])
        start = calendar.add_working_days(registered, 0)  # as the due date is counted
        taken = max(0, calendar.working_days_between(start, collected))
        promised = int(r["days"] if r["days"] is not None else r["service_days"])
        out.append(
            Completion(
                r["receipt"],
                r["service"],
                registered.isoformat(),
                collected.isoformat(),
                taken,
                promised,
                taken <= promised,
            )
        )
    return out


def _referrals(desk: Desk, events: list[_DayEvent]) -> list[AgencyReferrals]:
    referred = dict.fromkeys(
        e.request_id
        for e in events
        if (e.kind == EventKind.STATUS_CHANGED and e.data.get("to") == "referred")
        or (e.kind == EventKind.LETTER_ISSUED and e.data.get("kind") == "referral")
    )
    agencies: dict[str, tuple[int, set[str]]] = {}
    for request_id in referred:
        row = desk.conn.execute(
            "SELECT service FROM requests WHERE id = ?", [request_id]
        ).fetchone()
        if row is None:
            continue
        code = row["service"]
        try:
            service = desk.catalogue.get(code)
        except NotFound:  # a service no longer in the catalogue
            agency = code
        else:
            agency = (service.referral.agency if service.referral else service.agency).id
        count, codes = agencies.get(agency, (0, set()))
        agencies[agency] = (count + 1, codes | {code})
    return [
        AgencyReferrals(agency, n, sorted(codes))
        for agency, (n, codes) in sorted(agencies.items(), key=lambda a: (-a[1][0], a[0]))
    ]


def _overdue(desk: Desk, day: str, calendar: WorkingCalendar) -> list[OverdueRequest]:
    """Requests due before ``day`` and open at its end (their status then, from events)."""
    rows = desk.conn.execute(
        "SELECT r.receipt, r.service, r.due_date, r.status,"
        " substr(r.updated_at, 1, 10) > ? AS changed_since,"
        " CASE WHEN substr(r.updated_at, 1, 10) > ? THEN"
        "  (SELECT json_extract(e.data, '$.to') FROM events e WHERE e.request_id = r.id"
        "   AND e.kind = ? AND substr(e.recorded_at, 1, 10) <= ? ORDER BY e.seq DESC LIMIT 1)"
        " END AS status_then"
        " FROM requests r WHERE r.due_date < ? AND r.ticket_day <= ?"
        " AND (r.status NOT IN ('collected', 'rejected', 'cancelled', 'referred')"
        "  OR substr(r.updated_at, 1, 10) > ?)"
        " ORDER BY r.due_date, r.rowid",
        [day, day, EventKind.STATUS_CHANGED.value, day, day, day, day],
    ).fetchall()
    today = datetime.date.fromisoformat(day)
    out = []
    for r in rows:
        status = (r["status_then"] or "registered") if r["changed_since"] else r["status"]
        if status in DONE:
            continue
        due = datetime.date.fromisoformat(r["due_date"])
        late = calendar.working_days_between(due, today)
        out.append(OverdueRequest(r["receipt"], r["service"], status, r["due_date"], late))
    return out


def _referral_outcomes(desk: Desk, day: str) -> dict[str, int]:
    """Outcomes recorded on the day, by outcome (each outcome id once)."""
    counts = {
        str(r[0]): int(r[1])
        for r in desk.conn.execute(
            "SELECT outcome, count(*) FROM referral_outcomes"
            " WHERE substr(recorded_at, 1, 10) = ? GROUP BY outcome",
            [day],
        )
    }
    return {k: counts[k] for k in OUTCOME_LABELS if k in counts}


def _complaints(desk: Desk, day: str) -> tuple[list[ServiceComplaints], int]:
    rows = [
        ServiceComplaints(code, c["recorded"], c["answered"], c["open"])
        for code, c in complaint_counts(desk, day_from=day, day_to=day).items()
    ]
    row = desk.conn.execute(
        "SELECT count(*) FROM complaints WHERE status = 'open' AND day <= ?", [day]
    ).fetchone()
    return rows, int(row[0])


def daily_summary(desk: Desk, day: datetime.date) -> DailySummary:
    """The figures of one day at this desk."""
    info = desk.info
    text = day.isoformat()
    calendar = working_calendar(desk)
    by_service = _by_service(desk, text)
    by_status: dict[str, int] = {}
    for s in by_service:
        for status, n in s.by_status.items():
            by_status[status] = by_status.get(status, 0) + n
    events = _day_events(desk, text)
    called, calls, waits = _queue(desk, events, text)
    completions = _completions(desk, events, calendar)
    on_time = sum(1 for c in completions if c.on_time)
    overdue = _overdue(desk, text, calendar)
    complaints, complaints_open = _complaints(desk, text)
    return DailySummary(
        desk=info.code,
        desk_name=info.name,
        post=info.post,
        district=info.district,
        day=day,
        training=info.training,
        registered=sum(s.registered for s in by_service),
        by_service=by_service,
        by_status={s: by_status[s] for s in STATUS_ORDER if s in by_status},
        tickets_called=called,
        calls=calls,
        wait_median_minutes=round(statistics.median(waits), 1) if waits else None,
        wait_max_minutes=round(max(waits), 1) if waits else None,
        collected=len(completions),
        on_time=on_time,
        late=len(completions) - on_time,
        completions=completions,
        referrals=_referrals(desk, events),
        overdue=len(overdue),
        overdue_requests=overdue,
        referral_outcomes=_referral_outcomes(desk, text),
        complaints=complaints,
        complaints_open=complaints_open,
    )


# the PDF ---------------------------------------------------------------------------
def day_text(day: datetime.date) -> str:
    return f"{DAYS_ID[day.weekday()]}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def _minutes_text(value: float | None) -> str:
    """E.g. "25 menit", "22,5 menit" (one decimal at most, Indonesian decimal comma)."""
    if value is None:
        return "\u2013"
    number = f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return f"{number} menit"


def report_doc(desk: Desk, summary: DailySummary) -> DailyReportDoc:
    """Copy the summary into the printing layer's plain record (formatted, in Indonesian)."""
    info = desk.info
    s = info.settings
    statuses = [st for st in STATUS_ORDER if summary.by_status.get(st)]
    key_figures = [
        ("permohonan terdaftar", str(summary.registered)),
        ("antrean dipanggil", str(summary.tickets_called)),
        ("tunggu (median)", _minutes_text(summary.wait_median_minutes)),
        ("tunggu (terlama)", _minutes_text(summary.wait_max_minutes)),
        ("diambil", str(summary.collected)),
        ("tepat waktu / terlambat", f"{summary.on_time} / {summary.late}"),
        ("dirujuk", str(sum(a.referrals for a in summary.referrals))),
        ("lewat tenggat (terbuka)", str(summary.overdue)),
        ("hasil rujukan dicatat", str(sum(summary.referral_outcomes.values()))),
        (
            "pengaduan (baru / terbuka)",
            f"{sum(c.recorded for c in summary.complaints)} / {summary.complaints_open}",
        ),
    ]
    chart = BarChartData(
        title="Permohonan terdaftar per layanan, menurut status saat ini",
        categories=[x.code for x in summary.by_service],
        series=[STATUS_LABELS[st] for st in statuses],
        values=[[x.by_status.get(st, 0) for x in summary.by_service] for st in statuses],
        empty_text="Tidak ada permohonan terdaftar hari ini.",
    )
    counts = [
        [
            f"{x.code} \u2013 {x.name}",
            *[str(x.by_status.get(st, 0)) for st in statuses],
            str(x.registered),
        ]
        for x in summary.by_service
    ]
    if counts:
        total = [str(summary.by_status.get(st, 0)) for st in statuses]
        counts.append(["Jumlah", *total, str(summary.registered)])
    services = ReportTable(
        title="Permohonan terdaftar hari ini",
        header=["Layanan", *[STATUS_LABELS[st] for st in statuses], "Jumlah"],
        rows=counts,
        empty_text="Tidak ada permohonan terdaftar hari ini.",
        widths=[5.0, *[1.2] * len(statuses), 1.2],
    )
    completions = ReportTable(
        title="Penyelesaian: permohonan yang diambil hari ini",
        header=["Tanda terima", "Layanan", "Terdaftar", "Hari kerja", "Janji", "Ketepatan"],
        rows=[
            [
                c.receipt,
                c.service,
                c.registered,
                str(c.days_taken),
                str(c.days_promised),
                "tepat waktu" if c.on_time else "terlambat",
            ]
            for c in summary.completions
        ],
        empty_text="Tidak ada permohonan yang diambil hari ini.",
        numeric_from=3,
        widths=[3.2, 1.4, 1.8, 1.3, 1.1, 1.7],
    )
    referrals = ReportTable(
        title="Rujukan menurut instansi tujuan",
        header=["Instansi", "Layanan", "Rujukan"],
        rows=[[a.agency, ", ".join(a.services), str(a.referrals)] for a in summary.referrals],
        empty_text="Tidak ada rujukan hari ini.",
        numeric_from=2,
        widths=[5.5, 2.0, 1.0],
    )
    outcomes = ReportTable(
        title="Hasil rujukan yang dicatat hari ini",
        header=["Hasil", "Jumlah"],
        rows=[[OUTCOME_LABELS[k], str(n)] for k, n in summary.referral_outcomes.items()],
        empty_text="Tidak ada hasil rujukan yang dicatat hari ini.",
        widths=[5.0, 1.2],
    )
    complaints = ReportTable(
        title=f"Pengaduan hari ini menurut layanan (masih terbuka, semua hari: "
        f"{summary.complaints_open})",
        header=["Layanan", "Diterima", "Dijawab", "Terbuka"],
        rows=[
            [c.service, str(c.recorded), str(c.answered), str(c.open)] for c in summary.complaints
        ],
        empty_text="Tidak ada pengaduan hari ini.",
        widths=[4.0, 1.2, 1.2, 1.2],
    )
    listed = summary.overdue_requests[:OVERDUE_LISTED]
    more = summary.overdue - len(listed)
    overdue = ReportTable(
        title=f"Lewat tenggat dan belum selesai ({summary.overdue})"
        + (f" \u2013 {len(listed)} pertama" if more > 0 else ""),
        header=["Tanda terima", "Layanan", "Status", "Tenggat", "Hari kerja lewat"],
        rows=[
            [
                o.receipt,
                o.service,
                STATUS_LABELS.get(o.status, o.status),
                o.due_date,
                str(o.working_days_late),
            ]
            for o in listed
        ],
        empty_text="Tidak ada permohonan yang lewat tenggat.",
        numeric_from=4,
        widths=[3.2, 1.4, 1.8, 1.8, 1.6],
    )
    now = desk.now()
    return DailyReportDoc(
        letterhead=Letterhead(
            government=s.letterhead_government,
            office=s.letterhead_office or info.post.upper(),
            address=s.letterhead_address or info.district,
        ),
        title="REKAP HARIAN LOKET PELAYANAN",
        date_text=day_text(summary.day),
        desk_line=f"Loket {info.code} \u2013 {info.name} \u00b7 {info.post}",
        key_figures=key_figures,
        chart=chart,
        tables=[services, completions, referrals, outcomes, complaints, overdue],
        generated_text=f"Dibuat {now.strftime('%d-%m-%Y %H:%M')} oleh counterdesk, loket "
        f"{info.code}. Waktu menurut jam komputer loket.",
        training=info.training,
        paper=s.letter_paper,
    )


def daily_report_pdf(desk: Desk, summary: DailySummary) -> bytes:
    return render_daily_report(report_doc(desk, summary))
