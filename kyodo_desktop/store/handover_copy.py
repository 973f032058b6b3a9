"""Copy one council with everything that belongs to it from one database to another.

The handover package (引継ぎ, :mod:`kyodo_desktop.services.backup.handover_package`) uses this twice:
exporting into a fresh file and importing from it. Nothing here names a table: what belongs to a
council is derived from the schema's foreign keys, so tables added by later migrations travel
too. A table is *owned* when one of its foreign keys points at ``councils`` or at an owned table
(people, 出納簿, plan goals …); owned rows are copied with new ids and their references
remapped. Rows they reference in other tables (地域, センター, 交付金 programmes, code lists) are
*shared*: matched in the target by a UNIQUE key or by equal values, inserted only when missing.
``settings`` and ``audit_log`` never travel (the caller logs the copied rows afresh; a shared
row of an audited table, a 交付金 programme, is logged here as it is inserted). Text
loses the control and invisible format characters the app itself never stores (a package is a
file from other hands: an ESC or a bidi override in a name would reach the terminal, PDFs and
suggested file names).

``year_closes`` rows are written last: the closed-year triggers (migration 2) would refuse the
出納簿 of a closed 年度 otherwise.

BLOB columns (the 証拠書類 files of migration 18) are never read with the rows: the lists hold
None in their place, and each file is read by its row's id when that row is written, so a
council with hundreds of scans is copied one file at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from kyodo_desktop.domain.text import drop_hidden
from kyodo_desktop.store import audit

NEVER_COPIED = frozenset({"settings", "audit_log"})
WRITTEN_LAST = ("year_closes",)


@dataclass
class Table:
    """Schema facts of one table: ``columns``, ``int_id`` (an INTEGER PRIMARY KEY ``id``),
    ``fks`` as (column, parent table, parent column), ``unique`` column sets (PK included),
    ``blobs`` the BLOB columns (read one row at a time when the table has an ``int_id``)."""

    name: str
    columns: list[str]
    int_id: bool
    fks: list[tuple[str, str, str]] = field(default_factory=list)
    unique: list[tuple[str, ...]] = field(default_factory=list)
    blobs: tuple[str, ...] = ()


def read_schema(conn: sqlite3.Connection) -> dict[str, Table]:
    """The :class:`Table` of every user table of ``conn``."""
    tables = {}
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for name in names:
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns = [row[1] for row in info]
        pk = tuple(row[1] for row in sorted(info, key=lambda r: r[5]) if row[5])
        int_id = pk == ("id",) and any(r[1] == "id" and r[2].upper() == "INTEGER" for r in info)
        fks = [(row[3], row[2], row[4] or "id") for row in
               conn.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()]
        unique = [pk] if pk and not int_id else []
        for index in conn.execute(f'PRAGMA index_list("{name}")').fetchall():
            if index[2] and index[3] == "u":  # UNIQUE constraint (not a partial index)
                cols = conn.execute(f'PRAGMA index_info("{index[1]}")').fetchall()
                unique.append(tuple(c[2] for c in cols))
        blobs = tuple(r[1] for r in info if r[2].upper() == "BLOB") if int_id else ()
        tables[name] = Table(name, columns, int_id, fks, unique, blobs)
    return tables


def owned_tables(schema: dict[str, Table]) -> set[str]:
    """The tables whose rows belong to a council (``councils`` included)."""
    owned = {"councils"}
    grew = True
    while grew:
        grew = False
        for table in schema.values():
            if table.name not in owned | NEVER_COPIED and any(
                    parent in owned for _c, parent, _p in table.fks):
                owned.add(table.name)
                grew = True
    return owned


def copy_order(schema: dict[str, Table], names: set[str]) -> list[str]:
    """``names`` with parents before children (self-references ignored), ``year_closes`` last."""
    order: list[str] = []
    pending = sorted(n for n in names if n not in WRITTEN_LAST)
    while pending:
        ready = [n for n in pending if all(
            p == n or p not in names or p in order for _c, p, _pc in schema[n].fks)]
        if not ready:  # a cycle: keep going in name order
            ready = pending[:1]
        order.extend(ready)
        pending = [n for n in pending if n not in ready]
    return order + [n for n in WRITTEN_LAST if n in names]


def _rows(conn: sqlite3.Connection, table: Table) -> Iterator[dict]:
    """The table's rows; its BLOB columns as None (see the module docstring)."""
    select = ", ".join("NULL" if c in table.blobs else f'"{c}"' for c in table.columns)
    cursor = conn.execute(f'SELECT {select} FROM "{table.name}" ORDER BY rowid')
    for values in cursor:
        yield dict(zip(table.columns, values, strict=True))


def council_rows(conn: sqlite3.Connection, council_id: int) -> dict[str, list[dict]]:
    """Every row that belongs to the council, by owned table, in copy order."""
    schema = read_schema(conn)
    owned = owned_tables(schema)
    keys: dict[str, set] = {}
    found: dict[str, list[dict]] = {}
    for name in copy_order(schema, owned):
        table = schema[name]
        rows = []
        for row in _rows(conn, table):
            if name == "councils":
                mine = row["id"] == council_id
            else:
                mine = any(row[c] is not None and row[c] in keys.get((p, pc), ())
                           for c, p, pc in table.fks if p in owned)
            if mine:
                rows.append(row)
                for column in table.columns:
                    keys.setdefault((name, column), set()).add(row[column])
        found[name] = rows
    return found


