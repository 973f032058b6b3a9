"""The report to another funder: per programme the council defined, its chosen layout — the
収支決算書 of its fund, or the 実績報告書 / 精算書 letter (addressed to the 交付元) followed by that
収支決算書. ``kyodo-desktop report funder-report [--program NAME]`` (all programmes by default).

The layouts are the city's forms (:mod:`kyodo_desktop.reports.grant_results`,
:mod:`kyodo_desktop.reports.grant_statements`) with the programme's own title and figures; the
city's forms never include these programmes or funds.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from kyodo_desktop.i18n import N_
from kyodo_desktop.reports import grant_letter as gl
from kyodo_desktop.reports.grant_application import furniture
from kyodo_desktop.reports.grant_layout import Section, build_sections, escape, styles
from kyodo_desktop.reports.grant_statements import statement_story
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.application import LetterData
from kyodo_desktop.services.forms.funder import FunderReport, funder_reports


def _letter_section(data: LetterData, fiscal_year: int, settlement: bool) -> Section:
    words = data.words
    story = gl.letter_head(data, fd.fiscal_year_text(fiscal_year))
    if settlement:
        story += [gl.numbered(1, words.get("amount_label"), gl.amount_text(data.amount, words)),
                  gl.gap(), gl.numbered(2, words.get("table_label")),
                  gl.indented(gl.amount_table(words.get("columns"), data.rows, words,
                                              total=False)),
                  gl.gap(2), gl.indented(Paragraph(escape(words.get("refund_note")),
                                                   styles().small))]
    else:
        story += [gl.numbered(1, words.get("table_label")),
                  gl.indented(gl.amount_table(words.get("columns"), data.rows, words,
                                              total=False)),
                  gl.gap()]
        story += gl.attachments(2, data)
    return Section(furniture("", data.title, data.letterhead.applicant.name), story)


def report_sections(report: FunderReport, fiscal_year: int) -> list[Section]:
    """The pages of one programme's report in its layout."""
    sections = []
    if report.letter is not None:
        settlement = report.program.values.report_layout == "settlement"
        sections.append(_letter_section(report.letter, fiscal_year, settlement))
    data = report.statement
    sections.append(Section(furniture("", data.title, data.council),
                            statement_story(data, settlement=True)))
    return sections


def build_funder_report(store: Store, request: ReportRequest) -> bytes:
    """``report funder-report``: the reports of the council's programmes of other funders."""
    gate = fd.Gate(draft=request.draft)
    reports = funder_reports(store, request.council_id, request.fiscal_year, gate,
                             request.options.get("program"))
    sections = [s for r in reports for s in report_sections(r, request.fiscal_year)]
    return build_sections(sections, title=sections[0].furniture.title, draft=request.draft)


REPORTS = [ReportKind("funder-report", N_("Reports to other funders (助成金の報告書)"),
                      build_funder_report, order=23)]
