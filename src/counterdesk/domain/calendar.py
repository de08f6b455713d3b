"""Working days: completion dates skip weekends, Indonesia's national holidays and cuti
bersama, and the district's own holidays.

One builder, :func:`district_calendar`, serves the desk and the hub alike:

1. the national holidays and cuti bersama (joint leave days) come from the ``holidays``
   package (Indonesia, categories ``public`` and ``government``; its ``government``
   category is the cuti bersama of the SKB 3 Menteri), computed offline, so a desk that
   never met its hub already skips them;
2. a date the package only estimates (moon-sighting holidays of years without a decree)
   counts as a holiday but is *tentative* ("perkiraan") until the hub confirms it;
3. the district's reference data wins: an entry names a holiday (a district holiday, or a
   national one confirmed or moved by decree) or, with ``working``, a date the package
   lists that is a working day after all.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import holidays as _holidays

from counterdesk.domain.catalogue import Text

NATIONAL_CATEGORIES: Final = ("public", "government")


@dataclass(frozen=True)
class Holiday:
    """A day off as the calendar sees it."""

    day: datetime.date
    name: Text
    source: str  # NATIONAL (the package) or DISTRICT (the hub's reference data)
    tentative: bool = False  # the package's estimate, not confirmed by the hub

    @property
    def label_id(self) -> str:
        return f"{self.name.id} (perkiraan)" if self.tentative else self.name.id


NATIONAL: Final = "national"
DISTRICT: Final = "district"


@dataclass(frozen=True)
class DistrictDay:
    """One entry of the district's holiday list (the hub's reference data)."""

    day: datetime.date
    name: str
    working: bool = False  # True: the package lists it, but it is a working day


def _strip_estimate(name: str, label: str) -> tuple[str, bool]:
    """``name`` without the package's estimate label, and whether it carried one."""
    prefix, _, suffix = label.partition("%s")
    parts = [p.strip() for p in name.split(";")]
    estimated = False
    clean = []
    for part in parts:
        if suffix and part.endswith(suffix.strip()) and part.startswith(prefix.strip()):
            part = part[len(prefix.strip()) : len(part) - len(suffix.strip())].strip()
            estimated = True
        clean.append(part)
    return "; ".join(clean), estimated


@lru_cache(maxsize=64)
def national_holidays(year: int) -> tuple[Holiday, ...]:
    """Indonesia's national holidays and cuti bersama of ``year`` (offline, from the
    ``holidays`` package); ``tentative`` where the package marks the date as estimated."""
    names: dict[str, dict[datetime.date, tuple[str, bool]]] = {}
    for language in ("id", "en_US"):
        table = _holidays.country_holidays(
            "ID", years=year, categories=NATIONAL_CATEGORIES, language=language
        )
        label = table.tr(table.estimated_label)
        names[language] = {day: _strip_estimate(name, label) for day, name in table.items()}
    out = []
    for day in sorted(names["id"]):
        name_id, estimated = names["id"][day]
        name_en, estimated_en = names["en_US"].get(day, (name_id, estimated))
        out.append(Holiday(day, Text(name_id, name_en), NATIONAL, estimated or estimated_en))
    return tuple(out)


class WorkingCalendar:
    """Weekends and a set of holidays; with ``national`` also the package's national
    holidays of every year asked about, less the ``working`` days."""

    def __init__(
        self,
        holidays: Iterable[datetime.date] = (),
        *,
        national: bool = False,
        working: Iterable[datetime.date] = (),
        names: dict[datetime.date, str] | None = None,
    ) -> None:
        self.holidays = frozenset(holidays)
        self.national = national
        self.working = frozenset(working) - self.holidays
        self.names = dict(names or {})
        self._years: dict[int, frozenset[datetime.date]] = {}

    def _national_days(self, year: int) -> frozenset[datetime.date]:
        days = self._years.get(year)
        if days is None:
            days = frozenset(h.day for h in national_holidays(year)) - self.working
            self._years[year] = days
        return days

    def is_holiday(self, day: datetime.date) -> bool:
        if day in self.holidays:
            return True
        return self.national and day in self._national_days(day.year)

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def holidays_in(self, year: int) -> list[Holiday]:
        """Every holiday of ``year``, national (tentative unless the district confirmed it)
        and the district's own, by date."""
        out: dict[datetime.date, Holiday] = {}
        if self.national:
            for h in national_holidays(year):
                if h.day not in self.working:
                    out[h.day] = h
        for day in self.holidays:
            if day.year != year:
                continue
            known = out.get(day)
            name = self.names.get(day) or (known.name.id if known else day.isoformat())
            text = Text(name, known.name.en if known and name == known.name.id else name)
            out[day] = Holiday(day, text, DISTRICT, tentative=False)
        return [out[d] for d in sorted(out)]

    def holiday(self, day: datetime.date) -> Holiday | None:
        return next((h for h in self.holidays_in(day.year) if h.day == day), None)

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


def district_calendar(entries: Iterable[DistrictDay]) -> WorkingCalendar:
    """The one working calendar of the desk and the hub: national holidays and cuti
    bersama from the package, overruled by the district's entries (see the module)."""
    listed = list(entries)
    return WorkingCalendar(
        (e.day for e in listed if not e.working),
        national=True,
        working=(e.day for e in listed if e.working),
        names={e.day: e.name for e in listed if not e.working},
    )
