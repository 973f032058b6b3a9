"""The app's one temporary folder: copies of data files (a handover package being read, …) live
only under it, each in a folder of its own held by a lock while in use. :func:`clean_leftovers`
runs at every start and removes what a killed process left (a ``kill -9`` during
``handover-import`` leaves a copy full of personal data otherwise).

The folder is ``<user cache folder>/kyodo-desktop/tmp`` (``%LOCALAPPDATA%`` on Windows, on this
PC, never synced); ``KYODO_DESKTOP_TEMP_DIR`` overrides it (tests, portable use).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from kyodo_desktop import APP_NAME
from kyodo_desktop.errors import UserError
from kyodo_desktop.fileops.locks import (
    LOCK_SUFFIX,
    is_free,
    lock_path_of,
    release_and_remove,
    try_acquire,
)
from kyodo_desktop.fileops.retry import rmtree, unlink

TEMP_ENV = "KYODO_DESKTOP_TEMP_DIR"
#: The names :func:`temporary_folder` gives (``handover-1234-0a1b2c3d``): nothing else is removed.
_OURS = re.compile(r"^[a-z]+-\d+-[0-9a-f]{8}$")
log = logging.getLogger(__name__)


def temp_root() -> Path:
    """The app's temporary folder (created owner-only when missing)."""
    override = os.environ.get(TEMP_ENV)
    if override:
        root = Path(override)
    else:
        from platformdirs import user_cache_path

        root = user_cache_path(APP_NAME, appauthor=False) / "tmp"
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    return root




@contextlib.contextmanager
def temporary_folder(prefix: str = "work") -> Iterator[Path]:
    """Yield a new owner-only folder under :func:`temp_root`, removed afterwards (a folder that
    cannot be removed now is logged and removed at the next start). Raises OSError when it
    cannot be made."""
    root = temp_root()
    folder = root / f"{prefix}-{os.getpid()}-{secrets.token_hex(4)}"
    lock = try_acquire(lock_path_of(folder))
    if lock is None:  # a fresh random name: only a clash of names gets here
        raise OSError(f"temporary folder {folder} is in use")
    try:
        folder.mkdir(mode=0o700)
        yield folder
    finally:
        try:
            rmtree(folder)
        except (UserError, OSError) as error:
            log.warning("temporary folder %s left for the next start: %s", folder, error)
        release_and_remove(lock)


def clean_leftovers() -> list[Path]:
    """Remove the folders :func:`temporary_folder` made that no running process holds; return
    them. Only names of that form are touched. Never raises: what cannot be removed now is
    tried again at the next start."""
    removed = []
    try:
        entries = sorted(temp_root().iterdir())
    except OSError as error:
        log.warning("temporary folder not cleaned: %s", error)
        return removed
    for entry in entries:
        if not _OURS.match(entry.name):
            continue  # a lock file, or something the app did not make
        try:
            lock = try_acquire(lock_path_of(entry))
        except OSError:
            lock = None
        if lock is None:
            continue  # in use by a running process
        try:
            if entry.is_dir():
                rmtree(entry)
            else:
                unlink(entry)
            removed.append(entry)
        except (UserError, OSError) as error:
            log.warning("leftover %s not removed: %s", entry, error)
        finally:
            release_and_remove(lock)
    strays = (e for e in entries
              if e.name.endswith(LOCK_SUFFIX) and _OURS.match(e.name[: -len(LOCK_SUFFIX)]))
    for stray in strays:
        if not Path(str(stray)[: -len(LOCK_SUFFIX)]).exists():
            with contextlib.suppress(UserError, OSError):
                if is_free(stray):
                    unlink(stray)
    return removed
