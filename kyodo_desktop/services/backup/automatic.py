"""Backups a user never has to think about, and coming back from one.

* Automatic backups (:func:`auto_backup`): on closing the window and at most once a day, into the
  backup folder (設定; default ``backups/`` beside the data file), named
  ``<stem>-auto-YYYYMMDD-HHMMSS.sqlite3``; the last N (設定 › backup count) are kept.
* External backups (:func:`external_backup`, バックアップを作成…): to a chosen folder or USB stick
  with a dated name; the time is recorded in the data file, and :func:`backup_status` reminds the
  user after :data:`REMIND_AFTER_DAYS` days without one.
* Restore (:func:`restore`): verify the chosen file, copy the current file aside
  (``<stem>-before-restore-…``), then swap atomically; the caller reopens the data file.

Every copy is made with SQLite's online backup API and checked with ``PRAGMA integrity_check``
(:mod:`kyodo_desktop.services.backup.copies`, :mod:`kyodo_desktop.store.backup`); files are owner-only.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.fileops.locks import data_file_closed
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup import known_files
from kyodo_desktop.services.backup.copies import backup_to, default_backup_name
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import Store, identity
from kyodo_desktop.store import backup as files
from kyodo_desktop.store.backup import make_private, restrict_new_files  # noqa: F401  (for ui/)
from kyodo_desktop.store.database import APPLICATION_ID, deferred_check_problem
from kyodo_desktop.store.errors import (  # noqa: F401  (the first two for ui/)
    DatabaseCorrupt,
    NotAKyodoDatabase,
    StoreError,
)
from kyodo_desktop.store.incoming import verify_incoming
from kyodo_desktop.store.migrations import latest_version

log = logging.getLogger(__name__)
AUTO_EVERY = timedelta(days=1)
REMIND_AFTER_DAYS = 30
_STAMP = "%Y%m%d-%H%M%S"
_STAMPED = re.compile(r"-(auto|before-restore)-(\d{8}-\d{6}(?:-\d{1,3})?)\.sqlite3$")
SETTING_SCOPE, LAST_EXTERNAL_KEY = "backup", "last_external_at"


@dataclass(frozen=True)
class BackupEntry:
    """A backup file of a data file: ``path``, ``kind`` ("auto", "before-restore" or "other")
    and ``made_at`` (from the name, else the file's modification time)."""

    path: Path
    kind: str
    made_at: datetime


@dataclass(frozen=True)
class BackupStatus:
    """For the status bar: the latest automatic and external backup times (None = never) and
    ``remind`` — True when no external backup was made for :data:`REMIND_AFTER_DAYS` days."""

    last_auto: datetime | None
    last_external: datetime | None
    remind: bool


def data_file_id(db_path: Path) -> str | None:
    """The file id of the data file ``db_path`` (read from it; for a damaged file the id this
    PC recorded for that path), or None when unknown."""
    return identity.file_id_of(db_path) or known_files.remembered(db_path)


def _name_prefix(db_path: Path, file_id: str | None) -> str:
    """``<stem>-<8 hex digits of the file id>`` (just ``<stem>`` for a file without an id)."""
    stem = Path(db_path).stem
    return f"{stem}-{identity.short_id(file_id)}" if file_id else stem


def list_backups(db_path: Path, settings: Settings, file_id: str | None = None
                 ) -> list[BackupEntry]:
    """The backups of ``db_path`` (the file with ``file_id``, read from the file when not given)
    in its backup folder, newest first: named ``<stem>-<id>-auto-…`` / ``-before-restore-…``.
    Backups of another file of the same name, and backups without an id (made before file ids
    existed), are never listed: not rotated, not offered; they can still be chosen as files."""
    file_id = file_id or data_file_id(db_path)
    folder = settings.backup_dir(db_path)
    if file_id is None or not folder.is_dir():
        return []
    prefix = _name_prefix(db_path, file_id)
    found = []
    for path in folder.glob(f"{glob_escape(prefix)}-*.sqlite3"):
        match = _STAMPED.search(path.name)
        if match and path.name == f"{prefix}-{match.group(1)}-{match.group(2)}.sqlite3":
            found.append(BackupEntry(path, match.group(1),
                                     datetime.strptime(match.group(2)[:15], _STAMP)))
    return sorted(found, key=_newest_key, reverse=True)


def _newest_key(entry: BackupEntry) -> tuple[datetime, int, str]:
    """Order of making: the second, then the ``-2``, ``-3`` … of backups of the same second."""
    match = _STAMPED.search(entry.path.name)
    number = int(match.group(2)[16:] or 1) if match else 1
    return entry.made_at, number, entry.path.name


def stamped_name(folder: Path, stem: str, now: datetime) -> Path:
    """``<stem>-<YYYYmmdd-HHMMSS>.sqlite3`` in ``folder``; when a backup of that second exists
    (opening's daily backup and closing's in the same second), ``-2``, ``-3`` … is added, so a
    backup never fails for want of a name. Raises UserError after 999 of one second."""
    base = f"{stem}-{now:{_STAMP}}"
    for number in range(1, 1000):
        target = folder / (f"{base}.sqlite3" if number == 1 else f"{base}-{number}.sqlite3")
        if not target.exists():
            return target
    raise UserError(_("Too many backups were made in one second in {path}.").format(path=folder))


def glob_escape(text: str) -> str:
    """``text`` with glob's special characters ([, ], *, ?) taken literally."""
    return re.sub(r"([\[\]*?])", r"[\1]", text)


def auto_backup(store: Store | Path, settings: Settings, *, now: datetime | None = None,
                force: bool = False, problems: list[str] | None = None) -> Path | None:
    """Make an automatic backup unless one is younger than a day (``force``: always, as on
    closing); keep the newest ``settings.backup_count``; return the new file or None.

    ``store`` is the open Store or the data file's path (read through a connection of its own,
    as :func:`opening_checks` does in a worker thread).
    An old backup that cannot be deleted (held by antivirus, OneDrive, another window) never
    stops the backup: it is logged and its Japanese message appended to ``problems`` (for the
    status bar). Raises UserError when the backup folder cannot be written or the copy fails
    its check.
    """
    now = now or datetime.now()
    path = store.path if isinstance(store, Store) else Path(store).expanduser().resolve()
    file_id = identity.file_id(store.conn) if isinstance(store, Store) else identity.file_id_of(path)
    if file_id:
        known_files.remember(path, file_id)
    autos = [e for e in list_backups(path, settings, file_id) if e.kind == "auto"]
    if autos and not force and now - autos[0].made_at < AUTO_EVERY:
        return None
    folder = settings.backup_dir(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(_("The backup folder {path} cannot be created. Check the folder in "
                          "Settings.").format(path=folder), detail=str(error)) from error
    target = stamped_name(folder, f"{_name_prefix(path, file_id)}-auto", now)
    written = backup_to(store, target)
    rotate(path, settings, problems, file_id)
    return written


@dataclass(frozen=True)
class OpeningChecks:
    """What :func:`opening_checks` found: ``damaged`` the DatabaseCorrupt or ImpossibleValues to
    show (None when the file passed), ``backup`` the daily backup written (None when none was due or it failed),
    ``backup_error`` why it failed (None when it did not) and ``problems`` the messages of old
    backups that could not be rotated away (for the status bar; never fatal)."""

    damaged: StoreError | None = None
    backup: Path | None = None
    backup_error: UserError | None = None
    problems: tuple[str, ...] = ()


def opening_checks(path: Path, settings: Settings, *, check: bool,
                   now: datetime | None = None) -> OpeningChecks:
    """After a data file was opened without its checks (``check``: ``quick_check`` and the value
    rules, store/database.py ``deferred_check_problem``) and in any case: check it,
    then make the daily automatic backup when due (a damaged file is not backed up).

    Reads ``path`` through connections of its own, so the window runs this in a worker thread
    after its first paint: the time of both grows with the file. A failed backup is returned
    (``backup_error``), not raised.
    """
    if check:
        problem = deferred_check_problem(Path(path))
        if problem is not None:
            return OpeningChecks(damaged=problem)
    problems: list[str] = []
    try:
        written = auto_backup(path, settings, now=now, problems=problems)
    except UserError as error:
        return OpeningChecks(backup_error=error, problems=tuple(problems))
    return OpeningChecks(backup=written, problems=tuple(problems))


def rotate(db_path: Path, settings: Settings, problems: list[str] | None = None,
           file_id: str | None = None) -> list[Path]:
    """Delete automatic backups of ``db_path`` (only those of its file id) beyond the newest
    ``settings.backup_count``; return those deleted.

    Never raises for a backup that cannot be deleted: it is logged, its message appended to
    ``problems``, and it is tried again at the next rotation.
    """
    autos = [e for e in list_backups(db_path, settings, file_id) if e.kind == "auto"]
    removed = []
    for entry in autos[settings.backup_count:]:
        try:
            fileops.unlink(entry.path)
        except (UserError, OSError) as error:
            message = getattr(error, "message", "") or _(
                "The old backup {path} could not be deleted.").format(path=entry.path)
            log.warning("old backup not deleted: %s (%s)", entry.path, error)
            if problems is not None:
                problems.append(message)
            continue
        removed.append(entry.path)
    return removed


def external_backup(store: Store, folder: Path, *, now: datetime | None = None,
                    passphrase: str | None = None) -> Path:
    """Write a checked backup into ``folder`` (a USB stick …) as ``kyodo-backup-YYYYMMDD.sqlite3``
    (``-2``, ``-3`` … when that name is taken; ``….sqlite3.enc`` encrypted with ``passphrase``),
    record the time in the data file, return the path.

    Raises UserError when the folder is missing or cannot be written, or the copy fails its check.
    """
    now = now or datetime.now()
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise UserError(_("The folder {path} does not exist. Is the USB stick plugged in?")
                        .format(path=folder))
    name = default_backup_name(now.date(), encrypted=passphrase is not None)
    target, number = folder / name, 1
    while target.exists():
        number += 1
        target = folder / name.replace(".sqlite3", f"-{number}.sqlite3")
    written = backup_to(store, target, passphrase=passphrase)
    record_external_backup(store, now)
    return written


def record_external_backup(store: Store, when: datetime) -> None:
    """Remember in the data file that an external backup was made at ``when``."""
    with store.transaction() as db:
        db["settings"].upsert({"scope": SETTING_SCOPE, "key": LAST_EXTERNAL_KEY,
                               "value": when.isoformat(timespec="seconds")},
                              pk=("scope", "key"))


def backup_status(store: Store, settings: Settings, *, now: datetime | None = None
                  ) -> BackupStatus:
    """The latest backups of the open file and whether to remind of an external one (a file
    with no council yet needs no reminder)."""
    now = now or datetime.now()
    autos = [e for e in list_backups(store.path, settings, identity.file_id(store.conn))
             if e.kind == "auto"]
    text = store.scalar("SELECT value FROM settings WHERE scope = ? AND key = ?",
                        (SETTING_SCOPE, LAST_EXTERNAL_KEY))
    try:
        external = datetime.fromisoformat(text) if text else None
    except ValueError:
        external = None
    has_data = bool(store.scalar("SELECT count(*) FROM councils"))
    remind = has_data and (external is None
                           or now - external > timedelta(days=REMIND_AFTER_DAYS))
    return BackupStatus(autos[0].made_at if autos else None, external, remind)


class PassphraseNeeded(UserError):
    """The chosen file is encrypted and no passphrase was given: ask for it, then call again."""


@contextlib.contextmanager
def plain_copy(source: Path, passphrase: str | None) -> Iterator[Path]:
    """``source`` itself, or for an encrypted file its decrypted copy in the app's private
    temporary folder (:func:`kyodo_desktop.fileops.temporary_folder`, removed afterwards). Raises PassphraseNeeded without a passphrase, WrongPassphrase
    when it does not open the file."""
    from kyodo_desktop.services.backup.encryption import decrypt_file, is_encrypted

    if not is_encrypted(source):
        yield source
        return
    if passphrase is None:
        raise PassphraseNeeded(_("The file {path} is encrypted. Enter its passphrase.").format(
            path=source))
    with fileops.temporary_folder("restore") as folder:  # cleaned at the next start if killed
        plain = Path(folder) / "backup.sqlite3"
        try:
            decrypt_file(source, plain, passphrase)
        except OSError as error:
            raise UserError(_("The file {path} cannot be read.").format(path=source),
                            detail=str(error)) from error
        yield plain


def inspect_backup(path: Path, *, shown_as: Path | None = None) -> files.FileSummary:
    """Verify a file chosen for restore and return what it holds.

    Raises UserError (Japanese, ``detail`` technical) when it is missing, not a kyodo-desktop
    file, damaged, or from a newer version of the app, and StoreError when its schema or values
    are not the app's own (:func:`kyodo_desktop.store.incoming.verify_incoming`).
    """
    path = Path(path).expanduser()
    shown = path if shown_as is None else shown_as
    if not path.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=shown))
    summary = files.summarize(path)
    if summary.problem == "not an SQLite file" or (
            not summary.problem and summary.application_id != APPLICATION_ID):
        raise UserError(_("This file is not a kyodo-desktop data file: {path}").format(
            path=shown))
    if summary.problem:
        raise UserError(_("The backup file is damaged and cannot be used: {path}").format(
            path=shown), detail=summary.problem)
    if summary.schema_version > latest_version():
        raise UserError(_("This backup was made by a newer version of kyodo-desktop. Update the "
                          "app to restore it."))
    verify_incoming(path, shown_as=shown_as)
    return summary


