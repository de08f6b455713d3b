"""NIK (Nomor Induk Kependudukan) checks with messages that say what is wrong.

Layout: PPRRSS DDMMYY XXXX — province, regency, kecamatan, birth date (40 is
added to the day for women), and a serial number. python-stdnum gives the
compact form; the region digits are checked against the Kemendagri code list
(``domain.regions``; python-stdnum's own table is BPS numbering from before
2012). The region is where the NIK was first issued, not where the person lives
now: a former code (a regency renumbered since) is accepted and shown as such.

A region code missing from the list (a regency or kecamatan formed after the
list was made) is refused with ``overridable=True`` in the error's params: a
supervisor may accept it with a recorded reason (``accept_unlisted=True``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from stdnum.id import nik as stdnum_nik

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.regions import DISTRIK_PROVINCES, RegionTable, default_table

# Codes of the refusals a supervisor may accept (a code missing from the list).
UNLISTED_REGION_CODES = ("nik_province", "nik_regency", "nik_kecamatan")


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
    former: bool = False  # the regency code was replaced since (still valid)
    successor: str = ""  # dotted code that replaced a former regency code
    kecamatan_checked: bool = True  # False under a former code (no list of that time)
    unlisted: str = ""  # the refusal code a supervisor accepted ("" when listed)

    @property
    def region_text(self) -> str:
        """Where the NIK was first issued, e.g. "Kecamatan Jagoi Babang, Kabupaten
        Bengkayang, Kalimantan Barat"; a former regency code says so."""
        regency = self.regency
        if self.former:
            now = f", now {self.successor}" if self.successor else ""
            regency = f"{regency} (former code {self.kecamatan_code[:5]}{now})"
        parts = [p for p in (self.subdistrict, regency, self.province) if p]
        return ", ".join(parts)

    @property
    def kecamatan_code(self) -> str:
        """Dotted: ``61.07.07``."""
        n = self.nik
        return f"{n[0:2]}.{n[2:4]}.{n[4:6]}"


def _fail(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError(message, code=code, field="nik", **params)


def _unlisted(message: str, code: str, **params: object) -> ValidationError:
    return _fail(
        message + "; if the card is genuine, a supervisor can accept it with a reason",
        code,
        overridable=True,
        rule=code,
        **params,
    )


def _kecamatan_word(province: str) -> str:
    return "Distrik" if province in DISTRIK_PROVINCES else "Kecamatan"


def parse_nik(
    text: str,
    *,
    reference_year: int,
    today: datetime.date | None = None,
    regions: RegionTable | None = None,
    accept_unlisted: bool = False,
) -> NikInfo:
    """Validate a NIK and decode it.

    ``reference_year`` decides the century of the two-digit birth year (a birth
    year cannot be after it); pass the current year. With ``today`` (the desk's
    date) a birth date after it is refused: the desk's clock may be wrong, so
    only dates after the desk's own today are refused, never "recent" ones.
    ``accept_unlisted`` accepts a region code missing from the list (a
    supervisor's decision, recorded by the caller).
    """
    table = regions or default_table()
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
    day_raw, month, yy = int(number[6:8]), int(number[8:10]), int(number[10:12])
    female = day_raw > 40
    day = day_raw - 40 if female else day_raw
    prov = number[:2]
    province = table.get(prov)
    if province is None and not accept_unlisted:
        raise _unlisted(
            f"NIK starts with {prov}, which is not an Indonesian province code",
            "nik_province",
            province=prov,
        )
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
    if today is not None and birth > today:
        raise _fail(
            f"NIK digits 7-12 give birth date {birth:%d-%m-%Y}, which is after today "
            f"({today:%d-%m-%Y} by this computer's clock); check the NIK, and the "
            "computer's date if it is wrong",
            "nik_birth_future",
            birth=birth.isoformat(),
            today=today.isoformat(),
        )
    if number[12:] == "0000":
        raise _fail("NIK serial number (last 4 digits) cannot be 0000", "nik_serial")
    if number[4:6] == "00":
        raise _fail("NIK digits 5-6 (sub-district) cannot be 00", "nik_subdistrict")
    prov_name = province.name if province else ""
    reg_code = f"{prov}.{number[2:4]}"
    kec_code = f"{reg_code}.{number[4:6]}"
    regency = table.get(reg_code)
    unlisted = "" if province else "nik_province"
    if regency is None and province is not None and not accept_unlisted:
        raise _unlisted(
            f"NIK starts with {number[:4]}, which is not a known regency of {prov_name} "
            f"(no regency {reg_code} in the Kemendagri code list)",
            "nik_regency",
            regency=number[:4],
            province_name=prov_name,
        )
    if regency is None:
        unlisted = unlisted or "nik_regency"
    word = _kecamatan_word(prov)
    kecamatan_name = ""
    kecamatan_checked = regency is not None and not regency.former
    if kecamatan_checked:
        kecamatan = table.get(kec_code)
        if kecamatan is None:
            if not accept_unlisted:
                assert regency is not None
                have = table.kecamatan_range(reg_code)
                raise _unlisted(
                    f"{word} {kec_code} is not in the Kemendagri code list "
                    f"({regency.name} has {have})",
                    "nik_kecamatan",
                    kecamatan=kec_code,
                    regency_name=regency.name,
                    range=have,
                )
            unlisted = "nik_kecamatan"
        else:
            kecamatan_name = f"{word} {kecamatan.name}"
    return NikInfo(
        nik=number,
        province_code=prov,
        regency_code=number[:4],
        subdistrict_code=number[:6],
        birth_date=birth,
        sex="F" if female else "M",
        province=prov_name,
        regency=regency.name if regency else "",
        subdistrict=kecamatan_name,
        former=bool(regency and regency.former),
        successor=regency.successor if regency else "",
        kecamatan_checked=kecamatan_checked and not unlisted,
        unlisted=unlisted,
    )


def mask_nik(nik: str) -> str:
    """Show only what is needed to compare with the card: 6107******450001 style."""
    if len(nik) != 16:
        return "*" * len(nik)
    return nik[:4] + "*" * 8 + nik[12:]
