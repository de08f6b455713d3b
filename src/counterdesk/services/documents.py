"""Documents for a request: ticket, receipt, letter and referral slip, as PDF bytes.

Copies what each document needs out of the desk and the request into the
printing layer's plain records, signs the QR payloads, and numbers letters.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

from counterdesk.domain.calendar import MONTHS_ID
from counterdesk.domain.catalogue import Service
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import EventKind
from counterdesk.domain.identity import COUNTRIES
from counterdesk.domain.nik import mask_nik
from counterdesk.domain.qrpayload import QrPayload, initials
from counterdesk.domain.templates import MAX_BODY, check_body_template, paragraphs, render
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
from counterdesk.services.anchors import sign_anchored
from counterdesk.services.desk import Desk
from counterdesk.services.offices import (
    OFFICE_SETTINGS,
    Office,
    office_in_force,
    require_signer,
)
from counterdesk.services.print_options import DOCUMENT_KINDS
from counterdesk.services.requests import RequestView, get_request
from counterdesk.services.staff import StaffSession
from counterdesk.services.verification import sign_payload


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
    """The receipt's signed QR payload, anchored at the desk's last event (and recorded)."""
    payload = QrPayload(
        "R",
        desk.info.code,
        request.receipt,
        request.service,
        _registered_day(request).isoformat(),
        initials(request.name),
    )
    with desk.transaction():
        return sign_anchored(desk, payload)


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


def _letterhead(desk: Desk, office: Office | None = None) -> Letterhead:
    office = office or office_in_force(desk)
    return Letterhead(
        government=office.get("letterhead_government"),
        office=office.get("letterhead_office"),
        address=office.get("letterhead_address"),
        logo_png=office.emblem,
    )


def verify_hint(office: Office) -> str:
    """The footer beside the QR: the hub's public /verify address when the hub set one."""
    if office.verify_url:
        return (
            f"Periksa keaslian surat ini: pindai kode QR, atau buka {office.verify_url} "
            "dan ketik nomor surat."
        )
    return "Pindai kode QR untuk memeriksa keaslian surat di loket pelayanan mana pun."


def _body(template: str, values: dict[str, str], fields: list[str]) -> tuple[list[str], int | None]:
    """The paragraphs of a body template, and where the identity block goes (if it has one).

    Rendered with the safe formatter; a template that does not parse (it reached the desk
    without the hub's check) is refused with the reason, before any number is used."""
    parsed = check_body_template(template, fields, what="the letter body template")
    found = paragraphs(render(parsed, values, limit=MAX_BODY))
    at = None
    if IDENTITY_MARK in found:
        at = found.index(IDENTITY_MARK)
        found = [p for p in found if p != IDENTITY_MARK]
    return found, at


IDENTITY_MARK = "\x00identity\x00"
SEX_ID = {"M": "Laki-laki", "F": "Perempuan"}
SEX_EN = {"M": "Male", "F": "Female"}
IDENTITY_LABELS = {
    "name": ("Nama", "Name"),
    "nik": ("NIK", "NIK"),
    "birth": ("Tempat/Tgl. Lahir", "Place/date of birth"),
    "sex": ("Jenis Kelamin", "Sex"),
    "nationality": ("Kewarganegaraan", "Nationality"),
    "occupation": ("Pekerjaan", "Occupation"),
    "address": ("Alamat", "Address"),
}


def _values(desk: Desk, request: RequestView) -> dict[str, str]:
    row = desk.conn.execute(
        "SELECT c.birth_date, c.nationality, c.sex FROM citizens c JOIN requests r"
        " ON r.citizen_id = c.id WHERE r.id = ?",
        [request.id],
    ).fetchone()
    values = {k: str(v) for k, v in request.fields.items()}
    birth = row["birth_date"] if row else None
    nationality = row["nationality"] if row and row["nationality"] in COUNTRIES else "ID"
    values.update(
        name=request.name,
        nik=request.ident if request.ident.isdigit() else f"Paspor {request.ident}",
        birth_date=date_id(datetime.date.fromisoformat(birth)) if birth else "-",
        birth_place=str(request.fields.get("birth_place", "")).strip() or "-",
        sex=SEX_ID.get(str(row["sex"]) if row else "", "-"),
        post=desk.info.post,
        district=desk.info.district,
        nationality=nationality,
        identity=IDENTITY_MARK,
    )
    return values


