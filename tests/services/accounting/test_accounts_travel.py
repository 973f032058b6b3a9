"""口座, 振替 and 通帳照合 travel with the council in a handover package (ids remapped, balances
equal) and a 振替 is undone and redone like any other write, with the change log clean."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.services.accounting import accounts, figures, reconcile, transfers
from kyodo_desktop.services.accounting.transfers import TransferInput
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.changes import redo, undo, undoable
from kyodo_desktop.store import audit

from .accounting_support import FY

BANK = {"bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "time",
        "account_number": "7654321", "holder": "湯田地域づくり協議会"}


def _yuda(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name LIKE '湯田%'")


def test_accounts_transfers_and_reconciliations_travel_in_a_handover(demo_store, store,
                                                                      tmp_path):
    council = _yuda(demo_store)
    package = handover.export_council(demo_store, council, tmp_path / "pkg.sqlite3")
    moved = handover.import_package(store, package.path).council_id
    names = [(a.name, a.type_name) for a in accounts.list_ledger_accounts(store, moved)]
    assert names == [(a.name, a.type_name)
                     for a in accounts.list_ledger_accounts(demo_store, council)]
    for year in (2025, 2026):
        before = figures.account_balances(demo_store, council, year, on=date(year, 10, 31))
        after = figures.account_balances(store, moved, year, on=date(year, 10, 31))
        assert list(after.values()) == list(before.values()) and min(before.values()) > 0
        assert len(transfers.list_transfers(store, moved, year)) == len(
            transfers.list_transfers(demo_store, council, year))
    assert len(reconcile.list_reconciliations(store, moved)) == len(
        reconcile.list_reconciliations(demo_store, council))


def test_a_transfer_is_undone_and_redone_with_the_change_log_clean(store, council):
    bank, _ = accounts.save_bank_account(store, council, BANK)
    cash = accounts.cash_account_id(store, council)
    done = undoable(store, lambda: transfers.record_transfer(
        store, council, FY, TransferInput(date(FY, 9, 1), cash, bank, 30_000, "預入")))
    assert figures.account_balances(store, council, FY)[bank] == 30_000
    undo(store, done)
    assert transfers.list_transfers(store, council, FY) == []
    assert figures.account_balances(store, council, FY)[bank] == 0
    redo(store, done)
    assert figures.account_balances(store, council, FY)[bank] == 30_000
    assert audit.verify_covered_rows(store) == [] and audit.verify_chain(store) == []


def test_an_account_below_zero_is_a_warning_until_the_withdrawal_is_recorded(store, council):
    from kyodo_desktop.services.accounting import cash_book, checks

    from .accounting_support import entry

    bank, _ = accounts.save_bank_account(store, council, BANK)
    cash = accounts.cash_account_id(store, council)
    cash_book.record_entry(store, council, FY, entry(date(FY, 4, 20), direction="income",
                                                     amount=20_000, account_id=bank))
    cash_book.record_entry(store, council, FY, entry(date(FY, 5, 1), amount=5_000))

    def warned():
        return [f.message for f in checks.year_findings(store, council, FY)
                if f.code == "account_below_zero"]

    assert len(warned()) == 1 and "現金" in warned()[0] and "△5,000" in warned()[0]
    transfers.record_transfer(store, council, FY, TransferInput(date(FY, 5, 1), bank, cash,
                                                                10_000, "引出"))
    assert warned() == []
