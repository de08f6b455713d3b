"""The district's reference data beyond the catalogue: what each kind holds, checked alike
by the hub (when an officer changes it) and by the desk (before applying it).

Every kind travels as one :class:`~counterdesk.sync.payloads.RefItem` whose ``data`` is a
JSON object, a whole snapshot (never a delta), so the newest version alone is enough:

``staff``            ``{"accounts": [{"name", "full_name", "role", "nip", "password_hash",
                     "active"}]}`` -- the district-managed accounts for this desk (password
                     hashes only: scrypt, as :mod:`counterdesk.domain.passwords` makes them)
``letterhead``       ``{"settings": {key: text}}`` -- desk settings ``letterhead_*``,
                     ``signer_*``, ``letter_place`` and ``letter_number_template``; the hub
                     now sends only what every post shares (``letterhead_government``,
                     ``letter_number_template``): each post's kop, place and signer travel
                     in ``offices`` (:mod:`counterdesk.sync.offices`)
``holidays``         ``{"holidays": [{"date": "YYYY-MM-DD", "name"[, "working": true]}]}``
                     -- the district's holidays (its own, and national ones confirmed or
                     moved by decree); with ``working``, a date the national list (the
                     ``holidays`` package, see :mod:`counterdesk.domain.calendar`) gives
                     that is a working day in this district after all
``desk_keys``        ``{"desks": [{"desk", "sign_public" (base64), "key_id", "revoked"}]}``
``revoked_letters``  ``{"letters": [{"number", "desk", "reason", "at"}]}``
``hub_notes``        ``{"outcomes": [{"outcome_id", "request_id", "receipt", "outcome",
                     "agency", "note", "officer", "at"}], "answers": [{"complaint_id",
                     "answer", "officer", "at"}]}`` -- referral outcomes and complaint
                     answers recorded at the hub for this desk that it has not echoed back

Each kind's shape (fields, types, limits) is declared once in the contract
(:data:`counterdesk.domain.contract.REFDATA`) and checked first; the ``parse_*`` functions
add what a schema cannot say. Anything malformed raises
:class:`~counterdesk.sync.payloads.PayloadError` (from the
``parse_*`` functions) or :class:`~counterdesk.domain.errors.ValidationError` (from the
``check_*`` functions the hub's commands use), with a one-line reason.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counterdesk.domain.contract import ContractError, check_refdata
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.lifecycle import Outcome
from counterdesk.domain.numbering import LetterNumberTemplate, check_desk_code
from counterdesk.domain.passwords import check_account_name
from counterdesk.domain.roles import Role
from counterdesk.sync.bundle import key_id
from counterdesk.sync.names import LETTERHEAD_KEYS as LETTERHEAD_KEYS
from counterdesk.sync.payloads import PayloadError

MAX_ITEMS: Final = 5000
MAX_TEXT: Final = 200

_LETTER_NUMBER = re.compile(r"[A-Za-z0-9/.\-]{1,60}")
_SCRYPT = re.compile(
    r"scrypt\$(\d{1,7})\$(\d{1,2})\$(\d)\$([A-Za-z0-9+/=]{4,64})\$([A-Za-z0-9+/=]{4,128})"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_text(value: object, what: str, *, empty: bool = True, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text", code="refdata_invalid")
    if len(value) > limit or _CONTROL.search(value):
        raise ValidationError(
            f"{what} must be one line of at most {limit} characters", code="refdata_invalid"
        )
    if not empty and not value.strip():
        raise ValidationError(f"{what} must not be empty", code="refdata_invalid")
    return value


def declared(kind: str, data: object) -> None:
    """Check ``data`` against the contract's declaration of ``kind`` (PayloadError)."""
    try:
        check_refdata(kind, data)
    except ContractError as exc:
        raise PayloadError(str(exc)) from None


Parsed = TypeVar("Parsed")


def _declared_too(kind: str) -> Callable[[Callable[[object], Parsed]], Callable[[object], Parsed]]:
    """A ``parse_*`` function whose data must also keep the contract's declaration of
    ``kind`` (checked after the function's own checks, whose messages are more specific)."""

    def wrap(parse: Callable[[object], Parsed]) -> Callable[[object], Parsed]:
        @functools.wraps(parse)
        def parse_declared(data: object) -> Parsed:
            result = parse(data)
            declared(kind, data)
            return result

        return parse_declared

    return wrap


