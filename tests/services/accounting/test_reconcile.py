"""通帳照合: the book balance of an account on a day, statement lines matched to entries and
transfers, records with a reason when the balances differ, 金種表 for 現金."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.reconcile import StatementLine
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import accounts, cash_book, reconcile, transfers
from kyodo_desktop.services.accounting.transfers import TransferInput

from .accounting_support import FY, entry

BANK = {"bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "ordinary",
        "account_number": "7654321", "holder": "湯田地域づくり協議会"}


@pytest.fixture
def bank(store, council) -> int:
    account, _ = accounts.save_bank_account(store, council, BANK)
    cash_book.record_entry(store, council, FY, entry(date(FY, 5, 10), direction="income",
                                                     amount=300_000, account_id=account,
                                                     description="交付金"))
    cash_book.record_entry(store, council, FY, entry(date(FY, 5, 20), amount=4_400,
                                                     account_id=account, description="振込"))
    transfers.record_transfer(store, council, FY, TransferInput(
        date(FY, 5, 25), account, accounts.cash_account_id(store, council), 50_000, "引出"))
    return account


def test_compare_gives_the_book_balance_on_the_day(store, council, bank):
    result = reconcile.compare(store, council, bank, date(FY, 5, 31), 245_600)
    assert (result.book_balance, result.difference, result.agreed) == (245_600, 0, True)
    early = reconcile.compare(store, council, bank, date(FY, 5, 15), 299_000)
    assert (early.book_balance, early.difference, early.agreed) == (300_000, -1_000, False)


def test_a_difference_needs_a_reason_and_an_agreement_does_not(store, council, bank):
    with pytest.raises(ValidationError) as refused:
        reconcile.record(store, council, bank, date(FY, 5, 15), 299_000)
    assert refused.value.field == "reason"
    saved, _ = reconcile.record(store, council, bank, date(FY, 5, 15), 299_000,
                                reason="手数料の記帳漏れ")
    agreed, _ = reconcile.record(store, council, bank, date(FY, 5, 31), 245_600)
    listed = reconcile.list_reconciliations(store, council, fiscal_year=FY)
    assert [(r.id, r.agreed, r.reason) for r in listed] == [
        (saved.id, False, "手数料の記帳漏れ"), (agreed.id, True, "")]
    summary = {row.name: row for row in reconcile.year_summary(store, council, FY)}
    assert len(summary["普通預金"].records) == 2
    assert [r.id for r in summary["普通預金"].differences] == [saved.id]
    assert summary["現金"].records == [] and summary["現金"].last is None


def test_a_cash_count_must_add_up_and_belongs_to_cash(store, council, bank):
    cash = accounts.cash_account_id(store, council)
    with pytest.raises(ValidationError):
        reconcile.record(store, council, bank, date(FY, 5, 31), 245_600,
                         cash_count={10_000: 1})
    with pytest.raises(ValidationError) as refused:
        reconcile.record(store, council, cash, date(FY, 5, 31), 50_000,
                         cash_count={10_000: 4})
    assert refused.value.field == "cash_count"
    saved, _ = reconcile.record(store, council, cash, date(FY, 5, 31), 50_000,
                                cash_count={10_000: 4, 5_000: 2})
    assert saved.agreed and saved.cash_count["5000"] == 2


def test_statement_lines_match_entries_and_transfers_within_three_days(store, council, bank):
    lines = [StatementLine(date(FY, 5, 12), "ﾌﾘｺﾐ ﾔﾏｸﾞﾁｼ", 0, 300_000, 300_000, 2),
             StatementLine(date(FY, 5, 26), "ｶｰﾄﾞ", 50_000, 0, 250_000, 3),
             StatementLine(date(FY, 5, 27), "ﾃｽｳﾘｮｳ", 440, 0, 249_560, 4)]
    result = reconcile.match_statement(store, council, bank, lines)
    assert [(line.row, move.kind) for line, move in result.matched] == [(2, "entry"),
                                                                         (3, "transfer")]
    assert [line.row for line in result.bank_only] == [4]
    assert [(move.day, move.signed) for move in result.book_only] == [(date(FY, 5, 20), -4_400)]
    assert reconcile.statement_balance(lines) == (date(FY, 5, 27), 249_560)
