"""Opening and closing data files for the layers above services (the UI must not import store).

Re-exports :class:`Store` and :class:`StoreError` (locked, too new, foreign, corrupt …, each with a
Japanese message) so the UI can type and catch them.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.fileops.outputs import BACKUP_NAME
from kyodo_desktop.i18n import _
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
    """Create an empty data file at ``path``, replacing an empty kyodo-desktop file there (and
    its -wal/-shm), and open it.

    Raises StoreError, leaving an existing file untouched, when that file is open in another
    window, is not a kyodo-desktop file or is damaged, or when the new file cannot be created;
    UserError when it holds data (a council or the city's returns) or is a backup by its name —
    replacing it would lose them, and a confirmation of the save dialog is all too easily given;
    UnsafePlace on a network drive, in a synced folder or on a removable drive;
    FileBusy (a UserError) when another program holds the old file.
    """
    path = Path(path).expanduser().resolve()
    fileops.refuse_live_place(path)
    if path.exists():
        existing = open_store(path, migrate=False)  # raises unless it is ours and not in use
        try:
            holds_data = _holds_data(existing)
        finally:
            existing.close()
        if holds_data or BACKUP_NAME.search(path.name):
            raise UserError(_("{path} holds a council's data (or is a backup). A new data file "
                              "would replace it and the data would be lost, so it is left as "
                              "it is: choose another file name.").format(path=path))
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        fileops.unlink(leftover, shown=path)
    return open_store(path)




def _holds_data(store: Store) -> bool:
    """Whether the file holds a council, or is a city file (its returns and settings)."""
    tables = {row["name"] for row in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return bool(store.scalar("SELECT EXISTS (SELECT 1 FROM councils)")) or (
        "city_returns" in tables and bool(store.scalar(
            "SELECT EXISTS (SELECT 1 FROM city_returns)"))) or bool(store.scalar(
                "SELECT EXISTS (SELECT 1 FROM settings WHERE scope = 'file' AND key = 'kind')"))


__all__ = ["Store", "StoreError", "create_data_file", "open_data_file"]
