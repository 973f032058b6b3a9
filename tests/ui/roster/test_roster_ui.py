"""The roster and 専門部会 pages (pytest-qt): add a group through the editor, change a 自治会長
through the handover wizard, undo a deletion, inline messages, the import dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from kyodo_desktop.services.roster import handover, officers, subcommittees
from kyodo_desktop.services.roster import organizations as roster

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def context(qapp, demo, yuda):
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.context import AppContext

    create_application()
    return AppContext(demo, yuda, 2026)


@pytest.fixture
def page(context, qtbot):
    from kyodo_desktop.ui.roster.page import RosterPage

    widget = RosterPage(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


@pytest.fixture
def answer_yes(monkeypatch):
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_add_a_group_through_the_editor_and_undo_it(page, context):
    tab = page.organizations
    tab.new()
    assert tab.heading.text() == "新しい構成団体"
    tab.fields.edits["name"].setText("新緑町自治会")
    tab.fields.edits["name_kana"].setText("シンリョクチョウジチカイ")
    tab.figures.edits["households"].setText("１２０")
    tab.figures.edits["member_households"].setText("150")
    assert tab.save() is False  # 加入世帯数 > 世帯数: a red message, nothing saved
    assert tab.figures.errors["member_households"].isVisibleTo(tab.editor)
    assert "超え" in tab.figures.errors["member_households"].text()
    assert context.store.scalar("SELECT count(*) FROM member_organizations "
                                "WHERE name = '新緑町自治会'") == 0
    tab.figures.edits["member_households"].setText("100")
    assert tab.save() is True
    added = next(o for o in roster.list_organizations(context.store, context.council_id, 2026)
                 if o["name"] == "新緑町自治会")
    assert (added["name_kana"], added["households"], added["member_households"]) == (
        "しんりょくちょうじちかい", 120, 100)
    names = [r["name"] for r in tab.model.rows]
    assert "新緑町自治会" in names and tab.current_id == added["id"]
    context.undo_stack.undo()
    assert context.store.scalar("SELECT count(*) FROM member_organizations WHERE id = ?",
                                (added["id"],)) == 0
    context.undo_stack.redo()
    assert roster.get_organization(context.store, added["id"])["name"] == "新緑町自治会"


def test_undo_a_deletion_brings_back_terms_and_figures(page, context, answer_yes):
    tab = page.organizations
    never_paid = next(r["id"] for r in tab.model.rows if r["kind"] == "neighborhood_association"
                      and not context.store.scalar("SELECT 1 FROM dues_payments WHERE "
                                                   "organization_id = ?", (r["id"],)))
    tab.table.selectRow([r["id"] for r in tab.model.rows].index(never_paid))  # 会費: see the
    organization_id = tab.current_id  # services' delete rule
    assert organization_id == never_paid
    terms = context.store.scalar("SELECT count(*) FROM officer_terms WHERE organization_id = ?",
                                 (organization_id,))
    assert terms > 0
    tab.delete()
    assert len(answer_yes) == 1 and "任期" in answer_yes[0]
    assert organization_id not in [r["id"] for r in tab.model.rows]
    context.undo_stack.undo()
    assert organization_id in [r["id"] for r in tab.model.rows]
    assert context.store.scalar("SELECT count(*) FROM officer_terms WHERE organization_id = ?",
                                (organization_id,)) == terms
    assert roster.household_history(context.store, organization_id)


def test_change_a_president_through_the_handover_wizard(page, context, qtbot):
    from kyodo_desktop.ui.roster.handover import HandoverWizard

    wizard = HandoverWizard(context, page)
    qtbot.addWidget(wizard.wizard)
    assert wizard.fiscal_year == 2027  # terms end this year: the next year is proposed
    wizard.wizard.show()
    wizard.wizard.next()  # → roles
    row = next(i for i, item in enumerate(wizard.items) if item.group == "association")
    item = wizard.items[row]
    wizard.choose(row, handover.REPLACE, "新井 太郎（あらい たろう）")
    wizard.wizard.next()  # → households
    assert wizard.households.rowCount() == 37
    wizard.households.item(0, 1).setText("400")
    wizard.households.item(0, 2).setText("350")
    wizard.wizard.next()  # → done: carried out
    assert wizard.result is not None and wizard.result.new_people == 1
    assert wizard.result.kept == len(wizard.items) - 1
    holders = officers.list_terms(context.store, context.council_id, current_only=True,
                                  on=date(2027, 4, 1),
                                  body=officers.Body(officers.ORGANIZATION, item.body_id))
    assert [(t["person_name"], t["person_kana"]) for t in holders] == [
        ("新井 太郎", "あらい たろう")]
    assert wizard.presidents.rowCount() == 37
    first = wizard.carried[0]["id"]
    assert [r for r in roster.household_history(context.store, first)
            if r["fiscal_year"] == 2027] == [{"fiscal_year": 2027, "households": 400,
                                              "member_households": 350}]


def test_bad_successor_keeps_the_wizard_on_households(page, context, qtbot):
    from kyodo_desktop.ui.roster.handover import HandoverWizard

    wizard = HandoverWizard(context, page)
    qtbot.addWidget(wizard.wizard)
    wizard.wizard.show()
    wizard.wizard.next()
    wizard.choose(0, handover.REPLACE)  # nobody chosen
    wizard.wizard.next()
    wizard.wizard.next()
    assert wizard.result is None
    assert wizard.wizard.currentPage().objectName() == "householdsPage"
    assert "後任" in wizard.wizard.findChild(QLabel, "householdsError").text()


def test_people_tab_shows_gojuon_order_and_inline_errors(page, context):
    tab = page.people
    kana = [r["name_kana"] for r in tab.model.rows]
    from kyodo_desktop.domain.text import kana_sort_key
    assert kana == sorted(kana, key=kana_sort_key)
    tab.table.selectRow(0)
    tab.fields.edits["phone"].setText("12")
    assert tab.save() is False
    assert "電話番号" in tab.fields.errors["phone"].text()


def test_import_dialog_lists_errors_and_imports_good_rows(context, qtbot, write_csv):
    from kyodo_desktop.ui.roster.import_dialog import RosterImportDialog

    path = write_csv([["自治会名", "ふりがな", "世帯数", "加入世帯数"],
                      ["新町自治会", "しんまち", "４０", "30"], ["旧町自治会", "", "x", "1"]],
                     encoding="cp932")
    dialog = RosterImportDialog(context, path=path)
    qtbot.addWidget(dialog.dialog)
    assert "3行目" in dialog.report.toPlainText()
    assert not dialog.import_button.isEnabled() and dialog.import_good.isEnabled()
    assert dialog.do_import(skip_bad_rows=True)
    assert "1団体" in dialog.summary
    assert context.store.scalar("SELECT count(*) FROM member_organizations "
                                "WHERE name IN ('新町自治会', '旧町自治会')") == 1


def test_subcommittee_page_add_delete_undo(context, qtbot, answer_yes):
    from kyodo_desktop.ui.roster.subcommittee_page import SubcommitteePage

    widget = SubcommitteePage(context)
    qtbot.addWidget(widget)
    widget.show()
    first = widget.model.rows[0]
    assert first["name"] == "総務部会" and widget.work.count() > 0
    widget.new()
    widget.fields.edits["name"].setText("広報部会")
    assert widget.save() is True
    assert "広報部会" in [r["name"] for r in widget.model.rows]
    widget.table.selectRow(0)
    sub_id = widget.current_id
    widget.delete()
    assert answer_yes and "推進項目" in answer_yes[0]
    assert sub_id not in [r["id"] for r in widget.model.rows]
    context.undo_stack.undo()
    assert subcommittees.assigned_work(context.store, sub_id)["actions"]
