"""A council's figures for one 年度: the right half of the 協議会 page.

Counting rules: 自治会 and other 構成団体 count when they belong to the council during the 年度
(joined_on ≤ 3月31日, left_on empty or ≥ 4月1日); 自治会, 世帯数 / 加入世帯数 and 加入率 are
:func:`kyodo_desktop.services.roster.totals.roster_totals` (as of 4月1日, glossary); 役員 are the distinct people holding a
council-level officer role (会長, 副会長, 事務局長, 会計, 監事, 理事 — not 事務局員 or 顧問) on the
reference date: today within the year, 3月31日 for a past year, 4月1日 for a future one.
Funds: 予算額 (予算現額 of the expense side), 支出済額 and 残高 come from the 予算対比 and
:mod:`kyodo_desktop.services.accounting.figures`; 交付済額 too. Amounts are int 円.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import EXPENSE
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.accounting.budget import budget_vs_actual
from kyodo_desktop.services.accounting.common import fund_names
from kyodo_desktop.services.roster.totals import membership_rate, roster_totals
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
        return membership_rate(self.households, self.member_households)

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
    roster = roster_totals(store, council_id, fiscal_year)
    return Overview(
        council_id=council_id,
        fiscal_year=fiscal_year,
        neighborhood_associations=roster.associations,
        households=roster.households,
        member_households=roster.member_households,
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
        "SELECT g.id, p.name, g.applied_amount, g.decided_amount "
        "FROM grants g JOIN grant_programs p ON p.id = g.program_id "
        "JOIN funds f ON f.code = p.fund_code "
        "WHERE g.council_id = ? AND g.fiscal_year = ? ORDER BY f.sort_order, p.id",
        (council_id, fiscal_year))
    received = figures.received_by_grant(store, council_id, fiscal_year)
    return tuple(GrantLine(r["name"], r["applied_amount"], r["decided_amount"],
                           received[r["id"]]) for r in rows)


def _funds(store: Store, council_id: int, fiscal_year: int) -> tuple[FundLine, ...]:
    report = budget_vs_actual(store, council_id, fiscal_year)
    return tuple(FundLine(code, name, report.totals[(code, EXPENSE)].current,
                          report.totals[(code, EXPENSE)].actual, report.carried_out[code])
                 for code, name in fund_names(store, council_id).items())


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
