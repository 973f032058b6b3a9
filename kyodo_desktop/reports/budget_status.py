"""予算執行状況表 (budget vs actual, mid-year): per fund 収入の部 and 支出の部 with 当初予算額,
補正・流用, 予算現額, 執行済額, 残額, 執行率 and a 備考 naming each 補正 and 流用, as of its date
(the last 出納簿 entry, 補正 or 流用). ``kyodo-desktop report budget-status``.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.formatting import format_percent
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_application import build_one, furniture
from kyodo_desktop.reports.grant_layout import (
    Indented,
    Section,
    escape,
    form_table,
    heading,
    styles,
    width,
)
from kyodo_desktop.reports.grant_statements import budget_figures, remarks
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import BudgetStatus, budget_status_data
from kyodo_desktop.services.forms.grants import FundStatement


def _rows(data: BudgetStatus, fund: FundStatement) -> list:
    words = data.words
    rows: list = []
    for direction, label, lines, total in (
            (INCOME, words.get("income"), fund.income, fund.income_total),
            (EXPENSE, words.get("expense"), fund.expense, fund.expense_total)):
        rows.append(("section", (label,)))
        for r in (*lines, total):
            name = words.get("total") if r.kind == "total" else (
                Indented(r.name, r.level) if r.level else r.name)
            kind = {"total": "total", "group": "group"}.get(r.kind, "line")
            initial, change, current, actual, _difference = budget_figures(r)
            rows.append((kind, (name, initial, change, current, actual, current - actual,
                                format_percent(r.execution_rate),
                                remarks(fund, direction, r, words))))
    return rows


def budget_status_section(store: Store, council_id: int, fiscal_year: int,
                          gate: fd.Gate) -> Section:
    """The 予算執行状況表 pages."""
    data = budget_status_data(store, council_id, fiscal_year, gate)
    st = styles()
    words = data.words
    story = heading(data.title, fiscal_year=data.fiscal_year, council=data.council)
    if data.as_of is not None:
        story.insert(1, Paragraph(escape(words.get("as_of").format(
            date=wareki.format_wareki(data.as_of))), st.body_center))
    for fund in data.funds:
        story += [Paragraph(escape(fund.fund_name + words.get("fund_suffix")), st.subheading),
                  form_table(words.get("columns"), _rows(data, fund),
                             width(0.195, 0.105, 0.105, 0.105, 0.105, 0.105, 0.08, 0.2),
                             aligns=["left"] + ["right"] * 6 + ["left"]),
                  Spacer(1, 5 * mm)]
    return Section(furniture(words.form_no, data.title, data.council), story)


def build_budget_status(store: Store, request: ReportRequest) -> bytes:
    """``report budget-status``: the 予算執行状況表."""
    return build_one(budget_status_section, store, request)


REPORTS = [ReportKind("budget-status", N_("Budget status (予算執行状況表)"), build_budget_status,
                      order=50)]
