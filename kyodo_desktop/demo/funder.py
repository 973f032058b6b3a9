"""Demo step 6c: 湯田's own fund 共同募金配分金 and the programme that pays into it (赤い羽根
共同募金 地域配分金 of the 山口県共同募金会), with its 令和8年度 grant, the one payment and a few
expenses; its report is the fund's own 収支決算書 (``report funder-report``).

The fund and programme are made through :mod:`kyodo_desktop.services.accounting.funders` (fixed
codes, so the same seed gives the same file); the year's rows are written with the city's
(:mod:`kyodo_desktop.demo.books`), so the accounts and the 通帳照合 include them. Every expense
is eligible under the programme's rules and within its budget line.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.demo.common import DemoContext, fy_date, weekday_before
from kyodo_desktop.demo.projects import item
from kyodo_desktop.domain.office_days import open_day_before
from kyodo_desktop.services.accounting import funders

FUND_CODE = "council_5975646100a1"
PROGRAM_CODE = "council_5975646100b1"
FUND_NAME = "共同募金配分金"
PROGRAM = funders.ProgramInput(
    name="赤い羽根共同募金 地域配分金", funder="社会福祉法人山口県共同募金会",
    fund_code=FUND_CODE, allowed_categories=("honoraria", "supplies", "services", "rentals"),
    ineligible_keywords=("懇親会", "飲食", "慶弔", "香典", "商品券", "個人への給付"),
    max_amount=300_000, allows_carry_forward=False, report_layout="settlement_statement")
PAYER = "社会福祉法人山口県共同募金会"
AMOUNT = 200_000
#: (month, day, 費目, 摘要, 支払先, 円) of the year's spending.
EXPENSES = (
    (8, 1, "consumables", "夏休み子ども広場 工作材料", "ホームセンター湯田", 48_600),
    (9, 12, "honoraria", "ふれあい・いきいきサロン 講師謝礼", "健康運動指導士 会", 20_000),
    (10, 3, "printing", "見守り活動 チラシ印刷", "湯田印刷", 36_300),
    (11, 7, "rentals", "防災ひろば テント借上げ", "山口レンタル", 18_000),
)


def build_fund(ctx: DemoContext) -> int:
    """The fund and its programme (idempotent per file); returns the programme's id."""
    funders.add_fund(ctx.store, ctx.council_id, FUND_NAME, code=FUND_CODE)
    program_id, _changes = funders.add_program(ctx.store, ctx.council_id, PROGRAM,
                                               code=PROGRAM_CODE)
    return program_id


def year_rows(ctx: DemoContext, year: int, program_id: int,
              budgets: dict) -> tuple[dict, list[dict], list[dict]]:
    """The grants row (申請 4月, 配分決定 6月), the one payment and the entries of ``year``;
    the budget lines go into ``budgets``."""
    decided_on = open_day_before(fy_date(year, 6, 20))
    paid_on = weekday_before(fy_date(year, 7, 10))
    grant = {"id": ctx.new_id("grants"), "council_id": ctx.council_id, "fiscal_year": year,
             "program_id": program_id, "proposed_amount": None, "applied_amount": AMOUNT,
             "applied_on": open_day_before(fy_date(year, 4, 25)).isoformat(),
             "decided_amount": AMOUNT, "decided_on": decided_on.isoformat(),
             "decision_no": "山共募第58号", "change_amount": None,
             "change_requested_on": None, "change_approved_on": None, "reported_on": None,
             "eligible_spending": None, "settled_on": None, "refund_amount": None,
             "carried_forward_amount": None, "refunded_on": None, "notes": ""}
    payment = {"grant_id": grant["id"], "kind": "advance",
               "requested_on": open_day_before(fy_date(year, 6, 30)).isoformat(),
               "paid_on": paid_on.isoformat(), "amount": AMOUNT}
    entries = [dict(item(FUND_CODE, "income", "grant", paid_on, f"{PROGRAM.name} 配分金",
                         PAYER, AMOUNT, exact=True), grant_id=grant["id"])]
    budgets[(FUND_CODE, "income", "grant")] = {"budget": AMOUNT, "revised": None, "notes": ""}
    for month, day, category, text, payee, amount in EXPENSES:
        entries.append(dict(item(FUND_CODE, "expense", category, _day(year, month, day), text,
                                 payee, amount, exact=True), grant_id=None))
        budgets[(FUND_CODE, "expense", category)] = {
            "budget": -(-amount * 11 // 10 // 1000) * 1000, "revised": None, "notes": ""}
    return grant, [payment], entries


def _day(year: int, month: int, day: int) -> date:
    return weekday_before(fy_date(year, month, day))
