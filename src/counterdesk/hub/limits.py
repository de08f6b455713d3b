"""How the hub serves: safe defaults for ``counterdesk-hub serve`` and deadlines for bodies.

- It listens on ``127.0.0.1`` unless told otherwise: other computers reach it through the
  shipped nginx TLS proxy (``packaging/hub/nginx-counterdesk-hub.conf``), which also sets the
  limits a Python server cannot (header read timeouts, TLS).
- uvicorn gets limits: idle keep-alive connections are closed after ``KEEP_ALIVE_SECONDS``;
  at most ``MAX_CONCURRENCY`` connections and tasks at once (more get a 503);
  headers and other incomplete events are capped at ``MAX_INCOMPLETE_EVENT_BYTES``;
  proxy headers (X-Forwarded-For/-Proto) are believed only from ``TRUSTED_PROXIES``.
- uvicorn has no deadline for reading a request's body, so the hub's handlers read bodies
  through :func:`chunks_within_deadline` / :func:`receive_within_deadline`: a body must keep
  coming (``BODY_IDLE_SECONDS`` between parts) and be complete within
  ``BODY_TOTAL_SECONDS``; a slow sender gets a 408 and its connection back, not a worker
  held forever (a 256 KiB bundle over a 2 KB/s link still fits).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any, Final

DEFAULT_HOST: Final = "127.0.0.1"
KEEP_ALIVE_SECONDS: Final = 5
MAX_CONCURRENCY: Final = 64
MAX_INCOMPLETE_EVENT_BYTES: Final = 16 * 1024
TRUSTED_PROXIES: Final = "127.0.0.1"
BODY_IDLE_SECONDS: float = 30.0
BODY_TOTAL_SECONDS: float = 180.0

Message = MutableMapping[str, Any]


class SlowBody(Exception):
    """The body did not arrive in time (answer 408)."""

    def __init__(self) -> None:
        super().__init__(
            f"the body did not arrive in time (a pause over {BODY_IDLE_SECONDS:g} s or more "
            f"than {BODY_TOTAL_SECONDS:g} s in all); send it again"
        )


def _remaining(end: float) -> float:
    import asyncio  # here, not at the top: `counterdesk-hub --help` reads DEFAULT_HOST only

    left = min(BODY_IDLE_SECONDS, end - asyncio.get_running_loop().time())
    if left <= 0:
        raise SlowBody
    return left


async def chunks_within_deadline(source: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """The chunks of ``source`` (e.g. ``request.stream()``), or SlowBody."""
    import asyncio

    end = asyncio.get_running_loop().time() + BODY_TOTAL_SECONDS
    it = aiter(source)
    while True:
        try:
            async with asyncio.timeout(_remaining(end)):
                chunk = await anext(it)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise SlowBody from None
        yield chunk


def receive_within_deadline(
    receive: Callable[[], Awaitable[Message]],
) -> Callable[[], Awaitable[Message]]:
    """An ASGI ``receive`` whose ``http.request`` messages must come in time (SlowBody)."""
    import asyncio

    end = asyncio.get_running_loop().time() + BODY_TOTAL_SECONDS

    async def timed() -> Message:
        try:
            async with asyncio.timeout(_remaining(end)):
                return await receive()
        except TimeoutError:
            raise SlowBody from None

    return timed


def uvicorn_options() -> dict[str, Any]:
    """The limits ``counterdesk-hub serve`` passes to ``uvicorn.Config``."""
    return {
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "limit_concurrency": MAX_CONCURRENCY,
        "h11_max_incomplete_event_size": MAX_INCOMPLETE_EVENT_BYTES,
        "proxy_headers": True,
        "forwarded_allow_ips": TRUSTED_PROXIES,
        "server_header": False,
    }
