"""The 出納簿's 口座 column and filter, a bank account's 繰越金 set on the 口座 tab, and a 照合
record deleted on the 通帳照合 tab — each write one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.services.accounting import accounts, cash_book, figures, reconcile
from kyodo_desktop.ui.accounts import ledger_accounts
from kyodo_desktop.ui.accounts.models import COLUMN_KEYS

FY = 2025
BANK = {"bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "ordinary",
        "account_number": "7654321", "holder": "湯田地域づくり協議会"}


@pytest.fixture
def bank(store, council) -> int:
    return accounts.save_bank_account(store, council, BANK)[0]


def _entry(store, council, description, account_id=None) -> int:
    return cash_book.record_entry(store, council, FY, CashBookEntryInput(
        date(FY, 6, 1), "own_funds", "income", "membership_fees", description, 1_000,
        account_id=account_id))[0]


def test_the_cash_book_shows_and_filters_by_account(page, store, council, bank):
    _entry(store, council, "現金の会費")
    _entry(store, council, "振込の会費", bank)
    tab = page.cash_book
    tab.reload()
    column = COLUMN_KEYS.index("account")
    shown = {tab.model.index(r, 4).data(): tab.model.index(r, column).data()
             for r in range(tab.model.rowCount())}
    assert shown == {"現金の会費": "現金", "振込の会費": "普通預金"}
    tab.account_filter.setCurrentIndex(tab.account_filter.findData(bank))
    assert tab.model.rowCount() == 1 and tab.model.index(0, 4).data() == "振込の会費"
    assert "1 件" in tab.totals_label.text()


def test_filtered_on_an_account_the_balance_is_that_accounts_and_the_export_agrees(
        page, store, council, bank, tmp_path):
    from openpyxl import load_workbook

    from kyodo_desktop.services.accounting.transfers import TransferInput, record_transfer

    _entry(store, council, "現金の会費")
    _entry(store, council, "振込の会費", bank)
    cash_book.record_entry(store, council, FY, CashBookEntryInput(
        date(FY, 6, 2), "own_funds", "income", "membership_fees", "翌日の振込", 1_000,
        account_id=bank))
    record_transfer(store, council, FY, TransferInput(
        date(FY, 6, 2), accounts.cash_account_id(store, council), bank, 500, "預入"))
    tab = page.cash_book
    tab.reload()
    column = COLUMN_KEYS.index("balance")
    tab.account_filter.setCurrentIndex(tab.account_filter.findData(bank))
    shown = [(tab.model.index(r, 4).data(), tab.model.index(r, column).data())
             for r in range(tab.model.rowCount())]
    assert shown == [("振込の会費", "1,000"), ("翌日の振込", "2,500")]  # 振替 +500 included
    assert figures.account_balance(store, council, bank, date(FY, 6, 2)) == 2_500
    path = tmp_path / "bank.xlsx"
    assert page.export_cash_book(path) is True
    rows = [row for row in load_workbook(path).active.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(rows) if row[0] == "日付")
    balances = [(row[4], row[7]) for row in rows[header + 1:]]
    assert balances == [("前年度繰越", 0), ("振込の会費", 1_000), ("翌日の振込", 2_500),
                        ("合計", None), ("次年度繰越", 2_500)]
    name = accounts.account_names(store, council)[bank]
    assert rows[0][0] == f"令和7年度 出納簿（全会計・口座 {name}）"
    tab.account_filter.setCurrentIndex(tab.account_filter.findData(None))
    assert [tab.model.index(r, column).data() for r in range(tab.model.rowCount())] == [
        "1,000", "2,000", "3,000"]  # all funds, all 口座


class _Answers:
    """OpeningDialog.exec answers: each typed text is accepted in turn, then 「キャンセル」."""

    def __init__(self, monkeypatch, texts):
        self.texts, self.errors = list(texts), []
        answers = self

        def run(dialog):
            if dialog.error.text():
                answers.errors.append(dialog.error.text())
            if not answers.texts:
                return QDialog.DialogCode.Rejected
            dialog.amount.setText(answers.texts.pop(0))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(ledger_accounts.OpeningDialog, "exec", run)


def test_a_bank_accounts_carry_over_is_set_and_undone(page, context, store, council, bank,
                                                      monkeypatch):
    tab = page.ledger_accounts
    page.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.table.selectRow([a.id for a in tab.accounts].index(bank))
    answers = _Answers(monkeypatch, ["1,2,3", "令和7年", "¥１２，０００"])
    assert tab.edit_opening()
    assert len(answers.errors) == 2  # refused twice with a message, nothing stored
    assert accounts.account_opening(store, council, FY, bank) == 12_000
    assert figures.account_balances(store, council, FY, on=date(FY, 4, 1))[bank] == 12_000
    context.undo_stack.undo()
    assert accounts.account_opening(store, council, FY, bank) is None


def test_the_cash_account_has_no_carry_over_of_its_own(page, store, council, bank, monkeypatch):
    shown = []
    monkeypatch.setattr(ledger_accounts, "show_error", lambda e, parent=None: shown.append(e))
    tab = page.ledger_accounts
    tab.reload()
    tab.table.selectRow([a.id for a in tab.accounts].index(
        accounts.cash_account_id(store, council)))
    assert not tab.edit_opening() and "現金" in str(shown[0])


def test_a_reconciliation_is_deleted_after_asking_and_undone(page, context, store, council,
                                                            bank, answers):
    reconcile.record(store, council, bank, date(FY, 6, 30), 0)
    reconcile.record(store, council, bank, date(FY, 7, 31), 5, reason="利息")
    tab = page.reconcile
    page.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.records.selectRow(0)  # the latest first
    assert tab.delete_record()
    assert "R7.7.31" in answers.asked[-1] or "7.31" in answers.asked[-1]
    assert [r.reason for r in reconcile.list_reconciliations(store, council)] == [""]
    assert tab.records.rowCount() == 1
    context.undo_stack.undo()
    assert len(reconcile.list_reconciliations(store, council)) == 2
