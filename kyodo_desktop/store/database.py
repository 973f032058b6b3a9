"""The one database wrapper: open (lock, checks, migrations), transactions, close.

Rules (docs/ARCHITECTURE.md): WAL journal, ``foreign_keys=ON`` on every connection, a busy
timeout, a lock file so a second app instance gets a clear message, numbered migrations each in a
transaction with a copy of the file taken first, and refusal of files that are too new, foreign or
corrupt. Writes go through :meth:`Store.transaction` (sqlite-utils ``atomic()``), never
``with conn:``, which does not roll back sqlite-utils writes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop import fileops
from kyodo_desktop.fileops import (
    APPLICATION_ID,  # "KYOD"; re-exported for the layers above
    locks,
)
from kyodo_desktop.i18n import _
from kyodo_desktop.store.backup import has_sqlite_header, open_read_only
from kyodo_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    NotAKyodoDatabase,
    StoreError,
    translate_sqlite_error,
)
from kyodo_desktop.store.incoming import impossible_values, verify_connection
from kyodo_desktop.store.migrations import all_migrations

if TYPE_CHECKING:
    import sqlite_utils
    from filelock import BaseFileLock

BUSY_TIMEOUT_SECONDS = 5.0


class Store:
    """An open database file: ``path`` the file, ``conn`` its sqlite3 connection, ``db`` the
    sqlite-utils Database over that connection (made on first use, so a start-up that only reads
    does not pay for importing sqlite-utils).

    Use :func:`open_store` to create one; close it (or use it as a context manager) when done.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLocks | None) -> None:
        self.path = path
        self.conn = conn
        #: True once ``quick_check`` and the value rules passed on opening; False when the caller
        #: checks later (``open_store(check=False)``: the window checks after its first paint).
        self.checked = False
        self._db: sqlite_utils.Database | None = None
        self._lock = lock
        #: What store modules keep for this open file (the undo recorder's table list).
        self.cache: dict[str, object] = {}

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils Database over :attr:`conn` (for writes and schema work)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """Run the block in one transaction (a savepoint when nested); roll back on any error.

        sqlite3 errors a user can act on are raised as :class:`StoreError` subclasses.
        """
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as error:
            mapped = translate_sqlite_error(error, self.path)
            if mapped is None:
                raise
            raise mapped from error

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Run a read query and return its rows as dicts."""
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def scalar(self, sql: str, params: tuple | dict = ()):
        """Run a query returning one value (None when there is no row)."""
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def schema_version(self) -> int:
        """``PRAGMA user_version`` of the file."""
        return self.scalar("PRAGMA user_version")

    def close(self) -> None:
        """Close the connection and release the lock (safe to call twice)."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: Path | str, *, lock: bool = True, migrate: bool = True,
               check: bool = True, values: bool = True, schema: bool = True) -> Store:
    """Open (creating if missing) the kyodo-desktop database at ``path`` and migrate it.

    ``check=False`` leaves out ``PRAGMA quick_check``, the foreign-key check and the value rules,
    whose time grows with the file, for a caller that runs :func:`deferred_check_problem` itself
    soon after (the window, after its first paint); a file that needs migrating is checked
    anyway, before anything is written to it. The schema is always compared with the app's own
    (:mod:`kyodo_desktop.store.incoming`) unless ``schema=False``; ``values=False`` skips the
    value rules (``check`` opens read-only that way and reports both; ``schema=False`` is only
    accepted without ``lock`` and ``migrate``: a file whose schema was not compared is never
    used, only checked).
    Raises (all :class:`StoreError`, with a Japanese message): DatabaseLocked when another app
    instance holds the file (under this or another name), a StoreError for a file with more
    than one hard link, NotAKyodoDatabase for a foreign file, DatabaseCorrupt for a damaged
    one, DatabaseTooNew for a file from a newer app, UnexpectedSchema for a file whose tables,
    triggers, views or indexes are not the app's own, ImpossibleValues for absurd values,
    DatabaseReadOnly / DiskFull for the disk.
    """
    if not schema and (lock or migrate):
        raise ValueError("schema=False is only for checking a file, without lock and migrate")
    path = Path(path).expanduser().resolve()
    _refuse_non_sqlite(path)
    file_lock = _acquire_lock(path) if lock else None
    store = None
    try:
        conn = _connect(path)
        store = Store(path, conn, file_lock)
        if file_lock is not None:
            try:
                file_lock.hold_identity(path)
            except BaseException:
                conn.close()
                raise
        now = check or (migrate and _pending(store))
        _verify(store, check=now, values=values and now, schema=schema)
        _use_wal(store.conn)
        if migrate:
            migrate_store(store)
        return store
    except sqlite3.Error as error:
        _give_up(store, file_lock)
        mapped = translate_sqlite_error(error, path)
        if mapped is None:
            raise
        raise mapped from error
    except BaseException:
        _give_up(store, file_lock)
        raise


