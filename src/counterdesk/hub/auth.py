"""Officers of the hub: accounts, sign-in, sessions, CSRF and the pages' security headers.

Accounts (``officers``) have a scrypt password hash (:mod:`counterdesk.domain.passwords`) and
the desk's lockout policy: ``MAX_FAILURES`` wrong passwords lock the account for
``LOCK_SECONDS`` (``counterdesk-hub officer unlock NAME`` lifts it, on the server, even for
the only administrator). Each attempt is counted before its scrypt check, in one write
transaction (:mod:`counterdesk.store.lockout`), so parallel guessing gets no more checks than
that, and a right password is refused while the account is locked. An unknown name and a
wrong password get the same message, after the same scrypt work. Sign-in attempts are also
limited per client address (:mod:`counterdesk.hub.throttle`), and a sign-in over plain http
from another computer is refused unless the hub was started with ``--allow-plain-http``.

A session is a random token in an ``HttpOnly; SameSite=Strict; Path=/`` cookie (``Secure``
when the page is served over https, directly or behind the nginx proxy); the hub keeps only
its SHA-256, with the session's CSRF token. A session ends on logout, after ``IDLE_SECONDS``
without a request, after ``MAX_AGE_SECONDS`` in all, and when its officer is deactivated.

:class:`AuthMiddleware` (pure ASGI) guards every page except ``/api/`` (the desks' API, which
has its own signatures), ``/verify`` (public) and ``/login``: a GET without a session goes to
``/login?next=...``; every POST must carry the session's CSRF token (``/login`` carries a
pre-session token, double-submitted as a cookie) or gets a 403 page. The parsed form is left
in ``request.state.form``; ``/admin`` pages are for role ``admin`` only.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qs, quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from counterdesk.domain.errors import AuthenticationError, ValidationError
from counterdesk.domain.passwords import (
    LOCK_SECONDS,
    MAX_FAILURES,
    OFFICER_MIN_LENGTH,
    check_account_name,
    check_new_password,
    hash_password,
    verify_password,
)
from counterdesk.hub.hub import Hub
from counterdesk.hub.limits import SlowBody, receive_within_deadline
from counterdesk.hub.officer_roles import ROLES
from counterdesk.hub.templating import render, templates
from counterdesk.hub.throttle import LOGIN_PER_ADDRESS, Throttle, client_address
from counterdesk.store.lockout import claim_login, refusal_for, settle_login

log = logging.getLogger("counterdesk.hub.auth")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE: Final = "cdhub_session"
LOGIN_CSRF_COOKIE: Final = "cdhub_login_csrf"
IDLE_SECONDS: Final = 30 * 60
MAX_AGE_SECONDS: Final = 12 * 60 * 60
TOUCH_SECONDS: Final = 60  # last_seen is written at most this often per session
MAX_FORM_BODY: Final = 64 * 1024
MAX_FORM_FIELDS: Final = 200
PUBLIC_PATHS: Final = frozenset({"/login", "/verify", "/favicon.ico", "/robots.txt"})
PUBLIC_PREFIXES: Final = ("/api/", "/static/")
ADMIN_PREFIX: Final = "/admin"
_DUMMY_HASH: Final = (
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
)

PAGE_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@dataclass(frozen=True)
class Officer:
    name: str
    full_name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Session:
    officer: Officer
    csrf_token: str
    token_hash: str


def _now(hub: Hub) -> float:
    return hub.clock().timestamp()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_officer_name(name: str) -> str:
    return check_account_name(name, what="officer", code="officer_name")


# --------------------------------------------------------------------------- accounts


def add_officer(hub: Hub, name: str, *, role: str, password: str, full_name: str = "") -> bool:
    """Create an officer, or update one (its role, name and password; it becomes active and
    unlocked). Returns True when the account is new."""
    name = check_officer_name(name)
    if role not in ROLES:
        raise ValidationError(f"role {role!r} is not one of {', '.join(ROLES)}", code="role")
    check_new_password(password, name=name, min_length=OFFICER_MIN_LENGTH)
    full = " ".join(full_name.split()) or name
    if len(full) > 100:
        raise ValidationError("the full name is longer than 100 characters", code="full_name")
    hashed = hash_password(password)
    with hub.transaction():
        new = hub.conn.execute("SELECT 1 FROM officers WHERE name = ?", [name]).fetchone() is None
        now = hub.now_text()
        hub.conn.execute(
            "INSERT INTO officers (name, full_name, role, password_hash, active, failed_logins,"
            " locked_until, created_at, changed_at) VALUES (?, ?, ?, ?, 1, 0, 0, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET full_name = excluded.full_name,"
            " role = excluded.role, password_hash = excluded.password_hash, active = 1,"
            " failed_logins = 0, locked_until = 0, changed_at = excluded.changed_at",
            [name, full, role, hashed, now, now],
        )
        if not new:  # a new password or role: sign the old sessions out
            hub.conn.execute("DELETE FROM officer_sessions WHERE officer = ?", [name])
    return new


def _existing(hub: Hub, name: str) -> str:
    name = name.strip().lower()
    if hub.conn.execute("SELECT 1 FROM officers WHERE name = ?", [name]).fetchone() is None:
        raise ValidationError(f"no officer named {name!r} at this hub", code="officer_unknown")
    return name


def deactivate_officer(hub: Hub, name: str) -> None:
    with hub.transaction():
        name = _existing(hub, name)
        hub.conn.execute(
            "UPDATE officers SET active = 0, changed_at = ? WHERE name = ?",
            [hub.now_text(), name],
        )
        hub.conn.execute("DELETE FROM officer_sessions WHERE officer = ?", [name])


def unlock_officer(hub: Hub, name: str) -> None:
    with hub.transaction():
        name = _existing(hub, name)
        hub.conn.execute(
            "UPDATE officers SET failed_logins = 0, locked_until = 0 WHERE name = ?", [name]
        )


def list_officers(hub: Hub) -> list[dict[str, Any]]:
    """The officers (never their password hashes)."""
    now = _now(hub)
    with hub.lock:
        rows = hub.conn.execute(
            "SELECT name, full_name, role, active, locked_until, created_at, changed_at"
            " FROM officers ORDER BY name"
        ).fetchall()
    return [
        {
            "name": r["name"],
            "full_name": r["full_name"],
            "role": r["role"],
            "active": bool(r["active"]),
            "locked": r["locked_until"] > now,
            "created_at": r["created_at"],
            "changed_at": r["changed_at"],
        }
        for r in rows
    ]


def authenticate(hub: Hub, name: str, password: str) -> Officer:
    """Check a name and password with the desk's lockout policy.

    The attempt is claimed (counted, or refused as locked) in one write transaction before
    the scrypt check (:mod:`counterdesk.store.lockout`), so parallel guesses get at most
    ``MAX_FAILURES`` checks; the outcome is stored in a second one that never shortens a
    lock, and a right password is refused while the account is locked.

    Raises AuthenticationError ``login_failed`` (the same for an unknown name and a wrong
    password) or ``login_locked`` (with ``minutes``).
    """
    name = name.strip().lower()
    account = f"officer {name!r}"
    refused = AuthenticationError("wrong officer name or password", code="login_failed")
    with hub.transaction():
        now = _now(hub)
        attempt = claim_login(hub.conn, "officers", name, now)
        row = hub.conn.execute(
            "SELECT name, full_name, role, password_hash FROM officers WHERE name = ?", [name]
        ).fetchone()
    if attempt is None or row is None:
        verify_password(password, _DUMMY_HASH)  # the same scrypt work either way
        raise refused
    if not attempt.allowed:
        raise refusal_for(attempt, account=account, now=now, wrong=refused)
    good = verify_password(password, row["password_hash"])
    with hub.transaction():
        now = _now(hub)
        outcome = settle_login(
            hub.conn, "officers", name, good=good, now=now, account=account, wrong=refused
        )
    if outcome.locked_now:
        log.warning("officer %r locked after %d wrong passwords", name, MAX_FAILURES)
    if outcome.refusal is not None:
        if good:
            log.warning("officer %r: a right password refused while locked", name)
        raise outcome.refusal
    return Officer(row["name"], row["full_name"], row["role"])


# --------------------------------------------------------------------------- sessions


def start_session(hub: Hub, officer: Officer) -> tuple[str, Session]:
    """A new session for ``officer``: (the token for the cookie, the session)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    digest = _token_hash(token)
    now = _now(hub)
    with hub.transaction():
        hub.conn.execute(
            "DELETE FROM officer_sessions WHERE last_seen < ? OR created_at < ?",
            [now - IDLE_SECONDS, now - MAX_AGE_SECONDS],
        )
        hub.conn.execute(
            "INSERT INTO officer_sessions (token_hash, officer, csrf_token, created_at,"
            " last_seen) VALUES (?, ?, ?, ?, ?)",
            [digest, officer.name, csrf, now, now],
        )
    return token, Session(officer, csrf, digest)


