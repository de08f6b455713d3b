"""The sync suite under a wrong desk clock: ``COUNTERDESK_TEST_DESK_CLOCK`` set to ``+10y``,
``-10y`` or ``jump`` gives every desk these tests open (not the hub) a clock ten years
ahead, ten years behind, or one that jumps between -10 years, right and +10 years while the
desk is in use (post PCs with a flat CMOS battery, or a time server reached now and then).
``make test`` runs the suite once per setting (target ``pytest-clocks``); nothing of sync may
depend on the desk's clock being right.
"""

from __future__ import annotations

import datetime
import itertools
import os
from collections.abc import Iterator

import pytest

from counterdesk.services import enroll, setup
from counterdesk.services.desk import Desk

MODE = os.environ.get("COUNTERDESK_TEST_DESK_CLOCK", "")
YEAR = datetime.timedelta(days=365.25)


class WrongClock:
    """The real time plus an offset; ``jump`` changes the offset every few readings."""

    def __init__(self, mode: str) -> None:
        if mode in ("+10y", "-10y"):
            self.offsets = itertools.repeat(int(mode[:-1]) * YEAR)
            self.every = 1
        elif mode == "jump":
            self.offsets = itertools.cycle([-10 * YEAR, datetime.timedelta(0), 10 * YEAR])
            self.every = 5
        else:
            raise ValueError(f"COUNTERDESK_TEST_DESK_CLOCK: +10y, -10y or jump, not {mode!r}")
        self.readings = 0
        self.offset = next(self.offsets)

    def __call__(self) -> datetime.datetime:
        self.readings += 1
        if self.readings % self.every == 0:
            self.offset = next(self.offsets)
        return datetime.datetime.now().astimezone() + self.offset


@pytest.fixture(autouse=True)
def _wrong_desk_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not MODE:
        yield
        return
    clock = WrongClock(MODE)
    # Every way the tests make or open a desk without naming a clock gets the wrong one.
    monkeypatch.setattr(Desk.__init__, "__defaults__", (clock,))
    monkeypatch.setitem(Desk.open.__func__.__kwdefaults__, "clock", clock)  # type: ignore[attr-defined]
    monkeypatch.setitem(enroll.enroll.__kwdefaults__, "clock", clock)
    monkeypatch.setitem(setup.make_demo.__kwdefaults__, "clock", clock)
    monkeypatch.setitem(setup.create_desk.__kwdefaults__, "clock", clock)
    yield
