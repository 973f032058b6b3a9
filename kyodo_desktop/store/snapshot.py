"""Row snapshots for 元に戻す / やり直し: record every row an operation writes, then put either
side back with the same ids.

:func:`recording` runs an operation in one transaction while temporary triggers on every table
(except ``audit_log``) keep the state of each row before its first change — including rows the
schema deletes or empties by itself (``ON DELETE CASCADE`` / ``SET NULL``). When the block ends,
the rows' states after it are read, and the recorder's :class:`Snapshot` holds both sides.

:func:`restore` writes one side back in one transaction: deletes children first, inserts and
updates parents first (unique positions are parked while siblings swap), keys and ids as they
were. Rows of audited tables go through :mod:`kyodo_desktop.store.audit` (``insert_row``,
``update_row``, ``delete_row``), so the change log records the undo and ``check`` stays clean.
It refuses (:class:`SnapshotConflict`, nothing written) when the rows are no longer as the other
side left them, or when putting them back would touch any row outside the snapshot.

Rows the change log recorded as a batch (a large import, :func:`kyodo_desktop.store.audit.
insert_rows`: one record per up to 5,000 new rows) are not kept row by row either: the snapshot
holds a :class:`BatchRows` per record (the table, the ids, the record's id and a SHA-256 of its
rows), the rows stay in the change log, and undo deletes them by id range with one batch-delete
record per batch (:func:`~kyodo_desktop.store.audit.delete_batch`), redo writes them back from
that text with one batch-insert record (:func:`~kyodo_desktop.store.audit.insert_batch`). A batch
whose rows the operation changed again is kept row by row as any other.

BLOB values (the 証拠書類 files, up to 10 MiB each) are not kept in the snapshot: it holds a
:class:`BlobRef` (SHA-256 and size), and the bytes wait in this connection's temporary table
``temp.kyodo_undo_blobs`` (SQLite's own temporary file, gone when the file is closed) until no
step refers to them: :func:`release_blobs` with the snapshots still held drops the others. An
undo stack of many attach/undo cycles thus holds a few bytes per file, not the files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from kyodo_desktop.i18n import _
from kyodo_desktop.store import audit
from kyodo_desktop.store.database import Store
from kyodo_desktop.store.errors import StoreError

#: Tables never recorded: the change log is appended to by every write, undo included.
UNRECORDED = frozenset({"audit_log"})
_TOUCHED = "kyodo_undo_touched"
_STATE = "kyodo_undo_state"
_BLOBS = "kyodo_undo_blobs"
_RANGES = "kyodo_undo_ranges"  # the id ranges of BatchRows, left out of the row-by-row rows
_PARKED = 1_000_000_000  # unique integer columns are parked above this while rows swap


class SnapshotConflict(StoreError):
    """The rows are not as the snapshot expects (changed since by another step)."""

    def __init__(self) -> None:
        super().__init__(_("This step cannot be undone or redone: the records it changed were "
                           "changed again since. Check the data on screen and correct it by hand."))


@dataclass(frozen=True)
class BlobRef:
    """A BLOB value of a snapshot row, kept out of memory: its ``sha256`` (hex) and ``size``
    (bytes); the bytes are in ``temp.kyodo_undo_blobs`` while a snapshot refers to them."""

    sha256: str
    size: int


@dataclass(frozen=True)
class TableRows:
    """One table's recorded rows: ``key`` the key column names, ``rows`` ``(before, after)``
    pairs of row dicts (None where the row did not exist)."""

    table: str
    key: tuple[str, ...]
    rows: tuple[tuple[dict | None, dict | None], ...]


@dataclass(frozen=True)
class BatchRows:
    """Rows ``first``…``last`` of ``table`` that an operation inserted and the change log holds
    as one batch record (``log_id``, its rows' JSON text hashing to ``sha256``): absent before
    the operation, exactly those rows after it."""

    table: str
    first: int
    last: int
    log_id: int
    sha256: str


@dataclass(frozen=True)
class Snapshot:
    """Every row an operation changed, before and after it (:class:`TableRows` per table, and
    :class:`BatchRows` for rows inserted as a logged batch)."""

    tables: tuple[TableRows, ...] = ()
    batches: tuple[BatchRows, ...] = ()

    def __bool__(self) -> bool:
        return any(t.rows for t in self.tables) or bool(self.batches)

    def count(self, table: str, side: str = "before") -> int:
        """How many rows of ``table`` exist on ``side`` ("before" or "after")."""
        index = _side(side)
        batched = sum(b.last - b.first + 1 for b in self.batches if b.table == table)
        return sum(1 for t in self.tables if t.table == table for pair in t.rows
                   if pair[index] is not None) + (batched if index else 0)

    def table_names(self) -> set[str]:
        """The tables with recorded rows."""
        return {t.table for t in self.tables if t.rows} | {b.table for b in self.batches}

    def blob_refs(self) -> set[BlobRef]:
        """The BLOB values (files) the snapshot refers to, on either side."""
        return {value for t in self.tables for pair in t.rows for row in pair
                if row is not None for value in row.values() if isinstance(value, BlobRef)}


@dataclass
class Recorder:
    """Handed out by :func:`recording`; ``snapshot`` is set when the block ends without error."""

    conn: sqlite3.Connection
    schema: list
    snapshot: Snapshot = field(default_factory=Snapshot)
    log_start: int = 0

    def collect(self) -> Snapshot:
        """What the block has written so far (before and after); the rows inserted as a logged
        batch as :class:`BatchRows`."""
        return _collect(self.conn, self.schema, self.log_start)


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    real: frozenset[str]
    blobs: frozenset[str]
    parents: frozenset[str]
    unique: tuple[tuple[str, ...], ...]


def _side(side: str) -> int:
    if side not in ("before", "after"):
        raise ValueError(f"side must be 'before' or 'after', not {side!r}")
    return 0 if side == "before" else 1


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema(conn: sqlite3.Connection) -> list[_Table]:
    """The recorded tables, parents before children (foreign keys)."""
    names = [n for (n,) in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name") if n not in UNRECORDED]
    tables = {}
    for name in names:
        info = conn.execute(f"PRAGMA main.table_info({_quote(name)})").fetchall()
        columns = tuple(row[1] for row in info)
        key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        parents = frozenset(row[2] for row in conn.execute(
            f"PRAGMA main.foreign_key_list({_quote(name)})")) - {name}
        unique = tuple(
            tuple(c[2] for c in conn.execute(f"PRAGMA main.index_info({_quote(index[1])})"))
            for index in conn.execute(f"PRAGMA main.index_list({_quote(name)})")
            if index[2] and index[3] != "pk")
        real = frozenset(row[1] for row in info if row[2].upper() in ("REAL", "FLOAT", "DOUBLE"))
        blobs = frozenset(row[1] for row in info if row[2].upper() == "BLOB")
        tables[name] = _Table(name, columns, key or ("rowid",), real, blobs, parents, unique)
    ordered: list[_Table] = []
    placed: set[str] = set()
    while len(ordered) < len(tables):
        ready = [t for n, t in tables.items() if n not in placed
                 and t.parents & tables.keys() <= placed]
        for table in ready or [next(t for n, t in tables.items() if n not in placed)]:
            ordered.append(table)
            placed.add(table.name)
    return ordered


def _image(table: _Table, prefix: str) -> str:
    """JSON of the row; REAL values as 17-digit text, so they come back exactly; BLOB values
    (JSON holds no bytes) as hexadecimal text."""
    def value(column: str) -> str:
        ref = f"{prefix}.{_quote(column)}"
        if column in table.real:
            return f"CASE WHEN {ref} IS NULL THEN NULL ELSE printf('%!.17g', {ref}) END"
        if column in table.blobs:
            return f"CASE WHEN {ref} IS NULL THEN NULL ELSE hex({ref}) END"
        return ref
    return "json_object(" + ", ".join(f"'{c}', {value(c)}" for c in table.columns) + ")"


def _loaded(table: _Table, image: str | None) -> dict | None:
    if image is None:
        return None
    row = json.loads(image)
    for column in table.real:
        if row[column] is not None:
            row[column] = float(row[column])
    for column in table.blobs:
        if row[column] is not None:
            row[column] = bytes.fromhex(row[column])
    return row


def _kept(conn: sqlite3.Connection, table: _Table, row: dict | None) -> dict | None:
    """``row`` with its BLOB values put in the temporary blob table and replaced by BlobRefs."""
    if row is None or not table.blobs:
        return row
    row = dict(row)
    for column in table.blobs:
        data = row[column]
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = bytes(data)
            ref = BlobRef(hashlib.sha256(data).hexdigest(), len(data))
            conn.execute(f"INSERT OR IGNORE INTO temp.{_BLOBS} (sha256, data) VALUES (?, ?)",
                         (ref.sha256, data))
            row[column] = ref
    return row


def _as_refs(table: _Table, row: dict | None) -> dict | None:
    """``row`` as read from the file, BLOB values as BlobRefs (to compare with a snapshot)."""
    if row is None or not table.blobs:
        return row
    row = dict(row)
    for column in table.blobs:
        if isinstance(row[column], (bytes, bytearray, memoryview)):
            data = bytes(row[column])
            row[column] = BlobRef(hashlib.sha256(data).hexdigest(), len(data))
    return row


def _resolved(conn: sqlite3.Connection, row: dict) -> dict:
    """``row`` with its BlobRefs replaced by the bytes (read from the temporary blob table)."""
    if not any(isinstance(v, BlobRef) for v in row.values()):
        return row
    row = dict(row)
    for column, value in row.items():
        if isinstance(value, BlobRef):
            found = conn.execute(f"SELECT data FROM temp.{_BLOBS} WHERE sha256 = ?",
                                 (value.sha256,)).fetchone()
            if found is None:
                raise SnapshotConflict()  # released: no step should still refer to it
            row[column] = bytes(found[0])
    return row


def release_blobs(store: Store, held: list[Snapshot]) -> int:
    """Drop the files kept for undo that none of the ``held`` snapshots refers to (call it with
    the snapshots of every step still on the undo stack). Returns how many were dropped (0
    when the file was closed meanwhile: its temporary tables went with it)."""
    try:
        if not store.conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?",
                                  (_BLOBS,)).fetchone():
            return 0
    except sqlite3.ProgrammingError:  # closed
        return 0
    keep = {ref.sha256 for snapshot in held for ref in snapshot.blob_refs()}
    gone = [sha for (sha,) in store.conn.execute(f"SELECT sha256 FROM temp.{_BLOBS}")
            if sha not in keep]
    for sha in gone:
        store.conn.execute(f"DELETE FROM temp.{_BLOBS} WHERE sha256 = ?", (sha,))
    return len(gone)


def kept_blob_bytes(store: Store) -> int:
    """The bytes of files kept for undo in the connection's temporary blob table."""
    if not store.conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?",
                              (_BLOBS,)).fetchone():
        return 0
    return store.conn.execute(f"SELECT coalesce(sum(length(data)), 0) FROM temp.{_BLOBS}"
                              ).fetchone()[0]