def session_for(hub: Hub, token: str) -> Session | None:
    """The live session of cookie value ``token``; None when unknown, expired or its officer
    was deactivated (an expired one is deleted)."""
    if not token or len(token) > 100:
        return None
    digest = _token_hash(token)
    now = _now(hub)
    with hub.lock:
        row = hub.conn.execute(
            "SELECT s.officer, s.csrf_token, s.created_at, s.last_seen, o.full_name, o.role,"
            " o.active FROM officer_sessions s JOIN officers o ON o.name = s.officer"
            " WHERE s.token_hash = ?",
            [digest],
        ).fetchone()
    if row is None:
        return None
    expired = now - row["last_seen"] > IDLE_SECONDS or now - row["created_at"] > MAX_AGE_SECONDS
    if expired or not row["active"]:
        end_session(hub, digest)
        return None
    if now - row["last_seen"] > TOUCH_SECONDS:
        with hub.transaction():
            hub.conn.execute(
                "UPDATE officer_sessions SET last_seen = ? WHERE token_hash = ?", [now, digest]
            )
    officer = Officer(row["officer"], row["full_name"], row["role"])
    return Session(officer, row["csrf_token"], digest)


def end_session(hub: Hub, token_hash: str) -> None:
    with hub.transaction():
        hub.conn.execute("DELETE FROM officer_sessions WHERE token_hash = ?", [token_hash])


