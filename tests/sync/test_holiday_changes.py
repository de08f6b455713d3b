"""The hub's holiday changes reach the desks and win over the national list they compute."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.services.refdata import working_calendar
from counterdesk.sync import payloads
from counterdesk.sync import refdata as schema

from .test_refdata import STAFF_PASSWORD, District, refdata_line


@pytest.fixture
def district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[District]:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", STAFF_PASSWORD)
    d = District(tmp_path, capsys)
    yield d
    d.close()


D = datetime.date


def test_district_holidays_and_cancelled_national_dates_reach_the_desks(
    district: District,
) -> None:
    d = district
    d.stick()
    before = working_calendar(d.jgb)
    assert before.is_working_day(D(2026, 10, 7))
    assert not before.is_working_day(D(2026, 12, 24))  # cuti bersama, offline
    d.ok("holidays", "add", "2026-10-07", "Hari Jadi Kabupaten")  # a district holiday
    d.ok("holidays", "remove", "2026-12-24")  # cuti bersama cancelled by decree
    assert "installed holidays" in refdata_line(d.stick())
    after = working_calendar(d.jgb)
    assert not after.is_working_day(D(2026, 10, 7))
    assert after.is_working_day(D(2026, 12, 24))
    assert after.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 24)
    assert after.add_working_days(D(2026, 10, 6), 1) == D(2026, 10, 8)
    # and back: restoring the cuti bersama, removing the district holiday
    d.ok("holidays", "add", "2026-12-24", "Cuti Bersama Natal")
    d.ok("holidays", "remove", "2026-10-07")
    d.stick()
    again = working_calendar(d.jgb)
    assert again.is_working_day(D(2026, 10, 7))
    assert not again.is_working_day(D(2026, 12, 24))
    # the hub counts with the same calendar
    listed = {r["date"]: r for r in d.hub_json("holidays", "list", "--year", "2026")}
    assert listed["2026-12-24"]["source"] == "district"
    assert listed["2026-08-17"]["source"] == "national"
    assert "2026-10-07" not in listed


def test_an_estimated_date_is_tentative_until_the_hub_confirms_it(district: District) -> None:
    d = district
    listed = {r["date"]: r for r in d.hub_json("holidays", "list", "--year", "2027")}
    assert listed["2027-03-10"]["tentative"] is True
    line = next(x for x in d.ok("holidays", "list", "--year", "2027").splitlines() if "03-10" in x)
    assert "perkiraan" in line
    d.ok("holidays", "confirm", "2027-03-10")
    listed = {r["date"]: r for r in d.hub_json("holidays", "list", "--year", "2027")}
    assert listed["2027-03-10"]["tentative"] is False
    code, _out, err = d.hub("holidays", "confirm", "2027-03-03")
    assert code == 1 and "not a national holiday" in err
    d.stick()
    day = working_calendar(d.jgb).holiday(D(2027, 3, 10))
    assert day is not None and not day.tentative


def test_a_working_entry_is_checked() -> None:
    entry = {"date": "2026-12-24", "name": "Cuti", "working": True}
    [h] = schema.parse_holidays({"holidays": [entry]})
    assert h.working and h.to_json() == entry
    with pytest.raises(payloads.PayloadError, match="only be true"):
        schema.parse_holidays({"holidays": [{**entry, "working": False}]})
    with pytest.raises(payloads.PayloadError, match="exactly"):
        schema.parse_holidays({"holidays": [{**entry, "extra": 1}]})
