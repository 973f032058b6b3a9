"""引継ぎ (handover package): one council, all its years, in one file for the next office or
the city; imported into another data file as a new council, or replacing one after confirmation.

The package is itself a kyodo-desktop data file (it opens in the app and passes ``check``)
holding exactly one council plus the 地域, センター and 交付金 programmes it refers to, marked by
``settings`` rows of scope ``"handover"``. The change history (変更履歴) does not travel: the
copied accounting rows are logged afresh as inserts by ``handover`` in the package and in the
file that imports it (a replaced council's rows as deletes first), so both chains stay valid.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kyodo_desktop import __version__, fileops
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.fileops.outputs import file_name_part
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup.automatic import plain_copy
from kyodo_desktop.services.backup.handover_reference import (
    council_code_renames,
    refuse_differences,
)
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit, open_store
from kyodo_desktop.store import backup as files
from kyodo_desktop.store.errors import StoreError
from kyodo_desktop.store.handover_copy import CouncilCopier, council_rows
from kyodo_desktop.store.incoming import verify_incoming

SCOPE = "handover"
ACTOR = "handover"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class PackageInfo:
    """What a handover package holds: the council's ``council_name``, ``exported_at``, the
    ``app_version`` that wrote it, its ``fiscal_years`` (年度 with 出納簿 or 予算 rows) and
    ``counts`` of rows per table."""

    path: Path
    council_name: str
    exported_at: str
    app_version: str
    fiscal_years: tuple[int, ...]
    counts: dict[str, int]


class CouncilExists(UserError):
    """The target already has a council of the package's name; ``council_id`` is that council.
    Ask the user, then import again with ``replace_council_id`` or ``new_name``."""

    def __init__(self, message: str, council_id: int) -> None:
        super().__init__(message)
        self.council_id = council_id


def default_package_name(council_name: str, today: date | None = None) -> str:
    """``引継ぎ_湯田地域づくり協議会_20261120.sqlite3`` (the name as
    :func:`~kyodo_desktop.fileops.outputs.file_name_part` keeps it)."""
    safe = file_name_part(council_name, "council")
    return f"引継ぎ_{safe}_{(today or date.today()):%Y%m%d}{SUFFIX}"


def export_council(store: Store, council_id: int, target: Path, *,
                   now: datetime | None = None, passphrase: str | None = None) -> PackageInfo:
    """Write the council ``council_id`` with all its years to the package file ``target`` and
    return what it holds. Built in the app's temporary folder, then copied to ``target``
    atomically, owner-only and self-contained (journal mode DELETE, so a network folder or a USB
    stick is fine); an older package there is replaced, a data file or backup never. With
    ``passphrase`` the package is encrypted (:mod:`kyodo_desktop.services.backup.encryption`);
    the plain package is then built in a private temporary folder on this PC.

    Raises UserError when the council does not exist or the file cannot be written,
    ValidationError for a passphrase too short.
    """
    name = councils.council_row(store, council_id)["name"]
    target = Path(target).expanduser().resolve()
    if target == store.path:
        raise UserError(_("Choose a different file for the handover package than the open "
                          "data file."))
    fileops.check_output(target, open_data=store.path, may_replace=is_package)
    if passphrase is not None:
        return _encrypted_export(store, council_id, target, now, passphrase)
    try:
        with fileops.temporary_folder("export") as folder:  # built on this PC, never on a share
            built = folder / "package.sqlite3"
            with open_store(built) as package, package.transaction() as db:
                CouncilCopier(store.conn, package.conn, actor=ACTOR).copy(council_id)
                audit.baseline(package, actor=ACTOR)
                _write_marker(db, name, now or datetime.now())
            with fileops.atomic_output(target, open_data=store.path,
                                       may_replace=is_package) as partial:
                files.copy_file(built, partial)  # one self-contained file: journal mode DELETE
                problem = files.integrity_problem(partial)
                if problem:
                    raise UserError(_("The handover package failed its check and was not kept."),
                                    detail=problem)
    except (OSError, sqlite3.Error, StoreError) as error:
        raise UserError(_("The handover package could not be written to {path}. Check that the "
                          "place exists, can be written and has free space.").format(
            path=target), detail=str(error)) from error
    return read_package(target)


def _encrypted_export(store: Store, council_id: int, target: Path, now: datetime | None,
                      passphrase: str) -> PackageInfo:
    from kyodo_desktop.services.backup.encryption import encrypt_file, passphrase_problem

    problem = passphrase_problem(passphrase)
    if problem:
        raise ValidationError(problem, field="passphrase")
    with fileops.temporary_folder("handover") as folder:
        plain = export_council(store, council_id, Path(folder) / "package.sqlite3", now=now)
        try:
            encrypt_file(plain.path, target, passphrase)
        except OSError as error:
            raise UserError(_("The handover package could not be written to {path}. Check that "
                              "the place exists, can be written and has free space.").format(
                path=target), detail=str(error)) from error
    return PackageInfo(target, plain.council_name, plain.exported_at, plain.app_version,
                       plain.fiscal_years, plain.counts)


def _write_marker(db, council_name: str, now: datetime) -> None:
    for key, value in (("council", council_name), ("app_version", __version__),
                       ("exported_at", now.isoformat(timespec="seconds"))):
        db["settings"].insert({"scope": SCOPE, "key": key, "value": value}, replace=True)


def is_package(path: Path) -> bool:
    """True when ``path`` is a handover package (an older one may be replaced by a new export)."""
    try:
        conn = files.open_read_only(path)
        try:
            return bool(conn.execute("SELECT 1 FROM settings WHERE scope = ? AND key = 'council'",
                                     (SCOPE,)).fetchone())
        finally:
            conn.close()
    except sqlite3.Error:
        return False



def read_package(path: Path, *, passphrase: str | None = None) -> PackageInfo:
    """Verify a handover package and say what it holds (the file is not changed).

    Raises UserError when it is missing, damaged, from a newer app, not a handover package, or
    its schema or values are not the app's own; PassphraseNeeded / WrongPassphrase for an
    encrypted package without the right ``passphrase``.
    """
    path = Path(path).expanduser()
    with fileops.temporary_folder("handover") as folder:
        copy = checked_copy(path, Path(folder), passphrase)
        summary = files.summarize(copy)
        with open_store(copy) as package:  # migrated in the copy when older
            return _package_info(package, path, summary)


def checked_copy(path: Path, folder: Path, passphrase: str | None = None) -> Path:
    """Copy the package ``path`` into ``folder`` (a private temporary folder; decrypted with
    ``passphrase`` when encrypted) and fully validate the copy
    (:func:`kyodo_desktop.store.incoming.verify_incoming`): what is checked is what is used.
    Returns the copy's path; errors name ``path``, never the copy."""
    if not path.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    with plain_copy(path, passphrase) as plain:
        return _checked_copy(plain, path, folder)


