"""The import dialog (preview with row numbers and errors, 費目 matching, confirm), the export
buttons, and 年度締め / 締めの解除 from the page header."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from .conftest import FY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
HEADER = ["日付", "摘要", "費目", "収入", "支出", "領収書番号"]


def _csv(tmp_path, rows):
    path = tmp_path / "book.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _table(dialog):
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


@pytest.fixture
def dialog(context, qtbot):
    from kyodo_desktop.ui.accounts.import_dialog import ImportDialog

    widget = ImportDialog(context, "own_funds")
    qtbot.addWidget(widget)
    return widget


def test_preview_shows_errors_with_row_numbers_and_writes_nothing(dialog, store, tmp_path):
    path = _csv(tmp_path, [["令和7年度 出納簿"], HEADER,
                           ["R7.4.5", "会費", "会費", "5,000", "", ""],
                           ["R7.4.6", "用紙", "消耗品費", "", "千円くらい", "1"],
                           ["R9.4.7", "切手", "通信運搬費", "", "840", "2"],
                           ["", "合計", "", "5,000", "840", ""]])
    dialog.load_file(path)
    rows = {row[0]: row for row in _table(dialog)}
    assert set(rows) == {"3", "4", "5", "6"}  # the spreadsheet's row numbers
    assert rows["3"][1] == "OK" and rows["3"][5] == "5,000"
    assert rows["4"][1] == "エラー" and "支出" in rows["4"][6]
    assert rows["5"][1] == "エラー" and "年度" in rows["5"][6]
    assert rows["6"][1] == "取り込まない"
    assert "2" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # bad rows block …
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0
    dialog.skip_bad.setChecked(True)  # … unless the user leaves them out
    assert dialog.import_button.isEnabled()
    assert dialog.confirm() is True
    assert store.scalar("SELECT group_concat(amount) FROM cash_book_entries") == "5000"


def test_unknown_category_is_matched_in_the_dialog(dialog, store, tmp_path):
    path = _csv(tmp_path, [HEADER, ["R7.5.1", "役員会 お茶", "会議費", "", "1,200", "7"],
                           ["", "前年度繰越", "", "30,000", "", ""]])
    dialog.load_file(path)
    assert dialog.mapping_box.isVisibleTo(dialog)
    assert dialog.mapping_form.rowCount() == 1
    assert not dialog.import_button.isEnabled()
    dialog.map_category("会議費", "food")
    assert dialog.preview.bad_rows == []
    assert not dialog.mapping_box.isVisibleTo(dialog)
    assert "30,000" in dialog.summary.text()  # the opening balance that will be taken
    assert dialog.confirm() is True
    assert store.scalar("SELECT expense_category_code FROM cash_book_entries") == "food"
    assert store.scalar("SELECT carried_in FROM opening_balances WHERE fund_code = "
                        "'own_funds'") == 30_000
    assert "30,000" in dialog.outcome_message


def test_export_buttons_write_workbooks(page, store, context, tmp_path):
    from datetime import date

    from kyodo_desktop.domain.accounting import CashBookEntryInput
    from kyodo_desktop.services.accounting import cash_book

    cash_book.record_entry(store, context.council_id, FY, CashBookEntryInput(
        date(FY, 4, 2), "own_funds", "income", "membership_fees", "会費", 7_000))
    assert page.export_cash_book(tmp_path / "cb.xlsx")
    values = [c.value for row in openpyxl.load_workbook(tmp_path / "cb.xlsx").active.iter_rows()
              for c in row]
    assert "会費" in values and 7_000 in values
    assert page.export_budget_vs_actual(tmp_path / "bva.xlsx")
    assert (tmp_path / "bva.xlsx").stat().st_size > 0


def test_close_and_reopen_from_the_header(page, context, store, answers, errors, monkeypatch):
    from kyodo_desktop.ui.shell import text_input

    assert page.close_year() is True
    assert "令和7年度" in answers.asked[-1] and "令和7年度" in answers.told[-1]
    assert store.scalar("SELECT count(*) FROM year_closes WHERE reopened_at IS NULL") == 1
    assert page.reopen_button.isVisibleTo(page) and not page.close_button.isVisibleTo(page)
    monkeypatch.setattr(text_input, "ask_text", lambda *a, **k: ("", True))
    assert page.reopen_year() is False and "理由" in errors[-1]
    monkeypatch.setattr(text_input, "ask_text", lambda *a, **k: ("入力漏れ", True))
    assert page.reopen_year() is True
    assert store.scalar("SELECT reopen_reason FROM year_closes") == "入力漏れ"
    assert page.close_button.isVisibleTo(page)


def test_close_is_blocked_by_errors_and_shows_the_checks(page, context, store, errors):
    from datetime import date

    from kyodo_desktop.domain.accounting import CashBookEntryInput
    from kyodo_desktop.services.accounting import cash_book

    cash_book.record_entry(store, context.council_id, FY, CashBookEntryInput(
        date(FY, 4, 2), "own_funds", "expense", "consumables", "用紙", 500, voucher_no="1"))
    # own funds below zero: an error that blocks the 年度締め
    assert page.close_year() is False
    assert page.tabs.currentWidget() is page.checks
    assert page.checks.table.rowCount() >= 1
    assert "エラー" in page.checks.table.item(0, 0).text()
    assert store.scalar("SELECT count(*) FROM year_closes") == 0


def test_closing_a_year_without_entries_asks_first(page, context, store, answers):
    from PySide6.QtWidgets import QMessageBox

    replies = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    answers_question = QMessageBox.question

    def question(*args, **kwargs):
        answers_question(*args, **kwargs)
        return next(replies)

    QMessageBox.question = question
    try:
        assert page.close_year() is False
    finally:
        QMessageBox.question = answers_question
    assert "記帳が1件もありません" in answers.asked[-1]
    assert store.scalar("SELECT count(*) FROM year_closes") == 0
    assert page.close_year() is True  # answered Yes twice
    assert store.scalar("SELECT count(*) FROM year_closes") == 1
