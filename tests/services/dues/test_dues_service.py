"""会費: rate × the roster's 加入世帯数 + 均等割 gives the 請求額; payments are 出納簿 entries
(収入 会費, 自主財源, the chosen 口座) linked to the 自治会; status 未納/一部/済/過納; undo."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain import dues
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.accounting import accounts, cash_book, figures, year_close
from kyodo_desktop.services.changes import redo, undo, undoable
from kyodo_desktop.services.dues import payments, rates
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.store import audit
from kyodo_desktop.store.errors import YearClosed

from .conftest import FY


def _lines(status):
    return {line.name: line for line in status.lines}


def test_billed_amounts_come_from_the_rate_and_the_rosters_member_households(dues_council):
    store, council = dues_council.store, dues_council.council_id
    rates.set_rate(store, council, FY, "300", "¥1,000")
    status = dues_status(store, council, FY)
    lines = _lines(status)
    assert [line.name for line in status.lines] == ["あおば自治会", "西町自治会", "東町自治会"]
    assert lines["東町自治会"].billed == 300 * 40 + 1000
    assert lines["あおば自治会"].billed == 300 * 25 + 1000
    assert lines["西町自治会"].billed == 1000  # no 加入世帯数: the 均等割 only
    assert "東町子ども会" not in lines
    assert status.billed == 300 * 65 + 3000
    assert {line.status for line in status.lines} == {dues.UNPAID}


def test_a_payment_is_a_cash_book_income_entry_and_sets_the_status(dues_council):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    rates.set_rate(store, council, FY, 300, 0)
    bank = accounts.save_bank_account(store, council, {
        "bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "ordinary",
        "account_number": "1234567", "holder": "テスト協議会"})[0]
    pid, _ = payments.record_payment(store, council, FY, orgs["東町自治会"], "R7.5.10",
                                     "１２，０００円", bank)
    payments.record_payment(store, council, FY, orgs["あおば自治会"], date(FY, 6, 1), 5000)
    payment = payments.get_payment(store, pid)
    entry = cash_book.get_entry(store, payment.entry_id)
    assert (entry.entry_date, entry.amount, entry.account_id) == (date(FY, 5, 10), 12_000, bank)
    assert (entry.fund_code, entry.direction, entry.category_code) == (
        "own_funds", "income", "membership_fees")
    assert entry.payee == "東町自治会" and "令和7年度" in entry.description
    lines = _lines(dues_status(store, council, FY))
    assert (lines["東町自治会"].paid, lines["東町自治会"].status) == (12_000, dues.PAID)
    assert (lines["あおば自治会"].balance, lines["あおば自治会"].status) == (2500, dues.PARTIAL)
    assert lines["西町自治会"].status == dues.NOT_BILLED
    payments.record_payment(store, council, FY, orgs["あおば自治会"], date(FY, 7, 1), 3000)
    lines = _lines(dues_status(store, council, FY))
    assert lines["あおば自治会"].status == dues.OVERPAID and lines["あおば自治会"].balance == -500
    assert [p.receipt_no for p in payments.list_payments(store, council, FY)] == [1, 2, 3]
    status = dues_status(store, council, FY)
    assert status.paid == figures.category_income(store, council, FY, "membership_fees")
    assert status.other_income == 0


def test_editing_and_deleting_a_payment_keeps_the_cash_book_consistent(dues_council):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    pid, _ = payments.record_payment(store, council, FY, orgs["東町自治会"], "2025-05-10", 9000)
    payment = payments.get_payment(store, pid)
    payments.update_payment(store, pid, "令和7年5月20日", "12,000")
    entry = cash_book.get_entry(store, payment.entry_id)
    assert (entry.entry_date, entry.amount) == (date(FY, 5, 20), 12_000)
    payments.delete_payment(store, pid)
    assert payments.list_payments(store, council, FY) == []
    with pytest.raises(UserError):
        cash_book.get_entry(store, payment.entry_id)
    pid, _ = payments.record_payment(store, council, FY, orgs["東町自治会"], "2025-05-10", 9000)
    cash_book.delete_entry(store, payments.get_payment(store, pid).entry_id)  # from the 出納簿
    assert dues_status(store, council, FY).paid == 0
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []


def test_a_payment_is_undone_and_redone_with_its_entry(dues_council):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    done = undoable(store, lambda: payments.record_payment(
        store, council, FY, orgs["東町自治会"], "2025-05-10", 9000))
    assert dues_status(store, council, FY).paid == 9000
    undo(store, done)
    assert dues_status(store, council, FY).paid == 0
    assert figures.category_income(store, council, FY, "membership_fees") == 0
    redo(store, done)
    assert dues_status(store, council, FY).paid == 9000
    assert audit.verify_covered_rows(store) == []


@pytest.mark.parametrize("amount", ["-1000", "0", "△500", "1.5", "12,34", "abc",
                                    "100000000000", "10,000,001"])
def test_hostile_payment_amounts_are_refused_in_japanese(dues_council, amount):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    with pytest.raises(ValidationError) as error:
        payments.record_payment(store, council, FY, orgs["東町自治会"], "2025-05-10", amount)
    assert error.value.field == "amount"
    assert any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in error.value.message)
    assert payments.list_payments(store, council, FY) == []


@pytest.mark.parametrize("day", ["2026-04-01", "2025-03-31", "2025-02-30", "きのう"])
def test_payment_dates_outside_the_year_or_unreadable_are_refused(dues_council, day):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    with pytest.raises(ValidationError) as error:
        payments.record_payment(store, council, FY, orgs["東町自治会"], day, 1000)
    assert error.value.field == "paid_on"


def test_only_a_neighbourhood_association_of_the_council_pays(dues_council, store):
    council, orgs = dues_council.council_id, dues_council.orgs
    with pytest.raises(ValidationError, match="自治会") as error:
        payments.record_payment(store, council, FY, orgs["東町子ども会"], "2025-05-10", 1000)
    assert error.value.field == "organization_id"
    other = store.db["councils"].insert({"name": "別の協議会"}).last_pk
    with pytest.raises(ValidationError):
        payments.record_payment(store, other, FY, orgs["東町自治会"], "2025-05-10", 1000)
    assert figures.category_income(store, council, FY, "membership_fees") == 0


def test_a_closed_year_refuses_payments_and_rates(dues_council):
    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    rates.set_rate(store, council, FY, 300)
    pid, _ = payments.record_payment(store, council, FY, orgs["東町自治会"], "2025-05-10", 9000)
    year_close.close_year(store, council, FY, allow_empty=True)
    for attempt in (
            lambda: payments.record_payment(store, council, FY, orgs["東町自治会"],
                                            "2025-06-10", 100),
            lambda: payments.update_payment(store, pid, "2025-05-10", 100),
            lambda: payments.delete_payment(store, pid),
            lambda: rates.set_rate(store, council, FY, 500)):
        with pytest.raises(YearClosed, match="令和7年度"):
            attempt()
    assert dues_status(store, council, FY).paid == 9000


@pytest.mark.parametrize(("household", "association"), [
    ("-300", "0"), ("0", "0"), ("", ""), ("100001", "0"), ("0", "10,000,001"), ("3.5", "0"),
    ("三百円x", "0")])
def test_hostile_rates_are_refused(dues_council, household, association):
    store, council = dues_council.store, dues_council.council_id
    with pytest.raises(ValidationError) as error:
        rates.set_rate(store, council, FY, household, association)
    assert error.value.field in ("per_household", "per_association")
    assert rates.get_rate(store, council, FY) is None


def test_rates_accept_full_width_and_yen_signs_and_are_logged(dues_council):
    store, council = dues_council.store, dues_council.council_id
    rates.set_rate(store, council, FY, "３００円", "￥２，０００")
    rates.set_rate(store, council, FY, "三百円", "0")
    rate = rates.get_rate(store, council, FY)
    assert (rate.per_household, rate.per_association) == (300, 0)
    assert audit.verify_covered_rows(store) == []
    assert [r["action"] for r in audit.history(store, "dues_rates", f"{council}:{FY}")] == [
        "insert", "update"]


def test_an_association_with_payments_is_not_deleted(dues_council):
    from kyodo_desktop.services.roster import organizations

    store, council, orgs = dues_council.store, dues_council.council_id, dues_council.orgs
    payments.record_payment(store, council, FY, orgs["東町自治会"], "2025-05-10", 9000)
    assert "会費の納入 1件" in organizations.organization_usage(store, orgs["東町自治会"])
    with pytest.raises(UserError, match="退会日"):
        organizations.delete_organization(store, orgs["東町自治会"])
    assert dues_status(store, council, FY).paid == 9000