def _give_up(store: Store | None, file_lock: FileLocks | None) -> None:
    """Close the connection and release the lock of a file that was not opened."""
    if store is not None:
        with contextlib.suppress(sqlite3.Error):
            store.conn.close()
    if file_lock is not None:
        file_lock.release()


def _refuse_non_sqlite(path: Path) -> None:
    if path.exists() and not path.is_dir() and not path.is_file():
        # a named pipe or a device (/dev/zero): SQLite's reads would fail as a "disk" error
        raise NotAKyodoDatabase(_("{path} is not an ordinary file (a named pipe or a device). "
                                  "Give a data file (.sqlite3).").format(path=path), path)
    if not path.exists() or path.stat().st_size == 0:
        return
    if not has_sqlite_header(path):
        raise NotAKyodoDatabase(
            _("This file is not a kyodo-desktop data file: {path}").format(path=path), path)


class FileLocks:
    """The locks of one open data file (:mod:`kyodo_desktop.fileops.locks`): the data-file lock
    beside it (what restore and other windows look at) and the identity lock, so the same file
    reached under another name is locked too. :meth:`release` frees both."""

    def __init__(self, path_lock: BaseFileLock) -> None:
        self.locks = [path_lock]

    def hold_identity(self, path: Path) -> None:
        """Take the identity lock of the existing file ``path``. Raises DatabaseLocked."""
        lock = locks.identity_lock(path, fileops.temp_root().parent / "locks")
        if lock is None:
            raise DatabaseLocked(_already_open(path), path)
        self.locks.append(lock)

    def release(self) -> None:
        """Release every lock (safe to call twice); the identity lock's file is removed."""
        while len(self.locks) > 1:
            locks.release_and_remove(self.locks.pop())
        if self.locks:
            self.locks.pop().release()


def _already_open(path: Path) -> str:
    return _("This data file is already open in another kyodo-desktop window: {path}. "
             "Close the other window first.").format(path=path)


def refuse_hard_links(path: Path) -> None:
    """Refuse a data file with more than one name (a hard link: ``ln g.db h.db``, ``mklink /H``):
    two names would bypass the lock and corrupt the file. Raises StoreError."""
    if path.exists() and path.stat().st_nlink > 1:
        raise StoreError(_(
            "The data file {path} has another name on the disk (a hard link), so two windows "
            "could change it at once and damage it. Make an ordinary copy of the file (for example "
            "with Explorer) and open the copy instead.").format(path=path), path)


def _acquire_lock(path: Path) -> FileLocks:
    folder = path.parent if path.parent.exists() else path.parent.parent
    if folder.exists() and not os.access(folder, os.W_OK):
        raise translate_sqlite_error(sqlite3.OperationalError("readonly"), path)
    refuse_hard_links(path)
    try:
        file_lock = locks.data_file_lock(path)
    except OSError as error:
        mapped = translate_sqlite_error(sqlite3.OperationalError("unable to open"), path)
        raise mapped from error
    if file_lock is None:
        raise DatabaseLocked(_already_open(path), path)
    return FileLocks(file_lock)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fileops.create_private(path)  # owner-only from the start (0600 on POSIX)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
    # Deleted rows are overwritten, whatever the library's default (on in Debian's build, off in
    # the Windows ones): a deleted person or removed receipt must not stay in free pages.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return conn