def _identity_rows(
    rows: tuple[str, ...], values: dict[str, str], request: RequestView, english: bool
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    fields = request.fields
    for key in rows:
        label = IDENTITY_LABELS[key][1 if english else 0]
        if key == "birth":
            place = str(fields.get("birth_place", "")).strip()
            value = f"{place}, {values['birth_date']}" if place else values["birth_date"]
        elif key == "sex":
            value = values["sex"]
            if english:
                value = {"Laki-laki": "Male", "Perempuan": "Female"}.get(value, value)
        elif key == "nationality":
            code = values["nationality"]
            value = (
                "Indonesia (WNI)" if code == "ID" else f"{'Foreign' if english else 'WNA'} ({code})"
            )
        elif key == "address":
            address = str(fields.get("address", "")).strip()
            village = str(fields.get("village", "")).strip()
            value = address or (f"Desa {village}" if village else "-")
        elif key == "occupation":
            value = str(fields.get("occupation", "")).strip() or "-"
        else:
            value = values[key]
        out.append((label, value))
    return out


@dataclass(frozen=True)
class IssuedLetter:
    number: str
    kind: str
    issued_at: str
    signer: str
    payload: str
    # What the letter was signed with (kop, place, title, rank, NIP, a.n. line), as recorded
    # when it was issued, so a reprint is the same letter; {} for letters issued before.
    signed: dict[str, str] = field(default_factory=dict)


def _signed_data(desk: Desk, request_id: str, number: str) -> dict[str, str]:
    row = desk.conn.execute(
        "SELECT json_extract(data, '$.signed') FROM events WHERE request_id = ?"
        " AND kind = 'letter_issued' AND json_extract(data, '$.number') = ? LIMIT 1",
        [request_id, number],
    ).fetchone()
    if row is None or row[0] is None:
        return {}
    data = json.loads(row[0])
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def issued_letter(desk: Desk, request: RequestView, kind: str) -> IssuedLetter | None:
    row = desk.conn.execute(
        "SELECT * FROM letters WHERE request_id = ? AND kind = ? AND revoked = 0",
        [request.id, kind],
    ).fetchone()
    if row is None:
        return None
    return IssuedLetter(
        row["number"],
        kind,
        row["issued_at"],
        row["signer"],
        row["payload"],
        _signed_data(desk, request.id, row["number"]),
    )


SIGNED_KEYS = tuple(k for k in OFFICE_SETTINGS if k != "letter_number_template")


def _signed_now(office: Office) -> dict[str, str]:
    return {key: office.get(key) for key in SIGNED_KEYS}


def _signature(office: Office, letter: IssuedLetter | None) -> dict[str, str]:
    """What to print for the kop and the signature: as recorded at issue, else in force."""
    now = _signed_now(office)
    if letter is None:
        return now
    if not letter.signed:  # issued before the signature was recorded with the letter
        return {**now, "signer_name": letter.signer}
    return {**now, **letter.signed}


def _recommends(service: Service) -> bool:
    return service.referral is not None and service.referral.letter is not None


def _numbering(service: Service, kind: str) -> tuple[str, str, str]:
    """(classification, counter, prefix) of a service's letters or slips."""
    if kind == "letter":
        return (service.letter.classification if service.letter else "400"), "letter", ""
    classification = (service.referral.classification if service.referral else "") or "400"
    if _recommends(service):  # a real letter: numbered with the letters
        return classification, "letter", ""
    return classification, "referral", "RJK-"


def _issue(desk: Desk, session: StaffSession, receipt: str) -> tuple[IssuedLetter, bytes | None]:
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
            return existing, None
        info = desk.info
        office = office_in_force(desk)
        require_signer(office)
        today = desk.now().date()
        template = office.number_template()
        template.validate()
        classification, counter, prefix = _numbering(service, kind)
        running = desk.next_counter(f"{counter}:{today.year}")
        number = prefix + template.format(
            classification=classification,
            number=running,
            unit=info.code,
            month=today.month,
            year=today.year,
        )
        payload = sign_payload(
            desk,
            QrPayload(
                "L", info.code, number, service.code, today.isoformat(), initials(request.name)
            ),
        )
        signed = _signed_now(office)
        desk.record(
            EventKind.LETTER_ISSUED,
            staff=session.name,
            request_id=request.id,
            data={
                "number": number,
                "kind": kind,
                "year": today.year,
                "signer": signed["signer_name"],
                "payload": payload,
                "receipt": request.receipt,
                "signed": signed,
            },
        )
        letter = issued_letter(desk, request, kind)
        assert letter is not None
        # Rendered before the transaction ends: a letter that cannot be printed (a bad
        # template that reached this desk, an unreadable emblem) uses up no number.
        pdf = _render(desk, request, letter, office)
    return letter, pdf


def issue_letter(desk: Desk, session: StaffSession, receipt: str) -> IssuedLetter:
    """Give a letter (or a referral slip) its number, once; reprints reuse it.

    The number is taken only when the letter is issued, and only when it can be made: no
    signer set for the post, a bad template or a failed render leave the counter as it was.
    """
    return _issue(desk, session, receipt)[0]


def _render(
    desk: Desk, request: RequestView, letter: IssuedLetter | None, office: Office | None = None
) -> bytes:
    service = desk.catalogue.get(request.service)
    office = office or office_in_force(desk)
    make = letter_pdf if service.product == "letter" or _recommends(service) else referral_pdf
    try:
        return make(desk, request, letter, office=office)
    except ValidationError:
        raise
    except Exception as exc:  # ReportLab and Pillow raise many kinds for bad input
        raise ValidationError(
            f"the {service.product} of {request.receipt} could not be made, so it was not "
            f"issued now and used no number: {exc}",
            code="letter_render",
            detail=str(exc),
        ) from exc


DRAFT_NUMBER = "(diberikan saat surat diterbitkan)"
DRAFT_QR = "DRAF - belum diterbitkan / not issued"


def letter_pdf(
    desk: Desk, request: RequestView, letter: IssuedLetter | None, *, office: Office | None = None
) -> bytes:
    """The letter (or a PLB-like recommendation); ``letter`` None: a draft for the preview,
    without a number (nothing is taken)."""
    info = desk.info
    s = info.settings
    office = office or office_in_force(desk)
    service = desk.catalogue.get(request.service)
    template = service.letter or (service.referral.letter if service.referral else None)
    if template is None:
        raise ValidationError(f"service {service.code} has no letter", code="no_letter")
    values = _values(desk, request)
    fields = [f.key for f in service.fields]
    issued = (
        datetime.datetime.fromisoformat(letter.issued_at).date() if letter else desk.now().date()
    )
    sig = _signature(office, letter)
    bilingual = s.bilingual_letters
    body, at = _body(template.body.id, values, fields)
    body_en, at_en = _body(template.body.en, values, fields) if bilingual else (None, None)
    addressee: list[str] = []
    if service.referral is not None:
        addressee = ["Kepada Yth.", f"Kepala {service.referral.agency.id}", "di tempat"]
    return render_letter(
        LetterDoc(
            letterhead=Letterhead(
                government=sig["letterhead_government"],
                office=sig["letterhead_office"],
                address=sig["letterhead_address"],
                logo_png=office.emblem,
            ),
            number=letter.number if letter else DRAFT_NUMBER,
            title=template.title.id,
            body_paragraphs=body,
            place=sig["letter_place"],
            date_text=date_id(issued),
            signer_name=sig["signer_name"],
            signer_title=sig["signer_title"],
            signer_nip=sig["signer_nip"],
            qr_payload=letter.payload if letter else DRAFT_QR,
            verify_hint=verify_hint(office),
            training=info.training,
            paper=s.letter_paper,
            title_en=template.title.en if bilingual else None,
            body_paragraphs_en=body_en,
            signer_rank=sig["signer_rank"],
            signer_on_behalf=sig["signer_on_behalf"],
            identity=_identity_rows(template.identity, values, request, english=False),
            identity_en=_identity_rows(template.identity, values, request, english=True),
            identity_at=at,
            identity_at_en=at_en,
            addressee=addressee,
            one_page=service.referral is not None,
        )
    )


def referral_pdf(
    desk: Desk, request: RequestView, letter: IssuedLetter | None, *, office: Office | None = None
) -> bytes:
    info = desk.info
    s = info.settings
    office = office or office_in_force(desk)
    service = desk.catalogue.get(request.service)
    if service.referral is None:
        raise ValidationError(f"service {service.code} is not a referral", code="no_referral")
    issued = (
        datetime.datetime.fromisoformat(letter.issued_at).date() if letter else desk.now().date()
    )
    sig = _signature(office, letter)
    return render_referral(
        ReferralDoc(
            letterhead=Letterhead(
                government=sig["letterhead_government"],
                office=sig["letterhead_office"],
                address=sig["letterhead_address"],
                logo_png=office.emblem,
            ),
            number=letter.number if letter else DRAFT_NUMBER,
            agency=service.referral.agency.id,
            citizen_name=request.name,
            citizen_id_masked=_masked_ident(request),
            service_name=service.name.id,
            reason=request.note or service.description.id,
            bring=[b.id for b in service.referral.bring],
            receipt=request.receipt,
            place=sig["letter_place"],
            date_text=date_id(issued),
            signer_name=sig["signer_name"],
            signer_title=sig["signer_title"],
            signer_nip=sig["signer_nip"],
            qr_payload=letter.payload if letter else DRAFT_QR,
            training=info.training,
            paper=s.letter_paper,
            verify_hint=verify_hint(office),
            signer_rank=sig["signer_rank"],
            signer_on_behalf=sig["signer_on_behalf"],
        )
    )


def document_pdf(
    desk: Desk,
    session: StaffSession | None,
    kind: str,
    receipt: str,
    *,
    draft: bool = False,
    roll_mm: int | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """Make one document; letters and slips are issued (numbered) on first print.

    ``draft``: a letter or slip not issued yet is shown without a number (the print
    preview); it is issued when it is printed or saved. ``roll_mm`` (58 or 80) makes a
    ticket or receipt for that roll instead of the desk's."""
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
    if letter is None and draft:
        if request.status in ("rejected", "cancelled"):
            raise ValidationError(
                f"the request is {request.status}; no letter can be issued for it",
                code="letter_status",
            )
        office = office_in_force(desk)
        require_signer(office)
        return _render(desk, request, None, office), {"number": "", "draft": True}
    pdf: bytes | None = None
    if letter is None:
        if session is None:
            raise ValidationError(
                f"the {kind} has not been issued yet; issuing needs a staff member (--staff)",
                code="needs_staff",
            )
        letter, pdf = _issue(desk, session, receipt)
    if pdf is None:
        pdf = _render(desk, request, letter)
    return pdf, {"number": letter.number, "payload": letter.payload, "draft": False}


def _info_sheet_doc(desk: Desk, service: Service, paper: str) -> InfoSheetDoc:
    info, catalogue = desk.info, desk.catalogue
    office = office_in_force(desk)
    if service.product == "letter" and service.letter is not None:
        product_short = service.letter.title.id
        product = (
            f"{service.letter.title.id}: surat bernomor, ditandatangani "
            f"{office.get('signer_title') or 'pejabat yang berwenang'}, dengan kode QR untuk "
            "memeriksa keasliannya."
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
        letterhead=_letterhead(desk, office),
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
