import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.nik import mask_nik, parse_nik

from .conftest import NIK_MAN, NIK_OTHER, NIK_WOMAN


def test_man_is_decoded() -> None:
    info = parse_nik(NIK_MAN, reference_year=2026)
    assert info.birth_date == datetime.date(1980, 8, 17)
    assert info.sex == "M"
    assert info.regency == "Kabupaten Bengkayang"
    assert info.subdistrict == "Kecamatan Jagoi Babang"
    assert info.province == "Kalimantan Barat"


def test_woman_has_forty_added_to_the_day() -> None:
    info = parse_nik(NIK_WOMAN, reference_year=2026)
    assert info.birth_date == datetime.date(1995, 3, 12)
    assert info.sex == "F"
    assert info.subdistrict == "Kecamatan Seluas"


def test_separators_are_ignored() -> None:
    assert parse_nik("6107.0717 0880-0001", reference_year=2026).nik == NIK_MAN


def test_century_follows_reference_year() -> None:
    nik = "6107071708200001"  # born 2020
    assert parse_nik(nik, reference_year=2026).birth_date.year == 2020
    assert parse_nik(nik, reference_year=2019).birth_date.year == 1920


def test_other_provinces_are_valid() -> None:
    assert "Jakarta" in parse_nik(NIK_OTHER, reference_year=2026).province


@pytest.mark.parametrize(
    ("nik", "code", "words"),
    [
        ("", "nik_empty", "empty"),
        ("61070717088000", "nik_length", "16 digits; this one has 14"),
        ("61070717088000011", "nik_length", "has 17"),
        ("61070717088O0001", "nik_not_digits", "only digits"),
        ("9907071708800001", "nik_province", "not an Indonesian province"),
        ("6107073208800001", "nik_day", "birth day 32"),
        ("6107077208800001", "nik_day", "for women 40 is added"),
        ("6107071713800001", "nik_month", "month 13"),
        ("6107073002800001", "nik_day", "not a day of month 02"),
        ("6107071708800000", "nik_serial", "0000"),
        ("6107001708800001", "nik_subdistrict", "cannot be 00"),
        ("6199071708800001", "nik_regency", "6199"),
    ],
)
def test_bad_niks_say_what_is_wrong(nik: str, code: str, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_nik(nik, reference_year=2026)
    assert err.value.code == code
    assert words in str(err.value)
    assert err.value.field == "nik"


def test_mask_keeps_region_and_serial() -> None:
    assert mask_nik(NIK_MAN) == "6107********0001"


@given(st.text(max_size=30))
def test_parser_only_raises_validation_errors(text: str) -> None:
    try:
        info = parse_nik(text, reference_year=2026)
    except ValidationError:
        return
    assert len(info.nik) == 16 and info.nik.isdigit()
