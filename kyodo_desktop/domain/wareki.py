"""和暦 (Japanese era dates) and 年度 (fiscal years, April 1 – March 31), with the app's own era table.

Dates are :class:`datetime.date`; a fiscal year is the ``int`` of the calendar year it starts in
(2026 = 令和8年度 = 2026-04-01 … 2027-03-31). This module holds the era table,
formatting and 年度 arithmetic; :func:`parse_date` and :func:`parse_fiscal_year` delegate to
:mod:`kyodo_desktop.domain.dateparse`, which reads what people type.
"""

from __future__ import annotations

from datetime import date, timedelta


class Era:
    """One era: ``name`` 「令和」, ``letter`` 「R」, first day ``start``, last day ``end`` (None: current).

    A plain class rather than a dataclass: importing dataclasses costs start-up time.
    """

    __slots__ = ("name", "letter", "start", "end")

    def __init__(self, name: str, letter: str, start: date, end: date | None) -> None:
        self.name = name
        self.letter = letter
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Era({self.name!r}, {self.letter!r}, {self.start!r}, {self.end!r})"

    def year_of(self, d: date) -> int:
        """The era year of calendar date ``d`` (1 = 元年); may be < 1 or past the end."""
        return d.year - self.start.year + 1

    def calendar_year(self, era_year: int) -> int:
        """The calendar year of ``era_year`` in this era (令和8 → 2026)."""
        return self.start.year + era_year - 1

    def contains(self, d: date) -> bool:
        """Whether ``d`` falls within the era (start and end inclusive)."""
        return self.start <= d and (self.end is None or d <= self.end)


def _build_eras() -> tuple[Era, ...]:
    table = [
        # 明治 officially began 1868-10-23 (applied from 1868-01-01); the app keeps it simple.
        ("明治", "M", date(1868, 1, 1)),
        ("大正", "T", date(1912, 7, 30)),
        ("昭和", "S", date(1926, 12, 25)),
        ("平成", "H", date(1989, 1, 8)),
        ("令和", "R", date(2019, 5, 1)),
    ]
    eras = []
    for index, (name, letter, start) in enumerate(table):
        end = table[index + 1][2] - timedelta(days=1) if index + 1 < len(table) else None
        eras.append(Era(name, letter, start, end))
    return tuple(eras)


#: The era table, oldest first. Source: 元号法 and the 改元 cabinet orders.
ERAS: tuple[Era, ...] = _build_eras()
ERA_BY_NAME: dict[str, Era] = {era.name: era for era in ERAS}
ERA_BY_LETTER: dict[str, Era] = {era.letter: era for era in ERAS}
CURRENT_ERA: Era = ERAS[-1]

#: Dates the app accepts and formats: from the start of 明治 to the end of 2200.
MIN_DATE = ERAS[0].start
MAX_DATE = date(2200, 12, 31)
#: Fiscal years the app accepts (平成元年度 … 2200年度), as in the schema's CHECK on plans.
MIN_FISCAL_YEAR = 1989
MAX_FISCAL_YEAR = 2200

_WEEKDAYS = "月火水木金土日"


def era_of(d: date) -> Era:
    """The era ``d`` belongs to. Raises ValueError for dates before 明治 (a bug, not input)."""
    for era in reversed(ERAS):
        if d >= era.start:
            return era
    raise ValueError(f"date before the era table: {d.isoformat()}")


def era_year_text(year: int) -> str:
    """「元」 for 1, the number otherwise (as written in 令和元年, 令和8年)."""
    return "元" if year == 1 else str(year)


def format_wareki(d: date, style: str = "long") -> str:
    """和暦 text of ``d``.

    Styles: ``"long"`` 「令和8年4月1日」 (「令和元年5月1日」), ``"short"`` 「R8.4.1」,
    ``"era_year"`` 「令和8年」, ``"weekday"`` 「令和8年4月1日（水）」.
    Raises ValueError for an unknown style or a date before 明治.
    """
    era = era_of(d)
    year = era.year_of(d)
    if style == "short":
        return f"{era.letter}{year}.{d.month}.{d.day}"
    if style == "era_year":
        return f"{era.name}{era_year_text(year)}年"
    long = f"{era.name}{era_year_text(year)}年{d.month}月{d.day}日"
    if style == "long":
        return long
    if style == "weekday":
        return f"{long}（{_WEEKDAYS[d.weekday()]}）"
    raise ValueError(f"unknown wareki style: {style!r}")


