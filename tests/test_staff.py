import threading
import time
from pathlib import Path

import pytest

from counterdesk.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from counterdesk.domain.passwords import LOCK_SECONDS, MAX_FAILURES, hash_password, verify_password
from counterdesk.domain.roles import Role
from counterdesk.services import staff as staff_module
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
    add_staff(
        desk, session, name="rina", full_name="Rina", role=Role.SUPERVISOR, password="abcd-1234"
    )
    rina = authenticate(desk, "rina", "abcd-1234")
    with pytest.raises(PermissionDenied, match="admin"):
        add_staff(
            desk, rina, name="joko", full_name="Joko", role=Role.COUNTER, password="abcd-1234"
        )
    with pytest.raises(ValidationError, match="already exists"):
        add_staff(
            desk, session, name="rina", full_name="R", role=Role.COUNTER, password="abcd-1234"
        )
    with pytest.raises(ValidationError, match="at least"):
        add_staff(desk, session, name="budi", full_name="B", role=Role.COUNTER, password="ab")


def test_staff_creation_is_an_event_without_the_hash(desk: Desk, session: StaffSession) -> None:
    add_staff(desk, session, name="rina", full_name="Rina", role=Role.COUNTER, password="rahasia-1")
    row = desk.conn.execute(
        "SELECT staff, data FROM events WHERE kind='staff_created' ORDER BY seq DESC"
    ).fetchone()
    assert row["staff"] == "demo" and "rina" in row["data"] and "scrypt" not in row["data"]


def test_parallel_guesses_at_the_desk_get_at_most_the_policys_checks(
    desk: Desk, session: StaffSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several processes (here: threads, each with its own connection) guessing at once:
    the attempt is claimed before the scrypt check, so no more than MAX_FAILURES checks,
    the lock is never lowered, and the right password inside the burst is refused."""
    add_staff(desk, session, name="rina", full_name="Rina", role=Role.COUNTER, password="rahasia-1")
    burst = 16
    checks = 0
    count_lock = threading.Lock()
    answered = threading.Event()
    real = staff_module.verify_password

    def slow_check(password: str, stored: str) -> bool:
        nonlocal checks
        with count_lock:
            checks += 1
        answered.wait(5)  # hold every check until the burst has had its answers
        return real(password, stored)

    monkeypatch.setattr(staff_module, "verify_password", slow_check)
    desks = [Desk.open(desk.paths.root) for _ in range(burst)]
    results: list[str] = []
    locks: list[float] = []

    def guess(n: int) -> None:
        try:
            authenticate(desks[n], "rina", "rahasia-1" if n == 0 else f"tebakan-{n}")
            results.append("in")
        except AuthenticationError as exc:
            results.append(exc.code)
        row = desks[n].conn.execute("SELECT locked_until FROM staff WHERE name='rina'")
        locks.append(row.fetchone()[0])
        if len(results) >= burst - MAX_FAILURES:
            answered.set()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(burst)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for d in desks:
        d.close()
    assert checks <= MAX_FAILURES  # before: one scrypt check per guess
    assert "in" not in results
    final = desk.conn.execute("SELECT locked_until FROM staff WHERE name='rina'").fetchone()[0]
    assert final > time.time() + LOCK_SECONDS - 60
    assert min(locks[burst - MAX_FAILURES :]) > 0  # once locked, never set back to 0
    with pytest.raises(AuthenticationError, match="locked"):
        authenticate(desk, "rina", "rahasia-1")
    unlock_staff(desk, session, "rina")
    assert authenticate(desk, "rina", "rahasia-1").name == "rina"


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("budi", "1234567", "at least 8"),
        ("budi", "budi", "at least 8"),
        ("budiono1", "budiono1", "not be the account name"),
        ("budiono1", "BUDIONO1", "not be the account name"),
        ("budi", "x" * 257, "at most 256"),
    ],
)
def test_desk_staff_password_rules(
    desk: Desk, session: StaffSession, name: str, password: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        add_staff(desk, session, name=name, full_name="B", role=Role.COUNTER, password=password)
    add_staff(desk, session, name=name, full_name="B", role=Role.ADMIN, password="12345678")
    assert authenticate(desk, name, "12345678").role is Role.ADMIN


def test_the_demo_account_is_an_exception_only_on_a_training_desk(tmp_path: Path) -> None:
    from counterdesk.services.setup import DEMO_PASSWORD, DEMO_STAFF, create_desk

    with pytest.raises(ValidationError, match="at least 8"):
        create_desk(
            tmp_path / "real",
            code="JGB-01",
            name="Meja 1",
            post="Kantor Camat",
            district="Bengkayang",
            training=False,
            admin_name=DEMO_STAFF,
            admin_password=DEMO_PASSWORD,
        )
    with pytest.raises(ValidationError, match="at least 8"):
        create_desk(
            tmp_path / "other",
            code="LATIH-02",
            name="Meja latihan",
            post="Latihan",
            district="Bengkayang",
            training=True,
            admin_name="kepala",
            admin_password="1111",
        )
