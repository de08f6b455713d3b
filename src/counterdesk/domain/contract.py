"""The event contract: what a desk may write into its log, and so what a hub may count.

One declaration, shared by the desk (checked as each event is appended, see
:mod:`counterdesk.store.eventlog`) and the hub (checked for every event of every bundle
before it is projected or counted, see :mod:`counterdesk.hub.ingest`). Declared with
msgspec: every event type, every field, its type and its limits. A value outside them is a
:class:`ContractError` whose message names the field (``$.citizen.name``) and what is wrong.

Contract version 1 (``CONTRACT_VERSION``). Changing a limit or adding a field is a new
version: an older hub must still accept what older desks wrote, so fields are only added
with a default and limits only widened.

The envelope (every event):

===============  =======================================================================
``event_id``     32 lower-case hex digits (random, :func:`counterdesk.domain.ids.new_id`)
``kind``         one of :class:`~counterdesk.domain.events.EventKind`
``recorded_at``  an ISO 8601 date and time (RFC 3339; the desk's clock, shown, not trusted)
``staff``        1-64 characters, one line
``request_id``   32 hex digits for the kinds in ``REQUEST_KINDS``; absent (null) for
                 ``NO_REQUEST_KINDS`` (a survey answer is never linked to a request);
                 either for complaints
``data``         an object, of the struct that ``DATA[kind]`` declares
===============  =======================================================================

Service codes, statuses, roles, referral outcomes and the survey's elements come from the
domain (:mod:`~counterdesk.domain.catalogue`, :mod:`~counterdesk.domain.lifecycle`,
:mod:`~counterdesk.domain.roles`, :mod:`~counterdesk.domain.skm`), not from copies. Whether a
service code is one the district knows depends on the catalogue: :func:`check_event` takes
the known codes (the hub passes them; the desk registers only from its own catalogue).

Reference data (what the hub sends down, one snapshot per kind) is declared here as well:
``REFDATA[kind]``, checked by :func:`check_refdata` at the hub before it publishes or sends
an item and at the desk before it applies one (:mod:`counterdesk.sync.refdata`).
:func:`schema` gives the whole contract as JSON Schema.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

import msgspec

from counterdesk.domain.catalogue import FIELD_TYPES, KEY, MAX_FIELD_LEN, PRODUCTS, SERVICE_CODE
from counterdesk.domain.channels import Channel as Channel
from counterdesk.domain.errors import ValidationError
from counterdesk.domain.events import Event, EventKind
from counterdesk.domain.identity import COUNTRIES, MAX_NAME, PASSPORT
from counterdesk.domain.lifecycle import Outcome, Status
from counterdesk.domain.numbering import DESK_CODE, RECEIPT
from counterdesk.domain.passwords import ACCOUNT_NAME
from counterdesk.domain.roles import Role
from counterdesk.domain.skm import ELEMENTS, MAX_COMMENT

CONTRACT_VERSION: Final = 1

# --------------------------------------------------------------------------- limits
MAX_LINE: Final = 200  # names of posts, districts, agencies, signers, reasons
MAX_PERSON: Final = 100  # a staff member's or officer's full name
MAX_NOTE: Final = 1000  # a note on a status change (a reason for a rejection)
MAX_OUTCOME_NOTE: Final = 200  # a note on a referral's outcome
MAX_COMPLAINT: Final = 500  # a complaint's text, an answer to it
MAX_FIELDS: Final = 64  # extra fields and requirements of one request
MAX_SETTINGS: Final = 64
MAX_SETTING: Final = 500
MAX_DAYS: Final = 3650  # a service's promised time in working days
MAX_REASON: Final = 300  # a supervisor's reason for accepting a refusal
MAX_ADDRESS: Final = 300  # an address copied from the KTP-el/KK
MAX_OVERRIDES: Final = 16  # refusals accepted for one request
MAX_FEE: Final = 10**12  # rupiah
MAX_PAYLOAD: Final = 1000  # a letter's QR payload
MAX_SERVICES: Final = 10_000
SCORES: Final = len(ELEMENTS)  # one score per survey element, U1..U9
SCORE_MIN: Final = 1
SCORE_MAX: Final = 4


# --------------------------------------------------------------------------- value types
def _text(low: int, high: int) -> Any:
    """A text of ``low`` to ``high`` characters."""
    return msgspec.Meta(min_length=low, max_length=high)


Hex32 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{32}$")]
Hex64 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
ServiceCode = Annotated[str, msgspec.Meta(pattern=SERVICE_CODE.pattern)]
DeskCode = Annotated[str, msgspec.Meta(pattern=DESK_CODE.pattern)]
Receipt = Annotated[str, msgspec.Meta(pattern=RECEIPT.pattern)]
ReceiptOrNone = Annotated[str, msgspec.Meta(pattern="^$|" + RECEIPT.pattern)]  # "": none
Ticket = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]-\d{3,9}$")]
Key = Annotated[str, msgspec.Meta(pattern=KEY.pattern)]  # a field's or requirement's key
StaffName = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")
]
LetterNumber = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9/.\-]{1,60}$")]
Score = Annotated[int, msgspec.Meta(ge=SCORE_MIN, le=SCORE_MAX)]
Count = Annotated[int, msgspec.Meta(ge=0, le=10**12)]
Nik = Annotated[str, msgspec.Meta(pattern=r"^\d{16}$")]
Passport = Annotated[str, msgspec.Meta(pattern=PASSPORT.pattern)]
Country = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")]
Line = Annotated[str, _text(0, MAX_LINE)]
NonEmptyLine = Annotated[str, _text(1, MAX_LINE)]
Person = Annotated[str, _text(0, MAX_PERSON)]
Name = Annotated[str, _text(1, MAX_NAME)]
FieldValue = Annotated[str, _text(0, MAX_FIELD_LEN)]
Complaint = Annotated[str, _text(1, MAX_COMPLAINT)]
Setting = str | int | bool | None
LetterKind = Literal["letter", "referral"]  # the catalogue's products that are documents
StaffChange = Literal["full_name", "role", "nip", "password", "active"]
DISTRICT: Final = "district"  # ``by`` of what the district's reference data made a desk do
FromDistrict = Literal["district"]


class By(StrEnum):
    """Where a note was recorded: at the desk, or at the district hub (and echoed)."""

    DESK = "desk"
    HUB = "hub"


class EpochReason(StrEnum):
    """Why a desk started a new epoch (:mod:`counterdesk.services.instance`)."""

    RESTORED = "restored"
    COPIED = "copied"


class _Data(msgspec.Struct, forbid_unknown_fields=True):
    """Every event's data: these fields and no others."""