def _key(table: _Table, prefix: str) -> str:
    return "json_array(" + ", ".join(f"{prefix}.{_quote(c)}" for c in table.key) + ")"


def _install(conn: sqlite3.Connection, schema: list[_Table]) -> None:
    """Create the temporary recording tables and triggers of this connection (once per schema;
    they stay until the connection closes and only write while a recording is on)."""
    for n in range(_installed_count(conn)):
        for kind in "iud":
            conn.execute(f"DROP TRIGGER IF EXISTS temp.kyodo_undo_{n}_{kind}")
    conn.execute(f"DROP TABLE IF EXISTS temp.{_TOUCHED}")
    conn.execute(f"DROP TABLE IF EXISTS temp.{_STATE}")
    # skip_*: the id range of a batch a restore deletes or writes itself (not recorded row by
    # row: the step holds it as BatchRows); rows reached by a cascade are recorded as ever
    conn.execute(f"CREATE TEMP TABLE {_STATE} (recording INTEGER NOT NULL, tables INTEGER, "
                 "skip_tbl TEXT, skip_first INTEGER, skip_last INTEGER)")
    conn.execute(f"INSERT INTO temp.{_STATE} (recording, tables) VALUES (0, ?)", (len(schema),))
    conn.execute(f"CREATE TEMP TABLE {_TOUCHED} (tbl TEXT NOT NULL, key TEXT NOT NULL, "
                 "before TEXT, PRIMARY KEY (tbl, key))")
    conn.execute(f"DROP TABLE IF EXISTS temp.{_RANGES}")
    conn.execute(f"CREATE TEMP TABLE {_RANGES} (tbl TEXT NOT NULL, first INTEGER NOT NULL, "
                 "last INTEGER NOT NULL)")
    # kept across a new install: steps on the undo stack may still refer to these files
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_BLOBS} (sha256 TEXT PRIMARY KEY, "
                 "data BLOB NOT NULL)")

    def first(name: str, key: str, image: str) -> str:
        # not INSERT OR IGNORE: a foreign key action's conflict policy would override it
        return (f"INSERT INTO {_TOUCHED} (tbl, key, before) SELECT {name}, {key}, {image} "
                f"WHERE NOT EXISTS (SELECT 1 FROM {_TOUCHED} WHERE tbl = {name} "
                f"AND key = {key});")

    when = f"WHEN (SELECT recording FROM {_STATE})"

    def unless_skipped(name: str, row: str) -> str:
        return (f"{when} AND NOT coalesce((SELECT {row}.id BETWEEN skip_first AND skip_last "
                f"FROM {_STATE} WHERE skip_tbl = {name}), 0)")

    for n, table in enumerate(schema):
        name, on = f"'{table.name}'", f"main.{_quote(table.name)}"
        old, new = _key(table, "OLD"), _key(table, "NEW")
        batched = table.key == ("id",)
        conn.execute(f"CREATE TEMP TRIGGER kyodo_undo_{n}_i AFTER INSERT ON {on} "
                     f"{unless_skipped(name, 'NEW') if batched else when} BEGIN "
                     f"{first(name, new, 'NULL')} END")
        conn.execute(f"CREATE TEMP TRIGGER kyodo_undo_{n}_u BEFORE UPDATE ON {on} {when} BEGIN "
                     f"{first(name, old, _image(table, 'OLD'))} {first(name, new, 'NULL')} END")
        conn.execute(f"CREATE TEMP TRIGGER kyodo_undo_{n}_d BEFORE DELETE ON {on} "
                     f"{unless_skipped(name, 'OLD') if batched else when} BEGIN "
                     f"{first(name, old, _image(table, 'OLD'))} END")


