"""The service catalogue: each service's published standard and the fields it needs.

Parsed from plain data (the shipped ``services.json`` or reference data from the
hub); refuses anything malformed with the path of the bad value.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from counterdesk.domain.eligibility import (
    Condition,
    Eligibility,
    MinAge,
    NotFuture,
    Residence,
)
from counterdesk.domain.errors import NotFound, ValidationError
from counterdesk.domain.templates import check_body_template

NO_RULES = Eligibility()

PRODUCTS = ("letter", "referral", "other")
FIELD_TYPES = ("text", "date", "choice", "number")
_CODE = re.compile(r"^[A-Z0-9]{2,6}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_FIELD_LEN = 500
SERVICE_CODE = _CODE  # a service's code (the event contract checks events against it)
KEY = _KEY  # a requirement's or a field's key
# Archive classification (Permendagri 83/2022): three digits, then dotted sub-codes.
_CLASSIFICATION = re.compile(r"^\d{3}(\.\d{1,3}){0,5}$")
# What a letter's identity block may show, in this order; letters list theirs.
IDENTITY_ROWS = ("name", "nik", "birth", "sex", "nationality", "occupation", "address")
DEFAULT_IDENTITY = ("name", "nik", "birth", "sex", "address")


@dataclass(frozen=True)
class Text:
    """A text in Indonesian and English."""

    id: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.id


@dataclass(frozen=True)
class Requirement:
    key: str
    required: bool
    text: Text


@dataclass(frozen=True)
class Field:
    key: str
    type: str
    required: bool
    label: Text
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class LetterTemplate:
    classification: str
    title: Text
    body: Text
    identity: tuple[str, ...] = DEFAULT_IDENTITY


@dataclass(frozen=True)
class Referral:
    agency: Text
    bring: tuple[Text, ...]
    classification: str = ""  # empty: the slip is numbered under 400
    # When set, the desk prints a real letter (e.g. the PLB recommendation for Immigration,
    # with the full identity) instead of the referral slip.
    letter: LetterTemplate | None = None


@dataclass(frozen=True)
class Service:
    code: str
    ticket_prefix: str
    category: str
    product: str
    name: Text
    description: Text
    agency: Text
    legal_basis: str
    requirements: tuple[Requirement, ...]
    procedure: tuple[Text, ...]
    days: int
    fee: int
    fee_note: Text
    fields: tuple[Field, ...]
    letter: LetterTemplate | None
    referral: Referral | None
    eligibility: Eligibility = NO_RULES

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)

    def check_fields(self, values: Mapping[str, str]) -> dict[str, str]:
        """Validate a request's extra fields; returns the cleaned values."""
        out: dict[str, str] = {}
        for key in values:
            if self.field(key) is None:
                known = ", ".join(f.key for f in self.fields) or "none"
                raise ValidationError(
                    f"service {self.code} has no field {key!r}; its fields are: {known}",
                    code="field_unknown",
                    field=key,
                    service=self.code,
                )
        for f in self.fields:
            value = " ".join(str(values.get(f.key, "")).split())
            if not value:
                if f.required:
                    raise ValidationError(
                        f"field {f.key!r} ({f.label.en}) is required for service {self.code}",
                        code="field_required",
                        field=f.key,
                        label=f.label.id,
                    )
                continue
            if len(value) > MAX_FIELD_LEN:
                raise ValidationError(
                    f"field {f.key!r} is too long ({len(value)} characters, "
                    f"at most {MAX_FIELD_LEN})",
                    code="field_long",
                    field=f.key,
                )
            out[f.key] = _check_value(f, value)
        return out

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``counterdesk services --json``."""
        return {
            "code": self.code,
            "name": self.name.id,
            "name_en": self.name.en,
            "product": self.product,
            "category": self.category,
            "ticket_prefix": self.ticket_prefix,
            "agency": self.agency.id,
            "days": self.days,
            "fee": self.fee,
            "requirements": [
                {"key": r.key, "required": r.required, "text": r.text.id} for r in self.requirements
            ],
            "fields": [
                {"key": f.key, "required": f.required, "type": f.type, "label": f.label.id}
                | ({"choices": list(f.choices)} if f.choices else {})
                for f in self.fields
            ],
        } | ({"eligibility": self.eligibility.to_json()} if not self.eligibility.empty else {})


def _check_value(f: Field, value: str) -> str:
    if f.type == "date":
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValidationError(
                f"field {f.key!r} must be a date as YYYY-MM-DD, not {value!r}",
                code="field_date",
                field=f.key,
            ) from None
    if f.type == "number":
        if not re.fullmatch(r"\d{1,9}", value):
            raise ValidationError(
                f"field {f.key!r} must be a whole number, not {value!r}",
                code="field_number",
                field=f.key,
            )
        return str(int(value))
    if f.type == "choice":
        for choice in f.choices:
            if choice.casefold() == value.casefold():
                return choice
        raise ValidationError(
            f"field {f.key!r} must be one of: {', '.join(f.choices)}; not {value!r}",
            code="field_choice",
            field=f.key,
        )
    return value


@dataclass(frozen=True)
class Catalogue:
    version: int
    district: str
    complaint_channel: Text
    services: tuple[Service, ...]

    def get(self, code: str) -> Service:
        wanted = code.strip().upper()
        for s in self.services:
            if s.code == wanted:
                return s
        known = ", ".join(s.code for s in self.services)
        raise NotFound(
            f"unknown service {code!r}; known services: {known}",
            code="service_unknown",
            service=code,
        )


class CatalogueError(ValidationError):
    pass


def _req(obj: Mapping[str, Any], key: str, typ: type, path: str) -> Any:
    if key not in obj:
        raise CatalogueError(f"catalogue: {path}.{key} is missing")
    value = obj[key]
    if typ is int and isinstance(value, bool):
        raise CatalogueError(f"catalogue: {path}.{key} must be an integer")
    if not isinstance(value, typ):
        raise CatalogueError(f"catalogue: {path}.{key} must be {typ.__name__}")
    return value


def _text(obj: Mapping[str, Any], key: str, path: str) -> Text:
    raw = _req(obj, key, dict, path)
    ident = raw.get("id")
    en = raw.get("en")
    if not isinstance(ident, str) or not ident.strip() or not isinstance(en, str) or not en:
        raise CatalogueError(f"catalogue: {path}.{key} needs non-empty 'id' and 'en' texts")
    return Text(ident, en)


def _service(raw: Mapping[str, Any], path: str, check_templates: bool = True) -> Service:
    code = _req(raw, "code", str, path)
    if not _CODE.match(code):
        raise CatalogueError(f"catalogue: {path}.code {code!r} must be 2-6 capitals or digits")
    path = f"services[{code}]"
    prefix = _req(raw, "ticket_prefix", str, path)
    if not re.fullmatch(r"[A-Z]", prefix):
        raise CatalogueError(f"catalogue: {path}.ticket_prefix must be one capital letter")
    product = _req(raw, "product", str, path)
    if product not in PRODUCTS:
        raise CatalogueError(f"catalogue: {path}.product must be one of {PRODUCTS}")
    days = _req(raw, "days", int, path)
    fee = _req(raw, "fee", int, path)
    if days < 0 or fee < 0:
        raise CatalogueError(f"catalogue: {path}.days and .fee must not be negative")
    reqs = []
    for i, r in enumerate(_req(raw, "requirements", list, path)):
        rp = f"{path}.requirements[{i}]"
        key = _req(r, "key", str, rp)
        if not _KEY.match(key):
            raise CatalogueError(f"catalogue: {rp}.key {key!r} must be lower_snake_case")
        reqs.append(Requirement(key, bool(_req(r, "required", bool, rp)), _text(r, "text", rp)))
    fields = []
    for i, f in enumerate(_req(raw, "fields", list, path)):
        fp = f"{path}.fields[{i}]"
        key = _req(f, "key", str, fp)
        ftype = _req(f, "type", str, fp)
        if not _KEY.match(key) or ftype not in FIELD_TYPES:
            raise CatalogueError(f"catalogue: {fp} has a bad key or type")
        choices = tuple(str(c) for c in f.get("choices", []))
        if ftype == "choice" and not choices:
            raise CatalogueError(f"catalogue: {fp} is a choice without choices")
        fields.append(
            Field(key, ftype, bool(_req(f, "required", bool, fp)), _text(f, "label", fp), choices)
        )
    if len({r.key for r in reqs}) != len(reqs) or len({f.key for f in fields}) != len(fields):
        raise CatalogueError(f"catalogue: {path} has duplicate requirement or field keys")
    letter = None
    if product == "letter":
        letter = _letter_template(
            _req(raw, "letter", dict, path),
            f"{path}.letter",
            [f.key for f in fields],
            check=check_templates,
        )
    referral = None
    if product == "referral":
        rf = _req(raw, "referral", dict, path)
        referral = Referral(
            _text(rf, "agency", f"{path}.referral"),
            tuple(
                _text({"t": b}, "t", f"{path}.referral.bring")
                for b in _req(rf, "bring", list, f"{path}.referral")
            ),
            _classification(rf.get("classification", ""), f"{path}.referral", empty=True),
            _letter_template(
                rf["letter"],
                f"{path}.referral.letter",
                [f.key for f in fields],
                numbered=False,
                check=check_templates,
            )
            if "letter" in rf
            else None,
        )
    eligibility = _eligibility(raw.get("eligibility"), f"{path}.eligibility", fields)
    return Service(
        code=code,
        ticket_prefix=prefix,
        category=_req(raw, "category", str, path),
        product=product,
        name=_text(raw, "name", path),
        description=_text(raw, "description", path),
        agency=_text(raw, "agency", path),
        legal_basis=_req(raw, "legal_basis", str, path),
        requirements=tuple(reqs),
        procedure=tuple(
            _text({"t": p}, "t", f"{path}.procedure") for p in _req(raw, "procedure", list, path)
        ),
        days=days,
        fee=fee,
        fee_note=_text(raw, "fee_note", path),
        fields=tuple(fields),
        letter=letter,
        referral=referral,
        eligibility=eligibility,
    )


_KECAMATAN = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
_ELIGIBILITY_KEYS = frozenset({"citizens_only", "min_age", "not_future", "residence"})


def _flag(obj: Mapping[str, Any], key: str, path: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise CatalogueError(f"catalogue: {path}.{key} must be true or false")
    return value


def _eligibility(raw: Any, path: str, fields: list[Field]) -> Eligibility:
    """The service's eligibility rules (see domain.eligibility); absent: none."""
    if raw is None:
        return Eligibility()
    if not isinstance(raw, dict):
        raise CatalogueError(f"catalogue: {path} must be an object")
    unknown = sorted(set(raw) - _ELIGIBILITY_KEYS)
    if unknown:
        raise CatalogueError(
            f"catalogue: {path} has unknown rule(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(_ELIGIBILITY_KEYS))}"
        )
    dates = {f.key for f in fields if f.type == "date"}
    min_age = None
    if "min_age" in raw:
        ap = f"{path}.min_age"
        rule = _req(raw, "min_age", dict, path)
        years = _req(rule, "years", int, ap)
        if not 1 <= years <= 120:
            raise CatalogueError(f"catalogue: {ap}.years must be 1-120")
        conditions = []
        for i, c in enumerate(rule.get("conditions", [])):
            cp = f"{ap}.conditions[{i}]"
            key = _req(c, "key", str, cp)
            if not _KEY.match(key):
                raise CatalogueError(f"catalogue: {cp}.key {key!r} must be lower_snake_case")
            conditions.append(Condition(key, _text(c, "label", cp)))
        birth_field = rule.get("birth_field", "")
        if birth_field and birth_field not in dates:
            raise CatalogueError(f"catalogue: {ap}.birth_field must name a date field")
        min_age = MinAge(years, tuple(conditions), birth_field, _flag(rule, "overridable", ap))
    not_future = None
    if "not_future" in raw:
        np_ = f"{path}.not_future"
        rule = _req(raw, "not_future", dict, path)
        keys = tuple(_req(rule, "fields", list, np_))
        if not keys or any(k not in dates for k in keys):
            raise CatalogueError(f"catalogue: {np_}.fields must name date fields of the service")
        not_future = NotFuture(keys, _flag(rule, "overridable", np_))
    residence = None
    if "residence" in raw:
        rp = f"{path}.residence"
        rule = _req(raw, "residence", dict, path)
        codes = tuple(_req(rule, "kecamatan", list, rp))
        if not codes or not all(isinstance(c, str) and _KECAMATAN.match(c) for c in codes):
            raise CatalogueError(f"catalogue: {rp}.kecamatan must list codes like 61.07.07")
        residence = Residence(codes, _text(rule, "label", rp))
    return Eligibility(_flag(raw, "citizens_only", path), min_age, not_future, residence)


