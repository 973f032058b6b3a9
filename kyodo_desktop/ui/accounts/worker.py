"""Run slow work (reading a file to import, writing an export) off the GUI thread while a modal
progress dialog shows that the app is busy; the caller gets the result or the exception back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtWidgets import QProgressDialog, QWidget

from kyodo_desktop.i18n import _


class _Worker(QThread):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:  # Qt override, runs in the thread
        try:
            self.result = self.work()
        except BaseException as error:  # handed back to the GUI thread
            self.error = error


def run_in_background(parent: QWidget | None, label: str, work: Callable[[], object]) -> object:
    """Call ``work()`` in a thread, showing ``label`` in a busy dialog; return its result.

    Re-raises in the GUI thread whatever ``work`` raised. ``work`` must not touch widgets.
    """
    worker = _Worker(work)
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(_("Please wait"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result
