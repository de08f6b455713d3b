"""The hub's in-memory rate limits: a sliding window per key, bounded in size."""

from __future__ import annotations

import pytest

from counterdesk.hub.throttle import Limit, Throttle, client_address


class Tick:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_key_gets_its_limit_per_window_then_waits() -> None:
    tick = Tick()
    t = Throttle(Limit(3, 60), clock=tick)
    assert [t.claim("a") for _ in range(3)] == [None, None, None]
    assert t.claim("a") == 60
    assert t.claim("b") is None  # another key is not held back
    tick.now += 59.5
    assert t.claim("a") == 1
    tick.now += 1
    assert t.claim("a") is None  # the oldest event left the window


def test_give_back_returns_one_event() -> None:
    t = Throttle(Limit(2, 60), clock=Tick())
    t.claim("a")
    t.claim("a")
    t.give_back("a")
    assert t.claim("a") is None and t.claim("a") is not None
    t.give_back("nobody")  # harmless


def test_memory_is_bounded_by_forgetting_the_least_recent_key() -> None:
    t = Throttle(Limit(1, 60), max_keys=100, clock=Tick())
    t.claim("first")
    for n in range(10_000):
        t.claim(f"10.0.{n // 256}.{n % 256}")
    assert len(t) == 100
    assert t.claim("first") is None  # forgotten (and remembered again)


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        Throttle(Limit(0, 60))


def test_client_address() -> None:
    assert client_address({"client": ("192.0.2.1", 5)}) == "192.0.2.1"
    assert client_address({"client": None}) == "unknown"
