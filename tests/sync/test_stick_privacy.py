"""No citizen's name or NIK in plain text on a stick: not in the desks' exports, not in the
hub's replies, not in file names, not in any zlib stream a finder could inflate."""

from __future__ import annotations

import re
import shutil
import zlib
from pathlib import Path

import pytest

from counterdesk.hub.cli import main as hub_main
from counterdesk.services import register as register_service
from counterdesk.services.desk import Desk
from counterdesk.services.staff import authenticate
from counterdesk.sync.zdict import DICTIONARY

from .helpers import ADMIN, PASSWORD, enrollment_bytes, letter_for, make_desk, make_hub, usb_trip

# Distinct, valid names and NIKs of Kabupaten Bengkayang (61.07), born 1970-1999.
CITIZENS = [
    (f"Markerwati {first} Zulkarnain", f"610707{day:02d}{month:02d}{year:02d}{serial:04d}")
    for first, day, month, year, serial in [
        ("Dayang", 17, 8, 80, 1),
        ("Yohanes", 52, 3, 95, 2),
        ("Fransiska", 1, 12, 71, 3),
        ("Antonius", 28, 2, 99, 4),
        ("Lusia", 45, 6, 88, 5),
    ]
]


def inflatable(data: bytes) -> list[bytes]:
    """Every zlib stream (with or without the bundles' public dictionary) found in data."""
    out = []
    for m in re.finditer(rb"\x78[\x01\x5e\x9c\xda\x20\x7d\xbb\xf9]", data):
        for zdict in (None, DICTIONARY):
            inflater = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
            try:
                piece = inflater.decompress(data[m.start() :], 1 << 20)
            except zlib.error:
                continue
            if piece:
                out.append(piece)
    return out


def test_nothing_personal_on_the_stick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_root = make_hub(tmp_path / "hub")
    stick = tmp_path / "stick"
    seen = tmp_path / "every-file-ever-on-the-stick"

    def keep(folder: Path) -> None:
        shutil.copytree(folder, seen / f"trip{len(list(seen.glob('trip*')))}")

    monkeypatch.setenv("COUNTERDESK_PASSWORD", "petugas-rahasia")
    desks = [
        Desk.open(make_desk(tmp_path / code, enrollment_bytes(hub_root, code)))
        for code in ("JGB-01", "SLS-01")
    ]
    try:
        for trip in range(3):
            for desk in desks:
                session = authenticate(desk, ADMIN, PASSWORD)
                for name, nik in CITIZENS:
                    register_service.register(
                        desk,
                        session,
                        register_service.Registration(
                            service="SKD",
                            name=name,
                            nik=nik,
                            fields={
                                "address": f"Dusun Sebunga, rumah {name}",
                                "purpose": "Melamar kerja",
                            },
                        ),
                    )
                if trip == 1:
                    number, _ = letter_for(desk)
                    hub_main(["--data-dir", str(hub_root), "revoke-letter", number, "--reason",
                              "salah nama"])  # fmt: skip
                    hub_main(["--data-dir", str(hub_root), "staff", "add", f"petugas{trip}",
                              "--role", "counter", "--full-name", "Petugas Lapangan"])  # fmt: skip
                usb_trip(desk, hub_root, stick)
                keep(stick)
            # a trip with nothing new: the hello file, and replies to it
            usb_trip(desks[0], hub_root, stick)
            keep(stick)
    finally:
        for desk in desks:
            desk.close()
    capsys.readouterr()
    files = [p for p in seen.rglob("*") if p.is_file()]
    kinds = {p.name.split("_")[3] if "_to_" in p.name else "events" for p in files}
    assert kinds == {"events", "hello", "intro", "ack", "refdata"}, kinds
    assert len(files) > 20
    needles = []
    for name, nik in CITIZENS:
        needles += [name, nik, name.split()[1], nik[-10:]]
    needles += ["Markerwati", "Zulkarnain", "petugas-rahasia", "scrypt$"]
    for path in files:
        data = path.read_bytes()
        streams = inflatable(data)
        for needle in needles:
            for form in (needle.encode(), needle.encode("utf-16-le"), needle.lower().encode()):
                assert form not in data, (needle, path.name)
                for stream in streams:
                    assert form not in stream, (needle, path.name)
            assert needle.lower() not in str(path.relative_to(seen)).lower()
