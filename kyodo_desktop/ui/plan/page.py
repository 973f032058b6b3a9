"""The 地域づくり計画 page: the plan chooser and print buttons on top; the tree of goals, measures
and actions (drag to reorder, codes follow) on the left; on the right the selected item's editor
and tabs for 年次計画, 数値目標, 評価 and 事業. Every edit is undoable (編集 › 元に戻す).

The page builds the widgets and shows the data; what the user does is done by its parts, each
given its collaborators explicitly: :class:`StructureEdits` (the item editor and the tree),
:class:`YearlyRecordEdits` (年次計画, 数値目標, 評価), :class:`ProjectEdits` (事業),
:class:`WholePlans` (a new plan, deleting one) and :class:`PlanPrinting` (the PDFs).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import PLAN, ROSTER, Changes
from kyodo_desktop.services.plan import evaluation as plan_evaluation
from kyodo_desktop.services.plan import indicators as plan_indicators
from kyodo_desktop.services.plan import plans, projects, structure
from kyodo_desktop.services.plan import schedule as plan_schedule
from kyodo_desktop.services.plan.action_money import action_money
from kyodo_desktop.ui.collaboration.edits import CollaborationEdits
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.plan.editor import ItemEditor
from kyodo_desktop.ui.plan.evaluation_view import EvaluationView
from kyodo_desktop.ui.plan.indicators_view import IndicatorsView
from kyodo_desktop.ui.plan.printing import PlanPrinting
from kyodo_desktop.ui.plan.project_edits import ProjectEdits
from kyodo_desktop.ui.plan.projects_view import ProjectsView
from kyodo_desktop.ui.plan.schedule_grid import ScheduleView
from kyodo_desktop.ui.plan.structure_edits import StructureEdits
from kyodo_desktop.ui.plan.tree import PlanTree
from kyodo_desktop.ui.plan.tree_aside import TreeAside
from kyodo_desktop.ui.plan.whole_plans import WholePlans
from kyodo_desktop.ui.plan.yearly_records import YearlyRecordEdits
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

STYLE = "QLabel#planEditorHeading { font-size: 14pt; font-weight: bold; color: #1f3a5f; }"


class PlanPage(QWidget):
    """The plan area. ``context`` supplies the store, the council, the 年度 and the signals;
    ``plan_id`` is the plan shown. The parts (``structure_edits``, ``record_edits``,
    ``project_edits``, ``whole_plans``, ``printing``) do the edits and the printing."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_id: int | None = None
        self.eval_year = context.fiscal_year
        self._build()
        set_scaled_style_sheet(self, STYLE)
        self._compose()
        self._connect()
        self.reload()

    def _compose(self) -> None:
        shown = self.current_plan
        self.structure_edits = StructureEdits(self.context, self.tree, self.editor,
                                              plan_id=shown, show_item=self.show_item,
                                              parent=self)
        self.record_edits = YearlyRecordEdits(self.context, self.evaluation, plan_id=shown,
                                              refill=self.reload_tabs, parent=self)
        self.project_edits = ProjectEdits(self.context, self.tree, plan_id=shown, parent=self)
        self.collaboration_edits = CollaborationEdits(self.context, self)
        self.whole_plans = WholePlans(self.context, plan_id=shown, choose_plan=self.choose_plan,
                                      parent=self)
        self.printing = PlanPrinting(self.context, self.evaluation, plan_id=shown, parent=self)

    def current_plan(self) -> int | None:
        """The id of the plan shown (None when the council has none)."""
        return self.plan_id

    def choose_plan(self, plan_id: int) -> None:
        """Show ``plan_id`` from the next reload on (a plan just created)."""
        self.plan_id = plan_id

    # layout ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.plan_box = QComboBox()
        self.plan_box.setMinimumContentsLength(16)
        self.new_button = QPushButton(_("New plan…"))
        self.delete_plan_button = QPushButton(_("Delete this plan…"))
        self.print_button = QPushButton(_("Print the plan (PDF)…"))
        self.print_eval_button = QPushButton(_("Print the evaluation sheet (PDF)…"))
        top = FlowLayout()  # wraps onto a second line at large text
        top.add(QLabel(_("Plan")), 0)
        top.add(self.plan_box)
        for button in (self.new_button, self.delete_plan_button, self.print_button,
                       self.print_eval_button):
            top.add(button, 0)
        self.tree = PlanTree()
        self.add_goal_button = QPushButton(_("+ Goal"))
        self.add_measure_button = QPushButton(_("+ Measure"))
        self.add_action_button = QPushButton(_("+ Action"))
        self.delete_button = QPushButton(_("Delete"))
        tree_buttons = FlowLayout()
        for button in (self.add_goal_button, self.add_measure_button, self.add_action_button,
                       self.delete_button):
            tree_buttons.add(button, 0)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(tree_buttons)
        hint = QLabel(_("Drag to reorder (or Alt+↑/↓); the numbers follow."))
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        self.editor = ItemEditor()
        self.schedule = ScheduleView()
        self.indicators = IndicatorsView()
        self.evaluation = EvaluationView()
        self.projects = ProjectsView()
        self.tabs = QTabWidget()
        for widget, title in ((self.editor, _("Contents")), (self.schedule, _("Yearly schedule")),
                              (self.indicators, _("Numeric targets")),
                              (self.evaluation, _("Evaluation")), (self.projects, _("Projects"))):
            self.tabs.addTab(widget, title)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 5)
        self.split.setSizes([380, 900])
        # the 評価 table gets the whole width when it cannot show its text beside the tree
        self.tree_aside = TreeAside(self.split, left, self.tabs, self.evaluation)
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = QLabel(_("This council has no community plan yet. Press 「New plan…」 "
                                    "to start one: title, period, and then its goals."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty_label)
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.split)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)

    def _connect(self) -> None:
        structure, records = self.structure_edits, self.record_edits
        project_edits, whole_plans = self.project_edits, self.whole_plans
        self.plan_box.activated.connect(self._plan_chosen)
        self.new_button.clicked.connect(lambda: whole_plans.new_plan())
        self.delete_plan_button.clicked.connect(whole_plans.delete_plan)
        self.print_button.clicked.connect(lambda: self.printing.print_plan())
        self.print_eval_button.clicked.connect(lambda: self.printing.print_evaluation())
        self.tree.selected.connect(self.show_item)
        self.tree.move_requested.connect(structure.move_item)
        self.add_goal_button.clicked.connect(lambda: structure.add_item("goal"))
        self.add_measure_button.clicked.connect(lambda: structure.add_item("measure"))
        self.add_action_button.clicked.connect(lambda: structure.add_item("action"))
        self.delete_button.clicked.connect(structure.delete_item)
        self.editor.save_requested.connect(structure.save_item)
        self.editor.revert_requested.connect(structure.revert_item)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self.editor, structure.save_item,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.schedule.cells_edited.connect(records.edit_schedule)
        self.indicators.field_edited.connect(records.edit_indicator_field)
        self.indicators.value_edited.connect(records.edit_indicator_value)
        self.indicators.add_requested.connect(records.add_indicator)
        self.indicators.delete_requested.connect(records.delete_indicator)
        self.evaluation.year_changed.connect(self._eval_year_chosen)
        self.evaluation.kind_changed.connect(lambda _k: self.reload_evaluation())
        self.evaluation.edited.connect(records.edit_evaluation)
        self.evaluation.apply_review_requested.connect(records.apply_review)
        self.projects.add_requested.connect(lambda: project_edits.add_project())
        self.projects.edit_requested.connect(lambda pid: project_edits.edit_project(pid))
        self.projects.collaboration_requested.connect(
            lambda pid: self.collaboration_edits.edit(pid))
        self.projects.delete_requested.connect(project_edits.delete_project)
        self.projects.filter_changed.connect(self.reload_projects)
        self.context.add_leave_guard(self.may_leave)
        self.context.changed.connect(self._on_changed)
        self.context.council_changed.connect(lambda _id: self.reload(new_council=True))
        self.context.fiscal_year_changed.connect(lambda _fy: self.reload_projects())

    # showing --------------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(PLAN, ROSTER) and changes.concerns(self.context.council_id):
            self.reload()

    def reload(self, *, new_council: bool = False) -> None:
        """Refill everything from the store (after any change, or another council)."""
        council_id = self.context.council_id
        found = plans.list_plans(self.context.store, council_id) if council_id else []
        ids = [p["id"] for p in found]
        if new_council or self.plan_id not in ids:
            self.plan_id = plans.current_plan_id(self.context.store, council_id) if found else None
        self.plan_box.clear()
        for p in found:
            mark = _(" (current)") if p["is_current"] else ""
            self.plan_box.addItem(f"{p['title']}{mark}", p["id"])
        self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(self.plan_id)))
        has_plan = self.plan_id is not None
        self.body.setCurrentWidget(self.split if has_plan else self.empty)
        for button in (self.delete_plan_button, self.print_button, self.print_eval_button):
            button.setEnabled(has_plan)
        self.new_button.setEnabled(council_id is not None)
        if not has_plan:
            return
        choices = structure.responsible_choices(self.context.store, council_id)
        self.editor.set_choices(choices["subcommittees"], choices["organizations"])
        self.tree.fill(self.plan_id, structure.plan_tree(self.context.store, self.plan_id))
        self.reload_tabs()

    def reload_tabs(self) -> None:
        store = self.context.store
        plan = plans.get_plan(store, self.plan_id)
        self.schedule.set_grid(plan_schedule.schedule_grid(store, self.plan_id))
        self.indicators.show_indicators(plan_indicators.list_indicators(store, self.plan_id),
                                        plan["years"], plan_indicators.milestone_years(plan))
        self.evaluation.set_years(plan["years"], self.eval_year)
        self.reload_evaluation()
        self.reload_projects()

    def reload_evaluation(self) -> None:
        if self.plan_id is None:
            return
        store, year = self.context.store, self.evaluation.year()
        money = action_money(store, self.context.council_id, year,
                             plan_indicators.list_indicators(store, self.plan_id))
        self.evaluation.show_rows(
            plan_evaluation.year_evaluations(store, self.plan_id, year),
            plan_evaluation.rating_scale(store, self.context.council_id),
            plan_evaluation.rating_counts(store, self.plan_id, year),
            {action: m.total for action, m in money.items()})

    def reload_projects(self) -> None:
        if self.context.council_id is None:
            return
        current = self.tree.current()
        action_id = current[1] if self.projects.only_action.isChecked() and current \
            and current[0] == "action" else None
        rows = projects.list_projects(self.context.store, self.context.council_id,
                                      self.context.fiscal_year, action_id=action_id)
        self.projects.show_projects(rows, self.context.fiscal_year)

    def _eval_year_chosen(self, year: int) -> None:
        self.eval_year = year
        self.reload_evaluation()

    def may_leave(self) -> bool:
        """Before switching away: unsaved edits of the item editor are saved or dropped."""
        return self.structure_edits.may_leave()

    def _plan_chosen(self, index: int) -> None:
        chosen = self.plan_box.itemData(index)
        if chosen != self.plan_id and self.may_leave():
            self.plan_id = chosen
            self.reload()
        else:
            self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(self.plan_id)))

    def show_item(self, kind: str, item_id: int) -> None:
        """Load the chosen tree item (or the plan) into the editor."""
        if not self.may_leave():  # stay on the item being edited
            self.tree.blockSignals(True)
            item = self.tree.find(self.editor.kind, self.editor.item_id)
            self.tree.setCurrentItem(item) if item is not None else None
            self.tree.blockSignals(False)
            return
        store = self.context.store
        if kind == "plan":
            data = plans.get_plan(store, item_id)
            heading = data["title"]
        else:
            data = structure.get_item(store, kind, item_id)
            node = self.tree.find(kind, item_id)
            heading = node.toolTip(0) if node is not None else data["title"]
        self.editor.load(kind, item_id, data, heading)
        if self.projects.only_action.isChecked():
            self.reload_projects()
