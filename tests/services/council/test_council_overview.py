"""The 協議会 page's overview: counts, 世帯数, 役員 as of a date, 交付金, funds, and the 年度 list."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.services.council import profile as council_profile
from kyodo_desktop.store import audit


@pytest.fixture
def yuda(store):
    """One council (no district needed here); returns its id."""
    council_id, _changes = council_profile.create_council(store, "湯田地域づくり協議会")
    return council_id


@pytest.fixture
def figures(store, yuda):
    """A small council with known figures for 2026 (and a few for 2025)."""
    db = store.db
    with store.transaction():
        def org(kind, name, joined=None, left=None):
            return db["member_organizations"].insert(
                {"council_id": yuda, "kind": kind, "name": name, "joined_on": joined,
                 "left_on": left}).last_pk
        a = org("neighborhood_association", "一丁目自治会")
        b = org("neighborhood_association", "二丁目自治会", joined="2026-06-01")
        org("neighborhood_association", "解散した自治会", left="2025-03-31")
        org("senior_club", "老人クラブ")
        org("pta", "後から入った PTA", joined="2027-05-01")
        db["organization_households"].insert_all([
            {"organization_id": a, "fiscal_year": 2026, "households": 300, "member_households": 240},
            {"organization_id": b, "fiscal_year": 2026, "households": 100, "member_households": 60},
            {"organization_id": a, "fiscal_year": 2025, "households": 290, "member_households": 250},
        ])
        people = [db["people"].insert({"council_id": yuda, "name": f"人{i}"}).last_pk
                  for i in range(5)]
        db["officer_terms"].insert_all([
            {"person_id": people[0], "role": "president", "council_id": yuda,
             "starts_on": "2025-04-01", "ends_on": "2027-03-31"},
            {"person_id": people[0], "role": "director", "council_id": yuda,
             "starts_on": "2025-04-01"},  # same person twice: counted once
            {"person_id": people[1], "role": "auditor", "council_id": yuda,
             "starts_on": "2023-04-01", "ends_on": "2025-03-31"},  # closed
            {"person_id": people[2], "role": "office_staff", "council_id": yuda,
             "starts_on": "2025-04-01"},  # staff, not an officer
            {"person_id": people[3], "role": "treasurer", "council_id": yuda,
             "starts_on": "2026-10-01"},
        ])
        db["subcommittees"].insert_all([
            {"council_id": yuda, "name": "総務部会", "is_office": 0},
            {"council_id": yuda, "name": "福祉部会", "is_office": 0},
            {"council_id": yuda, "name": "事務局", "is_office": 1}])
        ops = audit.insert_row(db, "grant_programs", {
            "code": "ops", "name": "運営支援交付金", "fund_code": "operating_support",
            "city_preset": "yamaguchi"})["id"]
        act = audit.insert_row(db, "grant_programs", {
            "code": "act", "name": "活動支援交付金", "fund_code": "activity_support",
            "city_preset": "yamaguchi"})["id"]
        g1 = db["grants"].insert({"council_id": yuda, "fiscal_year": 2026, "program_id": act,
                                  "applied_amount": 5_000_000, "decided_amount": 4_900_000}).last_pk
        g2 = db["grants"].insert({"council_id": yuda, "fiscal_year": 2026, "program_id": ops,
                                  "applied_amount": 4_000_000}).last_pk
        db["grant_payments"].insert_all([
            {"grant_id": g1, "paid_on": "2026-04-20", "amount": 2_450_000},
            {"grant_id": g1, "paid_on": None, "amount": 2_450_000},  # requested, not paid yet
            {"grant_id": g2, "paid_on": "2026-04-20", "amount": 1_000_000}])
        db["budget_lines"].insert_all([
            {"council_id": yuda, "fiscal_year": 2026, "fund_code": "activity_support",
             "direction": "expense", "expense_category_code": "consumables", "budget": 100_000},
            {"council_id": yuda, "fiscal_year": 2026, "fund_code": "activity_support",
             "direction": "expense", "expense_category_code": "printing", "budget": 300_000,
             "revised_budget": 200_000},
            {"council_id": yuda, "fiscal_year": 2026, "fund_code": "activity_support",
             "direction": "income", "income_category_code": "grant", "budget": 9_999_999}])

        def entry(fund, direction, amount, day="2026-05-01"):
            category = ("expense_category_code", "consumables") if direction == "expense" \
                else ("income_category_code", "grant")
            db["cash_book_entries"].insert({"council_id": yuda, "fiscal_year": 2026,
                                            "fund_code": fund, "entry_date": day,
                                            "direction": direction, category[0]: category[1],
                                            "amount": amount})
        entry("activity_support", "income", 2_450_000)
        entry("activity_support", "expense", 120_000)
        entry("activity_support", "expense", 30_000)
        entry("own_funds", "income", 50_000)
        entry("own_funds", "expense", 8_000)
        db["opening_balances"].insert({"council_id": yuda, "fiscal_year": 2026,
                                       "fund_code": "own_funds", "carried_in": 412_380})
    return yuda


def test_overview_counts(store, figures):
    overview = council_profile.council_overview(store, figures, 2026, today=date(2026, 11, 20))
    assert overview.neighborhood_associations == 2
    assert overview.other_organizations == 1
    assert (overview.households, overview.member_households) == (400, 300)
    assert overview.membership_rate == pytest.approx(0.75)
    assert overview.officers == 2  # 会長(+理事) and 会計; the 監事's term closed, staff excluded
    assert overview.subcommittees == 2


def test_overview_officers_as_of_the_reference_date(store, figures):
    before_treasurer = council_profile.council_overview(store, figures, 2026,
                                                        today=date(2026, 9, 30))
    assert before_treasurer.officers == 1
    past = council_profile.council_overview(store, figures, 2024, today=date(2026, 9, 30))
    assert past.officers == 1  # only the 監事 (term 2023–2024) on 2025-03-31


def test_overview_grants_and_funds(store, figures):
    overview = council_profile.council_overview(store, figures, 2026, today=date(2026, 11, 20))
    by_name = {g.program: g for g in overview.grants}
    assert [g.program for g in overview.grants] == ["運営支援交付金", "活動支援交付金"]
    assert (by_name["活動支援交付金"].applied, by_name["活動支援交付金"].decided,
            by_name["活動支援交付金"].received) == (5_000_000, 4_900_000, 2_450_000)
    assert by_name["運営支援交付金"].decided is None
    assert overview.grant_total == 4_900_000 + 4_000_000
    funds = {f.fund_code: f for f in overview.funds}
    activity = funds["activity_support"]
    assert (activity.budget, activity.spent) == (300_000, 150_000)
    assert activity.execution_rate == pytest.approx(0.5)
    assert activity.balance == 2_450_000 - 150_000
    assert funds["own_funds"].balance == 412_380 + 50_000 - 8_000
    assert funds["own_funds"].execution_rate is None
    assert all(isinstance(f.balance, int) for f in overview.funds)


def test_overview_of_a_year_without_data(store, figures):
    overview = council_profile.council_overview(store, figures, 2023, today=date(2026, 11, 20))
    assert overview.households is None and overview.membership_rate is None
    assert overview.grants == () and overview.grant_total == 0
    assert all(f.budget == f.spent == f.balance == 0 for f in overview.funds)


def test_fiscal_years(store, figures):
    assert council_profile.fiscal_years(store, figures, today=date(2028, 5, 1)) == [2025, 2026,
                                                                                    2028]
    assert council_profile.fiscal_years(store, None, today=date(2027, 3, 31)) == [2026]


def test_default_council_is_where_the_work_is(store, figures):
    with store.transaction() as db:  # an empty council with a lower id does not win
        db["councils"].insert({"id": 0, "name": "秋穂地域づくり協議会"})
    assert council_profile.default_council(store) == figures


def test_default_council_of_an_empty_file(store):
    assert council_profile.default_council(store) is None
