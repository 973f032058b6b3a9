"""通帳照合 and 現金の実査: compare the book's 残高 of an 口座 with the 通帳 (or the cash box) on a
day, match a bank statement's lines with the book, and record the result.

The book balance is :func:`kyodo_desktop.services.accounting.figures.account_balance`; the
matching rules are :mod:`kyodo_desktop.domain.reconcile`. A record (``reconciliations``,
migration 13) is 照合済 only when its 差額 is 0; otherwise it needs a reason (ValidationError
here, a CHECK in the store). Writes are logged in the 変更履歴.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kyodo_desktop.domain import reconcile, text, wareki
from kyodo_desktop.domain.reconcile import BookMove, MatchResult, StatementLine
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, common, figures
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.store import Store, audit

TABLE = "reconciliations"


@dataclass(frozen=True)
class Comparison:
    """The book against the bank on ``day`` for ``account_id``: 帳簿残高 ``book_balance``,
    通帳残高 ``bank_balance`` and 差額 ``difference`` (通帳 − 帳簿), 円."""

    account_id: int
    day: date
    book_balance: int
    bank_balance: int

    @property
    def difference(self) -> int:
        """通帳残高 − 帳簿残高 (円)."""
        return reconcile.difference(self.book_balance, self.bank_balance)

    @property
    def agreed(self) -> bool:
        """照合済: the difference is 0."""
        return self.difference == 0


@dataclass(frozen=True)
class Reconciliation(Comparison):
    """A recorded 照合: a :class:`Comparison` with its ``id``, ``reason`` for a difference, the
    金種表 ``cash_count`` ({denomination: count}, empty for a bank) and ``checked_by``."""

    id: int = 0
    reason: str = ""
    cash_count: Mapping[str, int] | None = None
    checked_by: str = ""


def compare(store: Store, council_id: int, account_id: int, day: date,
            bank_balance: int) -> Comparison:
    """The book's 残高 of the account at the end of ``day`` against ``bank_balance`` (円).
    Raises ValidationError for an account of another council or a balance that is not an int."""
    accounts.resolve_account(store, council_id, account_id)
    if isinstance(bank_balance, bool) or not isinstance(bank_balance, int):
        raise ValidationError(_("Enter the balance as a whole number of yen."),
                              field="bank_balance")
    book = figures.account_balance(store, council_id, account_id, day)
    return Comparison(account_id, day, book, bank_balance)


def record(store: Store, council_id: int, account_id: int, day: date, bank_balance: int, *,
           reason: str = "", cash_count: Mapping[int | str, int] | None = None,
           checked_by: str = "", actor: str = "") -> tuple[Reconciliation, Changes]:
    """Record a 照合 of the account on ``day``. With a 金種表 ``cash_count`` (現金 only) its total
    must equal ``bank_balance``. Raises ValidationError when the difference is not 0 and
    ``reason`` is empty, when a 金種表 is given for a bank account or does not add up."""
    result = compare(store, council_id, account_id, day, bank_balance)
    reason = text.printable(reason).strip()
    counts = None
    if cash_count is not None:
        if account_id != accounts.cash_account_id(store, council_id):
            raise ValidationError(_("A cash count belongs to the cash account only."),
                                  field="cash_count")
        if reconcile.cash_total(cash_count) != bank_balance:
            raise ValidationError(_("The cash count adds up to {total} yen, not {balance} yen.")
                                  .format(total=f"{reconcile.cash_total(cash_count):,}",
                                          balance=f"{bank_balance:,}"), field="cash_count")
        counts = {str(int(k)): v for k, v in cash_count.items()}
    if not result.agreed and not reason:
        raise ValidationError(_("The book and the bank differ by {difference} yen. Write the "
                                "reason for the difference (e.g. a payment the bank made the "
                                "next day).").format(difference=f"{result.difference:,}"),
                              field="reason")
    with store.transaction() as db:
        row = audit.insert_row(db, TABLE, {
            "council_id": council_id, "account_id": account_id,
            "reconciled_on": day.isoformat(), "book_balance": result.book_balance,
            "bank_balance": bank_balance, "reason": reason,
            "cash_count": "" if counts is None else json.dumps(counts, sort_keys=True),
            "checked_by": text.printable(checked_by, keep_newlines=False)}, actor)
    return _reconciliation(row), common.accounts_changed(council_id)


def _reconciliation(row: dict) -> Reconciliation:
    counts = json.loads(row["cash_count"]) if row["cash_count"] else None
    return Reconciliation(row["account_id"], date.fromisoformat(row["reconciled_on"]),
                          row["book_balance"], row["bank_balance"], row["id"], row["reason"],
                          counts, row["checked_by"])


def delete(store: Store, council_id: int, reconciliation_id: int, *, actor: str = "") -> Changes:
    """Delete a recorded 照合. Raises UserError when it is gone."""
    if not store.scalar("SELECT 1 FROM reconciliations WHERE id = ? AND council_id = ?",
                        (reconciliation_id, council_id)):
        raise UserError(_("This reconciliation no longer exists."))
    with store.transaction() as db:
        audit.delete_row(db, TABLE, {"id": reconciliation_id}, actor)
    return common.accounts_changed(council_id)


def list_reconciliations(store: Store, council_id: int, *, fiscal_year: int | None = None,
                         account_id: int | None = None) -> list[Reconciliation]:
    """The council's recorded 照合 (of one 年度 and/or account), by date then account."""
    first, last = ((wareki.fiscal_year_start(fiscal_year).isoformat(),
                    wareki.fiscal_year_end(fiscal_year).isoformat())
                   if fiscal_year is not None else ("0000-01-01", "9999-12-31"))
    return [_reconciliation(r) for r in store.query(
        "SELECT * FROM reconciliations WHERE council_id = ? AND reconciled_on BETWEEN ? AND ? "
        "AND (? IS NULL OR account_id = ?) ORDER BY reconciled_on, account_id, id",
        (council_id, first, last, account_id, account_id))]


