"""返還: the 返還金 of a 精算 paid back in one step — the grant's 返還日 and the 返還金 expense in
the 出納簿 of the 年度 it was paid in, linked to the grant — so the 精算書's 返還額 and the
収支決算書's 返還金 line agree without booking by hand (services/accounting/grants.pay_refund)."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.accounting import REFUND_CATEGORY
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import cash_book, figures, grants
from kyodo_desktop.services.accounting.year_close import close_year
from kyodo_desktop.services.review import totals
from kyodo_desktop.store.errors import YearClosed

from .accounting_support import FY, entry

ACTIVITY = "yamaguchi_activity_support"


def _settled(store, council) -> int:
    """A grant of 1,000,000 円 of which 700,000 円 was spent: 300,000 円 to return."""
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, 1_000_000, date(FY, 3, 1))
    grants.decide_grant(store, grant_id, 1_000_000, date(FY, 4, 10), "山協第12号")
    grants.record_payment(store, grant_id, 1_000_000, date(FY, 4, 25))
    cash_book.record_entries(store, council, FY, [
        entry(fund="activity_support", direction="income", category="grant", amount=1_000_000),
        entry(fund="activity_support", amount=700_000)])
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20))
    grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    return grant_id


def _refunds(store):
    return store.query("SELECT fiscal_year, entry_date, fund_code, expense_category_code, "
                       "amount, grant_id, project_id FROM cash_book_entries WHERE grant_id "
                       "IS NOT NULL")


def test_paying_the_refund_books_it_in_the_year_it_was_paid(store, council):
    grant_id = _settled(store, council)
    assert [f for f in totals._refunds(store, council, FY)]  # 返還額 300,000, books 0
    grants.pay_refund(store, grant_id, date(FY + 1, 5, 20))
    assert _refunds(store) == [{
        "fiscal_year": FY + 1, "entry_date": f"{FY + 1}-05-20", "fund_code": "activity_support",
        "expense_category_code": REFUND_CATEGORY, "amount": 300_000, "grant_id": grant_id,
        "project_id": None}]
    assert figures.refunds_booked(store, grant_id) == 300_000
    assert store.scalar("SELECT refunded_on FROM grants WHERE id = ?", (grant_id,)) == \
        f"{FY + 1}-05-20"
    assert list(totals._refunds(store, council, FY)) == []
    grants.pay_refund(store, grant_id, date(FY + 1, 5, 21))  # the date corrected: no 2nd entry
    assert len(_refunds(store)) == 1 and figures.refunds_booked(store, grant_id) == 300_000


def test_only_what_the_books_lack_is_booked(store, council):
    grant_id = _settled(store, council)
    cash_book.record_entries(store, council, FY + 1, [entry(
        date(FY + 1, 5, 15), fund="activity_support", category=REFUND_CATEGORY,
        amount=100_000, grant_id=grant_id)])
    grants.pay_refund(store, grant_id, date(FY + 1, 5, 20))
    assert sorted(r["amount"] for r in _refunds(store)) == [100_000, 200_000]


def test_it_is_paid_from_the_account_the_grant_is_paid_into(store, council):
    grant_id = _settled(store, council)
    bank = {"council_id": council, "kind": "bank", "account_type": "ordinary",
            "bank_name": "山口銀行", "account_number": "1234567", "holder": "湯田地域づくり協議会"}
    store.db["council_accounts"].insert({**bank, "label": "積立"})
    payee = store.db["council_accounts"].insert({**bank, "label": "振込先",
                                                 "account_number": "7654321",
                                                 "is_payee": 1}).last_pk
    grants.pay_refund(store, grant_id, date(FY + 1, 5, 20))
    assert store.scalar("SELECT account_id FROM cash_book_entries WHERE grant_id = ?",
                        (grant_id,)) == payee


def test_nothing_is_written_when_the_year_of_payment_is_closed(store, council):
    grant_id = _settled(store, council)
    close_year(store, council, FY + 1, allow_empty=True)
    with pytest.raises(YearClosed):
        grants.pay_refund(store, grant_id, date(FY + 1, 5, 20))
    assert _refunds(store) == []
    assert store.scalar("SELECT refunded_on FROM grants WHERE id = ?", (grant_id,)) is None


def test_refused_before_the_settlement_and_when_nothing_is_to_be_returned(store, council):
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, 1_000, date(FY, 3, 1))
    with pytest.raises(ValidationError, match="精算"):
        grants.pay_refund(store, grant_id, date(FY + 1, 5, 20))
    grants.decide_grant(store, grant_id, 1_000, date(FY, 4, 10))
    grants.record_payment(store, grant_id, 1_000, date(FY, 4, 25))
    cash_book.record_entries(store, council, FY, [entry(fund="activity_support", amount=1_000)])
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20))
    grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    with pytest.raises(ValidationError, match="返還金がありません"):
        grants.pay_refund(store, grant_id, date(FY + 1, 5, 20))
    assert _refunds(store) == []
