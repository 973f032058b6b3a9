"""Dialogs of data safety: choosing a backup to restore (with what it holds), confirmations, the
offer of the newest good backup when the data file is damaged, and the handover package's
questions. They only ask; :mod:`kyodo_desktop.ui.backup.actions` does the work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup.encryption import is_encrypted
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.ui.shell import text_input
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog

KIND_LABELS = {"auto": N_("Automatic backup"),
               "before-restore": N_("Copy taken before a restore")}


def when_text(moment) -> str:
    """``令和8年11月21日 05:30`` (date by the one formatting module)."""
    return formatting.format_date_time(moment)


def describe_file(summary) -> str:
    """Two plain lines on what a data file holds: its councils and the latest 出納簿 date."""
    names = "、".join(summary.councils) or _("(no council)")
    last = (formatting.format_date(summary.last_entry_date) if summary.last_entry_date
            else _("none"))
    return _("Councils: {names}\nLatest cash book date: {last}").format(names=names, last=last)


def file_filter() -> str:
    return _("kyodo-desktop data (*.sqlite3 *.db *.enc);;All files (*)")

#: Width and height of the restore dialog, in full-width characters of the text size in use.
RESTORE_SIZE = (35, 28)
#: Lines of what the chosen backup holds shown without scrolling.
INFO_LINES = 6


class RestoreDialog(QDialog):
    """Pick a backup from the list (newest first) or a file; shows what the chosen one holds.
    After ``exec()`` returns Accepted, :attr:`chosen` is the verified file's path."""

    def __init__(self, db_path: Path, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from a backup"))
        self.chosen: Path | None = None
        self.db_path = db_path
        #: True when :attr:`chosen` is a backup of another data file (chosen on purpose).
        self.other_file = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Choose the backup to go back to. The data file as it is now "
                                  "is copied aside first."), self, wordWrap=True))
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        for entry in backups.list_backups(db_path, settings):
            item = QListWidgetItem(f"{when_text(entry.made_at)}  {_(KIND_LABELS[entry.kind])}")
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        # what a backup holds (a city file names its 21 councils) scrolls; the buttons stay
        info_area = QScrollArea(self)
        info_area.setWidgetResizable(True)
        info_area.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget(info_area)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(holder)
        self.info.setObjectName("backupInfo")
        self.info.setWordWrap(True)
        column.addWidget(self.info)
        column.addStretch(1)
        info_area.setWidget(holder)
        info_area.setMinimumHeight(self.fontMetrics().lineSpacing() * INFO_LINES)
        layout.addWidget(info_area, 1)
        buttons = QDialogButtonBox(self)
        self.file_button = QPushButton(_("Choose a file…"), self)
        self.file_button.setObjectName("chooseFileButton")
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(buttons)
        self.ok_button.setEnabled(False)
        self.list.currentItemChanged.connect(self._item_chosen)
        self.file_button.clicked.connect(self._ask_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if not self.list.count():
            self.info.setText(_("There is no automatic backup yet. Choose a backup file, for "
                                "example on your USB stick."))
        fit_dialog(self, RESTORE_SIZE[0], RESTORE_SIZE[1])

    def _item_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _ask_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose a backup file"), "",
                                                      file_filter())
        if chosen:
            self.list.clearSelection()
            self.choose(Path(chosen))

    def choose(self, path: Path) -> bool:
        """Verify ``path`` and show what it holds; True when it can be restored (an encrypted
        file is verified after its passphrase is entered)."""
        if is_encrypted(path):
            self.chosen = path
            self.info.setText(path.name + "\n" + _(
                "This backup is encrypted. Its passphrase is asked when you restore it."))
            self.ok_button.setEnabled(True)
            return True
        try:
            summary = backups.inspect_backup(path)
        except UserError as error:
            self.chosen = None
            self.info.setText(error.message)
            self.ok_button.setEnabled(False)
            return False
        self.chosen = path
        self.other_file = backups.is_other_file(self.db_path, path)
        text = f"{path.name}\n{describe_file(summary)}"
        if self.other_file:  # first, where it cannot be missed
            text = _("Caution: this is a backup of another data file. Restore it only if you "
                     "are sure.") + "\n" + text
        self.info.setText(text)
        self.ok_button.setEnabled(True)
        return True


def confirm_restore(parent: QWidget | None, path: Path) -> bool:
    """Ask before swapping in the backup ``path``; True to go ahead."""
    answer = QMessageBox.question(
        parent, _("Restore from a backup"),
        _("Replace the data you see now with the backup {name}?\nThe current data file is "
          "copied into the backup folder first, so nothing is lost.").format(name=path.name))
    return answer == QMessageBox.StandardButton.Yes


def offer_newest_backup(parent: QWidget | None, message: str, entry) -> bool:
    """The data file cannot be opened: offer the newest good backup ``entry`` (a BackupEntry).
    True when the user wants it restored."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The data file cannot be opened"))
    box.setText(message)
    box.setInformativeText(_("A good backup from {when} was found. Restore it? The damaged file "
                             "is kept in the backup folder.").format(when=when_text(entry.made_at)))
    restore = box.addButton(_("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_package_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save a handover package; None when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the handover package"), str(suggested), file_filter())
    return Path(chosen) if chosen else None


def ask_package_source(parent: QWidget | None) -> Path | None:
    """Which handover package to import; None when cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, _("Import a handover package"), "",
                                                  file_filter())
    return Path(chosen) if chosen else None


def confirm_import(parent: QWidget | None, info) -> bool:
    """Show what a package holds and ask to import it."""
    years = "、".join(formatting.format_fiscal_year(y) for y in info.fiscal_years) or _("none")
    answer = QMessageBox.question(
        parent, _("Import a handover package"),
        _("Import {council} (fiscal years: {years}) into the open data file?").format(
            council=info.council_name, years=years))
    return answer == QMessageBox.StandardButton.Yes


def ask_existing_council(parent: QWidget | None, message: str, name: str) -> tuple[str, str]:
    """A council of the same name exists: returns ("replace", ""), ("rename", new name) or
    ("cancel", "")."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Import a handover package"))
    box.setText(message)
    replace = box.addButton(_("Replace it"), QMessageBox.ButtonRole.DestructiveRole)
    rename = box.addButton(_("Import under another name…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is replace:
        sure = QMessageBox.warning(
            parent, _("Import a handover package"),
            _("All data of {name} in this file will be replaced by the package. Continue?")
            .format(name=name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return ("replace", "") if sure == QMessageBox.StandardButton.Yes else ("cancel", "")
    if box.clickedButton() is rename:
        text, ok = text_input.ask_text(parent, _("Import a handover package"),
                                       _("Name of the imported council:"), text=name + "（引継ぎ）")
        return ("rename", text.strip()) if ok and text.strip() else ("cancel", "")
    return ("cancel", "")
