"""Compare a file's schema (``sqlite_master``) with the app's own schema for that file's version.

A data file, backup or handover package from someone else's hands may carry SQL of its own: a
trigger that multiplies every new amount, a view named like a table, an extra table or index, a
loosened CHECK. SQLite runs such triggers on the app's connection, so a file is only used when
every table, index, view and trigger is exactly what the app's migrations create.

The expected schema of version N is built by running migrations 1…N on a fresh in-memory
database (so it follows new migrations without a hand-kept list) and cached per version.
``sqlite_stat*`` tables (written by ``ANALYZE``) hold only query-planner statistics and are
ignored.
"""

from __future__ import annotations

import functools
import sqlite3

from kyodo_desktop.store.migrations import all_migrations

#: Objects SQLite itself may add to a file; they hold no data the app reads.
_IGNORED_PREFIX = "sqlite_stat"
_KIND_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}

Schema = dict[tuple[str, str], tuple[str, str]]


def _normalized(sql: str | None) -> str:
    return " ".join((sql or "").split())


def read_master(conn: sqlite3.Connection) -> Schema:
    """``{(type, name): (tbl_name, sql with whitespace collapsed)}`` of ``sqlite_master``."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(kind, name): (table, _normalized(sql)) for kind, name, table, sql in rows
            if not name.startswith(_IGNORED_PREFIX)}


@functools.lru_cache(maxsize=8)
def expected_schema(version: int) -> Schema:
    """The ``sqlite_master`` the app's migrations 1…``version`` create (0 = empty file).

    Raises ValueError for a version below 0 or above the app's latest migration.
    """
    migrations = all_migrations()
    if not 0 <= version <= len(migrations):
        raise ValueError(f"no schema for version {version}")
    conn = sqlite3.connect(":memory:")
    try:
        for migration in migrations[:version]:
            for statement in migration.statements:
                conn.execute(statement)
        return read_master(conn)
    finally:
        conn.close()


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs between the file's schema and version ``version`` of the app's, as
    ``"extra trigger cash_book_spy"``, ``"changed table people"``, ``"missing index …"``
    (technical English, sorted: tables, indexes, views, triggers). Empty when identical."""
    found, expected = read_master(conn), expected_schema(version)
    differences = []
    for key in sorted(found.keys() | expected.keys(),
                      key=lambda k: (_KIND_ORDER.get(k[0], 9), k[1])):
        kind, name = key
        if key not in expected:
            differences.append(f"extra {kind} {name}")
        elif key not in found:
            differences.append(f"missing {kind} {name}")
        elif found[key] != expected[key]:
            differences.append(f"changed {kind} {name}")
    return differences
