"""Keep ``None``, ``True`` and ``False`` alive under PySide6 builds that return them without a
reference.

PySide6 6.12's wheels (one stable-ABI build for every Python from 3.10) hand ``None`` back from
every ``void`` method (``setText``, ``setItem`` …) and from every empty ``QVariant`` without taking
a reference to it, and do the same with ``True``/``False`` on some paths. From Python 3.12 on these
objects are immortal (PEP 683) and that is harmless; on 3.10 and 3.11 each such call lowers the
reference count by one, and after a few thousand calls the interpreter aborts with ``Fatal Python
error: none_dealloc`` (or ``bool_dealloc``) — in a user's long session, at quit, or in the middle of
saving. ``keep_none_alive()`` gives them the same protection 3.12 gives: a reference count so
large that no session can bring it to zero.

Runs once, on import of :mod:`kyodo_desktop.ui` (before any Qt call of the app), and in the tests'
conftest. Does nothing on Python 3.12+ or on interpreters other than CPython.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to each reference count: 2**60 lost references would take centuries of Qt calls.
RESERVE = 2**60
#: The objects Python 3.12 makes immortal that PySide6 6.12 returns without a reference.
GUARDED = (None, True, False)


def keep_none_alive() -> bool:
    """Raise the reference counts of ``None``, ``True`` and ``False`` by :data:`RESERVE` once
    (CPython < 3.12 only).

    Returns True when the counts were raised now, False when nothing was needed (3.12+, another
    interpreter, or already raised). ``ob_refcnt`` is the first field of every CPython object.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    raised = False
    for guarded in GUARDED:
        count = ctypes.c_ssize_t.from_address(id(guarded))
        if count.value < RESERVE:
            count.value += RESERVE
            raised = True
    return raised
