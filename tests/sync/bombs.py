"""Compression bombs for the trust-boundary tests: properly framed, encrypted and signed
bundles whose compressed payload is a few hundred KiB of zlib that unpacks to gigabytes."""

from __future__ import annotations

import base64
import functools
import hashlib
import secrets
import uuid
import zlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from counterdesk.sync import bundle as b

MIB = 1024 * 1024
GIB = 1024 * MIB


@functools.lru_cache(maxsize=8)
def deflated_zeros(size: int) -> bytes:
    """zlib (no preset dictionary) of ``size`` zero bytes: about size / 1000 bytes."""
    deflater = zlib.compressobj(9)
    block = bytes(MIB)
    out = [deflater.compress(block) for _ in range(size // MIB)]
    out.append(deflater.compress(bytes(size % MIB)))
    out.append(deflater.flush())
    return b"".join(out)


def bomb(
    *,
    declared: int,
    inflated: int,
    sender_key: Ed25519PrivateKey,
    recipient_public: X25519PublicKey,
    sender: str,
    recipient: str,
    kind: str = "events",
    epoch: str = "",
    seq_first: int = 1,
    seq_last: int = 1,
    count: int = 1,
    bad_signature: bool = False,
) -> bytes:
    """A bundle declaring a payload of ``declared`` bytes whose zlib stream unpacks to
    ``inflated`` zero bytes (the header's checksum is of nothing in particular)."""
    compressed = deflated_zeros(inflated)
    content_key = secrets.token_bytes(32)
    bundle_id = uuid.uuid4().hex
    sealed = b._HPKE_SUITE.encrypt(content_key, recipient_public, info=b._hpke_info(bundle_id))
    chunk_size = b.DEFAULT_CHUNK_SIZE
    header = b.BundleHeader(
        bundle_id=bundle_id,
        kind=kind,
        sender=sender,
        recipient=recipient,
        epoch=epoch,
        seq_first=seq_first,
        seq_last=seq_last,
        count=count,
        sender_key_id=b.key_id(sender_key.public_key()),
        recipient_key_id=b.key_id(recipient_public),
        created_at="2026-12-01T08:00:00+07:00",
        payload_length=declared,
        payload_sha256=hashlib.sha256(b"not the payload").hexdigest(),
        compressed_length=len(compressed),
        chunk_size=chunk_size,
        chunk_count=-(-len(compressed) // chunk_size),
        suite=b.SUITE,
        sealed_key=base64.b64encode(sealed).decode("ascii"),
    )
    data = b._assemble(header, compressed, content_key, sender_key)
    if bad_signature:
        at = len(data) - 72 + 5
        data = data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]
    return data
