"""The desk's link to its district hub: who the hub is, its keys, the enrollment state."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from counterdesk.domain.errors import CounterdeskError
from counterdesk.services.desk import Desk
from counterdesk.sync.bundle import key_id
from counterdesk.sync.enrollment import enrollment_signing_key
from counterdesk.sync.payloads import IntroClaim, raw_key

# Owner of the hub's rows in ``trusted_keys`` (desk codes look like JGB-01, never this).
HUB_OWNER = "hub"


class NotEnrolled(CounterdeskError):
    """A training desk, or one that never joined a district."""


@dataclass(frozen=True)
class HubLink:
    hub: str
    district: str
    enrollment_id: str
    enrollment_secret: bytes | None  # None once the hub has confirmed this desk's keys
    confirmed_at: str
    url: str
    hub_sign: Ed25519PublicKey
    hub_box: X25519PublicKey

    @property
    def confirmed(self) -> bool:
        return self.enrollment_secret is None


def load_link(desk: Desk) -> HubLink:
    info = desk.info
    if info.training:
        raise NotEnrolled(
            f"{info.code} is a training desk; it does not exchange data with a district hub",
            code="training_desk",
        )
    row = desk.conn.execute("SELECT * FROM hub_link WHERE id = 1").fetchone()
    keys = {
        r["purpose"]: bytes(r["public_key"])
        for r in desk.conn.execute(
            "SELECT purpose, public_key FROM trusted_keys WHERE owner = ? AND revoked = 0",
            [HUB_OWNER],
        )
    }
    if row is None or "sign" not in keys or "box" not in keys:
        raise NotEnrolled(
            f"desk {info.code} is not enrolled with a district hub; run "
            "`counterdesk enroll FILE --admin NAME` with the file from the district office",
            code="not_enrolled",
        )
    secret = row["enrollment_secret"]
    return HubLink(
        hub=row["hub"],
        district=row["district"],
        enrollment_id=row["enrollment_id"],
        enrollment_secret=bytes(secret) if secret is not None else None,
        confirmed_at=row["confirmed_at"],
        url=row["url"],
        hub_sign=Ed25519PublicKey.from_public_bytes(keys["sign"]),
        hub_box=X25519PublicKey.from_public_bytes(keys["box"]),
    )


def store_link(
    desk: Desk,
    *,
    hub: str,
    district: str,
    enrollment_id: str,
    secret: bytes,
    hub_sign: Ed25519PublicKey,
    hub_box: X25519PublicKey,
) -> None:
    """Record the hub (inside a transaction)."""
    desk.conn.execute(
        "INSERT INTO hub_link (id, hub, district, enrollment_id, enrollment_secret, enrolled_at)"
        " VALUES (1, ?, ?, ?, ?, ?)",
        [hub, district, enrollment_id, secret, desk.now_text()],
    )
    for purpose, key in (("sign", hub_sign), ("box", hub_box)):
        desk.conn.execute(
            "INSERT OR REPLACE INTO trusted_keys (owner, purpose, public_key, key_id)"
            " VALUES (?, ?, ?, ?)",
            [HUB_OWNER, purpose, raw_key(key), key_id(key)],
        )


def remember_url(desk: Desk, url: str) -> None:
    with desk.transaction():
        desk.conn.execute("UPDATE hub_link SET url = ? WHERE id = 1", [url])


def mark_confirmed(desk: Desk) -> bool:
    """The hub holds this desk's keys: forget the enrollment secret (inside a transaction)."""
    cur = desk.conn.execute(
        "UPDATE hub_link SET enrollment_secret = NULL, confirmed_at = ?"
        " WHERE id = 1 AND enrollment_secret IS NOT NULL",
        [desk.now_text()],
    )
    return cur.rowcount > 0


def record_contact(desk: Desk) -> None:
    """Inside a transaction: the hub was heard from now (desk clock, informational)."""
    desk.conn.execute("UPDATE sync_state SET last_contact = ? WHERE id = 1", [desk.now_text()])


def intro_signer(desk: Desk, link: HubLink) -> tuple[IntroClaim, Ed25519PrivateKey] | None:
    """The claim and key for wrapping bundles in ``intro`` until the hub confirms us."""
    if link.enrollment_secret is None:
        return None
    keys = desk.keys
    code = desk.info.code
    claim = IntroClaim(
        desk=code,
        enrollment_id=link.enrollment_id,
        sign_public=raw_key(keys.sign_public),
        box_public=raw_key(keys.box_public),
    )
    return claim, enrollment_signing_key(link.enrollment_secret, link.enrollment_id, code)
