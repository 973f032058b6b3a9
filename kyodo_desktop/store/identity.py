"""A data file's identity: the random file id of migration 11 (``settings`` row scope ``file``,
key ``id``; 32 hex digits), kept by backups and restores, new for every created file and every
handover package. Backups are named and rotated by it
(:mod:`kyodo_desktop.services.backup.automatic`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FILE_SCOPE, FILE_ID_KEY = "file", "id"
#: How many hex digits of the id a backup's name carries.
SHORT_LENGTH = 8


def file_id(conn: sqlite3.Connection) -> str | None:
    """The file id of an open database (None for a file without one: older than migration 11,
    foreign, or damaged)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE scope = ? AND key = ?",
                           (FILE_SCOPE, FILE_ID_KEY)).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None


def file_id_of(path: Path | str) -> str | None:
    """The file id of the database file ``path``, read-only (None when it has none or cannot
    be read)."""
    from kyodo_desktop.store.backup import open_read_only

    try:
        conn = open_read_only(path)
    except sqlite3.Error:
        return None
    try:
        return file_id(conn)
    finally:
        conn.close()


def short_id(identifier: str) -> str:
    """The first :data:`SHORT_LENGTH` hex digits of a file id (the part in backup names)."""
    return identifier[:SHORT_LENGTH]
