"""The fast path of the 出納簿 import (remembered parts, :class:`RowTaker`) gives exactly what
the exact row-by-row path gives: the same preview rows, entries, errors, warnings, skipped rows,
前年度繰越 and unknown 費目 in the same order, and the same stored entries and 変更履歴.
Workbooks mix good rows with every kind of bad or special row, repeated so that the remembered
parts are used, in three column layouts."""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.text import printable
from kyodo_desktop.io import cash_book_import
from kyodo_desktop.io.cash_book_import import apply_import, describe_preview, preview_cash_book
from kyodo_desktop.io.cash_book_rows import clean_text
from kyodo_desktop.io.cash_book_take import RowTaker

DATES = ["R7.4.1", dt.date(2025, 4, 2), "4/10", "7/4/20", "〃", "", "同上", "令和7年5月31日",
         "R6.4.1", "R7.4.31", "٣/٤", dt.datetime(2025, 5, 1, 10, 30), "2025-06-01", "x"]
AMOUNTS = ["3,000", "¥1,234", "１２００", "△500", "-300", "0", "", "1,2,00", "٣٠٠", "300",
           "99999999999999999999", 5000, 12.5, "abc", "1200円"]
CATEGORIES = ["会費", "消耗品費", "消耗品", "会議費", "雑入", "繰越金", "", "交付金", "負担金",
              "返還金", "（消耗品 費）", "謎の費目"]
DIRECTIONS = ["収入", "支出", "", "入", "x"]
FUNDS = ["", "自主財源", "活動支援", "運営", "財源X"]
DESCRIPTIONS = ["用紙", "前年度繰越", "4月計", "合計", "次年度繰越", "繰越", "ｶﾀｶﾅ", "ＡＢＣ",
                "a\u200bb", "two  spaces", "=HYPERLINK(\"x\")", "", "tab\there", "計画書",
                "繰り返し", "ﾃﾞｰﾀ 1"]
PAYEES = ["文具店", "", "ﾌﾞﾝｸﾞﾃﾝ", "Ｘ社", "a\u202eb", "line\u2028sep", "山口市"]
VOUCHERS = ["", "1", "Ｎｏ．５", "12"]
BALANCES = ["", "", "", "10,000", "abc"]
PROJECTS = ["", "", "夏祭り", "夏祭り　"]
ACCOUNTS = ["", "", "現金"]
MONTHS = ["4", "4月", "", "5", "13", "〃"]
DAYS = ["1", "2日", "〃", "", "31"]

LAYOUTS = {
    "income_expense": ["日付", "摘要", "費目", "収入", "支出", "残高", "支払先", "領収書番号",
                       "備考", "事業", "口座"],
    "signed_amount": ["日付", "収支", "費目", "摘要", "金額", "区分", "支払先", "残高"],
    "month_day": ["月", "日", "摘要", "費目", "収入", "支出", "区分", "事業"],
}


def _cell(pick, pool, good, index):
    """Mostly one of a few good values (so that parts repeat), sometimes anything."""
    return pick.choice(pool) if pick.random() < 0.3 else good[index % len(good)]


def _rows(layout: str, count: int, seed: int) -> list[list]:
    pick = random.Random(seed)
    rows = [["令和7年度 出納簿"], [], LAYOUTS[layout],
            ["", "前年度繰越", "", "12,000"] if layout == "income_expense" else []]
    for index in range(count):
        if pick.random() < 0.03:
            rows.append(pick.choice([[], LAYOUTS[layout], ["", "小計", "", "100"]]))
            continue
        date = _cell(pick, DATES, ["R7.4.1", dt.date(2025, 4, 2), "〃", "4/10"], index)
        category = _cell(pick, CATEGORIES, ["消耗品費", "会費", "消耗品"], index)
        amount = _cell(pick, AMOUNTS, ["300", "1,200", 5000], index)
        description = _cell(pick, DESCRIPTIONS, [f"用紙 {index}", "会費", "ｶﾀｶﾅ"], index)
        payee, memo = pick.choice(PAYEES), pick.choice(["", "備考", "two  spaces"])
        if layout == "income_expense":
            income, expense = (amount, "") if category == "会費" else ("", amount)
            if pick.random() < 0.05:
                income = expense = amount
            rows.append([date, description, category, income, expense, pick.choice(BALANCES),
                         payee, pick.choice(VOUCHERS + [str(index)]), memo,
                         pick.choice(PROJECTS), pick.choice(ACCOUNTS)])
        elif layout == "signed_amount":
            direction = _cell(pick, DIRECTIONS, ["支出", "収入", ""], index)
            rows.append([date, direction, category, description, amount,
                         _cell(pick, FUNDS, ["自主財源", "活動支援"], index), payee,
                         pick.choice(BALANCES)])
        else:
            income, expense = (amount, "") if category == "会費" else ("", amount)
            rows.append([_cell(pick, MONTHS, ["4", "", "5"], index),
                         _cell(pick, DAYS, ["1", "2日", "〃"], index), description, category,
                         income, expense, _cell(pick, FUNDS, ["自主財源", ""], index),
                         pick.choice(PROJECTS)])
    return rows


