"""Registering walk-in requests: one at the counter, or many from a CSV file."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from counterdesk.domain.calendar import WorkingCalendar
from counterdesk.domain.catalogue import Service
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.identity import Identity, clean_name, make_identity
from counterdesk.domain.ids import new_id
from counterdesk.domain.numbering import receipt_number, ticket_number
from counterdesk.services.desk import Desk
from counterdesk.services.refdata import working_calendar
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession

CSV_BASE_COLUMNS = ("service", "name", "nik", "passport", "nationality")
MAX_CSV_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Registration:
    service: str
    name: str
    nik: str | None = None
    passport: str | None = None
    nationality: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    requirements_given: Sequence[str] = ()


@dataclass(frozen=True)
class CheckedRegistration:
    service: Service
    name: str
    identity: Identity
    fields: dict[str, str]
    requirements: list[str]


def check(desk: Desk, reg: Registration, *, today: datetime.date) -> CheckedRegistration:
    """Validate everything before the transaction; raises with the first problem."""
    service = desk.catalogue.get(reg.service)
    name = clean_name(reg.name)
    identity = make_identity(
        nik=reg.nik,
        passport=reg.passport,
        nationality=reg.nationality,
        reference_year=today.year,
    )
    values = service.check_fields(reg.fields)
    keys = {r.key for r in service.requirements}
    given = []
    for key in reg.requirements_given:
        key = key.strip().lower()
        if key not in keys:
            raise ValidationError(
                f"service {service.code} has no requirement {key!r}; "
                f"its requirements are: {', '.join(sorted(keys))}",
                code="requirement_unknown",
                field="requirements",
            )
        if key not in given:
            given.append(key)
    return CheckedRegistration(service, name, identity, values, given)


def _store(desk: Desk, staff: str, item: CheckedRegistration, calendar: WorkingCalendar) -> str:
    """Inside a transaction: take the numbers, append the event, update projections."""
    now = desk.now()
    today = now.date()
    info = desk.info
    counter = desk.next_counter(f"receipt:{info.epoch}")
    receipt = receipt_number(info.code, info.epoch, counter)
    prefix = item.service.ticket_prefix
    ticket = ticket_number(prefix, desk.next_counter(f"ticket:{today.isoformat()}:{prefix}"))
    ident = item.identity
    nik = ident.nik_info
    citizen = {
        "key": ident.key,
        "name": item.name,
        "nik": ident.nik,
        "passport": ident.passport,
        "nationality": ident.nationality,
        "birth_date": nik.birth_date.isoformat() if nik else None,
        "sex": nik.sex if nik else None,
    }
    request_id = new_id()
    desk.record(
        EventKind.REQUEST_REGISTERED,
        staff=staff,
        request_id=request_id,
        data={
            "receipt": receipt,
            "ticket": ticket,
            "ticket_day": today.isoformat(),
            "service": item.service.code,
            "citizen": citizen,
            "fields": item.fields,
            "requirements": item.requirements,
            "days": item.service.days,
            "fee": item.service.fee,
            "due_date": calendar.add_working_days(today, item.service.days).isoformat(),
        },
    )
    return receipt


def holidays(desk: Desk) -> WorkingCalendar:
    """The desk's working calendar (:func:`counterdesk.services.refdata.working_calendar`)."""
    return working_calendar(desk)


def register(desk: Desk, session: StaffSession, reg: Registration) -> RequestView:
    checked = check(desk, reg, today=desk.now().date())
    calendar = holidays(desk)
    with desk.transaction():
        receipt = _store(desk, session.name, checked, calendar)
    return get_request(desk, receipt)


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class CsvResult:
    registered: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


class CsvRejected(CounterdeskError):
    def __init__(self, errors: list[RowError], total: int) -> None:
        shown = "; ".join(str(e) for e in errors[:10])
        more = f"; and {len(errors) - 10} more" if len(errors) > 10 else ""
        super().__init__(
            f"{len(errors)} of {total} rows are invalid, nothing was registered "
            f"(fix them, or use --skip-invalid): {shown}{more}",
            code="csv_rejected",
        )
        self.errors = errors


def parse_csv(text: str) -> tuple[list[tuple[int, Registration]], list[RowError]]:
    """Rows with their line numbers, and errors of the file's shape."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    clean = [h.strip().lower() for h in header]
    missing = [c for c in ("service", "name") if c not in clean]
    if missing:
        raise ValidationError(
            f"the CSV header must have the columns {', '.join(CSV_BASE_COLUMNS)} and one "
            f"field:KEY column per extra field; missing: {', '.join(missing)}",
            code="csv_header",
        )
    bad = [h for h in clean if h not in CSV_BASE_COLUMNS and not h.startswith("field:")]
    if bad:
        raise ValidationError(
            f"unknown CSV column(s) {', '.join(bad)}; allowed: {', '.join(CSV_BASE_COLUMNS)} "
            "and field:KEY",
            code="csv_header",
        )
    reader.fieldnames = clean
    rows: list[tuple[int, Registration]] = []
    errors: list[RowError] = []
    end = reader.line_num  # the header's last line
    for row in reader:
        line, end = end + 1, reader.line_num  # a quoted value may span lines: report the first
        if None in row:
            errors.append(RowError(line, "more values than columns"))
            continue
        values = {k: (v or "").strip() for k, v in row.items()}
        if not any(values.values()):
            continue
        rows.append(
            (
                line,
                Registration(
                    service=values.get("service", ""),
                    name=values.get("name", ""),
                    nik=values.get("nik") or None,
                    passport=values.get("passport") or None,
                    nationality=values.get("nationality") or None,
                    fields={k[6:]: v for k, v in values.items() if k.startswith("field:") and v},
                ),
            )
        )
    return rows, errors


def read_csv_file(data: bytes) -> str:
    if len(data) > MAX_CSV_BYTES:
        raise ValidationError(
            f"the CSV file is larger than {MAX_CSV_BYTES // 1024 // 1024} MB", code="csv_large"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"the CSV file is not UTF-8 text (byte {exc.start}); save it as "
            "'CSV UTF-8' and try again",
            code="csv_encoding",
        ) from None


def register_csv(
    desk: Desk, session: StaffSession, text: str, *, skip_invalid: bool = False
) -> CsvResult:
    """Register every row in one transaction: all or nothing, unless ``skip_invalid``."""
    rows, errors = parse_csv(text)
    total = len(rows) + len(errors)
    today = desk.now().date()
    checked: list[CheckedRegistration] = []
    for line, reg in rows:
        try:
            checked.append(check(desk, reg, today=today))
        except CounterdeskError as exc:
            errors.append(RowError(line, str(exc)))
    errors.sort(key=lambda e: e.line)
    if errors and not skip_invalid:
        raise CsvRejected(errors, total)
    result = CsvResult(errors=errors)
    calendar = holidays(desk)
    if checked:
        with desk.transaction():
            for item in checked:
                result.registered.append(_store(desk, session.name, item, calendar))
    return result
