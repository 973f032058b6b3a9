"""Making the handbook PDF from the 手引き page (:class:`HandbookPrinting`): the checks and the
content run on the GUI thread (they need the store), the layout runs on a worker thread behind a
progress dialog (:class:`PdfJob`), and the file is written when it is done. Errors go to the one
error dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressDialog, QWidget

from kyodo_desktop import fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.reports.handbook_render import render_handbook
from kyodo_desktop.services.handbook.build import Handbook, assemble, contact_people, problems
from kyodo_desktop.ui.privacy import provision
from kyodo_desktop.ui.shell.errors import show_error


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
            fileops.write_bytes(self.path, pdf)
        except UserError as error:
            self._done(None, error)
            return
        self._done(self.path, None)

    def _done(self, path, error) -> None:
        self._progress.reset()
        self._thread.wait()
        self.finished.emit(path, error)


class HandbookPrinting(QObject):
    """The handbook PDF of the context's council and 年度. Collaborators: the ``context``;
    ``save()`` to store pending edits first (False: stop); ``options()`` → ``(edition,
    large_print, booklet)`` as chosen on the page; the ``status`` line; ``parent`` for dialogs.
    ``pdf_finished(path or None)`` is emitted when a PDF was written (or failed); ``job`` is the
    running :class:`PdfJob`."""

    pdf_finished = Signal(object)

    def __init__(self, context, *, save: Callable[[], bool],
                 options: Callable[[], tuple[str, bool, bool]], status: QLabel,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.job: PdfJob | None = None
        self._provision: int | None = None  # the 提供記録 of the PDF being written
        self._save = save
        self._options = options
        self._status = status
        self._parent = parent

    def print_pdf(self, path: Path | str | None = None) -> PdfJob | None:
        """Check, then make the PDF (asks for the file when ``path`` is None); returns the job."""
        if self.context.council_id is None or not self._save():
            return None
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        found = problems(store, council, year)
        if found:
            show_error(UserError(_("The handbook cannot be printed yet:") + "\n" + "\n".join(found)),
                       self._parent)
            return None
        edition, large_print, booklet = self._options()
        try:
            book = assemble(store, council, year, edition=edition)
        except UserError as error:
            show_error(error, self._parent)
            return None
        people = contact_people(store, council, year, edition)
        document = book.title + ("（事務局用）" if edition == "staff" else "")
        go_on, answer = provision.ask_provision(self.context, self._parent, document, people)
        if not go_on:
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self._parent, _("Save the handbook"), f"{book.title}_{book.year_label}.pdf",
                _("PDF files (*.pdf)"))
            if not path:
                return None
        try:  # never onto the data file or a backup; checked before the long rendering
            fileops.check_output(path, open_data=store.path)
        except UserError as error:
            show_error(error, self._parent)
            return None
        go_on, provision_id = provision.record_before(  # before the file: see ui/privacy
            self.context, "handbook", document, people, answer, self._parent)
        if not go_on:
            return None
        self._provision = provision_id
        self.job = PdfJob(book, Path(path), large_print=large_print, booklet=booklet,
                          parent=self._parent)
        self.job.finished.connect(self._done)
        self.job.start()
        return self.job

    def _done(self, path, error) -> None:
        if error is not None:
            provision.withdraw(self.context, self._provision)  # no file: nothing handed out
            show_error(error, self._parent)
        else:
            self._status.setText(_("Saved the PDF: {path}").format(path=path))
        self.pdf_finished.emit(path)