def book_moves(store: Store, council_id: int, account_id: int, first: date,
               last: date) -> list[BookMove]:
    """The account's moves in the book from ``first`` to ``last``: its 出納簿 entries (+ income,
    − expense) and both sides of its 振替, in date order."""
    rows = store.conn.execute(
        "SELECT 'entry', id, entry_date, CASE direction WHEN 'income' THEN 1 ELSE -1 END, "
        "amount, description FROM cash_book_entries WHERE council_id = :c AND account_id = :a "
        "AND entry_date BETWEEN :f AND :l UNION ALL "
        "SELECT 'transfer', id, transfer_date, CASE WHEN to_account_id = :a THEN 1 ELSE -1 END, "
        "amount, description FROM account_transfers WHERE council_id = :c AND :a IN "
        "(from_account_id, to_account_id) AND transfer_date BETWEEN :f AND :l "
        "ORDER BY 3, 1, 2",
        {"c": council_id, "a": account_id, "f": first.isoformat(), "l": last.isoformat()})
    return [BookMove(kind, ident, date.fromisoformat(day), sign * amount, description)
            for kind, ident, day, sign, amount, description in rows]


def match_statement(store: Store, council_id: int, account_id: int,
                    lines: Sequence[StatementLine]) -> MatchResult:
    """Match a statement's ``lines`` with the account's book moves dated from the first line's
    day − 3 to the last line's day + 3 (see :func:`kyodo_desktop.domain.reconcile.match_lines`).
    Book moves outside the statement's own dates are not listed as 帳簿のみ. Raises UserError
    for an empty statement."""
    accounts.resolve_account(store, council_id, account_id)
    if not lines:
        raise UserError(_("The statement has no lines to compare."))
    first, last = min(line.day for line in lines), max(line.day for line in lines)
    window = timedelta(days=reconcile.DATE_WINDOW)
    result = reconcile.match_lines(lines, book_moves(store, council_id, account_id,
                                                     first - window, last + window))
    book_only = [m for m in result.book_only if first <= m.day <= last]
    return MatchResult(result.matched, result.bank_only, book_only)


def statement_balance(lines: Sequence[StatementLine]) -> tuple[date, int] | None:
    """The last 残高 a statement shows and its day (None when it has no 残高 column)."""
    with_balance = [line for line in lines if line.balance is not None]
    if not with_balance:
        return None
    last = max(with_balance, key=lambda line: (line.day, line.row))
    return last.day, last.balance


@dataclass(frozen=True)
class AccountSummary:
    """The 年度's 照合 of one 口座 (for the 会計監査報告書): ``account_id``, its ``name``, the
    records in date order (``records``) and those with a difference (``differences``)."""

    account_id: int
    name: str
    records: list[Reconciliation]

    @property
    def differences(self) -> list[Reconciliation]:
        """The records whose 差額 is not 0 (each with its reason)."""
        return [r for r in self.records if not r.agreed]

    @property
    def last(self) -> Reconciliation | None:
        """The latest record (None when the account was not reconciled)."""
        return self.records[-1] if self.records else None


def year_summary(store: Store, council_id: int, fiscal_year: int) -> list[AccountSummary]:
    """Per 口座 (in account order), the 年度's 照合; accounts without one have no records."""
    found = list_reconciliations(store, council_id, fiscal_year=fiscal_year)
    return [AccountSummary(account.id, account.name,
                           [r for r in found if r.account_id == account.id])
            for account in accounts.list_ledger_accounts(store, council_id)]
