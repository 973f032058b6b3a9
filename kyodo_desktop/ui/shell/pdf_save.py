"""Saving a PDF a page made: ask where (starting at a suggested name) unless a path is given,
check the target (never the data file, a database or a backup), write it atomically, show an
error in the one error dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.ui.shell.errors import show_error


def remembered_folder(settings: QSettings, key: str) -> Path:
    """Where a save dialog starts: the folder last saved to (``settings`` value ``key``) while
    it is still there, else the home folder. A USB memory taken out (its drive letter gone on
    Windows) or a deleted folder would otherwise leave the dialog in the program's own
    folder, where the file is then saved unnoticed."""
    value = str(settings.value(key, "") or "")
    if value and Path(value).is_dir():
        return Path(value)
    return Path.home()


def save_pdf(parent: QWidget | None, build: Callable[[], bytes], path: Path | str | None,
             suggested: str, open_data: Path) -> Path | None:
    """Write the PDF ``build()`` makes to ``path`` (asked for when None); the path, or None
    when cancelled or refused (the error is shown)."""
    if path is None:
        path, _filter = QFileDialog.getSaveFileName(parent, _("Save the PDF"), suggested,
                                                    _("PDF files (*.pdf)"))
        if not path:
            return None
    try:
        fileops.check_output(path, open_data=open_data)
        fileops.write_bytes(Path(path), build(), open_data=open_data)
    except UserError as error:
        show_error(error, parent)
        return None
    return Path(path)
