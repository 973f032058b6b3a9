"""Property: every balance — per 口座, per 会計区分, per council — equals the sum of its entries
at every date, over random entries and 振替; 振替 leave every income/expense figure unchanged."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.services.accounting import accounts, cash_book, figures, transfers
from kyodo_desktop.services.accounting.transfers import TransferInput

from .accounting_support import FY, entry, new_council

FUNDS = ("operating_support", "activity_support", "own_funds")
START = date(FY, 4, 1)
BANK = {"bank_name": "テスト銀行", "branch_name": "本店", "account_number": "1234567",
        "holder": "テスト協議会"}

entries_st = st.lists(st.tuples(st.integers(0, 364), st.sampled_from(FUNDS),
                                st.sampled_from(("income", "expense")),
                                st.integers(1, 2_000_000), st.integers(0, 2)), max_size=25)
transfers_st = st.lists(st.tuples(st.integers(0, 364), st.integers(0, 2), st.integers(1, 2),
                                  st.integers(1, 3_000_000)), max_size=12)
openings_st = st.tuples(st.integers(0, 5_000_000), st.integers(0, 5_000_000),
                        st.integers(0, 1_000_000))


def _income_expense_figures(store, council):
    return (figures.entry_totals(store, council, FY),
            figures.category_actuals(store, council, FY),
            figures.fund_balances(store, council, FY),
            figures.project_costs(store, council, FY),
            figures.grant_income(store, council, FY))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(entries_st, transfers_st, openings_st)
def test_every_balance_is_the_sum_of_its_entries(store, moves, shifts, openings):
    council = new_council(store)
    cash = accounts.cash_account_id(store, council)
    banks = [accounts.save_bank_account(store, council, dict(BANK, account_type=kind))[0]
             for kind in ("ordinary", "time")]
    ids = [cash, *banks]
    for fund, amount in zip(FUNDS, openings, strict=True):
        store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                             "fund_code": fund, "carried_in": amount})
    accounts.set_account_opening(store, council, FY, banks[0], 700_000)
    category = {"income": "membership_fees", "expense": "consumables"}
    cash_book.record_entries(store, council, FY, [
        entry(START + timedelta(days=day), fund=fund, direction=direction,
              category=category[direction], amount=amount, account_id=ids[account])
        for day, fund, direction, amount, account in moves])
    before = _income_expense_figures(store, council)
    for day, source, step, amount in shifts:
        target = (source + step) % 3
        transfers.record_transfer(store, council, FY, TransferInput(
            START + timedelta(days=day), ids[source], ids[target], amount, "預入"))
    assert _income_expense_figures(store, council) == before

    account_open = {cash: sum(openings) - 700_000, banks[0]: 700_000, banks[1]: 0}
    days = sorted({START - timedelta(days=0)} | {START + timedelta(days=d) for d, *_ in moves}
                  | {START + timedelta(days=d) for d, *_ in shifts} | {date(FY + 1, 3, 31)})
    for day in days:
        offset = (day - START).days
        by_account = dict(account_open)
        by_fund = dict(zip(FUNDS, openings, strict=True))
        for d, fund, direction, amount, account in moves:
            if d <= offset:
                signed = amount if direction == "income" else -amount
                by_account[ids[account]] += signed
                by_fund[fund] += signed
        for d, source, step, amount in shifts:
            if d <= offset:
                by_account[ids[source]] -= amount
                by_account[ids[(source + step) % 3]] += amount
        assert figures.account_balances(store, council, FY, on=day) == by_account
        assert figures.fund_balances(store, council, FY, on=day) == by_fund
        assert figures.council_balance(store, council, FY, on=day) == sum(by_fund.values())
        assert sum(by_account.values()) == sum(by_fund.values())
        for account in ids:
            assert figures.account_balance(store, council, account, day) == by_account[account]
    assert figures.account_balances(store, council, FY) == by_account
    for account in ids:  # the 出納簿 filtered on a 口座 shows that 口座's running 残高
        rows = cash_book.list_entries(store, council, FY, account_id=account)
        last_of_day = {row.entry_date: row for row in rows}
        for day, row in last_of_day.items():
            assert row.shown_balance(None) == row.account_balance == figures.account_balance(
                store, council, account, day)
        assert all(row.shown_balance("own_funds") == row.account_balance for row in rows)
    assert all(row.account_balance is None for row in cash_book.list_entries(store, council, FY))
