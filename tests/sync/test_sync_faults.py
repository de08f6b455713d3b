"""Faults on the way between desks and the hub, one test each: the hub says what is wrong,
naming the file or the desk, and nothing is lost or stored twice.

(Cut links are in test_cut_link.py, killed processes in test_kill.py.)
"""

from __future__ import annotations

import datetime
import hashlib
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from counterdesk.hub.app import create_app
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.views import desks_report, list_requests
from counterdesk.services.advance import advance
from counterdesk.services.desk import Desk
from counterdesk.services.enroll import enroll
from counterdesk.services.outbox import _wire, outgoing, seal
from counterdesk.services.staff import authenticate
from counterdesk.services.status import desk_status
from counterdesk.services.sync_http import sync_with_hub
from counterdesk.services.sync_link import load_link
from counterdesk.sync import payloads
from counterdesk.sync.bundle import peek_header, split_bundles, write_atomically, write_bundle
from counterdesk.sync.enrollment import read_enrollment

from ..conftest import require_tool
from .helpers import (
    ADMIN,
    PASSWORD,
    enrollment_bytes,
    live_hub,
    make_desk,
    make_hub,
    register,
    usb_trip,
)

SMALL = 1500  # payload bytes per bundle: a few events each, so there are many bundles


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


@pytest.fixture
def desk(tmp_path: Path, hub_root: Path) -> Iterator[Desk]:
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as d:
        usb_trip(d, hub_root, tmp_path / "first-trip")  # first contact made
        register(d, 6)
        yield d


