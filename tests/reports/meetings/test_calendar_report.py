"""行事予定表: the 年度's 事業, meetings and 交付金 milestones on two landscape pages."""

from __future__ import annotations

from kyodo_desktop.reports.calendar import build_calendar
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.meetings import records
from kyodo_desktop.services.meetings.calendar import by_month, year_events


def test_the_calendar_merges_projects_meetings_and_grant_steps(demo_store, yuda):
    events, whole_year = year_events(demo_store, yuda, 2025)
    kinds = {e.kind for e in events}
    assert kinds == {"project", "meeting", "grant"}
    meetings = records.list_meetings(demo_store, yuda, 2025)
    assert sum(e.kind == "meeting" for e in events) == len(meetings)
    months = by_month(events, 2025)
    assert [m for _y, m, _e in months] == [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
    assert sum(len(e) for _y, _m, e in months) == len(events)
    pdf = build_calendar(demo_store, ReportRequest(yuda, 2025))
    pages = page_texts(pdf)
    assert len(pages) == 2 and all(fonts(pdf).values())
    text = "".join(pages).replace("\n", "")
    assert "4月" in pages[0] and "3月" in pages[1]
    assert all(n in text for n in whole_year)
    first_board = next(m for m in meetings if m["kind"] == "board")
    assert f"{first_board['held_on'].day}(" in pages[0] and "理事会" in pages[0]
