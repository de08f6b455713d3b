"""NIK regions from the Kemendagri code list (resources/regions/regions.csv)."""

from __future__ import annotations

import datetime
import importlib.util
import io
import json
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.nik import parse_nik
from counterdesk.domain.regions import (
    Region,
    RegionTableError,
    default_table,
    parse_table,
    render_table,
)
from counterdesk.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]
TABLE = default_table()
CURRENT_REGENCIES = [r for r in TABLE.regions(level=2, status="current")]
CURRENT_KECAMATAN = [r for r in TABLE.regions(level=3, status="current")]


def nik(region: str, birth: str = "170880", serial: str = "0001") -> str:
    """A NIK issued in ``region`` (dotted kecamatan code)."""
    return region.replace(".", "") + birth + serial


def first_kecamatan(regency: str) -> str:
    return TABLE.kecamatan_of(regency)[0]


def refresh_module() -> ModuleType:
    path = ROOT / "packaging" / "refresh_regions.py"
    spec = importlib.util.spec_from_file_location("refresh_regions", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["refresh_regions"] = module
    spec.loader.exec_module(module)
    return module


# the shipped file ------------------------------------------------------------------
def test_the_shipped_file_is_in_the_generators_canonical_form() -> None:
    text = resource_path("regions", "regions.csv").read_text(encoding="utf-8")
    assert render_table(list(parse_table(text))) == text


def test_the_shipped_list_has_every_current_province_regency_and_kecamatan() -> None:
    assert len(TABLE.regions(level=1, status="current")) == 38
    assert len(CURRENT_REGENCIES) == 514  # 416 kabupaten + 98 kota (Kepmendagri 2025)
    assert len(CURRENT_KECAMATAN) > 7000
    assert all(TABLE.kecamatan_of(r.code) for r in CURRENT_REGENCIES)
    source = resource_path("regions", "SOURCE.md").read_text(encoding="utf-8")
    assert "300.2.2-2138 Tahun 2025" in source and "ODbL" in source
    assert resource_path("regions", "LICENSE-ODbL.md").is_file()


# every current code is accepted ----------------------------------------------------
def test_every_current_regency_is_accepted_with_its_names() -> None:
    for regency in CURRENT_REGENCIES:
        info = parse_nik(nik(first_kecamatan(regency.code)), reference_year=2026)
        assert info.regency == regency.name, regency.code
        assert info.province and info.subdistrict and not info.former


def test_every_current_kecamatan_is_accepted_and_named() -> None:
    for kecamatan in CURRENT_KECAMATAN:
        info = parse_nik(nik(kecamatan.code), reference_year=2026)
        assert info.subdistrict.endswith(" " + kecamatan.name), kecamatan.code
        assert info.kecamatan_checked


@pytest.mark.parametrize(
    ("code", "regency", "province"),
    [
        ("65.01", "Kabupaten Bulungan", "Kalimantan Utara"),
        ("65.03", "Kabupaten Nunukan", "Kalimantan Utara"),
        ("65.71", "Kota Tarakan", "Kalimantan Utara"),
        ("14.72", "Kota Dumai", "Riau"),
        ("73.24", "Kabupaten Luwu Timur", "Sulawesi Selatan"),
        ("64.11", "Kabupaten Mahakam Ulu", "Kalimantan Timur"),
        ("92.02", "Kabupaten Manokwari", "Papua Barat"),
        ("93.01", "Kabupaten Merauke", "Papua Selatan"),
        ("94.04", "Kabupaten Mimika", "Papua Tengah"),
        ("95.01", "Kabupaten Jayawijaya", "Papua Pegunungan"),
        ("96.71", "Kota Sorong", "Papua Barat Daya"),
    ],
)
def test_regencies_python_stdnum_refuses_are_accepted(
    code: str, regency: str, province: str
) -> None:
    info = parse_nik(nik(first_kecamatan(code)), reference_year=2026)
    assert (info.regency, info.province) == (regency, province)
    assert not info.former and info.subdistrict


def test_papua_kecamatan_are_called_distrik() -> None:
    papua = parse_nik(nik(first_kecamatan("95.01")), reference_year=2026)
    assert papua.subdistrict.startswith("Distrik ")
    assert parse_nik(nik("61.07.07"), reference_year=2026).subdistrict == "Kecamatan Jagoi Babang"


# kecamatan that do not exist -------------------------------------------------------
@pytest.mark.parametrize("code", ["61.07.99", "61.07.18", "61.07.50"])
def test_a_kecamatan_not_in_the_list_is_refused_with_the_reason(code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_nik(nik(code), reference_year=2026)
    assert err.value.code == "nik_kecamatan"
    assert err.value.params["overridable"] is True
    assert (
        f"{code} is not in the Kemendagri code list "
        "(Kabupaten Bengkayang has 61.07.01–61.07.17)" in str(err.value)
    )


def test_gaps_in_the_numbers_are_shown_as_runs() -> None:
    with pytest.raises(ValidationError) as err:
        parse_nik(nik("92.02.01"), reference_year=2026)
    assert "Kabupaten Manokwari has 92.02.03–92.02.05, 92.02.12–92.02.15, 92.02.17" in str(
        err.value
    )


def test_kecamatan_00_is_refused() -> None:
    with pytest.raises(ValidationError, match="cannot be 00") as err:
        parse_nik(nik("61.07.00"), reference_year=2026)
    assert err.value.code == "nik_subdistrict"


def test_a_regency_not_in_the_list_is_refused_and_may_be_accepted() -> None:
    with pytest.raises(ValidationError) as err:
        parse_nik(nik("61.99.01"), reference_year=2026)
    assert err.value.code == "nik_regency"
    assert "not a known regency of Kalimantan Barat" in str(err.value)
    info = parse_nik(nik("61.99.01"), reference_year=2026, accept_unlisted=True)
    assert info.unlisted == "nik_regency" and info.regency == ""
    assert info.province == "Kalimantan Barat" and not info.kecamatan_checked


def test_an_unlisted_kecamatan_may_be_accepted() -> None:
    info = parse_nik(nik("61.07.18"), reference_year=2026, accept_unlisted=True)
    assert info.unlisted == "nik_kecamatan"
    assert info.regency == "Kabupaten Bengkayang" and info.subdistrict == ""


# former codes ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "name", "successor"),
    [
        ("64.04.01", "Kabupaten Bulungan", "65.01"),  # Kalimantan Utara, 2012
        ("64.73.02", "Kota Tarakan", "65.71"),
        ("91.01.01", "Kabupaten Merauke", "93.01"),  # Papua Selatan, 2022
        ("92.01.01", "Kabupaten Sorong", "96.01"),  # Papua Barat Daya, 2022
    ],
)
def test_a_former_code_is_accepted_and_shown_as_former(
    code: str, name: str, successor: str
) -> None:
    info = parse_nik(nik(code), reference_year=2026)
    assert info.former and info.regency == name and info.successor == successor
    assert not info.kecamatan_checked  # no kecamatan list of that time
    assert f"{name} (former code {code[:5]}, now {successor})" in info.region_text
    assert TABLE.get(successor) is not None and not TABLE.get(successor).former  # type: ignore[union-attr]


def test_codes_only_the_old_bps_table_knows_are_marked_as_such() -> None:
    region = TABLE.get("14.73")
    assert region is not None and region.former and region.source == "stdnum-bps"
    assert parse_nik(nik("14.73.01"), reference_year=2026).former


# birth dates -------------------------------------------------------------------------
def test_a_birth_date_after_the_desks_today_is_refused() -> None:
    today = datetime.date(2026, 11, 2)
    with pytest.raises(ValidationError) as err:
        parse_nik(nik("61.07.07", birth="251226"), reference_year=2026, today=today)
    assert err.value.code == "nik_birth_future"
    assert "25-12-2026, which is after today (02-11-2026" in str(err.value)
    # a woman (day + 40) born the day after today
    with pytest.raises(ValidationError, match="03-11-2026"):
        parse_nik(nik("61.07.07", birth="431126"), reference_year=2026, today=today)
    born_today = parse_nik(nik("61.07.07", birth="021126"), reference_year=2026, today=today)
    assert born_today.birth_date == today


# the table's format is checked --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("code,name\n", "header"),
        ("code,name,status,successor,source\n61,Kalbar,current,,kemendagri,x\n", "values"),
        ("code,name,status,successor,source\n6107,Bengkayang,current,,kemendagri\n", "PP.RR"),
        ("code,name,status,successor,source\n61,Kalbar,gone,,kemendagri\n", "status"),
        ("code,name,status,successor,source\n61.07,Bengkayang,current,,kemendagri\n", "parent"),
        (
            "code,name,status,successor,source\n62,A,current,,kemendagri\n61,B,current,,kemendagri\n",
            "sorted",
        ),
        ("code,name,status,successor,source\n61,A,former,65,kemendagri\n", "unknown"),
    ],
)
def test_a_malformed_table_is_refused(text: str, words: str) -> None:
    with pytest.raises(RegionTableError, match=words):
        parse_table(text)


