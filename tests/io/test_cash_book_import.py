"""Previewing a treasurer's messy 出納簿: exact rows, exact errors with the spreadsheet's row
numbers, skipped rows, the 前年度繰越 row, unknown columns and 費目 (issue 5, item 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_import import describe_preview, preview_cash_book

D = dt.date
TITLE = [["令和5年度 ○○地域づくり協議会 出納簿"], ["（活動支援交付金）"], []]
HEADER = ["日付", "摘要", "費目", "収入", "支出", "残高", "支払先", "領収書番号", "備考", "担当者"]
MESSY_ROWS = TITLE + [
    HEADER,                                                                          # row 4
    ["", "前年度繰越", "", "12,000", "", "12,000"],                                  # 5
    ["R5.4.1", "地域づくり交付金 概算払", "交付金", "¥500,000", "", "512,000", "山口市"],
    [D(2023, 4, 5), "コピー用紙", "消耗品", "", "3,300円", "508,700", "○○文具", 1],  # 7
    ["4/10", "会議用お茶", "会議費", "", "1,000", "507,700", "", 2, "理事会"],       # 8
    ["5/4/20", "切手", "郵送料", "", "840", "506,000", "", "3"],                     # 9
    ["", "4月計", "", "500,000", "5,140"],                                           # 10
    [],                                                                              # 11
    ["令和5年5月31日", "チラシ印刷", "印刷費", "", "△500"],                         # 12
    ["R5.4.31", "ガソリン", "燃料費", "", "100"],                                    # 13
    ["〃", "灯油", "燃料費", "", "1,2,00"],                                          # 14
    ["R6.4.1", "封筒", "消耗品", "", "100"],                                         # 15
    ["R5.6.1", "会費", "会費", "3,000", "3,000"],                                    # 16
    ["R5.6.2", "会費", "会費", "", "3,000"],                                         # 17
    HEADER,                                                                          # 18
    ["", "合計", "", "500,000", "8,740"],                                             # 19
    ["", "次年度繰越", "", "", "", "503,260"],                                       # 20
]


def _expense(day, description, category, amount, **fields):
    return CashBookEntryInput(entry_date=day, fund_code="activity_support", direction="expense",
                              category_code=category, description=description, amount=amount,
                              **fields)


@pytest.fixture
def messy(write_xlsx):
    return write_xlsx(MESSY_ROWS)


def test_messy_workbook_rows(messy):
    preview = preview_cash_book(messy, fiscal_year=2023, fund_code="活動支援")
    assert preview.header_row == 4
    assert preview.fund_code == "activity_support"
    assert {row.row_number: row.entry for row in preview.rows if row.ok} == {
        6: CashBookEntryInput(entry_date=D(2023, 4, 1), fund_code="activity_support",
                              direction="income", category_code="grant",
                              description="地域づくり交付金 概算払", amount=500_000,
                              payee="山口市"),
        7: _expense(D(2023, 4, 5), "コピー用紙", "consumables", 3300, payee="○○文具",
                    voucher_no="1"),
        9: _expense(D(2023, 4, 20), "切手", "postage", 840, voucher_no="3"),
    }
    assert [e.amount for e in preview.entries] == [500_000, 3300, 840]
    assert preview.totals() == (500_000, 4140)


def test_messy_workbook_errors_name_row_and_column(messy):
    preview = preview_cash_book(messy, fiscal_year=2023, fund_code="activity_support")
    errors = {row.row_number: row.errors for row in preview.bad_rows}
    assert sorted(errors) == [8, 12, 13, 14, 15, 16, 17]
    assert errors[8] == ["「費目」列: 「会議費」はアプリの費目にありません。"
                         "どの費目にあたるかを選んでください。"]
    assert errors[16] == ["「収入」列と「支出」列の両方に金額があります。どちらか一方だけにしてください。"]
    assert errors[17] == ["「費目」列: 「会費」は収入の費目ですが、金額は支出になっています。"]
    # messages written by domain/money and domain/dateparse: the column, then what is wrong
    assert errors[12][0].startswith("「支出」列: ") and "△500" in errors[12][0]
    assert errors[13][0].startswith("「日付」列: ") and "R5.4.31" in errors[13][0]
    assert errors[14][0].startswith("「支出」列: ") and "1,2,00" in errors[14][0]
    assert errors[15][0].startswith("「日付」列: ") and "令和6年4月1日" in errors[15][0]
    assert all(len(found) == 1 for found in errors.values())


def test_messy_workbook_skips_opening_and_leftovers(messy):
    preview = preview_cash_book(messy, fiscal_year=2023, fund_code="activity_support")
    assert (preview.opening_balance, preview.opening_balance_row) == (12_000, 5)
    assert preview.opening_balance_fund == "activity_support"
    assert [(row.row_number, row.reason) for row in preview.skipped] == [
        (10, "小計・合計の行"),
        (18, "見出しの繰り返し"),
        (19, "小計・合計の行"),
        (20, "繰越の行（前月繰越・次年度繰越など）"),
    ]
    assert preview.unknown_columns == ["担当者"]
    assert preview.unknown_categories == ["会議費"]
    assert preview.columns["entry_date"] == "日付" and "balance" in preview.columns


def test_balance_column_is_cross_checked(messy):
    preview = preview_cash_book(messy, fiscal_year=2023, fund_code="activity_support")
    warnings = {row.row_number: row.warnings for row in preview.rows if row.warnings}
    # row 9: 507,700 (row 8's 残高) − 840 = 506,860, the sheet says 506,000
    assert warnings == {9: ["「残高」列: 506,000円 は、上の行から計算した 506,860円 と合いません。"]}


def test_category_map_resolves_unknown_names(messy):
    preview = preview_cash_book(messy, fiscal_year=2023, fund_code="activity_support",
                                category_map={"会議費": "food"})
    row = next(row for row in preview.rows if row.row_number == 8)
    assert row.ok and row.entry == _expense(D(2023, 4, 10), "会議用お茶", "food", 1000,
                                            voucher_no="2", memo="理事会")
    assert preview.unknown_categories == []
    with pytest.raises(ValueError):
        preview_cash_book(messy, fiscal_year=2023, fund_code="activity_support",
                          category_map={"会議費": "meetings"})


def test_cp932_csv_with_signed_amounts_and_full_width_digits(write_csv):
    rows = [
        ["出納簿（令和５年度）"],
        ["年月日", "内容", "科目", "金額", "残高", "取引先", "証憑番号", "区分"],
        ["令和５年４月１日", "前年度より繰越", "", "５０，０００", "５０，０００"],
        ["令和５年４月３日", "会費　山田様", "会費", "３，０００", "５３，０００"],
        ["令和５年４月１０日", "ﾌｧｲﾙ", "消耗品費", "△１，２００", "５１，８００", "",
         "Ｎｏ．５", "運営支援"],
        ["令和５年４月１５日", "寄付", "寄付金", "-2000"],
        ["Ｒ５．５．１", "会議", "会議費", "1000"],
        ["令和５年５月２日", "ノート", "消耗品", "▲500", "", "", "", "本部"],
        ["", "※領収書は別冊に綴じています"],
    ]
    path = write_csv(rows, encoding="cp932")
    preview = preview_cash_book(path, fiscal_year=2023, fund_code="own_funds")
    assert preview.encoding == "cp932" and preview.header_row == 2
    assert (preview.opening_balance, preview.opening_balance_row) == (50_000, 3)
    assert [(row.row_number, row.entry) for row in preview.rows if row.ok] == [
        (4, CashBookEntryInput(entry_date=D(2023, 4, 3), fund_code="own_funds",
                               direction="income", category_code="membership_fees",
                               description="会費 山田様", amount=3000)),
        (5, CashBookEntryInput(entry_date=D(2023, 4, 10), fund_code="operating_support",
                               direction="expense", category_code="consumables",
                               description="ファイル", amount=1200, voucher_no="No.5")),
    ]
    errors = {row.row_number: row.errors for row in preview.bad_rows}
    assert errors == {
        6: ["「科目」列: 「寄付金」は収入の費目ですが、金額は支出になっています。"],
        7: ["「科目」列: 「会議費」はアプリの費目にありません。どの費目にあたるかを選んでください。"],
        8: ["「区分」列: 「本部」は会計区分ではありません。"
            "運営支援・活動支援・自主財源のいずれかを入力してください。"],
    }
    assert not any(row.warnings for row in preview.rows)
    assert [(row.row_number, row.reason) for row in preview.skipped] == [
        (9, "日付・金額・費目のない行（メモ）")]


def test_separate_month_and_day_columns(write_xlsx):
    path = write_xlsx([
        ["月", "日", "摘要", "費目", "入金", "出金"],
        ["4", "3", "会費", "会費", "2,000", ""],
        ["", "〃", "会費", "会費", "1,000", ""],
        ["", "28", "お茶", "食糧費", "", "500"],
        ["1月", "5日", "新年会場", "使用料", "", "3,000"],
    ])
    preview = preview_cash_book(path, fiscal_year=2023, fund_code="own_funds")
    assert [(e.entry_date, e.direction, e.category_code, e.amount) for e in preview.entries] == [
        (D(2023, 4, 3), "income", "membership_fees", 2000),
        (D(2023, 4, 3), "income", "membership_fees", 1000),
        (D(2023, 4, 28), "expense", "food", 500),
        (D(2024, 1, 5), "expense", "rentals", 3000),
    ]


@pytest.mark.parametrize(("fiscal_year", "text", "expected"), [
    (2023, "5/4/1", D(2023, 4, 1)),
    (2023, "23/4/1", D(2023, 4, 1)),
    (2018, "30/4/1", D(2018, 4, 1)),
    (2018, "31/3/31", D(2019, 3, 31)),
    (2023, "4/1", D(2023, 4, 1)),
    (2023, "3/31", D(2024, 3, 31)),
    (2023, "令和5年4月1日", D(2023, 4, 1)),
    (2023, "2024/1/15", D(2024, 1, 15)),
])
def test_short_dates_resolve_in_the_chosen_fiscal_year(write_xlsx, fiscal_year, text, expected):
    path = write_xlsx([["日付", "摘要", "費目", "金額"], [text, "x", "消耗品", "△100"]])
    preview = preview_cash_book(path, fiscal_year=fiscal_year, fund_code="own_funds")
    assert [e.entry_date for e in preview.entries] == [expected], preview.rows[0].errors


def test_missing_required_column_is_named(write_xlsx):
    path = write_xlsx(TITLE + [["日付", "摘要", "収入", "支出"], ["R5.4.1", "x", "", "100"]])
    with pytest.raises(UserError) as caught:
        preview_cash_book(path, fiscal_year=2023, fund_code="own_funds")
    assert caught.value.message == (
        "見出しの行（4 行目）に 「費目」 の列がありません。列名を 日付・摘要・費目・収入・支出"
        "（または金額）のようにしてから、もう一度お試しください。")
    one_sided = write_xlsx([["日付", "費目", "収入"]], name="one.xlsx")
    with pytest.raises(UserError) as caught:
        preview_cash_book(one_sided, fiscal_year=2023, fund_code="own_funds")
    assert "「金額（または収入・支出）」" in caught.value.message


def test_file_without_header_row(write_xlsx):
    path = write_xlsx([["令和5年度"], ["R5.4.1", "会費", "1,000"]])
    with pytest.raises(UserError) as caught:
        preview_cash_book(path, fiscal_year=2023, fund_code="own_funds")
    assert caught.value.message.startswith("見出しの行が見つかりません。")


def test_plain_carry_over_is_opening_only_before_entries(write_xlsx):
    path = write_xlsx([
        ["日付", "摘要", "費目", "収入", "支出", "残高"],
        ["R5.4.1", "繰越金", "", "", "", "7,000"],
        ["R5.4.2", "会費", "会費", "1,000", "", "8,000"],
        ["R5.5.1", "繰越", "", "", "", "8,000"],
        ["R5.5.2", "前年度繰越", "", "9", "", ""],
    ])
    preview = preview_cash_book(path, fiscal_year=2023, fund_code="own_funds")
    assert (preview.opening_balance, preview.opening_balance_row) == (7000, 2)
    assert [(row.row_number, row.reason) for row in preview.skipped] == [
        (4, "繰越の行（前月繰越・次年度繰越など）")]
    assert [(row.row_number, row.errors) for row in preview.bad_rows] == [
        (5, ["前年度繰越の行が二つあります（一つ目は 2 行目）。どちらか一方を消してください。"])]
    assert not any(row.warnings for row in preview.rows)


def test_describe_preview_lists_bad_rows(messy):
    preview = preview_cash_book(messy, fiscal_year=2023, fund_code="activity_support")
    text = describe_preview(preview)
    assert "取り込む行: 3 行（収入 500,000円、支出 4,140円）" in text
    assert "誤りのある行: 7 行" in text
    assert "8 行目: 「費目」列: 「会議費」はアプリの費目にありません。" in text
    assert "前年度繰越金: 12,000円（5 行目）" in text
    assert "{" not in text
