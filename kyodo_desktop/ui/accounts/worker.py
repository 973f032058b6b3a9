"""Run slow work (reading a file to import, writing an export) off the GUI thread while a modal
progress dialog shows that the app is busy; the caller gets the result or the exception back.
:func:`run_with_progress` shows how far the work is and lets the user cancel it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from kyodo_desktop.i18n import _


class _Worker(QThread):
    #: ``(done, total)`` from the work's progress callback (total 0: unknown).
    advanced = Signal(int, int)

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
    dialog = _dialog(parent, label, "")
    dialog.setCancelButton(None)
    return _run(_Worker(work), dialog)


def _dialog(parent: QWidget | None, label: str, cancel: str) -> QProgressDialog:
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle(_("Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def _run(worker: _Worker, dialog: QProgressDialog) -> object:
    """Start ``worker``, wait for it with the GUI alive, close ``dialog``; its result or error."""
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.hide()  # not close(): QProgressDialog's close emits canceled, which is the user's
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result


def run_with_progress(parent: QWidget | None, label: str,
                      work: Callable[[Callable[[int, int], None]], object]) -> object:
    """Call ``work(progress)`` in a thread while a modal dialog shows ``label``, a bar that
    follows ``progress(done, total)`` (busy while ``total`` is 0) and キャンセル; return its
    result. When the user cancels, the next ``progress`` call raises
    :class:`~kyodo_desktop.io.sheet_limits.ImportCancelled` in the thread, which is re-raised
    here like anything else ``work`` raised; a cancel pressed after the last ``progress`` call
    raises it here too, so a cancelled read is never used. ``work`` must not touch widgets.
    """
    from kyodo_desktop.io.sheet_limits import ImportCancelled

    cancelled = []

    def progress(done: int, total: int) -> None:
        if cancelled:
            raise ImportCancelled()
        worker.advanced.emit(done, total)

    worker = _Worker(lambda: work(progress))
    dialog = _dialog(parent, label, _("Cancel"))
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.canceled.connect(lambda: cancelled.append(True))
    bar = _Bar(dialog)  # lives in the GUI thread: the signal is queued to it
    worker.advanced.connect(bar.advance)
    result = _run(worker, dialog)
    if cancelled:  # pressed after the last progress call: what was read is not used either
        raise ImportCancelled()
    return result


class _Bar(QObject):
    """Moves the progress dialog's bar; a child of the dialog, so its slot runs in the GUI
    thread whatever thread emits."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int)
    def advance(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, done) if total else 0)
        self.dialog.setValue(done if total else 0)


def confirm_duplicate(parent: QWidget | None, title: str, check: Callable[[], None]) -> bool:
    """Run ``check`` (which raises DuplicateImport for a file imported before); when it does,
    ask whether to import anyway (いいえ is the default). True: go on with the import."""
    from PySide6.QtWidgets import QMessageBox

    from kyodo_desktop.services.imports.history import DuplicateImport

    try:
        check()
    except DuplicateImport as error:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, error.message + "\n\n" + _(
            "Import it anyway?"), buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
    return True
