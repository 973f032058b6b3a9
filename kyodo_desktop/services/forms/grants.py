"""Plain data of the 交付金 and 予算 figures the grant forms share: the grants of a council-year
(申請額, 交付決定, 概算払, 変更, 実績, 精算) and the 収支予算書 / 収支決算書 per fund.

Both come from the accounting services (:mod:`kyodo_desktop.services.accounting`), so every form
prints the same figures: the 申請額 of the 交付申請書 is checked against the 交付金 line of the
収支予算書, the 交付済額 of the 精算書 against the 交付金 received in the 出納簿.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.accounting_budget import BudgetActualRow
from kyodo_desktop.services.accounting import common, figures, funders
from kyodo_desktop.services.accounting.budget import budget_vs_actual
from kyodo_desktop.services.accounting.budget_history import line_history
from kyodo_desktop.services.forms.common import iso
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class GrantFigures:
    """One 交付金 of the council-year (円; None where the step is not recorded yet).

    ``payments`` are ``(requested_on, paid_on, amount)`` in request order; ``received`` is the
    交付済額 and ``in_force`` the 交付決定額 in force, both from
    :mod:`~kyodo_desktop.services.accounting.figures`. ``refunded_on`` is the day recorded as
    the 返還 on the grant, ``refund_days`` the days of the 返還金 booked in the 出納簿 (the
    expenses carrying the grant, in whichever 年度's book), in date order.
    """

    grant_id: int
    fund_code: str
    program_name: str
    applied_amount: int | None
    applied_on: date | None
    decided_amount: int | None
    decided_on: date | None
    decision_no: str
    in_force: int | None
    change_amount: int | None
    change_requested_on: date | None
    reported_on: date | None
    eligible_spending: int | None
    settled_on: date | None
    refund_amount: int | None
    carried_forward_amount: int | None
    payments: tuple[tuple[date | None, date | None, int], ...]
    received: int
    refunded_on: date | None = None
    refund_days: tuple[date, ...] = ()


def grant_figures(store: Store, council_id: int, fiscal_year: int, *,
                  program_id: int | None = None) -> list[GrantFigures]:
    """The grants of a council-year in fund order (運営支援, 活動支援): the city's programmes
    (what the city's forms print), or with ``program_id`` only that programme's grant (a
    programme of another funder the council defined)."""
    which = ("g.program_id = ?" if program_id is not None
             else "substr(p.code, 1, 8) <> 'council_'")
    rows = store.query(
        "SELECT g.*, p.name AS program_name, p.fund_code FROM grants g "
        "JOIN grant_programs p ON p.id = g.program_id JOIN funds f ON f.code = p.fund_code "
        f"WHERE g.council_id = ? AND g.fiscal_year = ? AND {which} ORDER BY f.sort_order, g.id",
        (council_id, fiscal_year, *(() if program_id is None else (program_id,))))
    received = figures.received_by_grant(store, council_id, fiscal_year)
    result = []
    for r in rows:
        payments = tuple(
            (iso(p["requested_on"]), iso(p["paid_on"]), p["amount"]) for p in store.query(
                "SELECT requested_on, paid_on, amount FROM grant_payments WHERE grant_id = ? "
                "ORDER BY coalesce(requested_on, paid_on), id", (r["id"],)))
        result.append(GrantFigures(
            r["id"], r["fund_code"], r["program_name"], r["applied_amount"], iso(r["applied_on"]),
            r["decided_amount"], iso(r["decided_on"]), r["decision_no"], figures.amount_in_force(r),
            r["change_amount"], iso(r["change_requested_on"]), iso(r["reported_on"]),
            r["eligible_spending"], iso(r["settled_on"]), r["refund_amount"],
            r["carried_forward_amount"], payments, received[r["id"]], iso(r["refunded_on"]),
            tuple(date.fromisoformat(e["entry_date"]) for e in store.query(
                "SELECT entry_date FROM cash_book_entries WHERE grant_id = ? "
                "AND direction = 'expense' ORDER BY entry_date, id", (r["id"],)))))
    return result


@dataclass(frozen=True)
class FundStatement:
    """The 収支予算書 / 収支決算書 of one fund: ``income`` and ``expense`` rows (line and group
    rows of the 予算対比, see :mod:`kyodo_desktop.domain.accounting_budget`), their ``total``
    rows, ``notes`` {(direction, category code): 備考} and the 繰越金 (円). ``refund_due`` is
    the 返還金 the 精算 of the 年度's grants of the fund fixed and this 年度's book has not paid:
    it is inside the 次年度繰越金 and paid back in a later 年度 (円)."""

    fund_code: str
    fund_name: str
    income: tuple[BudgetActualRow, ...]
    expense: tuple[BudgetActualRow, ...]
    income_total: BudgetActualRow
    expense_total: BudgetActualRow
    notes: dict
    carried_in: int
    carried_out: int
    history: dict = field(default_factory=dict)
    refund_due: int = 0

    @property
    def income_of_year(self) -> int:
        """収入決算額 of the 年度 itself: the 収入合計 without the 前年度繰越金 it includes (円).
        The 総括 and the 会計監査報告書 print it beside the 前年度繰越金, so that each row reads
        前年度繰越金 + 本年度の収入 − 支出 = 次年度繰越金."""
        return self.income_total.actual - self.carried_in

    @property
    def planned_carry_out(self) -> int:
        """次年度繰越金（見込）: 収入合計 − 支出合計 of the 当初予算 (円; △ when the 支出 exceed
        the 収入) — what the budget leaves for the next 年度. The 収支予算書 and the 総会議案書
        print it under the 支出合計."""
        return self.income_total.budget - self.expense_total.budget


def fund_statements(store: Store, council_id: int, fiscal_year: int,
                    as_of: date | None = None, *,
                    fund_codes: tuple[str, ...] | None = None) -> list[FundStatement]:
    """Per fund (in display order) the 予算対比 rows split into 収入の部 and 支出の部, with the
    補正 and 流用 in force on ``as_of`` (the form's date; None = the whole year). The funds are
    the city's (the city's forms), or ``fund_codes`` of the council's funds.

    ``carried_out`` = 収入決算額 (with 前年度繰越金) − 支出決算額 = the 出納簿's closing balance.
    """
    report = budget_vs_actual(store, council_id, fiscal_year, as_of)
    history = line_history(store, council_id, fiscal_year, as_of)
    opening = figures.opening_balances(store, council_id, fiscal_year)
    notes: dict[tuple[str, str, str], str] = {
        (r["fund_code"], r["direction"], r["code"]): r["notes"] for r in store.query(
            "SELECT fund_code, direction, coalesce(income_category_code, expense_category_code) "
            "AS code, notes FROM budget_lines WHERE council_id = ? AND fiscal_year = ? "
            "AND notes <> ''", (council_id, fiscal_year))}
    due = refunds_due(store, council_id, fiscal_year)
    result = []
    names = common.fund_names(store, council_id)
    codes = [c for c in names if not funders.is_council_code(c)] if fund_codes is None else [
        c for c in names if c in fund_codes]
    for fund_code, fund_name in ((c, names[c]) for c in codes):
        rows = [r for r in report.rows if r.fund_code == fund_code and r.kind != "total"]
        result.append(FundStatement(
            fund_code, fund_name,
            tuple(r for r in rows if r.direction == INCOME),
            tuple(r for r in rows if r.direction == EXPENSE),
            report.totals[(fund_code, INCOME)], report.totals[(fund_code, EXPENSE)],
            {(d, c): text for (f, d, c), text in notes.items() if f == fund_code},
            opening.get(fund_code, 0), report.carried_out[fund_code],
            {(d, c): tuple(items) for (f, d, c), items in history.items() if f == fund_code},
            due.get(fund_code, 0)))
    return result


def refunds_due(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """Per fund the 返還金 fixed by the 精算 of the 年度's grants and not paid in the 年度's own
    出納簿 (円; the refund follows the 精算, which follows the 年度): the part of the fund's
    次年度繰越金 that goes back to the funder. Funds without one are absent."""
    due: dict[str, int] = {}
    for r in store.query(
            "SELECT g.id, g.refund_amount, p.fund_code FROM grants g JOIN grant_programs p "
            "ON p.id = g.program_id WHERE g.council_id = ? AND g.fiscal_year = ? "
            "AND g.refund_amount > 0 ORDER BY g.id", (council_id, fiscal_year)):
        left = r["refund_amount"] - figures.refunds_booked(store, r["id"],
                                                           fiscal_year=fiscal_year)
        if left > 0:
            due[r["fund_code"]] = due.get(r["fund_code"], 0) + left
    return due


def budgeted_grant_income(store: Store, council_id: int, fiscal_year: int) -> dict[str, int]:
    """The 当初予算額 of the 交付金 income line per fund (円): the 収支予算書's 交付金."""
    return {r["fund_code"]: r["budget"] for r in store.query(
        "SELECT fund_code, budget FROM budget_lines WHERE council_id = ? AND fiscal_year = ? "
        "AND direction = 'income' AND income_category_code = 'grant'", (council_id, fiscal_year))}
