"""Keep PySide6 6.12.0 from killing the kiosk on CPython 3.11.

PySide6 6.12.0 returns ``None``, ``True`` and ``False`` without taking a reference
(as if they were immortal, which they are from CPython 3.12 on): every call of a
void Qt method (``setText``, ``setVisible``, ...) drops ``None``'s reference count by
one, every ``Signal.emit()`` drops ``True``'s. On 3.11 the counts reach zero, and the
interpreter aborts ("none_dealloc"/"bool_dealloc: deallocating ..."): after some
hundreds of emits, or some tens of thousands of widget updates — well within a day at
the gate. See ``tests/ui/test_kiosk_pyside_workaround.py``.

The fix makes the three singletons practically immortal, as 3.12 does: their counts
are raised by 2**40 once, which no day at the gate can use up. Remove it once the
venv's PySide6 (or Python 3.12+) makes it unnecessary (the test shows it).
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_applied = False


def apply() -> bool:
    """Raise None's and the bools' reference counts once (CPython < 3.12); True if now."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += HEADROOM
    _applied = True
    return True
