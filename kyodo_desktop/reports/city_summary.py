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
from kyodo_desktop.services.city.city_file import removed_returns, removed_status, shown_time
from kyodo_desktop.services.city.columns import CityColumn, city_columns, columns_for, pair_text
from kyodo_desktop.services.city.detail import printed_findings
from kyodo_desktop.services.city.summary import CityRow, CitySummary, city_summary

#: Printed width (mm) of each column of services/city/columns.py; the table of the chosen
#: columns is scaled to the page's width when the city's preset chooses more or fewer.
WIDTHS_MM = {"district": 24, "council": 40, "decided_amount": 27, "received": 27,
             "eligible": 27, "refund_amount": 22, "execution_rate": 17, "households": 20,
             "member_households": 22, "membership_rate": 17, "projects": 15, "indicators": 22,
             "achievement_rate": 17, "findings": 24}
#: The table's full width on A4 landscape (mm).
TABLE_WIDTH_MM = 257


def _count(value: int | None) -> str:
    return MISSING if value is None else format_number(value)


def cell(column: CityColumn, row: CityRow):
    """The printed cell of ``column`` for ``row``: 円 as ints (the table formats them), the
    rest as text; the total row's 地域 reads 合計."""
    value = column.value(row)
    if column.key == "district":
        return value or _("Total")
    if column.kind == "yen":
        return value
    if column.kind == "rate":
        return format_percent(value)
    if column.kind == "pair":
        return pair_text(value)
    if column.kind == "count":
        return _count(value)
    return value or ""


def table_cells(row: CityRow, columns: tuple[CityColumn, ...] | None = None) -> list:
    """The printed cells of a row for ``columns`` (default: the 山口市 preset's)."""
    return [cell(column, row) for column in columns or columns_for(None)]


def _widths(columns: tuple[CityColumn, ...]) -> list[float]:
    wanted = [WIDTHS_MM[column.key] for column in columns]
    scale = min(TABLE_WIDTH_MM / sum(wanted), 1.6)
    return [width * scale * mm for width in wanted]


#: The findings table: headings (English msgids) and widths (mm).
FINDING_COLUMNS = ((N_("District"), 24), (N_("Kind"), 16), (N_("Rule"), 45), (N_("Finding"), 166))


#: The most findings of one return printed (a crafted return with thousands made the PDF
#: hundreds of pages long).
MAX_FINDINGS_SHOWN = 30


def _findings(store: Store, summary: CitySummary, styles) -> list:
    story: list = [Paragraph(_("Findings of the review before submission"), styles.heading)]
    rows = [row for stored in summary.returns for row in _return_findings(store, stored)]
    if not rows:
        return story + [Paragraph(_("No council's return has review findings."), styles.body)]
    return story + [ruled_table([_(h) for h, _w in FINDING_COLUMNS], rows, styles,
                                col_widths=[w * mm for _h, w in FINDING_COLUMNS])]


def _return_findings(store: Store, stored) -> list[list[str]]:
    """The rows of one return's findings (:func:`~kyodo_desktop.services.city.detail.
    printed_findings`: only those printed are read), then a row saying how many more the return
    holds."""
    findings, more = printed_findings(store, stored.id, MAX_FINDINGS_SHOWN)
    rows = [[stored.district, _("Error") if f["severity"] == "error" else _("Note"),
             f["rule_name"], f["message"]] for f in findings]
    if more:
        rows.append([stored.district, "", "", _more(more)])
    return rows


#: The table of returns no longer in force: headings (English msgids) and widths (mm).
REMOVED_COLUMNS = ((N_("District"), 24), (N_("Council"), 60), (N_("Made"), 45),
                   (N_("Imported"), 45), (N_("Withdrawn or replaced"), 83))


def _removed(store: Store, fiscal_year: int, styles) -> list:
    """The 年度's returns withdrawn or replaced, with their times (nothing when there are none):
    the summary shows what left the table and when."""
    removed = removed_returns(store, fiscal_year)
    if not removed:
        return []
    return [Spacer(1, 4 * mm),
            Paragraph(_("Returns withdrawn or replaced"), styles.heading),
            ruled_table([_(h) for h, _w in REMOVED_COLUMNS],
                        [[r.district, r.council, shown_time(r.created_at),
                          shown_time(r.imported_at), removed_status(r)] for r in removed],
                        styles, col_widths=[w * mm for _h, w in REMOVED_COLUMNS])]


def _more(count: int) -> str:
    return _("… and {count} more findings in this return (see the return on the city "
             "page).").format(count=format_number(count))


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
        columns = city_columns(store)
        story.append(ruled_table(
            [_(column.title) for column in columns],
            [table_cells(r, columns) for r in (*summary.rows, summary.total)], styles,
            col_widths=_widths(columns), total_rows=1,
            aligns=["left" if column.kind == "text" else "right" for column in columns]))
    story += _findings(store, summary, styles)
    story += _removed(store, summary.fiscal_year, styles)
    return build_pdf(story, PageFurniture(title=title, header_right=year),
                     pagesize=landscape(A4))


REPORTS = [ReportKind("city-summary", N_("Annual returns of all councils (city)"),
                      build_city_summary, order=900, scope="city")]
