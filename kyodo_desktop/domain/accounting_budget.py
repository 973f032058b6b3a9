"""予算対比 (budget vs actual): per fund and 費目 — 予算額, 補正後, 流用, 決算額, 差引, 執行率.

These are the numbers the 収支決算書 prints. Pure Python; the service
:mod:`kyodo_desktop.services.accounting.budget` loads the inputs.

Per fund, income rows (収入の部) come first, then expense rows (支出の部) in 費目 order. A parent
費目 with children present (需用費) gives a ``group`` row (its subtotal, level 0) followed by its
children (level 1); when the parent itself has a budget line or entries, it appears once more as
a level-1 row, so a group's figures always equal the sum of its level-1 rows. ``total`` rows sum
the ``line`` rows of a fund and direction.

Columns (円): ``budget`` 当初予算額; ``revised`` 補正後 (the 補正予算 or, when none, the original);
``transfer`` 流用 (+ received, − given); ``current`` = revised + transfer (予算現額); ``actual``
決算額 (for 前年度繰越金, the opening balance); ``difference`` 差引 = current − actual for
expense (残額) and actual − current for income (増減); ``execution_rate`` 執行率 = actual ÷
current as a ratio (None when current is 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kyodo_desktop.domain.accounting import CARRIED_IN_CATEGORY, DIRECTIONS, EXPENSE, INCOME


@dataclass(frozen=True)
class Category:
    """An income category or 費目: ``code``, ``name``, ``parent_code`` (None at the top)."""

    code: str
    name: str
    parent_code: str | None = None


@dataclass(frozen=True)
class BudgetLine:
    """A 予算 line: 当初 ``budget`` and 補正後 ``revised_budget`` (None = no 補正), 円."""

    fund_code: str
    direction: str
    category_code: str
    budget: int
    revised_budget: int | None = None


@dataclass(frozen=True)
class Transfer:
    """予算の流用 of ``amount`` 円 within a fund's expense, ``from_code`` → ``to_code``."""

    fund_code: str
    from_code: str
    to_code: str
    amount: int


@dataclass(frozen=True)
class BudgetActualRow:
    """One row of the 予算対比; see the module docstring for the columns. ``kind`` is 'line',
    'group' or 'total'; ``has_line`` is True when a budget line exists for the row (for a group:
    for the parent or any child)."""

    fund_code: str
    direction: str
    category_code: str
    name: str
    level: int
    kind: str
    budget: int
    revised: int
    transfer: int
    actual: int
    has_line: bool

    @property
    def current(self) -> int:
        """予算現額 = 補正後 + 流用 (円)."""
        return self.revised + self.transfer

    @property
    def difference(self) -> int:
        """差引: current − actual (expense), actual − current (income), 円."""
        if self.direction == EXPENSE:
            return self.current - self.actual
        return self.actual - self.current

    @property
    def execution_rate(self) -> float | None:
        """執行率 actual ÷ current (a ratio, 1.0 = 100 %); None when current is 0."""
        return None if self.current == 0 else self.actual / self.current


def _figures(fund, direction, code, lines, transfers, actuals, opening) -> tuple[int, int, int, int, bool]:
    line = lines.get((fund, direction, code))
    budget = line.budget if line else 0
    revised = line.revised_budget if line and line.revised_budget is not None else budget
    moved = transfers.get((fund, code), 0) if direction == EXPENSE else 0
    actual = actuals.get((fund, direction, code), 0)
    if direction == INCOME and code == CARRIED_IN_CATEGORY:
        actual += opening.get(fund, 0)
    return budget, revised, moved, actual, line is not None


def _row(fund, direction, category, level, kind, figures) -> BudgetActualRow:
    budget, revised, moved, actual, has_line = figures
    return BudgetActualRow(fund, direction, category.code, category.name, level, kind, budget,
                           revised, moved, actual, has_line)


def _sum(rows: Sequence[BudgetActualRow], fund, direction, category, level, kind) -> BudgetActualRow:
    return BudgetActualRow(
        fund, direction, category.code, category.name, level, kind,
        sum(r.budget for r in rows), sum(r.revised for r in rows), sum(r.transfer for r in rows),
        sum(r.actual for r in rows), any(r.has_line for r in rows))


def _used(fund, direction, code, lines, transfers, actuals, opening) -> bool:
    figures = _figures(fund, direction, code, lines, transfers, actuals, opening)
    return figures[4] or any(figures[:4])


def budget_vs_actual_rows(funds: Sequence[Category], income_categories: Sequence[Category],
                          expense_categories: Sequence[Category], lines: Iterable[BudgetLine],
                          transfers: Iterable[Transfer], actuals: Mapping[tuple[str, str, str], int],
                          opening: Mapping[str, int]) -> list[BudgetActualRow]:
    """The 予算対比 rows of every fund (``funds`` as Category(code, name)).

    ``actuals`` maps ``(fund, direction, category) → Σ amount`` of the 出納簿 (円); ``opening``
    maps fund → 前年度繰越金. Categories are given in display order. Only categories with a budget
    line, a 流用 or an amount appear; each fund and direction ends with a ``total`` row.
    """
    line_map = {(x.fund_code, x.direction, x.category_code): x for x in lines}
    moved: dict[tuple[str, str], int] = {}
    for t in transfers:
        moved[(t.fund_code, t.to_code)] = moved.get((t.fund_code, t.to_code), 0) + t.amount
        moved[(t.fund_code, t.from_code)] = moved.get((t.fund_code, t.from_code), 0) - t.amount
    args = (line_map, moved, actuals, opening)
    rows: list[BudgetActualRow] = []
    for fund in funds:
        for direction in DIRECTIONS:
            categories = income_categories if direction == INCOME else expense_categories
            section = _section(fund.code, direction, categories, args)
            total = _sum([r for r in section if r.kind == "line"], fund.code, direction,
                         Category("", fund.name), 0, "total")
            rows.extend(section)
            rows.append(total)
    return rows


def _section(fund: str, direction: str, categories: Sequence[Category], args) -> list[BudgetActualRow]:
    children: dict[str, list[Category]] = {}
    for c in categories:
        if c.parent_code:
            children.setdefault(c.parent_code, []).append(c)
    rows: list[BudgetActualRow] = []
    for category in categories:
        if category.parent_code:
            continue
        kids = [k for k in children.get(category.code, [])
                if _used(fund, direction, k.code, *args)]
        own = _used(fund, direction, category.code, *args)
        if not kids:
            if own:
                rows.append(_row(fund, direction, category, 0, "line",
                                 _figures(fund, direction, category.code, *args)))
            continue
        members = ([category] if own else []) + kids
        details = [_row(fund, direction, m, 1, "line", _figures(fund, direction, m.code, *args))
                   for m in members]
        rows.append(_sum(details, fund, direction, category, 0, "group"))
        rows.extend(details)
    return rows


def totals(rows: Iterable[BudgetActualRow]) -> dict[tuple[str, str], BudgetActualRow]:
    """The ``total`` rows keyed by ``(fund_code, direction)``."""
    return {(r.fund_code, r.direction): r for r in rows if r.kind == "total"}