def _items(data: object, key: str, kind: str) -> list[Any]:
    if not isinstance(data, dict) or set(data) != {key}:
        raise PayloadError(f"{kind} reference data must be an object with only {key!r}")
    items = data[key]
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise PayloadError(f"{kind} reference data: {key!r} must be a list")
    return items


def _record(item: object, keys: set[str], kind: str) -> dict[str, Any]:
    if not isinstance(item, dict) or set(item) != keys:
        raise PayloadError(f"{kind} reference data: an entry does not have exactly {sorted(keys)}")
    return item


def _wrap(kind: str, exc: CounterdeskError) -> PayloadError:
    return PayloadError(f"{kind} reference data: {exc}")


# --------------------------------------------------------------------------- staff


@dataclass(frozen=True)
class StaffAccount:
    name: str
    full_name: str
    role: str
    nip: str
    password_hash: str
    active: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "full_name": self.full_name,
            "role": self.role,
            "nip": self.nip,
            "password_hash": self.password_hash,
            "active": self.active,
        }


def check_staff_name(name: str) -> str:
    return check_account_name(name, what="staff", code="staff_name")


def check_role(role: str) -> str:
    if role not in {r.value for r in Role}:
        raise ValidationError(
            f"role {role!r} is not one of {', '.join(r.value for r in Role)}", code="staff_role"
        )
    return role


def check_password_hash(text: str) -> str:
    """Only scrypt hashes of sane cost (a desk must not be made to hang on a login)."""
    m = _SCRYPT.fullmatch(text)
    if m is None:
        raise ValidationError("the password hash is not an scrypt hash", code="staff_hash")
    n, r, p = int(m[1]), int(m[2]), int(m[3])
    if n < 2**10 or n > 2**17 or n & (n - 1) or not 1 <= r <= 16 or not 1 <= p <= 4:
        raise ValidationError("the password hash has an unusable cost", code="staff_hash")
    try:
        base64.b64decode(m[4], validate=True)
        base64.b64decode(m[5], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("the password hash is not valid base64", code="staff_hash") from None
    return text


@_declared_too("staff")
def parse_staff(data: object) -> list[StaffAccount]:
    keys = {"name", "full_name", "role", "nip", "password_hash", "active"}
    out: list[StaffAccount] = []
    seen: set[str] = set()
    for raw in _items(data, "accounts", "staff"):
        item = _record(raw, keys, "staff")
        try:
            name = check_staff_name(check_text(item["name"], "staff name", empty=False))
            if name != item["name"]:
                raise ValidationError(f"staff name {item['name']!r} is not in lower case")
            if not isinstance(item["active"], bool):
                raise ValidationError(f"'active' of {name} is not true/false")
            account = StaffAccount(
                name=name,
                full_name=check_text(item["full_name"], f"full name of {name}", limit=100),
                role=check_role(check_text(item["role"], f"role of {name}")),
                nip=check_text(item["nip"], f"NIP of {name}", limit=30),
                password_hash=check_password_hash(
                    check_text(item["password_hash"], "hash", limit=300)
                ),
                active=item["active"],
            )
        except CounterdeskError as exc:
            raise _wrap("staff", exc) from None
        if name in seen:
            raise PayloadError(f"staff reference data: {name} is listed twice")
        seen.add(name)
        out.append(account)
    return out


# --------------------------------------------------------------------------- letterhead


def check_letterhead(key: str, value: str) -> tuple[str, str]:
    """One letterhead setting, as the hub accepts it and the desk applies it."""
    key = key.strip()
    if key not in LETTERHEAD_KEYS:
        raise ValidationError(
            f"{key!r} is not a letterhead setting; known: {', '.join(sorted(LETTERHEAD_KEYS))}",
            code="letterhead_key",
        )
    value = check_text(value, key)
    if key == "letter_number_template":
        LetterNumberTemplate(value).validate()
    return key, value


@_declared_too("letterhead")
def parse_letterhead(data: object) -> dict[str, str]:
    if not isinstance(data, dict) or set(data) != {"settings"}:
        raise PayloadError("letterhead reference data must be an object with only 'settings'")
    settings = data["settings"]
    if not isinstance(settings, dict):
        raise PayloadError("letterhead reference data: 'settings' must be an object")
    out: dict[str, str] = {}
    for key, value in settings.items():
        try:
            k, v = check_letterhead(key, value)
        except CounterdeskError as exc:
            raise _wrap("letterhead", exc) from None
        out[k] = v
    return out


# --------------------------------------------------------------------------- holidays


@dataclass(frozen=True)
class Holiday:
    day: datetime.date
    name: str
    working: bool = False  # a listed national date that is a working day after all

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"date": self.day.isoformat(), "name": self.name}
        if self.working:
            out["working"] = True
        return out


