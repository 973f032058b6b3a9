"""口座 (accounts) as the 出納簿 uses them: the council's one 現金 and its bank accounts.

Every 出納簿 entry names the account it moved (``cash_book_entries.account_id``, migration 13);
an entry saved without one goes on 現金. The bank accounts are the ``council_accounts`` rows the
grant forms print as 振込先 (:mod:`kyodo_desktop.services.council.accounts` keeps their bank
details and rules); here they gain the 現金 account, names for choosing, and the 繰越 into the
next 年度. Balances come from :mod:`kyodo_desktop.services.accounting.figures` only.
Errors a user can act on: ValidationError / UserError with a Japanese message.
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common, figures
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import accounts as bank_accounts
from kyodo_desktop.store import Store, audit

CASH = "cash"
BANK = "bank"
#: The name of the 現金 account.
CASH_NAME = "現金"


@dataclass(frozen=True)
class LedgerAccount:
    """A 口座 of the council: ``kind`` 'cash' | 'bank'; bank details empty for 現金;
    ``account_type`` 'ordinary' | 'current' | 'savings' | 'time' (普通・当座・貯蓄・定期)."""

    id: int
    kind: str
    label: str
    bank_name: str = ""
    branch_name: str = ""
    account_type: str | None = None
    account_number: str = ""
    holder: str = ""
    is_payee: bool = False

    @property
    def type_name(self) -> str:
        """普通預金 / 当座預金 / 貯蓄預金 / 定期預金, or 現金."""
        if self.kind == CASH:
            return CASH_NAME
        return bank_accounts.ACCOUNT_TYPES.get(self.account_type or "", "") + "預金"

    @property
    def name(self) -> str:
        """What the app shows to choose it: 現金, the 呼び名, else 普通預金 …"""
        if self.kind == CASH:
            return CASH_NAME
        return self.label or self.type_name

    @property
    def details(self) -> str:
        """金融機関 支店 種別 番号 (empty for 現金)."""
        if self.kind == CASH:
            return ""
        return " ".join(p for p in (self.bank_name, self.branch_name, self.type_name,
                                    self.account_number) if p)


def cash_account_id(store: Store, council_id: int) -> int:
    """The id of the council's 現金 account, created when the council has none yet."""
    found = store.scalar("SELECT id FROM council_accounts WHERE council_id = ? AND kind = 'cash'",
                         (council_id,))
    if found is not None:
        return found
    with store.transaction() as db:
        return db["council_accounts"].insert({"council_id": council_id, "kind": CASH,
                                              "label": CASH_NAME, "sort_order": 0}).last_pk


def list_ledger_accounts(store: Store, council_id: int) -> list[LedgerAccount]:
    """The council's 口座: 現金 first, then the bank accounts (振込先 first, in entered order)."""
    cash_account_id(store, council_id)
    return [LedgerAccount(r["id"], r["kind"], r["label"], r["bank_name"], r["branch_name"],
                          r["account_type"], r["account_number"], r["holder"],
                          bool(r["is_payee"]))
            for r in store.query(
                "SELECT * FROM council_accounts WHERE council_id = ? "
                "ORDER BY kind = 'bank', is_payee DESC, sort_order, id", (council_id,))]


def account_names(store: Store, council_id: int) -> dict[int, str]:
    """``{account_id: name}`` in display order (see :attr:`LedgerAccount.name`)."""
    return {a.id: a.name for a in list_ledger_accounts(store, council_id)}


def resolve_account(store: Store, council_id: int, account_id: int | None,
                    field: str = "account_id") -> int:
    """``account_id`` when it is an account of the council, the 現金 account for None; raises
    ValidationError (``field``) for an account of another council or one that is gone."""
    if account_id is None:
        return cash_account_id(store, council_id)
    if isinstance(account_id, bool) or not isinstance(account_id, int) or not store.scalar(
            "SELECT 1 FROM council_accounts WHERE id = ? AND council_id = ?",
            (account_id, council_id)):
        raise ValidationError(_("Choose an account of this council."), field=field)
    return account_id


def find_account(store: Store, council_id: int, wanted: str) -> int:
    """The account a user named: 現金, a 呼び名, 普通預金 / 定期預金 …, an 口座番号 or a bank's
    name (NFKC, spaces ignored). Raises UserError listing the accounts when none or several
    match."""
    key = text.normalize(wanted).replace(" ", "")
    found = []
    for account in list_ledger_accounts(store, council_id):
        names = {account.name, account.label, account.type_name, account.account_number,
                 account.bank_name, account.type_name.removesuffix("預金")}
        if key and key in {text.normalize(n).replace(" ", "") for n in names if n}:
            found.append(account.id)
    if len(found) == 1:
        return found[0]
    choices = "、".join(account_names(store, council_id).values())
    if found:
        raise UserError(_("Several accounts are called {name}. Give the account number "
                          "instead. Accounts: {choices}").format(name=wanted, choices=choices))
    raise UserError(_("There is no account called {name}. Accounts: {choices}").format(
        name=wanted, choices=choices))


