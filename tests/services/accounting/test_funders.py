"""Funds and programmes of other funders that a council defines (services/accounting/funders)."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.money import MAX_YEN
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import cash_book, checks, common, figures, funders, grants
from kyodo_desktop.services.forms.grants import fund_statements, grant_figures

from .accounting_support import FY, entry, new_council


def _program(store, council, **changes) -> tuple[str, int]:
    fund, _changes = funders.add_fund(store, council, "共同募金配分金")
    values = funders.ProgramInput(
        name="赤い羽根共同募金 地域配分金", funder="山口県共同募金会", fund_code=fund,
        allowed_categories=("supplies", "honoraria"), ineligible_keywords=("懇親会", "ｵﾐﾔｹﾞ"),
        max_amount=300_000, report_layout="performance_report")
    values = funders.ProgramInput(**{**values.__dict__, **changes})
    program_id, _changes = funders.add_program(store, council, values)
    return fund, program_id


def test_a_fund_belongs_to_its_council_only(store, council):
    other = new_council(store)
    fund, _ = funders.add_fund(store, council, " 共同募金配分金 ")
    assert common.fund_names(store, council)[fund] == "共同募金配分金"
    assert fund not in common.fund_names(store, other)
    assert fund not in common.fund_names(store)  # the city's forms list the city's funds only
    assert list(common.fund_names(store, council))[:3] == [
        "operating_support", "activity_support", "own_funds"]
    with pytest.raises(ValidationError, match="会計区分") as error:
        cash_book.record_entry(store, other, FY, entry(fund=fund))
    assert error.value.field == "fund_code"
    # the other council may use the same name for its own fund
    second, _ = funders.add_fund(store, other, "共同募金配分金")
    assert second != fund


def test_fund_names_are_checked(store, council):
    funders.add_fund(store, council, "寄付金")
    for bad in ("", "　", "x" * 41, "寄付金", "自主財源"):
        with pytest.raises(ValidationError) as error:
            funders.add_fund(store, council, bad)
        assert error.value.field == "name"
        assert error.value.message.isascii() is False


def test_programme_values_are_checked(store, council):
    fund, _ = funders.add_fund(store, council, "社会福祉協議会 助成金")
    good = funders.ProgramInput("ふれあい・いきいきサロン助成", "山口市社会福祉協議会", fund,
                                ("supplies",))
    bad = [({"name": " "}, "name"), ({"funder": ""}, "funder"),
           ({"fund_code": "operating_support"}, "fund"), ({"fund_code": "own_funds"}, "fund"),
           ({"allowed_categories": ()}, "allowed_categories"),
           ({"allowed_categories": ("supplies", "no_such")}, "allowed_categories"),
           ({"max_amount": -1}, "max_amount"), ({"max_amount": True}, "max_amount"),
           ({"max_amount": MAX_YEN + 1}, "max_amount"), ({"max_amount": "1,234"}, "max_amount"),
           ({"ineligible_keywords": tuple(f"語{i}" for i in range(51))}, "ineligible_keywords"),
           ({"ineligible_keywords": ("あ" * 31,)}, "ineligible_keywords"),
           ({"report_layout": "letter"}, "report_layout")]
    for change, field in bad:
        with pytest.raises(ValidationError) as error:
            funders.add_program(store, council, funders.ProgramInput(**{**good.__dict__,
                                                                        **change}))
        assert error.value.field == field, change
    funders.add_program(store, council, good)
    with pytest.raises(ValidationError, match="すでに別の助成制度") as error:
        funders.add_program(store, council, good)  # one programme per fund
    assert store.scalar("SELECT count(*) FROM council_programs") == 1


def test_programme_rules_drive_the_checks(store, council):
    fund, program_id = _program(store, council)
    [program] = funders.list_programs(store, council)
    assert program.values.ineligible_keywords == ("懇親会", "オミヤゲ")  # NFKC
    assert program.values.funder == "山口県共同募金会"
    cash_book.record_entry(store, council, FY, entry(fund=fund, direction="income",
                                                  category="grant", amount=200_000))
    cash_book.record_entry(store, council, FY, entry(fund=fund, category="consumables",
                                                  amount=50_000))
    cash_book.record_entry(store, council, FY, entry(fund=fund, category="rentals", amount=7_000,
                                                  description="会場使用料"))
    cash_book.record_entry(store, council, FY, entry(fund=fund, category="food", amount=9_000,
                                                  description="役員懇親会"))
    found = checks.year_findings(store, council, FY)
    codes = {(f.code, f.severity) for f in found}
    assert ("category_not_allowed", "error") in codes
    assert ("ineligible_keyword", "warning") in codes
    grant_id, _ = grants.apply_grant(store, council, FY, program.code, 200_000, date(FY, 4, 5))
    grants.decide_grant(store, grant_id, 200_000, date(FY, 4, 20), "共募第12号")
    grants.record_payment(store, grant_id, 200_000, date(FY, 5, 1))
    assert figures.eligible_cost(store, grant_id) == 50_000  # 会場使用料 and 懇親会 do not count
    grants.report_grant(store, grant_id, date(FY + 1, 4, 10))
    result, _ = grants.settle_grant(store, grant_id, date(FY + 1, 4, 30))
    assert (result.refund, result.carried_forward) == (150_000, 0)
    state = grants.grant_state(store, grant_id)
    assert state.current == "settled" and state.fund_code == fund


def test_the_cap_and_the_owner_of_a_programme(store, council):
    _fund, _program_id = _program(store, council)
    [program] = funders.list_programs(store, council)
    with pytest.raises(ValidationError) as error:
        grants.apply_grant(store, council, FY, program.code, 300_001, date(FY, 4, 5))
    assert error.value.field == "applied_amount" and "300,000" in error.value.message
    grant_id, _ = grants.apply_grant(store, council, FY, program.code, 300_000, date(FY, 4, 5))
    with pytest.raises(ValidationError):
        grants.decide_grant(store, grant_id, 400_000, date(FY, 4, 20))
    other = new_council(store)
    with pytest.raises(ValidationError):
        grants.apply_grant(store, other, FY, program.code, 1000, date(FY, 4, 5))
    with pytest.raises(UserError):
        funders.update_program(store, other, program.program_id, program.values)
    assert funders.list_programs(store, other) == []
    assert set(checks.load_ledger(store, other, FY).rules) == {"operating_support",
                                                               "activity_support"}


def test_the_city_forms_leave_the_funders_programme_out(store, council):
    fund, _ = _program(store, council)
    [program] = funders.list_programs(store, council)
    city, _ = grants.apply_grant(store, council, FY, "yamaguchi_activity_support", 5_000_000,
                                 date(FY, 4, 2))
    grants.apply_grant(store, council, FY, program.code, 100_000, date(FY, 4, 5))
    assert [g.grant_id for g in grant_figures(store, council, FY)] == [city]
    assert [g.program_name for g in grant_figures(
        store, council, FY, program_id=program.program_id)] == ["赤い羽根共同募金 地域配分金"]
    assert [f.fund_code for f in fund_statements(store, council, FY)] == [
        "operating_support", "activity_support", "own_funds"]
    assert [f.fund_name for f in fund_statements(store, council, FY, fund_codes=(fund,))] == [
        "共同募金配分金"]


def test_rename_update_and_delete(store, council):
    fund, _ = funders.add_fund(store, council, "事業収入")
    funders.rename_fund(store, council, fund, "指定管理料")
    assert common.fund_names(store, council)[fund] == "指定管理料"
    spare, _ = funders.add_fund(store, council, "寄付金")
    funders.delete_fund(store, council, spare)
    assert spare not in common.fund_names(store, council)
    assert store.scalar("SELECT count(*) FROM funds WHERE code = ?", (spare,)) == 0
    values = funders.ProgramInput("指定管理", "山口市", fund, ("commissions",))
    program_id, _ = funders.add_program(store, council, values)
    with pytest.raises(ValidationError):
        funders.delete_fund(store, council, fund)  # a programme pays into it
    funders.update_program(store, council, program_id, funders.ProgramInput(
        "指定管理（地域交流センター）", "山口市", fund, ("commissions", "utilities"),
        allows_carry_forward=True, report_layout="settlement"))
    [program] = funders.list_programs(store, council)
    assert program.name == "指定管理（地域交流センター）"
    assert program.values.allows_carry_forward and program.layout_label == "精算書"
    with pytest.raises(ValidationError):
        funders.rename_fund(store, council, "own_funds", "自分の会計")
