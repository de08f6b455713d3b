"""The ``offices`` reference data: each post's letterhead and signer, the regency emblem and
the hub's public verification address -- checked alike by the hub (when an officer
changes them) and by the desk (before applying them).

``offices`` is ``{"verify_url": text, "emblem": null | {"media": "image/png" | "image/jpeg",
"data": base64}, "posts": {post name: {key: text}}}`` where the keys are
:data:`OFFICE_KEYS`. A desk uses the entry of its own post (the post named in its
enrollment file) and nothing else, so a Seluas desk never prints Jagoi Babang's kop or
Camat. The district-wide ``letterhead`` kind keeps the settings common to every post.

The emblem is checked without decoding it (no image library): the file's structure
(PNG chunks with their CRCs, or JPEG markers), its pixel size and its byte size.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import zlib
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from counterdesk.domain import contract
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.numbering import LetterNumberTemplate
from counterdesk.sync.names import OFFICE_KEYS as OFFICE_KEYS
from counterdesk.sync.payloads import PayloadError
from counterdesk.sync.refdata import check_text, declared

MAX_POSTS: Final = contract.MAX_POSTS
MAX_EMBLEM: Final = 256 * 1024  # bytes of the image file
MAX_EMBLEM_SIDE: Final = 4000  # pixels
MAX_URL: Final = 200
EMBLEM_MEDIA: Final = ("image/png", "image/jpeg")
_PNG = b"\x89PNG\r\n\x1a\n"
_NIP = re.compile(r"[0-9 ]{0,30}")


@dataclass(frozen=True)
class Offices:
    verify_url: str = ""
    emblem: bytes | None = None
    emblem_media: str = ""
    posts: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        emblem = (
            {"media": self.emblem_media, "data": base64.b64encode(self.emblem).decode("ascii")}
            if self.emblem
            else None
        )
        return {
            "verify_url": self.verify_url,
            "emblem": emblem,
            "posts": {p: dict(sorted(v.items())) for p, v in sorted(self.posts.items())},
        }


def check_post_name(post: str) -> str:
    post = " ".join(post.split())
    return check_text(post, "post name", empty=False, limit=100)


def check_office_value(key: str, value: str) -> tuple[str, str]:
    """One per-post setting, as the hub accepts it and the desk applies it."""
    key = key.strip()
    if key not in OFFICE_KEYS:
        raise ValidationError(
            f"{key!r} is not a post letter setting; known: {', '.join(OFFICE_KEYS)}",
            code="letterhead_key",
        )
    value = check_text(value, key).strip()
    if key == "letter_number_template" and value:
        LetterNumberTemplate(value, full_desk=False).validate()
    if key == "signer_nip" and not _NIP.fullmatch(value):
        raise ValidationError(
            f"signer_nip {value!r} must be digits (18 for a civil servant's NIP)",
            code="signer_nip",
        )
    return key, value


def check_verify_url(url: str) -> str:
    """The public address of the hub's /verify page, as printed on every letter."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if (
        len(url) > MAX_URL
        or parts.scheme not in ("https", "http")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in url)
    ):
        raise ValidationError(
            f"{url!r} is not a public web address like https://hub.example.go.id/verify",
            code="verify_url",
        )
    if not parts.path.rstrip("/").endswith("/verify"):
        raise ValidationError(
            f"{url!r} must be the hub's verification page (ending in /verify)", code="verify_url"
        )
    return url


def _png_size(data: bytes) -> tuple[int, int]:
    pos, size, seen_idat, seen_end = 8, None, False, False
    first = True
    while pos < len(data):
        if pos + 12 > len(data):
            raise ValueError("a PNG chunk is cut short")
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise ValueError("a PNG chunk is cut short")
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError("a PNG chunk is damaged (CRC)")
        if first:
            if kind != b"IHDR" or length != 13:
                raise ValueError("the PNG header chunk is missing")
            size = struct.unpack(">II", body[:8])
            first = False
        seen_idat |= kind == b"IDAT"
        pos += 12 + length
        if kind == b"IEND":
            seen_end = True
            break
    if size is None or not seen_idat or not seen_end or pos != len(data):
        raise ValueError("the PNG is incomplete")
    return size


def _jpeg_size(data: bytes) -> tuple[int, int]:
    if not data.endswith(b"\xff\xd9"):
        raise ValueError("the JPEG is incomplete")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("the JPEG structure is damaged")
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            raise ValueError("the JPEG structure is damaged")
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        if marker == 0xDA:
            break
        pos += 2 + length
    raise ValueError("the JPEG has no image size")


def check_emblem(data: bytes) -> str:
    """The media type of an emblem image (PNG or JPEG), or a refusal naming the problem."""
    if not data:
        raise ValidationError("the emblem file is empty", code="emblem")
    if len(data) > MAX_EMBLEM:
        raise ValidationError(
            f"the emblem is {len(data) // 1024} KB; at most {MAX_EMBLEM // 1024} KB",
            code="emblem",
        )
    try:
        if data.startswith(_PNG):
            media, (width, height) = "image/png", _png_size(data)
        elif data.startswith(b"\xff\xd8\xff"):
            media, (width, height) = "image/jpeg", _jpeg_size(data)
        else:
            raise ValueError("it is not a PNG or JPEG image")
    except (ValueError, struct.error) as exc:
        raise ValidationError(f"the emblem is not usable: {exc}", code="emblem") from None
    if not (0 < width <= MAX_EMBLEM_SIDE and 0 < height <= MAX_EMBLEM_SIDE):
        raise ValidationError(
            f"the emblem is {width}x{height} pixels; each side must be 1 to {MAX_EMBLEM_SIDE}",
            code="emblem",
        )
    return media


def parse_offices(data: object) -> Offices:
    kind = "offices"
    if not isinstance(data, dict) or set(data) != {"verify_url", "emblem", "posts"}:
        raise PayloadError(f"{kind} reference data must have 'verify_url', 'emblem', 'posts'")
    try:
        url = check_verify_url(check_text(data["verify_url"], "verify_url", limit=MAX_URL))
        emblem: bytes | None = None
        media = ""
        raw = data["emblem"]
        if raw is not None:
            if not isinstance(raw, dict) or set(raw) != {"media", "data"}:
                raise ValidationError("the emblem must have 'media' and 'data'")
            try:
                emblem = base64.b64decode(str(raw["data"]), validate=True)
            except (binascii.Error, ValueError):
                raise ValidationError("the emblem is not valid base64") from None
            media = check_emblem(emblem)
            if media != raw["media"]:
                raise ValidationError(f"the emblem is {media}, not {raw['media']!r}")
        posts_raw = data["posts"]
        if not isinstance(posts_raw, dict) or len(posts_raw) > MAX_POSTS:
            raise ValidationError("'posts' must be an object of posts")
        posts: dict[str, dict[str, str]] = {}
        for post, values in posts_raw.items():
            name = check_post_name(post)
            if name != post or not isinstance(values, dict):
                raise ValidationError(f"the entry of post {post!r} is not valid")
            posts[name] = dict(check_office_value(k, v) for k, v in values.items())
    except CounterdeskError as exc:
        raise PayloadError(f"{kind} reference data: {exc}") from None
    declared(kind, data)  # and the contract's declaration (after the more specific checks)
    return Offices(url, emblem, media, posts)