def _installed_count(conn: sqlite3.Connection) -> int:
    if not conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", (_STATE,)).fetchone():
        return 0
    return conn.execute(f"SELECT tables FROM temp.{_STATE}").fetchone()[0]


def _prepared(store: Store) -> list[_Table]:
    """The schema of the file with its recording triggers in place (made again after a schema
    change), cached in ``store.cache``."""
    conn = store.conn
    version = conn.execute("PRAGMA main.schema_version").fetchone()[0]
    cached = store.cache.get(__name__)
    if cached is not None and cached[0] == version and _installed_count(conn):
        return cached[1]
    schema = _schema(conn)
    with store.transaction():  # one transaction: many small ones would each wait for the disk
        _install(conn, schema)
    store.cache[__name__] = (version, schema)
    return schema


def _rows_by_key(conn: sqlite3.Connection, table: _Table, keys: list[tuple]) -> dict[tuple, dict]:
    """The current rows of ``table`` with the given keys, by key tuple."""
    found: dict[tuple, dict] = {}
    key_sql = ", ".join(_quote(c) for c in table.key)
    select = ", ".join(_quote(c) for c in table.columns)
    marks = "(" + ", ".join("?" for _c in table.key) + ")"
    for start in range(0, len(keys), 200):
        chunk = keys[start:start + 200]
        cursor = conn.execute(
            f"SELECT {select} FROM main.{_quote(table.name)} WHERE ({key_sql}) IN "
            f"(VALUES {', '.join(marks for _k in chunk)})", [v for k in chunk for v in k])
        for values in cursor:
            row = dict(zip(table.columns, values, strict=True))
            found[tuple(row[c] for c in table.key)] = row
    return found


