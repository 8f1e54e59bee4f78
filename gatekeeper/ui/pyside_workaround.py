"""Keep PySide6 6.12.0's Signal.emit() from killing the kiosk on CPython 3.11.

``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so every
emit of a Python-declared signal drops ``True``'s reference count by one. CPython 3.12+
makes ``True``/``False`` immortal, so nothing happens there; on 3.11 the count (a few
hundred at start-up) reaches zero after some hundreds of emits and the interpreter
aborts ("bool_dealloc: deallocating True or False"). A kiosk emits that many signals
in a few minutes. See ``tests/ui/test_kiosk_pyside_workaround.py``.

The fix makes the two bools practically immortal, as 3.12 does: their counts are
raised by 2**40 once, which no day at the gate can use up. Remove it once the venv's
PySide6 returns a new reference (check with the test above, without this module).
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_applied = False


def apply() -> bool:
    """Raise the bools' reference counts once (CPython < 3.12 only); True if applied now."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += HEADROOM
    _applied = True
    return True
