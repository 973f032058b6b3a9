"""The 点検 engine: every check of issue 5 item 5 over one council-year, as pure Python.

Input is a :class:`Ledger` (loaded by :mod:`kyodo_desktop.services.accounting.checks`); output a
list of :class:`~kyodo_desktop.domain.accounting.Finding`. Checks and their codes:

=========================  ========  =====================================================
code                       severity  what
=========================  ========  =====================================================
amount_not_positive        error     an amount of 0 or below (not a 訂正)
outside_fiscal_year        error     entry dated outside April 1 – March 31 of the 年度
category_not_allowed       error     expense in a 費目 the fund's programme does not allow
ineligible_keyword         warning   摘要/支払先/メモ matches a 対象外経費 keyword (NFKC)
cap_exceeded               warning   a capped 費目 (食糧費 ≤ 10 %) above its share
budget_overrun             warning   決算額 above 予算現額 (執行率 over 100 %), or no budget
negative_balance           error     a fund's 残高 below 0 at the end of a day
duplicate_voucher          warning   the same 領収書番号 on two or more expenses
missing_voucher            warning   an expense without 領収書番号
missing_description        warning   an entry without 摘要
carried_in_entry           warning   前年度繰越金 typed as an income entry
grant_income_mismatch      warning   交付金 income ≠ 概算払 received / 交付決定額
=========================  ========  =====================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kyodo_desktop.domain import text
from kyodo_desktop.domain.accounting import (
    ERROR,
    EXPENSE,
    GRANT_INCOME_CATEGORY,
    INCOME,
    WARNING,
    CashBookEntry,
    Finding,
    daily_balances,
    sort_key,
    validate_entry,
)
from kyodo_desktop.domain.accounting_budget import BudgetActualRow
from kyodo_desktop.domain.accounting_rules import ProgramRules, cap_limit, in_category
from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.i18n import _


@dataclass(frozen=True)
class GrantFacts:
    """A grant of the year: ``decided_amount`` is the amount in force (after an approved 変更),
    None before the 交付決定; ``received`` the Σ of 概算払 paid (円)."""

    id: int
    program_name: str
    fund_code: str
    decided_amount: int | None
    received: int


@dataclass(frozen=True)
class Ledger:
    """Everything the checks look at for one council-year. ``rules`` maps fund → programme;
    ``category_parents`` 費目 → parent; names map codes to Japanese labels."""

    fiscal_year: int
    entries: tuple[CashBookEntry, ...]
    opening: Mapping[str, int] = field(default_factory=dict)
    budget_rows: tuple[BudgetActualRow, ...] = ()
    rules: Mapping[str, ProgramRules] = field(default_factory=dict)
    category_parents: Mapping[str, str | None] = field(default_factory=dict)
    category_names: Mapping[str, str] = field(default_factory=dict)
    fund_names: Mapping[str, str] = field(default_factory=dict)
    grants: tuple[GrantFacts, ...] = ()


def run_checks(ledger: Ledger) -> list[Finding]:
    """All findings of the year, errors first, then in 出納簿 order within each check."""
    found: list[Finding] = []
    for entry in sorted(ledger.entries, key=sort_key):
        found.extend(validate_entry(entry, ledger.fiscal_year, rules=ledger.rules.get(
            entry.fund_code), category_parents=ledger.category_parents, entry_id=entry.id))
    found.extend(duplicate_vouchers(ledger))
    found.extend(negative_balances(ledger))
    found.extend(budget_overruns(ledger))
    found.extend(cap_overruns(ledger))
    found.extend(grant_income_mismatches(ledger))
    return sorted(found, key=lambda f: f.severity != ERROR)


def duplicate_vouchers(ledger: Ledger) -> list[Finding]:
    """A warning on each expense whose 領収書番号 (NFKC) was already used by an earlier one."""
    first_seen: dict[str, CashBookEntry] = {}
    found = []
    for entry in sorted(ledger.entries, key=sort_key):
        number = text.normalize(entry.voucher_no)
        if entry.direction != EXPENSE or not number or entry.correction_of_id is not None:
            continue
        first = first_seen.setdefault(number, entry)
        if first is not entry:
            found.append(Finding(
                WARNING, "duplicate_voucher",
                _("The receipt number {number} is also used by the entry of {date} "
                  "({description}).").format(number=number, date=format_date(first.entry_date),
                                            description=first.description),
                _("Check the receipt: if it was entered twice, delete one entry; otherwise "
                  "correct the receipt number."), entry.id))
    return found


def negative_balances(ledger: Ledger) -> list[Finding]:
    """An error per fund on the first day its 残高 falls below 0 (lowest balance named)."""
    found = []
    for fund, days in daily_balances(ledger.opening, ledger.entries).items():
        negative = [(day, balance) for day, balance in days if balance < 0]
        if not negative:
            continue
        day, _balance = negative[0]
        lowest = min(balance for _day, balance in negative)
        found.append(Finding(
            ERROR, "negative_balance",
            _("The balance of {fund} falls below zero on {date} (lowest {amount}).").format(
                fund=ledger.fund_names.get(fund, fund), date=format_date(day),
                amount=format_yen(lowest, unit=True)),
            _("Check the dates and amounts around that day: an income may be missing or dated "
              "too late, or an expense entered twice or in the wrong fund.")))
    return found


def budget_overruns(ledger: Ledger) -> list[Finding]:
    """A warning per expense line whose 決算額 exceeds its 予算現額 (執行率 over 100 %).

    A 費目 group (需用費 …) is judged as a whole when the parent has a budget line or no child
    has one (budgeting at the parent level covers the children); then children are judged only
    where they have their own line. Otherwise each child is judged on its own.
    """
    found = []
    rows = [r for r in ledger.budget_rows if r.direction == EXPENSE and r.kind != "total"]
    for row, members in _groups(rows):
        if not members:
            if row.actual > row.current:
                found.append(_overrun(ledger, row))
            continue
        children = [m for m in members if m.category_code != row.category_code]
        parent_line = any(m.has_line for m in members if m.category_code == row.category_code)
        as_whole = parent_line or not any(m.has_line for m in children)
        if as_whole and row.actual > row.current:
            found.append(_overrun(ledger, row))
        found.extend(_overrun(ledger, m) for m in children
                     if m.actual > m.current and (m.has_line or not as_whole))
    return found


def _groups(rows: list[BudgetActualRow]) -> list[tuple[BudgetActualRow, list[BudgetActualRow]]]:
    """Top-level rows with their level-1 members (empty for a plain line)."""
    groups: list[tuple[BudgetActualRow, list[BudgetActualRow]]] = []
    for row in rows:
        if row.level == 1 and groups:
            groups[-1][1].append(row)
        else:
            groups.append((row, []))
    return groups


def _overrun(ledger: Ledger, row: BudgetActualRow) -> Finding:
    fund = ledger.fund_names.get(row.fund_code, row.fund_code)
    if row.current <= 0:
        message = _("{fund} / {category}: {actual} was spent but there is no budget for it.")
    else:
        message = _("{fund} / {category}: {actual} spent against a budget of {budget} "
                    "(execution rate {rate}%).")
    rate = "" if row.current <= 0 else f"{row.actual * 100 // row.current}"
    return Finding(
        WARNING, "budget_overrun",
        message.format(fund=fund, category=row.name, actual=format_yen(row.actual, unit=True),
                       budget=format_yen(row.current, unit=True), rate=rate),
        _("Record a budget transfer from a line with budget left (with date and reason), or "
          "revise the budget."))


def cap_overruns(ledger: Ledger) -> list[Finding]:
    """A warning per capped 費目 whose spending exceeds its share of the 交付決定額."""
    found = []
    for fund, rules in ledger.rules.items():
        amount = next((g.decided_amount for g in ledger.grants
                       if g.fund_code == fund and g.decided_amount is not None), None)
        if amount is None:
            continue
        for cap in rules.caps:
            spent = sum(e.amount for e in ledger.entries if e.fund_code == fund
                        and e.direction == EXPENSE
                        and in_category(e.category_code, cap.expense_category,
                                        ledger.category_parents))
            limit = cap_limit(cap, amount)
            if spent > limit:
                found.append(Finding(
                    WARNING, "cap_exceeded",
                    _("{program}: {category} is {spent}, above its limit of {percent}% "
                      "({limit}).").format(
                        program=rules.name, percent=cap.max_percent,
                        category=ledger.category_names.get(cap.expense_category,
                                                           cap.expense_category),
                        spent=format_yen(spent, unit=True), limit=format_yen(limit, unit=True)),
                    _("Pay the part above the limit from own funds; it will not count as "
                      "eligible spending at settlement.")))
    return found


def grant_income_mismatches(ledger: Ledger) -> list[Finding]:
    """Warnings where 交付金 income in a grant fund does not match the 概算払 received, or the
    交付決定額 when nothing has been recorded as paid, or where no 交付決定 exists at all."""
    found = []
    for fund in sorted({g.fund_code for g in ledger.grants} | _grant_income_funds(ledger)):
        booked = sum(e.signed for e in ledger.entries if e.fund_code == fund
                     and e.direction == INCOME and e.category_code == GRANT_INCOME_CATEGORY)
        grants = [g for g in ledger.grants if g.fund_code == fund]
        decided = [g.decided_amount for g in grants if g.decided_amount is not None]
        received = sum(g.received for g in grants)
        name = ledger.fund_names.get(fund, fund)
        if not decided:
            if booked:
                found.append(_grant_finding(
                    _("{fund}: grant income of {booked} is recorded, but no grant decision is "
                      "recorded.").format(fund=name, booked=format_yen(booked, unit=True))))
        elif received and booked != received:
            found.append(_grant_finding(
                _("{fund}: grant income in the cash book is {booked}, but the advance payments "
                  "recorded total {received}.").format(fund=name, booked=format_yen(
                      booked, unit=True), received=format_yen(received, unit=True))))
        elif not received and booked and booked != sum(decided):
            found.append(_grant_finding(
                _("{fund}: grant income in the cash book is {booked}, but the decided amount is "
                  "{decided}.").format(fund=name, booked=format_yen(booked, unit=True),
                                       decided=format_yen(sum(decided), unit=True))))
    return found


def _grant_income_funds(ledger: Ledger) -> set[str]:
    return {e.fund_code for e in ledger.entries
            if e.direction == INCOME and e.category_code == GRANT_INCOME_CATEGORY
            and e.fund_code in ledger.rules}


def _grant_finding(message: str) -> Finding:
    return Finding(WARNING, "grant_income_mismatch", message,
                   _("Compare the bank book with the city's notice: record each advance payment "
                     "on the grant page and enter the same amounts as grant income."))
