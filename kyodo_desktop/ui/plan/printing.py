"""Printing from the 地域づくり計画 page: ask where to save, build the PDF off the GUI thread with
a progress dialog (:func:`kyodo_desktop.ui.accounts.worker.run_in_background`), write it, and
say where it went. Errors go to the one error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kyodo_desktop.errors import write_error
from kyodo_desktop.i18n import _
from kyodo_desktop.ui.accounts.worker import run_in_background
from kyodo_desktop.ui.shell.errors import show_error


def save_pdf(parent: QWidget, job: Callable[[], bytes], suggested: str,
             path: Path | None = None) -> Path | None:
    """Ask for a file (unless ``path`` is given), build the PDF with ``job`` and write it.
    Returns the path written, or None when cancelled or failed (the error was shown)."""
    if path is None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save the PDF"), suggested,
                                                      _("PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
    try:
        pdf = run_in_background(parent, _("Making the PDF…"), job) or b""
        try:
            path.write_bytes(pdf)
        except OSError as error:
            raise write_error(path, error) from error
    except Exception as error:
        show_error(error, parent)
        return None
    QMessageBox.information(parent, _("PDF saved"), _("Saved to {path}.").format(path=path))
    return path
