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

#: Owner read/write only (POSIX): residents' personal data lives in these files.
PRIVATE_MODE = 0o600
_SQLITE_HEADER = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database file (WAL, its index, a rollback journal).
SIDE_FILES = ("-wal", "-shm", "-journal")


def make_private(path: Path | str) -> None:
    """``chmod 600`` a data or backup file and its ``-wal``/``-shm`` (POSIX; no-op on Windows,
    where the user profile folder is already private). Missing files are ignored."""
    if os.name != "posix":
        return
    for suffix in ("", *SIDE_FILES):
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

    Called once at start-up of the window and the command line: the data file, its ``-wal``,
    lock files, backups, logs and printed PDFs are then private without each writer caring.
    """
    if os.name == "posix":
        os.umask(0o077)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of the open ``source`` to ``target`` (replaced) with the online
    backup API, as one self-contained file (journal mode DELETE, no ``-wal``), owner-only.

    Raises sqlite3.Error / OSError from SQLite or the disk.
    """
    target = Path(target)
    target.unlink(missing_ok=True)
    create_private(target)
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
    conn = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy_database(conn, target)
    finally:
        conn.close()


def integrity_problem(path: Path) -> str:
    """"" when ``PRAGMA integrity_check`` of the file says ok, else its report (or the error)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
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
    try:
        with Path(path).open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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
    old ``-wal`` into the new one. The caller holds the file's lock. Raises OSError.
    """
    for suffix in SIDE_FILES:
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(source, target)
    make_private(target)
    _sync_folder(Path(target).parent)


def _sync_folder(folder: Path) -> None:
    """fsync a folder so a rename survives a power cut (POSIX; ignored where unsupported)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(str(folder), os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
