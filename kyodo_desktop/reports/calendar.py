"""行事予定表: ``kyodo-desktop report calendar --fiscal-year Y``: A4 landscape, the 年度 on two
pages (April–September, October–March), each month a box listing its days' 事業, meetings
(理事会 …) and 交付金 milestones, with the 通年 事業 below. Data:
:mod:`kyodo_desktop.services.meetings.calendar`.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_layout import escape, styles
from kyodo_desktop.reports.page import MARGIN, PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.tables import GRID_COMMANDS
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.meetings.calendar import CalendarEvent, by_month, year_events

_WEEKDAYS = "月火水木金土日"
_MARKS = {"grant": "◆", "meeting": "○", "project": "●"}
#: The least height of a row of three months: two rows fill the landscape page.
ROW_HEIGHT = 68 * mm


def _line(event: CalendarEvent) -> str:
    day = f"{event.day.day}({_WEEKDAYS[event.day.weekday()]})"
    if event.last is not None:
        day += f"〜{event.last.month}/{event.last.day}"
    return f"{day} {_MARKS[event.kind]}{event.text}"


def _month_cell(year: int, month: int, events: list[CalendarEvent], st) -> list:
    small = ParagraphStyle("calendar", parent=st.cell, fontSize=9, leading=11.5)
    era_year = wareki.format_wareki(date(year, month, 1), "era_year")
    head = Paragraph(escape(f"{month}月（{era_year}）"), st.cell_header)
    return [head] + [Paragraph(escape(_line(e)), small) for e in events]


def build_calendar(store: Store, request: ReportRequest) -> bytes:
    """``report calendar``: the 行事予定表 of the 年度."""
    year = request.fiscal_year
    events, whole_year = year_events(store, request.council_id, year)
    months = by_month(events, year)
    council = council_name(store, request.council_id)
    st = styles()
    title = f"{wareki.format_fiscal_year(year)}　行事予定表"
    frame = landscape(A4)[0] - 2 * MARGIN
    story: list = []
    for number, half in enumerate((months[:6], months[6:])):
        cells = [_month_cell(y, m, ev, st) for y, m, ev in half]
        rows = [cells[:3], cells[3:]]
        table = Table(rows, colWidths=[frame / 3] * 3, splitInRow=1,
                      minRowHeights=[ROW_HEIGHT, ROW_HEIGHT])
        table.setStyle(TableStyle([c for c in GRID_COMMANDS if c[0] != "BACKGROUND"]
                                  + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [Paragraph(escape(f"{title}　{council}"), st.heading), table]
        story += [Spacer(1, 2 * mm),
                  Paragraph(escape("凡例　◆交付金の手続　○会議　●事業"), st.small)]
        if number == 0:
            story.append(PageBreak())
    if whole_year:
        story.append(Paragraph(escape("通年の事業：" + "、".join(whole_year)), st.body))
    return build_pdf(story, PageFurniture(title=title, footer_left=council),
                     pagesize=landscape(A4))


REPORTS = [ReportKind("calendar", N_("Calendar of the year (行事予定表)"), build_calendar,
                      order=66)]
