"""Working days: completion dates skip weekends and the district's holidays."""

from __future__ import annotations

import datetime
from collections.abc import Iterable


class WorkingCalendar:
    def __init__(self, holidays: Iterable[datetime.date] = ()) -> None:
        self.holidays = frozenset(holidays)

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        """The date a service of ``days`` working days promised on ``start`` is due.

        0 days means the same day (or the next working day when ``start`` is not one).
        """
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        remaining = days
        while remaining > 0:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