# --------------------------------------------------------------------------- event data
class DeskCreated(_Data):
    code: DeskCode
    name: NonEmptyLine
    post: Line
    district: Line
    training: bool
    settings: Annotated[dict[Key, Setting], msgspec.Meta(max_length=MAX_SETTINGS)]

    def __post_init__(self) -> None:
        for key, value in self.settings.items():
            if isinstance(value, str) and len(value) > MAX_SETTING:
                raise ValueError(f"setting {key!r} is longer than {MAX_SETTING} characters")


class EpochStarted(_Data):
    previous: Hex32
    reason: EpochReason
    previous_last_seq_seen: Count | None = None


class DbKeyEscrowed(_Data):
    """The desk database's key, sealed to the district hub (HPKE; ``sync.escrow``)."""

    key_id: Hex32
    sealed: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9+/]{40,400}={0,2}$")]


class CatalogueInstalled(_Data):
    version: Count
    sha256: Hex64
    services: Annotated[int, msgspec.Meta(ge=0, le=MAX_SERVICES)]


class StaffCreated(_Data):
    name: StaffName
    full_name: Person
    role: Role
    by: FromDistrict | None = None


class StaffChanged(_Data):
    name: StaffName
    changes: Annotated[list[StaffChange], msgspec.Meta(min_length=1, max_length=5)]
    role: Role
    active: bool
    by: FromDistrict | None = None


