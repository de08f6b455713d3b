import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.numbering import (
    LetterNumberTemplate,
    check_desk_code,
    epoch_tag,
    normalise_receipt,
    receipt_number,
    ticket_number,
)

EPOCH = "e3f1a2b4" + "0" * 24


def test_receipt_has_desk_epoch_counter_and_check() -> None:
    r = receipt_number("JGB-01", EPOCH, 42)
    assert r.startswith(f"JGB-01-{epoch_tag(EPOCH)}-00042")
    assert normalise_receipt(r.lower()) == r


def test_two_desks_never_share_a_receipt() -> None:
    a = {receipt_number("JGB-01", EPOCH, n) for n in range(1, 500)}
    b = {receipt_number("JGB-02", EPOCH, n) for n in range(1, 500)}
    assert not a & b


def test_new_epoch_gives_new_numbers() -> None:
    other = "17c2" + "9" * 28
    assert receipt_number("JGB-01", EPOCH, 1) != receipt_number("JGB-01", other, 1)


@given(st.integers(1, 10**8), st.integers(0, 15), st.sampled_from("0123456789"))
def test_check_character_catches_one_wrong_digit(counter: int, pos: int, digit: str) -> None:
    r = receipt_number("SLS-03", EPOCH, counter)
    digits = [i for i, c in enumerate(r[:-1]) if c.isdigit() and i > 6]
    i = digits[pos % len(digits)]
    if r[i] == digit:
        return
    typo = r[:i] + digit + r[i + 1 :]
    with pytest.raises(ValidationError):
        normalise_receipt(typo)


def test_bad_receipt_text() -> None:
    with pytest.raises(ValidationError, match="not a receipt number"):
        normalise_receipt("hello")


def test_ticket_number() -> None:
    assert ticket_number("A", 1) == "A-001"
    assert ticket_number("B", 1234) == "B-1234"


def test_desk_code() -> None:
    assert check_desk_code(" jgb-01 ") == "JGB-01"
    with pytest.raises(ValidationError):
        check_desk_code("JAGOI BABANG")


def test_letter_number_template() -> None:
    t = LetterNumberTemplate()
    number = t.format(classification="470", number=123, unit="JGB-01", month=11, year=2026)
    assert number == "470/0123/JGB-01/XI/2026"
    t.validate()
    with pytest.raises(ValidationError, match="unit"):
        LetterNumberTemplate("{classification}/{number}/{year}").validate()


def test_a_post_template_places_the_desk_where_the_office_wants() -> None:
    t = LetterNumberTemplate("400.12.2.1/{n}/Kec.JB/{year}.{desk_no}", full_desk=False)
    assert t.format(classification="x", number=7, unit="JGB-02", month=3, year=2027) == (
        "400.12.2.1/7/Kec.JB/2027.02"
    )
    padded = LetterNumberTemplate("{classification}/{n:03d}-{desk_no}/Kec.SLS/{roman_month}/{year}")
    with pytest.raises(ValidationError, match="must contain the desk"):
        padded.validate()  # {desk_no} alone names no post: only a post's own template may
    padded = LetterNumberTemplate(padded.pattern, full_desk=False)
    number = padded.format(classification="400.12", number=5, unit="SLS-01", month=4, year=2026)
    assert number == "400.12/005-01/Kec.SLS/IV/2026"


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("400.12/{n}/Kec.JB/{year", "not closed"),
        ("400.12/{n}}/Kec.JB/{year}/{desk}", "stands alone"),
        ("{n:>30000000}/{desk}/{year}", "zero padding"),
        ("{n:0999999d}/{desk}/{year}", "zero padding"),
        ("{n:07d}/{desk}/{year}", "more than 6"),
        ("{n.real}/{desk}/{year}", "plain name"),
        ("{n[0]}/{desk}/{year}", "plain name"),
        ("{n!r}/{desk}/{year}", "conversions"),
        ("{desk:>40}/{n}/{year}", "only numbers"),
        ("{n}{desk_no}/{year}", "separated"),
        ("{n}/{desk} {year}", "only letters, digits"),
        ("{n}/{desk}", "{year}"),
        ("{n}/{year}", "desk"),
        ("X" * 70 + "/{n}/{desk}/{year}", "longer than 60"),
    ],
)
def test_bad_number_templates_are_refused_with_the_reason(pattern: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(reason)) as exc:
        LetterNumberTemplate(pattern, full_desk=False).validate()
    assert exc.value.code == "letter_template"


@given(
    st.sampled_from(
        [
            "400.12.2.1/{n}/Kec.JB/{year}.{desk_no}",
            "{desk_no}.{n}/Kec.JB/{year}",
            "{classification}/{n:04d}/{desk}/{month_roman}/{year}",
            "{n}-{desk_no}/{month}/{year}",
        ]
    ),
    st.lists(st.integers(1, 5000), min_size=2, max_size=20, unique=True),
    st.integers(1, 12),
)
def test_desks_of_one_post_never_share_a_number(pattern: str, runs: list[int], month: int) -> None:
    template = LetterNumberTemplate(pattern, full_desk=False)
    numbers = [
        template.format(classification="400.12", number=n, unit=desk, month=month, year=2026)
        for desk in ("JGB-01", "JGB-02", "JGB-03")
        for n in runs
    ]
    assert len(set(numbers)) == len(numbers)
