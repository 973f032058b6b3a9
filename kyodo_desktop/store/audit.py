"""変更履歴 (audit log) of accounting data: every insert, update and delete, chained by SHA-256.

Each ``audit_log`` row holds when (``occurred_at``), what (``table_name``, ``row_key``,
``action``), the row ``before`` and ``after`` (canonical JSON, None for an insert's before and a
delete's after) and ``actor``. ``hash`` = SHA-256 of the canonical JSON of those fields plus
``prev_hash``, the previous row's hash (64 zeros for the first row), so editing or deleting a log
row breaks the chain (:func:`verify_chain`), and editing the data without the log leaves the
row different from its last logged ``after`` (:func:`verify_covered_rows`).

Services write accounting rows through :func:`insert_row`, :func:`update_row` and
:func:`delete_row` inside ``store.transaction()``; they read the row back, so column defaults
are logged as stored. :func:`baseline` logs rows written before the log existed (demo, import of
an old file).

A large batch of new rows (:func:`insert_rows`, at least :data:`LOGGED_TOGETHER` rows: an
imported 出納簿) is logged as one record per batch (schema step 23): ``row_key``
``"rows:<first id>-<last id>"`` and ``after`` the rows as stored, ``{"columns": […], "rows":
[[…], …]}`` (canonical JSON, one array of values per row, ids consecutive), hashed and chained as
any record. The readers (:func:`history`, :func:`history_by`, :func:`verify_covered_rows`,
:func:`log_unlogged`) take each of its rows as logged by an insert of its own. Undoing such an
import deletes its rows batch by batch (:func:`delete_batch`, schema step 24): one record per
batch, action ``delete``, ``before`` the rows in the same shape; redoing it inserts them again
from that text (:func:`insert_batch`). The readers take each of its rows as deleted by a record
of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextvars import ContextVar
from datetime import datetime
from itertools import islice
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from kyodo_desktop.i18n import _
from kyodo_desktop.store.database import Store

if TYPE_CHECKING:
    import sqlite_utils

GENESIS_HASH = "0" * 64
#: Audited tables and the columns of their row key (``row_key`` joins them with ":").
AUDITED_TABLES: dict[str, tuple[str, ...]] = {
    "cash_book_entries": ("id",),
    "budget_lines": ("id",),
    "budget_transfers": ("id",),
    "budget_revisions": ("id",),
    "budget_line_revisions": ("budget_line_id",),
    "grants": ("id",),
    "grant_payments": ("id",),
    "opening_balances": ("council_id", "fiscal_year", "fund_code"),
    "year_closes": ("id",),
    "account_transfers": ("id",),
    "account_opening_balances": ("council_id", "fiscal_year", "account_id"),
    "reconciliations": ("id",),
    "audits": ("id",),
    "dues_rates": ("council_id", "fiscal_year"),
    "entry_attachments": ("id",),
    "dues_payments": ("id",),
    "council_funds": ("fund_code",),
    "council_programs": ("program_id",),
    "grant_programs": ("id",),
}
#: Tables logged from a schema step on, with that step: a file migrated to it logs the rows
#: these tables already hold as inserts, once (:func:`log_unlogged`, called by the migration).
AUDITED_SINCE: dict[str, int] = {"entry_attachments": 22, "dues_payments": 22,
                                 "council_funds": 22, "council_programs": 22,
                                 "grant_programs": 24}
ACTIONS = ("insert", "update", "delete", "close", "reopen")
#: Columns a later migration added to an audited table and filled itself (migration 13: the
#: 口座 of every entry). A row logged before the column existed is compared without it until the
#: app writes the row again (then the log holds the column too).
ADDED_COLUMNS: dict[str, frozenset[str]] = {"cash_book_entries": frozenset({"account_id"})}
_MAX_KEYS_SHOWN = 10


_FIXED_TIME: ContextVar[str | None] = ContextVar("kyodo_audit_time", default=None)


@contextlib.contextmanager
def logged_at(occurred_at: str) -> Iterator[None]:
    """Log every change made in the block as made at ``occurred_at`` (ISO date-time): the demo
    is built at a fixed time, so the same seed gives the same file, change log included."""
    token = _FIXED_TIME.set(occurred_at)
    try:
        yield
    finally:
        _FIXED_TIME.reset(token)


def _now() -> str:
    return _FIXED_TIME.get() or datetime.now().isoformat(timespec="seconds")


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical(value) -> str:
    """Canonical JSON (sorted keys, no spaces, UTF-8 kept) of a row dict or a log record."""
    return _CANONICAL.encode(value)


def row_key(table: str, row: dict) -> str:
    """The key of ``row`` in ``table`` as logged: ``"42"`` or ``"3:2026:own_funds"``."""
    return ":".join(str(row[column]) for column in AUDITED_TABLES[table])


def _hash(record: dict) -> str:
    return hashlib.sha256(canonical(record).encode("utf-8")).hexdigest()


def _where(table: str) -> str:
    return " AND ".join(f"{column} = ?" for column in AUDITED_TABLES[table])


def snapshot(db: sqlite_utils.Database, table: str, key: dict) -> dict | None:
    """The row of ``table`` with the key columns in ``key`` as a dict, or None."""
    cursor = db.execute(f"SELECT * FROM {table} WHERE {_where(table)}",
                        [key[c] for c in AUDITED_TABLES[table]])
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([d[0] for d in cursor.description], values, strict=True))


def record(db: sqlite_utils.Database, table: str, row_key: str, action: str,
           before: dict | None, after: dict | None, actor: str = "",
           occurred_at: str | None = None) -> int:
    """Append one audit entry (call inside the transaction of the change); return its id.
    ``occurred_at`` (ISO date-time) defaults to now.

    Raises ValueError for an unknown ``action``.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action: {action!r}")
    return _append(db, table, row_key, action, None if before is None else canonical(before),
                   None if after is None else canonical(after), actor, occurred_at)