def _pending(store: Store) -> bool:
    return store.schema_version < len(all_migrations())


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (this writes the file's header), only after the file was verified."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def _verify(store: Store, *, check: bool, values: bool = True, schema: bool = True) -> None:
    """Refuse foreign, corrupt (when ``check``), too-new or tampered files before touching them
    (:func:`kyodo_desktop.store.incoming.verify_connection`)."""
    verify_connection(store.conn, store.path, values=values, check=check, schema=schema)
    tables = store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if check or not tables:
        store.checked = True


def deferred_check_problem(path: Path) -> StoreError | None:
    """The checks ``open_store(check=False)`` left out, on the data file at ``path``: ``PRAGMA
    quick_check`` (DatabaseCorrupt), then the value rules (ImpossibleValues); None when both
    pass. Reads through a read-only connection of its own, so it may run in a worker thread
    while the app uses the file; never raises."""
    problem = quick_check_problem(path)
    if problem:
        return corrupt_error(Path(path), problem)
    try:
        with contextlib.closing(open_read_only(path)) as conn:
            return impossible_values(conn, path)
    except sqlite3.Error as error:
        return corrupt_error(Path(path), str(error) or type(error).__name__)


def corrupt_error(path: Path, detail: str) -> DatabaseCorrupt:
    """The DatabaseCorrupt of a data file whose check reported ``detail``."""
    return DatabaseCorrupt(
        _("The data file is damaged and cannot be read: {path}. Restore it from a backup.")
        .format(path=path), path, detail=detail)


def quick_check_problem(path: Path) -> str:
    """"" when ``PRAGMA quick_check`` of the data file at ``path`` says ok, else its report.

    Reads through a connection of its own (read-only), so it may run in a worker thread while
    the app uses the file. Never raises: an unreadable file comes back as the error's text.
    """
    try:
        conn = open_read_only(path)  # by plain path: a share's URI is refused on Windows
        try:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        return str(error) or type(error).__name__
    return "" if result == "ok" else str(result)


def migrate_store(store: Store) -> list[int]:
    """Apply the pending migrations, each in its own transaction; return the versions applied.

    Before migrating a file that already holds data, a copy is written next to it as
    ``<name>.before-v<N>.sqlite3`` (SQLite's online backup API).
    """
    pending = [m for m in all_migrations() if m.version > store.schema_version]
    if pending and store.schema_version > 0:
        backup_before_migration(store, pending[0].version)
    for migration in pending:
        with store.transaction() as db:
            if migration.version == 1:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in migration.statements:
                db.execute(statement)
            _log_newly_audited(db, migration.version)
            db.execute(f"PRAGMA user_version = {migration.version}")
    return [m.version for m in pending]


def _log_newly_audited(db: sqlite_utils.Database, version: int) -> None:
    """The rows of the tables the change log covers from step ``version`` on, logged once as
    they are (:data:`kyodo_desktop.store.audit.AUDITED_SINCE`)."""
    from kyodo_desktop.store import audit

    tables = [table for table, since in audit.AUDITED_SINCE.items() if since == version]
    if tables:
        audit.log_unlogged(db, tables, "migration")


def backup_before_migration(store: Store, version: int) -> Path:
    """Copy the file to ``<name>.before-v<version>-<stamp>.sqlite3`` (owner-only from creation)
    and return that path."""
    stamp = datetime.now().strftime("%Y%m%d%H%M%S")
    target = store.path.with_name(f"{store.path.stem}.before-v{version}-{stamp}.sqlite3")
    fileops.create_private(target)  # the whole file's personal data: owner-only from creation
    dest = sqlite3.connect(str(target))
    try:
        store.conn.backup(dest)
    finally:
        dest.close()
    fileops.make_private(target)
    return target


__all__ = ["APPLICATION_ID", "Store", "StoreError", "open_store", "migrate_store"]
