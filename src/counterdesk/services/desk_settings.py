"""Reading and changing the desk's settings (stored as JSON with the desk).

Only an administrator may change them. Each key must be a ``DeskSettings``
field and each value of that field's type; a few fields also have a fixed set
of values. Settings are configuration, not records: they are written to the
``desk`` row directly, not to the event log.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from counterdesk.config import DeskSettings
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.numbering import LetterNumberTemplate
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk, NoDesk
from counterdesk.services.staff import StaffSession

_DEFAULTS = DeskSettings()
# Field name -> the type of its value (taken from the defaults: config uses postponed annotations).
SETTING_TYPES: dict[str, type] = {
    f.name: type(getattr(_DEFAULTS, f.name)) for f in fields(DeskSettings)
}
CHOICES: dict[str, tuple[object, ...]] = {
    "language": ("id", "en"),
    "roll_mm": (58, 80),
    "letter_paper": ("A4", "F4"),
    "ticket_roll_mm": (0, 58, 80),
    "receipt_roll_mm": (0, 58, 80),
}
MAX_TEXT = 200
INACTIVITY_RANGE = (1, 240)
PRINT_TIMEOUT_RANGE = (5, 600)
ESCPOS_TARGETS = ("ticket_escpos", "receipt_escpos")


def get_settings(desk: Desk) -> DeskSettings:
    return desk.info.settings


def _check(key: str, value: object) -> None:
    expected = SETTING_TYPES.get(key)
    if expected is None:
        raise ValidationError(
            f"unknown setting {key!r}; known: {', '.join(sorted(SETTING_TYPES))}",
            code="setting_unknown",
            field=key,
            key=key,
        )
    # bool is an int in Python: an int setting must not take True, nor a bool one 1.
    if type(value) is not expected:
        raise ValidationError(
            f"setting {key!r} must be {expected.__name__}, got {type(value).__name__}",
            code="setting_type",
            field=key,
            key=key,
            expected=expected.__name__,
        )
    choices = CHOICES.get(key)
    if choices is not None and value not in choices:
        raise ValidationError(
            f"setting {key!r} must be one of {', '.join(map(str, choices))}; got {value!r}",
            code="setting_choice",
            field=key,
            key=key,
            choices=", ".join(map(str, choices)),
        )
    if isinstance(value, str) and (len(value) > MAX_TEXT or "\x00" in value):
        raise ValidationError(
            f"setting {key!r} is too long (at most {MAX_TEXT} characters)",
            code="setting_long",
            field=key,
            key=key,
            max=MAX_TEXT,
        )
    if key == "inactivity_minutes" and isinstance(value, int):
        low, high = INACTIVITY_RANGE
        if not low <= value <= high:
            raise ValidationError(
                f"inactivity_minutes must be between {low} and {high}; got {value}",
                code="setting_range",
                field=key,
                key=key,
                low=low,
                high=high,
            )
    if key == "print_timeout_s" and isinstance(value, int):
        low, high = PRINT_TIMEOUT_RANGE
        if not low <= value <= high:
            raise ValidationError(
                f"print_timeout_s must be between {low} and {high}; got {value}",
                code="setting_range",
                field=key,
                key=key,
                low=low,
                high=high,
            )
    if key in ESCPOS_TARGETS and isinstance(value, str) and value.strip():
        from counterdesk.services.escpos import parse_target

        try:
            parse_target(value)
        except CounterdeskError as exc:
            raise ValidationError(
                str(exc), code="escpos_target", field=key, key=key, target=value
            ) from None
    if key == "letter_number_template":
        LetterNumberTemplate(str(value)).validate()


def update_settings(desk: Desk, session: StaffSession, **changes: Any) -> DeskSettings:
    """Change some settings (administrators only); returns the settings now in force.

    Every change is checked before anything is written: one bad value changes nothing.
    """
    session.require(Role.ADMIN, "change the desk settings")
    for key, value in changes.items():
        _check(key, value)
    with desk.transaction():
        row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
        if row is None:
            raise NoDesk("no desk is set up here", code="no_desk")
        stored = json.loads(row["settings"] or "{}")
        stored.update(changes)
        desk.conn.execute(
            "UPDATE desk SET settings = ? WHERE id = 1",
            [json.dumps(stored, sort_keys=True, ensure_ascii=False)],
        )
    desk.invalidate()
    return desk.info.settings
