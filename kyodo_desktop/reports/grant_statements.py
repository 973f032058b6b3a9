"""収支予算書 and 収支決算書: per fund (会計区分) 収入の部 and 支出の部 by 科目 / 費目 with totals
(the 予算書 shows a fund's 収入 its 支出 leave unused as 次年度繰越金（見込）, so every fund
balances), then the 総括 over every fund. The 予算書 (dated with the application) prints the 当初予算額
only: no later 補正 or 流用 leaks into it, and a line that only a 補正 created is left out. The
決算書 prints 当初予算額, 補正・流用, 予算現額, 決算額, 差引 and a 備考 naming each 補正
(補正第N号 and its date) and 流用 (date, the other 費目, amount), and the 次年度繰越金 with the
返還金 inside it that the 精算 fixed and a later 年度 pays (「うち … 円は精算による返還金」).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.accounting_budget import BudgetActualRow
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.grant_layout import (
    Indented,
    escape,
    form_table,
    heading,
    styles,
    width,
)
from kyodo_desktop.services.accounting.budget_history import HistoryItem
from kyodo_desktop.services.forms.application import StatementData
from kyodo_desktop.services.forms.grants import FundStatement


def _name(row: BudgetActualRow):
    return Indented(row.name, row.level) if row.level else row.name


def _kind(row: BudgetActualRow) -> str:
    return "group" if row.kind == "group" else "line"


def history_text(item: HistoryItem, words) -> str:
    """One 補正 or 流用 as the 備考 names it (preset words ``revision_note``,
    ``revision_note_undated``, ``transfer_in_note``, ``transfer_out_note``)."""
    amount = item.amount if item.kind == "revision" else abs(item.amount)
    values = {"amount": format_yen(amount), "other": item.other, "number": item.number,
              "date": "" if item.day is None else wareki.format_wareki(item.day)}
    if item.kind == "revision":
        known = item.number is not None and item.day is not None
        return words.get("revision_note" if known else "revision_note_undated").format(**values)
    return words.get(f"{item.kind}_note").format(**values)


def remarks(fund: FundStatement, direction: str, row: BudgetActualRow, words, *,
            history: bool = True) -> str:
    """The 備考 of a row: the note entered with the budget line, then (with ``history``) each
    補正 and 流用 of the line, one per line. Group and total rows have none."""
    if row.kind != "line":
        return ""
    key = (direction, row.category_code)
    parts = [fund.notes.get(key, "")]
    if history:
        parts += [history_text(item, words) for item in fund.history.get(key, ())]
    return "\n".join(p for p in parts if p)


def _budget_rows(fund: FundStatement, words) -> list:
    def line(r: BudgetActualRow, direction: str):
        return (_kind(r), (_name(r), r.budget, remarks(fund, direction, r, words, history=False)))

    rows: list = [("section", (words.get("income"),))]
    rows += [line(r, INCOME) for r in fund.income if r.budget]
    rows.append(("total", (words.get("income_total"), fund.income_total.budget, "")))
    rows.append(("section", (words.get("expense"),)))
    rows += [line(r, EXPENSE) for r in fund.expense if r.budget]
    rows.append(("total", (words.get("expense_total"), fund.expense_total.budget, "")))
    if fund.planned_carry_out:  # the 収入 the 支出 leave unused, shown as such
        rows.append(("total", (words.get("carried_out_planned"), fund.planned_carry_out,
                               words.get("carried_out_note"))))
    return rows


def budget_figures(r: BudgetActualRow) -> tuple[int, int, int, int, int]:
    """当初予算額, 補正・流用 (予算現額 − 当初, △ when lowered), 予算現額, 決算額, 差引 (円)."""
    return r.budget, r.current - r.budget, r.current, r.actual, r.difference


def _settlement_rows(fund: FundStatement, words) -> list:
    def line(r: BudgetActualRow, direction: str):
        return (_kind(r), (_name(r), *budget_figures(r), remarks(fund, direction, r, words)))

    rows: list = [("section", (words.get("income"),))]
    rows += [line(r, INCOME) for r in fund.income]
    rows.append(("total", (words.get("income_total"), *budget_figures(fund.income_total), "")))
    rows.append(("section", (words.get("expense"),)))
    rows += [line(r, EXPENSE) for r in fund.expense]
    rows.append(("total", (words.get("expense_total"), *budget_figures(fund.expense_total), "")))
    note = words.get("carried_out_note")
    if fund.refund_due:  # the unspent grant the 精算 returns, paid in the next 年度
        note += "\n" + words.get("refund_due_note").format(amount=format_yen(fund.refund_due))
    rows.append(("total", (words.get("carried_out"), None, None, None, fund.carried_out, None,
                           note)))
    return rows


#: Column widths of the 収支決算書 table (科目, five amounts, 備考): the 科目 holds the longest
#: 費目 (負担金補助及び交付金) on one line, an amount column 10,000,000 円.
SETTLEMENT_WIDTHS = (0.195, 0.115, 0.11, 0.115, 0.115, 0.11, 0.24)


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
                               width(*SETTLEMENT_WIDTHS),
                               aligns=["left"] + ["right"] * 5 + ["left"])
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
                          f.income_of_year, f.expense_total.actual, f.carried_out))
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