def hub_import(hub_root: Path, *paths: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = hub_main(["--data-dir", str(hub_root), "import", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out + err


def state(hub_root: Path) -> tuple[list[tuple[str, int, str]], list[tuple[str, str]]]:
    """The hub's events (desk, seq, hash) and requests (receipt, status)."""
    with Hub.open(hub_root) as hub:
        events = [
            (r[0], r[1], r[2])
            for r in hub.conn.execute("SELECT desk, seq, hash FROM events ORDER BY desk, seq")
        ]
        requests = sorted((r["receipt"], r["status"]) for r in list_requests(hub))
    return events, requests


def desk_events(desk: Desk) -> list[tuple[str, int, str]]:
    code = desk.info.code
    return [(code, r[0], r[1]) for r in desk.conn.execute("SELECT seq, hash FROM events")]


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(folder / name, data)
    return folder / name


def test_truncated_bundle(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [b] = list(outgoing(desk))
    bad = write(tmp_path / "stick", b.file_name, b.data[: len(b.data) * 2 // 3])
    before = state(hub_root)
    code, out = hub_import(hub_root, bad, capsys=capsys)
    assert code == 1
    assert f"{bad}: quarantined: " in out and "bundle is truncated" in out
    assert state(hub_root) == before
    write(tmp_path / "stick", b.file_name, b.data)  # the officer copies it again
    code, out = hub_import(hub_root, tmp_path / "stick", capsys=capsys)
    assert code == 0 and "accepted 6 event(s)" in out
    assert state(hub_root)[0] == desk_events(desk)


def test_one_flipped_byte(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [b] = list(outgoing(desk))
    for pos in (20, len(b.data) // 2, len(b.data) - 80):
        damaged = bytearray(b.data)
        damaged[pos] ^= 0x04
        bad = write(tmp_path / f"flip{pos}", b.file_name, bytes(damaged))
        code, out = hub_import(hub_root, bad, capsys=capsys)
        assert code == 1 and f"{bad}: quarantined: " in out, out
        assert any(
            words in out for words in ("bad signature: the bundle from JGB-01", "header", "damaged")
        ), out
    assert state(hub_root)[0] == desk_events(desk)[: -len(list(range(b.seq_first, b.seq_last + 1)))]
    report = desks_report(Hub.open(hub_root))
    assert len(report["desks"][0]["quarantined"]) == 3


def test_re_signed_by_another_key(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [b] = list(outgoing(desk))
    h = peek_header(b.data)
    events = list(_wire(desk, h.seq_first - 1, h.seq_last))
    with Desk.open(make_desk(tmp_path / "thief", enrollment_bytes(hub_root, "SLS-01"))) as other:
        forged = write_bundle(
            payload=payloads.encode_events_compact(events),
            kind="events",
            sender="JGB-01",
            recipient="HUB",
            sender_key=other.keys.sign,  # not JGB-01's key
            recipient_public=load_link(desk).hub_box,
            epoch=h.epoch,
            seq_first=h.seq_first,
            seq_last=h.seq_last,
            count=h.count,
        )
    bad = write(tmp_path / "stick", b.file_name, forged)
    code, out = hub_import(hub_root, bad, capsys=capsys)
    assert code == 1 and f"{bad}: quarantined: signed by key" in out
    assert "pinned for JGB-01" in out
    assert state(hub_root)[0] == desk_events(desk)[: h.seq_first - 1]


def test_unknown_desk(hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other_hub = make_hub(tmp_path / "other-hub")
    with Desk.open(make_desk(tmp_path / "xyz", enrollment_bytes(other_hub, "XYZ-01"))) as xyz:
        # enrolled at another hub, but the file names this hub's keys: as if copied over
        stray = write_bundle(
            payload=b"x",
            kind="events",
            sender="XYZ-01",
            recipient="HUB",
            sender_key=xyz.keys.sign,
            recipient_public=Hub.open(hub_root).keys.box_public,
            seq_first=1,
            seq_last=1,
            count=1,
        )
    bad = write(tmp_path / "stick", "XYZ-01_0000_000001-000001.cdb", stray)
    code, out = hub_import(hub_root, bad, capsys=capsys)
    assert code == 1 and "unknown desk XYZ-01: it is not enrolled at this hub" in out
    assert state(hub_root) == ([], [])
    with Hub.open(hub_root) as hub:
        [q] = desks_report(hub)["quarantined"]
        assert q["desk"] == "XYZ-01" and q["stored_as"] is None  # not authenticated: not kept
        assert q["sha256"] == hashlib.sha256(stray).hexdigest()


def test_same_bundle_twice_and_through_both_channels(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [b] = list(outgoing(desk))
    path = write(tmp_path / "stick", b.file_name, b.data)
    assert "accepted 6 event(s)" in hub_import(hub_root, path, capsys=capsys)[1]
    after_usb = state(hub_root)
    code, out = hub_import(hub_root, path, path.parent, capsys=capsys)
    assert code == 0 and out.count("duplicate") == 1  # the same file given twice: read once
    with Hub.open(hub_root) as hub, TestClient(create_app(hub)) as api:
        r = api.post("/api/v1/exchange", content=b.data)
        assert r.status_code == 200
        [ack, *_] = split_bundles(r.content)
    from counterdesk.services.sync_import import import_bundle

    line = import_bundle(desk, ack, source="http")
    assert line.upload is not None and line.upload.result == "duplicate"
    assert state(hub_root) == after_usb
    assert desk_status(desk)["pending"] == 0


def test_reverse_order_and_an_old_bundle_after_newer_ones(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register(desk, 6)
    bundles = list(outgoing(desk, max_payload=SMALL))
    assert len(bundles) >= 5
    for i, b in enumerate(reversed(bundles[1:])):
        write(tmp_path / "newer", f"{i:02d}_{b.file_name}", b.data)
    code, out = hub_import(hub_root, tmp_path / "newer", capsys=capsys)
    assert code == 0 and out.count("accepted") == len(bundles) - 1
    with Hub.open(hub_root) as hub:
        [d] = desks_report(hub)["desks"]
        first = bundles[0]
        gap = [first.seq_first, first.seq_last]
        assert d["epochs"][0]["gaps"] == [gap]
    code, out = hub_import(
        hub_root, write(tmp_path / "old", first.file_name, first.data), capsys=capsys
    )
    assert code == 0 and f"accepted {first.count} event(s)" in out
    events, requests = state(hub_root)
    assert events == desk_events(desk)
    assert len(requests) == 12
    with Hub.open(hub_root) as hub:
        assert desks_report(hub)["desks"][0]["epochs"][0]["gaps"] == []


def test_same_bundle_id_with_other_content(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [b] = list(outgoing(desk))
    h = peek_header(b.data)
    hub_import(hub_root, write(tmp_path / "a", b.file_name, b.data), capsys=capsys)
    before = state(hub_root)
    other = seal(
        desk,
        load_link(desk),
        kind="events",
        payload=payloads.encode_events_compact(list(_wire(desk, h.seq_first - 1, h.seq_last))),
        bundle_id=h.bundle_id,
        epoch=h.epoch,
        seq_first=h.seq_first,
        seq_last=h.seq_last,
        count=h.count,
    )
    bad = write(tmp_path / "b", b.file_name, other)
    code, out = hub_import(hub_root, bad, capsys=capsys)
    assert code == 1 and f"{bad}: quarantined: bundle id {h.bundle_id}" in out
    assert "same id, different bytes" in out
    assert state(hub_root) == before
    with Hub.open(hub_root) as hub:
        alerts = [a for a in desks_report(hub)["alerts"] if a["kind"] == "bundle_id_reused"]
        assert alerts and alerts[0]["desk"] == "JGB-01"


def test_altered_event_inside_a_signed_bundle(
    desk: Desk, hub_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The desk's own key signs it (a tampered desk database, say): the chain still tells."""
    [b] = list(outgoing(desk))
    h = peek_header(b.data)
    events = list(_wire(desk, h.seq_first - 1, h.seq_last))
    payload = payloads.encode_events_compact(events).replace(
        b"Siti Nurhaliza", b"Siti Nurhalizu", 1
    )
    forged = seal(
        desk,
        load_link(desk),
        kind="events",
        payload=payload,
        epoch=h.epoch,
        seq_first=h.seq_first,
        seq_last=h.seq_last,
        count=h.count,
    )
    bad = write(tmp_path / "stick", b.file_name, forged)
    code, out = hub_import(hub_root, bad, capsys=capsys)
    assert code == 1 and f"{bad}: quarantined: content: events {h.seq_first}.." in out
    assert "do not add up to the hash the desk recorded" in out
    assert state(hub_root)[0] == desk_events(desk)[: h.seq_first - 1]


# --------------------------------------------------------------------------- wrong clocks


class Skewed:
    """A desk clock years off (post PCs with a flat CMOS battery), still ticking."""

    def __init__(self, years: int) -> None:
        self.offset = datetime.timedelta(days=365 * years + years // 4)

    def __call__(self) -> datetime.datetime:
        return datetime.datetime.now().astimezone() + self.offset


def test_desk_clocks_ten_years_off_do_not_matter(hub_root: Path, tmp_path: Path) -> None:
    ahead, behind = Skewed(10), Skewed(-10)
    desks = {}
    for code, clock in (("JGB-01", ahead), ("SLS-01", behind)):
        enrollment = read_enrollment(enrollment_bytes(hub_root, code))
        enroll(tmp_path / code, enrollment, admin_name=ADMIN, admin_password=PASSWORD, clock=clock)
        desks[code] = Desk.open(tmp_path / code, clock=clock)
    try:
        expected = {}
        with live_hub(hub_root) as url:
            for round_ in range(2):
                for code, desk in desks.items():
                    receipts = register(desk, 3)
                    session = authenticate(desk, ADMIN, PASSWORD)
                    advance(desk, session, receipts[0], "in_progress")
                    expected |= {r: "registered" for r in receipts}
                    expected[receipts[0]] = "in_progress"
                    if code == "JGB-01":
                        assert sync_with_hub(desk, url).pending == 0
                    else:
                        usb_trip(desk, hub_root, tmp_path / f"stick{round_}")
                        assert desk_status(desk)["pending"] == 0
        years = {
            code: int(desk.conn.execute("SELECT max(recorded_at) FROM events").fetchone()[0][:4])
            for code, desk in desks.items()
        }
        now = datetime.date.today().year
        assert years["JGB-01"] >= now + 9 and years["SLS-01"] <= now - 9  # recorded as given
    finally:
        for d in desks.values():
            d.close()
    events, requests = state(hub_root)
    assert dict(requests) == expected
    assert len(events) == len({(e[0], e[1]) for e in events})


def test_the_command_lines_under_faketime(hub_root: Path, tmp_path: Path) -> None:
    faketime = require_tool("faketime", "faketime")
    bin_dir = Path(sys.executable).parent
    env = os.environ | {"COUNTERDESK_PASSWORD": PASSWORD}
    with Desk.open(make_desk(tmp_path / "desk", enrollment_bytes(hub_root))) as desk:
        receipts = register(desk, 2)
    with live_hub(hub_root) as url:
        for shift in ("+10y", "-10y"):

            def run(*args: str, shift: str = shift) -> subprocess.CompletedProcess[str]:
                return subprocess.run(
                    [faketime, "-f", shift, *args],
                    capture_output=True,
                    text=True,
                    env=env,
                    timeout=120,
                    check=False,
                )

            done = run(str(bin_dir / "counterdesk"), "--data-dir", str(tmp_path / "desk"),
                       "register", "--service", "SKTM", "--name", "Ahmad bin Ismail",
                       "--nik", "6107071708800001", "--field", "address=Dusun Sebunga",
                       "--field", "occupation=Petani", "--field", "purpose=Sekolah",
                       "--field", "household_members=2", "--staff", ADMIN, "--json")  # fmt: skip
            assert done.returncode == 0, done.stderr
            done = run(str(bin_dir / "counterdesk"), "--data-dir", str(tmp_path / "desk"),
                       "sync", "--hub", url)  # fmt: skip
            assert done.returncode == 0 and "pending 0 event(s)" in done.stdout, done.stderr
            stick = tmp_path / f"stick{shift}"
            assert run(str(bin_dir / "counterdesk"), "--data-dir", str(tmp_path / "desk"),
                       "export", str(stick)).returncode == 0  # fmt: skip
            done = run(str(bin_dir / "counterdesk-hub"), "--data-dir", str(hub_root),
                       "import", str(stick), "--reply-to", str(stick))  # fmt: skip
            assert done.returncode == 0, done.stdout + done.stderr
    events, requests = state(hub_root)
    assert len(requests) == len(receipts) + 2
    with Desk.open(tmp_path / "desk") as desk:
        assert events == desk_events(desk)
        years = sorted(int(r[0][:4]) for r in desk.conn.execute("SELECT recorded_at FROM events"))
        assert years[-1] - years[0] >= 19  # both shifts were really in force
