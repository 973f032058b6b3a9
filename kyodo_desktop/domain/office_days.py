"""Days the city office is open: a form to the city (申請, 交付請求, 実績報告, 精算 …) is dated on
a day the office receives it. Closed: Saturdays, Sundays and the 年末年始 (December 29 to
January 3). National holidays are not listed here (they move; the review only warns)."""

from __future__ import annotations

from datetime import date, timedelta

WEEKEND = "weekend"
YEAR_END = "year_end"


def closed_reason(day: date) -> str | None:
    """Why the office is closed on ``day``: :data:`YEAR_END` (12/29–1/3), :data:`WEEKEND`, or
    None on an open day."""
    if (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3):
        return YEAR_END
    if day.weekday() >= 5:
        return WEEKEND
    return None


def open_day_before(day: date) -> date:
    """``day`` or the last open day before it."""
    while closed_reason(day) is not None:
        day -= timedelta(days=1)
    return day
