"""予算 operations: budget lines (当初 and 補正), 予算の流用, and the 予算対比 (budget vs actual).

A budget line is one fund × direction × category (収入科目 or 費目) of a council-year. Writes run in
``store.transaction()`` with 変更履歴 entries; a closed year refuses them (YearClosed).
:func:`budget_vs_actual` gives the numbers the 収支決算書 prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kyodo_desktop.domain.accounting import DIRECTIONS, EXPENSE, INCOME
from kyodo_desktop.domain.accounting_budget import (
    BudgetActualRow,
    BudgetLine,
    Transfer,
    budget_vs_actual_rows,
    totals,
)
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common, figures
from kyodo_desktop.services.accounting.budget_history import (
    in_force,
    line_revision_days,
    link_line,
)
from kyodo_desktop.services.accounting.rows import BudgetLineRow, BudgetTransferRow
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit


def _line_key(direction: str) -> str:
    return "income_category_code" if direction == INCOME else "expense_category_code"


def _validate_line(store: Store, council_id: int, fund_code: str, direction: str,
                   category_code: str) -> None:
    if fund_code not in common.fund_names(store, council_id):
        raise ValidationError(_("Choose a fund."), field="fund_code")
    if direction not in DIRECTIONS:
        raise ValidationError(_("Choose income or expense."), field="direction")
    table = "income_categories" if direction == INCOME else "expense_categories"
    if not store.scalar(f"SELECT 1 FROM {table} WHERE code = ?", (category_code,)):
        raise ValidationError(_("Choose a category."), field="category_code")


def find_line(store: Store, council_id: int, fiscal_year: int, fund_code: str, direction: str,
              category_code: str) -> BudgetLineRow | None:
    """The budget line row, or None."""
    rows = store.query(
        f"SELECT * FROM budget_lines WHERE council_id = ? AND fiscal_year = ? AND fund_code = ? "
        f"AND direction = ? AND {_line_key(direction)} = ?",
        (council_id, fiscal_year, fund_code, direction, category_code))
    return rows[0] if rows else None


def fund_lines(store: Store, council_id: int, fiscal_year: int,
               fund_code: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The budget lines of one fund: ``{(direction, category code): row}`` (円 in ``budget`` and
    ``revised_budget``)."""
    return {(r["direction"], r["code"]): r for r in store.query(
        "SELECT direction, coalesce(income_category_code, expense_category_code) AS code, "
        "budget, revised_budget FROM budget_lines WHERE council_id = ? AND fiscal_year = ? "
        "AND fund_code = ?", (council_id, fiscal_year, fund_code))}


def set_budget_line(store: Store, council_id: int, fiscal_year: int, fund_code: str,
                    direction: str, category_code: str, budget: int, *, notes: str | None = None,
                    actor: str = "") -> Changes:
    """Set the 当初予算額 (円 ≥ 0) of a line, creating the line when needed.

    Raises ValidationError (unknown fund/category, bad amount), YearClosed, UserError.
    """
    councils.ensure_council(store, council_id)
    _validate_line(store, council_id, fund_code, direction, category_code)
    common.require_amount(budget, "budget", allow_zero=True)
    common.ensure_open(store, council_id, fiscal_year)
    existing = find_line(store, council_id, fiscal_year, fund_code, direction, category_code)
    with store.transaction() as db:
        if existing:
            changes = {"budget": budget} | ({} if notes is None else {"notes": notes})
            audit.update_row(db, "budget_lines", existing, changes, actor)
        else:
            audit.insert_row(db, "budget_lines", {
                "council_id": council_id, "fiscal_year": fiscal_year, "fund_code": fund_code,
                "direction": direction, _line_key(direction): category_code, "budget": budget,
                "notes": notes or ""}, actor)
    return common.accounts_changed(council_id)