# --------------------------------------------------------------------------- middleware


def cookie_secure(scope: Scope) -> bool:
    """Served over https, directly or behind the proxy (nginx sets X-Forwarded-Proto)."""
    if scope.get("scheme") == "https":
        return True
    proto = Headers(scope=scope).get("x-forwarded-proto", "")
    return proto.split(",")[0].strip().lower() == "https"


def _cookie(name: str, value: str, *, secure: bool, max_age: int | None) -> str:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def session_cookie(token: str, *, secure: bool) -> str:
    return _cookie(SESSION_COOKIE, token, secure=secure, max_age=MAX_AGE_SECONDS)


def clear_cookie(name: str, *, secure: bool) -> str:
    return _cookie(name, "", secure=secure, max_age=0)


def forbidden(
    reason: str, *, back: str = "/", status: int = 403, session: Session | None = None
) -> HTMLResponse:
    """The refusal page (in the layout, with the nav when signed in)."""
    html = (
        templates()
        .get_template("forbidden.html")
        .render(
            reason=reason,
            back=back,
            officer=session.officer if session else None,
            csrf_token=session.csrf_token if session else "",
        )
    )
    return HTMLResponse(html, status_code=status)


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site, never another site or /login."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if any(ch in value for ch in "\r\n\\") or value.startswith("/login"):
        return "/"
    return value


def parse_form(body: bytes) -> dict[str, str]:
    """An ``application/x-www-form-urlencoded`` body as {name: first value}; {} when bad."""
    try:
        fields = parse_qs(
            body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS
        )
    except (UnicodeDecodeError, ValueError):
        return {}
    return {k: v[0] for k, v in fields.items()}


class _TooLarge(Exception):
    pass


async def _read_body(receive: Receive) -> bytes:
    """The whole form body, or _TooLarge; SlowBody when it does not arrive in time."""
    body = b""
    receive = receive_within_deadline(receive)
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _TooLarge  # nothing to answer; treated as a refused request
        chunk: bytes = message.get("body", b"")
        body += chunk
        if len(body) > MAX_FORM_BODY:
            raise _TooLarge
        if not message.get("more_body", False):
            return body


