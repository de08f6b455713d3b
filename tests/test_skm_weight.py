"""The IKM weight (exact 1/9 by default, the rounded 0.111 on request), the grade taken from
the reported value, and the regulation's questionnaire (PermenPAN-RB 14/2017, Lampiran)."""

from __future__ import annotations

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.skm import (
    ELEMENTS,
    EXACT_WEIGHT,
    OFFICIAL_WEIGHT,
    QUESTIONS,
    compute,
    from_nrr,
    weight_label,
)

# ten answers, 48 fours and 42 threes: sum of NRR = 318 / 10 = 31.8
EDGE = [[4] * 9] * 5 + [[4, 4, 4, 3, 3, 3, 3, 3, 3]] + [[3] * 9] * 4


def test_exact_weight_is_the_default_and_the_grade_follows_the_reported_value() -> None:
    exact = compute(EDGE)
    assert exact is not None and exact.weight == EXACT_WEIGHT
    # 31.8 / 9 x 25 = 88.33 -> A (88.31 and above)
    assert round(exact.ikm, 2) == 88.33 and exact.grade == "A"
    assert exact.grade_text.id == "Sangat Baik"
    # 31.8 x 0.111 x 25 = 88.245 -> 88.25 -> B: the rounded weight loses the A
    rounded = compute(EDGE, OFFICIAL_WEIGHT)
    assert rounded is not None and round(rounded.ikm, 2) == 88.25 and rounded.grade == "B"
    assert exact.with_weight(OFFICIAL_WEIGHT) == rounded
    assert rounded.weighted_nrr == tuple(x * 0.111 for x in rounded.nrr)
    assert sum(exact.weighted_nrr) * 25 == pytest.approx(exact.ikm)


@pytest.mark.parametrize(
    ("nrr_sum", "exact_grade", "rounded_grade"),
    [
        (31.8, "A", "B"),  # 88.33 / 88.25 (edge 88.31)
        (27.6, "B", "C"),  # 76.67 / 76.59 (edge 76.61)
        (23.4, "C", "D"),  # 65.00 / 64.94 (edge 65.00)
        (36.0, "A", "A"),  # 100 / 99.9
    ],
)
def test_grade_flips_at_each_band_edge(
    nrr_sum: float, exact_grade: str, rounded_grade: str
) -> None:
    nrr = [nrr_sum / 9] * 9
    assert from_nrr(10, nrr).grade == exact_grade
    assert from_nrr(10, nrr, OFFICIAL_WEIGHT).grade == rounded_grade


def test_the_rounded_weight_is_a_tenth_of_a_percent_low() -> None:
    # an office whose exact index is 87.28 publishes 87.19 with the rounded weight
    nrr = [87.28 / 25] * 9
    assert round(from_nrr(1, nrr).ikm, 2) == 87.28
    assert round(from_nrr(1, nrr, OFFICIAL_WEIGHT).ikm, 2) == 87.19


def test_weights_are_named_and_only_the_two() -> None:
    assert "1/9" in weight_label(EXACT_WEIGHT).id
    assert "0,111" in weight_label(OFFICIAL_WEIGHT).id
    assert "0.111" in weight_label(OFFICIAL_WEIGHT).en
    result = compute([[3] * 9])
    assert result is not None
    with pytest.raises(ValidationError, match="1/9"):
        result.with_weight(0.11)
    with pytest.raises(ValidationError, match="9 NRR"):
        from_nrr(1, [3.0] * 8)


def test_nine_questions_each_with_its_own_four_answers() -> None:
    assert [q.code for q in QUESTIONS] == [code for code, _ in ELEMENTS]
    for q in QUESTIONS:
        assert q.question.id.endswith("?") and q.question.en.endswith("?")
        assert len({a.id for a in q.answers}) == 4 and len({a.en for a in q.answers}) == 4
    by_code = {q.code: q for q in QUESTIONS}
    assert [a.id for a in by_code["U4"].answers] == [
        "Sangat mahal",
        "Cukup mahal",
        "Murah",
        "Gratis",
    ]
    assert [a.id for a in by_code["U8"].answers] == [
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ]
    assert [a.id for a in by_code["U1"].answers][3] == "Sangat sesuai"
    assert [a.id for a in by_code["U3"].answers] == [
        "Tidak cepat",
        "Kurang cepat",
        "Cepat",
        "Sangat cepat",
    ]
    assert len({q.question.id for q in QUESTIONS}) == 9
