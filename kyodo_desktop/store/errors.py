"""Storage errors a user can act on, each with a plain Japanese message (see :mod:`errors`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _


class StoreError(UserError):
    """Base of the errors below; ``path`` is the database file concerned."""

    def __init__(self, message: str, path: Path | str = "", *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.path = str(path)


class DatabaseLocked(StoreError):
    """Another kyodo-desktop (or another program) has the file open."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer version of the app."""


class NotAKyodoDatabase(StoreError):
    """The file is not a kyodo-desktop database (another program's file or not SQLite)."""


class DatabaseCorrupt(StoreError):
    """SQLite reports the file as damaged."""


class UnexpectedSchema(StoreError):
    """The file's tables, indexes, views or triggers are not the app's own for its version (or
    its version number is impossible): another program changed it (store/schema_check.py)."""


class ImpossibleValues(StoreError):
    """Stored values break the value rules (store/values.py): 2^63−1 円, text in a number
    column, a date in the year 9999 …"""


class DatabaseReadOnly(StoreError):
    """The file or its folder cannot be written."""


class DiskFull(StoreError):
    """The disk is full while writing."""


class DatabaseIOError(StoreError):
    """The disk failed while reading or writing (a removed USB stick, a failing disk)."""


class DatabaseBusy(StoreError):
    """A write waited too long for another writer."""


class YearClosed(StoreError):
    """A write touched a closed 年度 (``year_closes`` row not reopened); the store's triggers
    (migration 2) raise ``kyodo:closed_year``. Corrections go into the open year as 訂正."""


class RefundWithProject(StoreError):
    """A 返還金 (an expense carrying ``grant_id``) was linked to a 事業; the store's triggers
    (migration 7) raise ``kyodo:refund_with_project``."""


class EntryRefused(StoreError):
    """A 出納簿 row broke one of the entry rules the triggers of migration 8 enforce: dated
    outside its 年度, an amount of 0 or below (not a 訂正), or no 費目 / 収入科目; or (migration
    13) an entry or 振替 names an account of another council."""


#: The message the closed-year triggers raise (migrations/m0002_accounting_guards.sql).
CLOSED_YEAR_MARK = "kyodo:closed_year"
#: The message the refund triggers raise (migrations/m0007_refund_without_project.sql).
REFUND_WITH_PROJECT_MARK = "kyodo:refund_with_project"


def refund_with_project_message() -> str:
    """The Japanese message of :class:`RefundWithProject` (also the services' refusal)."""
    return _("A refund of a grant (an expense linked to the grant) cannot be linked to a "
             "project: it is not the cost of a project. Leave the project empty.")


#: The marks of the entry-rule triggers (migrations/m0008_cash_book_entry_rules.sql).
ENTRY_MARKS = ("kyodo:entry_outside_year", "kyodo:entry_amount", "kyodo:entry_category",
               "kyodo:entry_account")


def _entry_message(mark: str) -> str:
    if mark == "kyodo:entry_outside_year":
        return _("A cash book entry must be dated within its fiscal year (April 1 to March 31). "
                 "Correct the date, or record the entry in the fiscal year it belongs to.")
    if mark == "kyodo:entry_amount":
        return _("The amount must be at least 1 yen.")
    if mark == "kyodo:entry_account":
        return _("Choose an account of this council.")
    return _("Choose a category.")


def year_closed_message() -> str:
    """The Japanese message of :class:`YearClosed` when the year is not known."""
    return _("This fiscal year is closed and can no longer be changed. Record a correction entry "
             "in the open fiscal year, or reopen the closed year explicitly.")


def translate_sqlite_error(error: sqlite3.Error, path: Path | str) -> StoreError | None:
    """Map a sqlite3 error to the StoreError a user can act on, or None for a bug."""
    text = str(error).lower()
    if CLOSED_YEAR_MARK in text:
        return YearClosed(year_closed_message(), path, detail=str(error))
    if REFUND_WITH_PROJECT_MARK in text:
        return RefundWithProject(refund_with_project_message(), path, detail=str(error))
    for mark in ENTRY_MARKS:
        if mark in text:
            return EntryRefused(_entry_message(mark), path, detail=str(error))
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(_("The disk is full. Free some space and try again; nothing was saved."),
                        path, detail=str(error))
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(
            _("The data file cannot be written (read-only file or folder): {path}").format(path=path),
            path, detail=str(error))
    if "unable to open" in text:
        return DatabaseReadOnly(
            _("The data file cannot be opened. Check that the folder exists and can be written: {path}").format(path=path),
            path, detail=str(error))
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            _("The data file is busy with another program. Wait a moment and try again."),
            path, detail=str(error))
    if "disk i/o error" in text:
        return DatabaseIOError(
            _("Reading or writing the data file failed: {path}. Check that the disk or USB stick "
              "is still connected and has free space, then try again.").format(path=path),
            path, detail=str(error))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            _("The data file is damaged and cannot be read: {path}. Restore it from a backup.").format(path=path),
            path, detail=str(error))
    return None
