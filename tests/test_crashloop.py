"""The short crash loop of CI: 50 SIGKILLs (COUNTERDESK_CRASH_KILLS) spread over every
scenario of tests/crashloop.py, each followed by the full checks. The long run (1,000 kills)
is bench/crashloop.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .crashloop import SCENARIOS, crash_loop

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("COUNTERDESK_CRASH_KILLS", "50"))
SEED = int(os.environ.get("COUNTERDESK_CRASH_SEED", "20261129"))


def test_crash_loop(tmp_path: Path) -> None:
    lines: list[str] = []
    tallies = crash_loop(tmp_path, KILLS, SEED, log=lines.append)
    print("\n".join(lines))
    assert [t.scenario for t in tallies] == [s.name for s in SCENARIOS]
    failures = [f"{t.scenario}: {f}" for t in tallies for f in t.failures]
    assert not failures, "\n".join(lines + failures)
    assert sum(t.kills for t in tallies) >= KILLS
    assert all(t.kills >= 1 and t.checks > 10 for t in tallies), lines
