"""Budget history, printed truthfully: the application prints the 当初予算 only; the 収支決算書 and
予算執行状況表 print 当初予算額, 補正・流用, 予算現額, 決算額, 差引 and a 備考 naming each 補正
(number and date) and 流用 (date); a 返還金 is its own line, never inside a 費目."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.accounting import budget, budget_history
from kyodo_desktop.services.forms.grants import fund_statements
from kyodo_desktop.store.errors import YearClosed

CLOSED = 2025
OPEN = 2026



def _yuda(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


def _text(store, kind, council_id, year) -> str:
    pdf = report_kinds()[kind].build(store, ReportRequest(council_id, year))
    return re.sub(r"\s+", "", "".join(page_texts(pdf)))


def test_the_application_set_prints_the_initial_budget_without_any_revision(demo_store):
    """令和8年度's 補正第1号 (the 令和7年度 返還金 and the 前年度繰越金 it is paid from, after the
    精算) and 令和7年度's 流用 never reach the application, dated at the start of the year."""
    demo, council_id = demo_store, _yuda(demo_store)
    text = _text(demo, "application-set", council_id, OPEN)
    assert "補正" not in text and "流用" not in text and "返還金" not in text
    revised = demo.query("SELECT budget, revised_budget FROM budget_lines WHERE council_id = ? "
                         "AND fiscal_year = ? AND revised_budget IS NOT NULL",
                         (council_id, OPEN))
    assert revised and all(format_yen(r["revised_budget"]) not in text for r in revised)
    closed = _text(demo, "application-set", council_id, CLOSED)
    assert "流用" not in closed and "返還金" not in closed


def test_the_year_end_set_names_each_revision_and_transfer(demo_store):
    demo, council_id = demo_store, _yuda(demo_store)
    text = _text(demo, "year-end", council_id, CLOSED)
    assert "当初予算額" in text and "予算現額" in text and "補正・流用" in text
    transfer = demo.query("SELECT * FROM budget_transfers WHERE council_id = ? AND "
                          "fiscal_year = ?", (council_id, CLOSED))[0]
    moved = wareki.format_wareki(date.fromisoformat(transfer["transferred_on"]))
    assert text.count(f"流用（{moved}）") >= 2  # on the line it left and the line it reached
    revision = demo.query("SELECT * FROM budget_revisions WHERE council_id = ? AND "
                          "fiscal_year = ?", (council_id, OPEN))
    assert len(revision) == 1
    day = wareki.format_wareki(date.fromisoformat(revision[0]["decided_on"]))
    status = _text(demo, "budget-status", council_id, OPEN)
    assert status.count(f"補正第1号（{day}）") == 2  # the 前年度繰越金 and the 返還金


def test_a_refund_is_its_own_line_and_not_inside_a_category(demo_store):
    """令和7年度's 返還金 is paid in 令和8年度, after the 精算, on that year's 返還金 line."""
    demo, council_id = demo_store, _yuda(demo_store)
    funds = {f.fund_code: f for f in fund_statements(demo, council_id, OPEN)}
    refunds = demo.query("SELECT fund_code, amount FROM cash_book_entries WHERE council_id = ? "
                         "AND fiscal_year = ? AND grant_id IS NOT NULL AND direction = 'expense'",
                         (council_id, OPEN))
    assert refunds
    for r in refunds:
        rows = {row.category_code: row for row in funds[r["fund_code"]].expense}
        assert rows["refund"].actual == r["amount"]
        assert rows["refund"].name == "返還金"
        spent = demo.scalar("SELECT coalesce(sum(amount), 0) FROM cash_book_entries WHERE "
                            "council_id = ? AND fiscal_year = ? AND fund_code = ? AND "
                            "expense_category_code = 'contributions' AND grant_id IS NULL",
                            (council_id, OPEN, r["fund_code"]))
        assert rows.get("contributions") is None or rows["contributions"].actual == spent


def test_a_form_prints_the_budget_as_of_its_own_date(store, council):
    year = 2026
    budget.set_budget_line(store, council, year, "own_funds", "expense", "travel", 50_000)
    budget.set_budget_line(store, council, year, "own_funds", "expense", "food", 10_000)
    budget.transfer_budget(store, council, year, "own_funds", "travel", "food", 5_000,
                           date(2026, 9, 1), "参加者増")
    revision, _changes = budget_history.add_revision(store, council, year, date(2026, 12, 1),
                                                     "補正予算")
    budget.revise_budget_line(store, council, year, "own_funds", "expense", "travel", 60_000,
                              revision_id=revision)

    def lines(as_of):
        rows = budget.budget_vs_actual(store, council, year, as_of).rows
        return {r.category_code: r.current for r in rows if r.kind == "line"}

    assert lines(date(2026, 8, 31)) == {"travel": 50_000, "food": 10_000}
    assert lines(date(2026, 9, 1)) == {"travel": 45_000, "food": 15_000}
    assert lines(None) == {"travel": 55_000, "food": 15_000}
    history = budget_history.line_history(store, council, year)
    kinds = [(i.kind, i.day, i.amount, i.number) for i in history[("own_funds", "expense", "travel")]]
    assert kinds == [("transfer_out", date(2026, 9, 1), -5_000, None),
                     ("revision", date(2026, 12, 1), 10_000, 1)]


def test_a_closed_years_revision_cannot_be_written(demo_store):
    demo, council_id = demo_store, _yuda(demo_store)
    with pytest.raises(YearClosed), demo.transaction() as db:
        db.execute("INSERT INTO budget_revisions (council_id, fiscal_year, number, "
                   "decided_on) VALUES (?, ?, 2, '2026-03-30')", (council_id, CLOSED))
