"""The wrong desk clock of conftest.py is really in force when asked for (else the runs of
``make pytest-clocks`` would prove nothing)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from counterdesk.services.desk import Desk

from .conftest import MODE, WrongClock
from .helpers import enrollment_bytes, make_desk, make_hub, register


def _years(desk: Desk) -> set[int]:
    rows = desk.conn.execute("SELECT recorded_at FROM events").fetchall()
    return {int(r[0][:4]) for r in rows}


def test_desks_of_the_suite_get_the_clock_asked_for(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub))) as desk:
        register(desk, 12)
        years = _years(desk)
    now = datetime.date.today().year
    if MODE == "+10y":
        assert min(years) >= now + 9
    elif MODE == "-10y":
        assert max(years) <= now - 9
    elif MODE == "jump":  # the log holds all three times
        assert min(years) <= now - 9 and max(years) >= now + 9 and now in years
    else:  # the right clock (a test run on New Year's Eve may see two years)
        assert years <= {now - 1, now, now + 1}


def test_the_jumping_clock_jumps() -> None:
    clock = WrongClock("jump")
    years = {clock().year for _ in range(30)}
    now = datetime.date.today().year
    assert min(years) <= now - 9 and max(years) >= now + 9 and now in years
    with pytest.raises(ValueError, match="COUNTERDESK_TEST_DESK_CLOCK"):
        WrongClock("+1d")