def _collect(conn: sqlite3.Connection, schema: list[_Table], log_start: int | None = None,
             skip: tuple[BatchRows, ...] = ()) -> Snapshot:
    """The rows written since the recording began, before and after. Rows inserted as a
    batch the change log recorded after its record ``log_start`` (None: none) come as
    :class:`BatchRows`; the rows of ``skip`` are left out."""
    batches = tuple(_logged_batches(conn, log_start)) if log_start is not None else ()
    conn.execute(f"DELETE FROM temp.{_RANGES}")
    conn.executemany(f"INSERT INTO temp.{_RANGES} (tbl, first, last) VALUES (?, ?, ?)",
                     [(b.table, b.first, b.last) for b in (*batches, *skip)])
    tables = []
    for table in schema:
        touched = [(tuple(json.loads(key)), _loaded(table, before))
                   for key, before in conn.execute(
                       f"SELECT key, before FROM temp.{_TOUCHED} AS t WHERE tbl = ? AND NOT "
                       f"EXISTS (SELECT 1 FROM temp.{_RANGES} AS r WHERE r.tbl = t.tbl AND "
                       "json_extract(t.key, '$[0]') BETWEEN r.first AND r.last) ORDER BY rowid",
                       (table.name,))]
        if not touched:
            continue
        after = _rows_by_key(conn, table, [key for key, _before in touched])
        pairs = tuple((_kept(conn, table, before), _kept(conn, table, after.get(key)))
                      for key, before in touched if before != after.get(key))
        if pairs:
            tables.append(TableRows(table.name, table.key, pairs))
    conn.execute(f"DELETE FROM temp.{_RANGES}")
    return Snapshot(tuple(tables), batches)


