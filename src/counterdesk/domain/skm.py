"""The citizen satisfaction survey (SKM, PermenPAN-RB 14/2017) and its index (IKM).

Nine elements U1..U9, each asked as the regulation's questionnaire asks it, with its own
four answers (scored 1-4; see :data:`QUESTIONS`). Per element the NRR is the mean score;
IKM = sum(NRR x weight) x 25. The regulation's weight is 1/9 (each element counts the
same); its worked example rounds it to 0.111, which gives a value 0.1 % low (87.19 for an
office whose NRRs give 87.28) and can drop a grade at a band edge. So the exact 1/9 is the
default (:data:`EXACT_WEIGHT`) and 0.111 the "official rounded" variant
(:data:`OFFICIAL_WEIGHT`); every report says which one it used (:func:`weight_label`).
Grades, applied to the reported value rounded to two decimals: A 88.31-100,
B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

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
EXACT_WEIGHT: Final = 1 / 9
OFFICIAL_WEIGHT: Final = 0.111  # the regulation's example, rounded
WEIGHTS: Final = {"exact": EXACT_WEIGHT, "0.111": OFFICIAL_WEIGHT}  # for command lines
MAX_COMMENT = 500


@dataclass(frozen=True)
class Question:
    """One element as the citizen is asked it: the question and its four answers (1-4)."""

    code: str
    question: Text
    answers: tuple[Text, Text, Text, Text]


def _q(
    code: str,
    question: Text,
    a1: tuple[str, str],
    a2: tuple[str, str],
    a3: tuple[str, str],
    a4: tuple[str, str],
) -> Question:
    return Question(code, question, (Text(*a1), Text(*a2), Text(*a3), Text(*a4)))


# The questionnaire of PermenPAN-RB 14/2017 (Lampiran), in plain words, in the stored
# order U1..U9 (the regulation's form asks about facilities before complaints).
QUESTIONS: tuple[Question, ...] = (
    _q(
        "U1",
        Text(
            "Apakah persyaratan pelayanan sesuai dengan jenis layanannya?",
            "Did the requirements fit the service you asked for?",
        ),
        ("Tidak sesuai", "Not suitable"),
        ("Kurang sesuai", "Somewhat suitable"),
        ("Sesuai", "Suitable"),
        ("Sangat sesuai", "Very suitable"),
    ),
    _q(
        "U2",
        Text(
            "Seberapa mudah prosedur pelayanan di sini?",
            "How easy was the procedure here?",
        ),
        ("Tidak mudah", "Not easy"),
        ("Kurang mudah", "Somewhat easy"),
        ("Mudah", "Easy"),
        ("Sangat mudah", "Very easy"),
    ),
    _q(
        "U3",
        Text(
            "Seberapa cepat waktu pelayanannya?",
            "How fast was the service?",
        ),
        ("Tidak cepat", "Not fast"),
        ("Kurang cepat", "Somewhat fast"),
        ("Cepat", "Fast"),
        ("Sangat cepat", "Very fast"),
    ),
    _q(
        "U4",
        Text(
            "Bagaimana biaya atau tarif pelayanannya?",
            "What did you think of the cost of the service?",
        ),
        ("Sangat mahal", "Very expensive"),
        ("Cukup mahal", "Fairly expensive"),
        ("Murah", "Cheap"),
        ("Gratis", "Free"),
    ),
    _q(
        "U5",
        Text(
            "Apakah hasil pelayanan sesuai dengan yang tercantum dalam standar pelayanan?",
            "Did the result match what the service standard promises?",
        ),
        ("Tidak sesuai", "Not suitable"),
        ("Kurang sesuai", "Somewhat suitable"),
        ("Sesuai", "Suitable"),
        ("Sangat sesuai", "Very suitable"),
    ),
    _q(
        "U6",
        Text(
            "Bagaimana kemampuan petugas dalam melayani?",
            "How competent was the staff?",
        ),
        ("Tidak kompeten", "Not competent"),
        ("Kurang kompeten", "Somewhat competent"),
        ("Kompeten", "Competent"),
        ("Sangat kompeten", "Very competent"),
    ),
    _q(
        "U7",
        Text(
            "Bagaimana kesopanan dan keramahan petugas?",
            "How polite and friendly was the staff?",
        ),
        ("Tidak sopan dan ramah", "Not polite and friendly"),
        ("Kurang sopan dan ramah", "Somewhat polite and friendly"),
        ("Sopan dan ramah", "Polite and friendly"),
        ("Sangat sopan dan ramah", "Very polite and friendly"),
    ),
    _q(
        "U8",
        Text(
            "Bagaimana penanganan pengaduan, saran dan masukan di sini?",
            "How are complaints and suggestions handled here?",
        ),
        ("Tidak ada", "There is no way to complain"),
        ("Ada tetapi tidak berfungsi", "There is one, but it does not work"),
        ("Berfungsi kurang maksimal", "It works, but not well"),
        ("Dikelola dengan baik", "It is well managed"),
    ),
    _q(
        "U9",
        Text(
            "Bagaimana kualitas sarana dan prasarana (ruang tunggu, tempat duduk, toilet)?",
            "How good were the facilities (waiting room, seats, toilet)?",
        ),
        ("Buruk", "Poor"),
        ("Cukup", "Fair"),
        ("Baik", "Good"),
        ("Sangat baik", "Very good"),
    ),
)

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


def weight_label(weight: float) -> Text:
    """What a report prints about the weight its IKM used."""
    if weight == EXACT_WEIGHT:
        return Text("bobot tepat 1/9 per unsur", "exact weight 1/9 per element")
    if weight == OFFICIAL_WEIGHT:
        return Text(
            "bobot 0,111 per unsur (dibulatkan, seperti contoh PermenPAN-RB 14/2017)",
            "weight 0.111 per element (rounded, as in the PermenPAN-RB 14/2017 example)",
        )
    return Text(f"bobot {weight:.4f} per unsur", f"weight {weight:.4f} per element")


def check_weight(weight: float) -> float:
    if weight not in WEIGHTS.values():
        raise ValidationError(
            f"the IKM weight is 1/9 (exact) or 0.111 (rounded), not {weight!r}",
            code="skm_weight",
        )
    return weight


@dataclass(frozen=True)
class SkmResult:
    respondents: int
    nrr: tuple[float, ...]  # per element, unrounded
    ikm_official: float  # sum(NRR x 0.111) x 25
    ikm_exact: float  # mean of the NRRs x 25
    weight: float = EXACT_WEIGHT  # the weight of the reported value (``ikm``)

    @property
    def ikm(self) -> float:
        """The reported index (25-100) with this result's weight."""
        return self.ikm_exact if self.weight == EXACT_WEIGHT else self.ikm_official

    @property
    def weighted_nrr(self) -> tuple[float, ...]:
        return tuple(x * self.weight for x in self.nrr)

    @property
    def grade(self) -> str:
        return grade(self.ikm)[0]

    @property
    def grade_text(self) -> Text:
        return grade(self.ikm)[1]

    def with_weight(self, weight: float) -> SkmResult:
        return replace(self, weight=check_weight(weight))


def compute(responses: Iterable[Sequence[int]], weight: float = EXACT_WEIGHT) -> SkmResult | None:
    """The index over a set of responses; None when there are none."""
    totals = [0] * len(ELEMENTS)
    n = 0
    for scores in responses:
        for i, s in enumerate(check_scores(scores)):
            totals[i] += s
        n += 1
    if n == 0:
        return None
    return from_nrr(n, tuple(t / n for t in totals), weight)


def from_nrr(respondents: int, nrr: Sequence[float], weight: float = EXACT_WEIGHT) -> SkmResult:
    """The index from per-element mean scores (as published reports list them)."""
    if len(nrr) != len(ELEMENTS):
        raise ValidationError(f"the index needs {len(ELEMENTS)} NRR values", code="skm_count")
    values = tuple(float(x) for x in nrr)
    official = sum(x * OFFICIAL_WEIGHT for x in values) * 25
    exact = sum(values) / len(values) * 25
    return SkmResult(respondents, values, official, exact, check_weight(weight))
