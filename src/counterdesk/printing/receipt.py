"""Tanda terima (proof of application) for the 58/80 mm roll printer."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Spacer  # type: ignore[import-untyped, unused-ignore]

from counterdesk.printing.codes import Code128Flowable, QrFlowable
from counterdesk.printing.documents import ReceiptDoc
from counterdesk.printing.fonts import SANS, SANS_BOLD, register_fonts
from counterdesk.printing.roll import Rule, render_roll, roll_geometry
from counterdesk.printing.styles import TA_CENTER, esc, fit_size, para, style

QR_SIZE_MM = {58: 31.0, 80: 36.0}
"""Widest QR code (quiet zone included): on a 58 mm roll, a chain-anchored payload (QR
version 9, 61 modules with the quiet zone) still gets modules of 4 printer dots."""
CHECKED = "\u2611"  # ☑
UNCHECKED = "\u2610"  # ☐

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "TANDA TERIMA",
        "receipt": "No. tanda terima",
        "ticket": "No. antrean",
        "service": "Layanan",
        "name": "Nama",
        "nik": "Identitas",
        "registered": "Diterima",
        "given": "Persyaratan diserahkan",
        "missing": "Persyaratan belum lengkap",
        "none_given": "Belum ada",
        "none_missing": "Tidak ada \u2013 persyaratan lengkap",
        "due": "Perkiraan selesai",
        "day": "hari kerja",
        "days": "hari kerja",
        "fee": "Biaya",
        "next": "Langkah berikutnya",
        "complaint": "Pengaduan",
        "desk": "Loket",
        "staff": "Petugas",
        "scan": "Pindai kode QR untuk memeriksa status permohonan",
        "keep": "Simpan tanda terima ini dan bawa saat mengambil hasil layanan.",
    },
    "en": {
        "title": "RECEIPT / TANDA TERIMA",
        "receipt": "Receipt no.",
        "ticket": "Queue no.",
        "service": "Service",
        "name": "Name",
        "nik": "Identity",
        "registered": "Received",
        "given": "Documents handed in",
        "missing": "Documents still missing",
        "none_given": "None yet",
        "none_missing": "None \u2013 all requirements complete",
        "due": "Expected completion",
        "day": "working day",
        "days": "working days",
        "fee": "Fee",
        "next": "Next steps",
        "complaint": "Complaints",
        "desk": "Desk",
        "staff": "Officer",
        "scan": "Scan the QR code to check the status of your application",
        "keep": "Keep this receipt and bring it when you collect the result.",
    },
}


def render_receipt(doc: ReceiptDoc) -> bytes:
    """PDF bytes of a receipt: every field of ``doc``, Code128 of the number and a QR code."""
    if doc.language not in LABELS:
        raise ValueError(f"language must be 'id' or 'en', got {doc.language!r}")
    register_fonts()
    _, _, width = roll_geometry(doc.roll_mm)
    t = LABELS[doc.language]
    wide = doc.roll_mm == 80
    base = 9.0 if wide else 8.0

    text = style("r-text", SANS, base)
    small = style("r-small", SANS, base - 1.5, align=TA_CENTER)
    centre = style("r-centre", SANS, base, align=TA_CENTER)
    heading = style("r-heading", SANS_BOLD, base)
    title = style("r-title", SANS_BOLD, base + 5, align=TA_CENTER)
    post = style("r-post", SANS_BOLD, base + 0.5, align=TA_CENTER)
    number_size = fit_size(doc.receipt, SANS_BOLD, width, base + 4, base - 1)
    number = style("r-number", SANS_BOLD, number_size, align=TA_CENTER)
    number_small = style("r-number-small", SANS, base, align=TA_CENTER)
    indent = base * 1.5
    item = style("r-item", SANS, base, left_indent=indent)

    def field(label: str, value: str) -> Any:
        return para(f"{esc(label)}: <b>{esc(value)}</b>", text)

    def gap(height_mm: float = 1.5) -> Any:
        return Spacer(1, height_mm * mm)

    def items(values: list[str], mark: str, empty: str) -> list[Any]:
        if not values:
            return [para(esc(empty), item, bullet="\u2013")]
        return [para(esc(value), item, bullet=mark) for value in values]

    day_word = t["day"] if doc.days == 1 else t["days"]
    story: list[Any] = [
        para(esc(doc.post), post),
        gap(1),
        para(esc(t["title"]), title),
        gap(0.5),
        para(esc(doc.receipt), number),
        gap(2),
        Rule(0.6),
        gap(2),
        field(t["ticket"], doc.ticket),
        para(
            f"{esc(t['service'])}: <b>{esc(doc.service_name)}</b> ({esc(doc.service_code)})", text
        ),
        field(t["name"], doc.citizen_name),
        field(t["nik"], doc.citizen_id_masked),
        field(t["registered"], doc.registered_at),
        gap(2),
        Rule(0.4, dashed=True),
        gap(2),
        para(esc(t["given"]), heading),
        *items(doc.requirements_given, CHECKED, t["none_given"]),
        gap(1.5),
        para(esc(t["missing"]), heading),
        *items(doc.requirements_missing, UNCHECKED, t["none_missing"]),
        gap(2),
        Rule(0.4, dashed=True),
        gap(2),
        para(f"{esc(t['due'])}: <b>{esc(doc.due_date)}</b> ({doc.days} {esc(day_word)})", text),
        field(t["fee"], doc.fee_text),
    ]
    if doc.next_steps:
        story += [gap(1.5), para(esc(t["next"]), heading)]
        story += [
            para(esc(step), item, bullet=f"{i}.") for i, step in enumerate(doc.next_steps, start=1)
        ]
    story += [
        gap(1.5),
        para(esc(t["complaint"]), heading),
        para(esc(doc.complaint_channel), text),
        gap(2),
        Rule(0.6),
        gap(1),
        QrFlowable(doc.qr_payload, max_size=QR_SIZE_MM[80 if wide else 58] * mm),
        para(esc(t["scan"]), small),
        gap(3),
        Code128Flowable(doc.receipt, bar_length=(12 if wide else 24) * mm),
        gap(0.5),
        para(esc(doc.receipt), number_small),
        gap(2),
        para(
            f"{esc(t['desk'])}: <b>{esc(doc.desk)}</b> \u00b7 "
            f"{esc(t['staff'])}: <b>{esc(doc.staff)}</b>",
            centre,
        ),
        gap(1.5),
        para(esc(t["keep"]), small),
    ]
    return render_roll(
        story,
        doc.roll_mm,
        training=doc.training,
        title=f"{t['title']} {doc.receipt}",
        subject=doc.service_name,
    )
