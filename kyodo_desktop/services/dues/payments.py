"""納入 of 会費 by the 自治会: each payment is a 出納簿 income entry (収入 会費
``membership_fees``, 自主財源 ``own_funds``, the 口座 the money went into) written through
:mod:`kyodo_desktop.services.accounting.cash_book`, plus a ``dues_payments`` row linking it to
the 自治会 with its 領収書 number (migration 21).

The entry is the one source of the payment's date, amount and 口座: editing a payment edits the
entry, deleting it deletes the entry (the link goes with it, also when the entry is deleted in the
出納簿). Only a 自治会 (団体種別 ``neighborhood_association``) of the council pays; a closed 年度
refuses every change (YearClosed). Undo: run the calls under
:func:`kyodo_desktop.services.changes.undoable` (the UI's ``save_with_undo``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from kyodo_desktop.domain import dues, money, wareki
from kyodo_desktop.domain.accounting import INCOME, CashBookEntryInput
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, cash_book, common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.dues.rows import DuesPayment
from kyodo_desktop.services.roster.totals import NEIGHBORHOOD
from kyodo_desktop.store import Store, audit

#: Where a 会費 goes in the 出納簿: 収入科目 会費 of 自主財源.
CATEGORY, FUND = "membership_fees", "own_funds"


def parse_amount(value: str | int) -> int:
    """A payment typed as text (「3,000」「¥3,000」「３０００円」) as int 円, 1 … MAX_PAYMENT.
    Raises ValidationError (field ``amount``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    else:
        try:
            amount = money.parse_yen(str(value or ""), allow_zero=False)
        except ValidationError as error:
            raise ValidationError(error.message, field="amount") from error
    if not 1 <= amount <= dues.MAX_PAYMENT:
        raise ValidationError(_("Enter a payment from 1 to {limit} yen.").format(
            limit=format_yen(dues.MAX_PAYMENT)), field="amount")
    return amount


def parse_day(value: str | date, fiscal_year: int) -> date:
    """A payment date typed as text (西暦, 和暦, full-width) within 年度 ``fiscal_year``.
    Raises ValidationError (field ``paid_on``)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    else:
        try:
            day = wareki.parse_date(str(value or ""), fiscal_year=fiscal_year)
        except ValidationError as error:
            raise ValidationError(error.message, field="paid_on") from error
    common.require_date_in_year(day, fiscal_year, "paid_on")
    return day


def association_name(store: Store, council_id: int, organization_id: object) -> str:
    """The name of a 自治会 of the council. Raises ValidationError (field ``organization_id``)
    for a group of another kind (子ども会, 老人クラブ … pay no 会費), another council or none."""
    rows = [] if isinstance(organization_id, bool) or not isinstance(organization_id, int) else \
        store.query("SELECT name, kind FROM member_organizations WHERE id = ? AND council_id = ?",
                    (organization_id, council_id))
    if not rows:
        raise ValidationError(_("Choose a neighbourhood association of this council."),
                              field="organization_id")
    if rows[0]["kind"] != NEIGHBORHOOD:
        raise ValidationError(_("{name} is not a neighbourhood association (自治会): only "
                                "自治会 pay the membership fee.").format(name=rows[0]["name"]),
                              field="organization_id")
    return rows[0]["name"]


def _entry(fiscal_year: int, name: str, day: date, amount: int, account_id: int,
           memo: str) -> CashBookEntryInput:
    description = _("{fiscal_year} membership fee ({organization})").format(
        fiscal_year=wareki.format_fiscal_year(fiscal_year), organization=name)
    return CashBookEntryInput(day, FUND, INCOME, CATEGORY, description, amount, payee=name,
                              memo=memo, account_id=account_id)


def record_payment(store: Store, council_id: int, fiscal_year: int, organization_id: int,
                   paid_on: str | date, amount: str | int, account_id: int | None = None, *,
                   memo: str = "", actor: str = "") -> tuple[int, Changes]:
    """Book a 納入 of 自治会 ``organization_id``: a 出納簿 income entry on ``account_id`` (None:
    現金) and its link with the next 領収書 number of the 年度. Returns ``(payment id, Changes)``.
    Raises YearClosed, ValidationError (field ``organization_id``, ``paid_on``, ``amount`` or
    ``account_id``)."""
    common.ensure_open(store, council_id, fiscal_year)
    name = association_name(store, council_id, organization_id)
    day = parse_day(paid_on, fiscal_year)
    yen = parse_amount(amount)
    account = accounts.resolve_account(store, council_id, account_id)
    with store.transaction() as db:
        entry_id = cash_book.record_entries_with_ids(
            store, council_id, fiscal_year, [_entry(fiscal_year, name, day, yen, account, memo)],
            actor=actor)[0]
        number = store.scalar("SELECT coalesce(max(receipt_no), 0) + 1 FROM dues_payments "
                              "WHERE council_id = ? AND fiscal_year = ?",
                              (council_id, fiscal_year))
        payment_id = audit.insert_row(db, "dues_payments", {
            "council_id": council_id, "fiscal_year": fiscal_year,
            "organization_id": organization_id, "entry_id": entry_id,
            "receipt_no": number}, actor)["id"]
    return payment_id, common.accounts_changed(council_id)


_SELECT = ("SELECT p.id, p.fiscal_year, p.organization_id, o.name AS organization, p.entry_id, "
           "e.entry_date, e.amount, e.account_id, p.receipt_no, e.description "
           "FROM dues_payments p JOIN cash_book_entries e ON e.id = p.entry_id "
           "JOIN member_organizations o ON o.id = p.organization_id ")


def _payment(row: dict) -> DuesPayment:
    return DuesPayment(row["id"], row["fiscal_year"], row["organization_id"],
                       row["organization"], row["entry_id"], date.fromisoformat(row["entry_date"]),
                       row["amount"], row["account_id"], row["receipt_no"], row["description"])


def get_payment(store: Store, payment_id: int) -> DuesPayment:
    """One 納入. Raises UserError when it no longer exists."""
    rows = store.query(_SELECT + "WHERE p.id = ?", (payment_id,))
    if not rows:
        raise UserError(_("This payment no longer exists."))
    return _payment(rows[0])


def list_payments(store: Store, council_id: int, fiscal_year: int, *,
                  organization_id: int | None = None) -> list[DuesPayment]:
    """The 納入 of the council-year (of one 自治会 when given), by date and 領収書 number."""
    return [_payment(r) for r in store.query(
        _SELECT + "WHERE p.council_id = ? AND p.fiscal_year = ? AND (? IS NULL OR "
        "p.organization_id = ?) ORDER BY e.entry_date, p.receipt_no",
        (council_id, fiscal_year, organization_id, organization_id))]


def _council_of(store: Store, payment_id: int) -> int:
    return store.scalar("SELECT council_id FROM dues_payments WHERE id = ?", (payment_id,))


def update_payment(store: Store, payment_id: int, paid_on: str | date, amount: str | int,
                   account_id: int | None = None, *, actor: str = "") -> Changes:
    """Change a 納入's date, amount and 口座 (its 出納簿 entry; the 摘要 and メモ stay).
    Raises UserError (gone), YearClosed, ValidationError."""
    payment = get_payment(store, payment_id)
    council_id = _council_of(store, payment_id)
    common.ensure_open(store, council_id, payment.fiscal_year)
    day = parse_day(paid_on, payment.fiscal_year)
    yen = parse_amount(amount)
    account = accounts.resolve_account(store, council_id, account_id)
    entry = cash_book.entry_input(cash_book.get_entry(store, payment.entry_id))
    cash_book.update_entry(store, payment.entry_id,
                           replace(entry, entry_date=day, amount=yen, account_id=account),
                           actor=actor)
    return common.accounts_changed(council_id)


def delete_payment(store: Store, payment_id: int, *, actor: str = "") -> Changes:
    """Delete a 納入 with its 出納簿 entry (the 領収書 number is not reused while a later one
    exists). Raises UserError (gone), YearClosed."""
    payment = get_payment(store, payment_id)
    council_id = _council_of(store, payment_id)
    common.ensure_open(store, council_id, payment.fiscal_year)
    cash_book.delete_entry(store, payment.entry_id, actor=actor)
    return common.accounts_changed(council_id)
