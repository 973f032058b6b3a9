"""The 協働 dialog of a 事業: it shows the demo's forms, partners and 振り返り, saves changes as
one undo step, and fits a 1366×768 screen."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kyodo_desktop.services.collaboration.projects import PartnerEntry, project_collaboration
from kyodo_desktop.ui.collaboration.dialog import CollaborationDialog


def _first_project(window) -> int:
    page = window.open_area("plan")
    return page, window.context.store.scalar(
        "SELECT id FROM projects WHERE council_id = ? AND fiscal_year = 2025 ORDER BY id",
        (window.context.council_id,))


def test_the_dialog_shows_and_saves_the_collaboration(open_window, demo_path, screenshot_dir):
    window = open_window(demo_path)
    page, project_id = _first_project(window)
    assert page.findChild(QPushButton, "collaborationButton") is not None
    current = project_collaboration(window.context.store, project_id)
    dialog = CollaborationDialog(current, window)
    forms, partners, reviews = dialog.values()
    assert forms and [p.name for p in partners] == [p.name for p in current.partners]
    assert reviews == current.reviews
    dialog.add_partner(PartnerEntry("山口市協働推進課", "city_department", "助言", "負担なし"))
    dialog.show()
    assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 768
    dialog.grab().save(str(screenshot_dir / "collaboration-dialog.png"))
    values = dialog.values()
    assert page.collaboration_edits.edit(project_id, values)
    after = project_collaboration(window.context.store, project_id)
    assert after.partners[-1].name == "山口市協働推進課"
    assert after.partners[-1].kind_label == "市の担当課"
    window.context.undo_stack.undo()
    undone = project_collaboration(window.context.store, project_id)
    assert [p.name for p in undone.partners] == [p.name for p in current.partners]
    dialog.close()


def test_the_plan_page_shows_the_settled_amount_per_action(open_window, demo_path):
    from kyodo_desktop.domain.formatting import format_yen
    from kyodo_desktop.services.plan.action_money import action_money
    from kyodo_desktop.services.plan.indicators import list_indicators
    from kyodo_desktop.ui.plan.evaluation_view import COLUMN_KEYS

    window = open_window(demo_path)
    page = window.open_area("plan")
    view = page.evaluation
    view.year_box.setCurrentIndex(view.year_box.findData(2025))
    store = window.context.store
    money = action_money(store, window.context.council_id, 2025,
                         list_indicators(store, page.plan_id))
    column = COLUMN_KEYS.index("cost")
    assert view.table.horizontalHeaderItem(column).text() == "決算額"
    shown = {row.action_id: view.table.item(r, column).text() for r, row in enumerate(view.rows)}
    assert shown == {action: format_yen(money[action].total) if action in money else ""
                     for action in shown}
    assert sum(bool(text) for text in shown.values()) > 10
