"""The one lock protocol of the app: who may touch a data file, and which temporary folders are
still in use.

Every lock is a ``filelock.FileLock`` taken without waiting (``timeout=0``): a held lock means
another kyodo-desktop window or command has the file open, and the caller says so instead of
waiting. Three kinds, all built here:

- the **data-file lock** ``<db>.lock`` beside a data file: held by an open window or command for
  as long as the file is open; restore and delete take it briefly (:func:`data_file_closed`);
- the **identity lock** ``<device>-<inode>.lock`` in the app's lock folder: the same file reached
  under another name (a second path to the same file) is locked too;
- the **folder lock** ``<folder>.lock`` beside a temporary folder: a folder whose lock is free
  belongs to no running process and may be cleaned away.

``filelock`` is imported when a lock is first taken, not when this module is imported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

if TYPE_CHECKING:
    from filelock import BaseFileLock

#: The name ending of every lock file the app makes.
LOCK_SUFFIX = ".lock"


def lock_path_of(path: Path | str) -> Path:
    """The lock file that guards ``path`` (a data file or a temporary folder): ``<path>.lock``."""
    return Path(str(path) + LOCK_SUFFIX)


def try_acquire(lock_file: Path | str) -> BaseFileLock | None:
    """Take the lock ``lock_file`` without waiting: the held lock, or None when another process
    holds it. Raises OSError when the lock file cannot be made (a read-only folder)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_file), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


def is_free(lock_file: Path | str) -> bool:
    """True when nobody holds ``lock_file`` (it is taken and released at once to find out)."""
    lock = try_acquire(lock_file)
    if lock is None:
        return False
    lock.release()
    return True


def release_and_remove(lock: BaseFileLock) -> None:
    """Release ``lock`` and delete its file (a lock file nobody needs again). A file that cannot
    be deleted now is left; the next cleaning removes it."""
    lock.release()
    with contextlib.suppress(OSError):
        Path(lock.lock_file).unlink(missing_ok=True)


def data_file_lock(db_path: Path) -> BaseFileLock | None:
    """The data-file lock of ``db_path``, held; None when another window or command has the file
    open. Raises OSError when the lock file cannot be made."""
    return try_acquire(lock_path_of(db_path))


def identity_lock(db_path: Path, folder: Path) -> BaseFileLock | None:
    """The identity lock of the existing file ``db_path`` (device + inode) in ``folder``, held;
    None when the same file is open under any name. Raises OSError."""
    info = db_path.stat()
    folder.mkdir(parents=True, exist_ok=True)
    return try_acquire(folder / f"{info.st_dev}-{info.st_ino}{LOCK_SUFFIX}")


def open_elsewhere_message(db_path: Path) -> str:
    """The message for a data file another kyodo-desktop window or command holds."""
    return _("The data file {path} is open in kyodo-desktop. Close it first.").format(path=db_path)


@contextlib.contextmanager
def data_file_closed(db_path: Path) -> Iterator[None]:
    """Hold the data-file lock of ``db_path`` while the block runs (restore, delete): nobody else
    may have the file open meanwhile. Raises UserError (:func:`open_elsewhere_message`) when it is
    open elsewhere."""
    lock = data_file_lock(db_path)
    if lock is None:
        raise UserError(open_elsewhere_message(db_path))
    try:
        yield
    finally:
        lock.release()
