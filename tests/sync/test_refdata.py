"""Reference data beyond the catalogue: staff accounts, letterhead, holidays, other desks'
keys and revoked letters. Managed with `counterdesk-hub`, versioned, signed by the hub,
delivered with the replies (stick or HTTP), applied atomically, never rolled back."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counterdesk.domain.errors import AuthenticationError
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.replies import seal_reply
from counterdesk.services.desk import Desk
from counterdesk.services.offices import InForce, office_in_force
from counterdesk.services.refdata import district_holidays, installed_versions, working_calendar
from counterdesk.services.staff import authenticate, list_staff
from counterdesk.services.sync_http import sync_with_hub
from counterdesk.services.sync_import import import_bundle
from counterdesk.services.verification import verify_payload
from counterdesk.sync import payloads
from counterdesk.sync.bundle import peek_header

from ..emblem_image import EMBLEM_PNG
from .helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    letter_for,
    live_hub,
    make_desk,
    make_hub,
    usb_trip,
)

STAFF_PASSWORD = "andi-rahasia"


class District:
    """A hub, JGB-01 on sticks and SLS-01 over HTTP, and the officer's command line."""

    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp
        self.capsys = capsys
        self.hub_root = make_hub(tmp / "hub")
        self.jgb = Desk.open(make_desk(tmp / "jgb", enrollment_bytes(self.hub_root, "JGB-01")))
        self.sls = Desk.open(make_desk(tmp / "sls", enrollment_bytes(self.hub_root, "SLS-01")))
        self.trips = 0

    def hub(self, *args: str) -> tuple[int, str, str]:
        code = hub_main(["--data-dir", str(self.hub_root), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self.hub(*args)
        assert code == 0, err
        return out

    def hub_json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def stick(self) -> list[str]:
        self.trips += 1
        return usb_trip(self.jgb, self.hub_root, self.tmp / f"stick{self.trips}")

    def http(self, url: str) -> list[str]:
        report = sync_with_hub(self.sls, url)
        return [f"{r.kind}: {r.outcome}: {r.message}" for r in report.replies]

    def close(self) -> None:
        self.jgb.close()
        self.sls.close()


@pytest.fixture
def district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[District]:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", STAFF_PASSWORD)
    d = District(tmp_path, capsys)
    yield d
    d.close()


def refdata_line(lines: list[str]) -> str:
    [line] = [line for line in lines if "refdata" in line]
    return line


# --------------------------------------------------------------------------- the hub's commands


def test_every_change_is_a_new_version(district: District) -> None:
    d = district
    assert "holidays version 1 published" in d.ok("holidays", "add", "2026-12-25", "Hari", "Natal")
    assert "holidays version 2 published" in d.ok("holidays", "add", "2026-08-17", "HUT RI")
    assert "version 2" in d.ok("holidays", "add", "2026-08-17", "HUT RI")  # no change, no version
    assert d.hub_json("holidays", "list") == [
        {"date": "2026-08-17", "name": "HUT RI"},
        {"date": "2026-12-25", "name": "Hari Natal"},
    ]
    assert "holidays version 3" in d.ok("holidays", "remove", "2026-08-17")
    assert "staff accounts version 1" in d.ok("staff", "add", "andi", "--role", "counter")
    assert "staff accounts version 2" in d.ok(
        "staff", "add", "rina", "--role", "supervisor", "--desk", "jgb-01", "--full-name", "Rina"
    )
    rows = d.hub_json("staff", "list")
    assert [(r["name"], r["desk"], r["role"]) for r in rows] == [
        ("andi", "all", "counter"),
        ("rina", "JGB-01", "supervisor"),
    ]
    assert "password" not in json.dumps(rows) and "scrypt" not in json.dumps(rows)
    assert "letterhead version 1" in d.ok(
        "letterhead", "set", "letterhead_government=PEMERINTAH KABUPATEN BENGKAYANG"
    )
    assert "offices version 1" in d.ok(
        "letterhead",
        "set",
        "--post",
        "Kantor Camat SLS-01",
        "letterhead_office=KECAMATAN SELUAS",
        "signer_title=Camat Seluas",
    )
    assert d.hub_json("letterhead", "show") == {
        "letterhead_government": "PEMERINTAH KABUPATEN BENGKAYANG",
        "verify_url": "",
        "emblem": None,
        "posts": {
            "Kantor Camat SLS-01": {
                "letterhead_office": "KECAMATAN SELUAS",
                "signer_title": "Camat Seluas",
            }
        },
    }
    assert "offices version 2" in d.ok("letterhead", "verify-url", "https://hub.example/verify")
    emblem = d.tmp / "lambang.png"
    emblem.write_bytes(EMBLEM_PNG)
    assert "offices version 3" in d.ok("letterhead", "emblem", str(emblem))
    assert d.hub_json("letterhead", "show")["emblem"] == "image/png"
    assert "offices version 4" in d.ok("letterhead", "emblem", "--remove")
    versions = d.hub_json("desks")["refdata"]
    assert versions == {
        "catalogue": 1,
        "holidays": 3,
        "staff": 2,
        "letterhead": 1,
        "offices": 4,
    }


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("holidays", "add", "2026-13-01", "x"), "not a date"),
        (("holidays", "remove", "2026-01-02"), "not a district holiday"),
        (("staff", "add", "Andi Saputra", "--role", "counter"), "staff name"),
        (("staff", "add", "andi", "--role", "counter", "--desk", "XYZ-99"), "not enrolled"),
        (("staff", "deactivate", "nobody"), "no district account"),
        (("letterhead", "set", "language=en"), "not a letterhead setting"),
        (("letterhead", "set", "letter_number_template={number}/{year}"), "{unit}"),
        (("letterhead", "set", "letter_number_template={unit}/{number:04q}"), "not valid"),
        (("letterhead", "set", "signer_name=Drs. Yohanes"), "differ from post to post"),
        (("letterhead", "set", "--post", "X", "letter_number_template={n}/{year}"), "{desk_no}"),
        (("letterhead", "set", "--post", "X", "signer_nip=abc"), "must be digits"),
        (("letterhead", "verify-url", "counterdesk verify"), "not a public web address"),
        (("letterhead", "emblem", "/nonexistent.png"), "cannot read"),
        (("revoke-letter", "bad number!", "--reason", "x"), "not a letter number"),
        (("revoke-letter", "470/1/JGB-01/I/2026", "--reason", " "), "must not be empty"),
        (("revoke-desk", "XYZ-99"), "not enrolled"),
    ],
)
def test_refusals_exit_1_with_one_line(
    district: District, args: tuple[str, ...], reason: str
) -> None:
    code, out, err = district.hub(*args)
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1, (out, err)
    assert reason in err


