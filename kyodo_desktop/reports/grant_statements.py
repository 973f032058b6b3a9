"""収支予算書 and 収支決算書: per fund (会計区分) 収入の部 and 支出の部 by 科目 / 費目 with totals,
then the 総括 over every fund. The 予算書 prints the 当初予算額; the 決算書 prints 予算額
(予算現額: 補正 and 流用 included), 決算額, 差引 and 備考, and the 次年度繰越金 of each fund.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.accounting_budget import BudgetActualRow
from kyodo_desktop.reports.grant_layout import (
    Indented,
    escape,
    form_table,
    heading,
    styles,
    width,
)
from kyodo_desktop.services.forms.application import StatementData
from kyodo_desktop.services.forms.grants import FundStatement


def _name(row: BudgetActualRow):
    return Indented(row.name, row.level) if row.level else row.name


def _kind(row: BudgetActualRow) -> str:
    return "group" if row.kind == "group" else "line"


def _budget_rows(fund: FundStatement, words) -> list:
    rows: list = [("section", (words.get("income"),))]
    rows += [(_kind(r), (_name(r), r.budget, fund.notes.get((INCOME, r.category_code), "")))
             for r in fund.income]
    rows.append(("total", (words.get("income_total"), fund.income_total.budget, "")))
    rows.append(("section", (words.get("expense"),)))
    rows += [(_kind(r), (_name(r), r.budget, fund.notes.get((EXPENSE, r.category_code), "")))
             for r in fund.expense]
    rows.append(("total", (words.get("expense_total"), fund.expense_total.budget, "")))
    return rows


def _settlement_rows(fund: FundStatement, words) -> list:
    def line(r: BudgetActualRow, direction: str):
        return (_kind(r), (_name(r), r.current, r.actual, r.difference,
                           fund.notes.get((direction, r.category_code), "")))

    rows: list = [("section", (words.get("income"),))]
    rows += [line(r, INCOME) for r in fund.income]
    t = fund.income_total
    rows.append(("total", (words.get("income_total"), t.current, t.actual, t.difference, "")))
    rows.append(("section", (words.get("expense"),)))
    rows += [line(r, EXPENSE) for r in fund.expense]
    t = fund.expense_total
    rows.append(("total", (words.get("expense_total"), t.current, t.actual, t.difference, "")))
    rows.append(("total", (words.get("carried_out"), None, fund.carried_out, None,
                           words.get("carried_out_note"))))
    return rows


def statement_story(data: StatementData, *, settlement: bool) -> list:
    """The story of a 収支予算書 (``settlement`` False) or 収支決算書 (True)."""
    st = styles()
    words = data.words
    story = heading(data.title, fiscal_year=data.fiscal_year, council=data.council)
    keep_with_next = ParagraphStyle("fund", parent=st.subheading, keepWithNext=1)
    for fund in data.funds:
        title = Paragraph(escape(fund.fund_name + words.get("fund_suffix")), keep_with_next)
        if settlement:
            table = form_table(words.get("columns"), _settlement_rows(fund, words),
                               width(0.3, 0.16, 0.16, 0.16, 0.22),
                               aligns=["left", "right", "right", "right", "left"])
        else:
            table = form_table(words.get("columns"),
                               _budget_rows(fund, words), width(0.42, 0.22, 0.36),
                               aligns=["left", "right", "left"])
        story += [title, table, Spacer(1, 5 * mm)]
    story.append(KeepTogether([Paragraph(escape(words.get("summary")), st.subheading),
                               _summary(data, settlement=settlement)]))
    return story


def _summary(data: StatementData, *, settlement: bool):
    words = data.words
    if settlement:
        rows = [("line", (f.fund_name + words.get("fund_suffix"), f.carried_in,
                          f.income_total.actual, f.expense_total.actual, f.carried_out))
                for f in data.funds]
    else:
        rows = [("line", (f.fund_name + words.get("fund_suffix"), f.income_total.budget,
                          f.expense_total.budget,
                          f.income_total.budget - f.expense_total.budget))
                for f in data.funds]
    columns = len(rows[0][1]) - 1 if rows else 0
    sums = [sum(r[1][i + 1] for r in rows) for i in range(columns)]
    rows.append(("total", (words.get("all_funds"), *sums)))
    header = words.get("summary_columns")
    share = 0.72 / (len(header) - 1)
    return form_table(header, rows, width(0.28, *[share] * (len(header) - 1)),
                      aligns=["left"] + ["right"] * (len(header) - 1))
