"""Officer sign-in under parallel guessing, per-address throttling and plain-http refusal.

The races are real: 40 requests at once through the Starlette app, each on its own thread
and client address (a botnet, so the per-address throttle does not hide the account's
lockout), with the scrypt check slowed down so that every request overlaps.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from counterdesk.domain import passwords
from counterdesk.domain.passwords import LOCK_SECONDS, MAX_FAILURES
from counterdesk.hub import auth
from counterdesk.hub.app import create_app
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub
from counterdesk.hub.store import HUB_DB_NAME
from counterdesk.hub.throttle import LOGIN_PER_ADDRESS

from ..sync.helpers import make_hub
from .test_auth import ADMIN, PASSWORD, Clock, csrf_of

BURST = 40


class SlowChecks:
    """verify_password that counts the checks of real hashes and holds each one until the
    burst has had its answers (or ``hold`` seconds), so every request overlaps."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.checks = 0
        self.lock = threading.Lock()
        self.answered = threading.Event()
        self.real = passwords.verify_password

    def __call__(self, password: str, stored: str) -> bool:
        if stored != auth._DUMMY_HASH:
            with self.lock:
                self.checks += 1
            self.answered.wait(self.hold)
        return self.real(password, stored)


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    root = make_hub(tmp_path / "hub")
    with Hub.open(root) as hub:
        auth.add_officer(hub, ADMIN, role="admin", password=PASSWORD)
        # every change of locked_until, in order (to show it is never lowered)
        hub.conn.executescript(
            """
            CREATE TABLE lock_log (n INTEGER PRIMARY KEY, old REAL, new REAL);
            CREATE TRIGGER lock_changes AFTER UPDATE OF locked_until ON officers
            WHEN NEW.locked_until != OLD.locked_until
            BEGIN INSERT INTO lock_log (old, new) VALUES (OLD.locked_until, NEW.locked_until);
            END;
            """
        )
    return root


@pytest.fixture
def hub(hub_root: Path) -> Iterator[Hub]:
    with Hub.open(hub_root, clock=Clock()) as h:
        yield h


def _client(app: object, n: int) -> TestClient:
    # https: these come from other computers, through the TLS proxy
    return TestClient(
        app, base_url="https://hub.example", client=(f"10.1.{n // 200}.{n % 200 + 1}", 40000)
    )  # type: ignore[arg-type]


def _post_login(client: TestClient, password: str, name: str = ADMIN) -> int:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": name, "password": password},
        follow_redirects=False,
    )
    return r.status_code


def _burst(app: object, passwords_: list[str], slow: SlowChecks) -> list[int]:
    clients = [_client(app, n) for n in range(len(passwords_))]
    tokens = [csrf_of(c.get("/login").text) for c in clients]
    done = 0
    done_lock = threading.Lock()

    def one(n: int) -> int:
        nonlocal done
        r = clients[n].post(
            "/login",
            data={"csrf_token": tokens[n], "name": ADMIN, "password": passwords_[n]},
            follow_redirects=False,
        )
        with done_lock:
            done += 1
            if done >= len(passwords_) - MAX_FAILURES:
                slow.answered.set()
        return r.status_code

    with ThreadPoolExecutor(len(passwords_)) as pool:
        return list(pool.map(one, range(len(passwords_))))


def _lock_log(root: Path) -> list[tuple[float, float]]:
    with sqlite3.connect(root / HUB_DB_NAME) as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT old, new FROM lock_log ORDER BY n")]


