"""The 点検 of a stored council-year: the service loads rules, budget and grants correctly."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.services.accounting import budget, cash_book, checks, grants

from .accounting_support import FY, entry


def test_clean_stored_year_is_silent(store, council):
    grant_id, _ = grants.apply_grant(store, council, FY, "yamaguchi_activity_support",
                                     200_000, date(FY, 3, 1))
    grants.decide_grant(store, grant_id, 200_000, date(FY, 4, 1))
    grants.record_payment(store, grant_id, 200_000, date(FY, 4, 15))
    budget.set_budget_line(store, council, FY, "activity_support", "expense", "supplies", 50_000)
    cash_book.record_entries(store, council, FY, [
        entry(date(FY, 4, 15), fund="activity_support", direction="income", category="grant",
              amount=200_000),
        entry(date(FY, 5, 1), fund="activity_support", amount=30_000),
        entry(date(FY, 5, 2), fund="activity_support", category="food", amount=10_000,
              description="会議用お茶")])
    assert checks.year_findings(store, council, FY) == []


def test_stored_year_reports_each_problem(store, council, legacy_rows):
    grant_id, _ = grants.apply_grant(store, council, FY, "yamaguchi_activity_support",
                                     100_000, date(FY, 3, 1))
    grants.decide_grant(store, grant_id, 100_000, date(FY, 4, 1))
    grants.record_payment(store, grant_id, 100_000, date(FY, 4, 15))
    budget.set_budget_line(store, council, FY, "activity_support", "expense", "consumables",
                           10_000)
    ids = cash_book.record_entries_with_ids(store, council, FY, [
        entry(date(FY, 4, 15), fund="activity_support", direction="income", category="grant",
              amount=90_000),                                                      # ≠ 100,000
        entry(date(FY, 4, 16), fund="activity_support", amount=12_000, voucher_no="7"),  # over
        entry(date(FY, 4, 17), fund="activity_support", category="food", amount=15_000,
              description="総会弁当", voucher_no="7"),           # duplicate, cap, no budget
        entry(date(FY, 4, 18), fund="activity_support", category="remuneration", amount=1_000,
              description="香典"),                         # not allowed + ineligible keyword
        entry(date(FY, 4, 19), fund="own_funds", amount=500, voucher_no=""),  # < 0, no voucher
    ])
    # a row of a file written before the entry rules refused such dates
    legacy_rows(store, "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, "
                "entry_date, direction, income_category_code, amount) VALUES "
                "(?, ?, 'own_funds', '2026-04-01', 'income', 'membership_fees', 5000)",
                (council, FY))
    ids.append(store.scalar("SELECT max(id) FROM cash_book_entries"))
    found = {(f.code, f.entry_id) for f in checks.year_findings(store, council, FY)}
    assert {("grant_income_mismatch", None), ("budget_overrun", None),
            ("duplicate_voucher", ids[2]), ("cap_exceeded", None),
            ("category_not_allowed", ids[3]), ("ineligible_keyword", ids[3]),
            ("negative_balance", None), ("missing_voucher", ids[4]),
            ("outside_fiscal_year", ids[5])} <= found