def newest_good_backup(db_path: Path, settings: Settings) -> BackupEntry | None:
    """The newest backup of ``db_path`` that passes :func:`inspect_backup`, or None."""
    for entry in list_backups(db_path, settings):
        try:
            inspect_backup(entry.path)
        except UserError:
            continue
        return entry
    return None


@dataclass(frozen=True)
class RestoreResult:
    """``restored``: the summary of what is now in the data file; ``previous``: the copy of the
    file as it was before (None when there was no file); ``cleaned``: per table, how many
    values lost hidden characters on the way in (:mod:`kyodo_desktop.store.hidden_text`)."""

    restored: files.FileSummary
    previous: Path | None
    cleaned: dict[str, int] = field(default_factory=dict)

    def cleaned_text(self) -> str:
        """A Japanese line saying what lost hidden characters ("" when nothing did)."""
        if not self.cleaned:
            return ""
        return _("Hidden characters (control or invisible formatting characters, which "
                 "kyodo-desktop never stores) were removed from {count} values of the backup "
                 "({tables}); everything visible is as it was, and the backup file itself was "
                 "not changed.").format(
            count=sum(self.cleaned.values()),
            tables=_("; ").join(_("table {table}: {count}").format(table=table, count=count)
                                for table, count in self.cleaned.items()))


