"""Documents for a request: ticket, receipt, letter and referral slip, as PDF bytes.

Copies what each document needs out of the desk and the request into the
printing layer's plain records, signs the QR payloads, and numbers letters.
"""

from __future__ import annotations

import datetime
import string
from dataclasses import dataclass
from typing import Any

from counterdesk.domain.calendar import MONTHS_ID
from counterdesk.domain.catalogue import Service
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.identity import COUNTRIES
from counterdesk.domain.nik import mask_nik
from counterdesk.domain.numbering import LetterNumberTemplate
from counterdesk.domain.qrpayload import QrPayload, initials
from counterdesk.printing import (
    LetterDoc,
    Letterhead,
    ReceiptDoc,
    ReferralDoc,
    TicketDoc,
    render_letter,
    render_receipt,
    render_referral,
    render_ticket,
)
from counterdesk.printing.info_sheet import InfoSheetDoc, render_info_sheets
from counterdesk.services.desk import Desk
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession
from counterdesk.services.verification import sign_payload

DOCUMENT_KINDS = ("ticket", "receipt", "letter", "referral")


def date_id(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def fee_text(service: Service, language: str) -> str:
    if service.fee == 0:
        return service.fee_note.get(language)
    return f"Rp {service.fee:,}".replace(",", ".")


def _masked_ident(request: RequestView) -> str:
    if len(request.ident) == 16 and request.ident.isdigit():
        return "NIK " + mask_nik(request.ident)
    return "Paspor " + "*" * max(0, len(request.ident) - 4) + request.ident[-4:]


def _registered_day(request: RequestView) -> datetime.date:
    return datetime.datetime.fromisoformat(request.registered_at).date()


def ticket_pdf(desk: Desk, request: RequestView, *, roll_mm: int | None = None) -> bytes:
    info = desk.info
    service = desk.catalogue.get(request.service)
    ahead = desk.conn.execute(
        "SELECT count(*) FROM requests WHERE ticket_day = ? AND status = 'registered'"
        " AND rowid < (SELECT rowid FROM requests WHERE id = ?)",
        [request.ticket_day, request.id],
    ).fetchone()[0]
    return render_ticket(
        TicketDoc(
            ticket=request.ticket,
            service_name=service.name.get(info.settings.language),
            post=info.post,
            desk=info.code,
            issued_at=request.registered_at[:16].replace("T", " "),
            waiting_ahead=int(ahead),
            training=info.training,
            roll_mm=roll_mm or info.settings.roll_mm,
        )
    )


def receipt_payload(desk: Desk, request: RequestView) -> str:
    return sign_payload(
        desk,
        QrPayload(
            "R",
            desk.info.code,
            request.receipt,
            request.service,
            _registered_day(request).isoformat(),
            initials(request.name),
        ),
    )


def receipt_pdf(
    desk: Desk, request: RequestView, *, language: str | None = None, roll_mm: int | None = None
) -> bytes:
    info = desk.info
    lang = language or info.settings.language
    service = desk.catalogue.get(request.service)
    given = set(request.requirements)
    steps = [p.get(lang) for p in service.procedure]
    due = datetime.date.fromisoformat(request.due_date)
    return render_receipt(
        ReceiptDoc(
            receipt=request.receipt,
            ticket=request.ticket,
            service_code=service.code,
            service_name=service.name.get(lang),
            citizen_name=request.name,
            citizen_id_masked=_masked_ident(request),
            registered_at=request.registered_at[:16].replace("T", " "),
            due_date=date_id(due) if lang == "id" else due.strftime("%d %B %Y"),
            days=service.days,
            fee_text=fee_text(service, lang),
            requirements_given=[r.text.get(lang) for r in service.requirements if r.key in given],
            requirements_missing=[
                r.text.get(lang) for r in service.requirements if r.key not in given and r.required
            ],
            next_steps=steps,
            complaint_channel=desk.catalogue.complaint_channel.get(lang),
            desk=info.code,
            post=info.post,
            staff=request.staff,
            qr_payload=receipt_payload(desk, request),
            training=info.training,
            roll_mm=roll_mm or info.settings.roll_mm,
            language=lang,
        )
    )


def _letterhead(desk: Desk) -> Letterhead:
    info = desk.info
    s = info.settings
    return Letterhead(
        government=s.letterhead_government,
        office=s.letterhead_office or info.post.upper(),
        address=s.letterhead_address or info.district,
    )


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "-"


def _body(template: str, values: dict[str, str]) -> list[str]:
    text = string.Formatter().vformat(template, (), _Blank(values))
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _values(desk: Desk, request: RequestView) -> dict[str, str]:
    row = desk.conn.execute(
        "SELECT c.birth_date, c.nationality FROM citizens c JOIN requests r"
        " ON r.citizen_id = c.id WHERE r.id = ?",
        [request.id],
    ).fetchone()
    values = dict(request.fields)
    birth = row["birth_date"] if row else None
    values.update(
        name=request.name,
        nik=request.ident if request.ident.isdigit() else f"Paspor {request.ident}",
        birth_date=date_id(datetime.date.fromisoformat(birth)) if birth else "-",
        post=desk.info.post,
        district=desk.info.district,
        nationality=(row["nationality"] if row and row["nationality"] in COUNTRIES else "ID"),
    )
    return values


@dataclass(frozen=True)
class IssuedLetter:
    number: str
    kind: str
    issued_at: str
    signer: str
    payload: str


def issued_letter(desk: Desk, request: RequestView, kind: str) -> IssuedLetter | None:
    row = desk.conn.execute(
        "SELECT * FROM letters WHERE request_id = ? AND kind = ? AND revoked = 0",
        [request.id, kind],
    ).fetchone()
    if row is None:
        return None
    return IssuedLetter(row["number"], kind, row["issued_at"], row["signer"], row["payload"])


def issue_letter(desk: Desk, session: StaffSession, receipt: str) -> IssuedLetter:
    """Give a letter (or a referral slip) its number, once; reprints reuse it."""
    with desk.transaction():
        request = get_request(desk, receipt)
        service = desk.catalogue.get(request.service)
        kind = {"letter": "letter", "referral": "referral"}.get(service.product)
        if kind is None:
            raise ValidationError(
                f"service {service.code} produces no letter or referral slip",
                code="no_letter",
            )
        if request.status in ("rejected", "cancelled"):
            raise ValidationError(
                f"the request is {request.status}; no letter can be issued for it",
                code="letter_status",
            )
        existing = issued_letter(desk, request, kind)
        if existing is not None:
            return existing
        info = desk.info
        today = desk.now().date()
        template = LetterNumberTemplate(info.settings.letter_number_template)
        template.validate()
        classification = service.letter.classification if service.letter else "400"
        running = desk.next_counter(f"{kind}:{today.year}")
        number = template.format(
            classification=classification,
            number=running,
            unit=info.code,
            month=today.month,
            year=today.year,
        )
        if kind == "referral":
            number = "RJK-" + number
        payload = sign_payload(
            desk,
            QrPayload(
                "L", info.code, number, service.code, today.isoformat(), initials(request.name)
            ),
        )
        signer = info.settings.signer_name or session.full_name
        desk.record(
            EventKind.LETTER_ISSUED,
            staff=session.name,
            request_id=request.id,
            data={
                "number": number,
                "kind": kind,
                "year": today.year,
                "signer": signer,
                "payload": payload,
                "receipt": request.receipt,
            },
        )
    letter = issued_letter(desk, request, kind)
    assert letter is not None
    return letter


def letter_pdf(desk: Desk, request: RequestView, letter: IssuedLetter) -> bytes:
    info = desk.info
    s = info.settings
    service = desk.catalogue.get(request.service)
    if service.letter is None:
        raise ValidationError(f"service {service.code} has no letter", code="no_letter")
    values = _values(desk, request)
    issued = datetime.datetime.fromisoformat(letter.issued_at).date()
    bilingual = s.bilingual_letters
    return render_letter(
        LetterDoc(
            letterhead=_letterhead(desk),
            number=letter.number,
            title=service.letter.title.id,
            body_paragraphs=_body(service.letter.body.id, values),
            place=s.letter_place or info.post,
            date_text=date_id(issued),
            signer_name=letter.signer,
            signer_title=s.signer_title or "Camat",
            signer_nip=s.signer_nip,
            qr_payload=letter.payload,
            verify_hint="Pindai untuk memeriksa keaslian surat: counterdesk verify",
            training=info.training,
            paper=s.letter_paper,
            title_en=service.letter.title.en if bilingual else None,
            body_paragraphs_en=_body(service.letter.body.en, values) if bilingual else None,
        )
    )


def referral_pdf(desk: Desk, request: RequestView, letter: IssuedLetter) -> bytes:
    info = desk.info
    s = info.settings
    service = desk.catalogue.get(request.service)
    if service.referral is None:
        raise ValidationError(f"service {service.code} is not a referral", code="no_referral")
    issued = datetime.datetime.fromisoformat(letter.issued_at).date()
    return render_referral(
        ReferralDoc(
            letterhead=_letterhead(desk),
            number=letter.number,
            agency=service.referral.agency.id,
            citizen_name=request.name,
            citizen_id_masked=_masked_ident(request),
            service_name=service.name.id,
            reason=request.note or service.description.id,
            bring=[b.id for b in service.referral.bring],
            receipt=request.receipt,
            place=s.letter_place or info.post,
            date_text=date_id(issued),
            signer_name=letter.signer,
            signer_title=s.signer_title or "Camat",
            signer_nip=s.signer_nip,
            qr_payload=letter.payload,
            training=info.training,
            paper=s.letter_paper,
        )
    )


def document_pdf(
    desk: Desk,
    session: StaffSession | None,
    kind: str,
    receipt: str,
    *,
    roll_mm: int | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """Make one document; letters and slips are issued (numbered) on first print.

    ``roll_mm`` (58 or 80) makes a ticket or receipt for that roll instead of the desk's.
    """
    request = get_request(desk, receipt)
    if kind == "ticket":
        return ticket_pdf(desk, request, roll_mm=roll_mm), {"ticket": request.ticket}
    if kind == "receipt":
        return receipt_pdf(desk, request, roll_mm=roll_mm), {"receipt": request.receipt}
    if kind not in ("letter", "referral"):
        raise ValidationError(f"unknown document {kind!r}; use {', '.join(DOCUMENT_KINDS)}")
    service = desk.catalogue.get(request.service)
    if service.product != kind:
        raise ValidationError(
            f"service {service.code} produces a {service.product}, not a {kind}",
            code="wrong_document",
        )
    letter = issued_letter(desk, request, kind)
    if letter is None:
        if session is None:
            raise ValidationError(
                f"the {kind} has not been issued yet; issuing needs a staff member (--staff)",
                code="needs_staff",
            )
        letter = issue_letter(desk, session, receipt)
    pdf = (letter_pdf if kind == "letter" else referral_pdf)(desk, request, letter)
    return pdf, {"number": letter.number, "payload": letter.payload}


def _info_sheet_doc(desk: Desk, service: Service, paper: str) -> InfoSheetDoc:
    info, s, catalogue = desk.info, desk.info.settings, desk.catalogue
    if service.product == "letter" and service.letter is not None:
        product_short = service.letter.title.id
        product = (
            f"{service.letter.title.id}: surat bernomor, ditandatangani "
            f"{s.signer_title or 'Camat'}, dengan kode QR untuk memeriksa keasliannya."
        )
    elif service.product == "referral" and service.referral is not None:
        product_short = "Surat pengantar (rujukan)"
        product = (
            f"Surat pengantar/rekomendasi untuk diajukan ke {service.referral.agency.id}; "
            "dokumen akhirnya diterbitkan oleh instansi tersebut."
        )
    else:
        product_short, product = service.name.id, service.description.id
    return InfoSheetDoc(
        letterhead=_letterhead(desk),
        place_line=f"{info.post}, {info.district}",
        service_code=service.code,
        category="Perizinan" if service.category == "perizinan" else "Non-perizinan",
        name=service.name.id,
        name_en=service.name.en if service.name.en != service.name.id else None,
        description=service.description.id,
        requirements=[(r.text.id, r.required) for r in service.requirements],
        procedure=[p.id for p in service.procedure],
        time_text=f"{service.days} hari kerja" if service.days else "Hari itu juga",
        fee_text=f"Rp {service.fee:,}".replace(",", ".")
        if service.fee
        else "Gratis / tidak dipungut biaya",
        fee_note=service.fee_note.id,
        product_short=product_short,
        product_text=product,
        complaint_channel=catalogue.complaint_channel.id,
        legal_basis=service.legal_basis,
        footer=f"Katalog layanan {catalogue.district} versi {catalogue.version} \u00b7 "
        f"loket {info.code} \u00b7 dicetak dengan counterdesk",
        training=info.training,
        paper=paper,
    )


def info_sheet_pdf(desk: Desk, service_code: str | None, *, size: str | None = None) -> bytes:
    """The wall sheet of one service's standard (one page); every service when the code is
    None (one page each, in catalogue order). ``size`` "A4"/"F4", else the letter paper."""
    paper = (size or desk.info.settings.letter_paper).upper()
    if paper not in ("A4", "F4"):
        raise ValidationError(f"paper must be A4 or F4, not {size!r}", code="bad_paper")
    catalogue = desk.catalogue
    services = catalogue.services if service_code is None else (catalogue.get(service_code),)
    return render_info_sheets([_info_sheet_doc(desk, service, paper) for service in services])
