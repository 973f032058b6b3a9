"""Days the city office is open: a form to the city (申請, 交付請求, 実績報告, 精算 …) is dated on
a day the office receives it. Closed: Saturdays, Sundays, the 年末年始 (December 29 to January 3)
and the national holidays (国民の祝日に関する法律: 祝日, 振替休日 and 国民の休日), taken from the
``holidays`` package (its table for Japan ships with it: no network is needed; it is updated with
the package when the law moves a holiday)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

WEEKEND = "weekend"
YEAR_END = "year_end"
HOLIDAY = "holiday"


@lru_cache(maxsize=1)
def _japan():
    """The national holidays of Japan with their Japanese names (祝日, 振替休日, 国民の休日);
    imported on first use so that nothing loads the table at start-up."""
    from holidays.countries.japan import Japan

    return Japan(language="ja")


def holiday_name(day: date) -> str | None:
    """The name of the national holiday on ``day`` (「春分の日」, 「振替休日」, 「国民の休日」 …) or
    None."""
    return _japan().get(day)


def closed_reason(day: date) -> str | None:
    """Why the office is closed on ``day``: :data:`YEAR_END` (12/29–1/3), :data:`WEEKEND`,
    :data:`HOLIDAY` (a national holiday on a weekday; :func:`holiday_name` names it), or None on an
    open day."""
    if (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3):
        return YEAR_END
    if day.weekday() >= 5:
        return WEEKEND
    if holiday_name(day) is not None:
        return HOLIDAY
    return None


def open_day_before(day: date) -> date:
    """``day`` or the last open day before it."""
    while closed_reason(day) is not None:
        day -= timedelta(days=1)
    return day
