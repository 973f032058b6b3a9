"""The city's table of all councils for one 年度: one :class:`CityRow` per 地域 with a current
return, and the city total. Every figure is the return's own ``summary``
(:func:`~kyodo_desktop.services.city.annual_return.summary_of`, copied from the council's
figures.py and form data); the totals add those up and the rates of the total are the ratios of
the added-up figures (not averages of rates).
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.services.city.city_file import StoredReturn, current_returns, require_city_file
from kyodo_desktop.store import Store

#: The summed figures of a row (円 and counts).
SUMMED = ("decided_amount", "received", "eligible", "refund_amount", "households",
          "member_households", "projects", "indicators_judged", "indicators_achieved",
          "findings_errors", "findings_notes")


@dataclass(frozen=True)
class CityRow:
    """One council's 年度 as the city sees it: 円 amounts, counts, and ``return_id`` (None for
    the total row). Rates are properties (0–1 or None)."""

    district: str
    council: str
    decided_amount: int
    received: int
    eligible: int
    refund_amount: int
    households: int | None
    member_households: int | None
    projects: int
    indicators_judged: int
    indicators_achieved: int
    findings_errors: int
    findings_notes: int
    return_id: int | None = None

    @property
    def execution_rate(self) -> float | None:
        """執行率 = 対象経費 ÷ 交付決定額."""
        return self.eligible / self.decided_amount if self.decided_amount else None

    @property
    def membership_rate(self) -> float | None:
        """加入率 = 加入世帯数 ÷ 世帯数."""
        if not self.households or self.member_households is None:
            return None
        return self.member_households / self.households

    @property
    def achievement_rate(self) -> float | None:
        """数値目標 達成率 = 達成した数値目標 ÷ その年度に目標値と実績値のある数値目標."""
        return (self.indicators_achieved / self.indicators_judged if self.indicators_judged
                else None)


@dataclass(frozen=True)
class CitySummary:
    """The 年度's rows (in the city file's order of 地域), their ``total`` and the stored
    ``returns`` they come from (listed without their documents)."""

    fiscal_year: int
    rows: tuple[CityRow, ...]
    total: CityRow
    returns: tuple[StoredReturn, ...] = ()


def row_of(stored: StoredReturn) -> CityRow:
    """The table row of one stored return."""
    summary = stored.summary
    return CityRow(stored.district, stored.council, return_id=stored.id,
                   **{key: summary[key] for key in SUMMED})


def city_summary(store: Store, fiscal_year: int) -> CitySummary:
    """Rows and total of ``fiscal_year``, from each return's stored ``summary``: no return's
    document is read (the printed findings come from
    :func:`~kyodo_desktop.services.city.detail.printed_findings`, one return at a time). Raises
    UserError when the file is not a city file."""
    require_city_file(store)
    returns = tuple(current_returns(store, fiscal_year, whole=False))
    rows = tuple(row_of(r) for r in returns)
    total = {key: sum(getattr(r, key) or 0 for r in rows) for key in SUMMED}
    return CitySummary(fiscal_year, rows, CityRow("", "", **total), returns)
