"""Fixtures of the 提出前の点検 tests: the demo council's id and a broken copy of the demo (each
review rule violated exactly once, over its two years)."""

from __future__ import annotations

import pytest

#: 2026 (open): what the broken copy changes in that year, by rule.
BROKEN_2026 = {
    "date_order": "UPDATE grant_payments SET requested_on = '2026-04-06' WHERE id = (SELECT "
                  "min(gp.id) FROM grant_payments gp JOIN grants g ON g.id = gp.grant_id WHERE "
                  "g.fiscal_year = 2026 AND g.council_id = :c)",
    "form_outside_year": "UPDATE grants SET change_amount = decided_amount, change_requested_on "
                         "= '2027-08-02' WHERE id = (SELECT min(id) FROM grants WHERE "
                         "fiscal_year = 2026 AND council_id = :c)",
    # a 実績報告 of the open year without an audit: attachment_missing and open_year_final (on
    # a city programme's grant: the council's own programmes have their funder's forms)
    "attachment_missing": "UPDATE grants SET reported_on = '2027-04-23' WHERE id = (SELECT "
                          "max(id) FROM grants WHERE fiscal_year = 2026 AND council_id = :c "
                          "AND program_id NOT IN (SELECT program_id FROM council_programs))",
    # a 交付申請 dated on a Saturday (4/4): a 注意, still before the 交付決定 (4/7)
    "form_on_closed_day": "UPDATE grants SET applied_on = '2026-04-04' WHERE id = (SELECT "
                          "min(id) FROM grants WHERE fiscal_year = 2026 AND council_id = :c)",
    "empty_business_plan": "UPDATE projects SET budget = 0 WHERE fiscal_year = 2026 AND "
                           "council_id = :c",
    "budget_without_initial": "INSERT INTO budget_lines (council_id, fiscal_year, fund_code, "
                              "direction, expense_category_code, budget, revised_budget) VALUES "
                              "(:c, 2026, 'own_funds', 'expense', 'fuel', 0, 5000)",
    "ineligible_expense": "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, "
                          "entry_date, direction, expense_category_code, description, amount, "
                          "voucher_no) VALUES (:c, 2026, 'activity_support', '2026-11-02', "
                          "'expense', 'consumables', '役員香典', 5000, 'R8-9001')",
    "missing_receipt": "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, "
                       "entry_date, direction, expense_category_code, description, amount, "
                       "voucher_no) VALUES (:c, 2026, 'own_funds', '2026-11-03', 'expense', "
                       "'consumables', '模造紙', 800, '')",
}
#: 2025 (closed: only what the 年度締め does not lock).
BROKEN_2025 = {
    "plan_vs_budget": "UPDATE projects SET budget = budget + 9000000 WHERE id = (SELECT min(id) "
                      "FROM projects WHERE fiscal_year = 2025 AND council_id = :c)",
    "results_vs_actual": "UPDATE grants SET eligible_spending = 1000 WHERE fiscal_year = 2025 "
                         "AND council_id = :c AND program_id = (SELECT id FROM grant_programs "
                         "WHERE fund_code = 'activity_support')",
    "refund_vs_books": "UPDATE grants SET refund_amount = 150000 WHERE fiscal_year = 2025 "
                       "AND council_id = :c AND program_id = (SELECT id FROM grant_programs "
                       "WHERE fund_code = 'activity_support')",
    "participants_vs_indicator": "UPDATE indicator_values SET actual = actual + 1 WHERE "
                                 "fiscal_year = 2025 AND indicator_id = (SELECT min(i.id) FROM "
                                 "indicators i WHERE i.unit = '人' AND i.action_id IS NOT NULL)",
    "indicator_without_target": "UPDATE indicator_values SET target = NULL WHERE fiscal_year = "
                                "2025 AND indicator_id = (SELECT max(id) FROM indicators)",
}
#: Rules broken as a side effect of another rule's change (the 実績報告 of an open year).
ALSO_BROKEN = {"open_year_final": "attachment_missing"}


@pytest.fixture
def council_id(demo_store) -> int:
    """The fully populated demo council (湯田地域づくり協議会)."""
    return demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


@pytest.fixture
def broken_demo(demo_store, council_id):
    """A private copy of the demo with every review rule violated once (see BROKEN_*)."""
    with demo_store.transaction() as db:
        for statement in [*BROKEN_2026.values(), *BROKEN_2025.values()]:
            db.execute(statement, {"c": council_id})
    return demo_store
