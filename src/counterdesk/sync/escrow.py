"""A desk's database key in the district's keeping (escrow), and the recovery file.

1. Sealed key. The desk seals its database key to the hub's X25519 key with HPKE (RFC 9180,
   base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, as bundles do),
   with ``info`` naming the desk and the key id, so a blob opens only as what it says it
   is. It travels in the desk's event log (event ``db_key_escrowed``: key id and the sealed
   blob, base64), so it reaches the hub over HTTP or on a stick like every event, and the
   hub keeps it sealed: only the hub's private key opens it.
2. Recovery file (``.cdrecover``, UTF-8 JSON), made at the district office for a desk
   whose PC died (``counterdesk-hub escrow export``) and carried to the replacement PC
   (``counterdesk recover FILE``)::

       {"format": "counterdesk-recovery", "version": 1,
        "desk": "JGB-01", "key_id": 32 hex, "made_at": "…",
        "kdf": {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "salt": base64 (16 bytes)},
        "nonce": base64 (12 bytes), "sealed": base64 (AES-256-GCM of the key)}

   The key is encrypted with a passphrase the officer chooses (scrypt), and the associated
   data binds the desk, key id and parameters: a file lost on the way opens nothing
   without the passphrase.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import canonical_json
from counterdesk.sync.names import RECOVERY_SUFFIX

KEY_LENGTH: Final = 32
FORMAT_NAME: Final = "counterdesk-recovery"
FORMAT_VERSION: Final = 1
FILE_SUFFIX: Final = RECOVERY_SUFFIX
MAX_FILE_SIZE: Final = 64 * 1024
MIN_PASSPHRASE: Final = 10
SCRYPT_N: Final = 2**15
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
_HPKE_SUITE: Final = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
_HPKE_INFO: Final = b"counterdesk database key escrow v1\x00"
_AAD_LABEL: Final = b"counterdesk recovery v1\x00"
_KEY_ID = re.compile(r"[0-9a-f]{32}")


class EscrowError(CounterdeskError):
    """A sealed key or recovery file that cannot be used."""


def _info(desk: str, key_id: str) -> bytes:
    return _HPKE_INFO + desk.encode() + b"\x00" + key_id.encode()


def seal_key(secret: bytes, *, desk: str, key_id: str, hub_box: X25519PublicKey) -> bytes:
    """The database key sealed to the hub (HPKE ``enc`` || ciphertext)."""
    if len(secret) != KEY_LENGTH or not _KEY_ID.fullmatch(key_id):
        raise ValueError("a database key is 32 bytes with a 32-hex-digit id")
    return _HPKE_SUITE.encrypt(secret, hub_box, info=_info(desk, key_id))


def open_sealed_key(sealed: bytes, *, desk: str, key_id: str, hub_box: X25519PrivateKey) -> bytes:
    try:
        secret = _HPKE_SUITE.decrypt(sealed, hub_box, info=_info(desk, key_id))
    except (InvalidTag, ValueError):
        raise EscrowError(
            f"the key desk {desk} sent for safekeeping does not open with this hub's key",
            code="escrow_unreadable",
        ) from None
    if len(secret) != KEY_LENGTH:
        raise EscrowError(f"the key desk {desk} sent is not a database key", code="escrow_bad")
    return secret


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, what: str) -> bytes:
    if not isinstance(text, str):
        raise EscrowError(f"recovery file: {what} is missing", code="recovery_bad")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise EscrowError(f"recovery file: {what} is not base64", code="recovery_bad") from None


# recovery file --------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class Recovered:
    desk: str
    key_id: str
    secret: bytes

    def __repr__(self) -> str:
        return f"Recovered({self.desk}, {self.key_id})"


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise EscrowError(
            f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters (it is "
            "all that protects the recovery file on its way)",
            code="passphrase_short",
        )


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aad(head: dict[str, Any]) -> bytes:
    return _AAD_LABEL + canonical_json(head)


def write_recovery(
    desk: str, key_id: str, secret: bytes, passphrase: str, *, made_at: str
) -> bytes:
    check_passphrase(passphrase)
    salt = os.urandom(16)
    nonce = os.urandom(12)
    head: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "desk": desk,
        "key_id": key_id,
        "made_at": made_at,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64(salt)},
    }
    kek = _kek(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(kek).encrypt(nonce, secret, _aad(head))
    doc = head | {"nonce": b64(nonce), "sealed": b64(sealed)}
    return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode()


def read_recovery(data: bytes, passphrase: str) -> Recovered:
    """Open a recovery file; raises :class:`EscrowError` with what is wrong."""
    not_one = EscrowError(
        "this is not a counterdesk recovery file; use the file made at the district office "
        "by `counterdesk-hub escrow export`",
        code="recovery_bad",
    )
    if len(data) > MAX_FILE_SIZE:
        raise not_one
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise not_one from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise not_one
    version = doc.get("version")
    if type(version) is not int or version > FORMAT_VERSION or version < 1:
        raise EscrowError(
            f"the recovery file has version {version!r}, which this program does not "
            "understand; update counterdesk",
            code="recovery_version",
        )
    desk, key_id, kdf = doc.get("desk"), doc.get("key_id"), doc.get("kdf")
    if not isinstance(desk, str) or not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id):
        raise not_one
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise not_one
    n, r, p = kdf.get("n"), kdf.get("r"), kdf.get("p")
    if not all(type(v) is int for v in (n, r, p)) or not (
        2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16  # type: ignore[operator]
    ):
        raise not_one
    head = {k: doc.get(k) for k in ("format", "version", "desk", "key_id", "made_at", "kdf")}
    salt = unb64(kdf.get("salt"), "salt")
    nonce = unb64(doc.get("nonce"), "nonce")
    sealed = unb64(doc.get("sealed"), "sealed key")
    kek = _kek(passphrase, salt, n, r, p)  # type: ignore[arg-type]
    try:
        secret = AESGCM(kek).decrypt(nonce, sealed, _aad(head))
    except (InvalidTag, ValueError):
        raise EscrowError(
            "the recovery file does not open: wrong passphrase, or the file was altered",
            code="recovery_wrong_passphrase",
        ) from None
    if len(secret) != KEY_LENGTH:
        raise not_one
    return Recovered(desk, key_id, secret)
