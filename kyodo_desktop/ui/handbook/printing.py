"""Making the handbook PDF from the 手引き page: the content is gathered on the GUI thread (it
needs the store), the layout runs on a worker thread behind a progress dialog, and the file is
written when it is done. Errors go to the one error dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kyodo_desktop.errors import write_error
from kyodo_desktop.i18n import _
from kyodo_desktop.reports.handbook_render import render_handbook
from kyodo_desktop.services.handbook.build import Handbook


class _RenderThread(QThread):
    rendered = Signal(bytes)
    failed = Signal(object)

    def __init__(self, handbook: Handbook, large_print: bool, booklet: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._args = (handbook, large_print, booklet)

    def run(self) -> None:
        handbook, large_print, booklet = self._args
        try:
            self.rendered.emit(render_handbook(handbook, large_print=large_print,
                                               booklet=booklet))
        except Exception as error:  # reported on the GUI thread
            self.failed.emit(error)


class PdfJob(QObject):
    """Render ``handbook`` to ``path`` off the GUI thread. ``finished(path or None, error or
    None)`` is emitted on the GUI thread when done."""

    finished = Signal(object, object)

    def __init__(self, handbook: Handbook, path: Path, *, large_print: bool, booklet: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._thread = _RenderThread(handbook, large_print, booklet, self)
        self._thread.rendered.connect(self._write)
        self._thread.failed.connect(lambda error: self._done(None, error))
        self._progress = QProgressDialog(_("Creating the handbook PDF…"), "", 0, 0, parent)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)

    def start(self) -> None:
        """Begin rendering (returns at once)."""
        self._thread.start()

    def wait(self) -> None:
        """Block until the thread ends (tests and shutdown)."""
        self._thread.wait()

    def _write(self, pdf: bytes) -> None:
        try:
            self.path.write_bytes(pdf)
        except OSError as error:
            self._done(None, write_error(self.path, error))
            return
        self._done(self.path, None)

    def _done(self, path, error) -> None:
        self._progress.reset()
        self._thread.wait()
        self.finished.emit(path, error)
