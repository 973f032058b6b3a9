"""The 年度報告's money sections, all read from the one source (no sum is made here):

* ``budget`` — the 収支決算書 per fund (:func:`~kyodo_desktop.services.forms.grants.fund_statements`);
* ``cash_book`` — the 出納簿's count and 収入 / 支出 per fund
  (:func:`~kyodo_desktop.services.accounting.figures.entry_totals`) and the 決算額 per fund ×
  direction × 費目 (:func:`~kyodo_desktop.services.accounting.figures.category_actuals`);
* ``grants`` — each 交付金's lifecycle as the 実績報告書 and 精算書 print it
  (:func:`~kyodo_desktop.services.forms.grants.grant_figures`, 対象経費 by
  :func:`~kyodo_desktop.services.forms.results.eligible_of`).

Money is int 円; dates ISO text.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.accounting_budget import BudgetActualRow
from kyodo_desktop.services.accounting import common, figures
from kyodo_desktop.services.city.seal import JSONObject
from kyodo_desktop.services.forms.grants import fund_statements, grant_figures
from kyodo_desktop.services.forms.results import eligible_of
from kyodo_desktop.store import Store


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _row(row: BudgetActualRow) -> JSONObject:
    return {"category": row.category_code, "name": row.name, "level": row.level,
            "kind": row.kind, "budget": row.budget, "revised": row.revised,
            "transfer": row.transfer, "current": row.current, "actual": row.actual}


def budget_section(store: Store, council_id: int, fiscal_year: int) -> list[JSONObject]:
    """Per fund: ``{fund, fund_name, carried_in, carried_out, income: [rows], expense: [rows],
    income_total, expense_total}`` (rows of the 予算対比: 当初, 補正後, 流用, 予算現額, 決算額)."""
    return [{"fund": s.fund_code, "fund_name": s.fund_name, "carried_in": s.carried_in,
             "carried_out": s.carried_out, "income": [_row(r) for r in s.income],
             "expense": [_row(r) for r in s.expense], "income_total": _row(s.income_total),
             "expense_total": _row(s.expense_total)}
            for s in fund_statements(store, council_id, fiscal_year)]


def cash_book_section(store: Store, council_id: int, fiscal_year: int) -> JSONObject:
    """``{funds: [{fund, fund_name, count, income, expense}], categories: [{fund, direction,
    category, name, amount}]}`` of the 出納簿 (返還金 on its own line)."""
    names = common.category_names(store)
    funds = []
    for code, name in common.fund_names(store).items():
        totals = figures.entry_totals(store, council_id, fiscal_year, fund=code)
        funds.append({"fund": code, "fund_name": name, "count": totals.count,
                      "income": totals.income, "expense": totals.expense})
    categories = [{"fund": fund, "direction": direction, "category": code,
                   "name": names.get(code, code), "amount": amount}
                  for (fund, direction, code), amount in sorted(
                      figures.category_actuals(store, council_id, fiscal_year).items())]
    return {"funds": funds, "categories": categories}


def grants_section(store: Store, council_id: int, fiscal_year: int) -> list[JSONObject]:
    """Each 交付金: 申請額, 交付決定額 (and the one in force), 変更, 交付済額, 対象経費, 返還額,
    繰越額 with their dates and the 概算払 (円, ISO dates, None where not recorded)."""
    return [{"fund": g.fund_code, "program": g.program_name,
             "applied_amount": g.applied_amount, "applied_on": _iso(g.applied_on),
             "decided_amount": g.decided_amount, "decided_on": _iso(g.decided_on),
             "decision_no": g.decision_no, "in_force": g.in_force,
             "change_amount": g.change_amount, "received": g.received,
             "eligible": eligible_of(store, g), "reported_on": _iso(g.reported_on),
             "settled_on": _iso(g.settled_on), "refund_amount": g.refund_amount,
             "carried_forward_amount": g.carried_forward_amount,
             "payments": [{"requested_on": _iso(requested), "paid_on": _iso(paid),
                           "amount": amount} for requested, paid, amount in g.payments]}
            for g in grant_figures(store, council_id, fiscal_year)]
