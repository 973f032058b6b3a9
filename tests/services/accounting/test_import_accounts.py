"""The 出納簿 import reads an 口座 column when the file has one: each row goes on the 口座 it
names, rows without one on 現金, an unknown 口座 refuses the import naming the row."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_import import apply_import, preview_cash_book
from kyodo_desktop.services.accounting import accounts, cash_book

from .accounting_support import FY, new_council

BANK = {"bank_name": "やまぐち銀行", "branch_name": "湯田支店", "account_type": "ordinary",
        "account_number": "7654321", "holder": "湯田地域づくり協議会"}
HEADER = ["日付", "区分", "費目", "摘要", "収入", "支出", "口座"]


def test_rows_go_on_the_account_they_name(store, write_csv):
    council = new_council(store)
    bank, _ = accounts.save_bank_account(store, council, BANK)
    path = write_csv([HEADER, ["R7.4.10", "自主財源", "会費", "会費", "30000", "", "普通預金"],
                      ["R7.4.11", "自主財源", "消耗品費", "文具", "", "500", ""],
                      ["R7.4.12", "自主財源", "消耗品費", "封筒", "", "300", "現金"]])
    preview = preview_cash_book(path, fiscal_year=FY, fund_code=None)
    assert [row.account for row in preview.rows] == ["普通預金", "", "現金"]
    apply_import(store, council, FY, preview)
    cash = accounts.cash_account_id(store, council)
    placed = [(row.description, row.account_id)
              for row in cash_book.list_entries(store, council, FY)]
    assert placed == [("会費", bank), ("文具", cash), ("封筒", cash)]


def test_an_unknown_account_refuses_the_import_naming_the_row(store, write_csv):
    council = new_council(store)
    path = write_csv([HEADER, ["R7.4.10", "自主財源", "会費", "会費", "30000", "", "当座預金"]])
    preview = preview_cash_book(path, fiscal_year=FY, fund_code=None)
    with pytest.raises(UserError, match="2 行目"):
        apply_import(store, council, FY, preview)
    assert cash_book.list_entries(store, council, FY) == []