def _append(db: sqlite_utils.Database, table: str, row_key: str, action: str,
            before: str | None, after: str | None, actor: str, occurred_at: str | None) -> int:
    """Append the record of ``before``/``after`` (canonical JSON texts) chained to the last."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    entry = {
        "occurred_at": occurred_at or _now(),
        "table_name": table, "row_key": row_key, "action": action,
        "before": before, "after": after,
        "actor": actor, "prev_hash": row[0] if row else GENESIS_HASH,
    }
    entry["hash"] = _hash(entry)
    columns = list(entry)
    cursor = db.execute(
        f"INSERT INTO audit_log ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [entry[c] for c in columns])
    return cursor.lastrowid


def insert_row(db: sqlite_utils.Database, table: str, values: dict, actor: str = "",
               action: str = "insert") -> dict:
    """INSERT ``values`` into an audited table, log it, and return the row as stored."""
    columns = list(values)
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns])
    key = {"id": cursor.lastrowid} if AUDITED_TABLES[table] == ("id",) else values
    after = snapshot(db, table, key)
    record(db, table, row_key(table, after), action, None, after, actor)
    return after


def insert_rows(db: sqlite_utils.Database, table: str, rows: Iterable, actor: str = "", *,
                columns: Sequence[str] | None = None, progress: Progress | None = None
                ) -> list[int]:
    """INSERT ``rows`` into an audited table keyed by ``id``, log them, and return their ids, in
    order: what :func:`insert_row` does row by row, in a few statements per :data:`BATCH` rows
    (ids given explicitly after the highest one, consecutive; the rows in multi-row INSERTs
    (:func:`_insert_values`), so the table's triggers and constraints still check each). A batch
    of at least :data:`LOGGED_TOGETHER` rows is logged as one record holding the rows as stored
    (read back as JSON by SQLite, :func:`_log_batch`); a smaller one as one record per row, as
    :func:`record` chains them. ``rows``: dicts with the same columns (no ``id``), or with
    ``columns`` the lists of their values in that order; a list, or made one at a time (at most
    :data:`BATCH` are held). ``progress(rows_written, rows_in_all)`` (``rows_in_all`` 0 when
    ``rows`` has no length) is called after each batch and may raise to stop (the caller's
    transaction then writes nothing). Call inside the transaction of the change. Raises
    ValueError for a table not keyed by ``id``."""
    if AUDITED_TABLES[table] != ("id",):
        raise ValueError(f"{table} is not keyed by id")
    total = len(rows) if isinstance(rows, Sized) else 0
    ids: list[int] = []
    rows = iter(rows)
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    try:
        while batch := list(islice(rows, BATCH)):
            if len(batch) == BATCH and not ids:  # a large import: its indexes stay in memory,
                db.execute(f"PRAGMA cache_size = {LARGE_CACHE_KIB}")  # far fewer page reads
            if columns is None:
                names, values = list(batch[0]), [list(row.values()) for row in batch]
            else:
                names, values = list(columns), batch
            ids += _insert_batch(db, table, names, values, actor)
            if progress is not None:
                progress(len(ids), total)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")
    return ids


#: Rows written per statement by :func:`insert_rows` (bounds the memory of a large import).
BATCH = 5_000
#: A batch of at least this many rows is logged as one change-log record (:func:`_log_batch`).
LOGGED_TOGETHER = 100
#: The ``row_key`` of such a record: ``"rows:<first id>-<last id>"``.
BATCH_KEY = "rows:"
_BATCH_GLOB = "rows:*"  # GLOB, not LIKE: a prefix GLOB is looked up in the index audit_log_row
#: The page cache (negative: KiB) while more than BATCH rows are inserted.
LARGE_CACHE_KIB = -16384  # 16 MB: keeps a 100,000-row import under 300 MB
#: ``progress(done, total)`` of :func:`insert_rows` (the import's progress callback).
Progress = Callable[[int, int], None]


def _insert_batch(db: sqlite_utils.Database, table: str, columns: list[str], rows: list,
                  actor: str) -> list[int]:
    first = db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
    _insert_values(db.conn, table, ["id", *columns],
                   ([first + index, *row] for index, row in enumerate(rows)))
    last = first + len(rows) - 1
    if len(rows) >= LOGGED_TOGETHER:
        _log_batch(db, table, first, last, actor)
        return list(range(first, last + 1))
    cursor = db.execute(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id",
                        [first, last])
    names = [d[0] for d in cursor.description]
    stored = [dict(zip(names, values, strict=True)) for values in cursor]
    last_hash = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    _insert_values(db.conn, "audit_log", _LOG_COLUMNS,
                   _log_inserts(table, stored, actor, last_hash[0] if last_hash else GENESIS_HASH))
    return [row["id"] for row in stored]


def _log_batch(db: sqlite_utils.Database, table: str, first: int, last: int, actor: str) -> None:
    """Log the rows ``first``…``last`` of ``table`` as one insert record: ``after`` is
    :func:`batch_json` of the rows as stored."""
    after = batch_json(db, table, first, last)
    _append(db, table, batch_key(first, last), "insert", None, after, actor, None)


def batch_key(first: int, last: int) -> str:
    """The ``row_key`` of a batch record of the ids ``first``…``last``."""
    return f"{BATCH_KEY}{first}-{last}"


def batch_json(db: sqlite_utils.Database | sqlite3.Connection, table: str, first: int,
               last: int) -> str:
    """The canonical JSON ``{"columns": [names], "rows": [[values], …]}`` of the rows
    ``first``…``last`` of ``table`` as stored (by id), made by SQLite's JSON functions (the same
    text :func:`canonical` gives for INTEGER and TEXT values: keys in order, no spaces, UTF-8
    kept, the same escapes; the audited tables hold no REAL)."""
    names = [name for _cid, name, *_rest in db.execute(f"PRAGMA table_info({table})")]
    listed = ", ".join(names)
    return db.execute(
        f"SELECT json_object('columns', json(?), 'rows', json_group_array(json_array({listed})))"
        f" FROM (SELECT {listed} FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id)",
        [canonical(names), first, last]).fetchone()[0]


def delete_batch(db: sqlite_utils.Database, table: str, first: int, last: int,
                 expected: str | None = None, actor: str = "") -> str:
    """DELETE the rows ``first``…``last`` of ``table`` (keyed by ``id``) in one statement and
    log them as one delete record (schema step 24): ``before`` is :func:`batch_json` of the rows
    as they were, ``after`` None. With ``expected`` (a batch JSON text) the rows must be exactly
    that. Returns the logged ``before``. Call inside the transaction of the change.

    Raises LookupError (nothing deleted) when a row is missing or differs from ``expected``.
    """
    before = batch_json(db, table, first, last)
    count = db.execute(f"SELECT count(*) FROM {table} WHERE id BETWEEN ? AND ?",
                       [first, last]).fetchone()[0]
    if count != last - first + 1 or expected is not None and before != expected:
        raise LookupError(f"{table} rows {first}-{last} are not as logged")
    db.execute(f"DELETE FROM {table} WHERE id BETWEEN ? AND ?", [first, last])
    _append(db, table, batch_key(first, last), "delete", before, None, actor, None)
    return before


def insert_batch(db: sqlite_utils.Database, table: str, rows: str, actor: str = "") -> str:
    """INSERT the rows of a batch JSON text ``rows`` (as :func:`batch_json` makes it: ids
    consecutive, the first column ``id``) into ``table`` with their ids, one statement (the
    table's triggers and constraints check each row), and log them as one insert record.
    Returns the logged ``after``. Call inside the transaction of the change.

    Raises LookupError (nothing inserted) when the text names other columns than the table's
    or the rows come back different from ``rows``, and sqlite3 errors (a row of these ids
    exists, a row the table's rules refuse …) from the INSERT.
    """
    names, first, last = db.execute(
        "SELECT json_extract(?1, '$.columns'), json_extract(?1, '$.rows[0][0]'), json_extract("
        "?1, '$.rows[' || (json_array_length(?1, '$.rows') - 1) || '][0]')", [rows]).fetchone()
    columns = json.loads(names)
    if columns != [name for _cid, name, *_rest in db.execute(f"PRAGMA table_info({table})")]:
        raise LookupError(f"{table} has other columns than the rows")  # never SQL from the text
    picked = ", ".join(f"json_extract(value, '$[{n}]')" for n in range(len(columns)))
    db.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {picked} "
               "FROM json_each(?, '$.rows') ORDER BY key", [rows])
    after = batch_json(db, table, first, last)
    if after != rows:
        raise LookupError(f"{table} rows {first}-{last} were not stored as logged")
    _append(db, table, batch_key(first, last), "insert", None, after, actor, None)
    return after


def batch_rows(after: str) -> list[dict]:
    """The rows of a batch record's ``after`` (see :func:`_log_batch`); [] when it is not one
    (a damaged record: its rows are then reported as not in the change history)."""
    try:
        content = json.loads(after)
        columns = content["columns"]
        return [dict(zip(columns, values, strict=True)) for values in content["rows"]]
    except (ValueError, KeyError, TypeError):
        return []


def _batches(conn: sqlite3.Connection, table: str, containing: int | None = None):
    """``(log id, occurred_at, actor, action, rows)`` of the batch records of ``table``, oldest
    first (``rows`` the JSON of the rows: an insert's ``after``, a delete's ``before``); only
    those whose ids span ``containing`` when it is given."""
    sql = ("SELECT id, occurred_at, actor, action, CASE action WHEN 'delete' THEN before "
           "ELSE after END FROM audit_log WHERE table_name = ? AND row_key GLOB ?")
    params: list = [table, _BATCH_GLOB]
    if containing is not None:
        sql += (" AND ? BETWEEN CAST(substr(row_key, 6, instr(row_key, '-') - 6) AS INTEGER) "
                "AND CAST(substr(row_key, instr(row_key, '-') + 1) AS INTEGER)")
        params.append(containing)
    return conn.execute(sql + " ORDER BY id", params)


def _batch_history(store: Store, table: str, keep, containing: int | None = None) -> list[dict]:
    """The rows of ``table``'s batch records for which ``keep(row)`` is true, each shaped as a
    :func:`history` row of its own insert or delete."""
    return [{"id": log_id, "occurred_at": occurred_at, "action": action,
             "before": row if action == "delete" else None,
             "after": None if action == "delete" else row, "actor": actor}
            for log_id, occurred_at, actor, action, rows in _batches(store.conn, table,
                                                                      containing)
            for row in batch_rows(rows) if keep(row)]


_LOG_COLUMNS = ("occurred_at", "table_name", "row_key", "action", "before", "after", "actor",
                "prev_hash", "hash")
#: Rows per multi-row INSERT of :func:`_insert_values` (at most; fewer when SQLite allows fewer
#: parameters in one statement).
VALUES_ROWS = 500


def _insert_values(conn, table: str, columns, rows) -> None:
    """INSERT ``rows`` (lists of values in the order of ``columns``) into ``table`` with
    multi-row ``INSERT … VALUES (…), (…)`` statements of up to :data:`VALUES_ROWS` rows: the
    same rows as one INSERT each (triggers run and constraints are checked row by row; a
    refusal aborts the statement and the caller's transaction), at a third of the cost of an
    executemany, which runs a statement (and its statement journal) per row."""
    getlimit = getattr(conn, "getlimit", None)  # Python 3.11+; SQLite's old default otherwise
    limit = getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if getlimit else 999
    per = max(1, min(VALUES_ROWS, limit // len(columns)))
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    one = f"({', '.join('?' * len(columns))})"
    values: list = []
    count = 0
    for row in rows:
        values += row
        count += 1
        if count == per:
            conn.execute(head + ", ".join([one] * count), values)
            values, count = [], 0
    if count:
        conn.execute(head + ", ".join([one] * count), values)


def _log_inserts(table: str, stored: list[dict], actor: str, previous: str):
    """The audit_log values of inserting ``stored``, each chained to the one before. The hash
    is :func:`_hash` of the entry, its canonical JSON put together from the parts that stay the
    same for every row (keys in sorted order, strings as the encoder writes them)."""
    now = _now()
    text = encode_basestring  # what the canonical encoder writes for a str (UTF-8 kept)
    head = f'{{"action":"insert","actor":{text(actor)},"after":'
    middle = f',"before":null,"occurred_at":{text(now)},"prev_hash":'
    tail = f',"table_name":{text(table)}}}'
    for row in stored:
        key = str(row["id"])  # row_key of a table keyed by id
        after = canonical(row)
        digest = hashlib.sha256(f"{head}{text(after)}{middle}{text(previous)},"
                                f'"row_key":{text(key)}{tail}'.encode()).hexdigest()
        yield [now, table, key, "insert", None, after, actor, previous, digest]
        previous = digest


def update_row(db: sqlite_utils.Database, table: str, key: dict, changes: dict, actor: str = "",
               action: str = "update") -> dict:
    """UPDATE the row with ``key`` (its key columns) by ``changes``, log before/after, return
    the row as stored. Raises LookupError when the row does not exist."""
    before = snapshot(db, table, key)
    if before is None:
        raise LookupError(f"{table} {key} not found")
    if changes:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(f"UPDATE {table} SET {assignments} WHERE {_where(table)}",
                   [*changes.values(), *(key[c] for c in AUDITED_TABLES[table])])
    after = snapshot(db, table, before)
    record(db, table, row_key(table, before), action, before, after, actor)
    return after


def update_changed(db: sqlite_utils.Database, table: str, key: dict, values: dict,
                   actor: str = "") -> bool:
    """Write the columns of ``values`` that differ from the row with ``key`` and log them as
    :func:`update_row` does; write and log nothing when none differs. Returns whether anything
    changed. Raises LookupError when the row does not exist."""
    before = snapshot(db, table, key)
    if before is None:
        raise LookupError(f"{table} {key} not found")
    changed = {column: value for column, value in values.items() if before.get(column) != value}
    if changed:
        update_row(db, table, key, changed, actor)
    return bool(changed)


def delete_row(db: sqlite_utils.Database, table: str, key: dict, actor: str = "") -> dict:
    """DELETE the row with ``key``, log it, and return the row as it was.
    Raises LookupError when the row does not exist."""
    before = snapshot(db, table, key)
    if before is None:
        raise LookupError(f"{table} {key} not found")
    db.execute(f"DELETE FROM {table} WHERE {_where(table)}",
               [key[c] for c in AUDITED_TABLES[table]])
    record(db, table, row_key(table, before), "delete", before, None, actor)
    return before


def history(store: Store, table: str, key: str) -> list[dict]:
    """The log of one row, oldest first: ``[{id, occurred_at, action, before, after, actor}]``
    with ``before``/``after`` as dicts (None where absent)."""
    rows = _parsed(store.query("SELECT id, occurred_at, action, before, after, actor FROM "
                               "audit_log WHERE table_name = ? AND row_key = ? ORDER BY id",
                               (table, key)))
    if AUDITED_TABLES[table] == ("id",) and key.isdigit():  # it may be logged in a batch
        rows += _batch_history(store, table, lambda row: str(row.get("id")) == key, int(key))
        rows.sort(key=lambda row: row["id"])
    return rows


#: Tables whose log rows are found by the entry they belong to (index of schema step 22).
ENTRY_CHILD_TABLES = ("entry_attachments", "dues_payments")


def entry_children_history(store: Store, table: str, entry_id: int) -> list[dict]:
    """The log of every row of ``table`` (one of :data:`ENTRY_CHILD_TABLES`) that belongs to
    the 出納簿 entry ``entry_id`` (its ``entry_id`` after the change, or before a delete),
    oldest first, shaped as :func:`history`. Raises ValueError for another table."""
    if table not in ENTRY_CHILD_TABLES:
        raise ValueError(f"{table} rows do not belong to an entry")
    rows = store.query(
        "SELECT id, occurred_at, action, before, after, actor FROM audit_log "
        "WHERE table_name IN ('entry_attachments', 'dues_payments') AND table_name = ? "
        "AND json_extract(coalesce(after, before), '$.entry_id') = ? ORDER BY id",
        (table, entry_id))
    return _parsed(rows)


def history_by(store: Store, table: str, column: str, value: int | str) -> list[dict]:
    """The log of every row of ``table`` whose ``column`` is ``value`` after the change (or
    before a delete), oldest first, shaped as :func:`history`. Scans the table's log: for the
    rows of one entry use :func:`entry_children_history`."""
    rows = store.query(
        "SELECT id, occurred_at, action, before, after, actor FROM audit_log "
        "WHERE table_name = ? AND json_extract(coalesce(after, before), ?) = ? ORDER BY id",
        (table, f"$.{column}", value))
    rows = _parsed(rows)
    if AUDITED_TABLES[table] == ("id",):  # its rows may be logged in batches
        rows += _batch_history(store, table, lambda row: row.get(column) == value)
        rows.sort(key=lambda row: row["id"])
    return rows


def _parsed(rows: list[dict]) -> list[dict]:
    for row in rows:
        for side in ("before", "after"):
            row[side] = None if row[side] is None else json.loads(row[side])
    return rows


def table_label(table: str) -> str:
    """The Japanese name of an audited table, for messages."""
    labels = {
        "cash_book_entries": _("the cash book (audited table)"),
        "budget_lines": _("the budget (audited table)"),
        "budget_transfers": _("the budget transfers (audited table)"),
        "budget_revisions": _("the budget revisions (audited table)"),
        "budget_line_revisions": _("the revised budget lines (audited table)"),
        "grants": _("the grants (audited table)"),
        "grant_payments": _("the grant payments (audited table)"),
        "opening_balances": _("the opening balances (audited table)"),
        "year_closes": _("the year closes (audited table)"),
        "account_transfers": _("the transfers between accounts (audited table)"),
        "account_opening_balances": _("the accounts' opening balances (audited table)"),
        "reconciliations": _("the reconciliations (audited table)"),
        "audits": _("the audits (audited table)"),
        "dues_rates": _("the membership fee rates (audited table)"),
        "entry_attachments": _("the evidence files of the entries (audited table)"),
        "dues_payments": _("the membership fee payments (audited table)"),
        "council_funds": _("the council's own funds (audited table)"),
        "council_programs": _("the council's own programmes (audited table)"),
        "grant_programs": _("the grant programmes (audited table)"),
    }
    return labels.get(table, table)


def verify_chain(store: Store) -> list[str]:
    """Problems of the log itself (Japanese): a row whose hash does not match its contents, or
    whose ``prev_hash`` is not the previous row's hash (a row changed, removed or inserted)."""
    problems = []
    expected_prev, previous_id = GENESIS_HASH, 0
    cursor = store.conn.execute(
        "SELECT id, occurred_at, table_name, row_key, action, before, after, actor, prev_hash, "
        "hash FROM audit_log ORDER BY id")
    for values in cursor:
        entry = dict(zip(("id", "occurred_at", "table_name", "row_key", "action", "before",
                          "after", "actor", "prev_hash", "hash"), values, strict=True))
        log_id, stored = entry.pop("id"), entry.pop("hash")
        if entry["prev_hash"] != expected_prev:
            problems.append(_("Change history entry {id} does not follow entry {previous}: "
                              "history entries were removed or inserted.").format(
                id=log_id, previous=previous_id))
        if _hash(entry) != stored:
            problems.append(_("Change history entry {id} was altered after it was written.")
                            .format(id=log_id))
        expected_prev, previous_id = stored, log_id
    return problems


def _latest(store: Store, table: str) -> dict[str, tuple[str, str | tuple | None]]:
    """The last logged ``(action, after)`` of each row key of ``table``: ``after`` the JSON of a
    record of its own, or ``(columns, values)`` of a row of a batch record."""
    rows = store.conn.execute(
        "SELECT id, row_key, action, after FROM audit_log WHERE id IN (SELECT max(id) FROM "
        "audit_log WHERE table_name = ? AND row_key NOT GLOB ? GROUP BY row_key)",
        (table, _BATCH_GLOB))
    found = {key: (log_id, action, after) for log_id, key, action, after in rows}
    for log_id, _at, _actor, action, logged in _batches(store.conn, table):
        try:
            content = json.loads(logged)
            columns, values = tuple(content["columns"]), content["rows"]
            position = columns.index("id")
        except (ValueError, KeyError, TypeError):
            continue  # a damaged record: its rows are reported as not logged
        if not isinstance(values, list) or not all(isinstance(c, str) for c in columns):
            continue
        for row in values:
            key = str(row[position]) if isinstance(row, list) and len(row) > position else None
            if key is not None and (key not in found or found[key][0] < log_id):
                found[key] = (log_id, action, (columns, row))
    return {key: (action, after) for key, (_id, action, after) in found.items()}


def _logged_state(after: str | tuple) -> dict:
    """A row's last logged state from :func:`_latest` as a dict."""
    if isinstance(after, tuple):
        columns, values = after
        return dict(zip(columns, values, strict=False))
    return json.loads(after)


def _present_tables(store: Store) -> list[str]:
    """The audited tables the file has (a file older than a table's migration lacks it)."""
    present = {name for name, in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [table for table in AUDITED_TABLES if table in present]


def _current_rows(store: Store, table: str):
    cursor = store.conn.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def verify_covered_rows(store: Store) -> list[str]:
    """Problems of the audited data (Japanese), per table and kind: rows missing from the log,
    rows that differ from their last logged state, rows deleted without a logged delete, rows
    present although their last log entry is a delete."""
    problems = []
    for table in _present_tables(store):
        latest = _latest(store, table)
        unlogged, changed, revived = [], [], []
        seen = set()
        for row in _current_rows(store, table):
            key = row_key(table, row)
            seen.add(key)
            if key not in latest:
                unlogged.append(key)
            elif latest[key][0] == "delete":
                revived.append(key)
            elif _differs(table, _logged_state(latest[key][1]), json.loads(canonical(row))):
                changed.append(key)
        vanished = [k for k, (action, _after) in latest.items()
                    if action != "delete" and k not in seen]
        label = table_label(table)
        for keys, message in (
                (unlogged, _("{table}: {count} rows are not in the change history ({keys}).")),
                (changed, _("{table}: {count} rows were changed outside the app ({keys}).")),
                (vanished, _("{table}: {count} rows were deleted outside the app ({keys}).")),
                (revived, _("{table}: {count} deleted rows are present again ({keys})."))):
            if keys:
                problems.append(message.format(table=label, count=len(keys), keys=_keys(keys)))
    return problems


def _differs(table: str, logged: dict, current: dict) -> bool:
    """Whether the current row differs from its last logged state; a column of
    :data:`ADDED_COLUMNS` missing from the logged state is not compared."""
    later = ADDED_COLUMNS.get(table, frozenset()) - logged.keys()
    return logged != {k: v for k, v in current.items() if k not in later}


def _keys(keys: list[str]) -> str:
    shown = ", ".join(keys[:_MAX_KEYS_SHOWN])
    return shown + (", …" if len(keys) > _MAX_KEYS_SHOWN else "")


def baseline(store: Store, actor: str = "baseline", occurred_at: str | None = None) -> int:
    """Log an 'insert' for every audited row that has no log entry yet (data written before the
    log: the demo, an older file); return how many. Rows already logged are left alone, so a
    row changed behind the log's back is still reported by :func:`verify_covered_rows`."""
    with store.transaction() as db:
        return log_unlogged(db, _present_tables(store), actor, occurred_at)


def log_unlogged(db: sqlite_utils.Database, tables, actor: str,
                 occurred_at: str | None = None) -> int:
    """Log an 'insert' for every row of ``tables`` without a log entry (inside the caller's
    transaction); return how many. Schema step 22 calls it for the tables of
    :data:`AUDITED_SINCE` (their rows were written before they were logged)."""
    count = 0
    for table in tables:
        logged = {key for key, in db.execute(
            "SELECT DISTINCT row_key FROM audit_log WHERE table_name = ?", [table])}
        logged |= {row_key(table, row) for *_record, rows in _batches(db.conn, table)
                   for row in batch_rows(rows) if "id" in row}
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            key = row_key(table, row)
            if key not in logged:
                record(db, table, key, "insert", None, row, actor, occurred_at)
                count += 1
    return count