def _classification(value: object, path: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or not (_CLASSIFICATION.match(value) or (empty and value == "")):
        raise CatalogueError(
            f"catalogue: {path}.classification {value!r} must be a classification code "
            "like 400.12.2.1 (Permendagri 83/2022: three digits, then dotted sub-codes)"
        )
    return value


def _letter_template(
    lt: Any, path: str, fields: list[str], *, numbered: bool = True, check: bool = True
) -> LetterTemplate:
    """A letter's template; ``numbered`` false: a referral's letter, numbered under the
    referral's classification (its own is then optional)."""
    if not isinstance(lt, dict):
        raise CatalogueError(f"catalogue: {path} must be an object")
    letter = LetterTemplate(
        _classification(
            _req(lt, "classification", str, path) if numbered else lt.get("classification", ""),
            path,
            empty=not numbered,
        ),
        _text(lt, "title", path),
        _text(lt, "body", path),
        _identity(lt.get("identity", list(DEFAULT_IDENTITY)), f"{path}.identity"),
    )
    if check:
        _check_bodies(letter, fields, f"{path}.body")
    return letter


def _identity(value: object, path: str) -> tuple[str, ...]:
    if (
        not isinstance(value, list)
        or any(v not in IDENTITY_ROWS for v in value)
        or len(set(value)) != len(value)
    ):
        raise CatalogueError(
            f"catalogue: {path} must list some of {', '.join(IDENTITY_ROWS)}, each once"
        )
    return tuple(str(v) for v in value)


def _check_bodies(letter: LetterTemplate, fields: list[str], path: str) -> None:
    for lang in ("id", "en"):
        try:
            check_body_template(letter.body.get(lang), fields, what=f"{path}.{lang}")
        except ValidationError as exc:
            raise CatalogueError(f"catalogue: {exc.message}") from None


def parse_catalogue(raw: Any, *, check_templates: bool = True) -> Catalogue:
    """The catalogue in ``raw``; ``check_templates`` false skips parsing the letter body
    templates (a desk reading what it installed: the letter renderer parses them again and
    refuses a bad one for that letter only)."""
    if not isinstance(raw, dict):
        raise CatalogueError("catalogue: the top level must be an object")
    services = tuple(
        _service(s, f"services[{i}]", check_templates)
        for i, s in enumerate(_req(raw, "services", list, "$"))
    )
    codes = [s.code for s in services]
    if len(set(codes)) != len(codes):
        raise CatalogueError("catalogue: service codes are not unique")
    return Catalogue(
        version=_req(raw, "version", int, "$"),
        district=_req(raw, "district", str, "$"),
        complaint_channel=_text(raw, "complaint_channel", "$"),
        services=services,
    )
