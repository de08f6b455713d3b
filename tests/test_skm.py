"""SKM/IKM arithmetic (PermenPAN-RB 14/2017)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.skm import compute, grade


def test_published_example_all_very_satisfied() -> None:
    # Dinas Dukcapil Tulang Bawang Barat, SKM 2023 semester 1 (published online report):
    # one respondent scoring 4 on U1..U9 -> NRR 4, weighted 0.44 each, IKM 100 (Sangat Baik);
    # with the official weight 0.111 the index is 99.9, which the report rounds to 100.
    r = compute([[4] * 9])
    assert r is not None
    assert r.nrr == (4.0,) * 9
    assert [round(x * 0.111, 2) for x in r.nrr] == [0.44] * 9
    assert round(r.ikm_official, 2) == 99.9  # 9 x 0.111 = 0.999: the official weights
    assert r.ikm_exact == 100.0
    assert r.grade == "A" and r.grade_text.id == "Sangat Baik"


def test_worked_example_by_hand() -> None:
    # Ten respondents; element sums 32, 31, 30, 40, 33, 35, 36, 30, 29.
    sums = [32, 31, 30, 40, 33, 35, 36, 30, 29]
    responses = []
    for k in range(10):
        responses.append([4 if k < s - 30 else 3 for s in sums])
    # Elements whose sum is below 30 need some 2s: U9 sum 29 -> one respondent scores 2.
    responses[9][8] = 2
    r = compute(responses)
    assert r is not None and r.respondents == 10
    assert [round(x, 2) for x in r.nrr] == [3.2, 3.1, 3.0, 4.0, 3.3, 3.5, 3.6, 3.0, 2.9]
    # sum NRR = 29.6; x 0.111 = 3.2856; x 25 = 82.14 (B, Baik). Exact: 29.6 / 9 x 25 = 82.22.
    assert round(r.ikm_official, 2) == 82.14
    assert round(r.ikm_exact, 2) == 82.22
    assert r.grade == "B"


@pytest.mark.parametrize(
    ("ikm", "letter"),
    [
        (100, "A"),
        (88.31, "A"),
        (88.30, "B"),
        (76.61, "B"),
        (76.60, "C"),
        (65.0, "C"),
        (64.99, "D"),
        (25.0, "D"),
    ],
)
def test_grade_boundaries(ikm: float, letter: str) -> None:
    assert grade(ikm)[0] == letter


def test_bad_answers_are_refused() -> None:
    with pytest.raises(ValidationError, match="9 questions"):
        compute([[4] * 8])
    with pytest.raises(ValidationError, match="U3 must be 1, 2, 3 or 4"):
        compute([[4, 4, 5, 4, 4, 4, 4, 4, 4]])
    assert compute([]) is None


@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=50))
def test_index_stays_in_range(responses: list[list[int]]) -> None:
    r = compute(responses)
    assert r is not None
    assert 25 * 0.999 - 1e-9 <= r.ikm_official <= 100
    assert 25 <= r.ikm_exact <= 100
    assert abs(r.ikm_exact * 0.999 - r.ikm_official) < 1e-9
