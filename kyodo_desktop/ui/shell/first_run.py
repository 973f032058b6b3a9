"""The first start on a PC account that has no data file yet.

On a shared office PC a second Windows account (or a new PC) would otherwise get a new empty file
silently, and the staff's records would split in two. Instead the app asks what to do:

- 今あるデータファイルを開く… — the file the office already keeps (a backup, a copy); an
  encrypted backup (``….sqlite3.enc``) is restored into the default data file after its
  passphrase is asked;
- 引継ぎファイルから始める… — a handover package from the previous treasurer or office (also an
  encrypted one, ``….enc``, after its passphrase is asked);
- 新しく始める — an empty file in the data folder (the first council of this PC);
- 終了.

A wrong passphrase is explained and asked again; an encrypted file is decrypted only into the
app's temporary folder, and nothing is left behind when it cannot be used.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.backup.datafile import Store, open_data_file
from kyodo_desktop.services.backup.encryption import WrongPassphrase, is_encrypted
from kyodo_desktop.services.settings import load_settings
from kyodo_desktop.ui.backup.dialogs import file_filter
from kyodo_desktop.ui.backup.passphrase import ask_passphrase_if_encrypted
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.opening import open_or_ask

#: Width of the first-run dialog, in full-width characters of the text size in use.
FIRST_RUN_WIDTH = 36
#: ``ask_secret(parent, path)``: (False, None) when cancelled, else (True, passphrase or None).
AskSecret = Callable[[QWidget | None, Path], tuple[bool, str | None]]


class FirstRunChoice(Enum):
    """What the user chose on the first-run dialog."""

    OPEN_EXISTING = "open"
    FROM_HANDOVER = "handover"
    START_NEW = "new"
    QUIT = "quit"


class FirstRunDialog(QDialog):
    """Three large buttons with one sentence each, and 終了; ``choice`` after ``exec()``."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Welcome to kyodo-desktop"))
        self.choice = FirstRunChoice.QUIT
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        intro = QLabel(_("This PC account has no data file yet. If your office already keeps "
                         "its records in kyodo-desktop, open that file or a handover file "
                         "instead of starting an empty one, so that the records stay in one "
                         "place."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(10)
        for choice, text, note in (
                (FirstRunChoice.OPEN_EXISTING, _("Open the office's data file…"),
                 _("A data file (.sqlite3) kept on this PC or a backup.")),
                (FirstRunChoice.FROM_HANDOVER, _("Start from a handover file…"),
                 _("The file the previous treasurer or office handed over.")),
                (FirstRunChoice.START_NEW, _("Start new"),
                 _("An empty data file in {folder}, for a council that starts using the app "
                   "now.").format(folder=path.parent))):
            button = QPushButton(text, self)
            button.setObjectName(f"firstRun_{choice.value}")
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
            label = QLabel(note, self)
            label.setWordWrap(True)
            label.setContentsMargins(12, 0, 0, 0)
            layout.addWidget(label)
            layout.addSpacing(12)
        quit_button = QPushButton(_("Quit"), self)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(quit_button)
        # 36 characters of the text size in use: the intro wraps onto whole lines at とても大きい
        fit_dialog(self, FIRST_RUN_WIDTH)

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        self.accept()


def ask_first_run(path: Path, parent: QWidget | None = None) -> FirstRunChoice:
    """Show :class:`FirstRunDialog`; the user's choice (QUIT when closed)."""
    dialog = FirstRunDialog(path, parent)
    dialog.exec()
    return dialog.choice


def ask_handover_path(parent: QWidget | None) -> Path | None:
    """Ask for a handover package (also an encrypted ``….enc`` one); None when cancelled."""
    return _ask_path(parent, _("Choose the handover file"))


def ask_data_path(parent: QWidget | None) -> Path | None:
    """Ask for the office's data file or a backup (also an encrypted one); None when cancelled."""
    return _ask_path(parent, _("Open a data file"))


def _ask_path(parent: QWidget | None, title: str) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter())
    return Path(chosen) if chosen else None


def first_run_store(path: Path, parent: QWidget | None = None, *,
                    ask: Callable[[Path, QWidget | None], FirstRunChoice] = ask_first_run,
                    ask_file: Callable[[QWidget | None], Path | None] = None,
                    ask_package: Callable[[QWidget | None], Path | None] = None,
                    ask_secret: AskSecret = ask_passphrase_if_encrypted) -> Store | None:
    """The Store to show when the default data file ``path`` does not exist yet, or None to
    quit. The dialogs are injected by tests. Nothing is created unless the user chose
    新しく始める, an encrypted backup that restores cleanly into ``path``, or a handover file
    that imports cleanly."""
    ask_file = ask_file or ask_data_path
    ask_package = ask_package or ask_handover_path
    while True:
        choice = ask(path, parent)
        if choice is FirstRunChoice.QUIT:
            return None
        if choice is FirstRunChoice.START_NEW:
            return open_or_ask(path, parent, at_start=True)
        chosen = (ask_file if choice is FirstRunChoice.OPEN_EXISTING else ask_package)(parent)
        if chosen is None:
            continue
        if choice is FirstRunChoice.OPEN_EXISTING and not is_encrypted(chosen):
            store = open_or_ask(chosen, parent, at_start=True)
        else:
            start = (_start_from_backup if choice is FirstRunChoice.OPEN_EXISTING
                     else _start_from_handover)
            store = _with_passphrase(path, chosen, parent, ask_secret, start)
        if store is not None:
            return store


def _with_passphrase(path: Path, chosen: Path, parent: QWidget | None, ask_secret: AskSecret,
                     start: Callable[[Path, Path, str | None], Store]) -> Store | None:
    """``start(path, chosen, passphrase)`` with the passphrase of an encrypted ``chosen``, asked
    again after a wrong one; None when the user cancels or the file cannot be used (explained;
    whatever was created at ``path`` removed again)."""
    existed = path.exists()
    while True:
        asked, passphrase = ask_secret(parent, chosen)
        if not asked:
            return None
        try:
            return start(path, chosen, passphrase)
        except UserError as error:
            if not existed:
                _remove_new_file(path)
            show_error(error, parent)
            if not isinstance(error, WrongPassphrase):
                return None


def _start_from_backup(path: Path, backup: Path, passphrase: str | None) -> Store:
    """Restore ``backup`` (decrypted in the app's temporary folder) as the new data file
    ``path`` and open it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    backups.restore(path, backup, load_settings(), passphrase=passphrase)
    return open_data_file(path)


def _start_from_handover(path: Path, package: Path, passphrase: str | None) -> Store:
    """Create ``path`` and import ``package`` into it."""
    # refuse a bad file (or a wrong passphrase) before creating anything
    handover_package.read_package(package, passphrase=passphrase)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_data_file(path)
    try:
        handover_package.import_package(store, package, passphrase=passphrase)
    except BaseException:
        store.close()
        raise
    return store


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock", ".restoring"):
        with contextlib.suppress(UserError, OSError):  # held: left, never fatal
            fileops.unlink(f"{path}{suffix}")
