"""Review rules on totals: the 事業計画書 and 事業実績書 against the fund's budget and
settlement (with the lines that reconcile them), an empty 事業計画書, budget lines without 当初.

Per fund that has 事業: Σ 事業費 (予算) of the 事業計画書 vs the fund's 当初 支出予算 (エラー when
above it, 注意 naming the difference when below); Σ of the 事業実績書's expenses paid from the
fund vs its 決算額 (注意 naming 事業 not in the fund and expenses outside any 事業) and vs the
grant's 対象経費 (エラー when above it: the 事業実績書 claims more than the 精算 accepts).
"""

from __future__ import annotations

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.forms.grants import grant_figures
from kyodo_desktop.services.forms.results import eligible_of
from kyodo_desktop.services.review.findings import (
    BUDGET,
    ERROR,
    PROJECTS,
    WARNING,
    ReviewFinding,
    finding,
)
from kyodo_desktop.store import Store

#: The 費目 of 返還金: never budgeted at the start, never a 事業's cost.
REFUND_CATEGORY = "refund"


def _yen(amount: int) -> str:
    return format_yen(amount, unit=True)


def _plan(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """Σ 事業費 (予算) per fund of the year's 事業 (fund '' for 事業 without one)."""
    return {r["fund"]: r["total"] for r in store.query(
        "SELECT coalesce(fund_code, '') AS fund, sum(budget) AS total FROM projects "
        "WHERE council_id = ? AND fiscal_year = ? GROUP BY 1", (council_id, fiscal_year))}


def _initial_expense(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    return {r["fund_code"]: r["total"] for r in store.query(
        "SELECT fund_code, sum(budget) AS total FROM budget_lines WHERE council_id = ? AND "
        "fiscal_year = ? AND direction = 'expense' GROUP BY fund_code", (council_id, fiscal_year))}


def findings(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """The totals findings of the council-year."""
    plan = _plan(store, council_id, fiscal_year)
    budget = _initial_expense(store, council_id, fiscal_year)
    names = common.fund_names(store)
    if not any(plan.values()):
        if sum(budget.values()):
            return [finding(ERROR, "empty_business_plan", _(
                "The business plan of {fiscal_year} is empty (total 0 yen) while the budget "
                "plans {budget} of expenses. Enter the projects (事業) with their costs first.")
                .format(fiscal_year=wareki.format_fiscal_year(fiscal_year),
                        budget=_yen(sum(budget.values()))), PROJECTS)]
        return []
    found = [f for fund, total in plan.items() if fund
             for f in _plan_vs_budget(names.get(fund, fund), total, budget.get(fund, 0))]
    found += _results(store, council_id, fiscal_year, names)
    found += _without_initial(store, council_id, fiscal_year, names)
    return found


def _plan_vs_budget(fund: str, planned: int, budget: int) -> list[ReviewFinding]:
    if planned == budget:
        return []
    values = {"fund": fund, "planned": _yen(planned), "budget": _yen(budget),
              "difference": _yen(abs(budget - planned))}
    if planned > budget:
        return [finding(ERROR, "plan_vs_budget", _(
            "{fund}: the projects of the business plan cost {planned}, more than the initial "
            "expense budget of {budget} (by {difference}). Lower the project costs or revise "
            "the budget.").format(**values), PROJECTS)]
    return [finding(WARNING, "plan_vs_budget", _(
        "{fund}: business plan {planned} + expenses outside the projects (office costs and "
        "the like) {difference} = expense budget {budget}. Show the difference as its own "
        "line if the city asks for it.").format(**values), PROJECTS)]


def _project_spending(store: Store, council_id: int, fiscal_year: int) -> list[dict]:
    """Per project fund × paying fund: Σ expenses (円, 返還金 left out)."""
    return store.query(
        "SELECT coalesce(p.fund_code, '') AS project_fund, e.fund_code AS paid_from, "
        "sum(e.amount) AS total FROM cash_book_entries e JOIN projects p ON p.id = e.project_id "
        "WHERE e.council_id = ? AND e.fiscal_year = ? AND e.direction = 'expense' "
        "AND e.grant_id IS NULL GROUP BY 1, 2", (council_id, fiscal_year))


def _results(store: Store, council_id: int, fiscal_year: int,
             names: dict[str, str]) -> list[ReviewFinding]:
    spending = _project_spending(store, council_id, fiscal_year)
    actual = {e: 0 for e in names}
    for entry in common.load_entries(store, council_id, fiscal_year):
        if entry.direction == EXPENSE and entry.grant_id is None:
            actual[entry.fund_code] = actual.get(entry.fund_code, 0) + entry.amount
    found = []
    for grant in grant_figures(store, council_id, fiscal_year):
        fund = grant.fund_code
        mine = sum(r["total"] for r in spending if r["project_fund"] == fund)
        if not mine:
            continue
        from_fund = sum(r["total"] for r in spending if r["project_fund"] == fund
                        and r["paid_from"] == fund)
        other = mine - from_fund
        eligible = eligible_of(store, council_id, fiscal_year, grant) if grant.in_force else None
        if eligible is not None and from_fund > eligible:
            found.append(finding(ERROR, "results_vs_actual", _(
                "{fund}: the business results show {spent} paid from the grant, more than the "
                "eligible spending of {eligible}. Check the projects of the cash book entries "
                "and the eligible spending of the grant.").format(
                    fund=names.get(fund, fund), spent=_yen(from_fund), eligible=_yen(eligible)),
                PROJECTS))
        elif other or from_fund != actual.get(fund, 0):
            found.append(finding(WARNING, "results_vs_actual", _(
                "{fund}: business results {total} = paid from {fund} {from_fund} + paid from "
                "other funds {other}; {fund} spent {actual} in all, {outside} of it outside the "
                "projects. Print the grant's share of each project (うち交付金充当額).").format(
                    fund=names.get(fund, fund), total=_yen(mine), from_fund=_yen(from_fund),
                    other=_yen(other), actual=_yen(actual.get(fund, 0)),
                    outside=_yen(actual.get(fund, 0) - from_fund)), PROJECTS))
    return found


def _without_initial(store: Store, council_id: int, fiscal_year: int,
                     names: dict[str, str]) -> list[ReviewFinding]:
    """注意 per expense line (not 返還金) without a 当初予算額."""
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
