"""Officer sign-in at the hub: passwords, lockout, sessions, CSRF, cookies, roles, headers."""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from counterdesk.domain.passwords import MAX_FAILURES
from counterdesk.hub import auth
from counterdesk.hub.app import create_app
from counterdesk.hub.cli import main as hub_main
from counterdesk.hub.hub import Hub

from ..sync.helpers import make_hub

ADMIN = "rina"
OFFICER = "andi"
PASSWORD = "sandi-rahasia-1"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Clock:
    def __init__(self) -> None:
        self.now = datetime.datetime.now(datetime.UTC)  # near the CLI's wall clock

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += datetime.timedelta(seconds=seconds)


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient, name: str = ADMIN, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": name, "password": password},
        follow_redirects=False,
    )
    assert r.status_code == 303 and auth.SESSION_COOKIE in r.headers["set-cookie"], r.text
    # every signed-in page carries the token (the logout form), even a refusal
    return csrf_of(client.get("/admin/holidays").text)


@pytest.fixture
def hub_root(tmp_path: Path) -> Path:
    root = make_hub(tmp_path / "hub")
    with Hub.open(root) as hub:
        auth.add_officer(hub, ADMIN, role="admin", password=PASSWORD, full_name="Rina Wati")
        auth.add_officer(hub, OFFICER, role="officer", password=PASSWORD)
    return root


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(hub_root: Path, clock: Clock) -> Iterator[TestClient]:
    with Hub.open(hub_root, clock=clock) as hub, TestClient(create_app(hub)) as c:
        yield c


