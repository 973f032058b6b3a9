"""Export of the 出納簿 and the 予算対比 to .xlsx: Japanese headers, numbers with #,##0, dates as
date cells, and a cash book that reads back through the importer as the same entries."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl

from kyodo_desktop.io.cash_book_export import export_budget_vs_actual, export_cash_book
from kyodo_desktop.io.cash_book_import import preview_cash_book
from kyodo_desktop.services.accounting import budget, cash_book

from .conftest import FY, make_entry


def _book(store, council):
    entries = [
        make_entry(date(FY, 4, 3), direction="income", amount=120_000, description="会費 4月分",
                   payee="1丁目自治会"),
        make_entry(date(FY, 4, 3), amount=3_456, description="コピー用紙", memo="A4 5箱"),
        make_entry(date(FY, 5, 20), fund="activity_support", category="printing",
                   amount=88_000, description="広報誌 第1号", payee="山口印刷"),
        make_entry(date(FY + 1, 3, 31), fund="activity_support", direction="income",
                   category="grant", amount=500_000, description="活動支援交付金", payee="山口市"),
        make_entry(date(FY, 12, 1), amount=1_234_567, category="rentals", description="会場使用料",
                   payee="センター"),
    ]
    cash_book.record_entries(store, council, FY, entries)
    store.db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                         "fund_code": "own_funds", "carried_in": 2_000_000})
    return entries


def _key(entry):
    return (entry.entry_date, entry.fund_code, entry.direction, entry.category_code,
            entry.description, entry.amount, entry.payee, entry.voucher_no, entry.memo)


def test_one_fund_reads_back_with_its_opening_balance(store, council, tmp_path):
    entries = _book(store, council)
    path = tmp_path / "own.xlsx"
    assert export_cash_book(store, council, FY, path, fund="own_funds") == 3
    preview = preview_cash_book(path, fiscal_year=FY, fund_code="自主財源")
    assert preview.bad_rows == []
    assert [w for row in preview.rows for w in row.warnings] == []  # 残高 agrees row by row
    assert sorted(map(_key, preview.entries)) == sorted(
        _key(e) for e in entries if e.fund_code == "own_funds")
    assert preview.opening_balance == 2_000_000
    assert len(preview.skipped) == 2  # 合計 and 次年度繰越


def test_all_funds_read_back_with_their_funds(store, council, tmp_path):
    entries = _book(store, council)
    path = tmp_path / "all.xlsx"
    export_cash_book(store, council, FY, path)
    preview = preview_cash_book(path, fiscal_year=FY, fund_code="own_funds")
    assert preview.bad_rows == []
    assert sorted(map(_key, preview.entries)) == sorted(map(_key, entries))
    assert [w for row in preview.rows for w in row.warnings] == []  # 残高 agrees row by row
    assert {fund: amount for fund, (amount, _row) in preview.openings.items()} == {
        "operating_support": 0, "activity_support": 0, "own_funds": 2_000_000}


def test_cells_are_dates_and_formatted_numbers(store, council, tmp_path):
    _book(store, council)
    path = tmp_path / "all.xlsx"
    export_cash_book(store, council, FY, path)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows())
    header_index = next(i for i, row in enumerate(rows) if row[0].value == "日付")
    headers = [cell.value for cell in rows[header_index]]
    assert headers[:8] == ["日付", "会計区分", "収支", "費目", "摘要", "収入", "支出", "残高"]
    first = next(row for row in rows[header_index + 1:] if row[0].value is not None)
    assert [row[4].value for row in rows[header_index + 1:header_index + 4]] == ["前年度繰越"] * 3
    assert isinstance(first[0].value, datetime) and first[0].value.date() == date(FY, 4, 3)
    assert first[0].number_format.endswith('ggge"年"m"月"d"日"')
    amounts = [row[6] for row in rows[header_index + 1:] if isinstance(row[6].value, int)]
    assert 1_234_567 in [cell.value for cell in amounts]
    assert all(cell.number_format.startswith("#,##0") for cell in amounts)
    balance = [row[7].value for row in rows[header_index + 1:] if row[4].value == "次年度繰越"]
    assert balance == [2_000_000 + 120_000 + 500_000 - 3_456 - 88_000 - 1_234_567]


def test_budget_vs_actual_figures_equal_the_entries(store, council, tmp_path):
    _book(store, council)
    budget.set_budget_line(store, council, FY, "own_funds", "expense", "consumables", 50_000)
    budget.set_budget_line(store, council, FY, "activity_support", "expense", "printing", 90_000)
    path = tmp_path / "bva.xlsx"
    written = export_budget_vs_actual(store, council, FY, path)
    sheet = openpyxl.load_workbook(path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert written == len([r for r in rows if r[0] in ("運営支援", "活動支援", "自主財源")
                           and r[2] != "次年度繰越金"])
    header = rows.index(next(r for r in rows if r[0] == "会計区分"))
    assert rows[header][3:10] == ["当初予算額", "補正後予算額", "流用", "予算現額", "決算額",
                                  "差引", "執行率"]
    totals = {(r[0], r[2]): r for r in rows if r[2] in ("収入合計", "支出合計")}
    assert totals[("自主財源", "支出合計")][7] == 3_456 + 1_234_567
    assert totals[("活動支援", "収入合計")][7] == 500_000
    printing = next(r for r in rows if r[0] == "活動支援" and r[2].strip("　") == "印刷製本費")
    assert printing[3] == 90_000 and printing[7] == 88_000 and printing[8] == 2_000
    assert abs(printing[9] - 88_000 / 90_000) < 1e-9
    carried = {r[0]: r[7] for r in rows if r[2] == "次年度繰越金"}
    assert carried["自主財源"] == 2_000_000 + 120_000 - 3_456 - 1_234_567
    assert carried["活動支援"] == 500_000 - 88_000
