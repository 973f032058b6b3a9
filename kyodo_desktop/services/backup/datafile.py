"""Opening and closing data files for the layers above services (the UI must not import store).

Re-exports :class:`Store` and :class:`StoreError` (locked, too new, foreign, corrupt …, each with a
Japanese message) so the UI can type and catch them.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.store import Store, open_store
from kyodo_desktop.store.errors import StoreError
from kyodo_desktop.store.folder_privacy import protect_data_folder


def open_data_file(path: Path | str, *, check: bool = True) -> Store:
    """Open (creating if missing, migrating if older) the data file at ``path``.

    ``check=False``: leave ``quick_check`` (its time grows with the file) to the caller, who
    runs :func:`kyodo_desktop.services.backup.automatic.opening_checks` soon after.
    On Windows a folder outside the user profile is first made private to this account
    (:func:`kyodo_desktop.store.folder_privacy.protect_data_folder`). Raises StoreError
    subclasses with a Japanese message (see :func:`kyodo_desktop.store.open_store`), UserError
    when the folder cannot be made private.
    """
    protect_data_folder(Path(path).expanduser().absolute().parent)
    return open_store(path, check=check)


def create_data_file(path: Path | str) -> Store:
    """Create an empty data file at ``path``, replacing a kyodo-desktop file there (and its
    -wal/-shm), and open it.

    Raises StoreError, leaving an existing file untouched, when that file is open in another
    window, is not a kyodo-desktop file or is damaged, or when the new file cannot be created.
    """
    path = Path(path).expanduser().resolve()
    if path.exists():
        open_store(path, migrate=False).close()  # raises unless it is ours and not in use
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return open_store(path)


__all__ = ["Store", "StoreError", "create_data_file", "open_data_file"]
