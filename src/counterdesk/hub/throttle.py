"""In-memory rate limits for the hub's public doors: sign-in attempts per client address,
letter lookups per number and per address on ``/verify``.

A :class:`Throttle` counts events per key in a sliding window (``limit`` per ``window``
seconds). It is bounded: it remembers at most ``max_keys`` keys and forgets the least
recently used one first, so a flood of addresses or numbers cannot grow the hub's memory.
It is per process and is reset by a restart, which is what it is for: slowing down guessing
and scraping, not accounting (the accounts' lockout is in the database).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from starlette.types import Scope

DEFAULT_MAX_KEYS: Final = 10_000


@dataclass(frozen=True)
class Limit:
    limit: int  # events allowed ...
    window: float  # ... per this many seconds


# Sign-in attempts per client address (right ones are given back). Above MAX_FAILURES so
# one officer who mistypes is stopped by the account lockout first, below what a script
# trying many accounts from one address needs.
LOGIN_PER_ADDRESS: Final = Limit(20, 10 * 60)
# /verify lookups: per client address, and per letter number (whoever asks for it).
VERIFY_PER_ADDRESS: Final = Limit(60, 60)
VERIFY_PER_NUMBER: Final = Limit(20, 60)


class Throttle:
    def __init__(
        self,
        rule: Limit,
        *,
        max_keys: int = DEFAULT_MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rule.limit < 1 or rule.window <= 0 or max_keys < 1:
            raise ValueError("a throttle needs a positive limit, window and size")
        self.rule = rule
        self.max_keys = max_keys
        self.clock = clock
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def claim(self, key: str) -> int | None:
        """Count one event for ``key``: None when allowed, else the seconds to wait."""
        now = self.clock()
        with self._lock:
            times = self._seen.get(key)
            if times is None:
                times = self._seen[key] = deque()
            else:
                self._seen.move_to_end(key)
            while times and times[0] <= now - self.rule.window:
                times.popleft()
            if len(times) >= self.rule.limit:
                return max(1, math.ceil(times[0] + self.rule.window - now))
            times.append(now)
            while len(self._seen) > self.max_keys:
                self._seen.popitem(last=False)
            return None

    def give_back(self, key: str) -> None:
        """Forget the latest event of ``key`` (a sign-in that turned out right)."""
        with self._lock:
            times = self._seen.get(key)
            if times:
                times.pop()


def client_address(scope: Scope) -> str:
    """The client's address as the server saw it (behind the shipped nginx, uvicorn's proxy
    headers handling has already put the browser's address there)."""
    client = scope.get("client")
    if client and client[0]:
        return str(client[0])
    return "unknown"
