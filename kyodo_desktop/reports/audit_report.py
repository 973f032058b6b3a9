"""会計監査報告書: addressed to the council's 会長, the audited period, the statement and opinion,
the 決算の状況 per fund (the same figures as the 収支決算書), the 預金・現金の照合 of the 年度 per
口座 (:func:`kyodo_desktop.services.accounting.reconcile.year_summary`: how many 照合, the last
one's 帳簿残高, 通帳残高 or 現金有高 and 差額, and every difference with its reason) and a
signature line for each 監事.
``kyodo-desktop report audit-report``. Needs the 年度締め and a 監事 on record (or ``--draft``).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.fonts import MINCHO
from kyodo_desktop.reports.grant_application import build_one, furniture
from kyodo_desktop.reports.grant_layout import Section, escape, form_table, styles, width
from kyodo_desktop.reports.grant_letter import FULL_SPACE, numbered
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.accounting import reconcile
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import AuditData, audit_data


def _figures(data: AuditData):
    words = data.words
    rows = [("line", (f.fund_name, f.carried_in, f.income_of_year, f.expense_total.actual,
                      f.carried_out)) for f in data.funds]
    sums = [sum(r[1][i] for r in rows) for i in range(1, 5)]
    rows.append(("total", (words.get("all_funds"), *sums)))
    return form_table(words.get("columns"), rows, width(0.24, 0.19, 0.19, 0.19, 0.19),
                      aligns=["left", "right", "right", "right", "right"])


def _reconciliations(store: Store, council_id: int, fiscal_year: int) -> list:
    """The 照合 per 口座 as a table, the differences and their reasons as notes below it."""
    st = styles()
    checked = [a for a in reconcile.year_summary(store, council_id, fiscal_year) if a.records]
    if not checked:
        return [Paragraph(escape(_("No reconciliation of the passbooks or the cash was "
                                   "recorded in this fiscal year.")), st.body)]
    rows = [("line", (a.name, _("{count} times").format(count=len(a.records)),
                      format_date(a.last.day), a.last.book_balance, a.last.bank_balance,
                      a.last.difference)) for a in checked]
    header = [_("Account"), _("Reconciled"), _("Last reconciliation"), _("Book balance"),
              _("Passbook or cash"), _("Difference (bank − book)")]
    story = [form_table(header, rows, width(0.16, 0.12, 0.2, 0.18, 0.18, 0.16),
                        aligns=["left", "right", "left", "right", "right", "right"])]
    story += [Paragraph(escape(_("※ {date} {account}: difference {amount} yen — {reason}").format(
        date=format_date(found.day), account=a.name, amount=f"{found.difference:,}",
        reason=found.reason)), st.body) for a in checked for found in a.differences]
    return story


def _signatures(data: AuditData) -> Table:
    """One signature line per 監事; the 印 box only when the preset asks for seals."""
    st = styles()
    words = data.words
    seal = words.get("seal_mark") if words.get("seal") else ""
    rows = [[Paragraph(escape(words.get("auditor_role")), st.body),
             Paragraph(escape(name), st.body), "",
             Paragraph(escape(seal), st.body_center)] for name in data.auditors]
    if not rows:  # a draft without 監事: two lines to sign by hand
        rows = [[Paragraph(escape(words.get("auditor_role")), st.body), "", "",
                 Paragraph(escape(seal), st.body_center)] for _ in range(2)]
    table = Table(rows, colWidths=[16 * mm, 40 * mm, 30 * mm, 10 * mm],
                  rowHeights=[14 * mm] * len(rows), hAlign="RIGHT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("LINEBELOW", (1, 0), (2, -1), 0.6, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def audit_section(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate) -> Section:
    """The 会計監査報告書 page."""
    data = audit_data(store, council_id, fiscal_year, gate)
    st = styles()
    words = data.words
    council = data.addressee.splitlines()[0] if data.addressee else ""
    story = [
        Paragraph(escape(data.date_text), st.body_right),
        Spacer(1, 4 * mm),
        Paragraph(escape(data.addressee), st.body),
        Spacer(1, 10 * mm),
        Paragraph(escape(f"{fd.fiscal_year_text(fiscal_year)}{FULL_SPACE}{data.title}"), st.title),
        Spacer(1, 6 * mm),
        Paragraph(escape(data.statement), st.body),
        Spacer(1, 3 * mm),
        Paragraph(escape(data.opinion), st.body),
        Spacer(1, 6 * mm),
        Paragraph(escape(words.get("record")), st.body_center),
        Spacer(1, 4 * mm),
        numbered(1, words.get("period_label"), escape(data.period)),
        Spacer(1, 3 * mm),
        numbered(2, words.get("figures_label")),
        _figures(data),
        Spacer(1, 3 * mm),
        numbered(3, _("Reconciliation of the passbooks and the cash")),
        *_reconciliations(store, council_id, fiscal_year),
        Spacer(1, 10 * mm),
        _signatures(data),
    ]
    return Section(furniture(words.form_no, data.title, council), story)


def build_audit_report(store: Store, request: ReportRequest) -> bytes:
    """``report audit-report``: the 会計監査報告書."""
    return build_one(audit_section, store, request)


REPORTS = [ReportKind("audit-report", N_("Audit report (会計監査報告書)"), build_audit_report,
                      order=40)]