def fiscal_year_of(d: date) -> int:
    """The 年度 of ``d``: its calendar year from April, the previous one in January – March."""
    return d.year if d.month >= 4 else d.year - 1


def fiscal_year_start(fy: int) -> date:
    """First day of 年度 ``fy``: April 1 of ``fy``."""
    return date(fy, 4, 1)


def fiscal_year_end(fy: int) -> date:
    """Last day of 年度 ``fy``: March 31 of ``fy + 1``."""
    return date(fy + 1, 3, 31)


def fiscal_year_contains(fy: int, d: date) -> bool:
    """Whether ``d`` lies within 年度 ``fy`` (April 1 … March 31, inclusive)."""
    return fiscal_year_start(fy) <= d <= fiscal_year_end(fy)


def fiscal_year_era(fy: int) -> tuple[Era, int]:
    """The era and era year a 年度 is named by: ``(令和, 1)`` for 2019.

    The era in force on March 31 at the end of the year names it, as councils and the city do
    (2019 → 令和元年度, although it began under 平成). When that era only began in the
    January – March of the year (era year 0: 1988 ends under 平成), the era at its start
    names it instead (昭和63年度).
    """
    era = era_of(fiscal_year_end(fy))
    year = era.year_of(date(fy, 4, 1))
    if year < 1:
        era = era_of(fiscal_year_start(fy))
        year = era.year_of(date(fy, 4, 1))
    return era, year


def format_fiscal_year(fy: int, style: str = "long") -> str:
    """年度 text: ``"long"`` 2026 → 「令和8年度」, 2019 → 「令和元年度」, 2018 → 「平成30年度」;
    ``"short"`` → 「R8年度」; ``"with_western"`` → 「令和8年度（2026年度）」.

    Raises ValueError for an unknown style.
    """
    era, year = fiscal_year_era(fy)
    if style == "long":
        return f"{era.name}{era_year_text(year)}年度"
    if style == "short":
        return f"{era.letter}{year}年度"
    if style == "with_western":
        return f"{era.name}{era_year_text(year)}年度（{fy}年度）"
    raise ValueError(f"unknown fiscal year style: {style!r}")


def fiscal_years_between(first: int, last: int) -> list[int]:
    """The 年度 from ``first`` to ``last`` inclusive, e.g. a plan's 5 years."""
    return list(range(first, last + 1))


def parse_date(text: str, *, fiscal_year: int | None = None) -> date:
    """Read a date typed in any common form (西暦, 和暦, full-width …); see
    :func:`kyodo_desktop.domain.dateparse.parse_date`. Raises ValidationError (``field="date"``).
    """
    from kyodo_desktop.domain import dateparse

    return dateparse.parse_date(text, fiscal_year=fiscal_year)


def parse_fiscal_year(text: str | int) -> int:
    """Read a 年度 (2026, 「R8」, 「令和8年度」 …) as an int; see
    :func:`kyodo_desktop.domain.dateparse.parse_fiscal_year`. Raises ValidationError
    (``field="fiscal_year"``).
    """
    from kyodo_desktop.domain import dateparse

    return dateparse.parse_fiscal_year(text)


__all__ = [
    "CURRENT_ERA", "ERAS", "ERA_BY_LETTER", "ERA_BY_NAME", "Era", "MAX_DATE", "MAX_FISCAL_YEAR",
    "MIN_DATE", "MIN_FISCAL_YEAR", "era_of", "era_year_text", "fiscal_year_contains",
    "fiscal_year_end", "fiscal_year_era", "fiscal_year_of", "fiscal_year_start",
    "fiscal_years_between", "format_fiscal_year", "format_wareki", "parse_date",
    "parse_fiscal_year",
]
