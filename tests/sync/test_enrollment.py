"""The enrollment file and `counterdesk enroll`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterdesk.cli import main as desk_main
from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.services.staff import authenticate
from counterdesk.services.sync_link import load_link
from counterdesk.sync.enrollment import (
    EnrollmentError,
    enrollment_signing_key,
    fingerprint,
    read_enrollment,
)

from .helpers import ADMIN, PASSWORD, enrollment_bytes, make_hub


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


def test_enrollment_file_round_trip(hub_root: Path) -> None:
    data = enrollment_bytes(hub_root, "SDG-02")
    e = read_enrollment(data)
    assert e.desk == "SDG-02" and e.hub == "HUB" and e.district == "Kabupaten Bengkayang"
    assert len(e.secret) == 32 and e.catalogue["services"]
    with Hub.open(hub_root) as hub:
        assert fingerprint(e.hub_sign_key()) == fingerprint(hub.keys.sign_public)
        secret = bytes(hub.conn.execute("SELECT enrollment_secret FROM desks").fetchone()[0])
    assert secret == e.secret
    # both ends derive the same first-contact key; another desk code gives another key
    k1 = enrollment_signing_key(e.secret, e.enrollment_id, "SDG-02").public_key()
    k2 = enrollment_signing_key(e.secret, e.enrollment_id, "SDG-03").public_key()
    assert k1 != k2


def test_altered_or_foreign_files_are_refused(hub_root: Path) -> None:
    data = enrollment_bytes(hub_root)
    doc = json.loads(data)
    doc["enrollment"]["desk"] = "XYZ-99"
    with pytest.raises(EnrollmentError, match="altered"):
        read_enrollment(json.dumps(doc).encode())
    with pytest.raises(EnrollmentError, match="not an enrollment file"):
        read_enrollment(b"\x89PNG\r\n")
    with pytest.raises(EnrollmentError, match="not a counterdesk enrollment file"):
        read_enrollment(b'{"format": "something else"}')
    doc = json.loads(data)
    doc["version"] = 9
    with pytest.raises(EnrollmentError, match="newer"):
        read_enrollment(json.dumps(doc).encode())
    # re-indenting does not matter: the signature covers the canonical content
    assert read_enrollment(json.dumps(json.loads(data)).encode()).desk == "JGB-01"


def run(root: Path, *args: str) -> int:
    return desk_main(["--data-dir", str(root), *args])


def test_enroll_command(
    tmp_path: Path,
    hub_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", PASSWORD)
    f = tmp_path / "JGB-01.cdenroll"
    f.write_bytes(enrollment_bytes(hub_root))
    root = tmp_path / "desk"
    assert run(root, "enroll", str(f), "--admin", ADMIN, "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["desk"] == "JGB-01" and shown["admin"] == ADMIN
    with Desk.open(root) as desk:
        assert desk.info.training is False and desk.info.code == "JGB-01"
        assert authenticate(desk, ADMIN, PASSWORD).role.value == "admin"
        link = load_link(desk)
        assert link.hub == "HUB" and not link.confirmed
        rows = desk.conn.execute("SELECT owner, purpose FROM trusted_keys").fetchall()
        assert {(r[0], r[1]) for r in rows} == {("hub", "sign"), ("hub", "box")}
        assert fingerprint(link.hub_sign) == shown["hub_key"]
    # the same file again, in the same folder: refused, nothing changed
    assert run(root, "enroll", str(f), "--admin", "other") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "already used" in err and err.count("\n") == 1
    # into a training desk's folder: refused
    demo = tmp_path / "demo"
    assert run(demo, "demo") == 0
    capsys.readouterr()
    assert run(demo, "enroll", str(f), "--admin", ADMIN) == 1
    assert "training desk" in capsys.readouterr().err
    # a broken file
    bad = tmp_path / "bad.cdenroll"
    bad.write_text("{}")
    assert run(tmp_path / "x", "enroll", str(bad), "--admin", ADMIN) == 1
    assert not (tmp_path / "x" / "desk.sqlite3").exists()
    assert run(tmp_path / "x", "enroll", str(tmp_path / "missing"), "--admin", ADMIN) == 1
    assert "cannot read" in capsys.readouterr().err


def test_enroll_needs_a_password(
    tmp_path: Path,
    hub_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COUNTERDESK_PASSWORD", raising=False)
    f = tmp_path / "e.cdenroll"
    f.write_bytes(enrollment_bytes(hub_root))
    assert run(tmp_path / "desk", "enroll", str(f), "--admin", ADMIN) == 1
    assert "COUNTERDESK_PASSWORD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        run(tmp_path / "desk", "enroll", str(f))
    assert e.value.code == 2


def test_unenrolled_desk_has_no_link(tmp_path: Path) -> None:
    from counterdesk.services.setup import make_demo

    desk, _ = make_demo(tmp_path / "demo")
    with desk, pytest.raises(CounterdeskError, match="training desk"):
        load_link(desk)
