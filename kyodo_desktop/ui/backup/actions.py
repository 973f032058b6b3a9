"""Data safety in the main window, kept out of main_window.py: the File menu's restore and
handover entries, the status bar's last-backup time with its reminder, the checks after opening
(``quick_check`` of a file opened without it, the automatic backup at most daily — both after the
first paint, in a worker thread: :mod:`kyodo_desktop.ui.backup.opening_checks`), the automatic
backup on closing, and moving the data file when 設定 changes its folder. A file found damaged
after the window appeared is reported as at start-up: the newest good backup is offered, else the
file cannot be used (別のファイルを開く… or 終了).

The window creates one :class:`BackupActions` and calls :meth:`store_opened` after each
``set_store`` and :meth:`before_close` before closing the store.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QSizePolicy

from kyodo_desktop.domain import formatting
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import copies as backup
from kyodo_desktop.services.backup.datafile import Store, StoreError, open_data_file
from kyodo_desktop.services.changes import SETTINGS, Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.settings import Settings, load_settings
from kyodo_desktop.ui.backup.opening_checks import BackgroundChecks
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.message_line import FittedLabel
from kyodo_desktop.ui.shell.opening import ask_open_path, open_error_box

log = logging.getLogger(__name__)


def _dialogs():
    """The backup dialogs, imported when one is shown (start-up touches no dialog class)."""
    from kyodo_desktop.ui.backup import dialogs

    return dialogs


def _passphrase():
    """The passphrase questions (encrypted backups and packages), imported when asked."""
    from kyodo_desktop.ui.backup import passphrase

    return passphrase


def _handover():
    """The handover package service, imported when used (start-up does not need it)."""
    from kyodo_desktop.services.backup import handover_package

    return handover_package

REMINDER_STYLE = "color: #9a5b00;"
#: The backup status wraps rather than cut; this narrow it may get (then wrapping, never cut).
STATUS_MIN_WIDTH = 260


class BackupActions(QObject):
    """Backups, restore and handover for ``window`` (a MainWindow: ``context``, ``set_store``,
    ``statusBar()``). ``settings_loader`` returns the current 設定 (tests pass their own)."""

    def __init__(self, window: QMainWindow, files_menu: QMenu, settings_loader=load_settings,
                 ) -> None:
        super().__init__(window)
        self.window = window
        self.load_settings = settings_loader
        # as high as its longest text (a date and the reminder): a new text moves no page
        self.status_label = FittedLabel(window, longest=_longest_status())
        self.status_label.setObjectName("backupStatus")
        # Takes the room that is left and is clipped there: a long reminder must never make the
        # window wider than a 1366-pixel screen.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # word-wrapped: at large text a second line, never cut off
        self.status_label.setMinimumWidth(STATUS_MIN_WIDTH)
        # A normal (not permanent) widget: a temporary message (a backup that could not be
        # removed, 「バックアップを保存しました」) takes its place while shown; as a permanent
        # widget with all the room it left such a message none, so none was ever seen.
        window.statusBar().addWidget(self.status_label, 1)
        self._default_path = self.load_settings().default_db_path()
        self._add_menu(files_menu)
        self.checks = BackgroundChecks(window)
        self.checks.done.connect(self._checks_done)
        self._no_close_backup: Store | None = None  # a damaged file is not backed up
        self._closing = False

    def _add_menu(self, menu: QMenu) -> None:
        separators = [a for a in menu.actions() if a.isSeparator()]
        anchor = separators[-1] if separators else None
        entries = [(_("Restore from a backup…"), self.ask_restore),
                   (_("Export handover package…"), self.ask_export),
                   (_("Import handover package…"), self.ask_import)]
        for text, slot in entries:
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, run=slot: self._guarded(run))
            if anchor is not None:  # keep 終了 last
                menu.insertAction(anchor, action)
        self.menu_actions = entries

    @property
    def settings(self) -> Settings:
        return self.load_settings()

    def _guarded(self, run) -> None:
        try:
            run()
        except Exception as error:  # one dialog for every failure
            show_error(error, self.window)

    # session -------------------------------------------------------------------------------------

    def store_opened(self) -> None:
        """After a file was opened: listen for 設定 changes, show the status, and start the
        checks after opening (after the first paint, in a worker thread)."""
        self.window.context.changed.connect(self._on_changed)
        self.refresh_status()
        self.checks.run(self.window.context.store, self.settings)

    def before_close(self) -> None:
        """The automatic backup on closing (errors are logged and shown, never block); waits for
        the checks after opening first."""
        self._closing = True
        self.checks.wait()
        store = self.window.context.store
        if store is self._no_close_backup:
            return
        try:
            backups.auto_backup(store, self.settings, force=True)
        except UserError as error:
            log.warning("backup on close failed: %s (%s)", error.message, error.detail)

    def _checks_done(self, store: Store, result: backups.OpeningChecks) -> None:
        if store is not self.window.context.store or self._closing:
            return  # another file is shown by now, or the window is closing
        if result.damaged is not None:
            self._guarded(lambda: self._damaged(result.damaged))
            return
        messages = list(result.problems)  # e.g. an old backup held by antivirus
        if result.backup_error is not None:  # never block; tell in the status bar
            error = result.backup_error
            log.warning("automatic backup failed: %s (%s)", error.message, error.detail)
            messages.insert(0, error.message)
        self.refresh_status()
        if messages:
            self.window.statusBar().showMessage(messages[0], 15000)

    def _damaged(self, error: StoreError) -> None:
        """The open file failed its check: offer the newest good backup, else say the file
        cannot be used and let the user open another one or quit."""
        store = self.window.context.store
        self._no_close_backup = store
        entry = backups.newest_good_backup(store.path, self.settings)
        if entry is not None and _dialogs().offer_newest_backup(self.window, error.message, entry):
            self.restore(entry.path)
            return
        box = open_error_box(error, self.window, at_start=True)
        box.exec()
        chosen = (ask_open_path(self.window, store.path.parent)
                  if box.clickedButton() is box.open_other_button else None)
        if chosen is None or not self.window.open_database(chosen):
            QTimer.singleShot(0, self.window, self.window.close)

    def refresh_status(self) -> None:
        """Show the latest backup time, and the reminder after 30 days without an external one."""
        status = backups.backup_status(self.window.context.store, self.settings)
        latest = max((t for t in (status.last_auto, status.last_external) if t), default=None)
        text = (_("Last backup: {when}").format(when=formatting.format_date_time(latest)) if latest
                else _("No backup yet"))
        tip = ""
        if status.remind:
            text += "  " + _("Please back up to a USB stick.")
            tip = _("Please make a backup to a USB stick (File › Create backup…).")
        self.status_label.setText(text)
        self.status_label.longest = _longest_status()  # the date's length follows the 設定
        self.status_label.setToolTip(tip)
        self.status_label.setStyleSheet(REMINDER_STYLE if status.remind else "")

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(SETTINGS):
            self.refresh_status()
            # after every view has seen this change: switching files closes the current store
            QTimer.singleShot(0, self, lambda: self._guarded(self._follow_data_folder))

    def _follow_data_folder(self) -> None:
        """設定 moved the data folder: copy the open default file there and switch to it."""
        new_default = self.settings.default_db_path().resolve()
        old_default, self._default_path = self._default_path, new_default
        store = self.window.context.store
        if new_default == Path(old_default).resolve() or store.path != Path(old_default).resolve():
            return
        if not new_default.exists():
            backup.backup_to(store, new_default)
            QMessageBox.information(self.window, _("Settings"), _(
                "The data file was copied to {path} and is used from now on. The old file stays "
                "where it was.").format(path=new_default))
        self.window.set_store(open_data_file(new_default))

    # actions --------------------------------------------------------------------------------------

    def external_backup(self, folder: Path) -> Path:
        """バックアップを作成 into ``folder`` with a dated name; refreshes the status bar."""
        written = backups.external_backup(self.window.context.store, folder)
        self.refresh_status()
        return written

    def external_backup_written(self) -> None:
        """バックアップを作成… wrote a copy elsewhere: remember it for the reminder."""
        backups.record_external_backup(self.window.context.store, datetime.now())
        self.refresh_status()

    def ask_restore(self) -> None:
        context = self.window.context
        dialog = _dialogs().RestoreDialog(context.store.path, self.settings, self.window)
        if dialog.exec() != _dialogs().QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        if _dialogs().confirm_restore(self.window, dialog.chosen) and context.may_leave():
            asked, passphrase = _passphrase().ask_passphrase_if_encrypted(self.window,
                                                                          dialog.chosen)
            if asked:
                self.restore(dialog.chosen, passphrase, other_file=dialog.other_file)

    def restore(self, source: Path, passphrase: str | None = None, *,
                other_file: bool = False) -> backups.RestoreResult:
        """Swap the open file for ``source`` (decrypted with ``passphrase`` when encrypted) and
        reopen; on failure the old file is reopened. ``other_file``: the user chose a backup of
        another data file on purpose."""
        path = self.window.context.store.path
        self.checks.wait()  # no worker reads the file while it is swapped
        self.window.context.store.close()
        try:
            result = backups.restore(path, source, self.settings, other_file=other_file,
                                     passphrase=passphrase)
        except Exception:
            self.window.set_store(open_data_file(path))
            raise
        self.window.set_store(open_data_file(path))
        self.window.statusBar().showMessage(_("Restored from {name}.").format(name=source.name),
                                            15000)
        if result.cleaned:
            QMessageBox.information(self.window, _("Restore"), result.cleaned_text())
        return result

    def ask_export(self) -> None:
        context = self.window.context
        if context.council_id is None:
            raise UserError(_("This data file holds no council yet."))
        name = councils.council_name(context.store, context.council_id)
        suggested = Path.home() / _handover().default_package_name(name)
        target, passphrase = _passphrase().ask_target_and_passphrase(
            self.window, _("Export handover package…"),
            lambda: _dialogs().ask_package_target(self.window, suggested))
        if target is not None:
            info = _handover().export_council(context.store, context.council_id, target,
                                              passphrase=passphrase)
            QMessageBox.information(self.window, _("Export handover package…"), _(
                "The handover package of {council} was saved: {path}").format(
                council=info.council_name, path=info.path))

    def ask_import(self) -> None:
        source = _dialogs().ask_package_source(self.window)
        if source is None:
            return
        asked, passphrase = _passphrase().ask_passphrase_if_encrypted(self.window, source)
        if not asked:
            return
        info = _handover().read_package(source, passphrase=passphrase)
        if not _dialogs().confirm_import(self.window, info):
            return
        self.import_package(source, info, passphrase=passphrase)

    def import_package(self, source: Path, info, **options) -> int | None:
        """Import ``source``; asks how when a council of that name exists. Returns the new
        council id, or None when the user cancelled."""
        context = self.window.context
        try:
            result = _handover().import_package(context.store, source, **options)
        except _handover().CouncilExists as clash:
            choice, name = _dialogs().ask_existing_council(self.window, clash.message,
                                                        info.council_name)
            passphrase = options.get("passphrase")
            if choice == "replace":
                return self.import_package(source, info, replace_council_id=clash.council_id,
                                           passphrase=passphrase)
            if choice == "rename":
                return self.import_package(source, info, new_name=name, passphrase=passphrase)
            return None
        context.notify(result.changes)
        context.set_council(result.council_id)
        return result.council_id


def _longest_status() -> str:
    """The longest text the status bar's backup label shows (a late date and the reminder)."""
    when = formatting.format_date_time(datetime(2088, 12, 28, 23, 59))
    return (_("Last backup: {when}").format(when=when) + "  "
            + _("Please back up to a USB stick."))
