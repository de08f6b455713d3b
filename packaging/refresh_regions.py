"""Rebuild resources/regions/ (the Kemendagri region codes NIKs start with).

    .venv/bin/python packaging/refresh_regions.py [TARBALL] [--version X.Y.Z]

TARBALL is the npm package ``idn-area-data`` (``npm pack idn-area-data``); without
it the script runs ``npm pack idn-area-data@VERSION`` in a temporary folder. It
writes

    resources/regions/regions.csv      provinces, regencies, kecamatan (current and former)
    resources/regions/SOURCE.md        where the data came from (package, hash, decree)
    resources/regions/LICENSE-ODbL.md  the data's licence (copied from the package)

Current codes come from the package's provinces.csv, regencies.csv and districts.csv
(kecamatan; villages are not needed). Former codes are those older NIKs still carry:

1. regencies renumbered by Kemendagri when a province was split (FORMER_KEMENDAGRI
   below, with the law): each is matched by name to exactly one current regency of
   the new provinces, which becomes its successor;
2. regency codes that only python-stdnum's old BPS table (stdnum/id/loc.dat) knows,
   marked ``stdnum-bps`` so nobody mistakes them for Kemendagri codes.

The kecamatan of a former regency code are not listed (no maintained source has the
list of that time); the desk shows such a kecamatan as unchecked.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from counterdesk.domain.regions import Region, parse_table, render_table  # noqa: E402

PACKAGE = "idn-area-data"
DEFAULT_VERSION = "4.0.1"
DECREE = (
    "Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025 tentang Pemberian dan "
    "Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau"
)
OUT = ROOT / "resources" / "regions"

# Regency codes that Kemendagri gave up when a province was split; NIKs issued
# before then keep them. (old code, old name, provinces that took the regencies, law)
FORMER_KEMENDAGRI: tuple[tuple[str, str, tuple[str, ...], str], ...] = tuple(
    (code, name, provinces, law)
    for provinces, law, pairs in (
        (
            ("65",),
            "UU 20/2012 (Kalimantan Utara)",
            (
                ("64.04", "Kabupaten Bulungan"),
                ("64.05", "Kabupaten Nunukan"),
                ("64.06", "Kabupaten Malinau"),
                ("64.10", "Kabupaten Tana Tidung"),
                ("64.73", "Kota Tarakan"),
            ),
        ),
        (
            ("93", "94", "95"),
            "UU 14, 15 and 16/2022 (Papua Selatan, Papua Tengah, Papua Pegunungan)",
            (
                ("91.01", "Kabupaten Merauke"),
                ("91.02", "Kabupaten Jayawijaya"),
                ("91.04", "Kabupaten Nabire"),
                ("91.07", "Kabupaten Puncak Jaya"),
                ("91.08", "Kabupaten Paniai"),
                ("91.09", "Kabupaten Mimika"),
                ("91.12", "Kabupaten Pegunungan Bintang"),
                ("91.13", "Kabupaten Yahukimo"),
                ("91.14", "Kabupaten Tolikara"),
                ("91.16", "Kabupaten Boven Digoel"),
                ("91.17", "Kabupaten Mappi"),
                ("91.18", "Kabupaten Asmat"),
                ("91.21", "Kabupaten Mamberamo Tengah"),
                ("91.22", "Kabupaten Yalimo"),
                ("91.23", "Kabupaten Lanny Jaya"),
                ("91.24", "Kabupaten Nduga"),
                ("91.25", "Kabupaten Puncak"),
                ("91.26", "Kabupaten Dogiyai"),
                ("91.27", "Kabupaten Intan Jaya"),
                ("91.28", "Kabupaten Deiyai"),
            ),
        ),
        (
            ("96",),
            "UU 29/2022 (Papua Barat Daya)",
            (
                ("92.01", "Kabupaten Sorong"),
                ("92.04", "Kabupaten Sorong Selatan"),
                ("92.05", "Kabupaten Raja Ampat"),
                ("92.09", "Kabupaten Tambrauw"),
                ("92.10", "Kabupaten Maybrat"),
                ("92.71", "Kota Sorong"),
            ),
        ),
    )
    for code, name in pairs
)


class RefreshError(Exception):
    pass


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def read_package(tarball: Path) -> dict[str, str]:
    """The files this script needs from the npm tarball, as text."""
    wanted = {
        "package/package.json",
        "package/data/provinces.csv",
        "package/data/regencies.csv",
        "package/data/districts.csv",
        "package/data/LICENSE.md",
    }
    out: dict[str, str] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            if member.name in wanted and member.isfile():
                fh = tar.extractfile(member)
                assert fh is not None
                out[member.name.removeprefix("package/")] = fh.read().decode("utf-8")
    missing = sorted(w.removeprefix("package/") for w in wanted - {f"package/{k}" for k in out})
    if missing:
        raise RefreshError(f"{tarball}: not an {PACKAGE} package (missing {', '.join(missing)})")
    return out


def _rows(text: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != columns:
        raise RefreshError(f"unexpected CSV columns {reader.fieldnames}; expected {columns}")
    return [{k: " ".join((v or "").split()) for k, v in row.items()} for row in reader]


def stdnum_regencies(loc_dat: str) -> dict[str, str]:
    """Regency codes (dotted) and names from python-stdnum's stdnum/id/loc.dat."""
    out: dict[str, str] = {}
    province = ""
    for line in loc_dat.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r'^(\s*)(\d{2})\s+.*?name_id="([^"]*)"', line)
        if not m:
            continue
        indent, code, name = m.groups()
        if not indent:
            province = code
        else:
            kind = "Kota" if int(code) >= 71 else "Kabupaten"
            out[f"{province}.{code}"] = f"{kind} {name.title()}"
    return out


