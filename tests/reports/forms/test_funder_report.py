"""The report to another funder: a programme the council defined prints its own 収支決算書,
実績報告書 or 精算書 (read back from the PDF), and adding one leaves every figure of the city's
forms as it was (対象経費, 返還額, 収支決算書 …)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kyodo_desktop.demo import funder as demo_funder
from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.accounting import cash_book, checks, figures, funders, grants
from kyodo_desktop.services.forms.common import MissingPrerequisite

#: The city's forms and the 年度 they print from the demo.
CITY_KINDS = {"settlement": 2025, "performance-report": 2025, "audit-report": 2025,
              "application-set": 2026, "budget-status": 2026, "payment-request": 2026}


def _texts(store, kind, council_id, year, *, draft=False, **options) -> list[str]:
    pdf = report_kinds()[kind].build(store, ReportRequest(council_id, year, draft=draft,
                                                          options=options))
    assert all(fonts(pdf).values())
    return page_texts(pdf)


def _city(store, council_id) -> dict[str, list[str]]:
    return {kind: _texts(store, kind, council_id, year) for kind, year in CITY_KINDS.items()}


def _city_figures(store, council_id) -> dict[int, tuple]:
    return {r["id"]: (figures.eligible_cost(store, r["id"]), r["refund_amount"],
                      r["eligible_spending"], figures.received(store, r["id"]))
            for r in store.query("SELECT g.* FROM grants g JOIN grant_programs p ON p.id = "
                                 "g.program_id WHERE g.council_id = ? AND p.city_preset <> ''",
                                 (council_id,))}


def test_the_demo_prints_its_own_statement_of_the_community_chest(demo, council_id):
    with pytest.raises(MissingPrerequisite):  # 令和8年度 is open: final figures wait
        _texts(demo, "funder-report", council_id, 2026)
    [page] = _texts(demo, "funder-report", council_id, 2026, draft=True)
    assert "赤い羽根共同募金 地域配分金収支決算書" in page and "共同募金配分金会計" in page
    assert "湯田地域づくり協議会" in page and "未確定" in page
    balance = figures.fund_balances(demo, council_id, 2026)[demo_funder.FUND_CODE]
    spent = demo_funder.AMOUNT - balance
    for amount in (demo_funder.AMOUNT, spent, balance):
        assert format_yen(amount) in page
    for *_day, _category, _text, _payee, amount in demo_funder.EXPENSES:
        assert format_yen(amount) in page
    for kind, year in CITY_KINDS.items():
        texts = _texts(demo, kind, council_id, year)
        assert not any("共同募金" in t for t in texts), kind


def _add_programme(store, council_id, layout: str) -> funders.CouncilProgram:
    fund, _ = funders.add_fund(store, council_id, "社会福祉協議会 助成金")
    funders.add_program(store, council_id, funders.ProgramInput(
        "ふれあい・いきいきサロン助成", "山口市社会福祉協議会", fund, ("consumables", "honoraria"),
        ("懇親会",), 150_000, False, layout))
    [program] = [p for p in funders.list_programs(store, council_id) if p.values.fund_code == fund]
    year = 2026
    grant_id, _ = grants.apply_grant(store, council_id, year, program.code, 100_000,
                                     date(2026, 5, 1))
    grants.decide_grant(store, grant_id, 100_000, date(2026, 5, 20), "山社協第7号")
    grants.record_payment(store, grant_id, 100_000, date(2026, 6, 1))
    for day, direction, category, text, amount in (
            (date(2026, 6, 1), "income", "grant", "サロン助成金", 100_000),
            (date(2026, 6, 15), "expense", "consumables", "サロン 体操用品", 30_000),
            (date(2026, 7, 10), "expense", "honoraria", "サロン 講師謝礼", 20_000),
            (date(2026, 8, 5), "expense", "food", "サロン懇親会 弁当", 12_000)):
        cash_book.record_entry(store, council_id, year, CashBookEntryInput(
            entry_date=day, fund_code=fund, direction=direction, category_code=category,
            description=text, amount=amount, payee="山口市社会福祉協議会", voucher_no=""))
    grants.report_grant(store, grant_id, date(2026, 11, 10))
    grants.settle_grant(store, grant_id, date(2026, 11, 18))
    return program


def test_adding_a_funders_programme_leaves_the_city_forms_as_they_were(demo, council_id):
    before, figures_before = _city(demo, council_id), _city_figures(demo, council_id)
    program = _add_programme(demo, council_id, "settlement")
    assert _city_figures(demo, council_id) == figures_before
    assert _city(demo, council_id) == before
    # the programme's own 精算書: 交付決定額, 交付済額, 対象経費 (用品 + 謝礼; 懇親会 is not),
    # 返還額, then its 収支決算書
    texts = _texts(demo, "funder-report", council_id, 2026, draft=True,
                   program=program.name)
    assert len(texts) == 2
    letter, statement = texts
    assert "ふれあい・いきいきサロン助成精算書" in letter and "山口市社会福祉協議会 様" in letter
    assert "山社協第7号" in letter
    assert "100,000" in letter and "50,000" in letter
    assert "返還額" in letter and re.search(r"金\s+50,000\s+円", letter)
    assert "社会福祉協議会 助成金会計" in statement and "62,000" in statement
    found = {f.code for f in checks.year_findings(demo, council_id, 2026)}
    assert {"category_not_allowed", "ineligible_keyword"} <= found


def test_the_performance_report_layout_is_addressed_to_the_funder(demo, council_id):
    program = _add_programme(demo, council_id, "performance_report")
    letter, statement = _texts(demo, "funder-report", council_id, 2026, draft=True,
                               program=program.name)
    assert "ふれあい・いきいきサロン助成実績報告書" in letter
    assert "山口市社会福祉協議会 様" in letter and "山口市長" not in letter
    assert "対象経費の額" in letter and "50,000" in letter
    assert "収支決算書" in statement
    everything = _texts(demo, "funder-report", council_id, 2026, draft=True)
    assert len(everything) == 3  # the demo's 収支決算書 and this programme's two pages


def test_a_council_without_programmes_is_told_where_to_add_one(demo):
    other = demo.scalar("SELECT id FROM councils WHERE name <> '湯田地域づくり協議会' LIMIT 1")
    with pytest.raises(UserError, match="会計区分・助成"):
        _texts(demo, "funder-report", other, 2026, draft=True)
    with pytest.raises(UserError):
        _texts(demo, "funder-report", other, 2026, draft=True, program="赤い羽根共同募金 地域配分金")


def test_a_year_without_the_programme_prints_no_page_of_zeros(demo, council_id):
    """The demo's 共同募金 begins in 令和8年度: 令和7年度 has no grant, budget or entry of it, so
    the report says so instead of a 収支決算書 of zeros."""
    with pytest.raises(UserError, match="令和7年度には赤い羽根共同募金"):
        _texts(demo, "funder-report", council_id, 2025)
    program = _add_programme(demo, council_id, "settlement")  # recorded in 令和8年度 only
    assert len(_texts(demo, "funder-report", council_id, 2026, draft=True)) == 3
    with pytest.raises(UserError, match="記録（交付、予算、出納簿の記帳）がありません"):
        _texts(demo, "funder-report", council_id, 2025, program=program.name)
