"""A council's figures for one 年度: the right half of the 協議会 page.

Counting rules: 自治会 and other 構成団体 count when they belong to the council during the 年度
(joined_on ≤ 3月31日, left_on empty or ≥ 4月1日); 世帯数 / 加入世帯数 are the year's rows of
``organization_households`` (as of 4月1日, glossary); 役員 are the distinct people holding a
council-level officer role (会長, 副会長, 事務局長, 会計, 監事, 理事 — not 事務局員 or 顧問) on the
reference date: today within the year, 3月31日 for a past year, 4月1日 for a future one.
Funds: 予算額 is the expense side (補正後 where set), 支出済額 the sum of expense entries,
残高 = 前年度繰越金 + income − expense. Amounts are int 円.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.store import Store

OFFICER_ROLES = ("president", "vice_president", "secretary_general", "treasurer", "auditor",
                 "director")
NEIGHBORHOOD = "neighborhood_association"


@dataclass(frozen=True)
class GrantLine:
    """One 交付金 programme in the 年度: amounts in 円 (None when not yet applied/decided)."""

    program: str
    applied: int | None
    decided: int | None
    received: int


@dataclass(frozen=True)
class FundLine:
    """One 会計区分: ``budget`` (expense side), ``spent``, ``balance`` in 円; ``execution_rate``
    is spent / budget (None without a budget)."""

    fund_code: str
    name: str
    budget: int
    spent: int
    balance: int

    @property
    def execution_rate(self) -> float | None:
        return self.spent / self.budget if self.budget else None


@dataclass(frozen=True)
class Overview:
    """The figures of council ``council_id`` in ``fiscal_year`` (see the module doc for rules)."""

    council_id: int
    fiscal_year: int
    neighborhood_associations: int
    households: int | None
    member_households: int | None
    other_organizations: int
    officers: int
    subcommittees: int
    grants: tuple[GrantLine, ...]
    funds: tuple[FundLine, ...]

    @property
    def membership_rate(self) -> float | None:
        """加入率 = 加入世帯数 / 世帯数, None when there is no data."""
        if not self.households or self.member_households is None:
            return None
        return self.member_households / self.households

    @property
    def grant_total(self) -> int:
        """The 年度's 交付金 in 円: decided amounts (applied where not yet decided)."""
        return sum((g.decided if g.decided is not None else g.applied) or 0 for g in self.grants)


def council_overview(store: Store, council_id: int, fiscal_year: int, *,
                     today: date | None = None) -> Overview:
    """Compute the :class:`Overview` of a council for a 年度 (int, 2026 = 令和8年度)."""
    start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
    span = {"council": council_id, "fy": fiscal_year, "start": start.isoformat(),
            "end": end.isoformat(), "kind": NEIGHBORHOOD}
    orgs = store.query(
        "SELECT kind = :kind AS is_na, count(*) AS n FROM member_organizations "
        "WHERE council_id = :council AND (joined_on IS NULL OR joined_on <= :end) "
        "AND (left_on IS NULL OR left_on >= :start) GROUP BY is_na", span)
    counts = {row["is_na"]: row["n"] for row in orgs}
    households = store.query(
        "SELECT count(*) AS n, sum(h.households) AS households, "
        "sum(h.member_households) AS members FROM organization_households h "
        "JOIN member_organizations o ON o.id = h.organization_id "
        "WHERE o.council_id = :council AND h.fiscal_year = :fy", span)[0]
    has_households = households["n"] > 0
    return Overview(
        council_id=council_id,
        fiscal_year=fiscal_year,
        neighborhood_associations=counts.get(1, 0),
        households=households["households"] if has_households else None,
        member_households=households["members"] if has_households else None,
        other_organizations=counts.get(0, 0),
        officers=_officers(store, council_id, _reference_date(fiscal_year, today)),
        subcommittees=store.scalar(
            "SELECT count(*) FROM subcommittees WHERE council_id = ? AND is_office = 0",
            (council_id,)),
        grants=_grants(store, council_id, fiscal_year),
        funds=_funds(store, council_id, fiscal_year),
    )


