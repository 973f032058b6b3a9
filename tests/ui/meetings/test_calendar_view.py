"""The 行事予定 month view of the 会議・総会 page: the same events as ``report calendar``
(services/meetings/calendar.py) in a Sunday-first grid of the month, the month's full list
below, moving month by month within the 年度 only, and the year printed to a PDF; it fits the
1366×768 screen at every text size."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.services.meetings.calendar import CalendarEvent, year_events
from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.areas import area_row
from kyodo_desktop.ui.meetings.calendar_dialog import month_grid


@pytest.fixture
def dialog(open_window, demo_path):
    from kyodo_desktop.ui.meetings.page import MeetingsPage

    window = open_window(demo_path)
    window.context.set_fiscal_year(2026)
    window.sidebar.setCurrentRow(area_row("meetings"))
    shown = window.findChildren(MeetingsPage)[0].show_calendar()
    yield window, shown
    shown.close()


def test_the_grid_puts_each_event_on_its_days():
    events = [CalendarEvent(date(2026, 11, 7), "湯田地域文化祭", "project", date(2026, 11, 8)),
              *(CalendarEvent(date(2026, 11, 12), f"会議{n}", "meeting") for n in range(4))]
    grid = month_grid(2026, 11, events)
    assert grid[0][0] == "1"  # 1 November 2026 is a Sunday
    cells = [cell for week in grid for cell in week]
    assert sum("湯田地域文化祭" in c for c in cells) == 2
    twelfth = next(c for c in cells if c.startswith("12\n"))
    assert twelfth.count("●") == 2 and "2" in twelfth.splitlines()[-1]


def test_the_month_view_shows_the_calendar_source_month_by_month(dialog, tmp_path):
    window, shown = dialog
    events, _whole = year_events(window.context.store, window.context.council_id, 2026)
    shown.show_month(0)
    assert shown.month == (2026, 4) and not shown.previous.isEnabled()
    april = [e for e in events if e.day.month == 4 and e.day.year == 2026]
    assert shown.list.count() == len(april) > 0
    assert any("通常総会" in shown.list.item(i).text() for i in range(shown.list.count()))
    shown.show_month(99)
    assert shown.month == (2027, 3) and not shown.next.isEnabled()
    path = shown.print_year(tmp_path / "calendar.pdf")
    assert path is not None and "行事予定" in "".join(page_texts(path.read_bytes()))


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_month_view_fits_the_screen(dialog, qtbot, screenshot_dir, size):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    _window, shown = dialog
    app = QApplication.instance()
    try:
        apply_text_scale(app, TEXT_SIZES[size][1])
        shown.show_month(7)
        qtbot.wait(20)
        assert shown.minimumSizeHint().width() <= 1366
        assert shown.minimumSizeHint().height() <= 768
        assert shown.width() <= 1366 and shown.height() <= 768
        shown.grab().save(str(screenshot_dir / f"calendar-{size}.png"))
    finally:
        apply_text_scale(app, 1.0)
