"""Edits of the year-by-year records of the 地域づくり計画 page: the 年次計画 grid, the 数値目標
(targets and actual values) and the 評価 with its review into next year's schedule. Each edit is
one undo step (:func:`kyodo_desktop.ui.commands.save_with_undo`); a refused value is shown and
the tabs are filled again from the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.plan import evaluation as plan_evaluation
from kyodo_desktop.services.plan import indicators as plan_indicators
from kyodo_desktop.services.plan import schedule as plan_schedule
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.plan.evaluation_view import EvaluationView
from kyodo_desktop.ui.shell.errors import show_error


class YearlyRecordEdits:
    """Edits of the 年次計画, 数値目標 and 評価 tabs. Collaborators: the ``context``, the
    ``evaluation`` view (its chosen 年度 and evaluator), ``plan_id()`` the plan shown,
    ``refill()`` to show the stored values again after a refused edit, ``parent`` for errors."""

    def __init__(self, context: AppContext, evaluation: EvaluationView, *,
                 plan_id: Callable[[], int | None], refill: Callable[[], None],
                 parent: QWidget) -> None:
        self.context = context
        self.evaluation = evaluation
        self._plan_id = plan_id
        self._refill = refill
        self._parent = parent

    def _guarded(self, label: str, operation) -> bool:
        try:
            save_with_undo(self.context, label, operation)
        except UserError as error:
            show_error(error, self._parent)
            self._refill()
            return False
        return True

    def edit_schedule(self, cells: list) -> bool:
        """Write 年次計画 cells ``[(action_id, 年度, status or None)]`` as one undo step."""
        store = self.context.store
        return self._guarded(_("Edit of the yearly schedule"),
                             lambda: plan_schedule.set_cells(store, cells))

    def edit_indicator_field(self, indicator_id: int, key: str, text: str) -> bool:
        store = self.context.store
        return self._guarded(_("Edit of a numeric target"),
                             lambda: plan_indicators.update_indicator(store, indicator_id,
                                                                      {key: text}))

    def edit_indicator_value(self, indicator_id: int, year: int, which: str, text: str) -> bool:
        store = self.context.store
        return self._guarded(_("Edit of a numeric target"),
                             lambda: plan_indicators.set_value(store, indicator_id, year,
                                                               **{which: text}))

    def add_indicator(self) -> None:
        store, plan_id = self.context.store, self._plan_id()
        self._guarded(_("Add a numeric target"), lambda: plan_indicators.add_indicator(
            store, plan_id, {"name": _("New indicator")}))

    def delete_indicator(self, indicator_id: int) -> None:
        store = self.context.store
        self._guarded(_("Delete a numeric target"),
                      lambda: plan_indicators.delete_indicator(store, indicator_id))

    def edit_evaluation(self, action_id: int, key: str, value: str) -> bool:
        store, year, kind = self.context.store, self.evaluation.year(), self.evaluation.kind()
        return self._guarded(_("Edit of an evaluation"),
                             lambda: plan_evaluation.set_evaluation(store, action_id, year, kind,
                                                                    {key: value}))

    def apply_review(self) -> bool:
        store, year, plan_id = self.context.store, self.evaluation.year(), self._plan_id()
        review = plan_evaluation.review_for_next_year(store, plan_id, year)
        if not any(r["next_in_plan"] for r in review):
            self.evaluation.summary.setText(_("No action was rated C or D in this year."))
            return False
        return self._guarded(_("Review into next year's schedule"),
                             lambda: plan_evaluation.apply_review(store, plan_id, year))
