"""A day in the district, through the real command lines.

The hub serves HTTP (uvicorn on a real socket, 127.0.0.1). Two desks, JGB-01 and SLS-01,
sync over HTTP; a third, SDG-01, has no network and only exchanges a folder standing in for
an officer's USB stick (export -> hub import --reply-to -> import). Each registers and
advances requests over two rounds, and the district publishes reference data in between.
At the end the hub lists every request exactly once with its right status, and no desk
has anything pending.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from counterdesk.cli import main as desk_main

from .helpers import ADMIN, PASSWORD

BIN = Path(sys.executable).parent
HTTP_DESKS = ("JGB-01", "SLS-01")
USB_DESK = "SDG-01"
NIKS = ["6107071708800001", "6107055203950002", "6107120101700003", "6107074511880004"]
NAMES = ["Nur'aini Ñurul", "Ahmad bin Ismail", "Yohanes Ahau", "Dayang Jalong"]


class Office:
    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp
        self.capsys = capsys
        self.hub_dir = tmp / "hub"
        self.stick = tmp / "stick"
        self.env = os.environ | {"COUNTERDESK_PASSWORD": PASSWORD, "PYTHONUNBUFFERED": "1"}
        self.env.pop("COUNTERDESK_DATA_DIR", None)
        self.env.pop("COUNTERDESK_HUB_DIR", None)

    def desk_dir(self, code: str) -> Path:
        return self.tmp / code

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            list(args), capture_output=True, text=True, env=self.env, timeout=120, check=False
        )
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
        return done

    def hub(self, *args: str) -> str:
        return self.run(str(BIN / "counterdesk-hub"), "--data-dir", str(self.hub_dir), *args).stdout

    def desk(self, code: str, *args: str) -> str:
        return self.run(
            str(BIN / "counterdesk"), "--data-dir", str(self.desk_dir(code)), *args
        ).stdout

    def desk_json(self, code: str, *args: str) -> Any:
        return json.loads(self.desk(code, *args, "--json"))


@pytest.fixture
def office(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Office:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", PASSWORD)
    return Office(tmp_path, capsys)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(office: Office) -> Iterator[str]:
    """`counterdesk-hub init`, three enrollments, then `counterdesk-hub serve`."""
    office.hub("init", "--district", "Kabupaten Bengkayang")
    for code in (*HTTP_DESKS, USB_DESK):
        enroll_file = office.tmp / f"{code}.cdenroll"
        office.hub("enroll-desk", code, "--post", f"Kantor Camat {code}", "--out", str(enroll_file))
        out = office.desk(code, "enroll", str(enroll_file), "--admin", ADMIN)
        assert f"desk {code}" in out and "enrolled" in out
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "counterdesk-hub"), "--data-dir", str(office.hub_dir), "serve",
         "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=office.env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{url}/api/v1/", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "the hub did not start"
        time.sleep(0.1)
    try:
        yield url
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def register(office: Office, code: str, index: int) -> str:
    """`counterdesk register ... --json`, run in this process (it is the slow part)."""
    name, nik = NAMES[index % len(NAMES)], NIKS[index % len(NIKS)]
    fields = ["address=Dusun Sebunga", "occupation=Petani", "purpose=Sekolah"]
    args = ["--data-dir", str(office.desk_dir(code)), "register", "--service", "SKTM"]
    args += ["--name", name, "--nik", nik, "--field", "household_members=3", "--staff", ADMIN]
    for field in fields:
        args += ["--field", field]
    assert desk_main([*args, "--json"]) == 0
    return str(json.loads(office.capsys.readouterr().out)["receipt"])


def advance(office: Office, code: str, receipt: str, status: str) -> None:
    rc = desk_main(
        ["--data-dir", str(office.desk_dir(code)), "advance", receipt, status, "--staff", ADMIN]
    )
    assert rc == 0
    office.capsys.readouterr()


def usb_trip(office: Office) -> None:
    out = office.desk(USB_DESK, "export", str(office.stick))
    assert "wrote" in out
    out = office.hub("import", str(office.stick), "--reply-to", str(office.stick))
    assert "accepted" in out or "state of desk" in out
    assert f"replies for {USB_DESK}" in out
    out = office.desk(USB_DESK, "import", str(office.stick))
    assert "applied" in out


def test_a_district_day(office: Office, served: str) -> None:
    url = served
    expected: dict[str, tuple[str, str]] = {}  # receipt -> (desk, status)
    index = 0
    for round_ in range(2):
        for code in (*HTTP_DESKS, USB_DESK):
            receipts = []
            for _ in range(3):
                receipts.append(register(office, code, index))
                index += 1
            advance(office, code, receipts[0], "in_progress")
            advance(office, code, receipts[0], "ready")
            advance(office, code, receipts[1], "in_progress")
            expected |= {r: (code, "registered") for r in receipts}
            expected[receipts[0]] = (code, "ready")
            expected[receipts[1]] = (code, "in_progress")
            if round_ == 1:  # a request of the first round moves on
                first = next(r for r, (c, s) in expected.items() if c == code and s == "ready")
                advance(office, code, first, "collected")
                expected[first] = (code, "collected")
        for code in HTTP_DESKS:
            args = ["sync", "--hub", url] if round_ == 0 else ["sync"]  # the address is kept
            out = office.desk(code, *args)
            assert "pending 0 event(s)" in out, out
        usb_trip(office)
        if round_ == 0:  # the district office publishes reference data in between
            office.hub("holidays", "add", "2026-12-25", "Hari Natal")
            office.hub("staff", "add", "andi", "--role", "counter", "--full-name", "Andi")

    # Final checks, each through its command line in its own process.
    for code in HTTP_DESKS:
        office.desk(code, "sync")
    usb_trip(office)
    shown = json.loads(office.hub("requests", "--json"))
    receipts = [r["receipt"] for r in shown]
    assert len(receipts) == len(set(receipts)) == len(expected) == 18
    assert {r["receipt"]: (r["desk"], r["status"]) for r in shown} == expected
    for r in shown:
        assert {"receipt", "desk", "service", "status"} <= r.keys() and r["service"] == "SKTM"
    for code in (*HTTP_DESKS, USB_DESK):
        status = office.desk_json(code, "status")
        assert status["desk"] == code and status["pending"] == 0, status
        assert status["acked_seq"] == status["last_seq"]
        staff = {s["name"] for s in office.desk_json(code, "staff", "list")}
        assert staff == {ADMIN, "andi"}
        mine = {
            r["receipt"]: r["status"] for r in office.desk_json(code, "requests", "--staff", ADMIN)
        }
        assert mine == {r: s for r, (c, s) in expected.items() if c == code}
    desks = json.loads(office.hub("desks", "--json"))["desks"]
    assert {d["desk"]: d["last_contact_via"] for d in desks} == {
        "JGB-01": "http",
        "SLS-01": "http",
        "SDG-01": "usb",
    }
    for d in desks:
        [epoch] = d["epochs"]
        assert epoch["gaps"] == [] and d["quarantined"] == []
        assert d["refdata"].get("holidays") == 1 and d["refdata"].get("staff") == 1
