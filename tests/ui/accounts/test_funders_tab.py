"""The 会計区分・助成 tab: a fund and a programme of another funder are defined in the GUI (undoable,
Japanese messages for what cannot be saved), and the programme then gets the checks of its own
rules, the grant steps and its own report."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.accounting import cash_book, checks, common, funders
from kyodo_desktop.ui.accounts import funders as funders_ui

FY = 2025


def _answer(monkeypatch, dialog_class, fill):
    """Make ``dialog_class.exec`` fill the dialog with ``fill(dialog)`` and accept once; a
    second showing (after an error) is cancelled. Returns the dialogs shown."""
    shown = []

    def exec_(dialog):
        shown.append(dialog)
        if len([d for d in shown if d is dialog]) > 1:
            return QDialog.DialogCode.Rejected
        fill(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return shown


def _add_fund(page, monkeypatch, name: str):
    shown = _answer(monkeypatch, funders_ui.FundDialog, lambda d: d.name.setText(name))
    page.funders.add_fund()
    return shown


def _programme(dialog, *, cap="￥３００，０００", name="赤い羽根共同募金 地域配分金"):
    dialog.name.setText(name)
    dialog.funder.setText("山口県共同募金会")
    for row in range(dialog.categories.count()):
        item = dialog.categories.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ("consumables", "honoraria"):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.keywords.setText("懇親会、商品券")
    dialog.cap.setText(cap)
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("performance_report"))


def test_the_tab_is_part_of_the_accounts_page(page):
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "会計区分・助成" in titles
    page.tabs.setCurrentWidget(page.funders)
    assert page.funders.fund_table.rowCount() == 0


def test_a_fund_is_added_undone_and_redone(page, context, store, council, monkeypatch):
    page.tabs.setCurrentWidget(page.funders)
    _add_fund(page, monkeypatch, "　共同募金配分金　")
    assert [f.name for f in funders.list_funds(store, council)] == ["共同募金配分金"]
    assert page.funders.fund_table.item(0, 0).text() == "共同募金配分金"
    page.budget.reload()
    assert "共同募金配分金" in [page.budget.fund_combo.itemText(i)
                                for i in range(page.budget.fund_combo.count())]
    context.undo_stack.undo()
    assert funders.list_funds(store, council) == []
    context.undo_stack.redo()
    assert [f.name for f in funders.list_funds(store, council)] == ["共同募金配分金"]
    shown = _add_fund(page, monkeypatch, "共同募金配分金")  # the same name again
    assert "すでにあります" in shown[0].error.text()
    assert len(funders.list_funds(store, council)) == 1


def test_a_programme_defined_in_the_tab_gets_checks_steps_and_its_report(
        page, context, store, council, monkeypatch, answers):
    page.tabs.setCurrentWidget(page.funders)
    page.funders.add_program()
    assert answers.told and "会計区分" in answers.told[0]  # a fund comes first
    _add_fund(page, monkeypatch, "共同募金配分金")
    _answer(monkeypatch, funders_ui.ProgramDialog, _programme)
    page.funders.add_program()
    [program] = funders.list_programs(store, council)
    assert program.values.max_amount == 300_000  # full-width 「￥３００，０００」
    assert program.values.ineligible_keywords == ("懇親会", "商品券")
    assert page.funders.program_table.item(0, 5).text() == "実績報告書"
    context.undo_stack.undo()
    assert funders.list_programs(store, council) == []
    context.undo_stack.redo()
    [program] = funders.list_programs(store, council)
    page.grants.reload()
    assert page.grants.program_combo.findData(program.code) >= 0
    fund = program.values.fund_code
    for category, text in (("consumables", "サロン 体操用品"), ("food", "役員懇親会 弁当")):
        cash_book.record_entry(store, council, FY, CashBookEntryInput(
            entry_date=date(FY, 6, 1), fund_code=fund, direction="expense",
            category_code=category, description=text, amount=3_000, payee="店",
            voucher_no=f"R-{category}"))
    found = {(f.code, f.message) for f in checks.year_findings(store, council, FY)}
    assert any(code == "category_not_allowed" and "赤い羽根共同募金" in message
               for code, message in found)
    assert any(code == "ineligible_keyword" and "懇親会" in message for code, message in found)
    pdf = report_kinds()["funder-report"].build(store, ReportRequest(council, FY, draft=True))
    texts = page_texts(pdf)
    assert "赤い羽根共同募金 地域配分金実績報告書" in texts[0]
    assert "山口県共同募金会 様" in texts[0]
    assert "共同募金配分金会計" in texts[1]
    assert fund not in common.fund_names(store)  # never on the city's forms


@pytest.mark.parametrize(("cap", "message"), [("三十万円くらい", ""), ("1.5", ""),
                                              ("99999999999999", "")])
def test_an_unreadable_maximum_is_refused_in_japanese(page, store, council, monkeypatch, cap,
                                                      message):
    _add_fund(page, monkeypatch, "社会福祉協議会 助成金")
    shown = _answer(monkeypatch, funders_ui.ProgramDialog,
                    lambda d: _programme(d, cap=cap, name="サロン助成"))
    page.funders.add_program()
    text = shown[0].error.text()
    assert text and not text.isascii() and message in text
    assert funders.list_programs(store, council) == []


def test_an_empty_name_is_refused_next_to_the_form(page, store, council, monkeypatch):
    _add_fund(page, monkeypatch, "寄付金")
    shown = _answer(monkeypatch, funders_ui.ProgramDialog, lambda d: _programme(d, name="　"))
    page.funders.add_program()
    assert "助成制度の名前" in shown[0].error.text()
    assert funders.list_programs(store, council) == []


def test_the_change_history_lists_every_change_of_funds_and_programmes(
        page, context, store, council, monkeypatch):
    from kyodo_desktop.ui.accounts.funders_history import FundHistoryDialog

    page.tabs.setCurrentWidget(page.funders)
    _add_fund(page, monkeypatch, "共同募金配分金")
    context.undo_stack.undo()
    context.undo_stack.redo()
    [fund] = funders.list_funds(store, council)
    program, _changes = funders.add_program(store, council, funders.ProgramInput(
        "赤い羽根共同募金 地域配分金", "山口県共同募金会", fund.code, ("consumables",), (),
        300_000))
    funders.update_program(store, council, program, funders.ProgramInput(
        "赤い羽根共同募金 地域配分金", "山口県共同募金会", fund.code, ("consumables",), (),
        None, False, "performance_report"))
    shown = []
    monkeypatch.setattr(FundHistoryDialog, "exec", lambda dialog: shown.append(dialog.rows()))
    page.funders.show_history()
    assert [(what, details) for _when, what, details in shown[0]] == [
        ("会計区分を追加", "会計区分: 共同募金配分金"),
        ("会計区分を削除", "会計区分: 共同募金配分金"),  # the undo, logged too
        ("会計区分を追加", "会計区分: 共同募金配分金"),
        ("助成制度を追加", "助成制度: 赤い羽根共同募金 地域配分金\n交付元: 山口県共同募金会\n"
                          "上限額（円）: 300,000\n報告書の様式: 収支決算書"),
        ("助成制度を変更", "助成制度: 赤い羽根共同募金 地域配分金\n上限額（円）: 300,000 → なし\n"
                          "報告書の様式: 収支決算書 → 実績報告書")]