class Citizen(_Data):
    """Who a request is for: a NIK, or a passport with its nationality (exactly one)."""

    key: Annotated[str, _text(1, 64)]
    name: Name
    nik: Nik | None
    passport: Passport | None
    nationality: Country | None
    birth_date: datetime.date | None
    sex: Literal["M", "F"] | None

    def __post_init__(self) -> None:
        if self.nik is not None:
            if self.passport is not None or self.nationality is not None:
                raise ValueError("a citizen has a NIK or a passport, not both")
            expected = f"nik:{self.nik}"
        else:
            if self.passport is None or self.nationality is None:
                raise ValueError("a citizen needs a NIK, or a passport and a nationality")
            if self.nationality not in COUNTRIES or self.nationality == "ID":
                raise ValueError(f"nationality {self.nationality!r} is not a foreign country")
            expected = f"passport:{self.nationality}:{self.passport}"
        if self.key != expected:
            raise ValueError("the citizen's key does not match the NIK or passport")


class Override(_Data):
    """A refusal a supervisor accepted at registration, with who and why."""

    rule: Annotated[str, _text(1, 64)]
    reason: Annotated[str, _text(1, MAX_REASON)]
    by: StaffName
    detail: Annotated[str, _text(0, MAX_NOTE)]


class Residence(_Data):
    """The clerk confirmed from the KTP-el/KK that the citizen lives in the border area."""

    confirmed: Literal[True]
    address: Annotated[str, _text(1, MAX_ADDRESS)]


class RequestRegistered(_Data):
    receipt: Receipt
    ticket: Ticket
    ticket_day: datetime.date
    service: ServiceCode
    citizen: Citizen
    fields: Annotated[dict[Key, FieldValue], msgspec.Meta(max_length=MAX_FIELDS)]
    requirements: Annotated[list[Key], msgspec.Meta(max_length=MAX_FIELDS)]
    days: Annotated[int, msgspec.Meta(ge=0, le=MAX_DAYS)]
    fee: Annotated[int, msgspec.Meta(ge=0, le=MAX_FEE)]
    due_date: datetime.date
    overrides: Annotated[list[Override], msgspec.Meta(max_length=MAX_OVERRIDES)] = []
    residence: Residence | None = None
    conditions: Annotated[list[Key], msgspec.Meta(max_length=MAX_FIELDS)] = []


class StatusChanged(_Data):
    receipt: Receipt
    from_: Status = msgspec.field(name="from")
    to: Status
    note: Annotated[str, _text(0, MAX_NOTE)]

    def __post_init__(self) -> None:
        if self.from_ == self.to:
            raise ValueError(f"a status change from {self.to.value} to itself")


class LetterIssued(_Data):
    number: LetterNumber
    kind: LetterKind
    year: Annotated[int, msgspec.Meta(ge=2000, le=2999)]
    signer: Line
    payload: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PAYLOAD)]
    receipt: Receipt
    # the kop and signature printed on it (``letter_place``, ``signer_*``, ``letterhead_*``),
    # so a reprint shows what was signed; absent in letters issued before it was recorded
    signed: Annotated[dict[Key, Line], msgspec.Meta(max_length=MAX_SETTINGS)] | None = None


class LetterRevoked(_Data):
    number: LetterNumber
    reason: NonEmptyLine
    by: FromDistrict | None = None


class TicketCalled(_Data):
    receipt: Receipt
    ticket: Ticket
    counter: Person


class SurveyRecorded(_Data):
    service: ServiceCode
    scores: Annotated[list[Score], msgspec.Meta(min_length=SCORES, max_length=SCORES)]
    comment: Annotated[str, _text(0, MAX_COMMENT)]
    day: datetime.date | None = None  # the day it was given (absent before desks batched)


class ReferralOutcome(_Data):
    outcome_id: Hex32
    outcome: Outcome
    agency: Line
    note: Annotated[str, _text(0, MAX_OUTCOME_NOTE)]
    recorded_by: By
    officer: Person


class ComplaintRecorded(_Data):
    complaint_id: Hex32
    service: ServiceCode
    receipt: ReceiptOrNone
    channel: Channel
    text: Complaint


class ComplaintAnswered(_Data):
    complaint_id: Hex32
    answer: Complaint
    answered_by: By
    officer: Person