def test_staff_password_comes_from_the_environment_or_a_terminal(
    district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUNTERDESK_PASSWORD")
    code, _, err = district.hub("staff", "add", "andi", "--role", "counter")
    assert code == 1 and "COUNTERDESK_PASSWORD" in err
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "abc")
    code, _, err = district.hub("staff", "add", "andi", "--role", "counter")
    assert code == 1 and "at least 8" in err


def test_wrong_usage_exits_2(district: District) -> None:
    for args in (("staff", "add", "andi"), ("holidays",), ("letterhead", "set", "nokey")):
        with pytest.raises(SystemExit) as exc:
            hub_main(["--data-dir", str(district.hub_root), *args])
        assert exc.value.code == 2, args


# --------------------------------------------------------------------------- at the desks


def test_reference_data_reaches_desks_by_stick_and_by_http(district: District) -> None:
    d = district
    d.stick()
    with live_hub(d.hub_root) as url:
        d.http(url)  # both desks have made first contact
        d.ok("holidays", "add", "2026-12-25", "Hari Natal")
        d.ok("holidays", "add", "2026-12-24", "Cuti bersama")
        d.ok("staff", "add", "andi", "--role", "counter", "--full-name", "Andi Saputra")
        d.ok("staff", "add", "rina", "--role", "supervisor", "--desk", "JGB-01")
        d.ok("letterhead", "set", "letterhead_government=PEMERINTAH KABUPATEN BENGKAYANG")
        for code, signer in (("JGB-01", "Drs. Yohanes"), ("SLS-01", "Drs. Antonius")):
            d.ok("letterhead", "set", "--post", f"Kantor Camat {code}", f"signer_name={signer}")
        by_stick = refdata_line(d.stick())
        by_http = refdata_line(d.http(url))
        # the hub learns what each desk installed: the next replies carry no reference data
        assert not [line for line in d.http(url) if "refdata" in line]
    assert "installed staff v2" in by_stick and "2 account(s) created" in by_stick
    assert "installed staff v2" in by_http and "1 account(s) created" in by_http
    for line in (by_stick, by_http):
        assert "installed holidays v2" in line and "installed letterhead v1" in line
        assert "installed offices v2" in line
    assert not [line for line in d.stick() if "refdata" in line]

    christmas = [datetime.date(2026, 12, 24), datetime.date(2026, 12, 25)]
    for desk, signer in ((d.jgb, "Drs. Yohanes"), (d.sls, "Drs. Antonius")):
        assert [h.day for h in district_holidays(desk)] == christmas
        assert installed_versions(desk) | {"desk_keys": 0} == {
            "catalogue": 1,
            "holidays": 2,
            "staff": 2,
            "letterhead": 1,
            "offices": 2,
            "desk_keys": 0,
        }
        assert office_in_force(desk).values["signer_name"] == InForce(signer, "hub")
        assert authenticate(desk, "andi", STAFF_PASSWORD).role == "counter"
        assert authenticate(desk, ADMIN, PASSWORD).role == "admin"  # the local account stays
    # the working calendar skips them (register.holidays reads district_holidays)
    calendar = working_calendar(d.jgb)
    assert calendar.add_working_days(datetime.date(2026, 12, 23), 1) == datetime.date(2026, 12, 28)
    assert {s["name"] for s in list_staff(d.jgb)} == {ADMIN, "andi", "rina"}
    assert {s["name"] for s in list_staff(d.sls)} == {ADMIN, "andi"}
    kinds = [
        (r["kind"], json.loads(r["data"]).get("by"))
        for r in d.jgb.conn.execute("SELECT kind, data FROM events WHERE kind LIKE 'staff_%'")
    ]
    assert kinds == [
        ("staff_created", None),  # the local administrator, made at enrollment
        ("staff_created", "district"),  # andi
        ("staff_created", "district"),  # rina
    ]


