"""Snapshots of deleted roster records, so that a deletion can be undone exactly.

Deleting a 構成団体, a person, a 専門部会 or a 任期 removes rows of several tables (the schema
cascades) and empties links elsewhere (``ON DELETE SET NULL``: 実施主体 of a 推進項目, the 部会 of
a 事業). :func:`capture` reads all of that before the delete; :func:`restore` writes it back with
the same ids, in one transaction, and relinks what was emptied. The UI's 元に戻す uses it.
:func:`usage_lines` lists what refers to a record, for the confirmation before a delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kyodo_desktop.store import Store


@dataclass(frozen=True)
class Snapshot:
    """``rows``: ``((table, (row dict, …)), …)`` parents first; ``links``: ``((table, column,
    value, (row id, …)), …)`` — columns that the delete set to NULL and restore sets back."""

    rows: tuple[tuple[str, tuple[dict, ...]], ...]
    links: tuple[tuple[str, str, object, tuple[int, ...]], ...] = ()

    def count(self, table: str) -> int:
        """How many rows of ``table`` the snapshot holds."""
        return sum(len(rows) for name, rows in self.rows if name == table)


def capture(store: Store, parts: list[tuple[str, str, tuple]],
            links: list[tuple[str, str, object]] = ()) -> Snapshot:
    """Read the rows to be deleted: ``parts`` are ``(table, where SQL, params)`` in insert order
    (parents first); ``links`` are ``(table, column, value)``: the ids of rows whose ``column``
    equals ``value`` are kept so that :func:`restore` can set it again."""
    rows = tuple((table, tuple(store.query(f'SELECT * FROM "{table}" WHERE {where}', params)))
                 for table, where, params in parts)
    linked = tuple(
        (table, column, value, tuple(row["id"] for row in store.query(
            f'SELECT id FROM "{table}" WHERE "{column}" = ? ORDER BY id', (value,))))
        for table, column, value in links)
    return Snapshot(rows, tuple(link for link in linked if link[3]))


def restore(store: Store, snapshot: Snapshot) -> None:
    """Write the snapshot's rows back (same ids) and relink, in one transaction.

    Raises StoreError (e.g. DatabaseBusy) or sqlite3.IntegrityError when a row with the same key
    was added since (then nothing is written).
    """
    with store.transaction() as db:
        for table, rows in snapshot.rows:
            if rows:
                db[table].insert_all([dict(row) for row in rows])
        for table, column, value, ids in snapshot.links:
            marks = ", ".join("?" for _ in ids)
            db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id IN ({marks})',
                       (value, *ids))


def usage_lines(store: Store, counts: Sequence[tuple[str, str]], record_id: int) -> list[str]:
    """The lines of a delete confirmation: for each ``(message, count SQL)`` pair whose SQL
    (one ``?`` for ``record_id``) counts rows that refer to the record, ``message.format(count=…)``
    when the count is not 0. ``[]`` when nothing refers to it."""
    lines = []
    for message, sql in counts:
        count = store.scalar(sql, (record_id,))
        if count:
            lines.append(message.format(count=count))
    return lines
