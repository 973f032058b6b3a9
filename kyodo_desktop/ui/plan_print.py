"""Printing from the 地域づくり計画 page: ask where to save, build the PDF off the GUI thread with
a progress dialog, write it, and say where it went. Errors go to the one error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.ui.errors import show_error


class _Worker(QThread):
    def __init__(self, job: Callable[[], bytes]) -> None:
        super().__init__()
        self.job = job
        self.result: bytes | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.job()
        except BaseException as error:  # handed to the GUI thread
            self.error = error


def build_in_background(job: Callable[[], bytes], parent: QWidget | None,
                        label: str) -> bytes:
    """Run ``job`` on a worker thread behind a busy progress dialog; return its bytes or raise
    its error in the GUI thread."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    worker = _Worker(job)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    if worker.error is not None:
        raise worker.error
    return worker.result or b""


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
        pdf = build_in_background(job, parent, _("Making the PDF…"))
        try:
            path.write_bytes(pdf)
        except OSError as error:
            raise UserError(_("The file {path} could not be written: {reason}").format(
                path=path, reason=error.strerror or error)) from error
    except Exception as error:
        show_error(error, parent)
        return None
    QMessageBox.information(parent, _("PDF saved"), _("Saved to {path}.").format(path=path))
    return path