def check_holiday(day: str, name: str, *, working: bool = False) -> Holiday:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            raise ValueError
        parsed = datetime.date.fromisoformat(day)
    except ValueError:
        raise ValidationError(
            f"{day!r} is not a date like 2026-12-25", code="holiday_date"
        ) from None
    return Holiday(
        parsed,
        check_text(" ".join(name.split()), "holiday name", empty=False, limit=100),
        working,
    )


@_declared_too("holidays")
def parse_holidays(data: object) -> list[Holiday]:
    out: list[Holiday] = []
    seen: set[datetime.date] = set()
    for raw in _items(data, "holidays", "holidays"):
        keys = {"date", "name", "working"} if isinstance(raw, dict) and "working" in raw else None
        item = _record(raw, keys or {"date", "name"}, "holidays")
        if keys and item["working"] is not True:
            raise PayloadError("holidays reference data: 'working' can only be true")
        try:
            holiday = check_holiday(
                check_text(item["date"], "date"),
                check_text(item["name"], "name"),
                working=bool(keys),
            )
        except CounterdeskError as exc:
            raise _wrap("holidays", exc) from None
        if holiday.day in seen:
            raise PayloadError(f"holidays reference data: {holiday.day} is listed twice")
        seen.add(holiday.day)
        out.append(holiday)
    return out


# --------------------------------------------------------------------------- desk keys


@dataclass(frozen=True)
class DeskKey:
    desk: str
    sign_public: bytes
    key_id: str
    revoked: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "desk": self.desk,
            "sign_public": base64.b64encode(self.sign_public).decode("ascii"),
            "key_id": self.key_id,
            "revoked": self.revoked,
        }


@_declared_too("desk_keys")
def parse_desk_keys(data: object) -> list[DeskKey]:
    out: list[DeskKey] = []
    seen: set[str] = set()
    for raw in _items(data, "desks", "desk_keys"):
        item = _record(raw, {"desk", "sign_public", "key_id", "revoked"}, "desk_keys")
        try:
            desk = check_desk_code(check_text(item["desk"], "desk code"))
        except CounterdeskError as exc:
            raise _wrap("desk_keys", exc) from None
        try:
            public = base64.b64decode(str(item["sign_public"]), validate=True)
            kid = key_id(Ed25519PublicKey.from_public_bytes(public))
        except (binascii.Error, ValueError):
            raise PayloadError(
                f"desk_keys reference data: the key of {desk} is not valid"
            ) from None
        if kid != item["key_id"] or not isinstance(item["revoked"], bool):
            raise PayloadError(f"desk_keys reference data: the entry of {desk} is not valid")
        if desk in seen:
            raise PayloadError(f"desk_keys reference data: {desk} is listed twice")
        seen.add(desk)
        out.append(DeskKey(desk, public, kid, item["revoked"]))
    return out


# --------------------------------------------------------------------------- revoked letters


@dataclass(frozen=True)
class RevokedLetter:
    number: str
    desk: str  # the issuing desk when the hub knows it, else ""
    reason: str
    at: str  # when the district revoked it (informational)

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "desk": self.desk, "reason": self.reason, "at": self.at}


def check_letter_number(number: str) -> str:
    number = number.strip()
    if not _LETTER_NUMBER.fullmatch(number):
        raise ValidationError(
            f"{number!r} is not a letter number (like 470/0123/JGB-01/XI/2026)",
            code="letter_number",
        )
    return number