def test_pages_need_sign_in_and_go_back_after_it(client: TestClient) -> None:
    r = client.get("/admin/catalogue?x=1", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Fadmin%2Fcatalogue%3Fx%3D1"
    page = client.get(r.headers["location"])
    assert 'name="next" value="/admin/catalogue?x=1"' in page.text
    r = client.post(
        "/login",
        data={
            "csrf_token": csrf_of(page.text),
            "name": ADMIN,
            "password": PASSWORD,
            "next": "/admin/catalogue?x=1",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/admin/catalogue?x=1"
    assert "Katalog layanan" in client.get("/admin/catalogue").text
    # public: the desks' API and the verification page
    assert client.get("/api/v1/").status_code == 200
    client.cookies.clear()
    assert client.get("/verify").status_code == 200
    assert client.get("/api/v1/").json()["district"] == "Kabupaten Bengkayang"


def test_a_new_hub_says_how_to_make_the_first_officer(tmp_path: Path) -> None:
    with Hub.open(make_hub(tmp_path / "new")) as hub, TestClient(create_app(hub)) as c:
        page = c.get("/")
        assert page.url.path == "/login"
        assert "counterdesk-hub officer add NAMA --role admin" in page.text
        auth.add_officer(hub, ADMIN, role="admin", password=PASSWORD)
        assert "officer add" not in c.get("/login").text


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/login", "x"])
def test_next_never_leaves_the_site(client: TestClient, target: str) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": ADMIN, "password": PASSWORD, "next": target},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"


def test_wrong_password_and_unknown_name_get_the_same_message(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    answers = []
    for name, password in [(ADMIN, "salah"), ("nobody", PASSWORD), (ADMIN, "")]:
        r = client.post("/login", data={"csrf_token": token, "name": name, "password": password})
        assert r.status_code == 401
        answers.append(re.search(r'id="login-error"[^>]*>([^<]+)<', r.text).group(1))  # type: ignore[union-attr]
        assert auth.SESSION_COOKIE not in r.headers.get("set-cookie", "")
    assert answers == ["Nama petugas atau kata sandi salah."] * 3


def test_lockout_says_how_long_and_unlock_lifts_it(
    client: TestClient, hub_root: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    token = csrf_of(client.get("/login").text)
    for _i in range(MAX_FAILURES):
        r = client.post("/login", data={"csrf_token": token, "name": ADMIN, "password": "salah"})
        assert r.status_code == 401
    assert "dikunci setelah 5 kali salah kata sandi" in r.text and "15 menit" in r.text
    # locked: even the right password is refused, with the time left
    clock.advance(10 * 60)
    r = client.post("/login", data={"csrf_token": token, "name": ADMIN, "password": PASSWORD})
    assert r.status_code == 401 and "Coba lagi dalam 5 menit" in r.text
    assert hub_main(["--data-dir", str(hub_root), "officer", "list"]) == 0
    assert "LOCKED" in capsys.readouterr().out
    assert hub_main(["--data-dir", str(hub_root), "officer", "unlock", ADMIN]) == 0
    sign_in(client)
    # the lock also expires by itself
    client.cookies.clear()
    token = csrf_of(client.get("/login").text)
    for _ in range(MAX_FAILURES):
        client.post("/login", data={"csrf_token": token, "name": OFFICER, "password": "x"})
    clock.advance(15 * 60 + 1)
    sign_in(client, OFFICER)


def test_every_page_post_needs_the_csrf_token(client: TestClient) -> None:
    app = client.app
    posts = [
        r.path.replace("{code}", "SKTM")
        for r in app.routes  # type: ignore[attr-defined]
        if isinstance(r, Route) and "POST" in (r.methods or ())
    ]
    page_posts = [p for p in posts if not p.startswith("/api/") and p != "/verify"]
    assert {"/login", "/logout", "/admin/catalogue/SKTM", "/admin/desks/enroll"} <= set(page_posts)
    # not signed in
    for path in page_posts:
        r = client.post(path, data={"name": ADMIN, "password": PASSWORD})
        assert r.status_code == 403, path
        assert "token keamanan tidak cocok" in r.text and 'href="/login"' in r.text
    token = sign_in(client)
    for path in page_posts:
        for data in ({}, {"csrf_token": "x" + token[1:]}, {"csrf_token": ""}):
            r = client.post(path, data={**data, "code": "JGB-09", "post": "Kantor"})
            assert r.status_code == 403, (path, data)
    # with the token the same POSTs are answered (the session was not harmed)
    r = client.post(
        "/admin/holidays/add",
        data={"csrf_token": token, "date": "2026-12-25", "name": "Hari Natal"},
    )
    assert r.status_code == 200 and "diterbitkan" in r.text
    # a cross-site page may also send the token in a header: only the right one works
    r = client.post("/logout", headers={"X-CSRF-Token": token}, follow_redirects=False)
    assert r.status_code == 303


def test_login_csrf_is_bound_to_the_browser(client: TestClient, hub_root: Path) -> None:
    token = csrf_of(client.get("/login").text)
    with Hub.open(hub_root) as hub, TestClient(create_app(hub)) as other:
        other.get("/login")  # its own pre-session cookie
        r = other.post("/login", data={"csrf_token": token, "name": ADMIN, "password": PASSWORD})
        assert r.status_code == 403


def test_oversized_form_is_refused(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf_token": token, "name": "x" * (auth.MAX_FORM_BODY + 10)})
    assert r.status_code == 413 and "terlalu besar" in r.text


def test_cookie_flags_and_secure_behind_the_proxy(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": ADMIN, "password": PASSWORD},
        follow_redirects=False,
    )
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("cdhub_session="))
    flags = {part.strip().split("=")[0] for part in cookie.split(";")}
    assert {"HttpOnly", "SameSite", "Path"} <= flags and "Secure" not in flags
    assert "SameSite=Strict" in cookie and "Path=/" in cookie
    # behind nginx with https (X-Forwarded-Proto), the cookie is Secure
    client.cookies.clear()
    page = client.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in page.headers["set-cookie"]
    # (the test client keeps no Secure cookie for http://testserver: hand it back)
    pre = page.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    client.cookies.set(auth.LOGIN_CSRF_COOKIE, pre)
    r = client.post(
        "/login",
        data={"csrf_token": csrf_of(page.text), "name": ADMIN, "password": PASSWORD},
        headers={"X-Forwarded-Proto": "https"},
        follow_redirects=False,
    )
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("cdhub_session="))
    assert cookie.endswith("; Secure")


def test_the_hub_stores_only_a_hash_of_the_session_token(
    client: TestClient, hub_root: Path
) -> None:
    sign_in(client)
    token = client.cookies[auth.SESSION_COOKIE]
    with Hub.open(hub_root) as hub:
        rows = hub.conn.execute("SELECT token_hash FROM officer_sessions").fetchall()
        assert [r[0] for r in rows] == [auth._token_hash(token)]
        dump = "\n".join(hub.conn.iterdump())
    assert token not in dump and PASSWORD not in dump


def test_officer_role_cannot_open_admin_pages(client: TestClient) -> None:
    token = sign_in(client, OFFICER)
    assert client.get("/").status_code == 200
    page = client.get("/")
    assert 'href="/admin/catalogue"' not in page.text
    for path in ["/admin", "/admin/desks", "/admin/catalogue/SKTM", "/admin/staff"]:
        r = client.get(path)
        assert r.status_code == 403 and "hanya untuk petugas dengan peran admin" in r.text
    r = client.post(
        "/admin/holidays/add", data={"csrf_token": token, "date": "2026-10-07", "name": "Hari Jadi"}
    )
    assert r.status_code == 403
    client.cookies.clear()
    sign_in(client, ADMIN)
    assert 'href="/admin/catalogue"' in client.get("/").text
    assert "Hari Jadi" not in client.get("/admin/holidays?year=2026").text


def test_logout_ends_the_session(client: TestClient) -> None:
    token = sign_in(client)
    stolen = client.cookies[auth.SESSION_COOKIE]
    r = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert "Max-Age=0" in r.headers["set-cookie"]
    client.cookies.set(auth.SESSION_COOKIE, stolen)  # replaying the old cookie does not work
    assert client.get("/admin/holidays", follow_redirects=False).status_code == 303


def test_idle_timeout_and_deactivation_end_sessions(
    client: TestClient, clock: Clock, hub_root: Path
) -> None:
    sign_in(client)
    clock.advance(auth.IDLE_SECONDS - 60)
    assert client.get("/admin/holidays", follow_redirects=False).status_code == 200  # still in use
    clock.advance(auth.IDLE_SECONDS - 60)
    assert (
        client.get("/admin/holidays", follow_redirects=False).status_code == 200
    )  # it was touched
    clock.advance(auth.IDLE_SECONDS + 1)
    r = client.get("/admin/holidays", follow_redirects=False)
    assert r.status_code == 303 and "Max-Age=0" in r.headers["set-cookie"]
    # absolute limit, however busy
    client.cookies.clear()
    sign_in(client)
    for _ in range(auth.MAX_AGE_SECONDS // (auth.IDLE_SECONDS - 60) + 2):
        clock.advance(auth.IDLE_SECONDS - 60)
        client.get("/admin/holidays", follow_redirects=False)
    assert client.get("/admin/holidays", follow_redirects=False).status_code == 303
    # deactivated officers are signed out at once
    client.cookies.clear()
    sign_in(client)
    assert hub_main(["--data-dir", str(hub_root), "officer", "deactivate", ADMIN]) == 0
    assert client.get("/admin/holidays", follow_redirects=False).status_code == 303
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf_token": token, "name": ADMIN, "password": PASSWORD})
    assert r.status_code == 401


def test_security_headers(client: TestClient) -> None:
    page = client.get("/login")
    assert page.headers["x-frame-options"] == "DENY"
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text
    sign_in(client)
    for path in ["/", "/admin/desks", "/admin/catalogue/SKTM"]:
        r = client.get(path)
        assert r.headers["cache-control"] == "no-store", path
        assert r.headers["x-frame-options"] == "DENY"
        assert "<script" not in r.text
    # the verification page keeps its own policy
    verify = client.get("/verify")
    assert "form-action 'self'" in verify.headers["content-security-policy"]
    assert verify.headers["x-frame-options"] == "DENY"


def test_no_password_or_token_in_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"csrf_token": token, "name": ADMIN, "password": "salah-sekali"})
    csrf = sign_in(client)
    client.post(
        "/admin/staff/add",
        data={
            "csrf_token": csrf,
            "name": "budi",
            "role": "counter",
            "password": "budi-sandi",
            "password2": "budi-sandi",
        },
    )
    client.post("/logout", data={"csrf_token": csrf})
    client.post("/logout", data={"csrf_token": "bad"})
    text = caplog.text
    assert "signed in" in text and "refused" in text  # the log does say what happened
    for secret in ("salah-sekali", PASSWORD, "budi-sandi", csrf, token):
        assert secret not in text


def test_officer_cli(
    hub_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ["--data-dir", str(hub_root)]
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "baru-sekali-1")
    assert (
        hub_main(
            [*root, "officer", "add", "Dewi", "--role", "officer", "--full-name", "Dewi  Lestari"]
        )
        == 0
    )
    assert "officer dewi (officer) created" in capsys.readouterr().out
    assert hub_main([*root, "officer", "list", "--json"]) == 0
    rows = {r["name"]: r for r in __import__("json").loads(capsys.readouterr().out)}
    assert rows["dewi"]["full_name"] == "Dewi Lestari" and "password_hash" not in rows["dewi"]
    monkeypatch.setenv("COUNTERDESK_PASSWORD", "abc")
    assert hub_main([*root, "officer", "add", "dewi", "--role", "admin"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        hub_main([*root, "officer", "add", "dewi", "--role", "chief"])
    assert usage.value.code == 2
    assert hub_main([*root, "officer", "unlock", "nobody"]) == 1
    assert "no officer named 'nobody'" in capsys.readouterr().err
    monkeypatch.delenv("COUNTERDESK_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert hub_main([*root, "officer", "add", "eko", "--role", "officer"]) == 1
    assert "COUNTERDESK_PASSWORD" in capsys.readouterr().err
