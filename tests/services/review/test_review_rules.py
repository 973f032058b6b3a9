"""提出前の点検 on the demo (a model year: nothing to fix in 2025 or 2026) and on a broken copy
of it, where every rule fires exactly once, at the severity a reviewer expects."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.office_days import closed_reason
from kyodo_desktop.services.review.findings import RULES
from kyodo_desktop.services.review.run import run_review, summary

from .conftest import ALSO_BROKEN, BROKEN_2025, BROKEN_2026

#: Rules whose violation in the broken copy is a 注意, not an エラー.
NOTES = {"form_on_closed_day", "refund_vs_books", "budget_without_initial", "indicator_without_target", "ineligible_expense",
         "missing_receipt"}


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_demo_is_a_model_year(demo_store, council_id, year):
    found = run_review(demo_store, council_id, year)
    assert [f.line() for f in found] == []
    assert summary(found, year).endswith("直すところはありません。")


def test_the_broken_copy_covers_every_rule():
    assert set(BROKEN_2026) | set(BROKEN_2025) | set(ALSO_BROKEN) == set(RULES)


def test_every_rule_fires_once_on_the_broken_copy(broken_demo, council_id):
    found = run_review(broken_demo, council_id, 2025) + run_review(broken_demo, council_id, 2026)
    counts = Counter(f.rule for f in found)
    assert counts == dict.fromkeys(RULES, 1), [f.line() for f in found]
    for f in found:
        assert f.is_error == (f.rule not in NOTES), f.line()
        assert f.where and f.message and f.rule_name in f.line()


def test_findings_come_errors_first_and_in_the_years_they_belong_to(broken_demo, council_id):
    year_2025 = run_review(broken_demo, council_id, 2025)
    assert {f.rule for f in year_2025} == set(BROKEN_2025)
    severities = [f.is_error for f in run_review(broken_demo, council_id, 2026)]
    assert severities == sorted(severities, reverse=True)


def test_messages_name_the_figures_and_dates(broken_demo, council_id):
    lines = {f.rule: f.line() for year in (2025, 2026)
             for f in run_review(broken_demo, council_id, year)}
    assert "令和8年4月6日" in lines["date_order"] and "令和8年4月7日" in lines["date_order"]
    assert "令和9年8月2日" in lines["form_outside_year"]
    assert "令和8年4月4日" in lines["form_on_closed_day"]
    assert "土曜日または日曜日" in lines["form_on_closed_day"]
    assert "令和8年4月3日" in lines["form_on_closed_day"]  # the open day before
    assert "会計監査報告書の写し" in lines["attachment_missing"]
    planned = broken_demo.scalar("SELECT sum(budget) FROM projects WHERE fiscal_year = 2025 "
                                 "AND council_id = ?", (council_id,))
    assert f"{planned:,}円" in lines["plan_vs_budget"]
    assert "1,000円" in lines["results_vs_actual"] and "自主財源" not in lines["plan_vs_budget"]
    assert "150,000円" in lines["refund_vs_books"] and "138,615円" in lines["refund_vs_books"]
    assert "香典" in lines["ineligible_expense"]
    assert "1 件" in lines["missing_receipt"] and "R8.11.3" in lines["missing_receipt"]
    assert "直す場所: 予算・出納 > 交付金" in lines["date_order"]
    assert "直す場所: 地域づくり計画 > 数値目標" in lines["participants_vs_indicator"]


def test_a_payment_request_in_the_year_end_holidays_is_a_note(demo_store, council_id):
    with demo_store.transaction() as db:
        db.execute("UPDATE grant_payments SET requested_on = '2026-12-30' WHERE id = (SELECT "
                   "max(gp.id) FROM grant_payments gp JOIN grants g ON g.id = gp.grant_id "
                   "WHERE g.fiscal_year = 2026 AND g.council_id = ? AND g.program_id IN "
                   "(SELECT id FROM grant_programs WHERE fund_code = 'operating_support'))",
                   [council_id])
    found = [f for f in run_review(demo_store, council_id, 2026)
             if f.rule == "form_on_closed_day"]
    assert len(found) == 1 and not found[0].is_error
    assert "年末年始" in found[0].line() and "令和8年12月28日" in found[0].line()  # Monday


def test_a_report_dated_on_a_national_holiday_is_a_note(demo_store, council_id):
    """The 実績報告 of 令和8年度 dated on 令和9年4月29日 (昭和の日, a Thursday)."""
    with demo_store.transaction() as db:
        db.execute("UPDATE grants SET reported_on = '2027-04-29' WHERE id = (SELECT min(id) "
                   "FROM grants WHERE council_id = ? AND fiscal_year = 2026)", [council_id])
    found = [f for f in run_review(demo_store, council_id, 2026)
             if f.rule == "form_on_closed_day"]
    assert len(found) == 1 and not found[0].is_error
    assert "令和9年4月29日" in found[0].line() and "祝日（昭和の日）" in found[0].line()
    assert "令和9年4月28日" in found[0].line()  # the Wednesday before


def test_the_demo_dates_no_form_on_a_closed_day(demo_store):
    """Forms to the city, the audit, the 補正 and 流用 and the 返還: none on a weekend, a
    national holiday or in the 年末年始."""
    days = [r[0] for r in demo_store.conn.execute(
        "SELECT requested_on FROM grant_payments UNION ALL SELECT paid_on FROM grant_payments "
        "UNION ALL SELECT applied_on FROM grants "
        "UNION ALL SELECT decided_on FROM grants UNION ALL SELECT reported_on FROM grants "
        "UNION ALL SELECT settled_on FROM grants UNION ALL SELECT refunded_on FROM grants "
        "UNION ALL SELECT audited_on FROM audits UNION ALL SELECT decided_on FROM "
        "budget_revisions UNION ALL SELECT transferred_on FROM budget_transfers")]
    assert len(days) > 20
    assert [d for d in days if d and closed_reason(date.fromisoformat(d))] == []


def _refund_of_2025(store, council_id) -> dict:
    return store.query("SELECT g.id, g.settled_on, e.id AS entry_id, e.entry_date FROM grants g "
                       "JOIN cash_book_entries e ON e.grant_id = g.id AND e.direction = "
                       "'expense' WHERE g.council_id = ? AND g.fiscal_year = 2025",
                       (council_id,))[0]


def test_a_refund_before_its_settlement_is_an_error(demo_store, council_id):
    """The 返還金 booked in the 出納簿 and the 返還 day on the grant both come on or after the
    精算 that fixed the amount; one dated before it is a 日付の順序 エラー."""
    refund = _refund_of_2025(demo_store, council_id)
    settled = date.fromisoformat(refund["settled_on"])
    assert date.fromisoformat(refund["entry_date"]) >= settled  # the demo keeps the order
    with demo_store.transaction() as db:  # the 2026 book is open: the entry moves
        db.execute("UPDATE cash_book_entries SET entry_date = ? WHERE id = ?",
                   [(settled - timedelta(days=2)).isoformat(), refund["entry_id"]])
    found = [f for f in run_review(demo_store, council_id, 2025) if f.rule == "date_order"]
    assert len(found) == 1 and found[0].is_error
    before = wareki.format_wareki(settled - timedelta(days=2))
    assert f"{before}の返還" in found[0].line()
    assert f"精算（{wareki.format_wareki(settled)}）より前" in found[0].line()


def test_a_refund_recorded_before_the_settlement_on_the_grant_is_an_error(demo_store,
                                                                         council_id):
    refund = _refund_of_2025(demo_store, council_id)
    with demo_store.transaction() as db:  # the grants row is not locked by the 年度締め
        db.execute("UPDATE grants SET refunded_on = '2026-03-31' WHERE id = ?", [refund["id"]])
    found = [f for f in run_review(demo_store, council_id, 2025) if f.rule == "date_order"]
    assert len(found) == 1 and "令和8年3月31日の返還" in found[0].line()


def test_a_refund_without_a_settlement_is_an_error(store):
    """A crafted file: a 令和8年度 grant whose 返還金 is booked while no 精算 is recorded."""
    from kyodo_desktop.domain.accounting import CashBookEntryInput
    from kyodo_desktop.services.accounting import grants as grant_service
    from kyodo_desktop.services.accounting.cash_book import record_entry
    from kyodo_desktop.services.council.profile import create_council

    council_id = create_council(store, "点検協議会")[0]
    grant_id = grant_service.apply_grant(store, council_id, 2026, "yamaguchi_activity_support",
                                         1_000_000, date(2026, 4, 1))[0]
    grant_service.decide_grant(store, grant_id, 1_000_000, date(2026, 4, 7), "第1号")
    record_entry(store, council_id, 2026, CashBookEntryInput(
        date(2026, 9, 1), "activity_support", "expense", "refund", "返還金", 10_000, "山口市",
        "R8-1", grant_id=grant_id))
    found = [f for f in run_review(store, council_id, 2026) if f.rule == "date_order"]
    assert len(found) == 1 and found[0].is_error
    assert "令和8年9月1日の返還" in found[0].line() and "精算が記録されていません" in found[0].line()
