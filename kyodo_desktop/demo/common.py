"""Shared pieces of the demo data builder (:mod:`kyodo_desktop.demo.build`).

:class:`DemoContext` carries the random generator, the id counters and what earlier steps made
(ids of the council, people, 部会 …) to later steps. Static lists come from ``resources/demo/*.json``.
Dates are :class:`datetime.date`; money is int 円. Nothing here reads the clock: the demo's
"today" is :data:`TODAY` so that every build with the same seed is identical.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import sqlite_utils

from kyodo_desktop.domain import wareki
from kyodo_desktop.resources import resource_path
from kyodo_desktop.store import Store

#: The demo's "today": fiscal 2026 (令和8年度) is open and its 出納簿 runs up to this day.
TODAY = date(2026, 11, 20)
#: The closed year and the open year of the demo's accounts.
CLOSED_YEAR = 2025
OPEN_YEAR = 2026
YEARS = (CLOSED_YEAR, OPEN_YEAR)


@cache
def load(name: str) -> dict:
    """The parsed ``resources/demo/<name>.json``."""
    with resource_path("demo", f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass
class DemoContext:
    """State shared by the build steps.

    ``rng`` is the only source of randomness; ``store`` the open file (``db`` is its sqlite-utils
    database inside the build's transaction); ``council_id`` is the fully populated council
    (湯田); ``refs`` maps names to ids made by earlier steps (``"org:<kind>"``, ``"sub:<name>"``,
    ``"officer:<role>"`` → person id …); ``names`` maps person ids to names; ``people`` and
    ``terms`` collect rows of ``people`` and ``officer_terms`` written at the end of their step;
    ``counts`` collects the summary of :func:`build_demo`.
    """

    db: sqlite_utils.Database
    rng: random.Random
    store: Store | None = None
    council_id: int = 0
    refs: dict[str, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    counts: dict[str, object] = field(default_factory=dict)
    people: list[dict] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)
    _next: dict[str, int] = field(default_factory=dict)

    def new_id(self, table: str) -> int:
        """The next free ``id`` of ``table`` (ids are given explicitly so rows can refer to them)."""
        if table not in self._next:
            top = self.db.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]
            self._next[table] = top + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value

    def insert(self, table: str, rows: list[dict]) -> int:
        """Insert ``rows`` (dicts with the same keys) in batches; return how many."""
        if rows:
            keys = list(rows[0])
            if any(list(row) != keys for row in rows):
                raise ValueError(f"demo: rows of {table} differ in shape")
            self.db[table].insert_all(rows, batch_size=500)
        return len(rows)


def fy_date(fiscal_year: int, month: int, day: int) -> date:
    """The date ``month``/``day`` inside 年度 ``fiscal_year`` (January–March fall in ``fy + 1``)."""
    year = fiscal_year + 1 if month < 4 else fiscal_year
    return date(year, month, day)


def clamp_to_year(day: date, fiscal_year: int, earliest: date | None = None) -> date:
    """``day`` moved inside 年度 ``fiscal_year`` and not before ``earliest``."""
    low = max(wareki.fiscal_year_start(fiscal_year), earliest or date.min)
    return min(max(day, low), wareki.fiscal_year_end(fiscal_year))


def weekday_before(day: date) -> date:
    """``day`` or the Friday before it when it falls on a weekend (pay days, transfers)."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def saturday_from(day: date) -> date:
    """The first Saturday on or after ``day`` (events are held at weekends)."""
    return day + timedelta(days=(5 - day.weekday()) % 7)


def random_day(rng: random.Random, first: date, last: date) -> date:
    """A uniformly chosen day in ``first … last`` (inclusive)."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def pick(rng: random.Random, value: str | list[str]) -> str:
    """``value`` itself, or one element chosen from a list."""
    return value if isinstance(value, str) else rng.choice(value)


def reiwa(fiscal_year: int) -> int:
    """The 令和 year of a 年度 (2025 → 7), for voucher numbers like ``R7-0001``."""
    return fiscal_year - 2018


def nendo(fiscal_year: int) -> str:
    """「令和7年度」 for 2025 (every year of the demo lies in 令和, after 令和元年度)."""
    return f"令和{reiwa(fiscal_year)}年度"
