"""The desk's key pairs, kept in its database.

Ed25519 signs receipts, letters and bundles; X25519 receives what the hub
encrypts to this desk. Created once with the desk; never leave it except as
public keys.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)


@dataclass(frozen=True)
class DeskKeys:
    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def sign_public(self) -> Ed25519PublicKey:
        return self.sign.public_key()

    @property
    def box_public(self) -> X25519PublicKey:
        return self.box.public_key()


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def create_keys(conn: sqlite3.Connection) -> DeskKeys:
    """Make the desk's key pairs; call inside a write transaction, once."""
    keys = DeskKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    conn.execute(
        "INSERT INTO desk_keys (id, sign_private, sign_public, box_private, box_public)"
        " VALUES (1, ?, ?, ?, ?)",
        [
            _raw_private(keys.sign),
            raw_public(keys.sign_public),
            _raw_private(keys.box),
            raw_public(keys.box_public),
        ],
    )
    return keys


def load_keys(conn: sqlite3.Connection) -> DeskKeys | None:
    row = conn.execute("SELECT sign_private, box_private FROM desk_keys WHERE id = 1").fetchone()
    if row is None:
        return None
    return DeskKeys(
        Ed25519PrivateKey.from_private_bytes(bytes(row[0])),
        X25519PrivateKey.from_private_bytes(bytes(row[1])),
    )
