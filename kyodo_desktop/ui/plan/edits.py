"""The edits of the 地域づくり計画 page, each one undo step through
:func:`kyodo_desktop.ui.commands.save_with_undo`. Mixed into :class:`PlanPage`, which provides
``context``, ``plan_id``, ``tree``, ``editor``, the tab views and ``reload``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan import evaluation as plan_evaluation
from kyodo_desktop.services.plan import indicators as plan_indicators
from kyodo_desktop.services.plan import plans, structure
from kyodo_desktop.services.plan import schedule as plan_schedule
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.plan.tree import ID_ROLE, KIND_ROLE
from kyodo_desktop.ui.shell.errors import show_error

NEW_TITLES = {"goal": N_("New goal"), "measure": N_("New measure"), "action": N_("New action")}


class PlanEdits:
    """Edit handlers of the plan page (see the module docstring)."""

    # the selected item ---------------------------------------------------------------------------

    def save_item(self) -> bool:
        """Save the editor's changed fields; False (message shown) when a value is refused."""
        edited = self.editor.edited()
        if not edited:
            self.editor.show_message(_("No changes to save."))
            return True
        kind, item_id, store = self.editor.kind, self.editor.item_id, self.context.store
        make_current = edited.pop("is_current", None)

        def save() -> Changes:
            changes = Changes()
            if edited and kind == "plan":
                changes |= plans.update_plan(store, item_id, edited)
            elif edited:
                changes |= structure.update_item(store, kind, item_id, edited)
            if make_current:
                changes |= plans.set_current_plan(store, item_id)
            return changes

        try:
            save_with_undo(self.context, _("Edit of the plan"), save)
        except ValidationError as error:
            self.editor.show_message(error.message, error=True)
            self.editor.focus_field(error.field)
            return False
        self.editor.show_message(_("Saved."))
        return True

    def revert_item(self) -> None:
        """Discard unsaved edits of the editor."""
        self.show_item(self.editor.kind, self.editor.item_id)

    def may_leave(self) -> bool:
        """With unsaved edits ask 保存 / 破棄 / キャンセル; False = stay."""
        if self.plan_id is None or not self.editor.edited():
            return True
        answer = QMessageBox.question(
            self, _("Unsaved changes"),
            _("The plan has changes that are not saved yet. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_item()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor._loaded = dict(self.editor._loaded, **self.editor.edited())
            return True
        return False

    # the tree ------------------------------------------------------------------------------------

    def _parent_for(self, kind: str) -> tuple[int | None, int | None]:
        """(parent id, position) for a new item of ``kind`` next to the selection."""
        current = self.tree.current()
        if kind == "goal":
            position = None
            if current and current[0] == "goal":
                position = structure.locate(self.context.store, "goal", current[1])[1] + 1
            return self.plan_id, position
        item = self.tree.currentItem()
        levels = ["goal", "measure", "action"]
        want = levels[levels.index(kind) - 1]
        while item is not None and item.data(0, KIND_ROLE) != want:
            if item.data(0, KIND_ROLE) == kind:
                position = item.parent().indexOfChild(item) + 2
                return item.parent().data(0, ID_ROLE), position
            item = item.parent()
        return (item.data(0, ID_ROLE), None) if item is not None else (None, None)

    def add_item(self, kind: str) -> int | None:
        """Add a goal, measure or action next to the selection; select it for editing."""
        parent_id, position = self._parent_for(kind)
        if parent_id is None:
            self.editor.show_message(_("Choose a goal first (for a measure) or a measure (for an "
                                       "action)."), error=True)
            return None
        store = self.context.store
        item_id, _changes = save_with_undo(
            self.context, _("Add to the plan"), lambda: structure.add_item(
                store, kind, parent_id, _(NEW_TITLES[kind]), position=position))
        self._select(kind, item_id)
        self.editor.focus_field("title")
        self.editor.fields[kind]["title"].selectAll()
        return item_id

    def delete_item(self) -> None:
        """Delete the selected item (and all below it) after asking."""
        current = self.tree.current()
        if current is None:
            return
        kind, item_id = current
        answer = QMessageBox.question(
            self, _("Delete"), _("Delete 「{title}」 and everything under it?").format(
                title=self.tree.currentItem().toolTip(0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        store = self.context.store
        save_with_undo(self.context, _("Delete from the plan"),
                       lambda: structure.delete_item(store, kind, item_id))

    def move_item(self, kind: str, item_id: int, parent_id: int, position: int) -> None:
        """Move an item (after a drop or Alt+arrow); codes are renumbered by the service."""
        store = self.context.store
        try:
            save_with_undo(self.context, _("Move in the plan"),
                           lambda: structure.move_item(store, kind, item_id, parent_id, position))
        except UserError as error:
            show_error(error, self)
            return
        self._select(kind, item_id)

    def _select(self, kind: str, item_id: int) -> None:
        item = self.tree.find(kind, item_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    # the tabs ------------------------------------------------------------------------------------

    def _guarded(self, label: str, operation) -> bool:
        try:
            save_with_undo(self.context, label, operation)
        except UserError as error:
            show_error(error, self)
            self.reload_tabs()
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
        store, plan_id = self.context.store, self.plan_id
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
        store, year, plan_id = self.context.store, self.evaluation.year(), self.plan_id
        review = plan_evaluation.review_for_next_year(store, plan_id, year)
        if not any(r["next_in_plan"] for r in review):
            self.evaluation.summary.setText(_("No action was rated C or D in this year."))
            return False
        return self._guarded(_("Review into next year's schedule"),
                             lambda: plan_evaluation.apply_review(store, plan_id, year))
