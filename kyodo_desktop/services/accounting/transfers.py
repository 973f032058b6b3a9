"""振替 between the council's 口座: 預入 (現金 → bank), 引出 (bank → 現金) and bank → bank.

A transfer is ONE row (``account_transfers``, migration 13) with two sides, ``from_account_id``
(出金側) and ``to_account_id`` (入金側). It is not a 出納簿 entry, so it never counts as income or
expense: no 決算額, 事業費, 対象経費, review finding or form sees it. It moves only the two
accounts' 残高 (:func:`kyodo_desktop.services.accounting.figures.account_balances`). Writes are
logged in the 変更履歴 and refused in a closed 年度 (YearClosed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import accounts, common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.store import Store, audit

TABLE = "account_transfers"
#: The kinds of a transfer, by the kinds of its two sides.
DEPOSIT, WITHDRAWAL = N_("Deposit"), N_("Withdrawal")
BETWEEN_BANKS = N_("Transfer between accounts")


@dataclass(frozen=True)
class TransferInput:
    """A 振替 as typed: ``transfer_date`` 日付, ``from_account_id`` / ``to_account_id`` the two
    口座, ``amount`` 円 (≥ 1), ``description`` 摘要, ``memo``."""

    transfer_date: date
    from_account_id: int
    to_account_id: int
    amount: int
    description: str = ""
    memo: str = ""


@dataclass(frozen=True)
class Transfer(TransferInput):
    """A stored 振替 with its ``id``, council and 年度."""

    id: int = 0
    council_id: int = 0
    fiscal_year: int = 0


def check_transfer(store: Store, council_id: int, fiscal_year: int,
                   transfer: TransferInput) -> None:
    """Raise ValidationError (``field`` set) for a date outside 年度 ``fiscal_year``, an account
    not of the council, the same account on both sides, or an amount below 1 円."""
    if not isinstance(transfer.transfer_date, date) or isinstance(transfer.transfer_date,
                                                                  datetime):
        raise ValidationError(_("Enter the date."), field="transfer_date")
    common.require_date_in_year(transfer.transfer_date, fiscal_year, "transfer_date")
    accounts.resolve_account(store, council_id, transfer.from_account_id, "from_account_id")
    accounts.resolve_account(store, council_id, transfer.to_account_id, "to_account_id")
    if transfer.from_account_id == transfer.to_account_id:
        raise ValidationError(_("Choose two different accounts for a transfer."),
                              field="to_account_id")
    common.require_amount(transfer.amount)


def _values(transfer: TransferInput) -> dict:
    return {"transfer_date": transfer.transfer_date.isoformat(),
            "from_account_id": transfer.from_account_id,
            "to_account_id": transfer.to_account_id, "amount": transfer.amount,
            "description": text.printable(transfer.description, keep_newlines=False),
            "memo": text.printable(transfer.memo)}


def record_transfer(store: Store, council_id: int, fiscal_year: int, transfer: TransferInput,
                    *, actor: str = "") -> tuple[int, Changes]:
    """Store a 振替; return ``(id, Changes)``. Raises ValidationError, YearClosed."""
    common.ensure_open(store, council_id, fiscal_year)
    check_transfer(store, council_id, fiscal_year, transfer)
    with store.transaction() as db:
        row = audit.insert_row(db, TABLE, {"council_id": council_id, "fiscal_year": fiscal_year,
                                           **_values(transfer)}, actor)
    return row["id"], common.accounts_changed(council_id)


def get_transfer(store: Store, transfer_id: int) -> Transfer:
    """One stored 振替. Raises UserError when it does not exist."""
    rows = store.query("SELECT * FROM account_transfers WHERE id = ?", (transfer_id,))
    if not rows:
        raise UserError(_("This transfer no longer exists."))
    return _transfer(rows[0])


def _transfer(row: dict) -> Transfer:
    return Transfer(date.fromisoformat(row["transfer_date"]), row["from_account_id"],
                    row["to_account_id"], row["amount"], row["description"], row["memo"],
                    row["id"], row["council_id"], row["fiscal_year"])


def update_transfer(store: Store, transfer_id: int, transfer: TransferInput, *,
                    actor: str = "") -> Changes:
    """Replace a 振替's fields. Raises UserError (gone), ValidationError, YearClosed."""
    old = get_transfer(store, transfer_id)
    common.ensure_open(store, old.council_id, old.fiscal_year)
    check_transfer(store, old.council_id, old.fiscal_year, transfer)
    with store.transaction() as db:
        audit.update_row(db, TABLE, {"id": transfer_id}, _values(transfer), actor)
    return common.accounts_changed(old.council_id)


def delete_transfer(store: Store, transfer_id: int, *, actor: str = "") -> Changes:
    """Delete a 振替. Raises UserError (gone), YearClosed."""
    old = get_transfer(store, transfer_id)
    common.ensure_open(store, old.council_id, old.fiscal_year)
    with store.transaction() as db:
        audit.delete_row(db, TABLE, {"id": transfer_id}, actor)
    return common.accounts_changed(old.council_id)


def list_transfers(store: Store, council_id: int, fiscal_year: int, *,
                   account_id: int | None = None) -> list[Transfer]:
    """The 振替 of a council-year (of one account when ``account_id`` is given), by date."""
    return [_transfer(r) for r in store.query(
        "SELECT * FROM account_transfers WHERE council_id = ? AND fiscal_year = ? AND "
        "(? IS NULL OR ? IN (from_account_id, to_account_id)) ORDER BY transfer_date, id",
        (council_id, fiscal_year, account_id, account_id))]


def transfer_kind(store: Store, transfer: TransferInput) -> str:
    """預入 (現金 → bank), 引出 (bank → 現金) or 振替 (bank → bank), translated."""
    cash = store.scalar("SELECT council_id FROM council_accounts WHERE id = ?",
                        (transfer.from_account_id,))
    cash_id = accounts.cash_account_id(store, cash) if cash is not None else None
    if transfer.from_account_id == cash_id:
        return _(DEPOSIT)
    if transfer.to_account_id == cash_id:
        return _(WITHDRAWAL)
    return _(BETWEEN_BANKS)
