"""The demo's 会費: 300円 per 加入世帯 for each of 湯田's 自治会 in both years; the open year has a
few 未納 and one 一部; the 会費 list sums to the 会費 income of the 出納簿 (figures.py)."""

from __future__ import annotations

from kyodo_desktop.demo.common import CLOSED_YEAR, OPEN_YEAR
from kyodo_desktop.domain import dues
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.services.roster.totals import roster_totals
from kyodo_desktop.store import audit


def _council(store) -> int:
    return store.scalar("SELECT id FROM councils WHERE name LIKE '湯田%'")


def test_every_association_is_billed_300_yen_per_member_household(demo_store):
    council = _council(demo_store)
    for year in (CLOSED_YEAR, OPEN_YEAR):
        status = dues_status(demo_store, council, year)
        totals = roster_totals(demo_store, council, year)
        assert (status.rate.per_household, status.rate.per_association) == (300, 0)
        assert len(status.lines) == totals.associations
        assert status.billed == 300 * totals.member_households
        assert all(line.billed == 300 * line.member_households for line in status.lines)


def test_the_list_sums_to_the_membership_income_of_the_cash_book(demo_store):
    council = _council(demo_store)
    for year in (CLOSED_YEAR, OPEN_YEAR):
        status = dues_status(demo_store, council, year)
        assert status.paid == figures.category_income(demo_store, council, year,
                                                      "membership_fees")
        assert status.paid == sum(figures.dues_paid(demo_store, council, year).values())
        assert status.other_income == 0


def test_a_few_have_not_paid_and_one_paid_a_part(demo_store):
    council = _council(demo_store)
    closed = dues_status(demo_store, council, CLOSED_YEAR)
    assert closed.count(dues.PAID) == len(closed.lines) - 1
    [never] = [line for line in closed.lines if line.status == dues.UNPAID]
    status = dues_status(demo_store, council, OPEN_YEAR)
    assert status.count(dues.UNPAID) == 3 and status.count(dues.PARTIAL) == 1
    assert next(x for x in status.lines if x.organization_id == never.organization_id
                ).status == dues.UNPAID  # has not paid in either year
    assert status.count(dues.PAID) == len(status.lines) - 4
    assert status.balance == sum(line.balance for line in status.lines) > 0
    numbers = [p.receipt_no for line in status.lines for p in line.payments]
    assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_the_demo_dues_are_in_the_change_log(demo_store):
    assert audit.verify_covered_rows(demo_store) == []