def test_district_accounts_are_updated_and_deactivated_local_ones_stay(
    district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = district
    d.stick()
    d.ok("staff", "add", "andi", "--role", "counter")
    d.ok("staff", "add", ADMIN, "--role", "counter")  # the name of JGB-01's local admin
    line = refdata_line(d.stick())
    assert f"not applied (a local account has the name): {ADMIN}" in line
    assert authenticate(d.jgb, ADMIN, PASSWORD).role == "admin"  # untouched
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "baru-rahasia")
    d.ok("staff", "add", "andi", "--role", "supervisor")
    assert "1 updated" in refdata_line(d.stick())
    assert authenticate(d.jgb, "andi", "baru-rahasia").role == "supervisor"
    with pytest.raises(AuthenticationError):
        authenticate(d.jgb, "andi", STAFF_PASSWORD)
    d.ok("staff", "deactivate", "andi")
    assert "1 deactivated" in refdata_line(d.stick())
    with pytest.raises(AuthenticationError):
        authenticate(d.jgb, "andi", "baru-rahasia")
    changed = [
        json.loads(r[0])
        for r in d.jgb.conn.execute("SELECT data FROM events WHERE kind = 'staff_changed'")
    ]
    assert [(c["name"], c["by"], c["active"]) for c in changed] == [
        ("andi", "district", True),
        ("andi", "district", False),
    ]
    assert "password" in changed[0]["changes"] and "role" in changed[0]["changes"]