def _logged_batches(conn: sqlite3.Connection, log_start: int) -> Iterator[BatchRows]:
    """The batches of new rows the change log recorded after its record ``log_start`` whose
    rows are still exactly as recorded, and which were all new (no row of their ids existed
    before the recording: an id freed by a delete of the same operation keeps its row)."""
    records = conn.execute(
        "SELECT id, table_name, row_key FROM audit_log WHERE id > ? AND action = 'insert' "
        "AND row_key GLOB ? ORDER BY id", (log_start, audit.BATCH_KEY + "*")).fetchall()
    existed: dict[str, list[int]] = {}  # ids of rows that were there before the recording
    for log_id, table, key in records:
        first, last = (int(part) for part in key.removeprefix(audit.BATCH_KEY).split("-"))
        if table not in existed:
            existed[table] = [row_id for row_id, in conn.execute(
                f"SELECT json_extract(key, '$[0]') FROM temp.{_TOUCHED} WHERE tbl = ? AND "
                "before IS NOT NULL", (table,))]
        if any(first <= row_id <= last for row_id in existed[table]):
            continue
        logged = _batch_text(conn, log_id)
        if audit.batch_json(conn, table, first, last) == logged:
            yield BatchRows(table, first, last, log_id, _digest(logged))


def _batch_text(conn: sqlite3.Connection, log_id: int) -> str:
    """The rows' JSON text of the batch insert record ``log_id``."""
    found = conn.execute("SELECT after FROM audit_log WHERE id = ? AND action = 'insert'",
                         (log_id,)).fetchone()
    if found is None or found[0] is None:
        raise SnapshotConflict()
    return found[0]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def recording(store: Store, *, keep: bool = True) -> Iterator[Recorder]:
    """Run the block in one transaction and record every row it writes; afterwards
    ``recorder.snapshot`` holds them before and after (unless ``keep`` is false: a restore
    reads what it needs itself). On an error nothing is written and the error propagates.
    Raises RuntimeError when a recording is already running on ``store``."""
    conn = store.conn
    schema = _prepared(store)
    if conn.execute(f"SELECT recording FROM temp.{_STATE}").fetchone()[0]:
        raise RuntimeError("a recording is already running on this store")
    with store.transaction():
        start = conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        recorder = Recorder(conn, schema, log_start=start)
        conn.execute(f"UPDATE temp.{_STATE} SET recording = 1")
        try:
            yield recorder
            if keep:
                recorder.snapshot = recorder.collect()
        finally:
            conn.execute(f"UPDATE temp.{_STATE} SET recording = 0")
            conn.execute(f"DELETE FROM temp.{_TOUCHED}")


