"""Checking the QR payload of a letter or receipt: one rule for the desk and the hub.

The caller says how to find a desk's public key and whether a letter was revoked; the
desk looks in its own tables (its key, the district's keys, the district's revocation
list), the hub in its register of desks and its revocations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.qrpayload import KINDS, QrPayload, parse_payload


@dataclass(frozen=True)
class SignerKey:
    """A desk's signing key as the verifier knows it."""

    public: Ed25519PublicKey
    revoked: bool = False  # the district revoked the desk (a stolen or retired PC)


@dataclass(frozen=True)
class Verdict:
    valid: bool
    reason: str
    payload: QrPayload | None = None

    def describe(self) -> str:
        p = self.payload
        if p is None:
            return self.reason
        what = KINDS[p.kind]
        text = (
            f"{self.reason}: {what} {p.number}, service {p.service}, issued {p.date} by desk "
            f"{p.desk}, citizen initials {p.initials}"
        )
        if p.anchor_seq is not None:
            text += f", signed after the desk's event {p.anchor_seq} (chain tag {p.anchor_tag})"
        return text

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"valid": self.valid, "reason": self.reason}
        p = self.payload
        if p is not None:
            out |= {
                "kind": p.kind,
                "desk": p.desk,
                "number": p.number,
                "service": p.service,
                "date": p.date,
                "initials": p.initials,
            }
            if p.anchor_seq is not None:
                out |= {"anchor_seq": p.anchor_seq, "anchor_tag": p.anchor_tag}
        return out


_DESK_PART = re.compile(r"[A-Z]{2,5}-\d{2}")


def desks_in_number(number: str) -> list[str]:
    """The desk codes written in a letter number (its ``{unit}`` part, e.g. ``JGB-01`` in
    ``470/0123/JGB-01/XI/2026``), upper-case, without repeats, in order."""
    parts = (part.strip().upper() for part in number.split("/"))
    return list(dict.fromkeys(p for p in parts if _DESK_PART.fullmatch(p)))


def revocation_applies(listed_desk: str, desk: str, number: str) -> bool:
    """Whether a revocation of letter ``number`` listed for ``listed_desk`` concerns the
    letter ``number`` issued by ``desk``: only the issuing desk's letter, never another
    desk's letter that happens to carry the same number. An entry without a desk (made
    before its desk was known) applies when the number itself names ``desk``."""
    if listed_desk:
        return listed_desk.upper() == desk.upper()
    return desks_in_number(number) == [desk.upper()]


KeyLookup = Callable[[str], SignerKey | None]
RevocationLookup = Callable[[QrPayload], str | None]  # the reason when revoked


def verify_qr(
    text: str,
    *,
    key_for: KeyLookup,
    revoked: RevocationLookup,
    unknown_desk: str = "this desk has no key for it",
) -> Verdict:
    """Valid only when the payload parses, its desk's key is known and not revoked, the
    signature matches, and (for letters) the letter is not revoked."""
    try:
        payload = parse_payload(text)
    except ValidationError as exc:
        return Verdict(False, str(exc))
    key = key_for(payload.desk)
    if key is None:
        return Verdict(False, f"unknown desk {payload.desk}: {unknown_desk}", payload)
    try:
        key.public.verify(payload.signature, payload.signed_text().encode())
    except InvalidSignature:
        return Verdict(False, "bad signature: the code was altered or forged", payload)
    if key.revoked:
        return Verdict(
            False,
            f"revoked desk: the district revoked desk {payload.desk}; what it signs is no "
            "longer accepted",
            payload,
        )
    if payload.kind == "L":
        reason = revoked(payload)
        if reason is not None:
            return Verdict(False, f"revoked letter: {reason}", payload)
    return Verdict(True, "valid", payload)
