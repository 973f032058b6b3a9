"""The 地域づくり計画 page (pytest-qt): tree editing with codes that follow, the 年次計画 grid by
keyboard, 数値目標, 評価, 事業, undo/redo and printing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QStyleOptionViewItem

from kyodo_desktop.services.plan import evaluation as plan_evaluation
from kyodo_desktop.services.plan import indicators as plan_indicators
from kyodo_desktop.services.plan import projects, structure
from kyodo_desktop.services.plan import schedule as plan_schedule

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Position = QAbstractItemView.DropIndicatorPosition


def labels(page):
    out = []
    stack = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        out.append(item.text(0))
        stack[0:0] = [item.child(i) for i in range(item.childCount())]
    return out


def test_demo_plan_opens_as_a_tree_with_codes(plan_page):
    tree = structure.plan_tree(plan_page.context.store, plan_page.plan_id)
    assert plan_page.tree.topLevelItemCount() == len(tree) >= 3
    shown = labels(plan_page)
    assert shown[0].startswith("Ⅰ") and any(t.startswith("Ⅰ-(1)-①") for t in shown)
    assert plan_page.plan_box.currentText().startswith("第2次湯田地域づくり計画")
    assert plan_page.tabs.tabText(1) == "年次計画"


def test_add_action_undo_redo_keeps_codes(plan_page):
    store = plan_page.context.store
    first_action = plan_page.tree.topLevelItem(0).child(0).child(0)
    plan_page.tree.setCurrentItem(first_action)
    new_id = plan_page.structure_edits.add_item("action")
    assert structure.get_action(store, new_id)["code"] == "Ⅰ-(1)-②"
    assert plan_page.tree.current() == ("action", new_id)
    assert plan_page.editor.fields["action"]["title"].text() == "新しい推進項目"
    plan_page.context.undo_stack.undo()
    assert plan_page.tree.find("action", new_id) is None
    assert any(t.startswith("Ⅰ-(1)-② 地域防災訓練") or t.startswith("Ⅰ-(1)-②  地域防災訓練")
               for t in labels(plan_page))
    plan_page.context.undo_stack.redo()
    assert structure.get_action(store, new_id)["code"] == "Ⅰ-(1)-②"


def test_drop_targets_follow_the_levels(plan_page):
    tree = plan_page.tree
    goal = tree.topLevelItem(0)
    measure = goal.child(1)
    action = goal.child(0).child(0)
    assert tree.target_of_drop("action", measure, Position.OnItem) == (
        measure.data(0, Qt.ItemDataRole.UserRole + 1), measure.childCount() + 1)
    assert tree.target_of_drop("action", goal, Position.OnItem) is None
    assert tree.target_of_drop("measure", action, Position.AboveItem) is None
    assert tree.target_of_drop("goal", goal, Position.BelowItem) == (plan_page.plan_id, 2)


def test_moving_renumbers_and_undo_moves_back(plan_page, qtbot):
    store = plan_page.context.store
    third = plan_page.tree.topLevelItem(0).child(0).child(2)
    action_id = third.data(0, Qt.ItemDataRole.UserRole + 1)
    plan_page.tree.setCurrentItem(third)
    plan_page.tree.setFocus()
    qtbot.keyClick(plan_page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert structure.get_action(store, action_id)["code"] == "Ⅰ-(1)-②"
    target = plan_page.tree.topLevelItem(1).child(0)  # Ⅱ-(1): drop as its last action
    plan_page.tree.move_requested.emit("action", action_id,
                                       target.data(0, Qt.ItemDataRole.UserRole + 1), 99)
    code = structure.get_action(store, action_id)["code"]
    assert code.startswith("Ⅱ-(1)-")
    assert plan_page.tree.current() == ("action", action_id)
    plan_page.context.undo_stack.undo()
    plan_page.context.undo_stack.undo()
    assert structure.get_action(store, action_id)["code"] == "Ⅰ-(1)-③"


def test_editor_saves_refuses_and_undoes(plan_page):
    store = plan_page.context.store
    item = plan_page.tree.topLevelItem(0).child(0).child(0)
    action_id = item.data(0, Qt.ItemDataRole.UserRole + 1)
    plan_page.tree.setCurrentItem(item)
    before = structure.get_action(store, action_id)
    plan_page.editor.fields["action"]["purpose"].setPlainText("新しい目的")
    plan_page.editor.target_boxes["other"].setChecked(True)
    assert plan_page.structure_edits.save_item() is True
    saved = structure.get_action(store, action_id)
    assert saved["purpose"] == "新しい目的" and "other" in saved["targets"]
    plan_page.editor.fields["action"]["title"].setText("   ")
    assert plan_page.structure_edits.save_item() is False
    assert "名称" in plan_page.editor.message.text()
    assert structure.get_action(store, action_id)["title"] == before["title"]
    plan_page.structure_edits.revert_item()
    plan_page.context.undo_stack.undo()
    restored = structure.get_action(store, action_id)
    assert restored["purpose"] == before["purpose"] and restored["targets"] == before["targets"]


def test_unsaved_edits_are_asked_about_before_leaving(plan_page):
    item = plan_page.tree.topLevelItem(0).child(0).child(0)
    action_id = item.data(0, Qt.ItemDataRole.UserRole + 1)
    plan_page.tree.setCurrentItem(item)
    plan_page.editor.fields["action"]["content"].setPlainText("書きかけ")
    plan_page.answers.append(QMessageBox.StandardButton.Save)
    plan_page.tree.setCurrentItem(plan_page.tree.topLevelItem(1))
    assert structure.get_action(plan_page.context.store, action_id)["content"] == "書きかけ"


def test_schedule_grid_by_keyboard(plan_page, qtbot):
    store, view = plan_page.context.store, plan_page.schedule
    plan_page.tabs.setCurrentWidget(view)
    model = view.schedule_model
    action_id = model.grid.rows[0].action_id
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert plan_schedule.action_schedule(store, action_id)[model.grid.years[0]] == "study"
    assert model.index(0, 0).data() == "検討"
    view.selectionModel().select(model.index(0, 1), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    cells = plan_schedule.action_schedule(store, action_id)
    assert model.grid.years[0] not in cells and model.grid.years[1] not in cells
    plan_page.context.undo_stack.undo()
    cells = plan_schedule.action_schedule(store, action_id)
    assert cells[model.grid.years[0]] == "study" and cells[model.grid.years[1]] == "continue"


def test_schedule_delegate_writes_the_chosen_status(plan_page):
    view, store = plan_page.schedule, plan_page.context.store
    index = view.schedule_model.index(2, 4)
    delegate = view.itemDelegate()
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    editor.setCurrentIndex(editor.findData("revise"))
    delegate.setModelData(editor, view.schedule_model, index)
    action_id, year = view.schedule_model.address(index)
    assert plan_schedule.action_schedule(store, action_id)[year] == "revise"
    assert view.schedule_model.index(2, 4).data() == "見直し・実施"


def test_indicator_value_edit_and_refusal(plan_page, monkeypatch):
    shown = []
    monkeypatch.setattr("kyodo_desktop.ui.plan.yearly_records.show_error", lambda e, p=None: shown.append(e))
    view, store = plan_page.indicators, plan_page.context.store
    ind_id = view.current_id()
    view.years_table.item(3, 1).setText("399")  # 実績値 of the 4th year
    assert plan_indicators.get_value(store, ind_id, view.years[3])[1] == 399.0
    view.table.item(0, 2).setText("多い")  # 現状値: not a number
    assert shown and "数値" in shown[0].message
    assert plan_indicators.list_indicators(store, plan_page.plan_id)[0].baseline != "多い"


def test_evaluation_rating_and_review(plan_page):
    store, view = plan_page.context.store, plan_page.evaluation
    view.year_box.setCurrentIndex(view.year_box.findData(2026))
    row = 0
    action_id = view.rows[row].action_id
    index = view.table.model().index(row, 3)
    delegate = view.table.itemDelegateForColumn(3)
    combo = delegate.createEditor(view.table.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(combo, index)
    assert combo.count() == 5  # blank + A–D
    combo.setCurrentIndex(combo.findData("D"))
    delegate.setModelData(combo, view.table.model(), index)
    assert plan_evaluation.get_evaluation(store, action_id, 2026, "self")["rating"] == "D"
    assert view.table.item(row, 3).text() == "D 未着手"
    assert plan_page.record_edits.apply_review() is True
    assert plan_schedule.action_schedule(store, action_id)[2027] == "revise"
    plan_page.context.undo_stack.undo()
    assert plan_schedule.action_schedule(store, action_id)[2027] != "revise"


def test_projects_add_edit_delete(plan_page):
    store, council = plan_page.context.store, plan_page.context.council_id
    action = plan_page.tree.topLevelItem(0).child(0).child(1)
    action_id = action.data(0, Qt.ItemDataRole.UserRole + 1)
    project_id = plan_page.project_edits.add_project({"name": "防災講演会", "action_id": action_id,
                                        "starts_on": "R8.12.5", "budget": "30,000"})
    row = projects.get_project(store, project_id)
    assert row["action_code"] == "Ⅰ-(1)-②" and row["budget"] == 30000
    assert any(r["id"] == project_id for r in plan_page.projects.rows)
    plan_page.project_edits.edit_project(project_id, {"place": "湯田地域交流センター"})
    assert projects.get_project(store, project_id)["place"] == "湯田地域交流センター"
    plan_page.project_edits.delete_project(project_id)
    assert all(r["id"] != project_id for r in projects.list_projects(store, council, 2026))
    plan_page.context.undo_stack.undo()
    assert projects.get_project(store, project_id)["name"] == "防災講演会"


def test_print_plan_writes_a_pdf(plan_page, tmp_path):
    from kyodo_desktop.reports.readback import page_texts

    written = plan_page.printing.print_plan(tmp_path / "plan.pdf")
    assert written == tmp_path / "plan.pdf"
    assert "推進項目一覧表" in "".join(page_texts(written.read_bytes()))
    assert plan_page.infos and str(written) in plan_page.infos[0]


def test_council_without_plan_shows_the_empty_panel(plan_page):
    other = plan_page.context.store.scalar("SELECT id FROM councils WHERE id <> ? LIMIT 1",
                                           (plan_page.context.council_id,))
    plan_page.context.set_council(other)
    assert plan_page.body.currentWidget() is plan_page.empty
    plan_id = plan_page.whole_plans.new_plan({"title": "第1次計画", "first_year": 2027, "last_year": 2031})
    assert plan_page.plan_id == plan_id
    assert plan_page.body.currentWidget() is plan_page.split
    goal = plan_page.structure_edits.add_item("goal")
    assert plan_page.tree.current() == ("goal", goal)
