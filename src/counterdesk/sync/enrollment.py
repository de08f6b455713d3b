"""The enrollment file: how a new desk learns its district hub, and proves it at first contact.

Format (``.cdenroll``, UTF-8 JSON, written by ``counterdesk-hub enroll-desk``)::

    {
      "format": "counterdesk-enrollment",
      "version": 1,
      "enrollment": {
        "enrollment_id": 32 hex,          one per file; re-issuing makes a new one
        "desk": "JGB-01",                 the desk code the hub reserved
        "name": "Meja JGB-01",
        "post": "Kantor Camat Jagoi Babang",
        "district": "Kabupaten Bengkayang",
        "hub": "HUB",                     the hub's name in bundle headers
        "hub_sign_public": base64,        Ed25519: the hub signs acks and reference data
        "hub_box_public": base64,         X25519: desks encrypt bundles to the hub
        "secret": base64 (32 bytes),      one-time enrollment secret
        "issued_at": "2026-11-02T08:00:00+07:00",   informational
        "catalogue": {...}                the district's service catalogue
      },
      "signature": base64                 Ed25519 by hub_sign_public over
                                          "counterdesk enrollment v1\\0" || canonical JSON
                                          of "enrollment"
    }

The signature only shows the file is whole (a forger would put in their own hub key);
trust comes from the hand-over, and both programs print the hub key's fingerprint so the
officer can compare. The file holds no personal data, but its secret matters until the
desk's first contact: the desk signs its ``intro`` bundles with a key derived from the
secret (:func:`enrollment_signing_key`), the hub derives the same public key, and pins
the desk's own key from the first introduction it accepts. After that the secret opens
nothing: an introduction carrying any other key is quarantined.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.events import canonical_json
from counterdesk.sync.bundle import key_id
from counterdesk.sync.names import ENROLLMENT_SUFFIX
from counterdesk.sync.payloads import b64, raw_key, unb64

FORMAT_NAME: Final = "counterdesk-enrollment"
FORMAT_VERSION: Final = 1
SECRET_LENGTH: Final = 32
MAX_FILE_SIZE: Final = 8 * 1024 * 1024
FILE_SUFFIX: Final = ENROLLMENT_SUFFIX
_SIGNATURE_CONTEXT: Final = b"counterdesk enrollment v1\x00"
_KDF_INFO: Final = b"counterdesk enrollment signing key v1\x00"
_HEX32 = re.compile(r"[0-9a-f]{32}")
_PARTY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,23}")


class EnrollmentError(CounterdeskError):
    """An enrollment file that cannot be used."""


@dataclass(frozen=True)
class Enrollment:
    enrollment_id: str
    desk: str
    name: str
    post: str
    district: str
    hub: str
    hub_sign_public: bytes
    hub_box_public: bytes
    secret: bytes
    issued_at: str
    catalogue: dict[str, Any]

    def hub_sign_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.hub_sign_public)

    def hub_box_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.hub_box_public)

    def body(self) -> dict[str, Any]:
        return {
            "enrollment_id": self.enrollment_id,
            "desk": self.desk,
            "name": self.name,
            "post": self.post,
            "district": self.district,
            "hub": self.hub,
            "hub_sign_public": b64(self.hub_sign_public),
            "hub_box_public": b64(self.hub_box_public),
            "secret": b64(self.secret),
            "issued_at": self.issued_at,
            "catalogue": self.catalogue,
        }


def fingerprint(key: Ed25519PublicKey) -> str:
    """A key's fingerprint for people to compare: ``ab12-cd34-ef56-7890``."""
    kid = key_id(key)
    return "-".join(kid[i : i + 4] for i in range(0, 16, 4))


def write_enrollment(enrollment: Enrollment, hub_sign: Ed25519PrivateKey) -> bytes:
    if raw_key(hub_sign.public_key()) != enrollment.hub_sign_public:
        raise ValueError("the enrollment must carry the signing hub's public key")
    body = enrollment.body()
    signature = hub_sign.sign(_SIGNATURE_CONTEXT + canonical_json(body))
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "enrollment": body,
        "signature": b64(signature),
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _str(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise EnrollmentError(f"enrollment file: {key!r} is missing or empty")
    return value


def read_enrollment(data: bytes) -> Enrollment:
    """Parse an enrollment file and check its signature; raises :class:`EnrollmentError`."""
    if len(data) > MAX_FILE_SIZE:
        raise EnrollmentError("this is not an enrollment file (far too large)")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise EnrollmentError(
            "this is not an enrollment file (not JSON); use the file made by "
            "`counterdesk-hub enroll-desk`"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise EnrollmentError(
            "this is not a counterdesk enrollment file; use the file made by "
            "`counterdesk-hub enroll-desk`"
        )
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise EnrollmentError("enrollment file: 'version' is not valid")
    if version > FORMAT_VERSION:
        raise EnrollmentError(
            f"the enrollment file has version {version}, newer than this program "
            f"understands ({FORMAT_VERSION}); update counterdesk"
        )
    body = doc.get("enrollment")
    if not isinstance(body, dict):
        raise EnrollmentError("enrollment file: 'enrollment' is missing")
    try:
        hub_sign_public = unb64(body.get("hub_sign_public"), 32, "hub signing key")
        hub_box_public = unb64(body.get("hub_box_public"), 32, "hub encryption key")
        secret = unb64(body.get("secret"), SECRET_LENGTH, "enrollment secret")
        signature = unb64(doc.get("signature"), 64, "signature")
    except CounterdeskError as exc:
        raise EnrollmentError(f"enrollment file: {exc}") from None
    try:
        hub_key = Ed25519PublicKey.from_public_bytes(hub_sign_public)
        X25519PublicKey.from_public_bytes(hub_box_public)
    except ValueError:
        raise EnrollmentError("enrollment file: a hub key is not valid") from None
    try:
        hub_key.verify(signature, _SIGNATURE_CONTEXT + canonical_json(body))
    except (InvalidSignature, ValueError, TypeError):
        raise EnrollmentError(
            "the enrollment file is damaged or was altered (its signature does not match); "
            "ask the district office for a new one"
        ) from None
    enrollment_id = _str(body, "enrollment_id")
    if not _HEX32.fullmatch(enrollment_id):
        raise EnrollmentError("enrollment file: 'enrollment_id' is not valid")
    hub = _str(body, "hub")
    if not _PARTY.fullmatch(hub):
        raise EnrollmentError("enrollment file: 'hub' is not valid")
    catalogue = body.get("catalogue")
    if not isinstance(catalogue, dict):
        raise EnrollmentError("enrollment file: 'catalogue' is missing")
    return Enrollment(
        enrollment_id=enrollment_id,
        desk=_str(body, "desk"),
        name=_str(body, "name"),
        post=_str(body, "post"),
        district=_str(body, "district"),
        hub=hub,
        hub_sign_public=hub_sign_public,
        hub_box_public=hub_box_public,
        secret=secret,
        issued_at=str(body.get("issued_at", "")),
        catalogue=catalogue,
    )


def enrollment_signing_key(secret: bytes, enrollment_id: str, desk: str) -> Ed25519PrivateKey:
    """The Ed25519 key both ends derive from an enrollment secret (signs ``intro`` bundles)."""
    if len(secret) != SECRET_LENGTH:
        raise ValueError("enrollment secret has the wrong length")
    info = _KDF_INFO + enrollment_id.encode("ascii") + b"\x00" + desk.encode("ascii")
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)
    return Ed25519PrivateKey.from_private_bytes(seed)
