"""Region codes (Kemendagri) that NIKs start with: province, regency, kecamatan.

The table is shipped as ``resources/regions/regions.csv`` and rebuilt by
``packaging/refresh_regions.py`` from the npm data set ``idn-area-data``
(Kepmendagri 300.2.2-2138 Tahun 2025) plus the *former* regency codes that
older NIKs still carry. A NIK's region is where the NIK was first issued, not
where the person lives now, so a former code is as good as a current one.

File format (UTF-8, RFC 4180 CSV, one header row, sorted by code)::

    code,name,status,successor,source

- ``code``: ``PP`` (province), ``PP.RR`` (regency) or ``PP.RR.KK`` (kecamatan)
- ``status``: ``current`` or ``former``
- ``successor``: for a former code, the code that replaced it (may be empty)
- ``source``: ``kemendagri`` (the decree, or a law that renumbered it) or
  ``stdnum-bps`` (a code only python-stdnum's old BPS table knows)

``render_table`` writes exactly what ``parse_table`` reads, so the shipped file
and the refresh script cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

HEADER = ("code", "name", "status", "successor", "source")
STATUSES = ("current", "former")
SOURCES = ("kemendagri", "stdnum-bps")
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2})?)?$")
# Papua's provinces call their kecamatan "distrik".
DISTRIK_PROVINCES = frozenset({"91", "92", "93", "94", "95", "96"})


class RegionTableError(ValueError):
    """The region file is malformed (the message names the line)."""


@dataclass(frozen=True)
class Region:
    code: str  # with dots: "61", "61.07", "61.07.07"
    name: str
    status: str = "current"
    successor: str = ""
    source: str = "kemendagri"

    @property
    def level(self) -> int:
        """1 province, 2 regency, 3 kecamatan."""
        return self.code.count(".") + 1

    @property
    def former(self) -> bool:
        return self.status == "former"

    def row(self) -> tuple[str, str, str, str, str]:
        return (self.code, self.name, self.status, self.successor, self.source)


def dotted(digits: str) -> str:
    """``"610707"`` -> ``"61.07.07"``."""
    return ".".join(digits[i : i + 2] for i in range(0, len(digits), 2))


class RegionTable:
    """Every known code, with lookups by level."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._by_code: dict[str, Region] = {}
        self._kecamatan: dict[str, list[str]] = {}
        for r in regions:
            if r.code in self._by_code:
                raise RegionTableError(f"region code {r.code} appears twice")
            self._by_code[r.code] = r
            if r.level == 3 and not r.former:
                self._kecamatan.setdefault(r.code[:5], []).append(r.code)
        for codes in self._kecamatan.values():
            codes.sort()

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Region]:
        return iter(sorted(self._by_code.values(), key=lambda r: r.code))

    def get(self, code: str) -> Region | None:
        """By dotted (``61.07``) or plain (``6107``) code."""
        return self._by_code.get(code if "." in code or len(code) <= 2 else dotted(code))

    def regions(self, *, level: int, status: str | None = None) -> list[Region]:
        return [r for r in self if r.level == level and (status is None or r.status == status)]

    def kecamatan_of(self, regency: str) -> list[str]:
        """The current kecamatan codes of a regency (dotted), in order."""
        return list(self._kecamatan.get(regency if "." in regency else dotted(regency), []))

    def kecamatan_range(self, regency: str) -> str:
        """``61.07.01–61.07.17``; runs joined by commas when the numbers have gaps."""
        codes = self.kecamatan_of(regency)
        runs: list[list[str]] = []
        for code in codes:
            if runs and int(code[-2:]) == int(runs[-1][-1][-2:]) + 1:
                runs[-1].append(code)
            else:
                runs.append([code])
        return ", ".join(r[0] if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _check(r: Region, line: int) -> None:
    where = f"regions file line {line}"
    if not _CODE.match(r.code):
        raise RegionTableError(f"{where}: code {r.code!r} is not PP, PP.RR or PP.RR.KK")
    if not r.name.strip() or r.name != r.name.strip():
        raise RegionTableError(f"{where}: name of {r.code} is empty or has outer spaces")
    if r.status not in STATUSES:
        raise RegionTableError(f"{where}: status {r.status!r} is not one of {STATUSES}")
    if r.source not in SOURCES:
        raise RegionTableError(f"{where}: source {r.source!r} is not one of {SOURCES}")
    if r.successor and (r.status != "former" or not _CODE.match(r.successor)):
        raise RegionTableError(f"{where}: successor {r.successor!r} of {r.code} is not valid")


def parse_table(text: str) -> RegionTable:
    """Read the region file; refuses anything malformed with the line number."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != HEADER:
        raise RegionTableError(f"regions file: the header must be {','.join(HEADER)}")
    regions: list[Region] = []
    previous = ""
    for row in reader:
        line = reader.line_num
        if len(row) != len(HEADER):
            raise RegionTableError(f"regions file line {line}: {len(row)} values, not 5")
        region = Region(*row)
        _check(region, line)
        if region.code <= previous:
            raise RegionTableError(f"regions file line {line}: codes are not sorted")
        previous = region.code
        regions.append(region)
    table = RegionTable(regions)
    for r in regions:
        parent = r.code.rsplit(".", 1)[0]
        if r.level > 1 and table.get(parent) is None:
            raise RegionTableError(f"regions file: {r.code} has no parent {parent}")
        if r.successor and table.get(r.successor) is None:
            raise RegionTableError(f"regions file: successor {r.successor} of {r.code} is unknown")
    return table


def render_table(regions: Sequence[Region]) -> str:
    """The file's one canonical text (``\\n`` line ends, sorted by code)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for r in sorted(regions, key=lambda r: r.code):
        writer.writerow(r.row())
    return out.getvalue()


@cache
def default_table() -> RegionTable:
    """The shipped table (read once)."""
    from counterdesk.resources import resource_path  # a path helper, no layer of its own

    path = resource_path("regions", "regions.csv")
    return parse_table(path.read_text(encoding="utf-8"))
