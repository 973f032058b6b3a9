"""Writing an import: nothing is written while any row is bad, the good rows are written with
``skip_bad_rows``, and what is stored equals the preview (issue 5, item 9)."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_import import apply_import, preview_cash_book
from kyodo_desktop.services.changes import ACCOUNTS
from kyodo_desktop.services.council.profile import create_council

ROWS = [
    ["令和5年度 出納簿"],
    ["日付", "摘要", "費目", "収入", "支出", "支払先", "領収書番号"],
    ["R5.4.1", "交付金", "交付金", "300,000", "", "山口市"],
    ["R5.4.2", "お茶", "会議費", "", "800"],
    ["R5.4.3", "用紙", "消耗品", "", "1,100", "文具店", "7"],
    ["R5.4.31", "封筒", "消耗品", "", "200"],
]
STORED = ("SELECT entry_date, fund_code, direction, income_category_code, "
          "expense_category_code, description, amount, payee, voucher_no "
          "FROM cash_book_entries ORDER BY id")


@pytest.fixture
def council(store):
    council_id, _changes = create_council(store, "湯田地域づくり協議会")
    return council_id


def _count(store) -> int:
    return store.scalar("SELECT count(*) FROM cash_book_entries")


def test_nothing_is_written_while_a_row_is_bad(store, council, write_xlsx):
    preview = preview_cash_book(write_xlsx(ROWS), fiscal_year=2023, fund_code="活動支援")
    with pytest.raises(UserError) as caught:
        apply_import(store, council, 2023, preview)
    assert caught.value.message == (
        "誤りのある行が 2 行あるため（4、6 行目）、何も取り込んでいません。ファイルのその行を直して"
        "からもう一度取り込むか、誤りのない行だけを取り込んでください。")
    assert _count(store) == 0


def test_good_rows_are_written_with_skip_bad_rows(store, council, write_xlsx):
    preview = preview_cash_book(write_xlsx(ROWS), fiscal_year=2023, fund_code="活動支援")
    changes = apply_import(store, council, 2023, preview, skip_bad_rows=True)
    assert changes.touches(ACCOUNTS) and changes.council_id == council
    assert store.query(STORED) == [
        {"entry_date": "2023-04-01", "fund_code": "activity_support", "direction": "income",
         "income_category_code": "grant", "expense_category_code": None,
         "description": "交付金", "amount": 300_000, "payee": "山口市", "voucher_no": ""},
        {"entry_date": "2023-04-03", "fund_code": "activity_support", "direction": "expense",
         "income_category_code": None, "expense_category_code": "consumables",
         "description": "用紙", "amount": 1100, "payee": "文具店", "voucher_no": "7"},
    ]
    assert store.scalar("SELECT DISTINCT fiscal_year FROM cash_book_entries") == 2023


def test_mapped_categories_make_the_file_importable(store, council, write_xlsx):
    rows = ROWS[:5]
    preview = preview_cash_book(write_xlsx(rows), fiscal_year=2023, fund_code="activity_support",
                                category_map={"会議費": "food"})
    apply_import(store, council, 2023, preview)
    assert store.query("SELECT expense_category_code AS code, amount FROM cash_book_entries "
                       "WHERE direction = 'expense' ORDER BY id") == [
        {"code": "food", "amount": 800}, {"code": "consumables", "amount": 1100}]


def test_a_preview_of_another_year_or_without_rows_is_refused(store, council, write_xlsx):
    preview = preview_cash_book(write_xlsx(ROWS[:3]), fiscal_year=2023, fund_code="own_funds")
    with pytest.raises(UserError) as caught:
        apply_import(store, council, 2024, preview)
    assert "令和5年度" in caught.value.message and "令和6年度" in caught.value.message
    empty = preview_cash_book(write_xlsx(ROWS[:2], name="empty.xlsx"), fiscal_year=2023,
                              fund_code="own_funds")
    with pytest.raises(UserError) as caught:
        apply_import(store, council, 2023, empty)
    assert caught.value.message == "取り込める行がありません。"
    assert _count(store) == 0


def test_an_entry_the_service_refuses_is_named_by_its_row(store, council, tmp_path):
    from datetime import date

    from kyodo_desktop.domain.accounting import CashBookEntryInput
    from kyodo_desktop.io.cash_book_import import ImportPreview, PreviewRow

    def entry(**extra):
        return CashBookEntryInput(entry_date=date(2023, 5, 1), fund_code="own_funds",
                                  direction="expense", category_code="consumables",
                                  description="用紙", amount=500, **extra)

    preview = ImportPreview(tmp_path / "book.xlsx", 2023, "own_funds", 1, {}, rows=[
        PreviewRow(3, entry()),
        PreviewRow(4, None, ["「支出」列: 金額がありません。"]),
        PreviewRow(5, entry(project_id=999)),  # no such 事業
    ])
    with pytest.raises(UserError) as caught:
        apply_import(store, council, 2023, preview, skip_bad_rows=True)
    assert caught.value.message.startswith("5 行目: ")
    assert _count(store) == 0


def _book(rows: int) -> list[list]:
    return [["日付", "摘要", "費目", "収入", "支出", "事業"]] + [
        ["R5.5.1", f"用紙 {index}", "消耗品", "", str(100 + index), "夏祭り" if index % 7 else ""]
        for index in range(rows)]


def test_writing_reports_its_progress_per_batch(store, council, write_csv, monkeypatch):
    from kyodo_desktop.store import audit

    monkeypatch.setattr(audit, "BATCH", 400)
    preview = preview_cash_book(write_csv(_book(1000)), fiscal_year=2023, fund_code="own_funds")
    calls = []
    apply_import(store, council, 2023, preview, progress=lambda *call: calls.append(call))
    assert calls == [(400, 1000), (800, 1000), (1000, 1000)]
    assert _count(store) == 1000


def test_a_cancel_while_writing_leaves_nothing_imported(store, council, write_csv, monkeypatch):
    from kyodo_desktop.io.cash_book_kinds import import_with_opening
    from kyodo_desktop.io.sheet_limits import ImportCancelled
    from kyodo_desktop.store import audit

    monkeypatch.setattr(audit, "BATCH", 400)
    preview = preview_cash_book(write_csv(_book(1000)), fiscal_year=2023, fund_code="own_funds")
    tables = ("cash_book_entries", "audit_log", "projects", "imported_files")
    before = {table: store.scalar(f"SELECT count(*) FROM {table}") for table in tables}

    def cancel_at_the_second_batch(done: int, total: int) -> None:
        if done > 400:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_with_opening(store, council, 2023, preview, progress=cancel_at_the_second_batch)
    assert {table: store.scalar(f"SELECT count(*) FROM {table}") for table in tables} == before
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []
