"""Structure edits of the 地域づくり計画 page: the selected item's editor (save, discard, the
question before leaving) and the tree (add, delete, move a goal, measure or action; the codes
follow). Each edit is one undo step (:func:`kyodo_desktop.ui.commands.save_with_undo`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.plan import plans, structure
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.plan.editor import ItemEditor
from kyodo_desktop.ui.plan.tree import ID_ROLE, KIND_ROLE, PlanTree
from kyodo_desktop.ui.shell.errors import show_error

NEW_TITLES = {"goal": N_("New goal"), "measure": N_("New measure"), "action": N_("New action")}


class StructureEdits:
    """Edits of the plan's structure. Collaborators: the ``context``, the ``tree`` and the item
    ``editor`` it edits, ``plan_id()`` the plan shown (None: none), ``show_item(kind, id)`` to
    load an item into the editor again, and ``parent`` for the questions it asks."""

    def __init__(self, context: AppContext, tree: PlanTree, editor: ItemEditor, *,
                 plan_id: Callable[[], int | None], show_item: Callable[[str, int], None],
                 parent: QWidget) -> None:
        self.context = context
        self.tree = tree
        self.editor = editor
        self._plan_id = plan_id
        self._show_item = show_item
        self._parent = parent

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
        self._show_item(self.editor.kind, self.editor.item_id)

    def may_leave(self) -> bool:
        """With unsaved edits ask 保存 / 破棄 / キャンセル; False = stay."""
        if self._plan_id() is None or not self.editor.edited():
            return True
        answer = QMessageBox.question(
            self._parent, _("Unsaved changes"),
            _("The plan has changes that are not saved yet. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_item()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.keep_edits_unsaved()
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
            return self._plan_id(), position
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
            self._parent, _("Delete"), _("Delete 「{title}」 and everything under it?").format(
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
            show_error(error, self._parent)
            return
        self._select(kind, item_id)

    def _select(self, kind: str, item_id: int) -> None:
        item = self.tree.find(kind, item_id)
        if item is not None:
            self.tree.setCurrentItem(item)
