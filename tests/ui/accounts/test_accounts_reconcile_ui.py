"""The 出納簿 entry line's 口座 and 振替, the 口座 tab and the 通帳照合 tab."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.services.accounting import accounts, cash_book, figures, reconcile, transfers

FY = 2025
BANK = {"bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "ordinary",
        "account_number": "7654321", "holder": "湯田地域づくり協議会"}


@pytest.fixture
def bank(store, council) -> int:
    return accounts.save_bank_account(store, council, BANK)[0]


def _type_line(panel, **texts) -> None:
    for name, value in texts.items():
        getattr(panel, name).setText(value)


def test_a_transfer_is_recorded_from_the_entry_line_and_is_no_entry(page, store, council, bank):
    panel = page.cash_book.panel
    panel.reload()
    panel.direction_combo.setCurrentIndex(panel.direction_combo.findData("transfer"))
    assert panel.to_account_combo.isVisible() and not panel.category_combo.isVisible()
    assert panel.titles[panel.account_combo].text() == "出金口座"
    panel.account_combo.setCurrentIndex(panel.account_combo.findData(
        accounts.cash_account_id(store, council)))
    panel.to_account_combo.setCurrentIndex(panel.to_account_combo.findData(bank))
    _type_line(panel, date_edit="R7.5.1", amount_edit="20,000", description_edit="預入")
    assert panel.save()
    assert cash_book.list_entries(store, council, FY) == []
    [saved] = transfers.list_transfers(store, council, FY)
    assert (saved.to_account_id, saved.amount) == (bank, 20_000)
    assert figures.account_balances(store, council, FY)[bank] == 20_000


def test_an_entry_goes_on_the_chosen_account_and_the_next_line_keeps_it(page, store, council,
                                                                        bank):
    panel = page.cash_book.panel
    panel.reload()
    assert panel.account_combo.currentData() == accounts.cash_account_id(store, council)
    panel.account_combo.setCurrentIndex(panel.account_combo.findData(bank))
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("consumables"))
    _type_line(panel, date_edit="R7.5.2", amount_edit="1,100", description_edit="用紙",
               payee_edit="文具店", voucher_edit="12")
    assert panel.save()
    [row] = cash_book.list_entries(store, council, FY)
    assert row.account_id == bank
    panel.reload()
    assert panel.account_combo.currentData() == bank


def test_the_accounts_tab_lists_each_account_with_its_balance(page, store, council, bank):
    cash_book.record_entry(store, council, FY, CashBookEntryInput(
        date(FY, 6, 1), "own_funds", "income", "membership_fees", "会費", 12_345,
        account_id=bank))
    tab = page.ledger_accounts
    page.tabs.setCurrentWidget(tab)
    tab.day_edit.setText("R8.3.31")
    tab.reload()
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert names == ["現金", "普通預金"]
    assert tab.table.item(1, 1).text() == "12,345"


def test_the_reconcile_tab_compares_records_and_counts_cash(page, store, council, bank, tmp_path):
    tab = page.reconcile
    page.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.account_combo.setCurrentIndex(tab.account_combo.findData(bank))
    tab.day_edit.setText("R7.6.30")
    tab.balance_edit.setText("1,000")
    result = tab.compare()
    assert result is not None and result.difference == 1_000 and "1,000" in tab.result.text()
    tab.reason_edit.setText("利息の記帳漏れ")
    assert tab.record()
    assert tab.records.rowCount() == 1 and tab.records.item(0, 6).text() == "利息の記帳漏れ"
    assert tab.records.item(0, 5).text() == "差額あり（理由記入）"
    tab.account_combo.setCurrentIndex(tab.account_combo.findData(
        accounts.cash_account_id(store, council)))
    assert tab.cash_group.isVisible()
    tab.counts[10].setValue(0)
    assert tab.balance_edit.text() == "0"
    assert tab.record()
    states = {tab.records.item(row, 5).text() for row in range(tab.records.rowCount())}
    assert states == {"照合済", "差額あり（理由記入）"}  # not the privacy tab's 「同意する」
    recorded = sorted(reconcile.list_reconciliations(store, council), key=lambda r: r.id)
    assert [r.agreed for r in recorded] == [False, True]
    statement = tmp_path / "meisai.csv"
    statement.write_bytes("取引日,摘要,お支払金額,お預り金額,残高\r\nR7.6.30,ﾘｿｸ,,3,3\r\n"
                          .encode("cp932"))
    tab.account_combo.setCurrentIndex(tab.account_combo.findData(bank))
    assert not tab.statement_box.isVisible()  # no statement read: the records keep the room
    assert tab.load_statement(statement)
    assert tab.statement_box.isVisible() and tab.bank_only.isVisible()
    assert tab.bank_only.rowCount() == 1 and tab.bank_only.item(0, 2).text() == "ﾘｿｸ"
    assert tab.balance_edit.text() == "3"


@pytest.mark.parametrize("size", ["normal", "large", "extra_large"])
def test_the_new_tabs_fit_1366_by_768_at_every_text_size(area_at_size, size, screenshot_dir):
    """標準 / 大きい / とても大きい: the 口座 and 通帳照合 tabs need no more room than the page
    has beside the sidebar, nor more height than 768; the 出納簿 with its 口座 field keeps
    fitting where it fitted before (標準, 大きい)."""
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.ui.accounts.page import AccountsPage

    with area_at_size("accounts", size) as page:
        window = page.window()
        assert isinstance(page, AccountsPage)
        beside = 1366 - window.sidebar.sizeHint().width() - 40
        for tab in (page.ledger_accounts, page.reconcile, page.cash_book):
            page.tabs.setCurrentWidget(tab)
            window.resize(1366, 768)
            QApplication.processEvents()
            assert window.minimumSizeHint().height() <= 768, (size, tab)
            if tab is page.cash_book:
                assert size == "extra_large" or window.minimumSizeHint().width() <= 1366
            else:
                assert tab.minimumSizeHint().width() <= beside, (size, tab)
            window.grab().save(str(screenshot_dir / f"{type(tab).__name__}-{size}.png"))
