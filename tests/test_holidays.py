"""National holidays and cuti bersama come with the desk: due dates are right offline.

The 2026 dates are those of the SKB 3 Menteri on the national holidays and cuti bersama
of 2026 (Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB
Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025), written out here by hand
so the test checks the ``holidays`` package instead of repeating it.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from counterdesk.cli import main as cli_main
from counterdesk.domain.calendar import (
    DistrictDay,
    WorkingCalendar,
    district_calendar,
    national_holidays,
)
from counterdesk.services.desk import Desk
from counterdesk.services.refdata import working_calendar
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession

from .conftest import FixedClock
from .test_register import reg, valid_fields

D = datetime.date

SKB_2026_HOLIDAYS = {  # libur nasional
    D(2026, 1, 1): "Tahun Baru 2026 Masehi",
    D(2026, 1, 16): "Isra Mikraj Nabi Muhammad SAW",
    D(2026, 2, 17): "Tahun Baru Imlek 2577 Kongzili",
    D(2026, 3, 19): "Hari Suci Nyepi Tahun Baru Saka 1948",
    D(2026, 3, 21): "Idul Fitri 1447 H",
    D(2026, 3, 22): "Idul Fitri 1447 H",
    D(2026, 4, 3): "Wafat Yesus Kristus",
    D(2026, 4, 5): "Kebangkitan Yesus Kristus (Paskah)",
    D(2026, 5, 1): "Hari Buruh Internasional",
    D(2026, 5, 14): "Kenaikan Yesus Kristus",
    D(2026, 5, 27): "Idul Adha 1447 H",
    D(2026, 5, 31): "Hari Raya Waisak 2570 BE",
    D(2026, 6, 1): "Hari Lahir Pancasila",
    D(2026, 6, 16): "1 Muharam Tahun Baru Islam 1448 H",
    D(2026, 8, 17): "Proklamasi Kemerdekaan",
    D(2026, 8, 25): "Maulid Nabi Muhammad SAW",
    D(2026, 12, 25): "Kelahiran Yesus Kristus",
}
SKB_2026_CUTI_BERSAMA = {
    D(2026, 2, 16): "Tahun Baru Imlek",
    D(2026, 3, 18): "Hari Suci Nyepi",
    D(2026, 3, 20): "Idul Fitri",
    D(2026, 3, 23): "Idul Fitri",
    D(2026, 3, 24): "Idul Fitri",
    D(2026, 5, 15): "Kenaikan Yesus Kristus",
    D(2026, 5, 28): "Idul Adha",
    D(2026, 12, 24): "Kelahiran Yesus Kristus",
}
SKB_2026 = set(SKB_2026_HOLIDAYS) | set(SKB_2026_CUTI_BERSAMA)


def expected_due(start: datetime.date, days: int, off: set[datetime.date]) -> datetime.date:
    """Counted by hand against ``off`` (independent of WorkingCalendar)."""

    def working(d: datetime.date) -> bool:
        return d.weekday() < 5 and d not in off

    day = start
    while not working(day):
        day += datetime.timedelta(days=1)
    for _ in range(days):
        day += datetime.timedelta(days=1)
        while not working(day):
            day += datetime.timedelta(days=1)
    return day


def test_the_package_gives_exactly_the_skb_2026_dates() -> None:
    national = national_holidays(2026)
    assert {h.day for h in national} == SKB_2026
    assert not any(h.tentative for h in national)  # 2026 is decreed, nothing estimated
    names = {h.day: h.name for h in national}
    assert "Kemerdekaan" in names[D(2026, 8, 17)].id
    assert names[D(2026, 8, 17)].en == "Independence Day"
    assert "Cuti Bersama" in names[D(2026, 3, 23)].id


def test_a_fresh_calendar_skips_every_skb_date() -> None:
    calendar = district_calendar([])
    for day in SKB_2026:
        assert not calendar.is_working_day(day), day
    assert calendar.is_working_day(D(2026, 3, 17))
    assert calendar.is_working_day(D(2026, 3, 25))
    # the plain calendar (no national list) still works as before
    assert WorkingCalendar().is_working_day(D(2026, 8, 17))


@pytest.mark.parametrize("days", [0, 1, 3, 5, 10, 14])
def test_no_due_date_of_2026_lands_on_an_skb_date(days: int) -> None:
    calendar = district_calendar([])
    day = D(2026, 1, 1)
    while day < D(2026, 12, 1):  # so that every due date stays in 2026
        due = calendar.add_working_days(day, days)
        assert due not in SKB_2026 and due.weekday() < 5, (day, due)
        assert due == expected_due(day, days, SKB_2026)
        day += datetime.timedelta(days=1)


def test_a_fresh_offline_desk_promises_no_holiday(
    desk: Desk, session: StaffSession, clock: FixedClock
) -> None:
    """A training desk that never met a hub: the Nyepi/Idul Fitri run and 17 August."""
    service = next(s for s in desk.catalogue.services if s.days == 5)
    tz = clock.now.tzinfo
    clock.now = datetime.datetime(2026, 3, 16, 9, 0, tzinfo=tz)  # Monday before Nyepi
    r = register(desk, session, reg(desk, service=service.code, fields=valid_fields(service)))
    # 17 Mar (1), 18-24 Mar off, 25 (2), 26 (3), 27 (4), 30 Mar (5)
    assert r.due_date == "2026-03-30"
    clock.now = datetime.datetime(2026, 8, 14, 9, 0, tzinfo=tz)  # Friday before 17 Aug
    r = register(desk, session, reg(desk, service=service.code, fields=valid_fields(service)))
    assert r.due_date == expected_due(D(2026, 8, 14), 5, SKB_2026).isoformat() == "2026-08-24"
    one_day = next(s for s in desk.catalogue.services if s.days == 1)
    clock.now = datetime.datetime(2026, 3, 17, 9, 0, tzinfo=tz)
    r = register(desk, session, reg(desk, service=one_day.code, fields=valid_fields(one_day)))
    assert r.due_date == "2026-03-25"
    assert not working_calendar(desk).is_working_day(D(2026, 3, 24))


def test_estimated_dates_count_as_holidays_but_are_tentative() -> None:
    national = {h.day: h for h in national_holidays(2027)}
    tentative = [h for h in national.values() if h.tentative]
    assert tentative, "the package estimates some 2027 dates"
    eid = national[D(2027, 3, 10)]
    assert eid.tentative and eid.label_id.endswith("(perkiraan)")
    assert "perkiraan" not in eid.name.id and "estimated" not in eid.name.en
    calendar = district_calendar([])
    for h in tentative:
        assert not calendar.is_working_day(h.day) or h.day.weekday() >= 5
    # once the district confirms it, it is no longer tentative
    confirmed = district_calendar([DistrictDay(eid.day, eid.name.id)])
    shown = confirmed.holiday(eid.day)
    assert shown is not None and not shown.tentative and shown.name.en == eid.name.en


def test_the_district_list_wins_over_the_package() -> None:
    calendar = district_calendar(
        [
            DistrictDay(D(2026, 10, 7), "Hari Jadi Kabupaten"),
            DistrictDay(D(2026, 12, 24), "Cuti Bersama Natal", working=True),
        ]
    )
    assert not calendar.is_working_day(D(2026, 10, 7))
    assert calendar.is_working_day(D(2026, 12, 24))  # cancelled by decree
    assert not calendar.is_working_day(D(2026, 12, 25))
    listed = {h.day: h for h in calendar.holidays_in(2026)}
    assert D(2026, 12, 24) not in listed and listed[D(2026, 10, 7)].source == "district"


def test_desk_command_lists_the_year_with_estimates_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "desk")
    assert cli_main(["--data-dir", folder, "demo"]) == 0
    capsys.readouterr()
    assert cli_main(["--data-dir", folder, "holidays", "--year", "2026", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {D.fromisoformat(h["date"]) for h in listed} == SKB_2026
    assert cli_main(["--data-dir", folder, "holidays", "--year", "2027"]) == 0
    lines = capsys.readouterr().out.splitlines()
    eid = next(line for line in lines if line.startswith("2027-03-10"))
    assert "(perkiraan)" in eid
    assert "perkiraan" not in next(line for line in lines if line.startswith("2027-08-17"))
