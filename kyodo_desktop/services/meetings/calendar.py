"""行事予定: one calendar per 年度 merging the 事業 (their dates; a 事業 running the whole 年度 is
listed once as 通年), the meetings, and the council-year's 交付金 milestones as recorded (申請,
交付決定, 実績報告, 精算). Printed by ``report calendar --fiscal-year`` (A4 landscape, six months
a page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.services.forms.grants import grant_figures
from kyodo_desktop.services.meetings import records
from kyodo_desktop.services.plan.projects import list_projects
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class CalendarEvent:
    """One line of the calendar: ``day`` (the first day), ``last`` (None for one day),
    ``text`` and ``kind`` ('project', 'meeting', 'grant')."""

    day: date
    text: str
    kind: str
    last: date | None = None


def _grant_events(store: Store, council_id: int, fiscal_year: int) -> list[CalendarEvent]:
    found = []
    for g in grant_figures(store, council_id, fiscal_year):
        for day, step in ((g.applied_on, "交付申請"), (g.decided_on, "交付決定"),
                          (g.reported_on, "実績報告"), (g.settled_on, "精算")):
            if day is not None and wareki.fiscal_year_contains(fiscal_year, day):
                found.append(CalendarEvent(day, f"{g.program_name} {step}", "grant"))
    return found


def year_events(store: Store, council_id: int, fiscal_year: int) -> tuple[list[CalendarEvent],
                                                                         list[str]]:
    """``(dated events in date order, 通年 事業 names)`` of the 年度."""
    start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
    events, whole_year = [], []
    for p in list_projects(store, council_id, fiscal_year):
        if p["starts_on"] is None:
            continue
        if (p["starts_on"], p["ends_on"]) == (start, end):
            whole_year.append(p["name"])
            continue
        last = p["ends_on"] if p["ends_on"] and p["ends_on"] != p["starts_on"] else None
        events.append(CalendarEvent(p["starts_on"], p["name"], "project", last))
    for m in records.list_meetings(store, council_id, fiscal_year):
        time = f" {m['start_time']}" if m["start_time"] else ""
        events.append(CalendarEvent(m["held_on"], f"{m['body']}{time}", "meeting"))
    events += _grant_events(store, council_id, fiscal_year)
    order = {"grant": 0, "meeting": 1, "project": 2}
    return sorted(events, key=lambda e: (e.day, order[e.kind], e.text)), whole_year


def by_month(events: list[CalendarEvent], fiscal_year: int) -> list[tuple[int, int,
                                                                         list[CalendarEvent]]]:
    """``(year, month, events)`` for the 12 months of the 年度 (April first)."""
    months = [(fiscal_year + (m < 4), m) for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]
    return [(y, m, [e for e in events if (e.day.year, e.day.month) == (y, m)])
            for y, m in months]
