"""Printing from the 会議・総会 page (:class:`MeetingPrinting`): the 議事録 of the selected
meeting and the 総会議案書 of the year, built with the report modules and written through
:mod:`kyodo_desktop.fileops` (never onto the data file). Errors go to the one error dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from kyodo_desktop.i18n import _
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.ui.shell.pdf_save import save_pdf


class MeetingPrinting(QObject):
    """Collaborators: the ``context``; ``meeting_id()`` the selected meeting (None: none);
    ``save()`` stores pending edits first (False: stop); the ``status`` line; ``parent`` for
    dialogs."""

    def __init__(self, context, *, meeting_id: Callable[[], int | None],
                 save: Callable[[], bool], status: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self._meeting_id = meeting_id
        self._save = save
        self._status = status
        self._parent = parent

    def print_minutes(self, path: Path | str | None = None) -> Path | None:
        """The 議事録 of the selected meeting to a PDF (asks for the file when ``path`` is None)."""
        meeting = self._meeting_id()
        if meeting is None or not self._save():
            return None
        from kyodo_desktop.reports.minutes import build_minutes

        request = ReportRequest(self.context.council_id, options={"meeting": meeting})
        return self.write(lambda: build_minutes(self.context.store, request), path,
                           _("Minutes_{number}.pdf").format(number=meeting))

    def print_assembly(self, path: Path | str | None = None) -> Path | None:
        """The 総会議案書 of the context's 年度 to a PDF."""
        if self.context.council_id is None or not self._save():
            return None
        from kyodo_desktop.reports.general_assembly import build_general_assembly

        request = ReportRequest(self.context.council_id, self.context.fiscal_year)
        return self.write(lambda: build_general_assembly(self.context.store, request), path,
                           _("General_assembly_{year}.pdf").format(year=self.context.fiscal_year))

    def write(self, build: Callable[[], bytes], path, suggested: str) -> Path | None:
        """Write the PDF ``build()`` makes to ``path`` (asked for, starting at ``suggested``,
        when None); errors are shown. The path, or None."""
        path = save_pdf(self._parent, build, path, suggested, self.context.store.path)
        if path is None:
            return None
        self._status.setText(_("Saved the PDF: {path}").format(path=path))
        return path