def _shown(value):
    """A text value without the hidden characters a crafted package may carry (an ESC that
    repaints the terminal, a bidi override that reverses a name or a file name in a PDF or a
    dialog, :func:`~kyodo_desktop.domain.text.drop_hidden`); other values unchanged."""
    return drop_hidden(value) if isinstance(value, str) else value


class CouncilCopier:
    """Copies owned rows from ``source`` into the target connection ``target`` (inside the
    caller's transaction), remapping ids; :meth:`copy` returns the new council id.

    ``renames`` ``{shared table: {old code: new code}}`` gives shared rows a new ``code`` (and
    ``name`` where it equals the code) as they are inserted: a council's own funds and
    programmes (migration 19) arrive under fresh codes, so they never meet another council's.
    A shared row it inserts into an audited table (a 交付金 programme) is logged in the target's
    change log as an insert by ``actor``."""

    def __init__(self, source: sqlite3.Connection, target: sqlite3.Connection,
                 renames: dict[str, dict] | None = None, actor: str = "") -> None:
        self.source, self.target, self.actor = source, target, actor
        self.renames = renames or {}
        self.schema = read_schema(source)
        self.target_schema = read_schema(target)
        self.owned = owned_tables(self.schema)
        self.ids: dict[str, dict] = {}
        self.shared: dict[tuple[str, str, object], object] = {}
        self.counts: dict[str, int] = {}

    def copy(self, council_id: int) -> int:
        """Copy the council ``council_id`` of the source; return its id in the target.

        Raises sqlite3.Error when the target refuses a row (e.g. a council of the same name).
        """
        rows = council_rows(self.source, council_id)
        for name, table_rows in rows.items():
            if name not in self.target_schema:
                continue
            self.ids[name] = {}
            for row in table_rows:
                self._insert_owned(self.schema[name], row)
            self.counts[name] = len(table_rows)
        return self.ids["councils"][council_id]

    def _value(self, table: Table, column: str, value):
        for col, parent, parent_col in table.fks:
            if col != column or value is None:
                continue
            if parent in self.owned:
                return self.ids.get(parent, {}).get(value) if parent_col == "id" else (
                    _shown(value))
            return self._shared(parent, parent_col, value)
        return _shown(value)

    def _insert_owned(self, table: Table, row: dict) -> None:
        values = {c: self._value(table, c, v) for c, v in row.items()
                  if c in self.target_schema[table.name].columns}
        if table.blobs:  # read now, one row's files at a time
            found = self.source.execute(
                f'SELECT {", ".join(table.blobs)} FROM "{table.name}" WHERE id = ?',
                (row["id"],)).fetchone()
            values.update({c: v for c, v in zip(table.blobs, found, strict=True)
                           if c in values})
        if table.int_id:
            values.pop("id")
        new_id = self._insert(table.name, values)
        if table.int_id:
            self.ids[table.name][row["id"]] = new_id

    def _insert(self, name: str, values: dict) -> int:
        columns = list(values)
        cursor = self.target.execute(
            f'INSERT INTO "{name}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})',
            [values[c] for c in columns])
        return cursor.lastrowid

    def _shared(self, name: str, column: str, value):
        key = (name, column, value)
        if key in self.shared:
            return self.shared[key]
        found = self.source.execute(f'SELECT * FROM "{name}" WHERE "{column}" = ?', [value])
        names = [d[0] for d in found.description]
        row = found.fetchone()
        result = None
        if row is not None and name in self.target_schema:
            table = self.schema[name]
            values = {c: self._value(table, c, v) for c, v in zip(names, row, strict=True)
                      if c in self.target_schema[name].columns}
            old = values.get("code")
            if old in self.renames.get(name, {}):
                values["code"] = self.renames[name][old]
                if values.get("name") == old:
                    values["name"] = values["code"]
            match = self._match(table, values)
            if match is None:
                insert = {c: v for c, v in values.items() if not (table.int_id and c == "id")}
                new_id = self._insert(name, insert)
                match = {**values, "id": new_id} if table.int_id else values
                self._log_shared(name, match)
            result = match[column]
        self.shared[key] = result
        return result

    def _log_shared(self, name: str, values: dict) -> None:
        """Log the insert of a shared row into an audited table (a 交付金 programme): the
        caller logs the owned rows, which a shared row is not one of."""
        if name in audit.AUDITED_TABLES:
            stored = audit.snapshot(self.target, name, values)
            audit.record(self.target, name, audit.row_key(name, stored), "insert", None, stored,
                         self.actor)

    def _match(self, table: Table, values: dict) -> dict | None:
        candidates = [cols for cols in table.unique if all(values.get(c) is not None
                                                           for c in cols)]
        plain = tuple(c for c in values if not (table.int_id and c == "id"))
        for cols in [*candidates, plain]:
            where = " AND ".join(f'"{c}" IS ?' for c in cols)
            cursor = self.target.execute(f'SELECT * FROM "{table.name}" WHERE {where}',
                                         [values[c] for c in cols])
            row = cursor.fetchone()
            if row is not None:
                return dict(zip([d[0] for d in cursor.description], row, strict=True))
        return None