def _reply(hub_root: Path, desk: str, items: list[payloads.RefItem]) -> bytes:
    with Hub.open(hub_root) as hub:
        return seal_reply(hub, desk, payloads.REFDATA, payloads.encode_refdata(items)).data


def test_an_older_version_is_ignored_with_a_note(district: District) -> None:
    d = district
    d.stick()
    d.ok("holidays", "add", "2026-12-25", "Hari Natal")
    old = _reply(d.hub_root, "JGB-01", [payloads.RefItem("holidays", 1, _holidays("2026-12-25"))])
    d.ok("holidays", "add", "2026-08-17", "HUT RI")
    assert "installed holidays v2" in refdata_line(d.stick())
    line = import_bundle(d.jgb, old, source="old.cdb")
    assert line.outcome == "applied"
    assert "holidays v1 is not newer than v2 (ignored)" in line.message
    assert len(district_holidays(d.jgb)) == 2


def _holidays(*days: str) -> dict[str, Any]:
    return {"holidays": [{"date": day, "name": "Libur"} for day in days]}


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (payloads.RefItem("staff", 9, {"accounts": [{"name": "x"}]}), "exactly"),
        (
            payloads.RefItem(
                "staff",
                9,
                {
                    "accounts": [
                        {
                            "name": "andi",
                            "full_name": "",
                            "role": "counter",
                            "nip": "",
                            "password_hash": "md5$abc",
                            "active": True,
                        }
                    ]
                },
            ),
            "not an scrypt hash",
        ),
        (
            payloads.RefItem("letterhead", 9, {"settings": {"letter_number_template": "{year}"}}),
            "{unit}",
        ),
        (payloads.RefItem("letterhead", 9, {"settings": {"roll_mm": "58"}}), "not a letterhead"),
        (payloads.RefItem("holidays", 9, _holidays("2026-02-30")), "not a date"),
        (payloads.RefItem("desk_keys", 9, {"desks": [{"desk": "SLS-01"}]}), "exactly"),
        (
            payloads.RefItem(
                "revoked_letters",
                9,
                {"letters": [{"number": "a|b", "desk": "", "reason": "x", "at": ""}]},
            ),
            "not a letter number",
        ),
    ],
)
def test_a_bundle_with_a_bad_item_changes_nothing(
    district: District, bad: payloads.RefItem, reason: str
) -> None:
    d = district
    d.stick()
    good = payloads.RefItem("holidays", 5, _holidays("2026-12-25"))
    line = import_bundle(d.jgb, _reply(d.hub_root, "JGB-01", [good, bad]), source="x.cdb")
    assert line.outcome == "rejected" and reason in line.message, line.message
    assert district_holidays(d.jgb) == []
    assert installed_versions(d.jgb).get("holidays", 0) == 0


def test_unknown_kinds_are_ignored(district: District) -> None:
    d = district
    d.stick()
    item = payloads.RefItem("weather", 3, {"rain": True})
    line = import_bundle(d.jgb, _reply(d.hub_root, "JGB-01", [item]), source="x.cdb")
    assert line.outcome == "applied" and "ignored weather v3" in line.message


# --------------------------------------------------------------------------- keys, revocations


