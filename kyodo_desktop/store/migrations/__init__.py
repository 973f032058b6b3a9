"""Numbered schema migrations.

Step N lives in ``mNNNN_<name>.sql`` (plain SQL) and brings ``PRAGMA user_version`` from N-1 to N.
Each step runs in its own transaction together with the version bump, so a failed step leaves the
file at the previous version. Add a step by adding a file with the next number; never edit a step
that has shipped.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent
_NAME = re.compile(r"^m(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One step: ``version`` (1, 2 …), ``name`` and its SQL ``statements``."""

    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(script: str) -> tuple[str, ...]:
    """Split an SQL script into complete statements (trigger bodies kept whole)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer[:80]!r}")
    return tuple(statements)


def all_migrations() -> list[Migration]:
    """Every migration shipped with the app, in order; numbers must run 1, 2, 3 … without gaps."""
    return list(_read_migrations())


@cache
def _read_migrations() -> tuple[Migration, ...]:
    """The migration files, read and split once per process (opening a file checks them)."""
    found = []
    for path in sorted(_DIR.glob("m*.sql")):
        match = _NAME.match(path.name)
        if match:
            script = path.read_text(encoding="utf-8")
            found.append(Migration(int(match.group(1)), path.stem, split_statements(script)))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbers have a gap at {migration.name}")
    return tuple(found)


def latest_version() -> int:
    """The schema version this app writes."""
    return len(all_migrations())