@_declared_too("revoked_letters")
def parse_revoked_letters(data: object) -> list[RevokedLetter]:
    out: list[RevokedLetter] = []
    seen: set[str] = set()
    for raw in _items(data, "letters", "revoked_letters"):
        item = _record(raw, {"number", "desk", "reason", "at"}, "revoked_letters")
        try:
            number = check_letter_number(check_text(item["number"], "letter number"))
            desk = check_text(item["desk"], "desk code")
            if desk:
                desk = check_desk_code(desk)
            letter = RevokedLetter(
                number=number,
                desk=desk,
                reason=check_text(item["reason"], f"reason for {number}", empty=False),
                at=check_text(item["at"], "time", limit=64),
            )
        except CounterdeskError as exc:
            raise _wrap("revoked_letters", exc) from None
        if number in seen:
            raise PayloadError(f"revoked_letters reference data: {number} is listed twice")
        seen.add(number)
        out.append(letter)
    return out


# --------------------------------------------------------------------------- hub notes

REFERRAL_OUTCOMES: Final = tuple(o.value for o in Outcome)
MAX_NOTE: Final = 200
MAX_ANSWER: Final = 500
_HEX32 = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class HubOutcome:
    """A referral outcome an officer recorded at the hub, for the desk of the request."""

    outcome_id: str
    request_id: str
    receipt: str
    outcome: str
    agency: str
    note: str
    officer: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome_id": self.outcome_id,
            "request_id": self.request_id,
            "receipt": self.receipt,
            "outcome": self.outcome,
            "agency": self.agency,
            "note": self.note,
            "officer": self.officer,
            "at": self.at,
        }


@dataclass(frozen=True)
class HubAnswer:
    """An answer to a desk's complaint given at the hub."""

    complaint_id: str
    answer: str
    officer: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "complaint_id": self.complaint_id,
            "answer": self.answer,
            "officer": self.officer,
            "at": self.at,
        }


def check_hex_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not _HEX32.fullmatch(value):
        raise ValidationError(f"{what} is not 32 lower-case hex digits", code="refdata_invalid")
    return value


def check_referral_outcome(outcome: str) -> str:
    value = outcome.strip().lower()
    if value not in REFERRAL_OUTCOMES:
        raise ValidationError(
            f"unknown referral outcome {outcome!r}; use one of: {', '.join(REFERRAL_OUTCOMES)}",
            code="referral_outcome_unknown",
        )
    return value


@_declared_too("hub_notes")
def parse_hub_notes(data: object) -> tuple[list[HubOutcome], list[HubAnswer]]:
    kind = "hub_notes"
    if not isinstance(data, dict) or set(data) != {"outcomes", "answers"}:
        raise PayloadError(f"{kind} reference data must be an object with 'outcomes', 'answers'")
    outcomes: list[HubOutcome] = []
    answers: list[HubAnswer] = []
    raw_outcomes, raw_answers = data["outcomes"], data["answers"]
    if not isinstance(raw_outcomes, list) or not isinstance(raw_answers, list):
        raise PayloadError(f"{kind} reference data: 'outcomes' and 'answers' must be lists")
    if len(raw_outcomes) + len(raw_answers) > MAX_ITEMS:
        raise PayloadError(f"{kind} reference data: too many entries")
    keys = {"outcome_id", "request_id", "receipt", "outcome", "agency", "note", "officer", "at"}
    try:
        for raw in raw_outcomes:
            item = _record(raw, keys, kind)
            outcomes.append(
                HubOutcome(
                    outcome_id=check_hex_id(item["outcome_id"], "outcome_id"),
                    request_id=check_hex_id(item["request_id"], "request_id"),
                    receipt=check_text(item["receipt"], "receipt", limit=60),
                    outcome=check_referral_outcome(check_text(item["outcome"], "outcome")),
                    agency=check_text(item["agency"], "agency"),
                    note=check_text(item["note"], "note", limit=MAX_NOTE),
                    officer=check_text(item["officer"], "officer", limit=100),
                    at=check_text(item["at"], "time", limit=64),
                )
            )
        for raw in raw_answers:
            item = _record(raw, {"complaint_id", "answer", "officer", "at"}, kind)
            answers.append(
                HubAnswer(
                    complaint_id=check_hex_id(item["complaint_id"], "complaint_id"),
                    answer=check_text(item["answer"], "answer", empty=False, limit=MAX_ANSWER),
                    officer=check_text(item["officer"], "officer", limit=100),
                    at=check_text(item["at"], "time", limit=64),
                )
            )
    except CounterdeskError as exc:
        raise _wrap(kind, exc) from None
    return outcomes, answers
