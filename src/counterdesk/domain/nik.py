"""NIK (Nomor Induk Kependudukan) checks with messages that say what is wrong.

Layout: PPRRSS DDMMYY XXXX — province, regency, sub-district, birth date (40 is
added to the day for women), and a serial number. python-stdnum does the
format checks; this module explains failures and decodes the parts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from stdnum import numdb
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.id import nik as stdnum_nik

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.regions import PROVINCES, REGENCIES, SUBDISTRICTS


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province_code: str
    regency_code: str
    subdistrict_code: str
    birth_date: datetime.date
    sex: str  # "F" or "M"
    province: str
    regency: str
    subdistrict: str

    @property
    def region_text(self) -> str:
        parts = [p for p in (self.subdistrict, self.regency, self.province) if p]
        return ", ".join(parts)


def _fail(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError(message, code=code, field="nik", **params)


def _regency_known(code: str) -> bool:
    if code in REGENCIES:
        return True
    parts = numdb.get("id/loc").info(code)
    return len(parts) > 1 and bool(parts[1][1])


def parse_nik(text: str, *, reference_year: int) -> NikInfo:
    """Validate a NIK and decode it.

    ``reference_year`` decides the century of the two-digit birth year (a birth
    year cannot be after it); pass the current year. It never rejects a NIK.
    """
    number = stdnum_nik.compact(text)
    if not number:
        raise _fail("NIK is empty; type the 16 digits from the KTP-el", "nik_empty")
    if not number.isdigit() or not number.isascii():
        raise _fail(
            f"NIK must contain only digits; {text.strip()!r} has other characters",
            "nik_not_digits",
        )
    if len(number) != 16:
        raise _fail(
            f"NIK must have 16 digits; this one has {len(number)}",
            "nik_length",
            length=len(number),
        )
    prov = number[:2]
    if prov not in PROVINCES:
        raise _fail(
            f"NIK starts with {prov}, which is not an Indonesian province code",
            "nik_province",
            province=prov,
        )
    day_raw, month, yy = int(number[6:8]), int(number[8:10]), int(number[10:12])
    female = day_raw > 40
    day = day_raw - 40 if female else day_raw
    if not 1 <= month <= 12:
        raise _fail(
            f"NIK digits 9-10 give birth month {month:02d}, which does not exist",
            "nik_month",
            month=month,
        )
    year = 2000 + yy if 2000 + yy <= reference_year else 1900 + yy
    try:
        birth = datetime.date(year, month, day)
    except ValueError:
        hint = " (for women 40 is added to the day: 41-71)" if day_raw > 31 else ""
        raise _fail(
            f"NIK digits 7-8 give birth day {day_raw:02d}{hint}, "
            f"which is not a day of month {month:02d}",
            "nik_day",
            day=day_raw,
            month=month,
        ) from None
    if number[12:] == "0000":
        raise _fail("NIK serial number (last 4 digits) cannot be 0000", "nik_serial")
    if number[4:6] == "00":
        raise _fail("NIK digits 5-6 (sub-district) cannot be 00", "nik_subdistrict")
    try:
        stdnum_nik.validate(number)
        if not _regency_known(number[:4]):
            raise StdnumValidationError()
    except StdnumValidationError:
        raise _fail(
            f"NIK starts with {number[:4]}, which is not a known regency of {PROVINCES[prov]}",
            "nik_regency",
            regency=number[:4],
        ) from None
    return NikInfo(
        nik=number,
        province_code=prov,
        regency_code=number[:4],
        subdistrict_code=number[:6],
        birth_date=birth,
        sex="F" if female else "M",
        province=PROVINCES[prov],
        regency=REGENCIES.get(number[:4], ""),
        subdistrict=SUBDISTRICTS.get(number[:6], ""),
    )


def mask_nik(nik: str) -> str:
    """Show only what is needed to compare with the card: 6107******450001 style."""
    if len(nik) != 16:
        return "*" * len(nik)
    return nik[:4] + "*" * 8 + nik[12:]
