"""The row shapes the accounting area hands to ui/, io/ and reports/ that are not dataclasses
(typed dicts: the keys are the contract; tests/test_typed_rows.py checks every one against the
demo). Amounts are int 円."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict


class BudgetLineRow(TypedDict):
    """One ``budget_lines`` row: 当初予算 ``budget`` and 予算現額 ``revised_budget`` (None
    before any 補正)."""

    id: int
    council_id: int
    fiscal_year: int
    fund_code: str
    direction: str
    income_category_code: str | None
    expense_category_code: str | None
    budget: int
    revised_budget: int | None
    notes: str


class BudgetTransferRow(TypedDict):
    """A 流用 between two 費目 of one fund."""

    id: int
    council_id: int
    fiscal_year: int
    fund_code: str
    from_category_code: str
    to_category_code: str
    amount: int
    transferred_on: date
    reason: str


class EntryHistoryRow(TypedDict):
    """One change of a cash-book entry from the audit log (``before``/``after``: the row's
    values, None for an insert/delete). ``table_name`` says what changed: the entry itself
    (``cash_book_entries``), one of its 証拠書類 (``entry_attachments``: ``file_name``) or its
    会費の納入 (``dues_payments``: ``receipt_no`` and the 自治会's name as ``organization``)."""

    id: int
    occurred_at: str
    actor: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    table_name: str


class ProjectFundCost(TypedDict):
    """Spending of a 年度 grouped by the project's fund and the fund it was paid from."""

    project_fund: str
    paid_from: str
    total: int


class YearCloseRow(TypedDict):
    """A ``year_closes`` row: who closed the 年度 and when, the 繰越金 carried out per fund
    (``carried_out``), and a reopening (``reopened_at`` None while closed)."""

    id: int
    council_id: int
    fiscal_year: int
    closed_at: str
    closed_by: str
    carried_out: dict[str, int]
    reopened_at: str | None
    reopen_reason: str
