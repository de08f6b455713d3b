"""Power cuts: the hub killed (SIGKILL) in the middle of a batch import, the desk killed in
the middle of an export. Nothing half-done stays visible, nothing is doubled, and running the
same command again completes the job."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import EVENTS_OR_HELLO, open_desk_bundle
from counterdesk.hub.views import list_requests
from counterdesk.services.desk import Desk
from counterdesk.services.outbox import export_to_folder
from counterdesk.store.eventlog import last_seq
from counterdesk.sync.bundle import bundle_size

from .helpers import enrollment_bytes, make_desk, make_hub, register

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
HUB_CMD = str(BIN / "counterdesk-hub")
DESK_CMD = str(BIN / "counterdesk")
DESKS = ("JGB-01", "SLS-01", "SDG-01")


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def stick(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, int, int]]:
    """A hub and a stick with many small bundles from three desks (first contact included)."""
    root = tmp_path_factory.mktemp("kill")
    hub_root = make_hub(root / "hub")
    stick = root / "stick"
    stick.mkdir()
    events = requests = 0
    for i, code in enumerate(DESKS):
        with Desk.open(make_desk(root / code, enrollment_bytes(hub_root, code))) as desk:
            requests += len(register(desk, 60 + 20 * i, name=f"Warga {code[:3].title()}"))
            export_to_folder(desk, stick / code, max_payload=1200)
            events += last_seq(desk.conn)
    yield hub_root, stick, events, requests


def check_hub(hub_root: Path) -> tuple[int, int]:
    """The hub's database opens, is intact, holds each event once: (events, requests)."""
    with Hub.open(hub_root) as hub:
        conn = hub.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        counted = conn.execute("SELECT coalesce(sum(new_events), 0) FROM bundles").fetchone()[0]
        assert events == counted  # every stored event belongs to exactly one stored bundle
        assert (
            conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM events GROUP BY event_id HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )
        assert conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
        registered = conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'request_registered'"
        ).fetchone()[0]
        assert len(list_requests(hub)) == registered
        return events, registered


def test_hub_killed_during_import_recovers(stick: tuple[Path, Path, int, int]) -> None:
    hub_root, folder, total_events, total_requests = stick
    files = len(list(folder.rglob("*.cdb")))
    assert files > 60
    rng = random.Random(20261102)
    kills = 0
    for _ in range(6):
        proc = subprocess.Popen(
            [HUB_CMD, "--data-dir", str(hub_root), "import", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
        )
        assert proc.stdout is not None
        # Let it get some way in (a random number of files), then a random moment more.
        for _ in range(rng.randrange(1, 12)):
            if not proc.stdout.readline():
                break
        time.sleep(rng.uniform(0, 0.03))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
        events, _ = check_hub(hub_root)
        assert events <= total_events
    assert kills >= 4
    done = subprocess.run(
        [HUB_CMD, "--data-dir", str(hub_root), "import", str(folder)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert check_hub(hub_root) == (total_events, total_requests)
    again = subprocess.run(
        [HUB_CMD, "--data-dir", str(hub_root), "import", str(folder)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert again.returncode == 0 and "accepted" not in again.stdout
    assert again.stdout.count("duplicate") == files


EXPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from counterdesk.services.desk import Desk
    from counterdesk.services.outbox import export_to_folder

    with Desk.open(Path(sys.argv[1])) as desk:
        for n in range(1000):  # many small files, again and again: many moments to die in
            export_to_folder(desk, Path(sys.argv[2]), max_payload=2000)
            print(n, flush=True)
    """
)


def visible_bundles_are_whole(folder: Path, hub_root: Path) -> int:
    """Every *.cdb there is complete and verifies (as the hub would open it, storing nothing)."""
    n = 0
    with Hub.open(hub_root) as hub:
        for path in folder.glob("*.cdb"):
            data = path.read_bytes()
            assert bundle_size(data) == len(data), path.name
            open_desk_bundle(hub, data, kinds=EVENTS_OR_HELLO)
            n += 1
    return n


def test_desk_killed_during_export_leaves_no_half_file(tmp_path: Path) -> None:
    hub_root = make_hub(tmp_path / "hub")
    desk_root = make_desk(tmp_path / "desk", enrollment_bytes(hub_root))
    with Desk.open(desk_root) as desk:
        register(desk, 150)
        last = last_seq(desk.conn)
    script = tmp_path / "exporter.py"
    script.write_text(EXPORTER)
    folder = tmp_path / "stick"
    rng = random.Random(7)
    for round_ in range(8):
        if round_ % 2:
            cmd = [sys.executable, str(script), str(desk_root), str(folder)]
        else:  # the real command line
            cmd = [DESK_CMD, "--data-dir", str(desk_root), "export", str(folder)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
        time.sleep(rng.uniform(0.3, 0.9))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        visible_bundles_are_whole(folder, hub_root)
    # The next export heals: whole files only, the leftovers of killed runs are gone.
    done = subprocess.run(
        [DESK_CMD, "--data-dir", str(desk_root), "export", str(folder)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert visible_bundles_are_whole(folder, hub_root) >= 1
    imported = subprocess.run(
        [HUB_CMD, "--data-dir", str(hub_root), "import", str(folder)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    events, _ = check_hub(hub_root)
    assert events == last
