"""The 事業実績書 and the 事業計画書 reconcile with the 収支決算書 / 収支予算書: each 事業's 事業費
splits into うち交付金 / 自主財源 / その他 by the fund that paid, and under the table every
会計区分 shows what the 事業 took, the rest and the statement's 支出合計, so the totals a reviewer
adds up are the statement's lines, for every 事業 of the demo's two years."""

from __future__ import annotations

import re

import pytest

from kyodo_desktop.domain.accounting import GRANT_FUNDS, OWN_FUNDS
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms import results as fr
from kyodo_desktop.services.forms.grants import fund_statements
from kyodo_desktop.services.plan import projects


def _paid_per_fund(store, council_id, year) -> dict[str, dict[str, int]]:
    """{事業名: {fund: 円}} straight from the 出納簿 (no 返還金)."""
    found: dict[str, dict[str, int]] = {}
    for r in store.query(
            "SELECT p.name, e.fund_code, e.amount FROM cash_book_entries e JOIN projects p "
            "ON p.id = e.project_id WHERE e.council_id = ? AND e.fiscal_year = ? "
            "AND e.direction = 'expense' AND e.grant_id IS NULL", (council_id, year)):
        by_fund = found.setdefault(r["name"], {})
        by_fund[r["fund_code"]] = by_fund.get(r["fund_code"], 0) + r["amount"]
    return found


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_project_splits_its_cost_by_the_fund_that_paid(demo, council_id, year):
    data = fr.business_results_data(demo, council_id, year)
    paid = _paid_per_fund(demo, council_id, year)
    assert len(data.rows) == len(projects.list_projects(demo, council_id, year))
    for row in data.rows:
        by_fund = paid.get(row.project, {})
        assert row.grant_share == sum(v for f, v in by_fund.items() if f in GRANT_FUNDS)
        assert row.own_share == by_fund.get(OWN_FUNDS, 0)
        assert row.grant_share + row.own_share + row.other_share == row.actual
        assert row.actual == sum(by_fund.values())


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_results_funds_add_up_to_the_settlement_statement(demo, council_id, year):
    data = fr.business_results_data(demo, council_id, year)
    statements = {f.fund_name: f for f in fund_statements(demo, council_id, year)}
    uses = {f.fund_name: f for f in data.funds}
    assert statements.keys() <= uses.keys()
    for name, statement in statements.items():
        use = uses[name]
        assert use.total == statement.expense_total.actual
        assert use.projects + use.other + use.refund == use.total
    grant_names = [f.fund_name for f in fund_statements(demo, council_id, year)
                   if f.fund_code in GRANT_FUNDS]
    own_name = next(f.fund_name for f in fund_statements(demo, council_id, year)
                    if f.fund_code == OWN_FUNDS)
    assert sum(uses[n].projects for n in grant_names) == sum(r.grant_share for r in data.rows)
    assert uses[own_name].projects == sum(r.own_share for r in data.rows)
    assert sum(f.projects for f in data.funds) == sum(r.actual for r in data.rows)
    assert sum(f.projects for f in data.funds if f.fund_name not in statements) == sum(
        r.other_share for r in data.rows)


def test_the_eligible_column_is_the_performance_reports(demo, council_id):
    data = fr.business_results_data(demo, council_id, 2025)
    letter = fr.performance_report_data(demo, council_id, 2025, fd.Gate())
    assert sum(f.eligible or 0 for f in data.funds) == sum(r.amounts[2] for r in letter.rows)
    assert sum(f.eligible or 0 for f in data.funds) == 10_108_385  # the letter's 対象経費 total


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_plan_funds_add_up_to_the_budget_statement(demo, council_id, year):
    data = fa.business_plan_data(demo, council_id, year)
    statements = fund_statements(demo, council_id, year)
    assert [f.fund_name for f in data.funds] == [s.fund_name for s in statements]
    for use, statement in zip(data.funds, statements, strict=True):
        assert use.total == statement.expense_total.budget
        assert use.projects + use.other == use.total
    assert sum(f.projects for f in data.funds) == sum(r.budget for r in data.rows)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_printed_results_show_the_statements_totals(demo, council_id):
    pages = page_texts(report_kinds()["performance-report"].build(
        demo, ReportRequest(council_id, 2025)))
    results = _flat("".join(pages))
    assert "収支決算書との対照" in results
    start = results.index("収支決算書との対照")
    for statement in fund_statements(demo, council_id, 2025):
        assert format_yen(statement.expense_total.actual) in results[start:start + 400]
    # 活動支援: 3,221,549 for the 事業 + 2,062,836 besides + no 返還金 (paid in 令和8年度,
    # after the 精算) = 5,284,385 支出合計 = the 対象経費
    assert "3,221,5492,062,83605,284,3855,284,385" in results


