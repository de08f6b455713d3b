"""Password rules wherever a password is set: hub officers (>= 10 characters), the hub's
district staff accounts, desk staff and the desk's administrator at enrolment (>= 8), and
never the account's name. Existing passwords keep working; only new ones are checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from counterdesk.cli import main as desk_main
from counterdesk.domain.passwords import hash_password
from counterdesk.hub import auth, refdata
from counterdesk.hub.app import create_app
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.services.desk import Desk
from counterdesk.services.staff import authenticate

from .sync.helpers import enrollment_bytes, make_hub


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    return make_hub(tmp_path / "hub")


def _hub(root: Path, *args: str) -> int:
    return hub_main(["--data-dir", str(root), *args])


@pytest.mark.parametrize("role", ["admin", "officer"])
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("1111", "at least 10 characters"),
        ("sandi-123", "at least 10 characters"),  # 9: enough for a desk, not for the hub
        ("dewi-lestari", "not be the account name"),
        ("x" * 257, "at most 256"),
    ],
)
def test_officer_add_refuses_weak_passwords(
    hub_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    role: str,
    password: str,
    message: str,
) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", password)
    assert _hub(hub_root, "officer", "add", "dewi-lestari", "--role", role) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    with Hub.open(hub_root) as hub:
        assert auth.list_officers(hub) == []
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "sandi-1234")  # exactly 10
    assert _hub(hub_root, "officer", "add", "dewi-lestari", "--role", role) == 0


def test_an_existing_short_officer_password_still_signs_in(hub_root: Path) -> None:
    with Hub.open(hub_root) as hub:
        hub.conn.execute(
            "INSERT INTO officers (name, full_name, role, password_hash, active, failed_logins,"
            " locked_until, created_at, changed_at) VALUES ('lama', 'Lama', 'admin', ?, 1, 0, 0,"
            " '', '')",
            [hash_password("1111")],
        )
        assert auth.authenticate(hub, "lama", "1111").is_admin
        with pytest.raises(auth.ValidationError, match="at least 10"):
            auth.add_officer(hub, "lama", role="admin", password="2222")  # a change is checked


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("1234567", "at least 8 characters"),
        ("andi", "at least 8 characters"),
        ("andi.wijaya", "not be the account name"),
    ],
)
def test_hub_staff_add_refuses_weak_passwords(
    hub_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
    message: str,
) -> None:
    monkeypatch.setenv("COUNTERDESK_PASSWORD", password)
    assert _hub(hub_root, "staff", "add", "andi.wijaya", "--role", "admin") == 1
    assert message in capsys.readouterr().err
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "12345678")
    assert _hub(hub_root, "staff", "add", "andi.wijaya", "--role", "admin") == 0


def test_the_hub_staff_form_refuses_the_account_name_as_password(hub_root: Path) -> None:
    with Hub.open(hub_root) as hub:
        auth.add_officer(hub, "rina", role="admin", password="sandi-rahasia-1")
        client = TestClient(create_app(hub))
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
        assert token
        client.post(
            "/login",
            data={"csrf_token": token.group(1), "name": "rina", "password": "sandi-rahasia-1"},
        )
        page = client.get("/admin/staff").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert csrf
        form = {"csrf_token": csrf.group(1), "name": "budiman1", "role": "counter"}
        for password, message in [
            ("budiman1", "Kata sandi tidak boleh sama dengan nama login."),
            ("1234567", "Kata sandi terlalu pendek."),
        ]:
            r = client.post(
                "/admin/staff/add", data={**form, "password": password, "password2": password}
            )
            assert r.status_code == 400 and message in r.text
        assert refdata.list_staff(hub) == []


@pytest.mark.parametrize(
    ("password", "message"),
    [("1111", "at least 8 characters"), ("siti.aminah", "not be the account name")],
)
def test_enroll_refuses_a_weak_administrator_password(
    tmp_path: Path,
    hub_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
    message: str,
) -> None:
    f = tmp_path / "JGB-01.cdenroll"
    f.write_bytes(enrollment_bytes(hub_root))
    root = tmp_path / "desk"
    monkeypatch.setenv("COUNTERDESK_PASSWORD", password)
    assert desk_main(["--data-dir", str(root), "enroll", str(f), "--admin", "siti.aminah"]) == 1
    assert message in capsys.readouterr().err
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "rahasia1")
    assert desk_main(["--data-dir", str(root), "enroll", str(f), "--admin", "siti.aminah"]) == 0
    with Desk.open(root) as desk:
        assert authenticate(desk, "siti.aminah", "rahasia1").role.value == "admin"


def test_desk_staff_add_refuses_weak_passwords(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "desk"
    assert desk_main(["--data-dir", str(root), "demo"]) == 0  # demo/demo still works
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "demo")
    base = ["--data-dir", str(root), "staff", "add", "joko", "--role", "counter", "--staff", "demo"]
    for password, message in [("1234567", "at least 8"), ("joko", "at least 8")]:
        monkeypatch.setenv("COUNTERDESK_NEW_PASSWORD", password)
        capsys.readouterr()
        assert desk_main(base) == 1
        assert message in capsys.readouterr().err
    monkeypatch.setenv("COUNTERDESK_NEW_PASSWORD", "joko-sandi")
    assert desk_main(base) == 0
    with Desk.open(root) as desk:
        assert authenticate(desk, "joko", "joko-sandi").name == "joko"
