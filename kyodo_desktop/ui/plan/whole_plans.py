"""Whole plans of the 地域づくり計画 page: a new plan (title and period) and the deletion of the
shown plan with everything in it — both one undo step, so 元に戻す brings a deleted plan back with
the same ids and its projects' links.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.plan import plans
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.fiscal_year_spin import FiscalYearSpinBox
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog


class NewPlanDialog(QDialog):
    """Title and period of a new plan (5 years from next 年度 by default)."""

    def __init__(self, first_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New plan"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. 第3次湯田地域づくり計画"))
        self.first, self.last = FiscalYearSpinBox(), FiscalYearSpinBox()  # 令和N年度（YYYY）
        for box, value in ((self.first, first_year), (self.last, first_year + 4)):
            box.setValue(value)
        self.current = QCheckBox(_("Make it the current plan"))
        self.current.setChecked(True)
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("First year"), self.first)
        form.addRow(_("Last year"), self.last)
        form.addRow("", self.current)
        self.error = lay_out_form_dialog(self, form)

    def values(self) -> dict:
        return {"title": self.title.text(), "first_year": self.first.value(),
                "last_year": self.last.value()}


class WholePlans:
    """A plan created or deleted as a whole. Collaborators: the ``context``, ``plan_id()`` the
    plan shown, ``choose_plan(id)`` to show another plan once the page reloads, ``parent`` for
    the dialog and the question."""

    def __init__(self, context: AppContext, *, plan_id: Callable[[], int | None],
                 choose_plan: Callable[[int], None], parent: QWidget) -> None:
        self.context = context
        self._plan_id = plan_id
        self._choose_plan = choose_plan
        self._parent = parent

    def new_plan(self, values: dict | None = None) -> int | None:
        """Create a plan (asking title and period unless ``values`` is given) and show it."""
        if values is not None:
            return self._create_plan(values, True)
        dialog = NewPlanDialog(self.context.fiscal_year + 1, self._parent)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return self._create_plan(dialog.values(), dialog.current.isChecked())
            except ValidationError as error:
                QMessageBox.warning(self._parent, _("New plan"), error.message)
        return None

    def _create_plan(self, values: dict, make_current: bool) -> int:
        store, council_id = self.context.store, self.context.council_id

        def create():
            plan_id, changes = plans.create_plan(store, council_id, values,
                                                 make_current=make_current)
            self._choose_plan(plan_id)  # shown when the page reloads on the Changes
            return plan_id, changes

        return save_with_undo(self.context, _("New plan"), create)[0]

    def delete_plan(self) -> bool:
        """Delete the shown plan after a clear warning (undoable: 編集 › 元に戻す)."""
        store, plan_id = self.context.store, self._plan_id()
        plan = plans.get_plan(store, plan_id)
        answer = QMessageBox.question(
            self._parent, _("Delete this plan…"),
            _("Delete 「{title}」 with all its goals, schedule, targets and evaluations? "
              "Projects stay but lose their link. 「Undo」 in the Edit menu brings it all "
              "back.").format(title=plan["title"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        save_with_undo(self.context, _("Deletion of the plan 「{title}」").format(
            title=plan["title"]), lambda: plans.delete_plan(store, plan_id))
        return True
