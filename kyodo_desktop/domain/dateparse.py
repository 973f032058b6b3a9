"""Reading dates and 年度 the way people type them: 西暦, 和暦, full-width, 元年 …

Used through :func:`kyodo_desktop.domain.wareki.parse_date` and
:func:`kyodo_desktop.domain.wareki.parse_fiscal_year`. Every rejection is a
:class:`~kyodo_desktop.errors.ValidationError` whose Japanese message names the problem (an
impossible day, a 平成 date after 平成 ended …) and, where it can, suggests the date meant.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from kyodo_desktop.domain.text import foreign_digits
from kyodo_desktop.domain.wareki import (
    CURRENT_ERA,
    ERA_BY_LETTER,
    ERA_BY_NAME,
    MAX_DATE,
    MAX_FISCAL_YEAR,
    MIN_DATE,
    MIN_FISCAL_YEAR,
    Era,
    format_wareki,
)
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

#: An era as written: its name, its first kanji alone (令8.4.1, 平31.4.30, as forms abbreviate
#: it) or its letter.
_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR])"
_Y_SEP = r"(?:[./-]|年)"
_M_SEP = r"(?:[./-]|月)"
_MD = rf"(?P<month>\d{{1,2}}){_M_SEP}(?P<day>\d{{1,2}})日?"
_ERA_DATE = re.compile(rf"{_ERA}(?P<year>元|\d{{1,3}}){_Y_SEP}{_MD}")
_WESTERN_DATE = re.compile(rf"(?P<year>\d{{4}}){_Y_SEP}{_MD}")
_COMPACT_DATE = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_REIWA_DATE = re.compile(rf"(?P<year>\d{{1,2}}){_Y_SEP}{_MD}")
_MONTH_DAY = re.compile(_MD)
_MIDNIGHT = re.compile(r"[T ]0{1,2}:00(?::00(?:\.0+)?)?\Z")

_ERA_FY = re.compile(rf"{_ERA}(?P<year>元|\d{{1,3}})(?:年度?)?")
_WESTERN_FY = re.compile(r"(?P<year>\d{4})(?:年度?)?")
_REIWA_FY = re.compile(r"(?P<year>元|\d{1,2})年度")


def parse_date(text: str, *, fiscal_year: int | None = None) -> date:
    """Read a date and return it as :class:`datetime.date`.

    Accepts 2026-04-01, 2026/4/1, 2026.4.1, 20260401, 2026年4月1日, R8.4.1, R8/4/1, R8-4-1,
    r8.4.1, 令和8年4月1日, 令和元年5月1日, H31.4.30, 令8.4.1 (the era's first kanji), full-width forms (Ｒ８．４．１), a
    three-part number with a 1–2 digit first part as a 令和 year (8/4/1 = 令和8年4月1日), and,
    only when ``fiscal_year`` is given, 「4/1」「4月1日」: April – December fall in that 年度's
    first calendar year, January – March in the next.

    Raises ValidationError (``field="date"``) for empty input, digits other than 0-9 / ０-９
    (「٠٥」, 「R⁸」), unreadable text, a missing year,
    an impossible month or day, a date outside an era (H31.5.1: 平成 ended 2019-04-30) or
    outside 1868-01-01 … 2200-12-31.
    """
    raw = "" if text is None else str(text)
    if digits := foreign_digits(raw):
        raise _date_error(_digits_message(raw, digits), raw)
    cleaned = _clean(_MIDNIGHT.sub("", raw.strip()))
    if not cleaned:
        raise _date_error(_("Enter a date."), raw)
    if match := _ERA_DATE.fullmatch(cleaned):
        return _era_date(_era(match["era"]), match, raw)
    for pattern in (_WESTERN_DATE, _COMPACT_DATE):
        if match := pattern.fullmatch(cleaned):
            return _build(int(match["year"]), match, raw)
    if match := _REIWA_DATE.fullmatch(cleaned):
        return _era_date(CURRENT_ERA, match, raw)
    if match := _MONTH_DAY.fullmatch(cleaned):
        if fiscal_year is None:
            raise _date_error(_("Enter the year as well, for example R8.4.1 or 2026/4/1: "
                                "{text}").format(text=raw.strip()), raw)
        year = fiscal_year if int(match["month"]) >= 4 else fiscal_year + 1
        return _build(year, match, raw)
    raise _date_error(_("{text} cannot be read as a date. Enter it like 2026/4/1, R8.4.1 or "
                        "令和8年4月1日.").format(text=raw.strip()), raw)


def parse_fiscal_year(text: str | int) -> int:
    """Read a 年度 and return it as the int of its first calendar year (令和8年度 → 2026).

    Accepts 2026, "2026", "２０２６", "2026年度", "R8", "r8", "令和8", "令和8年度",
    "令和元年度", "H30", "平成31年度" (= 2019) and "8年度" (令和). Accepts 1989 … 2200.
    Raises ValidationError (``field="fiscal_year"``) otherwise.
    """
    if isinstance(text, bool):
        raise _fy_garbage(str(text))
    if isinstance(text, int):
        return _fy_in_range(text, str(text))
    raw = "" if text is None else str(text)
    if digits := foreign_digits(raw):
        raise _fy_error(_digits_message(raw, digits), raw)
    cleaned = _clean(raw)
    if not cleaned:
        raise _fy_error(_("Enter a fiscal year."), raw)
    if match := _WESTERN_FY.fullmatch(cleaned):
        return _fy_in_range(int(match["year"]), raw)
    era_match = _ERA_FY.fullmatch(cleaned)
    match = era_match or _REIWA_FY.fullmatch(cleaned)
    if not match:
        raise _fy_garbage(raw)
    era = CURRENT_ERA
    if era_match:
        era = _era(match["era"])
    era_year = 1 if match["year"] == "元" else int(match["year"])
    if era_year < 1:
        raise _fy_error(_("Era years start at 1 (元年): {text}").format(text=raw.strip()), raw)
    if era.end is not None and era_year > era.year_of(era.end):
        raise _fy_error(
            _("{era} ended in {era}{last}年 ({year}), so there is no fiscal year {text}.")
            .format(era=era.name, last=era.year_of(era.end), year=era.end.year,
                    text=raw.strip()), raw)
    return _fy_in_range(era.calendar_year(era_year), raw)


def _digits_message(raw: str, digits: str) -> str:
    """Digits other than 0-9 / ０-９ (「٠٥」, 「R⁸」): NFKC and \\d would read them silently."""
    return _("{text} holds characters that look like digits ({digits}). Write the number with "
             "the digits 0-9.").format(text=raw.strip(), digits=digits)


def _era(written: str) -> Era:
    """The era of 「令和」, 「令」 or 「R」."""
    return (ERA_BY_NAME.get(written) or ERA_BY_LETTER.get(written)
            or next(era for era in ERA_BY_NAME.values() if era.name[0] == written))


def _clean(text: str) -> str:
    """NFKC (full-width → ASCII), no whitespace at all, upper case (r8 → R8)."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def _era_date(era: Era, match: re.Match, raw: str) -> date:
    era_year = 1 if match["year"] == "元" else int(match["year"])
    if era_year < 1:
        raise _date_error(_("Era years start at 1 (元年): {text}").format(text=raw.strip()), raw)
    d = _build(era.calendar_year(era_year), match, raw)
    if era.end is not None and d > era.end:
        raise _date_error(
            _("{era} ended on {end}, so there is no date {text}. Did you mean {suggestion}?")
            .format(era=era.name, end=format_wareki(era.end), text=raw.strip(),
                    suggestion=format_wareki(d)), raw)
    if d < era.start:
        raise _date_error(
            _("{era} began on {start}, so there is no date {text}. Did you mean {suggestion}?")
            .format(era=era.name, start=format_wareki(era.start), text=raw.strip(),
                    suggestion=format_wareki(d)), raw)
    return d


def _build(year: int, match: re.Match, raw: str) -> date:
    """The date of ``year`` and the match's month and day, each checked with its own message."""
    month, day = int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        raise _date_error(_("There is no month {month} ({text}). Enter a month from 1 to 12.")
                          .format(month=month, text=raw.strip()), raw)
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise _out_of_range(raw)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise _date_error(_("There is no such date: {text}. Month {month} has {last} days.")
                          .format(text=raw.strip(), month=month, last=last), raw)
    d = date(year, month, day)
    if not MIN_DATE <= d <= MAX_DATE:
        raise _out_of_range(raw)
    return d


def _out_of_range(raw: str) -> ValidationError:
    return _date_error(_("{text} is outside the dates this app handles. Enter a date from "
                         "{first} to {last}.").format(text=raw.strip(),
                                                      first=f"{MIN_DATE.year}年1月1日",
                                                      last=f"{MAX_DATE.year}年12月31日"), raw)


def _fy_in_range(fy: int, raw: str) -> int:
    if not MIN_FISCAL_YEAR <= fy <= MAX_FISCAL_YEAR:
        raise _fy_error(_("{text} is outside the fiscal years this app handles. Enter a fiscal "
                          "year from {first} (平成元年度) to {last}.")
                        .format(text=raw.strip(), first=MIN_FISCAL_YEAR, last=MAX_FISCAL_YEAR),
                        raw)
    return fy


def _fy_garbage(raw: str) -> ValidationError:
    return _fy_error(_("{text} cannot be read as a fiscal year. Enter it like 2026, R8 or "
                       "令和8年度.").format(text=raw.strip()), raw)


def _date_error(message: str, raw: str) -> ValidationError:
    return ValidationError(message, field="date", detail=repr(raw))


def _fy_error(message: str, raw: str) -> ValidationError:
    return ValidationError(message, field="fiscal_year", detail=repr(raw))
