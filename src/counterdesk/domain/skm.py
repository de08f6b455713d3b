"""The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017) and its index (IKM).

Nine elements U1..U9, each scored 1-4 by the citizen. Per element the NRR is
the mean score; the official index is IKM = sum(NRR x 0.111) x 25, and the
exact value uses a 1/9 weight. Grades: A 88.31-100, B 76.61-88.30,
C 65.00-76.60, D 25.00-64.99.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from counterdesk.domain.catalogue import Text
from counterdesk.domain.errors import ValidationError

ELEMENTS: tuple[tuple[str, Text], ...] = (
    ("U1", Text("Persyaratan", "Requirements")),
    ("U2", Text("Sistem, mekanisme dan prosedur", "Procedure")),
    ("U3", Text("Waktu penyelesaian", "Completion time")),
    ("U4", Text("Biaya/tarif", "Fee")),
    ("U5", Text("Produk spesifikasi jenis pelayanan", "Service product")),
    ("U6", Text("Kompetensi pelaksana", "Staff competence")),
    ("U7", Text("Perilaku pelaksana", "Staff behaviour")),
    ("U8", Text("Penanganan pengaduan, saran dan masukan", "Complaint handling")),
    ("U9", Text("Sarana dan prasarana", "Facilities")),
)  # the order of PermenPAN-RB 14/2017 (scores are stored in this order)
OFFICIAL_WEIGHT = 0.111
MAX_COMMENT = 500

GRADES = (  # (lowest IKM, grade, Indonesian, English)
    (88.31, "A", "Sangat Baik", "Very good"),
    (76.61, "B", "Baik", "Good"),
    (65.00, "C", "Kurang Baik", "Fair"),
    (25.00, "D", "Tidak Baik", "Poor"),
)


def check_scores(scores: Sequence[int]) -> tuple[int, ...]:
    if len(scores) != len(ELEMENTS):
        raise ValidationError(
            f"the survey has {len(ELEMENTS)} questions; {len(scores)} answers were given",
            code="skm_count",
        )
    for i, s in enumerate(scores):
        if isinstance(s, bool) or not isinstance(s, int) or not 1 <= s <= 4:
            raise ValidationError(
                f"answer {ELEMENTS[i][0]} must be 1, 2, 3 or 4, not {s!r}", code="skm_score"
            )
    return tuple(scores)


def grade(ikm: float) -> tuple[str, Text]:
    value = round(ikm, 2)
    for lowest, letter, text_id, text_en in GRADES:
        if value >= lowest:
            return letter, Text(text_id, text_en)
    return "D", Text(GRADES[-1][2], GRADES[-1][3])


@dataclass(frozen=True)
class SkmResult:
    respondents: int
    nrr: tuple[float, ...]  # per element, unrounded
    ikm_official: float  # sum(NRR x 0.111) x 25
    ikm_exact: float  # mean of the NRRs x 25

    @property
    def grade(self) -> str:
        return grade(self.ikm_official)[0]

    @property
    def grade_text(self) -> Text:
        return grade(self.ikm_official)[1]


def compute(responses: Iterable[Sequence[int]]) -> SkmResult | None:
    """The index over a set of responses; None when there are none."""
    totals = [0] * len(ELEMENTS)
    n = 0
    for scores in responses:
        for i, s in enumerate(check_scores(scores)):
            totals[i] += s
        n += 1
    if n == 0:
        return None
    nrr = tuple(t / n for t in totals)
    official = sum(x * OFFICIAL_WEIGHT for x in nrr) * 25
    exact = sum(nrr) / len(nrr) * 25
    return SkmResult(n, nrr, official, exact)