DATA: Final[dict[EventKind, type[_Data]]] = {
    EventKind.DESK_CREATED: DeskCreated,
    EventKind.EPOCH_STARTED: EpochStarted,
    EventKind.CATALOGUE_INSTALLED: CatalogueInstalled,
    EventKind.STAFF_CREATED: StaffCreated,
    EventKind.STAFF_CHANGED: StaffChanged,
    EventKind.REQUEST_REGISTERED: RequestRegistered,
    EventKind.STATUS_CHANGED: StatusChanged,
    EventKind.LETTER_ISSUED: LetterIssued,
    EventKind.LETTER_REVOKED: LetterRevoked,
    EventKind.TICKET_CALLED: TicketCalled,
    EventKind.SURVEY_RECORDED: SurveyRecorded,
    EventKind.REFERRAL_OUTCOME: ReferralOutcome,
    EventKind.COMPLAINT_RECORDED: ComplaintRecorded,
    EventKind.COMPLAINT_ANSWERED: ComplaintAnswered,
    EventKind.DB_KEY_ESCROWED: DbKeyEscrowed,
}
REQUEST_KINDS: Final = frozenset(
    {
        EventKind.REQUEST_REGISTERED,
        EventKind.STATUS_CHANGED,
        EventKind.LETTER_ISSUED,
        EventKind.LETTER_REVOKED,
        EventKind.TICKET_CALLED,
        EventKind.REFERRAL_OUTCOME,
    }
)
EITHER_KINDS: Final = frozenset({EventKind.COMPLAINT_RECORDED, EventKind.COMPLAINT_ANSWERED})
NO_REQUEST_KINDS: Final = frozenset(DATA) - REQUEST_KINDS - EITHER_KINDS


class Envelope(msgspec.Struct, forbid_unknown_fields=True):
    event_id: Hex32
    kind: EventKind
    recorded_at: datetime.datetime
    staff: StaffName
    request_id: Hex32 | None


# --------------------------------------------------------------------------- reference data
# What the hub sends down (``refdata`` bundles, :mod:`counterdesk.sync.refdata`), one
# snapshot per kind. The hub checks each before it publishes or sends it, the desk before it
# applies it; :mod:`counterdesk.sync.refdata` adds what a schema cannot say (an scrypt
# hash's cost, a key id that matches its key, letterhead keys the desk knows, no duplicates).
MAX_ITEMS: Final = 5000  # entries of one reference-data snapshot
MAX_REFTEXT: Final = 200  # one line of reference data
MAX_CATALOGUE_TEXT: Final = 10_000  # a text of the catalogue (a description, a procedure step)
MAX_POSTS: Final = 200  # posts of one district
MAX_EMBLEM_B64: Final = (256 * 1024 + 2) // 3 * 4  # the regency emblem (256 KiB) in base64
MAX_CATALOGUE_LIST: Final = 200  # requirements, fields, steps, choices of one service

RefLine = Annotated[str, msgspec.Meta(max_length=MAX_REFTEXT, pattern=r"^[^\x00-\x1f\x7f]*$")]
NonEmptyRefLine = Annotated[
    str, msgspec.Meta(min_length=1, max_length=MAX_REFTEXT, pattern=r"^[^\x00-\x1f\x7f]*\S")
]
Account = Annotated[str, msgspec.Meta(pattern=f"^(?:{ACCOUNT_NAME.pattern})$")]
KeyId = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{16}$")]
PublicKey = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9+/]{43}=$")]  # 32 bytes, base64
When = Annotated[str, msgspec.Meta(max_length=64)]
CatalogueText = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_CATALOGUE_TEXT)]
FieldType = Annotated[str, msgspec.Meta(pattern=f"^(?:{'|'.join(FIELD_TYPES)})$")]
ProductName = Annotated[str, msgspec.Meta(pattern=f"^(?:{'|'.join(PRODUCTS)})$")]


class StaffAccount(_Data):
    name: Account
    full_name: Annotated[str, msgspec.Meta(max_length=MAX_PERSON)]
    role: Role
    nip: Annotated[str, msgspec.Meta(max_length=30)]
    password_hash: Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
    active: bool


class StaffData(_Data):
    accounts: Annotated[list[StaffAccount], msgspec.Meta(max_length=MAX_ITEMS)]


class LetterheadData(_Data):
    settings: Annotated[dict[Key, RefLine], msgspec.Meta(max_length=MAX_SETTINGS)]


