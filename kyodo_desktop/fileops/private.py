"""Owner-only file modes for files that may hold residents' personal data (POSIX ``0600``; on
Windows the modes do nothing, see the README's Windows section)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: Owner read/write only (POSIX): residents' personal data lives in these files.
PRIVATE_MODE = 0o600
#: The companions SQLite writes beside a database file.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def make_private(path: Path | str) -> None:
    """``chmod 600`` a data or backup file and its ``-wal``/``-shm``/``-journal`` (POSIX only).
    Missing files are ignored."""
    if os.name != "posix":
        return
    for suffix in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(f"{path}{suffix}", PRIVATE_MODE)


def create_private(path: Path | str) -> None:
    """Create ``path`` as an empty owner-only file (kept as it is when it exists), so SQLite,
    which gives ``-wal``/``-shm`` the database file's mode, never makes them world-readable."""
    with contextlib.suppress(FileExistsError):
        handle = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        os.close(handle)
    make_private(path)


def restrict_new_files() -> None:
    """Make every file this process creates from now on owner-only (``umask 077``; POSIX).

    Called at the start of the window and of every command: the data file, its ``-wal``, lock
    files, backups, logs, exports and PDFs are then private without each writer caring.
    """
    if os.name == "posix":
        os.umask(0o077)


def sync_folder(folder: Path | str) -> None:
    """fsync a folder so a rename in it survives a power cut (POSIX; ignored where unsupported)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(str(folder), os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
