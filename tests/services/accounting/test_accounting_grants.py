"""交付金 lifecycle: 申請 → 交付決定 → 概算払 → 変更 → 実績報告 → 精算."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import cash_book, figures, grants
from kyodo_desktop.services.accounting.file_checks import check_grant_refunds
from kyodo_desktop.store import audit

from .accounting_support import FY, entry, new_council

ACTIVITY = "yamaguchi_activity_support"


def _funded(store, council, decided=1_000_000):
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, decided, date(FY, 3, 1))
    grants.decide_grant(store, grant_id, decided, date(FY, 4, 10), "山協第12号")
    grants.record_payment(store, grant_id, decided, date(FY, 4, 25))
    return grant_id


def test_application_stores_the_formula_amount(store, council):
    grant_id, changes = grants.apply_grant(store, council, FY, ACTIVITY, 5_400_000,
                                           date(FY, 3, 1))
    assert changes.council_id == council
    row = store.query("SELECT * FROM grants WHERE id = ?", (grant_id,))[0]
    assert row["proposed_amount"] == grants.proposed_amount(store, council, FY, ACTIVITY)
    assert abs(row["proposed_amount"] - 5_400_000) < 100_000
    again, _ = grants.apply_grant(store, council, FY, ACTIVITY, 5_300_000, date(FY, 3, 2))
    assert again == grant_id and store.scalar("SELECT count(*) FROM grants") == 1


def test_state_shows_each_step_with_its_date(store, council):
    grant_id = _funded(store, council)
    state = grants.grant_state(store, grant_id)
    assert state.current == "paid" and state.received == 1_000_000
    by = {s.code: s for s in state.steps}
    assert by["decided"].on == date(FY, 4, 10) and by["decided"].label == "交付決定"
    assert not by["reported"].done and by["reported"].on is None
    grants.request_change(store, grant_id, 900_000, date(FY, 10, 1))
    assert grants.grant_state(store, grant_id).amount_in_force == 1_000_000
    grants.approve_change(store, grant_id, date(FY, 10, 20))
    state = grants.grant_state(store, grant_id)
    assert state.current == "change_approved" and state.amount_in_force == 900_000


def test_steps_out_of_order_are_refused(store, council):
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, 1, date(FY, 3, 1))
    with pytest.raises(ValidationError):
        grants.record_payment(store, grant_id, 100, date(FY, 4, 1))
    with pytest.raises(ValidationError):
        grants.approve_change(store, grant_id, date(FY, 4, 1))
    grants.decide_grant(store, grant_id, 100, date(FY, 4, 1))
    with pytest.raises(ValidationError):
        grants.settle_grant(store, grant_id, date(FY + 1, 5, 1))


def test_settlement_refunds_the_unspent_part_of_eligible_spending(store, council):
    grant_id = _funded(store, council)
    cash_book.record_entries(store, council, FY, [
        entry(fund="activity_support", direction="income", category="grant", amount=1_000_000),
        entry(fund="activity_support", amount=600_000),
        entry(fund="activity_support", amount=50_000, description="総会後の懇親会"),
        entry(fund="activity_support", category="food", amount=150_000, description="弁当"),
        entry(fund="own_funds", amount=70_000),
    ])
    # eligible: 600,000 + food capped at 10 % of 1,000,000 = 100,000; 懇親会 is not eligible
    assert figures.eligible_cost(store, grant_id) == 700_000
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20))
    result, _changes = grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    assert (result.refund, result.carried_forward) == (300_000, 0)
    state = grants.grant_state(store, grant_id)
    assert state.current == "settled" and state.refund == 300_000
    assert list(check_grant_refunds(store)) == []


def test_overspending_gives_no_refund_and_carry_forward_when_allowed(store, council):
    grant_id = _funded(store, council, decided=100_000)
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20), eligible=150_000)
    result, _ = grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    assert result.refund == 0
    program = store.query("SELECT id, rules FROM grant_programs WHERE code = ?", (ACTIVITY,))[0]
    rules = json.loads(program["rules"]) | {"allows_carry_forward": True}
    with store.transaction() as db:
        audit.update_row(db, "grant_programs", {"id": program["id"]},
                         {"allows_carry_forward": 1, "rules": json.dumps(rules)})
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20), eligible=40_000)
    result, _ = grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    assert (result.refund, result.carried_forward) == (0, 60_000)
    assert list(check_grant_refunds(store)) == []


def test_settlement_waits_for_every_payment_date(store, council):
    grant_id = _funded(store, council)
    grants.record_payment(store, grant_id, 5_000, None, requested_on=date(FY, 12, 1))
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20), eligible=0)
    with pytest.raises(ValidationError) as caught:
        grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    assert caught.value.field == "paid_on"


def test_proposed_amount_needs_the_figures(store, council):
    store.db["council_year_stats"].update((council, FY), {"households": None})
    with pytest.raises(ValidationError):
        grants.proposed_amount(store, council, FY, ACTIVITY)
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, 10, date(FY, 3, 1))
    assert store.scalar("SELECT proposed_amount FROM grants WHERE id = ?", (grant_id,)) is None


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paid=st.lists(st.integers(1, 3_000_000), min_size=1, max_size=4),
       eligible=st.integers(0, 10_000_000))
def test_settled_refund_is_received_minus_eligible_never_negative(store, paid, eligible):
    council = new_council(store)
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, sum(paid), date(FY, 3, 1))
    grants.decide_grant(store, grant_id, sum(paid), date(FY, 4, 1))
    for amount in paid:
        grants.record_payment(store, grant_id, amount, date(FY, 5, 1))
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20), eligible=eligible)
    result, _ = grants.settle_grant(store, grant_id, date(FY + 1, 5, 1))
    stored = store.scalar("SELECT refund_amount FROM grants WHERE id = ?", (grant_id,))
    assert stored == result.refund == max(0, sum(paid) - eligible) >= 0
