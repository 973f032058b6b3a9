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
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.store import Store
from kyodo_desktop.store.backup import copy_database, copy_file, integrity_problem


def default_backup_name(today: date | None = None, *, encrypted: bool = False) -> str:
    """The suggested file name, ``kyodo-backup-YYYYMMDD.sqlite3`` (``….sqlite3.enc`` when
    encrypted)."""
    name = f"kyodo-backup-{(today or date.today()):%Y%m%d}.sqlite3"
    return name + ".enc" if encrypted else name


def backup_to(store: Store | Path, target: Path, *, passphrase: str | None = None) -> Path:
    """Write a checked copy of ``store`` to ``target`` (replaced if it exists); return its path.

    ``store`` is the open Store, or the data file's path: then it is read through a read-only
    connection of its own (a worker thread backing up while the window uses the file).
    Written atomically (:func:`kyodo_desktop.fileops.atomic_output`); an existing database or
    backup at ``target`` is never overwritten. With ``passphrase`` the file is encrypted
    (:mod:`kyodo_desktop.services.backup.encryption`); the plain copy is then made and checked
    in the app's private temporary folder on this PC, never on the stick. Raises UserError
    (Japanese) when the target is the open file itself or another database, cannot be written,
    or the copy fails its integrity check (the bad copy is removed), ValidationError for a
    passphrase too short.
    """
    target = Path(target).expanduser().resolve()
    source = store.path if isinstance(store, Store) else Path(store).expanduser().resolve()
    if target == source:
        raise UserError(_("Choose a different file for the backup than the open data file."))
    if passphrase is not None:
        from kyodo_desktop.services.backup.encryption import passphrase_problem

        problem = passphrase_problem(passphrase)
        if problem:
            raise ValidationError(problem, field="passphrase")
    try:
        if passphrase is None:
            with fileops.atomic_output(target, open_data=source) as partial:
                _copy_checked(store, source, partial)
        else:
            from kyodo_desktop.services.backup.encryption import encrypt_file

            with fileops.temporary_folder("backup") as folder:
                plain = folder / "backup.sqlite3"
                _copy_checked(store, source, plain)
                with fileops.atomic_output(target, open_data=source) as partial:
                    encrypt_file(plain, partial, passphrase)
    except (OSError, sqlite3.Error) as error:
        raise UserError(
            _("The backup could not be written to {path}. Check that the place exists, can be "
              "written and has free space.").format(path=target), detail=str(error)) from error
    return target


def _copy_checked(store: Store | Path, source: Path, partial: Path) -> None:
    """Copy ``store`` to ``partial`` and check it; raises UserError when the copy is bad."""
    if isinstance(store, Store):
        copy_database(store.conn, partial)
    else:
        copy_file(source, partial)
    problem = integrity_problem(partial)
    if problem:
        raise UserError(_("The backup copy failed its check and was not kept. "
                          "Try again or choose another place."), detail=problem)
