"""The desk's HTTP client for the district hub (httpx), with retries.

Every call's body is a bundle signed by the desk, so the hub knows who is calling. Network
errors, timeouts and 5xx answers are retried with exponential backoff and jitter; a 4xx
answer is the hub refusing, and is raised at once with the hub's reason.

API (all under ``/api/v1/``; see ``counterdesk.hub.app``):

- ``POST hello``: body a ``hello`` (or ``intro``) bundle; answer JSON with the hub's
  signed acknowledgement (``ack``, base64 bundle) and its high-water marks.
- ``PUT bundles/{bundle_id}``: body an ``events`` (or ``intro``) bundle; the id is the
  idempotency key. Answer JSON ``{"result": "accepted"|"duplicate", ...}``;
  409 when the id is known with other content.
- ``POST replies``: body a ``hello`` bundle; answer JSON ``{"bundles": [base64, ...]}``,
  the hub's replies (acknowledgement, reference data) for this desk.
- ``POST exchange``: body one ``events`` or ``hello`` bundle; answer the hub's reply
  bundles back to back (``application/octet-stream``). This is what the desk uses: one
  round trip per bundle, and no base64 or JSON around the bundles.

Nothing the hub sends is trusted before it is checked: an answer is read as it streams in
and refused once it passes :data:`MAX_RESPONSE_BYTES` (a ``Content-Length`` above it is
refused before reading), compressed transfer encodings are not accepted (a small gzip
answer could unpack to gigabytes), and every call, with its retries, ends within
``deadline`` seconds however slowly the hub drips its answer.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import random
import threading
import time
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from counterdesk.domain.errors import CounterdeskError
from counterdesk.sync.bundle import BundleError, split_bundles

API: Final = "/api/v1"
USER_AGENT: Final = "counterdesk-desk/1"
# The hub answers with an acknowledgement and reference data: a few hundred KiB at most.
MAX_RESPONSE_BYTES: Final = 32 * 1024 * 1024
MAX_ERROR_BYTES: Final = 64 * 1024  # of a refusal, only the reason is kept
DEADLINE_SECONDS: Final = 300.0  # one call with all its retries


class HubError(CounterdeskError):
    """The hub could not be reached, or refused the call."""

    def __init__(self, message: str, *, status: int = 0, code: str = "hub_error") -> None:
        super().__init__(message, code=code)
        self.status = status


class HubRefused(HubError):
    """A 4xx answer: the hub says no, and saying the same again will not help."""


class HubUnreachable(HubError):
    """Network errors or 5xx answers, still failing after the retries."""


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CounterdeskError(
            f"{url!r} is not a hub address; give one like http://10.61.7.1:8750",
            code="hub_url",
        )
    return url.rstrip("/")


class HubClient:
    """One hub; a thin wrapper over ``httpx.Client``. Use as a context manager."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 30.0,
        deadline: float = DEADLINE_SECONDS,
        max_response: int = MAX_RESPONSE_BYTES,
        attempts: int = 5,
        base_delay: float = 0.5,
        max_delay: float = 8.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.url = check_url(url)
        self.deadline = deadline
        self.max_response = max_response
        self.attempts = max(1, attempts)
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep
        self.jitter = jitter
        self.retries = 0  # how many times a call was repeated (for reports and tests)
        self._timeout = timeout
        self._transport = transport
        self._client = self._new_client()

    def _new_client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.url + API,
            timeout=self._timeout,
            transport=self._transport,
            headers={"user-agent": USER_AGENT, "accept-encoding": "identity"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # calls ------------------------------------------------------------------
    def hello(self, body: bytes) -> dict[str, Any]:
        return self._call("POST", "/hello", body)

    def upload(self, bundle_id: str, body: bytes) -> dict[str, Any]:
        return self._call("PUT", f"/bundles/{bundle_id}", body)

    def replies(self, body: bytes) -> list[bytes]:
        answer = self._call("POST", "/replies", body)
        raw = answer.get("bundles")
        if not isinstance(raw, list):
            raise HubRefused("the hub's answer has no list of replies", code="hub_protocol")
        out: list[bytes] = []
        for item in raw:
            try:
                out.append(base64.b64decode(str(item), validate=True))
            except (binascii.Error, ValueError):
                raise HubRefused(
                    "the hub sent a reply that is not base64", code="hub_protocol"
                ) from None
        return out

    def exchange(self, body: bytes) -> list[bytes]:
        """Send one bundle; the hub's reply bundles (acknowledgement first)."""
        response = self._send("POST", "/exchange", body)
        if response.headers.get("content-type", "").split(";")[0] != "application/octet-stream":
            raise HubRefused(
                f"the hub's answer is not bundles (is {self.url} a counterdesk hub?)",
                status=response.status_code,
                code="hub_protocol",
            )
        try:
            return split_bundles(response.content)
        except BundleError as exc:
            raise HubRefused(f"the hub's answer is damaged: {exc}", code="hub_protocol") from None

    # plumbing ---------------------------------------------------------------
    def _delay(self, attempt: int) -> float:
        """Exponential backoff with "equal jitter": half fixed, half random."""
        ceiling = float(min(self.max_delay, self.base_delay * (2 ** (attempt - 1))))
        return ceiling / 2 + float(self.jitter()) * ceiling / 2

    def _call(self, method: str, path: str, body: bytes) -> dict[str, Any]:
        return _json(self._send(method, path, body))

    def _send(self, method: str, path: str, body: bytes) -> httpx.Response:
        problem = ""
        end = time.monotonic() + self.deadline
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                pause = self._delay(attempt - 1)
                if time.monotonic() + pause >= end:
                    break
                self.retries += 1
                self.sleep(pause)
            left = end - time.monotonic()
            if left <= 0:
                break
            try:
                response = self._attempt(method, path, body, left)
            except httpx.TransportError as exc:
                problem = f"cannot reach the hub at {self.url}: {exc or type(exc).__name__}"
                continue
            except _TooSlow:
                problem = (
                    f"the hub at {self.url} did not finish its answer within "
                    f"{self.deadline:g} seconds (a very slow or stuck link)"
                )
                break
            status = response.status_code
            if status < 300:
                return response
            reason = _reason(response)
            if status in (404, 405) and path == "/exchange":
                raise HubRefused(
                    f"the hub at {self.url} is older than this desk (it has no {API}{path}); "
                    "update the hub first",
                    status=status,
                    code="hub_refused",
                )
            if 400 <= status < 500 and status not in (408, 429):
                raise HubRefused(f"the hub refused: {reason}", status=status, code="hub_refused")
            problem = f"the hub at {self.url} answered {status}: {reason}"
        if not problem or problem.endswith("stuck link)"):
            problem = problem or (
                f"the hub at {self.url} did not answer within {self.deadline:g} seconds"
            )
            raise HubUnreachable(
                f"{problem}; nothing is lost, try again later", code="hub_unreachable"
            )
        raise HubUnreachable(
            f"{problem} (tried {self.attempts} times; nothing is lost, try again later)",
            code="hub_unreachable",
        )

    def _attempt(self, method: str, path: str, body: bytes, left: float) -> httpx.Response:
        """One request, in a helper thread so that it ends within ``left`` seconds even when
        the hub drips its headers; its answer read with the size cap."""
        client = self._client
        outcome: list[httpx.Response | BaseException] = []
        done = threading.Event()

        def run() -> None:
            try:
                outcome.append(self._request(client, method, path, body, time.monotonic() + left))
            except BaseException as exc:  # handed to the caller
                outcome.append(exc)
            finally:
                done.set()

        worker = threading.Thread(target=run, name="counterdesk-hub-call", daemon=True)
        worker.start()
        if not done.wait(left):
            # Leave the stuck request behind: it ends with the connection's read timeout;
            # its client is closed then, and later calls use a fresh one.
            self._client = self._new_client()
            threading.Thread(
                target=_close_after,
                args=(worker, client),
                name="counterdesk-hub-close",
                daemon=True,
            ).start()
            raise _TooSlow
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def _request(
        self, client: httpx.Client, method: str, path: str, body: bytes, end: float
    ) -> httpx.Response:
        headers = {"content-type": "application/octet-stream"}
        with client.stream(method, path, content=body, headers=headers) as response:
            ok = response.status_code < 300
            cap = self.max_response if ok else MAX_ERROR_BYTES
            encoding = response.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise HubRefused(
                    f"the hub's answer is compressed ({encoding[:40]}), which this desk does "
                    f"not accept (is {self.url} a counterdesk hub?)",
                    status=response.status_code,
                    code="hub_protocol",
                )
            declared = response.headers.get("content-length", "").strip()
            if ok and declared.isdigit() and (len(declared) > 18 or int(declared) > cap):
                raise _too_large(self.url, cap)
            chunks: list[bytes] = []
            size = 0
            for piece in response.iter_bytes():  # identity only (checked above)
                size += len(piece)
                if size > cap:
                    if not ok:
                        break  # a refusal: its beginning is enough for the reason
                    raise _too_large(self.url, cap)
                chunks.append(piece)
                if time.monotonic() > end:
                    raise _TooSlow
            return httpx.Response(
                response.status_code,
                headers=response.headers,
                content=b"".join(chunks),
                request=response.request,
            )


class _TooSlow(Exception):
    """The call went past its deadline."""


def _too_large(url: str, cap: int) -> HubRefused:
    return HubRefused(
        f"the hub's answer is larger than {cap} bytes; refused (is {url} a counterdesk hub?)",
        code="hub_protocol",
    )


def _close_after(worker: threading.Thread, client: httpx.Client) -> None:
    worker.join()
    with contextlib.suppress(Exception):  # the call was given up: nobody to tell
        client.close()


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        obj = response.json()
    except ValueError:
        raise HubRefused(
            f"the hub's answer is not JSON (is {response.url} a counterdesk hub?)",
            status=response.status_code,
            code="hub_protocol",
        ) from None
    if not isinstance(obj, dict):
        raise HubRefused("the hub's answer is not a JSON object", code="hub_protocol")
    return obj


def _reason(response: httpx.Response) -> str:
    try:
        obj = response.json()
    except ValueError:
        obj = None
    if isinstance(obj, dict) and isinstance(obj.get("error"), str):
        return str(obj["error"])[:500]
    text = response.text.strip().replace("\n", " ")
    return f"HTTP {response.status_code} {text[:200]}".strip()
