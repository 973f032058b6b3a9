"""The list of meetings shows every meeting's date and body whole at every text size: a long
name wraps onto a second line instead of being cut behind a horizontal scroll bar."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.settings import TEXT_SIZES


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_meeting_names_are_never_cut(area_at_size, size):
    with area_at_size("meetings", size) as page:
        meetings = page.list
        room = meetings.viewport().width()
        wider = [meetings.item(row).text() for row in range(meetings.count())
                 if meetings.visualItemRect(meetings.item(row)).width() > room
                 or meetings.fontMetrics().boundingRect(
                     0, 0, room, 1 << 16, 0x1000, meetings.item(row).text()).width() > room]
        scrolls = meetings.horizontalScrollBar().maximum() > 0
    assert meetings.count() > 0
    assert (wider, scrolls) == ([], False), size
