"""Reading the 出納簿: filtered rows with running balances, totals of the filtered rows, and
the 摘要 / 支払先 history for autocomplete.

Running balances are those of the whole year (前年度繰越金 + every entry up to the row, in
``(entry_date, id)`` order) whatever the filter: computed once per data version in one pass over
the ``cash_book_order`` index and reused while paging and filtering; filters only choose which
rows are shown.
"""

from __future__ import annotations

from datetime import date
from weakref import WeakKeyDictionary

from kyodo_desktop.domain import text as text_rules
from kyodo_desktop.domain.accounting import INCOME
from kyodo_desktop.services.accounting import common
from kyodo_desktop.store import Store


def _filters(fiscal_year: int, fund: str | None, category: str | None, project_id: int | None,
             month: int | None, text: str | None) -> tuple[str, dict]:
    """SQL conditions on alias ``e`` (entry, with ``category_code``) and ``ec`` (its 費目)."""
    where, params = [], {}
    if fund:
        where.append("e.fund_code = :fund")
        params["fund"] = fund
    if category:
        where.append("(e.category_code = :category OR ec.parent_code = :category)")
        params["category"] = category
    if project_id is not None:
        where.append("e.project_id = :project")
        params["project"] = project_id
    if month is not None:
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1–12, not {month}")
        year = fiscal_year if month >= 4 else fiscal_year + 1
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        where.append("e.entry_date >= :month_from AND e.entry_date < :month_to")
        params.update(month_from=first.isoformat(), month_to=following.isoformat())
    if text and text.strip():
        patterns = {text.strip(), text_rules.normalize(text)}
        parts = []
        for n, pattern in enumerate(sorted(patterns)):
            escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params[f"text{n}"] = f"%{escaped}%"
            parts += [f"e.{column} LIKE :text{n} ESCAPE '\\'"
                      for column in ("description", "payee", "memo", "voucher_no")]
        where.append("(" + " OR ".join(parts) + ")")
    return (" AND ".join(where) or "1"), params


_LIST_SQL = """
SELECT e.id, e.entry_date, e.fund_code, e.direction, e.category_code,
    coalesce(ic.name, ec.name) AS category_name, e.description, e.amount, e.payee, e.voucher_no,
    e.project_id, e.grant_id, e.correction_of_id, e.memo
FROM (SELECT *, coalesce(income_category_code, expense_category_code) AS category_code
      FROM cash_book_entries WHERE council_id = :council AND fiscal_year = :fiscal_year) AS e
LEFT JOIN expense_categories ec ON ec.code = e.expense_category_code
LEFT JOIN income_categories ic ON ic.code = e.income_category_code
WHERE {where} ORDER BY e.entry_date, e.id LIMIT :limit OFFSET :offset
"""
#: Running balances per open store, of its recently listed council-years:
#: (council, 年度) → (data version, {entry id: (fund balance, balance)}).
_BALANCES: WeakKeyDictionary = WeakKeyDictionary()
_BALANCES_KEPT = 4


def running_balances(store: Store, council_id: int, fiscal_year: int
                     ) -> dict[int, tuple[int, int]]:
    """``{entry_id: (fund_balance, balance)}`` of the whole council-year (円), in 出納簿 order.

    Computed once per data version (the connection's ``total_changes`` and SQLite's
    ``data_version``) and kept for the next calls, so paging and filtering stay cheap.
    """
    kept = _BALANCES.setdefault(store, {})
    key = (council_id, fiscal_year)
    version = (store.conn.total_changes, store.scalar("PRAGMA data_version"))
    cached = kept.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    fund_balance = common.opening_balances(store, council_id, fiscal_year)
    total = sum(fund_balance.values())
    result: dict[int, tuple[int, int]] = {}
    rows = store.conn.execute(
        "SELECT id, fund_code, CASE direction WHEN 'income' THEN amount ELSE -amount END "
        "FROM cash_book_entries WHERE council_id = ? AND fiscal_year = ? "
        "ORDER BY entry_date, id", (council_id, fiscal_year))
    for entry_id, fund, signed in rows:
        balance = fund_balance.get(fund, 0) + signed
        fund_balance[fund] = balance
        total += signed
        result[entry_id] = (balance, total)
    if len(kept) >= _BALANCES_KEPT:
        kept.pop(next(iter(kept)))
    kept[key] = (version, result)
    return result


def list_entries(store: Store, council_id: int, fiscal_year: int, *, fund: str | None = None,
                 category: str | None = None, project_id: int | None = None,
                 month: int | None = None, text: str | None = None, limit: int | None = None,
                 offset: int = 0) -> list[dict]:
    """The 出納簿 rows of a council-year matching the filters, in 出納簿 order.

    Filters: ``fund`` code; ``category`` an income category or 費目 code (a parent 費目 takes its
    children); ``project_id``; ``month`` 1–12 (calendar month within the 年度: 4 = April of
    ``fiscal_year``, 1 = January of the next year); ``text`` in 摘要, 支払先, メモ or 領収書番号
    (as typed or NFKC-normalised). ``limit``/``offset`` page through the result.

    Each row: ``id, entry_date`` (date)``, fund_code, direction, category_code, category_name,
    description, amount, income`` (円 or None)``, expense`` (円 or None)``, payee, voucher_no,
    project_id, grant_id, correction_of_id, memo, fund_balance, balance`` (残高 of the fund and of
    all funds after the row, 円).
    """
    where, params = _filters(fiscal_year, fund, category, project_id, month, text)
    params.update(council=council_id, fiscal_year=fiscal_year,
                  limit=-1 if limit is None else limit, offset=offset)
    balances = running_balances(store, council_id, fiscal_year)
    rows = store.query(_LIST_SQL.format(where=where), params)
    for row in rows:
        row["entry_date"] = date.fromisoformat(row["entry_date"])
        is_income = row["direction"] == INCOME
        row["income"] = row["amount"] if is_income else None
        row["expense"] = None if is_income else row["amount"]
        row["fund_balance"], row["balance"] = balances[row["id"]]
    return rows


def entry_totals(store: Store, council_id: int, fiscal_year: int, *, fund: str | None = None,
                 category: str | None = None, project_id: int | None = None,
                 month: int | None = None, text: str | None = None) -> dict[str, int]:
    """Totals of the rows :func:`list_entries` shows for the same filters:
    ``{"count", "income", "expense", "net"}`` (円; net = income − expense)."""
    where, params = _filters(fiscal_year, fund, category, project_id, month, text)
    params.update(council=council_id, fiscal_year=fiscal_year)
    row = store.query(
        "SELECT count(*) AS count, "
        "coalesce(sum(CASE e.direction WHEN 'income' THEN e.amount END), 0) AS income, "
        "coalesce(sum(CASE e.direction WHEN 'expense' THEN e.amount END), 0) AS expense "
        "FROM (SELECT *, coalesce(income_category_code, expense_category_code) AS category_code "
        "      FROM cash_book_entries WHERE council_id = :council AND fiscal_year = :fiscal_year"
        ") AS e LEFT JOIN expense_categories ec ON ec.code = e.expense_category_code "
        f"WHERE {where}", params)[0]
    row["net"] = row["income"] - row["expense"]
    return row


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
