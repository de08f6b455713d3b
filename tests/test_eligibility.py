"""Who may use a service: eligibility rules of the catalogue, NIK regions missing from
the code list, and a supervisor's overrides — at the desk, on the command line and in CSV."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from counterdesk.cli import main
from counterdesk.domain.catalogue import CatalogueError, parse_catalogue
from counterdesk.domain.eligibility import age_on
from counterdesk.domain.errors import PermissionDenied, ValidationError
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk
from counterdesk.services.register import CsvRejected, Registration, register, register_csv
from counterdesk.services.requests import history
from counterdesk.services.setup import shipped_catalogue
from counterdesk.services.staff import StaffSession, add_staff, authenticate

from .conftest import NIK_MAN, NIK_WOMAN
from .test_register import valid_fields

NIK_UNLISTED_KECAMATAN = "6107181708800001"  # Bengkayang has 61.07.01-17
NIK_CHILD = "6107071505120001"  # born 15-05-2012: 14 on the desk's date (2026-11-02)
NIK_SEVENTEEN = "6107070211090001"  # born 02-11-2009: 17 today
NIK_FUTURE = "6107072512260001"  # born 25-12-2026, after the desk's today
PLB_ADDRESS = "Dusun Jagoi RT 001 RW 001, Desa Jagoi, Kecamatan Jagoi Babang"


def reg(desk: Desk, service: str, **kw: Any) -> Registration:
    fields = valid_fields(desk.catalogue.get(service))
    base: dict[str, Any] = {"service": service, "name": "Siti", "nik": NIK_MAN, "fields": fields}
    base.update(kw)
    return Registration(**base)


@pytest.fixture
def clerk(desk: Desk, session: StaffSession) -> StaffSession:
    add_staff(
        desk, session, name="budi", full_name="Budi", role=Role.COUNTER, password="budi-rahasia1"
    )
    return authenticate(desk, "budi", "budi-rahasia1")


@pytest.fixture
def supervisor(desk: Desk, session: StaffSession) -> StaffSession:
    add_staff(
        desk, session, name="sri", full_name="Sri", role=Role.SUPERVISOR, password="sri-rahasia1"
    )
    return authenticate(desk, "sri", "sri-rahasia1")


def registered_event(desk: Desk, receipt: str) -> dict[str, Any]:
    row = desk.conn.execute(
        "SELECT data FROM events WHERE kind = 'request_registered' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    data: dict[str, Any] = json.loads(row["data"])
    assert data["receipt"] == receipt
    return data


# citizens only -----------------------------------------------------------------------
@pytest.mark.parametrize("service", ["PLB", "SKD", "SKTM"])
def test_a_foreign_passport_is_refused_for_citizen_only_services(
    desk: Desk, session: StaffSession, service: str
) -> None:
    with pytest.raises(ValidationError, match="Indonesian citizens only") as err:
        register(
            desk,
            session,
            reg(desk, service, nik=None, passport="A1234567", nationality="MY"),
        )
    assert err.value.code == "eligibility_citizens" and not err.value.params["overridable"]
    # not even a supervisor can accept it
    with pytest.raises(ValidationError, match="cannot be overridden"):
        register(
            desk,
            session,
            reg(
                desk,
                service,
                nik=None,
                passport="A1234567",
                nationality="MY",
                overrides=["citizens_only"],
                override_reason="kasihan",
            ),
        )


def test_a_foreign_passport_is_still_served_where_allowed(
    desk: Desk, session: StaffSession
) -> None:
    r = register(desk, session, reg(desk, "SKKB", nik=None, passport="A1234567", nationality="MY"))
    assert r.ident == "A1234567"


# residence in the border kecamatan -----------------------------------------------------
def test_plb_needs_the_residence_tick_and_records_the_address(
    desk: Desk, session: StaffSession
) -> None:
    with pytest.raises(ValidationError, match="Seluas, Jagoi Babang, Siding") as err:
        register(desk, session, reg(desk, "PLB"))
    assert err.value.code == "residence_required" and err.value.field == "residence"
    # the NIK's region never stands in for the address
    with pytest.raises(ValidationError, match="confirm"):
        register(desk, session, reg(desk, "PLB", nik=NIK_MAN))
    r = register(desk, session, reg(desk, "PLB", residence_address=f"  {PLB_ADDRESS} "))
    event = registered_event(desk, r.receipt)
    assert event["residence"] == {"confirmed": True, "address": PLB_ADDRESS}
    (entry,) = history(desk, r)
    assert entry["residence"]["address"] == PLB_ADDRESS


def test_a_residence_is_not_recorded_for_services_without_the_rule(
    desk: Desk, session: StaffSession
) -> None:
    r = register(desk, session, reg(desk, "SKD", residence_address=PLB_ADDRESS))
    assert "residence" not in registered_event(desk, r.receipt)


# ages and dates ------------------------------------------------------------------------
def test_age_counts_whole_years() -> None:
    import datetime

    assert age_on(datetime.date(2009, 11, 2), datetime.date(2026, 11, 2)) == 17
    assert age_on(datetime.date(2009, 11, 3), datetime.date(2026, 11, 2)) == 16
    assert age_on(datetime.date(2008, 2, 29), datetime.date(2025, 2, 28)) == 16


def test_ktp_el_needs_age_17_unless_married(desk: Desk, session: StaffSession) -> None:
    with pytest.raises(ValidationError) as err:
        register(desk, session, reg(desk, "KTPEL", nik=NIK_CHILD))
    assert err.value.code == "eligibility_age"
    assert "needs age 17 or more (or: Married" in str(err.value)
    assert "born 15-05-2012, the applicant is 14 on 02-11-2026" in str(err.value)
    with pytest.raises(ValidationError, match="cannot be overridden"):
        register(
            desk,
            session,
            reg(desk, "KTPEL", nik=NIK_CHILD, overrides=["min_age"], override_reason="x"),
        )
    married = register(desk, session, reg(desk, "KTPEL", nik=NIK_CHILD, conditions=["married"]))
    assert registered_event(desk, married.receipt)["conditions"] == ["married"]
    assert register(desk, session, reg(desk, "KTPEL", nik=NIK_SEVENTEEN)).service == "KTPEL"
    with pytest.raises(ValidationError, match="no condition 'rich'"):
        register(desk, session, reg(desk, "KTPEL", nik=NIK_CHILD, conditions=["rich"]))


def test_a_birth_date_in_the_future_is_refused(desk: Desk, session: StaffSession) -> None:
    with pytest.raises(ValidationError) as err:
        register(desk, session, reg(desk, "SKD", nik=NIK_FUTURE))
    assert err.value.code == "nik_birth_future"
    assert "after today (02-11-2026 by this computer's clock)" in str(err.value)


def test_a_death_date_cannot_be_in_the_future(desk: Desk, session: StaffSession) -> None:
    fields = valid_fields(desk.catalogue.get("AKMT")) | {"death_date": "2026-11-03"}
    with pytest.raises(ValidationError) as err:
        register(desk, session, reg(desk, "AKMT", fields=fields))
    assert err.value.code == "eligibility_future" and err.value.field == "death_date"
    assert "is 2026-11-03, after today (2026-11-02" in str(err.value)
    assert err.value.params["overridable"] is True
    today = valid_fields(desk.catalogue.get("AKMT")) | {"death_date": "2026-11-02"}
    assert register(desk, session, reg(desk, "AKMT", fields=today)).service == "AKMT"


def test_a_supervisor_may_accept_a_future_date_when_the_clock_is_wrong(
    desk: Desk, session: StaffSession, clerk: StaffSession, supervisor: StaffSession
) -> None:
    fields = valid_fields(desk.catalogue.get("AKMT")) | {"death_date": "2026-11-05"}
    asked = reg(
        desk,
        "AKMT",
        fields=fields,
        overrides=["not_future"],
        override_reason="jam komputer mundur 5 hari",
    )
    with pytest.raises(PermissionDenied, match="only a supervisor"):
        register(desk, clerk, asked)
    r = register(desk, clerk, asked, approver=supervisor)
    assert r.staff == "budi"
    (override,) = registered_event(desk, r.receipt)["overrides"]
    assert override["rule"] == "not_future" and override["by"] == "sri"
    assert override["reason"] == "jam komputer mundur 5 hari"


# a region code missing from the list ---------------------------------------------------
def test_a_missing_kecamatan_is_refused_and_a_supervisor_accepts_it_with_a_reason(
    desk: Desk, clerk: StaffSession, supervisor: StaffSession
) -> None:
    with pytest.raises(ValidationError) as err:
        register(desk, clerk, reg(desk, "SKD", nik=NIK_UNLISTED_KECAMATAN))
    assert err.value.code == "nik_kecamatan"
    assert "Kabupaten Bengkayang has 61.07.01–61.07.17" in str(err.value)
    before = desk.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    asked = reg(
        desk,
        "SKD",
        nik=NIK_UNLISTED_KECAMATAN,
        overrides=["nik_kecamatan"],
        override_reason="kecamatan baru (Perda 2026), belum ada di daftar",
    )
    with pytest.raises(PermissionDenied) as denied:
        register(desk, clerk, asked)
    assert denied.value.code == "override_role" and "you are counter" in str(denied.value)
    with pytest.raises(ValidationError, match="needs a reason"):
        register(
            desk,
            supervisor,
            reg(desk, "SKD", nik=NIK_UNLISTED_KECAMATAN, overrides=["nik_kecamatan"]),
        )
    assert desk.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before
    r = register(desk, supervisor, asked)
    (override,) = registered_event(desk, r.receipt)["overrides"]
    assert override == {
        "rule": "nik_kecamatan",
        "reason": "kecamatan baru (Perda 2026), belum ada di daftar",
        "by": "sri",
        "detail": override["detail"],
    }
    assert "61.07.18 is not in the Kemendagri code list" in override["detail"]
    (entry,) = history(desk, r)
    assert entry["overrides"][0]["reason"].startswith("kecamatan baru")


def test_an_unknown_override_rule_is_refused(desk: Desk, session: StaffSession) -> None:
    with pytest.raises(ValidationError, match="unknown override rule"):
        register(desk, session, reg(desk, "SKD", overrides=["everything"], override_reason="x"))


def test_a_listed_nik_records_no_override(desk: Desk, session: StaffSession) -> None:
    r = register(
        desk, session, reg(desk, "SKD", overrides=["nik_kecamatan"], override_reason="just in case")
    )
    assert "overrides" not in registered_event(desk, r.receipt)


# the catalogue's rules are checked when it is loaded -----------------------------------
@pytest.mark.parametrize(
    ("rules", "words"),
    [
        ({"min_age": {"years": 0}}, "1-120"),
        ({"not_future": {"fields": ["address"]}}, "date fields"),
        ({"residence": {"kecamatan": ["6107"], "label": {"id": "a", "en": "b"}}}, "61.07.07"),
        ({"citizens_only": "yes"}, "true or false"),
        ({"adults_only": True}, "unknown rule"),
    ],
)
def test_bad_rules_in_the_catalogue_are_refused(rules: dict[str, Any], words: str) -> None:
    raw = shipped_catalogue()
    raw["services"][0]["eligibility"] = rules
    with pytest.raises(CatalogueError, match=words):
        parse_catalogue(raw)


def test_the_shipped_residence_rule_names_real_kecamatan() -> None:
    from counterdesk.domain.regions import default_table

    catalogue = parse_catalogue(shipped_catalogue())
    plb = catalogue.get("PLB").eligibility.residence
    assert plb is not None
    assert [default_table().get(c).name for c in plb.kecamatan] == [  # type: ignore[union-attr]
        "Seluas",
        "Jagoi Babang",
        "Siding",
    ]


# CSV --------------------------------------------------------------------------------------
def csv_rows(desk: Desk, service: str, extra: str, rows: list[str]) -> str:
    keys = [f.key for f in desk.catalogue.get(service).fields]
    values = valid_fields(desk.catalogue.get(service))
    header = "service,name,nik,passport,nationality," + ",".join(f"field:{k}" for k in keys)
    tail = ",".join(f'"{values[k]}"' for k in keys)
    return "\n".join([header + extra, *(r.replace("{F}", tail) for r in rows)]) + "\n"


def test_csv_rows_are_checked_for_eligibility(desk: Desk, session: StaffSession) -> None:
    text = csv_rows(
        desk,
        "PLB",
        ",residence_address",
        [f"PLB,Siti,{NIK_MAN},,,{{F}},Desa Jagoi", "PLB,Lim,,A1234567,MY,{F},Serikin"],
    )
    with pytest.raises(CsvRejected) as err:
        register_csv(desk, session, text)
    assert "line 3: service PLB is for Indonesian citizens only" in str(err.value)
    result = register_csv(desk, session, text, skip_invalid=True)
    assert len(result.registered) == 1
    assert registered_event(desk, result.registered[0])["residence"]["address"] == "Desa Jagoi"


def test_csv_overrides_need_a_supervisor(
    desk: Desk, clerk: StaffSession, supervisor: StaffSession
) -> None:
    text = csv_rows(
        desk,
        "SKD",
        ",override,override_reason",
        [f"SKD,Siti,{NIK_UNLISTED_KECAMATAN},,,{{F}},nik_kecamatan,kecamatan baru"],
    )
    with pytest.raises(CsvRejected, match="only a supervisor"):
        register_csv(desk, clerk, text)
    result = register_csv(desk, supervisor, text)
    (override,) = registered_event(desk, result.registered[0])["overrides"]
    assert (override["by"], override["reason"]) == ("sri", "kecamatan baru")


# the command line ---------------------------------------------------------------------------
PASSWORDS = {"demo": "demo", "budi": "budi-rahasia1"}


class Cli:
    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root, self.capsys = root, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        staff = args[args.index("--staff") + 1] if "--staff" in args else "demo"
        os.environ["COUNTERDESK_PASSWORD"] = PASSWORDS[staff]  # the fixture restores it
        code = main(["--data-dir", str(self.root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    monkeypatch.setenv("COUNTERDESK_NEW_PASSWORD", PASSWORDS["budi"])
    run = Cli(tmp_path / "desk", capsys)
    assert run("demo")[0] == 0
    assert run("staff", "add", "budi", "--role", "counter", "--staff", "demo")[0] == 0
    return run


def plb_args(nik: str = NIK_WOMAN) -> list[str]:
    return [
        "register",
        "--service",
        "PLB",
        "--name",
        "Siti",
        "--nik",
        nik,
        "--field",
        "village=Jagoi",
        "--field",
        "request_type=PLB baru",
        "--field",
        "travel_purpose=Kunjungan keluarga",
    ]


def test_cli_residence_confirmation(cli: Cli) -> None:
    code, _, err = cli(*plb_args(), "--staff", "budi")
    assert code == 1 and "confirm from the address on the KTP-el or KK" in err
    code, out, err = cli(
        *plb_args(), "--staff", "budi", "--residence-address", PLB_ADDRESS, "--json"
    )
    assert code == 0, err
    receipt = json.loads(out)["receipt"]
    code, out, _ = cli("show", receipt, "--staff", "demo")
    assert f"residence confirmed from KTP-el/KK: {PLB_ADDRESS}" in out


def test_cli_foreign_passport_refused_for_plb(cli: Cli) -> None:
    args = plb_args()
    i = args.index("--nik")
    args[i : i + 2] = ["--passport", "A1234567", "--nationality", "MY"]
    code, _, err = cli(*args, "--staff", "budi", "--residence-address", "Serikin")
    assert code == 1 and "Indonesian citizens only" in err


def test_cli_override_of_a_missing_kecamatan(cli: Cli) -> None:
    args = [
        *plb_args(NIK_UNLISTED_KECAMATAN),
        "--residence-address",
        PLB_ADDRESS,
        "--override",
        "nik_kecamatan",
        "--override-reason",
        "kecamatan baru",
    ]
    code, _, err = cli(*args, "--staff", "budi")
    assert code == 1 and "only a supervisor or administrator" in err
    code, out, err = cli(*args, "--staff", "demo", "--json")
    assert code == 0, err
    code, out, _ = cli("show", json.loads(out)["receipt"], "--json", "--staff", "demo")
    (override,) = json.loads(out)["history"][0]["overrides"]
    assert (override["rule"], override["by"], override["reason"]) == (
        "nik_kecamatan",
        "demo",
        "kecamatan baru",
    )
