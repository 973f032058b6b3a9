"""Every form prints from the demo, and what is on the page equals the database: amounts,
和暦 dates, names, totals; figures that appear on several forms agree to the yen."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms import results as fr
from kyodo_desktop.services.forms.books import audit_data, cash_books

KINDS = {"application": 2026, "payment-request": 2026, "budget-status": 2026,
         "application-set": 2026, "performance-report": 2025, "settlement": 2025,
         "cash-book": 2025, "audit-report": 2025, "year-end": 2025}


def _pdf(store, kind, council_id, year) -> bytes:
    return report_kinds()[kind].build(store, ReportRequest(council_id, year))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_prints_from_the_demo_with_embedded_fonts(demo, council_id, kind):
    pdf = _pdf(demo, kind, council_id, KINDS[kind])
    texts = page_texts(pdf)
    assert texts and all("湯田地域づくり協議会" in t for t in texts)
    assert all("未確定" not in t for t in texts)
    used = fonts(pdf)
    assert used and all(used.values()), used


def _grant_rows(store, council_id, year):
    """The grants of the city's programmes (the city's forms leave the council's own out)."""
    return store.query("SELECT g.*, p.fund_code FROM grants g JOIN grant_programs p "
                       "ON p.id = g.program_id WHERE council_id = ? AND fiscal_year = ? "
                       "AND p.city_preset <> '' "
                       "ORDER BY p.fund_code", (council_id, year))


def test_application_set_agrees_with_the_database(demo, council_id):
    texts = page_texts(_pdf(demo, "application-set", council_id, 2026))
    letter = texts[0]
    grants = _grant_rows(demo, council_id, 2026)
    for g in grants:
        assert format_yen(g["applied_amount"]) in letter
    total = sum(g["applied_amount"] for g in grants)
    assert format_yen(total) in letter
    first_day = min(date.fromisoformat(g["applied_on"]) for g in grants)
    assert wareki.format_wareki(first_day) in letter
    president = demo.scalar(
        "SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id WHERE "
        "t.council_id = ? AND t.role = 'president' AND t.starts_on <= ? AND "
        "(t.ends_on IS NULL OR t.ends_on >= ?)", (council_id, first_day.isoformat(),
                                                   first_day.isoformat()))
    assert president in letter and "山口市長 様" in letter
    # 申請額 (交付申請書) = the 交付金 lines of the 収支予算書, per part and in all
    statement = fa.statement_data(demo, council_id, 2026)
    budget_grants = {f.fund_code: sum(r.budget for r in f.income if r.category_code == "grant")
                     for f in statement.funds}
    assert {g["fund_code"]: g["applied_amount"] for g in grants} == {
        k: v for k, v in budget_grants.items() if v}
    assert sum(budget_grants.values()) == total
    budget_pages = "\n".join(t for t in texts if "収支予算書" in t)
    for f in statement.funds:
        assert format_yen(f.income_total.budget) in budget_pages
        assert format_yen(f.expense_total.budget) in budget_pages
    plan_pages = "\n".join(t for t in texts if "事業計画書" in t)
    budgets = demo.query("SELECT name, budget FROM projects WHERE council_id = ? AND "
                         "fiscal_year = 2026", (council_id,))
    assert format_yen(sum(p["budget"] for p in budgets)) in plan_pages


def test_year_end_figures_agree_across_forms(demo, council_id):
    gate = fd.Gate()
    statement = fa.statement_data(demo, council_id, 2025, "settlement_statement")
    books = {b.fund_code: b for b in cash_books(demo, council_id, 2025)}
    for fund in statement.funds:
        book = books[fund.fund_code]
        # 決算額 of the 収支決算書 = Σ of the 出納簿
        assert fund.income_total.actual - fund.carried_in == sum(r.income or 0 for r in book.rows)
        assert fund.expense_total.actual == sum(r.expense or 0 for r in book.rows)
        assert fund.carried_in == book.opening and fund.carried_out == book.closing
    settlement = fr.settlement_data(demo, council_id, 2025, gate)
    report = fr.performance_report_data(demo, council_id, 2025, gate)
    by_fund = {f.fund_code: f for f in statement.funds}
    funds = [g["fund_code"] for g in _grant_rows(demo, council_id, 2025)]
    for row, report_row, fund in zip(settlement.rows, report.rows, sorted(funds, key=[
            "operating_support", "activity_support"].index), strict=False):
        decided, received, eligible, refund, carried = row.amounts
        grant_actual = sum(r.actual for r in by_fund[fund].income if r.category_code == "grant")
        assert received == grant_actual == report_row.amounts[1]
        assert refund == max(0, received - eligible) and eligible == report_row.amounts[2]
    assert settlement.rows[-1].amounts[3] == settlement.amount
    audit = audit_data(demo, council_id, 2025, gate)
    assert [f.carried_out for f in audit.funds] == [f.carried_out for f in statement.funds]
    assert gate.missing == []


def test_year_end_pages_print_the_same_figures(demo, council_id):
    texts = page_texts(_pdf(demo, "year-end", council_id, 2025))
    statement = fa.statement_data(demo, council_id, 2025, "settlement_statement")
    decided = "\n".join(t for t in texts if "収支決算書" in t)
    audit = next(t for t in texts if "決算の状況" in t)
    for book in cash_books(demo, council_id, 2025):
        pages = [t for t in texts if f"出納簿（{book.fund_name}会計）" in t]
        tokens = pages[-1].split("\n")
        closing = tokens[tokens.index("次年度繰越金") + 1]
        assert closing == format_yen(book.closing)
        assert format_yen(book.closing) in decided and format_yen(book.closing) in audit
    total_out = sum(f.expense_total.actual for f in statement.funds)
    assert format_yen(total_out) in decided and format_yen(total_out) in audit
    settle_page = next(t for t in texts if "精算書" in t and "様式第5号" in t)
    refund = demo.scalar("SELECT sum(refund_amount) FROM grants WHERE council_id = ? "
                         "AND fiscal_year = 2025", (council_id,))
    assert format_yen(refund) in settle_page
    settled = demo.scalar("SELECT max(settled_on) FROM grants WHERE council_id = ? AND "
                          "fiscal_year = 2025", (council_id,))
    assert wareki.format_wareki(date.fromisoformat(settled)) in settle_page
    auditors = [r["name"] for r in demo.query(
        "SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        "WHERE t.council_id = ? AND t.role = 'auditor' AND t.ends_on >= '2026-04-20'",
        (council_id,))]
    assert auditors and all(name in audit for name in auditors)
    order = [next(i for i, t in enumerate(texts) if marker in t) for marker in (
        "様式第4号", "実施日", "収入合計 − 支出合計", "決算の状況", "様式第5号", "出納簿（")]
    assert order == sorted(order)


def test_business_results_show_project_costs_from_the_cash_book(demo, council_id):
    texts = page_texts(_pdf(demo, "performance-report", council_id, 2025))
    results = "\n".join(t for t in texts if "事業実績書" in t)
    row = demo.query(
        "SELECT p.name, p.starts_on, sum(e.amount) AS cost FROM projects p JOIN "
        "cash_book_entries e ON e.project_id = p.id AND e.direction = 'expense' WHERE "
        "p.council_id = ? AND p.fiscal_year = 2025 AND p.name = '地域防災訓練'",
        (council_id,))[0]
    assert format_yen(row["cost"]) in results
    assert wareki.format_wareki(date.fromisoformat(row["starts_on"]), "short") in results