def test_a_parallel_burst_gets_at_most_max_failures_checks_and_the_right_password_is_refused(
    hub: Hub, hub_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowChecks(hold=5)
    monkeypatch.setattr(auth, "verify_password", slow)
    app = create_app(hub)
    # the right password first: it is claimed among the first, and checked while the
    # rest of the burst locks the account
    tried = [PASSWORD] + [f"tebakan-{n:03d}" for n in range(BURST - 1)]
    statuses = _burst(app, tried, slow)

    assert slow.checks <= MAX_FAILURES  # old code: one scrypt check per request
    assert 303 not in statuses, "a password in a burst of guesses got in"
    assert set(statuses) <= {401}
    row = hub.conn.execute("SELECT locked_until FROM officers WHERE name = ?", [ADMIN]).fetchone()
    now = hub.clock().timestamp()
    assert row[0] >= now + LOCK_SECONDS - 1  # locked
    changes = _lock_log(hub_root)
    assert changes, "the account was never locked"
    assert all(new >= old for old, new in changes), f"locked_until lowered: {changes}"

    # the right password alone, later, while locked: still refused, and no check spent
    before = slow.checks
    r_status = _post_login(_client(app, 999), PASSWORD)
    assert r_status == 401 and slow.checks == before


def test_officer_unlock_gets_the_only_admin_back_in(
    hub: Hub, hub_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = SlowChecks(hold=5)
    monkeypatch.setattr(auth, "verify_password", slow)
    app = create_app(hub)
    _burst(app, [f"tebakan-{n:03d}" for n in range(BURST)], slow)
    assert _post_login(_client(app, 998), PASSWORD) == 401  # locked out
    assert hub_main(["--data-dir", str(hub_root), "officer", "unlock", ADMIN]) == 0
    assert f"officer {ADMIN} unlocked" in capsys.readouterr().out
    assert _post_login(_client(app, 997), PASSWORD) == 303


def test_authenticate_in_threads_never_checks_more_than_the_policy(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowChecks(hold=2)
    monkeypatch.setattr(auth, "verify_password", slow)
    results: list[str] = []

    def guess(n: int) -> None:
        try:
            auth.authenticate(hub, ADMIN, PASSWORD if n == 3 else f"salah-{n}")
            results.append("in")
        except auth.AuthenticationError as exc:
            results.append(exc.code)
        if len(results) >= BURST - MAX_FAILURES:
            slow.answered.set()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(BURST)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert slow.checks <= MAX_FAILURES
    assert "in" not in results
    assert results.count("login_locked") >= BURST - MAX_FAILURES


def test_sign_in_is_throttled_per_address(hub: Hub) -> None:
    app = create_app(hub)
    client = _client(app, 5)
    others = [f"budi{n}" for n in range(LOGIN_PER_ADDRESS.limit)]
    for name in others:  # many accounts, one address: no account locks, the address does
        assert _post_login(client, "salah-sekali", name=name) == 401
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf_token": token, "name": ADMIN, "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "Terlalu banyak percobaan" in r.text
    # another address is not held back
    assert _post_login(_client(app, 6), PASSWORD) == 303


def test_right_sign_ins_do_not_use_up_the_address(hub: Hub) -> None:
    app = create_app(hub)
    client = _client(app, 7)
    for _ in range(LOGIN_PER_ADDRESS.limit + 2):
        assert _post_login(client, PASSWORD) == 303
        client.cookies.clear()


@pytest.mark.parametrize(
    ("client_address", "base_url", "allowed"),
    [
        (("192.168.1.20", 50123), "http://hub.local", False),
        (("10.0.0.7", 50123), "http://hub.local", False),
        (("2001:db8::5", 50123), "http://hub.local", False),
        (("127.0.0.1", 50123), "http://127.0.0.1:8750", True),
        (("::1", 50123), "http://[::1]:8750", True),
        (("192.168.1.20", 50123), "https://hub.local", True),
    ],
)
def test_sign_in_over_plain_http_from_another_computer_is_refused(
    hub: Hub, client_address: tuple[str, int], base_url: str, allowed: bool
) -> None:
    client = TestClient(create_app(hub), base_url=base_url, client=client_address)
    page = client.get("/login")
    assert ("HTTP biasa" in page.text) is not allowed  # warned before typing a password
    token = csrf_of(page.text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": ADMIN, "password": PASSWORD},
        follow_redirects=False,
    )
    if allowed:
        assert r.status_code == 303
    else:
        assert r.status_code == 403 and "--allow-plain-http" in r.text
        assert auth.SESSION_COOKIE not in r.headers.get("set-cookie", "")


def test_allow_plain_http_lets_the_lan_sign_in(hub: Hub) -> None:
    app = create_app(hub, allow_plain_http=True)
    client = TestClient(app, base_url="http://hub.local", client=("192.168.1.20", 50123))
    assert _post_login(client, PASSWORD) == 303
