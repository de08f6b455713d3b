"""Registering walk-in requests: one at the counter, or many from a CSV file.

Checks, in order: the service, the name, the identity (NIK with its Kemendagri
region, or passport), the service's fields and requirements, then the service's
eligibility rules (domain.eligibility). A refusal whose rule allows it (a NIK
region code missing from the list; an overridable catalogue rule) can be
accepted by a supervisor or administrator with a reason: the registration
names the rule in ``overrides`` and gives ``override_reason``. Each accepted
refusal is recorded in the ``request_registered`` event (``overrides``) and so
in the request's history.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from counterdesk.domain.calendar import WorkingCalendar
from counterdesk.domain.catalogue import Service
from counterdesk.domain.contract import MAX_ADDRESS, MAX_REASON
from counterdesk.domain.eligibility import RULES, check_eligibility
from counterdesk.domain.errors import CounterdeskError, PermissionDenied, ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.identity import Identity, clean_name, make_identity
from counterdesk.domain.ids import new_id
from counterdesk.domain.nik import UNLISTED_REGION_CODES
from counterdesk.domain.numbering import receipt_number, ticket_number
from counterdesk.domain.regions import default_table
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk
from counterdesk.services.refdata import working_calendar
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession

CSV_BASE_COLUMNS = ("service", "name", "nik", "passport", "nationality")
# Optional columns: a supervisor's overrides (rule keys separated by spaces) with
# their reason, the residence address the clerk confirmed from the KTP-el/KK, and
# the conditions of an age rule the clerk confirmed (e.g. "married").
CSV_EXTRA_COLUMNS = ("override", "override_reason", "residence_address", "conditions")
MAX_CSV_BYTES = 50 * 1024 * 1024
# What ``Registration.overrides`` may name: NIK region codes missing from the list,
# and the catalogue's eligibility rules (only those the catalogue marks overridable).
OVERRIDE_RULES = (*UNLISTED_REGION_CODES, *RULES)


@dataclass(frozen=True)
class Registration:
    service: str
    name: str
    nik: str | None = None
    passport: str | None = None
    nationality: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    requirements_given: Sequence[str] = ()
    # rules whose refusal a supervisor accepts (e.g. "nik_kecamatan", "not_future")
    overrides: Sequence[str] = ()
    override_reason: str = ""
    # the clerk ticked "address on the KTP-el/KK is in the border kecamatan" and copied it
    residence_address: str = ""
    # conditions of an age rule the clerk confirmed (e.g. "married")
    conditions: Sequence[str] = ()


@dataclass(frozen=True)
class Override:
    """A refusal that a supervisor accepted."""

    rule: str
    reason: str
    by: str
    detail: str

    def to_json(self) -> dict[str, str]:
        return {"rule": self.rule, "reason": self.reason, "by": self.by, "detail": self.detail}


@dataclass(frozen=True)
class CheckedRegistration:
    service: Service
    name: str
    identity: Identity
    fields: dict[str, str]
    requirements: list[str]
    overrides: tuple[Override, ...] = ()
    residence_address: str = ""
    conditions: tuple[str, ...] = ()


class _Overrides:
    """Decides, refusal by refusal, whether the supervisor's override covers it."""

    def __init__(self, reg: Registration, approver: StaffSession | None) -> None:
        self.wanted = {r.strip().lower() for r in reg.overrides if r.strip()}
        self.reason = " ".join(reg.override_reason.split())
        self.approver = approver
        self.accepted: list[Override] = []
        unknown = sorted(self.wanted - set(OVERRIDE_RULES))
        if unknown:
            raise ValidationError(
                f"unknown override rule(s) {', '.join(unknown)}; "
                f"known: {', '.join(OVERRIDE_RULES)}",
                code="override_unknown",
                field="override_reason",
            )
        if self.wanted and not self.reason:
            raise ValidationError(
                "an override needs a reason; give the supervisor's reason "
                "(e.g. the regency was formed after the code list was made)",
                code="override_reason_missing",
                field="override_reason",
            )
        if len(self.reason) > MAX_REASON:
            raise ValidationError(
                f"the override reason is {len(self.reason)} characters long; at most "
                f"{MAX_REASON} are allowed",
                code="override_reason_long",
                field="override_reason",
            )

    def settle(self, exc: ValidationError) -> None:
        """Accept ``exc`` if it may be and was asked for, else raise it."""
        rule = str(exc.params.get("rule", ""))
        if not exc.params.get("overridable") or rule not in self.wanted:
            if rule in self.wanted:
                raise ValidationError(
                    f"{exc.message} (this rule cannot be overridden)",
                    code=exc.code,
                    field=exc.field,
                    **(exc.params | {"overridable": False}),
                )
            raise exc
        if self.approver is None or not self.approver.role.includes(Role.SUPERVISOR):
            role = self.approver.role.value if self.approver else "nobody"
            raise PermissionDenied(
                f"only a supervisor or administrator may accept this ({exc.message}); "
                f"you are {role}",
                code="override_role",
                rule=rule,
            )
        self.accepted.append(Override(rule, self.reason, self.approver.name, exc.message))


