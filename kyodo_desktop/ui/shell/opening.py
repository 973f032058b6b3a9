"""Opening a data file from the GUI: clear messages for files that cannot be opened (locked,
too new, foreign, corrupt) with a way out, and the demo file built on first use.

The dialogs' Qt classes are imported when a dialog is shown: this module is on the start-up path,
and each Qt class costs its enums' creation the first time it is touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup.datafile import Store, open_data_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def file_filter() -> str:
    """The file dialogs' filter: kyodo-desktop data files, then all files."""
    return _("kyodo-desktop data (*.sqlite3 *.db);;All files (*)")


def ask_open_path(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """Ask for a data file to open; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Open a data file"), str(start or ""), file_filter())
    return Path(chosen) if chosen else None


def open_error_box(error: UserError, parent: QWidget | None, *, at_start: bool) -> QMessageBox:
    """The message box for a file that cannot be opened, with 別のファイルを開く… and 終了
    (at start-up) or キャンセル (from the menu). The caller execs it and compares
    ``clickedButton()`` with ``box.open_other_button``."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The data file cannot be opened"))
    box.setText(error.message)
    if error.detail:
        box.setDetailedText(error.detail)
    other = box.addButton(_("Open another file…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Quit") if at_start else _("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(other)
    box.open_other_button = other  # checked by the caller
    return box


def open_or_ask(path: Path, parent: QWidget | None = None, *, at_start: bool = False) -> Store | None:
    """Open ``path``; on a StoreError (or another UserError: a network drive, a synced folder, a
    folder that cannot be made private) explain it and let the user pick another file.

    Returns the open Store, or None when the user gave up (終了 / キャンセル).
    """
    while True:
        try:
            return open_data_file(path)
        except UserError as error:  # StoreError and the refusals of the file's place
            box = open_error_box(error, parent, at_start=at_start)
            box.exec()
            if box.clickedButton() is not box.open_other_button:
                return None
            chosen = ask_open_path(parent, path.parent)
            if chosen is None:
                return None
            path = chosen


def build_demo_with_progress(store: Store, parent: QWidget | None = None) -> dict:
    """Fill an empty ``store`` with the demo council under a progress dialog; return its summary.

    Raises UserError from the builder (e.g. the file already holds councils).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from kyodo_desktop.demo.build import build_demo

    dialog = QProgressDialog(_("Preparing the demo data…"), "", 0, 100, parent)
    dialog.setWindowTitle(_("kyodo-desktop"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)

    def progress(percent: int, label: str) -> None:
        dialog.setLabelText(label)
        dialog.setValue(max(0, min(100, int(percent))))
        QApplication.processEvents()

    try:
        return build_demo(store, progress=progress)
    finally:
        dialog.close()
        dialog.deleteLater()