def revise_budget_line(store: Store, council_id: int, fiscal_year: int, fund_code: str,
                       direction: str, category_code: str, revised_budget: int | None, *,
                       revision_id: int | None = None, actor: str = "") -> Changes:
    """Set the 補正後予算額 (円 ≥ 0) of a line beside its 当初予算額 (None removes the 補正).
    A line that does not exist yet is created with 当初 0 (a line added by the 補正予算).
    ``revision_id`` ties the 補正 to its 補正第N号 (see
    :func:`~kyodo_desktop.services.accounting.budget_history.add_revision`), which gives it a date.

    Raises ValidationError, YearClosed, UserError.
    """
    councils.ensure_council(store, council_id)
    _validate_line(store, council_id, fund_code, direction, category_code)
    if revised_budget is not None:
        common.require_amount(revised_budget, "revised_budget", allow_zero=True)
    common.ensure_open(store, council_id, fiscal_year)
    existing = find_line(store, council_id, fiscal_year, fund_code, direction, category_code)
    with store.transaction() as db:
        if existing:
            audit.update_row(db, "budget_lines", existing, {"revised_budget": revised_budget},
                             actor)
            line_id = existing["id"]
        else:
            line_id = audit.insert_row(db, "budget_lines", {
                "council_id": council_id, "fiscal_year": fiscal_year, "fund_code": fund_code,
                "direction": direction, _line_key(direction): category_code, "budget": 0,
                "revised_budget": revised_budget}, actor)["id"]
        link_line(store, line_id, None if revised_budget is None else revision_id, actor=actor)
    return common.accounts_changed(council_id)


def delete_budget_line(store: Store, line_id: int, *, actor: str = "") -> Changes:
    """Delete a budget line. Raises UserError when it is gone, YearClosed."""
    row = store.query("SELECT * FROM budget_lines WHERE id = ?", (line_id,))
    if not row:
        raise UserError(_("This budget line no longer exists."))
    common.ensure_open(store, row[0]["council_id"], row[0]["fiscal_year"])
    with store.transaction() as db:
        link_line(store, line_id, None, actor=actor)
        audit.delete_row(db, "budget_lines", {"id": line_id}, actor)
    return common.accounts_changed(row[0]["council_id"])


def transfer_budget(store: Store, council_id: int, fiscal_year: int, fund_code: str,
                    from_category: str, to_category: str, amount: int, transferred_on: date,
                    reason: str, *, actor: str = "") -> Changes:
    """Record a 予算の流用 of ``amount`` 円 between two 費目 of a fund, with date and reason.

    Raises ValidationError when the 費目 are the same or unknown, the amount is not ≥ 1 or
    exceeds what the source line has left (予算現額 − 決算額), the date is outside the 年度 or
    the reason is empty; YearClosed; UserError.
    """
    councils.ensure_council(store, council_id)
    for code, field in ((from_category, "from_category"), (to_category, "to_category")):
        if not store.scalar("SELECT 1 FROM expense_categories WHERE code = ?", (code,)):
            raise ValidationError(_("Choose a category."), field=field)
    if from_category == to_category:
        raise ValidationError(_("Choose two different expense categories."), field="to_category")
    common.require_amount(amount)
    common.require_date_in_year(transferred_on, fiscal_year, "transferred_on")
    if not reason.strip():
        raise ValidationError(_("Enter the reason for the transfer."), field="reason")
    common.ensure_open(store, council_id, fiscal_year)
    left = _left(store, council_id, fiscal_year, fund_code, from_category)
    if amount > left:
        raise ValidationError(_("Only {left} yen is left on the line the budget is taken from.")
                              .format(left=format_yen(max(left, 0))), field="amount")
    with store.transaction() as db:
        audit.insert_row(db, "budget_transfers", {
            "council_id": council_id, "fiscal_year": fiscal_year, "fund_code": fund_code,
            "from_category_code": from_category, "to_category_code": to_category,
            "amount": amount, "transferred_on": transferred_on.isoformat(),
            "reason": reason.strip()}, actor)
    return common.accounts_changed(council_id)


def _left(store: Store, council_id: int, fiscal_year: int, fund_code: str, code: str) -> int:
    rows = budget_vs_actual(store, council_id, fiscal_year).rows
    row = next((r for r in rows if r.fund_code == fund_code and r.direction == EXPENSE
                and r.category_code == code and r.kind == "line"), None)
    return 0 if row is None else row.current - row.actual


