"""Printing from the 会費 tab (:class:`DuesPrinting`): the 請求書, 領収書 and 納入状況一覧 of the
context's 年度, built with the report modules and written through :mod:`kyodo_desktop.fileops`
(never onto the data file). The same papers are on the 帳票印刷 page (report registry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from kyodo_desktop import fileops
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.message_line import MessageLine

#: The papers: report kind → the file name suggested (a message id with {fiscal_year}).
PAPERS = {"dues-invoices": N_("Membership fee invoices {fiscal_year}.pdf"),
          "dues-receipts": N_("Membership fee receipts {fiscal_year}.pdf"),
          "dues-status": N_("Membership fee status {fiscal_year}.pdf")}


class DuesPrinting(QObject):
    """Collaborators: the ``context``, the ``status`` line, ``parent`` for dialogs."""

    def __init__(self, context, *, status: MessageLine, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self._status = status
        self._parent = parent

    def print_paper(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Write the paper ``kind`` (a key of :data:`PAPERS`) of the 年度 to a PDF (asks for the
        file when ``path`` is None). Returns the path written, None when cancelled or refused."""
        from kyodo_desktop.reports.registry import report_kinds

        context = self.context
        if context.council_id is None:
            return None
        build = report_kinds()[kind].build
        request = ReportRequest(context.council_id, context.fiscal_year)
        if path is None:
            suggested = _(PAPERS[kind]).format(
                fiscal_year=format_fiscal_year(context.fiscal_year))
            path = QFileDialog.getSaveFileName(self._parent, _("Save the PDF"), suggested,
                                               _("PDF files (*.pdf)"))[0]
        if not path:
            return None
        written = Path(path)
        try:
            fileops.check_output(written, open_data=context.store.path)  # before the work
            fileops.write_bytes(written, build(context.store, request),
                                open_data=context.store.path)
        except UserError as error:
            show_error(error, self._parent)
            return None
        self._status.say(_("Saved the PDF: {path}").format(path=written))
        return written
