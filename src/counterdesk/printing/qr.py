"""A fast QR encoder that gives exactly the symbols of ReportLab's ``qrencoder``.

ReportLab's encoder is correct but slow in pure Python (about 15 ms for a signed
receipt payload, more than half of a receipt): for each of the 8 mask patterns it
rebuilds the whole matrix as lists of booleans and scores it cell by cell.  This
module keeps ReportLab's choices - version, byte mode, error correction level M,
module placement, and the mask chosen by ReportLab's own penalty rules, quirks
included - but

* builds the fixed patterns and the list of data positions once per version
  (with ReportLab's own code, so they cannot differ) and caches them;
* holds a matrix as one ``bytes`` object of 0/1 cells, row after row, so applying
  a mask is one big-integer XOR and a column is a strided slice;
* scores the masks with regular expressions, ``bytes.find`` and bit counting.

``tests/printing/test_printing_qr.py`` checks module for module that the result
equals ReportLab's for many payloads of every length class.

The penalty rules as ReportLab applies them (``QRUtil.getLostPoint``):

1. every run of 5 or more equal cells in a row or a column scores its length - 2;
2. every 2x2 block of equal cells scores 3;
3. the finder-like pattern 1011101 0000 scores 40 - only in rows (the column
   check compares a tuple with a list and never matches), scanning from the
   left, skipping past a match, and never at the last possible position;
4. 10 points per 5 % that the share of dark cells is away from 50 %.

While the masks are scored the format and version areas (and the dark module)
are left light, as ReportLab does.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics.barcode.qrencoder import (  # type: ignore[import-untyped, unused-ignore]
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
    QRUtil,
)

LEVEL = QRErrorCorrectLevel.M
_PAD = (0xEC, 0x11)
_FINDER = re.compile(b"\x01\x00\x01\x01\x01\x00\x01\x00\x00\x00\x00")
_FINDER_LEN = 11
_BITS = [bytes((byte >> shift) & 1 for shift in range(7, -1, -1)) for byte in range(256)]

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@dataclass(frozen=True)
class QrSymbol:
    """A QR code's modules: ``cells[r * size + c]`` is 1 for dark, row 0 at the top."""

    size: int
    cells: bytes
    version: int = 0
    mask: int = 0

    def row(self, r: int) -> bytes:
        return self.cells[r * self.size : (r + 1) * self.size]

    def is_dark(self, r: int, c: int) -> bool:
        return self.cells[r * self.size + c] == 1

    def rows(self) -> list[list[bool]]:
        return [[cell == 1 for cell in self.row(r)] for r in range(self.size)]


@dataclass(frozen=True)
class _Layout:
    """Everything about a version that does not depend on the data."""

    size: int
    positions: tuple[int, ...]  # flat index of each data bit, in placement order
    gather: Callable[[bytes], tuple[int, ...]]  # data bits (+ a final 0) -> every cell
    scoring: tuple[bytes, ...]  # per mask: fixed patterns (format areas light) + mask bits
    final: tuple[bytes, ...]  # per mask: fixed patterns with format/version info + mask bits
    ones: int  # every cell 1, as an integer of size*size bytes (one byte a cell)
    not_top: int  # every cell but those of the top row
    not_left: int  # every cell but those of the left column


def _flat(modules: list[list[bool]]) -> bytearray:
    return bytearray(1 if cell else 0 for row in modules for cell in row)