def _identity(reg: Registration, today: datetime.date, overrides: _Overrides) -> Identity:
    def make(accept_unlisted: bool) -> Identity:
        return make_identity(
            nik=reg.nik,
            passport=reg.passport,
            nationality=reg.nationality,
            reference_year=today.year,
            today=today,
            accept_unlisted=accept_unlisted,
        )

    try:
        return make(False)
    except ValidationError as exc:
        if exc.code not in UNLISTED_REGION_CODES:
            raise
        overrides.settle(exc)
        return make(True)


def check(
    desk: Desk,
    reg: Registration,
    *,
    today: datetime.date,
    approver: StaffSession | None = None,
) -> CheckedRegistration:
    """Validate everything before the transaction; raises with the first problem.

    ``approver`` is who accepts the overrides asked for (a supervisor or admin).
    """
    service = desk.catalogue.get(reg.service)
    name = clean_name(reg.name)
    overrides = _Overrides(reg, approver)
    identity = _identity(reg, today, overrides)
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
    rules = service.eligibility
    known = {c.key for c in rules.conditions()}
    conditions = tuple(dict.fromkeys(c.strip().lower() for c in reg.conditions if c.strip()))
    for c in conditions:
        if c not in known:
            raise ValidationError(
                f"service {service.code} has no condition {c!r}; "
                f"its conditions are: {', '.join(sorted(known)) or 'none'}",
                code="condition_unknown",
                field="conditions",
            )
    address = " ".join(reg.residence_address.split()) if rules.residence else ""
    if len(address) > MAX_ADDRESS:
        raise ValidationError(
            f"the residence address is too long ({len(address)} characters, at most {MAX_ADDRESS})",
            code="field_long",
            field="residence",
        )
    table = default_table()
    places = [
        (r.name if (r := table.get(code)) else code)
        for code in (rules.residence.kecamatan if rules.residence else ())
    ]
    nik = identity.nik_info
    for refusal in check_eligibility(
        service.code,
        rules,
        citizen=identity.nik is not None,
        birth_date=nik.birth_date if nik else None,
        fields=values,
        field_labels={f.key: f.label.en for f in service.fields},
        conditions=conditions,
        residence_address=address,
        kecamatan_names=places,
        today=today,
    ):
        overrides.settle(refusal)
    return CheckedRegistration(
        service,
        name,
        identity,
        values,
        given,
        tuple(overrides.accepted),
        address,
        conditions,
    )


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
            # optional keys, present only when used:
            **({"overrides": [o.to_json() for o in item.overrides]} if item.overrides else {}),
            **(
                {"residence": {"confirmed": True, "address": item.residence_address}}
                if item.residence_address
                else {}
            ),
            **({"conditions": list(item.conditions)} if item.conditions else {}),
        },
    )
    return receipt


def holidays(desk: Desk) -> WorkingCalendar:
    """The desk's working calendar (:func:`counterdesk.services.refdata.working_calendar`)."""
    return working_calendar(desk)


def register(
    desk: Desk,
    session: StaffSession,
    reg: Registration,
    *,
    approver: StaffSession | None = None,
) -> RequestView:
    """Register one request. ``approver`` (default: the staff member registering)
    accepts the overrides the registration asks for; at the counter it is the
    supervisor who signed in to approve."""
    checked = check(desk, reg, today=desk.now().date(), approver=approver or session)
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
    allowed = CSV_BASE_COLUMNS + CSV_EXTRA_COLUMNS
    bad = [h for h in clean if h not in allowed and not h.startswith("field:")]
    if bad:
        raise ValidationError(
            f"unknown CSV column(s) {', '.join(bad)}; allowed: {', '.join(allowed)} and field:KEY",
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
                    overrides=tuple(values.get("override", "").replace(";", " ").split()),
                    override_reason=values.get("override_reason", ""),
                    residence_address=values.get("residence_address", ""),
                    conditions=tuple(values.get("conditions", "").replace(";", " ").split()),
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
            checked.append(check(desk, reg, today=today, approver=session))
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
