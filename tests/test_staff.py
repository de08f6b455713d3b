import pytest

from counterdesk.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from counterdesk.domain.passwords import hash_password, verify_password
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk
from counterdesk.services.staff import StaffSession, add_staff, authenticate, unlock_staff


def test_passwords_are_scrypt_hashes(desk: Desk) -> None:
    stored = desk.conn.execute("SELECT password_hash FROM staff WHERE name='demo'").fetchone()[0]
    assert stored.startswith("scrypt$") and "demo" not in stored
    assert verify_password("demo", stored)
    assert not verify_password("Demo", stored)
    assert hash_password("x") != hash_password("x")  # salted


def test_wrong_password_and_unknown_name_look_the_same(desk: Desk) -> None:
    with pytest.raises(AuthenticationError) as a:
        authenticate(desk, "demo", "nope")
    with pytest.raises(AuthenticationError) as b:
        authenticate(desk, "ghost", "nope")
    assert str(a.value) == str(b.value) == "wrong staff name or password"


def test_lockout_after_five_failures_and_admin_unlock(desk: Desk, session: StaffSession) -> None:
    add_staff(desk, session, name="rina", full_name="Rina", role=Role.COUNTER, password="rahasia-1")
    for _ in range(5):
        with pytest.raises(AuthenticationError, match="wrong"):
            authenticate(desk, "rina", "salah")
    with pytest.raises(AuthenticationError, match="locked"):
        authenticate(desk, "rina", "rahasia-1")  # even the right password
    unlock_staff(desk, session, "rina")
    assert authenticate(desk, "rina", "rahasia-1").role is Role.COUNTER


def test_success_resets_the_failure_count(desk: Desk) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            authenticate(desk, "demo", "x")
    authenticate(desk, "demo", "demo")
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            authenticate(desk, "demo", "x")
    assert authenticate(desk, "demo", "demo").name == "demo"


def test_only_admins_add_staff(desk: Desk, session: StaffSession) -> None:
    add_staff(desk, session, name="rina", full_name="Rina", role=Role.SUPERVISOR, password="abcd-1234")
    rina = authenticate(desk, "rina", "abcd-1234")
    with pytest.raises(PermissionDenied, match="admin"):
        add_staff(desk, rina, name="joko", full_name="Joko", role=Role.COUNTER, password="abcd-1234")
    with pytest.raises(ValidationError, match="already exists"):
        add_staff(desk, session, name="rina", full_name="R", role=Role.COUNTER, password="abcd-1234")
    with pytest.raises(ValidationError, match="at least"):
        add_staff(desk, session, name="budi", full_name="B", role=Role.COUNTER, password="ab")


def test_staff_creation_is_an_event_without_the_hash(desk: Desk, session: StaffSession) -> None:
    add_staff(desk, session, name="rina", full_name="Rina", role=Role.COUNTER, password="rahasia-1")
    row = desk.conn.execute(
        "SELECT staff, data FROM events WHERE kind='staff_created' ORDER BY seq DESC"
    ).fetchone()
    assert row["staff"] == "demo" and "rina" in row["data"] and "scrypt" not in row["data"]