def restore(store: Store, snapshot: Snapshot, side: str) -> None:
    """Put the rows of ``side`` ("before" to undo, "after" to redo) back, ids and keys kept, in
    one transaction; audited tables through the change log.

    Raises SnapshotConflict (nothing written) when the rows are not as the other side left them
    or when the restore would touch other rows (a cascade) or clash with a row written since (a
    UNIQUE key, a foreign key: an IntegrityError is never shown raw); StoreError subclasses such as
    YearClosed or DatabaseBusy from the writes.
    """
    by_name = {t.name: t for t in _prepared(store)}
    if any(b.table not in by_name for b in snapshot.batches):
        raise SnapshotConflict()
    try:
        _restore(store, snapshot, _side(side), by_name)
    except sqlite3.IntegrityError as error:  # a row written since holds the same UNIQUE key
        raise SnapshotConflict() from error  # (a 年度報告 filed again after its withdrawal …)


def _restore(store: Store, snapshot: Snapshot, target: int, by_name: dict[str, _Table]) -> None:
    with recording(store, keep=False) as recorder:
        db = store.db
        db.execute("PRAGMA defer_foreign_keys = ON")
        plans: dict[str, list] = {}
        for rows in snapshot.tables:
            table = by_name.get(rows.table)
            if table is None:
                raise SnapshotConflict()
            current = _rows_by_key(store.conn, table, [_key_of(rows, pair) for pair in rows.rows])
            for pair in rows.rows:
                if _as_refs(table, current.get(_key_of(rows, pair))) != pair[1 - target]:
                    raise SnapshotConflict()
            plans.setdefault(rows.table, []).extend(
                (_copy(pair[1 - target]), pair[target]) for pair in rows.rows)
        names = [n for n in by_name if n in plans or n in snapshot.table_names()]
        for name in reversed(names):  # children first
            for now, wanted in plans.get(name, ()):
                if wanted is None:
                    _delete(db, by_name[name], now)
            if not target:
                for batch in _batches_of(snapshot, name):
                    _remove_batch(db, batch)
        for name in names:  # parents first
            if target:
                for batch in _batches_of(snapshot, name):
                    _put_batch(db, batch)
            pairs = plans.get(name, [])
            _park(db, by_name[name], pairs)
            _write(db, by_name[name], sorted(((now, wanted) for now, wanted in pairs
                                              if wanted is not None),
                                             key=lambda p: p[0] is not None))
        written = _collect(store.conn, recorder.schema, None, snapshot.batches)
        if _touched_keys(written) - _touched_keys(snapshot):
            raise SnapshotConflict()  # a cascade reached rows outside the snapshot: roll back


def _batches_of(snapshot: Snapshot, table: str) -> list[BatchRows]:
    return [b for b in snapshot.batches if b.table == table]


def _logged_text(db, batch: BatchRows) -> str:
    """The rows' JSON text of ``batch`` from its change-log record, unless it changed since."""
    text = _batch_text(db.conn, batch.log_id)
    if _digest(text) != batch.sha256:
        raise SnapshotConflict()
    return text


@contextlib.contextmanager
def _unrecorded(db, batch: BatchRows) -> Iterator[None]:
    """The rows of ``batch`` itself are not recorded row by row while the block runs (the step
    holds them as the batch); every other row it reaches is."""
    db.execute(f"UPDATE temp.{_STATE} SET skip_tbl = ?, skip_first = ?, skip_last = ?",
               [batch.table, batch.first, batch.last])
    try:
        yield
    finally:
        db.execute(f"UPDATE temp.{_STATE} SET skip_tbl = NULL, skip_first = NULL, "
                   "skip_last = NULL")


def _remove_batch(db, batch: BatchRows) -> None:
    """Undo: delete the rows of ``batch`` by id range, logged as one batch-delete record;
    SnapshotConflict when they are no longer exactly as the operation left them."""
    try:
        with _unrecorded(db, batch):
            audit.delete_batch(db, batch.table, batch.first, batch.last,
                               expected=_logged_text(db, batch))
    except LookupError as error:
        raise SnapshotConflict() from error


