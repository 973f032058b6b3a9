"""事業 edits of the 地域づくり計画 page: add, edit and delete the projects of the 年度, each one
undo step (:func:`kyodo_desktop.ui.commands.save_with_undo`); the dialog stays open on a refused
value. A new project is linked to the action selected in the tree by default.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.plan import projects, structure
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.plan.projects_view import ProjectDialog
from kyodo_desktop.ui.plan.tree import PlanTree


class ProjectEdits:
    """The 事業 of the context's council and 年度. Collaborators: the ``context``, the plan
    ``tree`` (its selected action), ``plan_id()`` the plan shown, ``parent`` for dialogs."""

    def __init__(self, context: AppContext, tree: PlanTree, *,
                 plan_id: Callable[[], int | None], parent: QWidget) -> None:
        self.context = context
        self.tree = tree
        self._plan_id = plan_id
        self._parent = parent

    def _action_choices(self) -> list[tuple[int, str]]:
        plan_id = self._plan_id()
        if plan_id is None:
            return []
        tree = structure.plan_tree(self.context.store, plan_id)
        return [(a.id, f"{a.code}  {a.title}") for g in tree for m in g.children
                for a in m.children]

    def _project_dialog(self, project: dict | None) -> ProjectDialog:
        choices = structure.responsible_choices(self.context.store, self.context.council_id)
        dialog = ProjectDialog(self._action_choices(), choices["subcommittees"], project, self._parent)
        current = self.tree.current()
        if project is None and current and current[0] == "action":
            dialog.action_box.setCurrentIndex(max(0, dialog.action_box.findData(current[1])))
        return dialog

    def add_project(self, values: dict | None = None) -> int | None:
        """Add a project to the current 年度 (from the dialog unless ``values`` is given)."""
        store, council_id, year = (self.context.store, self.context.council_id,
                                   self.context.fiscal_year)
        return self._project_edit(values, None, lambda chosen: projects.create_project(
            store, council_id, year, chosen))

    def edit_project(self, project_id: int, values: dict | None = None) -> int | None:
        """Edit a project (dialog unless ``values`` is given)."""
        store = self.context.store

        def update(chosen: dict):
            return project_id, projects.update_project(store, project_id, chosen)

        return self._project_edit(values, projects.get_project(store, project_id), update)

    def _project_edit(self, values, project, write) -> int | None:
        """Write ``values`` (or what the dialog asks) with ``write(values) -> (id, Changes)`` as
        one undo step; the dialog stays open on a ValidationError."""
        dialog = None if values is not None else self._project_dialog(project)
        while True:
            if dialog is not None:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                values = dialog.values()
            try:
                return save_with_undo(self.context, _("Edit of a project"),
                                      functools.partial(write, values))[0]
            except ValidationError as error:
                if dialog is None:
                    raise
                dialog.show_error(error.message)

    def delete_project(self, project_id: int) -> None:
        store = self.context.store
        row = projects.get_project(store, project_id)
        answer = QMessageBox.question(
            self._parent, _("Delete"), _("Delete the project 「{name}」? Its cash book entries stay.")
            .format(name=row["name"]), QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            save_with_undo(self.context, _("Delete a project"),
                           lambda: projects.delete_project(store, project_id))
