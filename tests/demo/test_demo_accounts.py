"""The demo's 口座: 現金 and two bank accounts, 振替 among them, monthly 通帳照合 with one
explained difference, and balances that add up to the funds on every day."""

from __future__ import annotations

from datetime import date, timedelta

from kyodo_desktop.demo.common import CLOSED_YEAR, OPEN_YEAR, TODAY
from kyodo_desktop.services.accounting import accounts, figures, transfers


def _council(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name LIKE '湯田%'")


def test_the_demo_has_a_cash_box_an_ordinary_and_a_time_deposit(demo_store):
    council = _council(demo_store)
    listed = accounts.list_ledger_accounts(demo_store, council)
    assert [(a.kind, a.type_name) for a in listed] == [
        ("cash", "現金"), ("bank", "普通預金"), ("bank", "定期預金")]
    used = {row["account_id"] for row in demo_store.query(
        "SELECT DISTINCT account_id FROM cash_book_entries WHERE council_id = ?", (council,))}
    assert used == {listed[0].id, listed[1].id}
    kinds = {transfers.transfer_kind(demo_store, t)
             for year in (CLOSED_YEAR, OPEN_YEAR)
             for t in transfers.list_transfers(demo_store, council, year)}
    assert kinds == {"預入", "引出", "振替"}


def test_every_account_stays_above_zero_and_adds_up_to_the_funds(demo_store):
    council = _council(demo_store)
    for year, last in ((CLOSED_YEAR, date(CLOSED_YEAR + 1, 3, 31)), (OPEN_YEAR, TODAY)):
        day = date(year, 4, 1)
        while day <= last:
            by_account = figures.account_balances(demo_store, council, year, on=day)
            assert min(by_account.values()) >= 0, day
            assert sum(by_account.values()) == figures.council_balance(demo_store, council,
                                                                       year, on=day)
            day += timedelta(days=7)


def test_reconciliations_agree_every_month_but_one_explained_case(demo_store):
    council = _council(demo_store)
    rows = demo_store.query("SELECT * FROM reconciliations WHERE council_id = ?", (council,))
    assert len(rows) >= 2 * 19
    differing = [r for r in rows if r["bank_balance"] != r["book_balance"]]
    assert len(differing) == 1 and "振込" in differing[0]["reason"]
    for row in rows:
        day = date.fromisoformat(row["reconciled_on"])
        assert row["book_balance"] == figures.account_balance(demo_store, council,
                                                              row["account_id"], day)