def test_letters_verify_at_every_desk_and_revocations_reach_them(district: District) -> None:
    d = district
    number, payload = letter_for(d.jgb)
    receipt_payload = d.jgb.conn.execute(
        "SELECT json_extract(data, '$.payload') FROM events WHERE kind = 'letter_issued'"
    ).fetchone()[0]
    assert receipt_payload == payload
    with live_hub(d.hub_root) as url:
        d.http(url)
        assert verify_payload(d.sls, payload).reason.startswith("unknown desk JGB-01")
        code, _, err = d.hub("verify", payload)
        assert code == 1 and "unknown desk JGB-01" in err  # its key is not at the hub yet
        d.stick()
        assert d.hub("verify", payload)[0] == 0
        assert "desk_keys" in refdata_line(d.http(url))
        assert verify_payload(d.sls, payload).valid  # SLS-01 now holds JGB-01's key
        _, sls_letter = letter_for(d.sls)
        assert verify_payload(d.jgb, sls_letter).valid  # its trip brought SLS-01's key

        out = d.ok("revoke-letter", number, "--reason", "nama salah ketik")
        assert f"letter {number} (issued by JGB-01) revoked" in out
        code, _, err = d.hub("verify", payload)
        assert code == 1 and "revoked letter: nama salah ketik" in err
        code, out, _ = d.hub("verify", payload, "--json")
        shown = json.loads(out)
        assert code == 1 and shown["valid"] is False and shown["number"] == number
        assert "1 letter(s)" in refdata_line(d.http(url))
        assert verify_payload(d.sls, payload).reason == "revoked letter: nama salah ketik"
        assert "1 of them issued here, now marked revoked" in refdata_line(d.stick())
        assert verify_payload(d.jgb, payload).reason == "revoked letter: nama salah ketik"
        row = d.jgb.conn.execute("SELECT revoked, revoked_reason FROM letters").fetchone()
        assert tuple(row) == (1, "nama salah ketik")
        assert (
            d.jgb.conn.execute(
                "SELECT count(*) FROM events WHERE kind = 'letter_revoked'"
            ).fetchone()[0]
            == 1
        )
        assert verify_payload(d.sls, sls_letter).valid  # other letters are not touched

        code, _, err = d.hub("revoke-letter", number, "--reason", "again")
        assert code == 1 and "already revoked" in err


def test_a_revoked_desk_is_quarantined_and_its_codes_fail(district: District) -> None:
    d = district
    _, payload = letter_for(d.jgb)
    d.stick()
    with live_hub(d.hub_root) as url:
        d.http(url)
        assert verify_payload(d.sls, payload).valid
        out = d.ok("revoke-desk", "JGB-01", "--reason", "PC dicuri")
        assert "desk JGB-01 revoked" in out
        code, _, err = d.hub("verify", payload)
        assert code == 1 and "revoked desk" in err and "JGB-01" in err
        assert "1 revoked" in refdata_line(d.http(url))
        assert verify_payload(d.sls, payload).reason.startswith("revoked desk")
    with pytest.raises(AssertionError, match="desk JGB-01 is revoked"):
        d.stick()
    desks = {x["desk"]: x for x in d.hub_json("desks")["desks"]}
    assert desks["JGB-01"]["state"] == "revoked"
    assert desks["JGB-01"]["revoked_reason"] == "PC dicuri"
    [q] = desks["JGB-01"]["quarantined"]
    assert "desk JGB-01 is revoked" in q["reason"]
    code, _, err = d.hub("revoke-desk", "JGB-01")
    assert code == 1 and "already revoked" in err


def test_hub_verify_command(district: District) -> None:
    d = district
    _, payload = letter_for(d.jgb)
    d.stick()
    code, out, err = d.hub("verify", payload)
    assert code == 0 and out.startswith("valid: letter ") and "by desk JGB-01" in out
    forged = payload.replace("|SN|", "|AB|")
    code, _, err = d.hub("verify", forged)
    assert code == 1 and err.startswith("error: not valid: bad signature")
    code, _, err = d.hub("verify", "CD1|nonsense")
    assert code == 1 and "malformed" in err
    assert d.hub_json("verify", payload)["valid"] is True


def test_replies_are_sealed_to_the_desk(district: District) -> None:
    d = district
    d.stick()
    d.ok("staff", "add", "andi", "--role", "counter")
    stick = d.tmp / "peek"
    usb_trip(d.jgb, d.hub_root, stick)
    for path in (stick / "JGB-01").glob("*.cdb"):
        data = path.read_bytes()
        assert b"scrypt" not in data and b"andi" not in data
        assert peek_header(data).recipient == "JGB-01"