class OtherFileBackup(UserError):
    """The chosen backup is of another data file (another file id): restored only when the user
    chose it on purpose (``other_file=True``)."""


def is_other_file(db_path: Path, source: Path) -> bool:
    """True when ``source`` is not a backup of the data file ``db_path`` (their file ids differ;
    False when the data file's id is unknown, e.g. there is no data file yet)."""
    own = data_file_id(db_path) if Path(db_path).exists() else None
    return own is not None and identity.file_id_of(source) != own


def _refuse_other_file(db_path: Path, source: Path, summary: files.FileSummary, *,
                       shown: Path | None = None) -> None:
    """Refuse ``source`` (the plain copy of the chosen file ``shown``) when it is another data
    file's backup."""
    if is_other_file(db_path, source):
        source = shown or source
        from kyodo_desktop.domain.formatting import format_date

        last = format_date(summary.last_entry_date) if summary.last_entry_date else _("none")
        raise OtherFileBackup(_(
            "{name} is not a backup of this data file: it holds {councils} (latest cash book "
            "date: {last}). Restore it only if you chose it on purpose (command line: add "
            "--other-file).").format(name=source.name, councils="、".join(summary.councils)
                                     or _("(no council)"), last=last))


def restore(db_path: Path, source: Path, settings: Settings, *,
            now: datetime | None = None, other_file: bool = False,
            passphrase: str | None = None) -> RestoreResult:
    """Replace the data file ``db_path`` with the backup ``source``; the data file must be closed.

    Verifies ``source`` first, copies the current file to the backup folder as
    ``<stem>-before-restore-…`` (a damaged file byte for byte), then swaps atomically. Reopen the
    data file afterwards (an older backup is migrated on opening). An encrypted backup is
    decrypted with ``passphrase`` into a private temporary folder first.
    A backup of another data file (another file id) is refused with OtherFileBackup unless
    ``other_file`` (the user chose that file on purpose, having seen its councils and dates).
    Raises UserError when ``source`` is unusable, the data file is open in a window, is on a
    network drive, synced or removable folder (UnsafePlace), or a copy cannot be written,
    PassphraseNeeded / WrongPassphrase for an encrypted backup without the right passphrase;
    the data file is unchanged then.
    """
    now = now or datetime.now()
    db_path = Path(db_path).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    if source == db_path:
        raise UserError(_("Choose a backup file, not the data file itself."))
    fileops.refuse_live_place(db_path)  # the live file: never on a share, synced or removable
    with plain_copy(source, passphrase) as plain:
        return _restore(db_path, plain, source, settings, now, other_file)