def _checked_copy(plain: Path, path: Path, folder: Path) -> Path:
    if not files.has_sqlite_header(plain):
        raise UserError(_("This file is not a kyodo-desktop data file: {path}").format(path=path))
    copy = folder / "package.sqlite3"
    try:
        files.copy_file(plain, copy)
    except sqlite3.Error as error:
        raise UserError(_("The backup file is damaged and cannot be used: {path}").format(
            path=path), detail=str(error)) from error
    verify_incoming(copy, shown_as=path)
    return copy


def _package_info(package: Store, path: Path, summary: files.FileSummary) -> PackageInfo:
    marker = {r["key"]: r["value"] for r in package.query(
        "SELECT key, value FROM settings WHERE scope = ?", (SCOPE,))}
    councils = package.query("SELECT name FROM councils")
    years = [r["fiscal_year"] for r in package.query(
        "SELECT fiscal_year FROM cash_book_entries UNION SELECT fiscal_year FROM "
        "budget_lines UNION SELECT fiscal_year FROM projects ORDER BY 1")]
    if "council" not in marker or len(councils) != 1:
        raise UserError(_("This file is not a handover package: {path}").format(path=path))
    counts = {t: n for t, n in summary.counts.items() if n and t not in ("settings", "audit_log")}
    return PackageInfo(path, councils[0]["name"], marker.get("exported_at", ""),
                       marker.get("app_version", ""), tuple(years), counts)


