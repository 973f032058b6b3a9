"""口座: migration 13 puts existing entries on 現金, entries and 振替 name accounts of their
council, accounts in use cannot be deleted, the 年度締め carries the accounts' balances."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import accounts, cash_book, figures, transfers, year_close
from kyodo_desktop.services.accounting.transfers import TransferInput
from kyodo_desktop.store import audit, open_store
from kyodo_desktop.store.errors import EntryRefused

from .accounting_support import FY, entry, file_at_version, new_council

BANK = {"bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "ordinary",
        "account_number": "7654321", "holder": "湯田地域づくり協議会"}


def _version_12_file(path) -> None:
    conn = file_at_version(path, 12)
    conn.execute("INSERT INTO councils (id, name) VALUES (1, '湯田'), (2, '白石')")
    conn.execute("INSERT INTO council_accounts (council_id, kind, bank_name, account_type, "
                 "account_number, holder, is_payee) VALUES (1, 'bank', '銀行', 'ordinary', "
                 "'123', '湯田', 1)")
    for council, day, amount in ((1, "2025-05-01", 500), (1, "2026-05-01", 700),
                                 (2, "2025-06-01", 300)):
        conn.execute("INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, "
                     "entry_date, direction, income_category_code, amount) VALUES "
                     "(?, ?, 'own_funds', ?, 'income', 'membership_fees', ?)",
                     (council, int(day[:4]), day, amount))
    conn.execute("INSERT INTO year_closes (council_id, fiscal_year, closed_at) "
                 "VALUES (1, 2025, '2026-04-10')")
    conn.commit()
    conn.close()


def test_an_older_file_migrates_with_every_entry_on_its_councils_cash(tmp_path):
    path = tmp_path / "old.sqlite3"
    _version_12_file(path)
    old = open_store(path, migrate=False, check=False)
    audit.baseline(old)
    old.close()
    store = open_store(path)
    try:
        cash = {c: accounts.cash_account_id(store, c) for c in (1, 2)}
        placed = store.query("SELECT council_id, account_id FROM cash_book_entries")
        assert placed and all(r["account_id"] == cash[r["council_id"]] for r in placed)
        assert [a.name for a in accounts.list_ledger_accounts(store, 1)] == ["現金", "普通預金"]
        assert audit.verify_covered_rows(store) == []
        assert figures.account_balances(store, 1, 2025) == {cash[1]: 500, 1: 0}
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
            db.execute("INSERT INTO council_accounts (council_id, kind) VALUES (1, 'cash')")
    finally:
        store.close()


def test_entries_go_on_cash_unless_an_account_of_the_council_is_named(store, council):
    other = new_council(store)
    bank, _ = accounts.save_bank_account(store, council, BANK)
    foreign, _ = accounts.save_bank_account(store, other, BANK)
    first, _ = cash_book.record_entry(store, council, FY, entry())
    second, _ = cash_book.record_entry(store, council, FY, entry(account_id=bank))
    assert cash_book.get_entry(store, first).account_id == accounts.cash_account_id(store, council)
    assert cash_book.get_entry(store, second).account_id == bank
    with pytest.raises(ValidationError) as refused:
        cash_book.record_entry(store, council, FY, entry(account_id=foreign))
    assert refused.value.field == "account_id"
    with pytest.raises(EntryRefused), store.transaction() as db:
        db.execute("UPDATE cash_book_entries SET account_id = ? WHERE id = ?", [foreign, first])
    listed = cash_book.list_entries(store, council, FY, account_id=bank)
    assert [row.id for row in listed] == [second]
    assert figures.entry_totals(store, council, FY, account_id=bank).expense == 1000


def test_accounts_are_found_by_the_names_people_use(store, council):
    ordinary, _ = accounts.save_bank_account(store, council, BANK)
    time, _ = accounts.save_bank_account(store, council, dict(BANK, account_type="time",
                                                              account_number="55"))
    assert accounts.find_account(store, council, "普通預金") == ordinary
    assert accounts.find_account(store, council, "定期") == time
    assert accounts.find_account(store, council, "５５") == time
    assert accounts.find_account(store, council, "現金") == accounts.cash_account_id(store,
                                                                                   council)
    with pytest.raises(UserError, match="普通預金"):
        accounts.find_account(store, council, "当座預金")
    with pytest.raises(UserError):
        accounts.find_account(store, council, "やまぐち銀行")  # two accounts at that bank


def test_a_transfer_needs_two_accounts_of_the_council_and_a_date_in_the_year(store, council):
    bank, _ = accounts.save_bank_account(store, council, BANK)
    cash = accounts.cash_account_id(store, council)
    good = TransferInput(date(FY, 6, 1), cash, bank, 10_000, "預入")
    for bad, field in ((TransferInput(date(FY, 6, 1), cash, cash, 1), "to_account_id"),
                       (TransferInput(date(FY + 1, 4, 1), cash, bank, 1), "transfer_date"),
                       (TransferInput(date(FY, 6, 1), cash, 99999, 1), "to_account_id"),
                       (TransferInput(date(FY, 6, 1), cash, bank, 0), "amount")):
        with pytest.raises(ValidationError) as refused:
            transfers.record_transfer(store, council, FY, bad)
        assert refused.value.field == field
    transfer_id, _ = transfers.record_transfer(store, council, FY, good)
    assert transfers.transfer_kind(store, good) == "預入"
    assert transfers.transfer_kind(store, TransferInput(date(FY, 6, 1), bank, cash, 1)) == "引出"
    assert [t.id for t in transfers.list_transfers(store, council, FY, account_id=bank)] == [
        transfer_id]
    assert figures.account_balances(store, council, FY) == {cash: -10_000, bank: 10_000}
    transfers.delete_transfer(store, transfer_id)
    assert figures.account_balances(store, council, FY) == {cash: 0, bank: 0}


def test_an_account_in_use_or_the_cash_account_cannot_be_deleted(store, council):
    bank, _ = accounts.save_bank_account(store, council, BANK)
    spare, _ = accounts.save_bank_account(store, council, dict(BANK, account_number="9"))
    cash_book.record_entry(store, council, FY, entry(account_id=bank))
    with pytest.raises(UserError):
        accounts.delete_ledger_account(store, council, bank)
    with pytest.raises(UserError):
        accounts.delete_ledger_account(store, council, accounts.cash_account_id(store, council))
    accounts.delete_ledger_account(store, council, spare)
    assert spare not in accounts.account_names(store, council)


def test_the_year_close_carries_each_accounts_balance(store, council):
    bank, _ = accounts.save_bank_account(store, council, BANK)
    cash = accounts.cash_account_id(store, council)
    cash_book.record_entry(store, council, FY, entry(direction="income", amount=50_000,
                                                     account_id=bank))
    cash_book.record_entry(store, council, FY, entry(amount=3_000))
    transfers.record_transfer(store, council, FY, TransferInput(date(FY, 7, 1), bank, cash,
                                                                20_000, "引出"))
    year_close.close_year(store, council, FY)
    assert figures.account_opening_balances(store, council, FY + 1) == {cash: 17_000,
                                                                        bank: 30_000}
    with pytest.raises(Exception, match="締め|closed"):
        transfers.record_transfer(store, council, FY, TransferInput(date(FY, 8, 1), bank, cash,
                                                                    1))