class AuthMiddleware:
    def __init__(self, app: ASGIApp, hub: Hub) -> None:
        self.app = app
        self.hub = hub

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith("/api/"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        method = scope["method"]
        token = request.cookies.get(SESSION_COOKIE, "")
        session = await run_in_threadpool(session_for, self.hub, token) if token else None
        secure = cookie_secure(scope)
        state = scope.setdefault("state", {})
        state["officer"] = session.officer if session else None
        state["session"] = session
        extra_cookies: list[str] = []
        if session is not None:
            state["csrf_token"] = session.csrf_token
        elif path == "/login":
            pre = request.cookies.get(LOGIN_CSRF_COOKIE, "")
            if not re.fullmatch(r"[A-Za-z0-9_-]{43}", pre):
                pre = secrets.token_urlsafe(32)
                extra_cookies.append(_cookie(LOGIN_CSRF_COOKIE, pre, secure=secure, max_age=3600))
            state["csrf_token"] = pre
        else:
            state["csrf_token"] = ""
        if token and session is None:  # a stale cookie: drop it
            extra_cookies.append(clear_cookie(SESSION_COOKIE, secure=secure))

        response: Response | None = None
        if method == "POST" and path != "/verify":
            try:
                body = await _read_body(receive)
            except _TooLarge:
                response = forbidden(
                    "Formulir terlalu besar atau terputus; muat ulang halaman dan coba lagi.",
                    status=413,
                )
            except SlowBody:
                response = forbidden(
                    "Formulir datang terlalu lambat; muat ulang halaman dan coba lagi.",
                    status=408,
                )
            else:
                form = parse_form(body)
                expected = str(state["csrf_token"])
                given = form.get("csrf_token", "") or request.headers.get("x-csrf-token", "")
                if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
                    log.warning("refused %s %s: missing or wrong CSRF token", method, path)
                    back = "/login" if session is None else "/"
                    response = forbidden(
                        "Formulir ini kedaluwarsa atau tidak berasal dari halaman hub "
                        "(token keamanan tidak cocok). Buka halamannya lagi lalu kirim ulang.",
                        back=back,
                        session=session,
                    )
                else:
                    state["form"] = form
                    receive = _replay(body)
        if response is None and session is None and not _is_public(path):
            if method in ("GET", "HEAD"):
                target = path + (
                    f"?{scope['query_string'].decode()}" if scope["query_string"] else ""
                )
                response = RedirectResponse(f"/login?next={quote(target, safe='')}", 303)
            else:
                response = forbidden("Silakan masuk terlebih dahulu.", back="/login")
        if (
            response is None
            and session is not None
            and (path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"))
            and not session.officer.is_admin
        ):
            response = forbidden(
                "Halaman administrasi hanya untuk petugas dengan peran admin.",
                back="/",
                session=session,
            )

        signed_in = session is not None

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "content-security-policy" not in headers:
                    for key, value in PAGE_HEADERS.items():
                        headers[key] = value
                else:
                    headers.setdefault("X-Frame-Options", "DENY")
                if signed_in or path == "/login":
                    headers["Cache-Control"] = "no-store"
                for cookie in extra_cookies:
                    headers.append("set-cookie", cookie)
            await send(message)

        if response is not None:
            await response(scope, receive, send_wrapped)
        else:
            await self.app(scope, receive, send_wrapped)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


# --------------------------------------------------------------------------- pages


def form_of(request: Request) -> dict[str, str]:
    """The form the middleware parsed (and checked the CSRF token of)."""
    form = getattr(request.state, "form", None)
    return dict(form) if isinstance(form, dict) else {}


def _any_officer(hub: Hub) -> bool:
    with hub.lock:
        return hub.conn.execute("SELECT 1 FROM officers LIMIT 1").fetchone() is not None


_PLAIN_HTTP_REFUSED: Final = (
    "Masuk lewat HTTP biasa dari komputer lain ditolak: kata sandi akan terkirim tanpa "
    "enkripsi. Buka hub lewat alamat https:// (nginx dengan TLS, lihat "
    "packaging/hub/nginx-counterdesk-hub.conf), atau, hanya di jaringan yang benar-benar "
    "tertutup, jalankan counterdesk-hub serve --allow-plain-http."
)


def transport_allows_sign_in(scope: Scope) -> bool:
    """A password may come over https, or over plain http from this computer itself
    (loopback, or a Unix socket). ``scope["scheme"]`` is https behind the shipped nginx:
    uvicorn takes X-Forwarded-Proto and X-Forwarded-For only from the trusted proxy
    (``forwarded_allow_ips``, 127.0.0.1 by default), never from anyone else."""
    if scope.get("scheme") in ("https", "wss"):
        return True
    client = scope.get("client")
    host = str(client[0]) if client and client[0] else ""
    if not host:
        return True  # a Unix socket: only this computer can connect
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return True  # not a network address (an in-process test client)
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def login_routes(hub: Hub, *, allow_plain_http: bool = False) -> list[BaseRoute]:
    """``/login`` and ``/logout``. Sign-in is refused over plain http from another
    computer unless ``allow_plain_http``, and throttled per client address
    (:data:`~counterdesk.hub.throttle.LOGIN_PER_ADDRESS`, before any password check)."""
    attempts = Throttle(LOGIN_PER_ADDRESS)

    def transport_ok(request: Request) -> bool:
        return allow_plain_http or transport_allows_sign_in(request.scope)

    def login_page(
        request: Request, *, name: str = "", error: str = "", status: int = 200
    ) -> Response:
        if not error and not transport_ok(request):
            error = _PLAIN_HTTP_REFUSED
        return render(
            request,
            "login.html",
            {
                "district": hub.info.district,
                "name": name,
                "error": error,
                "next": safe_next(request.query_params.get("next")),
                "no_officers": not _any_officer(hub),
            },
            status=status,
        )

    async def get_login(request: Request) -> Response:
        if request.state.officer is not None:
            return RedirectResponse(safe_next(request.query_params.get("next")), 303)
        return login_page(request)

    async def post_login(request: Request) -> Response:
        form = form_of(request)
        name = form.get("name", "").strip().lower()[:64]
        password = form.get("password", "")
        address = client_address(request.scope)
        if not transport_ok(request):
            log.warning("sign-in over plain http from %s refused", address)
            return login_page(request, name=name, error=_PLAIN_HTTP_REFUSED, status=403)
        wait = attempts.claim(address)
        if wait is not None:
            log.warning("sign-in from %s throttled (too many attempts)", address)
            minutes = max(1, round(wait / 60))
            response = login_page(
                request,
                name=name,
                error=f"Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam "
                f"{minutes} menit.",
                status=429,
            )
            response.headers["Retry-After"] = str(wait)
            return response
        try:
            officer = await run_in_threadpool(authenticate, hub, name, password)
        except AuthenticationError as exc:
            log.info("officer sign-in refused for %r (%s)", name, exc.code)
            if exc.code == "login_locked":
                minutes = exc.params.get("minutes", round(LOCK_SECONDS / 60))
                message = (
                    f"Akun ini dikunci setelah {MAX_FAILURES} kali salah kata sandi. "
                    f"Coba lagi dalam {minutes} menit, atau minta admin membukanya "
                    f"(counterdesk-hub officer unlock {name})."
                )
            else:
                message = "Nama petugas atau kata sandi salah."
            return login_page(request, name=name, error=message, status=401)
        attempts.give_back(address)
        old = request.state.session
        if old is not None:
            await run_in_threadpool(end_session, hub, old.token_hash)
        token, _ = await run_in_threadpool(start_session, hub, officer)
        log.info("officer %r signed in", officer.name)
        secure = cookie_secure(request.scope)
        response = RedirectResponse(safe_next(form.get("next")), 303)
        response.headers.append("set-cookie", session_cookie(token, secure=secure))
        response.headers.append("set-cookie", clear_cookie(LOGIN_CSRF_COOKIE, secure=secure))
        return response

    async def post_logout(request: Request) -> Response:
        session = request.state.session
        if session is not None:
            await run_in_threadpool(end_session, hub, session.token_hash)
            log.info("officer %r signed out", session.officer.name)
        response = RedirectResponse("/login", 303)
        response.headers.append(
            "set-cookie", clear_cookie(SESSION_COOKIE, secure=cookie_secure(request.scope))
        )
        return response

    async def favicon(request: Request) -> Response:
        return Response(status_code=204, headers={"Cache-Control": "max-age=86400"})

    return [
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/login", get_login, methods=["GET"]),
        Route("/login", post_login, methods=["POST"]),
        Route("/logout", post_logout, methods=["POST"]),
    ]
