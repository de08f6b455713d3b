"""The app survives many Qt calls (PySide6 6.12.0 on Python 3.11 loses references)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import counterdesk.gui  # noqa: F401  (applies the protection)
from counterdesk.gui import refcounts


class Emitter(QObject):
    ping = Signal(object)


def test_many_void_calls_and_emits_do_not_abort() -> None:
    obj = Emitter()
    obj.ping.connect(lambda value: None)
    for i in range(20_000):
        obj.setObjectName("x")
        obj.ping.emit(i)
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0
    assert refcounts.protect() is False  # applied once at most
