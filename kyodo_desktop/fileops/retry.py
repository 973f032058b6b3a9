"""Replace, delete and remove folders the way Windows needs: an antivirus scanner, the search
indexer, OneDrive or another window often holds a file for a moment (``WinError 5``/``32``, a
:class:`PermissionError`), so each operation is retried for about :data:`RETRY_SECONDS` before a
:class:`FileBusy` names the file and what may hold it.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

#: How long a held file is retried (seconds) and the pause between tries.
RETRY_SECONDS = 1.0
RETRY_PAUSE = 0.1
T = TypeVar("T")


class FileBusy(UserError):
    """A file stayed held by another program for :data:`RETRY_SECONDS`; ``path`` is that file
    (the user's own name for it, never a temporary one)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(_(
            "The file {path} is being used by another program, so it could not be changed. An "
            "antivirus scan, OneDrive or another sync program, or another kyodo-desktop or Excel "
            "window may be holding it. Wait a moment and try again, or close that program."
        ).format(path=path), detail=str(error))
        self.path = path


def retrying(operation: Callable[[], T], shown: Path | str) -> T:
    """Run ``operation`` and return its result, retrying a PermissionError for about
    :data:`RETRY_SECONDS`. Raises FileBusy naming ``shown`` when it keeps failing; other
    OSErrors pass through unchanged."""
    deadline = time.monotonic() + RETRY_SECONDS
    while True:
        try:
            return operation()
        except PermissionError as error:
            if time.monotonic() >= deadline:
                raise FileBusy(Path(shown), error) from error
            time.sleep(RETRY_PAUSE)


def replace(source: Path | str, target: Path | str, *, shown: Path | str | None = None) -> None:
    """``os.replace(source, target)`` (atomic within one folder), retried while held.
    Raises FileBusy (naming ``shown``, default ``target``) or OSError."""
    retrying(lambda: os.replace(source, target), shown or target)


def unlink(path: Path | str, *, shown: Path | str | None = None) -> None:
    """Delete ``path`` (a missing file is fine), retried while held. Raises FileBusy / OSError."""
    retrying(lambda: Path(path).unlink(missing_ok=True), shown or path)


def rmtree(path: Path | str, *, shown: Path | str | None = None) -> None:
    """Delete the folder ``path`` with everything in it (missing is fine), retried while a file
    in it is held. Raises FileBusy / OSError."""
    def remove() -> None:
        if Path(path).exists():
            shutil.rmtree(path)
    retrying(remove, shown or path)
