"""A desk and the hub exchanging data on a USB stick, through the real command lines."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from counterdesk.cli import main as desk_main
from counterdesk.hub.cli import main as hub_main
from counterdesk.services.desk import Desk

from .helpers import ADMIN, NAME_MARKER, NIK_MARKER, PASSWORD, register


class Site:
    """A hub, one desk and a stick, driven by command lines like an officer would."""

    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.hub_dir = tmp / "hub"
        self.desk_dir = tmp / "desk"
        self.stick = tmp / "stick"
        self.stick.mkdir()
        self.capsys = capsys

    def hub(self, *args: str) -> tuple[int, str, str]:
        code = hub_main(["--data-dir", str(self.hub_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def desk(self, *args: str) -> tuple[int, str, str]:
        code = desk_main(["--data-dir", str(self.desk_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def desk_json(self, *args: str) -> Any:
        code, out, err = self.desk(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    def hub_json(self, *args: str) -> Any:
        code, out, err = self.hub(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    def register(self, n: int, **kw: str) -> list[str]:
        with Desk.open(self.desk_dir) as desk:
            return register(desk, n, **kw)


@pytest.fixture
def site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Site:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", PASSWORD)
    s = Site(tmp_path, capsys)
    assert s.hub("init", "--district", "Kabupaten Bengkayang")[0] == 0
    enroll_file = tmp_path / "JGB-01.cdenroll"
    code, out, err = s.hub(
        "enroll-desk", "JGB-01", "--post", "Kantor Camat Jagoi Babang", "--out", str(enroll_file)
    )
    assert code == 0, err
    code, out, err = s.desk("enroll", str(enroll_file), "--admin", ADMIN)
    assert code == 0, err
    assert "enrolled" in out
    return s


def test_full_round_trip_through_a_folder(site: Site) -> None:
    receipts = site.register(3)
    assert site.desk_json("status")["pending"] > 3

    code, out, err = site.desk("export", str(site.stick))
    assert code == 0, err
    assert "introduces this desk" in out  # first contact travels with the events
    assert list(site.stick.glob("JGB-01_*.cdb"))

    code, out, err = site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    assert code == 0, err
    assert "accepted" in out and "first contact" in out
    assert list((site.stick / "JGB-01").glob("HUB_to_JGB-01_ack_*.cdb"))

    code, out, err = site.desk("import", str(site.stick))
    assert code == 0, err
    assert "applied" in out and "skipped: this desk's own export" in out
    status = site.desk_json("status")
    assert status["pending"] == 0
    assert status["acked_seq"] == status["last_seq"]
    assert status["last_hub_contact"]

    requests = site.hub_json("requests")
    assert sorted(r["receipt"] for r in requests) == sorted(receipts)
    for r in requests:
        assert {"receipt", "desk", "service", "status"} <= r.keys()
        assert r["desk"] == "JGB-01" and r["status"] == "registered"
    assert site.hub_json("requests", "--desk", "XYZ-99") == []

    desks = site.hub_json("desks")["desks"]
    assert desks[0]["desk"] == "JGB-01" and desks[0]["state"] == "enrolled"
    [epoch] = desks[0]["epochs"]
    assert epoch["first_seq"] == 1 and epoch["contiguous"] == status["last_seq"]
    assert epoch["gaps"] == [] and desks[0]["quarantined"] == []

    # Next trip: nothing pending; the acknowledged file is cleared off the stick and a small
    # hello takes its place, so that the district office still writes replies for the desk.
    code, out, err = site.desk("export", str(site.stick))
    assert code == 0 and "nothing to export" in out
    [hello] = site.stick.glob("JGB-01_*.cdb")
    assert hello.name.startswith("JGB-01_to_HUB_hello_") and hello.stat().st_size < 1024
    code, out, err = site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    assert code == 0 and "state of desk JGB-01 received" in out, out + err


def test_second_trip_after_confirmation_sends_plain_bundles(site: Site) -> None:
    site.register(1)
    site.desk("export", str(site.stick))
    site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    site.desk("import", str(site.stick))
    moved = site.register(1)
    code, out, err = site.desk("export", str(site.stick))
    assert code == 0 and "introduces" not in out
    [plain] = list(site.stick.glob("JGB-01_*.cdb"))
    assert "_intro_" not in plain.name  # named by range now: JGB-01_xxxx_000007-000007.cdb
    code, out, err = site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    assert code == 0, err
    assert "accepted 1 event(s)" in out
    site.desk("import", str(site.stick))
    assert site.desk_json("status")["pending"] == 0
    assert moved[0] in {r["receipt"] for r in site.hub_json("requests")}


def test_importing_the_same_stick_twice_adds_nothing(site: Site) -> None:
    site.register(2)
    site.desk("export", str(site.stick))
    code, first, _ = site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    assert code == 0 and "accepted" in first
    before = site.hub_json("desks")
    code, again, err = site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    assert code == 0, err
    assert "duplicate" in again and "accepted" not in again
    after = site.hub_json("desks")
    assert [e["events"] for e in after["desks"][0]["epochs"]] == [
        e["events"] for e in before["desks"][0]["epochs"]
    ]
    assert len(site.hub_json("requests")) == 2
    # The desk importing the same replies twice: the second time is a no-op too.
    site.desk("import", str(site.stick))
    code, out, _ = site.desk("import", str(site.stick))
    assert code == 0 and "already imported" in out


def test_lost_stick_heals_on_the_next_trip(site: Site) -> None:
    site.register(1)
    site.desk("export", str(site.stick / "lost"))  # never reaches the hub
    site.register(1)
    assert site.desk("export", str(site.stick / "trip2"))[0] == 0
    site.hub("import", str(site.stick / "trip2"), "--reply-to", str(site.stick / "trip2"))
    site.desk("import", str(site.stick / "trip2"))
    assert site.desk_json("status")["pending"] == 0
    assert len(site.hub_json("requests")) == 2


def test_no_personal_data_on_the_stick(site: Site) -> None:
    site.register(2, name=NAME_MARKER, nik=NIK_MARKER)
    site.desk("export", str(site.stick))
    site.hub("import", str(site.stick), "--reply-to", str(site.stick))
    site.desk("import", str(site.stick))
    site.register(1, name=NAME_MARKER, nik=NIK_MARKER)
    site.desk("export", str(site.stick))
    files = [p for p in site.stick.rglob("*") if p.is_file()]
    assert len(files) >= 2
    markers = [NAME_MARKER.encode(), NIK_MARKER.encode(), b"Zulkarnain", b"Markerwati"]
    for path in files:
        data = path.read_bytes()
        for marker in markers:
            assert marker not in data, f"{marker!r} in {path.name}"
            assert marker.decode() not in path.name
        # not even as an unencrypted zlib stream
        for start in range(len(data) - 2):
            if data[start] == 0x78 and data[start + 1] in (0x01, 0x5E, 0x9C, 0xDA):
                try:
                    inflated = zlib.decompressobj().decompress(data[start:], 1 << 20)
                except zlib.error:
                    continue
                assert NIK_MARKER.encode() not in inflated


def test_training_desk_cannot_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "demo"
    assert desk_main(["--data-dir", str(root), "demo"]) == 0
    capsys.readouterr()
    code = desk_main(["--data-dir", str(root), "export", str(tmp_path / "stick")])
    _, err = capsys.readouterr()
    assert code == 1 and err.startswith("error: ") and "training desk" in err
    assert err.count("\n") == 1


def test_hub_import_reports_unreadable_path(site: Site) -> None:
    code, out, err = site.hub("import", str(site.stick / "nothing-here"))
    assert code == 1
    assert "no such file or folder" in out
    assert err.startswith("error: ")
