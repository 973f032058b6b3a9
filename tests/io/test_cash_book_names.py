"""The words of home-made cash books: headers, 費目 synonyms, 会計区分, 小計 and 繰越 rows."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.io import cash_book_names as names
from kyodo_desktop.io.cash_book_import import parse_fund


@pytest.mark.parametrize(("text", "code"), [
    ("運営支援", "operating_support"), ("活動支援交付金", "activity_support"),
    ("　自主財源 ", "own_funds"), ("activity_support", "activity_support"),
    ("OWN_FUNDS", "own_funds"), ("（運営支援）", "operating_support"),
])
def test_parse_fund(text, code):
    assert parse_fund(text) == code


def test_parse_fund_rejects_other_names():
    with pytest.raises(ValidationError) as caught:
        parse_fund("一般会計")
    assert caught.value.field == "fund"
    assert caught.value.message == ("「一般会計」は会計区分ではありません。"
                                    "運営支援・活動支援・自主財源のいずれかを入力してください。")


@pytest.mark.parametrize(("header", "field"), [
    ("日　付", "entry_date"), ("年月日", "entry_date"), ("摘 要", "description"),
    ("勘定科目", "category"), ("収入金額（円）", "income"), ("出金", "expense"),
    ("金額(円)", "amount"), ("差引残高", "balance"), ("相手先", "payee"),
    ("No.", "voucher_no"), ("証憑番号", "voucher_no"), ("メモ", "memo"), ("会計", "fund"),
    ("担当者", None), ("", None),
])
def test_header_field(header, field):
    assert names.header_field(header) == field


@pytest.mark.parametrize(("name", "direction", "code"), [
    ("消耗品", "expense", "consumables"), ("消耗品費", None, "consumables"),
    ("印刷費", "expense", "printing"), ("通信費", "expense", "postage"),
    ("郵送料", None, "postage"), ("会費", None, "membership_fees"),
    ("寄附金", "income", "donations"), ("会議費", None, None), ("会議費", "expense", None),
    ("会費", "expense", None), ("消耗品", "income", None), ("需用費", "expense", "supplies"),
])
def test_category_code(name, direction, code):
    assert names.category_code(name, direction) == code


@pytest.mark.parametrize("text", ["小計", "合計", "4月計", "４月分合計", "支出合計", "累計",
                                  "月計", "【小計】", "令和5年度合計", "計"])
def test_subtotal_words(text):
    assert names.is_subtotal(text)


@pytest.mark.parametrize("text", ["時計", "会計", "合計3点の購入", "掛け時計購入", "設計費", ""])
def test_not_subtotals(text):
    assert not names.is_subtotal(text)


def test_carry_over_words():
    assert all(names.is_carried(t) for t in ("次年度繰越", "次年度へ繰越", "前月繰越",
                                             "5月より繰越", "次月繰越金", "翌年度繰越金", "4月分繰越"))
    assert all(names.is_opening(t) for t in ("前年度繰越", "前年度より繰越", "前年度繰越金",
                                             "（前期繰越）"))
    assert not names.is_opening("次年度繰越") and not names.is_carried("前年度繰越")
    assert not names.is_carried("繰越明許の説明会")
