"""Keep ``None`` alive under PySide6 builds that return it without a reference.

PySide6 6.12's wheels (one stable-ABI build for every Python from 3.10) hand ``None`` back from
every ``void`` method (``setText``, ``setItem`` …) and from every empty ``QVariant`` without taking
a reference to it. From Python 3.12 on ``None`` is immortal (PEP 683) and that is harmless; on
3.10 and 3.11 each such call lowers ``None``'s reference count by one, and after a few thousand
calls the interpreter aborts with ``Fatal Python error: none_dealloc`` — in a user's long session,
at quit, or in the middle of saving. ``keep_none_alive()`` gives ``None`` the same protection
3.12 gives it: a reference count so large that no session can bring it to zero.

Runs once, on import of :mod:`kyodo_desktop.ui` (before any Qt call of the app), and in the tests'
conftest. Does nothing on Python 3.12+ or on interpreters other than CPython.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to ``None``'s reference count: 2**60 lost references would take centuries of Qt calls.
RESERVE = 2**60


def keep_none_alive() -> bool:
    """Raise ``None``'s reference count by :data:`RESERVE` once (CPython < 3.12 only).

    Returns True when the count was raised now, False when nothing was needed (3.12+, another
    interpreter, or already raised). ``ob_refcnt`` is the first field of every CPython object.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value >= RESERVE:
        return False
    count.value += RESERVE
    return True
