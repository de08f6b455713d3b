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
