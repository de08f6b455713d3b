"""An administrator deactivates (and activates again) an account and gives it a new
password; district accounts and one's own account are not changed here."""

from __future__ import annotations

import pytest

from counterdesk.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from counterdesk.domain.roles import Role
from counterdesk.services.desk import Desk
from counterdesk.services.staff import (
    StaffSession,
    add_staff,
    authenticate,
    list_staff,
    reset_password,
    set_staff_active,
)


@pytest.fixture
def rina(desk: Desk, session: StaffSession) -> StaffSession:
    add_staff(
        desk, session, name="rina", full_name="Rina", role=Role.SUPERVISOR, password="rahasia-99"
    )
    return authenticate(desk, "rina", "rahasia-99")


def _events(desk: Desk) -> list[str]:
    return [
        str(r["data"])
        for r in desk.conn.execute("SELECT data FROM events WHERE kind = 'staff_changed'")
    ]


def test_a_deactivated_account_cannot_log_in_until_activated(
    desk: Desk, session: StaffSession, rina: StaffSession
) -> None:
    set_staff_active(desk, session, "rina", False)
    assert not next(r for r in list_staff(desk) if r["name"] == "rina")["active"]
    with pytest.raises(AuthenticationError):
        authenticate(desk, "rina", "rahasia-99")
    set_staff_active(desk, session, "rina", False)  # already: nothing more recorded
    set_staff_active(desk, session, "rina", True)
    assert authenticate(desk, "rina", "rahasia-99").name == "rina"
    events = _events(desk)
    assert len(events) == 2 and '"active": false' in events[0] and '"active": true' in events[1]


def test_a_new_password_replaces_the_old_and_lifts_a_lockout(
    desk: Desk, session: StaffSession, rina: StaffSession
) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            authenticate(desk, "rina", "salah-salah")
    reset_password(desk, session, "rina", "baru-sekali-1")
    assert authenticate(desk, "rina", "baru-sekali-1").name == "rina"
    with pytest.raises(AuthenticationError):
        authenticate(desk, "rina", "rahasia-99")
    events = _events(desk)
    assert len(events) == 1 and "password" in events[0] and "scrypt" not in events[0]
    with pytest.raises(ValidationError) as e:
        reset_password(desk, session, "rina", "ab")  # the password rule applies here too
    assert e.value.code.startswith("password")


def test_only_an_administrator_changes_accounts(
    desk: Desk, session: StaffSession, rina: StaffSession
) -> None:
    with pytest.raises(PermissionDenied):
        set_staff_active(desk, rina, "demo", False)
    with pytest.raises(PermissionDenied):
        reset_password(desk, rina, "demo", "baru-sekali-1")
    assert authenticate(desk, "demo", "demo").name == "demo"


def test_not_ones_own_account_nor_a_district_one_nor_an_unknown_one(
    desk: Desk, session: StaffSession, rina: StaffSession
) -> None:
    for call in (
        lambda: set_staff_active(desk, session, "demo", False),
        lambda: reset_password(desk, session, "demo", "baru-sekali-1"),
    ):
        with pytest.raises(ValidationError) as e:
            call()
        assert e.value.code == "staff_self"
    with desk.transaction():
        desk.conn.execute("UPDATE staff SET source = 'district' WHERE name = 'rina'")
    with pytest.raises(ValidationError) as e:
        set_staff_active(desk, session, "rina", False)
    assert e.value.code == "staff_district"
    with pytest.raises(ValidationError) as e:
        reset_password(desk, session, "ghost", "baru-sekali-1")
    assert e.value.code == "staff_unknown"
    assert next(r for r in list_staff(desk) if r["name"] == "rina")["source"] == "district"
