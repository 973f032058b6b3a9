"""Hidden characters in a file that arrives whole (a restored backup): control characters (ESC,
BEL …) and invisible format characters (bidi overrides and isolates, zero-width spaces and
joiners, BOM), which the app never stores itself (:func:`kyodo_desktop.domain.text.normalize`
on every field) but a file changed by another program may hold: an ESC that repaints the
terminal, a bidi override that reverses a name in a dialog, a PDF or a suggested file name.

:func:`clean_restored_copy` treats the app's private copy of a backup before it is checked and
swapped in, as the handover import treats a package (:mod:`.handover_copy`):

* text of the tables the change log does not cover loses those characters (as
  :func:`~kyodo_desktop.domain.text.drop_hidden`: TAB, LF and CR kept; everything visible
  kept), and the counts per table are returned so the user is told;
* text of an audited table (:data:`~kyodo_desktop.store.audit.AUDITED_TABLES`: the 出納簿, 予算,
  交付金 …) is never changed: every such row must equal its last logged state, and the app
  never writes these characters there, so a backup holding them was changed outside the app.
  It is refused (:class:`HiddenCharacters`) naming the table, the row and the column, as a row
  that cleaning would make clash with another (a UNIQUE name) or that a trigger keeps;
* the change log itself and a sealed 年度報告 (``city_returns.document``) are kept byte for byte:
  they are evidence, their hashes cover those bytes, and the city's screens escape what they
  show of a return.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kyodo_desktop.domain.text import drop_hidden
from kyodo_desktop.i18n import _
from kyodo_desktop.store.audit import AUDITED_TABLES, table_label
from kyodo_desktop.store.errors import StoreError

#: Text kept byte for byte: the whole change log, and each sealed return as the council sent it.
KEPT_TABLES = frozenset({"audit_log"})
KEPT_COLUMNS = frozenset({("city_returns", "document")})


class HiddenCharacters(StoreError):
    """A restored backup holds hidden characters where they cannot be removed; the message names
    the table, row and column."""


@dataclass(frozen=True)
class Cell:
    """A value holding hidden characters: ``table``, ``column`` and the row's ``rowid``."""

    table: str
    column: str
    rowid: int


def _has_hidden(value) -> int:
    return int(isinstance(value, str) and not value.isprintable() and drop_hidden(value) != value)


def _dropped(value):
    return drop_hidden(value) if isinstance(value, str) else value


def text_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (table, TEXT column) whose values may be cleaned or refused (not those kept)."""
    found = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                 "NOT LIKE 'sqlite_%' ORDER BY name").fetchall():
        if table in KEPT_TABLES:
            continue
        for row in conn.execute(f'PRAGMA table_info("{table}")').fetchall():
            if row[2].upper() == "TEXT" and (table, row[1]) not in KEPT_COLUMNS:
                found.append((table, row[1]))
    return found


def first_hidden(conn: sqlite3.Connection, table: str, column: str) -> Cell | None:
    """The first row of ``table`` whose ``column`` holds hidden characters, or None."""
    conn.create_function("kyodo_has_hidden", 1, _has_hidden, deterministic=True)
    row = conn.execute(f'SELECT rowid FROM "{table}" WHERE kyodo_has_hidden("{column}") '
                       "ORDER BY rowid LIMIT 1").fetchone()
    return None if row is None else Cell(table, column, row[0])


def clean_restored_copy(conn: sqlite3.Connection, path) -> dict[str, int]:
    """Remove hidden characters from the private copy ``conn`` (see the module doc) in one
    transaction, committed; returns ``{table: values cleaned}`` (empty when there were none).
    Raises HiddenCharacters (nothing changed) for an audited table's row, or a row that cannot
    be cleaned; ``path`` is the user's backup, named in the message."""
    conn.create_function("kyodo_has_hidden", 1, _has_hidden, deterministic=True)
    conn.create_function("kyodo_drop_hidden", 1, _dropped, deterministic=True)
    cleaned: dict[str, int] = {}
    try:
        conn.execute("BEGIN")
        for table, column in text_columns(conn):
            cell = first_hidden(conn, table, column)
            if cell is None:
                continue
            if table in AUDITED_TABLES:
                raise _refusal(cell, path)
            try:
                changed = conn.execute(
                    f'UPDATE "{table}" SET "{column}" = kyodo_drop_hidden("{column}") '
                    f'WHERE kyodo_has_hidden("{column}")').rowcount
            except sqlite3.DatabaseError as error:  # a UNIQUE clash, a trigger's refusal
                raise _refusal(cell, path, str(error)) from error
            cleaned[table] = cleaned.get(table, 0) + changed
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return cleaned


def _refusal(cell: Cell, path, detail: str = "") -> HiddenCharacters:
    label = table_label(cell.table) if cell.table in AUDITED_TABLES else cell.table
    return HiddenCharacters(_(
        "The backup {path} was not restored: row {rowid} of {table} holds hidden characters "
        "(control or invisible formatting characters) in the column {column}. kyodo-desktop "
        "never stores them there, so the file may have been changed by another program. The "
        "data file was not changed. Choose another backup.").format(
        path=path, rowid=cell.rowid, table=label, column=cell.column), path,
        detail=f"{cell.table}.{cell.column} rowid {cell.rowid} {detail}".strip())