def save_bank_account(store: Store, council_id: int, values: dict,
                      account_id: int | None = None) -> tuple[int, Changes]:
    """Add or change a bank account (金融機関, 支店, 種別 普通/当座/貯蓄/定期, 口座番号, 名義);
    see :func:`kyodo_desktop.services.council.accounts.save_account` for the rules and errors.
    The 現金 account has no bank details and cannot be changed here (UserError)."""
    if account_id is not None and store.scalar(
            "SELECT kind FROM council_accounts WHERE id = ?", (account_id,)) == CASH:
        raise UserError(_("The cash account has no bank details to change."))
    account_id, _changes = bank_accounts.save_account(store, council_id, values, account_id)
    return account_id, common.accounts_changed(council_id)


def delete_ledger_account(store: Store, council_id: int, account_id: int) -> Changes:
    """Delete a bank account nothing refers to. Raises UserError for 現金, for an account with
    出納簿 entries, 振替 or 通帳照合 records (move them first), or one that is gone."""
    resolve_account(store, council_id, account_id)
    if account_id == cash_account_id(store, council_id):
        raise UserError(_("The cash account cannot be deleted."))
    used = any(store.scalar(sql, (account_id,) * sql.count("?")) for sql in (
        "SELECT 1 FROM cash_book_entries WHERE account_id = ? LIMIT 1",
        "SELECT 1 FROM account_transfers WHERE from_account_id = ? OR to_account_id = ? LIMIT 1",
        "SELECT 1 FROM reconciliations WHERE account_id = ? LIMIT 1"))
    if used:
        raise UserError(_("This account has cash book entries, transfers or reconciliations. "
                          "Move the entries to another account first."))
    bank_accounts.delete_account(store, council_id, account_id)
    return common.accounts_changed(council_id)


def carry_accounts(db, store: Store, council_id: int, fiscal_year: int, actor: str = "") -> None:
    """Write 年度 ``fiscal_year + 1``'s 口座の繰越金 of the bank accounts from their 残高 at the
    end of ``fiscal_year`` (inside the caller's transaction: the 年度締め). 現金 needs no row: it
    holds the rest of the 前年度繰越金."""
    cash = cash_account_id(store, council_id)
    for account, amount in figures.account_balances(store, council_id, fiscal_year).items():
        if account == cash:
            continue
        key = {"council_id": council_id, "fiscal_year": fiscal_year + 1, "account_id": account}
        if audit.snapshot(db, "account_opening_balances", key) is None:
            audit.insert_row(db, "account_opening_balances", {**key, "carried_in": amount}, actor)
        else:
            audit.update_row(db, "account_opening_balances", key, {"carried_in": amount}, actor)


def account_opening(store: Store, council_id: int, fiscal_year: int,
                    account_id: int) -> int | None:
    """The stored 前年度繰越金 (円) of a bank account for 年度 ``fiscal_year``, None when none
    was entered (the 現金 account never has one: it holds the rest)."""
    return store.scalar("SELECT carried_in FROM account_opening_balances WHERE council_id = ? "
                        "AND fiscal_year = ? AND account_id = ?",
                        (council_id, fiscal_year, account_id))


def set_account_opening(store: Store, council_id: int, fiscal_year: int, account_id: int,
                        amount: int, *, actor: str = "") -> Changes:
    """Set a bank account's 前年度繰越金 (円, ≥ 0) for 年度 ``fiscal_year`` (the 現金 account
    holds the rest). Raises ValidationError, YearClosed."""
    resolve_account(store, council_id, account_id)
    common.require_amount(amount, "carried_in", allow_zero=True)
    common.ensure_open(store, council_id, fiscal_year)
    if account_id == cash_account_id(store, council_id):
        raise ValidationError(_("The cash account holds what the other accounts do not: set the "
                                "bank accounts' amounts instead."), field="account_id")
    key = {"council_id": council_id, "fiscal_year": fiscal_year, "account_id": account_id}
    with store.transaction() as db:
        if audit.snapshot(db, "account_opening_balances", key) is None:
            audit.insert_row(db, "account_opening_balances", {**key, "carried_in": amount}, actor)
        else:
            audit.update_row(db, "account_opening_balances", key, {"carried_in": amount}, actor)
    return common.accounts_changed(council_id)
