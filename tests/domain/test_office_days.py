"""The city office's closed days: weekends and the 年末年始 (12/29–1/3)."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.office_days import WEEKEND, YEAR_END, closed_reason, open_day_before


def test_weekends_and_the_year_end_are_closed():
    assert closed_reason(date(2025, 12, 30)) == YEAR_END  # a Tuesday
    assert closed_reason(date(2026, 1, 3)) == YEAR_END
    assert closed_reason(date(2025, 12, 28)) == WEEKEND  # a Sunday
    assert closed_reason(date(2026, 1, 5)) is None  # Monday: open again
    assert closed_reason(date(2025, 12, 26)) is None


def test_the_open_day_before():
    assert open_day_before(date(2025, 12, 30)) == date(2025, 12, 26)
    assert open_day_before(date(2026, 4, 4)) == date(2026, 4, 3)
    assert open_day_before(date(2026, 4, 1)) == date(2026, 4, 1)
