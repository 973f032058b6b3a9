"""The first start on a PC account that has no data file yet.

On a shared office PC a second Windows account (or a new PC) would otherwise get a new empty file
silently, and the staff's records would split in two. Instead the app asks what to do:

- 今あるデータファイルを開く… — the file the office already keeps (a backup, a copy);
- 引継ぎファイルから始める… — a handover package from the previous treasurer or office;
- 新しく始める — an empty file in the data folder (the first council of this PC);
- 終了.
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
from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.backup.datafile import Store, open_data_file
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.opening import ask_open_path, open_or_ask


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
        self.setMinimumWidth(560)
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
            button.setMinimumHeight(40)
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

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        self.accept()


def ask_first_run(path: Path, parent: QWidget | None = None) -> FirstRunChoice:
    """Show :class:`FirstRunDialog`; the user's choice (QUIT when closed)."""
    dialog = FirstRunDialog(path, parent)
    dialog.exec()
    return dialog.choice


def ask_handover_path(parent: QWidget | None) -> Path | None:
    """Ask for a handover package; None when cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose the handover file"), str(Path.home()),
        _("kyodo-desktop data (*.sqlite3 *.db);;All files (*)"))
    return Path(chosen) if chosen else None


def first_run_store(path: Path, parent: QWidget | None = None, *,
                    ask: Callable[[Path, QWidget | None], FirstRunChoice] = ask_first_run,
                    ask_file: Callable[[QWidget | None], Path | None] = None,
                    ask_package: Callable[[QWidget | None], Path | None] = None) -> Store | None:
    """The Store to show when the default data file ``path`` does not exist yet, or None to
    quit. The dialogs are injected by tests. Nothing is created unless the user chose
    新しく始める or a handover file that imports cleanly."""
    ask_file = ask_file or (lambda widget: ask_open_path(widget, Path.home()))
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
        if choice is FirstRunChoice.OPEN_EXISTING:
            store = open_or_ask(chosen, parent, at_start=True)
            if store is not None:
                return store
            continue
        store = _start_from_handover(path, chosen, parent)
        if store is not None:
            return store


def _start_from_handover(path: Path, package: Path, parent: QWidget | None) -> Store | None:
    """Create ``path`` and import ``package`` into it; on an error remove the new file again
    and explain (None)."""
    existed = path.exists()
    store = None
    try:
        handover_package.read_package(package)  # refuse a bad file before creating anything
        path.parent.mkdir(parents=True, exist_ok=True)
        store = open_data_file(path)
        handover_package.import_package(store, package)
        return store
    except UserError as error:
        if store is not None:
            store.close()
        if not existed:
            for suffix in ("", "-wal", "-shm", ".lock"):
                with contextlib.suppress(UserError, OSError):  # held: left, never fatal
                    fileops.unlink(f"{path}{suffix}")
        show_error(error, parent)
        return None
