"""The hub's HTTP API (Starlette) and a small dashboard (the public letter check,
``/verify``, is in :mod:`counterdesk.hub.verify_page`).

API, all under ``/api/v1/``; every desk call's body is a bundle signed by the desk (its
pinned key, or at first contact an ``intro`` bundle), so the body is the authentication:

========================  ============================================================
``GET  /api/v1/``          who this hub is (no authentication, no personal data)
``POST /api/v1/hello``     body: ``hello`` bundle; 200 JSON ``{"desk", "hub", "district",
                           "ack": base64 signed ack bundle, "epochs": [...],
                           "max_bundle_bytes"}``
``PUT  /api/v1/bundles/{id}``  body: ``events`` bundle whose id is ``{id}`` (the
                           idempotency key); 200 ``{"result": "accepted"|"duplicate",
                           "new_events", "known_events", "first_contact"}``; 409 when the id
                           was received with other content
``POST /api/v1/replies``   body: ``hello`` bundle; 200 ``{"bundles": [base64, ...]}``
``POST /api/v1/exchange``  body: one ``events`` or ``hello`` bundle (or an ``intro``
                           wrapping one); 200 ``application/octet-stream``: the hub's
                           signed bundles back to back -- the acknowledgement (saying what
                           became of the upload) and, when the desk is behind, reference
                           data. One round trip per bundle: what desks use now
========================  ============================================================

``hello``, ``bundles`` and ``replies`` stay for desks that are not updated yet.

``GET /api/v1/openapi.json`` is the OpenAPI description of all this
(:mod:`counterdesk.hub.openapi`).

Refusals are JSON ``{"error": reason, "code": code}``: 400 malformed (also: any query
parameter, a Content-Length that is not the body's length), 403 key or desk not accepted
(the body is quarantined when the sender is an enrolled desk), 404, 405 (with ``Allow``),
409, 413 body too large (declared or streamed), 415 a Content-Type other than
``application/octet-stream`` (none at all is taken as that, as older desks send none),
503 database busy, or too many bundles being unpacked at once (the desk retries).
Malformed input never causes a 500.

Work before trust is bounded: what one request may unpack (an ``intro``'s payload and its
inner bundle's together) is at most ``MAX_HTTP_PAYLOAD``, checked against the declared
sizes before anything is unpacked; an ``intro`` unpacks to little more than its own size;
and at most ``MAX_UNPACKING`` requests unpack at the same time.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import threading
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from counterdesk.domain.errors import CounterdeskError
from counterdesk.hub.hub import Hub
from counterdesk.hub.ingest import (
    EVENTS_OR_HELLO,
    HELLO_ONLY,
    Opened,
    Refused,
    accept_hello,
    ingest,
    ingest_opened,
    open_desk_bundle,
    quarantine,
)
from counterdesk.hub.ledger import epoch_acks
from counterdesk.hub.limits import SlowBody, chunks_within_deadline
from counterdesk.hub.openapi import BUNDLE_MEDIA_TYPE, openapi_description
from counterdesk.hub.replies import ack_for, replies_for, seal_reply
from counterdesk.hub.web import web_middleware, web_routes
from counterdesk.store.errors import StoreBusy, StoreError
from counterdesk.sync import payloads
from counterdesk.sync.bundle import BundleError, peek_header

log = logging.getLogger("counterdesk.hub")

MAX_BUNDLE_BODY = 1024 * 1024  # desks send <= 256 KiB; some slack for other senders
MAX_HELLO_BODY = 64 * 1024
# Everything unpacked for one request (an intro's payload and its inner bundle's together),
# checked against the declared sizes before anything is unpacked. Desks send <= 240 KiB.
MAX_HTTP_PAYLOAD = 1024 * 1024
# Requests unpacking bundles at the same time; the others wait for their turn (then 503), so
# that many small requests at once cannot add up to more than a few MiB of unpacked data.
MAX_UNPACKING = 4
UNPACK_WAIT_SECONDS = 20.0
_BUNDLE_ID = re.compile(r"[0-9a-f]{32}")


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or f"http_{status}"


def _error(status: int, message: str, code: str = "") -> JSONResponse:
    return JSONResponse({"error": message, "code": code or f"http_{status}"}, status_code=status)


def _check_address(request: Request) -> None:
    """No API address takes a query string: say so rather than ignore it."""
    raw = bytes(request.scope.get("query_string", b""))
    if raw:  # read as bytes: request.url would fail on bytes that are not UTF-8
        text = raw.decode("latin-1")
        names = sorted({part.split("=", 1)[0] for part in text.split("&") if part})[:5]
        shown = ", ".join(repr(n[:40]) for n in names) or repr(text[:40])
        raise ApiError(
            400, f"this address takes no query parameters (got {shown})", "unknown_parameter"
        )


def _check_media_type(request: Request) -> None:
    given = request.headers.get("content-type")
    if given is None:
        return  # older desks send none; the bytes are checked anyway
    media_type = given.split(";", 1)[0].strip().lower()
    if media_type != BUNDLE_MEDIA_TYPE:
        raise ApiError(
            415,
            f"the body must be a bundle sent as {BUNDLE_MEDIA_TYPE}, not {given[:80]!r}",
            "media_type",
        )


def _declared_length(request: Request, limit: int) -> int | None:
    declared = request.headers.get("content-length")
    if declared is None:
        return None
    text = declared.strip()
    if not text.isascii() or not text.isdigit():
        raise ApiError(400, f"bad Content-Length {declared[:40]!r}", "bad_length")
    digits = text.lstrip("0") or "0"
    if len(digits) > 18 or int(digits) > limit:  # (int() refuses very long numbers)
        raise ApiError(
            413,
            f"the body is larger than {limit} bytes (Content-Length {digits[:20]})",
            "too_large",
        )
    return int(digits)


async def _body(request: Request, limit: int) -> bytes:
    _check_media_type(request)
    declared = _declared_length(request, limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in chunks_within_deadline(request.stream()):
            size += len(chunk)
            if size > limit:
                raise ApiError(413, f"the body is larger than {limit} bytes", "too_large")
            chunks.append(chunk)
    except SlowBody as exc:  # uvicorn has no body deadline: a slow sender must not hold on
        raise ApiError(408, str(exc), "slow_body") from None
    except ClientDisconnect:
        # The link was cut while the desk was sending: nothing was stored; it sends again.
        raise ApiError(400, "the desk hung up before the whole body arrived", "cut") from None
    body = b"".join(chunks)
    if declared is not None and declared != size:
        raise ApiError(
            400,
            f"the body has {size} bytes but its Content-Length says {declared}",
            "bad_length",
        )
    if not body:
        raise ApiError(400, "the body is empty: send a bundle", "empty")
    return body


def _check_bundle_id(bundle_id: str) -> None:
    if not _BUNDLE_ID.fullmatch(bundle_id):
        raise ApiError(
            400,
            f"the bundle id in the address is not 32 hex characters: {bundle_id[:40]!r}",
            "bad_bundle_id",
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class HubApi:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self._unpacking = threading.BoundedSemaphore(MAX_UNPACKING)

    def _bounded(self, work: Callable[..., Any], *args: Any) -> Any:
        """Run ``work`` (which unpacks a bundle) while at most MAX_UNPACKING others do."""
        if not self._unpacking.acquire(timeout=UNPACK_WAIT_SECONDS):
            raise ApiError(503, "the hub is busy with other desks; try again shortly", "busy")
        try:
            return work(*args)
        finally:
            self._unpacking.release()

    # -- sync halves, run in the thread pool --------------------------------
    def _refuse(self, body: bytes, refused: Refused, source: str) -> ApiError:
        digest = hashlib.sha256(body).hexdigest()
        quarantine(self.hub, body, digest, refused, source=source, via="http")
        return ApiError(refused.status, str(refused), refused.alert)

    def _open_hello(self, body: bytes) -> tuple[Opened, payloads.Hello]:
        hub = self.hub
        try:
            opened = open_desk_bundle(hub, body, kinds=HELLO_ONLY, max_payload=MAX_HTTP_PAYLOAD)
            hello = accept_hello(hub, opened, via="http")
        except Refused as refused:
            raise self._refuse(body, refused, "http-hello") from None
        except payloads.PayloadError as exc:
            raise ApiError(400, str(exc), "bad_hello") from None
        return opened, hello

    def hello(self, body: bytes) -> dict[str, Any]:
        opened, _ = self._open_hello(body)
        hub = self.hub
        ack = seal_reply(hub, opened.desk, payloads.ACK, ack_for(hub, opened.desk).encode())
        with hub.lock:
            epochs = [e.to_json() for e in epoch_acks(hub.conn, opened.desk)]
        return {
            "hub": hub.info.code,
            "district": hub.info.district,
            "desk": opened.desk,
            "ack": _b64(ack.data),
            "epochs": epochs,
            "max_bundle_bytes": MAX_BUNDLE_BODY,
        }

    def upload(self, bundle_id: str, body: bytes) -> tuple[int, dict[str, Any]]:
        _check_bundle_id(bundle_id)
        try:
            header = peek_header(body)
        except BundleError as exc:
            raise ApiError(400, f"not a readable bundle: {exc}", "unreadable") from None
        if header.payload_length > MAX_HTTP_PAYLOAD:
            raise ApiError(
                413,
                f"the bundle's payload ({header.payload_length} bytes) is larger than "
                f"{MAX_HTTP_PAYLOAD} bytes; send smaller bundles",
                "too_large",
            )
        if header.bundle_id != bundle_id:
            raise ApiError(
                400,
                f"the address names bundle {bundle_id} but the body is bundle {header.bundle_id}",
                "id_mismatch",
            )
        result = ingest(
            self.hub,
            body,
            source=f"http-{bundle_id}.cdb",
            via="http",
            max_payload=MAX_HTTP_PAYLOAD,
        )
        if result.outcome in ("accepted", "duplicate"):
            return 200, {
                "result": result.outcome,
                "desk": result.desk,
                "new_events": result.new_events,
                "known_events": result.known_events,
                "first_contact": result.first_contact,
            }
        if result.outcome == "skipped":
            raise ApiError(400, result.reason, "not_for_hub")
        code = "bundle_id_reused" if result.outcome == "conflict" else "refused"
        return result.status, {"error": result.reason, "code": code}

    def replies(self, body: bytes) -> dict[str, Any]:
        opened, hello = self._open_hello(body)
        versions = dict(hello.refdata) | {payloads.CATALOGUE: hello.catalogue_version}
        replies = replies_for(self.hub, opened.desk, versions=versions)
        return {"bundles": [_b64(r.data) for r in replies]}

    def exchange(self, body: bytes) -> bytes:
        """One desk bundle in, the hub's replies out (see the module docstring)."""
        hub = self.hub
        try:
            declared = peek_header(body).payload_length
        except BundleError as exc:
            raise ApiError(400, f"not a readable bundle: {exc}", "unreadable") from None
        if declared > MAX_HTTP_PAYLOAD:  # before anything is decompressed
            raise ApiError(
                413,
                f"the bundle's payload ({declared} bytes) is larger than {MAX_HTTP_PAYLOAD} "
                "bytes; send smaller bundles",
                "too_large",
            )
        try:
            opened = open_desk_bundle(
                hub, body, kinds=EVENTS_OR_HELLO, max_payload=MAX_HTTP_PAYLOAD
            )
        except Refused as refused:
            raise self._refuse(body, refused, "http-exchange") from None
        upload = None
        if opened.header.kind == payloads.HELLO:
            try:
                accept_hello(hub, opened, via="http")
            except payloads.PayloadError as exc:
                raise ApiError(400, str(exc), "bad_hello") from None
            except Refused as refused:  # a history rewritten after the hub acknowledged it
                raise self._refuse(body, refused, "http-exchange") from None
        else:
            digest = hashlib.sha256(body).hexdigest()
            source = f"http-{opened.outer.bundle_id}.cdb"
            result = ingest_opened(hub, body, opened, digest=digest, source=source, via="http")
            if result.outcome not in ("accepted", "duplicate"):
                code = "bundle_id_reused" if result.outcome == "conflict" else "refused"
                raise ApiError(result.status, result.reason, code)
            upload = payloads.Upload(
                result.outcome, result.new_events, result.known_events, result.first_contact
            )
        replies = replies_for(
            hub, opened.desk, upload=upload, format_version=opened.header.format_version
        )
        return b"".join(r.data for r in replies)

    # -- endpoints ------------------------------------------------------------
    async def ep_info(self, request: Request) -> Response:
        info = self.hub.info
        return JSONResponse({"api": 1, "hub": info.code, "district": info.district})

    async def ep_hello(self, request: Request) -> Response:
        body = await _body(request, MAX_HELLO_BODY)
        return JSONResponse(await run_in_threadpool(self._bounded, self.hello, body))

    async def ep_openapi(self, request: Request) -> Response:
        return JSONResponse(
            openapi_description(
                max_bundle_body=MAX_BUNDLE_BODY,
                max_hello_body=MAX_HELLO_BODY,
                max_payload=MAX_HTTP_PAYLOAD,
            )
        )

    async def ep_upload(self, request: Request) -> Response:
        bundle_id = str(request.path_params["bundle_id"])
        _check_bundle_id(bundle_id)  # before reading a body that could not be stored
        body = await _body(request, MAX_BUNDLE_BODY)
        status, answer = await run_in_threadpool(self._bounded, self.upload, bundle_id, body)
        return JSONResponse(answer, status_code=status)

    async def ep_replies(self, request: Request) -> Response:
        body = await _body(request, MAX_HELLO_BODY)
        return JSONResponse(await run_in_threadpool(self._bounded, self.replies, body))

    async def ep_exchange(self, request: Request) -> Response:
        body = await _body(request, MAX_BUNDLE_BODY)
        answer = await run_in_threadpool(self._bounded, self.exchange, body)
        return Response(answer, media_type="application/octet-stream")