def build(files: dict[str, str], loc_dat: str) -> list[Region]:
    provinces = _rows(files["data/provinces.csv"], ("code", "name"))
    regencies = _rows(files["data/regencies.csv"], ("code", "province_code", "name"))
    districts = _rows(files["data/districts.csv"], ("code", "regency_code", "name"))
    regions = [Region(p["code"], p["name"]) for p in provinces]
    regions += [Region(r["code"], r["name"]) for r in regencies]
    regions += [Region(d["code"], d["name"]) for d in districts]
    current = {r.code: r for r in regions}
    for r in regencies:
        if r["province_code"] != r["code"][:2]:
            raise RefreshError(f"regency {r['code']} is filed under province {r['province_code']}")
    for d in districts:
        if d["regency_code"] != d["code"][:5]:
            raise RefreshError(f"kecamatan {d['code']} is filed under {d['regency_code']}")
    former: dict[str, Region] = {}
    for code, name, new_provinces, _law in FORMER_KEMENDAGRI:
        if code in current:
            raise RefreshError(f"former code {code} is in use again; check FORMER_KEMENDAGRI")
        matches = [
            r
            for r in current.values()
            if r.level == 2 and r.code[:2] in new_provinces and _key(r.name) == _key(name)
        ]
        if len(matches) != 1:
            raise RefreshError(f"former code {code} {name}: {len(matches)} successors found")
        former[code] = Region(code, name, "former", matches[0].code, "kemendagri")
    for code, name in stdnum_regencies(loc_dat).items():
        if code in current or code in former or code[:2] not in current:
            continue
        former[code] = Region(code, name, "former", "", "stdnum-bps")
    return sorted([*regions, *former.values()], key=lambda r: r.code)


def source_note(meta: dict[str, object], sha256: str, regions: list[Region]) -> str:
    def count(level: int, status: str) -> int:
        return sum(1 for r in regions if r.level == level and r.status == status)

    return (
        "# Region codes (Kemendagri)\n\n"
        f"Made by `packaging/refresh_regions.py` from the npm package `{PACKAGE}` "
        f"version {meta.get('version')} (tarball sha256 `{sha256}`), "
        f"{meta.get('homepage', '')}.\n\n"
        f"The package follows the {DECREE} (its docs/references.md, REF-2025-1).\n\n"
        "Counts: "
        f"{count(1, 'current')} provinces, {count(2, 'current')} regencies (kabupaten/kota), "
        f"{count(3, 'current')} kecamatan; {count(2, 'former')} former regency codes "
        "that older NIKs still carry.\n\n"
        "Licence: the data of idn-area-data is made available under the Open Database "
        "License (ODbL 1.0), see LICENSE-ODbL.md; this file (regions.csv) is a derived "
        "database under the same licence. Attribution: idn-area-data by Fityan "
        "(fityannugroho), from official Kemendagri data. The former codes marked "
        "`stdnum-bps` come from python-stdnum's stdnum/id/loc.dat (LGPL-2.1+), the others "
        "from the laws named in the script.\n"
    )


def npm_pack(version: str, folder: Path) -> Path:
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder / f"{PACKAGE}-{version}.tgz"


def stdnum_loc_dat() -> str:
    import stdnum

    return (Path(stdnum.__file__).parent / "id" / "loc.dat").read_text(encoding="utf-8")


def refresh(tarball: Path, out: Path = OUT) -> list[Region]:
    files = read_package(tarball)
    meta = json.loads(files["package.json"])
    regions = build(files, stdnum_loc_dat())
    text = render_table(regions)
    parse_table(text)  # the loader accepts what we write
    sha256 = hashlib.sha256(tarball.read_bytes()).hexdigest()
    out.mkdir(parents=True, exist_ok=True)
    (out / "regions.csv").write_text(text, encoding="utf-8", newline="")
    (out / "SOURCE.md").write_text(source_note(meta, sha256, regions), encoding="utf-8")
    (out / "LICENSE-ODbL.md").write_text(files["data/LICENSE.md"], encoding="utf-8")
    return regions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tarball", nargs="?", type=Path, help=f"{PACKAGE}-X.Y.Z.tgz")
    parser.add_argument("--version", default=DEFAULT_VERSION, help="package version to fetch")
    args = parser.parse_args(argv)
    try:
        if args.tarball:
            regions = refresh(args.tarball)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                regions = refresh(npm_pack(args.version, Path(tmp)))
    except (RefreshError, OSError, subprocess.CalledProcessError, tarfile.TarError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(regions)} region codes to {OUT / 'regions.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
