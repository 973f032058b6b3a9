"""予算 service: lines, 補正, 流用, and the 予算対比 matching the 出納簿."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import budget, cash_book

from .accounting_support import FY, entry, new_council


def _row(result, fund, direction, code, kind="line"):
    return next(r for r in result.rows if (r.fund_code, r.direction, r.category_code, r.kind)
                == (fund, direction, code, kind))


def test_set_and_revise_keep_both_figures(store, council):
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 50_000)
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 60_000)
    budget.revise_budget_line(store, council, FY, "own_funds", "expense", "consumables", 80_000)
    line = budget.find_line(store, council, FY, "own_funds", "expense", "consumables")
    assert (line["budget"], line["revised_budget"]) == (60_000, 80_000)
    row = _row(budget.budget_vs_actual(store, council, FY), "own_funds", "expense",
               "consumables")
    assert (row.budget, row.revised, row.current) == (60_000, 80_000, 80_000)
    assert store.scalar("SELECT count(*) FROM budget_lines") == 1


def test_income_lines_use_income_categories(store, council):
    budget.set_budget_line(store, council, FY, "own_funds", "income", "membership_fees", 70_000)
    with pytest.raises(ValidationError):
        budget.set_budget_line(store, council, FY, "own_funds", "income", "consumables", 1)
    with pytest.raises(ValidationError):
        budget.set_budget_line(store, council, FY, "own_funds", "expense", "printing", -1)


def test_transfer_moves_budget_with_date_and_reason(store, council):
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 50_000)
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "printing", 10_000)
    cash_book.record_entries(store, council, FY, [entry(amount=30_000)])
    budget.transfer_budget(store, council, FY, "own_funds", "consumables", "printing", 15_000,
                           date(FY, 9, 1), "広報誌の増刷")
    result = budget.budget_vs_actual(store, council, FY)
    assert _row(result, "own_funds", "expense", "consumables").transfer == -15_000
    assert _row(result, "own_funds", "expense", "printing").current == 25_000
    [transfer] = budget.list_transfers(store, council, FY)
    assert transfer["reason"] == "広報誌の増刷" and transfer["transferred_on"] == date(FY, 9, 1)


@pytest.mark.parametrize("amount, day, reason, field", [
    (6_000, date(FY, 9, 1), "理由", "amount"),       # only 5,000 left
    (1_000, date(FY + 1, 4, 1), "理由", "transferred_on"),
    (1_000, date(FY, 9, 1), "  ", "reason"),
    (0, date(FY, 9, 1), "理由", "amount")])
def test_transfer_refuses_bad_input(store, council, amount, day, reason, field):
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 10_000)
    cash_book.record_entries(store, council, FY, [entry(amount=5_000)])
    with pytest.raises(ValidationError) as caught:
        budget.transfer_budget(store, council, FY, "own_funds", "consumables", "printing",
                               amount, day, reason)
    assert caught.value.field == field
    assert budget.list_transfers(store, council, FY) == []


_lines = st.lists(st.tuples(st.sampled_from(["own_funds", "activity_support"]),
                            st.sampled_from(["consumables", "food", "printing", "wages"]),
                            st.integers(1, 300_000)), max_size=10)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(expenses=_lines, incomes=st.lists(st.integers(1, 500_000), max_size=5),
       planned=_lines, carried=st.integers(0, 100_000))
def test_budget_vs_actual_totals_equal_the_entries(store, expenses, incomes, planned, carried):
    council = new_council(store)
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                         "fund_code": "own_funds", "carried_in": carried})
    for fund, category, amount in planned:
        budget.set_budget_line(store, council, FY, fund, "expense", category, amount)
    cash_book.record_entries(store, council, FY, [
        entry(fund=fund, category=category, amount=amount) for fund, category, amount in expenses
    ] + [entry(direction="income", amount=amount) for amount in incomes])
    result = budget.budget_vs_actual(store, council, FY)
    for fund in ("own_funds", "activity_support", "operating_support"):
        spent = sum(a for f, _c, a in expenses if f == fund)
        assert result.totals[(fund, "expense")].actual == spent
        lines = {(c): a for f, c, a in planned if f == fund}
        assert result.totals[(fund, "expense")].budget == sum(lines.values())
        received = sum(incomes) + carried if fund == "own_funds" else 0
        assert result.totals[(fund, "income")].actual == received
        assert result.carried_out[fund] == received - spent
    groups = [r for r in result.rows if r.kind == "group"]
    for group in groups:
        members = [r for r in result.rows if r.level == 1 and r.fund_code == group.fund_code
                   and r.category_code in ("supplies", "consumables", "food", "printing")]
        assert group.actual == sum(m.actual for m in members)
