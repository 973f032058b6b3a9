"""More edits of the 地域づくり計画 page: new and deleted plans, 事業 (add, edit, delete with
undo) and printing the plan booklet and the 評価シート. Mixed into :class:`PlanPage`.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.plan import plans, projects, structure
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.plan.printing import save_pdf
from kyodo_desktop.ui.plan.projects_view import ProjectDialog


class NewPlanDialog(QDialog):
    """Title and period of a new plan (5 years from next 年度 by default)."""

    def __init__(self, first_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New plan"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. 第3次湯田地域づくり計画"))
        self.first, self.last = QSpinBox(), QSpinBox()
        for box, value in ((self.first, first_year), (self.last, first_year + 4)):
            box.setRange(1989, 2200)
            box.setValue(value)
        self.current = QCheckBox(_("Make it the current plan"))
        self.current.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("First year"), self.first)
        form.addRow(_("Last year"), self.last)
        form.addRow("", self.current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return {"title": self.title.text(), "first_year": self.first.value(),
                "last_year": self.last.value()}


class PlanEditsMore:
    """Plans, projects and printing (see the module docstring)."""

    def new_plan(self, values: dict | None = None) -> int | None:
        """Create a plan (asking title and period unless ``values`` is given) and show it."""
        if values is not None:
            return self._create_plan(values, True)
        dialog = NewPlanDialog(self.context.fiscal_year + 1, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return self._create_plan(dialog.values(), dialog.current.isChecked())
            except ValidationError as error:
                QMessageBox.warning(self, _("New plan"), error.message)
        return None

    def _create_plan(self, values: dict, make_current: bool) -> int:
        store, council_id = self.context.store, self.context.council_id

        def create():
            self.plan_id, changes = plans.create_plan(store, council_id, values,
                                                      make_current=make_current)
            return self.plan_id, changes  # shown when the page reloads on the Changes

        return save_with_undo(self.context, _("New plan"), create)[0]

    def delete_plan(self) -> bool:
        """Delete the shown plan after a clear warning (undoable: 編集 › 元に戻す)."""
        store, plan_id = self.context.store, self.plan_id
        plan = plans.get_plan(store, plan_id)
        answer = QMessageBox.question(
            self, _("Delete this plan…"),
            _("Delete 「{title}」 with all its goals, schedule, targets and evaluations? "
              "Projects stay but lose their link. 「Undo」 in the Edit menu brings it all "
              "back.").format(title=plan["title"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        save_with_undo(self.context, _("Delete this plan…"),
                       lambda: plans.delete_plan(store, plan_id))
        return True

    # projects ------------------------------------------------------------------------------------

    def _action_choices(self) -> list[tuple[int, str]]:
        if self.plan_id is None:
            return []
        tree = structure.plan_tree(self.context.store, self.plan_id)
        return [(a.id, f"{a.code}  {a.title}") for g in tree for m in g.children
                for a in m.children]

    def _project_dialog(self, project: dict | None) -> ProjectDialog:
        choices = structure.responsible_choices(self.context.store, self.context.council_id)
        dialog = ProjectDialog(self._action_choices(), choices["subcommittees"], project, self)
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
            self, _("Delete"), _("Delete the project 「{name}」? Its cash book entries stay.")
            .format(name=row["name"]), QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            save_with_undo(self.context, _("Delete a project"),
                           lambda: projects.delete_project(store, project_id))

    # printing ------------------------------------------------------------------------------------

    def print_plan(self, path: Path | None = None) -> Path | None:
        """Save the plan booklet as a PDF (asks where unless ``path`` is given)."""
        from kyodo_desktop.reports.plan_booklet import build_plan_booklet
        from kyodo_desktop.services.plan.document import plan_document

        doc = plan_document(self.context.store, self.context.council_id, self.plan_id)
        return save_pdf(self, lambda: build_plan_booklet(doc), f"{doc.plan['title']}.pdf", path)

    def print_evaluation(self, path: Path | None = None) -> Path | None:
        """Save the 評価シート of the year chosen on the 評価 tab as a PDF."""
        from kyodo_desktop.reports.plan_evaluation_sheet import build_evaluation_sheet
        from kyodo_desktop.services.plan.document import evaluation_sheet

        year = self.evaluation.year() or self.context.fiscal_year
        sheet = evaluation_sheet(self.context.store, self.context.council_id, year, self.plan_id)
        name = _("evaluation sheet {year}.pdf").format(year=wareki.format_fiscal_year(year))
        return save_pdf(self, lambda: build_evaluation_sheet(sheet), name, path)
