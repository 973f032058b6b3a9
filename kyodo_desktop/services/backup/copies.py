"""Copy the open data file to a backup file (ファイル › バックアップを作成…).

Uses SQLite's online backup API (``Connection.backup``), so the copy is consistent even while the
app has the file open, then checks the copy with ``PRAGMA integrity_check``; the copy is
owner-only (:mod:`kyodo_desktop.store.backup`). Rotation, reminders and restore build on this in
:mod:`kyodo_desktop.services.backup.automatic`.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.store import Store
from kyodo_desktop.store.backup import copy_database, copy_file, integrity_problem


def default_backup_name(today: date | None = None) -> str:
    """The suggested file name, ``kyodo-backup-YYYYMMDD.sqlite3``."""
    return f"kyodo-backup-{(today or date.today()):%Y%m%d}.sqlite3"


def backup_to(store: Store | Path, target: Path) -> Path:
    """Write a checked copy of ``store`` to ``target`` (replaced if it exists); return its path.

    ``store`` is the open Store, or the data file's path: then it is read through a read-only
    connection of its own (a worker thread backing up while the window uses the file).
    Written atomically (:func:`kyodo_desktop.fileops.atomic_output`); an existing database or
    backup at ``target`` is never overwritten. Raises UserError (Japanese) when the target is the
    open file itself or another database, cannot be written, or the copy fails its integrity
    check (the bad copy is removed).
    """
    target = Path(target).expanduser().resolve()
    source = store.path if isinstance(store, Store) else Path(store).expanduser().resolve()
    if target == source:
        raise UserError(_("Choose a different file for the backup than the open data file."))
    try:
        with fileops.atomic_output(target, open_data=source) as partial:
            if isinstance(store, Store):
                copy_database(store.conn, partial)
            else:
                copy_file(source, partial)
            problem = integrity_problem(partial)
            if problem:
                raise UserError(_("The backup copy failed its check and was not kept. "
                                  "Try again or choose another place."), detail=problem)
    except (OSError, sqlite3.Error) as error:
        raise UserError(
            _("The backup could not be written to {path}. Check that the place exists, can be "
              "written and has free space.").format(path=target), detail=str(error)) from error
    return target