def _guard(
    handler: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """Turn every refusal into a JSON 4xx; a busy database into 503 (the desk retries)."""

    async def wrapped(request: Request) -> Response:
        try:
            _check_address(request)
            return await handler(request)
        except ApiError as exc:
            return _error(exc.status, exc.message, exc.code)
        except StoreBusy as exc:
            return _error(503, str(exc), "busy")
        except StoreError as exc:
            log.error("hub database error: %s", exc)
            return _error(503, "the hub cannot use its database right now", "store")
        except (CounterdeskError, BundleError) as exc:
            return _error(400, str(exc), getattr(exc, "code", "refused"))

    return wrapped


async def _not_found(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        response = _error(exc.status_code, str(exc.detail))
        if exc.headers:  # e.g. Allow with a 405
            response.headers.update(exc.headers)
        return response
    return _error(404, "not found")


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error in %s %s", request.method, request.scope.get("path", "?"))
    return _error(500, "internal error in the hub (see its log)", "internal")


class _Utf8Addresses:
    """Outermost: an address (path or query string) that is not UTF-8 gets a 400 before
    anything parses it (Starlette's URL and query parsing would raise: a 500)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            try:
                bytes(scope.get("query_string", b"")).decode("utf-8")
                raw_path = scope.get("raw_path")
                if raw_path is not None:
                    unquote_to_bytes(bytes(raw_path)).decode("utf-8")
            except UnicodeDecodeError:
                response = _error(400, "the address is not valid UTF-8", "bad_address")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(hub: Hub, *, allow_plain_http: bool = False) -> Starlette:
    """The hub's application; ``allow_plain_http`` lets officers sign in over plain http
    from other computers (refused by default: see :func:`counterdesk.hub.auth.login_routes`)."""
    with hub.lock:  # load what every request reads, once, before threads share it
        hub.info  # noqa: B018
        hub.keys  # noqa: B018
    api = HubApi(hub)
    routes = [
        Route("/api/v1/", _guard(api.ep_info), methods=["GET"]),
        Route("/api/v1/openapi.json", _guard(api.ep_openapi), methods=["GET"]),
        Route("/api/v1/hello", _guard(api.ep_hello), methods=["POST"]),
        Route("/api/v1/bundles/{bundle_id}", _guard(api.ep_upload), methods=["PUT"]),
        Route("/api/v1/replies", _guard(api.ep_replies), methods=["POST"]),
        Route("/api/v1/exchange", _guard(api.ep_exchange), methods=["POST"]),
        *web_routes(
            hub, allow_plain_http=allow_plain_http
        ),  # pages for people: /verify, the dashboard, administration
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(_Utf8Addresses), *web_middleware(hub)],
        exception_handlers={HTTPException: _not_found, 500: _server_error},
    )