class Emblem(_Data):
    media: Literal["image/png", "image/jpeg"]
    data: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_EMBLEM_B64)]


class OfficesData(_Data):
    """Each post's kop, place and signer, the regency emblem and the hub's /verify address
    (the file's own structure and each value are checked further by ``sync.offices``)."""

    verify_url: Annotated[str, msgspec.Meta(max_length=MAX_REFTEXT)]
    emblem: Emblem | None
    posts: Annotated[
        dict[
            Annotated[str, _text(1, MAX_PERSON)],
            Annotated[dict[Key, RefLine], msgspec.Meta(max_length=MAX_SETTINGS)],
        ],
        msgspec.Meta(max_length=MAX_POSTS),
    ]


class Holiday(_Data):
    date: datetime.date
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PERSON)]
    working: bool = False  # a national date that is a working day in this district after all


class HolidaysData(_Data):
    holidays: Annotated[list[Holiday], msgspec.Meta(max_length=MAX_ITEMS)]


class DeskKey(_Data):
    desk: DeskCode
    sign_public: PublicKey
    key_id: KeyId
    revoked: bool


class DeskKeysData(_Data):
    desks: Annotated[list[DeskKey], msgspec.Meta(max_length=MAX_ITEMS)]


class RevokedLetter(_Data):
    number: LetterNumber
    desk: Annotated[str, msgspec.Meta(pattern="^$|" + DESK_CODE.pattern)]  # "": not known
    reason: NonEmptyRefLine
    at: When


class RevokedLettersData(_Data):
    letters: Annotated[list[RevokedLetter], msgspec.Meta(max_length=MAX_ITEMS)]


class HubOutcome(_Data):
    outcome_id: Hex32
    request_id: Hex32
    receipt: Annotated[str, msgspec.Meta(max_length=60)]
    outcome: Outcome
    agency: RefLine
    note: Annotated[str, msgspec.Meta(max_length=MAX_OUTCOME_NOTE)]
    officer: Annotated[str, msgspec.Meta(max_length=MAX_PERSON)]
    at: When


class HubAnswer(_Data):
    complaint_id: Hex32
    answer: Complaint
    officer: Annotated[str, msgspec.Meta(max_length=MAX_PERSON)]
    at: When


class HubNotesData(_Data):
    outcomes: Annotated[list[HubOutcome], msgspec.Meta(max_length=MAX_ITEMS)]
    answers: Annotated[list[HubAnswer], msgspec.Meta(max_length=MAX_ITEMS)]

    def __post_init__(self) -> None:
        if len(self.outcomes) + len(self.answers) > MAX_ITEMS:
            raise ValueError(f"more than {MAX_ITEMS} entries")


class _CatalogueData(msgspec.Struct):
    """The catalogue's parts: more fields are allowed (a newer catalogue still installs)."""


class TextData(_CatalogueData):
    id: CatalogueText
    en: CatalogueText


class RequirementData(_CatalogueData):
    key: Key
    required: bool
    text: TextData


class FieldData(_CatalogueData):
    key: Key
    type: FieldType
    required: bool
    label: TextData
    choices: Annotated[
        list[Annotated[str, msgspec.Meta(max_length=MAX_FIELD_LEN)]],
        msgspec.Meta(max_length=MAX_CATALOGUE_LIST),
    ] = []


class LetterTemplateData(_CatalogueData):
    classification: Annotated[str, msgspec.Meta(max_length=MAX_REFTEXT)]
    title: TextData
    body: TextData


class ReferralData(_CatalogueData):
    agency: TextData
    bring: Annotated[list[TextData], msgspec.Meta(max_length=MAX_CATALOGUE_LIST)]


