"""Reading an ESC/POS job back: the commands it holds and the image it prints.

Written for the tests from the ESC/POS command reference, not from python-escpos:
ESC @ (initialise), ESC d n (feed), ESC 2 / ESC 3 n (line spacing), LF, GS v 0
(raster bit image), ESC * (column bit image), GS V (cut), ESC p (drawer kick),
ESC B (beep). Anything else is an error, so an unexpected command fails the test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


class DecodeError(ValueError):
    pass


@dataclass
class Job:
    commands: list[str] = field(default_factory=list)
    rows: list[bytes] = field(default_factory=list)  # one row of pixels as bits, MSB left
    width: int = 0  # dots

    def image(self) -> Image.Image:
        """The printed image, white paper and black dots (PIL mode "1")."""
        if not self.rows:
            raise DecodeError("the job prints no image")
        data = b"".join(bytes(~b & 0xFF for b in row) for row in self.rows)
        return Image.frombytes("1", (self.width, len(self.rows)), data)


def _take(data: bytes, at: int, count: int) -> bytes:
    if at + count > len(data):
        raise DecodeError(f"job ends inside a command at byte {at}")
    return data[at : at + count]


def decode(data: bytes) -> Job:
    job = Job()
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x0A:
            job.commands.append("LF")
            i += 1
        elif b == 0x1B:
            op = _take(data, i + 1, 1)[0]
            if op == 0x40:
                job.commands.append("ESC @")
                i += 2
            elif op == 0x64:
                job.commands.append(f"ESC d {_take(data, i + 2, 1)[0]}")
                i += 3
            elif op == 0x32:
                job.commands.append("ESC 2")
                i += 2
            elif op == 0x33:
                job.commands.append(f"ESC 3 {_take(data, i + 2, 1)[0]}")
                i += 3
            elif op == 0x70:
                m, t1, t2 = _take(data, i + 2, 3)
                job.commands.append(f"ESC p {m} {t1} {t2}")
                i += 5
            elif op == 0x42:
                n, t = _take(data, i + 2, 2)
                job.commands.append(f"ESC B {n} {t}")
                i += 4
            elif op == 0x2A:
                i = _column_image(data, i, job)
            else:
                raise DecodeError(f"unknown command ESC 0x{op:02x} at byte {i}")
        elif b == 0x1D:
            op = _take(data, i + 1, 1)[0]
            if op == 0x76:  # GS v 0 m xL xH yL yH d1..dk
                zero, m, xl, xh, yl, yh = _take(data, i + 2, 6)
                if zero not in (0x00, 0x30):
                    raise DecodeError(f"GS v {zero} is not GS v 0")
                if m != 0:
                    raise DecodeError(f"GS v 0 in mode {m}: the image would be stretched")
                width_bytes, height = xl + 256 * xh, yl + 256 * yh
                width = width_bytes * 8
                if job.width and job.width != width:
                    raise DecodeError(f"raster blocks of {job.width} and {width} dots")
                job.width = width
                start = i + 8
                body = _take(data, start, width_bytes * height)
                for row in range(height):
                    job.rows.append(body[row * width_bytes : (row + 1) * width_bytes])
                job.commands.append(f"GS v 0 {width}x{height}")
                i = start + width_bytes * height
            elif op == 0x56:  # GS V m [n]
                m = _take(data, i + 2, 1)[0]
                if m in (0, 1, 48, 49):
                    job.commands.append("GS V full" if m in (0, 48) else "GS V partial")
                    i += 3
                elif m in (65, 66):
                    job.commands.append("GS V full" if m == 65 else "GS V partial")
                    i += 4
                else:
                    raise DecodeError(f"GS V {m} is not a cut")
            else:
                raise DecodeError(f"unknown command GS 0x{op:02x} at byte {i}")
        else:
            raise DecodeError(f"unexpected byte 0x{b:02x} at {i} (text or a stray command)")
    return job


def _column_image(data: bytes, i: int, job: Job) -> int:
    """ESC * m nL nH d1..dk: one band of 8 or 24 dots high, columns top to bottom."""
    m, nl, nh = _take(data, i + 2, 3)
    dots = nl + 256 * nh
    high = 3 if m in (32, 33) else 1
    body = _take(data, i + 5, dots * high)
    rows = [bytearray((dots + 7) // 8) for _ in range(8 * high)]
    for x in range(dots):
        for k in range(high):
            byte = body[x * high + k]
            for bit in range(8):
                if byte & (0x80 >> bit):
                    rows[k * 8 + bit][x // 8] |= 0x80 >> (x % 8)
    if job.width and job.width != dots:
        raise DecodeError(f"image bands of {job.width} and {dots} dots")
    job.width = dots
    job.rows.extend(bytes(r) for r in rows)
    job.commands.append(f"ESC * {dots}")
    return i + 5 + dots * high
