"""The council's accounts (口座): the bank accounts the city pays the 交付金 into (振込先).

An account has 金融機関名, 支店名, 預金種目 (普通・当座・貯蓄・定期), 口座番号 (digits), 口座名義 and its
フリガナ; one of them is the 振込先 (``is_payee``) printed on the 交付請求書. The table
(``council_accounts``, migration 5) has a ``kind`` so a later 口座 feature can add the 現金 account
beside the bank ones. Errors a user can act on: ValidationError naming the field (Japanese).
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import COUNCIL, Changes
from kyodo_desktop.store import Store

#: 預金種目: code → the term printed on the forms and shown in the app.
ACCOUNT_TYPES = {"ordinary": "普通", "current": "当座", "savings": "貯蓄", "time": "定期"}
ACCOUNT_FIELDS = ("label", "bank_name", "branch_name", "account_type", "account_number",
                  "holder", "holder_kana", "is_payee", "notes")


@dataclass(frozen=True)
class BankAccount:
    """A bank account of the council (see the module docstring); ``type_label`` is 普通 …"""

    id: int
    label: str
    bank_name: str
    branch_name: str
    account_type: str
    account_number: str
    holder: str
    holder_kana: str
    is_payee: bool
    notes: str

    @property
    def type_label(self) -> str:
        """普通 / 当座 / 貯蓄."""
        return ACCOUNT_TYPES.get(self.account_type, self.account_type)


def list_accounts(store: Store, council_id: int) -> list[BankAccount]:
    """The council's bank accounts, the 振込先 first, then in the order entered."""
    return [BankAccount(r["id"], r["label"], r["bank_name"], r["branch_name"],
                        r["account_type"], r["account_number"], r["holder"], r["holder_kana"],
                        bool(r["is_payee"]), r["notes"])
            for r in store.query(
                "SELECT * FROM council_accounts WHERE council_id = ? AND kind = 'bank' "
                "ORDER BY is_payee DESC, sort_order, id", (council_id,))]


def payee_account(store: Store, council_id: int) -> BankAccount | None:
    """The 振込先: the account marked as such, else the only bank account, else None."""
    accounts = list_accounts(store, council_id)
    marked = [a for a in accounts if a.is_payee]
    if marked:
        return marked[0]
    return accounts[0] if len(accounts) == 1 else None


def _clean(values: dict) -> dict:
    unknown = set(values) - set(ACCOUNT_FIELDS)
    if unknown:
        raise ValueError(f"not account fields: {sorted(unknown)}")
    clean = {key: text.normalize(values.get(key)) for key in ACCOUNT_FIELDS
             if key not in ("is_payee", "account_type")}
    clean["account_number"] = clean["account_number"].replace("-", "").replace(" ", "")
    clean["holder_kana"] = text.to_hiragana(clean["holder_kana"])
    clean["account_type"] = values.get("account_type") or "ordinary"
    clean["is_payee"] = 1 if values.get("is_payee") else 0
    for key, message in (("bank_name", _("Enter the bank's name.")),
                         ("holder", _("Enter the account holder's name."))):
        if not clean[key]:
            raise ValidationError(message, field=key)
    if clean["account_type"] not in ACCOUNT_TYPES:
        raise ValidationError(_("Choose the kind of account (普通, 当座, 貯蓄 or 定期)."),
                              field="account_type")
    number = clean["account_number"]
    if not (number.isascii() and number.isdigit() and 1 <= len(number) <= 8):
        raise ValidationError(_("Enter the account number as up to 8 digits, e.g. 1234567."),
                              field="account_number")
    kana = clean["holder_kana"].replace(" ", "")
    if kana and not text.is_kana(kana):
        raise ValidationError(_("Write the holder's name in kana, e.g. ユダチイキヅクリキョウギカイ."),
                              field="holder_kana")
    return clean


def save_account(store: Store, council_id: int, values: dict,
                 account_id: int | None = None) -> tuple[int, Changes]:
    """Add (``account_id`` None) or change a bank account; marking it the 振込先 unmarks the
    others. Returns ``(account id, Changes)``. Raises ValidationError, UserError (gone)."""
    clean = _clean(values)
    if account_id is not None and not store.scalar(
            "SELECT 1 FROM council_accounts WHERE id = ? AND council_id = ?",
            (account_id, council_id)):
        raise UserError(_("This account no longer exists."))
    with store.transaction() as db:
        if clean["is_payee"]:
            db.execute("UPDATE council_accounts SET is_payee = 0 WHERE council_id = ?",
                       [council_id])
        if account_id is None:
            order = store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM council_accounts "
                                 "WHERE council_id = ?", (council_id,))
            account_id = db["council_accounts"].insert(
                {"council_id": council_id, "kind": "bank", "sort_order": order, **clean}).last_pk
        else:
            db["council_accounts"].update(account_id, clean)
    return account_id, Changes.of(COUNCIL, council_id=council_id)


def delete_account(store: Store, council_id: int, account_id: int) -> Changes:
    """Delete a bank account. Raises UserError when it is gone."""
    if not store.scalar("SELECT 1 FROM council_accounts WHERE id = ? AND council_id = ?",
                        (account_id, council_id)):
        raise UserError(_("This account no longer exists."))
    with store.transaction() as db:
        db.execute("DELETE FROM council_accounts WHERE id = ?", [account_id])
    return Changes.of(COUNCIL, council_id=council_id)
