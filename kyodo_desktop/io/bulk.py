"""Reading and writing many rows at once: Python's cycle collector paused meanwhile.

A 100,000-row 出納簿 makes about seven container objects per row as it is read and checked
(the row, its cells, the preview row and its lists, the entry). Python's cyclic garbage
collector runs a full collection each time the objects that survived earlier collections
grow by a quarter, and each full collection visits every one of them: nine full collections
over up to 700,000 objects took 1.0–1.4 s of a 3.4 s dry run (bench/import_limits.py), more
than the sheet's XML parse. None of these objects form reference cycles, so reference
counting frees them all; pausing the collector for the read changes nothing but the time
(the Python documentation of :func:`gc.disable`: "Disable automatic garbage collection" for
code that creates no cycles). The collector is switched back on when the block ends, also on
an error, unless it was off before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with Python's cycle collector off; on exit it is on again if it was on
    when the block began (nested or concurrent blocks never leave it off for good)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
