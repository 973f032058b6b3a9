"""Property: any cash book written the way treasurers write it (和暦 or 西暦 dates, ¥・円・commas,
全角 digits, separate 収入/支出 columns or one signed column, a 残高 column) reads back as exactly
the entries it was written from, with no errors and no balance warnings."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.domain.labels import EXPENSE_CATEGORY_LABELS, INCOME_CATEGORY_LABELS
from kyodo_desktop.domain.wareki import format_wareki
from kyodo_desktop.io.cash_book_import import preview_cash_book

FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
INCOME_CODES = sorted(set(INCOME_CATEGORY_LABELS) - {"carried_in"})


@st.composite
def entries(draw):
    direction = draw(st.sampled_from(["income", "expense"]))
    codes = INCOME_CODES if direction == "income" else sorted(EXPENSE_CATEGORY_LABELS)
    return CashBookEntryInput(
        entry_date=draw(st.dates(dt.date(2023, 4, 1), dt.date(2024, 3, 31))),
        fund_code="own_funds", direction=direction, category_code=draw(st.sampled_from(codes)),
        description=draw(st.text("あいうえお用紙切手ABC", min_size=1, max_size=8)),
        amount=draw(st.integers(1, 10_000_000)),
        voucher_no=draw(st.sampled_from(["", "1", "A-12"])))


def _date_text(d: dt.date, style: int) -> str:
    return [format_wareki(d, "short"), format_wareki(d, "long"), f"{d.year}/{d.month}/{d.day}",
            d.isoformat()][style]


def _amount_text(amount: int, style: int) -> str:
    return [f"{amount:,}", f"¥{amount:,}", f"{amount}円", f"{amount:,}".translate(FULL_WIDTH)][style]


def _label(entry: CashBookEntryInput) -> str:
    labels = INCOME_CATEGORY_LABELS if entry.direction == "income" else EXPENSE_CATEGORY_LABELS
    return labels[entry.category_code]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=st.lists(entries(), min_size=1, max_size=8), signed=st.booleans(),
       date_style=st.integers(0, 3), amount_style=st.integers(0, 3))
def test_written_books_read_back_exactly(write_csv, book, signed, date_style, amount_style):
    header = ["日付", "摘要", "費目", "金額", "残高", "領収書番号"] if signed else \
        ["日付", "摘要", "費目", "収入", "支出", "残高", "領収書番号"]
    rows, balance = [["令和5年度 出納簿"], header], 1000
    rows.append(["", "前年度繰越", "", "", "", f"{balance:,}"] if not signed else
                ["", "前年度繰越", "", "1,000", "1,000"])
    for entry in book:
        balance += entry.amount if entry.direction == "income" else -entry.amount
        amount = _amount_text(entry.amount, amount_style)
        if signed:
            amounts = [amount if entry.direction == "income" else "△" + amount]
        else:
            amounts = [amount, ""] if entry.direction == "income" else ["", amount]
        rows.append([_date_text(entry.entry_date, date_style), entry.description, _label(entry),
                     *amounts, f"{balance:,}", entry.voucher_no])
    preview = preview_cash_book(write_csv(rows), fiscal_year=2023, fund_code="own_funds")
    assert [row.errors for row in preview.rows] == [[] for _ in book]
    assert preview.entries == book
    assert preview.opening_balance == 1000
    assert not any(row.warnings for row in preview.rows)
