"""出納簿 service: record, list with running balances, filters and totals, update, delete."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import cash_book, checks
from kyodo_desktop.services.changes import ACCOUNTS
from kyodo_desktop.store import audit

from .accounting_support import FY, entry, new_council


def test_record_returns_accounts_changes_and_stores_the_fields(store, council):
    changes = cash_book.record_entries(store, council, FY, [
        entry(date(FY, 6, 1), amount=3300, description=" コピー用紙 ", voucher_no="Ｒ１２")])
    assert changes.touches(ACCOUNTS) and changes.council_id == council
    [row] = cash_book.list_entries(store, council, FY)
    assert (row.description, row.voucher_no, row.expense, row.income) == (
        "コピー用紙", "R12", 3300, None)
    assert row.entry_date == date(FY, 6, 1) and row.category_name == "消耗品費"


def test_a_bad_entry_stores_nothing_and_names_its_position(store, council):
    entries = [entry(), entry(category="no_such_category"), entry()]
    with pytest.raises(cash_book.EntryValidationError) as caught:
        cash_book.record_entries(store, council, FY, entries)
    assert caught.value.index == 1 and caught.value.field == "category_code"
    assert caught.value.message == "費目を選んでください。"
    assert cash_book.list_entries(store, council, FY) == []


@pytest.mark.parametrize("bad", [
    {"amount": 0}, {"amount": -5}, {"amount": 1.5}, {"fund": "nope"},
    {"direction": "sideways"}, {"category": "consumables", "direction": "income"},
    {"project_id": 999}, {"grant_id": 999}])
def test_structural_errors_are_refused(store, council, bad):
    with pytest.raises(ValidationError):
        cash_book.record_entries(store, council, FY, [entry(**bad)])


def test_an_unknown_council_is_refused(store):
    with pytest.raises(UserError):
        cash_book.record_entries(store, 424242, FY, [entry()])


def test_warnings_do_not_block_saving(store, council):
    risky = entry(date(FY, 5, 1), fund="activity_support", description="懇親会",
                  voucher_no="")
    entry_id, _changes = cash_book.record_entry(store, council, FY, risky)
    codes = {f.code for f in checks.entry_findings(store, council, FY, risky, entry_id=entry_id)}
    assert codes == {"ineligible_keyword", "missing_voucher"}
    assert cash_book.get_entry(store, entry_id).description == "懇親会"


def test_entry_findings_see_a_voucher_used_before(store, council):
    cash_book.record_entries(store, council, FY, [entry(voucher_no="55")])
    typed = entry(voucher_no="５５")
    assert [f.code for f in checks.entry_findings(store, council, FY, typed)] == [
        "duplicate_voucher"]


def _seed(store, council):
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                         "fund_code": "own_funds", "carried_in": 10_000})
    project = store.db["projects"].insert({"council_id": council, "fiscal_year": FY,
                                           "name": "夏祭り"}).last_pk
    cash_book.record_entries(store, council, FY, [
        entry(date(FY, 4, 10), direction="income", amount=50_000, description="会費"),
        entry(date(FY, 5, 3), category="printing", amount=8_000, description="広報誌印刷"),
        entry(date(FY, 5, 3), amount=2_000, description="模造紙", project_id=project),
        entry(date(FY + 1, 1, 15), fund="activity_support", direction="income",
              category="grant", amount=100_000, description="交付金", payee="山口市"),
        entry(date(FY + 1, 2, 1), fund="activity_support", category="food", amount=3_000,
              description="お茶（夏祭り）", project_id=project),
    ])
    return project


def test_running_balances_per_fund_and_overall(store, council):
    _seed(store, council)
    rows = cash_book.list_entries(store, council, FY)
    assert [r.fund_balance for r in rows] == [60_000, 52_000, 50_000, 100_000, 97_000]
    assert [r.balance for r in rows] == [60_000, 52_000, 50_000, 150_000, 147_000]


def test_filters_keep_the_whole_year_balances_and_totals_match(store, council):
    project = _seed(store, council)
    cases = {
        "fund": ({"fund": "activity_support"}, 2),
        "category parent": ({"category": "supplies"}, 3),
        "category child": ({"category": "printing"}, 1),
        "project": ({"project_id": project}, 2),
        "january": ({"month": 1}, 1),
        "may": ({"month": 5}, 2),
        "text": ({"text": "夏祭り"}, 1),
        "payee": ({"text": "山口市"}, 1),
        "half-width kana typed": ({"text": "ｺｳﾋｰ"}, 0),
        "percent literal": ({"text": "%"}, 0),
    }
    everything = {r.id: r for r in cash_book.list_entries(store, council, FY)}
    for name, (filters, count) in cases.items():
        rows = cash_book.list_entries(store, council, FY, **filters)
        assert len(rows) == count, name
        for row in rows:
            assert row.balance == everything[row.id].balance, name
        totals = cash_book.entry_totals(store, council, FY, **filters)
        assert totals.count == count, name
        assert totals.income == sum(r.income or 0 for r in rows), name
        assert totals.expense == sum(r.expense or 0 for r in rows), name
        assert totals.net == totals.income - totals.expense


def test_limit_and_offset_page_through_the_rows(store, council):
    _seed(store, council)
    everything = cash_book.list_entries(store, council, FY)
    page = cash_book.list_entries(store, council, FY, limit=2, offset=1)
    assert [r.id for r in page] == [r.id for r in everything[1:3]]


def test_update_and_delete_are_logged(store, council):
    entry_id, _ = cash_book.record_entry(store, council, FY, entry(amount=1_000))
    cash_book.update_entry(store, entry_id, entry(amount=1_200, voucher_no="A-1"))
    assert cash_book.get_entry(store, entry_id).amount == 1_200
    cash_book.delete_entry(store, entry_id)
    with pytest.raises(UserError):
        cash_book.get_entry(store, entry_id)
    history = cash_book.entry_history(store, entry_id)
    assert [h["action"] for h in history] == ["insert", "update", "delete"]
    assert history[1]["before"]["amount"] == 1_000 and history[1]["after"]["amount"] == 1_200
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []


def test_history_values_suggest_the_most_used_first(store, council):
    cash_book.record_entries(store, council, FY, [
        entry(description="コピー用紙"), entry(description="コピー用紙"),
        entry(description="コーヒー"), entry(description="封筒")])
    assert cash_book.history_values(store, council, "description", "コ") == ["コピー用紙", "コーヒー"]
    with pytest.raises(ValueError):
        cash_book.history_values(store, council, "memo")


_moves = st.lists(st.tuples(st.integers(0, 364), st.sampled_from(
    ["operating_support", "activity_support", "own_funds"]), st.booleans(),
    st.integers(1, 500_000)), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=_moves, carried=st.integers(0, 1_000_000))
def test_balance_is_carried_in_plus_income_minus_expense(store, moves, carried):
    council = new_council(store)
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                         "fund_code": "own_funds", "carried_in": carried})
    start = date(FY, 4, 1)
    cash_book.record_entries(store, council, FY, [
        entry(start + timedelta(days=day), fund=fund,
              direction="income" if is_income else "expense",
              category=("grant" if fund != "own_funds" else "donations") if is_income else None,
              amount=amount)
        for day, fund, is_income, amount in moves])
    rows = cash_book.list_entries(store, council, FY)
    income = sum(a for _d, _f, is_income, a in moves if is_income)
    expense = sum(a for _d, _f, is_income, a in moves if not is_income)
    assert rows[-1].balance == carried + income - expense
    for fund in ("operating_support", "activity_support", "own_funds"):
        fund_rows = [r for r in rows if r.fund_code == fund]
        if fund_rows:
            signed = sum(a if i else -a for _d, f, i, a in moves if f == fund)
            assert fund_rows[-1].fund_balance == (carried if fund == "own_funds" else 0) + signed
