"""Printing from the 地域づくり計画 page (:class:`PlanPrinting`: the plan booklet and the 評価シート):
ask where to save, build the PDF off the GUI thread with
a progress dialog (:func:`kyodo_desktop.ui.accounts.worker.run_in_background`), write it, and
say where it went. Errors go to the one error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kyodo_desktop import fileops
from kyodo_desktop.domain import wareki
from kyodo_desktop.fileops.outputs import file_name_part
from kyodo_desktop.i18n import _
from kyodo_desktop.ui.accounts.worker import run_in_background
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.plan.evaluation_view import EvaluationView
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
        fileops.check_output(path)  # never the data file or a backup; before the work
        pdf = run_in_background(parent, _("Making the PDF…"), job) or b""
        fileops.write_bytes(path, pdf)
    except Exception as error:
        show_error(error, parent)
        return None
    QMessageBox.information(parent, _("PDF saved"), _("Saved to {path}.").format(path=path))
    return path


class PlanPrinting:
    """The PDFs of the plan shown. Collaborators: the ``context``, the ``evaluation`` view (its
    年度), ``plan_id()`` the plan shown, ``parent`` for the file dialog and messages."""

    def __init__(self, context: AppContext, evaluation: EvaluationView, *,
                 plan_id: Callable[[], int | None], parent: QWidget) -> None:
        self.context = context
        self.evaluation = evaluation
        self._plan_id = plan_id
        self._parent = parent

    def print_plan(self, path: Path | None = None) -> Path | None:
        """Save the plan booklet as a PDF (asks where unless ``path`` is given)."""
        from kyodo_desktop.reports.plan_booklet import build_plan_booklet
        from kyodo_desktop.services.plan.document import plan_document

        doc = plan_document(self.context.store, self.context.council_id, self._plan_id())
        name = file_name_part(doc.plan["title"], "plan") + ".pdf"  # a title may hold 「/」
        return save_pdf(self._parent, lambda: build_plan_booklet(doc), name, path)

    def print_evaluation(self, path: Path | None = None) -> Path | None:
        """Save the 評価シート of the year chosen on the 評価 tab as a PDF."""
        from kyodo_desktop.reports.plan_evaluation_sheet import build_evaluation_sheet
        from kyodo_desktop.services.plan.document import evaluation_sheet

        year = self.evaluation.year() or self.context.fiscal_year
        sheet = evaluation_sheet(self.context.store, self.context.council_id, year,
                                 self._plan_id())
        name = _("evaluation sheet {year}.pdf").format(year=wareki.format_fiscal_year(year))
        return save_pdf(self._parent, lambda: build_evaluation_sheet(sheet), name, path)
