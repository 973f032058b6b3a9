"""Shared helpers of the accounting services: closed-year guard, reference data, loading entries.

Not for the UI: pages call the operation modules (cash_book, budget, grants, year_close, checks).
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import CashBookEntry
from kyodo_desktop.domain.accounting_budget import Category
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ACCOUNTS, Changes
from kyodo_desktop.store import Store
from kyodo_desktop.store.errors import YearClosed

#: The columns of a CashBookEntry, in its field order.
ENTRY_COLUMNS = ("id, entry_date, fund_code, direction, "
                 "coalesce(income_category_code, expense_category_code) AS category_code, "
                 "description, amount, payee, voucher_no, project_id, grant_id, memo, "
                 "correction_of_id, account_id")


def accounts_changed(council_id: int) -> Changes:
    """What every accounting write returns: the 予算・出納 area of ``council_id``."""
    return Changes.of(ACCOUNTS, council_id=council_id)


def is_closed(store: Store, council_id: int, fiscal_year: int) -> bool:
    """Whether the council-year has a 年度締め that was not reopened."""
    return bool(store.scalar(
        "SELECT 1 FROM year_closes WHERE council_id = ? AND fiscal_year = ? "
        "AND reopened_at IS NULL", (council_id, fiscal_year)))


def ensure_open(store: Store, council_id: int, fiscal_year: int) -> None:
    """Raise YearClosed (Japanese, naming the 年度) when the council-year is closed."""
    if is_closed(store, council_id, fiscal_year):
        raise YearClosed(
            _("{fiscal_year} is closed and can no longer be changed. Record a correction entry "
              "in the open fiscal year, or reopen {fiscal_year} explicitly.").format(
                fiscal_year=wareki.format_fiscal_year(fiscal_year)), store.path)


def require_date_in_year(value: date, fiscal_year: int, field: str) -> None:
    """Raise ValidationError when ``value`` is not a date within 年度 ``fiscal_year``."""
    if not isinstance(value, date) or not wareki.fiscal_year_contains(fiscal_year, value):
        raise ValidationError(_("Enter a date within {fiscal_year} (April 1 to March 31).")
                              .format(fiscal_year=wareki.format_fiscal_year(fiscal_year)),
                              field=field)


def require_amount(value: object, field: str = "amount", *, allow_zero: bool = False) -> int:
    """Return ``value`` when it is an int of yen ≥ 1 (≥ 0 with ``allow_zero``); else raise
    ValidationError."""
    if not isinstance(value, int) or isinstance(value, bool) or value < (0 if allow_zero else 1):
        raise ValidationError(_("The amount must be a whole number of yen, 0 or more.")
                              if allow_zero else
                              _("The amount must be a whole number of yen, at least 1."),
                              field=field)
    return value


def fund_names(store: Store, council_id: int | None = None) -> dict[str, str]:
    """``{fund_code: 運営支援 …}`` in display order: the city's funds (every council has them;
    the city's forms print these), then with ``council_id`` the funds that council defined
    itself (:mod:`kyodo_desktop.services.accounting.funders`), never another council's."""
    names = {r["code"]: r["name"] for r in store.query(
        "SELECT code, name FROM funds WHERE substr(code, 1, 8) <> 'council_' "
        "ORDER BY sort_order")}
    if council_id is not None:
        names |= {r["fund_code"]: r["name"] for r in store.query(
            "SELECT fund_code, name FROM council_funds WHERE council_id = ? AND "
            "substr(fund_code, 1, 8) = 'council_' ORDER BY sort_order, fund_code",
            (council_id,))}
    return names


def funds(store: Store, council_id: int | None = None) -> list[Category]:
    """The 会計区分 as Category(code, name), in display order (see :func:`fund_names`)."""
    return [Category(code, name) for code, name in fund_names(store, council_id).items()]


def income_categories(store: Store) -> list[Category]:
    """収入科目 in display order."""
    return [Category(r["code"], r["name"]) for r in store.query(
        "SELECT code, name FROM income_categories ORDER BY sort_order")]


def expense_categories(store: Store) -> list[Category]:
    """費目 in display order (parents before their children)."""
    return [Category(r["code"], r["name"], r["parent_code"]) for r in store.query(
        "SELECT code, name, parent_code FROM expense_categories ORDER BY sort_order")]


def category_parents(store: Store) -> dict[str, str | None]:
    """``{費目 code: parent code or None}``."""
    return {c.code: c.parent_code for c in expense_categories(store)}


def category_names(store: Store) -> dict[str, str]:
    """Names of income categories and 費目 by code."""
    return {c.code: c.name for c in income_categories(store) + expense_categories(store)}


def cash_book_entry(row: dict) -> CashBookEntry:
    """A CashBookEntry from a row selected with :data:`ENTRY_COLUMNS`."""
    values = dict(row)
    values["entry_date"] = date.fromisoformat(values["entry_date"])
    return CashBookEntry(**values)


def load_entries(store: Store, council_id: int, fiscal_year: int) -> list[CashBookEntry]:
    """Every 出納簿 entry of the council-year, in 出納簿 order."""
    cursor = store.conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM cash_book_entries WHERE council_id = ? AND fiscal_year = ? "
        "ORDER BY entry_date, id", (council_id, fiscal_year))
    return [CashBookEntry(row[0], date.fromisoformat(row[1]), *row[2:]) for row in cursor]
