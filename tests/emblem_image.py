"""A small, valid PNG made here (no image library) to stand in for an uploaded emblem."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def make_png(width: int = 48, height: int = 60) -> bytes:
    """A shield-like shape: green with a yellow band, RGB, 8 bits per channel."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            inside = abs(x - width / 2) < width / 2 * (1 - max(0, y - height * 0.6) / height)
            if not inside:
                row += b"\xff\xff\xff"
            elif height * 0.4 < y < height * 0.55:
                row += b"\xf0\xc0\x10"
            else:
                row += b"\x10\x70\x30"
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + _chunk(b"IEND", b"")
    )


EMBLEM_PNG = make_png()