def _put_batch(db, batch: BatchRows) -> None:
    """Redo: write the rows of ``batch`` again with their ids, logged as one batch-insert
    record; SnapshotConflict when a row of those ids exists."""
    text = _logged_text(db, batch)
    if db.execute(f"SELECT 1 FROM {_quote(batch.table)} WHERE id BETWEEN ? AND ? LIMIT 1",
                  [batch.first, batch.last]).fetchone():
        raise SnapshotConflict()
    try:
        with _unrecorded(db, batch):
            audit.insert_batch(db, batch.table, text)
    except LookupError as error:
        raise SnapshotConflict() from error


def _copy(row: dict | None) -> dict | None:
    return None if row is None else dict(row)


def _key_of(rows: TableRows, pair: tuple[dict | None, dict | None]) -> tuple:
    row = pair[0] if pair[0] is not None else pair[1]
    return tuple(row[c] for c in rows.key)


def _touched_keys(snapshot: Snapshot) -> set[tuple]:
    return {(t.table, _key_of(t, pair)) for t in snapshot.tables for pair in t.rows}


def _where(table: _Table) -> str:
    return " AND ".join(f"{_quote(c)} = ?" for c in table.key)


def _delete(db, table: _Table, row: dict) -> None:
    if table.name in audit.AUDITED_TABLES:
        audit.delete_row(db, table.name, row)
    else:
        db.execute(f"DELETE FROM {_quote(table.name)} WHERE {_where(table)}",
                   [row[c] for c in table.key])


def _insert(db, table: _Table, row: dict) -> None:
    if table.name in audit.AUDITED_TABLES:
        audit.insert_row(db, table.name, row)
        return
    columns = list(row)
    db.execute(f"INSERT INTO {_quote(table.name)} ({', '.join(map(_quote, columns))}) "
               f"VALUES ({', '.join('?' for _c in columns)})", [row[c] for c in columns])


def _update(db, table: _Table, row: dict, columns: list[str] | None = None) -> None:
    changed = {c: row[c] for c in (columns or [c for c in row if c not in table.key])}
    if table.name in audit.AUDITED_TABLES:
        audit.update_row(db, table.name, row, changed)
        return
    assignments = ", ".join(f"{_quote(c)} = ?" for c in changed)
    db.execute(f"UPDATE {_quote(table.name)} SET {assignments} WHERE {_where(table)}",
               [*changed.values(), *(row[c] for c in table.key)])


def _write(db, table: _Table, pairs: list[tuple[dict | None, dict]]) -> None:
    """Insert or update the rows; one that another still holds a unique value of (a position,
    the current plan) is tried again after the others have moved."""
    pending = pairs
    while pending:
        postponed, last_error = [], None
        for now, wanted in pending:
            try:
                with db.atomic():  # a savepoint: a refused write leaves nothing behind
                    (_insert if now is None else _update)(db, table, _resolved(db, wanted))
            except sqlite3.IntegrityError as error:
                if "UNIQUE" not in str(error):
                    raise
                postponed.append((now, wanted))
                last_error = error
        if len(postponed) == len(pending):
            raise last_error
        pending = postponed


def _park(db, table: _Table, pairs: list[tuple[dict | None, dict | None]]) -> None:
    """Move rows out of the way whose unique integer values another row of the restore wants
    (a swap of positions), so that no UNIQUE constraint fails halfway."""
    for columns in table.unique:
        wanted = {tuple(w[c] for c in columns) for n, w in pairs if w is not None}
        for now, target in pairs:
            if now is None or target is None:
                continue
            held = tuple(now[c] for c in columns)
            if held == tuple(target[c] for c in columns) or held not in wanted:
                continue
            ints = [c for c in columns if isinstance(now[c], int) and now[c] != target[c]]
            if ints:
                parked = dict(now)
                for c in ints:
                    parked[c] = _PARKED + now[c]
                _update(db, table, parked, ints)
                now.update({c: parked[c] for c in ints})