def _reference_date(fiscal_year: int, today: date | None) -> date:
    today = today or date.today()
    return max(wareki.fiscal_year_start(fiscal_year), min(today, wareki.fiscal_year_end(fiscal_year)))


def _officers(store: Store, council_id: int, on: date) -> int:
    marks = ", ".join("?" for _ in OFFICER_ROLES)
    return store.scalar(
        f"SELECT count(DISTINCT person_id) FROM officer_terms WHERE council_id = ? "
        f"AND role IN ({marks}) AND starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?)",
        (council_id, *OFFICER_ROLES, on.isoformat(), on.isoformat()))


def _grants(store: Store, council_id: int, fiscal_year: int) -> tuple[GrantLine, ...]:
    rows = store.query(
        "SELECT p.name, g.applied_amount, g.decided_amount, "
        "(SELECT coalesce(sum(amount), 0) FROM grant_payments gp "
        " WHERE gp.grant_id = g.id AND gp.paid_on IS NOT NULL) AS received "
        "FROM grants g JOIN grant_programs p ON p.id = g.program_id "
        "JOIN funds f ON f.code = p.fund_code "
        "WHERE g.council_id = ? AND g.fiscal_year = ? ORDER BY f.sort_order, p.id",
        (council_id, fiscal_year))
    return tuple(GrantLine(r["name"], r["applied_amount"], r["decided_amount"], r["received"])
                 for r in rows)


def _funds(store: Store, council_id: int, fiscal_year: int) -> tuple[FundLine, ...]:
    rows = store.query(
        "SELECT f.code, f.name, "
        "(SELECT coalesce(sum(coalesce(revised_budget, budget)), 0) FROM budget_lines b "
        " WHERE b.council_id = :c AND b.fiscal_year = :fy AND b.fund_code = f.code "
        " AND b.direction = 'expense') AS budget, "
        "(SELECT coalesce(sum(CASE direction WHEN 'income' THEN amount ELSE 0 END), 0) "
        " FROM cash_book_entries e WHERE e.council_id = :c AND e.fiscal_year = :fy "
        " AND e.fund_code = f.code) AS income, "
        "(SELECT coalesce(sum(CASE direction WHEN 'expense' THEN amount ELSE 0 END), 0) "
        " FROM cash_book_entries e WHERE e.council_id = :c AND e.fiscal_year = :fy "
        " AND e.fund_code = f.code) AS spent, "
        "(SELECT coalesce(sum(carried_in), 0) FROM opening_balances o WHERE o.council_id = :c "
        " AND o.fiscal_year = :fy AND o.fund_code = f.code) AS opening "
        "FROM funds f ORDER BY f.sort_order",
        {"c": council_id, "fy": fiscal_year})
    return tuple(FundLine(r["code"], r["name"], r["budget"], r["spent"],
                          r["opening"] + r["income"] - r["spent"]) for r in rows)


def fiscal_years(store: Store, council_id: int | None, *, today: date | None = None) -> list[int]:
    """The 年度 having any data of the council, plus the current 年度; ascending ints."""
    current = wareki.fiscal_year_of(today or date.today())
    if council_id is None:
        return [current]
    years = {current}
    for table in ("council_year_stats", "projects", "budget_lines", "cash_book_entries", "grants",
                  "opening_balances"):
        years.update(row["fiscal_year"] for row in store.query(
            f"SELECT DISTINCT fiscal_year FROM {table} WHERE council_id = ?", (council_id,)))
    years.update(row["fiscal_year"] for row in store.query(
        "SELECT DISTINCT h.fiscal_year FROM organization_households h JOIN member_organizations o "
        "ON o.id = h.organization_id WHERE o.council_id = ?", (council_id,)))
    return sorted(years)