def _both(monkeypatch, path, **options):
    takers = []

    def taker(*args, **keywords):
        takers.append(RowTaker(*args, **keywords))
        return takers[-1]

    with monkeypatch.context() as patch:
        patch.setattr(cash_book_import, "RowTaker", taker)
        fast = preview_cash_book(path, **options)
    with monkeypatch.context() as patch:
        patch.setattr(cash_book_import, "RowTaker", functools.partial(taker, fast=False))
        exact = preview_cash_book(path, **options)
    assert takers[0].fast_rows > len(exact.entries) // 2  # most good rows took the fast path
    assert takers[1].fast_rows == 0
    return fast, exact


def _same(fast, exact) -> None:
    assert fast.rows == exact.rows
    assert fast.skipped == exact.skipped
    assert fast.openings == exact.openings
    assert fast.unknown_categories == exact.unknown_categories
    assert describe_preview(fast, max_rows=10_000) == describe_preview(exact, max_rows=10_000)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", [1, 2])
def test_fast_rows_are_the_exact_rows(monkeypatch, write_xlsx, layout, seed):
    path = write_xlsx(_rows(layout, 1500, seed))
    fund = "自主財源" if layout == "income_expense" else None
    fast, exact = _both(monkeypatch, path, fiscal_year=2025, fund_code=fund,
                        category_map={"会議費": "food"} if seed == 2 else None)
    _same(fast, exact)
    kinds = {bool(row.errors) for row in exact.rows}
    assert kinds == {True, False} and exact.skipped and len(exact.entries) > 300


def test_fast_rows_of_a_csv(monkeypatch, tmp_path):
    rows = _rows("signed_amount", 800, 3)
    path = tmp_path / "book.csv"
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in map(str, row)) for row in rows),
                    encoding="utf-8")
    fast, exact = _both(monkeypatch, path, fiscal_year=2025, fund_code=None)
    _same(fast, exact)
    assert len(exact.entries) > 100


def _stored(store) -> tuple[list, list]:
    entries = store.conn.execute(
        "SELECT * FROM cash_book_entries ORDER BY id").fetchall()
    from kyodo_desktop.store import audit

    logged = [row for (key, after) in store.conn.execute(
        "SELECT row_key, after FROM audit_log WHERE table_name = 'cash_book_entries' ORDER BY id")
        for row in (audit.batch_rows(after) if key.startswith(audit.BATCH_KEY)
                    else [json.loads(after)])]  # the rows of a batch record one by one
    return ([row[:-2] for row in entries],  # created_at and account_id: the time, the 現金 id
            [{k: v for k, v in after.items() if k != "created_at"} for after in logged])


def test_fast_rows_store_what_the_exact_rows_store(monkeypatch, tmp_path, write_xlsx):
    from kyodo_desktop.services.council.profile import create_council
    from kyodo_desktop.store import audit, open_store

    path = write_xlsx(_rows("income_expense", 2000, 4))
    fast, exact = _both(monkeypatch, path, fiscal_year=2025, fund_code="自主財源")
    stored = []
    for name, preview in (("fast", fast), ("exact", exact)):
        with open_store(tmp_path / f"{name}.sqlite3") as store:
            council_id, _changes = create_council(store, "湯田地域づくり協議会")
            apply_import(store, council_id, 2025, preview, skip_bad_rows=True)
            assert audit.verify_chain(store) == []
            stored.append(_stored(store))
    assert stored[0] == stored[1]
    assert len(stored[0][0]) == len(exact.entries) > 500


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("a 漢=-1"), max_size=12)
       | st.text(alphabet=st.sampled_from("a Ａｶﾞ漢\u3000\t\n\x07\u200b=-1１"), max_size=12)
       | st.text(max_size=12))
@example("用紙  2枚 ")
@example(" ＡＢ ｶﾅ")
@example("a\u200bb")
def test_clean_text_keeps_to_its_definition(text):
    """The shortcut for printable text without double spaces or narrow characters gives what
    dropping the unprintable, collapsing the blanks and NFKC of 全角英数・ｶﾅ give."""
    spaced = " ".join(printable(text, keep_newlines=False).split())
    expected = re.sub(r"[Ａ-Ｚａ-ｚ０-９]+|[\uff61-\uff9f]+",
                      lambda found: unicodedata.normalize("NFKC", found.group()), spaced)
    assert clean_text(text) == expected
