"""Review rules on totals: the 事業計画書 and 事業実績書 against the fund's budget and
settlement (with the lines that reconcile them), an empty 事業計画書, the 精算書's 返還額 against
the 返還金 of the 出納簿, budget lines without 当初.

Reconciling lines are allowed for: the budget may hold expenses outside the 事業 (事務費 …), the
事業実績書 may include 事業 expenses paid from other funds (自主財源) and the fund may spend
outside the 事業. What cannot be reconciled is an エラー: per fund, Σ 事業費 (予算) of the
事業計画書 above the fund's 当初 支出予算; per grant fund, the 事業実績書's expenses paid from the
grant above the grant's 対象経費 (the 事業実績書 claims more than the 精算 accepts). The messages
print the reconciliation.
"""

from __future__ import annotations

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE, REFUND_CATEGORY
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common, figures
from kyodo_desktop.services.forms.grants import grant_figures
from kyodo_desktop.services.forms.results import eligible_of
from kyodo_desktop.services.review.findings import (
    BUDGET,
    ERROR,
    GRANTS,
    PROJECTS,
    WARNING,
    ReviewFinding,
    finding,
)
from kyodo_desktop.store import Store


def _yen(amount: int) -> str:
    return format_yen(amount, unit=True)


def findings(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """The totals findings of the council-year."""
    plan = figures.planned_project_costs(store, council_id, fiscal_year)
    budget = figures.initial_expense_budget(store, council_id, fiscal_year)
    names = common.fund_names(store, council_id)
    found = []
    if not any(plan.values()) and sum(budget.values()):
        found.append(finding(ERROR, "empty_business_plan", _(
            "The business plan of {fiscal_year} is empty (total 0 yen) while the budget plans "
            "{budget} of expenses. Enter the projects (事業) with their costs first.").format(
                fiscal_year=wareki.format_fiscal_year(fiscal_year),
                budget=_yen(sum(budget.values()))), PROJECTS))
    found += [f for fund, total in plan.items() if fund
              for f in _plan_vs_budget(names.get(fund, fund), total, budget.get(fund, 0))]
    found += _results(store, council_id, fiscal_year, names)
    found += _refunds(store, council_id, fiscal_year)
    found += _without_initial(store, council_id, fiscal_year, names)
    return found


def _refunds(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """注意 per grant whose recorded 返還額 (the 精算書) differs from the 返還金 booked in the
    出納簿 (the 収支決算書's 返還金 line): not paid yet, or paid with another amount."""
    found = []
    for grant in grant_figures(store, council_id, fiscal_year):
        if grant.refund_amount is None:
            continue
        booked = figures.refunds_booked(store, grant.grant_id)
        if booked != grant.refund_amount:
            found.append(finding(WARNING, "refund_vs_books", _(
                "{program}: the settlement returns {refund}, but the cash book holds {booked} "
                "of refund (返還金) for this grant. Book the refund as an expense linked to the "
                "grant, or correct the refund of the settlement.").format(
                    program=grant.program_name, refund=_yen(grant.refund_amount),
                    booked=_yen(booked)), GRANTS))
    return found


def _plan_vs_budget(fund: str, planned: int, budget: int) -> list[ReviewFinding]:
    """エラー when the fund's 事業 cost more than its expense budget; the message gives the
    reconciling line (the part of the budget outside the 事業 would be negative)."""
    if planned <= budget:
        return []
    return [finding(ERROR, "plan_vs_budget", _(
        "{fund}: the projects of the business plan cost {planned}, more than the initial "
        "expense budget of {budget} (by {difference}). Lower the project costs or revise "
        "the budget.").format(fund=fund, planned=_yen(planned), budget=_yen(budget),
                              difference=_yen(planned - budget)), PROJECTS)]


def _results(store: Store, council_id: int, fiscal_year: int,
             names: dict[str, str]) -> list[ReviewFinding]:
    """エラー per grant fund whose 事業 expenses paid from the grant exceed its 対象経費; the
    message reconciles the 事業実績書's total (paid from the grant + from other funds) with the
    fund's 決算額 (+ expenses outside the 事業)."""
    spending = figures.project_costs_by_fund(store, council_id, fiscal_year)
    actual: dict[str, int] = {}
    for entry in common.load_entries(store, council_id, fiscal_year):
        if entry.direction == EXPENSE and entry.grant_id is None:
            actual[entry.fund_code] = actual.get(entry.fund_code, 0) + entry.amount
    found = []
    for grant in grant_figures(store, council_id, fiscal_year):
        fund = grant.fund_code
        mine = sum(r["total"] for r in spending if r["project_fund"] == fund)
        from_fund = sum(r["total"] for r in spending if r["project_fund"] == fund
                        and r["paid_from"] == fund)
        if not from_fund or grant.in_force is None:
            continue
        eligible = eligible_of(store, grant)
        if from_fund <= eligible:
            continue
        found.append(finding(ERROR, "results_vs_actual", _(
            "{fund}: the business results show {total}, of which {from_fund} paid from the "
            "grant and {other} from other funds; {fund} spent {actual} ({outside} outside the "
            "projects), but only {eligible} is eligible. Check the projects of the cash book "
            "entries and the eligible spending of the grant.").format(
                fund=names.get(fund, fund), total=_yen(mine), from_fund=_yen(from_fund),
                other=_yen(mine - from_fund), actual=_yen(actual.get(fund, 0)),
                outside=_yen(actual.get(fund, 0) - from_fund), eligible=_yen(eligible)),
            PROJECTS))
    return found


def _without_initial(store: Store, council_id: int, fiscal_year: int,
                     names: dict[str, str]) -> list[ReviewFinding]:
    """注意 per expense line without a 当初予算額 (返還金 excepted: it is never budgeted at the
    start)."""
    rows = store.query(
        "SELECT b.fund_code, c.name FROM budget_lines b JOIN expense_categories c "
        "ON c.code = b.expense_category_code WHERE b.council_id = ? AND b.fiscal_year = ? "
        "AND b.direction = 'expense' AND b.budget = 0 AND c.code <> ? ORDER BY b.id",
        (council_id, fiscal_year, REFUND_CATEGORY))
    return [finding(WARNING, "budget_without_initial", _(
        "{fund} / {category}: the budget line has no initial budget (当初予算額 0). Enter the "
        "initial amount, or note the revision (number and date) that added the line.").format(
            fund=names.get(r["fund_code"], r["fund_code"]), category=r["name"]), BUDGET)
        for r in rows]
