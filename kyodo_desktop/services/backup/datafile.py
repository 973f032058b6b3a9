"""Opening and closing data files for the layers above services (the UI must not import store).

Re-exports :class:`Store` and :class:`StoreError` (locked, too new, foreign, corrupt …, each with a
Japanese message) so the UI can type and catch them.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.store import Store, open_store
from kyodo_desktop.store.errors import StoreError
from kyodo_desktop.store.folder_privacy import protect_data_folder


def open_data_file(path: Path | str, *, check: bool = True) -> Store:
    """Open (creating if missing, migrating if older) the data file at ``path``.

    ``check=False``: leave ``quick_check`` (its time grows with the file) to the caller, who
    runs :func:`kyodo_desktop.services.backup.automatic.opening_checks` soon after.
    Raises UnsafePlace (a UserError) when the file is on a network drive, in a synced folder or
    on a removable drive. On Windows a folder outside the user profile is then made private to
    this account (:func:`kyodo_desktop.store.folder_privacy.protect_data_folder`). Raises
    StoreError subclasses with a Japanese message (see :func:`kyodo_desktop.store.open_store`),
    UserError when the folder cannot be made private.
    """
    fileops.refuse_live_place(path)
    protect_data_folder(Path(path).expanduser().absolute().parent)
    return open_store(path, check=check)


def create_data_file(path: Path | str) -> Store:
    """Create an empty data file at ``path``, replacing a kyodo-desktop file there (and its
    -wal/-shm), and open it.

    Raises StoreError, leaving an existing file untouched, when that file is open in another
    window, is not a kyodo-desktop file or is damaged, or when the new file cannot be created;
    UnsafePlace on a network drive, in a synced folder or on a removable drive;
    FileBusy (a UserError) when another program holds the old file.
    """
    path = Path(path).expanduser().resolve()
    fileops.refuse_live_place(path)
    if path.exists():
        open_store(path, migrate=False).close()  # raises unless it is ours and not in use
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        fileops.unlink(leftover, shown=path)
    return open_store(path)


__all__ = ["Store", "StoreError", "create_data_file", "open_data_file"]
