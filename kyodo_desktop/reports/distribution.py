"""配布部数表: ``kyodo-desktop report distribution --fiscal-year Y [--kind 全戸配布|回覧]
[--spares N]``: the table the office keeps (自治会, 会長, 加入世帯数, 部数, 受領印) with the
total, then a cover slip per 自治会 (name, 会長, copies, a line for what is enclosed), three to a
page. Data: :mod:`kyodo_desktop.services.meetings.distribution`.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_number
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.fonts import MINCHO
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.meetings.distribution import DistributionRow, distribution_rows


def _count(value: int | None) -> str:
    return "" if value is None else format_number(value)


def _slip(row: DistributionRow, kind: str, council: str) -> KeepTogether:
    st = styles()
    lines = [("自治会", row.organization), ("会長", f"{row.president}　様" if row.president else ""),
             ("部数", f"{format_number(row.copies)}部（{kind}）"), ("配布物", ""), ("備考", "")]
    table = Table([[Paragraph(escape(k), st.body), Paragraph(escape(v), st.body)]
                   for k, v in lines], colWidths=[25 * mm, 135 * mm],
                  rowHeights=[10 * mm] * len(lines))
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO),
                               ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                               ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return KeepTogether([Paragraph(escape(f"配布物送付票（{council}）"), st.subheading), table,
                         Spacer(1, 12 * mm)])


def build_distribution(store: Store, request: ReportRequest) -> bytes:
    """``report distribution``: the 配布部数表 and a slip per 自治会."""
    kind = request.options.get("kind") or "全戸配布"
    rows = distribution_rows(store, request.council_id, request.fiscal_year, kind,
                             request.options.get("spares") or 0)
    council = council_name(store, request.council_id)
    st = styles()
    title = f"{wareki.format_fiscal_year(request.fiscal_year)}　配布部数表（{kind}）"
    table_rows = [("line", (r.organization, r.president, _count(r.member_households),
                            _count(r.han), format_number(r.copies), "")) for r in rows]
    table_rows.append(("total", ("合計", "", _count(sum(r.member_households or 0 for r in rows)),
                                 _count(sum(r.han or 0 for r in rows) or None),
                                 format_number(sum(r.copies for r in rows)), "")))
    story = [Paragraph(escape(title), st.title), Paragraph(escape(council), st.body_right),
             form_table(["自治会", "会長", "加入世帯数", "班数", "部数", "受領印"], table_rows,
                        width(0.28, 0.22, 0.14, 0.1, 0.12, 0.14),
                        aligns=["left", "left", "right", "right", "right", "left"])]
    if kind == "回覧":
        story.append(Paragraph(escape("回覧の部数は班の数です（班数のない自治会は加入世帯10世帯に1部）。"),
                               st.small))
    if rows:
        story.append(PageBreak())
        story += [_slip(r, kind, council) for r in rows]
    return build_pdf(story, PageFurniture(title=title, footer_left=council))


REPORTS = [ReportKind("distribution", N_("Distribution sheet (配布部数表)"), build_distribution,
                      order=65)]
