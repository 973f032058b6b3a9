"""Reading the 出納簿: filtered rows with running balances, and
the 摘要 / 支払先 history for autocomplete.

Running balances are those of the whole year whatever the filter
(:func:`kyodo_desktop.services.accounting.figures.running_balances`, the one source of every
残高); filters only choose which rows are shown. With a 口座 filter each row also carries the
running 残高 of that 口座 (:func:`~kyodo_desktop.services.accounting.figures.account_running_balances`,
振替 included), which the 残高 column then shows (:meth:`CashBookRow.shown_balance`). The totals of the shown rows are
:func:`kyodo_desktop.services.accounting.figures.entry_totals`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.accounting import INCOME, CashBookEntry
from kyodo_desktop.services.accounting.cash_book_filters import FILTERED_ENTRIES, filters
from kyodo_desktop.services.accounting.figures import account_running_balances, running_balances
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class CashBookRow(CashBookEntry):
    """A :class:`~kyodo_desktop.domain.accounting.CashBookEntry` as the 出納簿 lists it: with the
    ``category_name`` (収入科目 or 費目) and the 残高 after it of its fund (``fund_balance``) and of
    all funds (``balance``), 円 (:func:`kyodo_desktop.services.accounting.figures.running_balances`);
    ``account_balance`` the 残高 of its 口座 after it when the list was filtered by 口座, else None.
    """

    category_name: str = ""
    fund_balance: int = 0
    balance: int = 0
    account_balance: int | None = None

    def shown_balance(self, fund: str | None) -> int:
        """The 残高 the 出納簿 shows for this row (円): of the 口座 filtered on, else of the fund
        filtered on (``fund``), else of all funds."""
        if self.account_balance is not None:
            return self.account_balance
        return self.fund_balance if fund else self.balance

    @property
    def income(self) -> int | None:
        """The amount of an income entry (円), None for an expense."""
        return self.amount if self.direction == INCOME else None

    @property
    def expense(self) -> int | None:
        """The amount of an expense entry (円), None for an income."""
        return None if self.direction == INCOME else self.amount


_LIST_SQL = """
SELECT e.id, e.entry_date, e.fund_code, e.direction, e.category_code, e.description, e.amount,
    e.payee, e.voucher_no, e.project_id, e.grant_id, e.memo, e.correction_of_id, e.account_id,
    coalesce(ic.name, ec.name, '') AS category_name
{entries}
LEFT JOIN income_categories ic ON ic.code = e.income_category_code
WHERE {where} ORDER BY e.entry_date, e.id LIMIT :limit OFFSET :offset
"""


def list_entries(store: Store, council_id: int, fiscal_year: int, *, fund: str | None = None,
                 category: str | None = None, project_id: int | None = None,
                 month: int | None = None, text: str | None = None, limit: int | None = None,
                 offset: int = 0, account_id: int | None = None) -> list[CashBookRow]:
    """The 出納簿 rows of a council-year matching the filters, in 出納簿 order.

    Filters: ``fund`` code; ``category`` an income category or 費目 code (a parent 費目 takes its
    children); ``project_id``; ``month`` 1–12 (calendar month within the 年度: 4 = April of
    ``fiscal_year``, 1 = January of the next year); ``text`` in 摘要, 支払先, メモ or 領収書番号
    (as typed or NFKC-normalised); ``account_id`` one 口座 (the rows then carry its running
    ``account_balance``). ``limit``/``offset`` page through the result.

    Each row is a :class:`CashBookRow`.
    """
    where, params = filters(fiscal_year, fund, category, project_id, month, text, account_id)
    params.update(council=council_id, fiscal_year=fiscal_year,
                  limit=-1 if limit is None else limit, offset=offset)
    balances = running_balances(store, council_id, fiscal_year)
    by_account = {} if account_id is None else account_running_balances(
        store, council_id, fiscal_year)
    cursor = store.conn.execute(_LIST_SQL.format(entries=FILTERED_ENTRIES, where=where), params)
    return [CashBookRow(row[0], date.fromisoformat(row[1]), *row[2:], *balances[row[0]],
                        by_account.get(row[0])) for row in cursor]


def history_values(store: Store, council_id: int, field: str, prefix: str = "",
                   limit: int = 20) -> list[str]:
    """Earlier values of ``field`` ('description' 摘要 or 'payee' 支払先) of the council that
    start with ``prefix``, most used first, for autocomplete. Raises ValueError for another
    field."""
    if field not in ("description", "payee"):
        raise ValueError(f"no history for {field!r}")
    escaped = prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = store.query(
        f"SELECT {field} AS value, count(*) AS uses, max(entry_date) AS last FROM "
        f"cash_book_entries WHERE council_id = ? AND {field} <> '' AND {field} LIKE ? "
        f"ESCAPE '\\' GROUP BY {field} ORDER BY uses DESC, last DESC LIMIT ?",
        (council_id, escaped + "%", limit))
    return [row["value"] for row in rows]
