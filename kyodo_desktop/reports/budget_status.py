"""予算執行状況表 (budget vs actual, mid-year): per fund 収入の部 and 支出の部 with 予算現額,
執行済額, 残額 and 執行率, as of the last 出納簿 entry. ``kyodo-desktop report budget-status``.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import INCOME
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
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import BudgetStatus, budget_status_data


def _rows(data: BudgetStatus, fund: str) -> list:
    words = data.words
    rows: list = []
    for direction, label in ((INCOME, words.get("income")), ("expense", words.get("expense"))):
        rows.append(("section", (label,)))
        for r in data.rows:
            if r.fund_code != fund or r.direction != direction:
                continue
            name = words.get("total") if r.kind == "total" else (
                Indented(r.name, r.level) if r.level else r.name)
            left = r.current - r.actual
            kind = {"total": "total", "group": "group"}.get(r.kind, "line")
            rows.append((kind, (name, r.current, r.actual, left,
                                format_percent(r.execution_rate))))
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
    for fund, name in data.fund_names.items():
        story += [Paragraph(escape(name + words.get("fund_suffix")), st.subheading),
                  form_table(words.get("columns"), _rows(data, fund),
                             width(0.36, 0.17, 0.17, 0.17, 0.13),
                             aligns=["left", "right", "right", "right", "right"]),
                  Spacer(1, 5 * mm)]
    return Section(furniture(words.form_no, data.title, data.council), story)


def build_budget_status(store: Store, request: ReportRequest) -> bytes:
    """``report budget-status``: the 予算執行状況表."""
    return build_one(budget_status_section, store, request)


REPORTS = [ReportKind("budget-status", N_("Budget status (予算執行状況表)"), build_budget_status,
                      order=50)]
