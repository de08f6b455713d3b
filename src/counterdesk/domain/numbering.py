"""Receipt, ticket and letter numbers.

Receipt numbers are unique across every desk of a district with no network and
no trust in the clock: ``{desk}-{epoch tag}-{counter}{check}``, e.g. ``JGB-01-7KQ-00042X``.
The desk code is unique in the district (the hub enrolls it); the epoch tag
changes whenever the desk is restored or cloned, so a restored desk that
counts again from an old backup cannot reuse a number; the counter is taken in
the same transaction as the registration. A final check character catches
mistyped digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.templates import MAX_NUMBER, check_number_template, render

# Crockford base32: no I, L, O, U.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DESK = re.compile(r"^[A-Z]{2,5}-\d{2}$")
_RECEIPT = re.compile(r"^([A-Z]{2,5}-\d{2})-([0-9A-Z]{3})-(\d{5,9})([0-9A-Z])$")
DESK_CODE = _DESK  # a desk's code (the event contract checks events against it)
RECEIPT = _RECEIPT
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def check_desk_code(code: str) -> str:
    code = code.strip().upper()
    if not _DESK.match(code):
        raise ValidationError(
            f"desk code {code!r} must be 2-5 letters, a dash and 2 digits, e.g. JGB-01",
            code="desk_code",
        )
    return code


def epoch_tag(epoch: str) -> str:
    """Three base32 characters derived from the epoch's random id."""
    value = int(epoch[:8], 16)
    return "".join(ALPHABET[(value >> shift) & 31] for shift in (10, 5, 0))


def _check_char(body: str) -> str:
    """A weighted sum (weights 1 and 3, from the right) modulo 32 over base-36 values.

    Catches any single mistyped digit and any swap of two adjacent digits.
    """
    total = 0
    for i, ch in enumerate(reversed(body.replace("-", ""))):
        total += int(ch, 36) * (3 if i % 2 else 1)
    return ALPHABET[(-total) % 32]


_CROCKFORD_FIX = str.maketrans({"O": "0", "I": "1", "L": "1"})


def receipt_number(desk: str, epoch: str, counter: int) -> str:
    body = f"{desk}-{epoch_tag(epoch)}-{counter:05d}"
    return body + _check_char(body)


def normalise_receipt(text: str) -> str:
    """Clean a typed or scanned receipt number and verify its check character."""
    cleaned = "".join(text.split()).upper()
    parts = cleaned.split("-")
    if len(parts) == 4 and parts[3]:
        tag = parts[2].translate(_CROCKFORD_FIX)
        tail = parts[3][:-1].replace("O", "0") + parts[3][-1].translate(_CROCKFORD_FIX)
        cleaned = "-".join([parts[0], parts[1], tag, tail])
    m = _RECEIPT.match(cleaned)
    if not m:
        raise ValidationError(
            f"{text.strip()!r} is not a receipt number (like JGB-01-7KQ-000427)",
            code="receipt_format",
            field="receipt",
        )
    body = cleaned[:-1]
    if _check_char(body) != cleaned[-1]:
        raise ValidationError(
            f"receipt number {text.strip()!r} has a typing error (check character wrong)",
            code="receipt_check",
            field="receipt",
        )
    return cleaned


def ticket_number(prefix: str, counter: int) -> str:
    return f"{prefix}-{counter:03d}"


@dataclass(frozen=True)
class LetterNumberTemplate:
    """A letter number template, e.g. ``{classification}/{number:04d}/{unit}/{month_roman}/{year}``
    or a post's own form such as ``400.12.2.1/{n}/Kec.JB/{year}.{desk_no}``.

    Placeholders (see :mod:`counterdesk.domain.templates`, which parses them safely):
    ``classification``; ``n`` or ``number`` (running per desk, kind and year, zero padding
    like ``{n:04d}`` allowed); ``desk`` or ``unit`` (the desk code) or ``desk_no`` (its two
    digits, for a post's own template); ``month_roman`` / ``roman_month``; ``month``;
    ``year``. ``full_desk`` false accepts ``{desk_no}`` as the desk part (a post's template,
    whose fixed text names the post).
    """

    pattern: str = "{classification}/{number:04d}/{unit}/{month_roman}/{year}"
    full_desk: bool = True

    def format(self, *, classification: str, number: int, unit: str, month: int, year: int) -> str:
        parts = check_number_template(self.pattern, full_desk=self.full_desk)
        roman = ROMAN_MONTHS[month - 1]
        values: dict[str, str | int] = {
            "classification": classification,
            "number": number,
            "n": number,
            "unit": unit,
            "desk": unit,
            "desk_no": unit.rsplit("-", 1)[-1],
            "month_roman": roman,
            "roman_month": roman,
            "month": month,
            "year": year,
        }
        return render(parts, values, limit=MAX_NUMBER)

    def validate(self) -> None:
        check_number_template(self.pattern, full_desk=self.full_desk)
