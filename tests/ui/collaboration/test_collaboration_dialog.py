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
