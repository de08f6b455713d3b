"""Plain, frozen input records for the renderers.

These are the *only* inputs of ``render_*``: callers copy what they need out of
their own objects into these records (already formatted strings for dates, fees
and masked ID numbers), so the printing layer never touches the database or the
domain model.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Letterhead:
    """Kop surat: e.g. "PEMERINTAH KABUPATEN BENGKAYANG" / "KECAMATAN JAGOI BABANG"."""

    government: str
    office: str
    address: str
    logo_png: bytes | None = None


@dataclass(frozen=True)
class TicketDoc:
    """Queue ticket printed on a 58 or 80 mm roll."""

    ticket: str
    service_name: str
    post: str
    desk: str
    issued_at: str
    waiting_ahead: int | None
    training: bool
    roll_mm: int


@dataclass(frozen=True)
class ReceiptDoc:
    """Tanda terima (proof of application) printed on a 58 or 80 mm roll."""

    receipt: str
    ticket: str
    service_code: str
    service_name: str
    citizen_name: str
    citizen_id_masked: str
    registered_at: str
    due_date: str
    days: int
    fee_text: str
    requirements_given: list[str]
    requirements_missing: list[str]
    next_steps: list[str]
    complaint_channel: str
    desk: str
    post: str
    staff: str
    qr_payload: str
    training: bool
    roll_mm: int
    language: str = "id"


@dataclass(frozen=True)
class LetterDoc:
    """Official letter on A4 or F4 (215 x 330 mm); bilingual when English parts are given."""

    letterhead: Letterhead
    number: str
    title: str
    body_paragraphs: list[str]
    place: str
    date_text: str
    signer_name: str
    signer_title: str
    signer_nip: str
    qr_payload: str
    verify_hint: str
    training: bool
    paper: str = "A4"
    title_en: str | None = None
    body_paragraphs_en: list[str] | None = field(default=None)
    signer_rank: str = ""  # pangkat/golongan, printed under the name
    signer_on_behalf: str = ""  # "a.n. Camat Seluas" / "u.b. ...", printed above the title
    # The identity block (label, value), put where ``identity_at`` says in the body (the
    # paragraph index it comes before); the English labels for the English part.
    identity: list[tuple[str, str]] = field(default_factory=list)
    identity_en: list[tuple[str, str]] = field(default_factory=list)
    identity_at: int | None = None
    identity_at_en: int | None = None
    addressee: list[str] = field(default_factory=list)  # "Kepada Yth." lines, when sent on
    one_page: bool = False  # type made smaller (down to 9 pt) until it fits one page


@dataclass(frozen=True)
class ReferralDoc:
    """Surat pengantar / rujukan sending a citizen to another agency."""

    letterhead: Letterhead
    number: str
    agency: str
    citizen_name: str
    citizen_id_masked: str
    service_name: str
    reason: str
    bring: list[str]
    receipt: str
    place: str
    date_text: str
    signer_name: str
    signer_title: str
    signer_nip: str
    qr_payload: str
    training: bool
    paper: str = "A4"
    verify_hint: str = ""
    signer_rank: str = ""
    signer_on_behalf: str = ""


@dataclass(frozen=True)
class ReportTable:
    """A titled table of ready-formatted cells; columns from ``numeric_from`` on are
    numbers (right-aligned).  ``empty_text`` is printed instead of an empty table."""

    title: str
    header: list[str]
    rows: list[list[str]]
    empty_text: str = "\u2013"
    numeric_from: int = 1
    widths: list[float] | None = None  # relative column widths; equal when None


@dataclass(frozen=True)
class BarChartData:
    """Bars per category (e.g. service), each stacked from one value per series (status)."""

    title: str
    categories: list[str]
    series: list[str]
    values: list[list[int]]  # values[series][category]
    empty_text: str = "\u2013"  # printed instead of a chart without any value

    def check(self) -> None:
        if len(self.values) != len(self.series) or any(
            len(v) != len(self.categories) for v in self.values
        ):
            raise ValueError("chart values must be one list per series, one value per category")


@dataclass(frozen=True)
class DailyReportDoc:
    """Rekap harian: one desk's day on A4 - key figures, a bar chart and tables."""

    letterhead: Letterhead
    title: str
    date_text: str
    desk_line: str
    key_figures: list[tuple[str, str]]
    chart: BarChartData
    tables: list[ReportTable]
    generated_text: str
    training: bool
    paper: str = "A4"