# the refresh script --------------------------------------------------------------------
def fake_package(tmp_path: Path) -> Path:
    files = {
        "package/package.json": json.dumps({"name": "idn-area-data", "version": "9.9.9"}),
        "package/data/provinces.csv": "code,name\n64,Kalimantan Timur\n65,Kalimantan Utara\n",
        "package/data/regencies.csv": (
            "code,province_code,name\n64.11,64,Kabupaten Mahakam Ulu\n65.01,65,Kabupaten Bulungan\n"
        ),
        "package/data/districts.csv": (
            'code,regency_code,name\n64.11.01,64.11,Long Apari\n65.01.01,65.01,"Tanjung, Palas"\n'
        ),
        "package/data/LICENSE.md": "ODbL text",
    }
    path = tmp_path / "idn-area-data-9.9.9.tgz"
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode()
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    return path


def test_the_refresh_script_writes_what_the_desk_reads(tmp_path: Path) -> None:
    refresh = refresh_module()
    out = tmp_path / "regions"
    refresh.FORMER_KEMENDAGRI = (("64.04", "Kabupaten Bulungan", ("65",), "UU 20/2012"),)
    regions = refresh.refresh(fake_package(tmp_path), out)
    text = (out / "regions.csv").read_text(encoding="utf-8")
    table = parse_table(text)
    assert render_table(regions) == text
    assert table.get("65.01.01") == Region("65.01.01", "Tanjung, Palas")
    assert table.get("64.04") == Region(
        "64.04", "Kabupaten Bulungan", "former", "65.01", "kemendagri"
    )
    # codes only python-stdnum's BPS table has (its province must be in the list)
    bps = [r for r in regions if r.source == "stdnum-bps"]
    assert bps and all(r.code[:2] in ("64", "65") and r.former for r in bps)
    assert "9.9.9" in (out / "SOURCE.md").read_text(encoding="utf-8")
    assert (out / "LICENSE-ODbL.md").read_text(encoding="utf-8") == "ODbL text"


def test_the_refresh_script_refuses_a_former_code_without_one_successor(tmp_path: Path) -> None:
    refresh = refresh_module()
    refresh.FORMER_KEMENDAGRI = (("64.05", "Kabupaten Nunukan", ("65",), "UU 20/2012"),)
    with pytest.raises(refresh.RefreshError, match="0 successors"):
        refresh.refresh(fake_package(tmp_path), tmp_path / "out")
