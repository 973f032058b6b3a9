"""Validation of a database file before the app uses it: on opening, and in full before a restore
or a handover import swaps or copies anything.

Both refuse (a :class:`StoreError` with a Japanese message naming the user's file; the technical
reason in ``detail``):

* a file that is not kyodo-desktop's (``application_id``), a ``user_version`` below 1 on a file
  with tables or above the app's latest;
* a schema that is not exactly the app's own for that version (:mod:`schema_check`): extra or
  changed triggers, views, tables and indexes are named;
* values breaking :mod:`values` (2^63−1 円, text in an INTEGER column, impossible dates).

Opening runs SQLite's ``quick_check``, ``foreign_key_check`` and the quick value rules; the full
validation (:func:`verify_incoming`) runs ``integrity_check`` (which also re-validates every
CHECK, NOT NULL and STRICT type), ``foreign_key_check`` and every value rule, the same as
:func:`kyodo_desktop.store.check.run_checks` reports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kyodo_desktop.fileops import APPLICATION_ID  # "KYOD": a kyodo-desktop file
from kyodo_desktop.i18n import _
from kyodo_desktop.store.backup import has_sqlite_header, open_read_only
from kyodo_desktop.store.blob_check import MAX_SHOWN, mismatched_blobs
from kyodo_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseTooNew,
    ImpossibleValues,
    NotAKyodoDatabase,
    UnexpectedSchema,
)
from kyodo_desktop.store.migrations import latest_version
from kyodo_desktop.store.schema_check import schema_differences
from kyodo_desktop.store.values import value_findings

_SHOWN = 5


def verify_connection(conn: sqlite3.Connection, path: Path | str, *, full: bool = False,
                      values: bool = True, check: bool = True, schema: bool = True) -> None:
    """Refuse the open database ``conn`` unless it is a sound kyodo-desktop file (see module
    docstring); ``path`` is the file named in messages. An empty new file (no tables, version 0,
    no or our application id) passes. ``full``: integrity and foreign-key checks instead of the quick
    check; ``values``: also the value rules; ``schema``: also the schema comparison (``kyodo-desktop
    check`` reports those two itself, :mod:`kyodo_desktop.store.check`).

    Raises NotAKyodoDatabase, DatabaseTooNew, DatabaseCorrupt, UnexpectedSchema,
    ImpossibleValues.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if not objects and not version and app_id in (0, APPLICATION_ID):
        return
    if app_id != APPLICATION_ID:
        raise NotAKyodoDatabase(
            _("This file is not a kyodo-desktop data file: {path}").format(path=path), path)
    _check_version(version, path)
    if check or full:
        _check_damage(conn, path, full)
    differences = schema_differences(conn, version) if schema else []
    if differences:
        raise UnexpectedSchema(_(
            "The file {path} contains database parts that kyodo-desktop does not make ({names}). "
            "It may have been changed by another program and is not used. Use another backup "
            "or ask the sender for a new file.").format(
            path=path, names=", ".join(differences[:_SHOWN]) + (
                ", …" if len(differences) > _SHOWN else "")),
            path, detail="; ".join(differences))
    if values:
        impossible = impossible_values(conn, path, quick=not full)
        if impossible is not None:
            raise impossible
    if full:
        _check_blobs(conn, path)


def impossible_values(conn: sqlite3.Connection, path: Path | str, *,
                      quick: bool = True) -> ImpossibleValues | None:
    """The ImpossibleValues error of a file whose values break the value rules
    (store/values.py, ``quick`` as there), naming the columns; None when all values are sane."""
    findings = value_findings(conn, quick=quick)
    if not findings:
        return None
    return ImpossibleValues(_(
        "The file {path} contains impossible values ({names}) and is not used. Use "
        "another backup, or run “check” on it to see the rows.").format(
        path=path, names=", ".join(sorted({f"{f.table}.{f.column}" for f in findings}))),
        path, detail="; ".join(f.describe() for f in findings))


def _check_blobs(conn: sqlite3.Connection, path: Path | str) -> None:
    """Refuse a file whose stored 証拠書類 do not match their checksums (store/blob_check.py)."""
    bad = mismatched_blobs(conn)
    if bad:
        raise ImpossibleValues(_(
            "The file {path} contains attached receipts whose content does not match their "
            "checksum ({count} file(s)). It may have been changed by another program and is not "
            "used. Use another backup or ask the sender for a new file.").format(
            path=path, count=len(bad)), path,
            detail="attachment_blobs rowid " + ", ".join(str(r) for r in bad[:MAX_SHOWN]))


def _check_version(version: int, path: Path | str) -> None:
    latest = latest_version()
    if version > latest:
        raise DatabaseTooNew(
            _("This data file was saved by a newer version of kyodo-desktop (format {found}; this "
              "version reads up to {latest}). Update the app to open it.")
            .format(found=version, latest=latest), path)
    if version < 1:
        raise UnexpectedSchema(_(
            "The file {path} has an impossible format number ({found}) and is not used. Use "
            "another backup.").format(path=path, found=version), path,
            detail=f"user_version={version}")


def _check_damage(conn: sqlite3.Connection, path: Path | str, full: bool) -> None:
    pragma = "integrity_check(20)" if full else "quick_check(1)"
    problems = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    if problems == ["ok"]:
        problems = [f"foreign key {r[0]} rowid {r[1]} -> {r[2]}"
                    for r in conn.execute("PRAGMA foreign_key_check").fetchmany(20)]
    if problems and problems != ["ok"]:
        raise DatabaseCorrupt(
            _("The data file is damaged and cannot be read: {path}. Restore it from a backup.")
            .format(path=path), path, detail="; ".join(str(p) for p in problems))


def verify_incoming(path: Path, *, shown_as: Path | str | None = None) -> None:
    """Fully validate the database file at ``path`` (nothing is written) before a restore or a
    handover import uses it; ``shown_as`` is the name in messages: the user's own file when
    ``path`` is the app's private copy. Only a private copy is opened for writing, and SQLite
    re-validates CHECK constraints only on such a connection: the user's file (perhaps on
    read-only media) is opened read-only, so verify the copy that will be used as well.

    Raises NotAKyodoDatabase for a file that is not SQLite or not the app's, and the errors of
    :func:`verify_connection`.
    """
    shown = path if shown_as is None else shown_as
    if not has_sqlite_header(path):
        raise NotAKyodoDatabase(
            _("This file is not a kyodo-desktop data file: {path}").format(path=shown), shown)
    try:
        # by plain path, never a file: URI (a mapped drive's UNC form is refused by SQLite);
        # the user's own file read-only, the app's private copy writable (CHECKs re-validated)
        conn = open_read_only(path) if shown_as is None else sqlite3.connect(str(path))
        try:
            verify_connection(conn, shown, full=True)
            if not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise NotAKyodoDatabase(_("This file is not a kyodo-desktop data file: {path}")
                                        .format(path=shown), shown, detail="empty")
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise DatabaseCorrupt(
            _("The data file is damaged and cannot be read: {path}. Restore it from a backup.")
            .format(path=shown), shown, detail=str(error)) from error
