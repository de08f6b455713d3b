"""Signing and checking the QR payloads of letters and receipts, offline."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.qrpayload import KINDS, QrPayload, parse_payload
from counterdesk.services.desk import Desk
from counterdesk.store.keys import raw_public


def sign_payload(desk: Desk, payload: QrPayload) -> str:
    signature = desk.keys.sign.sign(payload.signed_text().encode())
    return QrPayload(
        payload.kind,
        payload.desk,
        payload.number,
        payload.service,
        payload.date,
        payload.initials,
        signature,
    ).encode()


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
        return (
            f"{self.reason}: {what} {p.number}, service {p.service}, issued {p.date} by desk "
            f"{p.desk}, citizen initials {p.initials}"
        )


def _desk_key(desk: Desk, code: str) -> Ed25519PublicKey | None:
    if desk.configured and code == desk.info.code:
        return desk.keys.sign_public
    row = desk.conn.execute(
        "SELECT public_key FROM trusted_keys WHERE owner = ? AND purpose = 'sign'"
        " AND revoked = 0 ORDER BY rowid DESC LIMIT 1",
        [code],
    ).fetchone()
    return Ed25519PublicKey.from_public_bytes(bytes(row[0])) if row else None


def verify_payload(desk: Desk, text: str) -> Verdict:
    try:
        payload = parse_payload(text)
    except ValidationError as exc:
        return Verdict(False, str(exc))
    key = _desk_key(desk, payload.desk)
    if key is None:
        return Verdict(
            False,
            f"unknown desk {payload.desk}: this desk has no key for it "
            "(import the district's reference data, or check at the district hub)",
            payload,
        )
    try:
        key.verify(payload.signature, payload.signed_text().encode())
    except InvalidSignature:
        return Verdict(False, "bad signature: the code was altered or forged", payload)
    if payload.kind == "L":
        row = desk.conn.execute(
            "SELECT revoked, revoked_reason FROM letters WHERE number = ?", [payload.number]
        ).fetchone()
        if row is not None and row["revoked"]:
            return Verdict(False, f"revoked letter: {row['revoked_reason']}", payload)
    return Verdict(True, "valid", payload)


def public_key_hex(desk: Desk) -> str:
    return raw_public(desk.keys.sign_public).hex()
