"""Signing and checking the QR payloads of letters and receipts, offline.

The rule itself is :func:`counterdesk.sync.verify.verify_qr`, shared with the hub's
``counterdesk-hub verify``; here the desk supplies what it knows: its own key, the other
desks' keys and the revoked letters received from the district.
"""

from __future__ import annotations

import dataclasses

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from counterdesk.domain.qrpayload import QrPayload
from counterdesk.services.desk import Desk
from counterdesk.store.keys import raw_public
from counterdesk.sync.verify import SignerKey, Verdict, revocation_applies, verify_qr

__all__ = ["Verdict", "public_key_hex", "sign_payload", "verify_payload"]


def sign_payload(desk: Desk, payload: QrPayload) -> str:
    signature = desk.keys.sign.sign(payload.signed_text().encode())
    return dataclasses.replace(payload, signature=signature).encode()


def _desk_key(desk: Desk, code: str) -> SignerKey | None:
    if desk.configured and code == desk.info.code:
        return SignerKey(desk.keys.sign_public)
    row = desk.conn.execute(
        "SELECT public_key, revoked FROM trusted_keys WHERE owner = ? AND purpose = 'sign'"
        " ORDER BY revoked, rowid DESC LIMIT 1",
        [code],
    ).fetchone()
    if row is None:
        return None
    return SignerKey(Ed25519PublicKey.from_public_bytes(bytes(row[0])), bool(row[1]))


def _revocation(desk: Desk, payload: QrPayload) -> str | None:
    """The reason when letter ``payload`` is revoked: this desk's own record only for its own
    letters, the district's list only for the desk that issued it (another desk's letter
    with the same number is not touched)."""
    if desk.configured and payload.desk == desk.info.code:
        row = desk.conn.execute(
            "SELECT revoked, revoked_reason FROM letters WHERE number = ?", [payload.number]
        ).fetchone()
        if row is not None and row["revoked"]:
            return str(row["revoked_reason"])
    for row in desk.conn.execute(
        "SELECT desk, reason FROM revoked_letters WHERE number = ?", [payload.number]
    ).fetchall():
        if revocation_applies(str(row["desk"]), payload.desk, payload.number):
            return str(row["reason"])
    return None


def verify_payload(desk: Desk, text: str) -> Verdict:
    return verify_qr(
        text,
        key_for=lambda code: _desk_key(desk, code),
        revoked=lambda payload: _revocation(desk, payload),
        unknown_desk="this desk has no key for it (import the district's reference data, "
        "or check at the district hub)",
    )


def public_key_hex(desk: Desk) -> str:
    return raw_public(desk.keys.sign_public).hex()
