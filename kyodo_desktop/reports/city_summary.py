"""市の一覧 (city summary): every council's 年度 on A4 landscape — 交付決定額, 対象経費, 返還額,
執行率, 世帯数 / 加入世帯数 / 加入率, 事業数, 数値目標 達成, 点検 — with the city total, then the
提出前の点検 findings the returns carry. ``kyodo-desktop report city-summary --db city.sqlite3
--fiscal-year Y``. Data: :func:`kyodo_desktop.services.city.summary.city_summary`.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import MISSING, format_number, format_percent
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.styles import make_styles
from kyodo_desktop.reports.tables import ruled_table
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.city.summary import CityRow, CitySummary, city_summary

#: Column headings (English msgids) and widths (mm) of the table.
COLUMNS = (
    (N_("District"), 24), (N_("Decided grant"), 27), (N_("Eligible expenses"), 27),
    (N_("Refund"), 22), (N_("Execution rate"), 17), (N_("Households"), 20),
    (N_("Member households"), 22), (N_("Membership rate"), 17), (N_("Number of projects"), 15),
    (N_("Numeric targets achieved"), 22), (N_("Achievement rate"), 17),
    (N_("Review (errors / notes)"), 24))
_ALIGNS = ["left"] + ["right"] * 11


def _count(value: int | None) -> str:
    return MISSING if value is None else format_number(value)


def table_cells(row: CityRow) -> list:
    """The printed cells of a row (yen as ints, the rest as text)."""
    return [row.district or _("Total"), row.decided_amount, row.eligible, row.refund_amount,
            format_percent(row.execution_rate), _count(row.households),
            _count(row.member_households), format_percent(row.membership_rate),
            format_number(row.projects),
            f"{row.indicators_achieved} / {row.indicators_judged}",
            format_percent(row.achievement_rate),
            f"{row.findings_errors} / {row.findings_notes}"]


#: The findings table: headings (English msgids) and widths (mm).
FINDING_COLUMNS = ((N_("District"), 24), (N_("Kind"), 16), (N_("Rule"), 45), (N_("Finding"), 166))


def _findings(summary: CitySummary, styles) -> list:
    story: list = [Paragraph(_("Findings of the review before submission"), styles.heading)]
    rows = [[stored.district, _("Error") if f["severity"] == "error" else _("Note"),
             f["rule_name"], f["message"]]
            for stored in summary.returns for f in stored.document["content"]["review"]]
    if not rows:
        return story + [Paragraph(_("No council's return has review findings."), styles.body)]
    return story + [ruled_table([_(h) for h, _w in FINDING_COLUMNS], rows, styles,
                                col_widths=[w * mm for _h, w in FINDING_COLUMNS])]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_city_summary(store: Store, request: ReportRequest) -> bytes:
    """``report city-summary``: the table of all councils' returns of the 年度 and the review
    findings. Raises UserError when the file is not a city file."""
    summary = city_summary(store, request.fiscal_year)
    styles = make_styles()
    year = wareki.format_fiscal_year(summary.fiscal_year)
    title = _("Annual returns of the councils, {fiscal_year}").format(fiscal_year=year)
    story = [Paragraph(_escape(title), styles.title),
             Paragraph(_("{count} returns. Figures as the councils reported them in their sealed "
                         "annual returns (yen). Execution rate = eligible expenses ÷ decided "
                         "grant.").format(count=len(summary.rows)), styles.small),
             Spacer(1, 3 * mm)]
    if summary.rows:
        story.append(ruled_table(
            [_(heading) for heading, _width in COLUMNS],
            [table_cells(r) for r in (*summary.rows, summary.total)], styles,
            col_widths=[width * mm for _heading, width in COLUMNS], total_rows=1,
            aligns=_ALIGNS))
    story += _findings(summary, styles)
    return build_pdf(story, PageFurniture(title=title, header_right=year),
                     pagesize=landscape(A4))


REPORTS = [ReportKind("city-summary", N_("Annual returns of all councils (city)"),
                      build_city_summary, order=900, scope="city")]