def _restore(db_path: Path, plain: Path, source: Path, settings: Settings,
             now: datetime, other_file: bool) -> RestoreResult:
    summary = inspect_backup(plain, shown_as=source if plain != source else None)
    if not other_file:
        _refuse_other_file(db_path, plain, summary, shown=source)
    with data_file_closed(db_path):
        previous = _keep_previous(db_path, settings, now)
        staged = db_path.with_name(db_path.name + ".restoring")
        try:
            files.copy_file(plain, staged)
            problem = files.integrity_problem(staged)
            if problem:
                raise UserError(_("The restored copy failed its check; nothing was changed."),
                                detail=problem)
            cleaned = _clean_hidden_text(staged, source)
            verify_incoming(staged, shown_as=source)  # the copy is what will be used
            files.replace_database(staged, db_path)
        except (OSError, sqlite3.Error) as error:
            raise UserError(_("The backup could not be restored to {path}; nothing was changed. "
                              "Check that the folder can be written and has free space.")
                            .format(path=db_path), detail=str(error)) from error
        finally:
            with contextlib.suppress(UserError, OSError):
                fileops.unlink(staged)
    return RestoreResult(files.summarize(db_path), previous, cleaned)


def _clean_hidden_text(staged: Path, source: Path) -> dict[str, int]:
    """Remove the hidden characters of the private copy ``staged`` of the backup ``source`` as
    a handover import does (:func:`kyodo_desktop.store.hidden_text.clean_restored_copy`; an
    audited row holding them refuses the backup)."""
    from kyodo_desktop.store.hidden_text import clean_restored_copy

    conn = sqlite3.connect(str(staged), isolation_level=None)
    try:
        return clean_restored_copy(conn, source)
    finally:
        conn.close()


def _keep_previous(db_path: Path, settings: Settings, now: datetime) -> Path | None:
    if not db_path.exists():
        return None
    folder = settings.backup_dir(db_path)
    prefix = _name_prefix(db_path, data_file_id(db_path))
    target = stamped_name(folder, f"{prefix}-before-restore", now)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            files.copy_file(db_path, target)
        except sqlite3.Error:  # damaged: keep its bytes as they are
            shutil.copyfile(db_path, target)
            files.make_private(target)
    except OSError as error:
        raise UserError(_("The current data file could not be copied aside before restoring, "
                          "so nothing was changed: {path}").format(path=target),
                        detail=str(error)) from error
    return target
