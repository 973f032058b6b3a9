"""A progress line for long CLI work on a terminal: 「Reading 出納簿.xlsx… 12,000 / 100,000 行」
rewritten in place on standard error, cleared when done. Nothing is written when standard error
is not a terminal (a pipe, a log file, the tests)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from kyodo_desktop.i18n import _


@contextmanager
def progress_line(label: str, stream: TextIO | None = None
                  ) -> Iterator[Callable[[int, int], None] | None]:
    """Yield ``progress(done, total)`` (rows; ``total`` 0 when unknown) that rewrites one line
    of ``stream`` (standard error by default), or None when ``stream`` is not a terminal."""
    stream = stream if stream is not None else sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        yield None
        return
    shown = []

    def progress(done: int, total: int) -> None:
        from kyodo_desktop.domain.formatting import format_number

        if total:
            text = _("{label}… {done} / {total} rows").format(
                label=label, done=format_number(done), total=format_number(total))
        else:
            text = _("{label}… {done} rows").format(label=label, done=format_number(done))
        stream.write("\r" + text + "\033[K")
        stream.flush()
        shown.append(True)

    try:
        yield progress
    finally:
        if shown:
            stream.write("\r\033[K")
            stream.flush()
