"""Who may use a service: rules declared in the catalogue, checked at the desk.

Each service may declare (``"eligibility"`` in services.json, validated on load):

1. ``citizens_only``: Indonesian citizens (a NIK) only; a foreign passport is refused.
2. ``min_age``: the applicant must be at least ``years`` old on the desk's date,
   unless the clerk confirms one of its ``conditions`` (e.g. married, for the
   KTP-el). The birth date comes from the NIK, else from the service's
   ``birth_field``.
3. ``not_future``: date fields that cannot be after today (a death date).
4. ``residence``: the clerk confirms, from the address on the KTP-el or KK, that
   the applicant lives in one of the listed kecamatan, and copies that address.
   Never inferred from the NIK's digits: those say where the NIK was issued.

Each rule says whether a supervisor may accept a refusal with a reason
(``overridable``). ``check_eligibility`` returns the refusals in order; the
register service raises the first that is not accepted.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counterdesk.domain.errors import ValidationError

if TYPE_CHECKING:
    from counterdesk.domain.catalogue import Text

RULES = ("citizens_only", "min_age", "not_future", "residence")


@dataclass(frozen=True)
class Condition:
    key: str
    label: Text


@dataclass(frozen=True)
class MinAge:
    years: int
    conditions: tuple[Condition, ...] = ()
    birth_field: str = ""
    overridable: bool = False


@dataclass(frozen=True)
class NotFuture:
    fields: tuple[str, ...]
    overridable: bool = False


@dataclass(frozen=True)
class Residence:
    kecamatan: tuple[str, ...]  # dotted Kemendagri codes, e.g. "61.07.07"
    label: Text


@dataclass(frozen=True)
class Eligibility:
    citizens_only: bool = False
    min_age: MinAge | None = None
    not_future: NotFuture | None = None
    residence: Residence | None = None

    @property
    def empty(self) -> bool:
        return self == Eligibility()

    def conditions(self) -> tuple[Condition, ...]:
        return self.min_age.conditions if self.min_age else ()

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.citizens_only:
            out["citizens_only"] = True
        if self.min_age:
            out["min_age"] = {
                "years": self.min_age.years,
                "conditions": [c.key for c in self.min_age.conditions],
                "overridable": self.min_age.overridable,
            }
        if self.not_future:
            out["not_future"] = {
                "fields": list(self.not_future.fields),
                "overridable": self.not_future.overridable,
            }
        if self.residence:
            out["residence"] = {"kecamatan": list(self.residence.kecamatan)}
        return out


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Whole years from ``birth`` to ``day`` (29 February counts from 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _refusal(
    message: str, code: str, rule: str, overridable: bool, *, field: str, **params: object
) -> ValidationError:
    return ValidationError(
        message, code=code, field=field, rule=rule, overridable=overridable, **params
    )


def check_eligibility(
    service: str,
    rules: Eligibility,
    *,
    citizen: bool,
    birth_date: datetime.date | None,
    fields: Mapping[str, str],
    field_labels: Mapping[str, str],
    conditions: Sequence[str],
    residence_address: str,
    kecamatan_names: Sequence[str],
    today: datetime.date,
) -> list[ValidationError]:
    """The refusals for this request, in the order of the rules (empty: eligible).

    ``today`` is the desk's date: a wrong clock makes wrong refusals, so each
    message names the date it used.
    """
    out: list[ValidationError] = []
    if rules.citizens_only and not citizen:
        out.append(
            _refusal(
                f"service {service} is for Indonesian citizens only (a NIK is needed); "
                "it cannot be given on a foreign passport",
                "eligibility_citizens",
                "citizens_only",
                False,
                field="nik",
                service=service,
            )
        )
    age_rule = rules.min_age
    if age_rule is not None:
        known = {c.key for c in age_rule.conditions}
        met = [c for c in conditions if c in known]
        birth = birth_date
        if birth is None and age_rule.birth_field and fields.get(age_rule.birth_field):
            birth = datetime.date.fromisoformat(fields[age_rule.birth_field])
        unless = " or ".join(c.label.en for c in age_rule.conditions)
        unless_text = f" (or: {unless})" if unless else ""
        if met:
            pass
        elif birth is None:
            out.append(
                _refusal(
                    f"service {service} needs age {age_rule.years} or more{unless_text}, "
                    "and the birth date is not known; give it",
                    "eligibility_age_unknown",
                    "min_age",
                    age_rule.overridable,
                    field=age_rule.birth_field or "nik",
                    years=age_rule.years,
                )
            )
        elif (age := age_on(birth, today)) < age_rule.years:
            out.append(
                _refusal(
                    f"service {service} needs age {age_rule.years} or more{unless_text}; "
                    f"born {birth:%d-%m-%Y}, the applicant is {age} on {today:%d-%m-%Y}",
                    "eligibility_age",
                    "min_age",
                    age_rule.overridable,
                    field="nik" if birth_date is not None else age_rule.birth_field,
                    years=age_rule.years,
                    age=age,
                    birth=birth.isoformat(),
                    today=today.isoformat(),
                )
            )
    if rules.not_future is not None:
        for key in rules.not_future.fields:
            value = fields.get(key)
            if value and datetime.date.fromisoformat(value) > today:
                label = field_labels.get(key, key)
                out.append(
                    _refusal(
                        f"field {key!r} ({label}) is {value}, after today "
                        f"({today.isoformat()} by this computer's clock)",
                        "eligibility_future",
                        "not_future",
                        rules.not_future.overridable,
                        field=key,
                        label=label,
                        value=value,
                        today=today.isoformat(),
                    )
                )
    if rules.residence is not None and not residence_address.strip():
        places = ", ".join(kecamatan_names)
        out.append(
            _refusal(
                f"service {service} is only for residents of kecamatan {places}: confirm "
                "from the address on the KTP-el or KK (tick the box and copy the address)",
                "residence_required",
                "residence",
                False,
                field="residence",
                places=places,
            )
        )
    return out
