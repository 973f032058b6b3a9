"""Domain rules of the accounting: entry findings, balances, programme rules, settlement, 予算対比."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyodo_desktop.domain.accounting import (
    CashBookEntry,
    closing_balances,
    daily_balances,
    running_balances,
    signed_moves,
    validate_entry,
)
from kyodo_desktop.domain.accounting_budget import (
    BudgetLine,
    Category,
    Transfer,
    budget_vs_actual_rows,
    totals,
)
from kyodo_desktop.domain.accounting_rules import (
    AmountFormula,
    ProgramRules,
    eligible_spending,
    settle,
)
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.council.presets import load_preset

from .accounting_support import FY, entry

PARENTS = {"consumables": "supplies", "food": "supplies", "printing": "supplies",
           "supplies": None, "wages": None, "honoraria": None, "construction": None}


def _rules(**extra) -> ProgramRules:
    data = {"code": "x", "name": "活動支援交付金", "fund": "activity_support",
            "allowed_expense_categories": ["supplies", "honoraria"],
            "ineligible": [{"name": "慶弔費", "keywords": ["香典", "祝い金"]}],
            "caps": [{"expense_category": "food", "max_percent": 10}]}
    return ProgramRules.from_dict(data | extra)


def _ledger(i: int, e, **changes) -> CashBookEntry:
    values = {name: getattr(e, name) for name in (
        "entry_date", "fund_code", "direction", "category_code", "description", "amount",
        "payee", "voucher_no", "memo")}
    return CashBookEntry(id=i, **(values | changes))


def _codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def test_a_clean_expense_has_no_findings():
    assert validate_entry(entry(fund="activity_support"), FY, rules=_rules(),
                          category_parents=PARENTS) == []


@pytest.mark.parametrize("day, fires", [
    (date(FY, 4, 1), False), (date(FY + 1, 3, 31), False),
    (date(FY, 3, 31), True), (date(FY + 1, 4, 1), True)])
def test_outside_fiscal_year_is_an_error_at_the_edges(day, fires):
    found = [f for f in validate_entry(entry(day), FY) if f.code == "outside_fiscal_year"]
    assert bool(found) == fires
    assert all(f.is_error and f.message and f.how_to_fix for f in found)


def test_missing_voucher_warns_only_for_expenses():
    assert _codes(validate_entry(entry(voucher_no=" "), FY)) == ["missing_voucher"]
    assert validate_entry(entry(direction="income", voucher_no=""), FY) == []


def test_a_line_without_description_warns():
    """An empty 摘要 (typed as blanks too) is not saved silently: the panel asks about it like a
    missing 領収書番号, and the 点検 lists it."""
    found = validate_entry(entry(description="　 "), FY)
    assert _codes(found) == ["missing_description"]
    assert found[0].severity == "warning" and found[0].message == "この行には摘要がありません。"
    assert "摘要に書いて" in found[0].how_to_fix
    assert _codes(validate_entry(entry(direction="income", description=""), FY)) == [
        "missing_description"]


def test_zero_amount_is_an_error_and_carried_in_income_warns():
    assert "amount_not_positive" in _codes(validate_entry(entry(amount=0), FY))
    found = validate_entry(entry(direction="income", category="carried_in"), FY)
    assert _codes(found) == ["carried_in_entry"]


def test_category_outside_the_programme_is_an_error():
    found = validate_entry(entry(fund="activity_support", category="construction"), FY,
                           rules=_rules(), category_parents=PARENTS, entry_id=7)
    assert [(f.code, f.severity, f.entry_id) for f in found] == [
        ("category_not_allowed", "error", 7)]
    assert "活動支援交付金" in found[0].message


def test_an_allowed_parent_allows_its_children_but_not_the_reverse():
    rules = _rules(allowed_expense_categories=["supplies", "printing"])
    assert rules.allows("food", PARENTS) and rules.allows("supplies", PARENTS)
    narrow = _rules(allowed_expense_categories=["printing"])
    assert narrow.allows("printing", PARENTS) and not narrow.allows("supplies", PARENTS)


def test_ineligible_keywords_match_after_nfkc_in_description_payee_and_memo():
    rules = _rules()
    assert rules.ineligible_match("ｺﾋﾟｰ用紙") is None
    assert rules.ineligible_match("役員の祝い金")[0].name == "慶弔費"
    full_width = _rules(ineligible=[{"name": "交際費", "keywords": ["ABC商事"]}])
    assert full_width.ineligible_match("ＡＢＣ商事へ手土産") is not None
    found = validate_entry(entry(fund="activity_support", payee="",
                                 memo="〇〇様 香典"), FY, rules=rules, category_parents=PARENTS)
    assert [(f.code, f.severity) for f in found] == [("ineligible_keyword", "warning")]
    assert "香典" in found[0].message and "慶弔費" in found[0].message


def test_program_rules_round_trip_and_reject_bad_shapes():
    rules = _rules(formula={"base": 100, "per_household": 2, "per_capita": 1, "rounding": 10})
    assert ProgramRules.from_dict(rules.to_dict()) == rules
    with pytest.raises(ValueError):
        ProgramRules.from_dict({"code": "x", "name": "n"})
    with pytest.raises(ValueError):
        _rules(caps=[{"expense_category": "food", "max_percent": -1}])


def test_formula_rounds_down_and_needs_its_figures():
    formula = AmountFormula(base=1000, per_household=3, per_capita=1, rounding=100)
    assert formula.proposed_amount(households=10, population=75) == 1100  # 1105 → 1100
    with pytest.raises(ValidationError):
        formula.proposed_amount(households=None, population=75)
    assert AmountFormula(base=500).proposed_amount(None, None) == 500


def test_yamaguchi_formula_lands_near_the_expected_amounts():
    preset = load_preset("yamaguchi")
    operating = preset.program("yamaguchi_operating_support").formula
    activity = preset.program("yamaguchi_activity_support").formula
    assert abs(operating.proposed_amount(11_500, 23_000) - 4_800_000) <= 100_000
    assert abs(activity.proposed_amount(11_500, 23_000) - 5_400_000) <= 100_000
    assert activity.proposed_amount(11_500, 23_000) % 1000 == 0


def test_eligible_spending_skips_ineligible_and_caps_food():
    rules = _rules()
    entries = [
        _ledger(1, entry(fund="activity_support", amount=50_000)),
        _ledger(2, entry(fund="activity_support", category="food", amount=30_000)),
        _ledger(3, entry(fund="activity_support", description="香典", amount=5_000)),
        _ledger(4, entry(fund="activity_support", category="construction", amount=7_000)),
        _ledger(5, entry(fund="own_funds", amount=9_000)),
    ]
    assert eligible_spending(entries, rules, PARENTS, program_amount=None) == 80_000
    # food is capped at 10 % of 200,000 = 20,000
    assert eligible_spending(entries, rules, PARENTS, program_amount=200_000) == 70_000


@given(received=st.integers(0, 10**9), eligible=st.integers(0, 10**9), carry=st.booleans())
def test_refund_is_never_negative_and_is_the_unspent_part(received, eligible, carry):
    result = settle(received, eligible, carry)
    assert result.refund >= 0 and result.carried_forward >= 0
    assert result.refund + result.carried_forward == max(0, received - eligible)
    assert (result.refund if not carry else result.carried_forward) == max(0, received - eligible)
    assert result.refund == 0 or result.carried_forward == 0


def test_settle_rejects_negative_figures():
    with pytest.raises(ValueError):
        settle(-1, 0)


_funds = st.sampled_from(["operating_support", "activity_support", "own_funds"])
_entries = st.lists(st.tuples(st.integers(0, 364), _funds, st.booleans(),
                              st.integers(1, 1_000_000)), max_size=40)


def _make(raw) -> list[CashBookEntry]:
    start = date(FY, 4, 1)
    return [CashBookEntry(i + 1, start + timedelta(days=day), fund,
                        "income" if is_income else "expense",
                        "membership_fees" if is_income else "consumables", "x", amount)
            for i, (day, fund, is_income, amount) in enumerate(raw)]


@given(raw=_entries, opening=st.dictionaries(_funds, st.integers(0, 10**7)))
def test_balance_is_carried_in_plus_income_minus_expense(raw, opening):
    entries = _make(raw)
    rows = list(running_balances(opening, signed_moves(entries)))
    net: dict[str, int] = {}
    for e in entries:
        net[e.fund_code] = net.get(e.fund_code, 0) + e.signed
    closing = closing_balances(opening, net)
    for fund in ("operating_support", "activity_support", "own_funds"):
        income = sum(e.amount for e in entries if e.fund_code == fund and e.direction == "income")
        expense = sum(e.amount for e in entries if e.fund_code == fund
                      and e.direction == "expense")
        assert closing[fund] == opening.get(fund, 0) + income - expense
        days = daily_balances(opening, entries).get(fund)
        if days:
            assert days[-1][1] == closing[fund]
    for row, fund_balance, _total in rows:
        later = [r for r in rows if r[0].fund_code == row.fund_code]
        if later[-1][0] is row:
            assert fund_balance == closing[row.fund_code]
    if rows:
        assert rows[-1][2] == sum(closing.values())
        assert [r[0].entry_date for r in rows] == sorted(e.entry_date for e in entries)


EXPENSE_CATEGORIES = [Category("supplies", "需用費"), Category("consumables", "消耗品費", "supplies"),
                      Category("food", "食糧費", "supplies"), Category("wages", "賃金")]
INCOME_CATEGORIES = [Category("grant", "交付金"), Category("carried_in", "前年度繰越金")]
FUNDS = [Category("activity_support", "活動支援")]


def test_budget_rows_group_children_and_count_the_opening_balance():
    lines = [BudgetLine("activity_support", "expense", "consumables", 100_000, 120_000),
             BudgetLine("activity_support", "expense", "wages", 50_000),
             BudgetLine("activity_support", "income", "grant", 150_000)]
    transfers = [Transfer("activity_support", "wages", "food", 10_000)]
    actuals = {("activity_support", "expense", "consumables"): 90_000,
               ("activity_support", "expense", "food"): 8_000,
               ("activity_support", "expense", "supplies"): 1_000,
               ("activity_support", "income", "grant"): 150_000}
    rows = budget_vs_actual_rows(FUNDS, INCOME_CATEGORIES, EXPENSE_CATEGORIES, lines, transfers,
                                 actuals, {"activity_support": 20_000})
    by = {(r.direction, r.category_code, r.kind): r for r in rows}
    group = by[("expense", "supplies", "group")]
    members = [r for r in rows if r.level == 1]
    assert [m.category_code for m in members] == ["supplies", "consumables", "food"]
    assert group.actual == sum(m.actual for m in members) == 99_000
    assert group.current == 130_000  # 補正後 120,000 + 流用 10,000
    assert by[("expense", "wages", "line")].current == 40_000
    assert by[("expense", "wages", "line")].difference == 40_000
    assert by[("income", "carried_in", "line")].actual == 20_000
    total = totals(rows)[("activity_support", "expense")]
    assert total.actual == 99_000 and total.budget == 150_000 and total.transfer == 0
    assert round(by[("expense", "consumables", "line")].execution_rate, 3) == 0.75
    assert totals(rows)[("activity_support", "income")].difference == 20_000
