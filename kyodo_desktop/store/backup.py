"""Low-level file safety: copies with SQLite's online backup API, verification, owner-only file
modes, the contents summary of a data file, table digests and the atomic swap of a restore.

Everything here works on paths and sqlite3 connections; the operations a user performs (rotating
backups, restore, reminders) are in :mod:`kyodo_desktop.services.backup.automatic`. The existing
:func:`kyodo_desktop.services.backup.copies.backup_to` (ファイル › バックアップを作成…) builds on
:func:`copy_database` and :func:`integrity_problem`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.fileops.private import (  # noqa: F401  (re-exported for services)
    PRIVATE_MODE,
    SQLITE_COMPANIONS,
    create_private,
    make_private,
    restrict_new_files,
    sync_folder,
)

#: The files SQLite keeps beside a database file (WAL, its index, a rollback journal).
SIDE_FILES = SQLITE_COMPANIONS


def open_read_only(path: Path | str) -> sqlite3.Connection:
    """A connection to the existing database file ``path`` that cannot write to it.

    Opened by its plain path (never a ``file:`` URI: on Windows ``Path.resolve()`` turns a mapped
    drive ``Z:\\…`` into ``\\\\server\\share\\…``, whose URI SQLite refuses) with
    ``PRAGMA query_only``. Raises sqlite3.Error when it cannot be opened (a missing file is never
    created).
    """
    if not Path(path).is_file():
        raise sqlite3.OperationalError(f"unable to open database file: {path}")
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of the open ``source`` to ``target`` (replaced) with the online
    backup API, as one self-contained file (journal mode DELETE, no ``-wal``), owner-only.

    Raises sqlite3.Error / OSError from SQLite or the disk.
    """
    target = Path(target)
    create_private(target)
    os.truncate(target, 0)  # emptied in place: a fresh temporary file needs no delete
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    make_private(target)


def copy_file(source: Path, target: Path) -> None:
    """Copy the data file at ``source`` (its ``-wal`` included) to ``target`` via SQLite.

    Opened read-only, so a damaged or foreign source is never modified. Raises sqlite3.Error.
    """
    conn = open_read_only(source)
    try:
        copy_database(conn, target)
    finally:
        conn.close()


def integrity_problem(path: Path) -> str:
    """"" when ``PRAGMA integrity_check`` of the file says ok, else its report (or the error)."""
    try:
        conn = open_read_only(path)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        return str(error) or type(error).__name__
    report = "\n".join(str(row[0]) for row in rows)
    return "" if report == "ok" else report


def has_sqlite_header(path: Path) -> bool:
    """True when the file starts with SQLite's 16-byte header."""
    return fileops.is_sqlite_file(path)


@dataclass(frozen=True)
class FileSummary:
    """What a data file holds, for the restore and handover dialogs.

    ``application_id`` and ``schema_version`` from its header; ``councils`` the council names
    (五十音 order is not needed here: by id); ``last_entry_date`` the latest 出納簿 日付 (None when
    there is none); ``counts`` rows per table; ``problem`` "" or why the file cannot be used.
    """

    path: Path
    application_id: int = 0
    schema_version: int = 0
    councils: tuple[str, ...] = ()
    last_entry_date: date | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problem: str = ""


def summarize(path: Path) -> FileSummary:
    """Read a file's header, councils, latest 出納簿 date and row counts, read-only.

    Never raises for a bad file: a foreign, damaged or unreadable file comes back with
    ``problem`` set (technical English, for ``detail``).
    """
    path = Path(path)
    if not has_sqlite_header(path):
        return FileSummary(path, problem="not an SQLite file")
    problem = integrity_problem(path)
    if problem:
        return FileSummary(path, problem=problem)
    try:
        conn = open_read_only(path)
        try:
            return _summary(conn, path)
        finally:
            conn.close()
    except sqlite3.Error as error:
        return FileSummary(path, problem=str(error))


def _summary(conn: sqlite3.Connection, path: Path) -> FileSummary:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = table_names(conn)
    councils: tuple[str, ...] = ()
    last = None
    if "councils" in tables:
        councils = tuple(r[0] for r in conn.execute("SELECT name FROM councils ORDER BY id"))
    if "cash_book_entries" in tables:
        text = conn.execute("SELECT max(entry_date) FROM cash_book_entries").fetchone()[0]
        with contextlib.suppress(TypeError, ValueError):
            last = date.fromisoformat(text)
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    return FileSummary(path, app_id, version, councils, last, counts)


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The user tables of a database, sorted by name."""
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def table_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """``{table: sha256}`` of every table's rows in rowid order (values with their types), so two
    files with equal digests hold the same data row for row."""
    digests = {}
    for table in table_names(conn):
        digest = hashlib.sha256()
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(tuple((type(v).__name__, v) for v in row)).encode("utf-8"))
        digests[table] = digest.hexdigest()
    return digests


def replace_database(source: Path, target: Path) -> None:
    """Atomically make the verified copy ``source`` the data file ``target``.

    ``source`` must be in the same folder (``os.replace`` is atomic there). The target's stale
    ``-wal``/``-shm`` are removed first: they belong to the old file and SQLite would replay the
    old ``-wal`` into the new one. The caller holds the file's lock. Raises OSError, or
    FileBusy when another program holds the file past the retries.
    """
    for suffix in SQLITE_COMPANIONS:
        fileops.unlink(f"{target}{suffix}", shown=target)
    fileops.replace(source, target)
    make_private(target)
    sync_folder(Path(target).parent)
