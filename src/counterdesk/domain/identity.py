"""Who a request is for: an Indonesian citizen by NIK, or a foreigner by passport."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.nik import NikInfo, mask_nik, parse_nik

# ISO 3166-1 alpha-2 codes.
_COUNTRY_CODES = (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW "
)
COUNTRIES = frozenset(_COUNTRY_CODES.split())
ALPHA3 = {"MYS": "MY", "IDN": "ID", "BRN": "BN", "SGP": "SG", "PHL": "PH", "THA": "TH"}

_PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")
_NAME_CHARS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '’.,\-])*$", re.UNICODE)
MAX_NAME = 100
PASSPORT = _PASSPORT  # a passport number as stored (the event contract checks it)


def clean_name(text: str) -> str:
    """Normalise a person's name and refuse what cannot be a name."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise ValidationError(
            "name is empty; type the name as on the ID card", code="name_empty", field="name"
        )
    if len(name) > MAX_NAME:
        raise ValidationError(
            f"name is {len(name)} characters long; at most {MAX_NAME} are allowed",
            code="name_long",
            field="name",
            length=len(name),
        )
    if not _NAME_CHARS.match(name):
        raise ValidationError(
            f"name {name!r} may contain only letters, spaces and ' . , -",
            code="name_chars",
            field="name",
        )
    return name


@dataclass(frozen=True)
class Identity:
    """Exactly one of ``nik`` or (``passport``, ``nationality``)."""

    nik: str | None = None
    passport: str | None = None
    nationality: str | None = None
    nik_info: NikInfo | None = None

    @property
    def key(self) -> str:
        """A stable key for the citizen: ``nik:...`` or ``passport:CC:...``."""
        if self.nik:
            return f"nik:{self.nik}"
        return f"passport:{self.nationality}:{self.passport}"

    @property
    def masked(self) -> str:
        if self.nik:
            return "NIK " + mask_nik(self.nik)
        p = self.passport or ""
        return f"Paspor {self.nationality} " + ("*" * max(0, len(p) - 4)) + p[-4:]


def make_identity(
    *,
    nik: str | None,
    passport: str | None,
    nationality: str | None,
    reference_year: int,
    today: datetime.date | None = None,
    accept_unlisted: bool = False,
) -> Identity:
    """Check who the request is for. ``today`` (the desk's date) refuses a birth
    date after it; ``accept_unlisted`` accepts a NIK region code missing from the
    Kemendagri list (a supervisor's decision, see ``domain.nik``)."""
    nik = (nik or "").strip() or None
    passport = (passport or "").strip() or None
    nationality = (nationality or "").strip() or None
    if nik and (passport or nationality):
        raise ValidationError(
            "give either a NIK (Indonesian citizens) or a passport number with nationality "
            "(foreigners), not both",
            code="identity_both",
            field="nik",
        )
    if nik:
        info = parse_nik(
            nik, reference_year=reference_year, today=today, accept_unlisted=accept_unlisted
        )
        return Identity(nik=info.nik, nik_info=info)
    if not passport and not nationality:
        raise ValidationError(
            "an identity is required: a NIK, or a passport number with nationality",
            code="identity_missing",
            field="nik",
        )
    if not passport:
        raise ValidationError(
            "passport number is missing", code="passport_missing", field="passport"
        )
    if not nationality:
        raise ValidationError(
            "nationality is missing; give the 2-letter country code, e.g. MY for Malaysia",
            code="nationality_missing",
            field="nationality",
        )
    number = re.sub(r"[\s-]", "", passport).upper()
    if not _PASSPORT.match(number):
        raise ValidationError(
            f"passport number {passport!r} must be 5-20 letters and digits",
            code="passport_format",
            field="passport",
        )
    cc = nationality.upper()
    cc = ALPHA3.get(cc, cc)
    if cc not in COUNTRIES:
        raise ValidationError(
            f"nationality {nationality!r} is not a country code; use 2 letters, e.g. MY",
            code="nationality_unknown",
            field="nationality",
        )
    if cc == "ID":
        raise ValidationError(
            "Indonesian citizens are registered by NIK, not by passport",
            code="nationality_id",
            field="nationality",
        )
    return Identity(passport=number, nationality=cc)