@dataclass(frozen=True)
class ImportResult:
    """``council_id`` of the imported council in the target, ``replaced`` True when it took the
    place of an existing council, and the ``changes`` for the UI."""

    council_id: int
    replaced: bool
    changes: Changes


def import_package(store: Store, path: Path, *, replace_council_id: int | None = None,
                   new_name: str | None = None, passphrase: str | None = None) -> ImportResult:
    """Import the handover package at ``path`` into ``store`` in one transaction.

    As a new council by default (``new_name`` renames it); with ``replace_council_id`` that
    council and everything of it is deleted first (the deletes are logged in the 変更履歴).
    Raises CouncilExists when a council of the same name exists and neither option is given,
    An encrypted package needs its ``passphrase`` (PassphraseNeeded / WrongPassphrase).
    UserError for a bad package or name or when its shared reference rows (programmes, 費目,
    funds, 地域 …) differ from the target's (:mod:`handover_reference`), StoreError from the
    store. Nothing is written then.
    """
    path = Path(path).expanduser()
    with fileops.temporary_folder("handover") as folder:
        copy = checked_copy(path, Path(folder), passphrase)
        summary = files.summarize(copy)
        with open_store(copy) as package:
            info = _package_info(package, path, summary)
            return _import(store, package, info, replace_council_id, new_name)


def _import(store: Store, package: Store, info: PackageInfo, replace_council_id: int | None,
            new_name: str | None) -> ImportResult:
    name = (new_name or "").strip() or info.council_name
    existing = store.scalar("SELECT id FROM councils WHERE name = ?", (name,))
    if replace_council_id is not None:
        councils.ensure_council(store, replace_council_id)
    if existing is not None and existing != replace_council_id:
        raise CouncilExists(_("A council named {name} is already in this data file. Replace it "
                              "with the package, or import it under another name.").format(
            name=name), existing)
    refuse_differences(package.conn, store.conn, info.path)
    with store.transaction() as db:
        if replace_council_id is not None:
            delete_council(store, replace_council_id)
        package_id = package.scalar("SELECT id FROM councils")
        if name != info.council_name:
            package.conn.execute("UPDATE councils SET name = ? WHERE id = ?",
                                 (name, package_id))
        council_id = CouncilCopier(package.conn, db.conn, council_code_renames(package.conn),
                                   actor=ACTOR).copy(package_id)
        _log_inserts(store, council_id)
    return ImportResult(council_id, replace_council_id is not None,
                        Changes.everything())


def _log_inserts(store: Store, council_id: int) -> None:
    """Log an insert for every audited row of the imported council (its ids may be ids of rows
    deleted before, so :func:`audit.baseline`, which skips logged keys, would not do)."""
    rows = council_rows(store.conn, council_id)
    for table in audit.AUDITED_TABLES:
        for row in rows.get(table, []):
            audit.record(store.db, table, audit.row_key(table, row), "insert", None, row, ACTOR)


def delete_council(store: Store, council_id: int) -> None:
    """Delete a council with everything of it, logging the deletes of audited rows (call inside
    ``store.transaction()``)."""
    rows = council_rows(store.conn, council_id)
    db = store.db
    for table in audit.AUDITED_TABLES:
        for row in rows.get(table, []):
            audit.record(db, table, audit.row_key(table, row), "delete", row, None, ACTOR)
    for row in rows.get("officer_terms", []):  # people are RESTRICTed by their terms
        db.execute("DELETE FROM officer_terms WHERE id = ?", [row["id"]])
    db.execute("DELETE FROM councils WHERE id = ?", [council_id])