class ServiceData(_CatalogueData):
    code: ServiceCode
    ticket_prefix: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]$")]
    category: Annotated[str, msgspec.Meta(max_length=MAX_REFTEXT)]
    product: ProductName
    name: TextData
    description: TextData
    agency: TextData
    legal_basis: Annotated[str, msgspec.Meta(max_length=MAX_CATALOGUE_TEXT)]
    requirements: Annotated[list[RequirementData], msgspec.Meta(max_length=MAX_CATALOGUE_LIST)]
    procedure: Annotated[list[TextData], msgspec.Meta(max_length=MAX_CATALOGUE_LIST)]
    days: Annotated[int, msgspec.Meta(ge=0, le=MAX_DAYS)]
    fee: Annotated[int, msgspec.Meta(ge=0, le=MAX_FEE)]
    fee_note: TextData
    fields: Annotated[list[FieldData], msgspec.Meta(max_length=MAX_CATALOGUE_LIST)]
    letter: LetterTemplateData | None = None
    referral: ReferralData | None = None


class CatalogueData(_CatalogueData):
    version: Count
    district: Annotated[str, msgspec.Meta(max_length=MAX_REFTEXT)]
    complaint_channel: TextData
    services: Annotated[list[ServiceData], msgspec.Meta(max_length=MAX_SERVICES)]


REFDATA: Final[dict[str, type[msgspec.Struct]]] = {
    "catalogue": CatalogueData,
    "staff": StaffData,
    "letterhead": LetterheadData,
    "holidays": HolidaysData,
    "desk_keys": DeskKeysData,
    "revoked_letters": RevokedLettersData,
    "hub_notes": HubNotesData,
    "offices": OfficesData,
}


# --------------------------------------------------------------------------- checking
class ContractError(ValidationError):
    """An event outside the contract; the message says which field and why."""


_AT = re.compile(r" - at `\$(.*)`$")


def _reason(exc: Exception, where: str) -> str:
    text = str(exc)
    m = _AT.search(text)
    if m is not None:
        return f"{where}{m.group(1)}: {text[: m.start()]}"
    return f"{where}: {text}"


def check_event(
    kind: str,
    *,
    event_id: str,
    recorded_at: str,
    staff: str,
    request_id: str | None,
    data: object,
    services: Collection[str] | None = None,
) -> None:
    """Raise :class:`ContractError` unless the event is one the contract allows.

    ``services``: the service codes the district knows (None: any well-formed code).
    """
    envelope = {
        "event_id": event_id,
        "kind": kind,
        "recorded_at": recorded_at,
        "staff": staff,
        "request_id": request_id,
    }
    try:
        msgspec.convert(envelope, Envelope)
    except msgspec.ValidationError as exc:
        raise ContractError(_reason(exc, "event"), code="contract") from None
    known = EventKind(kind)
    if known in REQUEST_KINDS and request_id is None:
        raise ContractError(f"a {kind} event must name its request", code="contract")
    if known in NO_REQUEST_KINDS and request_id is not None:
        raise ContractError(f"a {kind} event must not name a request", code="contract")
    try:
        value = msgspec.convert(data, DATA[known])
    except msgspec.ValidationError as exc:
        raise ContractError(_reason(exc, f"{kind} data"), code="contract") from None
    service = getattr(value, "service", None)
    if services is not None and service is not None and service not in services:
        raise ContractError(
            f"{kind} data.service: unknown service {service!r} (not in the district's catalogue)",
            code="contract",
        )


def problem(event: Event, services: Collection[str] | None = None) -> str | None:
    """Why ``event`` breaks the contract (None: it keeps it)."""
    try:
        check_event(
            event.kind,
            event_id=event.event_id,
            recorded_at=event.recorded_at,
            staff=event.staff,
            request_id=event.request_id,
            data=event.data,
            services=services,
        )
    except ContractError as exc:
        return str(exc)
    return None


def check_refdata(kind: str, data: object) -> None:
    """Raise :class:`ContractError` unless ``data`` is a ``kind`` snapshot the contract
    allows (a kind the contract does not know is left to the caller)."""
    declared = REFDATA.get(kind)
    if declared is None:
        return
    try:
        msgspec.convert(data, declared)
    except msgspec.ValidationError as exc:
        raise ContractError(_reason(exc, f"{kind} reference data"), code="contract") from None


def schema() -> dict[str, Any]:
    """The contract as JSON Schema (``$defs`` per event kind and reference-data kind)."""
    kinds = [Envelope, *DATA.values(), *REFDATA.values()]
    _, components = msgspec.json.schema_components(kinds)
    return {"version": CONTRACT_VERSION, "$defs": components}
