"""実績報告書 (様式第4号) with 事業実績書 and 収支決算書, and the 精算書 (様式第5号).
``kyodo-desktop report performance-report|settlement``.

Final figures: both need the 年度締め (the 精算書 also the recorded 精算) unless printed as a
draft. The 収支決算書's 決算額 are the 出納簿's sums; the 精算書's 交付済額 equals the 交付金
決算額 of the 収支決算書 (checked in :mod:`kyodo_desktop.services.forms.results`).
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from kyodo_desktop.i18n import N_
from kyodo_desktop.reports import grant_letter as gl
from kyodo_desktop.reports.grant_application import build_one, furniture
from kyodo_desktop.reports.grant_layout import Section, build_sections, escape, styles
from kyodo_desktop.reports.grant_projects import results_story
from kyodo_desktop.reports.grant_statements import statement_story
from kyodo_desktop.reports.receipts_summary import receipts_summary_section
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms import results as fr


def performance_report_section(store: Store, council_id: int, fiscal_year: int,
                               gate: fd.Gate) -> Section:
    """The 実績報告書 page (the letter)."""
    data = fr.performance_report_data(store, council_id, fiscal_year, gate)
    words = data.words
    story = gl.letter_head(data, fd.fiscal_year_text(fiscal_year))
    story += [gl.numbered(1, words.get("table_label")),
              gl.indented(gl.amount_table(words.get("columns"), data.rows, words)), gl.gap()]
    story += gl.attachments(2, data)
    return Section(furniture(data.letterhead.form_no, data.title,
                             data.letterhead.applicant.name), story)


def business_results_section(store: Store, council_id: int, fiscal_year: int,
                             _gate: fd.Gate) -> Section:
    """The 事業実績書 pages (A4 landscape)."""
    data = fr.business_results_data(store, council_id, fiscal_year)
    return Section(furniture(data.words.form_no, data.title, data.council), results_story(data),
                   landscape=True)


def settlement_statement_section(store: Store, council_id: int, fiscal_year: int,
                                 _gate: fd.Gate) -> Section:
    """The 収支決算書 pages."""
    data = fa.statement_data(store, council_id, fiscal_year, "settlement_statement")
    return Section(furniture(data.words.form_no, data.title, data.council),
                   statement_story(data, settlement=True))


def settlement_section(store: Store, council_id: int, fiscal_year: int,
                       gate: fd.Gate) -> Section:
    """The 精算書 page: 返還額 in figures and the table per programme with its total."""
    data = fr.settlement_data(store, council_id, fiscal_year, gate)
    words = data.words
    story = gl.letter_head(data, fd.fiscal_year_text(fiscal_year))
    story += [gl.numbered(1, words.get("amount_label"), gl.amount_text(data.amount, words)),
              gl.gap(), gl.numbered(2, words.get("table_label")),
              gl.indented(gl.amount_table(words.get("columns"), data.rows, words,
                                          last_is_total=True)),
              gl.gap(2),
              gl.indented(Paragraph(escape(words.get("refund_note")), styles().small))]
    return Section(furniture(data.letterhead.form_no, data.title,
                             data.letterhead.applicant.name), story)


def build_performance_report(store: Store, request: ReportRequest) -> bytes:
    """``report performance-report``: 実績報告書, 事業実績書, 収支決算書 and 領収書総括表."""
    gate = fd.Gate(draft=request.draft)
    args = (store, request.council_id, request.fiscal_year, gate)
    sections = [performance_report_section(*args), business_results_section(*args),
                settlement_statement_section(*args), receipts_summary_section(*args)]
    return build_sections(sections, title=sections[0].furniture.title, draft=request.draft)


def build_settlement(store: Store, request: ReportRequest) -> bytes:
    """``report settlement``: the 精算書."""
    return build_one(settlement_section, store, request)


REPORTS = [
    ReportKind("performance-report", N_("Performance report (実績報告書)"),
               build_performance_report, order=20),
    ReportKind("settlement", N_("Settlement (精算書)"), build_settlement, order=22),
]
