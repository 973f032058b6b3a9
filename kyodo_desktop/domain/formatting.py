"""THE one formatting module: numbers, yen, percentages and dates as the app shows and prints them.

Numbers go through babel (locale ``ja_JP``) so grouping follows the locale data, as Fava does in
one place; whole numbers, which the first window shows, are grouped by Python's own ``{:,}``,
identical to babel's ja_JP pattern (tests/domain compare them), so start-up imports no babel. Negative amounts print as 「△1,234」, the
会計 convention of public forms; :func:`format_yen_signed` gives 「-1,234」 for spreadsheets.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import cache

from kyodo_desktop.domain.wareki import format_fiscal_year, format_wareki

LOCALE = "ja_JP"
#: Shown for a missing ratio (e.g. 執行率 of a line with no budget).
MISSING = "—"
_NEGATIVE_MARK = "△"


@cache
def _number_pattern(decimals: int):
    """babel's parsed pattern and locale for ``decimals`` fraction digits (parsed once)."""
    from babel import Locale
    from babel.numbers import parse_pattern

    zeros = "." + "0" * decimals if decimals > 0 else ""
    return parse_pattern(f"#,##0{zeros}"), Locale.parse(LOCALE)


def format_number(n: int | float, decimals: int = 0) -> str:
    """``n`` (int, float or Decimal) with thousands separators and exactly ``decimals`` fraction digits (rounded half
    to even, as babel does): 1234567 → 「1,234,567」, (87.45, 1) → 「87.4」.
    Raises ValueError for a negative ``decimals`` or a non-finite float.
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, not {decimals}")
    if type(n) is int and decimals == 0 and LOCALE == "ja_JP":
        return f"{n:,}"  # what babel gives for ja_JP (tests compare), without importing babel
    from decimal import Decimal, localcontext

    if isinstance(n, float):
        if not math.isfinite(n):
            raise ValueError(f"cannot format {n!r} as a number")
        n = Decimal(repr(n))
    with localcontext() as context:  # room for every digit: babel rounds in this context
        context.prec = max(context.prec, len(str(abs(int(n)))) + decimals + 2)
        if LOCALE == "ja_JP" and n == n:  # ja_JP: "," groups, "." decimals, as babel (tests)
            return f"{Decimal(n):,.{decimals}f}"
        pattern, locale = _number_pattern(decimals)
        return pattern.apply(n, locale)


def format_yen(amount: int, *, unit: bool = False) -> str:
    """An amount of 円: 「1,234」, with ``unit`` 「1,234円」; negative as 「△1,234」.

    Raises TypeError for anything but an int (money is int yen, never float).
    """
    _require_int(amount)
    text = format_number(abs(amount))
    if amount < 0:
        text = _NEGATIVE_MARK + text
    return text + "円" if unit else text


def format_yen_signed(amount: int, *, unit: bool = False) -> str:
    """Like :func:`format_yen` but negative with an ASCII minus: 「-1,234」 (CSV, Excel)."""
    _require_int(amount)
    text = ("-" if amount < 0 else "") + format_number(abs(amount))
    return text + "円" if unit else text


def format_percent(ratio: float | None, decimals: int = 1) -> str:
    """A ratio as a percentage: 0.874 → 「87.4%」, −1.27 → 「△127%」 (the △ of every negative
    figure on a form); ``None`` (or NaN) → 「—」."""
    if ratio is None or (isinstance(ratio, float) and not math.isfinite(ratio)):
        return MISSING
    from decimal import Decimal

    value = Decimal(repr(ratio)) if isinstance(ratio, float) else Decimal(ratio)
    text = format_number(abs(value) * 100, decimals) + "%"
    return _NEGATIVE_MARK + text if value < 0 and text.strip("0.%") else text


def format_date(d: date | None, style: str = "long") -> str:
    """A date for display: 和暦 by default (「令和8年4月1日」); ``None`` → ``""``.

    Styles: those of :func:`~kyodo_desktop.domain.wareki.format_wareki` (``"long"``,
    ``"short"`` 「R8.4.1」, ``"era_year"``, ``"weekday"`` 「令和8年4月1日（水）」), plus
    ``"western"`` 「2026年4月1日」 and ``"iso"`` 「2026-04-01」. Raises ValueError for another.
    """
    if d is None:
        return ""
    if style == "iso":
        return d.isoformat()
    if style == "western":
        return f"{d.year}年{d.month}月{d.day}日"
    return format_wareki(d, style)


def format_date_time(moment: datetime) -> str:
    """A moment for display: 「令和8年11月21日 05:30」 (和暦 date, 24-hour time)."""
    return f"{format_date(moment.date())} {moment:%H:%M}"


def format_iso(d: date | None) -> str:
    """ISO 8601 text 「2026-04-01」 (how dates are stored); ``None`` → ``""``."""
    return "" if d is None else d.isoformat()


def _require_int(amount: object) -> None:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"money must be int yen, not {type(amount).__name__}: {amount!r}")


__all__ = [
    "LOCALE", "MISSING", "format_date", "format_fiscal_year", "format_iso", "format_number",
    "format_percent", "format_yen", "format_yen_signed",
]
