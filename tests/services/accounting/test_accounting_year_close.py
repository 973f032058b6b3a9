"""年度締め: checks block, 次年度繰越金 carried in, the closed year refuses every write, reopen."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import budget, cash_book, grants, year_close
from kyodo_desktop.services.accounting.file_checks import check_carried_in, check_year_closes
from kyodo_desktop.store import audit
from kyodo_desktop.store.errors import YearClosed

from .accounting_support import FY, entry


def _books(store, council):
    """A small year: 会費 in, two expenses; budget; a grant paid; closed."""
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 50_000)
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "printing", 10_000)
    ids = cash_book.record_entries_with_ids(store, council, FY, [
        entry(date(FY, 4, 10), direction="income", amount=80_000, description="会費"),
        entry(date(FY, 5, 1), amount=12_000),
        entry(date(FY, 6, 1), category="printing", amount=4_000, description="チラシ"),
    ])
    grant_id, _ = grants.apply_grant(store, council, FY, "yamaguchi_activity_support", 100,
                                     date(FY, 3, 1))
    grants.decide_grant(store, grant_id, 100, date(FY, 4, 1))
    payment_id, _ = grants.record_payment(store, grant_id, 100, date(FY, 4, 20))
    cash_book.record_entries(store, council, FY, [
        entry(date(FY, 4, 20), fund="activity_support", direction="income", category="grant",
              amount=100)])
    budget.transfer_budget(store, council, FY, "own_funds", "consumables", "printing", 1_000,
                           date(FY, 7, 1), "増刷")
    return ids, grant_id, payment_id


def test_close_carries_the_balances_into_the_next_year(store, council):
    _books(store, council)
    result = year_close.close_year(store, council, FY, closed_by="会計 山田")
    assert result.carried_out == {"operating_support": 0, "activity_support": 100,
                                  "own_funds": 64_000}
    assert result.changes.council_id == council
    opening = {r["fund_code"]: (r["carried_in"], r["source"]) for r in store.query(
        "SELECT * FROM opening_balances WHERE council_id = ? AND fiscal_year = ?",
        (council, FY + 1))}
    assert opening["own_funds"] == (64_000, "year_close")
    row = year_close.close_row(store, council, FY)
    assert row["carried_out"] == result.carried_out and row["closed_by"] == "会計 山田"
    assert list(check_year_closes(store)) == [] and list(check_carried_in(store)) == []
    assert [r["action"] for r in audit.history(store, "year_closes", str(row["id"]))] == ["close"]
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []
    next_rows = cash_book.list_entries(store, council, FY + 1)
    assert next_rows == []
    cash_book.record_entries(store, council, FY + 1, [entry(date(FY + 1, 4, 5), amount=4_000)])
    assert cash_book.list_entries(store, council, FY + 1)[0].fund_balance == 60_000


def test_errors_block_the_close_and_nothing_is_written(store, council):
    cash_book.record_entries(store, council, FY, [entry(date(FY, 4, 2), amount=500)])  # < 0
    with pytest.raises(year_close.YearCloseBlocked) as caught:
        year_close.close_year(store, council, FY)
    assert "negative_balance" in {f.code for f in caught.value.findings}
    assert "1" in caught.value.message
    assert store.scalar("SELECT count(*) FROM year_closes") == 0
    assert store.scalar("SELECT count(*) FROM opening_balances") == 0


def test_warnings_are_returned_but_do_not_block(store, council):
    cash_book.record_entries(store, council, FY, [
        entry(direction="income", amount=500), entry(amount=100, voucher_no="")])
    result = year_close.close_year(store, council, FY)
    assert {f.code for f in result.warnings} == {"missing_voucher", "budget_overrun"}


def test_a_different_manual_opening_balance_is_replaced_and_reported(store, council):
    cash_book.record_entries(store, council, FY, [entry(direction="income", amount=700)])
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY + 1,
                                         "fund_code": "own_funds", "carried_in": 999,
                                         "source": "import"})
    audit.baseline(store)
    result = year_close.close_year(store, council, FY)
    assert result.replaced == {"own_funds": (999, 700)}
    assert audit.verify_covered_rows(store) == []


def _closed(store, council):
    ids, grant_id, payment_id = _books(store, council)
    year_close.close_year(store, council, FY)
    return ids, grant_id, payment_id


SERVICE_WRITES = {
    "record": lambda s, c, ids, g, p: cash_book.record_entries(s, c, FY, [entry()]),
    "update": lambda s, c, ids, g, p: cash_book.update_entry(s, ids[1], entry(amount=1)),
    "delete": lambda s, c, ids, g, p: cash_book.delete_entry(s, ids[1]),
    "budget": lambda s, c, ids, g, p: budget.set_budget_line(
        s, c, FY, "own_funds", "expense", "fuel", 1),
    "revise": lambda s, c, ids, g, p: budget.revise_budget_line(
        s, c, FY, "own_funds", "expense", "consumables", 1),
    "delete line": lambda s, c, ids, g, p: budget.delete_budget_line(
        s, s.scalar("SELECT min(id) FROM budget_lines")),
    "transfer": lambda s, c, ids, g, p: budget.transfer_budget(
        s, c, FY, "own_funds", "consumables", "printing", 1, date(FY, 8, 1), "理由"),
    "delete transfer": lambda s, c, ids, g, p: budget.delete_transfer(
        s, s.scalar("SELECT min(id) FROM budget_transfers")),
    "payment": lambda s, c, ids, g, p: grants.record_payment(s, g, 1, date(FY, 9, 1)),
}


@pytest.mark.parametrize("name", SERVICE_WRITES)
def test_a_closed_year_refuses_every_service_write(store, council, name):
    ids, grant_id, payment_id = _closed(store, council)
    before = store.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(YearClosed) as caught:
        SERVICE_WRITES[name](store, council, ids, grant_id, payment_id)
    assert "令和7年度" in caught.value.message
    assert store.scalar("SELECT count(*) FROM audit_log") == before


def test_grants_stay_reportable_after_the_close(store, council):
    _ids, grant_id, _payment = _closed(store, council)
    grants.report_grant(store, grant_id, date(FY + 1, 4, 30), eligible=100)
    result, _ = grants.settle_grant(store, grant_id, date(FY + 1, 5, 15))
    assert result.refund == 0


def _direct_sql(council, ids, grant_id, payment_id):
    return [
        ("INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
         "direction, income_category_code, amount) VALUES (?, ?, 'own_funds', '2025-05-05', "
         "'income', 'donations', 5)", (council, FY)),
        ("UPDATE cash_book_entries SET amount = amount + 1 WHERE id = ?", (ids[1],)),
        ("UPDATE cash_book_entries SET fiscal_year = ? WHERE id = ?", (FY + 1, ids[1])),
        ("DELETE FROM cash_book_entries WHERE id = ?", (ids[1],)),
        ("INSERT INTO budget_lines (council_id, fiscal_year, fund_code, direction, "
         "expense_category_code, budget) VALUES (?, ?, 'own_funds', 'expense', 'fuel', 1)",
         (council, FY)),
        ("UPDATE budget_lines SET budget = 0 WHERE council_id = ?", (council,)),
        ("DELETE FROM budget_lines WHERE council_id = ?", (council,)),
        ("INSERT INTO budget_transfers (council_id, fiscal_year, fund_code, from_category_code, "
         "to_category_code, amount, transferred_on) VALUES (?, ?, 'own_funds', 'consumables', "
         "'fuel', 1, '2025-08-01')", (council, FY)),
        ("UPDATE budget_transfers SET amount = 2 WHERE council_id = ?", (council,)),
        ("DELETE FROM budget_transfers WHERE council_id = ?", (council,)),
        ("INSERT INTO grant_payments (grant_id, amount, paid_on) VALUES (?, 1, '2025-09-01')",
         (grant_id,)),
        ("UPDATE grant_payments SET amount = 2 WHERE id = ?", (payment_id,)),
        ("DELETE FROM grant_payments WHERE id = ?", (payment_id,)),
        ("DELETE FROM grants WHERE id = ?", (grant_id,)),
        ("INSERT INTO opening_balances (council_id, fiscal_year, fund_code, carried_in) "
         "VALUES (?, ?, 'activity_support', 1)", (council, FY)),
        ("DELETE FROM year_closes WHERE council_id = ?", (council,)),
    ]


def test_a_closed_year_refuses_direct_sql_on_the_apps_connection(store, council):
    ids, grant_id, payment_id = _closed(store, council)
    snapshot = store.query("SELECT * FROM cash_book_entries ORDER BY id")
    for sql, params in _direct_sql(council, ids, grant_id, payment_id):
        with pytest.raises(sqlite3.IntegrityError, match="kyodo:closed_year"):
            store.conn.execute(sql, params)
    assert store.query("SELECT * FROM cash_book_entries ORDER BY id") == snapshot


def test_opening_balances_of_a_closed_year_are_locked(store, council):
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                         "fund_code": "own_funds", "carried_in": 10})
    _closed(store, council)
    for sql in ("UPDATE opening_balances SET carried_in = 11 WHERE fiscal_year = ?",
                "DELETE FROM opening_balances WHERE fiscal_year = ?"):
        with pytest.raises(sqlite3.IntegrityError, match="kyodo:closed_year"):
            store.conn.execute(sql, (FY,))


def test_writes_through_a_store_transaction_become_year_closed(store, council):
    ids, _grant, _payment = _closed(store, council)
    with pytest.raises(YearClosed) as caught, store.transaction() as db:
        db.execute("UPDATE cash_book_entries SET memo = 'x' WHERE id = ?", [ids[0]])
    assert "締め" in caught.value.message


def test_a_whole_council_can_still_be_deleted(store, council):
    _closed(store, council)
    store.conn.execute("DELETE FROM councils WHERE id = ?", (council,))
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0
    assert store.scalar("SELECT count(*) FROM year_closes") == 0


def test_correction_goes_into_the_open_year_and_references_the_original(store, council):
    ids, _grant, _payment = _closed(store, council)
    with pytest.raises(UserError):  # not into the closed year itself
        cash_book.record_correction(store, ids[1], FY, entry(amount=-2_000))
    fixed_id, _ = cash_book.record_correction(store, ids[1], FY + 1,
                                              entry(date(FY + 1, 4, 3), amount=-2_000))
    fixed = cash_book.get_entry(store, fixed_id)
    assert fixed.correction_of_id == ids[1] and fixed.amount == -2_000
    assert fixed.memo.startswith("訂正：")
    rows = cash_book.list_entries(store, council, FY + 1)
    assert rows[-1].fund_balance == 64_000 + 2_000
    with pytest.raises(ValidationError):
        cash_book.record_correction(store, ids[1], FY + 1, entry(date(FY + 1, 4, 3), amount=0))


def test_correction_needs_a_closed_original(store, council):
    [entry_id] = cash_book.record_entries_with_ids(store, council, FY, [entry()])
    with pytest.raises(UserError):
        cash_book.record_correction(store, entry_id, FY + 1, entry(date(FY + 1, 4, 3)))


def test_reopen_is_explicit_logged_and_unlocks(store, council):
    ids, _grant, _payment = _closed(store, council)
    with pytest.raises(ValidationError):
        year_close.reopen_year(store, council, FY, "  ")
    year_close.reopen_year(store, council, FY, "領収書の入力漏れ", actor="事務局")
    reopened = store.query("SELECT * FROM year_closes WHERE council_id = ?", (council,))[0]
    assert reopened["reopen_reason"] == "領収書の入力漏れ" and reopened["reopened_at"]
    log = audit.history(store, "year_closes", str(reopened["id"]))
    assert [h["action"] for h in log] == ["close", "reopen"] and log[1]["after"]["reopened_at"]
    cash_book.update_entry(store, ids[1], entry(amount=13_000))
    with pytest.raises(UserError):
        year_close.reopen_year(store, council, FY, "もう一度")
    result = year_close.close_year(store, council, FY)
    assert result.carried_out["own_funds"] == 63_000
    assert json.loads(store.scalar(
        "SELECT carried_out FROM year_closes WHERE reopened_at IS NULL"))["own_funds"] == 63_000
    assert store.scalar("SELECT carried_in FROM opening_balances WHERE fiscal_year = ? AND "
                        "fund_code = 'own_funds'", (FY + 1,)) == 63_000
    with pytest.raises(sqlite3.IntegrityError, match="kyodo:closed_year"):
        store.conn.execute("UPDATE year_closes SET reopened_at = NULL WHERE reopened_at IS NOT "
                           "NULL")


def test_closing_twice_or_out_of_order_is_refused(store, council):
    _closed(store, council)
    with pytest.raises(UserError):
        year_close.close_year(store, council, FY)
    year_close.close_year(store, council, FY + 1, allow_empty=True)
    with pytest.raises(UserError):
        year_close.reopen_year(store, council, FY, "理由")
