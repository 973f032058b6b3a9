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

from filelock import FileLock, Timeout

from kyodo_desktop import APP_NAME
from kyodo_desktop.errors import UserError
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


def _lock_of(folder: Path) -> FileLock:
    return FileLock(str(folder) + ".lock", timeout=0)


@contextlib.contextmanager
def temporary_folder(prefix: str = "work") -> Iterator[Path]:
    """Yield a new owner-only folder under :func:`temp_root`, removed afterwards (a folder that
    cannot be removed now is logged and removed at the next start). Raises OSError when it
    cannot be made."""
    root = temp_root()
    folder = root / f"{prefix}-{os.getpid()}-{secrets.token_hex(4)}"
    lock = _lock_of(folder)
    lock.acquire()
    try:
        folder.mkdir(mode=0o700)
        yield folder
    finally:
        try:
            rmtree(folder)
        except (UserError, OSError) as error:
            log.warning("temporary folder %s left for the next start: %s", folder, error)
        lock.release()
        with contextlib.suppress(UserError, OSError):
            unlink(lock.lock_file)


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
        lock = _lock_of(entry)
        try:
            lock.acquire()
        except (Timeout, OSError):
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
            lock.release()
            with contextlib.suppress(UserError, OSError):
                unlink(lock.lock_file)
    for stray in (e for e in entries if e.name.endswith(".lock") and _OURS.match(e.name[:-5])):
        if not Path(str(stray)[: -len(".lock")]).exists():
            with contextlib.suppress(UserError, OSError):
                _remove_free_lock(stray)
    return removed


def _remove_free_lock(path: Path) -> None:
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return
    lock.release()
    unlink(path)
