"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12.0 on CPython 3.11.

PySide6 6.12.0 (wheels tagged cp310-abi3) returns ``None`` from every void
method, and the bool from ``SignalInstance.emit()``, without taking a
reference, as if those objects were immortal -- which they are only from
CPython 3.12 on. On 3.11 each such call lowers their reference count by one,
and after a few thousand calls (``True`` starts near 50) Python aborts with
"Fatal Python error: none_dealloc" (or "bool_dealloc").

``protect()`` checks for the leak once and, when present, raises the three
reference counts by 2**40, which is what CPython 3.12 does to make them
immortal. It changes nothing on a fixed PySide6 or a newer Python.
Remove this module once the project requires Python >= 3.12 or a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

BOOST = 1 << 40
_done = False


class _Probe(QObject):
    ping = Signal()


def leaks() -> bool:
    """True when void calls or emits lose references (the PySide6 6.12.0 bug)."""
    probe = _Probe()
    tries = 16
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(tries):
        probe.setObjectName("probe")  # a void method
        probe.ping.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    return lost_none >= tries or lost_true >= tries


def protect() -> bool:
    """Apply the fix when needed (once); True when it was applied."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not leaks():
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += BOOST
    _done = True
    return True
