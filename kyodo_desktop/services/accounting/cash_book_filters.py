"""The filters of the 出納簿 view as SQL conditions, shared by the rows
(:mod:`~kyodo_desktop.services.accounting.cash_book_query`) and their totals
(:func:`kyodo_desktop.services.accounting.figures.entry_totals`), so both always match."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import text as text_rules

#: The council-year's entries with ``category_code`` (収入科目 or 費目), as alias ``e``, and
#: their 費目 as ``ec``; callers add the WHERE of :func:`filters`.
FILTERED_ENTRIES = """
FROM (SELECT *, coalesce(income_category_code, expense_category_code) AS category_code
      FROM cash_book_entries WHERE council_id = :council AND fiscal_year = :fiscal_year) AS e
LEFT JOIN expense_categories ec ON ec.code = e.expense_category_code
"""


def filters(fiscal_year: int, fund: str | None, category: str | None, project_id: int | None,
            month: int | None, text: str | None, account_id: int | None = None
            ) -> tuple[str, dict[str, object]]:
    """SQL conditions on alias ``e`` (entry, with ``category_code``) and ``ec`` (its 費目) and
    their parameters; ``account_id`` keeps the entries of one 口座. Raises ValueError for a month
    outside 1–12."""
    where, params = [], {}
    if account_id is not None:
        where.append("e.account_id = :account")
        params["account"] = account_id
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
