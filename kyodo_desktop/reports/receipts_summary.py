"""領収書総括表: the receipts of the 交付金 spending, attached to the 実績報告書. Per 交付金 fund
a table of 領収書番号, 日付, 支払先, 摘要, 費目 and 金額 with its 合計 (= the fund's 支出 without
the 返還金). ``kyodo-desktop report receipts-summary``.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_application import build_one, furniture
from kyodo_desktop.reports.grant_layout import Section, escape, form_table, heading, styles, width
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import receipts_summary_data


def receipts_summary_section(store: Store, council_id: int, fiscal_year: int,
                             gate: fd.Gate) -> Section:
    """The 領収書総括表 pages."""
    data = receipts_summary_data(store, council_id, fiscal_year, gate)
    words = data.words
    st = styles()
    story = heading(data.title, fiscal_year=data.fiscal_year, council=data.council)
    columns = words.get("columns")
    marked = len(columns) > 6  # a preset with the 証拠 column marks the entries with evidence
    for fund_name, receipts in data.funds:
        rows = [("line", (r.voucher_no, wareki.format_wareki(r.entry_date, "short"), r.payee,
                          r.description, r.category, r.amount)
                 + ((words.get("evidence_mark") if r.has_evidence else "",) if marked else ()))
                for r in receipts]
        rows.append(("total", (words.get("total"), "", "", "", "",
                               sum(r.amount for r in receipts)) + (("",) if marked else ())))
        widths = (width(0.11, 0.1, 0.19, 0.31, 0.11, 0.13, 0.05) if marked
                  else width(0.11, 0.1, 0.2, 0.33, 0.12, 0.14))
        aligns = ["center", "left", "left", "left", "left", "right"] + (
            ["center"] if marked else [])
        story += [Paragraph(escape(fund_name + words.get("fund_suffix")), st.subheading),
                  form_table(columns, rows, widths, aligns=aligns), Spacer(1, 5 * mm)]
    if marked:
        story.append(Paragraph(escape(words.get("evidence_note")), st.small))
    return Section(furniture(words.form_no, data.title, data.council), story)


def build_receipts_summary(store: Store, request: ReportRequest) -> bytes:
    """``report receipts-summary``: the 領収書総括表."""
    return build_one(receipts_summary_section, store, request)


REPORTS = [ReportKind("receipts-summary", N_("Receipts summary (領収書総括表)"),
                      build_receipts_summary, order=24)]