def test_the_printed_plan_shows_the_budget_statements_totals(demo, council_id):
    pages = page_texts(report_kinds()["application-set"].build(
        demo, ReportRequest(council_id, 2026)))
    plan = _flat("".join(pages))
    assert "収支予算書との対照" in plan
    assert "3,895,0001,511,0005,406,000" in plan  # 活動支援: 事業 + the rest = 支出合計


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_fund_of_the_budget_statement_balances(demo, council_id, year):
    """A fund whose 収入 its 支出 do not use shows the rest as 次年度繰越金（見込）, so 収入合計 =
    支出合計 + that line on every fund of the 収支予算書."""
    pages = page_texts(report_kinds()["application-set"].build(
        demo, ReportRequest(council_id, year)))
    text = _flat("".join(pages))
    rests = [(s.fund_name, s.income_total.budget - s.expense_total.budget)
             for s in fund_statements(demo, council_id, year)]
    assert any(rest for _name, rest in rests)  # the demo's 自主財源 keeps money for next year
    assert text.count("次年度繰越金（見込）") == sum(1 for _name, rest in rests if rest)
    for _name, rest in rests:
        if rest:
            assert f"次年度繰越金（見込）{format_yen(rest)}収入合計−支出合計" in text


def test_projects_without_a_fund_of_the_budget_statement_have_a_row(demo, council_id):
    """A 事業 without a 会計区分 (or of the council's own fund) is counted in a row of its own,
    so the table's 事業の予算額 still add up to the 事業計画書's 合計."""
    with demo.transaction() as db:
        db.execute("UPDATE projects SET fund_code = NULL WHERE id = (SELECT min(id) FROM "
                   "projects WHERE council_id = ? AND fiscal_year = 2026)", [council_id])
    data = fa.business_plan_data(demo, council_id, 2026)
    assert sum(f.projects for f in data.funds) == sum(r.budget for r in data.rows)
    alone = [f for f in data.funds if not f.fund_name]
    assert len(alone) == 1 and alone[0].total is None and alone[0].projects > 0
    pages = page_texts(report_kinds()["application-set"].build(
        demo, ReportRequest(council_id, 2026)))
    text = _flat("".join(pages))
    assert f"収支予算書にない会計区分の事業{format_yen(alone[0].projects)}" in text


def _summary_row(name: str, f) -> str:
    return (f"{name}{format_yen(f.carried_in)}{format_yen(f.income_of_year)}"
            f"{format_yen(f.expense_total.actual)}{format_yen(f.carried_out)}")


@pytest.mark.parametrize("year", [2025, 2026])
def test_each_summary_row_adds_up_from_the_carry_in_to_the_carry_out(demo, council_id, year):
    """The 総括 of the 収支決算書 and the 決算の状況 of the 会計監査報告書 print the 前年度繰越金
    beside the year's own income (not the 収入合計, which already holds it): every row and the
    計 read 前年度繰越金 + 本年度収入決算額 − 支出決算額 = 次年度繰越金."""
    statements = fund_statements(demo, council_id, year)
    request = ReportRequest(council_id, year, draft=True)
    settlement = _flat("".join(page_texts(report_kinds()["year-end"].build(demo, request))))
    audit = _flat("".join(page_texts(report_kinds()["audit-report"].build(demo, request))))
    assert "本年度収入決算額" in settlement and "本年度収入決算額" in audit
    for f in statements:
        assert f.carried_in + f.income_of_year - f.expense_total.actual == f.carried_out
        assert f.income_of_year + f.carried_in == f.income_total.actual
        assert _summary_row(f"{f.fund_name}会計", f) in settlement
        assert _summary_row(f.fund_name, f) in audit
    own = next(f for f in statements if f.fund_code == OWN_FUNDS)
    assert own.carried_in > 0  # the case where the 収入合計 would count it twice
    totals = [sum(values) for values in zip(*[(f.carried_in, f.income_of_year,
                                                f.expense_total.actual, f.carried_out)
                                               for f in statements], strict=True)]
    assert totals[0] + totals[1] - totals[2] == totals[3]
    assert "計" + "".join(format_yen(t) for t in totals) in audit


def test_the_carry_out_names_the_refund_the_next_year_pays(demo, council_id):
    """令和7年度's 返還金 follows its 精算 (令和8年5月), so the 収支決算書 of 令和7年度 carries it in
    the 活動支援 次年度繰越金 and says so in the 備考, with the 精算書's 返還額; 令和8年度's book
    pays it on its 返還金 line."""
    refund = demo.scalar("SELECT g.refund_amount FROM grants g JOIN grant_programs p ON p.id = "
                         "g.program_id WHERE g.council_id = ? AND g.fiscal_year = 2025 AND "
                         "p.fund_code = 'activity_support'", (council_id,))
    closed = {f.fund_code: f for f in fund_statements(demo, council_id, 2025)}
    assert closed["activity_support"].refund_due == refund > 0
    assert closed["activity_support"].carried_out >= refund
    assert all(f.refund_due == 0 for code, f in closed.items() if code != "activity_support")
    following = {f.fund_code: f for f in fund_statements(demo, council_id, 2026)}
    assert following["activity_support"].carried_in == closed["activity_support"].carried_out
    paid = {r.category_code: r.actual for r in following["activity_support"].expense}
    assert paid["refund"] == refund and following["activity_support"].refund_due == 0
    text = _flat("".join(page_texts(report_kinds()["year-end"].build(
        demo, ReportRequest(council_id, 2025)))))
    note = f"うち{format_yen(refund)}円は精算による返還金（翌年度に返還）"
    assert text.count(note) == 1
    settlement = text[text.index("精算の内訳"):]
    assert f"金{format_yen(refund)}円" in text and format_yen(refund) in settlement
