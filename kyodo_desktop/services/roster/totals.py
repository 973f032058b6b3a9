"""自治会 totals of a council per 年度: how many, 世帯数, 加入世帯数 and 加入率 (issue 3).

An organisation belongs to the council in a 年度 when ``joined_on`` ≤ 3月31日 and ``left_on`` is
empty or ≥ 4月1日; 世帯数 / 加入世帯数 are as of 4月1日 (glossary). 加入率 = 加入世帯数 ÷ 世帯数
over the 自治会 of the year that have figures. Re-exported by :mod:`kyodo_desktop.services.roster.organizations`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain import wareki
from kyodo_desktop.store import Store

NEIGHBORHOOD = "neighborhood_association"


def membership_rate(households: int | None, member_households: int | None) -> float | None:
    """加入率 (0–1) = 加入世帯数 ÷ 世帯数; None without 世帯数 or 加入世帯数."""
    if not households or member_households is None:
        return None
    return member_households / households


@dataclass(frozen=True)
class RosterTotals:
    """The 自治会 of a council in ``fiscal_year``: how many, and the sums of their 世帯数 and
    加入世帯数 (None when no 自治会 has figures for the year)."""

    fiscal_year: int
    associations: int
    households: int | None
    member_households: int | None

    @property
    def membership_rate(self) -> float | None:
        """加入率 (0–1) or None without households (:func:`membership_rate`)."""
        return membership_rate(self.households, self.member_households)


def belongs_sql(alias: str = "o") -> str:
    """SQL: the organisation ``alias`` belongs in the 年度 of the params ``:fy_start`` /
    ``:fy_end``."""
    return (f"(coalesce({alias}.joined_on, '0000') <= :fy_end "
            f"AND coalesce({alias}.left_on, '9999') >= :fy_start)")


def roster_totals(store: Store, council_id: int, fiscal_year: int) -> RosterTotals:
    """自治会 count and the sums of their 世帯数 / 加入世帯数 in ``fiscal_year`` (as of 4月1日)."""
    params = {"council": council_id, "fy": fiscal_year,
              "fy_start": wareki.fiscal_year_start(fiscal_year).isoformat(),
              "fy_end": wareki.fiscal_year_end(fiscal_year).isoformat()}
    row = store.query(
        "SELECT count(*) AS n, sum(h.households) AS households, "
        "sum(h.member_households) AS members FROM member_organizations o "
        "LEFT JOIN organization_households h ON h.organization_id = o.id AND h.fiscal_year = :fy "
        f"WHERE o.council_id = :council AND o.kind = '{NEIGHBORHOOD}' AND {belongs_sql()}",
        params)[0]
    return RosterTotals(fiscal_year, row["n"], row["households"], row["members"])


def membership_history(store: Store, council_id: int) -> list[RosterTotals]:
    """:func:`roster_totals` of every 年度 that has 世帯数 rows, oldest first (加入率 per year)."""
    years = [r["fiscal_year"] for r in store.query(
        "SELECT DISTINCT h.fiscal_year FROM organization_households h JOIN member_organizations o "
        "ON o.id = h.organization_id WHERE o.council_id = ? ORDER BY h.fiscal_year",
        (council_id,))]
    return [roster_totals(store, council_id, year) for year in years]
