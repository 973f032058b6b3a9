"""Each check of the 点検 engine fires on a crafted case and stays silent on clean books."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.accounting import CashBookEntry
from kyodo_desktop.domain.accounting_budget import (
    BudgetLine,
    Category,
    budget_vs_actual_rows,
)
from kyodo_desktop.domain.accounting_checks import GrantFacts, Ledger, run_checks
from kyodo_desktop.services.council.presets import load_preset

from .accounting_support import FY

PRESET = load_preset("yamaguchi")
RULES = {p.fund_code: p for p in PRESET.programs}
PARENTS = {"consumables": "supplies", "food": "supplies", "supplies": None, "wages": None,
           "construction": None, "remuneration": None}
FUNDS = [Category("operating_support", "運営支援"), Category("activity_support", "活動支援"),
         Category("own_funds", "自主財源")]
INCOME = [Category("grant", "交付金"), Category("membership_fees", "会費"),
          Category("carried_in", "前年度繰越金")]
EXPENSE = [Category("remuneration", "報酬"), Category("wages", "賃金"),
           Category("supplies", "需用費"), Category("consumables", "消耗品費", "supplies"),
           Category("food", "食糧費", "supplies"), Category("construction", "工事請負費")]


def _e(i, day, fund, direction, category, amount, description="事務用品", voucher="",
       **extra) -> CashBookEntry:
    if direction == "expense" and voucher == "":
        voucher = f"V{i}"
    return CashBookEntry(i, day, fund, direction, category, description, amount,
                       voucher_no=voucher if voucher is not None else "", **extra)


def _clean_entries() -> list[CashBookEntry]:
    return [
        _e(1, date(FY, 4, 20), "activity_support", "income", "grant", 1_000_000, "交付金"),
        _e(2, date(FY, 5, 10), "activity_support", "expense", "consumables", 30_000),
        _e(3, date(FY, 6, 1), "activity_support", "expense", "food", 20_000, "会議用お茶"),
        _e(4, date(FY, 6, 2), "own_funds", "income", "membership_fees", 50_000, "会費"),
        _e(5, date(FY, 7, 2), "own_funds", "expense", "consumables", 10_000),
    ]


def _ledger(entries, *, lines=None, grants=None, opening=None) -> Ledger:
    if lines is None:
        lines = [BudgetLine("activity_support", "expense", "consumables", 100_000),
                 BudgetLine("activity_support", "expense", "food", 50_000),
                 BudgetLine("own_funds", "expense", "consumables", 20_000)]
    if grants is None:
        grants = [GrantFacts(1, "活動支援交付金", "activity_support", 1_000_000, 1_000_000)]
    opening = opening or {}
    actuals: dict = {}
    for e in entries:
        key = (e.fund_code, e.direction, e.category_code)
        actuals[key] = actuals.get(key, 0) + e.amount
    rows = budget_vs_actual_rows(FUNDS, INCOME, EXPENSE, lines, [], actuals, opening)
    return Ledger(FY, tuple(entries), opening, tuple(rows), RULES, PARENTS,
                  {c.code: c.name for c in INCOME + EXPENSE}, {f.code: f.name for f in FUNDS},
                  tuple(grants))


def _fired(ledger) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.severity, f.entry_id) for f in run_checks(ledger)]


def test_clean_books_raise_nothing():
    assert run_checks(_ledger(_clean_entries())) == []


def _with(*extra):
    return _clean_entries() + list(extra)


@pytest.mark.parametrize("extra, expected", [
    (_e(9, date(FY + 1, 4, 2), "own_funds", "expense", "consumables", 100),
     [("outside_fiscal_year", "error", 9)]),
    (_e(9, date(FY, 8, 1), "activity_support", "expense", "construction", 100),
     [("category_not_allowed", "error", 9), ("budget_overrun", "warning", None)]),
    (_e(9, date(FY, 8, 1), "activity_support", "expense", "consumables", 100, "役員懇親会の会費"),
     [("ineligible_keyword", "warning", 9)]),
    (_e(9, date(FY, 8, 1), "own_funds", "expense", "consumables", 100, voucher=None),
     [("missing_voucher", "warning", 9)]),
    (_e(9, date(FY, 8, 1), "own_funds", "expense", "consumables", 100, voucher="V2"),
     [("duplicate_voucher", "warning", 9)]),
    (_e(9, date(FY, 8, 1), "own_funds", "income", "carried_in", 100),
     [("carried_in_entry", "warning", 9)]),
])
def test_entry_checks_fire_on_their_case(extra, expected):
    assert _fired(_ledger(_with(extra))) == expected


def test_duplicate_voucher_compares_normalised_numbers():
    extra = _e(9, date(FY, 8, 1), "own_funds", "expense", "consumables", 100, voucher="Ｖ２")
    assert _fired(_ledger(_with(extra))) == [("duplicate_voucher", "warning", 9)]


def test_negative_balance_fires_once_per_fund_on_the_first_day():
    early = _e(9, date(FY, 4, 5), "own_funds", "expense", "consumables", 1_000)
    later = _e(10, date(FY, 5, 5), "own_funds", "expense", "consumables", 2_000)
    findings = run_checks(_ledger(_with(early, later),
                                  lines=[BudgetLine("own_funds", "expense", "consumables", 50_000),
                                         BudgetLine("activity_support", "expense", "supplies",
                                                    200_000)]))
    assert [(f.code, f.severity) for f in findings] == [("negative_balance", "error")]
    assert "自主財源" in findings[0].message and "令和7年4月5日" in findings[0].message


def test_opening_balance_prevents_a_negative_balance():
    early = _e(9, date(FY, 4, 5), "own_funds", "expense", "consumables", 1_000)
    ledger = _ledger(_with(early), opening={"own_funds": 1_000},
                     lines=[BudgetLine("own_funds", "expense", "consumables", 50_000),
                            BudgetLine("activity_support", "expense", "supplies", 200_000)])
    assert run_checks(ledger) == []


def test_same_day_income_covers_an_expense_entered_first():
    entries = [_e(1, date(FY, 4, 5), "own_funds", "expense", "consumables", 1_000),
               _e(2, date(FY, 4, 5), "own_funds", "income", "membership_fees", 1_000)]
    ledger = _ledger(entries, grants=[],
                     lines=[BudgetLine("own_funds", "expense", "consumables", 1_000)])
    assert run_checks(ledger) == []


def test_budget_overrun_fires_per_line_with_the_rate():
    extra = _e(9, date(FY, 8, 1), "activity_support", "expense", "consumables", 80_000)
    findings = run_checks(_ledger(_with(extra)))
    assert [(f.code, f.entry_id) for f in findings] == [("budget_overrun", None)]
    assert "110%" in findings[0].message and "消耗品費" in findings[0].message


def test_budget_overrun_for_spending_without_budget():
    extra = _e(9, date(FY, 8, 1), "activity_support", "expense", "wages", 5_000)
    findings = run_checks(_ledger(_with(extra)))
    assert [f.code for f in findings] == ["budget_overrun"]
    assert "賃金" in findings[0].message


def test_a_parent_budget_covers_its_children():
    lines = [BudgetLine("activity_support", "expense", "supplies", 60_000),
             BudgetLine("own_funds", "expense", "consumables", 20_000)]
    assert run_checks(_ledger(_clean_entries(), lines=lines)) == []
    lines[0] = BudgetLine("activity_support", "expense", "supplies", 40_000)
    findings = run_checks(_ledger(_clean_entries(), lines=lines))
    assert [f.code for f in findings] == ["budget_overrun"] and "需用費" in findings[0].message


def test_food_above_ten_percent_of_the_grant_is_a_cap_warning():
    extra = _e(9, date(FY, 8, 1), "activity_support", "expense", "food", 90_000, "弁当")
    lines = [BudgetLine("activity_support", "expense", "supplies", 500_000),
             BudgetLine("own_funds", "expense", "consumables", 20_000)]
    findings = run_checks(_ledger(_with(extra), lines=lines))
    assert [f.code for f in findings] == ["cap_exceeded"]
    assert "100,000円" in findings[0].message and "110,000円" in findings[0].message


@pytest.mark.parametrize("grants, code_count", [
    ([GrantFacts(1, "活動支援交付金", "activity_support", 1_000_000, 900_000)], 1),
    ([GrantFacts(1, "活動支援交付金", "activity_support", 1_200_000, 0)], 1),
    ([GrantFacts(1, "活動支援交付金", "activity_support", None, 0)], 1),
    ([], 1),
    ([GrantFacts(1, "活動支援交付金", "activity_support", 1_000_000, 0)], 0),
])
def test_grant_income_must_match_payments_or_decision(grants, code_count):
    found = [f for f in run_checks(_ledger(_clean_entries(), grants=grants))]
    assert [f.code for f in found] == ["grant_income_mismatch"] * code_count


def test_errors_come_first():
    entries = _with(_e(9, date(FY, 8, 1), "own_funds", "expense", "consumables", 100, voucher=None),
                    _e(10, date(FY + 2, 1, 1), "own_funds", "expense", "consumables", 100))
    severities = [f.severity for f in run_checks(_ledger(entries))]
    assert severities == sorted(severities, key=lambda s: s != "error")
    assert severities[0] == "error" and "warning" in severities
