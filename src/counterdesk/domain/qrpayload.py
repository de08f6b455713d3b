"""The compact payload in the QR code of letters and receipts.

``CD1|kind|desk|number|service|date|initials|signature`` where kind is ``L``
(letter) or ``R`` (receipt), date is the issue date (YYYY-MM-DD, as printed),
initials are those of the citizen's name (enough to compare with the paper, no
more personal data), and signature is the desk's Ed25519 signature over
everything before the last ``|``, base64url without padding. The verifier
needs nothing but the desk's public key.

``CD2|kind|desk|number|service|date|initials|seq|tag|signature`` adds a chain anchor:
``seq`` is the desk's last event when the code was signed and ``tag`` the first
:data:`TAG_LENGTH` characters of the base32 form of that event's chain hash. The
paper then commits to the desk's whole event log up to ``seq``: a history rewritten
later (even with the chain recomputed) no longer gives the same tag
(``counterdesk audit verify --receipts``). Both versions verify; desks sign CD2.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass

from counterdesk.domain.errors import ValidationError

PREFIX = "CD1"
PREFIX_ANCHORED = "CD2"
TAG_LENGTH = 12  # base32 characters: 60 bits of the chain hash
KINDS = {"L": "letter", "R": "receipt"}
MAX_LENGTH = 400
_FOLD = str.maketrans("ŁłØøĐđÆæŒœ", "LlOoDdAaOo")
_FIELD = re.compile(r"^[A-Za-z0-9/.\-]{1,60}$")
_SEQ = re.compile(r"[1-9][0-9]{0,11}")
_TAG = re.compile(r"[A-Z2-7]{8,20}")


def chain_tag(chain_hash: str, length: int = TAG_LENGTH) -> str:
    """The short tag of an event's chain hash (hex): base32 of its bytes, ``length`` chars."""
    return base64.b32encode(bytes.fromhex(chain_hash)).decode("ascii")[:length]


def initials(name: str) -> str:
    """Upper-case initials of a name, ASCII-folded: "Nur'aini Ñurul" -> "NN"."""
    letters = []
    for word in name.replace("'", "").replace("’", "").replace("-", " ").split():
        ch = unicodedata.normalize("NFKD", word[0].translate(_FOLD))[0].upper()
        if ch.isalpha() and ch.isascii():
            letters.append(ch)
    return "".join(letters)[:6] or "X"


@dataclass(frozen=True)
class QrPayload:
    kind: str  # "L" or "R"
    desk: str
    number: str
    service: str
    date: str
    initials: str
    signature: bytes = b""
    anchor_seq: int | None = None  # CD2: the desk's last event when the code was signed
    anchor_tag: str = ""  # CD2: chain_tag of that event's hash

    @property
    def anchored(self) -> bool:
        return self.anchor_seq is not None

    def signed_text(self) -> str:
        fields = [self.kind, self.desk, self.number, self.service, self.date, self.initials]
        if self.anchor_seq is None:
            return "|".join([PREFIX, *fields])
        return "|".join([PREFIX_ANCHORED, *fields, str(self.anchor_seq), self.anchor_tag])

    def encode(self) -> str:
        sig = base64.urlsafe_b64encode(self.signature).rstrip(b"=").decode()
        return f"{self.signed_text()}|{sig}"


def _bad(reason: str) -> ValidationError:
    return ValidationError(f"malformed payload: {reason}", code="qr_malformed")


def parse_payload(text: str) -> QrPayload:
    """Parse a scanned payload; raises ValidationError('malformed ...') on anything odd."""
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise _bad("too long")
    parts = text.split("|")
    anchor_seq: int | None = None
    anchor_tag = ""
    if len(parts) == 8 and parts[0] == PREFIX:
        _, kind, desk, number, service, date, inits, sig = parts
    elif len(parts) == 10 and parts[0] == PREFIX_ANCHORED:
        _, kind, desk, number, service, date, inits, seq, anchor_tag, sig = parts
        if not _SEQ.fullmatch(seq) or not _TAG.fullmatch(anchor_tag):
            raise _bad("bad chain anchor")
        anchor_seq = int(seq)
    else:
        raise _bad("not a counterdesk code (expected CD1|... or CD2|...)")
    if kind not in KINDS:
        raise _bad(f"unknown document kind {kind!r}")
    for name, value in (("desk", desk), ("number", number), ("service", service)):
        if not _FIELD.match(value):
            raise _bad(f"bad {name}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) or not re.fullmatch(r"[A-Z]{1,6}", inits):
        raise _bad("bad date or initials")
    try:
        signature = base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4))
    except (binascii.Error, ValueError):
        raise _bad("signature is not base64") from None
    if len(signature) != 64:
        raise _bad("signature has the wrong length")
    return QrPayload(kind, desk, number, service, date, inits, signature, anchor_seq, anchor_tag)