def delete_transfer(store: Store, transfer_id: int, *, actor: str = "") -> Changes:
    """Delete a 予算の流用. Raises UserError when it is gone, YearClosed."""
    rows = store.query("SELECT * FROM budget_transfers WHERE id = ?", (transfer_id,))
    if not rows:
        raise UserError(_("This budget transfer no longer exists."))
    common.ensure_open(store, rows[0]["council_id"], rows[0]["fiscal_year"])
    with store.transaction() as db:
        audit.delete_row(db, "budget_transfers", {"id": transfer_id}, actor)
    return common.accounts_changed(rows[0]["council_id"])


def list_transfers(store: Store, council_id: int, fiscal_year: int) -> list[BudgetTransferRow]:
    """The 予算の流用 of a council-year, by date: rows of ``budget_transfers`` with
    ``transferred_on`` as a date."""
    rows = store.query("SELECT * FROM budget_transfers WHERE council_id = ? AND fiscal_year = ? "
                       "ORDER BY transferred_on, id", (council_id, fiscal_year))
    for row in rows:
        row["transferred_on"] = date.fromisoformat(row["transferred_on"])
    return rows


@dataclass(frozen=True)
class BudgetVsActual:
    """The 予算対比 of a council-year: ``rows`` (see
    :mod:`kyodo_desktop.domain.accounting_budget`), ``totals`` {(fund, direction): total row}
    and ``carried_out`` {fund: 次年度繰越金} (円; :func:`figures.fund_balances`, which equals
    収入決算額 (with 前年度繰越金) − 支出決算額)."""

    rows: tuple[BudgetActualRow, ...]
    totals: dict[tuple[str, str], BudgetActualRow]
    carried_out: dict[str, int]


def budget_vs_actual(store: Store, council_id: int, fiscal_year: int,
                     as_of: date | None = None) -> BudgetVsActual:
    """予算額, 補正後, 流用, 決算額, 差引, 執行率 per fund × category with totals (円).

    ``as_of`` (the date of the form that prints it; None = the whole year) leaves out the 補正
    decided and the 流用 made after that day (see
    :mod:`~kyodo_desktop.services.accounting.budget_history`). A 返還金 (an expense carrying
    ``grant_id``) counts on the 返還金 line, whatever 費目 it was booked under. The 決算額 are
    :func:`~kyodo_desktop.services.accounting.figures.category_actuals`, the 次年度繰越金
    :func:`~kyodo_desktop.services.accounting.figures.fund_balances`.
    """
    days = line_revision_days(store, council_id, fiscal_year)
    lines = []
    for r in store.query(
            "SELECT fund_code, direction, coalesce(income_category_code, expense_category_code) "
            "AS code, budget, revised_budget FROM budget_lines WHERE council_id = ? "
            "AND fiscal_year = ?", (council_id, fiscal_year)):
        key = (r["fund_code"], r["direction"], r["code"])
        revised = r["revised_budget"] if in_force(days.get(key, (None, None))[1], as_of) else None
        lines.append(BudgetLine(*key, r["budget"], revised))
    transfers = [Transfer(r["fund_code"], r["from_category_code"], r["to_category_code"],
                          r["amount"]) for r in list_transfers(store, council_id, fiscal_year)
                 if in_force(r["transferred_on"], as_of)]
    rows = budget_vs_actual_rows(
        common.funds(store, council_id), common.income_categories(store), common.expense_categories(store),
        lines, transfers, figures.category_actuals(store, council_id, fiscal_year),
        figures.opening_balances(store, council_id, fiscal_year))
    return BudgetVsActual(tuple(rows), totals(rows),
                          figures.fund_balances(store, council_id, fiscal_year))


@dataclass(frozen=True)
class FundBudgetTotals:
    """収入計 and 支出計 (円) of one fund's budget, each line at its 補正後 amount where it was
    revised, else its 当初 amount; ``difference`` = 収入計 − 支出計 (0 when it balances)."""

    income: int
    expense: int

    @property
    def difference(self) -> int:
        return self.income - self.expense


def fund_budget_totals(lines: dict) -> FundBudgetTotals:
    """The totals of :func:`fund_lines`' ``lines`` (a council's budget balances: 収入計 =
    支出計, the 予備費 taking up the rest)."""
    amounts = {INCOME: 0, EXPENSE: 0}
    for (direction, _code), line in lines.items():
        revised = line["revised_budget"]
        amounts[direction] += line["budget"] if revised is None else revised
    return FundBudgetTotals(amounts[INCOME], amounts[EXPENSE])
