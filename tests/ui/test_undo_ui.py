"""編集 › 元に戻す / やり直し through the pages (one ``save_with_undo`` path): an edit of a 出納簿
entry, a deleted 構成団体, a cash-book import, the yearly handover, a whole plan deleted and one
created — each undone and redone with every table (ids and links) exactly as before / after, and
``check`` clean afterwards (the change log records the undo)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QMessageBox

from kyodo_desktop.services.plan import plans
from kyodo_desktop.services.roster import handover
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.store.check import run_checks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def context(app, demo_store):
    from kyodo_desktop.ui.context import AppContext

    yuda = demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    return AppContext(demo_store, yuda, 2026)


def _undo_redo(context, digest, before, after=None):
    """Undo the top step (tables as ``before``), redo it (as ``after``), undo again."""
    store, stack = context.store, context.undo_stack
    after = after or digest(store)
    assert after != before and stack.canUndo()
    stack.undo()
    assert digest(store) == before
    assert run_checks(store) == []
    stack.redo()
    assert digest(store) == after
    assert run_checks(store) == []
    stack.undo()
    assert digest(store) == before


def test_an_edited_entry(context, qtbot, digest):
    from kyodo_desktop.ui.accounts.entry import EntryPanel

    store = context.store
    entry_id = store.scalar("SELECT id FROM cash_book_entries WHERE council_id = ? AND "
                            "fiscal_year = 2026 AND direction = 'expense' ORDER BY id",
                            (context.council_id,))
    panel = EntryPanel(context)
    qtbot.addWidget(panel)
    before = digest(store)
    panel.edit_entry(entry_id)
    panel.amount_edit.setText("12,345")
    assert panel.save() is True
    assert store.scalar("SELECT amount FROM cash_book_entries WHERE id = ?", (entry_id,)) == 12345
    _undo_redo(context, digest, before)


def test_a_deleted_group_comes_back_with_its_terms(context, qtbot, digest, answers):
    from kyodo_desktop.ui.roster.page import RosterPage

    page = RosterPage(context)
    qtbot.addWidget(page)
    page.show()
    tab = page.organizations
    never_paid = next(r["id"] for r in tab.model.rows if r["kind"] == "neighborhood_association"
                      and not context.store.scalar("SELECT 1 FROM dues_payments WHERE "
                                                   "organization_id = ?", (r["id"],)))
    tab.table.selectRow([r["id"] for r in tab.model.rows].index(never_paid))  # 会費: a 自治会
    organization_id = tab.current_id  # with payments is not deleted
    assert organization_id == never_paid
    terms = context.store.scalar("SELECT count(*) FROM officer_terms WHERE organization_id = ?",
                                 (organization_id,))
    before = digest(context.store)
    answers.append(QMessageBox.StandardButton.Yes)
    tab.delete()
    assert organization_id not in [o["id"] for o in roster.list_organizations(
        context.store, context.council_id, 2026)]
    _undo_redo(context, digest, before)
    assert context.store.scalar("SELECT count(*) FROM officer_terms WHERE organization_id = ?",
                                (organization_id,)) == terms > 0


def test_a_cash_book_import(context, qtbot, digest, tmp_path):
    from kyodo_desktop.ui.accounts.import_dialog import ImportDialog

    path = tmp_path / "book.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["日付", "摘要", "費目", "収入", "支出"],
                                      ["R8.5.1", "会費", "会費", "5,000", ""],
                                      ["R8.5.2", "用紙", "消耗品", "", "1,100"]])
    dialog = ImportDialog(context, "own_funds")
    qtbot.addWidget(dialog)
    before = digest(context.store)
    dialog.load_file(path)
    assert dialog.preview.bad_rows == []
    assert dialog.confirm() is True
    assert context.undo_stack.undoText() == "出納簿の取り込み"
    _undo_redo(context, digest, before)


def test_the_handover_wizard(context, qtbot, digest):
    from kyodo_desktop.ui.roster.handover import HandoverWizard

    before = digest(context.store)
    wizard = HandoverWizard(context)
    qtbot.addWidget(wizard.wizard)
    wizard.wizard.show()
    wizard.wizard.next()  # → roles
    row = next(i for i, item in enumerate(wizard.items) if item.group == "association")
    wizard.choose(row, handover.REPLACE, "新井 太郎（あらい たろう）")
    wizard.wizard.next()  # → households
    wizard.households.item(0, 1).setText("400")
    wizard.wizard.next()  # → done: carried out
    assert wizard.result is not None and wizard.result.new_people == 1
    _undo_redo(context, digest, before)


def test_a_whole_plan_deleted_and_created(context, qtbot, digest, monkeypatch):
    from kyodo_desktop.ui.plan.page import PlanPage

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = PlanPage(context)
    qtbot.addWidget(page)
    plan_id = page.plan_id
    assert plan_id is not None
    before = digest(context.store)
    assert page.whole_plans.delete_plan() is True
    assert page.plan_id != plan_id
    _undo_redo(context, digest, before)
    assert page.plan_id == plan_id  # the page shows the plan again
    created = page.whole_plans.new_plan({"title": "第3次湯田地域づくり計画", "first_year": 2031,
                             "last_year": 2035})
    assert page.plan_id == created and plans.current_plan_id(context.store,
                                                             context.council_id) == created
    _undo_redo(context, digest, before)
    assert plans.current_plan_id(context.store, context.council_id) == plan_id