@functools.cache
def _generator(degree: int) -> tuple[int, ...]:
    """The Reed-Solomon generator polynomial prod(x - a^i), i < degree, highest term first."""
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            if coef:
                nxt[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = nxt
    return tuple(poly)


@functools.cache
def _products(degree: int) -> tuple[tuple[int, ...], ...]:
    """For each byte value f: f times each coefficient of the generator but the first."""
    logs = [_LOG[g] for g in _generator(degree)[1:]]
    zero = (0,) * degree
    return (zero, *(tuple(_EXP[_LOG[f] + g] for g in logs) for f in range(1, 256)))


def _ec_codewords(data: list[int], degree: int) -> list[int]:
    """The remainder of data * x^degree divided by the generator, ``degree`` codewords."""
    products = _products(degree)
    rem = [0] * degree
    for byte in data:
        factor = byte ^ rem[0]
        rem[0] = 0
        rem = [r ^ t for r, t in zip([*rem[1:], 0], products[factor], strict=True)]
    return rem


def _version_for(length: int) -> int:
    """ReportLab's ``calculate_version`` for one byte-mode segment of ``length`` bytes."""
    for version in range(1, 40):
        capacity = sum(b.dataCount for b in QRRSBlock.getRSBlocks(version, LEVEL)) * 8
        length_bits = 8 if version < 10 else 16
        if 4 + length_bits + 8 * length <= capacity:
            return version
    return 39


def _codewords(data: bytes, version: int) -> list[int]:
    """Data codewords with error correction, interleaved (ReportLab's ``createData``)."""
    blocks = QRRSBlock.getRSBlocks(version, LEVEL)
    total_data = sum(b.dataCount for b in blocks)
    length_bits = 8 if version < 10 else 16
    # mode 0100, length, the bytes, then the terminator (when there is room) and padding
    bits = (0b0100 << length_bits) | len(data)
    nbits = 4 + length_bits
    bits = (bits << (8 * len(data))) | int.from_bytes(data, "big")
    nbits += 8 * len(data)
    capacity = total_data * 8
    if nbits > capacity:
        raise ValueError(f"QR payload too long for version {version}")
    if nbits + 4 <= capacity:
        bits <<= 4
        nbits += 4
    pad = -nbits % 8
    bits <<= pad
    nbits += pad
    stream = list(bits.to_bytes(nbits // 8, "big"))
    stream += [_PAD[i % 2] for i in range(total_data - len(stream))]

    data_blocks: list[list[int]] = []
    ec_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        chunk = stream[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_ec_codewords(chunk, block.totalCount - block.dataCount))
    out: list[int] = []
    for group in (data_blocks, ec_blocks):
        longest = max(len(b) for b in group)
        for i in range(longest):
            out += [b[i] for b in group if i < len(b)]
    return out


@functools.cache
def _layout(version: int) -> _Layout:
    """Fixed patterns and data positions of a version, made by ReportLab's own code."""
    code = QRCode(version, LEVEL)
    total = sum(b.totalCount for b in QRRSBlock.getRSBlocks(version, LEVEL))
    code.dataCache = [0] * total  # only the placement is wanted here
    code.makeImpl(True, 0)
    size = code.moduleCount
    positions = tuple(row * size + col for col, row in code.dataPosIterator())

    def with_mask(base: bytearray, mask: int) -> bytes:
        cells = bytearray(base)
        fn = QRUtil.getMask(mask)
        for index in positions:
            row, col = divmod(index, size)
            cells[index] = 1 if fn(row, col) else 0
        return bytes(cells)

    scoring_base = _flat(code.modules)
    scoring = tuple(with_mask(scoring_base, m) for m in range(8))
    final = []
    for m in range(8):
        code.makeImpl(False, m)
        final.append(with_mask(_flat(code.modules), m))

    # cell -> index of its data bit; fixed cells and unused positions read the final 0
    source = [len(positions)] * (size * size)
    for bit, index in enumerate(positions):
        source[index] = bit
    not_left = bytes(0 if i % size == 0 else 1 for i in range(size * size))
    return _Layout(
        size=size,
        positions=positions,
        gather=operator.itemgetter(*source),
        scoring=scoring,
        final=tuple(final),
        ones=int.from_bytes(b"\x01" * (size * size), "big"),
        not_top=int.from_bytes(bytes(size) + b"\x01" * (size * size - size), "big"),
        not_left=int.from_bytes(not_left, "big"),
    )


def _runs_score(same: int, step: int) -> int:
    """Rule 1 along one direction: ``same`` has lane i set when cell i equals the cell
    ``step`` lanes before it (cleared where there is no such cell in the line).

    A run of L >= 5 equal cells holds L - 4 windows of 5 and one first window;
    it scores L - 2 = windows + 2 * first windows.
    """
    five = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step)
    first = five & ~(five >> step)
    return five.bit_count() + 2 * first.bit_count()


def _penalty(cells: bytes, layout: _Layout) -> int:
    """ReportLab's ``QRUtil.getLostPoint`` for one masked matrix.

    The matrix is read as one integer whose bytes ("lanes") are the 0/1 cells, so
    comparing every cell with its neighbour is a shift and an XOR.
    """
    n = layout.size
    value = int.from_bytes(cells, "big")
    ones = layout.ones
    up = (ones ^ value ^ (value >> (8 * n))) & layout.not_top  # equals the cell above
    left = (ones ^ value ^ (value >> 8)) & layout.not_left  # equals the cell to its left
    # rule 1: runs of 5 or more in columns and rows
    score = _runs_score(up, 8 * n) + _runs_score(left, 8)
    # rule 2: 2x2 blocks of one colour
    score += 3 * (up & (up >> 8) & left).bit_count()
    # rule 3: rows only, left to right, never at the last possible column
    rows = b"\x02".join([cells[i : i + n] for i in range(0, n * n, n)])
    last = n - _FINDER_LEN
    score += 40 * sum(1 for m in _FINDER.finditer(rows) if m.start() % (n + 1) < last)
    # rule 4: balance of dark and light
    dark = cells.count(1)
    score += 10 * (abs(100 * dark // (n * n) - 50) // 5)
    return score


def encode(data: bytes) -> QrSymbol:
    """The QR code (byte mode, level M) of ``data``, as ReportLab would draw it."""
    version = _version_for(len(data))
    layout = _layout(version)
    n = layout.size
    bits = b"".join([_BITS[c] for c in _codewords(data, version)])
    bits = bits[: len(layout.positions)].ljust(len(layout.positions) + 1, b"\x00")
    data_value = int.from_bytes(bytes(layout.gather(bits)), "big")
    width = n * n

    best, best_score = 0, 0
    for mask in range(8):
        masked = (data_value ^ int.from_bytes(layout.scoring[mask], "big")).to_bytes(width, "big")
        score = _penalty(masked, layout)
        if mask == 0 or score < best_score:
            best, best_score = mask, score
    cells = (data_value ^ int.from_bytes(layout.final[best], "big")).to_bytes(width, "big")
    return QrSymbol(n, cells, version, best)
