"""The city office's closed days: weekends, national holidays and the 年末年始 (12/29–1/3)."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.office_days import (
    HOLIDAY,
    WEEKEND,
    YEAR_END,
    closed_reason,
    holiday_name,
    open_day_before,
)


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


def test_national_holidays_are_closed():
    assert closed_reason(date(2026, 3, 20)) == HOLIDAY  # 春分の日, a Friday
    assert holiday_name(date(2026, 3, 20)) == "春分の日"
    assert closed_reason(date(2026, 5, 6)) == HOLIDAY  # 振替休日 for 5/3, a Sunday
    assert holiday_name(date(2026, 5, 6)) == "振替休日"
    assert closed_reason(date(2026, 9, 22)) == HOLIDAY  # 国民の休日 between two holidays
    assert holiday_name(date(2026, 9, 22)) == "国民の休日"
    assert closed_reason(date(2027, 3, 22)) == HOLIDAY  # 振替休日 for 春分の日 on a Sunday
    assert closed_reason(date(2026, 5, 3)) == WEEKEND  # 憲法記念日 on a Sunday: the weekend
    assert closed_reason(date(2026, 5, 7)) is None
    assert holiday_name(date(2026, 5, 7)) is None


def test_the_open_day_before_skips_holidays():
    assert open_day_before(date(2026, 5, 6)) == date(2026, 5, 1)  # Golden Week
    assert open_day_before(date(2026, 9, 23)) == date(2026, 9, 18)  # シルバーウィーク
    assert open_day_before(date(2027, 1, 11)) == date(2027, 1, 8)  # 成人の日
